"""The ingest transaction on SQLite: entries, stories, threads, reports, events and deliveries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

import aiosqlite

from bot.domain import Relation
from bot.rumours.threads import Report, ThreadEvent, ThreadState
from bot.store.base import ChatPrefs, NewDelivery, NewEntry, StoryRecord, Subscription
from bot.store.timefmt import parse_ts, ts


class SQLiteIngestTx:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def insert_entries(self, feed_id: int, entries: Sequence[NewEntry], seen_at: datetime) -> dict[str, int]:
        if not entries:
            return {}
        keys = [e.entry_key for e in entries]
        existing = await self._existing(feed_id, keys)
        fresh = [e for e in entries if e.entry_key not in existing]
        await self._db.executemany(
            "INSERT OR IGNORE INTO entries (feed_id, entry_key, title, url, published, seen_at, is_rumour)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    feed_id,
                    e.entry_key,
                    e.title,
                    e.url,
                    ts(e.published) if e.published else None,
                    ts(seen_at),
                    int(e.is_rumour),
                )
                for e in fresh
            ],
        )
        if not fresh:
            return {}
        inserted = await self._existing(feed_id, [e.entry_key for e in fresh])
        return inserted

    async def _existing(self, feed_id: int, keys: Sequence[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for chunk_start in range(0, len(keys), 500):
            chunk = keys[chunk_start : chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            async with self._db.execute(
                f"SELECT entry_key, id FROM entries WHERE feed_id = ? AND entry_key IN ({marks})",
                (feed_id, *chunk),
            ) as cur:
                found.update({row[0]: row[1] async for row in cur})
        return found

    async def insert_story(self, entry_id: int | None, story: StoryRecord, created_at: datetime) -> int:
        cur = await self._db.execute(
            "INSERT INTO stories (entry_id, outlet, url, title, summary, analysis_json, published, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entry_id,
                story.outlet,
                story.url,
                story.title,
                story.summary,
                story.analysis_json,
                ts(story.published) if story.published else None,
                ts(created_at),
            ),
        )
        assert cur.lastrowid is not None
        return cur.lastrowid

    async def threads_for(
        self, pairs: Iterable[tuple[str, str]], since: datetime
    ) -> dict[tuple[str, str], ThreadState]:
        result: dict[tuple[str, str], ThreadState] = {}
        for manager, club in set(pairs):
            async with self._db.execute(
                "SELECT id, stage, first_seen, last_update, best_tier, summary FROM threads"
                " WHERE manager = ? AND club = ? AND last_update >= ? ORDER BY last_update DESC LIMIT 1",
                (manager, club, ts(since)),
            ) as cur:
                row = await cur.fetchone()
            if row is None:
                continue
            async with self._db.execute(
                "SELECT DISTINCT voice FROM reports WHERE thread_id = ? AND duplicate_of IS NULL", (row[0],)
            ) as cur:
                voices = frozenset(str(r[0]) for r in await cur.fetchall())
            result[(manager, club)] = ThreadState(
                id=row[0],
                manager=manager,
                club=club,
                stage=Relation(row[1]),
                first_seen=parse_ts(row[2]),
                last_update=parse_ts(row[3]),
                best_tier=row[4],
                voices=voices,
                summary=row[5],
            )
        return result

    async def recent_report_texts(self, thread_ids: Iterable[int]) -> dict[int, list[tuple[str, str]]]:
        result: dict[int, list[tuple[str, str]]] = {}
        for thread_id in set(thread_ids):
            async with self._db.execute(
                "SELECT url, title || ' ' || evidence FROM reports WHERE thread_id = ?"
                " ORDER BY reported_at DESC LIMIT 50",
                (thread_id,),
            ) as cur:
                result[thread_id] = [(r[0], r[1]) async for r in cur]
        return result

    async def save_thread(self, state: ThreadState) -> int:
        values = (
            state.stage.value,
            ts(state.last_update),
            state.best_tier,
            state.corroboration,
            state.heat,
            state.summary,
        )
        if state.id is None:
            cur = await self._db.execute(
                "INSERT INTO threads (manager, club, first_seen, stage, last_update, best_tier, corroboration,"
                " heat, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (state.manager, state.club, ts(state.first_seen), *values),
            )
            assert cur.lastrowid is not None
            return cur.lastrowid
        await self._db.execute(
            "UPDATE threads SET stage = ?, last_update = ?, best_tier = ?, corroboration = ?, heat = ?,"
            " summary = ? WHERE id = ?",
            (*values, state.id),
        )
        return state.id

    async def add_report(self, thread_id: int, story_id: int | None, report: Report, duplicate: bool) -> None:
        await self._db.execute(
            "INSERT INTO reports (thread_id, story_id, outlet, url, title, source, tier, voice, relation,"
            " confidence, evidence, duplicate_of, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " (SELECT min(id) FROM reports WHERE thread_id = ? AND ? = 1), ?)",
            (
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
                thread_id,
                int(duplicate),
                ts(report.reported_at),
            ),
        )

    async def add_event(self, thread_id: int, event: ThreadEvent, at: datetime) -> int:
        cur = await self._db.execute(
            "INSERT INTO events (thread_id, kind, stage, source, created_at) VALUES (?, ?, ?, ?, ?)",
            (thread_id, event.kind.value, event.stage.value, event.source, ts(at)),
        )
        if event.kind.value in ("created", "stage"):
            await self._db.execute(
                "INSERT INTO thread_stages (thread_id, stage, source, at) VALUES (?, ?, ?, ?)",
                (thread_id, event.stage.value, event.source, ts(at)),
            )
        assert cur.lastrowid is not None
        return cur.lastrowid

    async def subscribers(self, manager: str, club: str) -> list[tuple[Subscription, ChatPrefs]]:
        async with self._db.execute(
            "SELECT s.chat_key, s.target_kind, s.target, s.ping_role, p.mode, p.min_tier, p.min_stage"
            " FROM subscriptions s LEFT JOIN chat_prefs p ON p.chat_key = s.chat_key"
            " WHERE s.active = 1 AND ((s.target_kind = 'manager' AND s.target = ?)"
            " OR (s.target_kind = 'club' AND s.target = ?) OR s.target_kind = 'all')",
            (manager, club),
        ) as cur:
            rows = await cur.fetchall()
        result = []
        for row in rows:
            prefs = ChatPrefs(row[4], row[5], row[6]) if row[4] is not None else ChatPrefs()
            result.append((Subscription(row[0], row[1], row[2], row[3], True), prefs))
        return result

    async def add_deliveries(self, event_id: int, thread_id: int, targets: Sequence[NewDelivery], at: datetime) -> int:
        await self._db.executemany(
            "INSERT OR IGNORE INTO deliveries (event_id, thread_id, chat_key, ping_role, next_attempt_at,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [(event_id, thread_id, t.chat_key, t.ping_role, ts(t.due_at or at), ts(at)) for t in targets],
        )
        return len(targets)
