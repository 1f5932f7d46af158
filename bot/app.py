"""The composition root: builds the store, the pipeline and the chat adapters, and runs them."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta

from bot.analysis.analyser import Analyser
from bot.analysis.gazetteer import Gazetteer, load_gazetteer
from bot.commands.base import ChatRef
from bot.commands.names import NameResolver
from bot.commands.ratelimit import CommandLimiter
from bot.commands.router import Router
from bot.config import Config
from bot.delivery.dispatcher import Dispatcher
from bot.delivery.ports import Sender
from bot.domain import utcnow
from bot.feeds.fetcher import Fetcher
from bot.pipeline.feedlist import load_feed_list
from bot.pipeline.ingest import Ingestor, IngestPolicy
from bot.pipeline.poller import Poller
from bot.platforms.console import CONSOLE_CHAT, ConsoleAdapter
from bot.store.base import Store

log = logging.getLogger(__name__)


async def open_store(config: Config, *, migrate: bool = True) -> Store:
    url = config.settings.store.url
    if url.startswith("sqlite:///"):
        from bot.store.sqlite import SQLiteStore  # noqa: PLC0415

        return await SQLiteStore.open(url, migrate=migrate)
    if url.startswith(("postgresql://", "postgres://")):
        from bot.store.postgres import PostgresStore  # noqa: PLC0415

        return await PostgresStore.open(url, migrate=migrate)
    from bot.store.base import StoreError  # noqa: PLC0415

    raise StoreError(f"[store] url: unsupported backend {url.split(':', 1)[0]!r}")


def load_knowledge(config: Config) -> Gazetteer:
    k = config.settings.knowledge
    return load_gazetteer(k.managers, k.clubs, k.sources)


@dataclass
class Core:
    """Everything but the network: store, analyser, names and commands."""

    config: Config
    store: Store
    gazetteer: Gazetteer
    analyser: Analyser
    names: NameResolver
    router: Router

    def policy(self) -> IngestPolicy:
        s = self.config.settings
        return IngestPolicy(
            window=timedelta(days=s.rumours.window_days),
            max_age=timedelta(hours=s.feeds.max_age_hours),
            near_duplicate=s.rumours.near_duplicate_threshold,
        )


@contextlib.asynccontextmanager
async def core(config: Config) -> AsyncIterator[Core]:
    gazetteer = load_knowledge(config)
    store = await open_store(config)
    try:
        names = NameResolver(gazetteer)
        router = Router(
            store,
            names,
            window_days=config.settings.rumours.window_days,
            limiter=CommandLimiter.from_settings(config.settings.commands),
        )
        yield Core(config, store, gazetteer, Analyser(gazetteer), names, router)
    finally:
        await store.close()


async def sync_feed_list(c: Core) -> int:
    feeds = load_feed_list(c.config.settings.feeds.file)
    return await c.store.sync_feeds(feeds, utcnow())


def _install_signals(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)


async def _start_platforms(c: Core, stop: asyncio.Event) -> list[Sender]:
    """Telegram and/or Discord when their tokens are set; imported only then."""
    secrets = c.config.secrets
    started: list[Sender] = []

    async def gone(chat: ChatRef) -> None:
        # chat.key is the key follows are stored under; with no thread part it covers the topics too.
        paused = await c.store.deactivate_chat(chat.key)
        log.info("%s can no longer be posted to; paused its %d follow(s)", chat.key, paused)

    if secrets.telegram_token is not None:
        from bot.platforms.telegram_adapter import TelegramAdapter  # noqa: PLC0415

        telegram = TelegramAdapter(
            secrets.telegram_token.get_secret_value(), c.config.settings.telegram, c.router.handle, gone
        )
        await telegram.start()
        started.append(telegram)
    if secrets.discord_token is not None:
        from bot.platforms.discord_adapter import DiscordAdapter  # noqa: PLC0415

        discord_adapter = DiscordAdapter(
            secrets.discord_token.get_secret_value(),
            c.config.settings.discord,
            c.router.handle,
            gone,
            c.names.complete,
        )
        try:
            await discord_adapter.start()
        except BaseException:
            await _stop_all(started)  # do not leave Telegram polling behind a failed start
            raise
        started.append(discord_adapter)
    del stop
    return started


async def _stop_all(platforms: list[Sender]) -> None:
    for platform in platforms:
        stop_platform = getattr(platform, "stop", None)
        if stop_platform is not None:
            with contextlib.suppress(Exception):
                await stop_platform()


async def run_bot(config: Config, *, stdin: asyncio.StreamReader | None = None, tick_seconds: float = 1.0) -> int:
    """`rumourbot run`: poll, thread, deliver and answer until Ctrl-C / SIGTERM."""
    stop = asyncio.Event()
    _install_signals(stop)
    async with core(config) as c, Fetcher(config.settings.feeds) as fetcher:
        added = await sync_feed_list(c)
        if added:
            log.info("added %d feed(s) from %s", added, config.settings.feeds.file)
        platforms = await _start_platforms(c, stop)
        senders: dict[str, Sender] = {p.platform: p for p in platforms}
        console: ConsoleAdapter | None = None
        if not platforms and config.settings.console.enabled:
            console = ConsoleAdapter(c.router.handle)
            senders["console"] = console
            follow = config.settings.console.follow
            resolved = ("all", "all") if follow == "all" else _console_follow(c, follow)
            await c.store.follow(CONSOLE_CHAT.key, resolved[0], resolved[1], "", utcnow())
        dispatcher = Dispatcher(c.store, senders, config.settings.delivery)
        poller = Poller(
            c.store,
            fetcher,
            Ingestor(c.analyser, c.store, c.policy()),
            config.settings.feeds,
            on_deliveries=dispatcher.wake.set,
        )
        log.info("rumourbot running: %s", ", ".join(senders) or "no chat platform")
        try:
            async with asyncio.TaskGroup() as group:
                group.create_task(poller.run(stop, tick_seconds))
                group.create_task(dispatcher.run(stop))
                if console is not None:
                    group.create_task(console.run(stop, stdin))
                group.create_task(stop.wait())
        finally:
            await _stop_all(platforms)
        log.info("rumourbot stopped")
    return 0


def _console_follow(c: Core, follow: str) -> tuple[str, str]:
    res = c.names.resolve(follow)
    if res.kind in ("manager", "club"):
        return (res.kind, res.name)
    return ("all", "all")
