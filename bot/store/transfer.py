"""``rumourbot db export`` / ``db import``: a whole database in one portable file, and back.

Moves a SQLite database to PostgreSQL (or back) with ids kept. The file is gzip-compressed UTF-8
JSON lines:

* line 1, the header: ``{"format": "rumourbot-dump", "version": 1, "schema_version": N,
  "source": "sqlite" | "postgresql", "created_at": …, "tables": [{"name", "columns", "rows",
  "sha256"}, …], "sha256": …}``;
* then, table by table in header order (parents before children), ``{"table": name}`` followed by
  one JSON array per row, values in the order of ``columns``, rows in key order.

A table's ``sha256`` covers its row lines (each with its newline); the file's covers one
``"<name> <rows> <sha256>\\n"`` line per table. Values are portable (see ``transfer_db.py``), so both
backends give the same checksums for the same data.

Import runs in one transaction into a database migrated to the dump's schema version and empty:
it checks every table's row count and checksum as it reads, reads the imported tables back and
compares again, and only then commits. Anything wrong (a truncated or corrupt file, a wrong
version, a non-empty target) rolls back and leaves the target as it was.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import sqlite3
import zlib
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import aiosqlite
import asyncpg  # type: ignore[import-untyped]  # asyncpg ships no type information

from bot.domain import utcnow
from bot.store.postgres import PostgresStore, redact
from bot.store.sqlite import SQLiteStore, sqlite_path
from bot.store.timefmt import ts
from bot.store.transfer_db import Backend, PostgresBackend, Row, SQLiteBackend, Table, TransferError

__all__ = ["DumpSummary", "TableDump", "TransferError", "export_database", "import_database", "read_header"]

FORMAT = "rumourbot-dump"
_DB_ERRORS = (sqlite3.Error, asyncpg.PostgresError, asyncpg.InterfaceError)
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class TableDump:
    name: str
    columns: tuple[str, ...]
    rows: int
    sha256: str


@dataclass(frozen=True, slots=True)
class DumpSummary:
    schema_version: int
    source: str
    tables: tuple[TableDump, ...]
    sha256: str

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


def row_line(row: Row | dict[str, Any]) -> bytes:
    return (json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def total_sha256(tables: Sequence[TableDump]) -> str:
    return hashlib.sha256("".join(f"{t.name} {t.rows} {t.sha256}\n" for t in tables).encode()).hexdigest()


def _kind(url: str) -> str:
    if url.startswith("sqlite:///"):
        return "sqlite"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql"
    raise TransferError(f"unsupported database URL {url.split(':', 1)[0]!r}: use sqlite:/// or postgresql://")


@asynccontextmanager
async def _connect(url: str, *, write: bool) -> AsyncIterator[Backend]:
    """One backend connection inside one transaction: committed when the block succeeds, else rolled back.
    Reading, it is a consistent snapshot; writing, it holds the write lock from the start."""
    if _kind(url) == "sqlite":
        path = sqlite_path(url)
        if not path.is_file():
            raise TransferError(f"no database file at {path}")
        db = await aiosqlite.connect(path, isolation_level=None)
        try:
            await db.execute("PRAGMA busy_timeout = 5000")
            await db.execute("PRAGMA foreign_keys = ON")
            await db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            if write:
                await db.execute("PRAGMA defer_foreign_keys = ON")  # self-references need not come in order
            try:
                yield SQLiteBackend(db)
            except BaseException:
                await db.execute("ROLLBACK")
                raise
            await db.execute("COMMIT")
        finally:
            await db.close()
        return
    try:
        conn = await asyncpg.connect(url, timeout=10)
    except (TimeoutError, OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
        raise TransferError(f"cannot open database {redact(url)}: {exc}") from exc
    try:
        options = {} if write else {"isolation": "repeatable_read", "readonly": True}
        async with conn.transaction(**options):
            yield PostgresBackend(conn)
    finally:
        await conn.close()


async def _digest(backend: Backend, table: Table) -> tuple[int, str]:
    count, digest = 0, hashlib.sha256()
    async for batch in backend.rows(table):
        for row in batch:
            digest.update(row_line(row))
            count += 1
    return count, digest.hexdigest()


# -- export -------------------------------------------------------------------------------------


async def export_database(url: str, path: Path) -> DumpSummary:
    """Write the database at ``url`` to ``path`` (replaced only once the file is complete)."""
    part, body = path.with_name(path.name + ".part"), path.with_name(path.name + ".rows")
    try:
        async with _connect(url, write=False) as backend:
            version = await backend.schema_version()
            if version == 0:
                raise TransferError(f"{_shown(url)} has no rumourbot schema (run `rumourbot db migrate` first)")
            tables: list[TableDump] = []
            with _create(body) as raw, gzip.open(raw, "wb") as out:
                for table in await backend.tables():
                    out.write(row_line({"table": table.name}))
                    count, digest = 0, hashlib.sha256()
                    async for batch in backend.rows(table):
                        for row in batch:
                            line = row_line(row)
                            out.write(line)
                            digest.update(line)
                            count += 1
                    tables.append(TableDump(table.name, table.columns, count, digest.hexdigest()))
        summary = DumpSummary(version, _kind(url), tuple(tables), total_sha256(tables))
        _assemble(part, summary, body)
        os.replace(part, path)
    except OSError as exc:
        raise TransferError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except _DB_ERRORS as exc:
        raise TransferError(f"{_shown(url)}: {exc}") from exc
    finally:
        for leftover in (part, body):
            leftover.unlink(missing_ok=True)
    return summary


def _create(path: Path) -> IO[bytes]:
    return path.open("wb")


def _assemble(part: Path, summary: DumpSummary, body: Path) -> None:
    """The header as a gzip member of its own, then the rows' gzip member: one valid gzip file."""
    header = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "schema_version": summary.schema_version,
        "source": summary.source,
        "created_at": ts(utcnow()),
        "tables": [
            {"name": t.name, "columns": list(t.columns), "rows": t.rows, "sha256": t.sha256} for t in summary.tables
        ],
        "sha256": summary.sha256,
    }
    with part.open("wb") as out, body.open("rb") as rows:
        out.write(gzip.compress(row_line(header)))
        shutil.copyfileobj(rows, out)
        out.flush()
        os.fsync(out.fileno())


# -- reading a dump -----------------------------------------------------------------------------


class DumpReader:
    """A dump file read line by line, checked as it goes; every problem is a TransferError naming it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._line = 0
        try:
            self._file = gzip.GzipFile(path, "rb")
        except OSError as exc:
            raise TransferError(f"cannot read {path}: {exc.strerror or exc}") from exc
        try:
            self.header = self._parse_header(self._next())
        except BaseException:
            self._file.close()
            raise

    def close(self) -> None:
        self._file.close()

    def _fail(self, problem: str) -> TransferError:
        where = f" (line {self._line})" if self._line else ""
        return TransferError(f"{self.path}{where}: {problem}; nothing was imported")

    def _next(self) -> Any:
        """The next line parsed, or None at the end of the file."""
        try:
            raw = self._file.readline()
        except gzip.BadGzipFile:
            raise self._fail("not a rumourbot dump (not a gzip file)") from None
        except EOFError:
            raise self._fail("the file is truncated") from None
        except (zlib.error, OSError) as exc:
            raise self._fail(f"the file is corrupt ({exc})") from None
        if not raw:
            return None
        self._line += 1
        if not raw.endswith(b"\n"):
            raise self._fail("the file is truncated (its last line is incomplete)")
        try:
            return _Line(json.loads(raw), raw)
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise self._fail("the file is corrupt (a line is not JSON)") from None

    def _parse_header(self, line: _Line | None) -> DumpSummary:
        data = line.value if line else None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise self._fail("not a rumourbot dump (no rumourbot-dump header)")
        if data.get("version") != FORMAT_VERSION:
            raise self._fail(
                f"dump format version {data.get('version')!r}; this rumourbot reads version {FORMAT_VERSION}"
            )
        try:
            tables = tuple(
                TableDump(str(t["name"]), tuple(str(c) for c in t["columns"]), int(t["rows"]), str(t["sha256"]))
                for t in data["tables"]
            )
            summary = DumpSummary(int(data["schema_version"]), str(data["source"]), tables, str(data["sha256"]))
        except (KeyError, TypeError, ValueError):
            raise self._fail("the header is incomplete or malformed") from None
        if total_sha256(tables) != summary.sha256:
            raise self._fail("the header's checksum does not match its tables")
        return summary

    def batches(self, size: int) -> Iterator[tuple[TableDump, list[Row]]]:
        """The rows, table by table, each table's count and checksum checked when it ends."""
        expected = iter(self.header.tables)
        line = self._next()
        for table in expected:
            if line is None:
                raise self._fail(f"the file is truncated (table {table.name} is missing)")
            if line.value != {"table": table.name}:
                raise self._fail(f"expected the rows of table {table.name}")
            count, digest, batch = 0, hashlib.sha256(), []
            while (line := self._next()) is not None and isinstance(line.value, list):
                if len(line.value) != len(table.columns) or not all(_scalar(v) for v in line.value):
                    raise self._fail(f"a row of table {table.name} does not match its columns")
                digest.update(line.raw)
                count += 1
                batch.append(line.value)
                if len(batch) >= size:
                    yield table, batch
                    batch = []
            if batch:
                yield table, batch
            if count != table.rows:
                raise self._fail(f"table {table.name} has {count} rows, the header says {table.rows}")
            if digest.hexdigest() != table.sha256:
                raise self._fail(f"table {table.name} does not match its checksum (the file is corrupt)")
        if line is not None:
            raise self._fail("unexpected data after the last table")


@dataclass(frozen=True, slots=True)
class _Line:
    value: Any
    raw: bytes


def _scalar(value: object) -> bool:
    return value is None or (isinstance(value, str | int | float) and not isinstance(value, bool))


def read_header(path: Path) -> DumpSummary:
    """The dump's header, checked (what it holds, without reading the rows)."""
    reader = DumpReader(path)
    reader.close()
    return reader.header


# -- import -------------------------------------------------------------------------------------


async def import_database(path: Path, url: str, *, batch_size: int = 1000) -> DumpSummary:
    """Load the dump at ``path`` into the empty database at ``url``, all or nothing."""
    reader = DumpReader(path)
    # A SQLite file this import creates is removed again when it fails: a refusal leaves nothing.
    new_file = sqlite_path(url) if _kind(url) == "sqlite" and not sqlite_path(url).exists() else None
    try:
        header = reader.header
        await _migrate(url)
        async with _connect(url, write=True) as backend:
            await _check_target(backend, header, url)
            tables = {t.name: t for t in await backend.tables()}
            for dumped, rows in reader.batches(batch_size):
                await backend.insert(tables[dumped.name], rows)
            await backend.finish_import(list(tables.values()))
            for dumped in header.tables:
                count, digest = await _digest(backend, tables[dumped.name])
                if (count, digest) != (dumped.rows, dumped.sha256):
                    raise TransferError(
                        f"table {dumped.name} reads back differently after the import ({count} rows, the dump"
                        f" has {dumped.rows}); nothing was imported"
                    )
    except _DB_ERRORS as exc:
        _remove_new(new_file)
        raise TransferError(f"{_shown(url)}: {exc}; nothing was imported") from exc
    except BaseException:
        _remove_new(new_file)
        raise
    finally:
        reader.close()
    return header


def _remove_new(path: Path | None) -> None:
    if path is not None:
        for leftover in (path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-flight"))):
            leftover.unlink(missing_ok=True)


async def _migrate(url: str) -> None:
    """Create (or bring up to date) the target's schema, as every other command does on start."""
    store = await (SQLiteStore.open(url) if _kind(url) == "sqlite" else PostgresStore.open(url))
    await store.close()


async def _check_target(backend: Backend, header: DumpSummary, url: str) -> None:
    version = await backend.schema_version()
    if header.schema_version > version:
        raise TransferError(
            f"the dump has schema version {header.schema_version}, newer than this rumourbot's {version}:"
            " import it with the rumourbot version that exported it"
        )
    if header.schema_version < version:
        raise TransferError(
            f"the dump has schema version {header.schema_version}, {_shown(url)} has {version}: migrate the"
            " source database (`rumourbot db migrate`) and export it again"
        )
    tables = await backend.tables()
    have = {t.name: t.columns for t in tables}
    dumped = {t.name: t.columns for t in header.tables}
    if have != dumped:
        differ = sorted(n for n in have.keys() | dumped.keys() if have.get(n) != dumped.get(n))
        raise TransferError(f"the dump's tables differ from {_shown(url)}'s in {', '.join(differ)}")
    if isinstance(backend, PostgresBackend):
        await backend.lock(tables)
    filled = [t.name for t in tables if await backend.has_rows(t)]
    if filled:
        raise TransferError(
            f"{_shown(url)} is not empty (rows in {', '.join(filled)}): import only into a new database;"
            " nothing was imported"
        )


def _shown(url: str) -> str:
    return str(sqlite_path(url)) if _kind(url) == "sqlite" else redact(url)
