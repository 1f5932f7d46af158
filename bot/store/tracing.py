"""The reads behind /why, in SQL both backends run: an entry's decision, its reports, a thread's events
and what became of each in one chat.

The SQL is written with ``?`` placeholders; PostgreSQL gets them numbered (``$1`` …). Times come back
as ISO text from SQLite and as ``timestamptz`` from PostgreSQL; both are read as aware UTC datetimes.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from bot.store.base import EntryTrace, EventTrace, ReportTrace
from bot.store.timefmt import parse_ts

Fetch = Callable[[str, Sequence[object]], Awaitable[Sequence[Any]]]

_ENTRY_SQL = (
    "SELECT e.id, coalesce(nullif(f.outlet, ''), nullif(f.title, ''), f.url), e.title, e.url, e.published,"
    " e.seen_at, e.is_rumour, e.decision FROM entries e JOIN feeds f ON f.id = e.feed_id"
)
_REPORT_SQL = (
    "SELECT s.entry_id, r.thread_id, t.manager, t.club, r.relation, r.source, r.tier,"
    " r.duplicate_of IS NOT NULL, (SELECT min(b.tier) FROM reports b WHERE b.thread_id = r.thread_id"
    " AND b.id <= r.id AND b.duplicate_of IS NULL)"
    " FROM reports r JOIN stories s ON s.id = r.story_id JOIN threads t ON t.id = r.thread_id"
)
_EVENT_SQL = (
    "SELECT e.id, e.thread_id, e.kind, e.stage, e.source, e.created_at, d.status, d.attempts,"
    " d.next_attempt_at, d.sent_at, d.last_error"
    " FROM events e LEFT JOIN deliveries d ON d.event_id = e.id AND d.chat_key = ?"
    " WHERE e.thread_id = ? ORDER BY e.id"
)


def _time(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return parse_ts(str(value))


def _time_or_none(value: Any) -> datetime | None:
    return None if value is None or value == "" else _time(value)


def _numbered(sql: str) -> str:
    counter = iter(range(1, 10_000))
    return re.sub(r"\?", lambda _: f"${next(counter)}", sql)


class TraceReads:
    """``fetch(sql, params)`` runs one query; ``numbered`` turns ``?`` into ``$n`` (PostgreSQL)."""

    def __init__(self, fetch: Fetch, *, numbered: bool) -> None:
        self._fetch = fetch
        self._numbered = numbered

    async def _rows(self, sql: str, params: Sequence[object]) -> Sequence[Any]:
        return await self._fetch(_numbered(sql) if self._numbered else sql, params)

    async def entries_by_link(self, key: str, limit: int) -> list[EntryTrace]:
        if not key:
            return []
        rows = await self._rows(f"{_ENTRY_SQL} WHERE e.link_key = ? ORDER BY e.seen_at, e.id LIMIT ?", (key, limit))
        return await self._with_reports(rows)

    async def thread_entries(self, thread_id: int, limit: int) -> list[EntryTrace]:
        rows = await self._rows(
            f"{_ENTRY_SQL} WHERE e.id IN (SELECT s.entry_id FROM reports r JOIN stories s ON s.id = r.story_id"
            " WHERE r.thread_id = ?) ORDER BY e.seen_at DESC, e.id DESC LIMIT ?",
            (thread_id, limit),
        )
        return await self._with_reports(rows)

    async def _with_reports(self, rows: Sequence[Any]) -> list[EntryTrace]:
        if not rows:
            return []
        ids = [int(r[0]) for r in rows]
        reports: dict[int, list[ReportTrace]] = {i: [] for i in ids}
        marks = ", ".join("?" * len(ids))
        for r in await self._rows(f"{_REPORT_SQL} WHERE s.entry_id IN ({marks}) ORDER BY r.id", ids):
            reports[int(r[0])].append(
                ReportTrace(
                    thread_id=int(r[1]),
                    manager=str(r[2]),
                    club=str(r[3]),
                    relation=str(r[4]),
                    source=str(r[5]),
                    tier=int(r[6]),
                    duplicate=bool(r[7]),
                    best_tier=int(r[6] if r[8] is None else r[8]),
                )
            )
        return [
            EntryTrace(
                id=int(r[0]),
                feed=str(r[1]),
                title=str(r[2]),
                url=str(r[3]),
                published=_time_or_none(r[4]),
                seen_at=_time(r[5]),
                is_rumour=bool(r[6]),
                decision=str(r[7]),
                reports=tuple(reports[int(r[0])]),
            )
            for r in rows
        ]

    async def thread_log(self, thread_id: int, chat_key: str) -> list[EventTrace]:
        return [
            EventTrace(
                id=int(r[0]),
                thread_id=int(r[1]),
                kind=str(r[2]),
                stage=str(r[3]),
                source=str(r[4]),
                at=_time(r[5]),
                status=None if r[6] is None else str(r[6]),
                attempts=int(r[7] or 0),
                due_at=_time_or_none(r[8]),
                sent_at=_time_or_none(r[9]),
                error=None if r[10] is None else str(r[10]),
            )
            for r in await self._rows(_EVENT_SQL, (chat_key, thread_id))
        ]
