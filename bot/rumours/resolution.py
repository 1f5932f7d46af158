"""How a thread is resolved: true when what it predicted happened, false when the outcome went the
other way, cold (or false, for a denied move) after a quiet period. Pure functions; the ingest and
the quiet-period sweep apply them (docs/adr/0007-resolutions-records-and-jobs.md).

A thread is about a move (linked, talks, offer, agreed, appointed, denied, rejected), pressure on a
manager in his job (under pressure, sacked, left) or his staying (stays, new contract). Only a report
the story holds as *done* resolves anything: an expected or possible event never does.

- a **move** (M → C) is true on a done agreement or appointment of M by C; false on one of M
  elsewhere, of someone else by C (not a caretaker), on M staying or extending where he is, or on M
  rejecting C;
- **pressure** (M at C) is true on a done sacking or departure of M from C; false on a new contract
  for M at C, or M staying;
- a **stay** thread (stays, new contract) predicts nothing and is only ever cold.

A thread that reaches an outcome stage itself (a move reaching agreed or appointed, pressure reaching
sacked or left) is resolved true by that report. After ``cold_days`` without a report an open thread
goes cold; one whose stage is denied or rejected is then false (the move never happened).
"""

from __future__ import annotations

from enum import StrEnum

from bot.domain import Factuality, Outcome, Relation, Report, ThreadState


class Line(StrEnum):
    """What a thread is about, read from its stage."""

    MOVE = "move"
    PRESSURE = "pressure"
    STAY = "stay"


_PRESSURE = frozenset({Relation.UNDER_PRESSURE, Relation.SACKED, Relation.LEFT})
_STAY = frozenset({Relation.STAYS, Relation.EXTENSION})
_ARRIVAL = frozenset({Relation.AGREED, Relation.APPOINTED})
_EXIT = frozenset({Relation.SACKED, Relation.LEFT})
_KEEPS = frozenset({Relation.STAYS, Relation.EXTENSION})
# Reports that can resolve a thread (when done): the ingest looks for open threads only for these.
RESOLVING = frozenset(_ARRIVAL | _EXIT | _KEEPS | {Relation.REJECTED})
# Stages of a thread no report resolves (a stay predicts nothing): the ingest does not load the open
# threads at these stages that its batch does not update.
UNRESOLVED_STAGES = _STAY


def line(stage: Relation) -> Line:
    if stage in _PRESSURE:
        return Line.PRESSURE
    if stage in _STAY:
        return Line.STAY
    return Line.MOVE


def resolves(report: Report) -> bool:
    """The report may resolve a thread: a done event of the kinds above, told by its source itself. An
    aggregator's relay of it does not: relays inflate stages, and the source's own report will come."""
    return report.relation in RESOLVING and report.factuality is Factuality.DONE and not report.relayed_by


def fills_club_job(report: Report) -> bool:
    """The report may resolve threads of other managers at its club (a done permanent appointment or
    agreement fills the job they were linked with); any other report resolves only its manager's."""
    return resolves(report) and report.relation in _ARRIVAL and not report.caretaker


def verdict(thread: ThreadState, report: Report) -> Outcome | None:
    """What ``report`` does to the open ``thread`` (its own thread as it was before the report, or
    another thread of the same manager or club)."""
    if not resolves(report):
        return None
    r = report.relation
    same_manager, same_club = thread.manager == report.manager, thread.club == report.club
    kind = line(thread.stage)
    if kind is Line.MOVE:
        if r in _ARRIVAL:
            if same_manager and same_club:
                return Outcome.TRUE
            if report.caretaker:
                return None  # an interim appointment fills no permanent job
            return Outcome.FALSE if same_manager or same_club else None
        if same_manager and not same_club and r in _KEEPS:
            return Outcome.FALSE
        if same_manager and same_club and r is Relation.REJECTED:
            return Outcome.FALSE
        return None
    if kind is Line.PRESSURE and same_manager and same_club:
        if r in _EXIT:
            return Outcome.TRUE
        if r in _KEEPS:
            return Outcome.FALSE
    return None


def own_verdict(before: ThreadState | None, report: Report) -> Outcome | None:
    """What ``report`` does to the thread it joins (``before``: that thread before it; None when the
    report starts the thread): true when it brings the thread to its outcome stage."""
    if not resolves(report):
        return None
    if before is not None:
        return verdict(before, report)
    if report.relation in _ARRIVAL or report.relation in _EXIT:
        return Outcome.TRUE
    return None


def quiet_outcome(stage: Relation) -> Outcome:
    """The outcome of an open thread with no report for the quiet period."""
    return Outcome.FALSE if stage in (Relation.DENIED, Relation.REJECTED) else Outcome.COLD
