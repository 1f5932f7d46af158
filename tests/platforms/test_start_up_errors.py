"""A platform that cannot start is said once, on one line that names the reason, the way an
operator running `rumourbot run` reads it: a subprocess with a token the fake rejects, or an API
address where nothing listens."""

from __future__ import annotations

from pathlib import Path

from tests.cli_support import cli_env, rumourbot_async
from tests.fakes.discord_server import FakeDiscord
from tests.ports import refused_port


def errors(stderr: str) -> list[str]:
    """The lines that report a failure: the command's own, and ERROR or CRITICAL log records."""
    return [
        line for line in stderr.splitlines() if line.startswith("rumourbot:") or " ERROR " in line or "CRITICAL" in line
    ]


async def test_a_rejected_discord_token_is_one_line_naming_the_variable(tmp_path: Path) -> None:
    discord = await FakeDiscord(token="the.right.one").start()
    try:
        env = cli_env(tmp_path, discord__api_base_url=discord.api_base_url, discord__gateway_url=discord.gateway_url)
        code, _, stderr = await rumourbot_async(env | {"DISCORD_TOKEN": "a.wrong.one"}, "run")
    finally:
        await discord.stop()
    assert code == 2, stderr
    assert errors(stderr) == ["rumourbot: discord: login failed: the token was rejected (DISCORD_TOKEN)"]


async def test_an_unreachable_discord_api_is_one_line_naming_the_address_and_the_reason(tmp_path: Path) -> None:
    api = f"http://127.0.0.1:{refused_port()}/api/v10"
    env = cli_env(tmp_path, discord__api_base_url=api) | {"DISCORD_TOKEN": "a.token.here"}
    code, _, stderr = await rumourbot_async(env, "run")
    assert code == 2, stderr
    [line] = errors(stderr)
    assert line.startswith(f"rumourbot: discord: cannot reach {api}: ")
    assert "Connect call failed" in line or "onnection refused" in line
