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
    """One (manager, club, relation) claim with the sentence it rests on."""

    manager: str
    club: str
    relation: Relation
    confidence: float
    evidence: str

    def as_json(self) -> dict[str, Any]:
        return {
            "manager": self.manager,
            "club": self.club,
            "relation": self.relation.value,
            "confidence": round(self.confidence, 2),
            "evidence": self.evidence,
        }


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
