"""A fact-check's claims: "Claim 1: 'Arne Slot has been sacked by Liverpool.' Verdict: false." A quoted
claim under such a label is checked, not told; its verdict says how the story holds it."""

from __future__ import annotations

import re

from bot.analysis.members import Factuality
from bot.analysis.text import Sentence

_CLAIM_LABEL = re.compile(r"\W*(?:the )?(?:claim|rumou?r|viral (?:claim|post)|post|tweet)(?: \d{1,2})?:\s*['\"]")
_VERDICT = re.compile(
    r"\W*(?:verdict|our verdict|the verdict|fact check|rating)\s*:\s*(?:(?P<false>false|fake|untrue|not true|"
    r"no evidence|unfounded|misleading|made up|fabricated|wrong)|true|correct|accurate|confirmed)\b"
)


def checked_claim(folded: str, sentence: Sentence, cue_start: int) -> Factuality | None:
    """Denied under a false verdict, possible with no verdict; None where the sentence is no labelled
    claim or its verdict confirms it (then it is read as any other sentence)."""
    if not _CLAIM_LABEL.match(folded, sentence.start, cue_start):
        return None
    verdict = _VERDICT.match(folded, sentence.end)
    if verdict is None:
        return Factuality.POSSIBLE
    return Factuality.DENIED if verdict.group("false") else None


# A correction's account of what an earlier version said: "An earlier version of this article said X had
# agreed a contract extension." The claim is withdrawn, not told.
_EARLIER_VERSION = re.compile(
    r"\W*(?:an?|the) (?:earlier|previous|original) (?:version|edition) of this (?:article|story|report|piece|"
    r"item|post)\b[^.;:]{0,40}?\b(?:said|stated|reported|claimed|suggested|wrongly|incorrectly|misstated)\b"
)


def withdrawn(folded: str, sentence: Sentence, cue_start: int) -> bool:
    """The sentence tells what an earlier version of the story said: a claim taken back."""
    match = _EARLIER_VERSION.match(folded, sentence.start, cue_start)
    return match is not None
