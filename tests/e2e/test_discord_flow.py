"""The "Discord and Telegram" acceptance lines on Discord: real discord.py 2.7 against the fake REST API
and gateway, real pipeline (FeedServer → Poller → Ingestor → SQLite → Dispatcher → DiscordAdapter),
wired by the composition root."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.world import (
    AGREED,
    CONFIRMED,
    HOSTILE,
    HOSTILE_SHOWN,
    SKY,
    TALKS,
    TALKS_AGAIN,
    World,
    eventually,
    world,
)
from tests.fakes import discord_payloads as p
from tests.fakes.discord_harness import discord  # imported there under the audioop warning filter
from tests.fakes.discord_server import FakeDiscord

FIRST_POLL = "it was already in the feed when the bot first read that feed — a feed's first poll is recorded silently"
MANAGE_GUILD, SEND_MESSAGES = 1 << 5, 1 << 11
CHANNEL = f"discord:{p.TEXT_ID}:"
Json = dict[str, Any]


@pytest.fixture
async def srv() -> AsyncIterator[FakeDiscord]:
    route_base, gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    fake = await FakeDiscord().start()
    try:
        yield fake
    finally:
        await fake.stop()
        # The adapter sets both process-wide (see bot/platforms/discord_adapter.py); put them back.
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = route_base, gateway


@pytest.fixture
async def w(tmp_path: Path, srv: FakeDiscord) -> AsyncIterator[World]:
    env = {
        "DISCORD_TOKEN": srv.token,
        "RUMOURBOT_DISCORD__API_BASE_URL": srv.api_base_url,
        "RUMOURBOT_DISCORD__GATEWAY_URL": srv.gateway_url,
    }
    async with world(tmp_path, env) as running:
        yield running


async def slash(srv: FakeDiscord, name: str, value: str = "", *, perms: int = MANAGE_GUILD, **extra: Any) -> Json:
    """Run a slash command as a member with ``perms``; return the interaction response's data."""
    option = "query" if name == "rumour" else "target"
    options = [{"name": option, "type": 3, "value": value}] if value else []
    options += extra.pop("options", [])
    iid = await srv.slash(name, options, user_perms=perms, **extra)
    call = await srv.wait_for_call("POST", f"/interactions/{iid}/")
    assert call.json["type"] == 4
    data: Json = call.json["data"]
    return data


def posts(srv: FakeDiscord, channel: str = p.TEXT_ID) -> list[Json]:
    return [c.json for c in srv.calls_to("POST", f"/channels/{channel}/messages")]


def alerts(srv: FakeDiscord, title_start: str) -> list[Json]:
    return [m for m in srv.messages.values() if m["embeds"] and m["embeds"][0]["title"].startswith(title_start)]


async def paused(w: World, chat_key: str) -> bool:
    follows = await w.following(chat_key)
    return bool(follows) and not any(s.active for s in follows)


def shown(markdown: str) -> str:
    """What Discord displays for escaped text: each backslash escape shows as the character."""
    return re.sub(r"\\(.)", r"\1", markdown)


def fields(embed: Json) -> dict[str, str]:
    return {f["name"]: shown(f["value"]) for f in embed.get("fields", [])}


def strings(value: Any) -> Iterator[str]:
    """Every string in a JSON payload."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


async def test_rumour_alonso_names_his_threads_stage_clubs_and_sources_and_unknown_name_is_explained(
    w: World, srv: FakeDiscord
) -> None:
    w.publish(TALKS)
    await w.cycle()
    answer = await slash(srv, "rumour", "alonso", perms=0)
    assert shown(answer["content"]) == "Xabi Alonso: 2 rumour threads — Bayern Munich (talks), Real Madrid (linked)"
    bayern, madrid = answer["embeds"]
    assert (bayern["title"], fields(bayern)["Best source"]) == (
        "Xabi Alonso → Bayern Munich: talks",
        "David Ornstein (tier 1)",
    )
    assert (madrid["title"], fields(madrid)["Best source"]) == ("Xabi Alonso → Real Madrid: linked", "Marca (tier 2)")
    assert fields(bayern)["Stage"] == "talks"
    unknown = await slash(srv, "rumour", "qwertyuiop", perms=0)
    assert shown(unknown["content"]).startswith("I don't know a manager or club called “qwertyuiop”")


async def test_follow_with_role_ping_then_one_alert_none_for_a_second_outlet_and_stage_change_edits_and_replies(
    w: World, srv: FakeDiscord
) -> None:
    ping, resolved = p.role_option()
    answer = await slash(srv, "follow", "alonso", options=[ping], resolved=resolved)
    assert answer["content"].startswith("Following Xabi Alonso.")
    w.publish(TALKS)
    await w.cycle()
    [alert] = posts(srv)
    assert alert["embeds"][0]["title"] == "Xabi Alonso → Bayern Munich: talks"
    assert alert["content"] == f"<@&{p.ROLE_ID}>"  # the follow's role, and only it, may be pinged
    assert alert["allowed_mentions"] == {"parse": [], "roles": [int(p.ROLE_ID)]}
    [stored] = alerts(srv, "Xabi Alonso → Bayern Munich")

    w.publish(TALKS_AGAIN, SKY)
    stats = await w.cycle()
    assert (stats.rumours, stats.events) == (1, [])
    assert len(posts(srv)) == 1

    w.publish(AGREED)
    await w.cycle()
    [edit] = srv.calls_to("PATCH", f"/channels/{p.TEXT_ID}/messages/{stored['id']}")
    assert edit.json["embeds"][0]["title"] == "Xabi Alonso → Bayern Munich: agreed"
    [reply] = posts(srv)[1:]  # nothing about the Real Madrid thread this channel never heard of
    assert shown(reply["content"]).startswith(CONFIRMED)
    assert reply["message_reference"]["message_id"] == int(stored["id"])
    assert reply["allowed_mentions"] == {"parse": []}  # updates never ping
    assert len(alerts(srv, "Xabi Alonso → Bayern Munich")) == 1


async def test_member_without_manage_server_or_channels_is_refused_follow_but_can_ask_rumour(
    w: World, srv: FakeDiscord
) -> None:
    refusal = await slash(srv, "follow", "alonso", perms=SEND_MESSAGES)
    assert refusal["content"].startswith("Only admins can change what this chat follows")
    assert refusal["flags"] & 64  # ephemeral: only the asker sees it
    assert await w.following(CHANNEL) == []
    answer = await slash(srv, "rumour", "alonso", perms=SEND_MESSAGES)
    assert answer["content"] == "Xabi Alonso: 1 rumour thread"
    assert answer["embeds"][0]["title"] == "Xabi Alonso → Real Madrid: linked"


@pytest.mark.slow
async def test_rate_limited_post_is_waited_out_and_the_alert_arrives_once_and_403_pauses_the_channel(
    w: World, srv: FakeDiscord
) -> None:
    await slash(srv, "follow", "alonso")
    srv.fail_posts(429, retry_after=0.3)
    w.publish(TALKS)
    await w.cycle()
    assert len(posts(srv)) == 2  # the 429 (with rate-limit headers) and the retry
    assert len(alerts(srv, "Xabi Alonso → Bayern Munich: talks")) == 1

    srv.fail_posts(403, code=50013)  # Missing Permissions
    w.publish(AGREED)
    await w.cycle()
    assert [s.active for s in await w.following(CHANNEL)] == [False]
    answer = await slash(srv, "following")
    assert "Xabi Alonso (manager) — paused: the bot could not post here" in shown(answer["content"])


async def test_deleted_channel_pauses_its_follows_through_the_gone_callback(w: World, srv: FakeDiscord) -> None:
    await slash(srv, "follow", "alonso")
    await srv.dispatch("CHANNEL_DELETE", p.CHANNELS[p.TEXT_ID])
    await eventually(lambda: paused(w, CHANNEL), 5, "the deleted channel's follows paused")


async def test_hostile_feed_title_is_escaped_and_no_mention_is_allowed(w: World, srv: FakeDiscord) -> None:
    await slash(srv, "follow", "chelsea")
    w.publish(HOSTILE)
    await w.cycle()
    [alert] = posts(srv)
    assert alert["allowed_mentions"] == {"parse": []}
    assert not alert.get("content")
    embed = alert["embeds"][0]
    assert embed["title"] == "Enzo Maresca → Chelsea: sacked"
    [latest] = [f["value"] for f in embed["fields"] if f["name"] == "Latest"]
    assert shown(latest).startswith(HOSTILE_SHOWN)  # displayed literally ...
    assert latest.startswith(r"\@everyone FREE \[x\]\(http://evil.example\) \<\@&123\> Chelsea sack Enzo Maresca")
    texts = list(strings(alert))
    for live in (r"(?<!\\)@everyone", r"(?<!\\)<@&", r"(?<!\\)\[x\]"):  # ... and nowhere unescaped
        assert not [t for t in texts if re.search(live, t)], live


async def test_why_with_a_link_answers_posted_or_first_poll_and_shows_the_feed_title_literally(
    w: World, srv: FakeDiscord
) -> None:
    await slash(srv, "follow", "chelsea")
    w.publish(HOSTILE)
    await w.cycle()
    iid = await srv.slash("why", [{"name": "story", "type": 3, "value": "https://news.example/w4/"}], user_perms=0)
    answer = (await srv.wait_for_call("POST", f"/interactions/{iid}/")).json
    assert answer["type"] == 4
    data = answer["data"]
    assert data["allowed_mentions"] == {"parse": []}
    content = data["content"]
    assert shown(content).startswith(f"“{HOSTILE_SHOWN}” (wire.xml, seen ")
    assert "Posted here " in shown(content)
    assert "the alert that started thread #" in shown(content)
    for live in (r"(?<!\\)@everyone", r"(?<!\\)<@&", r"(?<!\\)\[x\]"):
        assert not re.search(live, content), live
    iid = await srv.slash("why", [{"name": "story", "type": 3, "value": "http://news.example/w0"}], user_perms=0)
    first = (await srv.wait_for_call("POST", f"/interactions/{iid}/")).json["data"]["content"]
    assert f"Not posted: {FIRST_POLL}" in shown(first)


async def test_board_and_tier_overrides_need_manage_server_and_sackrace_answers_anyone(
    w: World, srv: FakeDiscord
) -> None:
    iid = await srv.slash("board", [{"name": "board", "type": 3, "value": "sackrace"}], user_perms=SEND_MESSAGES)
    refusal = (await srv.wait_for_call("POST", f"/interactions/{iid}/")).json["data"]
    assert refusal["content"].startswith("Only admins can pin or remove a board")
    assert refusal["flags"] & 64
    iid = await srv.slash(
        "settings", [{"name": "change", "type": 3, "value": "tier-override Ornstein 3"}], user_perms=SEND_MESSAGES
    )
    override = (await srv.wait_for_call("POST", f"/interactions/{iid}/")).json["data"]
    assert override["content"].startswith("Only admins can change this chat's tier overrides")
    iid = await srv.slash("sackrace", [], user_perms=SEND_MESSAGES)
    board = (await srv.wait_for_call("POST", f"/interactions/{iid}/")).json["data"]
    assert board["embeds"][0]["title"] == "Sack race"
