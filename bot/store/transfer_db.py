"""Both backends seen as plain tables, for ``db export`` / ``db import`` (see ``transfer.py``).

Tables and columns are read from the database itself, so a table added by a migration is carried
without code changes. Values travel in one portable form, the SQLite one: times as ISO 8601 UTC text
(``timefmt.ts``), booleans as 0/1, everything else as text, integers, floats or null. Two dialect
differences are named here because the catalogues cannot show them:

* ``ROWID_TABLES``: SQLite orders these tables by its implicit rowid, which PostgreSQL has as an
  explicit ``id`` column; SQLite reads and writes the rowid under that name.
* ``EMPTY_TIMES``: time columns that SQLite stores as '' where PostgreSQL has NULL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import aiosqlite
import asyncpg  # type: ignore[import-untyped]  # asyncpg ships no type information

from bot.store.base import StoreError
from bot.store.timefmt import parse_ts, ts

Value = str | int | float | None
Row = list[Value]

SKIP_TABLES = frozenset({"schema_migrations"})  # the target has its own, from its migrations
ROWID_TABLES: Mapping[str, str] = {"thread_stages": "id"}
EMPTY_TIMES = frozenset({("feeds", "next_poll_at")})
BATCH = 1000


class TransferError(StoreError):
    """An export or import cannot go ahead; the message says why and nothing was changed."""


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: tuple[str, ...]  # sorted, so both backends list them alike


class Backend(Protocol):
    """One open connection, read or written inside one transaction."""

    async def schema_version(self) -> int: ...
    async def tables(self) -> list[Table]:
        """Every data table, parents before the tables that refer to them."""
        ...

    def rows(self, table: Table) -> AsyncIterator[list[Row]]:
        """The table's rows in key order, in batches, in the portable form."""
        ...

    async def has_rows(self, table: Table) -> bool: ...
    async def insert(self, table: Table, rows: Sequence[Row]) -> None: ...
    async def finish_import(self, tables: Sequence[Table]) -> None: ...


def parents_first(columns: Mapping[str, Sequence[str]], refs: Mapping[str, set[str]]) -> list[Table]:
    """Tables ordered so that every table comes after the tables its foreign keys point at."""
    order: list[Table] = []
    done: set[str] = set()
    pending = sorted(columns)
    while pending:
        ready = [t for t in pending if refs.get(t, set()) - {t} <= done]
        if not ready:
            raise TransferError(f"foreign keys form a cycle between tables {', '.join(pending)}")
        for name in ready:
            order.append(Table(name, tuple(sorted(columns[name]))))
            done.add(name)
        pending = [t for t in pending if t not in done]
    return order


class SQLiteBackend:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db
        self._keys: dict[str, list[str]] = {}

    async def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        async with self._db.execute(sql, params) as cur:
            return list(await cur.fetchall())

    async def schema_version(self) -> int:
        if not await self._all("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"):
            return 0
        return int((await self._all("SELECT coalesce(max(version), 0) FROM schema_migrations"))[0][0])

    async def tables(self) -> list[Table]:
        names = [
            str(r[0])
            for r in await self._all(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
            if r[0] not in SKIP_TABLES
        ]
        columns: dict[str, list[str]] = {}
        refs: dict[str, set[str]] = {}
        for name in names:
            info = await self._all(f'PRAGMA table_info("{name}")')
            columns[name] = [str(c[1]) for c in info]
            keys = [str(c[1]) for c in sorted((c for c in info if c[5]), key=lambda c: int(c[5]))]
            if name in ROWID_TABLES:
                columns[name].append(ROWID_TABLES[name])
                keys = ["rowid"]
            self._keys[name] = keys or sorted(columns[name])
            refs[name] = {str(f[2]) for f in await self._all(f'PRAGMA foreign_key_list("{name}")')}
        return parents_first(columns, refs)

    def _select(self, table: Table) -> list[str]:
        rowid = ROWID_TABLES.get(table.name)
        return ["rowid" if c == rowid else f'"{c}"' for c in table.columns]

    async def rows(self, table: Table) -> AsyncIterator[list[Row]]:
        order = ", ".join(k if k == "rowid" else f'"{k}"' for k in self._keys[table.name])
        sql = f'SELECT {", ".join(self._select(table))} FROM "{table.name}" ORDER BY {order}'
        async with self._db.execute(sql) as cur:
            while batch := await cur.fetchmany(BATCH):
                out: list[Row] = []
                for row in batch:
                    for column, value in zip(table.columns, row, strict=True):
                        if isinstance(value, bytes):
                            raise TransferError(f"{table.name}.{column}: binary values are not supported")
                    out.append(list(row))
                yield out

    async def has_rows(self, table: Table) -> bool:
        return bool(await self._all(f'SELECT 1 FROM "{table.name}" LIMIT 1'))

    async def insert(self, table: Table, rows: Sequence[Row]) -> None:
        marks = ", ".join("?" * len(table.columns))
        sql = f'INSERT INTO "{table.name}" ({", ".join(self._select(table))}) VALUES ({marks})'
        try:
            await self._db.executemany(sql, rows)
        except sqlite3.Error as exc:
            raise TransferError(f"table {table.name}: {exc}") from exc

    async def finish_import(self, tables: Sequence[Table]) -> None:
        del tables  # INTEGER PRIMARY KEY ids continue after the largest one by themselves
        broken = await self._all("PRAGMA foreign_key_check")
        if broken:
            table, rowid, parent = broken[0][0], broken[0][1], broken[0][2]
            raise TransferError(f"table {table}: row {rowid} refers to a missing row of {parent}")


def _to_portable(table: str, column: str, value: Any) -> Value:
    if value is None:
        return "" if (table, column) in EMPTY_TIMES else None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return ts(value)
    if isinstance(value, str | int | float):
        return value
    raise TransferError(f"{table}.{column}: values of type {type(value).__name__} are not supported")


_TEXT_TYPES = {"text", "character varying", "character"}
_INT_TYPES = {"bigint", "integer", "smallint"}
_FLOAT_TYPES = {"double precision", "real"}


def _from_portable(table: str, column: str, kind: str, value: Value) -> Any:
    if value is None:
        return None
    try:
        if kind == "timestamp with time zone":
            return parse_ts(str(value)) if value != "" else None
        if kind == "boolean":
            return bool(value)
        if kind in _INT_TYPES:
            return int(value)
        if kind in _FLOAT_TYPES:
            return float(value)
        if kind in _TEXT_TYPES:
            return str(value)
    except ValueError as exc:
        raise TransferError(f"{table}.{column}: cannot store {value!r} as {kind}: {exc}") from exc
    raise TransferError(f"{table}.{column}: columns of type {kind} are not supported")


class PostgresBackend:
    def __init__(self, conn: Any) -> None:
        self._conn = conn
        self._types: dict[str, dict[str, str]] = {}
        self._keys: dict[str, list[str]] = {}

    async def schema_version(self) -> int:
        if await self._conn.fetchval("SELECT to_regclass('schema_migrations')") is None:
            return 0
        return int(await self._conn.fetchval("SELECT coalesce(max(version), 0) FROM schema_migrations"))

    async def tables(self) -> list[Table]:
        for r in await self._conn.fetch(
            "SELECT table_name, column_name, data_type FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name IN (SELECT table_name FROM"
            " information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')"
            " ORDER BY table_name, ordinal_position"
        ):
            if r["table_name"] not in SKIP_TABLES:
                self._types.setdefault(r["table_name"], {})[r["column_name"]] = r["data_type"]
        for r in await self._conn.fetch(
            "SELECT c.relname AS t, a.attname AS col FROM pg_index i"
            " JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)"
            " WHERE i.indisprimary AND n.nspname = current_schema()"
            " ORDER BY c.relname, array_position(i.indkey::smallint[], a.attnum)"
        ):
            self._keys.setdefault(r["t"], []).append(r["col"])
        refs: dict[str, set[str]] = {}
        for r in await self._conn.fetch(
            "SELECT c.relname AS t, p.relname AS parent FROM pg_constraint k"
            " JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid"
            " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE k.contype = 'f' AND n.nspname = current_schema()"
        ):
            refs.setdefault(r["t"], set()).add(r["parent"])
        return parents_first({name: list(types) for name, types in self._types.items()}, refs)

    def _order(self, table: Table) -> str:
        types = self._types[table.name]
        keys = self._keys.get(table.name) or list(table.columns)
        return ", ".join(f'"{k}"' + (' COLLATE "C"' if types[k] in _TEXT_TYPES else "") + " NULLS FIRST" for k in keys)

    async def rows(self, table: Table) -> AsyncIterator[list[Row]]:
        columns = ", ".join(f'"{c}"' for c in table.columns)
        sql = f'SELECT {columns} FROM "{table.name}" ORDER BY {self._order(table)}'
        cursor = await self._conn.cursor(sql)
        while batch := await cursor.fetch(BATCH):
            yield [[_to_portable(table.name, c, v) for c, v in zip(table.columns, row, strict=True)] for row in batch]

    async def has_rows(self, table: Table) -> bool:
        return bool(await self._conn.fetchval(f'SELECT EXISTS (SELECT 1 FROM "{table.name}")'))

    async def lock(self, tables: Sequence[Table]) -> None:
        """Keep other writers out of the tables until the import commits or rolls back."""
        names = ", ".join(f'"{t.name}"' for t in tables)
        await self._conn.execute(f"LOCK TABLE {names} IN EXCLUSIVE MODE")

    async def insert(self, table: Table, rows: Sequence[Row]) -> None:
        types = self._types[table.name]
        records = [
            tuple(_from_portable(table.name, c, types[c], v) for c, v in zip(table.columns, row, strict=True))
            for row in rows
        ]
        try:
            await self._conn.copy_records_to_table(table.name, records=records, columns=list(table.columns))
        except (asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
            raise TransferError(f"table {table.name}: {exc}") from exc

    async def finish_import(self, tables: Sequence[Table]) -> None:
        """Move each id sequence past the largest id imported, so new rows get fresh ids."""
        for r in await self._conn.fetch(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')"
        ):
            if r["table_name"] in {t.name for t in tables}:
                await self._conn.execute(
                    f'SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max("{r["column_name"]}"), 0) + 1,'
                    f' false) FROM "{r["table_name"]}"',
                    f'"{r["table_name"]}"',
                    r["column_name"],
                )
