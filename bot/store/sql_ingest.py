"""The ingest transaction: entries, stories, threads, reports, events and deliveries.

Each method writes its whole batch with a fixed number of statements: the rows travel as one
parameter (``Dialect.batch``), so a batch costs the same number of round trips whatever its size.
Ids are handed out inside the transaction (``Dialect.new_ids``), so the callers know them without
reading rows back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from bot.domain import DeliveryMode, EventKind, TargetKind, ThreadState
from bot.store.base import (
    ChatPrefs,
    NewEntry,
    NewEvent,
    NewReport,
    NewStory,
    QueuedDelivery,
    RecentText,
    Subscription,
)
from bot.store.dialect import Conn, Dialect, as_time
from bot.store.sql_outcomes import OutcomeWrites, thread_state

_STAGE_EVENTS = (EventKind.CREATED, EventKind.STAGE)


class SQLIngestTx(OutcomeWrites):
    """Runs inside one write transaction opened by ``SQLStore.transaction``; the writes that follow
    outcomes (claims, resolutions, learned jobs) are in ``sql_outcomes.py``."""

    def __init__(self, dialect: Dialect, conn: Conn) -> None:
        super().__init__(dialect, conn)
        self._d = dialect
        self._conn = conn

    async def _insert(self, sql: str, types: Sequence[str], rows: Sequence[Sequence[object]], *head: object) -> None:
        """``sql`` with ``{batch}`` standing for the rows' relation ``x(c0, c1, …, n)``; ``head``: the
        parameters before it."""
        batch, params = self._d.batch(types, rows)
        await self._conn.execute(sql.format(batch=batch), (*head, *params))

    async def insert_entries(self, feed_id: int, entries: Sequence[NewEntry], seen_at: datetime) -> dict[str, int]:
        """Insert entries not yet stored; return entry_key → row id for the ones inserted."""
        if not entries:
            return {}
        among, params = self._d.any_of(list(dict.fromkeys(e.entry_key for e in entries)), "text")
        existing = {
            str(r[0])
            for r in await self._conn.fetch(
                f"SELECT entry_key FROM entries WHERE feed_id = ? AND entry_key {among}", (feed_id, *params)
            )
        }
        fresh: dict[str, NewEntry] = {}
        for e in entries:
            if e.entry_key not in existing and e.entry_key not in fresh:
                fresh[e.entry_key] = e
        if not fresh:
            return {}
        ids = await self._d.new_ids(self._conn, "entries", len(fresh))
        await self._insert(
            "INSERT INTO entries (id, feed_id, entry_key, title, url, published, seen_at, is_rumour, decision,"
            " link_key) SELECT c0, ?, c1, c2, c3, c4, ?, c5, c6, c7 FROM {batch} ORDER BY n",
            ("bigint", "text", "text", "text", "timestamptz", "boolean", "text", "text"),
            [
                (i, e.entry_key, e.title, e.url, e.published, e.is_rumour, e.decision, e.link_key)
                for i, e in zip(ids, fresh.values(), strict=True)
            ],
            feed_id,
            seen_at,
        )
        return dict(zip(fresh, ids, strict=True))

    async def insert_stories(self, stories: Sequence[NewStory], created_at: datetime) -> list[int]:
        """Insert the stories; return their ids in the order given."""
        if not stories:
            return []
        ids = await self._d.new_ids(self._conn, "stories", len(stories))
        await self._insert(
            "INSERT INTO stories (id, entry_id, outlet, url, title, summary, analysis_json, published, created_at)"
            " SELECT c0, c1, c2, c3, c4, c5, c6, c7, ? FROM {batch} ORDER BY n",
            ("bigint", "bigint", "text", "text", "text", "text", "text", "timestamptz"),
            [
                (
                    i,
                    s.entry_id,
                    s.story.outlet,
                    s.story.url,
                    s.story.title,
                    s.story.summary,
                    s.story.analysis_json,
                    s.story.published,
                )
                for i, s in zip(ids, stories, strict=True)
            ],
            created_at,
        )
        return ids

    async def threads_for(
        self, pairs: Iterable[tuple[str, str]], since: datetime
    ) -> dict[tuple[str, str], ThreadState]:
        """(manager, club) → the pair's latest thread updated at or after ``since``."""
        wanted = sorted(set(pairs))
        if not wanted:
            return {}
        batch, params = self._d.batch(("text", "text"), wanted)
        # Each pair's latest thread picked by a subquery that stops at it (SQLite numbered every thread
        # of the pair's club with a window function first: ten times slower on a large store).
        rows = await self._conn.fetch(
            "SELECT th.id, th.manager, th.club, th.stage, th.first_seen, th.last_update, th.best_tier, th.summary"
            f" FROM {batch} JOIN threads th ON th.id = (SELECT t.id FROM threads t WHERE t.manager = x.c0"
            " AND t.club = x.c1 AND t.last_update >= ? ORDER BY t.last_update DESC, t.id DESC LIMIT 1)"
            " ORDER BY th.manager, th.club",
            (*params, since),
        )
        voices: dict[int, set[str]] = {int(r[0]): set() for r in rows}
        if voices:
            among, ids = self._d.any_of(sorted(voices), "bigint")
            for thread_id, voice in await self._conn.fetch(
                f"SELECT DISTINCT thread_id, voice FROM reports WHERE thread_id {among} AND duplicate_of IS NULL", ids
            ):
                voices[int(thread_id)].add(str(voice))
        return {(str(r[1]), str(r[2])): thread_state(r, frozenset(voices[int(r[0])])) for r in rows}

    async def recent_report_texts(self, thread_ids: Iterable[int], limit: int = 50) -> dict[int, list[RecentText]]:
        """thread id → its ``limit`` newest reports' texts, newest first (for near-duplicates)."""
        ids = sorted(set(thread_ids))
        result: dict[int, list[RecentText]] = {i: [] for i in ids}
        if not ids:
            return result
        among, params = self._d.any_of(ids, "bigint")
        rows = await self._conn.fetch(
            "SELECT thread_id, url, text, reported_at FROM (SELECT thread_id, url, title || ' ' || evidence AS text,"
            " reported_at, row_number() OVER (PARTITION BY thread_id ORDER BY reported_at DESC, id DESC) AS newest"
            f" FROM reports WHERE thread_id {among}) AS r WHERE newest <= ? ORDER BY thread_id, newest",
            (*params, limit),
        )
        for r in rows:
            result[int(r[0])].append(RecentText(str(r[1]), str(r[2]), as_time(r[3])))
        return result

    async def save_threads(self, states: Sequence[ThreadState]) -> list[int]:
        """Insert the states without an id, update the others; return the ids in the order given."""
        new = [s for s in states if s.id is None]
        new_ids = iter(await self._d.new_ids(self._conn, "threads", len(new)) if new else [])
        ids = [s.id if s.id is not None else next(new_ids) for s in states]
        types = ("bigint", "text", "timestamptz", "int", "int", "float8", "text", "text", "text", "timestamptz")
        rows = [
            (
                i,
                s.stage.value,
                s.last_update,
                s.best_tier,
                s.corroboration,
                s.heat,
                s.summary,
                s.manager,
                s.club,
                s.first_seen,
            )
            for i, s in zip(ids, states, strict=True)
        ]
        if new:
            await self._insert(
                "INSERT INTO threads (id, stage, last_update, best_tier, corroboration, heat, summary, manager,"
                " club, first_seen) SELECT c0, c1, c2, c3, c4, c5, c6, c7, c8, c9 FROM {batch} ORDER BY n",
                types,
                [r for r, s in zip(rows, states, strict=True) if s.id is None],
            )
        old = [r[:7] for r, s in zip(rows, states, strict=True) if s.id is not None]
        if old:
            await self._insert(
                "UPDATE threads SET stage = x.c1, last_update = x.c2, best_tier = x.c3, corroboration = x.c4,"
                " heat = x.c5, summary = x.c6 FROM {batch} WHERE threads.id = x.c0",
                types[:7],
                old,
            )
        return ids

    async def add_reports(self, reports: Sequence[NewReport]) -> list[int]:
        """Insert the reports in order; return their ids. A duplicate points at its thread's first
        report: a stored one (lower ids) if there is one, else the first of this batch."""
        if not reports:
            return []
        ids = await self._d.new_ids(self._conn, "reports", len(reports))
        first_in_batch: dict[int, int] = {}
        rows = []
        for i, r in zip(ids, reports, strict=True):
            first_in_batch.setdefault(r.thread_id, i)
            p = r.report
            rows.append(
                (
                    i,
                    r.thread_id,
                    r.story_id,
                    p.outlet,
                    p.url,
                    p.title,
                    p.source,
                    p.tier,
                    p.voice,
                    p.relation.value,
                    p.confidence,
                    p.evidence,
                    p.reported_at,
                    first_in_batch[r.thread_id] if r.duplicate else None,
                    p.factuality.value,
                    p.event.value if p.event is not None else "",
                    p.caretaker,
                    p.relayed_by,
                    p.later,
                    p.parted,
                )
            )
        await self._insert(
            "INSERT INTO reports (id, thread_id, story_id, outlet, url, title, source, tier, voice, relation,"
            " confidence, evidence, reported_at, duplicate_of, factuality, event, caretaker, relayed_by,"
            " later, parted)"
            " SELECT c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, CASE WHEN c13 IS NULL THEN NULL ELSE"
            " coalesce((SELECT min(r.id) FROM reports r WHERE r.thread_id = x.c1 AND r.id < ?), c13) END,"
            " c14, c15, c16, c17, c18, c19 FROM {batch} ORDER BY n",
            (
                "bigint",
                "bigint",
                "bigint",
                "text",
                "text",
                "text",
                "text",
                "int",
                "text",
                "text",
                "float8",
                "text",
                "timestamptz",
                "bigint",
                "text",
                "text",
                "boolean",
                "text",
                "boolean",
                "boolean",
            ),
            rows,
            ids[0],
        )
        return ids

    async def add_events(self, events: Sequence[NewEvent], at: datetime) -> list[int]:
        """Insert the events in order (and the stage timeline rows); return their ids in that order."""
        if not events:
            return []
        ids = await self._d.new_ids(self._conn, "events", len(events))
        await self._insert(
            "INSERT INTO events (id, thread_id, kind, stage, source, created_at)"
            " SELECT c0, c1, c2, c3, c4, ? FROM {batch} ORDER BY n",
            ("bigint", "bigint", "text", "text", "text"),
            [
                (i, e.thread_id, e.event.kind.value, e.event.stage.value, e.event.source)
                for i, e in zip(ids, events, strict=True)
            ],
            at,
        )
        stages = [e for e in events if e.event.kind in _STAGE_EVENTS]
        if stages:  # in the given order: stages recorded at the same instant are ordered by id
            await self._insert(
                "INSERT INTO thread_stages (thread_id, stage, source, at) SELECT c0, c1, c2, ? FROM {batch} ORDER BY n",
                ("bigint", "text", "text"),
                [(e.thread_id, e.event.stage.value, e.event.source) for e in stages],
                at,
            )
        return ids

    async def subscribers(
        self, pairs: Iterable[tuple[str, str]], homes: Mapping[str, str] | None = None
    ) -> dict[tuple[str, str], list[tuple[Subscription, ChatPrefs]]]:
        """(manager, club) → the active follows of the manager, the club, the manager's own club now
        (``homes``: manager → club) or everything, oldest first."""
        homes = homes or {}
        wanted = sorted(set(pairs))
        result: dict[tuple[str, str], list[tuple[Subscription, ChatPrefs]]] = {p: [] for p in wanted}
        if not wanted:
            return result
        managers, manager_params = self._d.any_of(sorted({m for m, _ in wanted}), "text")
        clubs, club_params = self._d.any_of(
            sorted({c for _, c in wanted} | {homes.get(m, "") for m, _ in wanted}), "text"
        )
        rows = await self._conn.fetch(
            "SELECT s.chat_key, s.target_kind, s.target, s.ping_role, p.mode, p.min_tier, p.min_stage"
            " FROM subscriptions s LEFT JOIN chat_prefs p ON p.chat_key = s.chat_key"
            f" WHERE s.active AND (s.target_kind = 'all' OR (s.target_kind = 'manager' AND s.target {managers})"
            f" OR (s.target_kind = 'club' AND s.target {clubs})) ORDER BY s.id",
            (*manager_params, *club_params),
        )
        for row in rows:
            prefs = ChatPrefs(DeliveryMode(row[4]), int(row[5]), str(row[6])) if row[4] is not None else ChatPrefs()
            sub = Subscription(str(row[0]), TargetKind(row[1]), str(row[2]), str(row[3]), True)
            for manager, club in wanted:
                kind = sub.target_kind
                if (
                    kind == TargetKind.ALL
                    or (kind == TargetKind.MANAGER and sub.target == manager)
                    or (kind == TargetKind.CLUB and sub.target in (club, homes.get(manager) or club))
                ):
                    result[(manager, club)].append((sub, prefs))
        return result

    async def add_deliveries(self, deliveries: Sequence[QueuedDelivery], at: datetime) -> int:
        """Queue the deliveries (an existing (thread, event, chat) is kept); return how many were given."""
        if not deliveries:
            return 0
        await self._insert(
            "INSERT INTO deliveries (event_id, thread_id, chat_key, ping_role, next_attempt_at, created_at)"
            " SELECT c0, c1, c2, c3, c4, ? FROM {batch} WHERE TRUE ORDER BY n ON CONFLICT DO NOTHING",
            ("bigint", "bigint", "text", "text", "timestamptz"),
            [
                (d.event_id, d.thread_id, d.target.chat_key, d.target.ping_role, d.target.due_at or at)
                for d in deliveries
            ],
            at,
        )
        return len(deliveries)
