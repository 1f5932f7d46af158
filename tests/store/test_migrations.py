"""Numbered plain-SQL migrations, applied once each, with the applied version kept in the database."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from bot.store.migrate import load_migrations
from bot.store.sqlite import SQLiteStore
from tests.cli_support import cli_env, rumourbot

# The bookkeeping table exactly as the store creates it.
SCHEMA_MIGRATIONS = (
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
    " applied_at TEXT NOT NULL)"
)
NOW = datetime(2025, 6, 11, 9, 0, tzinfo=UTC)
ALL = [(m.version, m.name) for m in load_migrations("sqlite")]
LATEST = ALL[-1][0]


def applied_versions(path: Path) -> list[tuple[int, str]]:
    with closing(sqlite3.connect(path)) as db:
        return [(int(r[0]), str(r[1])) for r in db.execute("SELECT version, name FROM schema_migrations ORDER BY 1")]


def columns(path: Path, table: str) -> list[str]:
    with closing(sqlite3.connect(path)) as db:
        return [str(r[1]) for r in db.execute(f"PRAGMA table_info({table})")]


def make_version_1_database(path: Path) -> None:
    """A database as the first release left it: only 0001 applied, with a feed, an entry and a follow."""
    first = load_migrations("sqlite")[0]
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.executescript(
            f"BEGIN;\n{SCHEMA_MIGRATIONS};\n{first.sql}\n"
            "INSERT INTO schema_migrations VALUES (1, 'initial', '2025-06-01 10:00:00');\n"
            "INSERT INTO feeds (url, outlet, etag, first_poll_done, added_at) VALUES"
            " ('https://feeds.example/football.xml', 'BBC Sport', '\"v7\"', 1, '2025-06-01T10:00:00+00:00');\n"
            "INSERT INTO entries (feed_id, entry_key, title, seen_at) VALUES"
            " (1, 'guid:abc', 'Old story', '2025-06-01T10:00:00+00:00');\n"
            "INSERT INTO subscriptions (chat_key, target_kind, target, created_at) VALUES"
            " ('telegram:42:', 'manager', 'Xabi Alonso', '2025-06-01T10:00:00+00:00');\n"
            "COMMIT;"
        )
    finally:
        db.close()


def test_migration_files_are_numbered_from_0001_without_gaps() -> None:
    migrations = load_migrations("sqlite")
    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))
    assert [(m.version, m.name) for m in migrations[:2]] == [(1, "initial"), (2, "feed_title")]
    assert "ALTER TABLE feeds ADD COLUMN title" in migrations[1].sql


async def test_an_empty_file_gets_every_migration_and_reopening_applies_none_again(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    store = await SQLiteStore.open(f"sqlite:///{path}")
    try:
        assert await store.schema_version() == LATEST
        assert await store.migrate() == []
    finally:
        await store.close()
    assert applied_versions(path) == ALL
    assert "title" in columns(path, "feeds")
    again = await SQLiteStore.open(f"sqlite:///{path}")
    try:
        assert await again.migrate() == []
    finally:
        await again.close()
    assert applied_versions(path) == ALL


async def test_a_version_1_database_is_upgraded_to_the_latest_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    make_version_1_database(path)
    assert "title" not in columns(path, "feeds")
    store = await SQLiteStore.open(f"sqlite:///{path}", migrate=False)
    try:
        assert await store.schema_version() == 1
        assert await store.migrate() == list(range(2, LATEST + 1))
        assert await store.schema_version() == LATEST
        [feed] = await store.list_feeds()
        assert (feed.url, feed.outlet, feed.etag, feed.first_poll_done, feed.title) == (
            "https://feeds.example/football.xml",
            "BBC Sport",
            '"v7"',
            True,
            "",
        )
        assert await store.known_entry_keys(feed.id, ["guid:abc", "guid:new"]) == {"guid:abc"}
        assert [(s.target_kind, s.target) for s in await store.following("telegram:42:")] == [
            ("manager", "Xabi Alonso")
        ]
        await store.record_fetch_ok(
            feed.id, etag=None, last_modified=None, next_poll_at=NOW, now=NOW, title="BBC Sport - Football"
        )
        [feed] = await store.list_feeds()
        assert feed.title == "BBC Sport - Football"
    finally:
        await store.close()
    assert applied_versions(path) == ALL


def test_db_migrate_command_upgrades_then_says_the_database_is_up_to_date(tmp_path: Path) -> None:
    make_version_1_database(tmp_path / "x.db")
    env = cli_env(tmp_path)
    first = rumourbot(env, "db", "migrate")
    upgraded = ", ".join(f"{v:04d}" for v in range(2, LATEST + 1))
    assert (first.returncode, first.stdout) == (
        0,
        f"database is up to date: schema version {LATEST} (applied {upgraded})\n",
    )
    second = rumourbot(env, "db", "migrate")
    assert (second.returncode, second.stdout) == (
        0,
        f"database is up to date: schema version {LATEST} (nothing to apply)\n",
    )
    assert applied_versions(tmp_path / "x.db") == ALL
