"""Resolutions made outside the ingest: threads that went quiet, and an operator's override; and the
learned jobs kept current for the analyser and the ingest (docs/adr/0007-resolutions-records-and-jobs.md)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Protocol

from bot.domain import Cause, EventKind, Outcome, ThreadEvent, ThreadState, utcnow
from bot.domain.jobs import JobRow
from bot.pipeline.outcomes import Alert, queue_alerts
from bot.pipeline.ports import IngestStore
from bot.rumours.jobs import CurrentJobs, JobBook
from bot.rumours.resolution import quiet_outcome
from bot.store.base import NewEvent, NewResolution

log = logging.getLogger(__name__)
SWEEP_BATCH = 500
# Threads that went cold more than this long ago (e.g. found by the first sweep after an upgrade)
# are resolved without an alert: nobody wants a flood of old news.
ALERT_GRACE = timedelta(days=2)


class JobReads(Protocol):
    async def job_rows(self, since: datetime | None = None) -> list[JobRow]: ...
    async def jobs_version(self) -> tuple[int, int]: ...


class JobKeeper:
    """Keeps ``current`` (manager → club now: learned changes over the knowledge base) in step with
    the jobs table; readers (the analyser, the ingest) never wait for the store."""

    def __init__(self, store: JobReads, shipped: Mapping[str, str], current: CurrentJobs | None = None) -> None:
        self.store = store
        self.shipped = dict(shipped)
        self.current = current if current is not None else CurrentJobs(shipped)

    async def refresh(self) -> bool:
        """Rebuild the mapping if a job was learned or set since the last call; True if it was."""
        version = await self.store.jobs_version()
        if version == self.current.version:
            return False
        book = JobBook(self.shipped, await self.store.job_rows())
        self.current.replace(book.current(), version)
        return True


class Resolver:
    def __init__(
        self,
        store: IngestStore,
        jobs: Mapping[str, str],
        cold_after: timedelta,
        *,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.store = store
        self.jobs = jobs
        self.cold_after = cold_after
        self.clock = clock

    async def sweep(self) -> int:
        """Resolve the open threads with no report for the quiet period; return how many."""
        now = self.clock()
        async with self.store.transaction() as tx:
            overdue = await tx.overdue_threads(now - self.cold_after, SWEEP_BATCH)
            if not overdue:
                return 0
            await tx.resolve(
                [NewResolution(t.id or 0, quiet_outcome(t.stage), Cause.QUIET) for t in overdue],
                now,
            )
            ids = await tx.add_events(
                [NewEvent(t.id or 0, ThreadEvent(EventKind.RESOLVED, t.stage, "")) for t in overdue], now
            )
            recent = now - self.cold_after - ALERT_GRACE
            alerts = [
                Alert(i, t.id or 0, t, told_only=True)
                for i, t in zip(ids, overdue, strict=True)
                if t.last_update >= recent
            ]
            await queue_alerts(tx, alerts, self.jobs, now)
        log.info("%d quiet thread(s) resolved (%d alerted)", len(overdue), len(alerts))
        return len(overdue)

    async def resolve(self, thread_id: int, outcome: Outcome, actor: str, note: str = "") -> ThreadState | None:
        """An operator's override: the thread's outcome is ``outcome``, whatever it was; logged, and
        told to the chats that follow it. None when there is no such thread."""
        now = self.clock()
        async with self.store.transaction() as tx:
            found = await tx.threads_by_id([thread_id])
            if thread_id not in found:
                return None
            state, before = found[thread_id]
            await tx.resolve([NewResolution(thread_id, outcome, Cause.OPERATOR, None, actor, note)], now)
            [event_id] = await tx.add_events(
                [NewEvent(thread_id, ThreadEvent(EventKind.RESOLVED, state.stage, ""))], now
            )
            told_only = outcome is not Outcome.TRUE
            await queue_alerts(tx, [Alert(event_id, thread_id, state, told_only)], self.jobs, now)
        log.warning(
            "operator %s resolved thread #%d (%s → %s) %s (was %s)%s",
            actor,
            thread_id,
            state.manager,
            state.club,
            outcome.value,
            before.value if before else "open",
            f": {note}" if note else "",
        )
        return state

    async def run(
        self, stop: asyncio.Event, keeper: JobKeeper | None = None, every: float = 300.0, jobs_every: float = 10.0
    ) -> None:
        """Keep learned jobs current every ``jobs_every`` seconds and sweep quiet threads every ``every``."""
        since_sweep = every
        while not stop.is_set():
            try:
                if keeper is not None:
                    await keeper.refresh()
                if since_sweep >= every:
                    since_sweep = 0.0
                    await self.sweep()
            except Exception:
                log.exception("resolver cycle failed; retrying")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), jobs_every)
            since_sweep += jobs_every
