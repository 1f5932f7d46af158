"""Neutral cards for the boards (sack race, vacancies) and the track records (/source, /record)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.domain.records import PRIOR_WEIGHT, SourceRecord, StageCount
from bot.render.card import Card
from bot.render.threads import TIER_LABEL, day, stage_label
from bot.rumours.boards import SackLine, VacancyLine

MAX_BOARD_LINES = 10
STANDING_NOTE = f"standing = (tier prior × {PRIOR_WEIGHT:g} + right) / ({PRIOR_WEIGHT:g} + right + wrong)"


def _title(name: str, league: str) -> str:
    return f"{name} — {league}" if league else name


def sack_race_card(lines: Sequence[SackLine], league: str, now: datetime) -> Card:
    body = "\n".join(f"{n}. {line.manager} ({line.club}) — {line.why}" for n, line in enumerate(lines, start=1))
    return Card(
        title=_title("Sack race", league),
        body=body or "No manager is under pressure in the reports of the last 30 days.",
        footer=f"ranked by pressure reports, their sources' standing, recency and tenure · {now:%d %b %H:%M} UTC",
    )


def _left(line: VacancyLine) -> str:
    opened = line.vacancy.opened_by
    what = {"sacked": "sacked", "left": "left", "appointed": "appointed caretaker"}.get(opened.change.value, "")
    who = f"{opened.manager} {what}" if what else opened.manager
    return f"{who} ({opened.source})" if opened.source else who


def vacancies_card(lines: Sequence[VacancyLine], league: str, now: datetime, more: int = 0) -> Card:
    """The vacancies, most recently vacated first; ``more``: how many older ones are left out."""
    blocks = []
    more += max(0, len(lines) - MAX_BOARD_LINES)
    for line in lines[:MAX_BOARD_LINES]:
        head = f"• {line.club} — vacant since {day(line.vacancy.since)}: {_left(line)}"
        if line.vacancy.caretaker:
            head += f"; caretaker {line.vacancy.caretaker}"
        names = [
            f"{c.manager} ({stage_label(c.stage)}; {c.best_source or 'unknown'}, tier {tier})"
            for c, tier in line.candidates
        ]
        blocks.append(head + "\n   candidates: " + (", ".join(names) if names else "none reported yet"))
    if more:
        blocks.append(f"… and {more} more vacant longer")
    return Card(
        title=_title("Vacancies", league),
        body="\n".join(blocks) or "No club is without a permanent manager, as far as the reports show.",
        footer=f"from done sackings, departures and caretaker appointments · {now:%d %b %H:%M} UTC",
    )


def _count(s: StageCount) -> str:
    parts = [f"{s.made} claim{'s' if s.made != 1 else ''}"]
    if s.resolved or s.cold:
        parts.append(f"{s.right} right, {s.wrong} wrong" + (f", {s.cold} cold" if s.cold else ""))
    return ": ".join(parts)


def record_summary(record: SourceRecord) -> str:
    resolved = record.right + record.wrong
    calls = (
        f"{record.right} of {resolved} resolved manager calls right" if resolved else "no resolved manager calls yet"
    )
    return f"{calls}; {record.made} claim{'s' if record.made != 1 else ''} in all (first reports only)"


def source_card(
    record: SourceRecord, kind: str, clubs: Sequence[tuple[str, SourceRecord]], inflated: Sequence[str]
) -> Card:
    configured = TIER_LABEL.get(record.tier, f"tier {record.tier}")
    fields = [(stage_label(s.stage), _count(s)) for s in record.stages]
    for club, club_record in clubs[:5]:
        fields.append((club, record_summary(club_record)))
    if inflated:
        shown = "; ".join(inflated[:3]) + (f" (+{len(inflated) - 3} more)" if len(inflated) > 3 else "")
        fields.append(("Stage inflation", f"{len(inflated)} relay(s) claimed a later stage than their source: {shown}"))
    label = f"{record.source} ({kind})" if kind else record.source
    return Card(
        title=f"{label}: standing tier {record.shown_tier} (configured {configured})",
        body=record_summary(record) + (f"; {record.cold} went cold" if record.cold else ""),
        fields=tuple(fields),
        footer=STANDING_NOTE,
    )


def record_table(records: Sequence[SourceRecord], scope: str) -> Card:
    lines = [f"• {r.source} — tier {r.shown_tier}: {record_summary(r)}" for r in records]
    return Card(
        title=f"Track record: {scope}",
        body="\n".join(lines) or "No source has made a claim about these yet.",
        footer=STANDING_NOTE,
    )
