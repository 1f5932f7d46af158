"""References found in one article: people, clubs, and what the text says about them."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from bot.analysis.quick_init import quick_init
from bot.analysis.text import Sentence


@quick_init
@dataclass(frozen=True, slots=True)
class PersonRef:
    """A manager reference: explicit (a name) or resolved from "the Spaniard" / "he"."""

    name: str
    start: int
    end: int
    sentence: int
    explicit: bool
    known: bool = True
    incumbent: bool = False  # "to replace Klopp", "Klopp's successor": the one leaving, not moving


@quick_init
@dataclass(frozen=True, slots=True)
class ClubRef:
    name: str
    start: int
    end: int
    sentence: int


@dataclass
class Resolved:
    people: list[PersonRef] = field(default_factory=list)
    clubs: list[ClubRef] = field(default_factory=list)
    sources: list[tuple[str, int]] = field(default_factory=list)  # (source name, position)
    spans: list[tuple[int, int]] = field(default_factory=list)  # every accepted entity span
    home: dict[str, str] = field(default_factory=dict)  # manager -> club he is described at
    former: dict[str, set[str]] = field(default_factory=dict)  # manager -> clubs described as former
    career: dict[str, set[str]] = field(default_factory=dict)  # manager -> other clubs of his career
    official: str | None = None  # the club (or country) whose own announcement the text reports
    likely_home: dict[str, str] = field(default_factory=dict)  # manager -> gazetteer club the text names
    kb_home: dict[str, str] = field(default_factory=dict)  # manager -> the knowledge base's current club
    incumbents: set[str] = field(default_factory=set)  # managers named as the one being replaced or leaving
    _index: tuple[int, list[int], list[int]] = field(default=(-1, [], []), repr=False)
    described_by: dict[int, set[str]] = field(default_factory=dict)  # club mention start -> managers it describes
    descriptors: set[int] = field(default_factory=set)  # starts of club mentions that describe a manager
    opponents: set[int] = field(default_factory=set)  # starts of club mentions that are match opponents


def _span_index(res: Resolved) -> tuple[list[int], list[int]]:
    """Span starts in order and the largest end among the spans up to each: overlap checks by bisection.
    Rebuilt when spans were added or removed since the last check."""
    if res._index[0] != len(res.spans):
        spans = sorted(res.spans)
        starts = [s for s, _ in spans]
        reach: list[int] = []
        furthest = -1
        for _, end in spans:
            furthest = max(furthest, end)
            reach.append(furthest)
        res._index = (len(res.spans), starts, reach)
    return res._index[1], res._index[2]


def covered(res: Resolved, position: int) -> bool:
    """Some accepted entity span holds ``position``."""
    starts, reach = _span_index(res)
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and reach[index] > position


def overlaps(res: Resolved, start: int, end: int) -> bool:
    """Some accepted entity span overlaps [start, end)."""
    starts, reach = _span_index(res)
    index = bisect.bisect_left(starts, end) - 1
    return index >= 0 and reach[index] > start


def sentence_of(sentences: list[Sentence], starts: list[int], position: int) -> int:
    index = bisect.bisect_right(starts, position) - 1
    last = len(sentences) - 1
    # (without max and min: called thousands of times an article)
    return 0 if index <= 0 or last <= 0 else (index if index < last else last)
