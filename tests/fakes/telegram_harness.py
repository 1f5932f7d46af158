"""A TelegramFake plus TelegramAdapters started against it, with a stub command handler."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from bot.commands.base import ChatRef, Invocation
from bot.config import TelegramSettings
from bot.platforms.telegram_adapter import TelegramAdapter
from bot.predictions.ports import PollSeen, Vote
from bot.render.card import Card, Link, Reply
from tests.fakes.telegram_server import TelegramFake

HOSTILE = "@everyone <b>FREE</b> [x](http://evil.example) <@&123>"
HOSTILE_HTML = "@everyone &lt;b&gt;FREE&lt;/b&gt; [x](http://evil.example) &lt;@&amp;123&gt;"
PRIVATE = ChatRef("telegram", "1001")
CARD = Card(title="Alonso → Liverpool", body="Talks opened.", links=(Link("BBC", "https://bbc.example/a"),))


class StubHandler:
    """Records invocations; answers ``reply`` (default: echo with markup-like text and CARD)."""

    def __init__(self) -> None:
        self.invocations: list[Invocation] = []
        self.reply: Reply | None = None
        self.fail = False

    async def __call__(self, inv: Invocation) -> Reply:
        self.invocations.append(inv)
        if self.fail:
            raise ValueError("handler exploded")
        return self.reply or Reply(text=f"you asked {inv.name} {inv.args} <b>", cards=(CARD,))


@dataclass
class Harness:
    srv: TelegramFake
    handler: StubHandler = field(default_factory=StubHandler)
    gone: list[ChatRef] = field(default_factory=list)
    adapters: list[TelegramAdapter] = field(default_factory=list)
    votes: list[Vote | PollSeen] = field(default_factory=list)  # what the adapter handed the game
    refuse_votes: int = 0  # recording fails this many more times (a store that cannot write)

    async def bot(self, token: str | None = None, **settings: Any) -> TelegramAdapter:
        """Start an adapter against the fake; ``settings`` override TelegramSettings fields."""
        config = TelegramSettings(api_base_url=self.srv.base_url, file_base_url=self.srv.file_url, **settings)
        adapter = TelegramAdapter(token or self.srv.token, config, self.handler, self.on_gone, on_votes=self.on_votes)
        self.adapters.append(adapter)
        await adapter.start()
        return adapter

    async def on_gone(self, chat: ChatRef) -> None:
        self.gone.append(chat)

    async def on_votes(self, votes: Sequence[Vote | PollSeen]) -> None:
        if self.refuse_votes:
            self.refuse_votes -= 1
            raise OSError("disk I/O error")
        self.votes.extend(votes)


@asynccontextmanager
async def harness() -> AsyncIterator[Harness]:
    h = Harness(await TelegramFake().start())
    try:
        yield h
    finally:
        for adapter in h.adapters:
            await adapter.stop()
        await h.srv.stop()
