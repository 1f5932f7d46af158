"""The ingest transaction on SQLite: entries, stories, threads, reports, events and deliveries.

Each method writes its whole batch with one statement: the rows travel as one JSON array
parameter and ``json_each`` unpacks them, so a batch costs the same number of round trips through
the aiosqlite thread (and the same number of statements) whatever its size. Ids are handed out by
the transaction itself (``BEGIN IMMEDIATE`` holds the write lock), so the callers know them without
reading rows back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime

import aiosqlite

from bot.domain import Relation
from bot.rumours.threads import ThreadState
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
from bot.store.timefmt import parse_ts, ts

_ID_TABLES = ("entries", "stories", "threads", "reports", "events", "thread_stages")


def _ts_or_none(value: datetime | None) -> str | None:
    return ts(value) if value else None


class SQLiteIngestTx:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db
        self._next_ids: dict[str, int] = {}

    async def _ids(self, table: str, count: int) -> list[int]:
        """``count`` new row ids for ``table``; the highest ids of all tables are read once."""
        if not self._next_ids:
            columns = ", ".join(f"(SELECT coalesce(max(rowid), 0) FROM {t})" for t in _ID_TABLES)
            async with self._db.execute(f"SELECT {columns}") as cur:
                row = await cur.fetchone()
            assert row is not None
            self._next_ids = {t: int(v) + 1 for t, v in zip(_ID_TABLES, row, strict=True)}
        first = self._next_ids[table]
        self._next_ids[table] = first + count
        return list(range(first, first + count))

    async def _rows(self, sql: str, params: Sequence[object]) -> list[aiosqlite.Row]:
        async with self._db.execute(sql, params) as cur:
            return list(await cur.fetchall())

    async def insert_entries(self, feed_id: int, entries: Sequence[NewEntry], seen_at: datetime) -> dict[str, int]:
        if not entries:
            return {}
        keys = list(dict.fromkeys(e.entry_key for e in entries))
        existing = {
            str(r[0])
            for r in await self._rows(
                "SELECT entry_key FROM entries WHERE feed_id = ? AND entry_key IN (SELECT value FROM json_each(?))",
                (feed_id, json.dumps(keys)),
            )
        }
        fresh: dict[str, NewEntry] = {}
        for e in entries:
            if e.entry_key not in existing and e.entry_key not in fresh:
                fresh[e.entry_key] = e
        if not fresh:
            return {}
        ids = await self._ids("entries", len(fresh))
        rows = [
            [i, e.entry_key, e.title, e.url, _ts_or_none(e.published), int(e.is_rumour), e.decision, e.link_key]
            for i, e in zip(ids, fresh.values(), strict=True)
        ]
        await self._db.execute(
            "INSERT INTO entries (id, feed_id, entry_key, title, url, published, seen_at, is_rumour, decision,"
            " link_key) SELECT value->>0, ?, value->>1, value->>2, value->>3, value->>4, ?, value->>5, value->>6,"
            " value->>7 FROM json_each(?) ORDER BY key",
            (feed_id, ts(seen_at), json.dumps(rows)),
        )
        return dict(zip(fresh, ids, strict=True))

    async def insert_stories(self, stories: Sequence[NewStory], created_at: datetime) -> list[int]:
        if not stories:
            return []
        ids = await self._ids("stories", len(stories))
        rows = [
            [
                i,
                s.entry_id,
                s.story.outlet,
                s.story.url,
                s.story.title,
                s.story.summary,
                s.story.analysis_json,
                _ts_or_none(s.story.published),
            ]
            for i, s in zip(ids, stories, strict=True)
        ]
        await self._db.execute(
            "INSERT INTO stories (id, entry_id, outlet, url, title, summary, analysis_json, published, created_at)"
            " SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7, ?"
            " FROM json_each(?) ORDER BY key",
            (ts(created_at), json.dumps(rows)),
        )
        return ids

    async def threads_for(
        self, pairs: Iterable[tuple[str, str]], since: datetime
    ) -> dict[tuple[str, str], ThreadState]:
        wanted = sorted(set(pairs))
        if not wanted:
            return {}
        rows = await self._rows(
            "SELECT id, manager, club, stage, first_seen, last_update, best_tier, summary,"
            " (SELECT json_group_array(DISTINCT voice) FROM reports r WHERE r.thread_id = t.id"
            " AND r.duplicate_of IS NULL) FROM ("
            "SELECT th.*, row_number() OVER (PARTITION BY th.manager, th.club"
            " ORDER BY th.last_update DESC, th.id DESC) AS n"
            " FROM json_each(?) AS p JOIN threads th ON th.manager = p.value->>0 AND th.club = p.value->>1"
            " AND th.last_update >= ?) AS t WHERE n = 1",
            (json.dumps(wanted), ts(since)),
        )
        return {
            (str(r[1]), str(r[2])): ThreadState(
                id=int(r[0]),
                manager=str(r[1]),
                club=str(r[2]),
                stage=Relation(r[3]),
                first_seen=parse_ts(r[4]),
                last_update=parse_ts(r[5]),
                best_tier=int(r[6]),
                voices=frozenset(str(v) for v in json.loads(r[8])),
                summary=str(r[7]),
            )
            for r in rows
        }

    async def recent_report_texts(self, thread_ids: Iterable[int], limit: int = 50) -> dict[int, list[RecentText]]:
        ids = sorted(set(thread_ids))
        result: dict[int, list[RecentText]] = {i: [] for i in ids}
        if not ids:
            return result
        rows = await self._rows(
            "SELECT r.thread_id, r.url, r.title || ' ' || r.evidence, r.reported_at FROM json_each(?) AS t"
            " JOIN reports r ON r.id IN (SELECT id FROM reports WHERE thread_id = t.value"
            " ORDER BY reported_at DESC LIMIT ?)",
            (json.dumps(ids), limit),
        )
        for r in rows:
            result[int(r[0])].append(RecentText(str(r[1]), str(r[2]), parse_ts(r[3])))
        for texts in result.values():
            texts.sort(key=lambda t: t.reported_at, reverse=True)
        return result

    async def save_threads(self, states: Sequence[ThreadState]) -> list[int]:
        new = [s for s in states if s.id is None]
        new_ids = iter(await self._ids("threads", len(new)) if new else [])
        ids = [s.id if s.id is not None else next(new_ids) for s in states]
        rows = [
            [
                i,
                s.manager,
                s.club,
                ts(s.first_seen),
                s.stage.value,
                ts(s.last_update),
                s.best_tier,
                s.corroboration,
                s.heat,
                s.summary,
            ]
            for i, s in zip(ids, states, strict=True)
        ]
        if new:
            await self._db.execute(
                "INSERT INTO threads (id, manager, club, first_seen, stage, last_update, best_tier, corroboration,"
                " heat, summary) SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5,"
                " value->>6, value->>7, value->>8, value->>9 FROM json_each(?) ORDER BY key",
                (json.dumps([r for r, s in zip(rows, states, strict=True) if s.id is None]),),
            )
        old = [r for r, s in zip(rows, states, strict=True) if s.id is not None]
        if old:
            await self._db.execute(
                "UPDATE threads SET stage = x.value->>4, last_update = x.value->>5, best_tier = x.value->>6,"
                " corroboration = x.value->>7, heat = x.value->>8, summary = x.value->>9"
                " FROM json_each(?) AS x WHERE threads.id = x.value->>0",
                (json.dumps(old),),
            )
        return ids

    async def add_reports(self, reports: Sequence[NewReport]) -> None:
        if not reports:
            return
        ids = await self._ids("reports", len(reports))
        first_in_batch: dict[int, int] = {}
        rows = []
        for i, r in zip(ids, reports, strict=True):
            first_in_batch.setdefault(r.thread_id, i)
            p = r.report
            rows.append(
                [
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
                    ts(p.reported_at),
                    first_in_batch[r.thread_id] if r.duplicate else None,
                ]
            )
        # A duplicate points at the thread's first report: a stored one (lower ids) if there is one,
        # else the first of this batch.
        await self._db.execute(
            "INSERT INTO reports (id, thread_id, story_id, outlet, url, title, source, tier, voice, relation,"
            " confidence, evidence, reported_at, duplicate_of) SELECT value->>0, value->>1, value->>2,"
            " value->>3, value->>4, value->>5, value->>6, value->>7, value->>8, value->>9, value->>10,"
            " value->>11, value->>12, CASE WHEN value->>13 IS NULL THEN NULL ELSE coalesce("
            "(SELECT min(r.id) FROM reports r WHERE r.thread_id = value->>1 AND r.id < ?), value->>13) END"
            " FROM json_each(?) ORDER BY key",
            (ids[0], json.dumps(rows)),
        )

    async def add_events(self, events: Sequence[NewEvent], at: datetime) -> list[int]:
        if not events:
            return []
        ids = await self._ids("events", len(events))
        when = ts(at)
        await self._db.execute(
            "INSERT INTO events (id, thread_id, kind, stage, source, created_at)"
            " SELECT value->>0, value->>1, value->>2, value->>3, value->>4, ? FROM json_each(?) ORDER BY key",
            (
                when,
                json.dumps(
                    [
                        [i, e.thread_id, e.event.kind.value, e.event.stage.value, e.event.source]
                        for i, e in zip(ids, events, strict=True)
                    ]
                ),
            ),
        )
        stages = [e for e in events if e.event.kind.value in ("created", "stage")]
        if stages:
            rowids = await self._ids("thread_stages", len(stages))
            await self._db.execute(
                "INSERT INTO thread_stages (rowid, thread_id, stage, source, at)"
                " SELECT value->>0, value->>1, value->>2, value->>3, ? FROM json_each(?) ORDER BY key",
                (
                    when,
                    json.dumps(
                        [
                            [i, e.thread_id, e.event.stage.value, e.event.source]
                            for i, e in zip(rowids, stages, strict=True)
                        ]
                    ),
                ),
            )
        return ids

    async def subscribers(
        self, pairs: Iterable[tuple[str, str]]
    ) -> dict[tuple[str, str], list[tuple[Subscription, ChatPrefs]]]:
        wanted = sorted(set(pairs))
        result: dict[tuple[str, str], list[tuple[Subscription, ChatPrefs]]] = {p: [] for p in wanted}
        if not wanted:
            return result
        rows = await self._rows(
            "SELECT s.chat_key, s.target_kind, s.target, s.ping_role, p.mode, p.min_tier, p.min_stage"
            " FROM subscriptions s LEFT JOIN chat_prefs p ON p.chat_key = s.chat_key"
            " WHERE s.active = 1 AND (s.target_kind = 'all'"
            " OR (s.target_kind = 'manager' AND s.target IN (SELECT value FROM json_each(?)))"
            " OR (s.target_kind = 'club' AND s.target IN (SELECT value FROM json_each(?)))) ORDER BY s.id",
            (json.dumps(sorted({m for m, _ in wanted})), json.dumps(sorted({c for _, c in wanted}))),
        )
        for row in rows:
            prefs = ChatPrefs(row[4], row[5], row[6]) if row[4] is not None else ChatPrefs()
            sub = Subscription(row[0], row[1], row[2], row[3], True)
            for manager, club in wanted:
                kind, target = sub.target_kind, sub.target
                if kind == "all" or (kind == "manager" and target == manager) or (kind == "club" and target == club):
                    result[(manager, club)].append((sub, prefs))
        return result

    async def add_deliveries(self, deliveries: Sequence[QueuedDelivery], at: datetime) -> int:
        if not deliveries:
            return 0
        when = ts(at)
        await self._db.execute(
            "INSERT OR IGNORE INTO deliveries (event_id, thread_id, chat_key, ping_role, next_attempt_at,"
            " created_at) SELECT value->>0, value->>1, value->>2, value->>3, value->>4, ? FROM json_each(?)"
            " ORDER BY key",
            (
                when,
                json.dumps(
                    [
                        [
                            d.event_id,
                            d.thread_id,
                            d.target.chat_key,
                            d.target.ping_role,
                            ts(d.target.due_at) if d.target.due_at else when,
                        ]
                        for d in deliveries
                    ]
                ),
            ),
        )
        return len(deliveries)
