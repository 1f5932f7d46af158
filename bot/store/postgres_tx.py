"""The ingest transaction on PostgreSQL, row conversion, and the small typed face of asyncpg the store uses.

asyncpg ships no type information, so the store talks to it through the Protocols below: the few
connection and pool methods it calls, with rows whose items are ``Any`` until converted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime
from typing import Any, Protocol

from bot.domain import Relation
from bot.rumours.threads import Report, ThreadEvent, ThreadState, current_heat
from bot.store.base import (
    ChatPrefs,
    FeedRow,
    NewDelivery,
    NewEntry,
    ReportRow,
    StageRow,
    StoryRecord,
    Subscription,
    ThreadView,
)


class Row(Protocol):
    """An ``asyncpg.Record``: items by position or column name."""

    def __getitem__(self, key: int | str, /) -> Any: ...


class Connection(Protocol):
    """The part of ``asyncpg.Connection`` the store uses."""

    async def execute(self, query: str, *args: object) -> str: ...
    async def executemany(self, command: str, args: Iterable[Sequence[object]]) -> None: ...
    async def fetch(self, query: str, *args: object) -> list[Row]: ...
    async def fetchrow(self, query: str, *args: object) -> Row | None: ...
    async def fetchval(self, query: str, *args: object) -> Any: ...
    def transaction(self) -> AbstractAsyncContextManager[object]: ...


class Pool(Connection, Protocol):
    """The part of ``asyncpg.Pool`` the store uses (its query methods borrow a connection each)."""

    def acquire(self) -> AbstractAsyncContextManager[Connection]: ...
    async def close(self) -> None: ...


def utc(value: datetime) -> datetime:
    """An aware UTC datetime for a timestamptz parameter; a naive one is taken as UTC, as in SQLite."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utc_or_none(value: datetime | None) -> datetime | None:
    return None if value is None else utc(value)


def aware(value: Any) -> datetime:
    """A timestamptz read back: asyncpg returns it in UTC; normalise the tzinfo object anyway."""
    if not isinstance(value, datetime):
        raise TypeError(f"expected a datetime, got {type(value).__name__}")
    return utc(value)


def aware_or_none(value: Any) -> datetime | None:
    return None if value is None else aware(value)


def affected(status: str) -> int:
    """Rows touched, from a command tag such as ``UPDATE 3`` or ``INSERT 0 1``."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0


def feed_row(row: Row) -> FeedRow:
    return FeedRow(
        id=int(row[0]),
        url=str(row[1]),
        outlet=str(row[2]),
        etag=row[3],
        last_modified=row[4],
        first_poll_done=bool(row[5]),
        next_poll_at=aware_or_none(row[6]),
        failures=int(row[7]),
        failing_since=aware_or_none(row[8]),
        last_error=row[9],
        disabled_reason=row[10],
        last_ok_at=aware_or_none(row[11]),
        title=str(row[12]),
    )


async def thread_views(conn: Connection, rows: Sequence[Row], now: datetime | None = None) -> list[ThreadView]:
    """Threads with their reports (newest first) and stage timeline; heat decayed to ``now`` if given."""
    if not rows:
        return []
    ids = [int(r[0]) for r in rows]
    reports: dict[int, list[ReportRow]] = {i: [] for i in ids}
    voices: dict[int, set[str]] = {i: set() for i in ids}  # publisher groups, as the ingest counts them
    for r in await conn.fetch(
        "SELECT thread_id, outlet, url, title, source, tier, relation, reported_at, duplicate_of, voice"
        " FROM reports WHERE thread_id = ANY($1::bigint[]) ORDER BY reported_at DESC, id DESC",
        ids,
    ):
        report = ReportRow(
            str(r[1]), str(r[2]), str(r[3]), str(r[4]), int(r[5]), str(r[6]), aware(r[7]), r[8] is not None
        )
        reports[int(r[0])].append(report)
        if r[8] is None:
            voices[int(r[0])].add(str(r[9]))
    stages: dict[int, list[StageRow]] = {i: [] for i in ids}
    for r in await conn.fetch(
        "SELECT thread_id, stage, source, at FROM thread_stages WHERE thread_id = ANY($1::bigint[]) ORDER BY at, id",
        ids,
    ):
        stages[int(r[0])].append(StageRow(str(r[1]), str(r[2]), aware(r[3])))
    views: list[ThreadView] = []
    for r in rows:
        thread_id = int(r[0])
        state = ThreadState(
            id=thread_id,
            manager=str(r[1]),
            club=str(r[2]),
            stage=Relation(str(r[3])),
            first_seen=aware(r[4]),
            last_update=aware(r[5]),
            best_tier=int(r[6]),
            voices=frozenset(voices[thread_id]),
            summary=str(r[9]),
        )
        heat = float(r[8])
        if now is not None:
            heat = current_heat(heat, state.last_update, now)
        views.append(ThreadView(state, heat, tuple(reports[thread_id]), tuple(stages[thread_id])))
    return views


class PostgresIngestTx:
    """Runs on one connection inside a transaction opened by ``PostgresStore.transaction``."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    async def insert_entries(self, feed_id: int, entries: Sequence[NewEntry], seen_at: datetime) -> dict[str, int]:
        if not entries:
            return {}
        rows = await self._conn.fetch(
            "INSERT INTO entries (feed_id, entry_key, title, url, published, seen_at, is_rumour)"
            " SELECT $1, k, t, u, p, $2, r"
            " FROM unnest($3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::boolean[]) AS x(k, t, u, p, r)"
            " ON CONFLICT (feed_id, entry_key) DO NOTHING RETURNING entry_key, id",
            feed_id,
            utc(seen_at),
            [e.entry_key for e in entries],
            [e.title for e in entries],
            [e.url for e in entries],
            [utc_or_none(e.published) for e in entries],
            [e.is_rumour for e in entries],
        )
        return {str(r[0]): int(r[1]) for r in rows}

    async def insert_story(self, entry_id: int | None, story: StoryRecord, created_at: datetime) -> int:
        story_id = await self._conn.fetchval(
            "INSERT INTO stories (entry_id, outlet, url, title, summary, analysis_json, published, created_at)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            entry_id,
            story.outlet,
            story.url,
            story.title,
            story.summary,
            story.analysis_json,
            utc_or_none(story.published),
            utc(created_at),
        )
        return int(story_id)

    async def threads_for(
        self, pairs: Iterable[tuple[str, str]], since: datetime
    ) -> dict[tuple[str, str], ThreadState]:
        result: dict[tuple[str, str], ThreadState] = {}
        for manager, club in set(pairs):
            row = await self._conn.fetchrow(
                "SELECT id, stage, first_seen, last_update, best_tier, summary FROM threads"
                " WHERE manager = $1 AND club = $2 AND last_update >= $3 ORDER BY last_update DESC LIMIT 1",
                manager,
                club,
                utc(since),
            )
            if row is None:
                continue
            voices = await self._conn.fetch(
                "SELECT DISTINCT voice FROM reports WHERE thread_id = $1 AND duplicate_of IS NULL", row[0]
            )
            result[(manager, club)] = ThreadState(
                id=int(row[0]),
                manager=manager,
                club=club,
                stage=Relation(row[1]),
                first_seen=aware(row[2]),
                last_update=aware(row[3]),
                best_tier=int(row[4]),
                voices=frozenset(str(v[0]) for v in voices),
                summary=str(row[5]),
            )
        return result

    async def recent_report_texts(self, thread_ids: Iterable[int]) -> dict[int, list[tuple[str, str]]]:
        result: dict[int, list[tuple[str, str]]] = {}
        for thread_id in set(thread_ids):
            rows = await self._conn.fetch(
                "SELECT url, title || ' ' || evidence FROM reports WHERE thread_id = $1"
                " ORDER BY reported_at DESC LIMIT 50",
                thread_id,
            )
            result[thread_id] = [(str(r[0]), str(r[1])) for r in rows]
        return result

    async def save_thread(self, state: ThreadState) -> int:
        values = (
            state.stage.value,
            utc(state.last_update),
            state.best_tier,
            state.corroboration,
            state.heat,
            state.summary,
        )
        if state.id is None:
            thread_id = await self._conn.fetchval(
                "INSERT INTO threads (stage, last_update, best_tier, corroboration, heat, summary, manager, club,"
                " first_seen) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                *values,
                state.manager,
                state.club,
                utc(state.first_seen),
            )
            return int(thread_id)
        await self._conn.execute(
            "UPDATE threads SET stage = $1, last_update = $2, best_tier = $3, corroboration = $4, heat = $5,"
            " summary = $6 WHERE id = $7",
            *values,
            state.id,
        )
        return state.id

    async def add_report(self, thread_id: int, story_id: int | None, report: Report, duplicate: bool) -> None:
        # A duplicate points at the thread's first report, as on SQLite.
        await self._conn.execute(
            "INSERT INTO reports (thread_id, story_id, outlet, url, title, source, tier, voice, relation,"
            " confidence, evidence, duplicate_of, reported_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,"
            " $11, (SELECT min(id) FROM reports WHERE thread_id = $1 AND $12::boolean), $13)",
            thread_id,
            story_id,
            report.outlet,
            report.url,
            report.title,
            report.source,
            report.tier,
            report.voice,
            report.relation.value,
            report.confidence,
            report.evidence,
            duplicate,
            utc(report.reported_at),
        )

    async def add_event(self, thread_id: int, event: ThreadEvent, at: datetime) -> int:
        event_id = await self._conn.fetchval(
            "INSERT INTO events (thread_id, kind, stage, source, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            thread_id,
            event.kind.value,
            event.stage.value,
            event.source,
            utc(at),
        )
        if event.kind.value in ("created", "stage"):
            await self._conn.execute(
                "INSERT INTO thread_stages (thread_id, stage, source, at) VALUES ($1, $2, $3, $4)",
                thread_id,
                event.stage.value,
                event.source,
                utc(at),
            )
        return int(event_id)

    async def subscribers(self, manager: str, club: str) -> list[tuple[Subscription, ChatPrefs]]:
        rows = await self._conn.fetch(
            "SELECT s.chat_key, s.target_kind, s.target, s.ping_role, p.mode, p.min_tier, p.min_stage"
            " FROM subscriptions s LEFT JOIN chat_prefs p ON p.chat_key = s.chat_key"
            " WHERE s.active AND ((s.target_kind = 'manager' AND s.target = $1)"
            " OR (s.target_kind = 'club' AND s.target = $2) OR s.target_kind = 'all')",
            manager,
            club,
        )
        result = []
        for row in rows:
            prefs = ChatPrefs(str(row[4]), int(row[5]), str(row[6])) if row[4] is not None else ChatPrefs()
            result.append((Subscription(str(row[0]), str(row[1]), str(row[2]), str(row[3]), True), prefs))
        return result

    async def add_deliveries(self, event_id: int, thread_id: int, targets: Sequence[NewDelivery], at: datetime) -> int:
        if targets:
            await self._conn.executemany(
                "INSERT INTO deliveries (event_id, thread_id, chat_key, ping_role, next_attempt_at, created_at)"
                " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (thread_id, event_id, chat_key) DO NOTHING",
                [(event_id, thread_id, t.chat_key, t.ping_role, utc(t.due_at or at), utc(at)) for t in targets],
            )
        return len(targets)
