"""The aiohttp server behind ``[http] listen``: /healthz, /metrics and the status page.

It binds only the configured ``host:port`` and serves read-only views: nothing it answers changes
the store. No authentication: bind it to loopback or a private interface (docs/OPERATIONS.md).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import datetime, timedelta

from aiohttp import web

from bot.config import HttpSettings
from bot.delivery.ports import PlatformStartError
from bot.domain import utcnow
from bot.http.health import StatusReads, judge, take_snapshot
from bot.http.metrics import CONTENT_TYPE, Metrics
from bot.http.page import render_status
from bot.http.page_questions import QuestionReads, read_questions
from bot.render.card import Card

log = logging.getLogger(__name__)

HOT_THREADS = 10
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}


class HttpStartError(PlatformStartError):
    """``[http] listen`` cannot be bound (address in use, not on this machine); the bot does not start."""


def parse_listen(listen: str) -> tuple[str, int]:
    """``"127.0.0.1:8080"`` → ("127.0.0.1", 8080); ``"[::1]:8080"`` → ("::1", 8080)."""
    host, _, port = listen.strip().rpartition(":")
    return host.strip("[]"), int(port)


class OpsServer:
    """Serves the operator routes for one store; ``platforms`` says which chats are connected now."""

    def __init__(
        self,
        store: StatusReads,
        settings: HttpSettings,
        metrics: Metrics,
        platforms: Callable[[], Mapping[str, bool]] = dict,
        *,
        clock: Callable[[], datetime] = utcnow,
        boards: Callable[[], Awaitable[Sequence[Card]]] | None = None,
        questions: QuestionReads | None = None,
    ) -> None:
        self.boards = boards  # the sack race, the vacancy board and the source table, for the page
        self.store = store
        self.questions = questions  # the prediction game's section of the page
        self.settings = settings
        self.metrics = metrics
        self.platforms = platforms
        self.clock = clock
        self._runner: web.AppRunner | None = None
        self.url = ""

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/healthz", self.healthz)
        app.router.add_get("/metrics", self.metrics_route)
        app.router.add_get("/", self.status_page)
        return app

    async def start(self) -> str:
        """Listen on ``[http] listen``; return the base URL (with the real port when it was 0)."""
        host, port = parse_listen(self.settings.listen)
        self._runner = web.AppRunner(self.app(), access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port, reuse_address=True)
        try:
            await site.start()
        except OSError:
            await self.stop()
            raise
        bound = self._runner.addresses[0]
        shown = f"[{bound[0]}]" if ":" in str(bound[0]) else str(bound[0])
        self.url = f"http://{shown}:{bound[1]}"
        return self.url

    async def stop(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    # -- routes ---------------------------------------------------------------------------------
    async def healthz(self, request: web.Request) -> web.Response:
        snap = await take_snapshot(self.store)
        stale = timedelta(seconds=self.settings.stale_after_seconds)
        health = judge(snap, self.platforms(), self.clock(), stale)
        return web.Response(
            text=json.dumps(health.body, sort_keys=True),
            status=200 if health.ok else 503,
            content_type="application/json",
            headers={"Cache-Control": "no-store"},
        )

    async def metrics_route(self, request: web.Request) -> web.Response:
        snap = await take_snapshot(self.store)
        self.metrics.update(snap, self.platforms())
        response = web.Response(body=self.metrics.exposition(), headers={"Cache-Control": "no-store"})
        response.headers["Content-Type"] = CONTENT_TYPE
        return response

    async def status_page(self, request: web.Request) -> web.Response:
        now = self.clock()
        snap = await take_snapshot(self.store)
        health = judge(snap, self.platforms(), now, timedelta(seconds=self.settings.stale_after_seconds))
        try:
            views = [] if snap.error else await self.store.hot_threads(now, HOT_THREADS)
        except Exception:  # the page still shows what could be read, and the health verdict
            log.exception("status page: reading the hottest threads failed")
            views = []
        cards: Sequence[Card] = ()
        if self.boards is not None and not snap.error:
            try:
                cards = await self.boards()
            except Exception:
                log.exception("status page: composing the boards failed")
        game = None
        if self.questions is not None and not snap.error:
            try:
                game = await read_questions(self.questions)
            except Exception:
                log.exception("status page: reading the prediction questions failed")
        html = render_status(views, snap, health, now, cards, game)
        return web.Response(text=html, content_type="text/html", charset="utf-8", headers=PAGE_HEADERS)


async def serve(
    store: StatusReads,
    settings: HttpSettings,
    metrics: Metrics,
    senders: Mapping[str, object],
    boards: Callable[[], Awaitable[Sequence[Card]]] | None = None,
    questions: QuestionReads | None = None,
) -> OpsServer | None:
    """Start the endpoint when ``[http] listen`` is set (else None). A platform counts as connected
    when its adapter says so (``connected``); the console always is."""

    def platforms() -> dict[str, bool]:
        return {name: bool(getattr(sender, "connected", True)) for name, sender in senders.items()}

    if not settings.listen:
        return None
    server = OpsServer(store, settings, metrics, platforms, boards=boards, questions=questions)
    try:
        url = await server.start()
    except OSError as exc:
        raise HttpStartError(f"[http] listen {settings.listen}: cannot listen: {exc.strerror or exc}") from None
    log.info("operator endpoint on %s: /healthz, /metrics, status page /", url)
    return server
