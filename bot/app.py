"""The composition root: builds the store, the pipeline and the chat adapters, and runs them."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.analysis.analyser import Analyser
from bot.analysis.gazetteer import Gazetteer, load_gazetteer
from bot.commands.names import NameResolver
from bot.commands.predict import PredictionCommands
from bot.commands.ratelimit import CommandLimiter
from bot.commands.router import Router
from bot.config import Config
from bot.delivery.dispatcher import Dispatcher
from bot.delivery.pinned import BoardKeeper
from bot.delivery.ports import PlatformAdapter, Sender
from bot.domain import ChatRef, Outcome, TargetKind, ThreadState, utcnow
from bot.feeds.fetcher import Fetcher
from bot.http.metrics import Metrics
from bot.http.server import OpsServer, serve
from bot.llm.factory import open_analysis
from bot.llm.port import AnalysisPort
from bot.logs import report_error
from bot.pipeline.feedlist import load_feed_list
from bot.pipeline.ingest import Ingestor, IngestPolicy
from bot.pipeline.poller import CycleStats, Poller
from bot.pipeline.resolver import JobKeeper, Resolver
from bot.platforms.console import CONSOLE_CHAT, PROMPT, ConsoleAdapter
from bot.predictions.game import Game
from bot.predictions.ports import QuestionSender, SagaOutcomes
from bot.predictions.posts import PostDispatcher
from bot.predictions.referee import Referee
from bot.store.sql import SQLStore as Store
from bot.workers import ALL_ROLES, LeaseKeeper, RoleError, Roles, new_worker_id

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
    analysis: AnalysisPort  # the built-in analyser, or the language model in front of it (bot/llm)
    jobs: JobKeeper  # learned jobs over the knowledge base, read by the analyser and the ingest
    resolver: Resolver  # quiet threads and operators' overrides (docs/adr/0007)
    game: Game  # the prediction game (bot/predictions)
    referee: Referee
    clock: Callable[[], datetime] = utcnow

    def ingestor(self) -> Ingestor:
        return Ingestor(self.analysis, self.store, self.policy(), self.jobs.current, self.jobs.refresh)

    def policy(self) -> IngestPolicy:
        s = self.config.settings
        return IngestPolicy(
            window=timedelta(days=s.rumours.window_days),
            max_age=timedelta(hours=s.feeds.max_age_hours),
            near_duplicate=s.rumours.near_duplicate_threshold,
            cold_after=timedelta(days=s.rumours.cold_days),
        )

    def board_keeper(self, senders: Mapping[str, Sender]) -> BoardKeeper:
        minimum = timedelta(seconds=self.config.settings.boards.min_edit_seconds)
        return BoardKeeper(self.store, senders, self.router.boards.card, minimum, clock=self.clock)


def saga_outcomes(store: Store) -> SagaOutcomes:
    """Where the prediction game learns a saga's outcome: who got a club's job, whether a manager left his
    club, and when. The one seam for it: the threads' resolutions (``store.sagas``: a move thread resolved
    true is an arrival, a pressure thread resolved true an exit, by a done story or an operator's ruling;
    docs/adr/0007-resolutions-records-and-jobs.md). Whatever resolves a thread wakes the referee
    (``Core.referee.outcomes_changed``) so questions settle at once: the poller after a cycle with thread
    events (resolutions among them), and ``core``'s ``resolve`` after an operator's override."""
    return store.sagas


def prediction_game(
    config: Config, store: Store, jobs: Mapping[str, str], clock: Callable[[], datetime] = utcnow
) -> tuple[Game, Referee]:
    """The prediction game on ``store``; ``jobs`` (manager → club now) says where a manager is in charge."""
    game = Game(
        store.predictions, store.sagas, saga_outcomes(store), config.settings.predictions,
        home_club=lambda manager: jobs.get(manager) or None, clock=clock,
    )  # fmt: skip
    return game, Referee(game)


@contextlib.asynccontextmanager
async def core(config: Config, *, clock: Callable[[], datetime] = utcnow) -> AsyncIterator[Core]:
    gazetteer = load_knowledge(config)
    store = await open_store(config)
    try:
        names = NameResolver(gazetteer)
        jobs = JobKeeper(store, {m.name: m.club for m in gazetteer.managers.values()})
        await jobs.refresh()
        resolver = Resolver(store, jobs.current, timedelta(days=config.settings.rumours.cold_days), clock=clock)
        game, referee = prediction_game(config, store, jobs.current, clock)

        async def resolve(thread_id: int, outcome: Outcome, actor: str, note: str = "") -> ThreadState | None:
            """An operator's override, and the questions on that saga settle at once."""
            state = await resolver.resolve(thread_id, outcome, actor, note)
            referee.outcomes_changed()
            return state

        router = Router(
            store,
            names,
            clock=clock,
            window_days=config.settings.rumours.window_days,
            limiter=CommandLimiter.from_settings(config.settings.commands),
            operators=config.settings.commands.operators,
            resolve=resolve,
            predictions=PredictionCommands(game, store.predictions, names, clock),
        )
        analyser = Analyser(gazetteer, jobs.current)
        async with open_analysis(config, analyser, gazetteer, store) as analysis:
            yield Core(
                config, store, gazetteer, analyser, names, router, analysis, jobs, resolver, game, referee, clock
            )
    finally:
        await store.close()


def wake_referee(
    c: Core, also: Callable[[CycleStats, float], None] | None = None
) -> Callable[[CycleStats, float], None]:
    """The poller's per-cycle callback: new thread events may have answered a question."""

    def on_cycle(stats: CycleStats, seconds: float) -> None:
        if also is not None:
            also(stats, seconds)
        if stats.events:
            c.referee.outcomes_changed()

    return on_cycle


def question_senders(senders: Mapping[str, Sender]) -> dict[str, QuestionSender]:
    """The platforms that can ask questions natively (all of ours can)."""
    return {name: s for name, s in senders.items() if hasattr(s, "post_question")}  # type: ignore[misc]


async def sync_feed_list(c: Core) -> int:
    feeds = load_feed_list(c.config.settings.feeds.file)
    return await c.store.sync_feeds(feeds, utcnow())


def _install_signals(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)


async def _start_platforms(
    c: Core, stop: asyncio.Event, metrics: Metrics | None = None, roles: Roles = ALL_ROLES
) -> list[PlatformAdapter]:
    """Telegram and/or Discord when their tokens are set and the roles use them; imported only then."""
    secrets = c.config.secrets
    started: list[PlatformAdapter] = []

    async def gone(chat: ChatRef) -> None:
        # chat.key is the key follows are stored under; with no thread part it covers the topics too.
        paused = await c.store.deactivate_chat(chat.key)
        log.info("%s can no longer be posted to; paused its %d follow(s)", chat.key, paused)

    if secrets.telegram_token is not None and (roles.takes_updates("telegram") or roles.delivers("telegram")):
        from bot.platforms.telegram_adapter import TelegramAdapter  # noqa: PLC0415

        telegram = TelegramAdapter(
            secrets.telegram_token.get_secret_value(),
            c.config.settings.telegram,
            c.router.handle,
            gone,
            on_rate_limited=metrics.rate_limited("telegram") if metrics else None,
            on_votes=c.game.record,
        )
        await telegram.start(updates=roles.takes_updates("telegram"))
        started.append(telegram)
    if secrets.discord_token is not None and roles.takes_updates("discord"):
        from bot.platforms.discord_adapter import DiscordAdapter  # noqa: PLC0415

        discord_adapter = DiscordAdapter(
            secrets.discord_token.get_secret_value(),
            c.config.settings.discord,
            c.router.handle,
            gone,
            c.names.complete,
            on_rate_limited=metrics.rate_limited("discord") if metrics else None,
            completions={"source": c.router.records.complete, "league": c.router.boards.complete},
            on_answer=c.game.answer,
        )
        try:
            await discord_adapter.start()
        except BaseException:
            await _stop_all(started)  # do not leave Telegram polling behind a failed start
            raise
        started.append(discord_adapter)
    del stop
    return started


async def _stop_all(platforms: list[PlatformAdapter]) -> None:
    for platform in platforms:
        with contextlib.suppress(Exception):
            await platform.stop()


async def run_bot(
    config: Config,
    *,
    stdin: asyncio.StreamReader | None = None,
    tick_seconds: float = 1.0,
    roles: Roles = ALL_ROLES,
) -> int:
    """`rumourbot run`: poll, thread, deliver and answer until Ctrl-C / SIGTERM; with ``roles``
    (`run --role`), only part of it, as one of several workers on one database (docs/SCALING.md)."""
    try:
        roles.check(
            telegram=config.secrets.telegram_token is not None, discord=config.secrets.discord_token is not None
        )
    except RoleError as exc:
        report_error(log, config.settings.log, str(exc))
        return 2
    stop = asyncio.Event()
    _install_signals(stop)
    worker = new_worker_id()
    async with core(config) as c, Fetcher(config.settings.feeds) as fetcher:
        if roles.polls:
            added = await sync_feed_list(c)
            if added:
                log.info("added %d feed(s) from %s", added, config.settings.feeds.file)
        metrics = Metrics()
        platforms = await _start_platforms(c, stop, metrics, roles)
        senders: dict[str, Sender] = {p.platform: p for p in platforms if roles.delivers(p.platform)}
        console: ConsoleAdapter | None = None
        if roles.everything and not platforms and config.settings.console.enabled:
            console = ConsoleAdapter(c.router.handle, prompt=PROMPT if stdin is None and _interactive() else "")
            senders[console.platform] = console
            follow = config.settings.console.follow
            resolved = (TargetKind.ALL, "all") if follow == "all" else _console_follow(c, follow)
            await c.store.follow(CONSOLE_CHAT.key, resolved[0], resolved[1], "", utcnow())
        lease_seconds = config.settings.store.lease_seconds
        dispatcher = Dispatcher(
            c.store,
            senders,
            config.settings.delivery,
            on_outcome=metrics.alert_outcome,
            worker=worker,
            lease_seconds=lease_seconds,
        )
        posts = PostDispatcher(
            c.store.predictions,
            question_senders(senders),
            config.settings.delivery,
            worker=worker,
            lease_seconds=lease_seconds,
        )
        c.game.on_change = posts.wake.set
        poller = Poller(
            c.store,
            fetcher,
            c.ingestor(),
            config.settings.feeds,
            on_deliveries=dispatcher.wake.set,
            on_cycle=wake_referee(c, metrics.poll_cycle),
            worker=worker,
            lease_seconds=lease_seconds,
        )
        keeper = LeaseKeeper(c.store, worker, lease_seconds, on_released=dispatcher.wake.set)
        await keeper.tick()  # before any claim: take back what a stopped run of this host left behind
        metrics.watch_platforms(senders)
        log.info(
            "rumourbot running: %s (role %s, worker %s)",
            ", ".join(senders) or "no chat platform",
            ",".join(sorted(roles.names)),
            worker,
        )
        ops: OpsServer | None = None
        try:
            ops = await serve(
                c.store, config.settings.http, metrics, senders, c.router.status_boards, questions=c.store.predictions
            )
            async with asyncio.TaskGroup() as group:
                group.create_task(keeper.run(stop))
                if roles.polls:
                    group.create_task(poller.run(stop, tick_seconds))
                    group.create_task(c.referee.run(stop))
                    group.create_task(c.resolver.run(stop, c.jobs))
                if senders:
                    group.create_task(c.board_keeper(senders).run(stop, config.settings.boards.tick_seconds))
                if senders:
                    group.create_task(dispatcher.run(stop))
                    group.create_task(posts.run(stop))
                if console is not None:
                    group.create_task(console.run(stop, stdin))
                group.create_task(stop.wait())
            await keeper.finish()  # polling and sending are over: the other workers may take over now
        finally:
            if ops is not None:
                await ops.stop()
            await _stop_all(platforms)
        log.info("rumourbot stopped")
    return 0


def _interactive() -> bool:
    """Standard input and output are a terminal: the console shows a prompt."""
    try:
        return sys.stdin is not None and sys.stdin.isatty() and sys.stdout.isatty()
    except (OSError, ValueError):
        return False


def _console_follow(c: Core, follow: str) -> tuple[TargetKind, str]:
    res = c.names.resolve(follow)
    if isinstance(res.kind, TargetKind):
        return (res.kind, res.name)
    return (TargetKind.ALL, "all")
