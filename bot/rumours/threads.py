"""Rumour threads: one (manager, club) story line that gains stages and independent sources.

Pure functions; the ingest service loads state from the store, applies reports, writes back.

Heat (documented in docs/THREADS.md):
    heat = stage_weight × (1 + 0.6 × (corroboration − 1)) × tier_weight(best tier) × 0.5^(age_h / 48)
where age_h is hours since the thread's last update. The stored value leaves out the recency term;
readers apply it at query time with ``current_heat``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from bot.domain import STAGE_RANK, Relation

HEAT_HALF_LIFE_HOURS = 48.0
STAGE_WEIGHT: dict[Relation, float] = {
    Relation.UNDER_PRESSURE: 1.0,
    Relation.LINKED: 1.0,
    Relation.TALKS: 2.0,
    Relation.OFFER: 2.5,
    Relation.DENIED: 0.8,
    Relation.REJECTED: 1.2,
    Relation.STAYS: 1.0,
    Relation.AGREED: 3.5,
    Relation.EXTENSION: 1.5,
    Relation.SACKED: 3.0,
    Relation.LEFT: 3.0,
    Relation.APPOINTED: 4.0,
}
TIER_WEIGHT = {0: 1.5, 1: 1.4, 2: 1.2, 3: 1.0, 4: 0.7}
SIGNIFICANT_TIER = 2  # the first source at this tier or better is news in itself


class EventKind(StrEnum):
    CREATED = "created"
    STAGE = "stage"
    SOURCE = "source"


@dataclass(frozen=True, slots=True)
class ThreadState:
    id: int | None
    manager: str
    club: str
    stage: Relation
    first_seen: datetime
    last_update: datetime
    best_tier: int
    voices: frozenset[str]
    summary: str

    @property
    def corroboration(self) -> int:
        return max(1, len(self.voices))

    @property
    def heat(self) -> float:
        return base_heat(self.stage, self.corroboration, self.best_tier)


@dataclass(frozen=True, slots=True)
class Report:
    manager: str
    club: str
    relation: Relation
    confidence: float
    evidence: str
    source: str
    tier: int
    voice: str
    outlet: str
    url: str
    title: str
    summary: str
    reported_at: datetime


@dataclass(frozen=True, slots=True)
class ThreadEvent:
    kind: EventKind
    stage: Relation
    source: str


def base_heat(stage: Relation, corroboration: int, best_tier: int) -> float:
    return STAGE_WEIGHT[stage] * (1 + 0.6 * (corroboration - 1)) * TIER_WEIGHT.get(best_tier, 0.7)


def current_heat(stored: float, last_update: datetime, now: datetime) -> float:
    age_hours = max(0.0, (now - last_update).total_seconds() / 3600)
    return stored * math.pow(0.5, age_hours / HEAT_HALF_LIFE_HOURS)


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
