"""Discord sharding: the real discord.py client IDENTIFYs with the configured shard pairs against the
loopback fake, slash commands still reach the handler once, and bad shard settings are refused."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.config import ConfigError, DiscordSettings, load_config
from tests.cli_support import cli_env, rumourbot
from tests.conftest import CONFIG
from tests.fakes import discord_payloads as p
from tests.fakes.discord_harness import TEXT, DiscordAdapter, Harness, complete


@pytest.fixture
async def h() -> AsyncIterator[Harness]:
    async with Harness.running(start_bot=False) as harness:
        yield harness


async def start(h: Harness, shard_count: int, shard_ids: list[int]) -> DiscordAdapter:
    settings = DiscordSettings(
        api_base_url=h.srv.api_base_url, gateway_url=h.srv.gateway_url, shard_count=shard_count, shard_ids=shard_ids
    )
    adapter = DiscordAdapter(
        h.srv.token,
        settings,
        h.handler,
        h._on_gone,
        complete,
        guild_ready_timeout=0.05,
        identify_interval=0.01,  # Discord's 5 s between IDENTIFYs would only slow the test
    )
    h.adapters.append(adapter)  # stopped by the harness
    await adapter.start()
    return adapter


def shard_pairs(h: Harness) -> list[tuple[int, ...]]:
    """The (shard id, shard count) of every IDENTIFY, sorted; () for an unsharded one."""
    return sorted(tuple(i.get("shard", ())) for i in h.srv.identify)


async def test_two_of_four_shards_identify_as_their_pairs_and_a_slash_command_is_answered_once(h: Harness) -> None:
    await start(h, 4, [0, 1])
    assert shard_pairs(h) == [(0, 4), (1, 4)]
    assert h.srv.calls_to("GET", "/gateway/bot") == []  # the count is given: nothing to ask Discord
    iid = await h.srv.slash("rumour", [{"name": "query", "type": 3, "value": "alonso"}])
    await h.srv.wait_for_call("POST", f"/interactions/{iid}/")
    assert [(i.name, i.args) for i in h.handler.invocations] == [("rumour", "alonso")]
    assert len(h.srv.calls_to("POST", f"/interactions/{iid}/")) == 1


async def test_a_shard_count_alone_runs_every_shard_in_this_process(h: Harness) -> None:
    await start(h, 2, [])
    assert shard_pairs(h) == [(0, 2), (1, 2)]


async def test_one_shard_identifies_its_pair_and_still_posts_alerts(h: Harness) -> None:
    adapter = await start(h, 2, [1])  # guild 700 lives on shard 0: this shard holds no guild
    assert shard_pairs(h) == [(1, 2)]
    message_id = await adapter.send_text(TEXT, "Alonso → Bayern: talks")
    assert h.srv.messages[message_id]["channel_id"] == p.TEXT_ID


async def test_without_a_shard_count_the_bot_identifies_unsharded(h: Harness) -> None:
    await start(h, 0, [])
    assert shard_pairs(h) == [()]


@pytest.mark.parametrize(
    ("count", "ids", "problem"),
    [
        (4, [4], r"shard ids \[4\] are outside 0…3 for shard_count 4"),
        (0, [0], "needs \\[discord\\] shard_count"),
        (2, [1, 1], "lists a shard id twice"),
        (-1, [], "greater than or equal to 0"),
    ],
)
def test_shard_settings_outside_the_count_are_refused_naming_the_problem(
    count: int, ids: list[int], problem: str
) -> None:
    with pytest.raises(ValidationError, match=problem):
        DiscordSettings(shard_count=count, shard_ids=ids)


def test_shard_settings_from_the_environment_are_refused_naming_the_variable() -> None:
    env = {"RUMOURBOT_DISCORD__SHARD_COUNT": "2", "RUMOURBOT_DISCORD__SHARD_IDS": "[0, 2]"}
    with pytest.raises(ConfigError, match=r"\[discord\] shard_ids \(from environment variable RUMOURBOT_DISCORD__"):
        load_config(CONFIG / "rumourbot.toml", env=env)


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (("--shard-ids", "0,5", "--shard-count", "4"), "--shard-ids: shard ids [5] are outside 0…3 for shard_count 4"),
        (("--shard-ids", "0,x"), "'0,x': expected shard numbers separated by commas"),
        (("--shard-ids", "1"), "--shard-ids: needs [discord] shard_count"),
    ],
)
def test_run_refuses_bad_shard_flags_before_starting(tmp_path: Path, args: tuple[str, ...], problem: str) -> None:
    result = rumourbot(cli_env(tmp_path), "run", *args)
    assert result.returncode == 2
    assert problem in result.stderr
    assert not (tmp_path / "x.db").exists()
