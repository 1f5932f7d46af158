"""A FakeDiscord plus DiscordAdapters started against it, with a stub command handler.

Test modules import the adapter through here: the warning filter below must be in place when
discord.py is imported for the first time.
"""

from __future__ import annotations

import asyncio
import warnings
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from bot.commands.base import ChatRef, Invocation
from bot.config import DiscordSettings
from bot.render.card import Card, Link, Reply
from tests.fakes import discord_payloads as p
from tests.fakes.discord_server import FakeDiscord

with warnings.catch_warnings():
    # discord.py 2.7 imports the stdlib ``audioop`` (voice support), which warns on Python 3.11–3.12
    # ("deprecated and slated for removal in 3.13"). We use no voice; it warns once, at import.
    warnings.filterwarnings("ignore", message="'audioop' is deprecated", category=DeprecationWarning)
    import discord
    from discord.gateway import DiscordWebSocket

    from bot.platforms.discord_adapter import DiscordAdapter, DiscordStartError

__all__ = ["CARD", "NAMES", "TEXT", "DiscordAdapter", "DiscordStartError", "Harness", "StubHandler"]

CARD = Card(
    title="Alonso → Liverpool: talks",
    body="Talks have opened.",
    fields=(("Stage", "talks"),),
    links=(Link("BBC", "https://bbc.example/a"),),
    stage="talks",
)
TEXT = ChatRef("discord", p.TEXT_ID, "")
NAMES = ["Xabi Alonso", "Alonso Fans FC", *[f"Manager {i}" for i in range(30)]]


class StubHandler:
    """Records invocations; answers ``reply`` (or raises ``error``) after ``delay`` seconds."""

    def __init__(self) -> None:
        self.invocations: list[Invocation] = []
        self.delay = 0.0
        self.reply = Reply(text="Here you go", cards=(CARD,))
        self.error: Exception | None = None

    async def __call__(self, inv: Invocation) -> Reply:
        self.invocations.append(inv)
        await asyncio.sleep(self.delay)
        if self.error is not None:
            raise self.error
        return self.reply


def complete(query: str) -> list[str]:
    return [name for name in NAMES if query.lower() in name.lower()]


@dataclass
class Harness:
    srv: FakeDiscord
    handler: StubHandler = field(default_factory=StubHandler)
    gone: list[ChatRef] = field(default_factory=list)
    adapters: list[DiscordAdapter] = field(default_factory=list)

    @property
    def bot(self) -> DiscordAdapter:
        return self.adapters[0]

    async def _on_gone(self, chat: ChatRef) -> None:
        self.gone.append(chat)

    async def start_bot(self, token: str = "", **options: Any) -> DiscordAdapter:
        settings = DiscordSettings(api_base_url=self.srv.api_base_url, gateway_url=self.srv.gateway_url)
        options.setdefault("guild_ready_timeout", 0.05)  # no 2 s wait for more GUILD_CREATEs
        adapter = DiscordAdapter(token or self.srv.token, settings, self.handler, self._on_gone, complete, **options)
        self.adapters.append(adapter)
        await adapter.start()
        return adapter

    @classmethod
    @asynccontextmanager
    async def running(cls, *, start_bot: bool = True) -> AsyncIterator[Harness]:
        base, gateway = discord.http.Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
        harness = cls(await FakeDiscord().start())
        try:
            if start_bot:
                await harness.start_bot()
            yield harness
        finally:
            for adapter in harness.adapters:
                await adapter.stop()
            await harness.srv.stop()
            discord.http.Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = base, gateway  # process-global

    def posted(self, channel_id: str = p.TEXT_ID) -> list[dict[str, Any]]:
        """Bodies of every message POST to ``channel_id`` (failed attempts included)."""
        return [c.json for c in self.srv.calls_to("POST", f"/channels/{channel_id}/messages")]
