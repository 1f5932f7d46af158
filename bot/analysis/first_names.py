"""A coach named in full and later by his first name alone, as club officials and players speak of him:
"'Ivan is our coach and he will be our coach next season,' the chief executive said"."""

from __future__ import annotations

import re

from bot.analysis.refs import PersonRef, Resolved, sentence_of
from bot.analysis.text import Sentence, fold

# First names that are also words a sentence may begin with ("Will they sack him?", "Hope is fading")
_ALSO_WORDS = frozenset(
    {"will", "may", "hope", "mark", "rob", "frank", "grant", "bill", "pat", "chase", "art", "joy", "faith"}
)

_WORD_BEFORE = re.compile(r"(?:\w|\w['’]|-)$")  # "O'Ryan", "Jean-Ryan": inside a longer name
_KIN_OR_ROLE = re.compile(r"\b(?:father|son|brother|uncle|coach|manager|boss) $")
_NAME_GOES_ON = re.compile(r"[\w'’-]| [A-Z]")  # "Ivan Perišić", "Ivan's": not the first name alone


def first_name_mentions(text: str, out: Resolved, sentences: list[Sentence], starts: list[int]) -> None:
    """Each later first name alone of a known coach named in full, when no other coach named in the
    story has that first name and nothing else the story names stands there."""
    named: dict[str, PersonRef] = {}
    firsts: dict[str, set[str]] = {}
    for person in out.people:
        words = person.name.split()
        if person.known and person.explicit and len(words) > 1 and text[person.start : person.end] == person.name:
            named.setdefault(person.name, person)
            firsts.setdefault(words[0], set()).add(person.name)
    for first, names in firsts.items():
        if len(names) != 1 or len(first) < 3 or not first[0].isupper() or fold(first) in _ALSO_WORDS:
            continue
        person = named[next(iter(names))]
        # (before the full name too, where a kinship or a role says who he is: "his father Sérgio is fighting
        # for his job … Sérgio Conceição, who won three titles")
        at = text.find(first)
        while at >= 0:
            end = at + len(first)
            if (
                (at >= person.end or _KIN_OR_ROLE.search(text, max(0, at - 12), at))
                and not _WORD_BEFORE.search(text, max(0, at - 2), at)
                and not _NAME_GOES_ON.match(text, end)
                and not any(s < end and at < e for s, e in out.spans)
            ):
                index = sentence_of(sentences, starts, at)
                out.people.append(PersonRef(person.name, at, end, index, explicit=True, known=True))
                out.spans.append((at, end))
            at = text.find(first, end)
