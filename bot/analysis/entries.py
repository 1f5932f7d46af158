"""Lists of candidates written one paragraph a name: "Xabi Alonso. The obvious one. …" under a headline
or an introduction about who should get a job. Each such paragraph puts its man on the writer's list for
that job: a possibility, as any name on a list is."""

from __future__ import annotations

import re

from bot.analysis.refs import PersonRef
from bot.analysis.text import Sentence

# What says the paragraphs that follow are names for a job: the headline's or the introduction's words.
_LIST_FRAME = re.compile(
    r"\b(?:candidates?|contenders?|successors?|replacements?|replace|succeed|shortlist|list|runners and riders|"
    r"next (?:appointment|manager|boss|coach|head coach)|who (?:could|should|might) (?:replace|succeed|take over))\b"
)
# (a number may be a keycap emoji: "1️⃣ Ruud van Nistelrooy")
_NAME_ONLY = re.compile(r"\s*(?:\d{1,2}(?:[.)]|\ufe0f?\u20e3)\s*)?")
# the name ends the line's first sentence, or a dash goes on to say who he is ("— former Leicester boss"), or his
# club stands in brackets ("FILIPE LUIS (FLAMENGO)")
_STOP = re.compile(r"\s*(?:[.:]|[—–-]\s[^\n]*|\([^()\n]{1,40}\)[.:]?)?\s*")


def candidate_entry(folded: str, sentence: Sentence, people: list[PersonRef], sentences: list[Sentence]) -> str | None:
    """The manager a paragraph opens with, alone in its first sentence ("Vincent Kompany."), when the
    story before it speaks of a list of names for a job; otherwise None."""
    if sentence.index == 0 or not people or not people[0].explicit:
        return None
    previous = sentences[sentence.index - 1]
    if previous.paragraph == sentence.paragraph:
        # ("Eduardo Coudet, the Alavés coach …": an item may name its man twice)
        one = len({p.name for p in people}) == 1
        return _after_semicolon(folded, sentence, people[0], sentences) if one else None
    if len(people) != 1:
        return None
    person = people[0]
    if not _NAME_ONLY.fullmatch(folded, sentence.start, person.start) or not _STOP.fullmatch(
        folded, person.end, sentence.end
    ):
        return None
    if not _LIST_FRAME.search(folded, 0, sentence.start):
        return None
    return person.name


_ITEM_OPENS = re.compile(r"\s*(?:and\s+|or\s+)?")
_SEMICOLON_BEFORE = re.compile(r";\s*$")


def _after_semicolon(folded: str, sentence: Sentence, person: PersonRef, sentences: list[Sentence]) -> str | None:
    """ "a shortlist of three: José Bordalás, whose …; Eduardo Coudet, the Alavés coach …; and Quique
    Sánchez Flores": an item of a list set out after a colon, cut off from it at a semicolon."""
    if not _ITEM_OPENS.fullmatch(folded, sentence.start, person.start):
        return None
    index = sentence.index
    while index > 0 and _SEMICOLON_BEFORE.search(folded, sentences[index - 1].start, sentence.start):
        index -= 1
        opener = sentences[index]
        colon = folded.rfind(": ", opener.start, opener.end)
        if colon >= 0:
            return person.name if _LIST_FRAME.search(folded, opener.start, colon) else None
        sentence = opener
    return None
