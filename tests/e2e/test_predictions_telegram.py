"""The prediction game's acceptance line on Telegram: the real python-telegram-bot against the fake Bot
API, the real pipeline and the composition root's wiring. A saga opens a question (a poll), three users
answer (one changes their mind), the saga resolves, scores and the leaderboard are right, and the results
post goes out once."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.questions import Player, QuestionKind, QuestionStatus
from tests.e2e.stories_predictions import ALONSO_TALKS, APPOINTED, FRANK_LINKED, GAME_ENV, SACKED
from tests.e2e.world import World, eventually, telegram_env, world
from tests.fakes.telegram_markup import telegram_text
from tests.fakes.telegram_server import TelegramFake

GROUP = -1009
ADMIN = 7
ANN, BOB, CAT = 101, 102, 103


@pytest.fixture
async def srv() -> AsyncIterator[TelegramFake]:
    fake = await TelegramFake().start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
async def w(tmp_path: Path, srv: TelegramFake) -> AsyncIterator[World]:
    srv.set_admin(GROUP, ADMIN)
    async with world(tmp_path, telegram_env(srv) | GAME_ENV) as running:
        yield running


async def say(srv: TelegramFake, text: str, *, user: int = ADMIN) -> str:
    before = len(srv.calls_to("sendMessage"))
    srv.command(GROUP, text, chat_type="supergroup", user_id=user)
    answer: dict[str, Any] = (await srv.wait_for("sendMessage", before + 1))[before]
    return telegram_text(answer["text"])


def results_posts(srv: TelegramFake) -> list[str]:
    return [t for t in (telegram_text(c["text"]) for c in srv.calls_to("sendMessage")) if "\nAnswer: " in t]


async def test_a_saga_opens_a_poll_three_fans_answer_it_resolves_and_the_results_post_goes_out_once(
    w: World, srv: TelegramFake
) -> None:
    assert (await say(srv, "/follow chelsea")).startswith("Following Chelsea.")
    w.publish(SACKED)
    await w.cycle()
    w.publish(ALONSO_TALKS)
    w.publish(FRANK_LINKED)
    await w.cycle()  # the job is open and hot: the bot asks the chat that follows Chelsea

    [asked] = srv.calls_to("sendPoll")
    assert asked["chat_id"] == str(GROUP)
    assert asked["is_anonymous"] == "false"
    assert asked["question"] == "Who will be Chelsea's next permanent manager? (#1)"
    assert [o["text"] for o in asked["options"]] == ["Xabi Alonso", "Thomas Frank", "Someone else"]
    poll_id = srv.poll_in(GROUP)["poll"]["id"]

    store = w.core.store.predictions
    srv.vote(poll_id, ANN, [0], name="Ann")  # Alonso
    srv.vote(poll_id, BOB, [1], name="Bob")  # Frank
    srv.vote(poll_id, CAT, [1], name="Cat")  # Frank …
    await eventually(lambda: _answers(w, 3), 10, "three answers recorded")
    w.clock.advance(days=2)
    srv.vote(poll_id, CAT, [0], name="Cat")  # … then Alonso, two days later
    await eventually(lambda: _answers(w, 4), 10, "the change recorded")

    w.clock.advance(days=2)
    w.publish(APPOINTED)
    await w.cycle()  # Chelsea appoint Alonso: the question resolves
    q = await store.question(1)
    assert q is not None
    assert (q.kind, q.status, q.options[q.outcome or 0]) == (
        QuestionKind.NEXT_MANAGER,
        QuestionStatus.RESOLVED,
        "Xabi Alonso",
    )
    fans = {s.name: (s.correct, s.points) for s in await store.scores(1) if s.player is Player.FAN}
    # 4 days and 2 seconds from the opening to the appointment: Ann called it at the start, Cat halfway
    assert fans == {"Ann": (True, 100), "Bob": (False, 0), "Cat": (True, 75)}
    assert srv.polls[poll_id]["poll"]["is_closed"]  # the poll was stopped at the lock

    [results] = results_posts(srv)
    assert results.startswith("Question #1: Who will be Chelsea's next permanent manager?\nAnswer: Xabi Alonso")
    assert "Called it: Ann (100), Cat (75). 1 wrong." in results
    assert "Ann called it a few minutes after David Ornstein." in results  # his story came just before the poll
    assert "First insider to call it: David Ornstein" in results

    board = await say(srv, "/leaderboard", user=ANN)
    assert board.splitlines()[1:] == [
        "1. Ann — 100 pts (1/1 right)",
        "2. Cat — 75 pts (1/1 right)",
        "3. Bob — 0 pts (0/1 right)",
    ]
    await w.cycle()
    await w.cycle()
    assert len(results_posts(srv)) == 1
    assert len(srv.calls_to("sendPoll")) == 1


async def _answers(w: World, count: int) -> bool:
    return len(await w.core.store.predictions.answers(1)) >= count
