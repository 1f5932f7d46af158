"""Sagas as the prediction game reads them from threads and reports: open jobs, their candidates,
managers under pressure, the outcomes that answer a question, and the reports its sources are scored by.

Only *done* claims reach the definite relations (appointed, sacked, left) of a report
(docs/adr/0004-factuality.md), so an outcome here is always a reported event, never a rumour of one.
An interim appointment is not the permanent one a job question asks about: the story's analysis says
which appointments are caretakers.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from bot.domain import current_heat
from bot.questions import Candidate, SagaOutcome, SagaReport, SagaThread
from bot.store.dialect import Dialect, as_time

_REPORT = (
    "SELECT r.id, t.manager, t.club, r.relation, r.source, r.tier, r.reported_at, r.story_id, s.analysis_json"
    " FROM reports r JOIN threads t ON t.id = r.thread_id LEFT JOIN stories s ON s.id = r.story_id"
)
_CANDIDATE_STAGES = ("linked", "talks", "offer", "agreed")


def caretaker(analysis_json: str | None, manager: str, club: str) -> bool:
    """Whether the story's claim about ``manager`` at ``club`` is an interim appointment."""
    if not analysis_json:
        return False
    try:
        claims = json.loads(analysis_json).get("rumours", [])
    except (ValueError, AttributeError):
        return False
    return any(
        isinstance(c, dict) and c.get("manager") == manager and c.get("club") == club and c.get("caretaker")
        for c in claims
    )


class SagaSQL:
    def __init__(self, dialect: Dialect) -> None:
        self._d = dialect

    async def appointments(self, clubs: Sequence[str], since: datetime) -> list[SagaOutcome]:
        """Permanent appointments at ``clubs`` reported at or after ``since``, earliest first."""
        if not clubs:
            return []
        among, params = self._d.any_of(sorted(set(clubs)), "text")
        rows = await self._d.fetch(
            f"{_REPORT} WHERE r.relation = 'appointed' AND t.club {among} AND r.reported_at >= ?"
            " ORDER BY r.reported_at, r.id",
            (*params, since),
        )
        return [
            SagaOutcome(str(r[1]), str(r[2]), "appointed", as_time(r[6]), str(r[4]))
            for r in rows
            if not caretaker(r[8], str(r[1]), str(r[2]))
        ]

    async def departures(self, pairs: Sequence[tuple[str, str]] | None, since: datetime) -> list[SagaOutcome]:
        """Managers' done exits (sacked, left) reported at or after ``since`` — of the (manager, club)
        ``pairs``, or of anyone with None — earliest first, one per pair."""
        if pairs is not None and not pairs:
            return []
        where, params = "", list[object]()
        if pairs is not None:
            batch, params = self._d.batch(("text", "text"), sorted(set(pairs)))
            where = f" AND EXISTS (SELECT 1 FROM {batch} WHERE x.c0 = t.manager AND x.c1 = t.club)"
        rows = await self._d.fetch(
            f"{_REPORT} WHERE r.relation IN ('sacked', 'left') AND r.reported_at >= ?{where}"
            " ORDER BY r.reported_at, r.id",
            (since, *params),
        )
        first: dict[tuple[str, str], SagaOutcome] = {}
        for r in rows:
            first.setdefault(
                (str(r[1]), str(r[2])), SagaOutcome(str(r[1]), str(r[2]), str(r[3]), as_time(r[6]), str(r[4]))
            )
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
        """The original reports (no near-copies) about ``club`` from ``since`` until before ``until``."""
        rows = await self._d.fetch(
            f"{_REPORT} WHERE t.club = ? AND r.reported_at >= ? AND r.reported_at < ? AND r.duplicate_of IS NULL"
            " ORDER BY r.reported_at, r.id",
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
                caretaker(r[8], str(r[1]), str(r[2])) if r[3] == "appointed" else False,
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
