"""Data builders that write threads, events and deliveries straight through the store's ingest
transaction: tests of delivery, commands and storage get their rows without running the analyser
(only tests/analysis/ and the end-to-end tests do)."""

from __future__ import annotations

from datetime import datetime

from bot.domain import Cause, EventKind, Outcome, Relation, Report, ThreadEvent, ThreadState
from bot.domain.jobs import JobChange
from bot.store.base import NewClaim, NewDelivery, NewEvent, NewJob, NewReport, NewResolution, QueuedDelivery
from bot.store.sql import Store


async def queue_alert(
    store: Store,
    chat_key: str,
    at: datetime,
    *,
    manager: str = "Xabi Alonso",
    club: str = "Bayern Munich",
    stage: Relation = Relation.TALKS,
    source: str = "David Ornstein",
    tier: int = 1,
) -> int:
    """A new thread with its 'created' event, queued for ``chat_key``; return the delivery's id."""
    state = ThreadState(None, manager, club, stage, at, at, tier, frozenset({source.lower()}), f"{manager}: {stage}.")
    async with store.transaction() as tx:
        [thread_id] = await tx.save_threads([state])
        [event_id] = await tx.add_events([NewEvent(thread_id, ThreadEvent(EventKind.CREATED, stage, source))], at)
        await tx.add_deliveries([QueuedDelivery(event_id, thread_id, NewDelivery(chat_key, ""))], at)
    rows = await store.dialect.fetch(
        "SELECT id FROM deliveries WHERE event_id = ? AND chat_key = ?", (event_id, chat_key)
    )
    return int(rows[0][0])


async def add_thread(
    store: Store,
    manager: str,
    club: str,
    stage: Relation,
    reports: list[tuple[datetime, str, int]],
    *,
    outcome: Outcome | None = None,
) -> int:
    """A thread with its reports ((when, source, tier), oldest first) and each source's claim; resolved
    as ``outcome`` (by a story) if given. Return its id."""
    first, last = reports[0][0], reports[-1][0]
    voices = frozenset(source.lower() for _, source, _ in reports)
    state = ThreadState(None, manager, club, stage, first, last, min(t for _, _, t in reports), voices, "")
    async with store.transaction() as tx:
        [thread_id] = await tx.save_threads([state])
        report_ids = await tx.add_reports(
            [
                NewReport(
                    thread_id,
                    None,
                    Report(
                        manager, club, stage, 0.8, "", source, tier, source.lower(), source, "", f"{manager}", "", at
                    ),
                    False,
                )
                for at, source, tier in reports
            ]
        )
        await tx.add_claims(
            [
                NewClaim(thread_id, source, report_id, manager, club, stage.value, tier, "", at)
                for (at, source, tier), report_id in zip(reports, report_ids, strict=True)
            ]
        )
        if outcome is not None:
            await tx.resolve([NewResolution(thread_id, outcome, Cause.STORY, report_ids[-1])], last)
    return thread_id


async def add_job(
    store: Store, manager: str, club: str, change: JobChange, at: datetime, *, caretaker: bool = False,
    source: str = "Chelsea (official)",
) -> None:  # fmt: skip
    await store.add_job(NewJob(manager, club, change.value, at, caretaker, source, "https://news.example/j"), at)
