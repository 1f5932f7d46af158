"""Pictures of what the bot posts on Discord and Telegram, for the README: an alert, the update
reply when the rumour moves on, and the answer to /rumour.

Real threads (the analyser and a SQLite store), the real adapters (discord.py and
python-telegram-bot) sending to the fake servers, which record the payloads; those payloads are
drawn as each client shows them (tests/render/mockups.py) and photographed with headless Chromium.
The PNGs land in test-artifacts/; `make pictures` also writes them into docs/.

Skips, saying why, when /usr/bin/chromium is not installed (.ci/run installs it)."""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.analysis.analyser import Analyser
from bot.analysis.gazetteer import Gazetteer
from bot.commands.base import ChatRef, Invocation
from bot.commands.names import NameResolver
from bot.commands.router import Router
from bot.domain import utcnow
from bot.llm.port import BuiltinAnalysis
from bot.pipeline.ingest import Ingestor, IngestPolicy, Item
from bot.render.card import Card, Reply
from bot.render.telegram_html import render_reply
from bot.render.threads import thread_card, update_line
from bot.store.sqlite import SQLiteStore
from tests.chromium import PNG_SIGNATURE, chromium, needs_chromium, screenshot
from tests.fakes.discord_harness import TEXT
from tests.fakes.discord_harness import Harness as DiscordHarness
from tests.fakes.telegram_harness import PRIVATE, harness
from tests.render.mockups import DiscordPost, TelegramMessage, discord_page, telegram_message, telegram_page
from tests.stories import BAYERN_AGREED, BAYERN_TALKS, SKY_TALKS

pytestmark = needs_chromium
WIDTH, DISCORD_HEIGHT, TELEGRAM_HEIGHT = 820, 890, 880


@dataclass
class Story:
    """Alonso–Bayern as the chats see it: the first alert, the reply when it moved on to agreed,
    and what /rumour alonso answers afterwards."""

    alert: Card
    update: str
    rumour: Reply
    alerted_at: datetime
    updated_at: datetime
    asked_at: datetime


async def alonso_story(store: SQLiteStore, analyser: Analyser, gazetteer: Gazetteer) -> Story:
    now = utcnow().replace(second=0, microsecond=0)
    feed = await store.add_feed("https://news.example/football/rss.xml", "", now)
    ingest = Ingestor(BuiltinAnalysis(analyser), store, IngestPolicy()).ingest

    def item(key: str, story: tuple[str, str], outlet: str, published: datetime) -> Item:
        return Item(key, *story, f"https://news.example/football/{key}", published, outlet)

    alerted_at = now - timedelta(hours=2)
    await ingest(feed.id, [item("talks", BAYERN_TALKS, "The Athletic", alerted_at)], alerted_at, alerts=False)
    [first] = await store.threads_about(manager="Xabi Alonso")
    sky_at, updated_at = now - timedelta(minutes=75), now - timedelta(minutes=12)
    await ingest(feed.id, [item("sky", SKY_TALKS, "Sky Sports", sky_at)], sky_at, alerts=False)
    await ingest(feed.id, [item("agreed", BAYERN_AGREED, "The Athletic", updated_at)], updated_at, alerts=False)
    [moved_on] = await store.threads_about(manager="Xabi Alonso")
    step = moved_on.timeline[-1]
    router = Router(store, NameResolver(gazetteer))
    rumour = await router.handle(Invocation(ChatRef("discord", "1"), "fan", "rumour", "alonso"))
    return Story(thread_card(first), update_line(step.stage, step.source, "stage"), rumour, alerted_at, updated_at, now)


@pytest.fixture
async def story(store: SQLiteStore, analyser: Analyser, gazetteer: Gazetteer) -> Story:
    return await alonso_story(store, analyser, gazetteer)


def hhmm(at: datetime) -> str:
    return f"{at:%H:%M}"


def assert_png(data: bytes, width: int, height: int) -> None:
    assert data[:8] == PNG_SIGNATURE
    assert struct.unpack(">II", data[16:24]) == (width, height)
    assert len(data) > 30_000  # a blank or error page compresses to far less


async def test_discord_picture_shows_the_alert_embed_the_update_reply_and_the_rumour_answer(
    story: Story, tmp_path: Path
) -> None:
    async with DiscordHarness.running() as h:
        h.handler.reply = story.rumour
        alert_id = await h.bot.send(TEXT, story.alert)
        await h.bot.send_text(TEXT, story.update, reply_to=alert_id)
        iid = await h.srv.slash("rumour", [{"name": "query", "type": 3, "value": "alonso"}])
        answer = await h.srv.wait_for_call("POST", f"/interactions/{iid}/")
        alert, update = h.posted()
    data: dict[str, Any] = answer.json["data"]
    page = tmp_path / "discord.html"
    page.write_text(
        discord_page(
            "transfer-rumours",
            [
                DiscordPost(alert, hhmm(story.alerted_at)),
                DiscordPost(update, hhmm(story.updated_at), replying_to=story.alert.title),
                DiscordPost(data, hhmm(story.asked_at), command="/rumour query: alonso"),
            ],
        ),
        "utf-8",
    )
    dom = (await chromium(tmp_path, "--dump-dom", page.as_uri())).decode()
    titles = re.findall(r'<div class="e-title"><a [^>]*>([^<]+)</a></div>', dom)
    assert titles == ["Xabi Alonso → Bayern Munich: talks", "Xabi Alonso → Bayern Munich: agreed"]
    assert "now: agreed — David Ornstein" in dom
    assert "thread #1 · first seen" in dom
    assert_png(
        await screenshot(tmp_path, page.as_uri(), "discord-alert.png", WIDTH, DISCORD_HEIGHT), WIDTH, DISCORD_HEIGHT
    )


async def test_telegram_picture_shows_the_alert_with_link_buttons_the_update_reply_and_the_rumour_answer(
    story: Story, tmp_path: Path
) -> None:
    async with harness() as h:
        h.handler.reply = story.rumour
        tg = await h.bot()
        first = await tg.send(PRIVATE, story.alert)
        await tg.send_text(PRIVATE, story.update, reply_to=first)
        h.srv.command(int(PRIVATE.chat_id), "/rumour alonso")
        sent = await h.srv.wait_for("sendMessage", count=2 + len(render_reply(story.rumour)))
    alert, update, *answers = sent
    messages = [
        telegram_message(alert, hhmm(story.alerted_at)),
        telegram_message(update, hhmm(story.updated_at), replying_to=story.alert.title),
        TelegramMessage("/rumour alonso", hhmm(story.asked_at), from_bot=False),
        *(telegram_message(a, hhmm(story.asked_at)) for a in answers),
    ]
    page = tmp_path / "telegram.html"
    page.write_text(telegram_page("Transfer rumours", messages), "utf-8")
    dom = (await chromium(tmp_path, "--dump-dom", page.as_uri())).decode()
    assert dom.count("<b>Xabi Alonso → Bayern Munich: talks</b>") == 1
    assert "now: agreed — David Ornstein" in dom
    assert re.search(r'class="kbtn" href="https://news.example/football/talks">[^<]+ ↗</a>', dom)
    assert_png(
        await screenshot(tmp_path, page.as_uri(), "telegram-alert.png", WIDTH, TELEGRAM_HEIGHT), WIDTH, TELEGRAM_HEIGHT
    )
