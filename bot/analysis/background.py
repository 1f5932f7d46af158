"""Past background: an earlier chapter of someone's career told in a story, not today's news — a relative
or "since" clause in the past, a pluperfect, an old date in the cue's clause or the sentence it hangs on
(docs/adr/0004-factuality.md)."""

from __future__ import annotations

import re
from datetime import datetime

from bot.analysis.clauses import Clause, Kind
from bot.analysis.dates import IN_MONTH, OLD_DATE, ON_DATE, RECENT, days_before, this_year, weeks_ago
from bot.analysis.members import Relation
from bot.analysis.prefilter import WordGate, guarded, written_from_first
from bot.analysis.words import MONTHS as _MONTHS
from bot.domain import DEFINITE

_PLUPERFECT = re.compile(r"\b(?:had|'d)\s+(?:\w+\s+)?(?:been\s+)?$")

_EXITS = frozenset({Relation.SACKED, Relation.LEFT})

# "Wolfsburg confirmed hours later that Lerch had left": reported speech shifts the tense back.
_BACKSHIFT = re.compile(
    r"\b(?:confirmed|announced|revealed|said|stated|disclosed)\s+(?:[\w'-]+\s+){0,3}?that\s+(?:[\w'.-]+\s+){1,4}"
    r"(?:had|'d)\s+(?:\w+\s+)?(?:been\s+)?$"
)

_HAD_BEEN = written_from_first(
    r"\bhad\s+(?:also\s+|previously\s+|once\s+|both\s+|all\s+)?been\s+$",
    r"had(?<!\whad)\s+(?:also\s+|previously\s+|once\s+|both\s+|all\s+)?been\s+$",
)

# "whose name was on Tottenham's list before Frank was chosen": a link from before the job was filled
_BEFORE_FILLED = re.compile(
    r"\bbefore (?:[\w'.-]+ ){1,3}(?:was|were) (?:chosen|appointed|named|hired|preferred)\b|"
    r"\bbefore (?:they|the club|the board|[\w'.-]+) (?:chose|appointed|hired|turned to|opted for|went for)\b"
)

_LAST = re.compile(r"\b(?:last (?:week|month|year|season|summer|winter)|earlier (?:this|in the) (?:season|year))\b")

# "previously sacked by Y": an adverb of history, only where it modifies the cue itself.
# ("once" only right before the cue: "once Deschamps steps down" is a conjunction, of time to come)
_HISTORY_ADVERB = re.compile(
    r"\b(?:previously|formerly|earlier in (?:his|her) career)\s+(?:[\w'-]+\s+){0,2}$|\bonce\s+(?:been\s+)?$"
)

# "days after Sean Dyche was dismissed": recent, measured from the news the clause hangs on.
_RECENT_OPENER = re.compile(
    r"^\W*(?:(?:just|only|barely) )?(?:hours|days|a day|a week|two weeks|weeks|a fortnight|two days|three days|"
    r"\w+ days) (?:after|before|later)\b"
)

# The patterns of this module are searched in a clause or the words before a cue, not in the whole
# text: guarded, not literal-scanned (see bot/analysis/prefilter.py).
# "was appointed in September": a month other than the story's own is history.
# "took over in the autumn", in a story from May: a season of the year gone, for an event told in the past.
# (written from its first word, the word start looked behind at: ``re`` skips to each "in ")
_IN_SEASON = written_from_first(
    r"\bin (?:the )?(spring|summer|autumn|winter)\b", r"in (?<!\win )(?:the )?(spring|summer|autumn|winter)\b"
)

_SEASON_OF_MONTH = ("winter",) * 2 + ("spring",) * 3 + ("summer",) * 3 + ("autumn",) * 3 + ("winter",)

_PAST_FORM = re.compile(
    r"\b(?:took|was|were|left|joined|arrived|quit|resigned|stepped|departed|appointed|named|sacked|dismissed|"
    r"fired|hired|replaced|succeeded|came)\b"
)

# "spoke about his sacking", "Ten Hag on the Old Trafford exit", "looks back on his departure": a
# feature about an event, not the event.
_RETROSPECT = re.compile(
    r"\b(?:(?:spoke|speaks|speaking|talk(?:s|ed|ing)?|open(?:s|ed)? up|reflect(?:s|ed|ing)?|look(?:s|ed)? back|"
    r"recall(?:s|ed|ing)?|remember(?:s|ed)?|revisit(?:s|ed)?|interview(?:ed)?) (?:about|on))"
    r"\s+(?:his|her|the|their)\s+(?:[\w'-]+\s+){0,3}$|"
    r"\b(?:revisit(?:s|ed|ing)?|relive[sd]?|reliving|looks? back at|looking back at)\s+(?:[\w'-]+\s+){0,3}$"
)

# "After Chelsea sacked me", "the day I was sacked": a manager telling his own past in the first person.
_SACKED_ME = re.compile(r"\s+me\b")

_I_WAS = re.compile(r"\bi (?:was|got)\s+$")

# "I learned more from being sacked than from anything I won", "talks about getting the sack": the
# experience spoken of, not an event
_AN_EXPERIENCE = re.compile(r"\b(?:from|about|like) (?:being|getting)\s+$")
# "has been sacked, by his own count, three times": a career counted, not today's news
_TIMES = re.compile(
    r"[\w' ,]{0,30}?\b(?:twice|(?:three|four|five|six|seven|eight|nine|ten|several|many|\d+) times)\b"
    r"(?! (?:this|in (?:a|one|the same)) (?:season|year|month|week|campaign))"
)

# a time told on from an earlier one: the story is of the past
_TOLD_ON = WordGate(r"\bthe following (?:season|year|campaign|summer|spring|autumn|winter)\b")

_RELATIVE_TIME = WordGate(r"\b(?:\w+|\d+) (?:days?|weeks?|months?) (?:later|after that|afterwards)\b")

_SINCE_EXIT = written_from_first(r"\bsince\s+(?:[\w'-]+\s+){0,4}$", r"since(?<!\wsince)\s+(?:[\w'-]+\s+){0,4}$")

_PARTICIPLE = re.compile(
    r",\s+(?:(?:recently|only recently|just|previously|once)\s+)?(?:sacked|dismissed|axed|fired|ousted)\b"
)

_PAST_VERB = re.compile(
    r"\b(?:was|were|had|left|quit|departed|resigned|joined|spent|lasted|took|led|guided|won|"
    r"signed|agreed|extended|penned|renewed|committed|made|earned|coached|managed|worked|began|started|built|"
    r"became|replaced|succeeded)\b"
)

EXPECTED = guarded(
    r"\b(?:set to|poised to|expected to|is expected|are expected|anticipated|likely to|in line to|on course to|"
    r"on track to|lined up to|due to|about to|going to|is to|are to|will|shall|'ll|close to|closing in on|"
    r"nearing|edging (?:closer|towards)|on the verge of|on the brink of|on the cusp of|imminent|"
    r"in the coming (?:days|hours|weeks)|prepar(?:e|es|ed|ing)(?: to)?|ready to|plan(?:s|ned|ning)? to|"
    # ("is believed to have been approached": an event told as done, with the report's own hedge)
    r"believe[sd]?(?: that)?(?! to have\b)|suspect(?:s|ed)?(?: that)?|"
    r"intend(?:s|ed|ing)? to|decid(?:e|es|ed|ing) to|opt(?:s|ed)? to|mov(?:e|es|ed|ing) to|"
    r"(?:set|poised|primed|in line|on course|bound|headed|heading) for|clear(?:s|ed|ing)? the way|"
    r"pav(?:e|es|ed|ing) the way|"
    r"is to be|are to be|to be|impending|expected(?=\s*$))\b"
)

_WHOSE = re.compile(r",?\s*whose\b")

_STAGES = {Relation.LINKED, Relation.TALKS, Relation.OFFER}

# "During that period he turned down …": a sentence set in the period the story has just told.
_PAST_PERIOD = re.compile(r"(?:during|over|throughout) (?:that|his|her) (?:period|time|spell|stint|absence|hiatus)\b")

_TIME_CLAUSE_NEXT = re.compile(
    r"[\s,]*(?:(?:[\w-]+ )?(?:hours?|days?|weeks?|months?) )?(?:after|following|when|before)\b"
)

_CLAUSE_STOP = re.compile(r"[,;.]")

_YEAR = re.compile(r"(?:19|20)\d\d")

# "July 2019 — appointed …", "2023: promoted": a timeline's entry opens with its date alone
_DATE_ALONE = re.compile(r"\W*(?:(?:early |late |mid-?)?(?:" + "|".join(_MONTHS) + r")\s+)?(?:19|20)\d\d\s*")
_OPENER_REACH = 160
_OPENER_ENDS = (",", ":", " —", " –", " - ")  # how far after an opening time phrase the statement it dates may start


def _opener_end(folded: str, lo: int, hi: int) -> int:
    """Where an opening time phrase ends (its first comma, colon or dash before ``hi``), or -1."""
    return min((p for p in (folded.find(mark, lo, hi) for mark in _OPENER_ENDS) if p > 0), default=-1)


# "Seven years ago today …": a sentence opened by a time long past
_AGO_OPENER = re.compile(r"\W*(?:\w+|\d+) (?:years?|seasons?|decades?) ago\b")


def _dated_line(folded: str, line: int, published: datetime | None) -> bool:
    """The line a sentence stands in opens with a date of an earlier year ("November 2019: José Mourinho
    appointed. Sacked in April 2021; Ryan Mason takes interim charge.")."""
    mark = _opener_end(folded, line, line + 40)
    if mark < 0:
        return False
    opener = _DATE_ALONE.fullmatch(folded, line, mark)
    return opener is not None and (published is None or not this_year(opener.group(0), published.year))


# "has decided to stay after all, having been expected to leave in the summer": an expectation told as past,
# which the news has overtaken
_PAST_EXPECTATION = re.compile(
    r"\b(?:having been|had been|after being|after having been) (?:widely |strongly |long )?"
    r"(?:expected|set|poised|tipped|likely|due) to (?:[\w'-]+ ){0,3}?[\w'-]*$"
)


# "…, ending months of speculation that had linked the Spaniard with Athletic Club": a link the news has ended
_ENDED_TALK = re.compile(
    r"\b(?:end|ends|ended|ending|put an end to|puts an end to|putting an end to|quell(?:s|ed|ing)?|"
    r"silenc(?:e|es|ed|ing)) (?:(?:months|weeks|years) of |the |all |any |growing |recent )*"
    r"(?:speculation|talk|rumou?rs?|reports)\b[^.;]{0,60}$"
)


def is_definite(relation: Relation) -> bool:
    """A relation that states an event (or a refusal) rather than a rumour's stage."""
    return relation in DEFINITE or relation is Relation.REJECTED


# a present or future form, or a hedge, before the cue: the sentence is not telling on in the past
_NOT_NARRATED = re.compile(r"\b(?:has|have|is|are|will|would|could|may|might|set to|expected|now|today)\b")


def _told_on_from_an_old_date(folded: str, sentence_start: int, cue_start: int, published: datetime | None) -> bool:
    """ "Slot had won the Eredivisie with Feyenoord in 2023 … Feyenoord in turn appointed Brian Priske": a
    sentence in the simple past that goes on from one dated years back, in the same paragraph, tells the same
    time."""
    paragraph = folded.rfind("\n", 0, sentence_start) + 1
    if paragraph >= sentence_start - 2 or _NOT_NARRATED.search(folded, sentence_start, cue_start):
        return False
    previous = max(folded.rfind(". ", paragraph, sentence_start - 2) + 2, paragraph)
    dated = OLD_DATE.search(folded, previous, sentence_start)
    return dated is not None and (published is None or not this_year(dated.group(0), published.year))


def is_background(
    folded: str,
    clause: Clause,
    cue_start: int,
    cue_end: int,
    published: datetime | None,
    *,
    relation: Relation,
    sentence_start: int,
    sentence_end: int,
) -> bool:
    """An earlier chapter of someone's career, not today's news: a relative or "since" clause in the
    past, a pluperfect, or an old date in the cue's clause — unless the clause says it is recent."""
    # "Two years ago this week, Klopp … told the world he would be leaving": an opening time phrase
    # dates the sentence's first statement (its 'this week' belongs to the date).
    if _PAST_PERIOD.match(folded, sentence_start, cue_start):
        return True
    if _PAST_EXPECTATION.search(folded, max(clause.start, cue_start - 50), cue_end):
        return True
    if relation in _STAGES and _ENDED_TALK.search(folded, max(sentence_start, cue_start - 110), cue_start):
        return True
    # (a headline's opener may end with a colon: "Twenty years on: the day …")
    comma = _opener_end(folded, sentence_start, min(cue_start, sentence_start + 40))
    if comma > 0 and clause.start <= comma + 2 + _OPENER_REACH:
        opener = OLD_DATE.search(folded, sentence_start, comma) or _DATE_ALONE.fullmatch(folded, sentence_start, comma)
        if opener and (published is None or not this_year(opener.group(0), published.year)):
            return True
    if cue_start - sentence_start <= _OPENER_REACH and _AGO_OPENER.match(folded, sentence_start, cue_start):
        return True  # "Seven years ago today Tottenham sacked Mauricio Pochettino", with no comma after the date
    line = folded.rfind("\n", 0, sentence_start) + 1
    if line < sentence_start and _dated_line(folded, line, published):
        return True  # "April 2021: … sacked; Ryan Mason takes interim charge": the timeline line's date
    if clause.kind is Kind.RELATIVE and _PARTICIPLE.match(folded, clause.start):
        return True  # "Jorge Sampaoli, recently dismissed by Atlético Mineiro, is under consideration": who he is
    weeks = weeks_ago(folded, clause.start, clause.end)  # ("six weeks ago" is not "weeks ago")
    if (RECENT.search(folded, clause.start, clause.end) and (weeks or 0) < 6) or _RECENT_OPENER.match(
        folded, clause.start, cue_start
    ):
        return False
    before = folded[max(clause.start, cue_start - 40) : cue_start]
    definite = is_definite(relation)
    if definite and _told_on_from_an_old_date(folded, sentence_start, cue_start, published):
        return True
    if relation is Relation.LINKED and _HAD_BEEN.search(before) and _LAST.search(folded, cue_end, clause.end):
        return True  # "had also been on Juventus's list last month": an earlier chapter of the saga
    if relation in _STAGES and _BEFORE_FILLED.search(folded, cue_end, min(sentence_end, cue_end + 90)):
        return True
    if relation is Relation.SACKED and (_SACKED_ME.match(folded, cue_end) or _I_WAS.search(before)):
        return True  # "after Chelsea sacked me …": looking back, as an interview does
    if definite and (_AN_EXPERIENCE.search(before) or _TIMES.match(folded, cue_end, clause.end)):
        return True
    if definite and (
        _SINCE_EXIT.search(before)
        or (
            _PLUPERFECT.search(before)
            # (an exit only: a contract "had signed" may be a new coach's or an extension)
            and not (relation in _EXITS and _BACKSHIFT.search(folded, max(sentence_start, cue_start - 80), cue_start))
        )
        or _HISTORY_ADVERB.search(before)
        or _RETROSPECT.search(folded, max(clause.start, cue_start - 60), cue_start)
    ):
        return True
    if definite and _TOLD_ON.search(folded, cue_end, sentence_end):
        return True  # "resigned at Schalke in 2015 and was dismissed by Aston Villa … the following year"
    # "since May, when he resigned", "was appointed in September after X ended Y's tenure": a temporal
    # clause takes its date from the clause it hangs on; so does "… and was dismissed 39 days later".
    relative = _RELATIVE_TIME.search(folded, clause.start, sentence_end)
    chained = clause.kind is Kind.TEMPORAL or relative
    lo = sentence_start if chained else clause.start
    if relative and definite:
        # "West Ham appointed him three weeks later": dated by the sentence before it in the paragraph
        paragraph = folded.rfind("\n", 0, sentence_start) + 1
        lo = max(paragraph, folded.rfind(". ", paragraph, max(paragraph, sentence_start - 2)) + 2)
    dated = OLD_DATE.search(folded, max(0, lo), clause.end)
    if dated and (published is None or not this_year(dated.group(0), published.year)):
        return True
    day = ON_DATE.search(folded, max(0, lo), clause.end)
    if day and published is not None and days_before(published, day.group(1), day.group(2)) > 7:
        return True  # "was dismissed by AC Milan on 30 December", in a story from late January
    month = IN_MONTH.search(folded, max(0, lo), clause.end)
    if (
        month
        and (published is None or _MONTHS.index(month.group(1)) + 1 != published.month)
        # "is expected to step down in July", "Valverde to leave Athletic in June": a month ahead, not
        # behind ("last August" is behind)
        and (
            month.group(0).startswith("last")
            or not (EXPECTED.search(folded[max(0, lo) : cue_start]) or folded.endswith(" to ", 0, cue_start))
        )
    ):
        return True
    if definite and _TIME_CLAUSE_NEXT.match(folded, clause.end):
        # "retired from management after taking the Netherlands to the 2022 World Cup": the time clause
        # that follows dates the event it hangs on
        stop = _CLAUSE_STOP.search(folded, clause.end + 2, sentence_end)
        then = OLD_DATE.search(folded, clause.end, stop.start() if stop else sentence_end)
        if then and _YEAR.search(then.group(0)) and (published is None or not this_year(then.group(0), published.year)):
            return True
    season = _IN_SEASON.search(folded, max(0, lo), clause.end)
    if (
        season
        and published is not None
        and season.group(1) != _SEASON_OF_MONTH[published.month - 1]
        and _PAST_FORM.search(folded, max(clause.start, cue_start - 15), cue_end)
    ):
        return True
    if relation is Relation.EXTENSION and clause.kind is Kind.RELATIVE and _WHOSE.match(folded, clause.start):
        return True  # "Filipe Luís, whose new contract runs until 2027, …": his contract described
    if not definite:
        return False  # "who were also considered", "had held talks": part of the saga being told
    if clause.kind is Kind.TEMPORAL and folded[clause.start : clause.start + 10].strip(" ,").startswith("since"):
        return True
    return clause.kind is Kind.RELATIVE and _PAST_VERB.search(folded, clause.start, cue_end) is not None
