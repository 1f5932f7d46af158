"""SQLite (aiosqlite): WAL, foreign keys, numbered migrations, one writer at a time.

One connection serves the process. A write transaction holds ``BEGIN IMMEDIATE`` and this
process's write lock, so a single write statement waits for it rather than landing inside it;
other processes on the same file wait for SQLite's own lock. Times are stored as ISO 8601 UTC text,
which sorts as time does; ``feeds.next_poll_at`` is '' for "poll at once".

In-flight marks (docs/DELIVERY.md) live in a side file, ``<database>-flight``, written by a
connection of their own, synchronously, in the instant after a Telegram request has been written:
a mark never waits for the store's lock, its thread or a transaction on the main file (which never
touches the side file), so no other work can widen the moment in which a crash would leave a
delivered alert unmarked. Taking claims back reads the marks through the same connection.
"""

from __future__ import annotations

import asyncio
import contextlib
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
_READS = ("SELECT", "WITH", "PRAGMA")
_ID_TABLES = ("entries", "stories", "threads", "reports", "events")
FOREIGN_KEYS_OFF = "-- foreign_keys: off"  # the first line of a migration that rebuilds a table
# Each outbox (alerts, and the prediction game's posts) has a table of marks in the side file; a mark
# names the outbox row (``delivery_id``) and the attempt it was made in.
MARK_TABLES = {"deliveries": "marks", "question_posts": "post_marks"}


def _marks_sql(marks: str) -> str:
    return (
        f"CREATE TABLE IF NOT EXISTS {marks} (delivery_id INTEGER NOT NULL, attempt INTEGER NOT NULL,"
        " since TEXT NOT NULL, PRIMARY KEY (delivery_id, attempt))"
    )


def _marked_sql(outbox: str) -> str:
    return (
        f"SELECT m.delivery_id FROM {MARK_TABLES[outbox]} m JOIN store.{outbox} d ON d.id = m.delivery_id"
        " AND d.attempts = m.attempt WHERE d.status = 'sending'"
    )


def _stale_sql(outbox: str) -> str:
    return (
        f"DELETE FROM {MARK_TABLES[outbox]} WHERE delivery_id NOT IN"
        f" (SELECT id FROM store.{outbox} WHERE status = 'sending')"
    )


def sqlite_path(url: str) -> Path:
    if not url.startswith("sqlite:///"):
        raise StoreError(f"not a SQLite URL: {url!r}")
    return Path(url[len("sqlite:///") :])


def _param(value: object) -> object:
    return ts(value) if isinstance(value, datetime) else value


def _json_time(value: object) -> str:
    """What ``json.dumps`` writes for a value it cannot write itself: a time as stored; nothing else."""
    if isinstance(value, datetime):
        return ts(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


class _TxConn:
    """Statements inside a transaction that already holds the write lock."""

    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db
        self.next_ids: dict[str, int] = {}

    async def fetch(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        # One trip to the connection's thread (a cursor's execute, fetchall and close took three).
        return list(await self._db.execute_fetchall(sql, [_param(p) for p in params]))

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

    def __init__(self, db: aiosqlite.Connection, path: Path, marks: sqlite3.Connection | None = None) -> None:
        self.db = db
        self.path = path
        self.write_lock = asyncio.Lock()
        self._conn = _TxConn(db)
        self.marks = marks  # the side file's connection; None (an in-memory database): marks in sent_at

    def _marks(self) -> sqlite3.Connection | None:
        """The side file of in-flight marks, opened (and made) on first use: by a dispatcher taking
        claims back when it starts, else by the first mark. None for an in-memory database."""
        if self.marks is not None or str(self.path) == ":memory:":
            return self.marks
        marks = sqlite3.connect(f"{self.path}-flight", isolation_level=None)
        marks.execute("PRAGMA busy_timeout = 200")  # only other processes' marks can hold it, for microseconds
        marks.execute("PRAGMA journal_mode = WAL")
        marks.execute("PRAGMA synchronous = NORMAL")
        for table in MARK_TABLES.values():
            marks.execute(_marks_sql(table))
        marks.execute("ATTACH DATABASE ? AS store", (str(self.path),))  # read only: WAL readers never wait
        self.marks = marks
        return marks

    async def mark_in_flight(self, delivery_id: int, since: datetime | None, *, outbox: str = "deliveries") -> None:
        table = MARK_TABLES[outbox]
        try:  # no await from here to the commit: nothing else runs in between
            marks = self._marks()
            if marks is not None:
                if since is None:
                    marks.execute(f"DELETE FROM {table} WHERE delivery_id = ?", (delivery_id,))
                else:
                    marks.execute(
                        f"INSERT OR REPLACE INTO {table} (delivery_id, attempt, since) SELECT id, attempts, ?"
                        f" FROM store.{outbox} WHERE id = ? AND status = 'sending'",
                        (ts(since), delivery_id),
                    )
                return
        except sqlite3.Error as exc:  # e.g. another process holding the side file: mark the slow way
            log.warning("in-flight mark of %s row %d through the side file failed: %s", outbox, delivery_id, exc)
        sql = f"UPDATE {outbox} SET sent_at = ? WHERE id = ? AND status = 'sending'"
        await self.execute(sql, (since, delivery_id))

    async def marked(self, *, outbox: str = "deliveries") -> list[int]:
        try:
            marks = self._marks()
            if marks is None:
                return []
            marks.execute(_stale_sql(outbox))
            return [int(r[0]) for r in marks.execute(_marked_sql(outbox))]
        except sqlite3.Error as exc:
            raise StoreError(f"in-flight marks ({self.path}-flight): {exc}") from exc

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
            # A task cancelled while its BEGIN waits (another process holds the write lock) must not
            # leave the transaction open behind it: SQLite's thread still runs that BEGIN, so wait for
            # it and roll it back before the cancellation goes on.
            begin = asyncio.ensure_future(self.db.execute("BEGIN IMMEDIATE"))
            try:
                await asyncio.shield(begin)
            except asyncio.CancelledError:
                with contextlib.suppress(Exception):
                    await begin
                    await self.db.execute("ROLLBACK")
                raise
            try:
                yield _TxConn(self.db)
            except BaseException:
                await self.db.execute("ROLLBACK")
                raise
            await self.db.execute("COMMIT")

    def batch(self, types: Sequence[str], rows: Sequence[Sequence[object]]) -> tuple[str, list[object]]:
        columns = ", ".join(f"value->>{i} AS c{i}" for i in range(len(types)))
        # (times are converted where json meets them: a call for every value cost more than the encoding)
        data = json.dumps(rows, default=_json_time)
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
        if self.marks is not None:
            self.marks.close()
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
                # A migration that rebuilds a table (SQLite cannot alter a constraint) runs with foreign key
                # checks off, as SQLite's documentation prescribes, and is checked before it commits.
                rebuilds = migration.sql.startswith(FOREIGN_KEYS_OFF)
                try:
                    if rebuilds:
                        await self.db.execute("PRAGMA foreign_keys = OFF")
                    await self.db.executescript(f"BEGIN IMMEDIATE;\n{migration.sql}\n")
                    async with self.db.execute("PRAGMA foreign_key_check") as cur:
                        broken = list(await cur.fetchall())
                    if broken:
                        raise sqlite3.IntegrityError(f"foreign keys broken: {[tuple(r) for r in broken[:5]]}")
                    await self.db.execute(
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, datetime('now'))",
                        (migration.version, migration.name),
                    )
                    await self.db.execute("COMMIT")
                except sqlite3.Error as exc:
                    if self.db.in_transaction:
                        await self.db.execute("ROLLBACK")
                    raise StoreError(f"migration {migration.version:04d}_{migration.name} failed: {exc}") from exc
                finally:
                    if rebuilds:
                        await self.db.execute("PRAGMA foreign_keys = ON")
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
