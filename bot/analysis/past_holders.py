"""A list of the men who held one job before, told as the job's history."""

from __future__ import annotations

from bot.analysis.clauses import Clause
from bot.analysis.dates import RECENT
from bot.analysis.refs import ClubRef, PersonRef, Resolved


def listed_past_holder(
    folded: str, clauses: list[Clause], owner: PersonRef, clubs: list[ClubRef], res: Resolved
) -> bool:
    """ "Nuno, Neville, Marcelino, Gattuso and Baraja all left, one way or another": an exit shared by a
    list of three or more men, none of whose present clubs the story names, with no word that it is
    recent, tells who held one job before, not where each of them is now (``clauses``: the sentence's)."""
    listed = {p.name for p in res.people if p.sentence == owner.sentence}
    if len(listed) < 3:
        return False
    named = {c.name for c in clubs}
    if any(res.kb_home.get(name) in named for name in listed):
        return False
    return not RECENT.search(folded, clauses[0].start, clauses[-1].end)
