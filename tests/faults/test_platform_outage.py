"""Telegram and Discord both down for a long outage while `python -m bot run` serves them at once.

The Telegram fake answers every Bot API call 502 "Bad Gateway" (alternately Telegram's JSON error and
an nginx HTML page), the Discord fake answers every REST call 503 (alternately a JSON error and an
envoy plain-text page); the gateway stays up. Alerts created before and during the outage wait in the
outbox and are retried by the real dispatcher with its real back-off, made short here
(``RUMOURBOT_DELIVERY__RETRY_BASE_SECONDS=0.25``, ``RETRY_MAX_SECONDS=1``, ``MAX_ATTEMPTS=500``) so that
each alert is tried dozens of times during the outage: the outage lasts forty times the longest
back-off (it was two minutes with a 3 s back-off; the shape, the retries and every assertion are the
same, the suite 80 s shorter). After recovery every pending alert arrives
exactly once on both platforms, and both still answer commands.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from tests.e2e.process import BotProcess
from tests.e2e.world import base_env, telegram_env
from tests.fakes import discord_payloads as p
from tests.fakes.discord_server import API, Call, FakeDiscord
from tests.fakes.feed_server import FeedServer, rss
from tests.fakes.telegram_markup import telegram_text
from tests.fakes.telegram_server import TelegramFake
from tests.faults.support import Rumour, delivery_statuses, query, rumours, telegram_alerts, until

pytestmark = pytest.mark.slow

OUTAGE_SECONDS = 40.0
TG_CHATS = (4001, 4002)
FEED = "/wire.xml"
DELIVERY_ENV = {
    "RUMOURBOT_DELIVERY__RETRY_BASE_SECONDS": "0.25",
    "RUMOURBOT_DELIVERY__RETRY_MAX_SECONDS": "1",
    "RUMOURBOT_DELIVERY__MAX_ATTEMPTS": "500",
}
NGINX_502 = b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1>"
ENVOY_503 = b"upstream connect error or disconnect/reset before headers. reset reason: overflow"
MANAGE_GUILD = 1 << 5


class DownTelegram(TelegramFake):
    """While ``down``, every Bot API call gets 502 Bad Gateway; ``refused`` counts them by method."""

    def __init__(self) -> None:
        super().__init__()
        self.down = False
        self.refused: Counter[str] = Counter()
        self._html = itertools.cycle([False, True])

    async def _dispatch(self, request: web.Request) -> web.Response:
        if not self.down:
            return await super()._dispatch(request)
        self.refused[request.match_info["method"]] += 1
        if next(self._html):
            return web.Response(status=502, body=NGINX_502, content_type="text/html")
        body = {"ok": False, "error_code": 502, "description": "Bad Gateway"}
        return web.json_response(body, status=502)


class DownDiscord(FakeDiscord):
    """While ``down``, every REST call gets 503 (the gateway is unaffected); ``refused`` records them."""

    def __init__(self) -> None:
        super().__init__()
        self.down = False
        self.refused: list[Call] = []
        self._text = itertools.cycle([False, True])

    @web.middleware
    async def _record(self, request: web.Request, handler: Callable[[web.Request], Any]) -> web.StreamResponse:
        if not (self.down and request.path.startswith(API)):
            return await super()._record(request, handler)
        body = await request.json() if request.body_exists else None
        self.refused.append(Call(request.method, request.path.removeprefix(API), body, dict(request.query)))
        if next(self._text):
            return web.Response(status=503, body=ENVOY_503, content_type="text/plain")
        return web.Response(
            status=503,
            body=b'{"message": "503: Service Unavailable", "code": 0}',
            headers={"Content-Type": "application/json"},
        )

    def refused_posts(self) -> int:
        return sum(1 for c in self.refused if c.method == "POST" and c.path.startswith("/channels/"))


@pytest.fixture
async def tg() -> AsyncIterator[DownTelegram]:
    fake = DownTelegram()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
async def dc() -> AsyncIterator[DownDiscord]:
    fake = await DownDiscord().start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
async def processes() -> AsyncIterator[list[BotProcess]]:
    started: list[BotProcess] = []
    yield started
    for proc in started:
        await proc.close()


def discord_alerts(dc: FakeDiscord) -> Counter[str]:
    """How often each alert title was posted to the text channel. Alerts carry the dispatcher's nonce;
    a resend with a nonce Discord already saw gets the first message back instead of a new one, and
    command answers (which show the same cards) carry none."""
    return Counter(
        m["embeds"][0]["title"]
        for m in list(dc.messages.values())
        if m["channel_id"] == p.TEXT_ID and m["nonce"] and m["embeds"] and " → " in m["embeds"][0]["title"]
    )


async def slash_answer(dc: FakeDiscord, name: str, value: str, option: str, seconds: float) -> str:
    iid = await dc.slash(name, [{"name": option, "type": 3, "value": value}], user_perms=MANAGE_GUILD)
    call = await dc.wait_for_call("POST", f"/interactions/{iid}/", within=seconds)
    return str(call.json["data"]["content"])


async def test_long_telegram_502_and_discord_503_outage_then_every_pending_alert_arrives_exactly_once(
    tmp_path: Path, tg: DownTelegram, dc: DownDiscord, processes: list[BotProcess]
) -> None:
    stories = rumours(5, prefix="outage")
    early, late = stories[:3], stories[3:]  # published at the start of the outage, and in its middle
    expected = {s.alert for s in stories}
    published = datetime.now(UTC) - timedelta(minutes=5)
    items = [{"guid": "https://news.example/base", "title": "Club notes", "description": "Training went well."}]
    async with FeedServer() as srv:
        srv.add(FEED, rss(items))
        feeds_file = tmp_path / "feeds.toml"
        feeds_file.write_text(f'[[feed]]\nurl = "{srv.url(FEED)}"\n')
        discord_env = {
            "DISCORD_TOKEN": dc.token,
            "RUMOURBOT_DISCORD__API_BASE_URL": dc.api_base_url,
            "RUMOURBOT_DISCORD__GATEWAY_URL": dc.gateway_url,
        }
        env = base_env(tmp_path, feeds_file) | telegram_env(tg) | discord_env | DELIVERY_ENV
        url = env["RUMOURBOT_STORE__URL"]
        bot = await BotProcess(env, tmp_path / "bot.log").start()
        processes.append(bot)
        await until(lambda: bool(tg.calls_to("getUpdates") and dc.identify) and srv.hits(FEED) >= 2, 30, "start", bot)
        for chat in TG_CHATS:
            tg.command(chat, "/follow all")
        await tg.wait_for("sendMessage", len(TG_CHATS), seconds=10)
        assert (await slash_answer(dc, "follow", "all", "target", 10)).startswith("Following")

        tg.down = dc.down = True
        outage_ends = time.monotonic() + OUTAGE_SECONDS

        def publish(batch: list[Rumour]) -> None:
            items[:0] = [s.item(published) for s in batch]
            srv.add(FEED, rss(items))

        publish(early)  # queued while both platforms are down ...
        await until(lambda: tg.refused["sendMessage"] >= 10 and dc.refused_posts() >= 10, 60, "retries", bot)
        await asyncio.sleep(OUTAGE_SECONDS / 2 - 5)
        publish(late)  # ... and created in the middle of the outage
        await asyncio.sleep(outage_ends - time.monotonic())

        assert telegram_alerts(tg) == Counter(), "an alert got through during the outage"
        assert discord_alerts(dc) == Counter(), "an alert got through during the outage"
        statuses = delivery_statuses(url)
        assert set(statuses) <= {"pending", "sending"}, statuses  # none given up or dropped
        assert sum(statuses.values()) == len(expected) * (len(TG_CHATS) + 1)
        platform = "substr(chat_key, 1, instr(chat_key, ':') - 1)"
        tries = dict(query(url, f"SELECT {platform}, min(attempts) FROM deliveries GROUP BY 1"))
        assert tries["telegram"] >= 10, tries  # every alert was tried again and again during the outage
        assert tries["discord"] >= 10, tries

        tg.down = dc.down = False
        want_tg = {(chat, title) for chat in TG_CHATS for title in expected}

        def all_delivered() -> bool:
            return set(telegram_alerts(tg)) >= want_tg and set(discord_alerts(dc)) >= expected

        await until(all_delivered, 30, "every alert after recovery", bot)
        # Both platforms serve commands again (PTB's getUpdates loop backs off to 30 s during an outage).
        answer = await slash_answer(dc, "rumour", early[0].manager, "query", 10)
        assert answer.startswith(f"{early[0].manager}: 1 rumour thread"), answer
        before = len(tg.calls_to("sendMessage"))
        tg.command(TG_CHATS[0], f"/rumour {early[0].manager}")
        [*_, reply] = await tg.wait_for("sendMessage", before + 1, seconds=45)
        assert telegram_text(reply["text"]).startswith(f"{early[0].manager}: 1 rumour thread")
        await asyncio.sleep(3)  # room for a duplicate to show up
        assert await bot.stop() == 0, bot.stderr()

    assert telegram_alerts(tg) == Counter(want_tg)
    assert discord_alerts(dc) == Counter(expected)
    assert delivery_statuses(url) == {"sent": len(expected) * (len(TG_CHATS) + 1)}
