"""SQLite store (aiosqlite): WAL, foreign keys, numbered migrations, one writer at a time."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiosqlite

from bot.domain import Relation
from bot.rumours.threads import ThreadState, current_heat
from bot.store.base import (
    ChatPrefs,
    Delivery,
    EntryTrace,
    EventTrace,
    FeedRow,
    ReportRow,
    StageRow,
    StoreError,
    Subscription,
    ThreadView,
)
from bot.store.migrate import load_migrations
from bot.store.sqlite_leases import END_LEASE, SQLiteLeases
from bot.store.sqlite_tx import SQLiteIngestTx
from bot.store.timefmt import parse_optional, parse_ts, ts
from bot.store.tracing import TraceReads

log = logging.getLogger(__name__)
_FEED_COLUMNS = (
    "id, url, outlet, etag, last_modified, first_poll_done, next_poll_at, failures, failing_since,"
    " last_error, disabled_reason, last_ok_at, title"
)


def sqlite_path(url: str) -> Path:
    if not url.startswith("sqlite:///"):
        raise StoreError(f"not a SQLite URL: {url!r}")
    return Path(url[len("sqlite:///") :])


def _feed(row: Any) -> FeedRow:
    return FeedRow(
        id=int(row[0]),
        url=str(row[1]),
        outlet=str(row[2]),
        etag=row[3],
        last_modified=row[4],
        first_poll_done=bool(row[5]),
        next_poll_at=parse_optional(row[6] or None),
        failures=int(row[7]),
        failing_since=parse_optional(row[8]),
        last_error=row[9],
        disabled_reason=row[10],
        last_ok_at=parse_optional(row[11]),
        title=str(row[12]),
    )


class SQLiteStore:
    """The default store. Open with ``await SQLiteStore.open(url)``; migrations run on open."""

    def __init__(self, db: aiosqlite.Connection, path: Path) -> None:
        self._db = db
        self.path = path
        self._write = asyncio.Lock()
        self._traces = TraceReads(self._rows, numbered=False)
        self._leases = SQLiteLeases(db, self._write, _FEED_COLUMNS, _feed)

    @classmethod
    async def open(cls, url: str, *, migrate: bool = True) -> SQLiteStore:
        path = sqlite_path(url)
        try:
            if str(path) != ":memory:":
                path.parent.mkdir(parents=True, exist_ok=True)
            db = await aiosqlite.connect(path, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open database {path}: {exc}") from exc
        store = cls(db, path)
        try:
            await db.execute("PRAGMA busy_timeout = 5000")
            await db.execute("PRAGMA journal_mode = WAL")
            await db.execute("PRAGMA foreign_keys = ON")
            await db.execute("PRAGMA synchronous = NORMAL")
            if migrate:
                await store.migrate()
        except sqlite3.Error as exc:
            await db.close()
            raise StoreError(f"database {path}: {exc}") from exc
        return store

    async def close(self) -> None:
        await self._db.close()

    # -- migrations ----------------------------------------------------------------------------

    async def schema_version(self) -> int:
        await self._db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL)"
        )
        async with self._db.execute("SELECT coalesce(max(version), 0) FROM schema_migrations") as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def migrate(self) -> list[int]:
        """Apply pending migrations, each in its own transaction; return the versions applied."""
        applied: list[int] = []
        async with self._write:
            current = await self.schema_version()
            for migration in load_migrations("sqlite"):
                if migration.version <= current:
                    continue
                script = (
                    f"BEGIN IMMEDIATE;\n{migration.sql}\n"
                    f"INSERT INTO schema_migrations (version, name, applied_at) VALUES "
                    f"({migration.version}, '{migration.name}', datetime('now'));\nCOMMIT;"
                )
                try:
                    await self._db.executescript(script)
                except sqlite3.Error as exc:
                    if self._db.in_transaction:
                        await self._db.execute("ROLLBACK")
                    raise StoreError(f"migration {migration.version:04d}_{migration.name} failed: {exc}") from exc
                log.info("applied migration %04d_%s", migration.version, migration.name)
                applied.append(migration.version)
        return applied

    # -- transactions --------------------------------------------------------------------------

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[SQLiteIngestTx]:
        async with self._write:
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                yield SQLiteIngestTx(self._db)
            except BaseException:
                await self._db.execute("ROLLBACK")
                raise
            else:
                await self._db.execute("COMMIT")

    async def _write_one(self, sql: str, params: Sequence[object] = ()) -> int:
        async with self._write:
            cur = await self._db.execute(sql, params)
            return cur.rowcount

    async def _rows(self, sql: str, params: Sequence[object] = ()) -> list[Any]:
        async with self._db.execute(sql, params) as cur:
            return list(await cur.fetchall())

    # -- feeds ---------------------------------------------------------------------------------

    async def sync_feeds(self, feeds: Sequence[tuple[str, str]], now: datetime) -> int:
        async with self._write:
            before = self._db.total_changes
            await self._db.executemany(
                "INSERT OR IGNORE INTO feeds (url, outlet, added_at) VALUES (?, ?, ?)",
                [(url, outlet, ts(now)) for url, outlet in feeds],
            )
            return self._db.total_changes - before

    async def add_feed(self, url: str, outlet: str, now: datetime) -> FeedRow:
        await self._write_one(
            "INSERT INTO feeds (url, outlet, added_at) VALUES (?, ?, ?) ON CONFLICT (url) DO UPDATE SET"
            " outlet = excluded.outlet, disabled_reason = NULL, failures = 0, failing_since = NULL,"
            " last_error = NULL, next_poll_at = ''",  # re-adding a disabled feed polls it at once
            (url, outlet, ts(now)),
        )
        rows = await self._rows(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE url = ?", (url,))
        return _feed(rows[0])

    async def remove_feed(self, url: str) -> bool:
        return await self._write_one("DELETE FROM feeds WHERE url = ?", (url,)) > 0

    async def list_feeds(self) -> list[FeedRow]:
        return [_feed(r) for r in await self._rows(f"SELECT {_FEED_COLUMNS} FROM feeds ORDER BY id")]

    async def due_feeds(self, now: datetime, limit: int) -> list[FeedRow]:
        rows = await self._rows(
            f"SELECT {_FEED_COLUMNS} FROM feeds WHERE disabled_reason IS NULL"
            " AND (next_poll_at = '' OR next_poll_at <= ?) ORDER BY next_poll_at LIMIT ?",
            (ts(now), limit),
        )
        return [_feed(r) for r in rows]

    async def known_entry_keys(self, feed_id: int, keys: Sequence[str]) -> set[str]:
        known: set[str] = set()
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = await self._rows(
                f"SELECT entry_key FROM entries WHERE feed_id = ? AND entry_key IN ({marks})",
                (feed_id, *chunk),
            )
            known.update(r[0] for r in rows)
        return known

    async def record_fetch_ok(
        self,
        feed_id: int,
        *,
        etag: str | None,
        last_modified: str | None,
        next_poll_at: datetime,
        now: datetime,
        moved_to: str | None = None,
        title: str | None = None,
        worker: str | None = None,
    ) -> None:
        async with self._write:
            await self._db.execute(
                "UPDATE feeds SET etag = ?, last_modified = ?, next_poll_at = ?, failures = 0,"
                " failing_since = NULL, last_error = NULL, last_ok_at = ?, first_poll_done = 1,"
                f" title = coalesce(?, title), {END_LEASE} WHERE id = ?",
                (etag, last_modified, ts(next_poll_at), ts(now), title and title[:300], *[worker] * 4, feed_id),
            )
            if moved_to:
                try:
                    await self._db.execute("UPDATE feeds SET url = ? WHERE id = ?", (moved_to, feed_id))
                except sqlite3.IntegrityError:
                    log.warning("feed %d moved to %s, which is already a feed; keeping the old URL", feed_id, moved_to)

    async def record_fetch_failure(
        self,
        feed_id: int,
        *,
        error: str,
        next_poll_at: datetime,
        now: datetime,
        disable: bool,
        worker: str | None = None,
    ) -> int:
        async with self._write:
            await self._db.execute(
                "UPDATE feeds SET failures = failures + 1, failing_since = coalesce(failing_since, ?),"
                " last_error = ?, next_poll_at = ?, disabled_reason = CASE WHEN ? THEN ? ELSE NULL END,"
                f" {END_LEASE} WHERE id = ?",
                (ts(now), error[:500], ts(next_poll_at), int(disable), error[:500], *[worker] * 4, feed_id),
            )
            async with self._db.execute("SELECT failures FROM feeds WHERE id = ?", (feed_id,)) as cur:
                row = await cur.fetchone()
        return int(row[0]) if row else 0

    # -- leases and claims of workers (sqlite_leases.py, docs/SCALING.md) ------------------------

    async def lease_due_feeds(self, worker: str, now: datetime, limit: int, lease_for: timedelta) -> list[FeedRow]:
        return await self._leases.lease_due_feeds(worker, now, limit, lease_for)

    async def renew_leases(self, worker: str, until: datetime) -> int:
        return await self._leases.renew_leases(worker, until)

    async def lease_holders(self) -> set[str]:
        return await self._leases.lease_holders()

    async def drop_leases(self, workers: Sequence[str]) -> int:
        return await self._leases.drop_leases(workers)

    # -- reads for commands --------------------------------------------------------------------

    async def _views(self, rows: Sequence[Any], now: datetime | None = None) -> list[ThreadView]:
        views: list[ThreadView] = []
        if not rows:
            return views
        ids = [int(r[0]) for r in rows]
        marks = ",".join("?" * len(ids))
        reports: dict[int, list[ReportRow]] = {i: [] for i in ids}
        voices: dict[int, set[str]] = {i: set() for i in ids}  # publisher groups, as the ingest counts them
        for r in await self._rows(
            "SELECT thread_id, outlet, url, title, source, tier, relation, reported_at, duplicate_of, voice"
            f" FROM reports WHERE thread_id IN ({marks}) ORDER BY reported_at DESC",
            ids,
        ):
            reports[r[0]].append(ReportRow(r[1], r[2], r[3], r[4], r[5], r[6], parse_ts(r[7]), r[8] is not None))
            if r[8] is None:
                voices[r[0]].add(str(r[9]))
        stages: dict[int, list[StageRow]] = {i: [] for i in ids}
        for r in await self._rows(
            f"SELECT thread_id, stage, source, at FROM thread_stages WHERE thread_id IN ({marks}) ORDER BY at",
            ids,
        ):
            stages[r[0]].append(StageRow(r[1], r[2], parse_ts(r[3])))
        for r in rows:
            thread_id = int(r[0])
            state = ThreadState(
                id=thread_id,
                manager=str(r[1]),
                club=str(r[2]),
                stage=Relation(str(r[3])),
                first_seen=parse_ts(str(r[4])),
                last_update=parse_ts(str(r[5])),
                best_tier=int(r[6]),
                voices=frozenset(voices[thread_id]),
                summary=str(r[9]),
            )
            heat = float(r[8])
            if now is not None:
                heat = current_heat(heat, state.last_update, now)
            views.append(ThreadView(state, heat, tuple(reports[thread_id]), tuple(stages[thread_id])))
        return views

    _THREAD_COLUMNS = "id, manager, club, stage, first_seen, last_update, best_tier, corroboration, heat, summary"

    async def threads_about(
        self, *, manager: str | None = None, club: str | None = None, limit: int = 10
    ) -> list[ThreadView]:
        column, value = ("manager", manager) if manager is not None else ("club", club)
        rows = await self._rows(
            f"SELECT {self._THREAD_COLUMNS} FROM threads WHERE {column} = ? ORDER BY last_update DESC LIMIT ?",
            (value, limit),
        )
        return await self._views(rows)

    async def hot_threads(self, now: datetime, limit: int) -> list[ThreadView]:
        rows = await self._rows(
            f"SELECT {self._THREAD_COLUMNS} FROM threads WHERE last_update >= ? ORDER BY heat DESC LIMIT ?",
            (ts(now - timedelta(days=7)), limit * 5),
        )
        views = await self._views(rows, now)
        views.sort(key=lambda v: v.heat, reverse=True)
        return views[:limit]

    async def thread(self, thread_id: int) -> ThreadView | None:
        rows = await self._rows(f"SELECT {self._THREAD_COLUMNS} FROM threads WHERE id = ?", (thread_id,))
        views = await self._views(rows)
        return views[0] if views else None

    async def entries_by_link(self, key: str, limit: int = 5) -> list[EntryTrace]:
        return await self._traces.entries_by_link(key, limit)

    async def thread_entries(self, thread_id: int, limit: int = 20) -> list[EntryTrace]:
        return await self._traces.thread_entries(thread_id, limit)

    async def thread_log(self, thread_id: int, chat_key: str) -> list[EventTrace]:
        return await self._traces.thread_log(thread_id, chat_key)

    # -- follows -------------------------------------------------------------------------------

    async def follow(self, chat_key: str, kind: str, target: str, ping_role: str, now: datetime) -> bool:
        async with self._write:
            async with self._db.execute(
                "SELECT active, ping_role FROM subscriptions WHERE chat_key = ? AND target_kind = ? AND target = ?",
                (chat_key, kind, target),
            ) as cur:
                row = await cur.fetchone()
            await self._db.execute(
                "INSERT INTO subscriptions (chat_key, target_kind, target, ping_role, active, created_at)"
                " VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (chat_key, target_kind, target) DO UPDATE SET"
                " active = 1, ping_role = excluded.ping_role",
                (chat_key, kind, target, ping_role, ts(now)),
            )
        return row is None or not row[0] or row[1] != ping_role

    async def unfollow(self, chat_key: str, kind: str, target: str) -> bool:
        return (
            await self._write_one(
                "DELETE FROM subscriptions WHERE chat_key = ? AND target_kind = ? AND target = ?",
                (chat_key, kind, target),
            )
            > 0
        )

    async def following(self, chat_key: str) -> list[Subscription]:
        rows = await self._rows(
            "SELECT chat_key, target_kind, target, ping_role, active, created_at FROM subscriptions"
            " WHERE chat_key = ? ORDER BY target_kind, target",
            (chat_key,),
        )
        return [Subscription(r[0], r[1], r[2], r[3], bool(r[4]), parse_ts(r[5])) for r in rows]

    async def deactivate_chat(self, chat_key: str) -> int:
        # "platform:chat:" (no thread) is the whole chat: its topics' keys start with it.
        whole = int(chat_key.endswith(":"))
        match = "(chat_key = ? OR (? AND substr(chat_key, 1, ?) = ?))"
        params = (chat_key, whole, len(chat_key), chat_key)
        async with self._write:
            cur = await self._db.execute(f"UPDATE subscriptions SET active = 0 WHERE {match} AND active = 1", params)
            await self._db.execute(
                "UPDATE deliveries SET status = 'dropped', last_error = 'chat unreachable'"
                f" WHERE {match} AND status IN ('pending', 'sending')",
                params,
            )
            return cur.rowcount

    async def chat_prefs(self, chat_key: str) -> ChatPrefs:
        rows = await self._rows("SELECT mode, min_tier, min_stage FROM chat_prefs WHERE chat_key = ?", (chat_key,))
        return ChatPrefs(rows[0][0], rows[0][1], rows[0][2]) if rows else ChatPrefs()

    async def set_chat_prefs(self, chat_key: str, prefs: ChatPrefs) -> None:
        await self._write_one(
            "INSERT INTO chat_prefs (chat_key, mode, min_tier, min_stage) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (chat_key) DO UPDATE SET mode = excluded.mode, min_tier = excluded.min_tier,"
            " min_stage = excluded.min_stage",
            (chat_key, prefs.mode, prefs.min_tier, prefs.min_stage),
        )

    # -- deliveries ----------------------------------------------------------------------------

    async def claim_deliveries(
        self,
        platforms: Sequence[str],
        now: datetime,
        limit: int,
        *,
        worker: str = "",
        lease_for: timedelta = timedelta(0),
    ) -> list[Delivery]:
        return await self._leases.claim_deliveries(platforms, now, limit, worker=worker, lease_for=lease_for)

    async def delivery_sent(
        self, delivery_id: int, message_id: str, now: datetime, *, remember_message: bool = True
    ) -> None:
        async with self._write:
            await self._db.execute("BEGIN IMMEDIATE")
            await self._db.execute(
                "UPDATE deliveries SET status = 'sent', message_id = ?, sent_at = ?, last_error = NULL WHERE id = ?",
                (message_id, ts(now), delivery_id),
            )
            if remember_message:
                await self._db.execute(
                    "INSERT OR IGNORE INTO thread_messages (thread_id, chat_key, message_id)"
                    " SELECT thread_id, chat_key, ? FROM deliveries WHERE id = ?",
                    (message_id, delivery_id),
                )
            await self._db.execute("COMMIT")

    async def delivery_in_flight(self, delivery_id: int, since: datetime | None) -> None:
        # While a row is 'sending', sent_at is when its request left (NULL: not yet, or refused).
        await self._write_one(
            "UPDATE deliveries SET sent_at = ? WHERE id = ? AND status = 'sending'",
            (None if since is None else ts(since), delivery_id),
        )

    async def delivery_retry(self, delivery_id: int, error: str, next_attempt_at: datetime) -> None:
        await self._write_one(
            "UPDATE deliveries SET status = 'pending', last_error = ?, next_attempt_at = ? WHERE id = ?",
            (error[:500], ts(next_attempt_at), delivery_id),
        )

    async def delivery_failed(self, delivery_id: int, error: str) -> None:
        await self._write_one(
            "UPDATE deliveries SET status = 'failed', last_error = ? WHERE id = ?", (error[:500], delivery_id)
        )

    async def thread_message(self, thread_id: int, chat_key: str) -> str | None:
        rows = await self._rows(
            "SELECT message_id FROM thread_messages WHERE thread_id = ? AND chat_key = ?",
            (thread_id, chat_key),
        )
        return str(rows[0][0]) if rows else None

    async def delivery_counts(self) -> dict[str, int]:
        rows = await self._rows("SELECT status, count(*) FROM deliveries GROUP BY status")
        return {str(status): int(n) for status, n in rows}

    async def release_claims(self, now: datetime | None = None) -> int:
        return await self._leases.release_claims(now)

    # -- language-model calls ------------------------------------------------------------------

    async def llm_cached(self, article_key: str) -> str | None:
        rows = await self._rows(
            "SELECT response FROM llm_calls WHERE article_key = ? AND ok = 1 ORDER BY id DESC LIMIT 1", (article_key,)
        )
        return str(rows[0][0]) if rows else None

    async def llm_reserve(self, article_key: str, now: datetime, daily_budget: int) -> int | None:
        day = now.astimezone(UTC).date().isoformat()
        async with self._write:
            # One statement: the count and the insert cannot be split by another writer.
            cur = await self._db.execute(
                "INSERT INTO llm_calls (article_key, day, called_at) SELECT ?, ?, ?"
                " WHERE (SELECT count(*) FROM llm_calls WHERE day = ?) < ?",
                (article_key, day, ts(now), day, daily_budget),
            )
        return int(cur.lastrowid) if cur.rowcount == 1 and cur.lastrowid is not None else None

    async def llm_finish(self, call_id: int, *, response: str = "", error: str = "") -> None:
        await self._write_one(
            "UPDATE llm_calls SET ok = ?, response = ?, error = ? WHERE id = ?",
            (int(bool(response) and not error), response, error[:500], call_id),
        )

    async def integrity_check(self) -> str:
        rows = await self._rows("PRAGMA integrity_check")
        return str(rows[0][0])
