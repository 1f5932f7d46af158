"""Which definite events a piece of prose states as done.

Summaries, alerts and model answers must never state a sacking, appointment, agreement, exit or new
contract that the analysis holds only as expected, possible, denied or past. This reader finds, in
any English text, the clauses that state such an event as done — "has been sacked", "Wolves appoint
X", "X has left" — and not those that hedge it ("could be sacked", "is expected to leave", "no plans
to sack", "sack talk"). It is deliberately simple and independent of the analyser's own cue lists, so
that it can check what the analyser and a language model write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.analysis.members import Relation
from bot.analysis.text import fold

_EVENTS: dict[str, str] = {
    "SACKED": (
        r"sacked|sacks|dismissed|dismisses|fired|fires|axed|axes|relieved (?:\w+ )?of (?:his|her|their) duties|"
        r"let (?:him|her) go|shown the door"
    ),
    # A parting of ways says there was an exit, not who decided: a sacking or a departure.
    "PARTED": r"parted (?:company|ways)(?: with)?|part (?:company|ways)(?: with)?",
    "APPOINTED": (
        r"appointed|appoints?|named|names|unveiled|unveils?|hired|hires|installed|"
        r"confirmed (?:[\w'.-]+ ){1,4}?as|confirms? (?:[\w'.-]+ ){1,4}?as|took charge|takes charge|"
        r"taken charge|took over|takes over|taken over"
    ),
    "AGREED": (r"agreed|agrees|agreement|here we go|said yes|says yes|accepted|accepts|deal (?:is )?(?:done|sealed)"),
    "LEFT": (
        r"left|leaves|resigned|resigns|stepped down|steps down|quit|quits|departed|departs|walked away|walks away|"
        r"mutual consent"
    ),
    "EXTENSION": (
        r"new (?:[\w-]+ ){0,2}(?:contract|deal)|(?:contract )?extension|extended|extends|signed (?:a |an )?(?:new|"
        r"fresh|improved)"
    ),
}
_EVENT = re.compile(r"\b(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _EVENTS.items()) + r")\b")
_MEANS: dict[str, tuple[Relation, ...]] = {
    name: (Relation.SACKED, Relation.LEFT) if name == "PARTED" else (Relation[name],) for name in _EVENTS
}

# Words that, earlier in the same clause, make the event less than done.
# ("n't" stands inside its word: "hasn't been sacked")
_HEDGE = re.compile(
    r"n't\b|\b(?:could|might|may|would|should|will|shall|set to|expected|poised|likely|unlikely|close to|"
    r"closing in|nearing|on the verge|on course|in line|ready to|prepared to|plans? to|planning|intend\w*|"
    r"wants? to|hopes? to|keen to|considering|consider|weighing|mulling|contemplating|exploring|discussing|"
    r"if|whether|unless|in the event|not|no|never|without|denied|denies|deny|ruled? out|"
    r"played down|plays down|rejected claims|talk of|speculation|suggestions?|rumou?rs?|reports? of|"
    r"to be|(?:is|are|was|were) to|due to|about to|facing|faces|risk|odds|offer(?:s|ed)?|"
    # "has agreed terms on a new contract": the contract agreed, not signed
    r"terms on)\b"
)
_CLAUSE = re.compile(r"[.;:!?\n]+|,\s*(?:but|while|whereas|although|though)\b|\s(?:but|while|whereas|although)\s")
_QUESTION_END = re.compile(r"\?\s*$")


@dataclass(frozen=True, slots=True)
class Statement:
    """A definite event a text states as done, and the clause that states it. ``relations``: every
    event its words can mean ("parted ways with": a sacking or a departure); ``relation`` the first."""

    relation: Relation
    clause: str
    start: int
    end: int
    relations: frozenset[Relation] = frozenset()


def _clauses(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CLAUSE.finditer(text):
        if match.start() > start:
            spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def definite_statements(text: str) -> list[Statement]:
    """Every clause of ``text`` that states a sacking, appointment, agreement, exit or new contract
    as done (one Statement per event word, in order)."""
    folded = fold(text)
    found: list[Statement] = []
    for start, end in _clauses(folded):
        clause = folded[start:end]
        if _QUESTION_END.search(clause):
            continue
        for match in _EVENT.finditer(folded, start, end):
            if match.lastgroup is None:
                continue
            if _HEDGE.search(folded, start, match.start()):
                continue
            means = _MEANS[match.lastgroup]
            found.append(Statement(means[0], text[start:end].strip(), start, end, frozenset(means)))
    return found
