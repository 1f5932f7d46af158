"""Neutral cards for rumour threads (alerts, /rumour, /hot) and their short update lines."""

from __future__ import annotations

from datetime import datetime

from bot.domain import Cause, EventKind, Outcome, Relation, ReportRow, Resolution, ThreadView
from bot.render.card import Card, Link

STAGE_LABEL: dict[str, str] = {
    Relation.LINKED: "linked",
    Relation.TALKS: "talks",
    Relation.OFFER: "offer made",
    Relation.AGREED: "agreed",
    Relation.APPOINTED: "appointed",
    Relation.REJECTED: "rejected",
    Relation.DENIED: "denied",
    Relation.STAYS: "stays",
    Relation.EXTENSION: "new contract",
    Relation.SACKED: "sacked",
    Relation.LEFT: "left",
    Relation.UNDER_PRESSURE: "under pressure",
}
TIER_LABEL = {0: "official", 1: "tier 1", 2: "tier 2", 3: "tier 3", 4: "tier 4"}
MAX_LINKS = 3
HEADLINE_MAX = 200


# A stage whose every report told it in other words: announced for later, or only as a parting of ways.
_LATER_LABEL = {Relation.LEFT: "leaving", Relation.SACKED: "leaving", Relation.APPOINTED: "to take over"}
_PARTED_LABEL = {Relation.LEFT: "parted ways", Relation.SACKED: "parted ways"}


def stage_label(stage: str) -> str:
    return STAGE_LABEL.get(stage, stage)


def thread_stage_label(view: ThreadView) -> str:
    """The thread's stage in its stories' words: "leaving" while every report of the exit announces it
    for later, "parted ways" while every one says only that, "appointed (interim)" while every one is
    a caretaker's; the stage's own word otherwise."""
    stage = view.state.stage
    at_stage = [r for r in view.reports if r.relation == stage and not r.duplicate]
    if not at_stage:
        return stage_label(stage)
    if stage in _LATER_LABEL and all(r.later for r in at_stage):
        return _LATER_LABEL[stage]
    if stage in _PARTED_LABEL and all(r.parted for r in at_stage):
        return _PARTED_LABEL[stage]
    if stage is Relation.APPOINTED and all(r.caretaker for r in at_stage):
        return "appointed (interim)"
    return stage_label(stage)


def _best_source(view: ThreadView) -> str:
    originals = [r for r in view.reports if not r.duplicate] or list(view.reports)
    if not originals:
        return "unknown"
    best = min(originals, key=lambda r: (r.tier, r.reported_at))
    return f"{best.source} ({TIER_LABEL.get(best.tier, f'tier {best.tier}')})"


def _latest_headline(view: ThreadView) -> str:
    """The newest original report's feed title, as the publisher wrote it (plain text: each renderer
    escapes it), with its outlet."""
    report = next((r for r in view.reports if r.title and not r.duplicate), None)
    if report is None:
        return ""
    title = " ".join(report.title.split())
    if len(title) > HEADLINE_MAX:
        title = title[: HEADLINE_MAX - 1] + "…"
    outlet = report.outlet or report.source
    return f"{title} ({outlet})" if outlet else title


def thread_card(view: ThreadView, *, with_timeline: bool = True) -> Card:
    state = view.state
    outlets = view.state.corroboration
    stage_words = thread_stage_label(view)
    fields: list[tuple[str, str]] = [
        ("Stage", stage_words),
        ("Best source", _best_source(view)),
        ("Corroboration", f"{outlets} independent source{'s' if outlets != 1 else ''}"),
    ]
    if headline := _latest_headline(view):
        fields.append(("Latest", headline))
    if with_timeline and view.timeline:
        steps = " → ".join(f"{stage_label(s.stage)} ({s.at:%d %b})" for s in view.timeline[-6:])
        fields.append(("Timeline", steps))
    if view.resolution is not None:
        fields.append(("Outcome", resolution_line(view)))
    if view.record:
        fields.append(("Record", view.record))
    links: list[Link] = []
    for report in view.reports:  # newest first: one link per outlet, its latest story
        label = report.outlet or report.source or "report"
        if report.url and all(link.url != report.url and link.label != label for link in links):
            links.append(Link(label, report.url))
        if len(links) == MAX_LINKS:
            break
    return Card(
        title=f"{state.manager} → {state.club}: {stage_words}",
        body=state.summary,
        fields=tuple(fields),
        links=tuple(links),
        stage=state.stage.value,
        footer=(
            ("" if state.id is None else f"thread #{state.id} · ")
            + f"first seen {state.first_seen:%d %b %Y %H:%M} UTC · updated {state.last_update:%d %b %H:%M} UTC"
        ),
        thread=state.id,
    )


def update_line(stage: str, source: str, kind: EventKind, view: ThreadView | None = None) -> str:
    """The short reply posted under an alert when its thread moves on (or is resolved)."""
    if kind == EventKind.RESOLVED and view is not None and view.resolution is not None:
        return resolution_line(view)
    if kind == EventKind.SOURCE:
        return f"now reported by {source}"
    words = thread_stage_label(view) if view is not None and view.state.stage == stage else stage_label(stage)
    return f"now: {words} — {source}"


def day(at: datetime) -> str:
    return f"{at.day} {at:%b %Y}"


def first_report(view: ThreadView) -> ReportRow | None:
    """The thread's first original report (reports are held newest first)."""
    originals = [r for r in view.reports if not r.duplicate] or list(view.reports)
    return min(originals, key=lambda r: r.reported_at) if originals else None


# What a done story reported, as the headline of a resolution (only ever built from a done report).
_DONE = {
    Relation.APPOINTED: "{club} appoint {manager}",
    Relation.AGREED: "{manager} agrees terms with {club}",
    Relation.SACKED: "{club} sack {manager}",
    Relation.LEFT: "{manager} leaves {club}",
    Relation.EXTENSION: "{manager} signs a new contract at {club}",
    Relation.STAYS: "{manager} stays at {club}",
    Relation.REJECTED: "{manager} turns down {club}",
}


# … and what one announced for later reported ("will step down at the end of the season").
_ANNOUNCED = {
    Relation.APPOINTED: "{manager} will take over at {club}",
    Relation.SACKED: "{club} announce {manager} will go",
    Relation.LEFT: "{manager} will leave {club}",
}


def _what(r: Resolution) -> str:
    try:
        relation = Relation(r.relation)
        template = _ANNOUNCED[relation] if r.later and relation in _ANNOUNCED else _DONE[relation]
    except (KeyError, ValueError):
        return ""
    return template.format(club=r.club, manager=r.manager)


def resolution_line(view: ThreadView) -> str:
    """How the thread ended, traceable to its story: "Confirmed: Chelsea appoint X — first reported
    by Y on 2 Nov 2026"; "Did not happen: …"; "Went cold: …"."""
    r = view.resolution
    if r is None:
        return ""
    first = first_report(view)
    credit = f"first reported by {first.source} on {day(first.reported_at)}" if first else ""
    if r.cause == Cause.OPERATOR:
        why = f" ({r.note})" if r.note else ""
        return f"Marked {r.outcome.value} by the bot's operator on {day(r.at)}{why}" + (
            f" — {credit}" if credit else ""
        )
    if r.cause == Cause.QUIET:
        last = day(view.state.last_update)
        if r.outcome == Outcome.FALSE:
            head = f"Did not happen: {stage_label(view.state.stage)} on {last}, and nothing since"
        else:
            head = f"Went cold: nothing reported since {last}"
        return head + (f" — {credit}" if credit else "")
    what = _what(r)
    by = f" ({r.source})" if r.source else ""
    if r.outcome == Outcome.TRUE:
        head = f"Confirmed: {what}{by}" if what else f"Confirmed{by}"
    elif (r.manager, r.club) != (view.state.manager, view.state.club) and what:
        head = f"Did not happen: instead, {what}{by}"
    else:
        head = f"Did not happen: {what}{by}" if what else f"Did not happen{by}"
    return head + (f" — {credit}" if credit else "")


def roundup_card(views: list[ThreadView]) -> Card:
    """One message for several threads: a digest, or the rest after a catch-up limit."""
    lines = [
        f"• {v.state.manager} → {v.state.club}: {thread_stage_label(v)} — {_best_source(v)}"
        for v in sorted(views, key=lambda v: v.heat, reverse=True)[:25]
    ]
    if len(views) > 25:
        lines.append(f"… and {len(views) - 25} more — /hot shows the hottest")
    links: list[Link] = []
    for view in views:
        for report in view.reports[:1]:
            if report.url and len(links) < MAX_LINKS:
                links.append(Link(f"{view.state.manager} → {view.state.club}", report.url))
    count = len(views)
    return Card(
        title=f"Rumour roundup: {count} thread{'s' if count != 1 else ''} moved",
        body="\n".join(lines),
        links=tuple(links),
        footer="/rumour <name> for the details of one",
    )
