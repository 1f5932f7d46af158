"""Helpers for the store contract suite: stories, opening a store by URL, ingesting, a running bot."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from bot.analysis.analyser import Analyser
from bot.app import open_store
from bot.commands.base import ChatRef
from bot.config import DeliverySettings, FeedSettings, load_config
from bot.delivery.dispatcher import Dispatcher
from bot.feeds.fetcher import Fetcher
from bot.llm.port import BuiltinAnalysis
from bot.pipeline.ingest import Ingestor, IngestPolicy, IngestStats, Item
from bot.pipeline.poller import CycleStats, Poller
from bot.store.base import NewEntry
from bot.store.sql import Store
from tests.conftest import CONFIG
from tests.fakes.clock import FakeClock
from tests.fakes.feed_server import FeedServer, rss
from tests.fakes.recording_sender import RecordingSender

NOW = datetime(2025, 6, 11, 9, 0, tzinfo=UTC)
FEED_A, FEED_B, FEED_C = (f"https://feeds.example/{n}.xml" for n in "abc")
TALKS = ("Bayern Munich hold talks with Xabi Alonso",
         "Bayern Munich have opened talks with Xabi Alonso over their vacant head coach role, "
         "The Athletic's David Ornstein reports.")  # fmt: skip
TALKS_COPY = ("Bayern Munich hold talks with Xabi Alonso",
              "Bayern Munich have opened talks with Xabi Alonso over their vacant head coach role.")  # fmt: skip
AGREED = ("Xabi Alonso agrees terms with Bayern Munich",
          "Xabi Alonso has agreed terms to become the new Bayern Munich head coach, "
          "The Athletic's David Ornstein reports.")  # fmt: skip
SACKED = ("Chelsea sack head coach Enzo Maresca",
          "Chelsea have sacked head coach Enzo Maresca, the club said in a statement.")  # fmt: skip


async def open_url(url: str, *, migrate: bool = True) -> Store:
    config = load_config(CONFIG / "rumourbot.toml", env={"RUMOURBOT_STORE__URL": url})
    return await open_store(config, migrate=migrate)


async def ingest(
    store: Store,
    analyser: Analyser,
    stories: Sequence[tuple[str, str]],
    *,
    at: datetime = NOW,
    batch: str = "a",
    feed: str = FEED_A,
) -> IngestStats:
    """Real analysis and threading of stories published five minutes before ``at``."""
    feed_id = next((f.id for f in await store.list_feeds() if f.url == feed), None)
    if feed_id is None:
        feed_id = (await store.add_feed(feed, "", at)).id
    items = [
        Item(f"{batch}{n}", title, text, f"https://news.example/{batch}{n}", at - timedelta(minutes=5), "")
        for n, (title, text) in enumerate(stories)
    ]
    return await Ingestor(BuiltinAnalysis(analyser), store, IngestPolicy()).ingest(feed_id, items, at, alerts=True)


async def insert_then_fail(store: Store, feed_id: int, entry: NewEntry) -> None:
    async with store.transaction() as tx:
        await tx.insert_entries(feed_id, [entry], NOW)
        raise RuntimeError("boom")


E2E_FEEDS = FeedSettings(allow_private_addresses=True, fulltext=False, interval_seconds=60, min_interval_seconds=60,
                         connect_timeout_seconds=2, read_timeout_seconds=2, total_timeout_seconds=5)  # fmt: skip
FAN = ChatRef("test", "fans")
LINKED = ("Real Madrid consider Xabi Alonso as next coach",
          "Real Madrid are considering Xabi Alonso as a candidate to replace their head coach, "
          "Marca reports.")  # fmt: skip


@dataclass
class Running:
    """One process's worth of the bot (store, poller, dispatcher) on the test's clock."""

    store: Store
    poller: Poller
    dispatcher: Dispatcher

    @classmethod
    @asynccontextmanager
    async def start(
        cls, url: str, analyser: Analyser, clock: FakeClock, sender: RecordingSender
    ) -> AsyncIterator[Running]:
        store = await open_url(url)
        try:
            async with Fetcher(E2E_FEEDS) as fetcher:
                poller = Poller(
                    store, fetcher, Ingestor(BuiltinAnalysis(analyser), store, IngestPolicy()), E2E_FEEDS, clock=clock
                )
                await store.release_claims()
                yield cls(store, poller, Dispatcher(store, {"test": sender}, DeliverySettings(), clock=clock))
        finally:
            await store.close()

    async def cycle(self, clock: FakeClock) -> CycleStats:
        clock.advance(seconds=E2E_FEEDS.interval_seconds + 1)
        stats = await self.poller.run_once()
        assert stats.failed == 0, stats.failures
        await self.dispatcher.run_once()
        return stats


def publish(srv: FeedServer, clock: FakeClock, items: list[dict[str, str]], story: tuple[str, str]) -> None:
    link = f"https://news.example/w{len(items)}"
    when = format_datetime(clock() - timedelta(minutes=5))
    items.insert(0, {"guid": link, "link": link, "title": story[0], "description": story[1], "pubDate": when})
    srv.add("/wire.xml", rss(items, title="wire"))
