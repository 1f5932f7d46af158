"""The game's posts go through its outbox: each question, lock and results post at most once, retried
when the platform says so, and presumed posted (never posted twice) when a crash caught it in flight."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.delivery.ports import ChatGone, PermanentFailure, RetryLater
from bot.domain import ChatRef, Relation
from bot.predictions.ports import Vote
from bot.predictions.posts import PostDispatcher
from bot.questions import QuestionStatus
from bot.render.predictions import PLAY_ONLY
from bot.store.sqlite import SQLiteStore
from tests.builders import add_report
from tests.predictions.support import CHAT, NOW, Table

DAY = timedelta(days=1)


@pytest.fixture
async def t(store: SQLiteStore) -> Table:
    await add_report(store, "Xabi Alonso", "Chelsea", Relation.TALKS, NOW - DAY)
    return Table.set(store)


async def test_a_question_is_posted_as_a_native_question_and_remembers_its_message_and_poll(t: Table) -> None:
    q = (await t.game.open_job(CHAT, "Chelsea", "7")).question
    assert await t.posts.run_once() == 1
    [(chat, card)] = t.platform.questions
    assert chat == ChatRef.from_key(CHAT)
    assert card.question == f"Who will be Chelsea's next permanent manager? (#{q.id})"
    assert (card.number, card.options, card.locked) == (q.id, ("Xabi Alonso", "Someone else"), False)
    assert "03 Dec 2025 12:00 UTC" in card.note
    assert PLAY_ONLY in card.note
    posted = await t.store.predictions.question(q.id)
    assert posted is not None
    assert (posted.message_id, posted.poll_ref) == ("m1", "poll-m1")
    assert await t.posts.run_once() == 0


async def test_a_refused_post_is_retried_rejected_or_dropped_as_the_platform_says(t: Table) -> None:
    q = (await t.game.open_job(CHAT, "Chelsea", "7")).question
    t.platform.fail_next = [RetryLater("flood", 30)]
    assert await t.posts.run_once() == 0
    [trace] = await t.store.predictions.post_traces(q.id)
    assert (trace.status, trace.attempts, trace.error) == ("pending", 1, "flood")
    t.clock.advance(seconds=31)
    assert await t.posts.run_once() == 1

    other = (await t.game.open_job("test:other:", "Chelsea", "7")).question
    t.platform.fail_next = [PermanentFailure("bad request")]
    await t.posts.run_once()
    gone = (await t.game.open_job("test:gone:", "Chelsea", "7")).question
    t.platform.fail_next = [ChatGone("kicked")]
    await t.posts.run_once()
    assert [p.status for p in await t.store.predictions.post_traces(other.id)] == ["failed"]
    assert [p.status for p in await t.store.predictions.post_traces(gone.id)] == ["dropped"]


async def test_a_question_in_flight_at_a_crash_is_presumed_posted_and_not_posted_again(t: Table) -> None:
    q = (await t.game.open_job(CHAT, "Chelsea", "7")).question
    [post] = await t.store.predictions.claim_posts(["test"], NOW, 5, lease_for=timedelta(minutes=1))
    await t.store.predictions.post_in_flight(post.id, NOW)  # the request was written; then the process died
    restarted = PostDispatcher(t.store.predictions, {"test": t.platform}, t.posts.settings, clock=t.clock)
    assert await t.store.predictions.release_post_claims() == 0  # what run() does first when it is alone
    assert await restarted.run_once() == 0
    assert t.platform.questions == []
    [trace] = await t.store.predictions.post_traces(q.id)
    assert (trace.status, trace.error) == ("sent", "presumed delivered: in flight at a crash")
    await t.game.close(CHAT, q.id)
    await restarted.run_once()
    assert t.platform.closed == []  # no message id to stop: nothing to do, nothing posted


async def test_a_question_not_yet_in_flight_at_a_crash_is_posted_after_the_restart(t: Table) -> None:
    await t.game.open_job(CHAT, "Chelsea", "7")
    await t.store.predictions.claim_posts(["test"], NOW, 5, lease_for=timedelta(minutes=1))
    assert await t.store.predictions.release_post_claims() == 1
    assert await t.posts.run_once() == 1
    assert len(t.platform.questions) == 1


async def test_results_name_the_winners_without_anything_a_platform_would_turn_into_a_mention(t: Table) -> None:
    q = (await t.game.open_job(CHAT, "Chelsea", "7")).question
    await t.vote(q.id, "1", 0)
    await t.game.answer(Vote("test", "2", "@everyone <@&1>", 0, "x-2", question_id=q.id))
    await add_report(t.store, "Xabi Alonso", "Chelsea", Relation.APPOINTED, NOW + DAY, source="Chelsea", tier=0)
    t.clock.advance(days=2)
    await t.referee.tick()
    assert (await t.store.predictions.question(q.id)).status is QuestionStatus.RESOLVED  # type: ignore[union-attr]
    await t.posts.run_once()
    [text] = t.texts()
    assert "＠everyone <＠&1>" in text
    assert "@" not in text
    assert "http" not in text
    assert "odds" not in text.lower()
    assert "bet" not in text.lower().replace("better", "")
