"""`rumourbot analyse`: the JSON contract and exit status 2 with a one-line message on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"is_manager_rumour", "managers", "clubs", "rumours", "sources", "summary"}


def _analyse(data: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "analyse", *args],
        cwd=ROOT,
        input=data,
        capture_output=True,
        timeout=60,
        check=False,
    )


def test_json_output_is_exactly_one_object_with_the_contract_keys() -> None:
    article = {
        "title": "Chelsea sack Mauricio Pochettino",
        "text": "Chelsea have sacked head coach Mauricio Pochettino, the club said in a statement.",
        "url": "https://example.org/a",
        "outlet": "BBC Sport",
    }
    result = _analyse(json.dumps(article).encode(), "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert set(out) == KEYS
    assert out["is_manager_rumour"] is True
    assert out["rumours"][0].keys() == {"manager", "club", "relation", "factuality", "event", "confidence", "evidence"}
    assert (out["rumours"][0]["factuality"], out["rumours"][0]["event"]) == ("done", "sacked")
    assert (out["rumours"][0]["manager"], out["rumours"][0]["club"], out["rumours"][0]["relation"]) == (
        "Mauricio Pochettino",
        "Chelsea",
        "sacked",
    )
    assert 0 <= out["rumours"][0]["confidence"] <= 1
    assert all(source.keys() >= {"name", "tier", "outlet"} for source in out["sources"])


def test_json_marks_an_announced_event_still_to_come() -> None:
    article = {
        "title": "Jans to retire",
        "text": "FC Utrecht have announced that head coach Ron Jans will retire at the end of the season.",
    }
    result = _analyse(json.dumps(article).encode(), "--json")
    assert result.returncode == 0, result.stderr
    (rumour,) = json.loads(result.stdout)["rumours"]
    assert (rumour["relation"], rumour["factuality"], rumour["later"]) == ("left", "done", True)


def test_json_marks_an_exit_told_only_as_a_parting_of_ways() -> None:
    article = {"title": "Sevilla news", "text": "Sevilla have parted ways with head coach Matías Almeyda."}
    result = _analyse(json.dumps(article).encode(), "--json")
    assert result.returncode == 0, result.stderr
    (rumour,) = json.loads(result.stdout)["rumours"]
    assert (rumour["relation"], rumour["factuality"], rumour["parted"]) == ("sacked", "done", True)


def test_plain_text_first_line_is_the_title(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Ten Hag sacked by Manchester United\nManchester United have sacked Erik ten Hag.\n")
    result = _analyse(b"", str(story), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["managers"] == ["Erik ten Hag"]


def test_readable_output_without_json_flag() -> None:
    result = _analyse(b"Slot appointed Liverpool head coach\nLiverpool have appointed Arne Slot as head coach.")
    assert result.returncode == 0
    assert b"Arne Slot" in result.stdout
    assert b"appointed" in result.stdout


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", b"input is empty"),
        (b"   \n\n", b"input is empty"),
        (b"\x00\x01\x02binary", b"binary"),
        (b"\xff\xfe\xfa not utf8", b"not UTF-8"),
        (b'{"title": "x", "text": ', b"invalid JSON"),
        (b'["a", "b"]', b"must be an object"),
        (b'{"title": 5, "text": "x"}', b"string 'title'"),
        (b'{"title": "t", "text": "x", "published": "yesterday"}', b"not an ISO 8601 date"),
        (b"x" * 1_000_001, b"limit is 1 MB"),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_problem(data: bytes, message: bytes) -> None:
    result = _analyse(data, "--json")
    assert result.returncode == 2
    assert result.stdout == b""
    assert message in result.stderr
    assert result.stderr.count(b"\n") == 1


def test_missing_file_exits_2() -> None:
    result = _analyse(b"", "/nonexistent/story.json")
    assert result.returncode == 2
    assert b"cannot read" in result.stderr
