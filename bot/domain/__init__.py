"""Domain values shared by every part of rumourbot: frozen, typed, timezone-aware. Imports nothing of ours."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import IntEnum, StrEnum
from typing import Any, Literal

from bot.domain.links import link_key as link_key  # re-exported: where callers have always found them
from bot.domain.links import normalise_link as normalise_link


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

# The exits a story can tell only as a parting of ways, without saying who decided.
_PARTING = frozenset({Relation.SACKED, Relation.LEFT})

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
    later: bool = False  # announced, still to come: "will step down at the end of the season"
    parted: bool = False  # the story says only that they "parted ways", not who decided

    def __post_init__(self) -> None:
        if self.parted and (self.factuality is not Factuality.DONE or self.what not in _PARTING):
            raise ValueError("only a done sacking or departure can be told as having parted ways")
        if self.later and self.factuality is not Factuality.DONE:
            raise ValueError("only an announced (done) claim can take effect later")
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
        if self.later:
            data["later"] = True
        if self.parted:
            data["parted"] = True
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


# -- rumour threads (the rules that change them are in bot/rumours/threads.py) -------------------

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


class EventKind(StrEnum):
    """What happened to a thread that its followers hear about."""

    CREATED = "created"
    STAGE = "stage"
    SOURCE = "source"
    RESOLVED = "resolved"  # the thread's outcome is known (or it went cold): docs/adr/0007-resolutions.md


class Outcome(StrEnum):
    """How a rumour thread ended: what it predicted happened, the other way, or nothing more was heard."""

    TRUE = "true"
    FALSE = "false"
    COLD = "cold"


class Cause(StrEnum):
    """What resolved a thread."""

    STORY = "story"  # a done event in a story the bot read
    QUIET = "quiet"  # no report for [rumours] cold_days
    OPERATOR = "operator"  # `rumourbot threads resolve` or /resolve


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
    factuality: Factuality = Factuality.DONE
    event: Relation | None = None  # what the story speaks of, when not the relation ("set to be sacked")
    caretaker: bool = False
    relayed_by: str = ""  # the aggregator that relayed the credited source, if any
    later: bool = False  # announced, still to come (RumourClaim.later)
    parted: bool = False  # told only as a parting of ways (RumourClaim.parted)


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


@dataclass(frozen=True, slots=True)
class ReportRow:
    outlet: str
    url: str
    title: str
    source: str
    tier: int
    relation: str
    reported_at: datetime
    duplicate: bool
    factuality: str = "done"
    relayed_by: str = ""
    later: bool = False  # announced, still to come
    parted: bool = False  # told only as a parting of ways
    caretaker: bool = False  # an interim or caretaker appointment


@dataclass(frozen=True, slots=True)
class Resolution:
    """How and when a thread was resolved, traceable to the story (or operator) that did it."""

    outcome: Outcome
    at: datetime
    cause: Cause
    source: str = ""  # the resolving story's credited source
    url: str = ""
    title: str = ""  # the resolving story's title
    relation: str = ""  # what the resolving story reported as done (e.g. appointed)
    manager: str = ""  # whom the resolving story was about (another manager when the club hired someone else)
    club: str = ""
    actor: str = ""  # the operator, for an override
    note: str = ""
    later: bool = False  # the resolving story announced the event for later ("will step down in June")


@dataclass(frozen=True, slots=True)
class StageRow:
    stage: str
    source: str
    at: datetime


@dataclass(frozen=True, slots=True)
class ThreadView:
    """A thread with its reports and stage timeline, for commands and alerts."""

    state: ThreadState
    heat: float
    reports: tuple[ReportRow, ...]
    timeline: tuple[StageRow, ...]
    resolution: Resolution | None = None
    record: str = ""  # the best source's track record in one phrase ("Ornstein: 11 of 12 … right")


# -- chats, follows and deliveries ---------------------------------------------------------------


class Platform(StrEnum):
    """A chat platform; the first part of every chat key."""

    DISCORD = "discord"
    TELEGRAM = "telegram"
    CONSOLE = "console"


ChatKind = Literal["private", "group", "channel"]


@dataclass(frozen=True, slots=True)
class ChatRef:
    """Where a message goes: a platform chat, optionally a topic (Telegram) or thread (Discord)."""

    platform: str  # a Platform value (tests and benchmarks use platforms of their own)
    chat_id: str
    thread_id: str = ""

    @property
    def key(self) -> str:
        return f"{self.platform}:{self.chat_id}:{self.thread_id}"

    @classmethod
    def from_key(cls, key: str) -> ChatRef:
        platform, chat_id, thread_id = key.split(":", 2)
        return cls(platform, chat_id, thread_id)


class TargetKind(StrEnum):
    """What a follow follows."""

    MANAGER = "manager"
    CLUB = "club"
    ALL = "all"


class DeliveryMode(StrEnum):
    """How a chat gets its alerts: each at once, or one roundup an hour or a day."""

    INSTANT = "instant"
    HOURLY = "hourly"
    DAILY = "daily"


DIGEST_HOUR_UTC = 8  # daily roundups go out at 08:00 UTC


def digest_due(mode: DeliveryMode, now: datetime) -> datetime | None:
    """When a digest chat's roundup is due: the next full hour, or the next DIGEST_HOUR_UTC."""
    if mode == DeliveryMode.HOURLY:
        return now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    if mode == DeliveryMode.DAILY:
        due = now.replace(hour=DIGEST_HOUR_UTC, minute=0, second=0, microsecond=0)
        return due if due > now else due + timedelta(days=1)
    return None


class EntryDecision(StrEnum):
    """What the ingest decided about an entry, stored with it so that /why can say it later."""

    NOT_RUMOUR = "not_rumour"  # not a manager rumour: stored, never threaded
    FIRST_POLL = "first_poll"  # threaded silently: the feed's first poll alerts nobody
    TOO_OLD = "too_old"  # threaded silently: published longer than [feeds] max_age_hours before it was seen
    LIVE = "live"  # threaded with alerts on: its thread events went to the chats that want them
