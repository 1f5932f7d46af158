"""What a sentence's claims may fall back on when their own clause names no club: the job the story
says is open, the heading of a round-up's part, a job the story puts in doubt, the list just told, the
club a manager was last linked with, and the one club the headline is about."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.analysis.clauses import Clause
from bot.analysis.cues import Cue
from bot.analysis.members import Relation
from bot.analysis.refs import PersonRef, Resolved
from bot.analysis.relations import CANDIDATE_LIST

# "turned the job down", "left the club": the job the story is about.
THE_JOB = re.compile(
    r"\b(?:the (?:(?:permanent|vacant|full-time|head coach|coaching|manager's) )?(?:job|role|post|position)|"
    r"the (?:club|vacancy|hot seat|vacant|federation)|(?:their|our) (?:new |next )?"
    r"(?:manager|head coach|coach|boss|top target|target|first choice|preferred|shortlist|list)|"
    r"(?:his|her) (?:job|role|post|position)|"
    r"the (?:board|club|president|owners?|hierarchy)'s (?:preferred |first |top |leading )?"
    r"(?:candidate|choice|target|option))\b"
)
_APPROACH = (Relation.TALKS, Relation.OFFER)
# Words for the man who would follow another in his job, and for a place on the list just told.
_SUCCESSION = re.compile(r"(?:possible |potential |likely )?(?:successors?|replacements?|succeed|succession)\b")
_ON_IT = re.compile(r"on (?:it|that list|the list)\b")
# The cue's object is clubs the story does not name: no club to pin the claim on.
_UNNAMED = re.compile(
    r"\s+(?:(?:an?|several|multiple|two|three|four|\d+)\s+)?"
    r"(?:(?:approach(?:es)?|offers?|bids?|advances|overtures|interest)\s+)?(?:from|by|of|with)?\s*"
    r"(?:a|an|one|two|three|four|five|several|some|other|rival|unnamed|foreign|\d+)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:clubs?|sides?|teams?|outfits?|suitors?|nations?|federations?)\b|"
    r"\s+(?:several|many|numerous|multiple|other|various|a number of|a string of|two|three|four|\d+)\s+"
    r"(?:[\w'-]+\s+)?(?:offers|approaches|bids|proposals|advances)\b"
)


@dataclass(frozen=True, slots=True)
class Scene:
    """What a sentence's claims may fall back on."""

    vacancy: str | None  # the club whose job the story says is open
    story: str | None  # the one club the headline is about
    headline: bool = False  # the sentence is (part of) the headline
    section: str | None = None  # the club named by the heading of this part of a round-up
    vacated_by: str | None = None  # the manager whose exit left ``vacancy`` open
    linked: Mapping[str, str] = field(default_factory=dict)  # the club each manager was last linked with
    pressed: str | None = None  # the club of a job this sentence says is at risk ("weighing up X's position")
    pressed_by: str | None = None  # the manager whose job that is
    listed: str | None = None  # the club of the last list of candidates ("… are also on it")

    def vacancy_of(self, owner: PersonRef, res: Resolved) -> str | None:
        """The open job, unless the man who left it stands in the owner's sentence: "McKenna replaces
        Glasner", after McKenna left Ipswich, speaks of the job McKenna takes, not of Ipswich."""
        if self.vacated_by and any(p.name == self.vacated_by and p.sentence == owner.sentence for p in res.people):
            return None
        return self.vacancy

    def succession(self, folded: str, owner: PersonRef, cue: Cue, own: set[str]) -> str | None:
        """ "X's position is in doubt, and Y heads the list of possible successors": the job in doubt,
        whatever other clubs the clause names."""
        if _SUCCESSION.match(folded, cue.start, cue.end) is None or not self.pressed or self.pressed in own:
            return None
        return self.pressed if owner.name != self.pressed_by else None

    def job_for(
        self,
        folded: str,
        clause: Clause,
        owner: PersonRef,
        cue: Cue,
        own: set[str],
        exits: set[tuple[str, str]],
        *,
        going_back: bool,
        former: set[str],
    ) -> list[str]:
        """The club of a claim whose clause names none (empty: none to fall back on)."""
        if _UNNAMED.match(folded, cue.end, clause.end):
            return []  # "turned down approaches from two Serie A clubs": the clubs are not named
        # The job the story says is open ("among the names being considered"), or, for "the job" / "the
        # club", the one club the headline is about.
        fallbacks = [self.vacancy, self.section]
        # "Baroni has two games … names X and Y as the two options"; "… to decide Hourihane's future … Y has
        # been approached": the job in doubt is the one talked about
        if (
            CANDIDATE_LIST.match(folded, cue.start, cue.end) or cue.relation in _APPROACH
        ) and owner.name != self.pressed_by:
            fallbacks.append(self.pressed)
        if _ON_IT.match(folded, cue.start, cue.end):
            fallbacks.insert(0, self.listed)  # "Iraola and McKenna are also on it": the list just told
        if cue.relation is Relation.DENIED:
            # "played down the link", "'nobody has called me'": the link just told, before any open job
            fallbacks.insert(0, self.linked.get(owner.name))
        if self.headline or THE_JOB.search(folded, max(clause.start, cue.start - 40), min(clause.end, cue.end + 40)):
            fallbacks.append(self.story)
        for target in fallbacks:
            # (a club he once coached is no fallback destination: "the former Barcelona coach … has turned
            # down several offers"), unless the talks are about going back ("spoken to X about returning")
            if (
                target
                and target not in own
                and (owner.name, target) not in exits
                and (going_back or target not in former)
            ):
                return [target]
        return []
