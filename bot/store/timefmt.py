"""Timestamps in the database: ISO 8601 UTC text that sorts as time does."""

from __future__ import annotations

from datetime import UTC, datetime


def ts(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def parse_ts(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def parse_optional(value: str | None) -> datetime | None:
    return parse_ts(value) if value else None
