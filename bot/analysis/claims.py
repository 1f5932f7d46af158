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
from bot.analysis.text import Sentence, fold
from bot.analysis.words import NOT_PEOPLE
from bot.domain import Relation

# Relations about the job a manager already holds: they attach to his own club.
_OWN_JOB = {Relation.STAYS, Relation.EXTENSION, Relation.SACKED, Relation.LEFT, Relation.UNDER_PRESSURE}
# Relations that need a club named in the text (never inferred from elsewhere).
_MOVE = {Relation.LINKED, Relation.TALKS, Relation.OFFER, Relation.AGREED, Relation.REJECTED, Relation.DENIED}
_MAX_GAP = 160  # characters between a cue and the names it binds
_CONDITIONAL = re.compile(r"\W*(?:if|should|whether|were|unless|in the event)\b")
_VACANCY = re.compile(r"\b(?:successor|replace\w*|vacan\w+|managerless|new (?:manager|head coach|boss)|search for)\b")
_VACANCY_GAP = 30  # an outgoing manager and the club whose job he leaves stand close together
_OWN_FALLBACK_GAP = 50  # "he was sacked": a stay/exit with no club named binds only near its manager
_OBJECT_CUES = {Relation.LINKED, Relation.TALKS, Relation.EXTENSION, Relation.OFFER}
_VAGUE_FUTURE = re.compile(r"\b(?:one day|in the future|eventually|some ?day|at some point|down the line)\b")
_FIRM = {Relation.AGREED, Relation.APPOINTED, Relation.OFFER}
_AND = re.compile(r"\s+and\s+")
_COORDINATED = re.compile(r"\s*(?:,|and|or|&|, and|, or|as well as)\s*")
_PERSON_WORD = re.compile(r"\b[A-Z][a-z][\w'-]+")
_OBJECT_PERSON = re.compile(r"^\W{0,3}(?:(?:the|a|an|for|on|in|with|to)\s+){0,2}([A-Z][a-z][\w'-]+)")


@dataclass(frozen=True, slots=True)
class RawClaim:
    manager: str
    club: str
    relation: Relation
    sentence: int
    base: float  # strength of the wording in [0, 1] before sources are weighed


def extract_claims(text: str, folded: str, sentences: list[Sentence], res: Resolved) -> list[RawClaim]:
    claims: list[RawClaim] = []
    people_by_sentence: dict[int, list[PersonRef]] = {}
    for person in res.people:
        people_by_sentence.setdefault(person.sentence, []).append(person)
    clubs_by_sentence: dict[int, list[ClubRef]] = {}
    for club in res.clubs:
        clubs_by_sentence.setdefault(club.sentence, []).append(club)
    title_is_player = _is_player_sentence(folded, sentences[0]) if sentences else False
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
        if not people and len({p.name for p in previous_people}) == 1 and not _other_subject(text, res, sentence):
            carried = previous_people[-1]
            people = [PersonRef(carried.name, sentence.start, sentence.start, sentence.index, False, carried.known)]
        if not people:
            continue
        base = _wording_strength(folded, sentence)
        for manager, club_name, cue in _claims_in_sentence(text, folded, sentence, people, clubs, cues, res, vacancy):
            claims.append(RawClaim(manager, club_name, cue.relation, sentence.index, base))
            if cue.relation in (Relation.SACKED, Relation.LEFT):
                vacancy = club_name  # the job that manager leaves is now open
    return claims


def _vacancy_club(folded: str, sentence: Sentence, people: list[PersonRef], clubs: list[ClubRef]) -> str | None:
    """The club whose job is open in this sentence: the one nearest an outgoing manager
    ("the Reds came calling looking for a Klopp successor"), or the only club beside job words."""
    if not clubs:
        return None
    leaving = [p for p in people if p.incumbent]
    if leaving:
        person = leaving[0]
        nearest = min(clubs, key=lambda c: _distance(c.start, c.end, person.start, person.end))
        if _distance(nearest.start, nearest.end, person.start, person.end) <= _VACANCY_GAP:
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


def _blocked(text: str, res: Resolved, lo: int, hi: int, sentence: Sentence) -> bool:
    """Another (unknown) person stands between the manager and the cue: the cue is about them."""
    for word in _PERSON_WORD.finditer(text, lo, hi):
        if word.start() == sentence.start or any(s <= word.start() < e for s, e in res.spans):
            continue
        if fold(word.group()).removesuffix("'s") in NOT_PEOPLE:
            continue
        if text[max(sentence.start, word.start() - 2) : word.start()].strip() in {".", "!", "?", '"', "“"}:
            continue
        return True
    return False


_NAME_PAIR = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:de|da|van|der|ten|di|le|dos)?\s*[A-Z][\w'’-]+)+")


def _other_subject(text: str, res: Resolved, sentence: Sentence) -> bool:
    """The sentence is about someone else: it starts with, or names, a person we do not know."""
    for match in _NAME_PAIR.finditer(text, sentence.start, sentence.end):
        if any(s < match.end() and match.start() < e for s, e in res.spans):
            continue
        if not any(fold(w).removesuffix("'s") in NOT_PEOPLE for w in match.group().split()):
            return True
    first = _PERSON_WORD.match(
        text,
        sentence.start
        + len(text[sentence.start : sentence.end])
        - len(text[sentence.start : sentence.end].lstrip(" \"'“‘-–0123456789:")),
    )
    if first and not any(s <= first.start() < e for s, e in res.spans):
        return fold(first.group()).removesuffix("'s") not in NOT_PEOPLE
    return False


def _rival_closer(text: str, res: Resolved, sentence: Sentence, cue: Cue, gap: int) -> bool:
    """Someone else (a player's full name) stands nearer the cue than the manager: it is theirs."""
    for match in _NAME_PAIR.finditer(text, sentence.start, sentence.end):
        if any(s < match.end() and match.start() < e for s, e in res.spans):
            continue
        words = [fold(w).removesuffix("'s") for w in match.group().split()]
        if any(w in NOT_PEOPLE for w in words):
            continue
        if _distance(match.start(), match.end(), cue.start, cue.end) < gap:
            return True
    return False


def _cue_object_is_person(text: str, res: Resolved, cue: Cue) -> bool:
    """'keen on Isak', 'linked with Gyokeres': the cue points at a player, not a club or manager."""
    match = _OBJECT_PERSON.match(text[cue.end : cue.end + 40])
    if not match:
        return False
    pos = cue.end + match.start(1)
    if any(s <= pos < e for s, e in res.spans):
        return False
    return fold(match.group(1)) not in NOT_PEOPLE


_WINDOWS: dict[Relation, tuple[int, int]] = {
    # own-job relations: how far after / before its cue the club may stand
    Relation.STAYS: (25, 0),
    Relation.LEFT: (25, 40),
    Relation.SACKED: (25, 80),
    Relation.EXTENSION: (40, 90),
    Relation.UNDER_PRESSURE: (25, 60),
    Relation.APPOINTED: (50, 70),
}
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
    vacancy: str | None,
) -> list[tuple[str, str, Cue]]:
    """Each cue belongs to the manager nearest it and binds the club its relation points at."""
    found: list[tuple[str, str, Cue]] = []
    clubs = [c for c in clubs if c.start not in res.opponents]
    for cue in cues:
        if any(p.start <= cue.start and cue.end <= p.end for p in people):
            continue  # "the former United interim manager": a description, not news
        if cue.relation in _OBJECT_CUES and _cue_object_is_person(text, res, cue):
            continue
        if cue.relation is Relation.REJECTED and _rejected_by_others(folded, cue, people):
            continue
        owner = min(people, key=lambda p: _distance(p.start, p.end, cue.start, cue.end))
        gap = _distance(owner.start, owner.end, cue.start, cue.end)
        if gap > _MAX_GAP:
            continue
        if owner.end > owner.start:
            lo, hi = (owner.end, cue.start) if owner.start < cue.start else (cue.end, owner.start)
            if _blocked(text, res, lo, hi, sentence) or _rival_closer(text, res, sentence, cue, gap):
                continue
        for person in _coordinated_people(folded, owner, people, res):
            for club in _targets(folded, sentence, person, cue, clubs, res, vacancy):
                found.append((person.name, club, cue))
    return found


_PEOPLE_LIST = re.compile(
    r"\s*(?:,|and|or|as well as|, and|, or)\s+(?:(?:the\s+)?(?:former|ex-|ex|current)\s+)?"
    r"(?:@(?:\s*(?:,|and|or|&)\s*@)*(?:'s)?\s+)?(?:(?:boss|manager|head coach|coach)\s+)?"
)


def _rejected_by_others(folded: str, cue: Cue, people: list[PersonRef]) -> bool:
    """ "fans say no to Lopetegui", "Bayern rejected Tuchel": the manager is the one turned down,
    not the one turning a job down (that is "rejected by", or the manager as the subject)."""
    after = [p for p in people if p.start >= cue.end and p.start - cue.end <= 25]
    before = [p for p in people if p.end <= cue.start and cue.start - p.end <= 60]
    return bool(after) and not before and "by " not in folded[cue.end : after[0].start]


def _coordinated_people(folded: str, owner: PersonRef, people: list[PersonRef], res: Resolved) -> list[PersonRef]:
    """ "Newcastle's Eddie Howe and former Chelsea boss Graham Potter are being considered": a cue
    after a list of managers is about each of them."""
    explicit = sorted({p.start: p for p in people if p.explicit}.values(), key=lambda p: p.start)
    if owner not in explicit:
        return [owner]
    index = explicit.index(owner)
    group = [owner]
    for step in (-1, 1):
        i = index
        while 0 <= i + step < len(explicit):
            a, b = (explicit[i + step], explicit[i]) if step == -1 else (explicit[i], explicit[i + step])
            gap = folded[a.end : b.start]
            for club in res.clubs:  # club names in the gap read as "@"
                if a.end <= club.start and club.end <= b.start:
                    gap = gap.replace(folded[club.start : club.end], "@", 1)
            if not _PEOPLE_LIST.fullmatch(gap):
                break
            group.append(explicit[i + step])
            i += step
    return group


def _targets(
    folded: str,
    sentence: Sentence,
    owner: PersonRef,
    cue: Cue,
    clubs: list[ClubRef],
    res: Resolved,
    vacancy: str | None,
) -> list[str]:
    home = res.home.get(owner.name)
    former = res.former.get(owner.name, set())
    relation = cue.relation
    returning = "return" in folded[cue.start : cue.end + 10] or relation is Relation.LEFT
    # A club named as a manager's former club describes him ("a former Barcelona player"); that mention
    # is not where he is going, but other mentions of the same club may be.
    pool = [c for c in clubs if returning or c.name not in former or c.start not in res.descriptors]
    if relation in _WINDOWS:
        after, before = _WINDOWS[relation]
        near = [
            c
            for c in pool
            if (cue.end <= c.start and c.start - cue.end <= after)
            or (c.end <= cue.start and cue.start - c.end <= before)
        ]
        if near:
            best = min(near, key=lambda c: _distance(c.start, c.end, cue.start, cue.end))
            return _with_coordinated(folded, best, pool)
        if _distance(owner.start, owner.end, cue.start, cue.end) > _OWN_FALLBACK_GAP:
            return []
        if relation is Relation.APPOINTED:
            fallback = vacancy or _previous_club(res, sentence)
            return [fallback] if fallback and fallback not in former else []
        fallback = home or _previous_club(res, sentence) or res.likely_home.get(owner.name)
        return [fallback] if fallback and not clubs else ([home] if home else [])
    if relation in _MOVE or relation is Relation.APPOINTED:
        pool = [c for c in pool if c.start not in res.descriptors]
    if relation in _MOVE:
        pool = [c for c in pool if c.name != home]
        if owner.end <= cue.start and owner.end > owner.start:
            # "Alonso is linked with <club>"; "<club> and Alonso are in talks"
            pool = [c for c in pool if c.start >= owner.end or _AND.fullmatch(folded, c.end, owner.start)]
    scored: list[tuple[float, ClubRef]] = []
    for club in pool:
        gap = _distance(club.start, club.end, cue.start, cue.end)
        if gap > _MAX_GAP:
            continue
        scored.append((gap if cue.end <= club.start else gap * 1.6 + 5, club))
    if not scored:
        if any(c.start not in res.descriptors for c in clubs):
            return []
        target = vacancy or _previous_club(res, sentence)
        return [target] if target and target != home else []
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


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    if a_end <= b_start:
        return b_start - a_end
    if b_end <= a_start:
        return a_start - b_end
    return 0
