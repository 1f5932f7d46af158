"""PostgreSQL store (asyncpg pool): the same rows and semantics as ``SQLiteStore``, for bigger installs.

How it keeps SQLite's behaviour where the engines differ:

* times are ``timestamptz`` columns, returned as aware UTC datetimes (SQLite keeps ISO text);
  ``feeds.next_poll_at`` is NULL for "poll at once" (SQLite: ''), both read back as None;
* ordering follows SQLite's: byte order where text is sorted, insertion order among ties;
* PostgreSQL text cannot hold NUL, so free-text diagnostics (errors, feed titles) drop it;
* ingest transactions take a transaction-level advisory lock, so they run one at a time across
  every process sharing the database — SQLite's one-writer rule, which keeps two concurrent
  ingests from opening two threads for the same manager and club;
* ``claim_deliveries`` locks its rows with ``FOR UPDATE SKIP LOCKED``: concurrent claimers (in one
  process or several) never get the same row;
* migrations run one transaction each under ``pg_advisory_xact_lock``, so concurrent starters
  apply each migration once.

The schema is whatever ``search_path`` names first; ``?search_path=name`` in the URL sets it
(asyncpg passes unknown URL parameters on as server settings).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

import asyncpg  # type: ignore[import-untyped]  # asyncpg ships no type information; see Pool/Connection

from bot.store.base import (
    ChatPrefs,
    Delivery,
    EntryTrace,
    EventTrace,
    FeedRow,
    StoreError,
    Subscription,
    ThreadView,
)
from bot.store.migrate import load_migrations
from bot.store.postgres_leases import PostgresLeases
from bot.store.postgres_tx import (
    Pool,
    PostgresIngestTx,
    affected,
    aware,
    feed_row,
    thread_views,
    utc,
    utc_or_none,
)
from bot.store.tracing import TraceReads

log = logging.getLogger(__name__)


def _end_lease(n: int) -> str:
    """Ends a feed's lease after its fetch is recorded: any lease when parameter ``$n`` (the worker)
    is NULL, else only that worker's own (one that ran out and passed to another worker stays)."""
    mine = f"(${n}::text IS NULL OR lease_owner = ${n}::text)"
    return (
        f"lease_owner = CASE WHEN {mine} THEN NULL ELSE lease_owner END,"
        f" lease_until = CASE WHEN {mine} THEN NULL ELSE lease_until END"
    )


# Advisory lock keys (any bigint; these spell "rbmigrat" and "rbingest" in ASCII).
MIGRATE_LOCK = 0x72626D6967726174
INGEST_LOCK = 0x7262696E67657374
LLM_LOCK = 0x72626C6C6D627564  # "rbllmbud": the language-model call budget

_FEED_COLUMNS = (
    "id, url, outlet, etag, last_modified, first_poll_done, next_poll_at, failures, failing_since,"
    " last_error, disabled_reason, last_ok_at, title"
)
_THREAD_COLUMNS = "id, manager, club, stage, first_seen, last_update, best_tier, corroboration, heat, summary"
_SCHEMA_MIGRATIONS = (
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
    " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
)


def redact(url: str) -> str:
    """The URL with any password replaced, for messages and logs."""
    return re.sub(r"^(\w+://[^:/@]*):[^@/]*@", r"\1:***@", url)


def _text(value: str) -> str:
    """Free text for a diagnostic or display column: PostgreSQL text cannot hold NUL, SQLite's can."""
    return value.replace("\x00", "")


class PostgresStore:
    """Open with ``await PostgresStore.open(url)``; migrations run on open."""

    def __init__(self, pool: Pool, url: str) -> None:
        self._pool = pool
        self._ingest = asyncio.Lock()
        self.url = redact(url)
        self._traces = TraceReads(lambda sql, params: pool.fetch(sql, *params), numbered=True)
        self._leases = PostgresLeases(pool, _FEED_COLUMNS)

    @classmethod
    async def open(
        cls, url: str, *, migrate: bool = True, min_size: int = 1, max_size: int = 10, connect_timeout: float = 10.0
    ) -> PostgresStore:
        try:
            pool: Pool = await asyncpg.create_pool(url, min_size=min_size, max_size=max_size, timeout=connect_timeout)
        except (TimeoutError, OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
            raise StoreError(f"cannot open database {redact(url)}: {exc}") from exc
        store = cls(pool, url)
        if migrate:
            try:
                await store.migrate()
            except BaseException:
                await pool.close()
                raise
        return store

    async def close(self) -> None:
        await self._pool.close()

    # -- migrations ----------------------------------------------------------------------------

    async def schema_version(self) -> int:
        if await self._pool.fetchval("SELECT to_regclass('schema_migrations')") is None:
            return 0
        return int(await self._pool.fetchval("SELECT coalesce(max(version), 0) FROM schema_migrations"))

    async def migrate(self) -> list[int]:
        """Apply pending migrations, each in its own transaction under an advisory lock; return the
        versions this call applied (another process may have applied the rest meanwhile)."""
        applied: list[int] = []
        async with self._pool.acquire() as conn:
            for migration in load_migrations("postgres"):
                try:
                    async with conn.transaction():
                        await conn.execute("SELECT pg_advisory_xact_lock($1)", MIGRATE_LOCK)
                        await conn.execute(_SCHEMA_MIGRATIONS)
                        current = await conn.fetchval("SELECT coalesce(max(version), 0) FROM schema_migrations")
                        if migration.version <= int(current):
                            continue
                        await conn.execute(migration.sql)
                        await conn.execute(
                            "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                            migration.version,
                            migration.name,
                        )
                except asyncpg.PostgresError as exc:
                    raise StoreError(f"migration {migration.version:04d}_{migration.name} failed: {exc}") from exc
                log.info("applied migration %04d_%s", migration.version, migration.name)
                applied.append(migration.version)
        return applied

    async def integrity_check(self) -> str:
        """PostgreSQL's counterpart of SQLite's ``PRAGMA integrity_check`` as far as SQL can see:
        "ok" unless an index of the schema is invalid (a failed concurrent build) or a constraint
        is not validated. Page-level checks need the amcheck extension and are not attempted."""
        rows = await self._pool.fetch(
            "SELECT 'invalid index ' || c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
            " WHERE c.relnamespace = current_schema()::regnamespace AND NOT i.indisvalid"
            " UNION ALL SELECT 'unvalidated constraint ' || conname FROM pg_constraint"
            " WHERE connamespace = current_schema()::regnamespace AND NOT convalidated ORDER BY 1"
        )
        return "; ".join(str(r[0]) for r in rows) or "ok"

    # -- transactions --------------------------------------------------------------------------

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[PostgresIngestTx]:
        # The local lock first: this process's waiting ingests hold no pool connection while they wait.
        async with self._ingest, self._pool.acquire() as conn, conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1)", INGEST_LOCK)
            yield PostgresIngestTx(conn)

    async def _count(self, sql: str, *args: object) -> int:
        return affected(await self._pool.execute(sql, *args))

    # -- feeds ---------------------------------------------------------------------------------

    async def sync_feeds(self, feeds: Sequence[tuple[str, str]], now: datetime) -> int:
        if not feeds:
            return 0
        rows = await self._pool.fetch(
            "INSERT INTO feeds (url, outlet, added_at) SELECT u, o, $3 FROM unnest($1::text[], $2::text[]) AS f(u, o)"
            " ON CONFLICT (url) DO NOTHING RETURNING id",
            [url for url, _ in feeds],
            [outlet for _, outlet in feeds],
            utc(now),
        )
        return len(rows)

    async def add_feed(self, url: str, outlet: str, now: datetime) -> FeedRow:
        row = await self._pool.fetchrow(
            "INSERT INTO feeds (url, outlet, added_at) VALUES ($1, $2, $3) ON CONFLICT (url) DO UPDATE SET"
            " outlet = excluded.outlet, disabled_reason = NULL, failures = 0, failing_since = NULL,"
            f" last_error = NULL, next_poll_at = NULL RETURNING {_FEED_COLUMNS}",  # re-adding polls it at once
            url,
            outlet,
            utc(now),
        )
        assert row is not None  # INSERT … ON CONFLICT DO UPDATE always returns the row
        return feed_row(row)

    async def remove_feed(self, url: str) -> bool:
        return await self._count("DELETE FROM feeds WHERE url = $1", url) > 0

    async def list_feeds(self) -> list[FeedRow]:
        return [feed_row(r) for r in await self._pool.fetch(f"SELECT {_FEED_COLUMNS} FROM feeds ORDER BY id")]

    async def due_feeds(self, now: datetime, limit: int) -> list[FeedRow]:
        rows = await self._pool.fetch(
            f"SELECT {_FEED_COLUMNS} FROM feeds WHERE disabled_reason IS NULL"
            " AND (next_poll_at IS NULL OR next_poll_at <= $1) ORDER BY next_poll_at NULLS FIRST, id LIMIT $2",
            utc(now),
            limit,
        )
        return [feed_row(r) for r in rows]

    async def known_entry_keys(self, feed_id: int, keys: Sequence[str]) -> set[str]:
        if not keys:
            return set()
        rows = await self._pool.fetch(
            "SELECT entry_key FROM entries WHERE feed_id = $1 AND entry_key = ANY($2::text[])", feed_id, list(keys)
        )
        return {str(r[0]) for r in rows}

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
        async with self._pool.acquire() as conn, conn.transaction():
            await conn.execute(
                "UPDATE feeds SET etag = $1, last_modified = $2, next_poll_at = $3, failures = 0,"
                " failing_since = NULL, last_error = NULL, last_ok_at = $4, first_poll_done = TRUE,"
                f" title = coalesce($5, title), {_end_lease(7)} WHERE id = $6",
                etag,
                last_modified,
                utc(next_poll_at),
                utc(now),
                None if title is None else _text(title)[:300],
                feed_id,
                worker,
            )
            if moved_to:
                try:
                    async with conn.transaction():  # a savepoint: a clash must not undo the update above
                        await conn.execute("UPDATE feeds SET url = $1 WHERE id = $2", moved_to, feed_id)
                except asyncpg.UniqueViolationError:
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
        failures = await self._pool.fetchval(
            "UPDATE feeds SET failures = failures + 1, failing_since = coalesce(failing_since, $1),"
            " last_error = $2, next_poll_at = $3, disabled_reason = CASE WHEN $4::boolean THEN $2 ELSE NULL END,"
            f" {_end_lease(6)} WHERE id = $5 RETURNING failures",
            utc(now),
            _text(error)[:500],
            utc(next_poll_at),
            disable,
            feed_id,
            worker,
        )
        return 0 if failures is None else int(failures)

    # -- leases and claims of workers (postgres_leases.py, docs/SCALING.md) ------------------------

    async def lease_due_feeds(self, worker: str, now: datetime, limit: int, lease_for: timedelta) -> list[FeedRow]:
        return await self._leases.lease_due_feeds(worker, now, limit, lease_for)

    async def renew_leases(self, worker: str, until: datetime) -> int:
        return await self._leases.renew_leases(worker, until)

    async def lease_holders(self) -> set[str]:
        return await self._leases.lease_holders()

    async def drop_leases(self, workers: Sequence[str]) -> int:
        return await self._leases.drop_leases(workers)

    # -- reads for commands --------------------------------------------------------------------

    async def threads_about(
        self, *, manager: str | None = None, club: str | None = None, limit: int = 10
    ) -> list[ThreadView]:
        column, value = ("manager", manager) if manager is not None else ("club", club)
        rows = await self._pool.fetch(
            f"SELECT {_THREAD_COLUMNS} FROM threads WHERE {column} = $1 ORDER BY last_update DESC, id DESC LIMIT $2",
            value,
            limit,
        )
        return await thread_views(self._pool, rows)

    async def hot_threads(self, now: datetime, limit: int) -> list[ThreadView]:
        rows = await self._pool.fetch(
            f"SELECT {_THREAD_COLUMNS} FROM threads WHERE last_update >= $1 ORDER BY heat DESC LIMIT $2",
            utc(now - timedelta(days=7)),
            limit * 5,
        )
        views = await thread_views(self._pool, rows, now)
        views.sort(key=lambda v: v.heat, reverse=True)
        return views[:limit]

    async def thread(self, thread_id: int) -> ThreadView | None:
        rows = await self._pool.fetch(f"SELECT {_THREAD_COLUMNS} FROM threads WHERE id = $1", thread_id)
        views = await thread_views(self._pool, rows)
        return views[0] if views else None

    async def entries_by_link(self, key: str, limit: int = 5) -> list[EntryTrace]:
        return await self._traces.entries_by_link(key, limit)

    async def thread_entries(self, thread_id: int, limit: int = 20) -> list[EntryTrace]:
        return await self._traces.thread_entries(thread_id, limit)

    async def thread_log(self, thread_id: int, chat_key: str) -> list[EventTrace]:
        return await self._traces.thread_log(thread_id, chat_key)

    # -- follows -------------------------------------------------------------------------------

    async def follow(self, chat_key: str, kind: str, target: str, ping_role: str, now: datetime) -> bool:
        async with self._pool.acquire() as conn, conn.transaction():
            row = await conn.fetchrow(
                "SELECT active, ping_role FROM subscriptions WHERE chat_key = $1 AND target_kind = $2 AND target = $3"
                " FOR UPDATE",
                chat_key,
                kind,
                target,
            )
            await conn.execute(
                "INSERT INTO subscriptions (chat_key, target_kind, target, ping_role, active, created_at)"
                " VALUES ($1, $2, $3, $4, TRUE, $5) ON CONFLICT (chat_key, target_kind, target) DO UPDATE SET"
                " active = TRUE, ping_role = excluded.ping_role",
                chat_key,
                kind,
                target,
                ping_role,
                utc(now),
            )
        return row is None or not row[0] or row[1] != ping_role

    async def unfollow(self, chat_key: str, kind: str, target: str) -> bool:
        return (
            await self._count(
                "DELETE FROM subscriptions WHERE chat_key = $1 AND target_kind = $2 AND target = $3",
                chat_key,
                kind,
                target,
            )
            > 0
        )

    async def following(self, chat_key: str) -> list[Subscription]:
        rows = await self._pool.fetch(
            "SELECT chat_key, target_kind, target, ping_role, active, created_at FROM subscriptions"
            ' WHERE chat_key = $1 ORDER BY target_kind COLLATE "C", target COLLATE "C"',  # byte order, as SQLite sorts
            chat_key,
        )
        return [Subscription(str(r[0]), str(r[1]), str(r[2]), str(r[3]), bool(r[4]), aware(r[5])) for r in rows]

    async def deactivate_chat(self, chat_key: str) -> int:
        # "platform:chat:" (no thread) is the whole chat: its topics' keys start with it.
        match = "starts_with(chat_key, $1)" if chat_key.endswith(":") else "chat_key = $1"
        async with self._pool.acquire() as conn, conn.transaction():
            paused = await conn.execute(f"UPDATE subscriptions SET active = FALSE WHERE {match} AND active", chat_key)
            await conn.execute(
                "UPDATE deliveries SET status = 'dropped', last_error = 'chat unreachable'"
                f" WHERE {match} AND status IN ('pending', 'sending')",
                chat_key,
            )
        return affected(paused)

    async def chat_prefs(self, chat_key: str) -> ChatPrefs:
        row = await self._pool.fetchrow(
            "SELECT mode, min_tier, min_stage FROM chat_prefs WHERE chat_key = $1", chat_key
        )
        return ChatPrefs(str(row[0]), int(row[1]), str(row[2])) if row is not None else ChatPrefs()

    async def set_chat_prefs(self, chat_key: str, prefs: ChatPrefs) -> None:
        await self._pool.execute(
            "INSERT INTO chat_prefs (chat_key, mode, min_tier, min_stage) VALUES ($1, $2, $3, $4)"
            " ON CONFLICT (chat_key) DO UPDATE SET mode = excluded.mode, min_tier = excluded.min_tier,"
            " min_stage = excluded.min_stage",
            chat_key,
            prefs.mode,
            prefs.min_tier,
            prefs.min_stage,
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
        async with self._pool.acquire() as conn, conn.transaction():
            await conn.execute(
                "UPDATE deliveries SET status = 'sent', message_id = $1, sent_at = $2, last_error = NULL WHERE id = $3",
                message_id,
                utc(now),
                delivery_id,
            )
            if remember_message:
                await conn.execute(
                    "INSERT INTO thread_messages (thread_id, chat_key, message_id)"
                    " SELECT thread_id, chat_key, $1 FROM deliveries WHERE id = $2 ON CONFLICT DO NOTHING",
                    message_id,
                    delivery_id,
                )

    async def delivery_in_flight(self, delivery_id: int, since: datetime | None) -> None:
        # While a row is 'sending', sent_at is when its request left (NULL: not yet, or refused).
        await self._pool.execute(
            "UPDATE deliveries SET sent_at = $1 WHERE id = $2 AND status = 'sending'", utc_or_none(since), delivery_id
        )

    async def delivery_retry(self, delivery_id: int, error: str, next_attempt_at: datetime) -> None:
        await self._pool.execute(
            "UPDATE deliveries SET status = 'pending', last_error = $1, next_attempt_at = $2 WHERE id = $3",
            _text(error)[:500],
            utc(next_attempt_at),
            delivery_id,
        )

    async def delivery_failed(self, delivery_id: int, error: str) -> None:
        await self._pool.execute(
            "UPDATE deliveries SET status = 'failed', last_error = $1 WHERE id = $2", _text(error)[:500], delivery_id
        )

    async def thread_message(self, thread_id: int, chat_key: str) -> str | None:
        value = await self._pool.fetchval(
            "SELECT message_id FROM thread_messages WHERE thread_id = $1 AND chat_key = $2", thread_id, chat_key
        )
        return None if value is None else str(value)

    async def delivery_counts(self) -> dict[str, int]:
        rows = await self._pool.fetch("SELECT status, count(*) FROM deliveries GROUP BY status")
        return {str(r[0]): int(r[1]) for r in rows}

    async def release_claims(self, now: datetime | None = None) -> int:
        return await self._leases.release_claims(now)

    # -- language-model calls ------------------------------------------------------------------

    async def llm_cached(self, article_key: str) -> str | None:
        value = await self._pool.fetchval(
            "SELECT response FROM llm_calls WHERE article_key = $1 AND ok ORDER BY id DESC LIMIT 1", article_key
        )
        return None if value is None else str(value)

    async def llm_reserve(self, article_key: str, now: datetime, daily_budget: int) -> int | None:
        day = now.astimezone(UTC).date().isoformat()
        async with self._pool.acquire() as conn, conn.transaction():
            # Count and insert under one lock, across every process sharing the database.
            await conn.execute("SELECT pg_advisory_xact_lock($1)", LLM_LOCK)
            value = await conn.fetchval(
                "INSERT INTO llm_calls (article_key, day, called_at) SELECT $1, $2, $3"
                " WHERE (SELECT count(*) FROM llm_calls WHERE day = $2) < $4 RETURNING id",
                article_key,
                day,
                now,
                daily_budget,
            )
        return None if value is None else int(value)

    async def llm_finish(self, call_id: int, *, response: str = "", error: str = "") -> None:
        await self._pool.execute(
            "UPDATE llm_calls SET ok = $1, response = $2, error = $3 WHERE id = $4",
            bool(response) and not error,
            _text(response),
            _text(error)[:500],
            call_id,
        )
