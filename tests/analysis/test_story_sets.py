"""Every labelled story set passes its own checks, and the shared checker catches a broken label."""

from __future__ import annotations

import datetime
import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
CHECKED = sorted(p.parent.name for p in DATA.glob("analysis-set*/check.py"))


@pytest.mark.parametrize("story_set", CHECKED)
def test_every_story_set_passes_its_own_checks(story_set: str) -> None:
    done = subprocess.run(
        [sys.executable, str(DATA / story_set / "check.py")], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("storyset_check", DATA / "storyset_check.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_checker_refuses_a_definite_event_that_is_not_done(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    checker = _checker()
    source = DATA / "analysis-set6"
    for path in source.glob("h*.json"):
        shutil.copy(path, tmp_path / path.name)
    rules = checker.Rules(
        prefix="h",
        stories=60,
        exact=True,
        first_day=datetime.datetime(2026, 1, 1),
        after_last_day=datetime.datetime(2026, 12, 1),
    )
    assert checker.run(tmp_path, rules) == 0
    story = next(p for p in sorted(tmp_path.glob("h*.json")) if json.loads(p.read_text("utf-8"))["expected"]["rumours"])
    data = json.loads(story.read_text("utf-8"))
    data["expected"]["rumours"][0].update(relation="sacked", factuality="possible")
    story.write_text(json.dumps(data), "utf-8")
    capsys.readouterr()
    assert checker.run(tmp_path, rules) == 1
    assert "definite relation sacked without done" in capsys.readouterr().out


def test_the_checker_numbers_stories_after_a_prefix_of_two_letters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    checker = _checker()
    for path in (DATA / "analysis-set35").glob("hl*.json"):
        shutil.copy(path, tmp_path / path.name)
    rules = checker.Rules(
        prefix="hl",
        stories=50,
        exact=True,
        min_rss=35,
        first_day=datetime.datetime(2026, 1, 1),
        after_last_day=datetime.datetime(2026, 12, 1),
    )
    assert checker.run(tmp_path, rules) == 0
    gap = next(tmp_path.glob("hl07-*.json"))
    gap.rename(tmp_path / gap.name.replace("hl07-", "hl51-"))
    capsys.readouterr()
    assert checker.run(tmp_path, rules) == 1
    assert "story numbers are not hl01 .. hlNN" in capsys.readouterr().out
