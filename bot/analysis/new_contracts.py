"""A coach's new contract as the story holds it: signed (an extension), agreed and not yet signed (the
terms agreed), or still being talked over."""

from __future__ import annotations

from dataclasses import replace

from bot.analysis.members import Factuality, Relation
from bot.analysis.prefilter import LiteralScan, WordGate
from bot.analysis.raw_claim import RawClaim
from bot.analysis.text import Sentence

_UNSIGNED = LiteralScan(
    r"\b(?:only the signatures? (?:is |are )?missing|(?:yet|still) to (?:be )?sign(?:ed)?|"
    r"awaiting (?:the )?signatures?|"
    r"signatures? (?:is|are) (?:still )?(?:missing|pending|outstanding)|(?:is|are) (?:still )?to be signed|"
    r"paperwork (?:is )?(?:still )?(?:to be|being) (?:completed|finalised)|(?:is|are) expected to be signed|"
    r"(?:agreement|agreed) in principle)\b"
)


def _unsigned(claim: RawClaim) -> RawClaim:
    if claim.relation is Relation.EXTENSION and claim.factuality is Factuality.DONE:
        return replace(claim, relation=Relation.TALKS, factuality=Factuality.EXPECTED, event=Relation.EXTENSION)
    return claim


# "has agreed terms on a two-year extension, with an announcement expected after the Leagues Cup"
_TO_BE_ANNOUNCED = WordGate(
    r"\b(?:(?:an?|the|official|formal) (?:announcement|signing) (?:is )?(?:expected|due|to follow|to come)|"
    r"(?:is|are) (?:expected )?to be (?:announced|confirmed|made official)|yet to be (?:announced|confirmed|made "
    r"official))\b"
)


def not_signed_yet(raw: list[RawClaim], folded: str, sentences: list[Sentence]) -> list[RawClaim]:
    """A new contract the story says is not signed yet ("only the signatures are missing", anywhere in it)
    or whose announcement or signing its own sentence says is to come is still being talked over."""
    if ("sign" in folded or "principle" in folded) and _UNSIGNED.search(folded):
        return [_unsigned(c) for c in raw]
    if not ("announce" in folded or "confirmed" in folded or "signing" in folded):
        return raw
    spans = [(sentences[c.sentence].start, sentences[c.sentence].end) for c in raw]
    return [_unsigned(c) if _TO_BE_ANNOUNCED.search(folded, *span) else c for c, span in zip(raw, spans, strict=True)]
