"""Poll scheduling: interval hints, exponential back-off, disabling, and header parsing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from bot.config import FeedSettings
from bot.feeds.schedule import (
    backoff_seconds,
    parse_max_age,
    parse_retry_after,
    poll_interval,
    should_disable,
)

S = FeedSettings()  # interval 300, min 60, max 3600, backoff 300 → 86400, disable after 11


@pytest.mark.parametrize(
    ("ttl", "max_age", "expected"),
    [
        (None, None, 300.0),
        (900, None, 900.0),  # <ttl>15</ttl> lengthens the interval
        (None, 1200, 1200.0),  # so does Cache-Control max-age
        (900, 1200, 1200.0),  # the longer hint wins
        (60, 10, 300.0),  # hints never shorten the default
        (100_000, None, 3600.0),  # clamped to max_interval_seconds
        (None, 0, 300.0),
    ],
)
def test_poll_interval_hints_and_clamping(ttl: int | None, max_age: int | None, expected: float) -> None:
    assert poll_interval(S, ttl, max_age) == expected


def test_an_interval_below_the_minimum_is_refused_by_the_settings_not_clamped_silently() -> None:
    with pytest.raises(ValidationError, match=r"interval_seconds \(5\) is below min_interval_seconds \(60\)"):
        FeedSettings(interval_seconds=5, min_interval_seconds=60)


def test_backoff_doubles_from_base() -> None:
    assert [backoff_seconds(S, n) for n in range(1, 6)] == [300.0, 600.0, 1200.0, 2400.0, 4800.0]


def test_backoff_is_capped_even_for_huge_failure_counts() -> None:
    assert backoff_seconds(S, 9) == 76_800.0
    assert backoff_seconds(S, 10) == 86_400.0
    assert backoff_seconds(S, 10_000) == 86_400.0


def test_backoff_honours_longer_retry_after_up_to_cap() -> None:
    assert backoff_seconds(S, 1, retry_after=7200) == 7200.0
    assert backoff_seconds(S, 1, retry_after=30) == 300.0
    assert backoff_seconds(S, 1, retry_after=10**9) == 86_400.0
    assert backoff_seconds(S, 1, retry_after=float("nan")) == 300.0


def test_no_failures_means_no_backoff() -> None:
    assert backoff_seconds(S, 0) == 0.0


def test_feed_is_disabled_at_eleven_failures() -> None:
    assert not should_disable(S, 10)
    assert should_disable(S, 11)
    assert should_disable(S, 12)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("120", 120.0),
        (" 0 ", 0.0),
        ("-5", 0.0),
        ("Wed, 11 Jun 2025 08:10:00 GMT", 600.0),
        ("Wed, 11 Jun 2025 07:00:00 GMT", 0.0),  # in the past
        ("soon", None),
        ("", None),
        (None, None),
        ("inf", None),
    ],
)
def test_parse_retry_after(header: str | None, expected: float | None) -> None:
    now = datetime(2025, 6, 11, 8, 0, tzinfo=UTC)
    assert parse_retry_after(header, now=now) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("max-age=900", 900),
        ("public, max-age=60, must-revalidate", 60),
        ("s-maxage=600", None),
        ("s-maxage=600, max-age=30", 30),
        ("no-store, max-age=900", None),
        ('max-age="120"', 120),
        (None, None),
    ],
)
def test_parse_max_age(header: str | None, expected: int | None) -> None:
    assert parse_max_age(header) == expected
