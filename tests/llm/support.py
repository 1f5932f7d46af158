"""A small world for the language-model tests: feeds and a fake model on 127.0.0.1, a real SQLite
store, the real Fetcher → Ingestor (with the model's analysis port) → Dispatcher path and a
recording chat. ``open()`` and ``close()`` play a process start and stop."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from bot.analysis.analyser import Analyser
from bot.analysis.gazetteer import Gazetteer
from bot.commands.base import ChatRef
from bot.config import Config, DeliverySettings, FeedSettings, load_config
from bot.delivery.dispatcher import Dispatcher
from bot.domain import Article
from bot.feeds.fetcher import Fetcher
from bot.llm.analysis import LLMAnalysis
from bot.llm.factory import open_analysis
from bot.pipeline.ingest import Ingestor, IngestPolicy
from bot.pipeline.poller import CycleStats, Poller
from bot.store.sqlite import SQLiteStore
from tests.fakes.clock import FakeClock
from tests.fakes.feed_server import FeedServer, rss
from tests.fakes.llm_server import FakeLLM
from tests.fakes.recording_sender import RecordingSender

ROOT = Path(__file__).resolve().parents[2]
API_KEY = "sk-llm-secret-never-in-logs-7c2e"
FAN = ChatRef("test", "fans")
SETTINGS = FeedSettings(
    allow_private_addresses=True,
    fulltext=False,
    interval_seconds=60,
    min_interval_seconds=60,
    connect_timeout_seconds=2,
    read_timeout_seconds=2,
    total_timeout_seconds=5,
)
WIRE, GOSSIP = "/wire.xml", "/gossip.xml"

TALKS_TITLE = "Bayern Munich hold talks with Xabi Alonso"
TALKS_TEXT = (
    "Bayern Munich have opened talks with Xabi Alonso over their vacant head coach role, "
    "The Athletic's David Ornstein reports."
)
MODEL_SUMMARY = "Bayern Munich are talking to Xabi Alonso about their head coach job, says David Ornstein."
GOOD_ANSWER: dict[str, Any] = {
    "is_manager_rumour": True,
    "summary": MODEL_SUMMARY,
    "rumours": [
        {
            "manager": "Xabi Alonso",
            "club": "Bayern Munich",
            "relation": "talks",
            "confidence": 0.8,
            "evidence": "Bayern Munich have opened talks with Xabi Alonso over their vacant head coach role",
        }
    ],
}


def llm_config(llm: FakeLLM | None, **env: str) -> Config:
    """The shipped defaults with [llm] pointed at the fake (base_url and model from env overrides)."""
    base = {"RUMOURBOT_LLM_API_KEY": API_KEY}
    if llm is not None:
        base |= {"RUMOURBOT_LLM__BASE_URL": llm.base_url, "RUMOURBOT_LLM__MODEL": "fake-model"}
    return load_config(ROOT / "config" / "rumourbot.toml", env=base | env)


def builtin_summary(analyser: Analyser, title: str, text: str) -> str:
    return analyser.analyse(Article(title, text)).summary


@dataclass
class World:
    srv: FeedServer
    llm: FakeLLM
    db_url: str
    analyser: Analyser
    gazetteer: Gazetteer
    config: Config
    clock: FakeClock = field(default_factory=FakeClock)
    sender: RecordingSender = field(default_factory=RecordingSender)
    items: dict[str, list[dict[str, str]]] = field(default_factory=lambda: {WIRE: [], GOSSIP: []})

    async def open(self) -> None:
        self._stack = contextlib.AsyncExitStack()
        self.store = await SQLiteStore.open(self.db_url)
        self._stack.push_async_callback(self.store.close)
        self.fetcher = Fetcher(SETTINGS)
        await self.fetcher.start()
        self._stack.push_async_callback(self.fetcher.close)
        port = await self._stack.enter_async_context(
            open_analysis(self.config, self.analyser, self.gazetteer, self.store)
        )
        assert isinstance(port, LLMAnalysis)
        port.clock = self.clock
        policy = IngestPolicy(max_age=timedelta(hours=SETTINGS.max_age_hours))
        ingestor = Ingestor(port, self.store, policy)
        self.poller = Poller(self.store, self.fetcher, ingestor, SETTINGS, clock=self.clock)
        self.dispatcher = Dispatcher(self.store, {"test": self.sender}, DeliverySettings(), clock=self.clock)

    async def close(self) -> None:
        await self._stack.aclose()

    def publish(self, path: str, guid: str, title: str, text: str) -> None:
        item = {
            "guid": f"https://news.example/{guid}",
            "link": f"https://news.example/{guid}",
            "title": title,
            "description": text,
            "pubDate": format_datetime(self.clock() - timedelta(minutes=5)),
        }
        self.items[path].insert(0, item)
        self.srv.add(path, rss(self.items[path], title=path.strip("/")))

    async def cycle(self) -> CycleStats:
        """Let the poll interval pass, poll every due feed, then deliver what was queued."""
        self.clock.advance(seconds=SETTINGS.interval_seconds + 1)
        stats = await self.poller.run_once()
        assert stats.failed == 0, stats.failures
        await self.dispatcher.run_once()
        return stats

    async def first_poll(self) -> None:
        """Both feeds known (nothing in them yet), so the next stories alert."""
        for path in (WIRE, GOSSIP):
            self.srv.add(path, rss([], title=path.strip("/")))
            await self.store.add_feed(self.srv.url(path), "", self.clock())
        await self.store.follow(FAN.key, "all", "all", "", self.clock())
        await self.cycle()
