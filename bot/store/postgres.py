"""PostgreSQL (asyncpg pool): the same rows and semantics as SQLite, for bigger installs.

How it keeps SQLite's behaviour where the engines differ:

* times are ``timestamptz`` columns, returned as aware UTC datetimes (SQLite keeps ISO text);
  ``feeds.next_poll_at`` is NULL for "poll at once" (SQLite: ''), both read back as None;
* ordering follows SQLite's: byte order where text is sorted, ids among ties;
* PostgreSQL text cannot hold NUL, so free-text diagnostics (errors, feed titles) drop it;
* ingest transactions (and the language-model budget) take a transaction-level advisory lock, so
  they run one at a time across every process sharing the database — SQLite's one-writer rule,
  which keeps two concurrent ingests from opening two threads for the same manager and club;
* claims lock their rows with ``FOR UPDATE SKIP LOCKED``: concurrent claimers (in one process or
  several) never get the same row;
* migrations run one transaction each under ``pg_advisory_xact_lock``, so concurrent starters
  apply each migration once.

The schema is whatever ``search_path`` names first; ``?search_path=name`` in the URL sets it
(asyncpg passes unknown URL parameters on as server settings).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, Protocol

import asyncpg  # type: ignore[import-untyped]  # asyncpg ships no type information; see Pool/Connection

from bot.store.base import StoreError
from bot.store.dialect import INGEST_LOCK, Conn, Row
from bot.store.migrate import load_migrations
from bot.store.sql import SQLStore

log = logging.getLogger(__name__)
MIGRATE_LOCK = 0x72626D6967726174  # "rbmigrat"
_SCHEMA_MIGRATIONS = (
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
    " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
)


class Connection(Protocol):
    """The part of ``asyncpg.Connection`` the store uses."""

    async def execute(self, query: str, *args: object) -> str: ...
    async def fetch(self, query: str, *args: object) -> list[Row]: ...
    async def fetchval(self, query: str, *args: object) -> Any: ...
    def transaction(self) -> AbstractAsyncContextManager[object]: ...


class Pool(Connection, Protocol):
    """The part of ``asyncpg.Pool`` the store uses (its query methods borrow a connection each)."""

    def acquire(self) -> AbstractAsyncContextManager[Connection]: ...
    async def close(self) -> None: ...


def redact(url: str) -> str:
    """The URL with any password replaced, for messages and logs."""
    return re.sub(r"^(\w+://[^:/@]*):[^@/]*@", r"\1:***@", url)


def affected(status: str) -> int:
    """Rows touched, from a command tag such as ``UPDATE 3`` or ``INSERT 0 1``."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0


@lru_cache(maxsize=512)
def numbered(sql: str) -> str:
    """``?`` placeholders as PostgreSQL's ``$1``, ``$2`` … (the store's SQL has no ``?`` in literals)."""
    counter = iter(range(1, 10_000))
    return re.sub(r"\?", lambda _: f"${next(counter)}", sql)


def _param(value: object) -> object:
    """A naive datetime is taken as UTC, as in SQLite."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value


def _params(params: Iterable[object]) -> list[object]:
    return [[_param(v) for v in p] if isinstance(p, list) else _param(p) for p in params]


class _Conn:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def fetch(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        return list(await self._conn.fetch(numbered(sql), *_params(params)))

    async def execute(self, sql: str, params: Sequence[object] = ()) -> int:
        return affected(await self._conn.execute(numbered(sql), *_params(params)))


class PostgresDialect(_Conn):
    name = "postgres"
    poll_now = "NULL"
    skip_locked = " FOR UPDATE SKIP LOCKED"
    for_update = " FOR UPDATE"
    byte_order = ' COLLATE "C"'
    row_order = "id"

    def __init__(self, pool: Pool, marks: Pool | None = None) -> None:
        super().__init__(pool)
        self.pool = pool
        self._ingest = asyncio.Lock()
        # In-flight marks go through a pool of their own: never queued behind the store's other work.
        self._marks = _Conn(marks or pool)
        self._marks_pool = marks

    async def mark_in_flight(self, delivery_id: int, since: datetime | None) -> None:
        sql = "UPDATE deliveries SET sent_at = ? WHERE id = ? AND status = 'sending'"
        await self._marks.execute(sql, (since, delivery_id))

    async def marked(self) -> list[int]:
        return []  # marks are the deliveries rows' sent_at here

    @asynccontextmanager
    async def transaction(self, lock: int | None = None) -> AsyncIterator[Conn]:
        if lock is None:
            async with self.pool.acquire() as conn, conn.transaction():
                yield _Conn(conn)
            return
        # The local lock first: this process's waiting ingests hold no pool connection while they wait.
        local = self._ingest if lock == INGEST_LOCK else asyncio.Lock()
        async with local, self.pool.acquire() as conn, conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1)", lock)
            yield _Conn(conn)

    def batch(self, types: Sequence[str], rows: Sequence[Sequence[object]]) -> tuple[str, list[object]]:
        arrays = ", ".join(f"?::{t}[]" for t in types)
        names = ", ".join(f"c{i}" for i in range(len(types)))
        return f"unnest({arrays}) WITH ORDINALITY AS x({names}, n)", [list(col) for col in zip(*rows, strict=True)]

    def any_of(self, values: Sequence[object], type_: str) -> tuple[str, list[object]]:
        return f"= ANY(?::{type_}[])", [list(values)]

    async def new_ids(self, conn: Conn, table: str, count: int) -> list[int]:
        rows = await conn.fetch(
            "SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)", (table, count)
        )
        return sorted(int(r[0]) for r in rows)

    async def close(self) -> None:
        if self._marks_pool is not None:
            await self._marks_pool.close()
        await self.pool.close()

    async def schema_version(self) -> int:
        if await self.pool.fetchval("SELECT to_regclass('schema_migrations')") is None:
            return 0
        return int(await self.pool.fetchval("SELECT coalesce(max(version), 0) FROM schema_migrations"))

    async def migrate(self) -> list[int]:
        """Apply pending migrations, each in its own transaction under an advisory lock; return the
        versions this call applied (another process may have applied the rest meanwhile)."""
        applied: list[int] = []
        async with self.pool.acquire() as conn:
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
        rows = await self.pool.fetch(
            "SELECT 'invalid index ' || c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
            " WHERE c.relnamespace = current_schema()::regnamespace AND NOT i.indisvalid"
            " UNION ALL SELECT 'unvalidated constraint ' || conname FROM pg_constraint"
            " WHERE connamespace = current_schema()::regnamespace AND NOT convalidated ORDER BY 1"
        )
        return "; ".join(str(r[0]) for r in rows) or "ok"


class PostgresStore(SQLStore):
    """Open with ``await PostgresStore.open(url)``; migrations run on open."""

    def __init__(self, dialect: PostgresDialect, url: str) -> None:
        super().__init__(dialect)
        self.postgres = dialect
        self.url = redact(url)

    @classmethod
    async def open(
        cls, url: str, *, migrate: bool = True, min_size: int = 1, max_size: int = 10, connect_timeout: float = 10.0
    ) -> PostgresStore:
        try:
            pool: Pool = await asyncpg.create_pool(url, min_size=min_size, max_size=max_size, timeout=connect_timeout)
        except (TimeoutError, OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
            raise StoreError(f"cannot open database {redact(url)}: {exc}") from exc
        try:
            marks: Pool = await asyncpg.create_pool(url, min_size=1, max_size=1, timeout=connect_timeout)
        except (TimeoutError, OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
            await pool.close()
            raise StoreError(f"cannot open database {redact(url)}: {exc}") from exc
        store = cls(PostgresDialect(pool, marks), url)
        if migrate:
            try:
                await store.migrate()
            except BaseException:
                await store.close()
                raise
        return store
