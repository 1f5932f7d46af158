"""Command rate limits: a flood of commands gets one polite refusal and then silence, per user and per
chat, through the Router and through the real Telegram and Discord adapters."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.analysis.gazetteer import Gazetteer
from bot.commands.base import ChatRef, Invocation
from bot.commands.names import NameResolver
from bot.commands.ratelimit import CommandLimiter
from bot.commands.router import SILENT, Router
from bot.config import load_config
from bot.store.sqlite import SQLiteStore
from tests.fakes import discord_payloads as p
from tests.fakes.discord_harness import Harness as DiscordHarness
from tests.fakes.telegram_harness import harness as telegram_harness
from tests.fakes.telegram_markup import telegram_text

GROUP = ChatRef("telegram", "-100200")
SLOW_DOWN = "Slow down a little — try again in"


class Monotonic:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def tick() -> Monotonic:
    return Monotonic()


@pytest.fixture
def router(store: SQLiteStore, gazetteer: Gazetteer, tick: Monotonic) -> Router:
    return Router(store, NameResolver(gazetteer), limiter=CommandLimiter(10, 30, clock=tick))


async def run(router: Router, user: str, chat: ChatRef = GROUP, line: str = "/help") -> str | None:
    """The reply text, or None when the router chose silence."""
    name, _, args = line.lstrip("/").partition(" ")
    reply = await router.handle(Invocation(chat, user, name, args, "group", True))
    if reply == SILENT:
        return None
    return reply.text


async def test_eleventh_command_in_a_minute_gets_one_ephemeral_slow_down_then_silence_until_the_bucket_refills(
    router: Router, tick: Monotonic
) -> None:
    answers = [await run(router, "u1") for _ in range(10)]
    assert all(a is not None and a.startswith("rumourbot follows") for a in answers)
    refusal = await router.handle(Invocation(GROUP, "u1", "help", "", "group", True))
    assert (refusal.text, refusal.ephemeral) == ("Slow down a little — try again in 6 s.", True)
    assert [await run(router, "u1", line=line) for line in ("/help", "/rumour alonso", "/nonsense")] == [None] * 3
    tick.now += 5.9  # not yet one token (10 a minute = one every 6 s)
    assert await run(router, "u1") is None
    tick.now += 0.1
    assert (await run(router, "u1") or "").startswith("rumourbot follows")
    assert await run(router, "u1") == f"{SLOW_DOWN} 6 s."  # dry again: answered once more, then silent
    assert await run(router, "u1") is None


async def test_per_chat_limit_caps_a_crowd_in_one_chat_and_other_chats_and_users_elsewhere_are_unaffected(
    router: Router,
) -> None:
    crowd = [await run(router, f"fan{i}") for i in range(40)]  # 40 users, one command each
    answered = [a for a in crowd if a is not None and not a.startswith(SLOW_DOWN)]
    assert len(answered) == 30
    assert [a for a in crowd if a is not None and a.startswith(SLOW_DOWN)] == [f"{SLOW_DOWN} 2 s."]
    assert crowd[31:] == [None] * 9  # one refusal for the whole chat, then silence
    other = ChatRef("telegram", "-100300")
    assert (await run(router, "fan0", other) or "").startswith("rumourbot follows")


async def test_a_user_over_their_own_limit_spends_nothing_of_the_chats_allowance(router: Router) -> None:
    spam = [await run(router, "spammer") for _ in range(100)]
    assert sum(1 for a in spam if a is not None and not a.startswith(SLOW_DOWN)) == 10
    assert sum(1 for a in spam if a is not None and a.startswith(SLOW_DOWN)) == 1
    others = [await run(router, f"fan{i}") for i in range(20)]  # the chat still has 30 - 10 = 20
    assert all(a is not None and a.startswith("rumourbot follows") for a in others)
    assert (await run(router, "fan-late") or "").startswith(SLOW_DOWN)


async def test_the_same_user_id_on_another_platform_is_another_user(router: Router) -> None:
    for _ in range(10):
        await run(router, "42")
    assert await run(router, "42") == f"{SLOW_DOWN} 6 s."
    discord_chat = ChatRef("discord", "1001")
    assert (await run(router, "42", discord_chat) or "").startswith("rumourbot follows")


async def test_the_local_console_is_never_limited(router: Router) -> None:
    console = ChatRef("console", "local")
    answers = [await run(router, "console", console) for _ in range(100)]
    assert all(a is not None and a.startswith("rumourbot follows") for a in answers)


def test_limits_come_from_the_commands_settings_and_zero_turns_a_limit_off(tick: Monotonic) -> None:
    config = load_config(
        env={"RUMOURBOT_COMMANDS__PER_USER_PER_MINUTE": "3", "RUMOURBOT_COMMANDS__PER_CHAT_PER_MINUTE": "0"}
    )
    limiter = CommandLimiter.from_settings(config.settings.commands, clock=tick)
    verdicts = [limiter.check("telegram", "chat", "u1") for _ in range(4)]
    assert [v.allowed for v in verdicts] == [True, True, True, False]
    assert verdicts[-1].retry_after == 20  # three a minute: one every 20 s
    assert all(limiter.check("telegram", "chat", f"user{i}").allowed for i in range(200))  # no chat limit


def test_remembered_buckets_are_bounded(tick: Monotonic) -> None:
    limiter = CommandLimiter(10, 30, clock=tick, max_keys=100)
    for i in range(5000):
        limiter.check("telegram", f"chat{i}", f"user{i}")
    assert limiter.tracked == 200


@pytest.fixture
async def tg_router(store: SQLiteStore, gazetteer: Gazetteer) -> Router:
    frozen = Monotonic()  # no refill while the flood arrives, however slow the machine
    return Router(store, NameResolver(gazetteer), limiter=CommandLimiter(10, 30, clock=frozen))


async def test_telegram_flood_from_one_user_gets_ten_answers_and_one_slow_down_only(tg_router: Router) -> None:
    # A private chat: in groups PTB's AIORateLimiter already paces the bot to 20 messages a minute.
    async with telegram_harness() as h:
        h.handler = tg_router.handle  # the real Router instead of the stub
        await h.bot()
        for _ in range(25):
            h.srv.command(1007, "/rumour alonso", user_id=1007)
        sent = await h.srv.wait_for("sendMessage", 11)
        await asyncio.sleep(0.5)  # time for any further message to (not) arrive
        texts = [telegram_text(s["text"]) for s in h.srv.calls_to("sendMessage")]
    assert len(texts) == 11, texts
    assert sum(t.startswith("No rumours about Xabi Alonso yet.") for t in texts) == 10
    assert [t for t in texts if t.startswith(SLOW_DOWN)] == [f"{SLOW_DOWN} 6 s."]
    assert len(sent) == 11


@pytest.fixture
async def dc() -> AsyncIterator[DiscordHarness]:
    async with DiscordHarness.running(start_bot=False) as harness:
        yield harness


async def test_discord_flood_gets_at_most_ten_public_answers_and_every_refusal_is_private(
    dc: DiscordHarness, tg_router: Router
) -> None:
    dc.handler = tg_router.handle
    await dc.start_bot()
    ids = [await dc.srv.slash("help", user_perms=0) for _ in range(15)]
    answers = [(await dc.srv.wait_for_call("POST", f"/interactions/{iid}/")).json["data"] for iid in ids]
    public = [a for a in answers if not a.get("flags", 0) & 64]
    private = [a for a in answers if a.get("flags", 0) & 64]
    assert len(public) == 10
    assert all(a["content"].startswith("rumourbot follows") for a in public)
    assert len(private) == 5  # ephemeral: only the flooder sees these, nothing lands in the channel
    assert [a["content"] for a in private if a.get("content", "").startswith(SLOW_DOWN)] == [f"{SLOW_DOWN} 6 s."]
    assert dc.srv.calls_to("POST", f"/channels/{p.TEXT_ID}/") == []
