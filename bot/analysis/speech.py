"""Whose words a cue stands in: the manager's own ("X insists he…", a first-person quote), which the
story reports rather than states."""

from __future__ import annotations

import re

from bot.analysis.prefilter import guarded
from bot.analysis.text import Sentence

# "X insists he…", "X says he will…", "'I am not going anywhere,' said X": the manager's own words.
_SPEECH = guarded(
    r"\b(?:insist\w*|say|says|said|saying|admit\w*|claim(?:s|ed)?|believe[sd]?|feel[s]?|felt|hope[sd]?|think[s]?|"
    r"thought|vow\w*|promis\w*|maintain\w*|stress\w*|is adamant|was adamant|remains adamant|adamant|"
    r"told|tells|confident|not worried|unconcerned|unfazed)\b(?:\s+that)?\s+(?:he|she|i|we)\b"
)
# ("was asked about it and answered: 'I am happy here'", "replied", "added": his words too)
_SPEAKING = re.compile(
    r"\b(?:insist\w*|say(?:s|ing)?|said|admit\w*|claim\w*|stress\w*|maintain\w*|answer(?:s|ed)?|"
    r"repl(?:y|ies|ied)|added|adds)\b"
)
_HE_SAID_AFTER = re.compile(
    r",\s+(?:he|she|the (?!(?:club|board|chairman|president|director|owner|owners|federation|ceo|spokesman|"
    r"spokesperson|statement|source|sources)\b)[\w'-]+)\s+(?:said|says|told|announced|confirmed|revealed)\b"
)
_SELF = re.compile(r"\b(?:he|she|i) (?:is|was|am|'m|will|would|has|had)?\s*(?:\w+ )?$")
_FIRST_PERSON = re.compile(r"(?:^|[\"'(\s])(?:i|i'm|i've|i'll|we|we're|we've|we'll|my|me)\b")


def own_words(folded: str, sentence: Sentence, owner_start: int, owner_end: int, cue_start: int) -> bool:
    """The cue stands in the manager's own words: "X insists he…" or a first-person quote."""
    if folded.startswith(("i am ", "i'm "), cue_start):
        return True  # "'I am Feyenoord's coach'": the cue is his own first person
    if owner_end <= cue_start:
        between = folded[owner_end:cue_start]
        if len(between) < 120 and (_SPEECH.search(between) or (_SPEAKING.search(between) and _SELF.search(between))):
            return True
    quote = _quoted_span(folded, sentence, cue_start)
    return quote is not None and _FIRST_PERSON.search(folded, quote[0], cue_start) is not None


def _quoted_span(folded: str, sentence: Sentence, position: int) -> tuple[int, int] | None:
    """The open quote the position stands in: after an odd number of quote marks in its sentence, the
    last of them (counted in C rather than a character at a time)."""
    if folded.count('"', sentence.start, position) % 2 == 0:
        return None
    return folded.rfind('"', sentence.start, position), position


_QUESTION = re.compile(r"\?[\"'”’)\s]*$")
_QUOTE_MARKS = ('"', "“", "”")


def is_question(text: str, sentence: Sentence) -> bool:
    """A question sentence that is nobody's quoted words ('"Will I be sacked?" he laughed' is not one)."""
    body = text[sentence.start : sentence.end].rstrip()
    if not _QUESTION.search(body):
        return False
    return not any(mark in body[:2] for mark in _QUOTE_MARKS) and body.count('"') % 2 == 0


_OPENING_QUOTE = ("'", '"', "‘", "“")
_COACH_SAID = re.compile(
    r"['’\"”]\s+(?:(the) [\w' .-]{0,40}?(?:head coach|manager|boss|coach)|(he|she|[\w'-]+))\s+"
    r"(?:said|says|added|told|insisted|admitted|explained)\b"
)
_HE = re.compile(r"\b(?:he|she|him|her)\b")


def quoted_third_person(text: str, folded: str, sentence: Sentence, cue_start: int, speaker: str) -> bool:
    """ "'He has never asked to leave,' the Newcastle head coach said": a "he" in the speaker's own quote is
    someone else (the speaker says "I")."""
    if not text.startswith(_OPENING_QUOTE, sentence.start):
        return False
    opened = text[sentence.start]
    closes = {"'": "'", '"': '"', "‘": "’", "“": "”"}[opened]
    # (the quote still open at the cue: no closing mark followed by a space before it)
    if (closes + " ") in text[sentence.start + 1 : cue_start] or (closes + ",") in text[sentence.start + 1 : cue_start]:
        return False
    if _HE.search(folded, sentence.start, cue_start) is None:
        return False
    # The speaker is the coach himself: "… ,' the Newcastle head coach said", or a quote that goes on from
    # his words before with no one else named ("… ,' the president said" is someone else's).
    unattributed = text.startswith(closes, sentence.end) or text[sentence.start : sentence.end].rstrip().endswith(
        (closes, closes + ".")
    )
    said = _COACH_SAID.search(folded, cue_start, sentence.end)
    return unattributed or (said is not None and (said.group(1) or said.group(2)) in ("the", "he", "she", speaker))


def he_said_after(folded: str, sentence: Sentence, owner_end: int, cue_start: int) -> bool:
    """ "X will leave Saudi Arabia after the World Cup, the Frenchman said": the manager's own statement,
    told after it."""
    return owner_end <= cue_start and _HE_SAID_AFTER.search(folded, cue_start, sentence.end) is not None
