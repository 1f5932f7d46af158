"""Domain values shared by every part of rumourbot: frozen, typed, timezone-aware."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import IntEnum, StrEnum
from typing import Any


class Relation(StrEnum):
    """What a story says about one manager and one club."""

    LINKED = "linked"
    TALKS = "talks"
    OFFER = "offer"
    AGREED = "agreed"
    APPOINTED = "appointed"
    REJECTED = "rejected"
    DENIED = "denied"
    STAYS = "stays"
    EXTENSION = "extension"
    SACKED = "sacked"
    LEFT = "left"
    UNDER_PRESSURE = "under_pressure"


# How far along a move is. Used to decide whether a thread "advanced". Terminal outcomes
# (rejected, denied, stays …) rank above "linked" so they replace it, and official ones on top.
STAGE_RANK: dict[Relation, int] = {
    Relation.UNDER_PRESSURE: 0,
    Relation.LINKED: 1,
    Relation.TALKS: 2,
    Relation.OFFER: 3,
    Relation.DENIED: 3,
    Relation.REJECTED: 4,
    Relation.STAYS: 4,
    Relation.AGREED: 5,
    Relation.EXTENSION: 5,
    Relation.SACKED: 6,
    Relation.LEFT: 6,
    Relation.APPOINTED: 7,
}


class Factuality(StrEnum):
    """How a story holds a claim: as done, or only as said."""

    DONE = "done"  # reported as having happened, or as the state of things
    EXPECTED = "expected"  # "set to", "poised to", "close to", "on the verge of"
    POSSIBLE = "possible"  # "could", "considering", "if", "in the frame", a candidate list
    QUESTION = "question"  # a question headline or sentence left unanswered
    DENIED = "denied"  # negated or denied: "no plans to sack him", "played down suggestions"
    REPORTED = "reported"  # the manager's own words about his situation: "insists he is not worried"
    PAST = "past"  # background from an earlier chapter: "who was sacked in 2023" (never a claim)


# The events a fan reads as facts. They are stages only when the story reports them as done.
DEFINITE: frozenset[Relation] = frozenset(
    {Relation.SACKED, Relation.APPOINTED, Relation.AGREED, Relation.LEFT, Relation.EXTENSION}
)

# The stage that fits an event the story does not report as done (docs/adr/0004-factuality.md).
_EXPECTED_STAGE = {
    Relation.TALKS: Relation.LINKED,
    Relation.OFFER: Relation.TALKS,
    Relation.AGREED: Relation.TALKS,
    Relation.APPOINTED: Relation.TALKS,
    Relation.EXTENSION: Relation.TALKS,
    Relation.SACKED: Relation.UNDER_PRESSURE,
    Relation.LEFT: Relation.UNDER_PRESSURE,
}
_POSSIBLE_STAGE = {
    Relation.TALKS: Relation.LINKED,
    Relation.OFFER: Relation.LINKED,
    Relation.AGREED: Relation.LINKED,
    Relation.APPOINTED: Relation.LINKED,
    Relation.REJECTED: Relation.LINKED,
    Relation.EXTENSION: Relation.TALKS,
    Relation.SACKED: Relation.UNDER_PRESSURE,
    Relation.LEFT: Relation.UNDER_PRESSURE,
}
_REPORTED_STAGE = {
    Relation.AGREED: Relation.LINKED,
    Relation.APPOINTED: Relation.LINKED,
    Relation.EXTENSION: Relation.TALKS,
    Relation.SACKED: Relation.UNDER_PRESSURE,
    Relation.LEFT: Relation.UNDER_PRESSURE,
}


def stage_for(event: Relation, factuality: Factuality) -> Relation | None:
    """The stage a fan is told for ``event`` held with ``factuality``; None for past background.
    A definite event (sacked, appointed, agreed, left, extension) comes out only when done."""
    if factuality is Factuality.DONE:
        return event
    if factuality is Factuality.PAST:
        return None
    if factuality is Factuality.DENIED:
        return Relation.DENIED
    if factuality is Factuality.EXPECTED:
        return _EXPECTED_STAGE.get(event, event)
    if factuality is Factuality.REPORTED:
        return _REPORTED_STAGE.get(event, event)
    return _POSSIBLE_STAGE.get(event, event)  # possible, question


class Tier(IntEnum):
    """Source reliability: 0 is an official statement, 4 the least reliable."""

    OFFICIAL = 0
    TOP = 1
    RELIABLE = 2
    MIXED = 3
    UNRELIABLE = 4


UNKNOWN_TIER = Tier.UNRELIABLE


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Article:
    """One story as read from a feed (and possibly its page)."""

    title: str
    text: str
    url: str = ""
    outlet: str = ""
    published: datetime | None = None
    categories: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceCredit:
    """A journalist or outlet the story credits."""

    name: str
    tier: Tier
    outlet: str = ""
    group: str = ""
    relayed_by: str = ""  # the aggregator that relayed this source, if any

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "tier": int(self.tier), "outlet": self.outlet}
        if self.relayed_by:
            data["relayed_by"] = self.relayed_by
        return data


@dataclass(frozen=True, slots=True)
class RumourClaim:
    """One (manager, club, relation) claim with the sentence it rests on.

    ``relation`` is the stage a fan is told; ``event`` what the story speaks of and ``factuality`` how
    it holds it ("set to be appointed": event appointed, expected, relation talks). A definite
    relation comes only with a done claim: the constructor refuses anything else."""

    manager: str
    club: str
    relation: Relation
    confidence: float
    evidence: str
    factuality: Factuality = Factuality.DONE
    event: Relation | None = None  # None: the same as ``relation``
    caretaker: bool = False  # an interim or caretaker appointment

    def __post_init__(self) -> None:
        if self.relation in DEFINITE and self.factuality is not Factuality.DONE:
            raise ValueError(f"a {self.factuality} claim cannot be stated as {self.relation}")
        if self.factuality is Factuality.PAST:
            raise ValueError("past background is not a claim")

    @property
    def what(self) -> Relation:
        """The event the story speaks of."""
        return self.event or self.relation

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "manager": self.manager,
            "club": self.club,
            "relation": self.relation.value,
            "factuality": self.factuality.value,
            "event": self.what.value,
            "confidence": round(self.confidence, 2),
            "evidence": self.evidence,
        }
        if self.caretaker:
            data["caretaker"] = True
        return data


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the analyser understood of one article."""

    is_manager_rumour: bool
    managers: tuple[str, ...] = ()
    clubs: tuple[str, ...] = ()
    rumours: tuple[RumourClaim, ...] = ()
    sources: tuple[SourceCredit, ...] = ()
    summary: str = ""
    unknown_managers: tuple[str, ...] = field(default=())

    def as_json(self) -> dict[str, Any]:
        return {
            "is_manager_rumour": self.is_manager_rumour,
            "managers": list(self.managers),
            "clubs": list(self.clubs),
            "rumours": [r.as_json() for r in self.rumours],
            "sources": [s.as_json() for s in self.sources],
            "summary": self.summary,
        }

    def best_source(self) -> SourceCredit | None:
        return min(self.sources, key=lambda s: s.tier, default=None)
