"""Words that point at a person named elsewhere: "the Spaniard", "the 42-year-old", a sentence's "he",
and the manager being replaced ("to replace Klopp", "Klopp's successor").

Every pattern runs over folded text (lower case, accents stripped, straight quotes).
"""

from __future__ import annotations

import operator
import re
import sys
from collections.abc import Iterator

from bot.analysis.prefilter import guarded

# "the Spaniard", "the 42-year-old", "the boss", a sentence's "he". Every match begins with "t" or "h";
# written from that letter on (what stands before it is looked behind at), ``re`` skips to those
# letters instead of trying every position. The tests hold the pattern as first written.
_NATIONALITY = (
    r"(?:spaniard|portuguese|dutchman|german|italian|frenchman|argentine|argentinian|englishman|scot|"
    r"scotsman|norwegian|dane|swede|austrian|belgian|croatian|uruguayan|brazilian|welshman|irishman|"
    r"northern irishman|american|australian|turk|greek|serb|swiss|japanese|moroccan|mexican|chilean|"
    r"colombian|catalan|basque|romanian|canadian|icelander|czech|slovak|ukrainian|russian|bulgarian|albanian|"
    r"slovenian|bosnian|hungarian|finn|egyptian|tunisian|algerian|senegalese|ivorian|ghanaian|malian|nigerian|"
    r"cameroonian|iranian|saudi|south african|south korean|korean|peruvian|paraguayan|ecuadorian|venezuelan)"
)
_THE_NOUN = (
    r"(?:\d{2}-year-old|former|ex-|current|ex|experienced|veteran|young|outgoing|incoming|"
    r"highly[- ]rated|out-of-work|unemployed)[\w -]{0,30}?\b(?:boss|manager|coach|head coach|tactician|gaffer|"
    r"captain|skipper|international|midfielder|defender|striker|player|man|figure|legend|icon)|"
    # ("the 41-year-old Belgian": the age and the nationality of one man)
    rf"\d{{2}}-year-old(?: {_NATIONALITY}\b)?|"
    rf"{_NATIONALITY}"
    r"(?!\s+(?:club|side|giants|outfit|team|champions|league|press|media|federation|"
    r"capital|newspapers?|outlets?|top flight|game|football|national team|fa|government|market|job|post))|"
    r"(?:boss|manager|head coach|coach|tactician|gaffer)|"
    # translated copy: "the Tuscan technician", "the Argentine DT", "the mister"
    r"(?:[a-z-]+ )?(?:technician|strategist|helmsman|dt)|mister"
)


class _TwoLetters:
    """The matches of ``t…|h…`` (a pattern whose matches begin with "t" or "h") from one pattern for each
    letter: ``re`` skips to a single letter far faster than to either of two (a character class is
    tested at each position). Merged by place, a match that begins inside the one before it dropped,
    as the one scan would: none does unless an "h" match ("he", "his", "him") begins inside a "the …"
    match, and no match begins inside an "h" one (they hold no "t" or second "h")."""

    def __init__(self, the: str, h: str) -> None:
        self._the = re.compile(the)
        self._h = re.compile(h)
        self.pattern = f"{the}|{h}"

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        found = list(self._the.finditer(text, pos, endpos))
        more = list(self._h.finditer(text, pos, endpos))
        if not more:
            return iter(found)
        merged: list[re.Match[str]] = []
        end = -1
        for match in sorted(found + more, key=_start):
            if match.start() >= end:
                merged.append(match)
                end = match.end()
        return iter(merged)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)


_start = operator.methodcaller("start")

ANAPHORA = _TwoLetters(
    rf"t(?:(?<!\w.)he (?:{_THE_NOUN})\b|"
    r"(?:(?<=^.)|(?<=\n.)|(?<=[.;:] .))he [a-z-]+(?: [a-z-]+)? (?:boss|manager|head coach|coach|gaffer)\b)",
    r"h(?:(?:(?<=^.)|(?<=[.;:,] .))(?:e|is)\b|(?<!\w.)im\b|(?<!\w.)is(?= (?:position|job|future|post|role)\b))",
)

NATIONALITY_NOUNS: dict[str, str] = {
    "spaniard": "spanish",
    "portuguese": "portuguese",
    "dutchman": "dutch",
    "german": "german",
    "italian": "italian",
    "frenchman": "french",
    "argentine": "argentine",
    "argentinian": "argentine",
    "englishman": "english",
    "scot": "scottish",
    "scotsman": "scottish",
    "norwegian": "norwegian",
    "dane": "danish",
    "swede": "swedish",
    "austrian": "austrian",
    "belgian": "belgian",
    "croatian": "croatian",
    "uruguayan": "uruguayan",
    "brazilian": "brazilian",
    "welshman": "welsh",
    "irishman": "irish",
    "northern irishman": "northern irish",
    "american": "american",
    "australian": "australian",
    "turk": "turkish",
    "greek": "greek",
    "serb": "serbian",
    "swiss": "swiss",
    "japanese": "japanese",
    "moroccan": "moroccan",
    "mexican": "mexican",
    "chilean": "chilean",
    "colombian": "colombian",
    "catalan": "spanish",
    "basque": "spanish",
    "romanian": "romanian",
    "canadian": "canadian",
    "icelander": "icelandic",
    "czech": "czech",
    "slovak": "slovak",
    "ukrainian": "ukrainian",
    "russian": "russian",
    "bulgarian": "bulgarian",
    "albanian": "albanian",
    "slovenian": "slovenian",
    "bosnian": "bosnian",
    "hungarian": "hungarian",
    "finn": "finnish",
    "egyptian": "egyptian",
    "tunisian": "tunisian",
    "algerian": "algerian",
    "senegalese": "senegalese",
    "ivorian": "ivorian",
    "ghanaian": "ghanaian",
    "malian": "malian",
    "nigerian": "nigerian",
    "cameroonian": "cameroonian",
    "iranian": "iranian",
    "saudi": "saudi",
    "south african": "south african",
    "south korean": "south korean",
    "korean": "south korean",
    "peruvian": "peruvian",
    "paraguayan": "paraguayan",
    "ecuadorian": "ecuadorian",
    "venezuelan": "venezuelan",
}

# "to replace Klopp", "Klopp's successor": that manager is the one leaving, not the one moving. The words
# before a name are searched: guarded, not literal-scanned.
INCUMBENT_BEFORE = guarded(
    r"\b(?:replace|replacing|replaced|succeed|succeeding|successor to|successor for|replacement for|in place of|"
    r"take over from|taking over from|took over from|after|following|sacking of|departure of|exit of|"
    r"under|predecessor|former|ex-)\s+(?:(?:the\s+)?(?:former|interim|caretaker|outgoing|sacked|departing|"
    r"under-fire|embattled|beleaguered)\s+)?"
    r"(?:(?:manager|head coach|coach|boss)\s+)?$"
)
INCUMBENT_AFTER = re.compile(
    r"^(?:'s?)?\s+(?:successor|replacement|departure|exit|shoes|sacking|dismissal|resignation|era|side|team|squad|"
    r"men|assistant|"
    r"number two|right-hand man|deputy|protege|coaching staff|backroom staff)\b"
)
