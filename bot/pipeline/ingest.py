"""New feed entries → analysed stories → rumour threads → events → deliveries, in one transaction."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from rapidfuzz import fuzz

from bot.analysis.analyser import Analyser
from bot.analysis.text import fold
from bot.domain import STAGE_RANK, Analysis, Article, Relation
from bot.rumours.threads import Report, ThreadEvent, ThreadState, apply_report
from bot.store.base import ChatPrefs, IngestTx, NewDelivery, NewEntry, Store, StoryRecord, Subscription

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
    events: list[tuple[str, str, str, str]] = field(default_factory=list)  # (kind, manager, club, stage)
    deliveries: int = 0


@dataclass(frozen=True, slots=True)
class IngestPolicy:
    window: timedelta = timedelta(days=21)
    max_age: timedelta = timedelta(hours=48)
    near_duplicate: float = 0.85


def analyse_batch(analyser: Analyser, items: Sequence[Item]) -> list[Analysis]:
    return [
        analyser.analyse(
            Article(i.title, i.text, url=i.url, outlet=i.outlet, published=i.published, categories=i.categories)
        )
        for i in items
    ]


def _fingerprint(text: str) -> str:
    return " ".join(fold(text).split())[:600]


def _is_duplicate(report: Report, earlier: list[tuple[str, str]], threshold: float) -> bool:
    mine = _fingerprint(f"{report.title} {report.evidence}")
    for url, text in earlier:
        if report.url and url == report.url:
            return True
        # token_sort, not token_set: a set ratio scores 100 whenever one text's words are a subset of
        # the other's, which made independent write-ups of the same news count as copies.
        if fuzz.token_sort_ratio(mine, _fingerprint(text)) >= threshold * 100:
            return True
    return False


DIGEST_HOUR_UTC = 8  # daily roundups go out at 08:00 UTC


def digest_due(mode: str, now: datetime) -> datetime | None:
    """When a digest chat's roundup is due: the next full hour, or the next 08:00 UTC."""
    if mode == "hourly":
        return now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    if mode == "daily":
        due = now.replace(hour=DIGEST_HOUR_UTC, minute=0, second=0, microsecond=0)
        return due if due > now else due + timedelta(days=1)
    return None


def _wants(sub: Subscription, prefs: ChatPrefs, state: ThreadState) -> bool:
    del sub
    if state.best_tier > prefs.min_tier:
        return False
    try:
        floor = STAGE_RANK[Relation(prefs.min_stage)]
    except ValueError:
        floor = 0
    return STAGE_RANK[state.stage] >= floor


class Ingestor:
    def __init__(self, analyser: Analyser, store: Store, policy: IngestPolicy) -> None:
        self.analyser = analyser
        self.store = store
        self.policy = policy

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
        analyses = await asyncio.to_thread(analyse_batch, self.analyser, fresh)
        async with self.store.transaction() as tx:
            entry_ids = await tx.insert_entries(
                feed_id,
                [
                    NewEntry(i.entry_key, i.title[:1000], i.url, i.published, a.is_manager_rumour)
                    for i, a in zip(fresh, analyses, strict=True)
                ],
                now,
            )
            stats.new_entries = len(entry_ids)
            for item, analysis in zip(fresh, analyses, strict=True):
                if item.entry_key not in entry_ids or not analysis.is_manager_rumour:
                    continue
                stats.rumours += 1
                recent = item.published is None or now - item.published <= self.policy.max_age
                await self._thread_story(tx, entry_ids[item.entry_key], item, analysis, now, alerts and recent, stats)
        return stats

    async def _thread_story(
        self,
        tx: IngestTx,
        entry_id: int,
        item: Item,
        analysis: Analysis,
        now: datetime,
        alert: bool,
        stats: IngestStats,
    ) -> None:
        story_id = await tx.insert_story(
            entry_id,
            StoryRecord(
                item.outlet,
                item.url,
                item.title,
                analysis.summary,
                json.dumps(analysis.as_json()),
                item.published,
            ),
            now,
        )
        best = analysis.best_source()
        reported_at = min(item.published, now) if item.published else now
        pairs = [(r.manager, r.club) for r in analysis.rumours]
        threads = await tx.threads_for(pairs, now - self.policy.window)
        texts = await tx.recent_report_texts([t.id for t in threads.values() if t.id is not None])
        for claim in analysis.rumours:
            report = Report(
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
            )
            state = threads.get((claim.manager, claim.club))
            earlier = texts.get(state.id, []) if state and state.id is not None else []
            duplicate = state is not None and _is_duplicate(report, earlier, self.policy.near_duplicate)
            new_state, events = apply_report(state, report, duplicate=duplicate)
            thread_id = await tx.save_thread(new_state)
            new_state = replace(new_state, id=thread_id)
            threads[(claim.manager, claim.club)] = new_state
            await tx.add_report(thread_id, story_id, report, duplicate)
            if state is not None and state.id is not None:
                texts.setdefault(state.id, []).insert(0, (report.url, f"{report.title} {report.evidence}"))
            for event in events:
                await self._emit(tx, thread_id, new_state, event, now, alert, stats)

    async def _emit(
        self,
        tx: IngestTx,
        thread_id: int,
        state: ThreadState,
        event: ThreadEvent,
        now: datetime,
        alert: bool,
        stats: IngestStats,
    ) -> None:
        event_id = await tx.add_event(thread_id, event, now)
        stats.events.append((event.kind.value, state.manager, state.club, event.stage.value))
        if not alert:
            return
        targets: dict[str, NewDelivery] = {}
        for sub, prefs in await tx.subscribers(state.manager, state.club):
            if _wants(sub, prefs, state) and sub.chat_key not in targets:
                targets[sub.chat_key] = NewDelivery(sub.chat_key, sub.ping_role, digest_due(prefs.mode, now))
        if targets:
            stats.deliveries += await tx.add_deliveries(event_id, thread_id, list(targets.values()), now)
