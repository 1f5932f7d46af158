"""The whole bot in the test process: config from TOML + environment, the composition root's core and
platform start-up, the real Poller/Ingestor/SQLite/Dispatcher, feeds on a loopback FeedServer, and
the chat platforms' loopback fakes driven through the real python-telegram-bot and discord.py.

Only the clock is the test's: poll cycles and dispatch rounds are stepped by hand (``cycle``), so
every assertion sees a settled state.
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from bot.app import Core, _start_platforms, core, question_senders, sync_feed_list
from bot.config import load_config
from bot.delivery.dispatcher import Dispatcher
from bot.domain import utcnow
from bot.feeds.fetcher import Fetcher
from bot.llm.port import BuiltinAnalysis
from bot.pipeline.ingest import Ingestor
from bot.pipeline.poller import CycleStats, Poller
from bot.predictions.posts import PostDispatcher
from bot.store.base import Subscription
from tests.fakes.clock import FakeClock
from tests.fakes.feed_server import FeedServer, rss
from tests.fakes.telegram_server import TelegramFake

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "config"
WIRE, SKY = "/wire.xml", "/sky.xml"
OUTLETS = {WIRE: "", SKY: "Sky Sports"}  # the wire names its source in each story; Sky is Sky

# The stories (written for these tests; the analyser reads them as the comments say).
BASELINE = {
    WIRE: ("w0", "Real Madrid consider Xabi Alonso as next coach",  # Alonso → Real Madrid: linked (Marca)
           "Real Madrid are considering Xabi Alonso as a candidate to replace their head coach in the summer, "
           "Marca reports."),
    SKY: ("s0", "Saka fit for weekend trip", "Bukayo Saka has recovered from a knock and will travel with the squad."),
}  # fmt: skip
TALKS = ("w1", "Bayern Munich hold talks with Xabi Alonso",  # Alonso → Bayern Munich: talks (David Ornstein)
         "Bayern Munich have opened talks with Xabi Alonso over their vacant head coach role, The Athletic's "
         "David Ornstein reports.")  # fmt: skip
TALKS_AGAIN = ("s1", "Alonso and Bayern in talks over coaching job",  # same stage, a second outlet
               "Xabi Alonso is in talks with Bayern Munich about becoming their head coach, according to Sky "
               "Sports.")  # fmt: skip
AGREED = ("w2", "Xabi Alonso agrees terms with Bayern Munich",  # Alonso → Bayern Munich: agreed
          "Xabi Alonso has agreed terms to become the new Bayern Munich head coach, The Athletic's David "
          "Ornstein reports.")  # fmt: skip
OFFER = ("w3", "Manchester City make offer to Xabi Alonso",  # Alonso → Manchester City: offer
         "Manchester City have made an offer to Xabi Alonso to become their next manager, the Daily Mail "
         "reports.")  # fmt: skip
# A done agreement resolves the Bayern thread ("Confirmed: …") and, as Alonso signs elsewhere, the Real
# Madrid thread of the first poll ("Did not happen: instead, …"): docs/adr/0007.
CONFIRMED = (
    "Confirmed: Xabi Alonso agrees terms with Bayern Munich (David Ornstein) — first reported by David Ornstein on "
)
INSTEAD = "Did not happen: instead, Xabi Alonso agrees terms with Bayern Munich (David Ornstein)"
HOSTILE_TITLE = "@everyone <b>FREE</b> [x](http://evil.example) <@&123> Chelsea sack Enzo Maresca"
HOSTILE = ("w4", HOSTILE_TITLE, "Chelsea have sacked head coach Enzo Maresca, the club confirmed.")
# The feed parser drops the HTML tags of a title; everything else of it reaches the chats as text.
HOSTILE_SHOWN = "@everyone FREE [x](http://evil.example) <@&123> Chelsea sack Enzo Maresca"

Story = tuple[str, str, str]


async def eventually(
    ok: Callable[[], Awaitable[bool] | bool], seconds: float, what: str, details: Callable[[], str] = str
) -> None:
    """Check ``ok`` until it holds, for effects of work the bot does in the background (an update it
    polls, a child process); fail naming ``what`` (and ``details()``) after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not await _holds(ok):  # the state is another task's or process's: there is no event to await
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {seconds:g} s {details()}")
        await asyncio.sleep(0.01)


async def _holds(ok: Callable[[], Awaitable[bool] | bool]) -> bool:
    result = ok()
    return bool(await result) if inspect.isawaitable(result) else bool(result)


def base_env(tmp: Path, feeds_file: Path) -> dict[str, str]:
    """The environment a deployment would set (config/rumourbot.toml supplies everything else)."""
    return {
        "RUMOURBOT_STORE__URL": f"sqlite:///{tmp / 'bot.db'}",
        "RUMOURBOT_FEEDS__FILE": str(feeds_file),
        "RUMOURBOT_FEEDS__ALLOW_PRIVATE_ADDRESSES": "true",
        "RUMOURBOT_FEEDS__FULLTEXT": "false",
        "RUMOURBOT_FEEDS__INTERVAL_SECONDS": "1",
        "RUMOURBOT_FEEDS__MIN_INTERVAL_SECONDS": "1",
        "RUMOURBOT_KNOWLEDGE__MANAGERS": str(CONFIG / "managers.toml"),
        "RUMOURBOT_KNOWLEDGE__CLUBS": str(CONFIG / "clubs.toml"),
        "RUMOURBOT_KNOWLEDGE__SOURCES": str(CONFIG / "sources.toml"),
    }


def telegram_env(srv: TelegramFake) -> dict[str, str]:
    return {
        "TELEGRAM_TOKEN": srv.token,
        "RUMOURBOT_TELEGRAM__API_BASE_URL": srv.base_url,
        "RUMOURBOT_TELEGRAM__FILE_BASE_URL": srv.file_url,
    }


class Feeds:
    """Two feeds on a FeedServer; ``publish`` puts a story on top of one, dated by ``clock``."""

    def __init__(self, srv: FeedServer, clock: FakeClock) -> None:
        self.srv = srv
        self.clock = clock
        self.items: dict[str, list[dict[str, str]]] = {WIRE: [], SKY: []}
        for path, story in BASELINE.items():
            self.publish(story, path)

    def publish(self, story: Story, path: str = WIRE) -> None:
        guid, title, text = story
        url = f"https://news.example/{guid}"
        when = format_datetime(self.clock() - timedelta(minutes=5))
        self.items[path].insert(0, {"guid": url, "link": url, "title": title, "description": text, "pubDate": when})
        self.srv.add(path, rss(self.items[path], title=path.strip("/")))

    def write_toml(self, file: Path) -> Path:
        file.write_text("".join(f'[[feed]]\nurl = "{self.srv.url(p)}"\noutlet = "{o}"\n\n' for p, o in OUTLETS.items()))
        return file


@dataclass
class World:
    core: Core
    feeds: Feeds
    poller: Poller
    dispatcher: Dispatcher
    clock: FakeClock
    senders: dict[str, Any] = field(default_factory=dict)
    posts: PostDispatcher | None = None

    def publish(self, story: Story, path: str = WIRE) -> None:
        self.feeds.publish(story, path)

    async def cycle(self) -> CycleStats:
        """One poll interval passes: poll every due feed, then deliver what was queued."""
        self.clock.advance(seconds=2)
        stats = await self.poller.run_once()
        assert stats.failed == 0, stats.failures
        await self.dispatcher.run_once()
        await self.settle()
        return stats

    async def settle(self) -> None:
        """The prediction game's turn: the referee ticks, then the game's posts go out."""
        await self.core.referee.tick()
        if self.posts is not None:
            await self.posts.run_once()

    async def following(self, chat_key: str) -> list[Subscription]:
        return await self.core.store.following(chat_key)


@asynccontextmanager
async def world(tmp: Path, platform_env: dict[str, str]) -> AsyncIterator[World]:
    """The bot with the platforms ``platform_env`` configures, its feeds already polled once (so the
    Real Madrid thread exists and later stories alert)."""
    clock = FakeClock(utcnow())
    async with AsyncExitStack() as stack:
        srv = await stack.enter_async_context(FeedServer())
        feeds = Feeds(srv, clock)
        config = load_config(
            CONFIG / "rumourbot.toml", base_env(tmp, feeds.write_toml(tmp / "feeds.toml")) | platform_env
        )
        c = await stack.enter_async_context(core(config, clock=clock))
        fetcher = await stack.enter_async_context(Fetcher(config.settings.feeds))
        await sync_feed_list(c)
        platforms = await _start_platforms(c, asyncio.Event())
        for platform in platforms:
            stack.push_async_callback(platform.stop)
        senders = {p.platform: p for p in platforms}
        dispatcher = Dispatcher(c.store, senders, config.settings.delivery, clock=clock)
        ingestor = Ingestor(BuiltinAnalysis(c.analyser), c.store, c.policy(), c.jobs.current, c.jobs.refresh)
        poller = Poller(c.store, fetcher, ingestor, config.settings.feeds, clock=clock)
        posts = PostDispatcher(c.store.predictions, question_senders(senders), config.settings.delivery, clock=clock)
        w = World(c, feeds, poller, dispatcher, clock, senders, posts)
        first = await w.cycle()
        assert (first.fetched, first.rumours, first.deliveries) == (2, 1, 0)
        yield w
