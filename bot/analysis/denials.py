"""A club that denies reports about its own manager is the one denying, not the club of the move."""

from __future__ import annotations

from collections.abc import Mapping

from bot.analysis.members import Relation
from bot.analysis.raw_claim import RawClaim


def deniers_dropped(raw: list[RawClaim], homes: Mapping[str, str]) -> list[RawClaim]:
    """ "Newcastle have dismissed reports that Howe is a target for Manchester United": the denied move is
    to Manchester United; Newcastle, the club he is at, only made the denial."""
    elsewhere = {
        (c.manager, c.sentence) for c in raw if c.relation is Relation.DENIED and c.club != homes.get(c.manager)
    }
    return [
        c
        for c in raw
        if not (
            c.relation is Relation.DENIED and c.club == homes.get(c.manager) and (c.manager, c.sentence) in elsewhere
        )
    ]
