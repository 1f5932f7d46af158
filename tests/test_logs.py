"""Log output: the human-readable text format, and one JSON object per line for log collectors."""

from __future__ import annotations

import json
import logging
import re
import warnings
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot import cli
from bot.config import LogSettings
from bot.logs import configure_logging
from tests.cli_support import cli_env, rumourbot
from tests.ports import refused_port

TEXT_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (DEBUG|INFO|WARNING|ERROR|CRITICAL) [\w.]+: ")


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """configure_logging changes the root logger and warnings.showwarning; put them back."""
    root = logging.getLogger()
    handlers, level, showwarning = list(root.handlers), root.level, warnings.showwarning
    yield
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(False)
    warnings.showwarning = showwarning


def json_lines(text: str) -> list[dict[str, Any]]:
    """Every line of ``text`` parsed as a JSON object (fails on the first line that is not one)."""
    objects = [json.loads(line) for line in text.splitlines()]
    assert all(isinstance(o, dict) for o in objects)
    return objects


@pytest.mark.usefixtures("restore_logging")
def test_json_line_has_utc_time_level_logger_and_message_with_arguments_applied(
    capsys: pytest.CaptureFixture[str],
) -> None:
    configure_logging(LogSettings(level="INFO", format="json"))
    before = datetime.now(UTC)
    logging.getLogger("bot.test").warning("feed %s failed %d times", "https://x.example/rss", 3)
    [record] = json_lines(capsys.readouterr().err)
    assert {k: record[k] for k in ("level", "logger", "message")} == {
        "level": "WARNING",
        "logger": "bot.test",
        "message": "feed https://x.example/rss failed 3 times",
    }
    at = datetime.fromisoformat(record["time"])
    assert at.utcoffset() == timedelta(0)
    assert before - timedelta(seconds=1) <= at <= datetime.now(UTC)
    assert "exception" not in record


@pytest.mark.usefixtures("restore_logging")
def test_json_line_carries_the_exception_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(LogSettings(format="json"))
    try:
        raise ValueError("bad feed body")
    except ValueError:
        logging.getLogger("bot.test").exception("cycle failed")
    [record] = json_lines(capsys.readouterr().err)
    assert (record["level"], record["message"]) == ("ERROR", "cycle failed")
    assert record["exception"].startswith("Traceback (most recent call last):")
    assert record["exception"].endswith("ValueError: bad feed body")


@pytest.mark.usefixtures("restore_logging")
def test_json_record_stays_on_one_line_whatever_the_message_holds(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(LogSettings(format="json"))
    message = "line one\nline two\r\u2028\u2029\x85 Müller → Bayern"
    logging.getLogger("bot.test").info("%s", message)
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert err.isascii()
    assert json_lines(err)[0]["message"] == message


@pytest.mark.usefixtures("restore_logging")
def test_level_setting_drops_less_severe_records(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(LogSettings(level="WARNING", format="json"))
    log = logging.getLogger("bot.test")
    log.info("not shown")
    log.warning("shown")
    assert [r["message"] for r in json_lines(capsys.readouterr().err)] == ["shown"]


@pytest.mark.usefixtures("restore_logging")
def test_configuring_again_replaces_the_handler_instead_of_doubling_lines(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(LogSettings(format="json"))
    configure_logging(LogSettings(format="text"))
    logging.getLogger("bot.test").warning("once %s", "only")
    [line] = capsys.readouterr().err.splitlines()
    assert TEXT_LINE.match(line)
    assert line.endswith(" WARNING bot.test: once only")


@pytest.mark.usefixtures("restore_logging")
def test_json_format_turns_runtime_warnings_into_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(LogSettings(format="json"))
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn("old API", DeprecationWarning, stacklevel=1)
    [record] = json_lines(capsys.readouterr().err)
    assert (record["level"], record["logger"]) == ("WARNING", "py.warnings")
    assert "DeprecationWarning: old API" in record["message"]


def poll_env(tmp_path: Path, log_format: str) -> dict[str, str]:
    (tmp_path / "feeds.toml").write_text(f'[[feed]]\nurl = "http://127.0.0.1:{refused_port()}/feed.xml"\n')
    return cli_env(tmp_path, log__format=log_format, feeds__allow_private_addresses="true", feeds__fulltext="false")


def test_with_json_logs_every_stderr_line_of_config_check_and_a_failing_poll_is_a_json_object(
    tmp_path: Path,
) -> None:
    env = poll_env(tmp_path, "json")
    check = rumourbot(env, "config", "check")
    assert check.returncode == 0, check.stderr
    assert json.loads(check.stdout)["log"]["format"] == "json"
    json_lines(check.stderr)

    poll = rumourbot(env, "poll", "--once")
    assert poll.returncode == 0, poll.stderr
    records = json_lines(poll.stderr)
    assert records, "poll logs its migrations and the failed feed"
    assert {"time", "level", "logger", "message"} <= set().union(*records)
    failed = [r for r in records if r["logger"] == "bot.pipeline.poller"]
    assert [r["level"] for r in failed] == ["WARNING"]
    assert "failed (connection failed" in failed[0]["message"]


@pytest.mark.parametrize("command", [["ask", "alonso"], ["analyse", "article.txt"]])
def test_with_json_logs_a_command_error_is_one_json_error_line(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "article.txt").write_text("Alonso talks\nBayern are in talks with Xabi Alonso.\n")
    command = [str(tmp_path / arg) if arg.endswith(".txt") else arg for arg in command]
    env = cli_env(tmp_path, log__format="json", knowledge__managers=str(tmp_path / "absent.toml"))
    done = rumourbot(env, *command)
    assert done.returncode == 2
    [record] = json_lines(done.stderr)
    assert record["level"] == "ERROR"
    assert record["message"] == f"{tmp_path / 'absent.toml'}: file not found"


def test_text_logs_keep_the_human_readable_format_and_plain_error_lines(tmp_path: Path) -> None:
    env = poll_env(tmp_path, "text")
    poll = rumourbot(env, "poll", "--once")
    assert poll.returncode == 0, poll.stderr
    lines = poll.stderr.splitlines()
    assert lines
    assert all(TEXT_LINE.match(line) for line in lines), lines
    assert any(" WARNING bot.pipeline.poller: feed http://127.0.0.1:" in line for line in lines)

    env["RUMOURBOT_KNOWLEDGE__MANAGERS"] = str(tmp_path / "absent.toml")
    done = rumourbot(env, "ask", "alonso")
    assert (done.returncode, done.stderr) == (2, f"rumourbot: {tmp_path / 'absent.toml'}: file not found\n")


@pytest.mark.usefixtures("restore_logging")
def test_with_json_logs_an_unexpected_error_is_a_critical_json_line_with_its_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(config: object, args: object) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.setenv("RUMOURBOT_LOG__FORMAT", "json")
    monkeypatch.setattr(cli, "_run", broken)
    assert cli.main(["config", "check"]) == 1
    [record] = json_lines(capsys.readouterr().err)
    assert (record["level"], record["logger"], record["message"]) == ("CRITICAL", "bot.cli", "unexpected error")
    assert record["exception"].endswith("RuntimeError: disk on fire")
