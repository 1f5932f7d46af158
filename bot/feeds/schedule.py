"""When to poll a feed next: the normal interval, server hints, and back-off after failures.

Pure functions of the settings and what the last fetch said; the poll loop keeps the state.
"""

from __future__ import annotations

import contextlib
import email.utils
import math
import re
from datetime import UTC, datetime

from bot.config import FeedSettings

_MAX_AGE = re.compile(r"(?:^|[,\s])max-age\s*=\s*\"?(\d+)", re.IGNORECASE)
_MAX_DOUBLINGS = 60  # 2**60 × any base is past every cap; avoids building huge integers


def poll_interval(settings: FeedSettings, ttl_seconds: int | None, max_age_seconds: int | None) -> float:
    """Seconds until the next poll after a success.

    The feed's ``<ttl>`` and the response's Cache-Control max-age may only lengthen the default
    interval (a publisher asking for fewer polls is obeyed; one asking for more is not); the result
    is clamped to [min_interval_seconds, max_interval_seconds].
    """
    interval = float(settings.interval_seconds)
    for hint in (ttl_seconds, max_age_seconds):
        if hint is not None and hint > interval:
            interval = float(hint)
    return float(max(settings.min_interval_seconds, min(settings.max_interval_seconds, interval)))


def backoff_seconds(settings: FeedSettings, failures: int, retry_after: float | None = None) -> float:
    """Seconds to wait after ``failures`` consecutive failures (1 = the first failure).

    backoff_base_seconds × 2^(failures−1), capped at backoff_max_seconds. A server's Retry-After is
    honoured when it asks for longer, up to the same cap.
    """
    cap = float(settings.backoff_max_seconds)
    delay = 0.0
    if failures > 0:
        delay = min(cap, float(settings.backoff_base_seconds) * 2.0 ** min(failures - 1, _MAX_DOUBLINGS))
    if retry_after is not None and math.isfinite(retry_after) and retry_after > delay:
        delay = min(cap, retry_after)
    return delay


def should_disable(settings: FeedSettings, failures: int) -> bool:
    """A feed that failed this many times in a row is disabled (with its last error as reason)."""
    return failures >= settings.disable_after_failures


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date; None if unusable."""
    if not value or not value.strip():
        return None
    value = value.strip()
    with contextlib.suppress(ValueError):
        seconds = float(value)
        return max(0.0, seconds) if math.isfinite(seconds) else None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def parse_max_age(value: str | None) -> int | None:
    """``max-age`` from a Cache-Control header (``s-maxage`` is for shared caches and ignored)."""
    if not value or "no-store" in value.lower():
        return None
    match = _MAX_AGE.search(value)
    return int(match.group(1)) if match else None
