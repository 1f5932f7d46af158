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
from bot.rumours.threads import ThreadState, current_heat
from bot.store.base import (
    ChatPrefs,
    FeedRow,
    NewEntry,
    NewEvent,
    NewReport,
    NewStory,
    QueuedDelivery,
    RecentText,
    ReportRow,
    StageRow,
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
            "INSERT INTO entries (feed_id, entry_key, title, url, published, seen_at, is_rumour, decision, link_key)"
            " SELECT $1, k, t, u, p, $2, r, d, l FROM unnest($3::text[], $4::text[], $5::text[],"
            " $6::timestamptz[], $7::boolean[], $8::text[], $9::text[]) AS x(k, t, u, p, r, d, l)"
            " ON CONFLICT (feed_id, entry_key) DO NOTHING RETURNING entry_key, id",
            feed_id,
            utc(seen_at),
            [e.entry_key for e in entries],
            [e.title for e in entries],
            [e.url for e in entries],
            [utc_or_none(e.published) for e in entries],
            [e.is_rumour for e in entries],
            [e.decision for e in entries],
            [e.link_key for e in entries],
        )
        return {str(r[0]): int(r[1]) for r in rows}

    async def _ids(self, table: str, count: int) -> list[int]:
        """``count`` ids drawn from the table's identity sequence, ascending."""
        rows = await self._conn.fetch(
            "SELECT nextval(pg_get_serial_sequence($1, 'id')) FROM generate_series(1, $2)", table, count
        )
        return sorted(int(r[0]) for r in rows)

    async def insert_stories(self, stories: Sequence[NewStory], created_at: datetime) -> list[int]:
        if not stories:
            return []
        ids = await self._ids("stories", len(stories))
        await self._conn.execute(
            "INSERT INTO stories (id, entry_id, outlet, url, title, summary, analysis_json, published, created_at)"
            " SELECT i, e, o, u, t, s, a, p, $1 FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[],"
            " $6::text[], $7::text[], $8::text[], $9::timestamptz[]) AS x(i, e, o, u, t, s, a, p)",
            utc(created_at),
            ids,
            [s.entry_id for s in stories],
            [s.story.outlet for s in stories],
            [s.story.url for s in stories],
            [s.story.title for s in stories],
            [s.story.summary for s in stories],
            [s.story.analysis_json for s in stories],
            [utc_or_none(s.story.published) for s in stories],
        )
        return ids

    async def threads_for(
        self, pairs: Iterable[tuple[str, str]], since: datetime
    ) -> dict[tuple[str, str], ThreadState]:
        wanted = sorted(set(pairs))
        if not wanted:
            return {}
        rows = await self._conn.fetch(
            "SELECT DISTINCT ON (t.manager, t.club) t.id, t.manager, t.club, t.stage, t.first_seen, t.last_update,"
            " t.best_tier, t.summary, ARRAY(SELECT DISTINCT voice FROM reports r WHERE r.thread_id = t.id"
            " AND r.duplicate_of IS NULL) FROM unnest($1::text[], $2::text[]) AS p(m, c)"
            " JOIN threads t ON t.manager = p.m AND t.club = p.c AND t.last_update >= $3"
            " ORDER BY t.manager, t.club, t.last_update DESC, t.id DESC",
            [m for m, _ in wanted],
            [c for _, c in wanted],
            utc(since),
        )
        return {
            (str(r[1]), str(r[2])): ThreadState(
                id=int(r[0]),
                manager=str(r[1]),
                club=str(r[2]),
                stage=Relation(r[3]),
                first_seen=aware(r[4]),
                last_update=aware(r[5]),
                best_tier=int(r[6]),
                voices=frozenset(str(v) for v in r[8]),
                summary=str(r[7]),
            )
            for r in rows
        }

    async def recent_report_texts(self, thread_ids: Iterable[int], limit: int = 50) -> dict[int, list[RecentText]]:
        ids = sorted(set(thread_ids))
        result: dict[int, list[RecentText]] = {i: [] for i in ids}
        if not ids:
            return result
        rows = await self._conn.fetch(
            "SELECT t.id, r.url, r.title || ' ' || r.evidence, r.reported_at FROM unnest($1::bigint[]) AS t(id)"
            " CROSS JOIN LATERAL (SELECT url, title, evidence, reported_at FROM reports"
            " WHERE thread_id = t.id ORDER BY reported_at DESC LIMIT $2) AS r",
            ids,
            limit,
        )
        for r in rows:
            result[int(r[0])].append(RecentText(str(r[1]), str(r[2]), aware(r[3])))
        for texts in result.values():
            texts.sort(key=lambda t: t.reported_at, reverse=True)
        return result

    async def save_threads(self, states: Sequence[ThreadState]) -> list[int]:
        new = [s for s in states if s.id is None]
        new_ids = iter(await self._ids("threads", len(new)) if new else [])
        ids = [s.id if s.id is not None else next(new_ids) for s in states]
        pairs = list(zip(ids, states, strict=True))
        columns = "$1::bigint[], $2::text[], $3::timestamptz[], $4::int[], $5::int[], $6::float8[], $7::text[]"

        def arrays(chosen: list[tuple[int, ThreadState]]) -> list[list[Any]]:
            return [
                [i for i, _ in chosen],
                [s.stage.value for _, s in chosen],
                [utc(s.last_update) for _, s in chosen],
                [s.best_tier for _, s in chosen],
                [s.corroboration for _, s in chosen],
                [s.heat for _, s in chosen],
                [s.summary for _, s in chosen],
            ]

        added = [(i, s) for i, s in pairs if s.id is None]
        if added:
            await self._conn.execute(
                "INSERT INTO threads (id, stage, last_update, best_tier, corroboration, heat, summary, manager,"
                f" club, first_seen) SELECT * FROM unnest({columns}, $8::text[], $9::text[], $10::timestamptz[])",
                *arrays(added),
                [s.manager for _, s in added],
                [s.club for _, s in added],
                [utc(s.first_seen) for _, s in added],
            )
        changed = [(i, s) for i, s in pairs if s.id is not None]
        if changed:
            await self._conn.execute(
                "UPDATE threads SET stage = x.stage, last_update = x.lu, best_tier = x.bt, corroboration = x.co,"
                f" heat = x.heat, summary = x.summary FROM unnest({columns})"
                " AS x(id, stage, lu, bt, co, heat, summary) WHERE threads.id = x.id",
                *arrays(changed),
            )
        return ids

    async def add_reports(self, reports: Sequence[NewReport]) -> None:
        if not reports:
            return
        ids = await self._ids("reports", len(reports))
        first_in_batch: dict[int, int] = {}
        duplicate_of: list[int | None] = []
        for i, r in zip(ids, reports, strict=True):
            first_in_batch.setdefault(r.thread_id, i)
            duplicate_of.append(first_in_batch[r.thread_id] if r.duplicate else None)
        # A duplicate points at the thread's first report: a stored one if there is one (the statement
        # does not see its own rows), else the first of this batch.
        await self._conn.execute(
            "INSERT INTO reports (id, thread_id, story_id, outlet, url, title, source, tier, voice, relation,"
            " confidence, evidence, reported_at, duplicate_of) SELECT i, th, st, o, u, t, s, ti, v, re, c, e, at,"
            " CASE WHEN d IS NULL THEN NULL ELSE coalesce((SELECT min(r.id) FROM reports r WHERE r.thread_id = th),"
            " d) END FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[],"
            " $7::text[], $8::int[], $9::text[], $10::text[], $11::float8[], $12::text[], $13::timestamptz[],"
            " $14::bigint[]) AS x(i, th, st, o, u, t, s, ti, v, re, c, e, at, d)",
            ids,
            [r.thread_id for r in reports],
            [r.story_id for r in reports],
            [r.report.outlet for r in reports],
            [r.report.url for r in reports],
            [r.report.title for r in reports],
            [r.report.source for r in reports],
            [r.report.tier for r in reports],
            [r.report.voice for r in reports],
            [r.report.relation.value for r in reports],
            [r.report.confidence for r in reports],
            [r.report.evidence for r in reports],
            [utc(r.report.reported_at) for r in reports],
            duplicate_of,
        )

    async def add_events(self, events: Sequence[NewEvent], at: datetime) -> list[int]:
        if not events:
            return []
        ids = await self._ids("events", len(events))
        await self._conn.execute(
            "INSERT INTO events (id, thread_id, kind, stage, source, created_at) SELECT i, th, k, st, so, $1"
            " FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[]) AS x(i, th, k, st, so)",
            utc(at),
            ids,
            [e.thread_id for e in events],
            [e.event.kind.value for e in events],
            [e.event.stage.value for e in events],
            [e.event.source for e in events],
        )
        stages = [e for e in events if e.event.kind.value in ("created", "stage")]
        if stages:
            # In the given order: stages recorded at the same instant are ordered by id.
            await self._conn.execute(
                "INSERT INTO thread_stages (thread_id, stage, source, at) SELECT th, st, so, $1"
                " FROM unnest($2::bigint[], $3::text[], $4::text[]) WITH ORDINALITY AS x(th, st, so, n) ORDER BY n",
                utc(at),
                [e.thread_id for e in stages],
                [e.event.stage.value for e in stages],
                [e.event.source for e in stages],
            )
        return ids

    async def subscribers(
        self, pairs: Iterable[tuple[str, str]]
    ) -> dict[tuple[str, str], list[tuple[Subscription, ChatPrefs]]]:
        wanted = sorted(set(pairs))
        result: dict[tuple[str, str], list[tuple[Subscription, ChatPrefs]]] = {p: [] for p in wanted}
        if not wanted:
            return result
        rows = await self._conn.fetch(
            "SELECT s.chat_key, s.target_kind, s.target, s.ping_role, p.mode, p.min_tier, p.min_stage"
            " FROM subscriptions s LEFT JOIN chat_prefs p ON p.chat_key = s.chat_key"
            " WHERE s.active AND (s.target_kind = 'all' OR (s.target_kind = 'manager' AND s.target = ANY($1::text[]))"
            " OR (s.target_kind = 'club' AND s.target = ANY($2::text[]))) ORDER BY s.id",
            sorted({m for m, _ in wanted}),
            sorted({c for _, c in wanted}),
        )
        for row in rows:
            prefs = ChatPrefs(str(row[4]), int(row[5]), str(row[6])) if row[4] is not None else ChatPrefs()
            sub = Subscription(str(row[0]), str(row[1]), str(row[2]), str(row[3]), True)
            for manager, club in wanted:
                kind, target = sub.target_kind, sub.target
                if kind == "all" or (kind == "manager" and target == manager) or (kind == "club" and target == club):
                    result[(manager, club)].append((sub, prefs))
        return result

    async def add_deliveries(self, deliveries: Sequence[QueuedDelivery], at: datetime) -> int:
        if not deliveries:
            return 0
        await self._conn.execute(
            "INSERT INTO deliveries (event_id, thread_id, chat_key, ping_role, next_attempt_at, created_at)"
            " SELECT e, th, c, r, d, $1 FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[],"
            " $6::timestamptz[]) WITH ORDINALITY AS x(e, th, c, r, d, n)"
            " ORDER BY n ON CONFLICT (thread_id, event_id, chat_key) DO NOTHING",
            utc(at),
            [d.event_id for d in deliveries],
            [d.thread_id for d in deliveries],
            [d.target.chat_key for d in deliveries],
            [d.target.ping_role for d in deliveries],
            [utc(d.target.due_at or at) for d in deliveries],
        )
        return len(deliveries)
