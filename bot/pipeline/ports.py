"""What the poller and the ingest need from storage (``bot.store.sql.SQLStore`` provides it)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from datetime import datetime, timedelta
from typing import Protocol

from bot.domain import Analysis, Article, Outcome, ThreadState
from bot.store.base import (
    ChatPrefs,
    FeedRow,
    LatestJob,
    NewClaim,
    NewEntry,
    NewEvent,
    NewJob,
    NewReport,
    NewResolution,
    NewStory,
    QueuedDelivery,
    RecentText,
    Subscription,
)


class AnalysisPort(Protocol):
    """Articles in, one Analysis per article out, in order: the built-in analyser (bot/llm/port.py)
    or the language model in front of it (bot/llm/analysis.py)."""

    async def analyse_many(self, articles: Sequence[Article]) -> list[Analysis]:
        """One Analysis per article, in the same order; never raises on an article's text."""
        ...


class IngestTx(Protocol):
    """Operations inside one write transaction of the ingest. Every method takes a whole batch and
    costs a fixed number of statements, however many rows it writes."""

    async def insert_entries(self, feed_id: int, entries: Sequence[NewEntry], seen_at: datetime) -> dict[str, int]:
        """Insert entries not yet stored; return entry_key → row id for the ones inserted."""
        ...

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

    async def add_reports(self, reports: Sequence[NewReport]) -> list[int]:
        """Insert the reports in order; return their ids. A duplicate points at its thread's first report."""
        ...

    async def add_events(self, events: Sequence[NewEvent], at: datetime) -> list[int]:
        """Insert the events in order (and the stage timeline rows); return their ids in that order."""
        ...

    async def subscribers(
        self, pairs: Iterable[tuple[str, str]], homes: Mapping[str, str] | None = None
    ) -> dict[tuple[str, str], list[tuple[Subscription, ChatPrefs]]]:
        """(manager, club) → the active follows of the manager, the club, the manager's own club now
        (``homes``) or everything, oldest first."""
        ...

    # -- outcomes (docs/adr/0007-resolutions-records-and-jobs.md) --------------------------------

    async def open_threads(
        self,
        managers: Iterable[str],
        clubs: Iterable[str],
        since: datetime,
        *,
        skip_stages: Iterable[str] = (),
        keep: Iterable[int] = (),
    ) -> dict[int, ThreadState]:
        """Unresolved threads of these managers or clubs updated at or after ``since``, by id; those at
        one of ``skip_stages`` are left out unless their id is in ``keep``."""
        ...

    async def threads_by_id(self, ids: Sequence[int]) -> dict[int, tuple[ThreadState, Outcome | None]]: ...
    async def resolved_among(self, ids: Iterable[int]) -> set[int]:
        """Which of these threads are resolved."""
        ...

    async def told_chats(self, thread_ids: Iterable[int]) -> dict[int, set[str]]:
        """Thread id → the chats that have had (or are to have) an alert about it."""
        ...

    async def overdue_threads(self, before: datetime, limit: int) -> list[ThreadState]:
        """Open threads whose last report is older than ``before``, oldest first."""
        ...

    async def add_claims(self, claims: Sequence[NewClaim]) -> int:
        """Record each source's first report of a thread; return how many were new."""
        ...

    async def resolve(self, items: Sequence[NewResolution], at: datetime) -> None:
        """Set each thread's outcome, log the resolution and move its claims' counts to the outcome."""
        ...

    async def event_voices(self, thread_ids: Iterable[int]) -> dict[int, dict[str, set[str]]]:
        """thread id → relation → the voices of its done tier-1/2 reports of a change of job."""
        ...

    async def latest_jobs(self, managers: Iterable[str]) -> dict[str, LatestJob]: ...
    async def add_jobs(self, jobs: Sequence[NewJob], at: datetime) -> None: ...

    async def add_deliveries(self, deliveries: Sequence[QueuedDelivery], at: datetime) -> int:
        """Queue the deliveries (an existing (thread, event, chat) is kept); return how many were given."""
        ...


class IngestStore(Protocol):
    async def known_entry_keys(self, feed_id: int, keys: Sequence[str]) -> set[str]: ...

    def transaction(self) -> AbstractAsyncContextManager[IngestTx]:
        """The ingest's write transaction: one at a time across every process sharing the database."""
        ...


class PollStore(Protocol):
    """Feeds and their leases, as the poller uses them (docs/SCALING.md)."""

    async def known_entry_keys(self, feed_id: int, keys: Sequence[str]) -> set[str]: ...

    async def lease_due_feeds(self, worker: str, now: datetime, limit: int, lease_for: timedelta) -> list[FeedRow]:
        """Lease up to ``limit`` due feeds that no unexpired lease holds to ``worker`` until
        ``now + lease_for``; return them, most overdue first. Concurrent callers (in any process)
        never get the same feed."""
        ...

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
    ) -> None:
        """Record a fetch and end the lease: given a ``worker``, only a lease that worker still holds."""
        ...

    async def record_fetch_failure(
        self,
        feed_id: int,
        *,
        error: str,
        next_poll_at: datetime,
        now: datetime,
        disable: bool,
        worker: str | None = None,
    ) -> int:
        """As ``record_fetch_ok`` for a failed fetch; return the feed's failures in a row."""
        ...
