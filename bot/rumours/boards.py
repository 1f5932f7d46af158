"""The two boards fans argue about: who is next to go (the sack race) and who is next in (the vacancy
board). Pure ranking from rows the store reads; every line says why it is there, from its stories.

Sack race: each open under-pressure thread of a manager still in that job scores

    pressure = (reports this week + 0.35 × the month's older reports) × tier_weight(standing) × tenure

where the standing is the best source's tier updated by its record (``bot/domain/records.py``) and
tenure is 0.8 in a manager's first 90 days (clubs rarely sack so soon), 1.0 up to two years, 0.9
after (a long-serving manager is harder to move), 1.0 when unknown.

Vacancy board: clubs whose latest learned change left them without a permanent manager (a done
sacking or departure, or a caretaker in charge), longest vacant first; each club's candidates are its
open move threads, ranked by heat times the best source's standing weight.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain import TIER_WEIGHT, current_heat
from bot.rumours.jobs import JobBook, Vacancy

OLDER_WEIGHT = 0.35
NEW_IN_JOB = timedelta(days=90)
LONG_IN_JOB = timedelta(days=730)


@dataclass(frozen=True, slots=True)
class Pressure:
    """What the store counts for one open under-pressure thread."""

    manager: str
    club: str
    week: int
    month: int
    best_source: str
    best_tier: int


@dataclass(frozen=True, slots=True)
class SackLine:
    manager: str
    club: str
    score: float
    why: str


@dataclass(frozen=True, slots=True)
class Candidate:
    manager: str
    club: str
    stage: str
    heat: float
    last_update: datetime
    best_source: str
    best_tier: int


@dataclass(frozen=True, slots=True)
class VacancyLine:
    club: str
    vacancy: Vacancy
    candidates: tuple[tuple[Candidate, int], ...]  # with the best source's standing tier, best first


def tenure_factor(held: timedelta | None) -> float:
    if held is None:
        return 1.0
    if held < NEW_IN_JOB:
        return 0.8
    return 0.9 if held > LONG_IN_JOB else 1.0


def months(held: timedelta) -> str:
    n = int(held.days // 30.44)
    if n < 1:
        return f"{max(held.days, 0)} day{'s' if held.days != 1 else ''} in the job"
    return f"{n} month{'s' if n != 1 else ''} in the job"


def sack_race(
    rows: Sequence[Pressure], book: JobBook, standing: Mapping[str, int], now: datetime, limit: int = 10
) -> list[SackLine]:
    """Managers ranked by current pressure; ``standing``: source → the tier its record earns."""
    lines: list[SackLine] = []
    for row in rows:
        if row.manager in book.changes and book.club_of(row.manager) != row.club:
            continue  # he has left that job since (a learned change)
        appointed = book.since(row.manager)
        held = now - appointed.since if appointed is not None and appointed.club == row.club else None
        tier = standing.get(row.best_source, row.best_tier)
        score = (row.week + OLDER_WEIGHT * (row.month - row.week)) * TIER_WEIGHT.get(tier, 0.7) * tenure_factor(held)
        reports = f"{row.week} report{'s' if row.week != 1 else ''} this week"
        if row.month > row.week:
            reports += f" ({row.month} this month)"
        why = f"{reports}, best {row.best_source or 'unknown'} (tier {tier})"
        if held is not None:
            why += f"; {months(held)}"
        lines.append(SackLine(row.manager, row.club, score, why))
    lines.sort(key=lambda line: (-line.score, line.manager))
    return lines[:limit]


def vacancy_board(
    vacancies: Sequence[Vacancy],
    candidates: Sequence[Candidate],
    standing: Mapping[str, int],
    now: datetime,
    per_club: int = 5,
) -> list[VacancyLine]:
    by_club: dict[str, list[tuple[float, Candidate, int]]] = {}
    for c in candidates:
        tier = standing.get(c.best_source, c.best_tier)
        score = current_heat(c.heat, c.last_update, now) * TIER_WEIGHT.get(tier, 0.7)
        by_club.setdefault(c.club, []).append((score, c, tier))
    lines = []
    for v in vacancies:
        ranked = sorted(by_club.get(v.club, []), key=lambda x: (-x[0], x[1].manager))[:per_club]
        lines.append(VacancyLine(v.club, v, tuple((c, tier) for _, c, tier in ranked)))
    return lines
