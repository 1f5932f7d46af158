"""The rows the store reads and writes. The ports that say what each consumer needs of the store are
owned by the consumers (``bot/pipeline/ports.py``, ``bot/delivery/ports.py``, ``bot/commands/ports.py``,
``bot/workers.py``, ``bot/llm/analysis.py``); ``sql.SQLStore`` satisfies them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.domain import (
    Cause,
    DeliveryMode,
    EntryDecision,
    EventKind,
    Outcome,
    Report,
    ReportRow,
    StageRow,
    TargetKind,
    ThreadEvent,
    ThreadView,
    link_key,
)

__all__ = [
    "EntryDecision",
    "ReportRow",
    "StageRow",
    "ThreadView",
    "link_key",
]  # re-exported: where the store's callers have always found them


class StoreError(Exception):
    """The database cannot be opened, migrated or written; the message says why."""


@dataclass(frozen=True, slots=True)
class FeedRow:
    id: int
    url: str
    outlet: str
    etag: str | None
    last_modified: str | None
    first_poll_done: bool
    next_poll_at: datetime | None
    failures: int
    failing_since: datetime | None
    last_error: str | None
    disabled_reason: str | None
    last_ok_at: datetime | None
    title: str = ""  # the feed's own <title>, from its last successful fetch


@dataclass(frozen=True, slots=True)
class NewEntry:
    entry_key: str
    title: str
    url: str
    published: datetime | None
    is_rumour: bool
    decision: EntryDecision | str = ""  # '' for entries stored before decisions were recorded

    @property
    def link_key(self) -> str:
        return link_key(self.url)


@dataclass(frozen=True, slots=True)
class StoryRecord:
    outlet: str
    url: str
    title: str
    summary: str
    analysis_json: str
    published: datetime | None


@dataclass(frozen=True, slots=True)
class Subscription:
    chat_key: str
    target_kind: TargetKind
    target: str
    ping_role: str
    active: bool
    since: datetime | None = None  # when the follow was made (read by /why)


@dataclass(frozen=True, slots=True)
class ChatPrefs:
    mode: DeliveryMode = DeliveryMode.INSTANT
    min_tier: int = 4
    min_stage: str = "under_pressure"


@dataclass(frozen=True, slots=True)
class Delivery:
    id: int
    event_id: int
    thread_id: int
    chat_key: str
    ping_role: str
    event_kind: EventKind
    stage: str
    source: str
    attempts: int


@dataclass(frozen=True, slots=True)
class NewDelivery:
    chat_key: str
    ping_role: str
    due_at: datetime | None = None  # digest chats: the next roundup time; None means now


@dataclass(frozen=True, slots=True)
class QueuedDelivery:
    event_id: int
    thread_id: int
    target: NewDelivery


@dataclass(frozen=True, slots=True)
class NewStory:
    entry_id: int | None
    story: StoryRecord


@dataclass(frozen=True, slots=True)
class NewReport:
    thread_id: int
    story_id: int | None
    report: Report
    duplicate: bool


@dataclass(frozen=True, slots=True)
class NewEvent:
    thread_id: int
    event: ThreadEvent


@dataclass(frozen=True, slots=True)
class RecentText:
    """A stored report as the near-duplicate check reads it."""

    url: str
    text: str  # title + " " + evidence
    reported_at: datetime


@dataclass(frozen=True, slots=True)
class ReportTrace:
    """One claim of a stored story, as it joined its thread (for /why)."""

    thread_id: int
    manager: str
    club: str
    relation: str
    source: str
    tier: int
    duplicate: bool  # a near-copy of an earlier report of the thread
    best_tier: int  # the thread's best source tier once this report had joined it


@dataclass(frozen=True, slots=True)
class EntryTrace:
    """A stored feed entry and what the ingest made of it (for /why)."""

    id: int
    feed: str  # the feed's outlet, else its title, else its URL
    title: str
    url: str
    published: datetime | None
    seen_at: datetime
    is_rumour: bool
    decision: EntryDecision | str  # '' for entries stored before decisions were recorded
    reports: tuple[ReportTrace, ...] = ()


@dataclass(frozen=True, slots=True)
class EventTrace:
    """A thread event and what became of it in one chat (for /why)."""

    id: int
    thread_id: int
    kind: EventKind
    stage: str
    source: str
    at: datetime
    status: str | None  # the chat's delivery: pending | sending | sent | failed | dropped; None: none queued
    attempts: int = 0
    due_at: datetime | None = None  # a pending delivery's next attempt (a digest's roundup time)
    sent_at: datetime | None = None
    error: str | None = None


# -- outcomes: claims, resolutions, learned jobs (sql_outcomes.py) ---------------------------------


@dataclass(frozen=True, slots=True)
class NewClaim:
    thread_id: int
    source: str
    report_id: int
    manager: str
    club: str
    stage: str
    tier: int
    relayed_by: str
    reported_at: datetime


@dataclass(frozen=True, slots=True)
class NewResolution:
    thread_id: int
    outcome: Outcome
    cause: Cause
    report_id: int | None = None
    actor: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class NewJob:
    manager: str
    club: str
    change: str  # a bot.rumours.jobs.JobChange value
    since: datetime
    caretaker: bool = False
    source: str = ""
    url: str = ""
    report_id: int | None = None
    learned_by: str = "story"


@dataclass(frozen=True, slots=True)
class LatestJob:
    manager: str
    club: str
    change: str
    since: datetime


# -- boards (sql_records.py) ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PressureRow:
    """An open under-pressure thread with its recent reports counted."""

    thread_id: int
    manager: str
    club: str
    last_update: datetime
    week: int  # non-duplicate reports in the last 7 days
    month: int  # … in the last 30
    best_tier: int
    best_source: str = ""  # filled in for the threads a board shows (``best_sources``)


@dataclass(frozen=True, slots=True)
class CandidateRow:
    """An open move thread at a club (a candidate for its job)."""

    thread_id: int
    manager: str
    club: str
    stage: str
    heat: float
    last_update: datetime
    best_tier: int
    best_source: str = ""


@dataclass(frozen=True, slots=True)
class BoardRow:
    id: int
    chat_key: str
    kind: str  # sackrace | vacancies
    league: str
    message_id: str | None
    digest: str
    posting_at: datetime | None
    updated_at: datetime | None
