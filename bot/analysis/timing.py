"""When a done claim takes effect, and whether an appointment is a caretaker's: the announced exit still
to come ("will step down at the end of the season") and the interim appointment."""

from __future__ import annotations

import re

from bot.analysis.clauses import Clause
from bot.analysis.end_gate import EndGate
from bot.analysis.members import Relation
from bot.analysis.text import Sentence

# "will", "is to": a future form only (no hedge of its own)
FUTURE_ONLY = re.compile(r"\b(?:will|shall|'ll|is to|are to)\b")


# An announced event that takes effect later: "will step down at the end of the season", "takes over
# from 1 July". The story holds it as done (announced), but it has not happened yet.
_LATER = re.compile(
    r"\b(?:at the end of (?:the|this) (?:season|campaign|month|year|tournament|world cup|euros?)|"
    r"(?:in|this|next) summer|"
    r"(?:from|on) (?:\d{1,2} )?(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)|when (?:his|her|the) (?:contract|deal) (?:expires|ends|runs out)|"
    r"when the (?:\d{4} )?(?:[\w-]+ )?(?:season|campaign|tournament) (?:ends|is over)|after the (?:world cup|euros?|"
    r"season|final)|next season)\b"
)
_PERFECT_IN = re.compile(
    r"\b(?:has|have)\s+(?:now\s+|officially\s+|already\s+)?(?:been\s+)?(?:left|quit|resigned|stepped)\b"
)
_SPAN_BEFORE = re.compile(r"\b(?:days?|weeks?|months?|hours?)\s+$")
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:now\s+|officially\s+|already\s+)?(?:been\s+)?$")


def takes_effect_later(folded: str, sentence: Sentence, clause: Clause, cue_start: int, cue_end: int) -> bool:
    """A done claim whose event is still to come: "Jans will retire at the end of the season", "have
    agreed to part ways when the season ends"."""
    if _PERFECT_BEFORE.search(folded, clause.start, cue_start) or _PERFECT_IN.search(folded, clause.start, cue_start):
        return False  # ("has left his post … by mutual agreement": done, whatever date follows)
    if stays_on(folded, clause, cue_start):
        return False  # "will remain in interim charge": in charge now, and still then
    if FUTURE_ONLY.search(folded, clause.start, cue_end):
        return True
    later = _LATER.search(folded, cue_end, sentence.end)
    # ("four days after the World Cup quarter-final": a time behind)
    return later is not None and not _SPAN_BEFORE.search(folded, max(0, later.start() - 20), later.start())


_STAYING_ON = re.compile(r"\b(?:remain|remains|stay|stays|continue|continues)\s+(?:(?:in|as)\s+)?$")


def stays_on(folded: str, clause: Clause, cue_start: int) -> bool:
    """ "will remain in interim charge until the end of the season": a caretaker already in charge."""
    return _STAYING_ON.search(folded, max(clause.start, cue_start - 20), cue_start) is not None


_CARETAKER = re.compile(
    r"\b(?:interim|caretaker|temporary|temporarily|stand-in|stop-gap|until the end of the season|"
    r"for the rest of the season|short-term basis|"
    # "for the remaining six matchdays", "until a new head coach is appointed"
    r"for the (?:remaining|final|last) (?:\w+ )?(?:games|matches|matchdays|fixtures|rounds)|"
    r"until a (?:new|permanent) (?:head coach|manager|coach|boss) (?:is|has been) (?:appointed|found|named))\b"
)


def is_caretaker(folded: str, clause: Clause) -> bool:
    """An interim or caretaker appointment: the word stands in the cue's clause, or the time limit opens
    the clause after it ("will lead the first team | until the end of the season")."""
    if _CARETAKER.search(folded, clause.start, clause.end) is not None:
        return True
    gap = _GAP.match(folded, clause.end)  # (always matches, perhaps nothing)
    after = gap.end() if gap else clause.end
    return _CARETAKER.match(folded, after, after + 80) is not None


_GAP = re.compile(r"[\s,]*")


# "has been fired by his country, by Real Madrid and by Sevilla": a career told as a list of agents.
_AGENT_LIST = re.compile(r"\s+by\s+[^,.;]{1,40},\s+(?:by\s+[^,.;]{1,40},?\s+)*(?:and|as well as)\s+by\b")
# "his exits from Crystal Palace, QPR and Cardiff": several exits, one after another
_EXITS_FROM = re.compile(r"\s+from\s+[^,.;]{1,40},\s+(?:[^,.;]{1,40},\s+)*[^,.;]{1,40}?\s+(?:and|as well as)\s+")


def career_of_exits(folded: str, cue_start: int, cue_end: int) -> bool:
    """An exit with several agents listed after it, or exits from a list of clubs, is a career summary, not
    news."""
    if _AGENT_LIST.match(folded, cue_end) is not None:
        return True
    return folded[cue_start:cue_end] in ("exits", "departures") and _EXITS_FROM.match(folded, cue_end) is not None


_PAPER_SAYS = re.compile(r"\b(?:reports?|reported|according to|understands|sources)\b")
_OUTLET_LABEL = re.compile(r"[A-Z][A-Z'’ .&-]{2,30}:\s")  # "SUNDAY TIMES: …" in a round-up of the papers


def reported_exit_to_come(text: str, folded: str, sentence: Sentence, relation: Relation, cue_start: int) -> bool:
    """ "Skinner will leave at the end of the season", as a paper reports it: expected, not announced."""
    return (
        relation is Relation.LEFT
        and folded.startswith("will ", cue_start)
        and (
            _PAPER_SAYS.search(folded, sentence.start, sentence.end) is not None
            or bool(_OUTLET_LABEL.match(text, sentence.start))
        )
    )


_GERUNDS = ("taking", "becoming", "succeeding", "replacing", "managing", "coaching")
_ABOUT = re.compile(r"\b(?:about|over|regarding)\s+$")


def talked_about(folded: str, lo: int, cue_start: int, words: tuple[str, ...] = _GERUNDS) -> bool:
    """ "sounded out O'Neil about taking over", "made contact … about leaving Marseille": the move is what
    talks are about, not a move made."""
    return folded.startswith(words, cue_start) and bool(_ABOUT.search(folded, max(lo, cue_start - 12), cue_start))


# "Mourinho, appointed four days after the sacking": an event noun the story has told already.
_EVENT_NOUN = re.compile(r"sacking|dismissal|departure|exit|resignation|firing|axing")
_THE_EVENT = EndGate(r"\b(?:the|that) $")


def told_before(folded: str, cue_start: int, cue_end: int) -> bool:
    """ "the sacking", "that dismissal" with no "of X" after it: an event the story has told already."""
    return (
        _EVENT_NOUN.fullmatch(folded, cue_start, cue_end) is not None
        and _THE_EVENT.search(folded, max(0, cue_start - 8), cue_start) is not None
        and not folded.startswith(" of ", cue_end)
    )


# "Gary Neville says Everton should sack David Moyes", "I'd sack him tomorrow": what someone thinks a club
# ought to do, not what it does or is said to be weighing
_URGED = re.compile(
    r"\b(?:should|ought to|must|'d|would) (?:just |simply |now |immediately |already )?(?:have )?(?:already )?$"
)
# who says so: a speaker named with his verb ("Neville says"), a headline's "Sutton:", the speaker's own "I'd"
_SPEAKER = re.compile(
    r"\b(?:says|said|believes|believed|thinks|thought|reckons|argues|argued|insists|insisted|claims|claimed|told|"
    r"urges|urged|wants|wanted)\b|\bi'd\b|\bi would\b"
)
_NAMED_FIRST = re.compile(r"[^\n:]{2,40}:\s")  # a headline's "Sutton: …", at the sentence's start
_URGED_TO = re.compile(r"\b(?:urged|urges|urging|called on|calls on|implored|implores|begged|begs) [\w' ]{1,40}? to $")
_COUNTERFACTUAL = re.compile(
    r"\bif (?:i|he|she|we) (?:were|was|ran|owned|had (?:the|his|her|my|our) (?:way|say))\b|"
    r"\bin (?:his|her|my|our) (?:shoes|position)\b"
)
_OUR_OWN = re.compile(r"\b(?:our|this) (?:columnist|writer|column|correspondent)s?\b")


def urged(folded: str, sentence_start: int, cue_start: int, relation: Relation) -> bool:
    """A sacking someone says a club should make: his opinion. The outlet's own call ("Why Leeds must sack
    Farke", "our columnist argues") is not set aside: it says the job is at risk, as a column does. So is
    a stay someone urges on a club ("Capello has urged Milan to stand by Allegri")."""
    if relation is Relation.STAYS and _URGED_TO.search(folded, max(sentence_start, cue_start - 50), cue_start):
        return True
    if _URGED.search(folded, max(sentence_start, cue_start - 24), cue_start) is None:
        return False
    if relation is not Relation.SACKED:
        # "Matthäus says he would appoint Klopp 'tomorrow' if he were running the club": a wish, had he the say
        end = folded.find(".", cue_start)
        return _COUNTERFACTUAL.search(folded, sentence_start, end if end >= 0 else len(folded)) is not None
    before = folded[max(sentence_start, cue_start - 100) : cue_start]
    said = _SPEAKER.search(before) is not None or _NAMED_FIRST.match(folded, sentence_start, cue_start) is not None
    return said and _OUR_OWN.search(before) is None
