"""Reads for commands, the status page and /why: threads with their reports and stage timeline, an
entry's decision and reports, a thread's events and what became of each in one chat."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.domain import Cause, EventKind, Outcome, Relation, Resolution, ThreadState, current_heat
from bot.domain.records import SourceRecord, phrase, tally
from bot.store.base import EntryTrace, EventTrace, ReportRow, ReportTrace, StageRow, ThreadView
from bot.store.dialect import Dialect, Row, as_time, as_time_or_none

_THREAD_SQL = (
    "SELECT id, manager, club, stage, first_seen, last_update, best_tier, corroboration, heat, summary, outcome"
)
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


def _caller(reports: Sequence[ReportRow]) -> str:
    """The source whose record the thread's card shows: its best original source that makes calls
    (an official statement is the outcome, not a call), best tier first, then earliest."""
    callers = [r for r in reports if not r.duplicate and r.tier > 0]
    return min(callers, key=lambda r: (r.tier, r.reported_at)).source if callers else ""


class TraceReads:
    def __init__(self, dialect: Dialect) -> None:
        self._d = dialect

    # -- threads -------------------------------------------------------------------------------

    async def threads_about(
        self, *, manager: str | None = None, club: str | None = None, limit: int = 10
    ) -> list[ThreadView]:
        column, value = ("manager", manager) if manager is not None else ("club", club)
        sql = f"{_THREAD_SQL} FROM threads WHERE {column} = ? ORDER BY last_update DESC, id DESC LIMIT ?"
        return await self._views(await self._d.fetch(sql, (value, limit)))

    async def hot_threads(self, now: datetime, limit: int) -> list[ThreadView]:
        sql = f"{_THREAD_SQL} FROM threads WHERE last_update >= ? ORDER BY heat DESC, id LIMIT ?"
        views = await self._views(await self._d.fetch(sql, (now - timedelta(days=7), limit * 5)), now)
        views.sort(key=lambda v: v.heat, reverse=True)
        return views[:limit]

    async def thread(self, thread_id: int) -> ThreadView | None:
        views = await self._views(await self._d.fetch(f"{_THREAD_SQL} FROM threads WHERE id = ?", (thread_id,)))
        return views[0] if views else None

    async def _views(self, rows: Sequence[Row], now: datetime | None = None) -> list[ThreadView]:
        """Threads with their reports (newest first) and stage timeline; heat decayed to ``now`` if given."""
        if not rows:
            return []
        ids = [int(r[0]) for r in rows]
        among, params = self._d.any_of(ids, "bigint")
        reports: dict[int, list[ReportRow]] = {i: [] for i in ids}
        voices: dict[int, set[str]] = {i: set() for i in ids}  # publisher groups, as the ingest counts them
        for r in await self._d.fetch(
            "SELECT thread_id, outlet, url, title, source, tier, relation, reported_at, duplicate_of, voice,"
            " factuality, relayed_by, later, parted, caretaker FROM reports"
            f" WHERE thread_id {among} ORDER BY reported_at DESC, id DESC",
            params,
        ):
            report = ReportRow(
                str(r[1]),
                str(r[2]),
                str(r[3]),
                str(r[4]),
                int(r[5]),
                str(r[6]),
                as_time(r[7]),
                r[8] is not None,
                str(r[10]),
                str(r[11]),
                bool(r[12]),
                bool(r[13]),
                bool(r[14]),
            )
            reports[int(r[0])].append(report)
            if r[8] is None:
                voices[int(r[0])].add(str(r[9]))
        stages: dict[int, list[StageRow]] = {i: [] for i in ids}
        sql = f"SELECT thread_id, stage, source, at FROM thread_stages WHERE thread_id {among}"
        sql += f" ORDER BY at, {self._d.row_order}"
        for r in await self._d.fetch(sql, params):
            stages[int(r[0])].append(StageRow(str(r[1]), str(r[2]), as_time(r[3])))
        resolutions = await self.resolutions([int(r[0]) for r in rows if r[10] is not None])
        best = {i: _caller(reports[i]) for i in ids}
        records = await self.records([b for b in best.values() if b])
        views: list[ThreadView] = []
        for r in rows:
            thread_id = int(r[0])
            state = ThreadState(
                id=thread_id,
                manager=str(r[1]),
                club=str(r[2]),
                stage=Relation(str(r[3])),
                first_seen=as_time(r[4]),
                last_update=as_time(r[5]),
                best_tier=int(r[6]),
                voices=frozenset(voices[thread_id]),
                summary=str(r[9]),
            )
            heat = float(r[8])
            if now is not None:
                heat = current_heat(heat, state.last_update, now)
            record = records.get(best[thread_id], "")
            views.append(
                ThreadView(
                    state,
                    heat,
                    tuple(reports[thread_id]),
                    tuple(stages[thread_id]),
                    resolutions.get(thread_id),
                    record,
                )
            )
        return views

    async def resolutions(self, thread_ids: Sequence[int]) -> dict[int, Resolution]:
        """Each resolved thread's latest resolution, with the story (or operator) behind it."""
        if not thread_ids:
            return {}
        among, params = self._d.any_of(list(thread_ids), "bigint")
        rows = await self._d.fetch(
            "SELECT z.thread_id, z.outcome, z.at, z.cause, z.actor, z.note, p.source, p.url, p.title, p.relation,"
            " t.manager, t.club, p.later FROM resolutions z LEFT JOIN reports p ON p.id = z.report_id"
            " LEFT JOIN threads t"
            f" ON t.id = p.thread_id WHERE z.id IN (SELECT max(id) FROM resolutions WHERE thread_id {among}"
            " GROUP BY thread_id)",
            params,
        )
        return {
            int(r[0]): Resolution(
                Outcome(r[1]),
                as_time(r[2]),
                Cause(r[3]),
                source=str(r[6] or ""),
                url=str(r[7] or ""),
                title=str(r[8] or ""),
                relation=str(r[9] or ""),
                manager=str(r[10] or ""),
                club=str(r[11] or ""),
                actor=str(r[4]),
                note=str(r[5]),
                later=bool(r[12]),
            )
            for r in rows
        }

    async def records(self, sources: Sequence[str]) -> dict[str, str]:
        """Each source's record over all clubs, as the one phrase alerts carry."""
        wanted = sorted(set(sources))
        if not wanted:
            return {}
        among, params = self._d.any_of(wanted, "text")
        counts: dict[str, list[tuple[str, str, int]]] = {s: [] for s in wanted}
        for source, stage, outcome, n in await self._d.fetch(
            f"SELECT source, stage, outcome, n FROM source_stats WHERE source {among} AND club = '' AND n > 0",
            params,
        ):
            counts[str(source)].append((str(stage), str(outcome), int(n)))
        return {s: phrase(SourceRecord(s, 4, tally(c))) for s, c in counts.items()}

    # -- /why ----------------------------------------------------------------------------------

    async def entries_by_link(self, key: str, limit: int) -> list[EntryTrace]:
        """Entries whose ``link_key`` is ``key``, first seen first, with their reports."""
        if not key:
            return []
        sql = f"{_ENTRY_SQL} WHERE e.link_key = ? ORDER BY e.seen_at, e.id LIMIT ?"
        return await self._with_reports(await self._d.fetch(sql, (key, limit)))

    async def thread_entries(self, thread_id: int, limit: int) -> list[EntryTrace]:
        """The entries behind a thread's reports, newest first, with their reports."""
        rows = await self._d.fetch(
            f"{_ENTRY_SQL} WHERE e.id IN (SELECT s.entry_id FROM reports r JOIN stories s ON s.id = r.story_id"
            " WHERE r.thread_id = ?) ORDER BY e.seen_at DESC, e.id DESC LIMIT ?",
            (thread_id, limit),
        )
        return await self._with_reports(rows)

    async def _with_reports(self, rows: Sequence[Row]) -> list[EntryTrace]:
        if not rows:
            return []
        ids = [int(r[0]) for r in rows]
        reports: dict[int, list[ReportTrace]] = {i: [] for i in ids}
        among, params = self._d.any_of(ids, "bigint")
        for r in await self._d.fetch(f"{_REPORT_SQL} WHERE s.entry_id {among} ORDER BY r.id", params):
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
                published=as_time_or_none(r[4]),
                seen_at=as_time(r[5]),
                is_rumour=bool(r[6]),
                decision=str(r[7]),
                reports=tuple(reports[int(r[0])]),
            )
            for r in rows
        ]

    async def thread_log(self, thread_id: int, chat_key: str) -> list[EventTrace]:
        """The thread's events, oldest first, each with what became of it in ``chat_key``."""
        return [
            EventTrace(
                id=int(r[0]),
                thread_id=int(r[1]),
                kind=EventKind(r[2]),
                stage=str(r[3]),
                source=str(r[4]),
                at=as_time(r[5]),
                status=None if r[6] is None else str(r[6]),
                attempts=int(r[7] or 0),
                due_at=as_time_or_none(r[8]),
                sent_at=as_time_or_none(r[9]),
                error=None if r[10] is None else str(r[10]),
            )
            for r in await self._d.fetch(_EVENT_SQL, (chat_key, thread_id))
        ]
