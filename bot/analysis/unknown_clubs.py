"""Clubs the gazetteer lacks, recognised from how their names are built and how the text introduces them."""

from __future__ import annotations

import re

from bot.analysis.gazetteer import Gazetteer
from bot.analysis.prefilter import written_from_first
from bot.analysis.refs import ClubRef, Resolved, sentence_of
from bot.analysis.text import Sentence, fold
from bot.analysis.words import NOT_PEOPLE

_CLUB_WORD = (
    r"(?:FC|AFC|Rovers|Town|City|United|Athletic|Albion|Wanderers|County|Women|Ladies|Rangers|Hotspur|"
    r"Borough|Orient|Argyle|Alexandra|Stanley|Dons|Academicals|Thistle|Harriers|Olympic|Sporting)"
)
# "IFK Värnamo", "FC Twente", "Forest Green Rovers". Every match begins with a capital at the start of
# a word; written from that capital on (the word start and the capital are looked behind at), ``re``
# skips to the capitals instead of trying every position. The tests hold the pattern as first written.
# (The initials are tried only after a capital one of them begins with. A word before a space is taken
# whole (``++``) and its last character looked behind at: ``[\w’-]*[\w][ ]`` matches only the whole
# run of such characters before a space, and tried letter by letter gave back each letter in turn
# whenever the rest failed.)
_UNKNOWN_CLUB = re.compile(
    r"[A-Z](?<!\w.)(?:(?<=[IFASCVRUNKB])(?:(?<=I)(?:FK|F)|(?<=F)[CK]|(?<=A)FC|(?<=S)[CVDK]|(?<=C)[FDA]|(?<=V)fL|"
    r"(?<=R)C|(?<=U)D|(?<=N)K|(?<=K)(?:V|RC)|(?<=B)K)[ ]+[A-Z](?:[\w-]|['’](?!s\b))+"
    # ("FC Goa's Manolo Márquez": a possessive ends the name)
    r"(?:[ ][A-Z](?:[\w-]|['’](?!s\b))+)?"
    # ("Hampton & Richmond Borough": an ampersand joins two names)
    rf"|[\w’-]++(?<=\w)[ ](?:(?:[A-Z][\w’-]++(?<=\w)|&)[ ]){{0,3}}{_CLUB_WORD})\b"
)


def named_like_a_club(name: str) -> bool:
    """ "Forest Green Rovers", "IFK Värnamo": a name built the way football clubs' names are."""
    return _UNKNOWN_CLUB.fullmatch(name) is not None


_CLUB_SUBJECT = re.compile(
    r"(?:^|(?<=\n))(?P<club>[A-Z][\w’-]+(?:[ ][A-Z][\w’-]+){0,2})\s+(?:have|has)\s+(?:officially\s+)?"
    r"(?:appointed|named|sacked|announced|confirmed|parted|extended|dismissed|hired)\b"
    # ("Bob Lilley has dismissed suggestions that …", "… has confirmed he will stay": a man's own words)
    r"(?!\s+(?:suggestions|claims|reports|talk|speculation|rumours|links|he|she|his|her)\b)",
    re.M,
)


# (written from its first word, the word start looked behind at: ``re`` skips to each "the " instead of
# trying every position of the text)
# "Curzon Ashton manager Gavin Tierney has stepped down", opening a paragraph: the club in his title
_CLUB_ROLE = re.compile(
    r"(?P<club>[A-Z][\w’-]+(?:[ ][A-Z][\w’-]+){1,2})\s+(?:manager|head coach|boss)\s+(?=[A-Z][\w’-]+[ ][A-Z])"
)
_THE_JOB_OF = written_from_first(
    r"\bthe (?:vacant |managerial |head coach |head-coach |coaching )?(?P<club>[A-Z]{2,5}) "
    r"(?:job|post|vacancy|hot seat)\b",
    r"the (?<!\wthe )(?:vacant |managerial |head coach |head-coach |coaching )?(?P<club>[A-Z]{2,5}) "
    r"(?:job|post|vacancy|hot seat)\b",
)
_LEAGUE_FIRST = re.compile(
    r"(?:National League(?: North| South)?|Premier League|League (?:One|Two)|Championship|Serie [AB]|La ?Liga|"
    r"Bundesliga|Ligue [12]|Eredivisie|Primeira Liga|Süper Lig|Super Lig|Scottish Premiership|Premiership|MLS|"
    r"NWSL|WSL|Liga F|Liga MX|Saudi Pro League|Pro League|Brasileirão|Série [AB])[ ]+(?=[A-Z])"
)


_LEGAL_SUFFIX = re.compile(r"(?:\s+(?:Football Club|Futebol Clube|Fútbol Club|Futbol Club|FC|AFC|CF|SC|Calcio))+")
_COMPETITION_WORDS = frozenset({"League", "Cup", "Trophy", "Championship", "Shield", "Series", "Conference"})


def resolve_unknown_clubs(
    text: str, out: Resolved, gaz: Gazetteer, sentences: list[Sentence], starts: list[int]
) -> None:
    """Clubs the gazetteer lacks ("Forest Green Rovers", "IFK Värnamo"): a longer club-like name
    replaces a known alias found inside it ("Forest")."""
    found: list[tuple[int, int]] = [m.span() for m in _UNKNOWN_CLUB.finditer(text)]
    # "linking him with the vacant AGF job": the initials a job is of are a club's (not "the Hillsborough job":
    # a ground is named like a place)
    initials = [m.span("club") for m in _THE_JOB_OF.finditer(text)]
    single = {start for start, _ in initials}
    found += initials
    for sentence in sentences:
        if sentence.start and text[sentence.start - 1] != "\n":
            continue  # the pattern is anchored at the start of a line: no use trying it elsewhere
        match = _CLUB_SUBJECT.match(text, sentence.start, sentence.end) or _CLUB_ROLE.match(
            text, sentence.start, sentence.end
        )
        if match:
            found.append(match.span("club"))
    for span_start, span_end in found:
        start = span_start
        # ("Maher leaves National League Southend United": the league the club plays in is not its name)
        if league := _LEAGUE_FIRST.match(text, span_start, span_end):
            start = league.end()
        words = text[start:span_end].split()
        while (
            words
            and fold(words[0]) in NOT_PEOPLE
            and words[0] not in ("United", "City", "Athletic", "Sporting", "East", "West", "North", "South")
        ):
            start += len(words[0]) + 1
            words = words[1:]
        name = " ".join(words)
        if (
            (len(words) < 2 and start not in single)
            or words[-1] in _COMPETITION_WORDS  # ("the AFC Champions League exit": a competition)
            or gaz.club_by_key(name)
            or gaz.manager_by_key(name)
            or gaz.source_by_key(name)
        ):
            continue
        inside = [c for c in out.clubs if start <= c.start and c.end <= start + len(name)]
        if len(inside) == 1 and inside[0].start == start and _LEGAL_SUFFIX.fullmatch(text, inside[0].end, span_end):
            continue  # "Everton Football Club": the known club, named with its legal form
        overlapping = [(s, e) for s, e in out.spans if s < start + len(name) and start < e]
        # ("Hibernian Women", a women's side the knowledge base lacks, is not the men's club it names)
        womens = name.endswith((" Women", " Ladies")) and len(inside) == 1
        if len(overlapping) != len(inside) or (not womens and any(2 * (e - s) >= len(name) for s, e in overlapping)):
            continue  # part of a person or source name, or mostly a known club ("FC Internazionale Milano")
        for club in inside:
            out.clubs.remove(club)
            out.spans.remove((club.start, club.end))
        out.clubs.append(ClubRef(name, start, start + len(name), sentence_of(sentences, starts, start)))
        out.spans.append((start, start + len(name)))
