"""The Discord adapter paces its REST sends under the bot's global limit; slash-command answers skip the queue.

The real discord.py client against the fake Discord with its global limit on (a few requests a
second, sliding window, global 429 beyond it) and the adapter's ``global_rate_per_second`` set to
the same rate. Nothing here measures time: the fake's 429 count and the order of its calls tell
whether the adapter kept under the limit and whether an answer waited behind the alerts.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

import pydantic
import pytest

from bot.commands.base import ChatRef
from bot.config import DiscordSettings
from tests.fakes import discord_payloads as p
from tests.fakes.discord_harness import CARD, DiscordAdapter, Harness, complete
from tests.fakes.discord_server import FakeDiscord

RATE = 5
ALERTS = 20
# Two requests spaced exactly 1/RATE apart may still reach the fake a little closer together than
# they left; unpaced, the same fan-out meets at least ALERTS - RATE 429s.
STRAY_429S = 2


def channel(cid: str, position: int) -> dict[str, Any]:
    return {**p.CHANNELS[p.TEXT_ID], "id": cid, "name": f"alerts-{position}", "position": position}


@pytest.fixture
async def h() -> AsyncIterator[Harness]:
    """A bot whose guild has ALERTS text channels (in the gateway cache), and ALERTS more it only
    knows over REST; the fake's global limit is switched on once the bot is up."""
    async with Harness.running(start_bot=False) as harness:
        srv = harness.srv
        cached = {str(3000 + n): channel(str(3000 + n), 10 + n) for n in range(ALERTS)}
        uncached = {str(4000 + n): channel(str(4000 + n), 10 + ALERTS + n) for n in range(ALERTS)}
        srv.channels.update(cached | uncached)
        srv.extra_guild_channels = list(cached.values())
        settings = DiscordSettings(
            api_base_url=srv.api_base_url, gateway_url=srv.gateway_url, global_rate_per_second=RATE
        )
        adapter = DiscordAdapter(
            srv.token, settings, harness.handler, harness._on_gone, complete, guild_ready_timeout=0.05
        )
        harness.adapters.append(adapter)  # stopped by Harness.running
        await adapter.start()
        srv.global_limit = RATE  # from here on: the start-up requests are not what is measured
        yield harness


def chats(first: int) -> list[ChatRef]:
    return [ChatRef("discord", str(first + n), "") for n in range(ALERTS)]


async def fan_out(h: Harness, targets: list[ChatRef]) -> list[str]:
    return await asyncio.gather(*(h.bot.send(chat, CARD, nonce=f"rb-{chat.chat_id}") for chat in targets))


def messages_per_channel(srv: FakeDiscord) -> Counter[str]:
    return Counter(m["channel_id"] for m in srv.messages.values())


async def test_a_fan_out_is_paced_under_the_global_limit_and_each_channel_gets_one_message(h: Harness) -> None:
    targets = chats(3000)
    ids = await fan_out(h, targets)
    assert len(set(ids)) == ALERTS
    got = messages_per_channel(h.srv)
    assert [got[chat.chat_id] for chat in targets] == [1] * ALERTS
    assert h.srv.global_refused <= STRAY_429S
    posts = h.srv.calls_to("POST", "/channels/")
    assert len(posts) <= ALERTS + h.srv.global_refused  # one request per alert, plus a retry per 429
    assert not h.srv.calls_to("GET", "/channels/")  # cached channels are not looked up


async def test_channel_look_ups_take_a_slot_under_the_limit_too(h: Harness) -> None:
    targets = chats(4000)[: ALERTS // 2]  # a look-up and a post each
    await fan_out(h, targets)
    got = messages_per_channel(h.srv)
    assert [got[chat.chat_id] for chat in targets] == [1] * len(targets)
    assert len(h.srv.calls_to("GET", "/channels/")) >= len(targets)  # each unknown channel was looked up
    assert h.srv.global_refused <= STRAY_429S


async def test_a_slash_command_is_answered_while_a_fan_out_is_being_paced(h: Harness) -> None:
    targets = chats(3000)
    sending = asyncio.create_task(fan_out(h, targets))
    await h.srv.wait_for_call("POST", "/channels/")
    iid = await h.srv.slash("hot")
    answer = await h.srv.wait_for_call("POST", f"/interactions/{iid}/", within=30)
    posts_before = sum(1 for c in h.srv.calls[: h.srv.calls.index(answer)] if c.path.startswith("/channels/"))
    await sending
    assert answer.json["type"] == 4
    assert posts_before < ALERTS // 2  # answered early in the fan-out, not queued behind its alerts
    assert len(h.srv.calls_to("POST", "/channels/")) >= ALERTS


def test_the_rate_must_be_positive() -> None:
    with pytest.raises(pydantic.ValidationError, match="global_rate_per_second"):
        DiscordSettings(global_rate_per_second=0)
