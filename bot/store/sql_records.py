"""Reads and writes for track records, learned jobs, per-chat tier overrides, the boards and pinned
board messages (docs/adr/0007-resolutions-records-and-jobs.md)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from bot.domain import STAGE_RANK, Relation
from bot.domain.jobs import JobChange, JobRow
from bot.store.base import BoardRow, CandidateRow, NewJob, PressureRow
from bot.store.dialect import Dialect, Row, as_time, as_time_or_none

Counts = list[tuple[str, str, int]]  # (stage, outcome or '' while open, count)
_MOVES = tuple(r.value for r in Relation if r.value not in ("under_pressure", "sacked", "left", "stays", "extension"))


def _rank(stage: str) -> int:
    try:
        return STAGE_RANK[Relation(stage)]
    except ValueError:
        return 0


_BOARD = "SELECT id, chat_key, kind, league, message_id, digest, posting_at, updated_at FROM boards"


def _board(r: Row) -> BoardRow:
    return BoardRow(
        int(r[0]), str(r[1]), str(r[2]), str(r[3]), r[4], str(r[5]), as_time_or_none(r[6]), as_time_or_none(r[7])
    )


class RecordStore:
    def __init__(self, dialect: Dialect) -> None:
        self._d = dialect

    # -- learned jobs --------------------------------------------------------------------------

    async def job_rows(self, since: datetime | None = None) -> list[JobRow]:
        """Every change of job (from ``since`` on), oldest first."""
        rows = await self._d.fetch(
            "SELECT manager, club, change, since, caretaker, source, url, learned_by, id FROM jobs"
            " WHERE since >= ? ORDER BY since, id",
            (since or datetime(1900, 1, 1, tzinfo=UTC),),
        )
        return [
            JobRow(
                str(r[0]),
                str(r[1]),
                JobChange(r[2]),
                as_time(r[3]),
                bool(r[4]),
                str(r[5]),
                str(r[6]),
                str(r[7]),
                int(r[8]),
            )
            for r in rows
        ]

    async def jobs_version(self) -> tuple[int, int]:
        """(count, highest id) of the jobs rows: changes when a job is learned or set."""
        [row] = await self._d.fetch("SELECT count(*), coalesce(max(id), 0) FROM jobs")
        return int(row[0]), int(row[1])

    async def add_job(self, job: NewJob, now: datetime) -> None:
        await self._d.execute(
            "INSERT INTO jobs (manager, club, change, caretaker, since, source, url, report_id, learned_by, learned_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (job.manager, job.club, job.change, job.caretaker, job.since, job.source, job.url, job.report_id,
             job.learned_by, now),
        )  # fmt: skip

    # -- track records -------------------------------------------------------------------------

    async def source_counts(self, sources: Sequence[str], clubs: Sequence[str] = ("",)) -> dict[str, Counts]:
        """source → its claims counted by stage and outcome, over ``clubs`` ('' for all clubs)."""
        wanted = sorted(set(sources))
        found: dict[str, Counts] = {s: [] for s in wanted}
        if not wanted:
            return found
        in_s, ps = self._d.any_of(wanted, "text")
        in_c, pc = self._d.any_of(list(clubs), "text")
        for source, stage, outcome, n in await self._d.fetch(
            f"SELECT source, stage, outcome, sum(n) FROM source_stats WHERE source {in_s} AND club {in_c} AND n > 0"
            " GROUP BY source, stage, outcome",
            (*ps, *pc),
        ):
            found[str(source)].append((str(stage), str(outcome), int(n)))
        return found

    async def source_clubs(self, source: str) -> dict[str, Counts]:
        """club → the source's claims about that club's threads."""
        found: dict[str, Counts] = {}
        for club, stage, outcome, n in await self._d.fetch(
            "SELECT club, stage, outcome, n FROM source_stats WHERE source = ? AND club <> '' AND n > 0", (source,)
        ):
            found.setdefault(str(club), []).append((str(stage), str(outcome), int(n)))
        return found

    async def manager_counts(self, managers: Sequence[str]) -> dict[str, Counts]:
        """source → its claims about these managers' threads."""
        if not managers:
            return {}
        among, params = self._d.any_of(sorted(set(managers)), "text")
        found: dict[str, Counts] = {}
        for source, stage, outcome, n in await self._d.fetch(
            f"SELECT source, stage, coalesce(outcome, ''), count(*) FROM claims WHERE manager {among}"
            " GROUP BY source, stage, coalesce(outcome, '')",
            params,
        ):
            found.setdefault(str(source), []).append((str(stage), str(outcome), int(n)))
        return found

    async def top_sources(self, clubs: Sequence[str], limit: int) -> list[str]:
        """The sources with the most claims about ``clubs`` ('' for all clubs)."""
        in_c, pc = self._d.any_of(list(clubs), "text")
        rows = await self._d.fetch(
            f"SELECT source FROM source_stats WHERE club {in_c} GROUP BY source ORDER BY sum(n) DESC, source LIMIT ?",
            (*pc, limit),
        )
        return [str(r[0]) for r in rows]

    async def claimed_sources(self) -> list[str]:
        rows = await self._d.fetch("SELECT DISTINCT source FROM source_stats WHERE club = '' ORDER BY source")
        return [str(r[0]) for r in rows]

    async def inflations(self, relay: str) -> list[tuple[int, str, str, str]]:
        """The relays by ``relay`` that claimed a later stage than the source they credit had reported
        itself by then: (thread id, credited source, stage relayed, stage the source had claimed)."""
        rows = await self._d.fetch(
            "SELECT r.id, r.thread_id, r.source, r.relation, d.relation FROM reports r JOIN reports d"
            " ON d.thread_id = r.thread_id AND d.source = r.source AND d.relayed_by = '' AND d.duplicate_of IS NULL"
            " AND d.reported_at <= r.reported_at WHERE r.relayed_by = ? AND r.duplicate_of IS NULL ORDER BY r.id",
            (relay,),
        )
        own: dict[int, tuple[int, str, str, str]] = {}  # relay → the furthest stage its source had said
        for report_id, thread_id, source, relayed, direct in rows:
            held = own.get(int(report_id))
            if held is None or _rank(str(direct)) > _rank(held[3]):
                own[int(report_id)] = (int(thread_id), str(source), str(relayed), str(direct))
        return [(t, s, relayed, said) for t, s, relayed, said in own.values() if _rank(relayed) > _rank(said)]

    # -- per-chat tier overrides ---------------------------------------------------------------

    async def tier_overrides(self, chat_key: str) -> dict[str, int]:
        rows = await self._d.fetch("SELECT source, tier FROM tier_overrides WHERE chat_key = ?", (chat_key,))
        return {str(r[0]): int(r[1]) for r in rows}

    async def set_tier_override(self, chat_key: str, source: str, tier: int | None) -> bool:
        """Set (or, with None, remove) a chat's tier for a source; False when nothing changed."""
        if tier is None:
            sql = "DELETE FROM tier_overrides WHERE chat_key = ? AND source = ?"
            return await self._d.execute(sql, (chat_key, source)) > 0
        return (
            await self._d.execute(
                "INSERT INTO tier_overrides (chat_key, source, tier) VALUES (?, ?, ?) ON CONFLICT (chat_key, source)"
                " DO UPDATE SET tier = excluded.tier WHERE tier_overrides.tier <> excluded.tier",
                (chat_key, source, tier),
            )
            > 0
        )

    # -- the boards ----------------------------------------------------------------------------

    async def pressure(self, week: datetime, month: datetime, clubs: Sequence[str] | None) -> list[PressureRow]:
        """Open under-pressure threads updated since ``month``, with their reports since then counted."""
        club_sql, params = "", list[object]()
        if clubs is not None:
            among, params = self._d.any_of(list(clubs), "text")
            club_sql = f" AND t.club {among}"
        rows = await self._d.fetch(
            "SELECT t.id, t.manager, t.club, t.last_update, sum(CASE WHEN r.reported_at >= ? THEN 1 ELSE 0 END),"
            " count(*), min(r.tier) FROM threads t JOIN reports r ON r.thread_id = t.id AND r.reported_at >= ?"
            " AND r.duplicate_of IS NULL WHERE t.stage = 'under_pressure' AND t.outcome IS NULL AND t.last_update >= ?"
            f"{club_sql} GROUP BY t.id, t.manager, t.club, t.last_update",
            (week, month, month, *params),
        )
        return [
            PressureRow(int(r[0]), str(r[1]), str(r[2]), as_time(r[3]), int(r[4]), int(r[5]), int(r[6])) for r in rows
        ]

    async def candidates(self, clubs: Sequence[tuple[str, datetime]]) -> list[CandidateRow]:
        """Open move threads at each club updated since its time (when the job fell vacant, or before)."""
        if not clubs:
            return []
        batch, params = self._d.batch(("text", "timestamptz"), clubs)
        in_s, ps = self._d.any_of(list(_MOVES), "text")
        rows = await self._d.fetch(
            "SELECT t.id, t.manager, t.club, t.stage, t.heat, t.last_update, t.best_tier FROM"
            f" {batch} JOIN threads t ON t.club = x.c0 AND t.last_update >= x.c1"
            f" WHERE t.outcome IS NULL AND t.stage {in_s}",
            (*params, *ps),
        )
        return [
            CandidateRow(int(r[0]), str(r[1]), str(r[2]), str(r[3]), float(r[4]), as_time(r[5]), int(r[6]))
            for r in rows
        ]

    async def best_sources(self, thread_ids: Sequence[int]) -> dict[int, tuple[str, int]]:
        """thread id → its best claim's source and tier (best tier, then earliest)."""
        if not thread_ids:
            return {}
        among, params = self._d.any_of(list(thread_ids), "bigint")
        best: dict[int, tuple[str, int]] = {}
        for thread_id, source, tier in await self._d.fetch(
            f"SELECT thread_id, source, tier FROM claims WHERE thread_id {among} ORDER BY tier DESC, reported_at DESC",
            params,
        ):
            best[int(thread_id)] = (str(source), int(tier))  # the last one written is the best
        return best

    # -- pinned boards -------------------------------------------------------------------------

    async def pin_board(self, chat_key: str, kind: str, league: str, now: datetime) -> bool:
        """Keep a board in the chat; False when it already is."""
        rows = await self._d.fetch(
            "INSERT INTO boards (chat_key, kind, league, created_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (chat_key, kind, league) DO NOTHING RETURNING id",
            (chat_key, kind, league, now),
        )
        return bool(rows)

    async def unpin_board(self, chat_key: str, kind: str, league: str) -> bool:
        sql = "DELETE FROM boards WHERE chat_key = ? AND kind = ? AND league = ?"
        return await self._d.execute(sql, (chat_key, kind, league)) > 0

    async def boards(self, chat_key: str | None = None) -> list[BoardRow]:
        if chat_key is None:
            return [_board(r) for r in await self._d.fetch(f"{_BOARD} ORDER BY id")]
        return [_board(r) for r in await self._d.fetch(f"{_BOARD} WHERE chat_key = ? ORDER BY id", (chat_key,))]

    async def board_posting(self, board_id: int, now: datetime) -> None:
        """Mark that the board's message is being posted (a crash then may post it again)."""
        await self._d.execute("UPDATE boards SET posting_at = ? WHERE id = ?", (now, board_id))

    async def board_shown(self, board_id: int, message_id: str, digest: str, now: datetime) -> None:
        await self._d.execute(
            "UPDATE boards SET message_id = ?, digest = ?, updated_at = ?, posting_at = NULL WHERE id = ?",
            (message_id, digest, now, board_id),
        )

    async def board_lost(self, board_id: int) -> None:
        """The board's message is gone (deleted in the chat): post a new one next time."""
        await self._d.execute("UPDATE boards SET message_id = NULL, posting_at = NULL WHERE id = ?", (board_id,))

    async def drop_boards(self, chat_key: str) -> int:
        return await self._d.execute("DELETE FROM boards WHERE chat_key = ?", (chat_key,))
