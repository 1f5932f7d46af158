"""A coach's new contract as the story holds it: signed (an extension), agreed and not yet signed (the
terms agreed), or still being talked over."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.analysis.members import Factuality, Relation
from bot.analysis.prefilter import LiteralScan, WordGate
from bot.analysis.raw_claim import RawClaim
from bot.analysis.refs import Resolved
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


# "has agreed terms on a new contract", "terms have been agreed on an extension": the terms agreed (an
# agreement "reached" or "in principle" is left as the contract's own wording puts it)
_TERMS_AGREED = WordGate(
    r"\b(?:(?:agreed|agrees|agree|agreeing) (?:new |fresh |improved )?terms|"
    r"terms (?:have been |had been |were |are )?agreed)\b"
)
# a word that the contract is signed or done: "signed", "put pen to paper", "has extended"
_SIGNED = WordGate(
    r"\b(?:signed|signs|put pen to paper|puts pen to paper|penned|pens|extended|extends|renewed|renews)\b"
)


def _terms_agreed(claim: RawClaim, folded: str, sentences: list[Sentence]) -> RawClaim:
    """A new contract whose terms the claim's sentence says are agreed, and that nothing in the sentence
    says is signed, is the agreed stage: "has agreed terms on a new contract" is not "has signed" one."""
    if claim.relation is not Relation.EXTENSION or claim.factuality is not Factuality.DONE:
        return claim
    sentence = sentences[claim.sentence]
    if not _TERMS_AGREED.search(folded, sentence.start, sentence.end) or _SIGNED.search(
        folded, sentence.start, sentence.end
    ):
        return claim
    return replace(claim, relation=Relation.AGREED, event=Relation.EXTENSION)


def not_signed_yet(raw: list[RawClaim], folded: str, sentences: list[Sentence]) -> list[RawClaim]:
    """A new contract whose terms are agreed and not yet signed is the agreed stage; one the story says
    is not signed yet ("only the signatures are missing", anywhere in it) or whose announcement or
    signing its own sentence says is to come is still being talked over."""
    if "agree" in folded:
        raw = [_terms_agreed(c, folded, sentences) for c in raw]
    if ("sign" in folded or "principle" in folded) and _UNSIGNED.search(folded):
        return [_unsigned(c) for c in raw]
    if not ("announce" in folded or "confirmed" in folded or "signing" in folded):
        return raw
    spans = [(sentences[c.sentence].start, sentences[c.sentence].end) for c in raw]
    return [_unsigned(c) if _TO_BE_ANNOUNCED.search(folded, *span) else c for c, span in zip(raw, spans, strict=True)]


# "has signed a contract until 2029" with no word of a new one: a contract, not a renewal of his own
_A_CONTRACT = WordGate(r"\bsign(?:ed|s)? (?:a |an )?(?:[\w-]+ )?(?:contract|deal) (?:until|to|through|running)\b")
_RENEWAL = re.compile(r"\b(?:new|fresh|improved|extension|extend\w*|renew\w*|stay|remain)\b")


def contract_at_another_club(
    raw: list[RawClaim], folded: str, sentences: list[Sentence], res: Resolved
) -> list[RawClaim]:
    """A contract signed with a club other than the one the coach is at (the text's word for it, else the
    knowledge base's) is his appointment there, not a new contract ("will leave AZ for Ajax … Ajax
    confirmed that Martens has signed a contract until 2029")."""
    if "sign" not in folded:
        return raw
    return [
        _appointed_if_elsewhere(c, folded, sentences, res.home.get(c.manager) or res.kb_home.get(c.manager))
        for c in raw
    ]


def _appointed_if_elsewhere(claim: RawClaim, folded: str, sentences: list[Sentence], home: str | None) -> RawClaim:
    if claim.relation is not Relation.EXTENSION or claim.factuality is not Factuality.DONE:
        return claim
    if not home or home == claim.club:
        return claim
    sentence = sentences[claim.sentence]
    if not _A_CONTRACT.search(folded, sentence.start, sentence.end) or _RENEWAL.search(
        folded, sentence.start, sentence.end
    ):
        return claim
    return replace(claim, relation=Relation.APPOINTED, event=None)
