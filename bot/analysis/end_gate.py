"""Patterns anchored at the end of their window, tried only when the window can hold a match.

Many rules look at the words just before a name or a cue: ``_SPELL_AT.search(folded, start - 40,
start)`` with a pattern ending in ``… (?:at|with|in charge of) $``. ``re`` tries such a pattern at
every position of the window, and most windows end with words it cannot end with ("… said that ").
:class:`EndGate` reads from the pattern's syntax tree (as :func:`bot.analysis.prefilter.guarded`
reads its first characters) the strings every match ends with; a window that ends with none of them
holds no match, and ``re`` is not run. The matches found are exactly the plain pattern's.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from re import _constants as sc  # type: ignore[attr-defined]  # the stdlib's regex parser (was sre_parse)
from re import _parser as sp  # type: ignore[attr-defined]  # typeshed does not describe these modules
from typing import Any

from bot.analysis.prefilter import _OPEN, _REPEATS, GUARDED, _longest, _prefixes, _with_guard

# Items read as they are, backwards or forwards: one character, or nothing (an anchor, a look-around).
_AS_IS = {sc.LITERAL, sc.NOT_LITERAL, sc.ANY, sc.IN, sc.CATEGORY, sc.AT, sc.ASSERT, sc.ASSERT_NOT}


def _reversed(items: Any) -> list[Any]:
    """A parsed pattern read backwards: what can end a match of ``items`` is what can begin one of it.
    An item it cannot read (a back reference, an atomic group, letters of either case) stands as any
    character, where the prefixes stop: the strings found are then fewer, never wrong."""
    out: list[Any] = []
    for op, av in reversed(list(items)):
        if op in _AS_IS:
            out.append((op, av))
        elif op is sc.SUBPATTERN and not av[1] & re.IGNORECASE:
            out.append((op, (*av[:-1], _reversed(av[-1]))))
        elif op is sc.BRANCH:
            out.append((op, (av[0], [_reversed(alternative) for alternative in av[1]])))
        elif op in _REPEATS:
            out.append((op, (av[0], av[1], _reversed(av[2]))))
        else:
            out.append((sc.ANY, None))
    return out


def endings(pattern: str) -> set[str] | None:
    """The strings (the longest that can be listed, up to eight characters) one of which ends every
    match of ``pattern``; None when the pattern is not anchored at the end (``$``) or a match may end
    with any character."""
    parsed = sp.parse(pattern)
    items = list(parsed)
    if not items or items[-1] != (sc.AT, sc.AT_END) or parsed.state.flags & (re.IGNORECASE | re.MULTILINE):
        return None
    backwards = _reversed(items[:-1])
    found = _longest((8, 6, 4, 3, 2, 1), lambda k: {p.split(_OPEN)[0][::-1] for p in _prefixes(backwards, k)})
    return None if not found or "" in found else found


class EndGate:
    """A pattern ending in ``$``, searched in windows that end where a name or cue begins: run only
    when the window ends with one of the strings its matches end with (or with that and a newline,
    before which ``$`` also matches)."""

    def __init__(self, pattern: str) -> None:
        found = endings(pattern)
        if found is None:
            raise ValueError(f"no strings known to end every match of {pattern[:60]!r}")
        self.pattern = _with_guard(pattern)  # (a window that passes is searched from a match's first characters)
        self._ends = tuple(sorted(found | {end + "\n" for end in found}))
        GUARDED.append((pattern, 0, self))

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pos = pos if pos > 0 else 0  # (as re reads it: for endswith a negative start counts from the end)
        if not text.endswith(self._ends, pos, endpos):
            return None
        return self.pattern.search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        pos = pos if pos > 0 else 0
        if not text.endswith(self._ends, pos, endpos):
            return iter(())
        return self.pattern.finditer(text, pos, endpos)
