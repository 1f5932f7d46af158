"""A bot on the test's clock (real SQLite store, poller against loopback feeds, dispatcher with a
recording platform) with its operator endpoint served on 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from bot.analysis.analyser import Analyser
from bot.commands.names import NameResolver
from bot.commands.router import Router
from bot.config import DeliverySettings, HttpSettings
from bot.delivery.dispatcher import Dispatcher
from bot.feeds.fetcher import Fetcher
from bot.http.metrics import Metrics
from bot.http.server import OpsServer
from bot.llm.port import BuiltinAnalysis
from bot.pipeline.ingest import Ingestor, IngestPolicy
from bot.pipeline.poller import CycleStats, Poller
from bot.store.sqlite import SQLiteStore
from tests.fakes.clock import FakeClock
from tests.fakes.feed_server import FeedServer
from tests.fakes.recording_sender import RecordingSender
from tests.store.contract_support import E2E_FEEDS, FAN, publish

LISTEN = "127.0.0.1:0"  # any free port on loopback


@dataclass
class Rig:
    store: SQLiteStore
    srv: FeedServer
    clock: FakeClock
    metrics: Metrics
    poller: Poller
    dispatcher: Dispatcher
    ops: OpsServer
    sender: RecordingSender
    connected: dict[str, bool] = field(default_factory=lambda: {"test": True})
    items: list[dict[str, str]] = field(default_factory=list)

    def publish(self, story: tuple[str, str]) -> None:
        """Put a story at the top of /wire.xml, published five minutes before the clock."""
        publish(self.srv, self.clock, self.items, story)

    async def cycle(self) -> CycleStats:
        """Move past the poll interval, poll the due feeds, send what was queued."""
        self.clock.advance(seconds=E2E_FEEDS.interval_seconds + 1)
        stats = await self.poller.run_once()
        await self.dispatcher.run_once()
        return stats

    async def get(self, path: str) -> tuple[int, str, dict[str, str]]:
        async with aiohttp.ClientSession() as session, session.get(self.ops.url + path) as response:
            return response.status, await response.text(), dict(response.headers)

    async def healthz(self) -> tuple[int, dict[str, Any]]:
        async with aiohttp.ClientSession() as session, session.get(self.ops.url + "/healthz") as response:
            return response.status, await response.json()


@asynccontextmanager
async def rig(
    store: SQLiteStore, analyser: Analyser, clock: FakeClock | None = None, **http: Any
) -> AsyncIterator[Rig]:
    clock = clock or FakeClock()
    metrics = Metrics()
    sender = RecordingSender()
    metrics.watch_platforms([sender.platform])
    async with FeedServer() as srv, Fetcher(E2E_FEEDS) as fetcher:
        dispatcher = Dispatcher(
            store, {sender.platform: sender}, DeliverySettings(), clock=clock, on_outcome=metrics.alert_outcome
        )
        ingestor = Ingestor(BuiltinAnalysis(analyser), store, IngestPolicy())
        poller = Poller(store, fetcher, ingestor, E2E_FEEDS, clock=clock, on_cycle=metrics.poll_cycle)
        connected = {sender.platform: True}
        router = Router(store, NameResolver(analyser.gazetteer), clock=clock)
        ops = OpsServer(
            store,
            HttpSettings(listen=LISTEN, **http),
            metrics,
            lambda: connected,
            clock=clock,
            boards=router.status_boards,
            questions=store.predictions,
        )
        await ops.start()
        try:
            yield Rig(store, srv, clock, metrics, poller, dispatcher, ops, sender, connected)
        finally:
            await ops.stop()


async def follow_everything(r: Rig) -> None:
    await r.store.follow(FAN.key, "all", "all", "", r.clock())
