"""Women's teams are clubs of their own: "Liverpool have sacked Matt Beard after their worst start to a
Women's Super League season" is about Liverpool Women, and a follower of Liverpool's men's team must
not get it.

A club mention becomes its women's side when the words right after it say so ("Chelsea Women's",
"Barça Femení"), when its sentence speaks of a women's team ("head coach of their women's team"),
when the headline is about women's football and the story never speaks of the men's side, or when
the manager the story is about coaches a women's team in the knowledge base.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.analysis.gazetteer import Gazetteer
from bot.analysis.prefilter import LiteralScan
from bot.analysis.raw_claim import RawClaim
from bot.analysis.refs import ClubRef, Resolved, sentence_of
from bot.analysis.text import Sentence, fold

_AFTER = re.compile(r"^(?:'s)?\s*(?:women(?:'s)?|ladies|femeni|femenino|femenil|feminino|feminines?|frauen|wfc|fcw)\b")
_WOMENS = LiteralScan(
    r"\b(?:women'?s (?:team|side|squad|first team|first-team|football|game|super league|championship|national team|"
    r"head coach|coach|manager|boss|section|champions league|world cup|euros?)|wsl|nwsl|liga f|lionesses|"
    r"uswnt|matildas|frauen-bundesliga|division 1 feminine|arkema|femeni|femenino|femenil|liga mx femenil|"
    # "head coach of their A-League Women side"
    r"a-league women|w-league|women (?:side|team|squad|first team))\b"
)
_AFTER_ANYWHERE = LiteralScan(r"\b(?:women|ladies|femeni|femenino|femenil|feminino|feminines?|frauen|wfc|fcw)\b")
_MENS = LiteralScan(
    r"\bmen'?s (?:team|side|first team|national team|game|job|head coach|coach|manager|boss|post|role|vacancy)\b"
)
_MENS_LEAGUE = re.compile(
    r"\b(?<!women's )(?<!womens )(?<!frauen-)(?:mls|premier league|la ?liga|serie a|bundesliga|ligue 1|efl|"
    r"league one|league two|eredivisie|primeira liga|super lig|saudi pro league|brasileirao)\b"
)


def women_sides(folded: str, sentences: list[Sentence], res: Resolved, gaz: Gazetteer) -> None:
    """Rename each club mention that stands for a women's team to that team."""
    if not res.clubs:
        return
    women_coaches = {p.name for p in res.people if _coaches_women(gaz, res.kb_home.get(p.name))}
    womens_words = [m.start() for m in _WOMENS.finditer(folded)]
    if not womens_words and not women_coaches and not _AFTER_ANYWHERE.search(folded):
        return  # a men's story (most of them): nothing to rename
    starts = [s.start for s in sentences]
    # (the headline searched in place: a slice of it is a new text, with a literal pass of its own)
    headline = sentences[0] if sentences else None
    story_womens = (
        headline is not None
        and _WOMENS.search(folded, headline.start, headline.end) is not None
        and not _MENS.search(folded)
        # ("MLS and NWSL notebook": a headline naming a men's league too is about both)
        and not _MENS_LEAGUE.search(folded, headline.start, headline.end)
    )
    womens_sentences = {sentence_of(sentences, starts, at) for at in womens_words}
    mens_sentences = {sentence_of(sentences, starts, m.start()) for m in _MENS.finditer(folded)}
    coach_sentences = {p.sentence for p in res.people if p.name in women_coaches}
    # (a sentence that names the men's coach of the club speaks of the club, both sides: "Barcelona have
    # opened talks with Hansi Flick … and with Pere Romeu, whose women's team …")
    mens_coaches = {(p.sentence, res.kb_home[p.name]) for p in res.people if p.name in res.kb_home}
    renamed: list[ClubRef] = []
    for club in res.clubs:
        entry = gaz.clubs.get(club.name)
        if entry is None and club.sentence in womens_sentences and club.sentence not in mens_sentences:
            # "Lewes FC have appointed X as women's first-team manager": a club the knowledge base lacks,
            # its women's side
            renamed.append(ClubRef(_womens_name(club.name), club.start, club.end, club.sentence))
            continue
        if entry is None or entry.women:
            renamed.append(club)
            continue
        marked = _AFTER.match(folded, club.end) is not None
        if marked or (
            club.sentence not in mens_sentences
            and (club.sentence, club.name) not in mens_coaches
            and (story_womens or club.sentence in womens_sentences or club.sentence in coach_sentences)
        ):
            renamed.append(ClubRef(gaz.women_team(club.name), club.start, club.end, club.sentence))
        else:
            renamed.append(club)
    # "Atlético and Víctor Martín part ways" over "Atlético de Madrid Femenino and head coach …": the
    # headline's short name is the women's side the story names, when it never names the men's.
    body_women = {c.name for c in renamed if c.sentence > 0 and _is_women(gaz, c.name)}
    body_men = {c.name for c in renamed if c.sentence > 0 and not _is_women(gaz, c.name)}
    if body_women:
        renamed = [
            ClubRef(gaz.women_team(c.name), c.start, c.end, c.sentence)
            if c.sentence == 0
            and not _is_women(gaz, c.name)
            and c.name not in body_men
            and gaz.women_team(c.name) in body_women
            else c
            for c in renamed
        ]
    # (the club whose statement the story quotes, when every mention of it is its women's side: "Lewes FC
    # have appointed X as women's first-team manager, the club announced")
    womens_of = {old.name: new.name for old, new in zip(res.clubs, renamed, strict=True) if old.name != new.name}
    if res.official in womens_of and all(c.name != res.official for c in renamed):
        res.official = womens_of[res.official]
    res.clubs[:] = renamed
    for mapping in (res.home, res.likely_home):
        for person, name in list(mapping.items()):
            if person in women_coaches or story_womens:
                mapping[person] = gaz.women_team(name) if not _is_women(gaz, name) else name
    for person, names in list(res.former.items()):
        if story_womens:
            res.former[person] = {gaz.women_team(n) if not _is_women(gaz, n) else n for n in names}


_LEGAL_FORM = re.compile(r"\s+(?:FC|AFC|F\.C\.|Football Club|LFC|WFC)$")


def _womens_name(name: str) -> str:
    if re.search(r"\b(?:Women|Ladies|Femenino|Féminin|Frauen)$", name):
        return name
    return _LEGAL_FORM.sub("", name) + " Women"


def _coaches_women(gaz: Gazetteer, club: str | None) -> bool:
    return club is not None and _is_women(gaz, club)


def _is_women(gaz: Gazetteer, name: str) -> bool:
    entry = gaz.clubs.get(name)
    return entry.women if entry is not None else re.search(r"\bwomen$", name.lower()) is not None


def womens_side(claim: RawClaim, gaz: Gazetteer, folded: str) -> RawClaim:
    """A claim about a coach the knowledge base places at the women's side of the club named is about
    that side ("talks with Pere Romeu" in a story naming FC Barcelona), unless the story names the men's
    side as such ("Wiegman laughs off talk of the England men's job")."""
    known = gaz.managers.get(claim.manager)
    women = gaz.women_team(claim.club)
    if known is None or not known.club == women != claim.club:
        return claim
    if re.search(rf"\b{re.escape(fold(claim.club))}(?:'s)? men'?s\b", folded):
        return claim
    return replace(claim, club=women)


_MENS_COACH = re.compile(r"\bmen's (?:head coach|manager|coach|boss) ")


def mens_coach(folded: str, name: str) -> bool:
    """The story calls him the men's coach: "pressure grows on men's head coach Thomas Frank"."""
    return any(folded.startswith(fold(name), m.end()) for m in _MENS_COACH.finditer(folded))
