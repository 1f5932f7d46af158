"""What /healthz, /metrics and the status page read from the store, and the health verdict."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from bot.store.base import FeedRow, ThreadView


class StatusReads(Protocol):
    """What /healthz, /metrics and the status page read (``bot.store.sql.SQLStore`` provides it)."""

    async def list_feeds(self) -> list[FeedRow]: ...
    async def delivery_counts(self) -> dict[str, int]: ...
    async def hot_threads(self, now: datetime, limit: int) -> list[ThreadView]: ...


FEED_STATES = ("ok", "backing_off", "disabled", "not_polled")
DELIVERY_STATUSES = ("pending", "sending", "sent", "failed", "dropped")


def feed_state(feed: FeedRow) -> str:
    """ok, backing_off (the last fetch failed; retried later), disabled, or not_polled (never fetched)."""
    if feed.disabled_reason:
        return "disabled"
    if feed.failures > 0:
        return "backing_off"
    return "ok" if feed.last_ok_at is not None else "not_polled"


@dataclass(frozen=True)
class Snapshot:
    """The store's side of the picture at one moment; ``error`` says why it could not be read."""

    feeds: tuple[FeedRow, ...] = ()
    deliveries: Mapping[str, int] = field(default_factory=dict)
    error: str = ""

    @property
    def feed_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(FEED_STATES, 0)
        for feed in self.feeds:
            counts[feed_state(feed)] += 1
        return counts

    @property
    def last_successful_poll(self) -> datetime | None:
        return max((f.last_ok_at for f in self.feeds if f.last_ok_at is not None), default=None)


def describe_error(exc: BaseException) -> str:
    text = " ".join(str(exc).split())[:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


async def take_snapshot(store: StatusReads) -> Snapshot:
    try:
        feeds = await store.list_feeds()
        deliveries = await store.delivery_counts()
    except Exception as exc:  # any failure to read means "store unreachable"; the reason is reported
        return Snapshot(error=describe_error(exc))
    return Snapshot(tuple(feeds), deliveries)


@dataclass(frozen=True)
class Health:
    problems: tuple[str, ...]
    body: dict[str, Any]

    @property
    def ok(self) -> bool:
        return not self.problems


def judge(snap: Snapshot, platforms: Mapping[str, bool], now: datetime, stale_after: timedelta) -> Health:
    """Healthy when the store answers, every platform is connected, there is a feed to poll and some
    feed was fetched successfully within ``stale_after``."""
    problems: list[str] = []
    if snap.error:
        problems.append(f"store unreachable ({snap.error})")
    down = sorted(name for name, up in platforms.items() if not up)
    if down:
        problems.append(f"platform not connected: {', '.join(down)}")
    last = snap.last_successful_poll
    if not snap.error:
        if not snap.feeds:
            problems.append("no feeds to poll: add one with `rumourbot feeds add URL` or in config/feeds.toml")
        elif all(feed.disabled_reason for feed in snap.feeds):
            problems.append("no feeds to poll: every feed is disabled (`rumourbot feeds status` says why)")
        elif last is None:
            problems.append("no successful poll yet")
        elif now - last > stale_after:
            age = int((now - last).total_seconds())
            problems.append(f"last successful poll {age} s ago (over {int(stale_after.total_seconds())} s)")
    body: dict[str, Any] = {
        "status": "unhealthy" if problems else "ok",
        "problems": problems,
        "store": "unreachable" if snap.error else "ok",
        "platforms": {name: ("connected" if up else "not connected") for name, up in sorted(platforms.items())},
        "last_successful_poll": last.isoformat() if last else None,
        "feeds": {} if snap.error else snap.feed_counts,
    }
    return Health(tuple(problems), body)
