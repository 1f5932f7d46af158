"""Which club a claim is about: the manager's own club for exits, stays, new contracts and pressure;
the club hiring or talking for links, talks, offers, agreements and appointments.

Only clubs of the claim's own statement count (clauses.py): never a match opponent, a former club, a
list of past clubs, or a club described in a clause set into the sentence. A claim with no club it can
be bound to is dropped rather than guessed; the only clubs taken from outside the sentence are the job
the story says is open and the one club its headline is about.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from bot.analysis.clauses import Clause, Kind, same_statement
from bot.analysis.club_roles import come_from, gone_to, under_contract_at
from bot.analysis.cue_owner import denied_event
from bot.analysis.cues import Cue
from bot.analysis.list_items import anothers_item, earlier_item, next_item
from bot.analysis.members import Relation
from bot.analysis.past_holders import listed_past_holder
from bot.analysis.prefilter import WordGate
from bot.analysis.refs import ClubRef, PersonRef, Resolved
from bot.analysis.scene import THE_JOB, Scene
from bot.analysis.subjects import distance
from bot.analysis.teams import mens_coach

OWN_JOB = frozenset({Relation.STAYS, Relation.EXTENSION, Relation.SACKED, Relation.LEFT, Relation.UNDER_PRESSURE})
EXITS = frozenset({Relation.SACKED, Relation.LEFT})

# How far after / before its cue the club of an own-job claim may stand.
_WINDOWS: dict[Relation, tuple[int, int]] = {
    Relation.STAYS: (25, 0),
    Relation.LEFT: (30, 40),
    Relation.SACKED: (30, 80),
    Relation.EXTENSION: (40, 90),
    Relation.UNDER_PRESSURE: (30, 60),
}
_BY = re.compile(r"\s+by\s+(?:the\s+)?")
_RETURNING = WordGate(r"\babout (?:a )?return(?:ing)?\b|\bover a return\b|\bto return\b")
# "linked with Chelsea", "talks over the Chelsea job", "head coach of Belgium": the club a move is to.
_LINK_BEFORE = re.compile(
    r"\b(?:with|to|by|for|from|of|at|join|joining|joins|over|into|replace|succeed|the|about|as)\s+(?:the\s+)?$"
)
_COORDINATED = re.compile(r"\s*(?:,|and|or|&|, and|, or|as well as)\s*")


def bind(
    folded: str,
    clauses: list[Clause],
    clause: Clause,
    owner: PersonRef,
    cue: Cue,
    clubs: list[ClubRef],
    res: Resolved,
    scene: Scene,
    exits: set[tuple[str, str]],
) -> list[str]:
    """The clubs the claim of ``cue`` about ``owner`` is about (empty: drop the claim)."""
    described = [(p.start, p.end) for p in res.people if not p.explicit and p.sentence == owner.sentence]
    pool = [
        c
        for c in clubs
        if c.start not in res.opponents
        and same_statement(clauses, clause, c.start)
        and not any(s <= c.start and c.end <= e for s, e in described)
    ]
    if cue.relation in EXITS:  # "after Frank left for Tottenham": where he goes is not the club he left
        pool = [c for c in pool if not gone_to(folded, c)]
    if (
        clauses[0].kind is Kind.CONDITIONAL
        and folded.endswith("their ", 0, cue.start)
        and all(c.start in res.descriptors for c in pool)
    ):  # "If Tottenham do make a change, the betting for their next manager is led by X": theirs
        pool += [c for c in clubs if clauses[0].start <= c.start < clauses[0].end and c.start not in res.opponents]
    if cue.relation is Relation.DENIED and denied_event(folded, cue) is Relation.SACKED:
        # a denied change of coach ("X is not in question") is about the job he holds
        cue = replace(cue, relation=Relation.SACKED)
    if cue.relation is Relation.TALKS and _ABOUT_HIS_CONTRACT.match(folded, cue.end):
        # "the Gones have opened talks to extend Paulo Fonseca's contract": talks with the club he is at
        cue = replace(cue, relation=Relation.EXTENSION)
    if cue.relation in OWN_JOB:
        own = _own(folded, clauses, clause, owner, cue, pool, clubs, res, scene)
        # ("Tottenham open talks with women's coach Ho as pressure grows on Frank" over "men's head coach
        # Thomas Frank": the club named beside a women's coach is still the men's side for him)
        if any(name.endswith(" Women") for name in own) and mens_coach(folded, owner.name):
            return [name.removesuffix(" Women") for name in own]
        return own
    return _target(folded, clause, owner, cue, pool, res, scene, exits)


_SAID_THAT = re.compile(
    r"\s+(?:has\s+|have\s+)?(?:said|says|announced|confirmed|insisted|stated|declared)\b[^.;\"“]{0,50}?\bthat\s+$"
)
_REPLACING = re.compile(r",?\s+(?:replacing|succeeding|in place of|to replace|to succeed)\s+")
_ABOUT_HIS_CONTRACT = re.compile(
    r"\s+(?:to (?:extend|renew)|over (?:a |an |his |her )?(?:new contract|contract extension|extension|new deal|"
    r"improved (?:contract|deal)|renewal))\b"
)


_UNNAMED_AGENT = re.compile(
    r"\s+by\s+(?:a|an|two|three|four|several|other|\d+)\s+(?:[\w-]+\s+){0,3}?(?:clubs?|sides?|teams?|employers?)\b"
)
_AT_RISK = frozenset({Relation.UNDER_PRESSURE, Relation.SACKED})
# the words between a cue and the club whose result it follows: "… after Celtic's (derby) defeat"
_AFTER_DEFEAT = re.compile(
    r"[\w' ]{0,30}?\bafter (?:(?:(?:a|another|the) )?(?=[^.,;]{0,40}?'s? (?:[\w-]+ ){0,2}(?:defeat|loss|draw|exit)\b)|"
    # "after five straight Augsburg defeats": a run of the club's own results
    r"(?:[\w-]+ )?(?:straight|consecutive|successive) (?=[^.,;]{0,40}? (?:defeats|losses|draws)\b))"
)
_WINNER = re.compile(r"'s? (?:[\d-]+ )?(?:win|victory|triumph|thrashing|rout|comeback)\b")
# "as Bournemouth deepen Tottenham's gloom", "after Leeds beat them": the club that won the match
_BEATS = re.compile(
    r" (?:beat|beats|thrash(?:es|ed)?|hammer(?:s|ed)?|stun(?:s|ned)?|deepen(?:s|ed)?|compound(?:s|ed)?|"
    r"(?:pile|piles|piled|heap|heaps|heaped) (?:on )?(?:the |more )?misery|won [\d]+-[\d]+)\b"
)


def own_clubs(owner: PersonRef, res: Resolved) -> set[str]:
    """The clubs a manager holds: the one the text places him at, and the knowledge base's."""
    return {c for c in (res.home.get(owner.name), res.kb_home.get(owner.name)) if c}


def _own(
    folded: str,
    clauses: list[Clause],
    clause: Clause,
    owner: PersonRef,
    cue: Cue,
    pool: list[ClubRef],
    clubs: list[ClubRef],
    res: Resolved,
    scene: Scene,
) -> list[str]:
    relation = cue.relation
    if relation in _AT_RISK and _UNNAMED_AGENT.match(folded, cue.end):
        return []  # "he was dismissed by two Premier League clubs": not the job he holds now
    former = res.former.get(owner.name, set())
    career = res.career.get(owner.name, set())
    after, before = _WINDOWS[relation]
    # "Mousinho axed, Mallorca close in on García Plaza": a club opening the next item of a list of news
    # is that item's subject ("Maresca sacked, Chelsea confirm" is still the club's own word).
    others = {c.start for c in clubs if next_item(folded, cue, c) or anothers_item(folded, cue, c, owner, res)}
    pool = [c for c in pool if c.start not in others]
    # "Wrexham's win at Middlesbrough heaps pressure on Hellberg": the winners are not the club at risk
    winners = (
        {c.name for c in clubs if _WINNER.match(folded, c.end) or _BEATS.match(folded, c.end)}
        if relation in _AT_RISK
        else set()
    )
    pool = [c for c in pool if c.name not in winners]
    clubs = [c for c in clubs if c.start not in others]
    near = [
        c
        for c in pool
        if (c.name not in former or (relation in EXITS and not _former_title(c, owner, cue, res)))
        and not (relation in _LEAVING and gone_to(folded, c))
        # "stay despite Napoli interest", "will not leave for Real Madrid": the club he does not go to
        and not (relation is Relation.STAYS and _DESPITE.search(folded, max(0, c.start - 30), c.start))
        and (
            (cue.end <= c.start and c.start - cue.end <= after)
            or (c.end <= cue.start and cue.start - c.end <= before)
            or (c.end + 1 == cue.start and folded[cue.start : cue.end] == "stay")  # "set for Lazio stay"
            or (cue.start <= c.start and c.end <= cue.end)  # "extends Germany contract"
        )
        and not _describes_someone_else(c, owner, res)
        and not earlier_item(folded, c, owner, res)
        # "after spells at Norwich, Preston and Stoke": a career told as a list, not the job he leaves or holds
        and not (c.start in res.descriptors and c.name in career and len(career) > 1)
    ]
    if near:
        agent = [c for c in near if _BY.fullmatch(folded, cue.end, c.start)]
        # "Everton confirm Moyes exit, Leeds back Farke": of the clubs near the cue, the one he holds
        mine = [c for c in near if c.name in own_clubs(owner, res)]
        if not mine and not agent and relation is Relation.UNDER_PRESSURE:
            # "Celtic 3-1 Rangers: Nancy's side close in on Hearts as pressure grows on Röhl": his club is
            # the one the sentence names that he holds, not the one nearest the words
            mine = [
                c
                for c in clubs
                if c.name == res.kb_home.get(owner.name) and c.name not in former and c.start not in res.opponents
            ]
        best = agent[0] if agent else min(mine or near, key=lambda c: distance(c.start, c.end, cue.start, cue.end))
        return [best.name]
    home = res.home.get(owner.name)
    if home:
        return [home]
    if relation in _AT_RISK and (lost := _AFTER_DEFEAT.match(folded, cue.end)):
        # "… the next manager to lose his job after Celtic's defeat at Ibrox": the club that lost
        beaten = [c for c in clubs if c.start == lost.end()]
        if beaten and beaten[0].name not in former:
            return [beaten[0].name]
    local = {
        c.name
        for c in pool
        if not _describes_someone_else(c, owner, res)
        and c.name not in former
        and not earlier_item(folded, c, owner, res)
    }
    if relation is Relation.STAYS and local and local == {res.kb_home.get(owner.name)}:
        return list(local)  # "Real Madrid's board has decided that X will continue as head coach": his club
    if relation is Relation.STAYS and len(local) == 1:
        # "Rennes said in a statement that Habib Beye keeps the board's full confidence": the club's own word
        sayer = [
            c for c in pool if c.name in local and c.end < owner.start and _SAID_THAT.match(folded, c.end, owner.start)
        ]
        if sayer:
            return [sayer[0].name]
    if len(local) == 1 and relation is not Relation.STAYS and not _anothers(next(iter(local)), owner, res):
        return [next(iter(local))]  # (a lone club: "will stay, despite talk linking him with X" is not it)
    # ("… if they decide to sack Frank": "they" are the club of the clause the condition hangs on)
    they = clause.kind is Kind.CONDITIONAL and _THEY.search(folded, clause.start, cue.start) is not None
    if relation in EXITS and (clause.kind is Kind.TEMPORAL or they) and not local:
        # "The Crew have been searching for a new coach since Nancy left": the club of the clause it
        # hangs on, when that clause is about the job.
        subject = _main_subject(folded, clauses, clause, clubs, res, owner, they)
        if subject:
            return [subject]
    # "to become head coach of London City Lionesses, replacing Jocelyn Prêcheur, who was dismissed": the
    # man replaced left the job the sentence fills
    filled = [c for c in clubs if c.end < owner.start and _REPLACING.fullmatch(folded, c.end, owner.start)]
    if relation in EXITS and filled and not local:
        return [filled[-1].name]
    vacancy = scene.vacancy_of(owner, res)
    if relation in EXITS and vacancy and owner.name in res.incumbents and not local:
        return [vacancy]  # "since Nancy left", in a story about the job he left
    # The knowledge base's club where the story itself names it; a story from another season may speak
    # of another club.
    kb = res.kb_home.get(owner.name)
    if (
        kb
        and relation is Relation.LEFT
        and any(
            c.name == kb and c.start > cue.end and c.sentence == owner.sentence and gone_to(folded, c) for c in clubs
        )
    ):
        kb = None  # where the sentence says he went: "Nancy, who left last week to take over at Celtic"
    if kb and kb == res.likely_home.get(owner.name):
        return [kb]
    described = [(p.start, p.end) for p in res.people if not p.explicit and p.sentence == owner.sentence]
    free = {
        c.name
        for c in clubs
        if c.start not in res.opponents
        and not _describes_someone_else(c, owner, res)
        and not any(s <= c.start and c.end <= e for s, e in described)
        # "if Cooper leaves for Celtic": where he would go is not the job he would leave
        and not (relation in _LEAVING and gone_to(folded, c))
        # "who arrived from Real Sociedad in 2025": a career, not the job of the sentence
        and (c.start not in res.descriptors or owner.name in res.described_by.get(c.start, ()))
        and c.name not in winners
    }
    alone = all(p.name == owner.name for p in res.people if p.sentence == owner.sentence)
    if len(free) == 1 and not former & free and relation is not Relation.STAYS and alone:
        return [next(iter(free))]
    if relation in EXITS and vacancy and not free:
        return [vacancy]
    if kb and not local and not (relation in EXITS and listed_past_holder(folded, clauses, owner, clubs, res)):
        return [kb]
    if not free and THE_JOB.search(folded, cue.start, cue.end + 30) and scene.story:
        return [scene.story]
    if scene.section and not free and not local:
        return [scene.section]  # "SWANSEA CITY" above "Matos is under pressure …" in a round-up
    if relation in _OWN_NEWS and not kb and (mostly := _story_home(owner, res)) is not None:
        return [mostly]
    if relation is Relation.STAYS and _OUR.search(folded, cue.start, cue.end + 12):
        # "the Real Madrid president said: 'Xabi is our coach and he will be our coach next season'"
        speaker = [c for c in clubs if c.start not in res.opponents and _OFFICIAL_AFTER.match(folded, c.end)]
        if len({c.name for c in speaker}) == 1:
            return [speaker[0].name]
    return []


_OUR = re.compile(r"\bour\b")
_OWN_NEWS = frozenset({Relation.UNDER_PRESSURE})


def _former_title(club: ClubRef, owner: PersonRef, cue: Cue, res: Resolved) -> bool:
    """ "Former Tottenham and Aston Villa boss Tim Sherwood has been axed from …": a club in the title before
    his name is one he left before, not the one the exit after it is from."""
    return club.start in res.descriptors and club.end <= owner.start <= cue.start


def _story_home(owner: PersonRef, res: Resolved) -> str | None:
    """ "Xabi Alonso goes into the Clásico under pressure": a manager of no club known is at the club the
    story names most (at least twice), other than match opponents, clubs of a career and other managers'."""
    theirs = {club for name, club in (res.kb_home | res.home).items() if name != owner.name}
    counted = Counter(
        c.name
        for c in res.clubs
        if c.start not in res.opponents and c.start not in res.descriptors and c.name not in theirs
    )
    ranked = counted.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    if ranked[0][0] in res.former.get(owner.name, set()) | res.career.get(owner.name, set()):
        return None
    return ranked[0][0]


_OFFICIAL_AFTER = re.compile(
    r"(?:'s)? (?:president|chairman|chairwoman|owner|co-owner|sporting director|chief executive|ceo)\b"
)
_THEY = re.compile(r"\b(?:they|the club|the board|the owners)\b")
_LEAVING = EXITS | {Relation.STAYS}
_DESPITE = re.compile(r"\b(?:despite|amid)\s+(?:(?:the\s+)?(?:interest|links?|talk|reports?)\s+(?:from|with|of)\s+)?$")
_HIRER_THEN_VERB = re.compile(r"\s+(?:(?:have|has|had)\s+)?(?:now\s+|officially\s+|finally\s+)?")
_STAY_AT = re.compile(r"\b(?:stay|stays|staying|remain|remains|remaining|extend\w*|renew\w*)\s+(?:at|with|in)\s+$")
_JOB_WORDS = re.compile(
    r"\b(?:search\w*|looking for|replace\w*|successor|vacan\w+|new (?:manager|head coach|coach|boss)|"
    r"appoint\w*|talks|approach\w*|interim|caretaker|candidate\w*|shortlist\w*|named|succeed\w*|"
    r"take over|takes over|taking over|without an? (?:permanent |new )?(?:manager|head coach|coach|boss))\b"
)


def _main_subject(
    folded: str,
    clauses: list[Clause],
    clause: Clause,
    clubs: list[ClubRef],
    res: Resolved,
    owner: PersonRef,
    named: bool = False,  # the clause names its subject ("if they decide to sack him")
) -> str | None:
    """The first club of the main clause a temporal clause hangs on, when that clause is about a job
    or about the same man ("X lasted 39 days at Forest before being sacked")."""
    mains = [c for c in clauses if c.kind is Kind.MAIN and c.group == clause.group and c.end <= clause.start]
    about_him = any(
        p.explicit and p.name == owner.name and any(c.start <= p.start < c.end for c in mains) for p in res.people
    )
    if not mains or not (named or about_him or any(_JOB_WORDS.search(folded, c.start, c.end) for c in mains)):
        return None
    lo, hi = mains[0].start, mains[-1].end
    described = [(p.start, p.end) for p in res.people if not p.explicit]
    first = next(
        (
            c
            for c in clubs
            if lo <= c.start < hi
            and c.start not in res.opponents
            and (c.start not in res.descriptors or (about_him and not _describes_someone_else(c, owner, res)))
            and not any(s <= c.start and c.end <= e for s, e in described)
        ),
        None,
    )
    return first.name if first else None


def _anothers(club: str, owner: PersonRef, res: Resolved) -> bool:
    """ "Mascherano wants to stay at Inter Miami … should Scaloni step down": a club the knowledge base
    gives another man of the sentence, when it gives this one a club of his own."""
    kb = res.kb_home.get(owner.name)
    return (
        bool(kb)
        and kb != club
        and any(
            p.explicit and p.sentence == owner.sentence and p.name != owner.name and res.kb_home.get(p.name) == club
            for p in res.people
        )
    )


def _describes_someone_else(club: ClubRef, owner: PersonRef, res: Resolved) -> bool:
    """ "Brighton's Hürzeler" describes Hürzeler: that club is not another manager's."""
    holders = res.described_by.get(club.start)
    return holders is not None and owner.name not in holders


def _target(
    folded: str,
    clause: Clause,
    owner: PersonRef,
    cue: Cue,
    pool: list[ClubRef],
    res: Resolved,
    scene: Scene,
    exits: set[tuple[str, str]],
) -> list[str]:
    # The club the text places him at; the knowledge base's club may be where he is talking about a new deal.
    own = {res.home[owner.name]} if owner.name in res.home else set()
    former = res.former.get(owner.name, set()) | res.career.get(owner.name, set())
    returning = "return" in folded[cue.start : cue.end + 10]
    # "have spoken to O'Neil, who was sacked by the club in 2024, about returning": his old club is where
    # he would go back to
    going_back = returning or _RETURNING.search(folded, cue.end, cue.end + 120) is not None
    candidates = [
        c
        for c in pool
        if c.start not in res.descriptors
        and c.name not in own
        # "the former Celtic striker" describes him; another mention of Celtic may be where he goes
        and (returning or c.name not in former or c.start not in res.descriptors)
        # (a club he left is where he goes back to only when the return names it: "a return to Chelsea",
        # not "since Southampton dismissed him … keen on a return to Belgium")
        and (
            (owner.name, c.name) not in exits
            or (going_back and (c.start > cue.end or not returning))
            # "Ajax have appointed Keizer, eight years after the club sacked him": the club hiring him
            or (
                cue.relation is Relation.APPOINTED
                and c.end <= cue.start < owner.start
                and _HIRER_THEN_VERB.fullmatch(folded, c.end, cue.start) is not None
            )
        )
    ]
    # "rejects Saudi riches to stay at Fulham": the club he stays at is not the one he turns down; "the
    # release clause in his contract at Twente": the club he is at is not the one moving for him.
    candidates = [
        c
        for c in candidates
        if not _STAY_AT.search(folded, max(0, c.start - 20), c.start)
        and not under_contract_at(folded, c)
        and not come_from(folded, c)  # "to return from New York City FC"
        # "Torino have asked Cremonese for permission to speak to him": the club asked is the one he is at
        and not _ASKED_FOR_PERMISSION.match(folded, c.end)
        # "interest in the German from clubs in Germany and Spain": a country where clubs are, not its team
        and not _CLUBS_IN.search(folded, max(0, c.start - 40), c.start)
        and not _PERMISSION_FROM.search(folded, max(0, c.start - 24), c.start)
    ]
    # "X is in the frame to replace Y at Palace, with Ipswich's McKenna also under consideration": the
    # "with … also" part shares the statement's job
    also = _WITH_ALSO.search(folded, max(clause.start, owner.start - 40), owner.start) is not None
    if owner.end <= cue.start and owner.end > owner.start and not also:
        # "Alonso is linked with <club>", "<club> and Alonso are in talks": not a club before the man
        # unless it is the clause's subject ("Wolfsburg see X and Y as candidates").
        candidates = [c for c in candidates if c.start >= owner.end or c.start <= clause.start + 40]
    if candidates:
        # "McKenna named Crystal Palace manager": a club inside the cue is the one it names
        inside = [c for c in candidates if cue.start <= c.start and c.end <= cue.end]
        best = inside[0] if inside else min(candidates, key=lambda c: _target_score(folded, cue, c))
        return _with_coordinated(folded, best, candidates)
    if succeeded := scene.succession(folded, owner, cue, own):
        return [succeeded]
    if any(c.start not in res.descriptors and c.name not in own for c in pool):
        return []  # the clause names clubs, none of them a destination
    return scene.job_for(folded, clause, owner, cue, own, exits, going_back=going_back, former=former)


_CLUBS_IN = re.compile(r"\b(?:clubs|sides|teams) (?:in|from) (?:[\w'-]+(?: [\w'-]+)? (?:and|or) )?$")
_ASKED_FOR_PERMISSION = re.compile(r"\s+for (?:(?:formal|official) )?permission\b")
_PERMISSION_FROM = re.compile(r"\bpermission from (?:the )?$")
_BETWEEN_HIM_AND = re.compile(r"\bbetween (?:[\w'.-]+ ){1,3}and (?:the )?$")
_WITH_ALSO = re.compile(r",\s+with\s+(?:[\w.'’-]+\s+){0,4}$")

_SUBJECT_VERB = re.compile(r"\s+(?:(?:have|has|had|are|is|were|was)\s+)?(?:(?:now|also|already|finally)\s+)?")


def _target_score(folded: str, cue: Cue, club: ClubRef) -> float:
    """Characters from the cue, the club after it preferred ("linked with X") and more so after a
    preposition that points at a destination."""
    gap = distance(club.start, club.end, cue.start, cue.end)
    if cue.end <= club.start and _BETWEEN_HIM_AND.search(folded, max(cue.end, club.start - 60), club.start):
        return -1000.0  # "denied any contact between Rui Borges and Al-Nassr": the other side of the contact
    if cue.end <= club.start:
        linked = _LINK_BEFORE.search(folded, max(0, club.start - 16), club.start)
        return gap - (8 if linked else 0)
    if _SUBJECT_VERB.fullmatch(folded, club.end, cue.start):
        return gap - 10  # "Flamengo offer Filipe Luís a new deal as Atlético watch on": the club that acts
    return gap * 1.6 + 5


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


# "X was dismissed by Wolfsburg and Y by Mainz": the verb is not repeated for the second pair.
_GAPPED = re.compile(r"\s*,?\s+and\s+$")


def gapped_pairs(folded: str, cue: Cue, clubs: list[ClubRef], people: list[PersonRef]) -> list[tuple[PersonRef, str]]:
    """ "X was dismissed by Wolfsburg and Y by Mainz": each later pair shares the first's verb."""
    agent = next((c for c in clubs if _BY.fullmatch(folded, cue.end, c.start)), None)
    if agent is None:
        return []
    found: list[tuple[PersonRef, str]] = []
    position = agent.end
    for person in (p for p in people if p.start >= agent.end):
        if not _GAPPED.fullmatch(folded, position, person.start):
            break
        club = next((c for c in clubs if _BY.fullmatch(folded, person.end, c.start)), None)
        if club is None:
            break
        found.append((person, club.name))
        position = club.end
    return found
