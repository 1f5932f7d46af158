"""The bot's Prometheus metrics, in a registry of its own (never prometheus_client's global one).

Counters and the poll-duration histogram are fed by the running parts through callbacks
(``Poller(on_cycle=…)``, ``Dispatcher(on_outcome=…)``, the adapters' ``on_rate_limited``); the
gauges of feed states and deliveries by status are read from the store at each scrape.
docs/OPERATIONS.md lists every metric.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from prometheus_client import CONTENT_TYPE_LATEST as CONTENT_TYPE
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from bot.http.health import DELIVERY_STATUSES, FEED_STATES, Snapshot
from bot.pipeline.poller import CycleStats

__all__ = ["CONTENT_TYPE", "Metrics"]

POLL_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0)
ALERT_FAILURES = ("gone", "rejected", "error")


class Metrics:
    def __init__(self) -> None:
        r = self.registry = CollectorRegistry(auto_describe=True)
        self.poll_duration = Histogram(
            "rumourbot_poll_duration_seconds",
            "Duration of poll cycles that fetched at least one feed",
            buckets=POLL_BUCKETS,
            registry=r,
        )
        self.feed_polls = Counter(
            "rumourbot_feed_polls", "Feed fetches by result: fetched, not_modified, failed", ["result"], registry=r
        )
        self.entries = Counter("rumourbot_entries", "New feed entries stored", registry=r)
        self.rumours = Counter("rumourbot_rumours", "New entries the analyser took for manager rumours", registry=r)
        self.alerts_queued = Counter("rumourbot_alerts_queued", "Alerts queued for chats (outbox rows)", registry=r)
        self.alerts_sent = Counter("rumourbot_alerts_sent", "Alerts posted, by platform", ["platform"], registry=r)
        self.alerts_failed = Counter(
            "rumourbot_alerts_failed",
            "Failed send attempts, by platform and reason: gone (chat unreachable), rejected, error (retried)",
            ["platform", "reason"],
            registry=r,
        )
        self.rate_limit_waits = Counter(
            "rumourbot_platform_rate_limit_waits",
            "HTTP 429 answers from a chat platform's API (each one is waited out or retried later)",
            ["platform"],
            registry=r,
        )
        self.feeds = Gauge("rumourbot_feeds", "Feeds by state, read from the store", ["state"], registry=r)
        self.alerts = Gauge(
            "rumourbot_alerts", "Alerts in the outbox by status, read from the store", ["status"], registry=r
        )
        self.last_poll = Gauge(
            "rumourbot_last_successful_poll_timestamp_seconds",
            "Unix time of the latest successful feed fetch (0: none yet)",
            registry=r,
        )
        self.platform_connected = Gauge(
            "rumourbot_platform_connected", "1 when the chat platform is connected", ["platform"], registry=r
        )
        self.store_up = Gauge("rumourbot_store_up", "1 when the store answered this scrape", registry=r)
        for result in ("fetched", "not_modified", "failed"):
            self.feed_polls.labels(result)
        for state in FEED_STATES:
            self.feeds.labels(state)
        for status in DELIVERY_STATUSES:
            self.alerts.labels(status)

    def watch_platforms(self, names: Iterable[str]) -> None:
        """Show zeroes for these platforms' counters before anything has happened."""
        for name in names:
            self.alerts_sent.labels(name)
            self.rate_limit_waits.labels(name)
            for reason in ALERT_FAILURES:
                self.alerts_failed.labels(name, reason)

    # -- hooks called by the running parts ------------------------------------------------------
    def poll_cycle(self, stats: CycleStats, seconds: float) -> None:
        """``Poller(on_cycle=…)``: one finished cycle (idle cycles add no duration sample)."""
        polled = stats.fetched + stats.not_modified + stats.failed
        if polled:
            self.poll_duration.observe(seconds)
        self.feed_polls.labels("fetched").inc(stats.fetched)
        self.feed_polls.labels("not_modified").inc(stats.not_modified)
        self.feed_polls.labels("failed").inc(stats.failed)
        self.entries.inc(stats.new_entries)
        self.rumours.inc(stats.rumours)
        self.alerts_queued.inc(stats.deliveries)

    def alert_outcome(self, platform: str, outcome: str, count: int) -> None:
        """``Dispatcher(on_outcome=…)``: ``sent``, or a failed attempt's reason."""
        if outcome == "sent":
            self.alerts_sent.labels(platform).inc(count)
        else:
            self.alerts_failed.labels(platform, outcome).inc(count)

    def rate_limited(self, platform: str) -> Callable[[], None]:
        """The ``on_rate_limited`` callback for one platform's adapter."""
        counter = self.rate_limit_waits.labels(platform)
        return counter.inc

    # -- at scrape time -------------------------------------------------------------------------
    def update(self, snap: Snapshot, platforms: Mapping[str, bool]) -> None:
        self.store_up.set(0 if snap.error else 1)
        for name, up in platforms.items():
            self.platform_connected.labels(name).set(1 if up else 0)
        if snap.error:
            return  # keep the last values read rather than report zeroes that are not true
        for state, n in snap.feed_counts.items():
            self.feeds.labels(state).set(n)
        for status in {*DELIVERY_STATUSES, *snap.deliveries}:
            self.alerts.labels(status).set(snap.deliveries.get(status, 0))
        last = snap.last_successful_poll
        self.last_poll.set(last.timestamp() if last else 0)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
