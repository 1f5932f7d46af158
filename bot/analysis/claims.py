"""Sentence-level claims: which manager, which club, which event, held how, on what evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from bot.analysis.binding import EXITS, bind, gapped_pairs, own_clubs
from bot.analysis.clauses import Clause, Kind, clause_at, same_statement, split_clauses
from bot.analysis.club_roles import leads_his_own_team
from bot.analysis.cue_owner import (
    TITLE_BEFORE_NAME,
    anothers_cue,
    antecedent_of,
    apposed_successor,
    coach_in_question,
    coach_kept,
    denial_replaces,
    denied_event,
    denied_subject,
    epithet_of,
    in_quote,
    not_in_question_of_another,
    object_of_talks,
    other_subject_before,
    player_subject,
    possessor_only,
    spoke_to_media,
    unknown_subject_of_statement,
)
from bot.analysis.cues import Cue, find_cues
from bot.analysis.dates import long_ago
from bot.analysis.entries import candidate_entry
from bot.analysis.factuality import classify
from bot.analysis.gazetteer import Gazetteer
from bot.analysis.interviewee import his_own_words, interviewee
from bot.analysis.members import Factuality, Relation
from bot.analysis.pronouns import pronouns_fit
from bot.analysis.quick_init import quick_init
from bot.analysis.raw_claim import RawClaim
from bot.analysis.refs import ClubRef, PersonRef, Resolved
from bot.analysis.relations import CANDIDATE_LIST, PARTED
from bot.analysis.scene import Scene
from bot.analysis.sentence_context import (
    about_a_job,
    hands_on,
    heading_club,
    inline_heading,
    is_player_sentence,
    live_entry,
    new_question,
    ranked_entry,
    story_club,
    topic_club,
    vacancy_club,
    without_vague_wishes,
    wording_strength,
)
from bot.analysis.speech import quoted_third_person
from bot.analysis.sport import other_sport_paragraphs
from bot.analysis.staff import ASSISTANT_BEFORE, HEAD_COACH_MOVE, ROLE_CUES, STAFF_HEADLINE, staff_role
from bot.analysis.subjects import (
    OWN_EXIT,
    also_named,
    blocked,
    cannot_refuse,
    coordinated_people,
    cue_object_is_person,
    described_before,
    distance,
    led_by_a_stranger,
    left_by_a_result,
    other_subject,
    owner_of,
    rejected_by_others,
    rival_closer,
    sacks_a_stranger,
)
from bot.analysis.text import Sentence, fold
from bot.analysis.timing import is_caretaker, stays_on, takes_effect_later, talked_about, told_before, urged
from bot.domain import stage_for

_JOB_AT_RISK = (Relation.UNDER_PRESSURE, Relation.SACKED)
_LINKING = frozenset({Relation.LINKED, Relation.TALKS, Relation.OFFER})
_OBJECT_CUES = {Relation.LINKED, Relation.TALKS, Relation.EXTENSION, Relation.OFFER}
_PREDECESSOR = re.compile(r"\s+(?:his|her) (?:predecessor|immediate predecessor)\b")
_MAX_GAP = 160  # characters between a cue and the names it binds
# "would love to manage Barcelona one day": a wish, not a rumour.
# Exit words that do not say whose decision it was; a specific word elsewhere wins.
_HAD_BEEN = re.compile(r"\bhad been $")  # (not "had also been considered": part of the saga told)
_GENERIC_EXIT = re.compile(
    r"exit|exits|departure|depart\w*|left|leave|leaves|leaving|farewell|part(?:ed|ing)? (?:company|ways)(?: with)?|"
    r"(?:will |would |is |are )?not (?:continue|carry on|stay on|remain|be (?:staying|continuing)) "
    r"(?:as|in charge|beyond|at)"
)
# Events a club or manager announces ahead of time ("will leave at the end of the season").
_ANNOUNCED_AHEAD = frozenset({Relation.LEFT, Relation.APPOINTED, Relation.SACKED})


def _describes(clause: Clause, owner: PersonRef) -> bool:
    """A relative clause set right after the owner's name: it is about him."""
    return clause.kind is Kind.RELATIVE and 0 <= clause.start - owner.end <= 2


def extract_claims(
    text: str,
    folded: str,
    sentences: list[Sentence],
    res: Resolved,
    published: datetime | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[RawClaim]:
    claims: list[RawClaim] = []
    people_by_sentence: dict[int, list[PersonRef]] = {}
    for person in res.people:
        people_by_sentence.setdefault(person.sentence, []).append(person)
    clubs_by_sentence: dict[int, list[ClubRef]] = {}
    for club in res.clubs:
        clubs_by_sentence.setdefault(club.sentence, []).append(club)
    # (the headline's own cues count: "Corinthians and Dorival part company after derby defeat")
    # (cues only ever lower a sentence's player words, so they are looked for only when there are some)
    title_is_player = (
        bool(sentences)
        and is_player_sentence(folded, sentences[0])
        and is_player_sentence(folded, sentences[0], find_cues(folded, sentences[0].start, sentences[0].end))
    )
    # "Aston Villa name X assistant head coach": "the Spaniard" and "he" that follow are the new
    # member of staff, not the manager.
    title_is_staff = bool(sentences) and STAFF_HEADLINE.search(folded, sentences[0].start, sentences[0].end) is not None
    elsewhere = other_sport_paragraphs(folded, sentences, res, gazetteer) if gazetteer is not None else set()
    story = story_club(clubs_by_sentence.get(0, []), res)
    speaker = interviewee(folded, sentences, res)
    last_people: list[PersonRef] = []
    last_paragraph = last_sentence = -1
    vacancy: str | None = None
    vacated_by: str | None = None  # the manager whose exit left ``vacancy`` open
    explicit_vacancy = False  # the story itself says which job is open ("Italy's search for a new coach")

    section: str | None = None  # the club a round-up's heading names, for the paragraphs under it
    linked: dict[str, str] = {}  # the club each manager was last linked with ("played down the link")
    last_list: str | None = None  # the club of the last list of candidates told
    pressed: str | None = None  # the club of the last job the story says is at risk
    pressed_by: str | None = None  # the manager whose job that is
    for sentence in sentences:
        heading = heading_club(text, sentence, clubs_by_sentence.get(sentence.index, []), sentences)
        if heading is not None:
            section, vacancy, vacated_by, explicit_vacancy, pressed = heading, None, None, False, None
            continue
        if (
            labelled := inline_heading(text, sentence, clubs_by_sentence.get(sentence.index, []), sentences)
        ) is not None:
            section, vacancy, vacated_by, explicit_vacancy, pressed = labelled, None, None, False, None
            last_people = []  # (a new part of the round-up: no one is carried into it)
        elif (turned := topic_club(text, sentence, clubs_by_sentence.get(sentence.index, []))) is not None:
            section, vacancy, vacated_by, explicit_vacancy, pressed = turned, None, None, False, None
        elif live_entry(text, sentence, sentences) or new_question(text, sentence, sentences):
            # (a live page's next entry, a mailbag's next question, starts afresh)
            section, vacancy, vacated_by, explicit_vacancy, last_people, pressed = None, None, None, False, [], None
        here = people_by_sentence.get(sentence.index, [])
        entry = ranked_entry(text, folded, sentence, here, clubs_by_sentence.get(sentence.index, []), sentences)
        if entry:  # a sack race, ranked
            odds = Factuality.POSSIBLE if entry[2] else Factuality.DONE
            claims.append(RawClaim(entry[0], entry[1], Relation.UNDER_PRESSURE, sentence.index, 0.6, factuality=odds))
        # (a sack race's contender is no candidate for a job)
        on_list = None if entry else candidate_entry(folded, sentence, here, sentences)
        if on_list and (job := section or story or vacancy):  # "Vincent Kompany." under "the next appointment"
            claims.append(RawClaim(on_list, job, Relation.LINKED, sentence.index, 0.6, factuality=Factuality.POSSIBLE))
        people = [p for p in here if not p.incumbent and (p.explicit or not title_is_staff or sentence.index == 0)]
        clubs = clubs_by_sentence.get(sentence.index, [])
        said_open = vacancy_club(folded, sentence, here, clubs, res)
        if said_open:
            vacancy, vacated_by, explicit_vacancy = said_open, None, True
        near = last_paragraph == sentence.paragraph or last_sentence == sentence.index - 1
        previous_people = last_people if near else []
        previous_people = previous_people or his_own_words(folded, sentence, here, speaker)  # (in an interview)
        # Cues can only make a claim when the sentence names someone or carries one person over
        # from the sentence before; elsewhere the costly cue scan is skipped.
        cues: list[Cue] = []
        exiting = [p for p in here if p.incumbent and p.explicit]
        if people or exiting or len({p.name for p in previous_people}) == 1 or coach_in_question(folded, sentence):
            cues = find_cues(folded, sentence.start, sentence.end)
            # ("a week after dismissing his predecessor": the exit is another man's, named or not)
            cues = [c for c in cues if not (c.relation in EXITS and _PREDECESSOR.match(folded, c.end))]
        # "Maresca's exit from Chelsea has been confirmed": the man whose exit is the cue is its subject;
        # "has no plans to replace Nagelsmann", "lining up a replacement for X": so is the man replaced
        people += [
            p
            for p in exiting
            if any(
                (c.relation in EXITS and folded.startswith("'", p.end) and 0 < c.start - p.end <= 3)
                or (c.relation in (Relation.DENIED, Relation.UNDER_PRESSURE) and denial_replaces(folded, c, p))
                for c in cues
            )
        ]
        cues = without_vague_wishes(folded, sentence, cues)
        if people and hands_on(folded, sentence, people, cues):
            # Only a sentence about a job hands its manager on to the next ("He held talks…").
            last_people, last_paragraph, last_sentence = people, sentence.paragraph, sentence.index
        elif people:
            last_people = []
        if not cues or sentence.paragraph in elsewhere:
            continue
        if is_player_sentence(folded, sentence, cues) or (
            sentence.index > 0
            and title_is_player
            and not about_a_job(folded, sentence)
            # "X is under pressure after a seventh defeat" under a headline of results: his job is the news
            and not any(c.relation in _JOB_AT_RISK for c in cues)
        ):
            continue
        if (
            not people
            and len({p.name for p in previous_people}) == 1
            and not title_is_staff
            and not other_subject(text, res, sentence)
            and pronouns_fit(folded, sentence, previous_people[-1].name, gazetteer)
            # "City are in talks with Rodri over a new contract": the sentence is about that person
            and not any(c.relation in _OBJECT_CUES and cue_object_is_person(text, res, c) for c in cues)
        ):
            carried = previous_people[-1]
            people = [PersonRef(carried.name, sentence.start, sentence.start, sentence.index, False, carried.known)]
        if not people and (kept := coach_kept(folded, res, cues, clubs)):
            # (he stands where the words about him do, however long the sentence before them)
            people = [PersonRef(kept[0], kept[1], kept[1], sentence.index, False)]
        if not people and not (exiting and any(c.relation in EXITS for c in cues)):
            continue  # (an outgoing man is the subject of his own exit: "after Luís Castro was dismissed")
        reading = _Reading(text, folded, sentence, split_clauses(folded, sentence), res, published)
        base = wording_strength(folded, sentence)
        scene = Scene(
            vacancy,
            story,
            sentence.paragraph == 0,
            section,
            vacated_by,
            linked,
            pressed=pressed,
            pressed_by=pressed_by,
            listed=last_list,
        )
        for claim in reading.claims(people, here, clubs, cues, scene):
            clause_of = clause_at(reading.clauses, claim.cue.start)
            # ("will remain in interim charge": the caretaker stays on, he is not newly appointed)
            staying = claim.caretaker and stays_on(folded, clause_of, claim.cue.start)
            claims.append(
                RawClaim(
                    claim.manager,
                    claim.club,
                    claim.stage,
                    sentence.index,
                    base,
                    _GENERIC_EXIT.fullmatch(folded, claim.cue.start, claim.cue.end) is not None,
                    claim.factuality,
                    Relation.STAYS if staying else denied_event(folded, claim.cue),
                    claim.caretaker,
                    sentence.paragraph == 0,
                    claim.factuality is Factuality.PAST and long_ago(folded, sentence, clause_of, published),
                    claim.later,
                    PARTED.match(folded, claim.cue.start, claim.cue.end) is not None,
                    claim.club == section,
                    claim.stage is Relation.LINKED
                    and _HAD_BEEN.search(folded, max(0, claim.cue.start - 12), claim.cue.start) is not None,
                )
            )
            if claim.stage is Relation.UNDER_PRESSURE:
                pressed, pressed_by = claim.club, claim.manager
            if claim.cue.relation in _LINKING:
                linked[claim.manager] = claim.club
                if claim.cue.relation is Relation.LINKED:
                    last_list = claim.club
            if claim.factuality is Factuality.DONE and claim.cue.relation in EXITS and not explicit_vacancy:
                vacancy, vacated_by = claim.club, claim.manager  # the job that manager leaves is now open
    return claims


@quick_init
@dataclass(frozen=True, slots=True)
class _Claim:
    manager: str
    club: str
    cue: Cue
    factuality: Factuality
    stage: Relation
    caretaker: bool
    later: bool = False


@quick_init
@dataclass(frozen=True, slots=True)
class _Reading:
    """One sentence being read: its text, clauses and the article's resolved names."""

    text: str
    folded: str
    sentence: Sentence
    clauses: list[Clause]
    res: Resolved
    published: datetime | None

    def _opens_clause(self, person: PersonRef) -> bool:
        """The person is the first words of his clause: its subject."""
        home = clause_at(self.clauses, person.start)
        return not self.folded[home.start : person.start].strip(" \"'“‘")

    def claims(
        self,
        people: list[PersonRef],
        everyone: list[PersonRef],
        clubs: list[ClubRef],
        cues: list[Cue],
        scene: Scene,
    ) -> list[_Claim]:
        """Each cue belongs to the manager nearest it and binds the club its relation points at."""
        text, folded, res = self.text, self.folded, self.res
        found: list[_Claim] = []
        exits: set[tuple[str, str]] = set()  # (manager, club) left in this sentence: not where he goes
        # Exits first, so a club a manager is said to have left is not also taken as his destination.
        for found_cue in sorted(cues, key=lambda c: c.relation not in EXITS):
            cue = found_cue  # (read again once its owner is known: "he will lead the team" may be a stay)
            if any(p.start <= cue.start and cue.end <= p.end for p in people):
                continue  # "the former United interim manager": a description, not news
            if cue.relation in _OBJECT_CUES and cue_object_is_person(text, res, cue):
                continue
            if cue.relation in EXITS and sacks_a_stranger(text, res, cue):
                continue
            if TITLE_BEFORE_NAME.match(folded, cue.start) and any(0 <= p.start - cue.end <= 1 for p in people):
                continue  # "Interim coach Calum McFarlane": a title before a name, not an appointment
            if cue.relation is Relation.REJECTED and (
                rejected_by_others(folded, cue, people, clubs) or cannot_refuse(folded, cue)
            ):
                continue
            if told_before(folded, cue.start, cue.end):
                continue  # "Mourinho, appointed four days after the sacking": an event told before
            if cue.relation in EXITS and any(c.end + 3 == cue.start and folded.startswith("'s ", c.end) for c in clubs):
                continue  # "before England's exit on Sunday": the team's, from a tournament
            # "after Maresca's exit", "after Blanc is sacked": an outgoing manager named right before an
            # exit word is the one it is about.
            outgoing = [
                p
                for p in everyone
                if p.incumbent and cue.relation in EXITS and OWN_EXIT.fullmatch(folded, p.end, cue.start)
            ]
            clause = clause_at(self.clauses, cue.start)
            candidates = people + outgoing
            # The cue's own clause names its subject: "Lazio see Tudor as a candidate if Sarri departs".
            if cue.relation in EXITS and clause.kind is not Kind.MAIN:
                # "five days after Maresca left … by mutual consent": the leaver in a clause of his own
                candidates += [p for p in everyone if p.incumbent and p not in candidates]
            if not candidates:
                continue  # (a sentence read for its outgoing man only: another cue has no one)
            local = [p for p in candidates if same_statement(self.clauses, clause, p.start)]
            antecedent = antecedent_of(folded, everyone, clause)
            if (
                clause.kind in (Kind.CONDITIONAL, Kind.TEMPORAL)
                and not local
                and antecedent is None
                and _PRONOUN_SUBJECT.search(folded, max(clause.start, cue.start - 30), cue.start)
            ):
                continue  # "If he departs, Como's Fàbregas is in the frame": "he" is someone named before
            if not local and _OBJECT_PRONOUN.match(folded, cue.end) and all(p.start > cue.end for p in candidates):
                continue  # "United sacked him, and … Mourinho had been appointed": "him" is someone named before
            owner = antecedent or object_of_talks(folded, local, cue) or owner_of(folded, local or candidates, cue)
            epithet = epithet_of(folded, cue, everyone)
            owner = epithet or owner  # "a replacement for under-fire Daniel Farke": the epithet is Farke's
            # "The president brushed aside any suggestion that Baroni is at risk": what is denied is his
            denied_of = denied_subject(folded, cue, everyone) if epithet is None else None
            owner = denied_of or owner
            if left_by_a_result(folded, cue, owner):
                continue  # "the defeat left Spalletti with problems": he is left, he does not leave
            if (
                possessor_only(folded, owner, cue)
                or not_in_question_of_another(folded, owner, cue)
                or player_subject(folded, cue)
                or talked_about(folded, 0, cue.start, ("leaving",))
                or urged(folded, self.sentence.start, cue.start, cue.relation)
                or unknown_subject_of_statement(text, res, self.clauses, clause, owner)
                or led_by_a_stranger(text, folded, res, self.sentence, owner, cue)
            ):
                continue  # "Tudor's staff leave with him", "convince the midfielder to stay": another's act
            if denied_of is None and other_subject_before(text, res, cue):
                continue  # "Xavi said yes to Spurs": someone else's act
            if cue.relation not in HEAD_COACH_MOVE and ASSISTANT_BEFORE.search(
                folded, max(0, owner.start - 30), owner.start
            ):
                continue  # "his assistant Ian Woan, who also leaves", "compensation for assistant X": staff
            if spoke_to_media(folded, cue, owner):
                continue  # "X spoke to reporters": only "<club> have spoken to X" is talks
            if not owner.explicit and (
                in_quote(folded, self.sentence, owner.start)
                or quoted_third_person(text, folded, self.sentence, cue.start, fold(owner.name.split()[-1]))
            ):
                continue  # "'I want him to stay,' the coach said": someone else, not the speaker
            if cue.relation is Relation.LINKED and apposed_successor(folded, owner, cue, res):
                continue  # "Keith Andrews, Frank's successor at Brentford, said": who he is, not news
            if anothers_cue(folded, self.clauses, clause, owner, cue):
                continue  # "'… he will sign a new contract,' the Arsenal manager said": not the speaker's
            if (
                not owner.explicit
                and cue.relation in EXITS
                and clause.kind is not Kind.MAIN
                and owner.start < cue.start  # (not the object: "… and sacked him on Wednesday")
                and any(
                    p.explicit and p.name == owner.name and clause_at(self.clauses, p.start).kind is Kind.MAIN
                    for p in people
                )
            ):
                continue  # "O'Neill has returned to Celtic after the manager resigned": not O'Neill
            gap = distance(owner.start, owner.end, cue.start, cue.end)
            if gap > _MAX_GAP:
                continue
            if owner.end > owner.start:
                lo, hi = (owner.end, cue.start) if owner.start < cue.start else (cue.end, owner.start)
                # "Pioli, who coached the Riyadh club …, is among the candidates": his own relative clause
                # describes him and hides no one else
                if clause.kind is Kind.MAIN and self._opens_clause(owner):
                    lo = max([lo] + [c.end for c in self.clauses if _describes(c, owner) and c.end <= hi])
                if denied_of is None and (
                    blocked(text, res, lo, hi, self.sentence)
                    or rival_closer(text, res, self.sentence, cue, gap, (owner.end, lo))
                ):
                    continue
            if cue.relation is Relation.APPOINTED and leads_his_own_team(
                folded, cue.start, bool(own_clubs(owner, res)), len(clubs)
            ):
                cue = replace(cue, relation=Relation.STAYS)
            factuality = classify(
                text,
                folded,
                self.sentence,
                clause,
                cue.relation,
                (cue.start, cue.end),
                (owner.start, owner.end),
                title=self.sentence.paragraph == 0,
                published=self.published,
            )
            if epithet is not None and factuality in (Factuality.POSSIBLE, Factuality.EXPECTED):
                factuality = Factuality.DONE  # (the hedge is the candidate's: "a possible replacement for")
            if cue.relation is Relation.DENIED and factuality is Factuality.DONE:
                factuality = Factuality.DENIED  # "Marseille have denied contact with X": the move is denied
            if (
                cue.relation is Relation.LINKED
                and factuality is Factuality.DONE
                and epithet is None
                and CANDIDATE_LIST.match(folded, cue.start, cue.end)
            ):
                factuality = Factuality.POSSIBLE  # one name on a list of candidates
            if cue.relation in ROLE_CUES and staff_role(folded, cue, owner, clause.end, self.sentence):
                continue  # "appointed X as assistant head coach": a job, but not the manager's
            stage = stage_for(cue.relation, factuality)
            if stage is None:
                if cue.relation not in EXITS:
                    continue  # past background is not a claim
                stage = cue.relation  # kept only to be weighed: the exit that opened the job, or history
            caretaker = cue.relation is Relation.APPOINTED and is_caretaker(folded, clause)
            later = (
                factuality is Factuality.DONE
                and stage in _ANNOUNCED_AHEAD
                and takes_effect_later(folded, self.sentence, clause, cue.start, cue.end)
            )
            listed = coordinated_people(folded, owner, people, res, cue.start)
            if antecedent is None:  # "…, and Igor Tudor is the favourite": a new clause, a new subject
                listed = [
                    p
                    for p in listed
                    if p is owner
                    or same_statement(self.clauses, clause, p.start)
                    or self._cut_by_list(p)
                    # "a shortlist of two: Roberto Mancini and Thiago Motta": the list after a colon
                    or clause_at(self.clauses, p.start) == clause_at(self.clauses, owner.start) != clause
                    or described_before(folded, p, owner)
                ]
            listed += also_named(folded, cue, owner, people, listed)
            # (each man on a list binds as the sentence stood: "Eustace and Rowett sacked" is not the first
            # one's club left open for the second)
            before = scene
            for person in listed:
                for club in bind(folded, self.clauses, clause, person, cue, clubs, res, before, exits):
                    found.append(_Claim(person.name, club, cue, factuality, stage, caretaker, later))
                    if cue.relation in EXITS:  # (a club he left, even long ago, is not where he goes)
                        exits.add((person.name, club))
                    if cue.relation in EXITS and (factuality is not Factuality.PAST or clause.kind is Kind.MAIN):
                        scene = replace(scene, vacancy=club)  # "X was sacked, and Y took interim charge"
                    elif stage is Relation.UNDER_PRESSURE:
                        scene = replace(scene, pressed=club, pressed_by=person.name)
            found += [
                _Claim(person.name, club, cue, factuality, stage, caretaker)
                for person, club in gapped_pairs(self.folded, cue, clubs, people)
            ]
        return found

    def _cut_by_list(self, person: PersonRef) -> bool:
        """ "after Motta, De Rossi and Mancini all turned it down": the comma that ends the clause
        the first name stands in is the list's own."""
        own = clause_at(self.clauses, person.start)
        return own.kind is not Kind.MAIN and own.end - person.end <= 1 and self.folded.startswith(",", person.end)


_OBJECT_PRONOUN = re.compile(r" (?:him|her)\b")
_PRONOUN_SUBJECT = re.compile(r"\b(?:he|she)\s+(?:[\w'-]+\s+){0,2}$")
