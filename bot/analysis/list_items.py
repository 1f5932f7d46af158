"""Headlines and round-ups that list several pieces of news in one sentence ("Parker leaves Burnley,
Eustace and Rowett sacked, Southampton set to dismiss Still"): which item a club belongs to."""

from __future__ import annotations

import re

from bot.analysis.cues import Cue
from bot.analysis.refs import ClubRef, PersonRef, Resolved

# ("Yalçın quits, Génésio bows out and Porto move for Farioli": the club opens a later item of the list)
_NEXT_ITEM = re.compile(r",\s+(?:[^,;:.]{1,60}?(?:,\s+|\s+and\s+))?")
_CO_SUBJECT = re.compile(r"\s*(?:[\w'.-]+ ){1,2}and\s+")
_SAYS = re.compile(r"\s+(?:confirm|confirms|confirmed|announce|announces|announced|say|says|said|reveal|reveals)\b")


def earlier_item(folded: str, club: ClubRef, owner: PersonRef, res: Resolved) -> bool:
    """ "Palace close in on winger, Wilder 'would walk away'": a club before a comma that opens the
    owner's item is another item's, when the knowledge base places him elsewhere."""
    known = res.kb_home.get(owner.name)
    if known is None or known == club.name or club.end > owner.start:
        return False
    comma = folded.rfind(", ", club.end, owner.start)
    if comma < 0:
        return False
    # (the item may list others with him: "Parker leaves Burnley, Eustace and Rowett sacked")
    between = folded[comma + 2 : owner.start]
    for person in res.people:
        if comma + 2 <= person.start and person.end <= owner.start:
            between = between.replace(folded[person.start : person.end], " ")
    # ("Blackburn sack Ismaël, Wednesday and Pedersen part ways": a co-subject the knowledge base does not name)
    return not between.replace(" and ", " ").strip(" ,") or _CO_SUBJECT.fullmatch(between) is not None


def next_item(folded: str, cue: Cue, club: ClubRef) -> bool:
    """ "Mousinho axed, Mallorca close in on García Plaza": a club that opens the next item after the cue."""
    return (
        cue.end <= club.start
        and _NEXT_ITEM.fullmatch(folded, cue.end, club.start) is not None
        and not _SAYS.match(folded, club.end)
    )


def anothers_item(folded: str, cue: Cue, club: ClubRef, owner: PersonRef, res: Resolved) -> bool:
    """ "Inter sack Díaz, Santos set Vojvoda deadline, Crespo commits to São Paulo": a club in a later item
    of a list, one that names another man, is his item's, not the one the cue is in."""
    if club.start < cue.end or club.sentence != owner.sentence:
        return False
    item = folded.rfind(",", cue.end, club.start)
    if item < 0:
        return False
    end = folded.find(",", club.end)
    end = len(folded) if end < 0 else end
    return any(item < p.start < end and p.name != owner.name for p in res.people if p.sentence == owner.sentence)
