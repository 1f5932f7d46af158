"""What the rest of rumourbot needs from storage: rows and small Protocols.

SQLite (``sqlite.py``) implements them; a PostgreSQL backend implements the same shapes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

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


@dataclass(frozen=True, slots=True)
class NewEntry:
    entry_key: str
    title: str
    url: str
    published: datetime | None
    is_rumour: bool


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


class IngestTx(Protocol):
    """Operations inside one write transaction of the ingest path."""

    async def insert_entries(self, feed_id: int, entries: Sequence[NewEntry], seen_at: datetime) -> dict[str, int]:
        """Insert entries not yet stored; return entry_key → row id for the ones inserted."""
        ...

    async def insert_story(self, entry_id: int | None, story: StoryRecord, created_at: datetime) -> int: ...

    async def threads_for(
        self, pairs: Iterable[tuple[str, str]], since: datetime
    ) -> dict[tuple[str, str], ThreadState]: ...

    async def recent_report_texts(self, thread_ids: Iterable[int]) -> dict[int, list[tuple[str, str]]]:
        """thread id → [(url, title + evidence)] of its reports, newest first (for near-duplicates)."""
        ...

    async def save_thread(self, state: ThreadState) -> int: ...

    async def add_report(self, thread_id: int, story_id: int | None, report: Report, duplicate: bool) -> None: ...

    async def add_event(self, thread_id: int, event: ThreadEvent, at: datetime) -> int: ...

    async def subscribers(self, manager: str, club: str) -> list[tuple[Subscription, ChatPrefs]]: ...

    async def add_deliveries(
        self, event_id: int, thread_id: int, targets: Sequence[NewDelivery], at: datetime
    ) -> int: ...


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
    ) -> None: ...
    async def record_fetch_failure(
        self,
        feed_id: int,
        *,
        error: str,
        next_poll_at: datetime,
        now: datetime,
        disable: bool,
    ) -> int: ...

    # reads for commands
    async def threads_about(
        self, *, manager: str | None = None, club: str | None = None, limit: int = 10
    ) -> list[ThreadView]: ...
    async def hot_threads(self, now: datetime, limit: int) -> list[ThreadView]: ...
    async def thread(self, thread_id: int) -> ThreadView | None: ...

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
    async def claim_deliveries(self, platforms: Sequence[str], now: datetime, limit: int) -> list[Delivery]: ...
    async def delivery_sent(
        self, delivery_id: int, message_id: str, now: datetime, *, remember_message: bool = True
    ) -> None: ...
    async def delivery_retry(self, delivery_id: int, error: str, next_attempt_at: datetime) -> None: ...
    async def delivery_failed(self, delivery_id: int, error: str) -> None: ...
    async def delivery_in_flight(self, delivery_id: int, since: datetime | None) -> None:
        """Record (or, with None, clear) that a claimed delivery's request has left for a platform
        that cannot drop a resend; see docs/DELIVERY.md."""

    async def thread_message(self, thread_id: int, chat_key: str) -> str | None: ...
    async def release_claims(self) -> int:
        """After a crash: claimed deliveries go back to 'pending', except those in flight, which are
        presumed delivered ('sent' with no message id). Return how many were re-queued."""
