"""Sentence-level claims: which manager, which club, which relation, on what evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.analysis.refs import ClubRef, PersonRef, Resolved
from bot.analysis.relations import (
    HEDGES,
    JOB_CONTEXT,
    OFFICIAL,
    PLAYER_CONTEXT,
    Cue,
    find_cues,
)
from bot.analysis.subjects import (
    OWN_EXIT,
    blocked,
    coordinated_people,
    cue_object_is_person,
    distance,
    other_subject,
    owner_of,
    rejected_by_others,
    rival_closer,
)
from bot.analysis.text import Sentence
from bot.domain import Relation

# Relations about the job a manager already holds: they attach to his own club.
_OWN_JOB = {Relation.STAYS, Relation.EXTENSION, Relation.SACKED, Relation.LEFT, Relation.UNDER_PRESSURE}
# Relations that need a club named in the text (never inferred from elsewhere).
_MOVE = {Relation.LINKED, Relation.TALKS, Relation.OFFER, Relation.AGREED, Relation.REJECTED, Relation.DENIED}
_MAX_GAP = 160  # characters between a cue and the names it binds
_CONDITIONAL = re.compile(r"\W*(?:if|should|whether|were|unless|in the event)\b")
_VACANCY = re.compile(
    r"\b(?:successor|replace\w*|vacan\w+|managerless|new (?:manager|head coach|boss|coach)|search(?:ing)? for)\b"
)
_VACANCY_GAP = 30  # an outgoing manager and the club whose job he leaves stand close together
_OWN_FALLBACK_GAP = 50  # "he was sacked": a stay/exit with no club named binds only near its manager
_OBJECT_CUES = {Relation.LINKED, Relation.TALKS, Relation.EXTENSION, Relation.OFFER}
_VAGUE_FUTURE = re.compile(r"\b(?:one day|in the future|eventually|some ?day|at some point|down the line)\b")
_FIRM = {Relation.AGREED, Relation.APPOINTED, Relation.OFFER}
_AND = re.compile(r"\s+and\s+")
_COORDINATED = re.compile(r"\s*(?:,|and|or|&|, and|, or|as well as)\s*")


@dataclass(frozen=True, slots=True)
class RawClaim:
    manager: str
    club: str
    relation: Relation
    sentence: int
    base: float  # strength of the wording in [0, 1] before sources are weighed
    generic: bool = False  # an exit word that does not say who decided ("exit", "parted company")


def extract_claims(text: str, folded: str, sentences: list[Sentence], res: Resolved) -> list[RawClaim]:
    claims: list[RawClaim] = []
    people_by_sentence: dict[int, list[PersonRef]] = {}
    for person in res.people:
        people_by_sentence.setdefault(person.sentence, []).append(person)
    clubs_by_sentence: dict[int, list[ClubRef]] = {}
    for club in res.clubs:
        clubs_by_sentence.setdefault(club.sentence, []).append(club)
    title_is_player = _is_player_sentence(folded, sentences[0]) if sentences else False
    story = _story_club(clubs_by_sentence.get(0, []), res)
    last_people: list[PersonRef] = []
    last_paragraph = last_sentence = -1
    vacancy: str | None = None

    for sentence in sentences:
        here = people_by_sentence.get(sentence.index, [])
        people = [p for p in here if not p.incumbent]
        clubs = clubs_by_sentence.get(sentence.index, [])
        vacancy = _vacancy_club(folded, sentence, here, clubs) or vacancy
        near = last_paragraph == sentence.paragraph or last_sentence == sentence.index - 1
        previous_people = last_people if near else []
        # Cues can only make a claim when the sentence names someone or carries one person over
        # from the sentence before; elsewhere the costly cue scan is skipped.
        cues = []
        if people or len({p.name for p in previous_people}) == 1:
            cues = [c for c in find_cues(folded, sentence.start, sentence.end) if not c.negated]
        if cues and (
            _CONDITIONAL.match(folded, sentence.start) or _VAGUE_FUTURE.search(folded, sentence.start, sentence.end)
        ):
            cues = [replace(c, relation=Relation.LINKED) if c.relation in _FIRM else c for c in cues]
        if people and (cues or _job(folded, sentence)):
            # Only a sentence about a job hands its manager on to the next ("He held talks…").
            last_people, last_paragraph, last_sentence = people, sentence.paragraph, sentence.index
        elif people:
            last_people = []
        if not cues:
            continue
        if _is_player_sentence(folded, sentence) or (
            sentence.index > 0 and title_is_player and not _job(folded, sentence)
        ):
            continue
        if not people and len({p.name for p in previous_people}) == 1 and not other_subject(text, res, sentence):
            carried = previous_people[-1]
            people = [PersonRef(carried.name, sentence.start, sentence.start, sentence.index, False, carried.known)]
        if not people:
            continue
        base = _wording_strength(folded, sentence)
        scene = _Scene(vacancy, story, here, vacancy)
        for manager, club_name, cue in _claims_in_sentence(text, folded, sentence, people, clubs, cues, res, scene):
            generic = _GENERIC_EXIT.fullmatch(folded, cue.start, cue.end) is not None
            claims.append(RawClaim(manager, club_name, cue.relation, sentence.index, base, generic))
            if _opens_job(folded, sentence, cue):
                vacancy = club_name  # the job that manager leaves is now open
    return claims


@dataclass(frozen=True, slots=True)
class _Scene:
    """What a sentence's claims may fall back on."""

    vacancy: str | None  # the club whose job is open
    story: str | None  # the one club the headline is about
    everyone: list[PersonRef]  # every person named in the sentence, outgoing ones included
    earlier: str | None = None  # the open job as the sentence began


_EXIT = (Relation.SACKED, Relation.LEFT)
# Exit words that do not say whose decision it was; a specific word elsewhere wins.
_GENERIC_EXIT = re.compile(
    r"exit|exits|departure|depart\w*|left|leave|leaves|leaving|farewell|part(?:ed|ing)? (?:company|ways)(?: with)?"
)
# "left the club", "turned the job down": the club the story is about.
_THE_CLUB = re.compile(r"\b(?:the (?:club|job|role|post|position|federation)|(?:his|her) (?:job|role|post|position))\b")
# "has been out of work since he was dismissed", "a year after he had been sacked": background, not
# the job that is open now.
_BACKGROUND = re.compile(r"\b(?:since|had been|had|previously|formerly)\b")


def _opens_job(folded: str, sentence: Sentence, cue: Cue) -> bool:
    return cue.relation in _EXIT and not _BACKGROUND.search(folded, max(sentence.start, cue.start - 40), cue.start)


def _story_club(title_clubs: list[ClubRef], res: Resolved) -> str | None:
    names = {c.name for c in title_clubs if c.start not in res.opponents}
    return next(iter(names)) if len(names) == 1 else None


def _vacancy_club(folded: str, sentence: Sentence, people: list[PersonRef], clubs: list[ClubRef]) -> str | None:
    """The club whose job is open in this sentence: the one nearest an outgoing manager
    ("the Reds came calling looking for a Klopp successor"), or the only club beside job words."""
    if not clubs:
        return None
    leaving = [p for p in people if p.incumbent]
    if leaving:
        person = leaving[0]
        nearest = min(clubs, key=lambda c: distance(c.start, c.end, person.start, person.end))
        if distance(nearest.start, nearest.end, person.start, person.end) <= _VACANCY_GAP:
            return nearest.name
    if len({c.name for c in clubs}) == 1 and _VACANCY.search(folded, sentence.start, sentence.end):
        return clubs[0].name
    return None


def _job(folded: str, sentence: Sentence) -> bool:
    return JOB_CONTEXT.search(folded, sentence.start, sentence.end) is not None


def _is_player_sentence(folded: str, sentence: Sentence) -> bool:
    player = len(PLAYER_CONTEXT.findall(folded, sentence.start, sentence.end))
    job = len(JOB_CONTEXT.findall(folded, sentence.start, sentence.end))
    return player > 0 and player > job


def _wording_strength(folded: str, sentence: Sentence) -> float:
    value = 0.6
    hedges = len(HEDGES.findall(folded, sentence.start, sentence.end))
    official = len(OFFICIAL.findall(folded, sentence.start, sentence.end))
    value -= min(hedges, 3) * 0.08
    value += min(official, 2) * 0.12
    return max(0.1, min(value, 0.95))


_WINDOWS: dict[Relation, tuple[int, int]] = {
    # own-job relations: how far after / before its cue the club may stand
    Relation.STAYS: (25, 0),
    Relation.LEFT: (25, 40),
    Relation.SACKED: (25, 80),
    Relation.EXTENSION: (40, 90),
    Relation.UNDER_PRESSURE: (25, 60),
    Relation.APPOINTED: (50, 70),
}
_BY = re.compile(r"\s+by\s+(?:the\s+)?")
_COUNTERPARTY = re.compile(r"(?:with|from)\s+$")
_NEGOTIATION = {Relation.TALKS, Relation.OFFER, Relation.AGREED}


def _claims_in_sentence(
    text: str,
    folded: str,
    sentence: Sentence,
    people: list[PersonRef],
    clubs: list[ClubRef],
    cues: list[Cue],
    res: Resolved,
    scene: _Scene,
) -> list[tuple[str, str, Cue]]:
    """Each cue belongs to the manager nearest it and binds the club its relation points at."""
    found: list[tuple[str, str, Cue]] = []
    clubs = [c for c in clubs if c.start not in res.opponents]
    exits: set[tuple[str, str]] = set()  # (manager, club) left in this sentence: not where he goes
    # Exits first, so a club a manager is said to have left is not also taken as his destination.
    for cue in sorted(cues, key=lambda c: c.relation not in _EXIT):
        if any(p.start <= cue.start and cue.end <= p.end for p in people):
            continue  # "the former United interim manager": a description, not news
        if cue.relation in _OBJECT_CUES and cue_object_is_person(text, res, cue):
            continue
        if cue.relation is Relation.REJECTED and rejected_by_others(folded, cue, people):
            continue
        # "after Maresca's exit", "after Blanc is sacked": an outgoing manager named right before an
        # exit word is the one it is about.
        outgoing = [
            p
            for p in scene.everyone
            if p.incumbent and cue.relation in _EXIT and OWN_EXIT.fullmatch(folded, p.end, cue.start)
        ]
        owner = owner_of(folded, people + outgoing, cue)
        gap = distance(owner.start, owner.end, cue.start, cue.end)
        if gap > _MAX_GAP:
            continue
        if owner.end > owner.start:
            lo, hi = (owner.end, cue.start) if owner.start < cue.start else (cue.end, owner.start)
            if blocked(text, res, lo, hi, sentence) or rival_closer(text, res, sentence, cue, gap):
                continue
        for person in coordinated_people(folded, owner, people, res):
            for club in _targets(folded, sentence, person, cue, clubs, res, scene, exits):
                found.append((person.name, club, cue))
                if cue.relation in _EXIT:
                    exits.add((person.name, club))
                if _opens_job(folded, sentence, cue):
                    scene = replace(scene, vacancy=club)  # "X was sacked, and Y took interim charge"
    return found


def _targets(
    folded: str,
    sentence: Sentence,
    owner: PersonRef,
    cue: Cue,
    clubs: list[ClubRef],
    res: Resolved,
    scene: _Scene,
    exits: set[tuple[str, str]],
) -> list[str]:
    vacancy = scene.vacancy
    home = res.home.get(owner.name)
    relation = cue.relation
    former = res.former.get(owner.name, set())
    if relation not in _EXIT:  # the rest of his career ("most recently in charge of X") is not his new job
        former = former | res.career.get(owner.name, set())
    returning = "return" in folded[cue.start : cue.end + 10] or relation is Relation.LEFT
    # A club named as a manager's former club describes him ("a former Barcelona player"); that mention
    # is not where he is going, but other mentions of the same club may be.
    pool = [c for c in clubs if returning or c.name not in former or c.start not in res.descriptors]
    # "Rodgers, the former Liverpool and Leicester City manager, leaves": clubs inside a description.
    described = [(p.start, p.end) for p in res.people if not p.explicit and p.sentence == sentence.index]
    pool = [c for c in pool if not any(s <= c.start and c.end <= e for s, e in described)]
    if relation in _WINDOWS:
        after, before = _WINDOWS[relation]
        near = [
            c
            for c in pool
            if (cue.end <= c.start and c.start - cue.end <= after)
            or (c.end <= cue.start and cue.start - c.end <= before)
            or (cue.start <= c.start and c.end <= cue.end)  # "extends Germany contract"
        ]
        if near:
            # "appointed by Ajax", "dismissed by Wolves": the club doing it, wherever else clubs stand.
            agent = [c for c in near if _BY.fullmatch(folded, cue.end, c.start)]
            best = agent[0] if agent else min(near, key=lambda c: distance(c.start, c.end, cue.start, cue.end))
            return _with_coordinated(folded, best, pool)
        if distance(owner.start, owner.end, cue.start, cue.end) > _OWN_FALLBACK_GAP:
            return []
        if relation is Relation.APPOINTED:
            fallback = vacancy or _previous_club(res, sentence)
            return [fallback] if fallback and fallback not in former else []
        names = {c.name for c in clubs}
        if not home and _THE_CLUB.search(folded, cue.start, min(sentence.end, cue.end + 24)):
            # "left the club", "left his role": the club the story is about.
            target = scene.story or vacancy
            if target:
                return [target]
        # "The vacancy arose when X was sacked": the open job is the one he lost.
        open_job = (
            vacancy
            if relation in _EXIT
            and vacancy
            and (vacancy in names or _VACANCY.search(folded, sentence.start, sentence.end))
            else None
        )
        if not clubs:
            fallback = home or open_job or _previous_club(res, sentence) or res.likely_home.get(owner.name)
        else:  # "X was sacked two days after <the headline's club>'s defeat"
            likely = res.likely_home.get(owner.name)
            # "I'm going nowhere" in a story about the club he is linked with: not that club.
            story = scene.story if relation is not Relation.STAYS else None
            fallback = home or open_job or next((c for c in (likely, story) if c in names), None)
        return [fallback] if fallback else []
    if relation in _MOVE or relation is Relation.APPOINTED:
        pool = [c for c in pool if c.start not in res.descriptors]
    if relation in _MOVE:
        pool = [c for c in pool if c.name != home and (owner.name, c.name) not in exits]
        clubs = [c for c in clubs if (owner.name, c.name) not in exits]
        if owner.end <= cue.start and owner.end > owner.start:
            # "Alonso is linked with <club>"; "<club> and Alonso are in talks"
            pool = [c for c in pool if c.start >= owner.end or _AND.fullmatch(folded, c.end, owner.start)]
    scored: list[tuple[float, ClubRef]] = []
    for club in pool:
        gap = distance(club.start, club.end, cue.start, cue.end)
        if gap > _MAX_GAP:
            continue
        scored.append((gap if cue.end <= club.start else gap * 1.6 + 5, club))
    if not scored:
        if _THE_CLUB.search(folded, cue.start, min(sentence.end, cue.end + 24)):
            # "turned the job down", "no contact with the federation": the job the story is about.
            target = scene.story or vacancy
            return [target] if target and target != home else []
        if any(c.start not in res.descriptors for c in clubs):
            return []
        target = vacancy if (owner.name, vacancy) not in exits else scene.earlier
        target = target or _previous_club(res, sentence)
        return [target] if target and target != home and (owner.name, target) not in exits else []
    scored.sort(key=lambda item: item[0])
    best = scored[0][1]
    if (
        relation in _NEGOTIATION
        and best.start >= cue.end
        and _COUNTERPARTY.search(folded[max(0, best.start - 8) : best.start])
    ):
        subjects = [c for _, c in scored if c.end <= cue.start and cue.start - c.end <= 40]
        if subjects:
            best = subjects[-1]
    return _with_coordinated(folded, best, pool)


def _with_coordinated(folded: str, best: ClubRef, pool: list[ClubRef]) -> list[str]:
    """ "rejecting Bayern and Liverpool": clubs listed together share one cue."""
    ordered = sorted(pool, key=lambda c: c.start)
    index = ordered.index(best)
    names = [best.name]
    for step in (1, -1):
        i = index
        while 0 <= i + step < len(ordered):
            a, b = (ordered[i], ordered[i + step]) if step == 1 else (ordered[i + step], ordered[i])
            if not _COORDINATED.fullmatch(folded[a.end : b.start]):
                break
            names.append(ordered[i + step].name)
            i += step
    return list(dict.fromkeys(names))


def _previous_club(res: Resolved, sentence: Sentence) -> str | None:
    """The club named in this paragraph's previous sentences, when there is exactly one."""
    names = {c.name for c in res.clubs if sentence.index - 2 <= c.sentence < sentence.index}
    return next(iter(names)) if len(names) == 1 else None
