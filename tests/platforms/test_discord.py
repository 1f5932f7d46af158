"""The Discord adapter's start-up and slash commands: the real discord.py 2.7 client against a fake."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator

import pytest

from bot.commands.base import ChatRef, Invocation
from bot.platforms.discord_commands import COMMAND_NAMES
from bot.render.card import Reply
from tests.fakes import discord_payloads as p
from tests.fakes.discord_harness import TEXT, DiscordStartError, Harness

MANAGE_GUILD, MANAGE_CHANNELS, ADMINISTRATOR, SEND_MESSAGES = 1 << 5, 1 << 4, 1 << 3, 1 << 11
GUILDS_INTENT = 1 << 0


@pytest.fixture
async def h() -> AsyncIterator[Harness]:
    async with Harness.running() as harness:
        yield harness


def callback_path(iid: str) -> str:
    return f"/interactions/{iid}/"


def follow_up_path(iid: str) -> str:
    return f"/webhooks/{p.APP_ID}/interaction-token-{iid}"


# ----- start-up ------------------------------------------------------------------------------------
async def test_start_registers_the_commands_with_only_the_guilds_intent(h: Harness) -> None:
    (sync,) = h.srv.calls_to("PUT", f"/applications/{p.APP_ID}/commands")
    commands = {c["name"]: c for c in sync.json}
    assert set(commands) == set(COMMAND_NAMES)
    assert set(commands) == {
        "rumour", "follow", "unfollow", "following", "hot", "sources", "settings", "why", "help",
        "source", "record", "sackrace", "vacancies", "board", "resolve", "predict", "leaderboard", "mycalls",
    }  # fmt: skip
    source, league = commands["source"]["options"][0], commands["sackrace"]["options"][0]
    assert (source["name"], source["required"], source["autocomplete"]) == ("name", True, True)
    assert (league["name"], league["required"], league["autocomplete"]) == ("league", False, True)
    board = {o["name"]: o for o in commands["board"]["options"]}
    assert [c["value"] for c in board["board"]["choices"]] == ["sackrace", "vacancies"]
    assert board["league"]["autocomplete"] is True
    assert [c["value"] for c in commands["resolve"]["options"][1]["choices"]] == ["true", "false", "cold"]
    action = commands["predict"]["options"][0]
    assert [c["value"] for c in action["choices"]] == ["open", "close", "off", "on"]
    query = commands["rumour"]["options"][0]
    assert (query["name"], query["type"], query["required"], query["autocomplete"]) == ("query", 3, True, True)
    ping = commands["follow"]["options"][1]
    assert (ping["name"], ping["type"], ping["required"]) == ("ping", 8, False)
    assert h.srv.identify[0]["intents"] == GUILDS_INTENT


async def test_rejected_token_raises_and_is_never_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    async with Harness.running(start_bot=False) as h:
        with pytest.raises(DiscordStartError) as raised:
            await h.start_bot(token="wrong-secret-token")
    assert "wrong-secret-token" not in str(raised.value)
    assert "wrong-secret-token" not in caplog.text
    assert "token was rejected" in str(raised.value)  # said once, by whoever started the adapter


# ----- slash commands ------------------------------------------------------------------------------
async def test_rumour_command_reaches_handler_and_callback_carries_the_embed(h: Harness) -> None:
    iid = await h.srv.slash("rumour", [{"name": "query", "type": 3, "value": "alonso"}])
    call = await h.srv.wait_for_call("POST", callback_path(iid))
    assert h.handler.invocations == [
        Invocation(TEXT, p.USER["id"], "rumour", "alonso", chat_kind="group", can_manage=False)
    ]
    assert call.query == {"with_response": "1"}
    assert call.json["type"] == 4
    data = call.json["data"]
    assert data["content"] == "Here you go"
    assert data["embeds"][0]["title"] == "Alonso → Liverpool: talks"
    assert data["embeds"][0]["url"] == "https://bbc.example/a"
    assert data["allowed_mentions"] == {"parse": []}
    assert not data.get("flags", 0) & 64


async def test_slow_handler_is_deferred_within_three_seconds_then_answered_by_follow_up(h: Harness) -> None:
    h.handler.delay = 2.5
    sent_at = time.monotonic()
    iid = await h.srv.slash("hot")
    defer = await h.srv.wait_for_call("POST", callback_path(iid), within=3)
    follow_up = await h.srv.wait_for_call("POST", follow_up_path(iid), within=3)
    assert defer.json["type"] == 5
    assert defer.at - sent_at < 2.5 <= follow_up.at - sent_at
    assert follow_up.json["embeds"][0]["title"] == "Alonso → Liverpool: talks"
    assert follow_up.json["allowed_mentions"] == {"parse": []}


async def test_late_ephemeral_reply_removes_public_placeholder_and_answers_privately() -> None:
    async with Harness.running(start_bot=False) as h:
        await h.start_bot(defer_after=0.05)
        h.handler.delay, h.handler.reply = 0.2, Reply(text="You follow: Alonso", ephemeral=True)
        iid = await h.srv.slash("following")
        follow_up = await h.srv.wait_for_call("POST", follow_up_path(iid))
        deleted = h.srv.calls_to("DELETE", f"{follow_up_path(iid)}/messages/@original")
    assert len(deleted) == 1
    assert deleted[0].at <= follow_up.at
    assert follow_up.json["flags"] & 64
    assert follow_up.json["content"] == "You follow: Alonso"


async def test_fast_ephemeral_reply_is_flagged_ephemeral(h: Harness) -> None:
    h.handler.reply = Reply(text="Only you can see this", ephemeral=True)
    iid = await h.srv.slash("help")
    call = await h.srv.wait_for_call("POST", callback_path(iid))
    assert call.json["data"]["flags"] & 64


async def test_failing_handler_gets_a_polite_ephemeral_answer(h: Harness) -> None:
    h.handler.error = RuntimeError("boom")
    iid = await h.srv.slash("hot")
    call = await h.srv.wait_for_call("POST", callback_path(iid))
    assert call.json["data"]["flags"] & 64
    assert "Sorry" in call.json["data"]["content"]


@pytest.mark.parametrize(
    ("perms", "can_manage"),
    [(0, False), (SEND_MESSAGES, False), (MANAGE_GUILD, True), (MANAGE_CHANNELS, True), (ADMINISTRATOR, True)],
)
async def test_can_manage_needs_manage_server_or_manage_channels(h: Harness, perms: int, can_manage: bool) -> None:
    iid = await h.srv.slash("following", user_perms=perms)
    await h.srv.wait_for_call("POST", callback_path(iid))
    assert h.handler.invocations[0].can_manage is can_manage


async def test_direct_message_is_a_private_chat(h: Harness) -> None:
    iid = await h.srv.slash("following", dm=True, channel_id="3001")
    await h.srv.wait_for_call("POST", callback_path(iid))
    assert h.handler.invocations[0].chat == ChatRef("discord", "3001", "")
    assert h.handler.invocations[0].chat_kind == "private"


async def test_follow_with_ping_role_passes_the_role_id(h: Harness) -> None:
    ping, resolved = p.role_option()
    target = {"name": "target", "type": 3, "value": "alonso"}
    iid = await h.srv.slash("follow", [target, ping], resolved=resolved, user_perms=MANAGE_GUILD)
    await h.srv.wait_for_call("POST", callback_path(iid))
    (inv,) = h.handler.invocations
    assert (inv.name, inv.args, inv.options) == ("follow", "alonso", (("ping_role", p.ROLE_ID),))


async def test_sources_and_leagues_are_autocompleted_from_their_own_lists() -> None:
    completions = {"source": lambda q: [n for n in ("David Ornstein", "BBC Sport") if q.lower() in n.lower()],
                   "league": lambda q: ["Premier League", "La Liga"]}  # fmt: skip
    async with Harness.running(start_bot=False) as h:
        await h.start_bot(completions=completions)
        iid = await h.srv.autocomplete("source", "name", "orn")
        call = await h.srv.wait_for_call("POST", callback_path(iid))
        assert [c["value"] for c in call.json["data"]["choices"]] == ["David Ornstein"]
        iid = await h.srv.autocomplete("sackrace", "league", "pre")
        call = await h.srv.wait_for_call("POST", callback_path(iid))
        assert [c["value"] for c in call.json["data"]["choices"]] == ["Premier League", "La Liga"]


async def test_autocomplete_answers_with_at_most_25_choices_from_the_callable(h: Harness) -> None:
    iid = await h.srv.autocomplete("rumour", "query", "alonso")
    call = await h.srv.wait_for_call("POST", callback_path(iid))
    assert call.json["type"] == 8
    assert [c["value"] for c in call.json["data"]["choices"]] == ["Xabi Alonso", "Alonso Fans FC"]
    iid = await h.srv.autocomplete("rumour", "query", "manager")
    call = await h.srv.wait_for_call("POST", callback_path(iid))
    assert len(call.json["data"]["choices"]) == 25
