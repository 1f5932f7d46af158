"""Sagas as the prediction game reads them from threads and reports: open jobs, their candidates,
managers under pressure, the outcomes that answer a question, and the reports its sources are scored by.

Outcomes are thread resolutions (docs/adr/0007-resolutions-records-and-jobs.md): a move thread (M → C)
resolved true is M's arrival at C (a done agreement or appointment, or an operator's ruling), a pressure
thread resolved true M's exit from C (a done sacking or departure, or a ruling); the latest resolution
of a thread counts, so an operator who overrules a misread story takes its outcome back. An interim
appointment is not the permanent one a job question asks about.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.domain import current_heat
from bot.questions import RULING, Candidate, SagaOutcome, SagaReport, SagaThread
from bot.store.dialect import Dialect, Row, as_time

_REPORT = (
    "SELECT r.id, t.manager, t.club, r.relation, r.source, r.tier, r.reported_at, r.story_id, r.caretaker"
    " FROM reports r JOIN threads t ON t.id = r.thread_id"
)
# A thread resolved true by its latest resolution, with the report that resolved it (none for a ruling).
_RESOLVED = (
    "SELECT t.manager, t.club, coalesce(r.relation, ''), coalesce(r.source, ''), coalesce(r.reported_at, res.at),"
    " coalesce(r.caretaker, FALSE) FROM threads t JOIN resolutions res ON res.thread_id = t.id"
    " AND res.id = (SELECT max(x.id) FROM resolutions x WHERE x.thread_id = t.id)"
    " LEFT JOIN reports r ON r.id = res.report_id WHERE t.outcome = 'true'"
    " AND coalesce(r.reported_at, res.at) >= ?"
)
_EXITS = ("under_pressure", "sacked", "left")  # the stages of a pressure thread
_NOT_MOVES = (*_EXITS, "stays", "extension")
_CANDIDATE_STAGES = ("linked", "talks", "offer", "agreed")


def _outcome(r: Row) -> SagaOutcome:
    ruling = not r[2]
    return SagaOutcome(
        str(r[0]), str(r[1]), RULING if ruling else str(r[2]), as_time(r[4]), "" if ruling else str(r[3])
    )


class SagaSQL:
    def __init__(self, dialect: Dialect) -> None:
        self._d = dialect

    async def appointments(self, clubs: Sequence[str], since: datetime) -> list[SagaOutcome]:
        """Permanent arrivals at ``clubs`` (move threads resolved true, not by a caretaker's appointment)
        known at or after ``since``, earliest first."""
        if not clubs:
            return []
        among, params = self._d.any_of(sorted(set(clubs)), "text")
        moves, stages = self._d.any_of(_NOT_MOVES, "text")
        rows = await self._d.fetch(
            f"{_RESOLVED} AND t.club {among} AND NOT (t.stage {moves}) ORDER BY 5, t.id",
            (since, *params, *stages),
        )
        return [_outcome(r) for r in rows if not r[5]]

    async def departures(self, pairs: Sequence[tuple[str, str]] | None, since: datetime) -> list[SagaOutcome]:
        """Managers' exits (pressure threads resolved true) known at or after ``since`` — of the
        (manager, club) ``pairs``, or of anyone with None — earliest first, one per pair."""
        if pairs is not None and not pairs:
            return []
        exits, stages = self._d.any_of(_EXITS, "text")
        where, params = "", list[object]()
        if pairs is not None:
            batch, params = self._d.batch(("text", "text"), sorted(set(pairs)))
            where = f" AND EXISTS (SELECT 1 FROM {batch} WHERE x.c0 = t.manager AND x.c1 = t.club)"
        rows = await self._d.fetch(
            f"{_RESOLVED} AND t.stage {exits}{where} ORDER BY 5, t.id", (since, *stages, *params)
        )
        first: dict[tuple[str, str], SagaOutcome] = {}
        for r in rows:
            first.setdefault((str(r[0]), str(r[1])), _outcome(r))
        return list(first.values())

    async def candidates(self, club: str, since: datetime, now: datetime) -> list[Candidate]:
        """Managers in the running for ``club``'s job: its threads updated since ``since`` at a stage
        before an appointment (linked, talks, offer, agreed), hottest first."""
        among, params = self._d.any_of(_CANDIDATE_STAGES, "text")
        rows = await self._d.fetch(
            "SELECT manager, stage, heat, last_update FROM threads"
            f" WHERE club = ? AND last_update >= ? AND stage {among}",
            (club, since, *params),
        )
        best: dict[str, Candidate] = {}
        for manager, stage, heat, last_update in rows:
            candidate = Candidate(
                str(manager), str(stage), current_heat(float(heat), as_time(last_update), now), as_time(last_update)
            )
            if candidate.manager not in best or candidate.heat > best[candidate.manager].heat:
                best[candidate.manager] = candidate
        return sorted(best.values(), key=lambda c: (-c.heat, c.manager))

    async def under_pressure(self, since: datetime, now: datetime) -> list[SagaThread]:
        """Threads at the under-pressure stage updated since ``since``, hottest first."""
        rows = await self._d.fetch(
            "SELECT manager, club, heat, last_update FROM threads WHERE stage = 'under_pressure' AND last_update >= ?",
            (since,),
        )
        found = [
            SagaThread(str(m), str(c), "under_pressure", current_heat(float(h), as_time(at), now), as_time(at))
            for m, c, h, at in rows
        ]
        return sorted(found, key=lambda s: (-s.heat, s.manager, s.club))

    async def saga_reports(self, club: str, since: datetime, until: datetime) -> list[SagaReport]:
        """The sources' own reports about ``club`` from ``since`` until before ``until`` (no near-copies, no
        aggregator's relay of another source)."""
        rows = await self._d.fetch(
            f"{_REPORT} WHERE t.club = ? AND r.reported_at >= ? AND r.reported_at < ? AND r.duplicate_of IS NULL"
            " AND r.relayed_by = '' ORDER BY r.reported_at, r.id",
            (club, since, until),
        )
        return [
            SagaReport(
                int(r[0]),
                str(r[1]),
                str(r[2]),
                str(r[3]),
                str(r[4]),
                int(r[5]),
                as_time(r[6]),
                None if r[7] is None else int(r[7]),
                bool(r[8]),
            )
            for r in rows
        ]

    async def watchers(self, club: str, manager: str) -> list[str]:
        """Chats with an active follow of the club, the manager or everything, that have not turned
        automatic questions off."""
        rows = await self._d.fetch(
            "SELECT DISTINCT s.chat_key FROM subscriptions s LEFT JOIN question_chats c ON c.chat_key = s.chat_key"
            " WHERE s.active AND (c.auto IS NULL OR c.auto) AND (s.target_kind = 'all'"
            " OR (s.target_kind = 'club' AND s.target = ?) OR (s.target_kind = 'manager' AND s.target = ?))"
            " ORDER BY s.chat_key",
            (club, manager),
        )
        return [str(r[0]) for r in rows]
