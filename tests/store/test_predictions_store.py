"""The prediction game's rows on both backends (``store_url``: SQLite and PostgreSQL): questions, answers,
scores, the game's outbox and the saga reads the game and its outcome port use."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.domain import Cause, Outcome, Relation, TargetKind
from bot.questions import (
    NO,
    RULING,
    SOMEONE_ELSE,
    YES,
    Answer,
    NewQuestion,
    Player,
    PostKind,
    QuestionKind,
    QuestionStatus,
    Score,
)
from bot.store.base import NewResolution
from bot.store.sql import Store
from tests.builders import add_report
from tests.store.contract_support import open_url

NOW = datetime(2025, 11, 20, 12, 0, tzinfo=UTC)
CHAT, OTHER = "test:fans:", "test:others:"
JOB = NewQuestion(
    CHAT, QuestionKind.NEXT_MANAGER, "Chelsea", "Enzo Maresca", ("Xabi Alonso", "Thomas Frank", SOMEONE_ELSE),
    NOW, "7", NOW + timedelta(days=30),
)  # fmt: skip
PRESSURE = NewQuestion(
    CHAT, QuestionKind.STILL_IN_CHARGE, "Arsenal", "Mikel Arteta", (YES, NO), NOW, "auto", NOW + timedelta(days=30)
)


@pytest.fixture
async def db(store_url: str) -> AsyncIterator[Store]:
    opened = await open_url(store_url)
    try:
        yield opened
    finally:
        await opened.close()


def vote(
    user: str, choice: int | None, at: datetime, *, qid: int | None = None, poll: str = "", key: str = ""
) -> Answer:
    return Answer(user, f"Fan {user}", choice, at, qid, "telegram", poll, key or f"{user}-{at.isoformat()}-{choice}")


# -- questions ------------------------------------------------------------------------------------


async def test_a_question_is_stored_with_its_post_queued_and_a_saga_is_asked_once_per_chat(db: Store) -> None:
    q = await db.predictions.open_question(JOB)
    assert q is not None
    assert (q.kind, q.club, q.options, q.status, q.opened_at) == (
        QuestionKind.NEXT_MANAGER, "Chelsea", JOB.options, QuestionStatus.OPEN, NOW,
    )  # fmt: skip
    assert [t.kind for t in await db.predictions.post_traces(q.id)] == [PostKind.QUESTION]
    assert await db.predictions.open_question(JOB) is None
    elsewhere = await db.predictions.open_question(replace(JOB, chat_key=OTHER))
    assert elsewhere is not None
    other_saga = await db.predictions.open_question(PRESSURE)
    assert other_saga is not None
    assert [x.id for x in await db.predictions.questions(CHAT, live_only=True)] == [other_saga.id, q.id]


async def test_a_locked_question_is_locked_once_and_a_resolved_one_frees_the_saga_for_a_new_question(db: Store) -> None:
    q = await db.predictions.open_question(JOB)
    assert q is not None
    assert await db.predictions.lock_question(q.id, NOW + timedelta(days=1))
    assert not await db.predictions.lock_question(q.id, NOW + timedelta(days=2))
    locked = await db.predictions.question(q.id)
    assert locked is not None
    assert (locked.status, locked.locked_at) == (QuestionStatus.LOCKED, NOW + timedelta(days=1))
    assert await db.predictions.open_question(JOB) is None  # a locked question is still live
    resolved = await db.predictions.resolve_question(
        q.id, QuestionStatus.RESOLVED, outcome=0, text_="Chelsea appointed Xabi Alonso",
        outcome_at=NOW + timedelta(days=3), source="Chelsea", season="2025-26", scores=(), now=NOW + timedelta(days=3),
    )  # fmt: skip
    assert resolved
    assert [t.kind for t in await db.predictions.post_traces(q.id)] == [
        PostKind.QUESTION,
        PostKind.LOCK,
        PostKind.RESULTS,
    ]
    assert await db.predictions.open_question(JOB) is not None


async def test_resolving_writes_the_scores_once_and_the_leaderboard_adds_them_up_by_season(db: Store) -> None:
    q = await db.predictions.open_question(JOB)
    assert q is not None

    def scored(fan: str, points: int, *, correct: bool = True, player: Player = Player.FAN) -> Score:
        return Score(q.id, player, fan, f"Fan {fan}", "Xabi Alonso", NOW, correct, points, "David Ornstein", 3600)

    scores = [scored("a", 90), scored("b", 0, correct=False), scored("David Ornstein", 60, player=Player.SOURCE)]
    args = {"outcome": 0, "text_": "x", "outcome_at": NOW, "source": "", "season": "2025-26", "now": NOW}
    assert await db.predictions.resolve_question(q.id, QuestionStatus.RESOLVED, scores=scores, **args)  # type: ignore[arg-type]
    assert not await db.predictions.resolve_question(q.id, QuestionStatus.RESOLVED, scores=scores, **args)  # type: ignore[arg-type]
    assert await db.predictions.scores(q.id) == sorted(scores, key=lambda s: (s.player.value, -s.points))
    assert sorted(await db.predictions.totals(CHAT, "2025-26")) == [("a", "Fan a", 90, 1, 1), ("b", "Fan b", 0, 1, 0)]
    assert await db.predictions.totals(CHAT, "2024-25") == []
    assert await db.predictions.seasons(CHAT) == ["2025-26"]
    assert [s.points for s in await db.predictions.fan_scores(CHAT, "a")] == [90]


# -- answers --------------------------------------------------------------------------------------


async def test_answers_are_added_once_each_and_a_telegram_answer_finds_its_question_by_the_poll(db: Store) -> None:
    q = await db.predictions.open_question(JOB)
    assert q is not None
    [post] = await db.predictions.claim_posts(["test"], NOW, 10, lease_for=timedelta(minutes=1))
    await db.predictions.post_sent(post, "55", "poll-1", NOW)
    first = vote("a", 0, NOW, poll="poll-1", key="u1")
    assert await db.predictions.record_answers([first, vote("b", 1, NOW, qid=q.id, key="u2")]) == 2
    assert await db.predictions.record_answers([first]) == 0  # a redelivered update
    assert [(a.user_id, a.choice, a.question_id) for a in await db.predictions.answers(q.id)] == [
        ("a", 0, q.id),
        ("b", 1, q.id),
    ]
    assert await db.predictions.answer_counts([q.id]) == {q.id: 2}
    assert (await db.predictions.question(q.id)).poll_ref == "poll-1"  # type: ignore[union-attr]


async def test_answers_to_a_poll_not_yet_matched_wait_and_join_the_question_when_it_is(db: Store) -> None:
    q = await db.predictions.open_question(JOB)
    assert q is not None
    await db.predictions.record_answers([vote("a", 0, NOW, poll="lost-poll"), vote("b", None, NOW, poll="lost-poll")])
    assert await db.predictions.answers(q.id) == []
    assert await db.predictions.unmatched_answers() == 2
    assert await db.predictions.match_poll(q.id, "lost-poll")
    assert not await db.predictions.match_poll(q.id, "lost-poll")
    assert [(a.user_id, a.choice) for a in await db.predictions.answers(q.id)] == [("a", 0), ("b", None)]
    assert await db.predictions.unmatched_answers() == 0


# -- the game's outbox ----------------------------------------------------------------------------


async def test_posts_are_claimed_once_and_one_in_flight_at_a_crash_is_presumed_posted(db: Store) -> None:
    q1 = await db.predictions.open_question(JOB)
    q2 = await db.predictions.open_question(PRESSURE)
    assert q1 is not None
    assert q2 is not None
    posts = await db.predictions.claim_posts(["test"], NOW, 10, worker="w1", lease_for=timedelta(minutes=1))
    assert [(p.question_id, p.kind, p.attempts) for p in posts] == [
        (q1.id, PostKind.QUESTION, 1),
        (q2.id, PostKind.QUESTION, 1),
    ]
    assert await db.predictions.claim_posts(["test"], NOW, 10, worker="w2", lease_for=timedelta(minutes=1)) == []
    await db.predictions.post_in_flight(posts[0].id, NOW)
    assert await db.predictions.release_post_claims() == 1  # the other one goes back to the queue
    assert [t.status for t in await db.predictions.post_traces(q1.id)] == ["sent"]
    assert [t.status for t in await db.predictions.post_traces(q2.id)] == ["pending"]
    [again] = await db.predictions.claim_posts(["test"], NOW, 10, lease_for=timedelta(minutes=1))
    assert (again.question_id, again.attempts) == (q2.id, 2)


async def test_a_gone_chat_drops_its_queued_posts(db: Store) -> None:
    q = await db.predictions.open_question(JOB)
    assert q is not None
    await db.follow(CHAT, TargetKind.CLUB, "Chelsea", "", NOW)
    await db.deactivate_chat(CHAT)
    assert [t.status for t in await db.predictions.post_traces(q.id)] == ["dropped"]


async def test_automatic_questions_can_be_turned_off_per_chat_and_watchers_leave_that_chat_out(db: Store) -> None:
    await db.follow(CHAT, TargetKind.CLUB, "Chelsea", "", NOW)
    await db.follow(OTHER, TargetKind.ALL, "all", "", NOW)
    await db.follow("test:maresca:", TargetKind.MANAGER, "Enzo Maresca", "", NOW)
    await db.follow("test:arsenal:", TargetKind.CLUB, "Arsenal", "", NOW)
    assert await db.sagas.watchers("Chelsea", "Enzo Maresca") == [CHAT, "test:maresca:", OTHER]
    assert await db.predictions.set_auto(CHAT, False, NOW)
    assert not await db.predictions.set_auto(CHAT, False, NOW)
    assert not await db.predictions.auto_on(CHAT)
    assert await db.sagas.watchers("Chelsea", "Enzo Maresca") == ["test:maresca:", OTHER]


# -- sagas ----------------------------------------------------------------------------------------


async def test_outcomes_are_done_reports_and_a_caretaker_is_not_the_permanent_appointment(db: Store) -> None:
    day = timedelta(days=1)
    await add_report(db, "Enzo Maresca", "Chelsea", Relation.SACKED, NOW, source="Chelsea", tier=0)
    await add_report(db, "Calum McFarlane", "Chelsea", Relation.APPOINTED, NOW + day, source="Chelsea", caretaker=True)
    await add_report(db, "Xabi Alonso", "Chelsea", Relation.TALKS, NOW + day, source="David Ornstein")
    await add_report(db, "Xabi Alonso", "Chelsea", Relation.APPOINTED, NOW + 5 * day, source="Chelsea", tier=0)
    await add_report(db, "Ange Postecoglou", "Nottingham Forest", Relation.SACKED, NOW - 40 * day, source="BBC Sport")
    [hired] = await db.sagas.appointments(["Chelsea", "Arsenal"], NOW)
    assert (hired.manager, hired.club, hired.at, hired.source) == ("Xabi Alonso", "Chelsea", NOW + 5 * day, "Chelsea")
    assert [(d.manager, d.event) for d in await db.sagas.departures(None, NOW - 60 * day)] == [
        ("Ange Postecoglou", "sacked"),
        ("Enzo Maresca", "sacked"),
    ]
    assert [d.manager for d in await db.sagas.departures([("Enzo Maresca", "Chelsea")], NOW - 60 * day)] == [
        "Enzo Maresca"
    ]
    assert await db.sagas.departures([("Mikel Arteta", "Arsenal")], NOW - 60 * day) == []


async def test_candidates_pressure_and_the_reports_sources_are_scored_by(db: Store) -> None:
    day = timedelta(days=1)
    await add_report(db, "Xabi Alonso", "Chelsea", Relation.TALKS, NOW - day, source="David Ornstein")
    await add_report(db, "Thomas Frank", "Chelsea", Relation.LINKED, NOW - 2 * day, source="The Sun", tier=4)
    await add_report(
        db, "Thomas Frank", "Chelsea", Relation.LINKED, NOW - day, source="The Sun", tier=4, duplicate=True
    )
    await add_report(db, "Roberto Mancini", "Chelsea", Relation.DENIED, NOW - day, source="Sky Sports")
    await add_report(db, "Mikel Arteta", "Arsenal", Relation.UNDER_PRESSURE, NOW - day, source="The Sun", tier=4)
    assert [c.manager for c in await db.sagas.candidates("Chelsea", NOW - 30 * day, NOW)] == [
        "Xabi Alonso",
        "Thomas Frank",
    ]
    [pressure] = await db.sagas.under_pressure(NOW - 7 * day, NOW)
    assert (pressure.manager, pressure.club) == ("Mikel Arteta", "Arsenal")
    reports = await db.sagas.saga_reports("Chelsea", NOW - 30 * day, NOW)
    assert [(r.manager, r.source) for r in reports] == [
        ("Thomas Frank", "The Sun"),
        ("Xabi Alonso", "David Ornstein"),
        ("Roberto Mancini", "Sky Sports"),
    ]


async def test_an_outcome_is_the_latest_resolution_so_an_operator_can_overrule_a_story_or_rule_one(db: Store) -> None:
    day = timedelta(days=1)
    await add_report(db, "Xabi Alonso", "Chelsea", Relation.APPOINTED, NOW, source="Chelsea", tier=0)
    await add_report(db, "Thomas Frank", "Arsenal", Relation.TALKS, NOW, source="The Sun", tier=4)
    await add_report(db, "Oliver Glasner", "Everton", Relation.AGREED, NOW, source="David Ornstein")
    [chelsea] = await db.threads_about(club="Chelsea")
    [arsenal] = await db.threads_about(club="Arsenal")
    assert chelsea.state.id is not None
    assert arsenal.state.id is not None
    async with db.transaction() as tx:  # the story was misread; and Frank's move is confirmed by hand
        await tx.resolve(
            [NewResolution(chelsea.state.id, Outcome.FALSE, Cause.OPERATOR, None, "console:op")], NOW + day
        )
        await tx.resolve([NewResolution(arsenal.state.id, Outcome.TRUE, Cause.OPERATOR, None, "console:op")], NOW + day)
    found = {
        (a.club, a.manager, a.event, a.at, a.source)
        for a in await db.sagas.appointments(["Chelsea", "Arsenal", "Everton"], NOW)
    }
    assert found == {
        ("Arsenal", "Thomas Frank", RULING, NOW + day, ""),
        ("Everton", "Oliver Glasner", "agreed", NOW, "David Ornstein"),
    }
