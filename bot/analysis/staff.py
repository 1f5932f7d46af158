"""Jobs that are not the head coach's: an assistant, a sporting director, an under-21 coach. A claim
about such a role is not a manager rumour."""

from __future__ import annotations

import re

from bot.analysis.cues import Cue
from bot.analysis.members import Relation
from bot.analysis.prefilter import written_from_first
from bot.analysis.refs import PersonRef
from bot.analysis.text import Sentence

# A headline naming a member of staff ("Aston Villa name X assistant head coach"): "the Spaniard" and
# "he" that follow are the new member of staff, not the manager.
STAFF_HEADLINE = re.compile(
    r"\b(?:assistant(?: head)? (?:coach|manager)|first-team coach|set-piece coach|goalkeep(?:ing|er) coach|"
    r"fitness coach|technical director|sporting director|director of football|backroom staff|coaching staff)\b"
)
ROLE_CUES = frozenset({Relation.APPOINTED, Relation.AGREED, Relation.TALKS, Relation.OFFER, Relation.LINKED})
# The role a cue is about, when it is not the head coach's: "as assistant head coach", "as sporting
# director", "to join X's backroom staff" — within 60 characters of the cue and its sentence part.
# (One reach of 60 characters for all four: each with its own, each was tried at every character of it.)
_ANOTHER_JOB_AHEAD = re.compile(
    r"[^.;:]{0,60}?(?:"
    r"\b(?:as (?:the |an? |their |its |his |her )?(?:club's |new |first )*(?:[\w-]+ )?|"
    r"to become (?:the |their )?|"
    r"role of |the (?:vacant|open) )(?:assistant|assistant head coach|assistant manager|first-team coach|"
    r"set-piece coach|"
    r"goalkeeping coach|goalkeeper coach|fitness coach|analyst|technical director|sporting director|"
    r"(?:[\w-]+ )?specialist|dead-ball coach|"
    r"director of (?:football|rugby)|head of [\w-]+|academy (?:manager|director|coach)|"
    r"under-\d+s? (?:head |lead )?(?:coach|manager)|u\d+s? (?:head |lead )?(?:coach|manager)|"
    r"chief executive|ceo|chairman|president|scout|ambassador|general manager|gm|president of [\w ]{1,20}operations|"
    r"head of (?:football|soccer) operations)\b|"
    # "as head coach of their under-21 side": a team below the first team
    r"\bas (?:the |their |its )?(?:new )?(?:head coach|manager|coach|boss) of (?:the |their |its )?"
    r"(?:club's )?(?:(?:under-?\d+s?|u-?\d+s?|academy|reserves?|youth|b|second|development) (?:side|team|squad)|"
    r"under-?\d+s|u-?\d+s|academy|reserves)\b|"
    r"\b(?:backroom|coaching) (?:staff|team)\b|"
    r"\b(?:on|to) (?:[\w.-]+ ){0,2}?[\w.-]+'s? staff\b)"
)
# The cue's object is another job, right after it.
_ANOTHER_JOB_NEXT = re.compile(
    # "have yet to appoint a permanent successor": the one appointed is someone not named
    r"\s+(?:a|an) (?:new |permanent |long-term )?(?:successor|replacement)\b|"
    # "appoint a new sporting director": the cue's object is another job
    r"\s+(?:a |an |the |their |its )?(?:new |permanent |first )?(?:sporting director|technical director|"
    r"director of football|chief executive|ceo|chairman|president|head of recruitment|assistant)\b|"
    # "appointed a set-piece coach from Brentford" (not "appointed set-piece coach Keith Andrews as head coach")
    r"\s+an? (?:new )?(?:set-piece|goalkeeping|goalkeeper|fitness|first-team|dead-ball|analysis|performance) "
    r"(?:coach|specialist)\b|"
    # "taking charge of the club's transfer strategy": a department, not the team
    r"\s+of (?:the club's |their |its |the )?(?:[\w-]+ )?(?:strategy|operations|recruitment|department|matters|"
    r"scouting|transfers|academy|planning|squad planning)\b"
)


def _not_the_job(folded: str, start: int, end: int) -> bool:
    """folded[start:end] begins by naming a role that is not the head coach's."""
    return _ANOTHER_JOB_AHEAD.match(folded, start, end) is not None or (
        _ANOTHER_JOB_NEXT.match(folded, start, end) is not None
    )


# "Kovač banned from touchline; brother Robert to take charge": a stand-in for a game or two
_TAKE_CHARGE = re.compile(r"(?:take|takes|took|taken|taking|lead|leads|led) ")
_BAN = re.compile(r"\b(?:ban|banned|bans|suspended|suspension)\b")


def staff_role(folded: str, cue: Cue, owner: PersonRef, clause_end: int, sentence: Sentence) -> bool:
    """The job a cue is about is not the head coach's: named after the cue ("appointed X as assistant head
    coach"), or after the man himself anywhere in his sentence ("have appointed X as set-piece coach,
    joining from Girona": the joining is the same job); or the charge taken is the banned coach's, for a
    match."""
    if _not_the_job(folded, cue.end, clause_end):
        return True
    if _TAKE_CHARGE.match(folded, cue.start):
        # (the ban may be told in the clause before a semicolon: "X banned; Y to take charge")
        paragraph = max(folded.rfind("\n", 0, sentence.start) + 1, sentence.start - 200)
        if _BAN.search(folded, paragraph, sentence.end):
            return True
    return folded.startswith(" as ", owner.end) and _not_the_job(folded, owner.end, sentence.end)


# A member of staff named by his role; he holds no manager's job to leave, keep or be pressed in, and
# moves for no club but as a candidate for, or the holder of, the head coach's job.
ASSISTANT_BEFORE = written_from_first(
    r"\bassistant(?: manager| head coach| coach)?\s+$", r"assistant(?<!\wassistant)(?: manager| head coach| coach)?\s+$"
)
HEAD_COACH_MOVE = frozenset({Relation.APPOINTED, Relation.LINKED})
