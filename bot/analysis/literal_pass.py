"""One Aho-Corasick pass over a text for the literals of many scans (bot/analysis/prefilter.py).

Every :class:`~bot.analysis.prefilter.LiteralScan` and :class:`~bot.analysis.prefilter.BranchScan`
looks for the places where its literals stand before it tries its pattern. One pass per scan over the
same story was most of what the scans cost: the cue, player, job, sport, women's team… scans of one
story now share one pass over it, and each takes the matches of its own literals from it.
"""

from __future__ import annotations

import bisect
import operator
from re import _constants as sc  # type: ignore[attr-defined]  # the stdlib's regex parser (was sre_parse)
from re import _parser as sp  # type: ignore[attr-defined]  # typeshed does not describe these modules
from typing import Any

import ahocorasick_rs

Found = list[tuple[int, int, int]]  # (literal, start, end) as the automaton reports them
_by_literal = operator.itemgetter(0)


class SharedPass:
    """The literals of many scans in one automaton: one pass over a text serves all the scans that
    look at it, instead of one pass each. Each scan's literals keep a range of their own (a literal
    two scans share is listed twice, and the automaton reports it twice), so a scan's places are the
    pass's matches in its range.

    The automaton is built when first used, and again when a scan made since asks; the matches of the
    last few texts are kept (one tuple, replaced whole: safe when threads share the analyser), as the
    analysis scans the story's text and its folded form in turn."""

    _KEPT = 3

    def __init__(self, implementation: ahocorasick_rs.Implementation | None = None) -> None:
        self._implementation = implementation
        self._literals: list[list[str]] = []
        self._built: tuple[Any, list[int]] | None = None  # the automaton, where each scan's range starts
        self._recent: tuple[tuple[str, Any, Found], ...] = ()

    def register(self, literals: list[str]) -> int:
        """A new scan's literals; its number."""
        self._literals.append(list(literals))
        return len(self._literals) - 1

    def _automaton(self, number: int) -> tuple[Any, list[int]]:
        built = self._built
        if built is None or number + 1 >= len(built[1]):
            bounds, patterns = [0], []
            for literals in list(self._literals):
                patterns += literals
                bounds.append(len(patterns))
            automaton = (
                ahocorasick_rs.AhoCorasick(patterns)
                if self._implementation is None
                else ahocorasick_rs.AhoCorasick(patterns, implementation=self._implementation)
            )
            built = self._built = (automaton, bounds)
        return built

    def matches(self, number: int, text: str) -> tuple[Found, int]:
        """Scan ``number``'s literals found in ``text`` (any order), and the index of its first literal."""
        automaton, bounds = self._automaton(number)
        recent = self._recent
        for kept_text, kept_automaton, kept in recent:
            if kept_text is text and kept_automaton is automaton:
                found = kept
                break
        else:
            found = sorted(automaton.find_matches_as_indexes(text, overlapping=True), key=_by_literal)
            self._recent = ((text, automaton, found), *recent[: self._KEPT - 1])
        low, high = bounds[number], bounds[number + 1]
        first = bisect.bisect_left(found, low, key=_by_literal)
        return found[first : bisect.bisect_left(found, high, first, key=_by_literal)], low


# Scans whose patterns name capitals (names as written) look at the text as written, the others at
# its folded form: each kind shares a pass of its own, since a pass over one text for the literals of
# scans that never look at it is wasted. The second, of fewer literals, searches faster as a DFA (about
# 8 → 4.6 µs a feed entry, 2 ms to build); for the first's 7,000 a DFA is no faster and 8 MB larger.
_PASSES = (SharedPass(), SharedPass(ahocorasick_rs.Implementation.DFA))  # for patterns without capitals, and with


def _capitals(items: Any) -> bool:
    """Whether a parsed pattern names a capital letter anywhere (as a literal or in a set)."""
    for op, av in items:
        if op is sc.LITERAL or op is sc.NOT_LITERAL:
            if chr(av).isupper():
                return True
        elif op is sc.RANGE:
            if any(chr(code).isupper() for code in range(av[0], av[1] + 1)):
                return True
        elif op is sc.IN:
            if _capitals(av):
                return True
        elif isinstance(av, (tuple, list)):
            for part in av:
                parts = part if isinstance(part, list) else [part]  # a branch's alternatives
                if any(isinstance(sub, sp.SubPattern) and _capitals(sub) for sub in parts):
                    return True
    return False


def shared_pass(pattern: str) -> SharedPass:
    """The shared pass a scan of ``pattern`` joins: the one for the text as written when the pattern
    names capitals, the one for folded text otherwise. (Which one changes only the speed.)"""
    return _PASSES[_capitals(sp.parse(pattern))]
