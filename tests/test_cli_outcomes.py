"""`rumourbot threads resolve` and `rumourbot kb jobs / export / set-job`, as an operator runs them."""

from __future__ import annotations

import json
import tomllib
from datetime import UTC, datetime
from pathlib import Path

from bot.domain import Relation
from bot.domain.jobs import JobChange
from bot.store.sqlite import SQLiteStore
from tests.builders import add_job, add_thread
from tests.cli_support import cli_env, rumourbot

WHEN = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


async def stored(tmp_path: Path) -> int:
    store = await SQLiteStore.open(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        thread = await add_thread(store, "Andoni Iraola", "Chelsea", Relation.TALKS, [(WHEN, "David Ornstein", 1)])
        await add_job(store, "Andoni Iraola", "Chelsea", JobChange.APPOINTED, WHEN)
        await add_job(store, "Liam Rosenior", "Chelsea", JobChange.SACKED, datetime(2026, 11, 20, tzinfo=UTC))
    finally:
        await store.close()
    return thread


async def test_threads_resolve_marks_a_thread_and_refuses_one_that_does_not_exist(tmp_path: Path) -> None:
    thread = await stored(tmp_path)
    env = cli_env(tmp_path)
    done = rumourbot(env, "threads", "resolve", str(thread), "false", "--note", "he stayed")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"thread #{thread} (Andoni Iraola → Chelsea) resolved false")
    assert f"resolved thread #{thread} (Andoni Iraola → Chelsea) false (was open): he stayed" in done.stderr  # logged
    missing = rumourbot(env, "threads", "resolve", "9999", "true")
    assert (missing.returncode, missing.stderr.strip().splitlines()[-1]) == (2, "rumourbot: there is no thread #9999")
    bad = rumourbot(env, "threads", "resolve", str(thread), "maybe")
    assert bad.returncode == 2
    assert "invalid choice: 'maybe'" in bad.stderr


async def test_kb_jobs_lists_what_was_learned_with_its_source_and_since_filters(tmp_path: Path) -> None:
    await stored(tmp_path)
    env = cli_env(tmp_path)
    jobs = rumourbot(env, "kb", "jobs")
    assert jobs.returncode == 0, jobs.stderr
    assert jobs.stdout.splitlines() == [
        "2026-11-20  Liam Rosenior: sacked by Chelsea — Chelsea (official) <https://news.example/j>",
        "2026-12-01  Andoni Iraola: appointed by Chelsea — Chelsea (official) <https://news.example/j>",
    ]
    since = rumourbot(env, "kb", "jobs", "--since", "2026-11-25")
    assert since.stdout.splitlines() == [jobs.stdout.splitlines()[1]]
    assert rumourbot(env, "kb", "jobs", "--since", "yesterday").returncode == 2


async def test_kb_export_writes_the_shipped_file_with_the_learned_clubs_for_review(tmp_path: Path) -> None:
    await stored(tmp_path)
    out = tmp_path / "managers.toml"
    done = rumourbot(cli_env(tmp_path), "kb", "export", str(out))
    assert done.returncode == 0, done.stderr
    text = out.read_text("utf-8")
    assert text.startswith("# Learned changes of job written back by `rumourbot kb export`")
    assert "#   2026-12-01  Andoni Iraola: appointed by Chelsea" in text
    managers = {m["name"]: m for m in tomllib.loads(text)["manager"]}
    assert managers["Andoni Iraola"]["club"] == "Chelsea"
    assert managers["Liam Rosenior"]["club"] == ""
    assert managers["Unai Emery"]["club"] == "Aston Villa"  # untouched
    assert managers["Andoni Iraola"]["aliases"]  # everything else as shipped


async def test_kb_set_job_corrects_a_job_and_names_unknown_names(tmp_path: Path) -> None:
    await stored(tmp_path)
    env = cli_env(tmp_path)
    done = rumourbot(env, "kb", "set-job", "iraola", "none")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Andoni Iraola: no club from now on")
    assert "  Andoni Iraola: set to no club — by cli:" in rumourbot(env, "kb", "jobs").stdout.splitlines()[-1]
    moved = rumourbot(env, "kb", "set-job", "Liam Rosenior", "bournemouth")
    assert moved.stdout.startswith("Liam Rosenior: AFC Bournemouth from now on")
    unknown = rumourbot(env, "kb", "set-job", "Nobody Atall", "Chelsea")
    assert unknown.returncode == 2
    assert "'Nobody Atall' is not a manager of the knowledge base" in unknown.stderr
    club = rumourbot(env, "kb", "set-job", "iraola", "Atlantis FC")
    assert club.returncode == 2
    assert "'Atlantis FC' is not a club of the knowledge base, nor none" in club.stderr


async def test_ask_json_gives_each_threads_resolution(tmp_path: Path) -> None:
    thread = await stored(tmp_path)
    env = cli_env(tmp_path)
    assert rumourbot(env, "threads", "resolve", str(thread), "true", "--note", "announced").returncode == 0
    asked = rumourbot(env, "ask", "iraola", "--json")
    assert asked.returncode == 0, asked.stderr
    [found] = json.loads(asked.stdout)["threads"]
    assert {k: found["resolution"][k] for k in ("outcome", "cause", "note")} == {
        "outcome": "true",
        "cause": "operator",
        "note": "announced",
    }
    assert found["record"] == "Ornstein: 1 of 1 resolved manager call right"
