"""A fact-check's claims: "Claim 1: 'Arne Slot has been sacked by Liverpool.' Verdict: false." A quoted
claim under such a label is checked, not told; its verdict says how the story holds it."""

from __future__ import annotations

import re

from bot.analysis.members import Factuality, Relation
from bot.analysis.text import Sentence, fold

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


# The steps towards a move that can be called off ("talks have broken down", "withdrawn their offer").
STEPS_TOWARDS = frozenset({Relation.LINKED, Relation.TALKS, Relation.OFFER, Relation.AGREED})
# "talks with Michael Beale … have broken down", "Fiorentina's move for Mancini has been called off": a step
# towards a move that the story says has ended (no comma or "and" between: another clause may follow)
_CALLED_OFF = re.compile(
    # (not "once the LaLiga season is over": a time to come)
    r"(?:(?! and | but | once | when | until | after | before )[^.;,!?:]){0,80}?\b(?:(?:have|has|had) (?:now |also )?)?"
    r"(?:broken down|broke down|collapsed|fallen through|fell through|(?:been |was |were )?(?:called off|abandoned|"
    r"scrapped|shelved|cancelled|canceled)|"
    r"(?<!season )(?<!campaign )(?<!window )(?<!year )(?<!game )(?<!match )(?<!tournament )"
    r"(?:is|are|was|were) (?:now |all but )?(?:off|over|dead)\b)"
)
# "Al-Ittihad have withdrawn their offer to Xavi": an offer taken back
_TAKEN_BACK = re.compile(
    r"\b(?:withdr[ae]wn?|withdraws|withdrawing|pulled|rescinded|retracted|taken back|took back) "
    r"(?:their|its|the|an|his|her) (?:[\w-]+ )?(?:offer|bid|approach|proposal)\b"
)


def called_off(folded: str, sentence: Sentence, cue_start: int, cue_end: int) -> bool:
    """The step the cue names (talks, an offer, a deal, a move) is said to have ended."""
    return (
        _CALLED_OFF.match(folded, cue_end, sentence.end) is not None
        or _TAKEN_BACK.search(folded, max(sentence.start, cue_start - 40), min(sentence.end, cue_end + 12)) is not None
    )


_ENDED_STEP = re.compile(
    r"\b(?:talks|negotiations|move|deal|approach|offer|pursuit|bid|agreement)\b(?:(?! and | but )[^.;,!?:]){0,80}?"
    + _CALLED_OFF.pattern
    + "|"
    + _TAKEN_BACK.pattern
)


def tells_called_off(evidence: str) -> bool:
    """The claim's sentence says the talks, offer or move ended ("have broken down", "withdrawn their
    offer"): a step called off, not a denial, and told so."""
    return _ENDED_STEP.search(fold(evidence)) is not None
