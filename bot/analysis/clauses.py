"""A sentence cut into clauses: the main clauses, and the clauses set into them (relative, temporal,
conditional, bracketed) whose clubs and events belong to a different statement.

"Frank Lampard, who had been out of work since Chelsea sacked him in 2023, is in talks with Coventry
City" is one main clause ("Frank Lampard … is in talks with Coventry City") with a relative clause set
into it; a claim in the main clause never binds a club from the relative one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.analysis.members import members
from bot.analysis.prefilter import WordGate, guarded
from bot.analysis.quick_init import quick_init
from bot.analysis.text import Sentence


class Kind(StrEnum):
    MAIN = "main"
    RELATIVE = "relative"  # ", who …", ", whose …", ", having …", "(…)"
    TEMPORAL = "temporal"  # "after …", "days after …", "since …", "before …", "when …"
    CONDITIONAL = "conditional"  # "if …", "unless …", "should he leave …"


if not TYPE_CHECKING:
    Kind = members(Kind)  # (the same members, read without the enumeration's attribute hook: members.py)


@quick_init
@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    kind: Kind
    group: int  # main clauses joined by "and", ";" or ":" are different groups


# Boundaries between two main clauses (searched from a place in one sentence: guarded, not literal-scanned).
_SPLIT = guarded(
    r";|:\s|\s[-–]\s|,\s+(?:and|but|while|whereas|although|though|yet|so)\s+|\s(?:but|whereas|although)\s|"
    r"\s(?:and|but)\s+(?=(?:will|would|has|have|is|are|was|were|had|could|should|can|must|may|might)\b)"
)
# The start of a clause set into the sentence; it runs to the next comma, bracket or boundary.
# A word gate over the three kinds: each is tried only where one of its words stands in the rest of
# the sentence (a bracket or a relative word; a time word; "if", "unless" …). Most of the cost was
# the temporal kind, tried at every space: its look-behinds, and a word read letter by letter and
# given back when no "days after" follows.
_EMBED = WordGate(
    r"(?P<relative>,\s+(?:who|whose|which|where|having|a (?:former|one-time)|the (?:former|ex-))\b|\(|"
    # "Postecoglou, sacked by Tottenham last summer, is in talks": a participle set between commas
    r",\s+(?:(?:recently|only recently|just|previously|once|later)\s+)?"
    r"(?:sacked|dismissed|axed|fired|relieved|ousted|appointed|named|hired|installed|released)\s+"
    r"(?:by|as|at|in|from|of|on|last|earlier)\b)",
    r"(?P<temporal>(?<!\bhave)(?<!\bhas)(?<!\bhad)(?<!\bever)(?<!\blast)(?<!\bthis)(?<!\bnext)"
    r"(?<!\bprevious),?\s+"
    r"(?:(?:just |only |some |about |almost |nearly )?(?:a |an |\d+ |(?!last |this |next |previous )[a-z]+ )?"
    r"(?:hours?|days?|"
    r"weeks?|months?|years?|seasons?|decades?|fortnight) (?:after|before|later)|after|since|following|before|"
    r"when|once|until)\s)",
    # ("… a leading candidate should Wiegman decide to leave": a name before the verb, inverted)
    r"(?P<conditional>,?\s+(?:if|unless|whenever|in the event (?:of|that)|in case|should (?=(?:he|she|they)\b|"
    r"(?!the |a |an |their |his |her |its )[a-z'.-]+ (?:[a-z'.-]+ )?"
    r"(?:decide|opt|choose|leave|depart|go|be|lose|fail|miss|want|move|walk|resign|step|get|fall|need)\b)|"
    r"were (?=(?:he|she|they) to\b))\s?)",
)
_OPENING_IF = re.compile(
    r"\W*(?:if|unless|whenever|should (?:he|she|they)|in the event (?:of|that)|were (?:he|she|they) to)\b"
)
_SAID = re.compile(
    r"\b(?:announced|announces|said|says|confirmed|confirms|revealed|reveals|admitted|admits|insisted|insists|"
    r"told (?:[\w'.-]+ ){0,3}?)$"
)
_EMBED_END = re.compile(r",\s|\)|;|:\s|\s[-–]\s")


class _Last:
    """The clauses of the sentence cut last (one tuple, replaced whole: safe when threads share the
    analyser): a sentence is cut for its job words, its hedges and its claims in turn."""

    cut: tuple[str, int, int, list[Clause]] | None = None


def split_clauses(folded: str, sentence: Sentence) -> list[Clause]:
    """The clauses of one sentence in order; every character of it lies in exactly one clause (the
    list is shared by the callers that ask for the same sentence: none changes it)."""
    last = _Last.cut
    if last is not None and last[0] is folded and last[1] == sentence.start and last[2] == sentence.end:
        return last[3]
    clauses = _cut(folded, sentence)
    _Last.cut = (folded, sentence.start, sentence.end, clauses)
    return clauses


def _cut(folded: str, sentence: Sentence) -> list[Clause]:
    clauses: list[Clause] = []
    group = 0
    position = sentence.start
    end = sentence.end
    opening = _OPENING_IF.match(folded, position, end)
    if opening:  # "If an agreement is reached, Frank could be in place…"
        comma = folded.find(",", opening.end(), end)
        if comma > 0:
            clauses.append(Clause(position, comma, Kind.CONDITIONAL, group))
            position = comma + 1
    embed: re.Match[str] | None = None
    split: re.Match[str] | None = None
    while position < end:
        # The next boundary of each kind from here: a match found earlier still is one if it starts
        # at or after the position (both searches only move forward).
        if embed is None or embed.start() < position:
            embed = _EMBED.search(folded, position, end)
        if split is None or split.start() < position:
            split = _SPLIT.search(folded, position, end)
        if split is not None and (embed is None or split.start() <= embed.start()):
            if split.start() > position:
                clauses.append(Clause(position, split.start(), Kind.MAIN, group))
            group += 1
            position = max(split.end(), position + 1)
            continue
        if embed is None:
            clauses.append(Clause(position, end, Kind.MAIN, group))
            break
        if embed.start() > position:
            clauses.append(Clause(position, embed.start(), Kind.MAIN, group))
        kind = Kind(embed.lastgroup or Kind.RELATIVE.value)
        stop = _EMBED_END.search(folded, embed.end(), end)
        inner_end = stop.start() if stop else end
        if stop and stop.group(0) == ")":
            inner_end = stop.end()
        if kind is Kind.TEMPORAL and _SAID.search(folded, max(sentence.start, embed.start() - 30), embed.start()):
            # "announced after Saturday's draw that he will step down": what he said is the main clause
            that = folded.find(" that ", embed.end(), inner_end)
            inner_end = that if that > 0 else inner_end
        clauses.append(Clause(embed.start(), max(inner_end, embed.end()), kind, group))
        position = max(inner_end, embed.end())
        if stop and stop.group(0).startswith(","):
            position = stop.end() if kind is Kind.RELATIVE else position
    return clauses


def clause_at(clauses: list[Clause], position: int) -> Clause:
    for clause in clauses:
        if clause.start <= position < clause.end:
            return clause
    return clauses[-1]


def same_statement(clauses: list[Clause], home: Clause, position: int) -> bool:
    """A position belongs to the statement of ``home``: the same embedded clause (with, for a relative
    clause, the word it is about: "Bayern, who agreed to part with Tuchel"), or any main clause of the
    same group (a relative clause set between subject and verb does not cut the main clause)."""
    other = clause_at(clauses, position)
    if home.kind is not Kind.MAIN:
        if other is home:
            return True
        return home.kind is Kind.RELATIVE and other.end == home.start and home.start - position <= 40
    return other.kind is Kind.MAIN and other.group == home.group
