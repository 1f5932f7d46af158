"""Is the story about football at all? Multi-sport feeds carry rugby, cricket, basketball and American
sports whose coaches are hired and sacked in the same words ("Warriors sack head coach").

A story is another sport's when it uses that sport's words and none of football's own: a club or
manager the knowledge base knows only as football is evidence for football, a country is not (England
have a cricket coach too).
"""

from __future__ import annotations

import re

from bot.analysis.gazetteer import Gazetteer
from bot.analysis.prefilter import LiteralScan
from bot.analysis.refs import Resolved
from bot.analysis.text import Sentence
from bot.analysis.unknown_clubs import named_like_a_club

_OTHER = LiteralScan(
    r"\b(?:rugby(?! park| town)|scrum|scrum-half|fly-half|lineout|line-out|six nations|top 14|super rugby|"
    r"director of rugby|"
    r"all blacks|springboks|wallabies|british and irish lions|premiership rugby|try-scorer|"
    r"cricket|cricketer|wickets?|innings|bowler|batter|batsman|the ashes|ashes series|test series|odi|t20|ipl|"
    r"county championship|basketball|nba|wnba|euroleague|eurocup|point guard|slam dunk|nfl|quarterback|touchdown|"
    r"super bowl|"
    r"gridiron|ice hockey|nhl|puck|stanley cup|goaltender|power play|baseball|mlb|pitcher|home run|franchise|"
    r"netball|handball|volleyball|ehf|"
    # grounds and rugby league clubs whose names say the sport ("the Rhinos announced", "at Trent Bridge")
    r"trent bridge|edgbaston|headingley|the rhinos|castleford|catalans dragons|hull kr|leigh leopards|"
    r"huddersfield giants|warrington wolves|wakefield trinity|wigan warriors|salford red devils|t20 blast|"
    r"halifax panthers|bradford bulls|featherstone rovers|london broncos|toulouse olympique|york knights|"
    r"widnes vikings|sheffield eagles|batley bulldogs|swinton lions|barrow raiders|st helens|hull fc|"
    r"formula one|grand prix|tennis|golf|ryder cup|afl|aflw|nrl|state of origin|gaelic|hurling|darts|snooker)\b"
)
_FOOTBALL = re.compile(
    # ("the rugby league Championship": another sport's)
    r"\b(?:football|soccer|premier league|(?<!county )(?<!league )championship|la ?liga|serie a|bundesliga|"
    r"ligue 1|eredivisie|"
    # (the EHF, CEV and basketball Champions Leagues are handball's, volleyball's and basketball's)
    r"mls|nwsl|wsl|(?<!ehf )(?<!cev )(?<!basketball )champions league|europa league|fa cup|world cup qualif\w*|"
    r"striker|midfielder|winger|goalkeeper|"
    r"centre-back|clean sheets?|the dugout|touchline|segunda(?: division)?|serie b|2\. bundesliga|ligue 2|"
    r"league one|league two|national league|scottish premiership|primeira liga|liga portugal|super lig|"
    r"saudi pro league|brasileirao|copa libertadores|copa del rey|coppa italia|dfb-pokal|coupe de france|"
    # the lower divisions, whose clubs and coaches the knowledge base mostly lacks
    r"serie c|3\. liga|regionalliga|eerste divisie|keuken kampioen divisie|primera federacion|segunda federacion|"
    r"championnat national|national league (?:north|south)|scottish league (?:one|two)|scottish championship|"
    r"league of ireland|cymru premier|usl championship|usl league one|challenger pro league|liga portugal 2)\b"
)


# Words that name another sport outright count double: "Premiership Rugby", "Ice hockey:".
_STRONG = LiteralScan(
    r"\b(?:rugby(?: union| league)?(?! park| town)|cricket|basketball|nba|wnba|nfl|ice hockey|nhl|stanley cup|"
    r"baseball|mlb|netball|handball|volleyball|euroleague|afl|aflw|nrl|state of origin|"
    r"elite league|super league basketball|premiership rugby|six nations)\b"
)


def _weight(folded: str, start: int, end: int, res: Resolved, gaz: Gazetteer) -> tuple[int, int]:
    other = len(_OTHER.findall(folded, start, end)) + len(_STRONG.findall(folded, start, end))
    if other == 0:
        return 0, 0
    football = len(_FOOTBALL.findall(folded, start, end))
    # (each club and manager once: "Fenerbahçe" named five times in a basketball story is one club)
    football += len(
        {c.name for c in res.clubs if start <= c.start < end and c.name in gaz.clubs and not gaz.clubs[c.name].national}
    )
    football += len({p.name for p in res.people if start <= p.start < end and p.known and p.explicit})
    return other, football


def unknown_to_football(folded: str, manager: str, club: str, gaz: Gazetteer) -> bool:
    """A coach and a club the knowledge base knows neither of, the club not named like a football club
    ("Rovers", "Athletic", "IFK …"), in a story without one of football's own words ("Leicester Tigers
    have parted company with head coach Geoff Parling"): nothing says this is football, and a false
    alert costs more than a missed one."""
    return (
        manager not in gaz.managers
        and club not in gaz.clubs
        and not named_like_a_club(club)
        and _FOOTBALL.search(folded) is None
    )


def other_sport(folded: str, res: Resolved, gaz: Gazetteer) -> bool:
    """The story uses another sport's words and nothing that ties it to football."""
    other, football = _weight(folded, 0, len(folded), res, gaz)
    return other > football


def other_sport_paragraphs(folded: str, sentences: list[Sentence], res: Resolved, gaz: Gazetteer) -> set[int]:
    """The paragraphs of a multi-sport round-up that are about another sport ("Rugby league: Wigan
    Warriors head coach Matt Peet has signed a contract extension")."""
    hits = [m.start() for m in _OTHER.finditer(folded)]
    if not hits:
        return set()  # no other sport named at all (most stories)
    spans: dict[int, list[int]] = {}
    for sentence in sentences:
        span = spans.setdefault(sentence.paragraph, [sentence.start, sentence.end])
        span[1] = sentence.end
    found = set()
    for paragraph, (start, end) in spans.items():
        if not any(start <= at < end for at in hits):
            continue  # nothing of another sport in this paragraph
        other, football = _weight(folded, start, end, res, gaz)
        if other > football:
            found.add(paragraph)
    return found
