"""The prediction game's acceptance line on Discord: the real discord.py against the fake API, the real
pipeline and the composition root's wiring. A saga opens a question (a message with a select menu), three
members pick (one changes their mind), the saga resolves, scores and the leaderboard are right, and the
results post goes out once — naming the winners without mentioning anyone."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.questions import Player, QuestionStatus
from tests.e2e.stories_predictions import ALONSO_TALKS, APPOINTED, FRANK_LINKED, GAME_ENV, SACKED
from tests.e2e.world import World, world
from tests.fakes import discord_payloads as p
from tests.fakes.discord_harness import discord  # imported there under the audioop warning filter
from tests.fakes.discord_server import FakeDiscord

MANAGE_GUILD = 1 << 5
ANN, BOB, CAT = p.fan("201", "Ann"), p.fan("202", "Bob"), p.fan("203", "Cat")
Json = dict[str, Any]


@pytest.fixture
async def srv() -> AsyncIterator[FakeDiscord]:
    route_base, gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    fake = await FakeDiscord().start()
    try:
        yield fake
    finally:
        await fake.stop()
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = route_base, gateway


@pytest.fixture
async def w(tmp_path: Path, srv: FakeDiscord) -> AsyncIterator[World]:
    env = {
        "DISCORD_TOKEN": srv.token,
        "RUMOURBOT_DISCORD__API_BASE_URL": srv.api_base_url,
        "RUMOURBOT_DISCORD__GATEWAY_URL": srv.gateway_url,
    }
    async with world(tmp_path, env | GAME_ENV) as running:
        yield running


def shown(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


async def slash(srv: FakeDiscord, name: str, options: list[Json], *, perms: int = MANAGE_GUILD) -> Json:
    iid = await srv.slash(name, options, user_perms=perms)
    call = await srv.wait_for_call("POST", f"/interactions/{iid}/")
    data: Json = call.json["data"]
    return data


async def pick(srv: FakeDiscord, message_id: str, option: str, user: Json, *, stale: bool = False) -> str:
    iid = await srv.pick(message_id, [option], user=user, custom_id="rbq:1" if stale else "")
    call = await srv.wait_for_call("POST", f"/interactions/{iid}/")
    assert call.json["data"]["flags"] & 64  # only the fan sees the confirmation
    return shown(call.json["data"]["content"])


def posts(srv: FakeDiscord) -> list[Json]:
    return [c.json for c in srv.calls_to("POST", f"/channels/{p.TEXT_ID}/messages")]


async def test_a_saga_opens_a_menu_question_three_members_pick_it_resolves_and_the_results_post_goes_out_once(
    w: World, srv: FakeDiscord
) -> None:
    followed = await slash(srv, "follow", [{"name": "target", "type": 3, "value": "chelsea"}])
    assert followed["content"].startswith("Following Chelsea.")
    w.publish(SACKED)
    await w.cycle()
    w.publish(ALONSO_TALKS)
    w.publish(FRANK_LINKED)
    await w.cycle()

    [asked] = [m for m in posts(srv) if m.get("components")]
    assert shown(asked["embeds"][0]["title"]) == "Who will be Chelsea's next permanent manager? (#1)"
    [[menu]] = [row["components"] for row in asked["components"]]
    assert [o["label"] for o in menu["options"]] == ["Xabi Alonso", "Thomas Frank", "Someone else"]
    message_id = next(mid for mid, m in srv.messages.items() if m.get("components"))

    assert (await pick(srv, message_id, "0", ANN)).startswith("Your call on #1: Xabi Alonso.")
    assert (await pick(srv, message_id, "1", BOB)).startswith("Your call on #1: Thomas Frank.")
    await pick(srv, message_id, "1", CAT)
    w.clock.advance(days=2)
    assert (await pick(srv, message_id, "0", CAT)).startswith("Your call on #1: Xabi Alonso.")

    w.clock.advance(days=2)
    w.publish(APPOINTED)
    await w.cycle()
    q = await w.core.store.predictions.question(1)
    assert q is not None
    assert q.status is QuestionStatus.RESOLVED
    fans = {s.name: (s.correct, s.points) for s in await w.core.store.predictions.scores(1) if s.player is Player.FAN}
    assert fans == {"Ann": (True, 100), "Bob": (False, 0), "Cat": (True, 75)}
    [lock] = srv.calls_to("PATCH", f"/channels/{p.TEXT_ID}/messages/{message_id}")
    assert lock.json["components"] == []  # the menu is gone

    results = [m for m in posts(srv) if "Answer: Xabi Alonso" in shown(m.get("content") or "")]
    assert len(results) == 1
    assert "Called it: Ann (100), Cat (75). 1 wrong." in shown(results[0]["content"])
    assert results[0]["allowed_mentions"] == {"parse": []}
    assert "<@" not in results[0]["content"]

    board = await slash(srv, "leaderboard", [], perms=0)
    assert shown(board["content"]).splitlines()[1:] == [
        "1. Ann — 100 pts (1/1 right)", "2. Cat — 75 pts (1/1 right)", "3. Bob — 0 pts (0/1 right)",
    ]  # fmt: skip
    mine = await slash(srv, "mycalls", [], perms=0)
    assert mine["flags"] & 64
    await w.cycle()
    assert len([m for m in posts(srv) if "Answer: Xabi Alonso" in shown(m.get("content") or "")]) == 1
    late = await pick(srv, message_id, "1", BOB, stale=True)  # a menu still on someone's screen
    assert late.startswith("Question #1 is locked")
