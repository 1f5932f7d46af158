"""The poll cycle: due feeds → fetch → parse → new entries → (page text) → ingest; backoff on failure."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.config import FeedSettings
from bot.domain import utcnow
from bot.feeds.fetcher import Fetcher, FetchResult
from bot.feeds.fulltext import fetch_article_text, looks_like_manager_story
from bot.feeds.parser import ParsedFeed, parse_feed
from bot.feeds.schedule import backoff_seconds, poll_interval, should_disable
from bot.pipeline.ingest import Ingestor, IngestStats, Item
from bot.store.base import FeedRow, Store

log = logging.getLogger(__name__)


@dataclass
class CycleStats:
    fetched: int = 0
    not_modified: int = 0
    failed: int = 0
    new_entries: int = 0
    rumours: int = 0
    deliveries: int = 0
    events: list[tuple[str, str, str, str]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)

    def add(self, stats: IngestStats) -> None:
        self.new_entries += stats.new_entries
        self.rumours += stats.rumours
        self.deliveries += stats.deliveries
        self.events.extend(stats.events)


class Poller:
    def __init__(
        self,
        store: Store,
        fetcher: Fetcher,
        ingestor: Ingestor,
        settings: FeedSettings,
        *,
        clock: Callable[[], datetime] = utcnow,
        on_deliveries: Callable[[], None] | None = None,
    ) -> None:
        self.store = store
        self.fetcher = fetcher
        self.ingestor = ingestor
        self.settings = settings
        self.clock = clock
        self.on_deliveries = on_deliveries
        self.last_success: datetime | None = None

    async def run_once(self, limit: int = 10_000) -> CycleStats:
        stats = CycleStats()
        feeds = await self.store.due_feeds(self.clock(), limit)
        await asyncio.gather(*(self._poll_guarded(feed, stats) for feed in feeds))
        if stats.deliveries and self.on_deliveries:
            self.on_deliveries()
        return stats

    async def _poll_guarded(self, feed: FeedRow, stats: CycleStats) -> None:
        try:
            await self.poll_feed(feed, stats)
        except Exception as exc:  # one feed must never stop the others
            log.exception("feed %s: unexpected error", feed.url)
            await self._failed(feed, f"internal error: {type(exc).__name__}", None, stats)

    async def poll_feed(self, feed: FeedRow, stats: CycleStats) -> None:
        result = await self.fetcher.fetch(feed.url, feed.etag, feed.last_modified)
        now = self.clock()
        if result.outcome == "not_modified":
            stats.not_modified += 1
            await self._ok(feed, result, now)
            return
        if result.outcome == "gone":
            await self._failed(feed, "HTTP 410 Gone: the feed was removed", None, stats, disable=True)
            return
        if result.outcome == "error" or result.body is None:
            await self._failed(feed, result.error or "fetch failed", result.retry_after_seconds, stats)
            return
        parsed: ParsedFeed = await asyncio.to_thread(parse_feed, result.body, result.url)
        if parsed.error and not parsed.entries:
            await self._failed(feed, parsed.error, None, stats)
            return
        stats.fetched += 1
        items = [
            Item(f"{e.id_kind}:{e.entry_id}", e.title, e.text, e.url, e.published, feed.outlet, e.categories)
            for e in parsed.entries
        ]
        alerts = feed.first_poll_done
        if alerts and self.settings.fulltext:
            items = await self._enrich(feed, items, now)
        stats.add(await self.ingestor.ingest(feed.id, items, now, alerts=alerts))
        await self._ok(feed, result, now, parsed.ttl_seconds, parsed.title)

    async def _enrich(self, feed: FeedRow, items: list[Item], now: datetime) -> list[Item]:
        """Fetch the article page for new, recent entries that look like manager stories."""
        known = await self.store.known_entry_keys(feed.id, [i.entry_key for i in items])
        max_age = timedelta(hours=self.settings.max_age_hours)
        wanted = [
            i
            for i in items
            if i.entry_key not in known
            and i.url
            and (i.published is None or now - i.published <= max_age)
            and looks_like_manager_story(i.title, i.text)
        ]
        if not wanted:
            return items
        texts = await asyncio.gather(*(fetch_article_text(self.fetcher, i.url) for i in wanted))
        enriched = {i.entry_key: t for i, t in zip(wanted, texts, strict=True) if t and len(t) > len(i.text)}
        return [
            Item(i.entry_key, i.title, enriched[i.entry_key], i.url, i.published, i.outlet, i.categories)
            if i.entry_key in enriched
            else i
            for i in items
        ]

    async def _ok(
        self, feed: FeedRow, result: FetchResult, now: datetime, ttl: int | None = None, title: str | None = None
    ) -> None:
        interval = poll_interval(self.settings, ttl, result.max_age_seconds)
        await self.store.record_fetch_ok(
            feed.id,
            etag=result.etag,
            last_modified=result.last_modified,
            next_poll_at=now + timedelta(seconds=interval),
            now=now,
            moved_to=result.moved_to,
            title=title,
        )
        self.last_success = now

    async def _failed(
        self,
        feed: FeedRow,
        error: str,
        retry_after: float | None,
        stats: CycleStats,
        *,
        disable: bool = False,
    ) -> None:
        now = self.clock()
        failures = feed.failures + 1
        disable = disable or should_disable(self.settings, failures)
        delay = backoff_seconds(self.settings, failures, retry_after)
        await self.store.record_fetch_failure(
            feed.id, error=error, next_poll_at=now + timedelta(seconds=delay), now=now, disable=disable
        )
        stats.failed += 1
        stats.failures.append((feed.url, error))
        if disable:
            log.warning("feed %s disabled after %d failure(s): %s", feed.url, failures, error)
        else:
            log.warning("feed %s failed (%s); attempt %d, retrying in %.0f s", feed.url, error, failures, delay)

    async def run(self, stop: asyncio.Event, tick_seconds: float = 1.0) -> None:
        while not stop.is_set():
            # A stop cancels the cycle in flight (a slow feed may take the whole fetch time-out);
            # a cancelled ingest rolls its transaction back, so the entries are fetched again next start.
            cycle = asyncio.ensure_future(self.run_once())
            stopped = asyncio.ensure_future(stop.wait())
            try:
                await asyncio.wait({cycle, stopped}, return_when=asyncio.FIRST_COMPLETED)
            finally:
                stopped.cancel()
                if not cycle.done():
                    cycle.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await cycle
            if cycle.cancelled():
                return
            if (error := cycle.exception()) is not None:
                log.error("poll cycle failed; retrying", exc_info=error)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=tick_seconds)
