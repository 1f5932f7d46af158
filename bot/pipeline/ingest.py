"""New feed entries → analysed stories → rumour threads → events → deliveries, in one transaction."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache

from rapidfuzz import fuzz

from bot.analysis.text import fold
from bot.domain import Analysis, Article, EntryDecision, EventKind, Outcome, Report
from bot.pipeline.outcomes import Alert, queue_alerts, record_outcomes
from bot.pipeline.ports import AnalysisPort, IngestStore, IngestTx
from bot.pipeline.threadbook import RECENT_TEXTS, ThreadBook
from bot.rumours.resolution import UNRESOLVED_STAGES, fills_club_job, resolves
from bot.store.base import NewEntry, NewEvent, NewReport, NewStory, StoryRecord

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Item:
    """One feed entry ready for analysis."""

    entry_key: str
    title: str
    text: str
    url: str
    published: datetime | None
    outlet: str
    categories: tuple[str, ...] = ()


@dataclass
class IngestStats:
    new_entries: int = 0
    rumours: int = 0
    events: list[tuple[EventKind, str, str, str]] = field(default_factory=list)  # (kind, manager, club, stage)
    deliveries: int = 0
    jobs: int = 0  # changes of job learned


@dataclass(frozen=True, slots=True)
class IngestPolicy:
    window: timedelta = timedelta(days=21)
    max_age: timedelta = timedelta(hours=48)
    near_duplicate: float = 0.85
    cold_after: timedelta = timedelta(days=60)  # [rumours] cold_days: open threads older than this are cold


@lru_cache(maxsize=8192)  # a thread's recent reports are compared with every new report of it
def _fingerprint(text: str) -> str:
    """The folded text's first 600 characters, words sorted: what ``fuzz.token_sort_ratio`` compares,
    made once a text rather than once a comparison."""
    return " ".join(sorted(" ".join(fold(text).split())[:600].split(" ")))


def _is_duplicate(report: Report, earlier: list[tuple[str, str]], threshold: float) -> bool:
    mine = _fingerprint(f"{report.title} {report.evidence}")
    cutoff = threshold * 100
    for url, text in earlier:
        if report.url and url == report.url:
            return True
        # token_sort, not token_set: a set ratio scores 100 whenever one text's words are a subset of
        # the other's, which made independent write-ups of the same news count as copies. (The ratio
        # of the sorted fingerprints is token_sort_ratio; below the cutoff it is 0.)
        if fuzz.ratio(mine, _fingerprint(text), score_cutoff=cutoff) >= cutoff:
            return True
    return False


class Ingestor:
    def __init__(
        self,
        analysis: AnalysisPort,
        store: IngestStore,
        policy: IngestPolicy,
        jobs: Mapping[str, str] | None = None,
        on_jobs: Callable[[], Awaitable[object]] | None = None,
    ) -> None:
        self.analysis = analysis
        self.store = store
        self.policy = policy
        # manager → his club now (learned jobs over the knowledge base): follows by club, learning
        self.jobs: Mapping[str, str] = jobs if jobs is not None else {}
        self.on_jobs = on_jobs  # called after a batch that learned a change of job has committed

    def _decision(self, item: Item, analysis: Analysis, now: datetime, alerts: bool) -> EntryDecision:
        """What happens to the entry, stored with it for /why (the alert rule applied below)."""
        if not analysis.is_manager_rumour:
            return EntryDecision.NOT_RUMOUR
        if not alerts:
            return EntryDecision.FIRST_POLL
        if item.published is not None and now - item.published > self.policy.max_age:
            return EntryDecision.TOO_OLD
        return EntryDecision.LIVE

    async def ingest(self, feed_id: int, items: Sequence[Item], now: datetime, *, alerts: bool) -> IngestStats:
        """Store new items; thread the manager rumours; queue alerts only when ``alerts`` is true
        (never on a feed's first poll) and the entry is recent enough."""
        stats = IngestStats()
        if not items:
            return stats
        known = await self.store.known_entry_keys(feed_id, [i.entry_key for i in items])
        seen: set[str] = set()
        fresh = []
        for item in items:
            if item.entry_key not in known and item.entry_key not in seen:
                seen.add(item.entry_key)
                fresh.append(item)
        if not fresh:
            return stats
        articles = [
            Article(i.title, i.text, url=i.url, outlet=i.outlet, published=i.published, categories=i.categories)
            for i in fresh
        ]
        analyses = await self.analysis.analyse_many(articles)
        async with self.store.transaction() as tx:
            entry_ids = await tx.insert_entries(
                feed_id,
                [
                    NewEntry(
                        i.entry_key,
                        i.title[:1000],
                        i.url,
                        i.published,
                        a.is_manager_rumour,
                        self._decision(i, a, now, alerts),
                    )
                    for i, a in zip(fresh, analyses, strict=True)
                ],
                now,
            )
            stats.new_entries = len(entry_ids)
            stories = [
                (entry_ids[item.entry_key], item, analysis)
                for item, analysis in zip(fresh, analyses, strict=True)
                if item.entry_key in entry_ids and analysis.is_manager_rumour
            ]
            stats.rumours = len(stories)
            if stories:
                await self._thread_stories(tx, stories, now, alerts, stats)
        if stats.jobs and self.on_jobs is not None:
            await self.on_jobs()
        return stats

    async def _thread_stories(
        self,
        tx: IngestTx,
        stories: list[tuple[int, Item, Analysis]],
        now: datetime,
        alerts: bool,
        stats: IngestStats,
    ) -> None:
        """Thread a batch's manager stories with a fixed number of statements, whatever its size."""
        story_ids = await tx.insert_stories(
            [
                NewStory(
                    entry_id,
                    StoryRecord(
                        item.outlet,
                        item.url,
                        item.title,
                        analysis.summary,
                        json.dumps(analysis.as_json()),
                        item.published,
                    ),
                )
                for entry_id, item, analysis in stories
            ],
            now,
        )
        since = now - self.policy.window
        threads = await tx.threads_for([(r.manager, r.club) for _, _, a in stories for r in a.rumours], since)
        texts = await tx.recent_report_texts([t.id for t in threads.values() if t.id is not None], RECENT_TEXTS)
        reports = [_reports(item, analysis, now) for _, item, analysis in stories]
        resolving = [r for rs in reports for r in rs if resolves(r)]
        candidates = (
            await tx.open_threads(
                {r.manager for r in resolving},
                {r.club for r in resolving if fills_club_job(r)},
                now - self.policy.cold_after,
                skip_stages=[s.value for s in UNRESOLVED_STAGES],
                keep=[t.id for t in threads.values() if t.id is not None],
            )
            if resolving
            else {}
        )
        book = ThreadBook.load(
            threads,
            texts,
            since,
            lambda report, earlier: _is_duplicate(report, earlier, self.policy.near_duplicate),
            candidates,
            await tx.resolved_among(t.id for t in threads.values() if t.id is not None),
        )
        for index, (_, item, _) in enumerate(stories):
            recent = item.published is None or now - item.published <= self.policy.max_age
            book.add_story(index, reports[index], alerts and recent)
        slots = sorted(book.touched)
        thread_ids = [s.id or 0 for s in book.states]
        for slot, thread_id in zip(slots, await tx.save_threads([book.states[s] for s in slots]), strict=True):
            thread_ids[slot] = thread_id
        report_ids = await tx.add_reports(
            [NewReport(thread_ids[r.slot], story_ids[r.story], r.report, r.duplicate) for r in book.reports]
        )
        event_ids = await tx.add_events([NewEvent(thread_ids[e.slot], e.event) for e in book.events], now)
        for e in book.events:
            stage = e.event.stage.value
            if e.event.kind == EventKind.RESOLVED:
                stage = next(p.outcome.value for p in book.resolutions if book.events[p.event] is e)
            stats.events.append((e.event.kind, e.state.manager, e.state.club, stage))
        stats.jobs += await record_outcomes(tx, book, thread_ids, report_ids, self.jobs, now)
        outcomes = {p.event: p.outcome for p in book.resolutions}
        alerting = [
            Alert(i, thread_ids[e.slot], e.state, outcomes.get(n, Outcome.TRUE) is not Outcome.TRUE)
            for n, (i, e) in enumerate(zip(event_ids, book.events, strict=True))
            if e.alert
        ]
        stats.deliveries += await queue_alerts(tx, alerting, self.jobs, now)


def _reports(item: Item, analysis: Analysis, now: datetime) -> list[Report]:
    """One report per claim of a manager story, credited to its best named source."""
    best = analysis.best_source()
    reported_at = min(item.published, now) if item.published else now
    return [
        Report(
            manager=claim.manager,
            club=claim.club,
            relation=claim.relation,
            confidence=claim.confidence,
            evidence=claim.evidence,
            source=best.name if best else item.outlet or "unknown",
            tier=int(best.tier) if best else 4,
            voice=best.group if best and best.group else fold(best.name if best else item.outlet),
            outlet=item.outlet,
            url=item.url,
            title=item.title,
            summary=analysis.summary,
            reported_at=reported_at,
            factuality=claim.factuality,
            event=claim.event,
            caretaker=claim.caretaker,
            relayed_by=best.relayed_by if best else "",
            later=claim.later,
            parted=claim.parted,
        )
        for claim in analysis.rumours
    ]
