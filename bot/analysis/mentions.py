"""From raw alias matches to resolved people, clubs and sources in one article."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping

from bot.analysis.anaphora import INCUMBENT_AFTER, INCUMBENT_BEFORE
from bot.analysis.context import find_home_clubs, official_statement, resolve_anaphora
from bot.analysis.cues import find_cues
from bot.analysis.end_gate import EndGate
from bot.analysis.first_names import first_name_mentions
from bot.analysis.gazetteer import Gazetteer, Kind, Mention
from bot.analysis.members import Relation
from bot.analysis.prefilter import LiteralScan, WordGate
from bot.analysis.refs import ClubRef, PersonRef, Resolved, sentence_of
from bot.analysis.story_words import JOB_CONTEXT, YOUTH_TEAM
from bot.analysis.teams import women_sides
from bot.analysis.text import Sentence, fold, fold_key
from bot.analysis.unknown import resolve_unknown_people
from bot.analysis.unknown_clubs import resolve_unknown_clubs
from bot.analysis.words import NAME_PARTICLES, NOT_PEOPLE

# Capitalised words that are not people even though they are not in the gazetteer.
# The word before a name, whatever its alphabet ("Óscar García", "Łukasz"); callers check its capital.
# (the pattern as written: :func:`_preceding_word` finds its match from the end of the window)
_PRECEDING_WORD = re.compile(r"(?<![\w'’.-])([^\W\d_][\w'’.-]*)[ \t]+$")
_WORD_RUN = re.compile(r"[\w'’.-]+")
_LETTER = re.compile(r"[^\W\d_]")


_OF_A_PLACE = re.compile(r" of (?:the )?[A-Z]")


def _preceding_word(window: str) -> tuple[str, int] | None:
    """What ``_PRECEDING_WORD.search(window)`` finds, as its word and the number of spaces after it.

    ``re`` tries the pattern at each of the window's thirty positions, and from each reads on to the end
    of its word. Read from the end instead: a match ends at the window's end (or before a last newline,
    where ``$`` also matches) after spaces or tabs, and can only begin where the run of word characters
    before them begins (inside the run the look-behind fails); it is a match when that is a letter."""
    body = window[:-1] if window.endswith("\n") else window
    word_part = body.rstrip(" \t")
    spaces = len(body) - len(word_part)
    if not spaces:
        return None
    run = _WORD_RUN.match(word_part[::-1])  # (the run, read backwards from the spaces)
    if run is None or not _LETTER.match(word_part, len(word_part) - run.end()):
        return None
    return word_part[len(word_part) - run.end() :], spaces


_ATTRIBUTION = re.compile(
    r"(?:according to|told|tells|reports?(?:ed)? (?:by|in)|via|per|speaking to|writing (?:for|in)|"
    r"report from|claims? (?:by|from)|reporter|journalist|outlet|newspaper|paper|site|insider|"
    r"understands|reports|reported|claims|says|said|revealed|writes|wrote|suggests)\W*$"
)
_LIST_SEPARATORS = (", ", " and ", " & ")
_COMMON_WORD_SOURCES = frozenset({"sport", "record", "as", "star", "mirror", "express", "sun", "kicker", "times"})


def _title_case(text: str, position: int) -> bool:
    """Headline Title Case ("Alonso Rejects Liverpool") says nothing about who is a person."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    words = [w for w in text[line_start : line_end if line_end >= 0 else None].split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.7


def _is_sentence_start(text: str, sentences: list[Sentence], starts: list[int], pos: int) -> bool:
    sent = sentences[sentence_of(sentences, starts, pos)]
    return not text[sent.start : pos].strip(" \"'“‘(-")


def resolve(
    text: str, folded: str, sentences: list[Sentence], gaz: Gazetteer, jobs: Mapping[str, str] | None = None
) -> Resolved:
    """Accept or reject each alias match, resolve ambiguous nicknames and anaphora. ``jobs``: each
    manager's club now (learned changes over the knowledge base; '' for none), when known."""
    jobs = jobs if jobs is not None else {}
    starts = [s.start for s in sentences]
    raw = gaz.find(text, folded)
    out = Resolved()
    ends = {m.end for m in raw}
    mention_starts = {m.start for m in raw}
    manager_starts = {m.start for m in raw if m.kind is Kind.MANAGER}
    namesakes: set[str] = set()
    full_names = {m.targets[0] for m in raw if m.kind is Kind.MANAGER and m.full}
    # "Jonatan Giráldez … Giráldez, who won …": a surname two known managers share is the one named in full
    full_surnames = {fold(name.split()[-1]) for name in full_names}
    ambiguous: list[Mention] = []
    shared: list[Mention] = []
    # "Sporting tie Hjulmand down" over "captain Morten Hjulmand's contract": a namesake named in full
    # anywhere in the story makes every bare mention of that surname his.
    # (each bare surname is tested once: the loop below reads the answer)
    someone_else = {
        id(m)
        for m in raw
        if m.kind is Kind.MANAGER
        and not m.full
        and _namesake(text, m, ends, mention_starts, gaz.managers[m.targets[0]].name)
    }
    for m in raw:
        name = gaz.managers[m.targets[0]].name if m.kind is Kind.MANAGER else ""
        if (
            id(m) in someone_else
            and text[m.start : m.start + 1].isupper()
            # (a first name alone is nobody's once two men of that first name are named: "Pep Lijnders" and
            # "Pep Guardiola" leave "Pep to leave Manchester City" unsettled)
            and (name not in full_names or fold(m.alias) == fold(name.split()[0]))
        ):
            namesakes.add(m.alias)

    last_place = -1  # where the last club name read as a place ("in England") ends
    other_teams: set[int] = set()  # where the nickname of another sport's team stands ("Leicester Tigers")
    # ("Leicester part company with Parling" over "Leicester Tigers have parted company": the town's
    # name alone is that team too, when the story never names the football club in full)
    towns = {
        m.alias for m in raw if m.kind is Kind.CLUB and " " not in m.alias and _OTHER_TEAM_AFTER.match(text, m.end)
    }
    towns -= {gaz.clubs[m.targets[0]].name.split()[0].lower() for m in raw if m.kind is Kind.CLUB and " " in m.alias}
    for m in raw:
        if m.start in other_teams:
            continue
        surface = text[m.start : m.end]
        if m.kind is Kind.SOURCE and gaz.sources[m.targets[0]].kind == "official":
            out.spans.append((m.start, m.end))  # "club statement": official_statement() finds whose
            continue
        if not any(c.isupper() for c in surface) and not any(c.isdigit() for c in surface):
            continue  # "city", "united", "the blues" in lower case are ordinary words
        sentence = sentence_of(sentences, starts, m.start)
        if m.kind is Kind.MANAGER:
            if not surface.split()[-1][:1].isupper():
                continue  # "slot", "frank": surnames written in lower case are ordinary words
            if _double_barrelled(text, m.start, m.end):
                continue  # "Adeyemi-Clarke" is not Clarke
            entry = gaz.managers[m.targets[0]]
            if id(m) in someone_else:
                if entry.name not in full_names:
                    namesakes.add(m.alias)  # later bare mentions mean that other person too
                continue
            if not m.full and m.alias in namesakes:
                continue
            if not m.full and someone_else and _namesakes_surname(m, raw, someone_else):
                continue  # "Simeone signs new contract" over "Giuliano Simeone has signed": the son's
            if not m.full and entry.name not in full_names and fold(m.alias) in full_surnames:
                continue  # (another man of that surname is named in full in the story)
            if entry.common_word and not m.full and entry.name not in full_names:
                window = folded[max(0, m.start - 40) : m.end + 40]
                # ("Is Parker's time up at Burnley?": his own club beside the surname says who he is)
                own_club = entry.club and any(
                    c.kind is Kind.CLUB and entry.club in c.targets and abs(c.start - m.start) <= 60 for c in raw
                )
                if not own_club and not re.search(r"\b(?:boss|manager|coach|head coach|gaffer|job)\b", window):
                    continue
                if _ROLE_NEXT.match(folded, m.end) or _CLUB_VERB_NEXT.match(folded, m.end):
                    # "to become Santos head coach", "Santos had dismissed Vojvoda": the club of that name
                    # (the knowledge base's "Santos FC"), not the man
                    if club := gaz.club_by_key(f"{surface} FC"):
                        out.clubs.append(ClubRef(club, m.start, m.end, sentence))
                        out.spans.append((m.start, m.end))
                    continue
            # "after Motta, De Rossi and Mancini all turned the job down": the head of a list of people
            # is one of them, not the man the job was left by.
            listed = any(
                folded.startswith(sep, m.end) and m.end + len(sep) in manager_starts for sep in _LIST_SEPARATORS
            )
            incumbent = not listed and bool(
                INCUMBENT_BEFORE.search(folded[max(0, m.start - 48) : m.start])
                or INCUMBENT_AFTER.match(folded[m.end : m.end + 30])
            )
            out.people.append(PersonRef(entry.name, m.start, m.end, sentence, True, True, incumbent))
            out.spans.append((m.start, m.end))
        elif m.kind is Kind.CLUB:
            if " " not in m.alias and _first_name_before(text, m, ends, mention_starts):
                continue  # "Bruno Guimarães": a player's surname, not Vitória de Guimarães
            if " " not in m.alias and (_OTHER_TEAM_AFTER.match(text, m.end) or m.alias in towns):
                other_teams.add(m.end + 1)  # (and "Tigers" there is not Hull City)
                continue  # "Wigan Warriors", "Sale Sharks": the town's team of another sport
            if folded.endswith("radio ", 0, m.start):
                continue  # "told BBC Radio Leeds": a radio station, not the club
            if folded.endswith(("a ", "an "), 0, m.start) and _TOWN_NOUN_AFTER.match(folded, m.end):
                continue  # "his day job at a Stockport school": the town, not the club
            if _YOUTH_AFTER.match(folded, m.end):
                continue  # "Scotland Under-21 head coach", "the Chelsea academy": a team below the first team
            if gaz.clubs[m.targets[0]].national and (
                _COMPETITION.search(folded, max(0, m.start - 12), m.start) or _double_barrelled(text, m.start, m.end)
            ):
                continue  # "Coupe de France", "Ouest-France": a cup or a newspaper, not the national team
            place = _PLACE.search(folded, max(0, m.start - 20), m.start)
            if (
                place
                and (gaz.clubs[m.targets[0]].national or not _INTEREST.search(folded, max(0, m.start - 30), m.start))
                and not _ROLE_NEXT.match(folded, m.end)  # "in Famalicão coach Hugo Oliveira's contract"
            ):
                last_place = m.end
                continue  # "met him in Monaco", "his time in Spain": a place, not the club
            if gaz.clubs[m.targets[0]].national and _LIST_ON.fullmatch(folded, last_place, m.start):
                last_place = m.end
                continue  # "offers from clubs in England, Saudi Arabia and elsewhere": the next place
            if (
                gaz.clubs[m.targets[0]].national
                and _PLACE_TO.search(folded, max(0, m.start - 20), m.start)
                and not _NATIONAL_JOB_NEXT.match(folded, m.end)
            ):
                continue  # "keen on a return to Belgium", "a move to Saudi Arabia": the country
            out.clubs.append(ClubRef(m.targets[0], m.start, m.end, sentence))
            out.spans.append((m.start, m.end))
        elif m.kind is Kind.SHARED:
            if surface[:1].isupper() and not _double_barrelled(text, m.start, m.end):
                shared.append(m)
        elif m.kind is Kind.AMBIGUOUS:
            if " " not in m.alias and _first_name_before(text, m, ends, mention_starts):
                continue  # "Warrington Wolves": a town's other team, not the Wolves we know
            ambiguous.append(m)
        elif m.kind is Kind.SOURCE:
            key = fold(surface)
            if len(surface) <= 3 and surface != m.alias:
                continue
            if key in _COMMON_WORD_SOURCES and not _ATTRIBUTION.search(folded[max(0, m.start - 30) : m.start]):
                continue
            if gaz.sources[m.targets[0]].kind == "outlet" and _OF_A_PLACE.match(text, m.end):
                continue  # "The Times of India": another paper than the one the name alone is
            out.sources.append((m.targets[0], m.start))
            out.spans.append((m.start, m.end))

    _drop_compounds(text, out)
    resolve_unknown_clubs(text, out, gaz, sentences, starts)
    _resolve_ambiguous(ambiguous, out, gaz, sentences, starts, jobs)
    _resolve_shared(shared, text, out, gaz, (sentences, starts), (full_names, jobs))
    resolve_unknown_people(text, out, gaz, sentences, starts)
    first_name_mentions(text, out, sentences, starts)
    resolve_anaphora(folded, out, gaz, sentences, starts, text)
    find_home_clubs(text, folded, out)
    out.official = official_statement(folded, out, sentences)
    named = {c.name for c in out.clubs if c.start not in out.opponents}
    for person in out.people:
        known = gaz.managers.get(person.name)
        club = jobs.get(person.name, known.club if known is not None else "")
        if club:
            out.kb_home[person.name] = club
            if club in named:
                out.likely_home[person.name] = club
    out.incumbents = {p.name for p in out.people if p.incumbent}
    women_sides(folded, sentences, out, gaz)
    out.people.sort(key=lambda p: p.start)
    out.clubs.sort(key=lambda c: c.start)
    return out


_BARREL_BEFORE = WordGate(r"(?<![\w'’])(?!(?:Anti|Pro|Ex|Non|Post|Pre|Mid|Neo|Under|Over)-)[A-Z][\w'’]*[a-z]-$")
_BARREL_AFTER = re.compile(r"-[A-Z][a-z]")


def _double_barrelled(text: str, start: int, end: int) -> bool:
    """A name joined by a hyphen to another capitalised name is part of a double-barrelled surname."""
    return bool(_BARREL_BEFORE.search(text, max(0, start - 20), start) or _BARREL_AFTER.match(text, end))


# (and a broadcaster's name: "told BBC Scotland", "Sky Sports Scotland")
_COMPETITION = EndGate(
    r"\b(?:coupe de|copa do|copa de|copa|coppa|taca de|taca|beker van|bbc|sky sports|sky|itv|stv|rte|"
    r"espn|fox sports|bein sports|dazn|tnt sports|premier sports) $"
)
# Searched only in the words before a club: guarded, not literal-scanned (see bot/analysis/prefilter.py).
_TOWN_NOUN_AFTER = re.compile(
    r" (?:(?:primary|secondary|grammar|comprehensive|private|local) )?(?:school|hospital|business|firm|company|pub|"
    r"church|college|university|council|charity|family|boy|girl|lad|native|hotel|restaurant|shop|factory|court|"
    r"builder|plumber|solicitor|accountant|warehouse)\b"
)
_PLACE = EndGate(r"\b(?:in|near|outside|around) $")
_INTEREST = LiteralScan(
    r"\b(?:interest|interested|success|career|spell|stint|job|role|work|time|post) (?:in|at|from|to) $"
)
# A town's team of another sport, named by the town and a nickname no football club there carries.
# ("England Under-21", "England's Under-21s", "England's Under-17 women's team": a team below the first team)
_YOUTH_AFTER = re.compile(rf"(?:'s|’s)?\s+(?:{YOUTH_TEAM}|olympic)\b")
_OTHER_TEAM_AFTER = re.compile(
    r" (?:Warriors|Rhinos|Saints|Tigers|Giants|Bulls|Dragons|Sharks|Bears|Chiefs|Falcons|Steelers|Panthers|"
    r"Red Devils|Devils|Broncos|Trinity|Centurions|Vikings|Raiders|Knights|Blaze|Kingston Rovers|KR|Rugby|RFC|"
    r"RLFC|RUFC|CCC|Cricket)\b"
)
_PLACE_TO = EndGate(
    # ("the backroom staff he brought from Sweden": where they came from, not the national team)
    # ("Bradley travelled to England on Friday to meet the chairman": where he went)
    r"\b(?:(?:return|returning|move|moved|moving|back|relocat\w*|emigrat\w*|head(?:ed|ing)?|travel+(?:ed|ing)?|"
    r"flew|flown|flying|jet(?:ted|ting)?) to|"
    r"(?:brought|came|come|moved|travelled|flew|imported) (?:over |in )?from) $"
)
_NATIONAL_JOB_NEXT = re.compile(r"(?:'s)? (?:job|post|role|national team|bench|dugout|manager|head coach|coach|boss)\b")
_CLUB_VERB_NEXT = re.compile(r" (?:have|has|had) (?:dismissed|sacked|appointed|named|hired|parted)\b")
_ROLE_NEXT = re.compile(r"(?:'s)? (?:manager|head coach|coach|boss)\b")
_LIST_ON = re.compile(r",? (?:and|or) |, ")  # between two items of a list
_NEXT_WORD = re.compile(r"\s([A-Z][a-z][\w'-]*)")


def _drop_compounds(text: str, out: Resolved) -> None:
    """ "Leicester Tigers", "Wigan Warriors": two club names run together name another club (often
    another sport's), neither of ours."""
    clubs = sorted(out.clubs, key=lambda c: c.start)
    dropped = set()
    for a, b in itertools.pairwise(clubs):
        if b.start == a.end + 1 and text[a.end] == " " and a.name != b.name:
            dropped |= {a.start, b.start}
    if dropped:
        out.clubs[:] = [c for c in out.clubs if c.start not in dropped]
        out.spans[:] = [s for s in out.spans if s[0] not in dropped]


def _first_name_before(text: str, m: Mention, ends: set[int], starts: set[int]) -> bool:
    """A one-word club alias right after a capitalised word that is no name we know: a person's surname."""
    del starts
    before = _preceding_word(text[max(0, m.start - 30) : m.start])
    if not before or not before[0][0].isupper() or _title_case(text, m.start):
        return False
    word, spaces = before
    word_end = m.start - spaces
    if word.endswith(("'s", "’s", ".")) or word_end in ends or word.isupper():
        return False
    return fold(word) not in NOT_PEOPLE and fold(word) not in _CLUB_WORDS


_CLUB_WORDS = frozenset({"fc", "afc", "cf", "sc", "ac", "as", "real", "sporting", "atletico", "athletic", "vitoria"})


def _namesakes_surname(m: Mention, raw: list[Mention], someone_else: set[int]) -> bool:
    """A bare surname that both a known manager and a namesake named in full carry is the one named in full
    nearest before it (the first named after it, for a headline): "Simeone signs new contract" over "Giuliano
    Simeone has signed …, the son of head coach Diego Simeone"."""
    key = fold(m.alias)
    others = [x for x in raw if id(x) in someone_else and fold(x.alias) == key]
    if not others:
        return False
    his = [x for x in raw if x.kind is Kind.MANAGER and x.full and x.targets[0] == m.targets[0]]
    named = sorted([*others, *his], key=lambda x: x.start)
    before = [x for x in named if x.end <= m.start]
    nearest = before[-1] if before else next((x for x in named if x.start > m.start), None)
    return nearest is not None and id(nearest) in someone_else


def _namesake(text: str, m: Mention, ends: set[int], starts: set[int], name: str) -> bool:
    """A surname preceded by someone else's first name ("Marcos Alonso"), or a first name followed by
    someone else's surname ("Xavi Simons"), is another person."""
    following = _NEXT_WORD.match(text, m.end)
    if (
        following
        and fold(following.group(1)) not in NOT_PEOPLE
        and fold(following.group(1)) not in fold(name).split()
        and following.start(1) not in starts
        and not _title_case(text, m.start)
    ):
        return True
    before = _preceding_word(text[max(0, m.start - 30) : m.start])
    if before and before[0] in NAME_PARTICLES and before[0] not in fold(name).split():
        # "Renato dos Santos" is not Fernando Santos: the first name stands before the particle
        particle_start = m.start - before[1] - len(before[0])
        before = _preceding_word(text[max(0, particle_start - 30) : particle_start])
        m_start = particle_start
    else:
        m_start = m.start
    if not before or not before[0][0].isupper():
        return False
    word, spaces = before
    word_end = m_start - spaces
    if word.endswith(("'s", "’s", ".")) or word_end in ends:
        return False
    if fold(word) in NOT_PEOPLE or fold(word) in fold(name).split():
        return False
    return not (word.isupper() and len(word) > 1)  # headline caps say nothing


# (a shortlist or "the running" with no job word: the names on it are known coaches' surnames)
_ON_A_LIST = re.compile(r"\b(?:shortlist\w*|short-list\w*|in (?:the )?(?:frame|running))\b")


def _about_a_job(sentence: str) -> bool:
    """Job words, a list of names, or a cue of a coach's move ("Lazio have made contact with Inzaghi")."""
    return bool(
        JOB_CONTEXT.search(sentence)
        or _ON_A_LIST.search(sentence)
        or any(c.relation in _MOVES for c in find_cues(sentence, 0, len(sentence)))
    )


_MOVES = frozenset({Relation.TALKS, Relation.OFFER, Relation.AGREED, Relation.APPOINTED, Relation.SACKED})


def _resolve_shared(
    shared: list[Mention],
    text: str,
    out: Resolved,
    gaz: Gazetteer,
    where: tuple[list[Sentence], list[int]],
    known: tuple[set[str], Mapping[str, str]],
) -> None:
    """A surname several known managers carry ("Inzaghi"), in a story naming none of them in full: the one
    whose club the story names; failing that, in a sentence about a coaching job, the name as written —
    the story does not say which of them it means, and neither does the analysis."""
    sentences, starts = where
    full_names, jobs = known
    named_clubs = {c.name for c in out.clubs}
    for m in shared:
        if _namesake(text, m, set(), set(), ""):
            continue  # "Mikkel Jorge…": a first name before it makes it someone else's surname
        if any(name in full_names for name in m.targets):
            continue  # (the story names him in full: its bare surname is read as it always was)
        at_home = [name for name in m.targets if jobs.get(name, gaz.managers[name].club) in named_clubs]
        index = sentence_of(sentences, starts, m.start)
        if len(at_home) == 1:
            name, is_known = at_home[0], True
        elif _about_a_job(fold(text[sentences[index].start : sentences[index].end])):
            name, is_known = text[m.start : m.end], False
        else:
            continue
        out.people.append(PersonRef(name, m.start, m.end, index, True, is_known))
        out.spans.append((m.start, m.end))


def _resolve_ambiguous(
    ambiguous: list[Mention],
    out: Resolved,
    gaz: Gazetteer,
    sentences: list[Sentence],
    starts: list[int],
    jobs: Mapping[str, str],
) -> None:
    """Pick the candidate the article itself names; failing that, the one its league points to."""
    if not ambiguous:
        return
    named = sorted(out.clubs, key=lambda c: c.start)
    leagues = {gaz.clubs[c.name].league for c in named if c.name in gaz.clubs}
    homes = {jobs.get(p.name, gaz.managers[p.name].club) for p in out.people if p.name in gaz.managers} - {""}
    undecided: list[Mention] = []
    for m in ambiguous:
        candidates = set(m.targets)
        present = [c for c in named if c.name in candidates]
        choice: str | None = None
        if present:
            before = [c for c in present if c.start < m.start]
            choice = (before[-1] if before else present[0]).name
        else:
            by_home = candidates & homes
            by_league = {c for c in candidates if gaz.clubs[c].league in leagues}
            if len(by_home) == 1:
                choice = next(iter(by_home))
            elif len(by_league) == 1:
                choice = next(iter(by_league))
            elif not by_league and not by_home:
                choice = gaz.ambiguous[fold_key(m.alias)].default or None
        if choice is not None:
            out.clubs.append(ClubRef(choice, m.start, m.end, sentence_of(sentences, starts, m.start)))
            out.spans.append((m.start, m.end))
        else:
            undecided.append(m)
    # ("his former club Inter … The Nerazzurri have held talks": one nickname decided the other)
    decided = {c.name for c in out.clubs}
    for m in undecided:
        among = set(m.targets) & decided
        if len(among) == 1:
            out.clubs.append(ClubRef(among.pop(), m.start, m.end, sentence_of(sentences, starts, m.start)))
            out.spans.append((m.start, m.end))
