"""``db export`` / ``db import``: SQLite → PostgreSQL → SQLite carries a populated database exactly.

Databases are filled by the real pipeline (poller and dispatcher over a loopback feed server) plus
the store API; PostgreSQL tests use a new schema each (``pg_url``) and skip when no server answers.
"""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.analysis.analyser import Analyser
from bot.questions import SOMEONE_ELSE, Answer, NewQuestion, Player, QuestionKind, QuestionStatus, Score
from bot.store.base import ChatPrefs, link_key
from bot.store.sql import Store
from bot.store.transfer import TransferError, export_database, import_database, read_header
from tests.cli_support import cli_env, rumourbot
from tests.fakes.clock import FakeClock
from tests.fakes.feed_server import FeedServer
from tests.fakes.recording_sender import RecordingSender
from tests.store.contract_support import AGREED, FAN, LINKED, NOW, SACKED, TALKS, Running, open_url, publish

DIGEST = "test:digest:"
PAUSED = "test:paused:"


async def populate(url: str, analyser: Analyser) -> None:
    """Feeds (polled, failing, never polled), entries, stories, threads with reports and stages,
    follows (active and paused), chat prefs, deliveries sent and pending, thread messages, a feed
    lease, language-model calls, claims, resolutions, a learned job, a pinned board and a tier override."""
    clock, sender, items = FakeClock(NOW), RecordingSender(), list[dict[str, str]]()
    async with FeedServer() as srv:
        publish(srv, clock, items, LINKED)
        async with Running.start(url, analyser, clock, sender) as bot:
            store = bot.store
            await store.add_feed(srv.url("/wire.xml"), "Wire", clock())
            await store.follow(FAN.key, "manager", "Xabi Alonso", "", clock())
            await store.follow(DIGEST, "all", "all", "1234", clock())
            await store.set_chat_prefs(DIGEST, ChatPrefs(mode="daily", min_tier=3, min_stage="talks"))
            await store.follow(PAUSED, "club", "Chelsea", "", clock())
            await store.deactivate_chat(PAUSED)
            for story in (None, TALKS, AGREED, SACKED):
                if story is not None:
                    publish(srv, clock, items, story)
                await bot.cycle(clock)
            broken = await store.add_feed(srv.url("/broken.xml"), "", clock())
            await store.record_fetch_failure(
                broken.id, error="HTTP 500", next_poll_at=clock() + timedelta(minutes=5), now=clock(), disable=False
            )
            await store.add_feed(srv.url("/later.xml"), "Later", clock())  # never polled: "poll at once"
            await store.lease_due_feeds("worker-1", clock(), 1, timedelta(minutes=5))
            await store.pin_board(FAN.key, "sackrace", "Premier League", clock())
            await store.set_tier_override(FAN.key, "David Ornstein", 2)
            call = await store.llm_reserve("article-1", clock(), 10)
            assert call is not None
            await store.llm_finish(call, response='{"manager": "Xabi Alonso"}')
            failed = await store.llm_reserve("article-2", clock(), 10)
            assert failed is not None
            await store.llm_finish(failed, error="timed out")
            await play(store, clock())
    assert {c.kind for c in sender.calls} >= {"send", "edit", "send_text"}, sender.calls


async def play(store: Store, now: datetime) -> None:
    """A prediction question answered, posted, resolved and scored, and a chat with automatic questions off."""
    options = ("Xabi Alonso", SOMEONE_ELSE)
    job = NewQuestion(
        FAN.key, QuestionKind.NEXT_MANAGER, "Bayern Munich", "", options, now, "7", now + timedelta(days=9)
    )
    q = await store.predictions.open_question(job)
    assert q is not None
    [post] = await store.predictions.claim_posts(["test"], now, 5, lease_for=timedelta(minutes=1))
    await store.predictions.post_sent(post, "m-q", "poll-1", now)
    await store.predictions.record_answers([Answer("42", "Fan", 0, now, None, "telegram", "poll-1", "tg:1:poll-1:42")])
    score = Score(q.id, Player.FAN, "42", "Fan", "Xabi Alonso", now, True, 100, "David Ornstein", 60)
    assert await store.predictions.resolve_question(
        q.id, QuestionStatus.RESOLVED, outcome=0, text_="Bayern Munich appointed Xabi Alonso", outcome_at=now,
        source="Bayern Munich", season="2025-26", scores=[score], now=now,
    )  # fmt: skip
    await store.predictions.set_auto(DIGEST, False, now)


async def views(url: str) -> dict[str, Any]:
    """What the bot reads back through the store API."""
    store: Store = await open_url(url)
    try:
        alonso = await store.threads_about(manager="Xabi Alonso")
        chelsea = await store.threads_about(club="Chelsea")
        threads = [v.state.id for v in (*alonso, *chelsea) if v.state.id is not None]
        return {
            "feeds": await store.list_feeds(),
            "threads": (alonso, chelsea, await store.hot_threads(NOW + timedelta(hours=1), 10)),
            "follows": [await store.following(chat) for chat in (FAN.key, DIGEST, PAUSED)],
            "prefs": [await store.chat_prefs(chat) for chat in (FAN.key, DIGEST)],
            "messages": [await store.thread_message(t, FAN.key) for t in threads],
            "logs": [await store.thread_log(t, chat) for t in threads for chat in (FAN.key, DIGEST)],
            "entries": [await store.thread_entries(t) for t in threads],
            "why": await store.entries_by_link(link_key("https://news.example/w1")),
            "llm": await store.llm_cached("article-1"),
            "questions": [
                (
                    q,
                    await store.predictions.answers(q.id),
                    await store.predictions.scores(q.id),
                    await store.predictions.post_traces(q.id),
                )
                for q in await store.predictions.questions(FAN.key)
            ],
            "auto": await store.predictions.auto_on(DIGEST),
        }
    finally:
        await store.close()


def content(path: Path) -> tuple[tuple[str, int, str], ...]:
    return tuple((t.name, t.rows, t.sha256) for t in read_header(path).tables)


def sqlite_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names if n != "schema_migrations"}


# -- round trips --------------------------------------------------------------------------------


async def test_sqlite_to_postgresql_and_back_keeps_every_row_count_checksum_and_read(
    tmp_path: Path, pg_url: str, analyser: Analyser
) -> None:
    first, second = f"sqlite:///{tmp_path / 'first.db'}", f"sqlite:///{tmp_path / 'second.db'}"
    await populate(first, analyser)
    with sqlite3.connect(tmp_path / "first.db") as conn:
        statuses = {r[0] for r in conn.execute("SELECT status FROM deliveries")}
    assert {"sent", "pending"} <= statuses

    from_sqlite = await export_database(first, tmp_path / "a.dump")
    assert (await import_database(tmp_path / "a.dump", pg_url)).sha256 == from_sqlite.sha256
    from_postgres = await export_database(pg_url, tmp_path / "b.dump")
    await import_database(tmp_path / "b.dump", second)
    await export_database(second, tmp_path / "c.dump")

    assert (from_sqlite.source, from_postgres.source) == ("sqlite", "postgresql")
    assert content(tmp_path / "a.dump") == content(tmp_path / "b.dump") == content(tmp_path / "c.dump")
    assert from_postgres.sha256 == from_sqlite.sha256
    assert all(t.rows > 0 for t in from_sqlite.tables), from_sqlite.tables
    assert sqlite_counts(tmp_path / "second.db") == sqlite_counts(tmp_path / "first.db")
    original = await views(first)
    assert await views(pg_url) == original
    assert await views(second) == original


async def test_postgresql_to_sqlite_keeps_every_row_count_checksum_and_read(
    tmp_path: Path, pg_url: str, analyser: Analyser
) -> None:
    target = f"sqlite:///{tmp_path / 'moved.db'}"
    await populate(pg_url, analyser)
    exported = await export_database(pg_url, tmp_path / "pg.dump")
    await import_database(tmp_path / "pg.dump", target)
    again = await export_database(target, tmp_path / "sqlite.dump")
    assert content(tmp_path / "pg.dump") == content(tmp_path / "sqlite.dump")
    assert again.sha256 == exported.sha256
    assert all(t.rows > 0 for t in exported.tables), exported.tables
    assert await views(target) == await views(pg_url)


async def test_every_table_in_the_database_is_carried_with_its_row_count(tmp_path: Path, analyser: Analyser) -> None:
    await populate(f"sqlite:///{tmp_path / 'x.db'}", analyser)
    summary = await export_database(f"sqlite:///{tmp_path / 'x.db'}", tmp_path / "x.dump")
    assert {t.name: t.rows for t in summary.tables} == sqlite_counts(tmp_path / "x.db")
    with gzip.open(tmp_path / "x.dump", "rt", encoding="utf-8") as fh:
        sections = [json.loads(line)["table"] for line in fh if line.startswith('{"table"')]
    assert sections == [t.name for t in summary.tables]
    assert sections.index("feeds") < sections.index("entries") < sections.index("stories")


async def test_rows_added_after_an_import_get_fresh_ids(tmp_path: Path, store_url: str, analyser: Analyser) -> None:
    source = f"sqlite:///{tmp_path / 'source.db'}"
    await populate(source, analyser)
    await export_database(source, tmp_path / "s.dump")
    await import_database(tmp_path / "s.dump", store_url)
    store = await open_url(store_url)
    try:
        before = await store.list_feeds()
        added = await store.add_feed("https://feeds.example/new.xml", "New", NOW)
        assert added.id > max(f.id for f in before)
        assert await store.follow("test:new:", "club", "Chelsea", "", NOW) is True
        call = await store.llm_reserve("article-new", NOW, 10)
        assert call is not None
        await store.llm_finish(call, response="{}")
        assert await store.llm_cached("article-new") == "{}"
        assert await store.llm_cached("article-1") == '{"manager": "Xabi Alonso"}'
    finally:
        await store.close()


# -- refusals -----------------------------------------------------------------------------------


async def small_dump(tmp_path: Path) -> Path:
    url = f"sqlite:///{tmp_path / 'small.db'}"
    store = await open_url(url)
    try:
        feed = await store.add_feed("https://feeds.example/a.xml", "A", NOW)
        await store.follow(FAN.key, "manager", "Xabi Alonso", "", NOW)
        for n in range(30):
            await store.follow(f"test:chat{n}:", "club", "Chelsea", "", NOW)
        assert feed.id == 1
    finally:
        await store.close()
    await export_database(url, tmp_path / "small.dump")
    return tmp_path / "small.dump"


async def test_import_into_a_store_that_has_rows_is_refused_and_changes_nothing(tmp_path: Path, store_url: str) -> None:
    dump = await small_dump(tmp_path)
    store = await open_url(store_url)
    try:
        await store.follow("test:mine:", "all", "all", "", NOW)
    finally:
        await store.close()
    with pytest.raises(TransferError, match=r"is not empty \(rows in subscriptions\)"):
        await import_database(dump, store_url)
    store = await open_url(store_url)
    try:
        assert (await store.list_feeds(), len(await store.following("test:mine:"))) == ([], 1)
        assert await store.following(FAN.key) == []
    finally:
        await store.close()


def _rewrite(path: Path, edit: Any) -> None:
    """Decompress, let ``edit`` change the lines, compress again (a well-formed gzip file)."""
    lines = gzip.decompress(path.read_bytes()).decode().splitlines(keepends=True)
    path.write_bytes(gzip.compress("".join(edit(lines)).encode()))


def _header(lines: list[str], **changes: Any) -> list[str]:
    return [json.dumps({**json.loads(lines[0]), **changes}) + "\n", *lines[1:]]


def _changed_row(lines: list[str]) -> list[str]:
    index = next(i for i, line in enumerate(lines) if "test:chat7:" in line)
    return [*lines[:index], lines[index].replace("test:chat7:", "test:chatX:"), *lines[index + 1 :]]


def _dropped_row(lines: list[str]) -> list[str]:
    return [line for line in lines if "test:chat7:" not in line]


DAMAGE: dict[str, tuple[Callable[[Path], object], str]] = {
    "truncated": (lambda p: p.write_bytes(p.read_bytes()[:-12]), "truncated"),
    "last line cut": (lambda p: _rewrite(p, lambda ls: [*ls[:-1], ls[-1][:-3]]), "truncated"),
    "row changed": (lambda p: _rewrite(p, _changed_row), "table subscriptions does not match its checksum"),
    "row dropped": (lambda p: _rewrite(p, _dropped_row), "table subscriptions has 30 rows, the header says 31"),
    "wrong format version": (lambda p: _rewrite(p, lambda ls: _header(ls, version=99)), "dump format version 99"),
    "wrong schema version": (lambda p: _rewrite(p, lambda ls: _header(ls, schema_version=1)), "schema version 1"),
    "not a dump": (lambda p: _rewrite(p, lambda ls: ['{"hello": 1}\n']), "not a rumourbot dump"),
    "not gzip": (lambda p: p.write_text("feeds,entries\n"), "not a gzip file"),
    "bit flipped": (lambda p: p.write_bytes(_flip(p.read_bytes())), "corrupt"),
}


def _flip(data: bytes) -> bytes:
    middle = len(data) // 2  # inside the rows' compressed data, well before the gzip trailer
    return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]


@pytest.mark.parametrize("damage", DAMAGE)
async def test_a_damaged_dump_is_refused_naming_the_problem_and_the_target_stays_empty(
    tmp_path: Path, store_url: str, damage: str
) -> None:
    dump = await small_dump(tmp_path)
    spoil, problem = DAMAGE[damage]
    spoil(dump)
    with pytest.raises(TransferError, match=problem) as refused:
        await import_database(dump, store_url)
    assert str(dump) in str(refused.value) or "schema version" in str(refused.value)
    store = await open_url(store_url)
    try:
        assert (await store.list_feeds(), await store.following(FAN.key)) == ([], [])
    finally:
        await store.close()
    await import_database(await small_dump(tmp_path / "again"), store_url)  # the target is still usable


@pytest.mark.parametrize("damage", ["wrong schema version", "bit flipped"])
async def test_a_refused_import_into_a_new_sqlite_file_leaves_no_file_behind(tmp_path: Path, damage: str) -> None:
    dump = await small_dump(tmp_path / "dump")
    spoil, problem = DAMAGE[damage]
    spoil(dump)
    target = tmp_path / "new"
    target.mkdir()
    with pytest.raises(TransferError, match=problem):
        await import_database(dump, f"sqlite:///{target / 'moved.db'}")
    assert os.listdir(target) == []


async def test_export_of_a_missing_database_is_refused_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(TransferError, match="no database file at"):
        await export_database(f"sqlite:///{tmp_path / 'none.db'}", tmp_path / "x.dump")
    assert os.listdir(tmp_path) == []


# -- the command line ---------------------------------------------------------------------------


def test_db_export_and_import_commands_move_a_database_and_refuse_a_second_import(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    assert rumourbot(env, "feeds", "add", "https://feeds.example/a.xml", "--outlet", "A").returncode == 0
    dump, target = tmp_path / "all.dump", f"sqlite:///{tmp_path / 'moved.db'}"

    exported = rumourbot(env, "db", "export", str(dump))
    assert exported.returncode == 0, exported.stderr
    assert "exported 1 rows of" in exported.stdout
    imported = rumourbot(env, "db", "import", str(dump), "--to", target)
    assert imported.returncode == 0, imported.stderr
    assert "counts and checksums match" in imported.stdout
    listed = rumourbot({**env, "RUMOURBOT_STORE__URL": target}, "feeds", "list")
    assert "https://feeds.example/a.xml" in listed.stdout

    again = rumourbot(env, "db", "import", str(dump), "--to", target)
    assert again.returncode == 2
    assert "is not empty (rows in feeds)" in again.stderr
    moved_back = rumourbot(env, "db", "export", str(tmp_path / "back.dump"), "--from", target)
    assert moved_back.returncode == 0, moved_back.stderr
    assert content(tmp_path / "back.dump") == content(dump)
