"""What the text says around names: anaphora, home and former clubs, official statements."""

from __future__ import annotations

import bisect
import re

from bot.analysis.anaphora import ANAPHORA, INCUMBENT_BEFORE, NATIONALITY_NOUNS
from bot.analysis.end_gate import EndGate
from bot.analysis.gazetteer import Gazetteer
from bot.analysis.prefilter import LiteralScan, written_from_first
from bot.analysis.refs import ClubRef, PersonRef, Resolved, covered, overlaps, sentence_of
from bot.analysis.subjects import stranger_named
from bot.analysis.text import Sentence, fold
from bot.analysis.words import NOT_PEOPLE

# "Leverkusen boss Xabi Alonso", "Alonso, the Leverkusen manager": the club a manager is at.
_ROLE = r"(?:boss|manager|head coach|coach|head-coach|gaffer|supremo|tactician|chief)"
HOME_BEFORE = re.compile(
    rf"(?:'s?)?\s+(?:(?:current|under-fire|embattled|interim|caretaker|young|highly[- ]rated|experienced|veteran|"
    rf"new|long-serving|[a-z]+ish|[a-z]+an|german|french|dutch|spanish|italian|portuguese|english|scottish|"
    rf"welsh|irish|danish|swiss|austrian|norwegian|swedish|belgian|[a-z]+-born)\s+){{0,3}}{_ROLE}\s+$"
)
FORMER_BEFORE = re.compile(r"\b(?:former|ex-|ex|one-time|erstwhile|previous)\s+$")


# A sentence that opens with a name the article does not know ("Van Gaal later complained that … his
# dismissal"): its pronouns are that person's, not a manager named before.
_OPENING_NAME = re.compile(r"[\"'“‘]?([A-Z][\w'’-]+(?:[ ]+(?:van|de|der|di|da|von|le)?[ ]*[A-Z][\w'’-]+)+)\s")
_PRONOUN = re.compile(r"h(?:e|is|im)\b")


def _opens_with_stranger(text: str, out: Resolved, sentence: Sentence) -> bool:
    name = _OPENING_NAME.match(text, sentence.start, sentence.end)
    if name is None:
        return False
    if overlaps(out, *name.span(1)):
        return False
    return not any(fold(word) in NOT_PEOPLE for word in name.group(1).split())


_WHO_BEFORE = re.compile(r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)+), who [^,.;]*$")


def _strangers_relative(text: str, out: Resolved, sentence: Sentence, position: int) -> bool:
    """The pronoun stands in a relative clause about a name the article does not know."""
    who = _WHO_BEFORE.search(text, sentence.start, position)
    if who is None:
        return False
    return not overlaps(out, *who.span(1))


def _leaving_subject(sentence: Sentence, people: list[PersonRef]) -> PersonRef | None:
    """ "Valverde's departure ends a third spell … The 62-year-old has said …": the man leaving, who opens
    the sentence before and is the only one it names, is the one a sentence's opening description means."""
    named = [p for p in people if sentence.start <= p.start < sentence.end and p.explicit]
    if len(named) == 1 and named[0].incumbent and named[0].start <= sentence.start + 1:
        return named[0]
    return None


# the verb between a name and an object pronoun ("Slot wants him", "Arteta has told her"): not himself
_OBJECT_OF = re.compile(r" (?!(?:that|who|said|says)\b)(?:[a-z'-]+ ){1,2}")


def _subject_of(sentence: Sentence, people: list[PersonRef]) -> PersonRef | None:
    return next((p for p in people if not p.incumbent and sentence.start <= p.start <= sentence.start + 1), None)


def resolve_anaphora(
    folded: str, out: Resolved, gaz: Gazetteer, sentences: list[Sentence], starts: list[int], text: str = ""
) -> None:
    """ "the Spaniard", "the 42-year-old", "the boss", sentence-initial "he" → a manager named before."""
    if not out.people:
        return
    explicit = sorted(out.people, key=lambda p: p.start)
    positions = [p.start for p in explicit]
    # free[i]: where the last of explicit[:i] who is not the one being replaced stands (-1: none), found
    # once instead of a list of them for each match
    free = [-1]
    for number, person in enumerate(explicit):
        free.append(free[-1] if person.incumbent else number)
    added: list[PersonRef] = []
    for match in ANAPHORA.finditer(folded):
        if covered(out, match.start()):
            continue
        phrase = match.group(0)
        noun = phrase.removeprefix("the ").strip()
        index = bisect.bisect_left(positions, match.start())
        previous = explicit[:index]
        if not previous:
            continue
        if index < len(explicit) and 0 <= explicit[index].start - match.end() <= 1:
            continue  # "The Benfica coach José Mourinho": a title before a name, not someone named before
        target: PersonRef | None = None
        nationality = NATIONALITY_NOUNS.get(noun)
        if nationality is not None:
            for person in reversed(previous):
                manager = gaz.managers.get(person.name)
                if manager and manager.nationality.lower() == nationality:
                    target = person
                    break
            if target is None:
                continue
        else:
            target = explicit[free[index]] if free[index] >= 0 else previous[-1]
            aged = _aged_nationality(noun, target, previous, gaz)  # ("the 41-year-old Belgian")
            if aged is None:
                continue
            target = aged
            sentence = sentence_of(sentences, starts, match.start())
            # "The 40-year-old, who worked under Mourinho and Solskjær, returns … He takes over": a sentence's
            # first "he" is the subject of the sentence before
            pronoun = _PRONOUN.match(phrase) is not None
            if pronoun and sentence > 0 and match.start() <= sentences[sentence].start + 1:
                target = _subject_of(sentences[sentence - 1], [*previous, *added]) or target
            elif sentence > 0 and match.start() <= sentences[sentence].start + 1:
                target = _leaving_subject(sentences[sentence - 1], previous) or target
            if sentence - target.sentence > 3:
                continue
            if (
                text
                and sentence != target.sentence
                and pronoun
                and _opens_with_stranger(text, out, sentences[sentence])
            ):
                continue
            if text and pronoun and _strangers_relative(text, out, sentences[sentence], match.start()):
                continue  # "caretaker Darren Fletcher, who will return to his role": Fletcher's role
            if phrase in ("him", "her") and _OBJECT_OF.fullmatch(folded, target.end, match.start()):
                continue  # "Slot wants him to stay": the object of his own verb is someone else
            if text and not pronoun and stranger_named(text, out, target.end, match.start()):
                continue  # "Sørensen says Thomas Müller …, after the 37-year-old agreed": the player's age
        added.append(
            PersonRef(
                target.name,
                match.start(),
                match.end(),
                sentence_of(sentences, starts, match.start()),
                explicit=False,
                known=target.known,
                # ("The Lions' first option to replace him is Iraola": "him" is the man being replaced)
                incumbent=phrase in ("him", "her")
                and INCUMBENT_BEFORE.search(folded[max(0, match.start() - 48) : match.start()]) is not None,
            )
        )
    added += _club_role_anaphora(folded, out, gaz, sentences, starts, explicit)
    out.people.extend(added)


def _aged_nationality(noun: str, target: PersonRef, previous: list[PersonRef], gaz: Gazetteer) -> PersonRef | None:
    """ "the 41-year-old Belgian": the last man named before of that nationality where the knowledge base
    knows one; not a manager it knows to be of another (the Brazilian is a player), else the man as without."""
    age, _, nationality = noun.partition(" ")
    wanted = NATIONALITY_NOUNS.get(nationality) if age.endswith("-year-old") else None
    if wanted is None:
        return target
    for person in reversed(previous):
        manager = gaz.managers.get(person.name)
        if manager and manager.nationality.lower() == wanted:
            return person
    manager = gaz.managers.get(target.name)
    return None if manager and manager.nationality else target


def _club_role_anaphora(
    folded: str, out: Resolved, gaz: Gazetteer, sentences: list[Sentence], starts: list[int], explicit: list[PersonRef]
) -> list[PersonRef]:
    """ "… placed the Villa head coach among the options": the man named before whose club it is."""
    found: list[PersonRef] = []
    for club in out.clubs:
        role = _ROLE_AFTER.match(folded, club.end)
        if role is None or not folded.endswith("the ", 0, club.start):
            continue
        coaches = [
            p
            for p in explicit
            if p.explicit and p.end <= club.start and p.name in gaz.managers and gaz.managers[p.name].club == club.name
        ]
        if coaches:
            start = club.start - 4
            found.append(
                PersonRef(
                    coaches[-1].name, start, role.end(), sentence_of(sentences, starts, start), False, coaches[-1].known
                )
            )
    return found


_UNDER_CONTRACT = re.compile(
    r",?\s+(?:whose (?:current )?(?:contract|deal) (?:at|with)|who (?:is|remains) (?:under contract )?(?:at|with)|"
    r"currently (?:at|with|in charge (?:at|of)))\s+"
)
_SENTENCE_BREAK = re.compile(r"[.!?;:]\s")
_CHAIN = re.compile(r"\s*(?:,|and|or|&|, and)\s*")


def _chain_before(folded: str, clubs: list[ClubRef], index: int) -> list[ClubRef]:
    """The club at ``index`` and those listed just before it: "former Chelsea and Brighton boss"."""
    chain = [clubs[index]]
    while index > 0 and _CHAIN.fullmatch(folded[clubs[index - 1].end : clubs[index].start]):
        index -= 1
        chain.insert(0, clubs[index])
    return chain


def _chain_after(folded: str, clubs: list[ClubRef], index: int) -> list[ClubRef]:
    """The club at ``index`` and those listed just after it: "in charge of Frankfurt and Gladbach"."""
    chain = [clubs[index]]
    while index + 1 < len(clubs) and _CHAIN.fullmatch(folded[clubs[index].end : clubs[index + 1].start]):
        index += 1
        chain.append(clubs[index])
    return chain


_NOW_AT = EndGate(
    r"\b(?:now|currently) (?:at|with|of|in charge (?:of|at)|coaching|managing|manager of|head coach of) (?:the )?$"
)
# ("the Wales head coach role": the job, not the man who holds it)
_ROLE_AFTER = re.compile(
    r" (?:manager|head coach|coach|boss|tactician)\b(?! (?:role|job|post|position|vacancy|search|hunt|seat)\b)"
)
# The words before a club are searched, not the whole text: guarded, not literal-scanned.
_OPPONENT = EndGate(
    r"\b(?:against|versus|vs\.?|v|tour of|trip to|win over|victory over|defeat (?:by|to|at)|draw (?:with|at)|"
    r"loss (?:to|at)|lost to|beat|beating|thrashing of|thrashed by|knocked out by|eliminated by|home to|"
    r"away to|away at|at home to|exit to|game at|match at|visit of|visit to|"
    r"defeat at|win at|tie (?:at|against|with)|(?:game|match|clash|fixture) (?:with|against)|at the hands of|"
    # "this afternoon's League Two meeting with Bromley" (not "a meeting with Chelsea": talks)
    r"(?:'s|league|cup|premiership|championship|division|derby|final|play-off|one|two)(?: [\w-]+){0,2} "
    r"meeting (?:with|against)|"
    r"knocked out of [\w' -]{2,30} by|"
    r"beaten (?:[\w-]+ ){0,3}?by|(?:went|going|goes|go) down (?:[\d-]+ )?to) (?:the )?$"  # ("against the Houston Dash")
)
_RESULT_NOUN_AFTER = re.compile(r" (?:loss|defeat|draw|win|victory|thrashing|humiliation|reverse|setback)\b")
_MATCH_DAY = re.compile(
    r" (?:today|tonight|this (?:afternoon|evening|weekend)|on (?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday))\b"
)
_SPELL_AT = EndGate(
    r"\b(?:spells?|stints?|time|tenure|reign|career|days|period|success|work|years|seasons?) "
    r"(?:at|with|in charge of|in charge at|in charge) $"
)


# "arrived from Kilmarnock", "previously in charge of Frankfurt", "won Serie A with Napoli": a club in
# the career of the man the sentence is about.
_CAREER = EndGate(
    r"\b(?:(?:arrived|arrives|arrive|arriving|joined|joins|came|moved) from|"
    # ("previously first-team coach at Swindon Town": a job he held before)
    r"(?:previously|formerly|most recently) (?:in charge |(?:the )?(?:[\w-]+ ){0,2}?(?:coach|manager|boss|"
    r"assistant) )?(?:of|at|with)|"
    # ("Liam Garside, previously Doncaster Rovers' under-23 coach": the club of a job he held before)
    r", (?:previously|formerly|until now)(?: the)?|"
    r"won [\w' -]{2,40} with|(?:spent|spending) [\w' -]{2,30} (?:at|with|in charge of)) $"
)


def _career_owner(out: Resolved, club: ClubRef) -> PersonRef | None:
    """The person named before a club in its sentence: the one whose career it is."""
    before = [p for p in out.people if p.sentence == club.sentence and p.end <= club.start]
    return max(before, key=lambda p: p.start) if before else None


_FORMER_IN = re.compile(r"\b(?:former|ex-|ex|one-time|erstwhile|previous|then)\b")


def find_home_clubs(text: str, folded: str, out: Resolved) -> None:
    """Clubs the text places a manager at ("Leverkusen boss Alonso") or calls his former club; such
    mentions describe the man and are not where a rumour sends him."""
    del text
    clubs = sorted(out.clubs, key=lambda c: c.start)
    for club in clubs:  # "his spell at Flamengo": a career, not a move; "defeat by Chelsea": a match
        if _SPELL_AT.search(folded, max(0, club.start - 40), club.start) or _CAREER.search(
            folded, max(0, club.start - 60), club.start
        ):
            owner = _career_owner(out, club)
            for member in _chain_after(folded, clubs, clubs.index(club)):
                out.descriptors.add(member.start)
                if owner is not None:
                    out.career.setdefault(owner.name, set()).add(member.name)
        if _NOW_AT.search(folded, max(0, club.start - 30), club.start):
            out.descriptors.add(club.start)  # "Eidevall, now at San Diego Wave": where he is, not where he goes
            owner = _career_owner(out, club)
            if owner is not None:
                out.home.setdefault(owner.name, club.name)
        if FORMER_BEFORE.search(folded, max(0, club.start - 12), club.start):
            for member in _chain_after(folded, clubs, clubs.index(club)):  # "the former Newcastle, Aston
                out.descriptors.add(member.start)  # Villa and Sunderland manager": a career, not a move
        if folded.endswith("the ", 0, club.start) and _ROLE_AFTER.match(folded, club.end):
            out.descriptors.add(club.start)  # "monitoring the Bologna coach": who he is, not where he goes
        if _OPPONENT.search(folded, max(0, club.start - 30), club.start) or (
            folded.endswith("at ", 0, club.start - 4 if folded.endswith("the ", 0, club.start) else club.start)
            and _MATCH_DAY.match(folded, club.end)
        ):  # ("whatever happens at the Amex today": where a match is played, not the club)
            for member in _chain_after(folded, clubs, clubs.index(club)):  # "against Portugal and Greece"
                out.descriptors.add(member.start)
                out.opponents.add(member.start)
    # "… after Brentford loss" over "beaten 2-0 at home by Brentford": a club the story names as an
    # opponent is the opponent in a headline's "after <club> loss" too
    beaten = {c.name for c in clubs if c.start in out.opponents}
    for club in clubs:
        if club.name in beaten and _RESULT_NOUN_AFTER.match(folded, club.end):
            out.descriptors.add(club.start)
            out.opponents.add(club.start)
    # (clubs by place: each person's loops below look only at the clubs around him, found by bisection;
    # a club that ends within 40 characters before a name starts no further back than its longest name)
    starts = [c.start for c in clubs]
    longest = max((c.end - c.start for c in clubs), default=0)
    for person in out.people:  # "the former Manchester United interim manager" describes a man
        if person.explicit:
            continue
        for club in clubs[bisect.bisect_left(starts, person.start) : bisect.bisect_right(starts, person.end)]:
            if person.start <= club.start and club.end <= person.end:
                out.descriptors.add(club.start)
                out.career.setdefault(person.name, set()).add(club.name)
                if not _FORMER_IN.search(folded, person.start, club.start):
                    out.home.setdefault(person.name, club.name)  # "the Celtic head coach told BBC Sport"
    for person in out.people:
        if not person.explicit:
            continue
        # "<Club> boss <Manager>", "<Club>'s <Manager>", "former <Club> and <Club> boss <Manager>"
        lowest = bisect.bisect_left(starts, person.start - 40 - longest)
        for index in range(bisect.bisect_right(starts, person.start) - 1, lowest - 1, -1):
            club = clubs[index]
            if club.end > person.start or person.start - club.end > 40:
                continue
            gap = folded[club.end : person.start]
            if "\n" in gap or _SENTENCE_BREAK.search(gap):
                break
            if HOME_BEFORE.match(gap) or gap in ("'s ", " ") or (gap == "' " and folded[club.end - 1] == "s"):
                chain = _chain_before(folded, clubs, index)
                former = FORMER_BEFORE.search(folded[max(0, chain[0].start - 12) : chain[0].start])
                # ("Pierre Sage of Lens and Feyenoord's Robin van Persie": Lens is Sage's)
                chain = [m for m in chain if not out.described_by.get(m.start, set()) - {person.name}] or chain[-1:]
                for member in chain:
                    out.descriptors.add(member.start)
                    out.described_by.setdefault(member.start, set()).add(person.name)
                    if former:
                        out.former.setdefault(person.name, set()).add(member.name)
                    else:
                        out.home.setdefault(person.name, member.name)
            break
        # "<Manager>, the <Club> boss" / "<Manager>, the former <Club> manager": the first club after
        # the name, if it stands within 30 characters
        for club in clubs[bisect.bisect_left(starts, person.end) : bisect.bisect_right(starts, person.end + 30)]:
            gap = folded[person.end : club.start]
            tail = folded[club.end : club.end + 25]
            described = re.fullmatch(r",\s+(?:the\s+)?(?:current\s+)?", gap) and re.match(rf"(?:'s)?\s+{_ROLE}", tail)
            bracketed = re.fullmatch(r"\s*\(\s*", gap) and folded[club.end : club.end + 2].startswith(")")
            if described or bracketed or _UNDER_CONTRACT.fullmatch(gap) or _HELD_AT.fullmatch(gap):
                out.home.setdefault(person.name, club.name)
                out.descriptors.add(club.start)
                out.described_by.setdefault(club.start, set()).add(person.name)
            elif gap == " of " and not _AWARD.match(folded, club.end):
                # "Kevin Muscat of Shanghai Port": the club he is at.
                out.home.setdefault(person.name, club.name)
                out.descriptors.add(club.start)
                out.described_by.setdefault(club.start, set()).add(person.name)
            elif re.fullmatch(r",\s+(?:the\s+|a\s+)?(?:former|ex-|ex)\s+", gap):
                if not _PLAYED_AS.match(folded, club.end):  # (a club he played for is no job he held)
                    out.former.setdefault(person.name, set()).add(club.name)
                out.descriptors.add(club.start)
                out.described_by.setdefault(club.start, set()).add(person.name)
            break
        _their_coach(folded, clubs, starts, person, out)


# "Habib Beye, a former Marseille captain": he played there.
_PLAYED_AS = re.compile(
    r"\s+(?:captain|midfielder|striker|defender|player|goalkeeper|keeper|winger|forward|full-back|centre-back|"
    r"centre-half|playmaker)\b"
)
# "Gareth Taylor's future at Liverpool": the job he holds now.
_HELD_AT = re.compile(r"'s?\s+(?:future|position|job)\s+(?:at|with|in charge of)\s+(?:the\s+)?")
_AWARD = re.compile(r"\s*(?:'s|the year|the month|the season)")
_THEIR_ROLE = written_from_first(
    rf"\btheir\s+(?:current\s+|own\s+)?{_ROLE}\s+$", rf"their(?<!\wtheir)\s+(?:current\s+|own\s+)?{_ROLE}\s+$"
)
# "Mamelodi Sundowns have confirmed that head coach Miguel Cardoso will stay": the club speaks of its own.
_ANNOUNCED_OF = re.compile(
    r"\s+(?:have|has)\s+(?:now\s+|officially\s+|also\s+)?(?:confirmed|announced|said|insisted|stated|revealed)"
    rf"\s+(?:that\s+)?(?:(?:their|its)\s+)?(?:[\w-]+\s+)?{_ROLE}\s+"
)
# "made contact with Brentford about Thomas Frank": the club asked about its own manager.
_HOLDER = re.compile(
    r"^\s+(?:over|about|for|regarding|to discuss|to ask about|for permission to (?:speak|talk) (?:to|with)|"
    r"about the (?:situation|availability) of)\s+"
    r"(?:(?:their|its|the)\s+)?(?:[\w-]+\s+)?"
    rf"(?:{_ROLE}\s+)?$"
)


def _their_coach(folded: str, clubs: list[ClubRef], starts: list[int], person: PersonRef, out: Resolved) -> None:
    """ "talks with Lyon over their coach Paulo Fonseca", "contact with Brentford about Thomas Frank":
    the club just named is his."""
    # The last club (by place) of his sentence that ends before him: looked for backwards from him,
    # and no further than his sentence (a club's sentence is that of its start, so it never grows back).
    club = None
    for index in range(bisect.bisect_left(starts, person.start) - 1, -1, -1):
        if clubs[index].sentence < person.sentence:
            break
        if clubs[index].sentence == person.sentence and clubs[index].end <= person.start:
            club = clubs[index]
            break
    if club is None:
        return
    if (
        _THEIR_ROLE.search(folded, max(0, person.start - 30), person.start)
        or (
            person.start - club.end <= 40
            and _HOLDER.match(folded[club.end : person.start])
            and re.search(
                r"\b(?:with|to|asked|approached|contacted)\s+(?:the\s+)?$", folded[max(0, club.start - 14) : club.start]
            )
        )
        or (person.start - club.end <= 60 and _ANNOUNCED_OF.fullmatch(folded, club.end, person.start))
    ):
        out.home.setdefault(person.name, club.name)
        out.descriptors.add(club.start)
        out.described_by.setdefault(club.start, set()).add(person.name)


_STATEMENT = LiteralScan(
    r"\b(?:(?:a|the|club|official|in a|brief|short) statement|statement (?:said|read|on|added)|official website|"
    r"club website|(?:its|their) website|press release|officially (?:confirmed|announced|appointed|named)|"
    r"(?:the club|the federation|the association|the board) (?:has |have )?(?:confirmed|announced|said)|"
    r"(?:club|federation|association|board) (?:has |have )?(?:confirmed|announced)|club announced|"
    r"club (?:has |have )?confirmed)\b"
)
# "Wolves have confirmed Vítor Pereira as head coach": the club announces.
_CLUB_ANNOUNCES = re.compile(
    r"^(?:'s? board)?\s+(?:have |has |had )?(?:officially |formally )?(?:confirmed|announced|unveiled)\b"
)
# A statement by a player's camp, an agent or a regulator is not the club's.
_NOT_CLUB = re.compile(r"\b(?:agent|agency|representatives?|camp|lawyers?|regulator|cmvm|family|player)\b")
_NO_STATEMENT = re.compile(r"(?:n't|\b(?:nobody|no one|not|never|yet to|neither|nor|without))\b[\w' ]{0,25}$")


def official_statement(folded: str, res: Resolved, sentences: list[Sentence]) -> str | None:
    """The club (or national team, for a federation) that announces something in the story itself:
    the subject of "confirmed" or "announced", or the club named nearest a statement."""
    for club in res.clubs:
        if club.start not in res.opponents and _CLUB_ANNOUNCES.match(folded[club.end : club.end + 60]):
            return club.name
    for match in _STATEMENT.finditer(folded):
        sentence = sentences[sentence_of(sentences, [s.start for s in sentences], match.start())]
        if _NOT_CLUB.search(folded, max(sentence.start, match.start() - 40), match.end() + 40):
            continue
        if _NO_STATEMENT.search(folded, max(sentence.start, match.start() - 30), match.start()):
            continue  # "Nobody at the club has said anything in public": no statement at all
        here = [c for c in res.clubs if c.sentence == sentence.index and c.start not in res.opponents]
        # (not "the former Samoa assistant" named between the announcing federation and its statement)
        before = [
            c
            for c in here
            if c.end <= match.start() and not FORMER_BEFORE.search(folded, max(0, c.start - 12), c.start)
        ]
        if before:
            return before[-1].name
        if here:
            return here[0].name
        title = {c.name for c in res.clubs if c.sentence == 0 and c.start not in res.opponents}
        if len(title) == 1:
            return next(iter(title))
        first = next((c for c in res.clubs if c.start not in res.opponents), None)
        return first.name if first else None
    return None
