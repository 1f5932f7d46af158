"""The man an interview is with, whose own words in quotes ("I've signed a new contract", "we signed an
extension last week") are claims about him even where no sentence around them names him."""

from __future__ import annotations

import re

from bot.analysis.refs import PersonRef, Resolved
from bot.analysis.text import Sentence

# "Frank Lampard: 'Getting the sack …'", "Gasperini on Roma: …"
_INTERVIEW_HEADLINE = re.compile(r"[^\n]*(?::|['\"‘“])")
# a quote in the first person: the speaker's own words
_QUOTE = re.compile(r"['\"‘“”]")
_FIRST_PERSON = re.compile(r"\b(?:i|i've|i'm|i'd|i'll|we|we've|we're|we'd)\b")
# someone else speaks, or is spoken of: a player's words are not the coach's
_ANOTHER_SPEAKER = re.compile(
    r"\b(?:the|our|my|his) (?:winger|striker|forward|midfielder|defender|full-back|centre-back|goalkeeper|keeper|"
    r"player|captain|chairman|president|owner|director|chief executive|assistant)\b|\b(?:she|they) (?:said|says)\b"
)


def interviewee(folded: str, sentences: list[Sentence], res: Resolved) -> PersonRef | None:
    """The one person an interview headline names ("Name: '…'"), when the story names no other."""
    if not sentences or not _INTERVIEW_HEADLINE.match(folded, sentences[0].start, sentences[0].end):
        return None
    named = {p.name for p in res.people if p.explicit}
    in_headline = [p for p in res.people if p.sentence == 0]
    if len(named) != 1 or not in_headline:
        return None
    return in_headline[0]


def his_own_words(
    folded: str, sentence: Sentence, named: list[PersonRef], speaker: PersonRef | None
) -> list[PersonRef]:
    """The interviewee, for a sentence that names no one and is in quotes, in the first person, with no one
    else's role named in it ("'I've signed a new contract.'"); otherwise no one."""
    if (
        speaker is None
        or named
        or _QUOTE.search(folded, sentence.start, sentence.end) is None
        or _FIRST_PERSON.search(folded, sentence.start, sentence.end) is None
        or _ANOTHER_SPEAKER.search(folded, sentence.start, sentence.end) is not None
    ):
        return []
    return [speaker]
