"""The prediction game and a SIGKILL: `python -m bot run` as a child process with the feeds and the
Telegram Bot API as loopback fakes. An answer Telegram acknowledged to the fan is never lost, even when
the bot dies between receiving it and storing it; a question is never posted twice after a restart, even
when the bot dies while Telegram holds the poll but has not answered yet (docs/adr/0008-prediction-games.md)."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.domain import utcnow
from tests.e2e.process import BotProcess
from tests.e2e.stories_predictions import ALONSO_TALKS, FRANK_LINKED, GAME_ENV, SACKED
from tests.e2e.world import SKY, WIRE, Feeds, base_env, eventually, telegram_env
from tests.fakes.clock import FakeClock
from tests.fakes.feed_server import FeedServer
from tests.fakes.telegram_server import TelegramFake

pytestmark = pytest.mark.slow
GROUP, ADMIN, FAN = -1007, 7, 301
FAST = {"RUMOURBOT_PREDICTIONS__TICK_SECONDS": "0.5"}


class SlowPolls(TelegramFake):
    """sendPoll posts the poll at once but answers ``delay`` seconds later: a kill meanwhile lands after
    Telegram has the poll (the case in which a blind resend would ask the question twice)."""

    def __init__(self) -> None:
        super().__init__()
        self.delay = 0.0
        self.waiting = 0

    async def _send_poll(self, params: dict[str, Any]) -> Any:
        result = await super()._send_poll(params)
        if self.delay and isinstance(result, dict):
            self.waiting += 1
            try:
                await asyncio.sleep(self.delay)
            finally:
                self.waiting -= 1
        return result


@pytest.fixture
async def feeds() -> AsyncIterator[Feeds]:
    async with FeedServer() as srv:
        yield Feeds(srv, FakeClock(utcnow()))


@pytest.fixture
async def tg() -> AsyncIterator[SlowPolls]:
    fake = SlowPolls()
    fake.set_admin(GROUP, ADMIN)
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
async def processes() -> AsyncIterator[list[BotProcess]]:
    started: list[BotProcess] = []
    yield started
    for proc in started:
        await proc.close()


async def until(ok: Callable[[], bool], seconds: float, what: str, proc: BotProcess) -> None:
    await eventually(ok, seconds, what, lambda: f"; the bot's log:\n{proc.stderr()[-4000:]}")


def db(env: dict[str, str]) -> sqlite3.Connection:
    return sqlite3.connect(env["RUMOURBOT_STORE__URL"].removeprefix("sqlite:///"), timeout=10)


def answers(env: dict[str, str]) -> list[tuple[Any, ...]]:
    with db(env) as conn:
        return conn.execute("SELECT question_id, user_id, choice FROM question_answers ORDER BY id").fetchall()


async def a_question_is_asked(
    tmp_path: Path, feeds: Feeds, tg: SlowPolls, processes: list[BotProcess]
) -> tuple[dict[str, str], BotProcess]:
    """The bot running, following Chelsea in a group, and Chelsea's open job hot enough to be asked about."""
    env = base_env(tmp_path, feeds.write_toml(tmp_path / "feeds.toml")) | telegram_env(tg) | GAME_ENV | FAST
    proc = await BotProcess(env, tmp_path / "bot.log").start()
    processes.append(proc)
    await until(
        lambda: bool(tg.calls_to("getUpdates")) and all(feeds.srv.hits(f) >= 2 for f in (WIRE, SKY)), 20, "start", proc
    )
    tg.command(GROUP, "/follow chelsea", chat_type="supergroup", user_id=ADMIN)
    await tg.wait_for("sendMessage", 1, seconds=10)
    for story in (SACKED, ALONSO_TALKS, FRANK_LINKED):
        feeds.publish(story)
    return env, proc


async def test_an_answer_received_but_not_yet_stored_when_the_bot_is_killed_is_stored_after_the_restart(
    tmp_path: Path, feeds: Feeds, tg: SlowPolls, processes: list[BotProcess]
) -> None:
    env, proc = await a_question_is_asked(tmp_path, feeds, tg, processes)
    await until(lambda: bool(tg.polls), 20, "the question's poll", proc)
    poll_id = tg.poll_in(GROUP)["poll"]["id"]
    await until(lambda: _question_posted(env) == "", 10, "the poll recorded as posted", proc)

    lock = db(env)  # another writer holds the database: the bot's recording of the answer has to wait
    lock.execute("BEGIN IMMEDIATE")
    try:
        tg.vote(poll_id, FAN, [1], name="Fan")  # Telegram shows the fan their vote
        await until(lambda: any("poll_answer" in u for u in tg.served), 10, "the answer handed to the bot", proc)
        await asyncio.sleep(0.3)  # the bot is waiting to store it
        proc.kill()
        assert await proc.wait() != 0
    finally:
        lock.rollback()
        lock.close()
    assert answers(env) == []  # the kill landed between receiving the answer and storing it

    proc = await BotProcess(env, tmp_path / "bot.log").start()
    processes.append(proc)
    await until(lambda: bool(answers(env)), 20, "the answer, delivered again by Telegram and stored", proc)
    await asyncio.sleep(1.0)
    assert await proc.stop() == 0, proc.stderr()
    assert answers(env) == [(1, str(FAN), 1)]
    served = [u["update_id"] for u in tg.served if "poll_answer" in u]
    assert len(served) >= 2  # the same update, again: it had not been confirmed before the kill
    assert len(set(served)) == 1


async def test_a_poll_telegram_holds_when_the_bot_is_killed_is_not_asked_again_and_its_answers_still_count(
    tmp_path: Path, feeds: Feeds, tg: SlowPolls, processes: list[BotProcess]
) -> None:
    tg.delay = 1.0  # the poll is posted, the answer to sendPoll comes a second later
    env, proc = await a_question_is_asked(tmp_path, feeds, tg, processes)
    await until(lambda: tg.waiting > 0, 20, "the poll posted, its answer held back", proc)
    await asyncio.sleep(0.3)
    proc.kill()
    assert await proc.wait() != 0
    tg.delay = 0.0
    await asyncio.sleep(1.0)

    proc = await BotProcess(env, tmp_path / "bot.log").start()
    processes.append(proc)
    await until(lambda: _question_posted(env) == "presumed delivered: in flight at a crash", 20, "presumed", proc)
    await asyncio.sleep(2.0)  # referee ticks and post rounds: nothing is asked again
    assert len(tg.calls_to("sendPoll")) == 1
    poll_id = tg.poll_in(GROUP)["poll"]["id"]
    tg.vote(poll_id, FAN, [0], name="Fan")  # the poll's own update names question #1: it is matched
    await until(lambda: answers(env) == [(1, str(FAN), 0)], 20, "the answer joined to question #1", proc)
    assert await proc.stop() == 0, proc.stderr()
    assert len(tg.calls_to("sendPoll")) == 1


def _question_posted(env: dict[str, str]) -> str | None:
    """The question post's state: its error ('' when sent normally), or None while not sent."""
    with db(env) as conn:
        rows = conn.execute(
            "SELECT status, coalesce(last_error, '') FROM question_posts WHERE kind = 'question'"
        ).fetchall()
    return str(rows[0][1]) if rows and rows[0][0] == "sent" else None
