"""What a batch's reports change beyond their threads, inside the ingest transaction: each source's
first report of a thread becomes its claim; done events resolve threads (``bot/rumours/resolution``);
trusted done changes of job are learned (``bot/rumours/jobs``). And how thread events become alerts,
for the ingest and for resolutions made outside it (the quiet-period sweep, an operator)."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.domain import STAGE_RANK, Cause, Relation, ThreadState, digest_due
from bot.domain.jobs import JobChange
from bot.pipeline.ports import IngestTx
from bot.pipeline.threadbook import ThreadBook
from bot.rumours.jobs import learnable, trusted
from bot.store.base import (
    ChatPrefs,
    LatestJob,
    NewClaim,
    NewDelivery,
    NewJob,
    NewResolution,
    QueuedDelivery,
    Subscription,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Alert:
    """A stored event to tell the chats that want it."""

    event_id: int
    thread_id: int
    state: ThreadState
    # Only for the chats already told about the thread: "did not happen" and "went cold" mean nothing
    # to a chat that never heard the rumour.
    told_only: bool = False


def wants(sub: Subscription, prefs: ChatPrefs, state: ThreadState) -> bool:
    del sub
    if state.best_tier > prefs.min_tier:
        return False
    try:
        floor = STAGE_RANK[Relation(prefs.min_stage)]
    except ValueError:
        floor = 0
    return STAGE_RANK[state.stage] >= floor


async def queue_alerts(tx: IngestTx, alerts: Sequence[Alert], homes: Mapping[str, str], now: datetime) -> int:
    """One delivery per chat that follows the thread's manager, club, the manager's club now, or all,
    and whose settings let the thread through; return how many were queued."""
    if not alerts:
        return 0
    pairs = {(a.state.manager, a.state.club) for a in alerts}
    followers = await tx.subscribers(pairs, {m: homes.get(m, "") for m, _ in pairs})
    told = await tx.told_chats([a.thread_id for a in alerts if a.told_only])
    queued: list[QueuedDelivery] = []
    for a in alerts:
        targets: dict[str, NewDelivery] = {}
        for sub, prefs in followers.get((a.state.manager, a.state.club), []):
            if a.told_only and sub.chat_key not in told.get(a.thread_id, set()):
                continue
            if wants(sub, prefs, a.state) and sub.chat_key not in targets:
                targets[sub.chat_key] = NewDelivery(sub.chat_key, sub.ping_role, digest_due(prefs.mode, now))
        queued.extend(QueuedDelivery(a.event_id, a.thread_id, t) for t in targets.values())
        told.setdefault(a.thread_id, set()).update(targets)  # told now, in this same batch
    return await tx.add_deliveries(queued, now) if queued else 0


async def record_outcomes(
    tx: IngestTx,
    book: ThreadBook,
    thread_ids: Sequence[int],
    report_ids: Sequence[int],
    jobs: Mapping[str, str],
    now: datetime,
) -> int:
    """Claims, resolutions and learned jobs of a threaded batch (its events are already stored);
    return how many changes of job were learned."""
    closed = {p.slot: p.report for p in book.resolutions}  # a report after its thread's resolution claims nothing
    await tx.add_claims(
        [
            NewClaim(
                thread_ids[r.slot],
                r.report.source,
                report_id,
                r.report.manager,
                r.report.club,
                r.report.relation.value,
                r.report.tier,
                r.report.relayed_by,
                r.report.reported_at,
            )
            for index, (r, report_id) in enumerate(zip(book.reports, report_ids, strict=True))
            if not r.duplicate and index <= closed.get(r.slot, index)
        ]
    )
    await tx.resolve(
        [NewResolution(thread_ids[p.slot], p.outcome, Cause.STORY, report_ids[p.report]) for p in book.resolutions],
        now,
    )
    return await _learn_jobs(tx, book, thread_ids, report_ids, jobs, now)


async def _learn_jobs(
    tx: IngestTx,
    book: ThreadBook,
    thread_ids: Sequence[int],
    report_ids: Sequence[int],
    jobs: Mapping[str, str],
    now: datetime,
) -> int:
    changes = [
        (r, thread_ids[r.slot], report_id, change)
        for r, report_id in zip(book.reports, report_ids, strict=True)
        if not r.duplicate and (change := learnable(r.report)) is not None and r.report.tier <= 2
    ]
    if not changes:
        return 0
    voices = await tx.event_voices({thread_id for _, thread_id, _, _ in changes})
    latest = await tx.latest_jobs({r.report.manager for r, _, _, _ in changes})
    learned: list[NewJob] = []
    for r, thread_id, report_id, change in changes:
        p = r.report
        if not trusted(p.tier, voices.get(thread_id, {}).get(p.relation.value, set())):
            continue
        known = latest.get(p.manager)
        if known is not None and known.since > p.reported_at:
            continue  # a newer change is already known: this story is older news
        if known is not None and known.change == change and known.club == p.club:
            continue  # already learned
        if known is None and change is JobChange.APPOINTED and jobs.get(p.manager, "") == p.club:
            continue  # the knowledge base already has it
        learned.append(NewJob(p.manager, p.club, change.value, p.reported_at, p.caretaker, p.source, p.url, report_id))
        latest[p.manager] = LatestJob(p.manager, p.club, change.value, p.reported_at)
        log.info("learned: %s %s %s (%s, %s)", p.manager, change.value, p.club, p.source, p.url)
    await tx.add_jobs(learned, now)
    return len(learned)
