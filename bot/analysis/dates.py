"""How long ago a clause dates what it tells: an old year or season, a month months before the story,
"six weeks ago", a day more than a week back — and the words that say it is recent."""

from __future__ import annotations

import re
import sys
from datetime import datetime

from bot.analysis.clauses import Clause, Kind
from bot.analysis.prefilter import LiteralScan, WordGate, guarded, written_from_first
from bot.analysis.text import Sentence
from bot.analysis.words import MONTHS as _MONTHS

_OLD_DATE = WordGate(
    r"\b(?:in|since|during|back in|in the summer of|in the spring of|in the autumn of|in the winter of|"
    r"at the end of|in early|in late|in mid)\s+(?:(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december)\s+)?(?:19|20)\d\d\b",
    # (not "this will be his last season": the final one, to come)
    r"\b(?<!his )(?<!her )(?<!my )(?<!their )(?:last|previous) (?:season|year|campaign|decade|summer|spring|autumn|"
    r"winter)",
    # "points to the summer of 2013, when …"
    r"\bthe (?:summer|spring|autumn|winter) of (?:19|20)\d\d\b",
    # "at the end of the 2025 MLS season", "after taking the Netherlands to the 2022 World Cup" (a season
    # written "2025-26" is not one year)
    r"\b(?:in|at the end of|during|after|to|since|before) the (?:19|20)\d\d(?!-) (?:[\w-]+ ){0,2}?"
    r"(?:season|campaign|world cup|euros?|european championship|tournament|olympics|final)\b",
    # "four games into the 2022-23 season": a season written with both its years
    r"\b(?:in|into|during|of|after|before|since|at the end of|at the start of|from) the (?:19|20)\d\d[-/]\d\d "
    r"(?:[\w-]+ ){0,2}?(?:season|campaign)\b",
    # "the two days that shaped him: 25 January 2021, when Chelsea sacked him" — a full date, "on" or not
    r"\b\d{1,2}\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+"
    r"(?:19|20)\d\d\b",
    # "On 13 June 2018, …", "on June 13, 2018"
    r"\bon\s+(?:\d{1,2}\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\s+(?:\d{1,2},?\s+)?(?:19|20)\d\d\b",
    r"\b(?:\w+|\d+) (?:months?|years?|seasons?|decades?) (?:ago|after|later|earlier|before)\b",
    # "took Spurs to the final in 2019 and was sacked later that year": dated by the year told before
    r"\b(?:later|earlier) (?:that|the same) (?:year|season|summer|winter|spring|autumn)\b",
    # "Twenty years on: the day Newcastle sacked Souness": an anniversary looks back
    # (not "a year on from his return": that is now, a year after it)
    r"\b(?:\w+|\d+) (?:years?|decades?) on\b(?! from)",
    r"\bback in\b",
    # "before being sacked that November": a time told back to, in a story of the past
    r"\bthat (?:january|february|march|april|may|june|july|august|september|october|november|december|summer|"
    r"winter|spring|autumn)\b",
)


class _Remembered:
    """A word gate's searches in the text searched last, kept (one tuple, replaced whole: safe when threads
    share the analyser): about a fifth of the old-date searches of an analysis ask again for a window
    already searched, and the gate's look for its eleven alternatives' words is most of a search's cost."""

    def __init__(self, gate: WordGate) -> None:
        self._gate = gate
        self._last: tuple[str, dict[tuple[int, int], re.Match[str] | None]] | None = None

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        last = self._last
        if last is None or last[0] is not text:
            last = self._last = (text, {})
        searched = last[1]
        if (pos, endpos) in searched:
            return searched[pos, endpos]
        found = searched[pos, endpos] = self._gate.search(text, pos, endpos)
        return found


OLD_DATE = _Remembered(_OLD_DATE)
RECENT = LiteralScan(
    r"\b(?:on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|today|tonight|last night|"
    r"this (?:morning|afternoon|evening|week|month|weekend)|last (?:week|weekend)|earlier (?:this|today)|"
    r"(?:hours|days|a day|a week|two weeks|weeks|a fortnight) ago|(?<!most )recently|with immediate effect)\b"
)
IN_MONTH = guarded(r"\b(?:in|since|during|until|last) (" + "|".join(_MONTHS) + r")\b(?! \d)")
_RECENT_MONTHS = 3  # an exit dated this many months or more before the story is not the recent one
_SINCE = re.compile(r"\W*since\b")
_MONTHS_AGO = re.compile(r"\bmonths? (?:ago|after|later|earlier|before)\b")
_AGENT_DATE = re.compile(
    r"\s+by\s+(?:[\w'.-]+\s+){1,4}?(?:in|last)\s+(?:(?P<month>" + "|".join(_MONTHS) + r")|(?P<year>(?:19|20)\d\d))\b"
)
_LAST_MONTH = written_from_first(
    r"\blast (" + "|".join(_MONTHS) + r")\b", r"last (?<!\wlast )(" + "|".join(_MONTHS) + r")\b"
)
ON_DATE = guarded(r"\bon (\d{1,2})(?:st|nd|rd|th)? (" + "|".join(_MONTHS) + r")\b")


def dated_agent(folded: str, cue_end: int, clause_end: int, published: datetime | None) -> bool:
    """ "sacked by Southampton in November": an event with its agent and an earlier month or year."""
    after = _AGENT_DATE.match(folded, cue_end, clause_end)
    if after is None:
        return False
    month = after.group("month")
    if month is not None:
        return published is None or _MONTHS.index(month) + 1 != published.month
    return published is None or int(after.group("year")) < published.year


_MONTHS_AFTER = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|several|a few|many|\d+) (?:months|years|seasons) "
    r"(?:after|since|on from)\b"
)


def long_ago(folded: str, sentence: Sentence, clause: Clause, published: datetime | None) -> bool:
    """Background dated in an earlier year or season, or months before the story: not the recent exit
    that opened a job."""
    lo = sentence.start if clause.kind is Kind.TEMPORAL else clause.start
    relative = clause.kind is Kind.RELATIVE and " when " in folded[clause.start : clause.end]
    if relative and not RECENT.search(folded, clause.start, clause.end):
        return True  # "Bauer, who stepped up when Simonis was dismissed": who the new man is
    if (weeks := weeks_ago(folded, lo, clause.end)) is not None and weeks >= 6:
        return True  # "since Pedersen's departure six weeks ago": longer than "a month after"
    if _MONTHS_AFTER.search(folded, sentence.start, clause.end):
        return True  # "two months after he stepped up from the under-19s following Simonis's dismissal"
    dated = OLD_DATE.search(folded, lo, clause.end)
    if (
        dated is not None
        and not _MONTHS_AGO.search(dated.group(0))  # "a month after": this season still
        and (published is None or not this_year(dated.group(0), published.year))
    ):
        return True
    # "last August", in a story from April: that month of the year before
    last = _LAST_MONTH.search(folded, lo, clause.end)
    if last is not None and published is not None and _MONTHS.index(last.group(1)) + 1 >= published.month:
        return True
    # "a search that began with Amorim's dismissal in January", in a story from May: this season, but
    # not the recent exit that opened a job ("a month after X resigned")
    month = IN_MONTH.search(folded, lo, clause.end)
    if (
        month is not None
        and clause.kind is Kind.TEMPORAL
        and _SINCE.match(folded, clause.start)
        and not RECENT.search(folded, clause.start, clause.end)
    ):
        return True  # "led by an interim pairing since Oosting left for Ajax in June": background, dated
    if month is None or published is None or not month.group(0).startswith(("in ", "last ")):
        return False
    # ("a search that began when Heitinga was dismissed in November", three months on: the interim's time;
    # "He replaces Gattuso, who resigned in March", in June)
    return (published.month - (_MONTHS.index(month.group(1)) + 1)) % 12 >= _RECENT_MONTHS


def days_before(published: datetime, day: str, month: str) -> int:
    """Days from the date "<day> <month>" (this year, or last year when later than publication) to
    the story's publication."""
    number = _MONTHS.index(month) + 1
    try:
        when = published.replace(month=number, day=int(day))
    except ValueError:
        return 0
    if when > published:
        when = when.replace(year=when.year - 1)
    return (published - when).days


def this_year(phrase: str, year: int) -> bool:
    """The phrase's year is the story's or later (a season "2025-26" counts by the year it ends in)."""
    found = re.search(r"((?:19|20)\d)\d(?:[-/](\d\d)\b)?", phrase)
    if found is None:
        return False
    if found.group(2) is not None:
        return int(found.group(1)[:2] + found.group(2)) >= year
    return int(found.group(0)[:4]) >= year


_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_AGO = WordGate(r"\b(a|one|two|three|four|five|six|seven|eight|nine|\d{1,2}) (weeks?|months?) ago\b")


def weeks_ago(folded: str, start: int, end: int) -> int | None:
    """ "six weeks ago", "two months ago": how many weeks back the words date something (None: undated)."""
    match = _AGO.search(folded, start, end)
    if match is None:
        return None
    count = int(match.group(1)) if match.group(1).isdigit() else _COUNT[match.group(1)]
    return count * (4 if match.group(2).startswith("month") else 1)
