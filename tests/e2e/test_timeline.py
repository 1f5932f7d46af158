"""The scripted timeline (tests/e2e/timeline.py) end to end on both platforms' fakes: real
python-telegram-bot against the fake Bot API, real discord.py against the fake REST API and gateway."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

from tests.e2e.timeline import play
from tests.e2e.world import World, telegram_env, world
from tests.fakes import discord_payloads as p
from tests.fakes.discord_harness import discord
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.telegram_markup import telegram_text
from tests.fakes.telegram_server import TelegramFake

pytestmark = pytest.mark.slow
Json = dict[str, Any]
PRIVATE = 1001
MANAGE_GUILD = 1 << 5
# The timeline asks more than the per-user command limit allows in a minute of real time.
NO_LIMITS = {"RUMOURBOT_COMMANDS__PER_USER_PER_MINUTE": "0", "RUMOURBOT_COMMANDS__PER_CHAT_PER_MINUTE": "0"}


class TelegramChat:
    def __init__(self, srv: TelegramFake, chat_id: int) -> None:
        self.srv = srv
        self.chat_id = chat_id

    async def ask(self, command: str, args: str = "") -> str:
        before = len(self.srv.calls_to("sendMessage"))
        self.srv.command(self.chat_id, f"/{command} {args}".strip())
        return telegram_text((await self.srv.wait_for("sendMessage", before + 1))[before]["text"])

    def _sent(self) -> list[Json]:
        return [c for c in self.srv.calls_to("sendMessage") if c["chat_id"] == str(self.chat_id)]

    def posts(self) -> list[str]:
        return [telegram_text(c["text"]) for c in self._sent()]

    def edits(self) -> list[tuple[str, str]]:
        return [
            (str(c["message_id"]), telegram_text(c["text"]))
            for c in self.srv.calls_to("editMessageText")
            if c["chat_id"] == str(self.chat_id)
        ]

    def message_id(self, index: int) -> str:
        return str([mid for chat, mid in self.srv.messages if chat == str(self.chat_id)][index])


def _shown(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


def _text(body: Json) -> str:
    """A Discord message as shown: its content, then each embed's title, description and fields."""
    parts = [_shown(body.get("content") or "")]
    for embed in body.get("embeds") or []:
        parts += [_shown(embed.get("title", "")), _shown(embed.get("description", ""))]
        parts += [f"{_shown(f['name'])}: {_shown(f['value'])}" for f in embed.get("fields", [])]
    return "\n".join(part for part in parts if part)


class DiscordChat:
    OPTIONS: ClassVar[dict[str, str]] = {
        "follow": "target",
        "rumour": "query",
        "source": "name",
        "why": "story",
        "sackrace": "league",
        "vacancies": "league",
    }

    def __init__(self, srv: FakeDiscord) -> None:
        self.srv = srv

    async def ask(self, command: str, args: str = "") -> str:
        options: list[Json] = []
        if command == "board":
            kind, _, league = args.partition(" ")
            options = [{"name": "board", "type": 3, "value": kind}]
            options += [{"name": "league", "type": 3, "value": league}] if league else []
        elif args:
            options = [{"name": self.OPTIONS[command], "type": 3, "value": args}]
        iid = await self.srv.slash(command, options, user_perms=MANAGE_GUILD)
        call = await self.srv.wait_for_call("POST", f"/interactions/{iid}/")
        return _text(call.json["data"])

    def _posted(self) -> list[Json]:
        return [c.json for c in self.srv.calls_to("POST", f"/channels/{p.TEXT_ID}/messages")]

    def posts(self) -> list[str]:
        return [_text(body) for body in self._posted()]

    def edits(self) -> list[tuple[str, str]]:
        return [
            (c.path.rsplit("/", 1)[-1], _text(c.json))
            for c in self.srv.calls_to("PATCH", f"/channels/{p.TEXT_ID}/messages/")
        ]

    def message_id(self, index: int) -> str:
        nonce = self._posted()[index]["nonce"]
        return next(str(m["id"]) for m in self.srv.messages.values() if m.get("nonce") == nonce)


@pytest.fixture
async def telegram(tmp_path: Path) -> AsyncIterator[tuple[World, TelegramChat]]:
    srv = await TelegramFake().start()
    try:
        async with world(tmp_path, telegram_env(srv) | NO_LIMITS) as w:
            yield w, TelegramChat(srv, PRIVATE)
    finally:
        await srv.stop()


@pytest.fixture
async def discord_chat(tmp_path: Path) -> AsyncIterator[tuple[World, DiscordChat]]:
    route_base, gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    srv = await FakeDiscord().start()
    env = {
        "DISCORD_TOKEN": srv.token,
        "RUMOURBOT_DISCORD__API_BASE_URL": srv.api_base_url,
        "RUMOURBOT_DISCORD__GATEWAY_URL": srv.gateway_url,
    }
    try:
        async with world(tmp_path, env | NO_LIMITS) as w:
            yield w, DiscordChat(srv)
    finally:
        await srv.stop()
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = route_base, gateway


async def test_the_timeline_on_telegram(telegram: tuple[World, TelegramChat]) -> None:
    await play(*telegram)


async def test_the_timeline_on_discord(discord_chat: tuple[World, DiscordChat]) -> None:
    await play(*discord_chat)
