"""SQLite (aiosqlite): WAL, foreign keys, numbered migrations, one writer at a time.

One connection serves the process. A write transaction holds ``BEGIN IMMEDIATE`` and this
process's write lock, so a single write statement waits for it rather than landing inside it;
other processes on the same file wait for SQLite's own lock. Times are stored as ISO 8601 UTC text,
which sorts as time does; ``feeds.next_poll_at`` is '' for "poll at once".
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path

import aiosqlite

from bot.store.base import StoreError
from bot.store.dialect import Conn, Row
from bot.store.migrate import load_migrations
from bot.store.sql import SQLStore
from bot.store.timefmt import ts

log = logging.getLogger(__name__)
_ID_TABLES = ("entries", "stories", "threads", "reports", "events")
_READS = ("SELECT", "WITH", "PRAGMA")


def sqlite_path(url: str) -> Path:
    if not url.startswith("sqlite:///"):
        raise StoreError(f"not a SQLite URL: {url!r}")
    return Path(url[len("sqlite:///") :])


def _param(value: object) -> object:
    return ts(value) if isinstance(value, datetime) else value


class _TxConn:
    """Statements inside a transaction that already holds the write lock."""

    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db
        self.next_ids: dict[str, int] = {}

    async def fetch(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        async with self._db.execute(sql, [_param(p) for p in params]) as cur:
            return list(await cur.fetchall())

    async def execute(self, sql: str, params: Sequence[object] = ()) -> int:
        cur = await self._db.execute(sql, [_param(p) for p in params])
        return cur.rowcount


class SQLiteDialect:
    name = "sqlite"
    poll_now = "''"
    skip_locked = ""  # one writer at a time: there is nothing to skip
    for_update = ""
    byte_order = ""  # SQLite compares text by bytes already
    row_order = "rowid"

    def __init__(self, db: aiosqlite.Connection, path: Path) -> None:
        self.db = db
        self.path = path
        self.write_lock = asyncio.Lock()
        self._conn = _TxConn(db)

    async def fetch(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        if sql.lstrip().startswith(_READS):
            return await self._conn.fetch(sql, params)
        async with self.write_lock:  # a write with RETURNING
            return await self._conn.fetch(sql, params)

    async def execute(self, sql: str, params: Sequence[object] = ()) -> int:
        async with self.write_lock:
            return await self._conn.execute(sql, params)

    @asynccontextmanager
    async def transaction(self, lock: int | None = None) -> AsyncIterator[Conn]:
        del lock  # BEGIN IMMEDIATE already makes every write transaction the only one
        async with self.write_lock:
            await self.db.execute("BEGIN IMMEDIATE")
            try:
                yield _TxConn(self.db)
            except BaseException:
                await self.db.execute("ROLLBACK")
                raise
            await self.db.execute("COMMIT")

    def batch(self, types: Sequence[str], rows: Sequence[Sequence[object]]) -> tuple[str, list[object]]:
        columns = ", ".join(f"value->>{i} AS c{i}" for i in range(len(types)))
        data = json.dumps([[_param(v) for v in row] for row in rows])
        return f"(SELECT {columns}, key AS n FROM json_each(?)) AS x", [data]

    def any_of(self, values: Sequence[object], type_: str) -> tuple[str, list[object]]:
        del type_
        return "IN (SELECT value FROM json_each(?))", [json.dumps(list(values))]

    async def new_ids(self, conn: Conn, table: str, count: int) -> list[int]:
        # The write lock is held: the next ids are the highest stored plus one, read once.
        assert isinstance(conn, _TxConn)
        if not conn.next_ids:
            columns = ", ".join(f"(SELECT coalesce(max(rowid), 0) FROM {t})" for t in _ID_TABLES)
            [row] = await conn.fetch(f"SELECT {columns}")
            conn.next_ids = {t: int(v) + 1 for t, v in zip(_ID_TABLES, row, strict=True)}
        first = conn.next_ids[table]
        conn.next_ids[table] = first + count
        return list(range(first, first + count))

    async def close(self) -> None:
        await self.db.close()

    async def schema_version(self) -> int:
        await self.db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL)"
        )
        async with self.db.execute("SELECT coalesce(max(version), 0) FROM schema_migrations") as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def migrate(self) -> list[int]:
        """Apply pending migrations, each in its own transaction; return the versions applied."""
        applied: list[int] = []
        async with self.write_lock:
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
                    await self.db.executescript(script)
                except sqlite3.Error as exc:
                    if self.db.in_transaction:
                        await self.db.execute("ROLLBACK")
                    raise StoreError(f"migration {migration.version:04d}_{migration.name} failed: {exc}") from exc
                log.info("applied migration %04d_%s", migration.version, migration.name)
                applied.append(migration.version)
        return applied

    async def integrity_check(self) -> str:
        rows = await self.fetch("PRAGMA integrity_check")
        return str(rows[0][0])


class SQLiteStore(SQLStore):
    """The default store. Open with ``await SQLiteStore.open(url)``; migrations run on open."""

    def __init__(self, dialect: SQLiteDialect) -> None:
        super().__init__(dialect)
        self.sqlite = dialect
        self.path = dialect.path

    @classmethod
    async def open(cls, url: str, *, migrate: bool = True) -> SQLiteStore:
        path = sqlite_path(url)
        try:
            if str(path) != ":memory:":
                path.parent.mkdir(parents=True, exist_ok=True)
            db = await aiosqlite.connect(path, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open database {path}: {exc}") from exc
        store = cls(SQLiteDialect(db, path))
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
