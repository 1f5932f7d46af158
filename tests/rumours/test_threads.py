"""rumours/threads.apply_report: each stage transition, corroboration, source upgrades and heat."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.domain import STAGE_RANK, EventKind, Relation, Report, ThreadEvent, ThreadState
from bot.rumours.threads import STAGE_WEIGHT, TIER_WEIGHT, apply_report, base_heat, current_heat

T0 = datetime(2025, 6, 11, 9, 0, tzinfo=UTC)


def report(
    relation: Relation = Relation.LINKED, *, tier: int = 3, voice: str = "mail", at: datetime = T0, source: str = "Mail"
) -> Report:
    return Report(
        manager="Xabi Alonso",
        club="Bayern Munich",
        relation=relation,
        confidence=0.9,
        evidence="…",
        source=source,
        tier=tier,
        voice=voice,
        outlet="Outlet",
        url=f"https://news.example/{voice}/{relation}",
        title="Title",
        summary=f"summary of {relation} by {voice}",
        reported_at=at,
    )


def started(relation: Relation = Relation.LINKED, **kw: object) -> ThreadState:
    state, _ = apply_report(None, report(relation, **kw), duplicate=False)  # type: ignore[arg-type]
    return replace(state, id=7)


def test_a_first_report_creates_the_thread_with_its_stage_source_and_voice() -> None:
    state, events = apply_report(None, report(Relation.TALKS, tier=2, voice="athletic"), duplicate=False)
    assert events == [ThreadEvent(EventKind.CREATED, Relation.TALKS, "Mail")]
    assert (state.id, state.stage, state.best_tier, state.voices) == (None, Relation.TALKS, 2, frozenset({"athletic"}))
    assert (state.first_seen, state.last_update, state.corroboration) == (T0, T0, 1)
    assert state.summary == "summary of talks by athletic"


@pytest.mark.parametrize(
    ("old", "new"),
    [(a, b) for a in Relation for b in Relation if STAGE_RANK[b] > STAGE_RANK[a]],
    ids=str,
)
def test_every_later_stage_moves_the_thread_on_with_one_stage_event(old: Relation, new: Relation) -> None:
    later = T0 + timedelta(hours=1)
    state, events = apply_report(started(old), report(new, voice="sky", at=later), duplicate=False)
    assert events == [ThreadEvent(EventKind.STAGE, new, "Mail")]
    assert (state.stage, state.last_update, state.summary) == (new, later, f"summary of {new} by sky")


@pytest.mark.parametrize(
    ("old", "new"),
    [(a, b) for a in Relation for b in Relation if STAGE_RANK[b] <= STAGE_RANK[a]],
    ids=str,
)
def test_a_same_or_earlier_stage_keeps_the_stage_and_tells_nobody(old: Relation, new: Relation) -> None:
    state, events = apply_report(started(old), report(new, voice="sky"), duplicate=False)
    assert events == []
    assert state.stage == old


def test_independent_voices_corroborate_and_a_repeat_voice_does_not() -> None:
    state = started(Relation.TALKS)
    state, _ = apply_report(state, report(Relation.TALKS, voice="sky"), duplicate=False)
    state, _ = apply_report(state, report(Relation.TALKS, voice="sky"), duplicate=False)
    assert (state.voices, state.corroboration) == (frozenset({"mail", "sky"}), 2)


def test_a_duplicate_only_touches_the_update_time_never_backwards() -> None:
    state = started(Relation.TALKS)
    later, earlier = T0 + timedelta(hours=2), T0 - timedelta(hours=2)
    moved, events = apply_report(state, report(Relation.AGREED, tier=0, voice="x", at=later), duplicate=True)
    assert events == []
    assert moved == replace(state, last_update=later)
    same, _ = apply_report(state, report(Relation.AGREED, voice="y", at=earlier), duplicate=True)
    assert same == state


def test_the_first_significant_source_is_news_and_later_ones_are_not() -> None:
    state = started(Relation.TALKS, tier=3)
    state, events = apply_report(
        state, report(Relation.TALKS, tier=2, voice="athletic", source="Ornstein"), duplicate=False
    )
    assert events == [ThreadEvent(EventKind.SOURCE, Relation.TALKS, "Ornstein")]
    assert (state.best_tier, state.summary) == (2, "summary of talks by athletic")
    state, events = apply_report(state, report(Relation.TALKS, tier=1, voice="romano"), duplicate=False)
    assert events == []  # the thread already had a significant source
    assert state.best_tier == 1


def test_a_weaker_source_never_lowers_the_best_tier() -> None:
    state, events = apply_report(started(tier=1), report(tier=4, voice="blog"), duplicate=False)
    assert (events, state.best_tier) == ([], 1)


def test_heat_grows_with_stage_corroboration_and_tier_and_halves_every_two_days() -> None:
    assert base_heat(Relation.TALKS, 1, 3) == STAGE_WEIGHT[Relation.TALKS] * TIER_WEIGHT[3]
    assert base_heat(Relation.TALKS, 3, 3) == pytest.approx(base_heat(Relation.TALKS, 1, 3) * 2.2)
    assert base_heat(Relation.AGREED, 1, 3) > base_heat(Relation.TALKS, 1, 3)
    assert base_heat(Relation.TALKS, 1, 0) > base_heat(Relation.TALKS, 1, 4)
    state = started(Relation.TALKS)
    assert state.heat == base_heat(Relation.TALKS, 1, 3)
    assert current_heat(8.0, T0, T0 + timedelta(hours=48)) == pytest.approx(4.0)
    assert current_heat(8.0, T0, T0 - timedelta(hours=1)) == 8.0  # a clock behind the thread: no growth
