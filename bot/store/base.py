"""What the rest of rumourbot needs from storage: rows and small Protocols.

SQLite (``sqlite.py``) implements them; a PostgreSQL backend implements the same shapes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

from bot.feeds.textclean import normalise_link
from bot.rumours.threads import Report, ThreadEvent, ThreadState


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


class EntryDecision(StrEnum):
    """What the ingest decided about an entry, stored with it so that /why can say it later."""

    NOT_RUMOUR = "not_rumour"  # not a manager rumour: stored, never threaded
    FIRST_POLL = "first_poll"  # threaded silently: the feed's first poll alerts nobody
    TOO_OLD = "too_old"  # threaded silently: published longer than [feeds] max_age_hours before it was seen
    LIVE = "live"  # threaded with alerts on: its thread events went to the chats that want them


def link_key(url: str) -> str:
    """A story link as /why looks it up: tracking parameters, http/https, ``www.``, a fragment and a
    trailing slash make no difference."""
    key = normalise_link(url)
    scheme, sep, rest = key.partition("://")
    if sep and scheme in ("http", "https"):
        key = rest
    key = key.removeprefix("www.")
    path, _, query = key.partition("?")
    return (path.rstrip("/") + (f"?{query}" if query else ""))[:1000]


@dataclass(frozen=True, slots=True)
class NewEntry:
    entry_key: str
    title: str
    url: str
    published: datetime | None
    is_rumour: bool
    decision: str = ""  # an EntryDecision value

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
class ReportRow:
    outlet: str
    url: str
    title: str
    source: str
    tier: int
    relation: str
    reported_at: datetime
    duplicate: bool


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


@dataclass(frozen=True, slots=True)
class Subscription:
    chat_key: str
    target_kind: str  # manager | club | all
    target: str
    ping_role: str
    active: bool
    since: datetime | None = None  # when the follow was made (read by /why)


@dataclass(frozen=True, slots=True)
class ChatPrefs:
    mode: str = "instant"  # instant | hourly | daily
    min_tier: int = 4
    min_stage: str = "under_pressure"


@dataclass(frozen=True, slots=True)
class Delivery:
    id: int
    event_id: int
    thread_id: int
    chat_key: str
    ping_role: str
    event_kind: str
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
    decision: str  # an EntryDecision value; '' for entries stored before decisions were recorded
    reports: tuple[ReportTrace, ...] = ()


@dataclass(frozen=True, slots=True)
class EventTrace:
    """A thread event and what became of it in one chat (for /why)."""

    id: int
    thread_id: int
    kind: str  # created | stage | source
    stage: str
    source: str
    at: datetime
    status: str | None  # the chat's delivery: pending | sending | sent | failed | dropped; None: none queued
    attempts: int = 0
    due_at: datetime | None = None  # a pending delivery's next attempt (a digest's roundup time)
    sent_at: datetime | None = None
    error: str | None = None


class IngestTx(Protocol):
    """Operations inside one write transaction of the ingest path."""

    async def insert_entries(self, feed_id: int, entries: Sequence[NewEntry], seen_at: datetime) -> dict[str, int]:
        """Insert entries not yet stored; return entry_key → row id for the ones inserted."""
        ...

    # Every method below takes a whole batch and costs a fixed number of statements, however many
    # rows it writes: a feed's new entries are stored in a constant number of round trips.

    async def insert_stories(self, stories: Sequence[NewStory], created_at: datetime) -> list[int]:
        """Insert the stories; return their ids in the order given."""
        ...

    async def threads_for(
        self, pairs: Iterable[tuple[str, str]], since: datetime
    ) -> dict[tuple[str, str], ThreadState]:
        """(manager, club) → the pair's latest thread updated at or after ``since``."""
        ...

    async def recent_report_texts(self, thread_ids: Iterable[int], limit: int = 50) -> dict[int, list[RecentText]]:
        """thread id → its ``limit`` newest reports' texts, newest first (for near-duplicates)."""
        ...

    async def save_threads(self, states: Sequence[ThreadState]) -> list[int]:
        """Insert the states without an id, update the others; return the ids in the order given."""
        ...

    async def add_reports(self, reports: Sequence[NewReport]) -> None:
        """Insert the reports in order; a duplicate points at its thread's first report."""
        ...

    async def add_events(self, events: Sequence[NewEvent], at: datetime) -> list[int]:
        """Insert the events in order (and the stage timeline rows); return their ids in that order."""
        ...

    async def subscribers(
        self, pairs: Iterable[tuple[str, str]]
    ) -> dict[tuple[str, str], list[tuple[Subscription, ChatPrefs]]]:
        """(manager, club) → the active follows of the manager, the club or everything, oldest first."""
        ...

    async def add_deliveries(self, deliveries: Sequence[QueuedDelivery], at: datetime) -> int:
        """Queue the deliveries (an existing (thread, event, chat) is kept); return how many were given."""
        ...


class Store(Protocol):
    async def close(self) -> None: ...

    async def migrate(self) -> list[int]:
        """Apply pending migrations; return the versions applied now."""
        ...

    async def schema_version(self) -> int: ...

    def transaction(self) -> AbstractAsyncContextManager[IngestTx]: ...

    # feeds
    async def sync_feeds(self, feeds: Sequence[tuple[str, str]], now: datetime) -> int: ...
    async def add_feed(self, url: str, outlet: str, now: datetime) -> FeedRow: ...
    async def remove_feed(self, url: str) -> bool: ...
    async def list_feeds(self) -> list[FeedRow]: ...
    async def due_feeds(self, now: datetime, limit: int) -> list[FeedRow]: ...
    async def known_entry_keys(self, feed_id: int, keys: Sequence[str]) -> set[str]: ...
    async def record_fetch_ok(
        self,
        feed_id: int,
        *,
        etag: str | None,
        last_modified: str | None,
        next_poll_at: datetime,
        now: datetime,
        moved_to: str | None = None,
        title: str | None = None,
        worker: str | None = None,
    ) -> None: ...
    async def record_fetch_failure(
        self,
        feed_id: int,
        *,
        error: str,
        next_poll_at: datetime,
        now: datetime,
        disable: bool,
        worker: str | None = None,
    ) -> int: ...

    # feed leases and delivery claims: work sharing between worker processes (docs/SCALING.md)
    async def lease_due_feeds(self, worker: str, now: datetime, limit: int, lease_for: timedelta) -> list[FeedRow]:
        """Lease up to ``limit`` due feeds that no unexpired lease holds to ``worker`` until
        ``now + lease_for``; return them, most overdue first. Concurrent callers (in any process)
        never get the same feed. ``record_fetch_ok`` / ``record_fetch_failure`` end the lease — given
        a ``worker``, only a lease that worker still holds (one that ran out and passed to another
        worker stays with it)."""
        ...

    async def renew_leases(self, worker: str, until: datetime) -> int:
        """Extend the feed leases and delivery claims ``worker`` holds to ``until``; return how many."""
        ...

    async def lease_holders(self) -> set[str]:
        """The workers named on a feed lease or on a 'sending' delivery's claim, expired or not."""
        ...

    async def drop_leases(self, workers: Sequence[str]) -> int:
        """The workers are known to be gone: their feed leases end and their delivery claims expire
        now (``release_claims`` takes those back). Return how many rows changed."""
        ...

    # reads for commands
    async def threads_about(
        self, *, manager: str | None = None, club: str | None = None, limit: int = 10
    ) -> list[ThreadView]: ...
    async def hot_threads(self, now: datetime, limit: int) -> list[ThreadView]: ...
    async def thread(self, thread_id: int) -> ThreadView | None: ...

    # reads for /why
    async def entries_by_link(self, key: str, limit: int = 5) -> list[EntryTrace]:
        """Entries whose ``link_key`` is ``key``, first seen first, with their reports."""
        ...

    async def thread_entries(self, thread_id: int, limit: int = 20) -> list[EntryTrace]:
        """The entries behind a thread's reports, newest first, with their reports."""
        ...

    async def thread_log(self, thread_id: int, chat_key: str) -> list[EventTrace]:
        """The thread's events, oldest first, each with what became of it in ``chat_key``."""
        ...

    # follows
    async def follow(self, chat_key: str, kind: str, target: str, ping_role: str, now: datetime) -> bool: ...
    async def unfollow(self, chat_key: str, kind: str, target: str) -> bool: ...
    async def following(self, chat_key: str) -> list[Subscription]: ...
    async def deactivate_chat(self, chat_key: str) -> int:
        """Pause the chat's follows and drop its queued deliveries; a key with no thread part
        (``"telegram:-100:"``) covers the chat's topics too. Return how many follows were paused."""

    async def chat_prefs(self, chat_key: str) -> ChatPrefs: ...
    async def set_chat_prefs(self, chat_key: str, prefs: ChatPrefs) -> None: ...

    # deliveries
    async def claim_deliveries(
        self,
        platforms: Sequence[str],
        now: datetime,
        limit: int,
        *,
        worker: str = "",
        lease_for: timedelta = timedelta(0),
    ) -> list[Delivery]:
        """Mark up to ``limit`` due deliveries 'sending', claimed by ``worker`` until ``now + lease_for``
        (renewed by ``renew_leases``); concurrent claimers never get the same row."""
        ...

    async def delivery_sent(
        self, delivery_id: int, message_id: str, now: datetime, *, remember_message: bool = True
    ) -> None: ...
    async def delivery_retry(self, delivery_id: int, error: str, next_attempt_at: datetime) -> None: ...
    async def delivery_failed(self, delivery_id: int, error: str) -> None: ...
    async def delivery_in_flight(self, delivery_id: int, since: datetime | None) -> None:
        """Record (or, with None, clear) that a claimed delivery's request has left for a platform
        that cannot drop a resend; see docs/DELIVERY.md."""

    async def thread_message(self, thread_id: int, chat_key: str) -> str | None: ...
    async def delivery_counts(self) -> dict[str, int]:
        """How many deliveries are in each status (pending, sending, sent, failed, dropped) right now;
        statuses with none are left out."""
        ...

    async def release_claims(self, now: datetime | None = None) -> int:
        """Take back claims whose worker is gone: with ``now``, the 'sending' rows whose claim expired
        before it (or has no expiry); with None, every 'sending' row (one process, after a crash).
        Those go back to 'pending', except the ones in flight, which are presumed delivered ('sent'
        with no message id). Return how many were re-queued."""

    # language-model calls (bot/llm): cache by article and daily budget
    async def llm_cached(self, article_key: str) -> str | None:
        """The latest successful answer stored for the article, or None."""
        ...

    async def llm_reserve(self, article_key: str, now: datetime, daily_budget: int) -> int | None:
        """Record a call about to be made and return its id, unless ``daily_budget`` calls (failed ones
        included) were already made on ``now``'s UTC day: then None. Atomic across concurrent callers."""
        ...

    async def llm_finish(self, call_id: int, *, response: str = "", error: str = "") -> None:
        """Store a reserved call's validated answer (then the article's cached answer) or why it failed."""
        ...
