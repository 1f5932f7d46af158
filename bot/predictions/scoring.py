"""The scoring rule of the prediction game, as pure functions (docs/adr/0008-prediction-games.md).

A **call** is a player's answer to a question, held from a moment on: a fan's latest answer before the
question locked (choosing the same option again keeps the earlier time; withdrawing an answer leaves no
call), or a source's latest story before the lock that named one candidate.

    points = round(100 × A × (½ + ½ × E))

* ``A`` is the Brier accuracy of the call, 1 − BS / 2, where BS = Σ (fᵢ − oᵢ)² over the options for the
  forecast f (a call puts all of it on one option) and the outcome o. A call is one-hot, so A is 1 for a
  right call and 0 for a wrong one.
* ``E`` is how early the call was made: (lock − since) / (lock − opening), between 0 and 1; a call made
  before the question opened counts as made at the opening.

So a right call is worth 100 points at the opening, 50 at the lock, and in between by how early it came;
a wrong call is worth nothing (no answer costs nothing either). "Someone else" is right when the manager
appointed was not among the listed candidates. Rounding is half up.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.questions import (
    NO,
    YES,
    Answer,
    Player,
    Question,
    QuestionKind,
    SagaReport,
    Score,
    Standing,
)

# What a source's story says about a candidate for a job, and about a manager's future at his club.
_FOR_THE_JOB = frozenset({"linked", "talks", "offer", "agreed", "appointed"})
_NOT_FOR_THE_JOB = frozenset({"denied", "rejected"})
_GOING = frozenset({"under_pressure", "sacked", "left"})
_STAYING = frozenset({"stays", "extension", "denied"})


@dataclass(frozen=True, slots=True)
class Call:
    """A player's answer that counts: ``choice`` (an option's label; for a source on a job question, the
    manager it named) held since ``since``."""

    player: Player
    player_id: str
    name: str
    choice: str
    since: datetime
    tier: int = 4  # a source's tier, to pick between insiders who called it at the same moment


@dataclass(frozen=True, slots=True)
class Resolution:
    """The answer to a question, once known."""

    option: int  # the winning option (for a job question whose winner was not listed: "someone else")
    winner: str  # the manager appointed, or the winning option's label (Yes / No)
    at: datetime  # when it became known
    text: str  # e.g. "Chelsea appointed Xabi Alonso"
    source: str = ""


def points(correct: bool, since: datetime, opened_at: datetime, lock_at: datetime) -> int:
    """The points of one call (see the module's docstring)."""
    accuracy = 1.0 if correct else 0.0  # 1 − BS/2 for a one-hot forecast
    span = (lock_at - opened_at).total_seconds()
    early = 1.0 if span <= 0 else min(1.0, max(0.0, (lock_at - since).total_seconds() / span))
    return math.floor(100 * accuracy * (0.5 + 0.5 * early) + 0.5)


def _held(moves: Iterable[tuple[datetime, str | None]]) -> tuple[str, datetime] | None:
    """The choice held at the end of a time-ordered run of choices (None withdraws), and since when."""
    held: tuple[str, datetime] | None = None
    for at, choice in moves:
        if choice is None:
            held = None
        elif held is None or held[0] != choice:
            held = (choice, at)
    return held


def fan_calls(question: Question, answers: Sequence[Answer], lock_at: datetime) -> list[Call]:
    """Each fan's call: their latest answer before ``lock_at``, held since it was first chosen."""
    by_fan: dict[str, list[Answer]] = {}
    for a in sorted(answers, key=lambda a: a.at):
        if a.at < lock_at and (a.choice is None or 0 <= a.choice < len(question.options)):
            by_fan.setdefault(a.user_id, []).append(a)
    calls = []
    for user_id, mine in by_fan.items():
        held = _held((a.at, None if a.choice is None else question.options[a.choice]) for a in mine)
        if held is not None:
            calls.append(Call(Player.FAN, user_id, mine[-1].user_name, held[0], held[1]))
    return calls


def _story_calls(question: Question, reports: Sequence[SagaReport]) -> list[tuple[datetime, str, frozenset[str]]]:
    """One source's stories, in time order: the choice each makes ('' for none) and the candidates it
    denies (a denial withdraws a call for one of them)."""
    stories: dict[object, list[SagaReport]] = {}
    for r in reports:
        stories.setdefault(r.story_id if r.story_id is not None else ("report", r.id), []).append(r)
    moves: list[tuple[datetime, str, frozenset[str]]] = []
    for story in stories.values():
        at = min(r.reported_at for r in story)
        if question.kind is QuestionKind.STILL_IN_CHARGE:
            mine = {r.relation for r in story if r.manager == question.manager}
            choice = NO if mine & _GOING else YES if mine & _STAYING else ""
            moves.append((at, choice, frozenset()))
            continue
        named = {r.manager for r in story if r.relation in _FOR_THE_JOB and not r.caretaker} - {question.manager}
        denied = frozenset(r.manager for r in story if r.relation in _NOT_FOR_THE_JOB)
        moves.append((at, named.pop() if len(named) == 1 else "", denied))
    return moves


def source_calls(question: Question, reports: Sequence[SagaReport], lock_at: datetime) -> list[Call]:
    """Each source's call by the fans' rule: its latest story before ``lock_at`` that names one
    candidate (a story naming several is no call; a denial of its candidate withdraws it); on a pressure
    question, sacking talk calls "No" and a new contract, a denial or "stays" calls "Yes"."""
    by_source: dict[str, list[SagaReport]] = {}
    for r in sorted(reports, key=lambda r: (r.reported_at, r.id)):
        if r.reported_at < lock_at and r.club == question.club:
            by_source.setdefault(r.source, []).append(r)
    calls = []
    for source, mine in by_source.items():
        held: tuple[str, datetime] | None = None
        for at, choice, denied in _story_calls(question, mine):
            if choice and (held is None or held[0] != choice):
                held = (choice, at)
            elif not choice and held is not None and held[0] in denied:
                held = None
        if held is not None:
            calls.append(Call(Player.SOURCE, source, source, held[0], held[1], min(r.tier for r in mine)))
    return calls


def score(question: Question, calls: Sequence[Call], resolution: Resolution, lock_at: datetime) -> list[Score]:
    """Every call scored: fans by their option, sources by the manager they named; each fan who was
    right is compared with the first source that was right."""
    label = question.options[resolution.option]

    def right(call: Call) -> bool:
        if call.player is Player.SOURCE and question.kind is QuestionKind.NEXT_MANAGER:
            return call.choice == resolution.winner
        return call.choice == label

    first = min(
        (c for c in calls if c.player is Player.SOURCE and right(c)),
        key=lambda c: (c.since, c.tier, c.name),
        default=None,
    )
    scores = []
    for call in calls:
        correct = right(call)
        versus, lead = "", None
        if call.player is Player.FAN and correct and first is not None:
            versus, lead = first.name, int((first.since - call.since).total_seconds())
        earned = points(correct, call.since, question.opened_at, lock_at)
        scores.append(
            Score(
                question.id,
                call.player,
                call.player_id,
                call.name,
                call.choice,
                call.since,
                correct,
                earned,
                versus,
                lead,
            )
        )
    scores.sort(key=lambda s: (s.player is not Player.FAN, -s.points, s.name, s.player_id))
    return scores


def rank(lines: Iterable[tuple[str, str, int, int, int]]) -> list[Standing]:
    """(user id, name, points, questions, right calls) → standings, most points first; equal points share
    a rank (1, 2, 2, 4) and are listed by name."""
    ordered = sorted(lines, key=lambda line: (-line[2], line[1].casefold(), line[0]))
    standings: list[Standing] = []
    for position, (user_id, name, total, questions, correct) in enumerate(ordered, start=1):
        shared = standings and standings[-1].points == total
        standings.append(Standing(standings[-1].rank if shared else position, user_id, name, total, questions, correct))
    return standings
