"""The referee on a real store: questions lock at their deadline, resolve when the saga's outcome is
reported (done reports only), score every call, post the results once; with auto on, hot sagas get
questions in the chats that follow them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.domain import Cause, Outcome, Relation, TargetKind
from bot.questions import NO, YES, Player, PostKind, QuestionKind, QuestionStatus
from bot.store.base import NewResolution
from bot.store.sqlite import SQLiteStore
from tests.builders import add_report
from tests.predictions.support import CHAT, NOW, Table

DAY = timedelta(days=1)


@pytest.fixture
async def t(store: SQLiteStore) -> Table:
    await add_report(store, "Enzo Maresca", "Chelsea", Relation.SACKED, NOW - 3 * DAY, source="Chelsea", tier=0)
    await add_report(store, "Xabi Alonso", "Chelsea", Relation.TALKS, NOW - DAY, source="The Sun", tier=4)
    await add_report(store, "Thomas Frank", "Chelsea", Relation.LINKED, NOW - DAY, source="The Sun", tier=4)
    await add_report(store, "Mikel Arteta", "Arsenal", Relation.UNDER_PRESSURE, NOW - DAY, source="The Sun", tier=4)
    return Table.set(store)


async def test_a_job_question_resolves_on_the_appointment_scores_three_fans_and_posts_the_results_once(
    t: Table,
) -> None:
    q = (await t.game.open_job(CHAT, "Chelsea", "7")).question  # Alonso, Frank, someone else; 30 days
    await t.posts.run_once()
    await t.vote(q.id, "ann", 0, days_later=1)  # Alonso on day 1
    await t.vote(q.id, "bob", 1, days_later=1)  # Frank on day 2
    await t.vote(q.id, "cat", 1, days_later=1)  # Frank on day 3 …
    await t.vote(q.id, "cat", 0, days_later=4)  # … changed to Alonso on day 7
    await add_report(t.store, "Xabi Alonso", "Chelsea", Relation.TALKS, NOW + 5 * DAY, source="David Ornstein")
    t.clock.advance(days=3)  # day 10: Chelsea appoint Alonso
    await add_report(t.store, "Xabi Alonso", "Chelsea", Relation.APPOINTED, t.clock(), source="Chelsea", tier=0)
    t.clock.advance(minutes=5)
    await t.vote(q.id, "bob", 0, days_later=0)  # bob changes after the news: does not count

    stats = await t.referee.tick()
    assert stats.resolved == [q.id]
    resolved = await t.store.predictions.question(q.id)
    assert resolved is not None
    assert (resolved.status, resolved.outcome, resolved.outcome_at) == (QuestionStatus.RESOLVED, 0, NOW + 10 * DAY)
    scores = {s.player_id: s for s in await t.store.predictions.scores(q.id)}
    # lock = day 10, opened day 0: 50 + 50 × (10 − since)/10
    assert {f: (scores[f].correct, scores[f].points) for f in ("ann", "bob", "cat")} == {
        "ann": (True, 95), "bob": (False, 0), "cat": (True, 65),
    }  # fmt: skip
    assert (scores["ann"].versus, scores["ann"].lead_seconds) == ("David Ornstein", 4 * 86400)
    assert (scores["The Sun"].choice, scores["The Sun"].correct) == ("Thomas Frank", False)
    assert scores["David Ornstein"].player is Player.SOURCE
    assert (await t.referee.tick()).resolved == []

    await t.posts.run_once()
    await t.posts.run_once()
    [results] = t.texts()
    assert results.startswith(f"Question #{q.id}: Who will be Chelsea's next permanent manager?\nAnswer: Xabi Alonso")
    assert "Called it: Fan ann (95), Fan cat (65). 1 wrong." in results
    assert "Fan ann called it 4 days before David Ornstein." in results
    assert "First insider to call it: David Ornstein, 08 Nov 2025." in results
    [(_, message_id, card)] = t.platform.closed
    assert card.locked
    assert message_id == resolved.message_id == "m1"  # the question's post
    standings = await t.store.predictions.totals(CHAT, "2025-26")
    assert sorted(standings) == [
        ("ann", "Fan ann", 95, 1, 1),
        ("bob", "Fan bob", 0, 1, 0),
        ("cat", "Fan cat", 65, 1, 1),
    ]


async def test_a_job_question_locks_at_its_deadline_and_still_resolves_when_the_appointment_comes(t: Table) -> None:
    q = (await t.game.open_job(CHAT, "Chelsea", "7", NOW + 5 * DAY)).question
    await t.vote(q.id, "ann", 1, days_later=1)
    t.clock.advance(days=5)
    assert (await t.referee.tick()).locked == [q.id]
    await t.vote(q.id, "ann", 0, days_later=1)  # after the lock
    await add_report(t.store, "Thomas Frank", "Chelsea", Relation.APPOINTED, t.clock(), source="Chelsea", tier=0)
    assert (await t.referee.tick()).resolved == [q.id]
    [ann] = [s for s in await t.store.predictions.scores(q.id) if s.player is Player.FAN]
    assert (ann.choice, ann.correct, ann.points) == ("Thomas Frank", True, 90)  # 50 + 50 × 4/5


async def test_an_unlisted_appointment_makes_someone_else_the_answer(t: Table) -> None:
    q = (await t.game.open_job(CHAT, "Chelsea", "7")).question
    await t.vote(q.id, "ann", 2, days_later=1)
    await add_report(t.store, "Oliver Glasner", "Chelsea", Relation.APPOINTED, t.clock() + DAY, source="Chelsea")
    await t.referee.tick()
    scores = await t.store.predictions.scores(q.id)
    assert [(s.choice, s.correct) for s in scores if s.player is Player.FAN] == [("Someone else", True)]


async def test_a_caretaker_does_not_answer_a_job_question(t: Table) -> None:
    q = (await t.game.open_job(CHAT, "Chelsea", "7")).question
    await add_report(
        t.store, "Calum McFarlane", "Chelsea", Relation.APPOINTED, NOW + DAY, source="Chelsea", caretaker=True
    )
    t.clock.advance(days=2)
    assert (await t.referee.tick()).resolved == []
    assert (await t.store.predictions.question(q.id)).status is QuestionStatus.OPEN  # type: ignore[union-attr]


async def test_a_job_question_without_an_appointment_long_after_its_deadline_is_void_and_scores_nobody(
    t: Table,
) -> None:
    q = (await t.game.open_job(CHAT, "Chelsea", "7", NOW + DAY)).question
    await t.vote(q.id, "ann", 0)
    t.clock.advance(days=1 + 120)
    assert (await t.referee.tick()).voided == [q.id]
    assert await t.store.predictions.scores(q.id) == []
    await t.posts.run_once()
    [text] = t.texts()
    assert "Closed without an answer: no permanent appointment at Chelsea was reported by 04 Mar 2026" in text


async def test_a_pressure_question_is_no_when_he_is_sacked_before_the_date(t: Table) -> None:
    q = (await t.game.open_pressure(CHAT, "Mikel Arteta", "7", NOW + 20 * DAY)).question
    await t.vote(q.id, "ann", 1, days_later=2)
    await t.vote(q.id, "bob", 0, days_later=2)
    await add_report(t.store, "Mikel Arteta", "Arsenal", Relation.SACKED, NOW + 5 * DAY, source="Arsenal", tier=0)
    t.clock.advance(days=2)
    await t.referee.tick()
    resolved = await t.store.predictions.question(q.id)
    assert resolved is not None
    assert (resolved.options[resolved.outcome or 0], resolved.outcome_text) == (NO, "Arsenal sacked Mikel Arteta")
    fans = {
        s.player_id: (s.correct, s.points) for s in await t.store.predictions.scores(q.id) if s.player is Player.FAN
    }
    assert fans == {"ann": (True, 80), "bob": (False, 0)}  # lock day 5, called day 2: 50 + 50 × 3/5


async def test_a_pressure_question_is_yes_when_the_date_comes_and_he_is_still_there(t: Table) -> None:
    q = (await t.game.open_pressure(CHAT, "Mikel Arteta", "7", NOW + 20 * DAY)).question
    await t.vote(q.id, "ann", 0, days_later=10)
    t.clock.advance(days=9)
    assert (await t.referee.tick()).resolved == []
    t.clock.advance(days=1)
    assert (await t.referee.tick()).resolved == [q.id]
    [ann] = [s for s in await t.store.predictions.scores(q.id) if s.player is Player.FAN]
    assert (ann.choice, ann.points) == (YES, 75)
    [source] = [s for s in await t.store.predictions.scores(q.id) if s.player is Player.SOURCE]
    assert (source.player_id, source.choice, source.correct) == ("The Sun", NO, False)


async def test_a_question_that_resolves_with_no_answers_posts_that_nobody_made_a_call(t: Table) -> None:
    q = (await t.game.open_job(CHAT, "Chelsea", "7")).question
    await add_report(t.store, "Xabi Alonso", "Chelsea", Relation.APPOINTED, NOW + DAY, source="Chelsea", tier=0)
    t.clock.advance(days=2)
    await t.referee.tick()
    assert [s.player for s in await t.store.predictions.scores(q.id)] == [Player.SOURCE]
    await t.posts.run_once()
    [text] = t.texts()
    assert "Nobody made a call." in text


async def test_with_auto_on_hot_sagas_get_a_question_in_each_chat_that_follows_them_and_only_once(
    store: SQLiteStore,
) -> None:
    await add_report(store, "Enzo Maresca", "Chelsea", Relation.SACKED, NOW - 3 * DAY, source="Chelsea", tier=0)
    await add_report(store, "Xabi Alonso", "Chelsea", Relation.TALKS, NOW, source="David Ornstein")
    await add_report(store, "Mikel Arteta", "Arsenal", Relation.UNDER_PRESSURE, NOW, source="The Sun", tier=4)
    await store.follow(CHAT, TargetKind.CLUB, "Chelsea", "", NOW)
    await store.follow("test:all:", TargetKind.ALL, "all", "", NOW)
    await store.follow("test:quiet:", TargetKind.CLUB, "Chelsea", "", NOW)
    await store.predictions.set_auto("test:quiet:", False, NOW)
    t = Table.set(store, auto=True, heat_threshold=2.5)
    assert len((await t.referee.tick()).opened) == 2  # Chelsea's job is hot (talks, tier 1: 2.8); Arteta's is not
    asked = {
        chat: [(q.kind, q.club) for q in await store.predictions.questions(chat)]
        for chat in (CHAT, "test:all:", "test:quiet:")
    }
    job = (QuestionKind.NEXT_MANAGER, "Chelsea")
    assert asked == {CHAT: [job], "test:all:": [job], "test:quiet:": []}
    assert (await t.referee.tick()).opened == []
    await add_report(store, "Xabi Alonso", "Chelsea", Relation.APPOINTED, NOW + DAY, source="Chelsea", tier=0)
    t.clock.advance(days=2)
    stats = await t.referee.tick()
    assert (len(stats.resolved), stats.opened) == (2, [])  # resolved, and the filled job is asked no more
    posts = await store.predictions.post_traces(stats.resolved[0])
    assert [p.kind for p in posts] == [PostKind.QUESTION, PostKind.LOCK, PostKind.RESULTS]


async def test_an_operators_ruling_resolves_the_question_and_says_so(t: Table) -> None:
    q = (await t.game.open_job(CHAT, "Chelsea", "7")).question
    await t.vote(q.id, "ann", 1, days_later=1)
    [frank] = [v for v in await t.store.threads_about(club="Chelsea") if v.state.manager == "Thomas Frank"]
    assert frank.state.id is not None
    t.clock.advance(days=1)
    async with t.store.transaction() as tx:
        await tx.resolve([NewResolution(frank.state.id, Outcome.TRUE, Cause.OPERATOR, None, "console:op")], t.clock())
    assert (await t.referee.tick()).resolved == [q.id]
    resolved = await t.store.predictions.question(q.id)
    assert resolved is not None
    assert (resolved.outcome_text, resolved.outcome_source) == (
        "Thomas Frank got the Chelsea job (an operator's ruling)",
        "",
    )
