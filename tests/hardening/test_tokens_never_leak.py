"""Bot tokens never appear in anything the bot prints: every line of `python -m bot run` (standard
output and standard error, logging at DEBUG) when start-up fails against a closed port, when the
platforms reject the tokens, and while serving Telegram and Discord at once (commands, a failed
answer, shutdown); nor in the answers the chats receive, nor in `rumourbot config check`."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.fakes.discord_server import FakeDiscord
from tests.fakes.feed_server import FeedServer, rss
from tests.fakes.llm_server import FakeLLM
from tests.fakes.telegram_server import TelegramFake
from tests.ports import refused_port

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "config"
TG_TOKEN = "987654321:TGsecret-never-in-logs-4f1d9c"
DC_TOKEN = "DCsecret-never-in-logs.aB3xQ.zz9"
LLM_KEY = "sk-LLMsecret-never-in-logs-91ab"
# The part of each token that is nobody else's; a leak of it (URL-encoded, cut, quoted) still shows.
FRAGMENTS = ("TGsecret", "DCsecret", "LLMsecret", "never-in-logs")


@dataclass
class Run:
    returncode: int | None
    output: str  # standard output and standard error, every line


def child_env(tmp: Path, extra: dict[str, str]) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith("RUMOURBOT_") and not k.endswith("_TOKEN")}
    feeds = tmp / "feeds.toml"
    if not feeds.exists():
        feeds.write_text("")
    return (
        keep
        | {
            "NO_PROXY": "127.0.0.1,localhost",
            "no_proxy": "127.0.0.1,localhost",
            "RUMOURBOT_LOG__LEVEL": "DEBUG",
            "RUMOURBOT_STORE__URL": f"sqlite:///{tmp / 'bot.db'}",
            "RUMOURBOT_FEEDS__FILE": str(feeds),
            "RUMOURBOT_FEEDS__ALLOW_PRIVATE_ADDRESSES": "true",
            "RUMOURBOT_FEEDS__FULLTEXT": "false",
            "RUMOURBOT_FEEDS__INTERVAL_SECONDS": "1",
            "RUMOURBOT_FEEDS__MIN_INTERVAL_SECONDS": "1",
            "RUMOURBOT_KNOWLEDGE__MANAGERS": str(CONFIG / "managers.toml"),
            "RUMOURBOT_KNOWLEDGE__CLUBS": str(CONFIG / "clubs.toml"),
            "RUMOURBOT_KNOWLEDGE__SOURCES": str(CONFIG / "sources.toml"),
        }
        | extra
    )


class Child:
    """`python -m bot …` with both output streams going to one file."""

    def __init__(self, tmp: Path, env: dict[str, str], *args: str) -> None:
        self.args = args or ("run",)
        self.env = env
        self.log = tmp / f"out-{time.monotonic_ns()}.log"
        self.proc: asyncio.subprocess.Process | None = None

    async def start(self) -> Child:
        with self.log.open("wb") as out:
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                *self.args,
                cwd=ROOT,
                env=self.env,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=out,
                stderr=out,
            )
        return self

    async def finish(self, seconds: float = 30, *, terminate: bool = False) -> Run:
        assert self.proc is not None
        if terminate and self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            async with asyncio.timeout(seconds):
                code: int | None = await self.proc.wait()
        except TimeoutError:
            self.proc.kill()
            await self.proc.wait()
            code = None
        return Run(code, self.log.read_text(errors="replace"))

    async def close(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.proc.kill()
            await self.proc.wait()


@pytest.fixture
async def children() -> AsyncIterator[list[Child]]:
    started: list[Child] = []
    yield started
    for child in started:
        await child.close()


def assert_no_token(text: str) -> None:
    for secret in (TG_TOKEN, DC_TOKEN, LLM_KEY, *FRAGMENTS):
        assert secret not in text, f"{secret!r} leaked:\n" + "\n".join(
            line for line in text.splitlines() if secret in line
        )


def telegram_at(base: str) -> dict[str, str]:
    return {
        "TELEGRAM_TOKEN": TG_TOKEN,
        "RUMOURBOT_TELEGRAM__API_BASE_URL": f"{base}/bot",
        "RUMOURBOT_TELEGRAM__FILE_BASE_URL": f"{base}/file/bot",
    }


def discord_at(api: str, gateway: str) -> dict[str, str]:
    return {
        "DISCORD_TOKEN": DC_TOKEN,
        "RUMOURBOT_DISCORD__API_BASE_URL": api,
        "RUMOURBOT_DISCORD__GATEWAY_URL": gateway,
    }


def closed(platforms: str) -> dict[str, str]:
    base = f"http://127.0.0.1:{refused_port()}"
    env: dict[str, str] = {}
    if "telegram" in platforms:
        env |= telegram_at(base)
    if "discord" in platforms:
        env |= discord_at(f"{base}/api/v10", f"ws://127.0.0.1:{refused_port()}/ws/")
    return env


@pytest.mark.parametrize(
    ("platforms", "shown"),
    [("telegram+discord", "telegram: NetworkError"), ("discord", "discord: cannot reach http://127.0.0.1:")],
)
async def test_start_up_against_a_closed_port_fails_without_printing_a_token(
    tmp_path: Path, children: list[Child], platforms: str, shown: str
) -> None:
    child = await Child(tmp_path, child_env(tmp_path, closed(platforms))).start()
    children.append(child)
    run = await child.finish()
    assert run.returncode not in (0, None), run.output[-3000:]
    assert shown in run.output
    assert " DEBUG " in run.output  # the most talkative level really was on
    assert_no_token(run.output)


async def test_tokens_the_platforms_reject_fail_start_up_without_printing_them(
    tmp_path: Path, children: list[Child]
) -> None:
    telegram = await TelegramFake(token="111:the-right-one").start()
    discord = await FakeDiscord(token="the.right.one").start()
    try:
        telegram_run = Child(tmp_path, child_env(tmp_path, telegram_at(telegram.base_url.removesuffix("/bot"))))
        discord_run = Child(tmp_path, child_env(tmp_path, discord_at(discord.api_base_url, discord.gateway_url)))
        children.extend([telegram_run, discord_run])
        runs = [await (await child.start()).finish() for child in (telegram_run, discord_run)]
    finally:
        await telegram.stop()
        await discord.stop()
    for run, shown in zip(runs, ("telegram: the bot token was rejected", "the token was rejected"), strict=True):
        assert run.returncode not in (0, None), run.output[-3000:]
        assert shown in run.output
        assert_no_token(run.output)


async def eventually(ok: Callable[[], bool], seconds: float, what: str, child: Child) -> None:
    deadline = time.monotonic() + seconds
    while not ok():
        if time.monotonic() > deadline or (child.proc is not None and child.proc.returncode is not None):
            raise AssertionError(f"{what}: not within {seconds} s; output:\n{child.log.read_text()[-4000:]}")
        await asyncio.sleep(0.02)


async def test_serving_telegram_and_discord_at_debug_never_prints_a_token_nor_sends_one_to_a_chat(
    tmp_path: Path, children: list[Child]
) -> None:
    story = {
        "guid": "b1",
        "title": "Bayern Munich hold talks with Xabi Alonso",
        "description": "Bayern Munich have opened talks with Xabi Alonso, The Athletic's David Ornstein reports.",
        "link": "https://news.example/b1",
    }
    async with FeedServer() as feeds:
        feeds.add("/wire.xml", rss([story]))
        (tmp_path / "feeds.toml").write_text(f'[[feed]]\nurl = "{feeds.url("/wire.xml")}"\n')
        telegram = await TelegramFake(token=TG_TOKEN).start()
        discord = await FakeDiscord(token=DC_TOKEN).start()
        try:
            env = telegram_at(telegram.base_url.removesuffix("/bot")) | discord_at(
                discord.api_base_url, discord.gateway_url
            )
            child = await Child(tmp_path, child_env(tmp_path, env)).start()
            children.append(child)
            await eventually(lambda: bool(telegram.calls_to("getUpdates")), 30, "telegram polling", child)
            await eventually(lambda: bool(discord.identify) and feeds.hits("/wire.xml") >= 2, 30, "discord", child)

            telegram.command(1001, "/rumour alonso")
            await telegram.wait_for("sendMessage", 1, seconds=10)
            telegram.fail_next("sendMessage", 400, "Bad Request: can't parse entities")
            telegram.command(1001, "/help")  # the answer fails: the adapter logs why
            await telegram.wait_for("sendMessage", 2, seconds=10)
            options = [{"name": "query", "type": 3, "value": "alonso"}]
            iid = await discord.slash("rumour", options, user_perms=0)
            answer = await discord.wait_for_call("POST", f"/interactions/{iid}/", within=10)
            run = await child.finish(terminate=True)
        finally:
            await telegram.stop()
            await discord.stop()

    assert run.returncode == 0, run.output[-3000:]
    assert "rumourbot running: telegram, discord" in run.output
    assert "can't parse entities" in run.output.lower()  # the failed answer was logged, without the token
    assert_no_token(run.output)
    assert_no_token(repr([call.params for call in telegram.calls]))  # what the chats were sent
    assert_no_token(repr(answer.json))


async def test_config_check_at_debug_prints_no_token(tmp_path: Path, children: list[Child]) -> None:
    env = child_env(tmp_path, {"TELEGRAM_TOKEN": TG_TOKEN, "DISCORD_TOKEN": DC_TOKEN, "RUMOURBOT_LLM_API_KEY": LLM_KEY})
    child = await Child(tmp_path, env, "config", "check").start()
    children.append(child)
    run = await child.finish()
    assert run.returncode == 0, run.output
    assert '"TELEGRAM_TOKEN": "***"' in run.output
    assert '"DISCORD_TOKEN": "***"' in run.output
    assert '"RUMOURBOT_LLM_API_KEY": "***"' in run.output
    assert_no_token(run.output)


@pytest.mark.parametrize("mode", ["good", "error"])
async def test_a_poll_that_asks_the_language_model_at_debug_prints_no_api_key(
    tmp_path: Path, children: list[Child], mode: str
) -> None:
    story = {
        "title": "Chelsea sack Enzo Maresca",
        "link": "https://news.example/1",
        "description": "Chelsea have sacked head coach Enzo Maresca, the club said in a statement.",
    }
    answer = {
        "is_manager_rumour": True,
        "summary": "Chelsea have sacked Enzo Maresca, the club said.",
        "rumours": [{"manager": "Enzo Maresca", "club": "Chelsea", "relation": "sacked", "confidence": 0.9}],
    }
    async with FeedServer() as feeds, FakeLLM(mode=mode, answer=answer, status=401) as llm:  # type: ignore[arg-type]
        feeds.add("/feed.xml", body=rss([story]))
        (tmp_path / "feeds.toml").write_text(f'[[feed]]\nurl = "{feeds.url("/feed.xml")}"\n')
        llm_env = {
            "RUMOURBOT_LLM_API_KEY": LLM_KEY,
            "RUMOURBOT_LLM__BASE_URL": llm.base_url,
            "RUMOURBOT_LLM__MODEL": "fake-model",
        }
        child = await Child(tmp_path, child_env(tmp_path, llm_env), "poll", "--once").start()
        children.append(child)
        run = await child.finish()
    assert run.returncode == 0, run.output[-3000:]
    assert [r.headers["Authorization"] for r in llm.requests] == [f"Bearer {LLM_KEY}"]  # the key was used
    assert "language model on: fake-model" in run.output
    if mode == "error":
        assert "HTTP 401 from the model service" in run.output
    assert " DEBUG " in run.output
    assert_no_token(run.output)
