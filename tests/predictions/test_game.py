"""Opening and closing questions, and taking answers, on a real store: every refusal names the problem."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.domain import Relation
from bot.predictions.game import Refusal
from bot.predictions.ports import PollSeen, Vote
from bot.questions import NO, SOMEONE_ELSE, YES, QuestionKind, QuestionStatus
from bot.store.sqlite import SQLiteStore
from tests.builders import add_report
from tests.predictions.support import CHAT, NOW, Table

DAY = timedelta(days=1)


@pytest.fixture
async def t(store: SQLiteStore) -> Table:
    """Chelsea sacked Maresca three days ago; Alonso (talks, tier 1), Frank (linked, tier 4) and Mancini
    (denied) are the threads at Chelsea; Arteta is under pressure at Arsenal."""
    await add_report(store, "Enzo Maresca", "Chelsea", Relation.SACKED, NOW - 3 * DAY, source="Chelsea", tier=0)
    await add_report(store, "Xabi Alonso", "Chelsea", Relation.TALKS, NOW - DAY, source="David Ornstein")
    await add_report(store, "Thomas Frank", "Chelsea", Relation.LINKED, NOW - DAY, source="The Sun", tier=4)
    await add_report(store, "Roberto Mancini", "Chelsea", Relation.DENIED, NOW - DAY, source="Sky Sports")
    await add_report(store, "Mikel Arteta", "Arsenal", Relation.UNDER_PRESSURE, NOW - DAY, source="The Sun", tier=4)
    return Table.set(store)


async def test_a_job_question_offers_the_candidates_hottest_first_then_someone_else(t: Table) -> None:
    opened = await t.game.open_job(CHAT, "Chelsea", "7")
    q = opened.question
    assert (q.kind, q.club, q.manager) == (QuestionKind.NEXT_MANAGER, "Chelsea", "Enzo Maresca")
    assert q.options == ("Xabi Alonso", "Thomas Frank", SOMEONE_ELSE)
    assert (q.opened_by, q.deadline) == ("7", NOW + 30 * DAY)


async def test_a_job_question_lists_at_most_nine_candidates(t: Table) -> None:
    for n in range(12):
        await add_report(t.store, f"Manager {n:02d}", "Chelsea", Relation.LINKED, NOW - DAY, source="The Sun", tier=4)
    opened = await t.game.open_job(CHAT, "Chelsea", "7")
    assert len(opened.question.options) == 10
    assert opened.question.options[-1] == SOMEONE_ELSE
    assert opened.candidates_left_out == 5


async def test_a_pressure_question_asks_about_the_club_of_his_pressure_thread_with_yes_and_no(t: Table) -> None:
    q = (await t.game.open_pressure(CHAT, "Mikel Arteta", "7", NOW + 10 * DAY)).question
    assert (q.kind, q.club, q.manager, q.options, q.deadline) == (
        QuestionKind.STILL_IN_CHARGE, "Arsenal", "Mikel Arteta", (YES, NO), NOW + 10 * DAY,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("attempt", "problem"),
    [
        (lambda t: t.game.open_job(CHAT, "Arsenal", "7"), "Nobody is linked with the Arsenal job yet"),
        (lambda t: t.game.open_pressure(CHAT, "Enzo Maresca", "7"), "Enzo Maresca already left Chelsea"),
        (lambda t: t.game.open_pressure(CHAT, "Pep Guardiola", "7"), "I don't know where Pep Guardiola is in charge"),
        (lambda t: t.game.open_job(CHAT, "Chelsea", "7", NOW - DAY), r"must be in the future"),
        (lambda t: t.game.open_job(CHAT, "Chelsea", "7", NOW + 400 * DAY), r"within a year"),
    ],
)
async def test_a_question_that_cannot_be_asked_is_refused_saying_why(t: Table, attempt: object, problem: str) -> None:
    with pytest.raises(Refusal, match=problem):
        await attempt(t)  # type: ignore[operator]


async def test_a_filled_job_is_refused_and_a_saga_already_asked_names_its_question(t: Table) -> None:
    first = (await t.game.open_job(CHAT, "Chelsea", "7")).question
    with pytest.raises(Refusal, match=rf"already has a live question on that saga \(#{first.id}\)"):
        await t.game.open_job(CHAT, "Chelsea", "8")
    await add_report(t.store, "Xabi Alonso", "Chelsea", Relation.APPOINTED, NOW, source="Chelsea", tier=0)
    with pytest.raises(Refusal, match=r"The Chelsea job went to Xabi Alonso \(03 Nov 2025\): it is no longer open"):
        await t.game.open_job("test:other:", "Chelsea", "7")


async def test_a_chat_has_at_most_its_limit_of_live_questions(store: SQLiteStore) -> None:
    await add_report(store, "Mikel Arteta", "Arsenal", Relation.UNDER_PRESSURE, NOW - DAY, source="The Sun", tier=4)
    await add_report(store, "Xabi Alonso", "Chelsea", Relation.TALKS, NOW - DAY)
    t = Table.set(store, max_open_per_chat=1)
    first = (await t.game.open_pressure(CHAT, "Mikel Arteta", "7")).question
    with pytest.raises(Refusal, match=rf"already has 1 live questions \(#{first.id}\); the limit is 1"):
        await t.game.open_job(CHAT, "Chelsea", "7")


async def test_closing_locks_the_one_open_question_once_and_names_the_problem_otherwise(t: Table) -> None:
    with pytest.raises(Refusal, match="no open question to close"):
        await t.game.close(CHAT, None)
    q = (await t.game.open_job(CHAT, "Chelsea", "7")).question
    other = (await t.game.open_pressure("test:other:", "Mikel Arteta", "7")).question
    t.clock.advance(hours=1)
    closed = await t.game.close(CHAT, None)
    assert (closed.id, closed.status, closed.locked_at) == (q.id, QuestionStatus.LOCKED, NOW + timedelta(hours=1))
    with pytest.raises(Refusal, match=rf"Question #{q.id} is already closed \(03 Nov 2025\)"):
        await t.game.close(CHAT, q.id)
    with pytest.raises(Refusal, match=rf"There is no question #{other.id} in this chat"):
        await t.game.close(CHAT, other.id)
    with pytest.raises(Refusal, match="There is no question #999 in this chat"):
        await t.game.close(CHAT, 999)


async def test_with_two_open_questions_close_asks_which(t: Table) -> None:
    a = (await t.game.open_job(CHAT, "Chelsea", "7")).question
    b = (await t.game.open_pressure(CHAT, "Mikel Arteta", "7")).question
    with pytest.raises(Refusal, match=rf"Which one\? Open here: #{b.id}, #{a.id}"):
        await t.game.close(CHAT, None)


async def test_a_menu_answer_is_recorded_then_confirmed_and_one_after_the_lock_is_told_it_does_not_count(
    t: Table,
) -> None:
    q = (await t.game.open_job(CHAT, "Chelsea", "7")).question
    said = await t.game.answer(Vote("test", "1", "Ann", 1, "i-1", question_id=q.id))
    assert (
        said
        == f"Your call on #{q.id}: Thomas Frank. Recorded at 03 Nov 12:00 UTC; you can change it until the question"
        " locks."
    )
    assert (
        await t.game.answer(Vote("test", "1", "Ann", 7, "i-2", question_id=q.id))
        == "That is not one of the question's options."
    )
    assert (
        await t.game.answer(Vote("test", "1", "Ann", 0, "i-3", question_id=424242)) == "That question no longer exists."
    )
    await t.game.close(CHAT, q.id)
    late = await t.game.answer(Vote("test", "1", "Ann", 0, "i-4", question_id=q.id))
    assert late == f"Question #{q.id} is locked: calls made after 03 Nov 12:00 UTC do not count."
    assert [(a.choice, a.dedupe) for a in await t.store.predictions.answers(q.id)] == [(1, "i-1"), (0, "i-4")]


async def test_poll_answers_find_their_question_by_the_poll_and_a_seen_poll_matches_one_presumed_posted(
    t: Table,
) -> None:
    q = (await t.game.open_job(CHAT, "Chelsea", "7")).question
    votes = [
        Vote("telegram", "1", "Ann", 0, "tg:1", poll_ref="p-9"),
        Vote("telegram", "2", "Bob", 2, "tg:2", poll_ref="p-9"),
    ]
    assert await t.game.record(votes) == 2
    assert await t.store.predictions.answers(q.id) == []
    assert await t.game.record([PollSeen("p-9", q.id), *votes]) == 0  # the update came again: nothing new
    assert [(a.user_id, a.choice) for a in await t.store.predictions.answers(q.id)] == [("1", 0), ("2", 2)]
