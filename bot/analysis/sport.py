"""Is the story about football at all? Multi-sport feeds carry rugby, cricket, basketball and American
sports whose coaches are hired and sacked in the same words ("Warriors sack head coach").

A story is another sport's when it uses that sport's words and none of football's own: a club or
manager the knowledge base knows only as football is evidence for football, a country is not (England
have a cricket coach too).
"""

from __future__ import annotations

import re

from bot.analysis.gazetteer import Gazetteer
from bot.analysis.refs import Resolved

_OTHER = re.compile(
    r"\b(?:rugby|scrum|scrum-half|fly-half|lineout|line-out|six nations|top 14|super rugby|director of rugby|"
    r"all blacks|springboks|wallabies|british and irish lions|premiership rugby|try-scorer|"
    r"cricket|cricketer|wickets?|innings|bowler|batter|batsman|the ashes|ashes series|test series|odi|t20|ipl|"
    r"county championship|basketball|nba|wnba|point guard|slam dunk|nfl|quarterback|touchdown|super bowl|"
    r"gridiron|ice hockey|nhl|puck|baseball|mlb|pitcher|home run|franchise|netball|handball|volleyball|"
    r"formula one|grand prix|tennis|golf|ryder cup|afl|gaelic|hurling|darts|snooker)\b"
)
_FOOTBALL = re.compile(
    r"\b(?:football|soccer|premier league|championship|la ?liga|serie a|bundesliga|ligue 1|eredivisie|mls|nwsl|"
    r"wsl|champions league|europa league|fa cup|world cup qualif\w*|striker|midfielder|winger|goalkeeper|"
    r"centre-back|clean sheets?|the dugout|touchline)\b"
)


def other_sport(folded: str, res: Resolved, gaz: Gazetteer) -> bool:
    """The story uses another sport's words and nothing that ties it to football."""
    other = len(_OTHER.findall(folded))
    if other == 0:
        return False
    football = len(_FOOTBALL.findall(folded))
    football += sum(1 for c in res.clubs if c.name in gaz.clubs and not gaz.clubs[c.name].national)
    football += sum(1 for p in res.people if p.known and p.explicit)
    return other > football
