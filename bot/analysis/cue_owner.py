"""Whose a cue is: the person a claim is about when the nearest name is not it ("a replacement for
under-fire Farke", "brushed aside suggestions that Baroni is at risk", a quote's speaker)."""

from __future__ import annotations

import re

from bot.analysis.clauses import Clause, Kind, clause_at, same_statement
from bot.analysis.cues import Cue
from bot.analysis.members import Relation
from bot.analysis.prefilter import WordGate
from bot.analysis.refs import ClubRef, PersonRef, Resolved, covered
from bot.analysis.subjects import at_a_place
from bot.analysis.text import Sentence, fold
from bot.analysis.words import NOT_PEOPLE

# "X's exit", "X's future": nouns a possessive manager owns; "X's staff leave" is about the staff.
_OWN_NOUN = re.compile(
    r"'s?\s+(?:(?:[\w-]+\s+){0,2})?(?:exit|departure|sacking|dismissal|resignation|future|position|job|contract|"
    r"tenure|reign|spell|stay|appointment|arrival|return|move|switch|odds|side|team|men|chances|record|"
    r"representatives|agent|camp|time|days|seat|name|talks|negotiations|discussions|renewal|extension|continuity|cycle|"
    r"chance|game|match)\b"
)


# "His staff leave with him": the staff's move, named by their possessor
_STAFF_BEFORE = re.compile(
    r"(?:\b(?:his|her)|'s) (?:whole |entire )?(?:coaching |backroom |technical )?(?:staff|assistants|backroom team)"
    # ("Jardine's assistants, most of whom came with him from Brazil, are also leaving")
    r"(?:, [^,;.]{1,80},)? (?:will |also |are to |are also |are )?$"
)


def possessor_only(folded: str, owner: PersonRef, cue: Cue) -> bool:
    """ "Tudor's staff leave with him", "His staff leave with him": the owner only possesses the subject."""
    if _STAFF_BEFORE.search(folded, max(0, cue.start - 140), cue.start):
        return True
    if not owner.explicit or owner.end > cue.start or not folded.startswith("'", owner.end):
        return False
    return _OWN_NOUN.match(folded, owner.end) is None


_COMPETITIONS = frozenset(
    f"{word}'s" for word in ("league", "bundesliga", "liga", "championship", "premiership", "eredivisie", "division")
)
_TELLER = re.compile(
    r"([A-Z][a-z][\w'’-]+)\s+(?:has\s+)?(?:tells|told|informs|informed|warns|warned)\s+(?:[\w'’.&-]+\s+){1,4}?"
    r"(?:that\s+)?(?:he|she)\s+(?:is|will|would|has|wants|plans)\s+(?:be\s+)?$"
)
_TELLING = ("tell", "told", "inform", "warn")  # one of them stands in every match of _TELLER
# ("Barcelona sporting director Deco has agreed a contract extension": the verb before a contract cue too)
_BARE_SUBJECT = re.compile(
    r"([A-Z][a-z][\w'-]+)\s+(?:has\s+|have\s+|had\s+|will\s+|is\s+(?:set\s+)?to\s+)?"
    r"(?:(?:agreed|signed|penned|been offered|been handed)\s+(?:an?\s+)?(?:new\s+)?(?:contract|deal)\s+)?$"
)
# ("Frei to retire and join …": a headline's own subject; not "expect the Austrian to leave")
_HEADLINE_SUBJECT = re.compile(r"^([A-Z][a-z][\w'-]+)\s+to\s+$", re.M)


# "Three were sacked within a week of an international break": a count of managers is the subject
_COUNTS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "several",
           "many", "most", "both")  # fmt: skip
_COUNTED_SUBJECT = re.compile(
    rf"(?:^|[.;:!?]\s+|\b(?:and|but|while|of whom|of them)\s+)(?:{'|'.join(_COUNTS)}|\d+)"
    r"(?:\s+(?:of them|of those|others?|more|managers|coaches|bosses|men))?\s+"
    r"(?:(?:were|have|had|are|was)\s+)?(?:(?:been|all|also)\s+)*$",
    re.IGNORECASE,
)


_UNNAMED_SUBJECT = re.compile(
    r"\b(?:[Aa]n?|[Hh]is|[Hh]er|[Tt]heir) (?:new |permanent |full-time |replacement |interim |caretaker )*"
    r"(?:head coach|manager|coach|boss|successor|replacement|assistant|assistant coach|assistant manager) "
    r"(?:will|would|should|is to|is set to|is expected to|is due to)\s+(?:then\s+)?$"
)


def other_subject_before(text: str, res: Resolved, cue: Cue) -> bool:
    """A capitalised name the article does not know stands right before the cue as its subject (or tells
    someone "he is leaving": "Lewandowski tells Barcelona he is leaving"), or a count of people does
    ("Three were sacked")."""
    before = max(0, cue.start - 80)
    lo = max(0, cue.start - 40)
    if _UNNAMED_SUBJECT.search(text, max(0, cue.start - 50), cue.start):
        return True  # "…; a new head coach will be announced in due course": someone not yet named
    window = text[lo : cue.start].lower()
    # (the pattern is tried only where one of its count words or a digit stands)
    counted = any(word in window for word in _COUNTS) or any(c.isdigit() for c in window)
    if counted and _COUNTED_SUBJECT.search(text, lo, cue.start):
        return True
    # (the words before most cues hold none of its verbs, and ``re`` tried it at each capital)
    window = text[before : cue.start]
    told = _TELLER.search(text, before, cue.start) if any(verb in window for verb in _TELLING) else None
    if told is not None and not covered(res, told.start(1)) and fold(told.group(1)) not in NOT_PEOPLE:
        return True
    match = _BARE_SUBJECT.search(text, max(0, cue.start - 45), cue.start) or _HEADLINE_SUBJECT.search(
        text, max(0, cue.start - 45), cue.start
    )
    if match is None or covered(res, match.start(1)):
        return False
    word = fold(match.group(1))
    if text[max(0, match.start(1) - 4) : match.start(1)].lower() == "the " and (
        text.startswith((" have", " are", " were"), match.end(1)) or word.endswith("s")
    ):
        return False  # "The Viola have relieved Vanoli", "The Dragons renew Farioli": a team's nickname
    if word in _COMPETITIONS:
        return False  # "the Bundesliga's most precarious jobs": a competition's, no one's act
    if at_a_place(text, 0, match.start(1)):
        return False  # "… at the Olympiastadion Berlin under pressure": a ground, not a person
    return word not in NOT_PEOPLE and text[max(0, match.start(1) - 2) : match.start(1)].strip() not in {".", "!", "?"}


# "X is not in question", "never thought about replacing him", "ruled out a change of coach": what is
# denied is a sacking.
_JOB_DENIAL = re.compile(
    r"(?:is|was|remains) not in question|.*\b(?:replacing|sacking|changing)\b.*|.*\bno (?:discussions?|debate)\b.*"
)
_CHANGE_AFTER = re.compile(
    r" (?:a |any )?(?:change of (?:coach|manager|head coach)|(?:coaching |managerial )?change\b)"
)
# "has no plans to replace Julian Nagelsmann": the denial is about the man named right after
_REPLACE_AFTER = re.compile(r" (?:replace|sack|dismiss|part ways with) ")


# "dismissed reports that X could be replaced"
_SACKING_AFTER = re.compile(r" that [^.;]{0,60}?\bbe (?:replaced|sacked|dismissed|axed|fired)\b")
_CHANGE_BEFORE = re.compile(r"\bchange of (?:coach|manager|head coach) $")


def denied_event(folded: str, cue: Cue) -> Relation:
    """What the cue speaks of: its own relation, or the sacking a denial of a change of coach denies."""
    if cue.relation is Relation.DENIED and (
        _JOB_DENIAL.fullmatch(folded, cue.start, cue.end)
        or _CHANGE_AFTER.match(folded, cue.end)
        or _REPLACE_AFTER.match(folded, cue.end)
        or _CHANGE_BEFORE.search(folded, max(0, cue.start - 30), cue.start)
        or _SACKING_AFTER.match(folded, cue.end)
        or _SOUGHT_FOR.search(folded, cue.start, cue.end)  # "not lining up a replacement for Eddie Howe"
    ):
        return Relation.SACKED
    return cue.relation


_JOB_BEFORE = re.compile(r"(?:position|job|future|place|role)\s*$")


def not_in_question_of_another(folded: str, owner: PersonRef, cue: Cue) -> bool:
    """ "X is not in question" stands by X only when X (or his job) is its subject: "the result is
    not in question, said X" is not about his job."""
    if not folded.startswith("not in question", cue.end - len("not in question")):
        return False
    return not (0 <= cue.start - owner.end <= 2 or _JOB_BEFORE.search(folded, max(0, cue.start - 12), cue.start))


_EPITHET = re.compile(r"under-fire|embattled|beleaguered")
_EPITHET_TO_NAME = re.compile(r" (?:[\w.'&-]+ ){0,3}")  # "under-fire Leeds boss Daniel Farke"


_DENIED_NOUN = re.compile(r".*\b(?:suggestions?|speculation|talk|claims?|reports?|rumou?rs?)")
_THAT = re.compile(r" that ")


def denial_replaces(folded: str, cue: Cue, person: PersonRef) -> bool:
    """ "has no plans to replace Julian Nagelsmann": the denial is about the man named right after."""
    replace = _REPLACE_AFTER.match(folded, cue.end)
    if replace is not None and replace.end() == person.start:
        return True
    # "are not lining up a replacement for Eddie Howe"
    return _SOUGHT_FOR.search(folded, cue.start, cue.end) is not None and not folded[cue.end : person.start].strip()


_SOUGHT_FOR = re.compile(r"(?:replacement|successor) (?:for|to)$")


_TITLE_WORDS = re.compile(
    r"(?:(?:the|their|its|head|coach|manager|boss|teknik|direktor|trainer|tecnico|mister)\s+){0,3}"
)


def denied_subject(folded: str, cue: Cue, people: list[PersonRef]) -> PersonRef | None:
    """The person right after a denial of "suggestions that …" ("dismissed claims that Baroni is at risk")."""
    if cue.relation is not Relation.DENIED:
        return None
    if _REPLACE_AFTER.match(folded, cue.end):  # "The DFB has no plans to replace Julian Nagelsmann": his
        return next((p for p in people if p.explicit and denial_replaces(folded, cue, p)), None)
    that = _THAT.match(folded, cue.end)
    if that is None or not _DENIED_NOUN.fullmatch(folded, cue.start, cue.end):
        return None
    # ("reports that teknik direktor Domenico Tedesco could be replaced": a title before the name)
    return next((p for p in people if p.explicit and _TITLE_WORDS.fullmatch(folded, that.end(), p.start)), None)


def epithet_of(folded: str, cue: Cue, everyone: list[PersonRef]) -> PersonRef | None:
    """The person an epithet of pressure stands before ("embattled Daniel Farke"), outgoing or not."""
    if not _EPITHET.fullmatch(folded, cue.start, cue.end):
        return None
    after = [p for p in everyone if p.explicit and p.start > cue.end]
    first = min(after, key=lambda p: p.start, default=None)
    if first is not None and _EPITHET_TO_NAME.fullmatch(folded, cue.end, first.start):
        return first
    return None


_APPOSED_SUCCESSOR = re.compile(r",\s+(?:[\w.'-]+\s+){0,2}?[\w.-]+(?P<of>'s?)\s+(?:successor|replacement)")


def apposed_successor(folded: str, owner: PersonRef, cue: Cue, res: Resolved) -> bool:
    """ "Keith Andrews, Frank's successor at Brentford, …": the successor of a person, set beside the name."""
    found = _APPOSED_SUCCESSOR.fullmatch(folded, owner.end, cue.end)
    return found is not None and any(p.end == found.start("of") for p in res.people)


_QUOTE_CLOSE = re.compile(r"[,.!?]?['\"]\s*(?:[\w.-]+\s+){0,3}$")
_COACH_SAID_AFTER = re.compile(
    r"[^'\"]*[,.!?]['\"]\s*(?:the\s+)?(?:[\w.-]+\s+){0,2}(?:head coach|manager|boss|coach)\s+(?:said|says|added)\b"
)
_NAME_SAID_AFTER = re.compile(r"[^'\"]*[,.!?]['\"]\s*([\w.-]+)\s+(?:said|says|added)\b")
_QUOTE_OPENS = re.compile(r"[:,]\s*['\"]")
_QUOTE_ENDS = re.compile(r"(?<![a-z])['\"](?![a-z])|(?<=[a-z.,!?])['\"](?![a-z])")
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'll|me)\b")
_THIRD_PERSON = re.compile(r"\b(?:he|she|he's|she's)\s+(?:[\w']+\s+)?$")


def _his_own_quote(folded: str, owner: PersonRef) -> bool:
    """The pronoun stands in a quote still open that the man it was taken for opened: his own words, in
    which "he" is another man."""
    lo = max(0, folded.rfind("\n", 0, owner.start) + 1, owner.start - 300)
    opens = list(_QUOTE_OPENS.finditer(folded, lo, owner.start))
    opened = opens[-1] if opens else None
    if opened is None or _QUOTE_ENDS.search(folded, opened.end(), owner.start):
        return False
    # (he is named just before it, in the same sentence: "Unai Emery on the striker situation: '")
    speaker = folded[max(lo, opened.start() - 30) : opened.start()]
    surname = fold(owner.name.split()[-1])
    return surname in speaker and ". " not in speaker[speaker.rfind(surname) :]


def quoted_of_another(folded: str, owner: PersonRef, cue: Cue) -> bool:
    """The owner is the speaker named after a quote ("…,' the Villa head coach said") and the cue, in
    the quote, is not said of himself ("nobody has called me", "I am happy here")."""
    if folded[owner.start : owner.end] in ("he", "she") and owner.end <= cue.start:
        # "he" in a quote the coach himself speaks is someone else: "He chose to stay here,' the head
        # coach said of his midfielder"
        if _COACH_SAID_AFTER.match(folded, cue.end, cue.end + 200) is not None:
            return True
        # ("… he will leave as a legend here,' Flick said": the coach himself speaks, of his striker)
        named = _NAME_SAID_AFTER.match(folded, cue.end, cue.end + 200)
        if named is not None and named.group(1) == fold(owner.name.split()[-1]):
            return True
        # ("Unai Emery on Watkins: 'He is our captain. He stays.'": the coach named before his quote)
        return _his_own_quote(folded, owner)
    if owner.start < cue.end or not _QUOTE_CLOSE.search(folded, cue.end, owner.start):
        return False
    # ("'I am happy he stays,' coach X said", "'For me he can stay,' the German said": someone else)
    if _THIRD_PERSON.search(folded, max(0, cue.start - 12), cue.start) is not None:
        return True
    return not owner.explicit and _FIRST_PERSON.search(folded, max(0, cue.start - 12), cue.end) is None


def in_quote(folded: str, sentence: Sentence, position: int) -> bool:
    return folded.count('"', sentence.start, position) % 2 == 1


# "to replace Massimiliano Allegri should he leave": the man to be replaced, right before a condition on him
_REPLACED = re.compile(r"\b(?:replace|replacing|succeed|succeeding|successor to|replacement for)\s+$")
_HE_OPENS = re.compile(r"\W*(?:if|should|in case|unless)\s+(?:he|she)\b")


def antecedent_of(folded: str, everyone: list[PersonRef], clause: Clause) -> PersonRef | None:
    """ "to replace Steve Cooper, who was dismissed on Sunday": a relative clause is about the man
    named just before it; so is a condition on "he" right after the man a club would replace."""
    if clause.kind is Kind.CONDITIONAL and _HE_OPENS.match(folded, clause.start):
        return next(
            (
                p
                for p in everyone
                if p.explicit
                and 0 <= clause.start - p.end <= 2
                and _REPLACED.search(folded, max(0, p.start - 20), p.start)
            ),
            None,
        )
    if clause.kind is not Kind.RELATIVE:
        return None
    return next((p for p in everyone if p.explicit and 0 <= clause.start - p.end <= 2), None)


_TALKS_ABOUT = re.compile(
    r"\b(?:over|about|for|regarding)\s+(?:(?:their|its|the)\s+(?:[\w-]+\s+)?(?:coach|manager|boss|head coach)\s+)?$"
)


def object_of_talks(folded: str, people: list[PersonRef], cue: Cue) -> PersonRef | None:
    """ "open talks with Brentford over Thomas Frank": the talks are about the man named after them."""
    if cue.relation not in (Relation.TALKS, Relation.OFFER, Relation.AGREED):
        return None
    for person in people:
        if cue.end <= person.start <= cue.end + 60 and _TALKS_ABOUT.search(folded, person.start - 40, person.start):
            return person
    return None


# "Asked whether the two-time Ballon d'Or winner will stay", "tried to convince the midfielder to stay":
# a player named by his position is the subject of the cue right after him. (A word gate: ``re`` tried
# it at each of the 70 places before every cue; it now runs only where a position's word stands there.)
_PLAYER_SUBJECT = WordGate(
    r"\bthe (?:[\w'.-]+ ){0,4}?(?:midfielder|striker|forward|defender|winger|goalkeeper|keeper|full-back|"
    r"centre-back|captain|player|winner|youngster|teenager|playmaker|international)\s+"
    r"(?:(?:will|would|can|could|to|should|must|is|was|not|be|set|going|wants?|decides?|decided)\s+){0,3}$"
)


# "Palace close in on winger", "in talks over a deal for midfielder X": the object of the move is a player.
_PLAYER_OBJECT = re.compile(
    r"\s+(?:(?:the|a|an|their|[\w.-]+'s)\s+)?(?:[\w-]+\s+){0,2}?(?:midfielder|striker|forward|defender|winger|"
    r"goalkeeper|keeper|full-back|centre-back|playmaker|youngster|teenager)\b"
)
_MOVE_TO = frozenset({Relation.LINKED, Relation.TALKS, Relation.OFFER, Relation.AGREED})


def player_subject(folded: str, cue: Cue) -> bool:
    """The cue's subject, or the object of a move, is a player named by his position."""
    if cue.relation in _MOVE_TO and _PLAYER_OBJECT.match(folded, cue.end):
        return True
    return _PLAYER_SUBJECT.search(folded, max(0, cue.start - 70), cue.start) is not None


_STATEMENT_SUBJECT = re.compile(r"\W*([A-Z][a-z][\w'-]+)(?:\s+[A-Z][a-z][\w'-]+)*\W*")


def unknown_subject_of_statement(
    text: str, res: Resolved, clauses: list[Clause], clause: Clause, owner: PersonRef
) -> bool:
    """ "Pintus, who has worked with Ancelotti at Real Madrid, will leave": the statement's subject is a
    capitalised name the story does not know, and the owner stands in a clause set into it."""
    if clause.kind is not Kind.MAIN or same_statement(clauses, clause, owner.start):
        return False
    first = next(c for c in clauses if c.kind is Kind.MAIN and c.group == clause.group)
    match = _STATEMENT_SUBJECT.fullmatch(text, first.start, first.end)
    return match is not None and not covered(res, match.start(1)) and match.group(1).lower() not in NOT_PEOPLE


_SPOKE = re.compile(r"(?:spoken|spoke|speaking|talked|talking) (?:to|with)")
_MEDIA = re.compile(
    r"(?:spoken|spoke|speaking|talked|talking) (?:to|with) (?:[\w'.-]+ ){0,3}?"
    r"(?:tv|radio|reporters|journalists|the media|the press|podcast|newspaper)\b"
)


def spoke_to_media(folded: str, cue: Cue, owner: PersonRef) -> bool:
    """ "X spoke to reporters", "Speaking to Real Madrid TV, the president said": an interview, not talks
    (only "<club> have spoken to X" is talks)."""
    if not _SPOKE.match(folded, cue.start):
        return False
    if _MEDIA.match(folded, cue.start) is not None:
        return True
    # ("Rooney says he has spoken to Derby's owner about returning as manager": his talks about the job)
    return owner.start < cue.start and _ABOUT_THE_JOB.match(folded, cue.end) is None


_ABOUT_THE_JOB = re.compile(
    r"[^.;]{0,60}?\babout (?:returning|taking over|becoming|managing|coaching|the (?:manager's |head coach's |"
    r"coaching |vacant )?(?:job|post|vacancy|role))\b"
)


# "the coach's future", "the manager's position": the club's coach, whoever is named after it
_THE_COACHS = re.compile(r"\bthe (?:head )?(?:coach|manager|boss|gaffer)'s\b")


def described_incumbent(folded: str, owner: PersonRef, cue: Cue) -> bool:
    """ "… the board will meet to discuss the coach's future, and the club have sounded out Mancini": the
    pressure cue names its own man, the coach in post, not the one named after it."""
    return (
        cue.relation is Relation.UNDER_PRESSURE
        and owner.start >= cue.end
        and _THE_COACHS.search(folded, max(0, cue.start - 4), cue.end) is not None
    )


def exit_in_condition(clauses: list[Clause], clause: Clause, owner: PersonRef, cue: Cue) -> bool:
    """ "Milan draw up a shortlist in case Allegri walks": the man whose exit is the condition is not on the
    list the main clause draws up."""
    if cue.relation not in (Relation.LINKED, Relation.TALKS, Relation.OFFER):
        return False
    own = clause_at(clauses, owner.start)
    return own is not clause and own.kind is Kind.CONDITIONAL and not own.start <= cue.start < own.end


def anothers_cue(folded: str, clauses: list[Clause], clause: Clause, owner: PersonRef, cue: Cue) -> bool:
    """The cue is about someone other than the man nearest it: a quote's subject, the coach in post a
    description names, or a shortlist drawn up in case he leaves."""
    return (
        quoted_of_another(folded, owner, cue)
        or described_incumbent(folded, owner, cue)
        or exit_in_condition(clauses, clause, owner, cue)
    )


# "there are no plans to change head coach", "no intention of changing coach": a change of coach denied
_CHANGE_OF_COACH = re.compile(
    r"\s+(?:(?:to\s+)?(?:change|changing|replace|replacing)\s+|(?:a\s+|any\s+)?change\s+of\s+)?"
    r"(?:the\s+|their\s+|its\s+)?(?:head\s+)?(?:coach|manager|boss)\b"
)


# "'there is no discussion about the coach'": a denial whose own words end on the coach in post
_OF_THE_COACH = re.compile(r"\bthe (?:head )?(?:coach|manager)$")


def coach_kept(folded: str, res: Resolved, cues: list[Cue], clubs: list[ClubRef]) -> tuple[str, int] | None:
    """ "People close to the West Ham board say there are no plans to change head coach", "the board will
    meet to discuss the head coach's future": with no one named in the sentence, the denial or the doubt is
    about the coach the story names at the club the sentence (or else the headline) names; and where the
    words stand that speak of him (the first such cue's start)."""
    kept = [
        c
        for c in cues
        if c.relation is Relation.DENIED
        and (_CHANGE_OF_COACH.match(folded, c.end) or _OF_THE_COACH.search(folded, c.start, c.end))
    ]
    # ("the board will meet to discuss the head coach's future": the coach in post, at the headline's club)
    doubted = [c for c in cues if c.relation is Relation.UNDER_PRESSURE and _THE_COACHS.search(folded, c.start, c.end)]
    if not kept and not doubted:
        return None
    here = {c.name for c in clubs if c.start not in res.opponents} or {c.name for c in res.clubs if c.sentence == 0}
    coaches = {p.name for p in res.people if (res.home.get(p.name) or res.kb_home.get(p.name)) in here}
    if not coaches:
        # "Why Xabi Alonso is the right man for Real Madrid": the one man of the headline, of no club
        # known, at the club the headline names
        named = {p.name for p in res.people if p.sentence == 0}
        if len(named) == 1 and not here:
            coaches = named  # ("FA: Wiegman not up for debate" over "has ruled out a change of coach": no club named)
        elif len(named) == 1 and any(c.sentence == 0 and c.name in here for c in res.clubs):
            coaches = {name for name in named if not (res.home.get(name) or res.kb_home.get(name))}
    return (next(iter(coaches)), min(c.start for c in (*kept, *doubted))) if len(coaches) == 1 else None


_COACH_IN_QUESTION = re.compile(
    r"\bthe (?:head )?(?:coach|manager)'s (?:future|position)\b|\bchang(?:e|ing) (?:head )?coach\b|"
    r"\bchange of (?:head )?(?:coach|manager)\b|"
    # "'there is no discussion about the coach'"
    r"\b(?:discussion|debate|questions?|talk) (?:about|over|on) the (?:head )?(?:coach|manager)\b"
)


def coach_in_question(folded: str, sentence: Sentence) -> bool:
    """A sentence that names no one may still be about the coach in post (see ``coach_kept``)."""
    # (every match holds "coach" or "manager": most sentences are ruled out without the pattern)
    if (
        folded.find("coach", sentence.start, sentence.end) < 0
        and folded.find("manager", sentence.start, sentence.end) < 0
    ):
        return False
    return _COACH_IN_QUESTION.search(folded, sentence.start, sentence.end) is not None


# "Interim coach Calum McFarlane", "his successor Bruno Génésio": a title before a name, not news of a move
TITLE_BEFORE_NAME = re.compile(
    r"(?:interim|caretaker|temporary|stand-in|successor(?:(?<=h(?:is|er) successor)|(?<='s successor)))\b"
)
