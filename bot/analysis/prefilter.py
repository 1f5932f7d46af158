"""Patterns tried only where they can match: a guard, a literal scan, a branch scan and a word gate.

Python's ``re`` tries every alternative of a pattern at every position where it may start. For the
cue pattern (hundreds of alternatives) most of that work is wasted on words no cue starts with.
:func:`prefix_guard` reads the pattern's syntax tree and lists every string of up to ``k``
characters a match can begin with; as a look-ahead in front of the alternation it rejects a
position after a handful of character tests. The list is a superset: a character class the guard
cannot spell out (``\\w``, ``.``, a negated set) ends the prefix there, so no match is lost.

:func:`guarded` compiles any pattern with its guard in front; the analysis compiles its costliest
whole-text and per-sentence patterns that way (the tests check each against its unguarded self).
:class:`LiteralScan` goes further for a pattern whose every match begins with a literal string: an
Aho-Corasick pass lists where those strings stand and the pattern is tried there only.
:class:`BranchScan` does it per alternative: at each place only the alternatives whose literals stand
there are tried (the cue pattern's relations; the player words, whose numbers are literals too).
:class:`WordGate` serves a pattern that begins with a name but always holds some literal word
("charge", "-year-old"): ``re`` runs only when the text has one of those words; given alternatives,
only those whose own words stand in the window.

A literal scan pays for one pass over the whole text, however little of it is searched. A pattern
searched only in short windows (the words before a name, the rest of a clause) is better guarded:
``re`` over a few dozen characters costs less than that pass.
"""

from __future__ import annotations

import array
import bisect
import operator
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import reduce
from re import _constants as sc  # type: ignore[attr-defined]  # the stdlib's regex parser (was sre_parse)
from re import _parser as sp  # type: ignore[attr-defined]  # typeshed does not describe these modules
from typing import Any, Protocol, TypeVar

from bot.analysis.first_letter import by_first_letter
from bot.analysis.literal_pass import shared_pass
from bot.analysis.pattern_parts import top_level_alternatives

_T = TypeVar("_T")
_OPEN = "\0"  # a position the guard cannot spell out: the prefix ends there


def _every_character() -> str:
    """All of Unicode in one string, each code point once (made from its UTF-32 bytes in C: a string
    built a character at a time, and a pattern matched against each, took most of a second)."""
    codes = array.array("I" if array.array("I").itemsize == 4 else "L", range(sys.maxunicode + 1))
    return codes.tobytes().decode(f"utf-32-{'le' if sys.byteorder == 'little' else 'be'}", "surrogatepass")


_EVERY = _every_character()
# ``\s`` in a str pattern: Unicode whitespace, 29 characters, all of them listed.
_SPACE = frozenset(re.findall(r"\s", _EVERY))
# ``\d``: Unicode decimal digits, about 700; listed only where asked (a scan of a pattern that
# begins with a number), since they multiply the prefixes.
_DIGIT = frozenset(re.findall(r"\d", _EVERY))
del _EVERY
_MAX_ALTERNATIVES = 400  # a longer guard costs more than it saves: fewer characters are listed
_MAX_LITERALS = 20_000  # an automaton takes many more
_REPEATS = {sc.MAX_REPEAT, sc.MIN_REPEAT, getattr(sc, "POSSESSIVE_REPEAT", sc.MAX_REPEAT)}
_ZERO_WIDTH = {sc.AT, sc.ASSERT, sc.ASSERT_NOT}


def _chars(op: Any, av: Any, digits: bool = False) -> set[str] | None:
    """The characters one item can match, ``{_OPEN}`` when too many to list; None if not a char."""
    if op is sc.LITERAL:
        return {chr(av)}
    if op in (sc.NOT_LITERAL, sc.ANY, sc.CATEGORY):
        return {_OPEN}
    if op is sc.IN:
        found: set[str] = set()
        for sub_op, sub_av in av:
            if sub_op is sc.LITERAL:
                found.add(chr(sub_av))
            elif sub_op is sc.RANGE and sub_av[1] - sub_av[0] < 64:
                found |= {chr(c) for c in range(sub_av[0], sub_av[1] + 1)}
            elif sub_op is sc.CATEGORY and sub_av is sc.CATEGORY_SPACE:
                found |= _SPACE
            elif sub_op is sc.CATEGORY and sub_av is sc.CATEGORY_DIGIT and digits:
                found |= _DIGIT
            else:  # NEGATE, a category such as \w, a wide range
                return {_OPEN}
        return found
    return None


class Wrapped(Protocol):
    """What the tests call on a wrapped pattern (``re.Pattern`` itself is one)."""

    def search(self, text: str, pos: int = ..., endpos: int = ..., /) -> re.Match[str] | None: ...

    def finditer(self, text: str, pos: int = ..., endpos: int = ..., /) -> Iterator[re.Match[str]]: ...


# Every pattern :func:`guarded` compiled or a :class:`LiteralScan` / :class:`WordGate` (or an end gate,
# bot/analysis/end_gate.py) wraps, with its source: the tests check that each finds exactly what the
# plain pattern finds.
GUARDED: list[tuple[str, int, Wrapped]] = []


class _TooMany(Exception):
    """More prefixes than a guard should list: try shorter ones."""


def _join(heads: set[str], tails: set[str], k: int, limit: int) -> set[str]:
    out = set()
    for head in heads:
        if len(head) >= k or head.endswith(_OPEN):
            out.add(head)
        else:
            out |= {(head + tail)[:k] for tail in tails}
        if len(out) > limit:
            raise _TooMany
    return out


def _prefixes(items: list[Any], k: int, limit: int = _MAX_ALTERNATIVES, digits: bool = False) -> set[str]:
    """Strings (at most ``k`` characters, or ending in ``_OPEN``) that can begin a match of ``items``;
    a shorter string without ``_OPEN`` means the sequence can end there."""
    results = {""}
    for op, av in items:
        if all(len(p) >= k or p.endswith(_OPEN) for p in results):
            break
        if op in _ZERO_WIDTH:
            continue  # ignoring a condition only widens the set
        chars = _chars(op, av, digits)
        if chars is not None:
            results = _join(results, chars, k, limit)
        elif op is sc.SUBPATTERN:
            results = _join(results, _prefixes(list(av[-1]), k, limit, digits), k, limit)
        elif op is sc.BRANCH:
            alternatives = (_prefixes(list(alt), k, limit, digits) for alt in av[1])
            results = _join(results, set().union(*alternatives), k, limit)
        elif op in _REPEATS:
            low, high, body = av
            once = _prefixes(list(body), k, limit, digits)
            current, reached = set(results), set(results) if low == 0 else set()
            for count in range(1, min(high, k) + 1):
                current = _join(current, once, k, limit)
                if count >= low:
                    reached |= current
            results = reached
        else:
            return {_OPEN}  # anything else (a back reference ...): no guard
    return results


def _longest(lengths: tuple[int, ...], build: Callable[[int], _T]) -> _T | None:
    """``build(k)`` for the first of ``lengths`` whose prefixes are not too many to list."""
    for k in lengths:
        try:
            return build(k)
        except _TooMany:
            continue
    return None


def guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled with a guard in front: the same matches, found sooner.

    The guard is the first part of a :func:`prefix_guard`, the class of the characters a match can
    begin with. Measured on the analysis's calls, the second part (the prefixes of up to four
    characters, listed) only repeated the pattern's own first tests: without it the guarded patterns
    cost 5 % less."""
    compiled = _with_guard(pattern, flags)
    GUARDED.append((pattern, flags, compiled))
    return compiled


def written_from_first(plain: str, written: str) -> re.Pattern[str]:
    """``written``: ``plain`` written from the character its matches begin with (``\\b[A-Z]…`` as
    ``[A-Z](?<!\\w.)…``), so that ``re`` skips to those characters instead of trying every position.
    Registered with ``plain``: the tests check that it finds exactly what ``plain`` finds."""
    compiled = re.compile(written)
    GUARDED.append((plain, 0, compiled))
    return compiled


def _with_guard(pattern: str, flags: int = 0) -> re.Pattern[str]:
    if (grouped := by_first_letter(pattern, flags)) is not None:
        return re.compile(grouped, flags)  # (tried at word starts only: a guard would cost more than it saves)
    guard = _first_characters(pattern)
    return re.compile(f"{guard}(?:{pattern})" if guard else pattern, flags)


def _first_characters(pattern: str) -> str:
    """A look-ahead for the characters a match of ``pattern`` can begin with (the first part of its
    :func:`prefix_guard`); empty when no useful one exists."""
    try:
        firsts = {p.split(_OPEN)[0] for p in _prefixes(list(sp.parse(pattern)), 1)}
    except _TooMany:
        return ""
    if "" in firsts:
        return ""
    return f"(?=[{''.join(re.escape(c) for c in sorted(firsts))}])"


def prefix_guard(pattern: str, k: int = 4) -> str:
    """A look-ahead that every match of ``pattern`` passes; empty when no useful guard exists.

    Raises ``_TooMany`` when the prefixes of ``k`` characters are too many to list."""
    prefixes = {p.split(_OPEN)[0] for p in _prefixes(list(sp.parse(pattern)), k)}
    if "" in prefixes:
        return ""
    by_first: defaultdict[str, set[str]] = defaultdict(set)
    for prefix in prefixes:
        by_first[prefix[0]].add(prefix[1:])
    alternatives = []
    for first, rests in sorted(by_first.items()):
        if "" in rests:
            alternatives.append(re.escape(first))
        else:
            tails = "|".join(re.escape(r) for r in sorted(rests, key=lambda r: (-len(r), r)))
            alternatives.append(f"{re.escape(first)}(?:{tails})")
    firsts = "".join(re.escape(c) for c in sorted(by_first))
    return f"(?=[{firsts}])(?:(?={'|'.join(alternatives)}))"


_Try = Callable[[str, int, int], "re.Match[str] | None"]


class _Scan:
    """A pattern tried only at candidate places of a text, each with the patterns that can match
    there (in order). ``finditer``, ``search`` and ``findall`` find exactly what the plain pattern's
    do; the candidates of the last text are kept (one tuple, replaced whole: safe when threads share
    the analyser), as the analysis scans one text sentence by sentence."""

    pattern: re.Pattern[str]

    def __init__(self) -> None:
        self._cached: tuple[str, list[int], list[int], list[tuple[_Try, ...]]] | None = None

    def _find(self, text: str) -> tuple[list[int], list[int], list[tuple[_Try, ...]]]:
        """Where a match may start, the least end it can have from there, and what to try there."""
        raise NotImplementedError

    def _load(self, text: str) -> tuple[str, list[int], list[int], list[tuple[_Try, ...]]]:
        cached = self._cached = (text, *self._find(text))
        return cached

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        # (bounds without max and min: called thousands of times an article)
        pos, end = pos if pos > 0 else 0, endpos if endpos < len(text) else len(text)
        cached = self._cached
        _, starts, ends, tries = cached if cached is not None and cached[0] is text else self._load(text)
        after = pos
        for i in range(bisect.bisect_left(starts, pos), bisect.bisect_left(starts, end)):
            start = starts[i]
            if start < after or ends[i] > end:
                continue  # inside the previous match (re's own scan skips it), or no literal fits the window
            for attempt in tries[i]:
                match = attempt(text, start, end)
                if match is not None:
                    yield match
                    after = match.end()
                    break

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        # finditer's loop for the first match only, without a generator: called hundreds of times
        # an article, on the words before each name and cue.
        pos, end = pos if pos > 0 else 0, endpos if endpos < len(text) else len(text)
        cached = self._cached
        _, starts, ends, tries = cached if cached is not None and cached[0] is text else self._load(text)
        for i in range(bisect.bisect_left(starts, pos), bisect.bisect_left(starts, end)):
            if ends[i] <= end:
                start = starts[i]
                for attempt in tries[i]:
                    if (found := attempt(text, start, end)) is not None:
                        return found
        return None

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[str]:
        if self.pattern.groups:
            raise ValueError("findall of a pattern with groups is not supported")
        return [m.group() for m in self.finditer(text, pos, endpos)]


def _literals(pattern: str, digits: bool = False) -> set[str]:
    """The longest literal strings that can be listed of which every match of ``pattern`` begins
    with one (fewer places to try); ValueError when a match need not begin with one. With
    ``digits``, a match may begin with a digit (each digit is then a literal of its own)."""
    items = list(sp.parse(pattern))
    lengths = (8, 6, 4, 3, 2, 1) if digits else (8, 6, 4, 3, 2)
    prefixes = _longest(
        lengths, lambda k: {p.split(_OPEN)[0] for p in _prefixes(items, k, limit=_MAX_LITERALS, digits=digits)}
    )
    if not prefixes or "" in prefixes:
        raise ValueError(f"not every match of {pattern[:60]!r} begins with a literal string")
    return prefixes


_by_place = operator.itemgetter(1, 2)  # (literal, start, end) by place


class LiteralScan(_Scan):
    """A pattern whose every match begins with one of a few literal strings ("rugby", "cricket"…).

    One Aho-Corasick pass finds where those strings stand and the pattern is tried only there, instead
    of at every position of the text: for a pattern of rare words (another sport's, a women's team's)
    a text without them costs one pass of compiled code (shared with the other scans: bot/analysis/literal_pass.py)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        super().__init__()
        if flags & re.IGNORECASE:
            raise ValueError("a literal scan is case-sensitive")
        self.pattern = re.compile(pattern, flags)
        self._shared = shared_pass(pattern)
        self._number = self._shared.register(sorted(_literals(pattern)))
        self._try: tuple[_Try, ...] = (self.pattern.match,)
        GUARDED.append((pattern, flags, self))

    def _find(self, text: str) -> tuple[list[int], list[int], list[tuple[_Try, ...]]]:
        # by place, last first: the least end of each start is written last, the starts come out last first
        found = self._shared.matches(self._number, text)[0]
        if not found:
            return [], [], []  # (most texts hold none of a rare scan's literals)
        found.sort(key=_by_place, reverse=True)  # (a slice of the pass's matches: this scan's own)
        shortest = {start: stop for _, start, stop in found}
        starts, ends = list(shortest), list(shortest.values())
        starts.reverse()
        ends.reverse()
        return starts, ends, [self._try] * len(starts)


class BranchScan(_Scan):
    """``head(?:alt₁|alt₂|…)tail`` where every alternative begins with literal strings: one
    Aho-Corasick pass over all of them, and at each place only the alternatives whose literals stand
    there are tried, in their order (what ``re`` does, without trying hundreds that cannot match).
    ``head`` must be zero-width (look-arounds, ``\\b``)."""

    def __init__(self, head: str, alternatives: list[str], tail: str = "", *, tried: list[str] | None = None) -> None:
        """``tried``: finer alternatives, tried in their stead, that match as ``alternatives`` in order do
        (see :meth:`of_groups`)."""
        super().__init__()
        source = f"{head}(?:{'|'.join(alternatives)}){tail}"
        self.pattern = re.compile(source)
        alternatives = alternatives if tried is None else tried
        owners: defaultdict[str, int] = defaultdict(int)
        for bit, alternative in enumerate(alternatives):
            for literal in _literals(f"(?:{alternative}){tail}", digits=True):
                owners[literal] |= 1 << bit
        literals = sorted(owners)
        self._shared = shared_pass(source)
        self._number = self._shared.register(literals)
        self._alternatives = [re.compile(f"{head}(?:{alternative}){tail}").match for alternative in alternatives]
        self._by_mask: dict[int, tuple[_Try, ...]] = {}
        # What to try where each literal is the longest to stand: the literals at a place are the prefixes
        # of the longest there, so its own alternatives and those of each literal it begins with.
        self._chained = [
            self._tries(reduce(operator.or_, (owners.get(literal[:k], 0) for k in range(1, len(literal) + 1))))
            for literal in literals
        ]
        GUARDED.append((source, 0, self))

    @classmethod
    def of_groups(cls, head: str, groups: list[tuple[str, str]], tail: str = "") -> BranchScan:
        """``head(?:(?P<name₁>(?:pattern₁))|(?P<name₂>(?:pattern₂))|…)tail``, each pattern's own top-level
        alternatives tried one by one in its named group: at a place only those whose literals stand there
        run, not a whole pattern of a hundred (an alternation with a tail matches as its alternatives
        tried in order, each with the tail, do)."""
        whole = [f"(?P<{name}>(?:{pattern}))" for name, pattern in groups]
        parts = [f"(?P<{name}>(?:{part}))" for name, pattern in groups for part in top_level_alternatives(pattern)]
        return cls(head, whole, tail, tried=parts)

    def _tries(self, mask: int) -> tuple[_Try, ...]:
        tries = self._by_mask.get(mask)
        if tries is None:
            chosen, rest = [], mask
            while rest:  # (its bits, lowest first: a few of hundreds of alternatives)
                lowest = rest & -rest
                chosen.append(self._alternatives[lowest.bit_length() - 1])
                rest ^= lowest
            tries = self._by_mask[mask] = tuple(chosen)
        return tries

    def _find(self, text: str) -> tuple[list[int], list[int], list[tuple[_Try, ...]]]:
        found, first = self._shared.matches(self._number, text)
        chained = self._chained
        starts: list[int] = []
        ends: list[int] = []
        tries: list[tuple[_Try, ...]] = []
        last = -1
        # by place: a start's least end first, its longest literal last (a slice: this scan's own)
        found.sort(key=_by_place)
        for index, start, stop in found:
            if start == last:
                tries[-1] = chained[index - first]  # (a longer literal: what it holds, the shorter ones' too)
            else:
                starts.append(start)
                ends.append(stop)
                tries.append(chained[index - first])
                last = start
        return starts, ends, tries


def _rarity(words: set[str]) -> tuple[int, int]:
    """The longer the shortest word, and then the fewer the words, the rarer a set is in a text."""
    return min(map(len, words)), -len(words)


def _required(items: list[Any]) -> set[str] | None:
    """Literal strings of which every match of ``items`` holds at least one (the rarest set by
    :func:`_rarity`); None when no such set is known."""
    best: set[str] | None = None

    def consider(found: set[str] | None) -> None:
        nonlocal best
        if found and "" not in found and (best is None or _rarity(found) > _rarity(best)):
            best = found

    run = ""
    for op, av in items:
        if op is sc.LITERAL:
            run += chr(av)
            continue
        consider({run} if run else None)
        run = ""
        if op is sc.SUBPATTERN:
            consider(_required(list(av[-1])))
        elif op is sc.BRANCH:
            alternatives = [_required(list(alt)) for alt in av[1]]
            if all(alternatives):
                consider(set().union(*alternatives))  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            consider(_required(list(av[2])))
    consider({run} if run else None)
    return best


class WordGate:
    """A pattern that can only match where one of a few literal words stands ("charge", "-year-old"):
    ``re`` runs only when one of them is in the text (or window). Same matches as the plain pattern.

    Given as alternatives (``WordGate("a", "b")`` is ``a|b``), each has its own words, and only the
    alternatives whose words stand in the window are tried, in their order: one costly alternative
    ("… days after", "if …") no longer runs where its words are missing."""

    def __init__(self, *alternatives: str) -> None:
        if not alternatives:
            raise ValueError("a word gate needs a pattern")
        source = "|".join(alternatives)
        gates = []
        for alternative in alternatives:
            words = _required(list(sp.parse(alternative)))
            if not words:
                raise ValueError(f"no literal word stands in every match of {alternative[:60]!r}")
            # (shortest first: one word found opens the gate, and the short words are the common ones; a
            # window without any is read for each of them whatever the order)
            gates.append(tuple(sorted(words, key=lambda w: (len(w), w))))
        self.words = tuple(dict.fromkeys(word for gate in gates for word in gate))
        self.pattern = _with_guard(source)
        self._gates = gates
        self._bits = [(1 << bit, words) for bit, words in enumerate(gates)]
        self._alternatives = alternatives
        self._by_mask: dict[int, re.Pattern[str]] = {(1 << len(alternatives)) - 1: self.pattern}
        # (most gates are of one alternative: its words open the whole pattern, no mask to build)
        self._single = gates[0] if len(gates) == 1 else None
        GUARDED.append((source, 0, self))

    def _open(self, text: str, pos: int, endpos: int) -> re.Pattern[str] | None:
        """The alternatives that can match in text[pos:endpos], as one pattern; None for none."""
        window = text[pos:endpos]  # (one slice and ``in`` tests: a ``find`` call a word cost more)
        if self._single is not None:
            for word in self._single:
                if word in window:
                    return self.pattern
            return None
        mask = 0
        for bit, words in self._bits:
            for word in words:
                if word in window:
                    mask |= bit
                    break
        if not mask:
            return None
        pattern = self._by_mask.get(mask)
        if pattern is None:
            chosen = (alt for bit, alt in enumerate(self._alternatives) if mask >> bit & 1)
            pattern = self._by_mask[mask] = _with_guard("|".join(chosen))
        return pattern

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        pos = pos if pos > 0 else 0  # (cheaper than ``max``: called thousands of times an article)
        pattern = self._open(text, pos, endpos)
        return pattern.finditer(text, pos, endpos) if pattern is not None else iter(())

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pos = pos if pos > 0 else 0
        pattern = self._open(text, pos, endpos)
        return pattern.search(text, pos, endpos) if pattern is not None else None

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        pos = pos if pos > 0 else 0
        pattern = self._open(text, pos, endpos)
        return pattern.findall(text, pos, endpos) if pattern is not None else []
