"""A word alternation regrouped by its words' first letters, for ``re`` to try fewer alternatives.

``\\b(?:could|might|may|…)`` makes ``re`` try its alternatives one by one at each word start, each
rejected after a look at its first letter; for the long lists of the analysis (up to seventy words)
that is most of a search's cost. Written ``\\b(?:c(?:ould)|m(?:ight|ay)|…)``, it tries each letter's
group instead. It finds the same matches: at any place only the words of one first letter can match,
and those keep their order. An alternative that opens with a group of words is spread over them first
(``(?:seek|sought) to`` is ``seek to|sought to``, tried in that order).
"""

from __future__ import annotations

import re

from bot.analysis.pattern_parts import top_level_alternatives

_QUANTIFIERS = ("?", "*", "+", "{")
_HEAD = r"\b"
_MIN_GAIN = 4  # fewer words saved a place than this (words less groups): the pattern is left as written


def _group_end(pattern: str, start: int) -> int:
    """Where the group that opens at ``start`` closes."""
    depth, index = 0, start
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index += 1 + pattern.startswith("^", index + 1)
            index += pattern.startswith("]", index)
            while pattern[index] != "]":
                index += 2 if pattern[index] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if not depth:
                return index
        index += 1
    raise ValueError(f"unbalanced group in {pattern[:60]!r}")


def _spread(alternative: str) -> list[str] | None:
    """The alternative as alternatives that each begin with a plain letter, in order; None if it cannot be."""
    if alternative[:1].isalpha() and alternative[:1].isascii() and not alternative.startswith(_QUANTIFIERS, 1):
        return [alternative]
    if not alternative.startswith("(?:"):
        return None
    end = _group_end(alternative, 0)
    rest = alternative[end + 1 :]
    if rest.startswith(_QUANTIFIERS):
        return None
    spread: list[str] = []
    for inner in top_level_alternatives(alternative[3:end]):
        found = _spread(inner + rest)
        if found is None:
            return None
        spread += found
    return spread


def by_first_letter(pattern: str, flags: int = 0) -> str | None:
    """``\\b(?:words)tail`` with its words grouped by first letter; None when the pattern is not such an
    alternation (a capture group, a word that does not begin with a plain letter, ignored case)."""
    if not pattern.startswith(_HEAD + "(?:") or flags & re.IGNORECASE or re.compile(pattern, flags).groups:
        return None
    end = _group_end(pattern, len(_HEAD))
    tail = pattern[end + 1 :]
    if tail.startswith(_QUANTIFIERS) or len(top_level_alternatives(pattern)) != 1:
        return None
    words: list[str] = []
    for alternative in top_level_alternatives(pattern[len(_HEAD) + 3 : end]):
        spread = _spread(alternative)
        if spread is None:
            return None
        words += spread
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    if len(words) - len(groups) < _MIN_GAIN:
        return None
    letters = "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())
    return f"{_HEAD}(?:{letters}){tail}"
