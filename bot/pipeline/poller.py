"""The poll cycle: due feeds → fetch → parse → new entries → (page text) → ingest; backoff on failure."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.config import FeedSettings
from bot.domain import utcnow
from bot.feeds.fetcher import Fetcher, FetchResult
from bot.feeds.fulltext import fetch_article_text, looks_like_manager_story
from bot.feeds.parser import FeedEntry, ParsedFeed, parse_feed
from bot.feeds.schedule import backoff_seconds, poll_interval, should_disable
from bot.ids import new_worker_id
from bot.pipeline.ingest import Ingestor, IngestStats, Item
from bot.pipeline.ports import PollStore
from bot.store.base import FeedRow

log = logging.getLogger(__name__)
LEASE_ERROR_LOG_SECONDS = 60.0


NETWORK_ERRORS = ("DNS lookup failed", "connection failed", "time-out", "network error")
NAMED_FAILURES = 3  # failed feeds a round's summary names; it counts the rest


@dataclass(frozen=True, slots=True)
class Failure:
    """One failed poll, for the round's log line."""

    feed_id: int
    url: str
    error: str
    attempt: int
    delay: float
    disabled: bool

    def line(self) -> str:
        if self.disabled:
            return f"feed {self.url} disabled after {self.attempt} failure(s): {self.error}"
        return f"feed {self.url} failed ({self.error}); attempt {self.attempt}, retrying in {self.delay:.0f} s"


@dataclass
class Round:
    """The feeds leased together: their failures are logged together once the last poll ends."""

    size: int
    left: int
    failures: list[Failure] = field(default_factory=list)


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
    failed_polls: list[Failure] = field(default_factory=list)

    def add(self, stats: IngestStats) -> None:
        self.new_entries += stats.new_entries
        self.rumours += stats.rumours
        self.deliveries += stats.deliveries
        self.events.extend(stats.events)


class Poller:
    def __init__(
        self,
        store: PollStore,
        fetcher: Fetcher,
        ingestor: Ingestor,
        settings: FeedSettings,
        *,
        clock: Callable[[], datetime] = utcnow,
        on_deliveries: Callable[[], None] | None = None,
        on_cycle: Callable[[CycleStats, float], None] | None = None,
        worker: str | None = None,
        lease_seconds: float = 60.0,
    ) -> None:
        self.store = store
        self.fetcher = fetcher
        self.ingestor = ingestor
        self.settings = settings
        self.clock = clock
        self.on_deliveries = on_deliveries
        # (stats, seconds) after each cycle of run_once, and after each feed's poll in run(), e.g. for metrics
        self.on_cycle = on_cycle
        self.last_success: datetime | None = None
        # Feeds are leased to this worker while it polls them, so other workers pass them over.
        self.worker = worker or new_worker_id()
        self.lease_for = timedelta(seconds=lease_seconds)
        self.max_in_flight = settings.concurrency
        self._lease_error: tuple[str, float] | None = None  # last lease failure and when it was logged

    async def run_once(self, limit: int = 10_000) -> CycleStats:
        """Lease every due feed (up to ``limit``), poll them together and wait for all of them."""
        stats = CycleStats()
        started = time.monotonic()
        feeds = await self.store.lease_due_feeds(self.worker, self.clock(), limit, self.lease_for)
        await asyncio.gather(*(self._poll_guarded(feed, stats) for feed in feeds))
        self._log_failures(stats.failed_polls, len(feeds))
        if stats.deliveries and self.on_deliveries:
            self.on_deliveries()
        if self.on_cycle:
            self.on_cycle(stats, time.monotonic() - started)
        return stats

    async def _poll_one(self, feed: FeedRow, batch: Round) -> None:
        """One leased feed, as run() polls it: a cycle of its own, reported with its round."""
        stats = CycleStats()
        started = time.monotonic()
        try:
            await self._poll_guarded(feed, stats)
        except Exception:  # recording the failure failed too (the store is down): the lease runs out
            log.exception("feed %s: could not record the poll", feed.url)
        batch.failures.extend(stats.failed_polls)
        batch.left -= 1
        if batch.left == 0:
            self._log_failures(batch.failures, batch.size)
        if stats.deliveries and self.on_deliveries:
            self.on_deliveries()
        if self.on_cycle:
            self.on_cycle(stats, time.monotonic() - started)

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
        # Entries the store already has are dropped before their text is extracted (the costly part).
        keyed = {f"{e.id_kind}:{e.entry_id}": e for e in parsed.entries}
        known = await self.store.known_entry_keys(feed.id, list(keyed))
        new = [(key, e) for key, e in keyed.items() if key not in known]
        items = await asyncio.to_thread(_items, new, feed.outlet) if new else []
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
            worker=self.worker,
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
            feed.id,
            error=error,
            next_poll_at=now + timedelta(seconds=delay),
            now=now,
            disable=disable,
            worker=self.worker,
        )
        stats.failed += 1
        stats.failures.append((feed.url, error))
        stats.failed_polls.append(Failure(feed.id, feed.url, error, failures, delay, disable))

    def _log_failures(self, failures: list[Failure], polled: int) -> None:
        """A round's failures: a disabled feed gets a line of its own; the others one line together
        (each feed's own at DEBUG), which asks whether the machine is offline when no feed of the
        round, and none since the start, could be reached."""
        for failure in failures:
            if failure.disabled:
                log.warning("%s", failure.line())
        failed = sorted((f for f in failures if not f.disabled), key=lambda f: f.feed_id)
        if len(failed) == 1:
            log.warning("%s", failed[0].line())
            return
        if not failed:
            return
        for failure in failed:
            log.debug("%s", failure.line())
        first = failed[0]
        if (
            len(failed) == polled
            and self.last_success is None
            and all(f.error.startswith(NETWORK_ERRORS) for f in failed)
        ):
            log.warning(
                "no feed could be reached (%d of %d failed, e.g. %s: %s) — is this machine offline? Each feed is"
                " retried with back-off; `rumourbot feeds status` shows them",
                len(failed),
                polled,
                first.url,
                first.error,
            )
            return
        named = ", ".join(f"{f.url} ({f.error})" for f in failed[:NAMED_FAILURES])
        more = f" and {len(failed) - NAMED_FAILURES} more" if len(failed) > NAMED_FAILURES else ""
        log.warning(
            "%d of %d feeds failed; each is retried with back-off (`rumourbot feeds status` lists them): %s%s",
            len(failed),
            polled,
            named,
            more,
        )

    def _lease_failed(self, exc: Exception) -> None:
        """Log a failure to lease feeds once, then again only when it changes or a minute has passed:
        the loop retries every tick, and a read-only disk must not fill the log."""
        error = f"{type(exc).__name__}: {exc}"
        now = time.monotonic()
        last = self._lease_error
        if last is None or last[0] != error or now - last[1] >= LEASE_ERROR_LOG_SECONDS:
            first = last is None or last[0] != error
            log.error("leasing due feeds failed (%s); nothing is fetched until the store takes writes again", error)
            if first:
                log.debug("lease failure", exc_info=exc)
            self._lease_error = (error, now)

    async def run(self, stop: asyncio.Event, tick_seconds: float = 1.0) -> None:
        """Poll until ``stop``. Each due feed is leased and polled as a task of its own, at most
        ``[feeds] concurrency`` at once; a freed slot takes the next due feed, so a slow feed (up to
        the fetch time-out) holds up only itself. A stop cancels the polls in flight: a cancelled
        ingest rolls back, and the feed is fetched again by whichever worker leases it next."""
        in_flight: set[asyncio.Task[None]] = set()
        stopped = asyncio.ensure_future(stop.wait())
        try:
            while not stop.is_set():
                room = self.max_in_flight - len(in_flight)
                feeds: list[FeedRow] = []
                if room > 0:
                    try:
                        feeds = await self.store.lease_due_feeds(self.worker, self.clock(), room, self.lease_for)
                    except Exception as exc:  # e.g. a read-only or full disk: say so, keep trying
                        self._lease_failed(exc)
                    else:
                        self._lease_error = None
                batch = Round(len(feeds), len(feeds))
                in_flight.update(asyncio.create_task(self._poll_one(feed, batch)) for feed in feeds)
                # All slots taken: go on when one frees up. Otherwise nothing more is due: look again
                # after a tick, or sooner when a slot frees up.
                timeout = None if feeds and len(feeds) == room else tick_seconds
                await asyncio.wait({*in_flight, stopped}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
                in_flight = {task for task in in_flight if not task.done()}
        finally:
            stopped.cancel()
            for task in in_flight:
                task.cancel()
            await asyncio.gather(*in_flight, return_exceptions=True)


def _items(entries: list[tuple[str, FeedEntry]], outlet: str) -> list[Item]:
    """Items for ingestion; reading ``text`` extracts it from the entry's markup."""
    return [Item(key, e.title, e.text, e.url, e.published, outlet, e.categories) for key, e in entries]
