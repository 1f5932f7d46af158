"""Players of note who carry a known manager's surname: "Mancini signs new Roma contract" is the Roma
defender's news, not the coach's."""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.analysis.gazetteer import Gazetteer
from bot.analysis.members import Relation
from bot.analysis.raw_claim import RawClaim
from bot.analysis.text import fold

# What a man has at the club he is at: a contract, a stay, an exit, pressure. (A move to a club — a link,
# talks, an appointment — is a coach's claim whoever else plays there.)
_AT_HIS_CLUB = frozenset({Relation.EXTENSION, Relation.STAYS, Relation.LEFT, Relation.SACKED, Relation.UNDER_PRESSURE})


# (not "bench" or "squad": a player sits on the one and is named in the other)
_COACHING = re.compile(
    r"\b(?:coach\w*|manager\w*|boss|tactician|gaffer|dugout|touchline|technical area|his side|his team|his players)\b"
)


def a_namesakes_claim(claim: RawClaim, folded: str, gaz: Gazetteer, jobs: Mapping[str, str] | None) -> bool:
    """A claim about the club a namesake plays for, of what a man has at his own club, made of a manager
    the story names only by the surname they share: the player's when the manager does not work there,
    and left open (no claim) when both do and the story says nothing that fits only the coach."""
    manager = gaz.managers.get(claim.manager)
    if manager is None or not manager.namesakes or claim.relation not in _AT_HIS_CLUB:
        return False
    if any(fold(alias) in folded for alias in (manager.name, *manager.aliases) if " " in alias):
        return False  # (named in full: the story says who it means)
    if not any(namesake.club == claim.club for namesake in manager.namesakes):
        return False
    if (jobs or {}).get(manager.name, manager.club) != claim.club:
        return True
    # Both at the club ("Simeone commits his future to Atlético"): the story must say it means the coach,
    # by a word for his job or by what only a coach can be (sacked); otherwise it leaves the name open.
    return claim.relation is not Relation.SACKED and _COACHING.search(folded) is None
