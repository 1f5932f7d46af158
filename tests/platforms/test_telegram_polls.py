"""Prediction questions on Telegram, through the real python-telegram-bot against the fake Bot API: a
non-anonymous poll per question, stopped at the lock, and every answer handed to the game — recorded
before Telegram is told the update was received."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.domain import ChatRef
from bot.platforms.telegram_adapter import TelegramAdapter
from bot.predictions.ports import PollSeen, Vote
from bot.render.card import QuestionCard
from tests.e2e.world import eventually
from tests.fakes.telegram_harness import Harness, harness

GROUP = ChatRef("telegram", "-1002")
CARD = QuestionCard(12, "Who will be Chelsea's next permanent manager? (#12)", ("Xabi Alonso", "Someone else"), "note")


@pytest.fixture
async def h() -> AsyncIterator[Harness]:
    async with harness() as running:
        yield running


@pytest.fixture
async def tg(h: Harness) -> TelegramAdapter:
    return await h.bot()


async def test_a_question_is_a_non_anonymous_poll_and_its_message_and_poll_ids_come_back(
    h: Harness, tg: TelegramAdapter
) -> None:
    marks: list[bool] = []

    async def mark(flying: bool) -> None:
        marks.append(flying)

    message_id, poll_id = await tg.post_question(GROUP, CARD, nonce="rb-q1", in_flight=mark)
    [sent] = h.srv.calls_to("sendPoll")
    assert (sent["chat_id"], sent["question"], sent["is_anonymous"]) == ("-1002", CARD.question, "false")
    assert [o["text"] for o in sent["options"]] == ["Xabi Alonso", "Someone else"]
    assert poll_id == h.srv.poll_in(-1002)["poll"]["id"]
    assert message_id == str(h.srv.poll_in(-1002)["message_id"])
    assert marks == [True]  # in flight the instant the request was written, like an alert
    assert await tg.post_question(GROUP, CARD, nonce="rb-q1") == (message_id, poll_id)  # a retry posts nothing
    assert len(h.srv.calls_to("sendPoll")) == 1


async def test_a_question_in_a_forum_topic_is_asked_in_that_topic(h: Harness, tg: TelegramAdapter) -> None:
    await tg.post_question(ChatRef("telegram", "-1005", "77"), CARD)
    [sent] = h.srv.calls_to("sendPoll")
    assert sent["message_thread_id"] == "77"


async def test_the_lock_stops_the_poll_and_stopping_it_again_is_fine(h: Harness, tg: TelegramAdapter) -> None:
    message_id, poll_id = await tg.post_question(GROUP, CARD)
    await tg.close_question(GROUP, message_id, CARD)
    assert h.srv.polls[poll_id]["poll"]["is_closed"]
    await tg.close_question(GROUP, message_id, CARD)
    assert len(h.srv.calls_to("stopPoll")) == 2
    assert not h.srv.vote(poll_id, 5, [0])  # a stopped poll takes no answer


async def test_answers_changes_and_withdrawals_reach_the_game_with_the_voter_and_the_poll(
    h: Harness, tg: TelegramAdapter
) -> None:
    _, poll_id = await tg.post_question(GROUP, CARD)
    h.srv.vote(poll_id, 5, [0], name="Ann")
    h.srv.vote(poll_id, 5, [1], name="Ann")
    h.srv.vote(poll_id, 6, [], name="Bob")
    await eventually(lambda: len([v for v in h.votes if isinstance(v, Vote)]) >= 3, 5, "three answers")
    votes = [v for v in h.votes if isinstance(v, Vote)]
    assert [(v.user_id, v.user_name, v.choice, v.poll_ref) for v in votes] == [
        ("5", "Ann", 0, poll_id),
        ("5", "Ann", 1, poll_id),
        ("6", "Bob", None, poll_id),
    ]
    assert len({v.dedupe for v in votes}) == 3
    assert PollSeen(poll_id, 12) in h.votes  # the poll's state names its question: a lost poll id is found


async def test_an_answer_that_could_not_be_recorded_is_asked_for_again_and_recorded_then(
    h: Harness, tg: TelegramAdapter
) -> None:
    _, poll_id = await tg.post_question(GROUP, CARD)
    h.refuse_votes = 1
    h.srv.vote(poll_id, 5, [0], name="Ann")
    await eventually(lambda: any(isinstance(v, Vote) for v in h.votes), 10, "the answer, on the second delivery")
    served = [u["update_id"] for u in h.srv.served if "poll_answer" in u]
    assert len(served) >= 2  # handed out again: the failed attempt did not confirm it to Telegram
    assert len(set(served)) == 1
    assert [v.choice for v in h.votes if isinstance(v, Vote)] == [0]
