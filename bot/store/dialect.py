"""What differs between the two SQL engines, and nothing else.

The store's queries are written once (``sql.py``, ``sql_ingest.py``, ``sql_leases.py``,
``tracing.py``) with ``?`` placeholders and datetime parameters. A ``Dialect`` runs them: SQLite
(``sqlite.py``) as they are, with times as ISO text; PostgreSQL (``postgres.py``) with numbered
placeholders and ``timestamptz`` values. Besides running SQL, a dialect supplies the few fragments
whose spelling differs: how a batch of rows or a list of values travels as one parameter, row
locks that skip locked rows, advisory locks, id allocation and the "poll at once" value.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime
from typing import Any, Protocol

# Advisory lock keys (any bigint; these spell "rbingest" and "rbllmbud" in ASCII). SQLite has one
# writer at a time anyway, so there they cost nothing.
INGEST_LOCK = 0x7262696E67657374
LLM_LOCK = 0x72626C6C6D627564


class Row(Protocol):
    """A result row (``sqlite3.Row``, ``asyncpg.Record``): items by position."""

    def __getitem__(self, key: int, /) -> Any: ...
    def __iter__(self) -> Iterator[Any]: ...
    def __len__(self) -> int: ...


class Conn(Protocol):
    """Runs statements written with ``?`` placeholders (outside a transaction, each one commits)."""

    async def fetch(self, sql: str, params: Sequence[object] = ()) -> list[Row]: ...

    async def execute(self, sql: str, params: Sequence[object] = ()) -> int:
        """Run a statement; return how many rows it changed."""
        ...


class Dialect(Conn, Protocol):
    name: str  # "sqlite" | "postgres", also the folder of its migrations
    poll_now: str  # the SQL value of feeds.next_poll_at that means "poll at once"
    skip_locked: str  # appended to a SELECT whose rows a concurrent claimer must pass over
    for_update: str  # appended to a SELECT whose rows the transaction will update
    byte_order: str  # appended to an ORDER BY term to sort text by bytes
    row_order: str  # the column that orders a table's rows as they were inserted

    async def mark_in_flight(self, delivery_id: int, since: datetime | None) -> None:
        """Mark a 'sending' delivery's current attempt in flight (None: clear the mark), committed at
        once and without waiting for any other work of the store (docs/DELIVERY.md)."""
        ...

    async def marked(self) -> list[int]:
        """The 'sending' deliveries whose current attempt is marked in flight somewhere other than
        their ``sent_at`` column; the marks of deliveries no longer being sent are dropped."""
        ...

    def transaction(self, lock: int | None = None) -> AbstractAsyncContextManager[Conn]:
        """A write transaction; with ``lock``, one at a time across every process (advisory lock)."""
        ...

    def batch(self, types: Sequence[str], rows: Sequence[Sequence[object]]) -> tuple[str, list[object]]:
        """A relation ``x(c0, c1, …, n)`` holding ``rows`` (``n`` is the row's position), and its
        parameters. ``types`` are PostgreSQL's names for the columns' types."""
        ...

    def any_of(self, values: Sequence[object], type_: str) -> tuple[str, list[object]]:
        """``IN (…)`` over the values as one parameter: ``column {fragment}``."""
        ...

    async def new_ids(self, conn: Conn, table: str, count: int) -> list[int]:
        """``count`` new ascending ids for ``table``, inside ``conn``'s transaction."""
        ...

    async def close(self) -> None: ...
    async def migrate(self) -> list[int]: ...
    async def schema_version(self) -> int: ...
    async def integrity_check(self) -> str: ...


def as_time(value: Any) -> datetime:
    """A stored time as an aware UTC datetime: SQLite gives ISO text, PostgreSQL a datetime."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    parsed = datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def as_time_or_none(value: Any) -> datetime | None:
    """As ``as_time``; NULL (and SQLite's '' for "poll at once") is None."""
    return None if value is None or value == "" else as_time(value)


def text(value: str) -> str:
    """Free text for a diagnostic or display column: PostgreSQL text cannot hold NUL."""
    return value.replace("\x00", "")
