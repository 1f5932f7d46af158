"""Rumour threads: one (manager, club) story line that gains stages and independent sources.

Pure functions; the ingest service loads state from the store, applies reports, writes back.

Heat (documented in docs/THREADS.md):
    heat = stage_weight × (1 + 0.6 × (corroboration − 1)) × tier_weight(best tier) × 0.5^(age_h / 48)
where age_h is hours since the thread's last update. The stored value leaves out the recency term;
readers apply it at query time with ``current_heat``.
"""

from __future__ import annotations

from dataclasses import replace

from bot.domain import (
    HEAT_HALF_LIFE_HOURS,
    STAGE_RANK,
    STAGE_WEIGHT,
    TIER_WEIGHT,
    EventKind,
    Relation,
    Report,
    ThreadEvent,
    ThreadState,
    base_heat,
    current_heat,
)

__all__ = [
    "HEAT_HALF_LIFE_HOURS",
    "SIGNIFICANT_TIER",
    "STAGE_WEIGHT",
    "TIER_WEIGHT",
    "EventKind",
    "Report",
    "ThreadEvent",
    "ThreadState",
    "advances",
    "apply_report",
    "base_heat",
    "current_heat",
]
SIGNIFICANT_TIER = 2  # the first source at this tier or better is news in itself


def advances(current: Relation, new: Relation) -> bool:
    """A report moves a thread on when it claims a later stage than the thread has."""
    return STAGE_RANK[new] > STAGE_RANK[current]


def apply_report(
    state: ThreadState | None, report: Report, *, duplicate: bool
) -> tuple[ThreadState, list[ThreadEvent]]:
    """The thread after one more report, and the events worth telling followers about."""
    if state is None:
        new = ThreadState(
            id=None,
            manager=report.manager,
            club=report.club,
            stage=report.relation,
            first_seen=report.reported_at,
            last_update=report.reported_at,
            best_tier=report.tier,
            voices=frozenset({report.voice}),
            summary=report.summary,
        )
        return new, [ThreadEvent(EventKind.CREATED, report.relation, report.source)]
    if duplicate:
        return replace(state, last_update=max(state.last_update, report.reported_at)), []
    events: list[ThreadEvent] = []
    stage = state.stage
    summary = state.summary
    if advances(state.stage, report.relation):
        stage = report.relation
        summary = report.summary
        events.append(ThreadEvent(EventKind.STAGE, stage, report.source))
    elif report.tier <= SIGNIFICANT_TIER < state.best_tier:
        summary = report.summary
        events.append(ThreadEvent(EventKind.SOURCE, stage, report.source))
    new_state = replace(
        state,
        stage=stage,
        summary=summary,
        last_update=max(state.last_update, report.reported_at),
        best_tier=min(state.best_tier, report.tier),
        voices=state.voices | {report.voice},
    )
    return new_state, events
