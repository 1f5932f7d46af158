"""The ingest writes a feed's batch with a fixed number of statements, and batching changes nothing.

Statements are counted on the real connections: SQLite's trace callback on the store's own
connection, asyncpg's query logger on the PostgreSQL connection that runs the transaction.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.analysis.analyser import Analyser
from bot.llm.port import BuiltinAnalysis
from bot.pipeline.ingest import Ingestor, IngestPolicy, IngestStats, Item
from bot.store.dialect import INGEST_LOCK
from bot.store.postgres import PostgresStore
from bot.store.sql import Store
from bot.store.sql_ingest import SQLIngestTx
from bot.store.sqlite import SQLiteStore
from tests.store.contract_support import open_url

NOW = datetime(2025, 6, 11, 9, 0, tzinfo=UTC)
STORIES = [
    ("Bayern Munich hold talks with Xabi Alonso",
     "Bayern Munich have opened talks with Xabi Alonso over their vacant head coach role, "
     "The Athletic's David Ornstein reports."),
    ("Alonso and Bayern in talks over coaching job",
     "Xabi Alonso is in talks with Bayern Munich about becoming their head coach, according to Sky Sports."),
    ("Real Madrid consider Xabi Alonso as next coach",
     "Real Madrid are considering Xabi Alonso as a candidate to replace their head coach, Marca reports."),
    ("Xabi Alonso agrees terms with Bayern Munich",
     "Xabi Alonso has agreed terms to become the new Bayern Munich head coach, "
     "The Athletic's David Ornstein reports."),
    ("Chelsea sack head coach Enzo Maresca",
     "Chelsea have sacked head coach Enzo Maresca, the club said in a statement."),
    ("Arsenal transfer news roundup", "Arsenal are looking at a new left-back before the window closes."),
]  # fmt: skip


def items(count: int, batch: str) -> list[Item]:
    """``count`` entries cycling through the stories: new threads, later stages, near-copies."""
    return [
        Item(
            f"{batch}{n}",
            *STORIES[n % len(STORIES)],
            f"https://news.example/{batch}/{n}",
            NOW - timedelta(minutes=60 - n % 50),
            "",
        )
        for n in range(count)
    ]


async def prepare(store: Store) -> int:
    """A feed, followers of the manager, a club and everything, and an Alonso–Bayern thread
    already stored, so that a batch both creates threads and updates stored ones."""
    feed = await store.add_feed("https://feeds.example/a.xml", "", NOW)
    await store.follow("test:alonso:", "manager", "Xabi Alonso", "", NOW)
    await store.follow("test:chelsea:", "club", "Chelsea", "@blues", NOW)
    await store.follow("test:all:", "all", "", "", NOW)
    return feed.id


async def ingest(store: Store, analyser: Analyser, feed_id: int, batch: Sequence[Item]) -> IngestStats:
    return await Ingestor(BuiltinAnalysis(analyser), store, IngestPolicy()).ingest(feed_id, batch, NOW, alerts=True)


# -- counting statements on the real connections ------------------------------------------------


@asynccontextmanager
async def sqlite_statements(store: Store) -> AsyncIterator[list[str]]:
    assert isinstance(store, SQLiteStore)
    seen: list[str] = []
    await store.sqlite.db.set_trace_callback(seen.append)
    try:
        yield seen
    finally:
        await store.sqlite.db.set_trace_callback(None)  # type: ignore[arg-type]  # None removes it (sqlite3 API)


class CountingPostgres:
    """The store's own pool and tables; each transaction's connection logs its queries."""

    def __init__(self, store: PostgresStore, seen: list[str]) -> None:
        self._store = store
        self._seen = seen

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def _log(self, record: Any) -> None:
        self._seen.append(str(record.query))

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[SQLIngestTx]:
        dialect = self._store.postgres
        async with dialect.transaction(INGEST_LOCK) as conn:
            raw = conn._conn  # type: ignore[attr-defined]  # the asyncpg connection under the store's wrapper
            raw.add_query_logger(self._log)
            try:
                yield SQLIngestTx(dialect, conn)
            finally:
                raw.remove_query_logger(self._log)


async def statements_for(store_url: str, analyser: Analyser, count: int) -> tuple[int, IngestStats]:
    """Statements run by one ingest of ``count`` entries into an empty database."""
    if store_url.startswith("sqlite"):
        store_url = f"{store_url}.{count}"
    store = await open_url(store_url)
    if isinstance(store, PostgresStore):
        await store.postgres.pool.execute("TRUNCATE feeds, threads, subscriptions, chat_prefs RESTART IDENTITY CASCADE")
    try:
        feed_id = await prepare(store)
        await ingest(store, analyser, feed_id, items(1, "old"))  # the stored thread
        batch = items(count, "new")
        seen: list[str] = []
        if isinstance(store, SQLiteStore):
            async with sqlite_statements(store) as seen:
                stats = await ingest(store, analyser, feed_id, batch)
        else:
            assert isinstance(store, PostgresStore)
            stats = await ingest(CountingPostgres(store, seen), analyser, feed_id, batch)
        return len(seen), stats
    finally:
        await store.close()


async def test_ingest_statement_count_does_not_grow_with_the_number_of_entries(
    store_url: str, analyser: Analyser
) -> None:
    small, small_stats = await statements_for(store_url, analyser, len(STORIES))
    large, large_stats = await statements_for(store_url, analyser, 10 * len(STORIES))
    # The large batch really does ten times the work: entries, reports, events and deliveries.
    assert large_stats.new_entries == 10 * small_stats.new_entries == 10 * len(STORIES)
    assert large_stats.rumours == 10 * small_stats.rumours > 0
    assert len(large_stats.events) >= len(small_stats.events) > 0
    assert large_stats.deliveries >= small_stats.deliveries > 0
    assert large == small
    # 25 for entries, stories, threads, reports, events and deliveries; the rest for what follows
    # outcomes: open threads a done event may resolve, claims and their counts, the resolutions, the
    # done changes of job (their voices, the latest jobs) — docs/adr/0007 — and the chats already told
    # about a thread that did not happen.
    assert small <= 31


# -- batching gives what one entry at a time gives ----------------------------------------------


async def snapshot(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every row the ingest writes, ids included, read through SQLite."""
    assert isinstance(store, SQLiteStore)
    queries = {
        "stories": "SELECT id, entry_id, url, title, summary, analysis_json, published FROM stories ORDER BY id",
        "threads": "SELECT * FROM threads ORDER BY id",
        "reports": "SELECT * FROM reports ORDER BY id",
        "events": "SELECT * FROM events ORDER BY id",
        "stages": "SELECT rowid, * FROM thread_stages ORDER BY rowid",
        "deliveries": "SELECT id, event_id, thread_id, chat_key, ping_role, next_attempt_at FROM deliveries"
        " ORDER BY id",
    }
    result: dict[str, list[tuple[object, ...]]] = {}
    for name, sql in queries.items():
        async with store.sqlite.db.execute(sql) as cur:
            result[name] = [tuple(r) for r in await cur.fetchall()]
    return result


async def test_one_batch_writes_the_same_rows_as_its_entries_one_at_a_time(tmp_path: Path, analyser: Analyser) -> None:
    batch = items(3 * len(STORIES), "b")
    results = []
    for name, split in (("whole", [batch]), ("single", [[i] for i in batch])):
        store = await SQLiteStore.open(f"sqlite:///{tmp_path / name}.db")
        try:
            feed_id = await prepare(store)
            await ingest(store, analyser, feed_id, items(1, "old"))
            for part in split:
                await ingest(store, analyser, feed_id, part)
            results.append(await snapshot(store))
        finally:
            await store.close()
    whole, single = results
    assert len(whole["reports"]) > len(whole["threads"]) > 1
    assert any(r[12] is not None for r in whole["reports"])  # near-copies found and linked
    assert len(whole["deliveries"]) > 0
    for table in whole:
        assert whole[table] == single[table], table
