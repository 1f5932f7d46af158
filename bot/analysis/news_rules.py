"""Which of a pair's claims is the news, where the story tells more than one: the rules that weigh an
exit told first against the hiring recalled after it, and talks going on against a deal said not done."""

from __future__ import annotations

from bot.analysis.binding import EXITS
from bot.analysis.raw_claim import RawClaim
from bot.domain import Factuality, Relation

_DEAL = frozenset({Relation.AGREED, Relation.EXTENSION, Relation.APPOINTED})


def exit_over_hiring(top: RawClaim, told: list[RawClaim]) -> RawClaim:
    """ "Austin FC have parted ways with head coach X … X was hired ahead of the 2025 season": an exit told
    as done before the (permanent) appointment is the news; the hiring is how he came."""
    if top.relation is not Relation.APPOINTED or top.caretaker:
        return top
    gone = [c for c in told if c.relation in EXITS and c.factuality is Factuality.DONE and c.sentence < top.sentence]
    return min(gone, key=lambda c: c.sentence) if gone else top


def talks_over_denied_deal(top: RawClaim, told: list[RawClaim]) -> RawClaim:
    """ "X has not signed a new contract … talks with X over an extension are continuing": the denial says
    the deal is not done yet, not that it is off; the news is the talks."""
    if top.relation is not Relation.DENIED or top.event not in _DEAL:
        return top
    going = [c for c in told if c.relation is Relation.TALKS and c.factuality is Factuality.DONE]
    return going[0] if going else top
