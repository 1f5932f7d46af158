"""Who a cue is about: the person it belongs to, and the people listed with him."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.analysis.cues import Cue
from bot.analysis.members import Relation
from bot.analysis.prefilter import WordGate, written_from_first
from bot.analysis.refs import ClubRef, PersonRef, Resolved, covered, overlaps
from bot.analysis.text import Sentence, fold
from bot.analysis.words import NOT_PEOPLE

# (this and _NAME_PAIR: the word start before the capital is looked behind at from the capital)
_PERSON_WORD = written_from_first(r"\b[A-Z](?:'[A-Z])?[a-z][\w'-]+", r"[A-Z](?<!\w.)(?:'[A-Z])?[a-z][\w'-]+")
# The word after a capitalised one that makes the pair a ground or a training base, not a person.
_PLACE_NAME = re.compile(r" (?:Park|Road|Lane|Stadium|Arena|Ground|Stadion|Bridge)\b")
# "at the Santiago Bernabéu", "in the Olympiastadion Berlin": capitalised words after "at the" name a ground
_AT_THE_PLACE = re.compile(r"\b(?:at|in) the (?:[A-Z][\w'’-]*\s+)*$")


def at_a_place(text: str, lo: int, start: int) -> bool:
    """The capitalised word at ``start`` is part of a ground's name after "at the" / "in the"."""
    return _AT_THE_PLACE.search(text, max(lo, start - 40), start) is not None


# (after a contract cue, the offer's noun may come first: "a new contract offer for Rodri")
_OBJECT_PERSON = re.compile(
    # ("the negotiations between Barcelona and Raphinha's entourage": the other side is a person)
    r"^[^\w.,;:!?\n]{0,3}(?:between\s+[\w'.-]+(?:\s+[\w'.-]+){0,2}?\s+and\s+)?"
    r"(?:(?:offer|deal|proposal|talks)\s+(?=for|with|to))?"
    r"(?:(?:the|a|an|for|on|with|to)\s+){0,2}([A-Z][a-z][\w'-]+)"
)


_TOLD_HE = WordGate(
    r"\b(?:told|tells|informed|informs|assured|assures|promised|promises|warned|warns)\s+"
    # ("told Canal+ on Sunday that he …": an outlet's name may hold a "+" or a ".")
    r"(?:(?:[A-Z][\w'’+.-]+\s+){1,3}(?:that\s+)?(?:he|she)\b|(?:[\w'’+.-]+\s+){1,8}?that\b)"
)


# "Slot wants him to stay", "urged her to sign": the cue is what the manager wants of someone else
_WANTS_OF = re.compile(
    r"\b(?:wants?|wanted|wanting|asked|asks|urged|urges|expects?|expected|persuad\w+|convinc\w+|begged|"
    r"encourag\w+|would like|'d like|would love|hopes?|hoped) (?:him|her|them) (?:to )?(?:[\w'-]+ )?$",
    re.IGNORECASE,
)


def blocked(text: str, res: Resolved, lo: int, hi: int, sentence: Sentence) -> bool:
    """Another (unknown) person stands between the manager and the cue: the cue is about them."""
    if _WANTS_OF.search(text, lo, hi):
        return True
    told = _TOLD_HE.search(text, lo, hi)
    if told is not None:
        lo = told.end()  # "Conte has told Aurelio De Laurentiis he will leave": "he" is Conte
    for word in _PERSON_WORD.finditer(text, lo, hi):
        if word.start() == sentence.start or covered(res, word.start()):
            continue
        if fold(word.group()).removesuffix("'s") in NOT_PEOPLE:
            continue
        if text[max(sentence.start, word.start() - 2) : word.start()].strip() in {".", "!", "?", '"', "“"}:
            continue
        if _PLACE_NAME.match(text, word.end()) or _MEDIUM.match(text, word.end()):
            continue  # "at Portman Road", "told the Kicker podcast": a place or a medium, not a person
        if _CLUB_TITLE.fullmatch(text, word.end(), hi):
            continue  # "agreed terms with Bodø/Glimt head coach Kjetil Knutsen": his club, in his title
        if at_a_place(text, lo, word.start()):
            continue  # "at the Santiago Bernabéu": a ground
        if text[max(lo, word.start() - 4) : word.start()] == "the " and _COMMANDS.search(text, lo, word.start()):
            continue  # "will command the Tricolor", "will lead the Lions": a team he leads, by its nickname
        return True
    return False


_MEDIUM = re.compile(
    r"\s+(?:podcast|newspaper|paper|show|programme|program|magazine|channel|website|documentary|column)\b"
)
# the rest of a club's name and a head coach's title, up to the name that follows
_CLUB_TITLE = re.compile(r"(?:[/ -]?[A-Z][\w'’-]*)*(?:['’]s?)?\s+(?:head coach|manager|coach|boss|trainer)\s+")
_COMMANDS = re.compile(r"\b(?:lead|leads|command|commands|coach|coaches|take charge of|takes charge of)\s+the\s+$")


# (each word taken whole, ``++``: what follows a word is a space or the end of the match, so a word cut
# short never leads to a match, and a lone capitalised word was given back letter by letter)
_NAME_PAIR = written_from_first(
    r"\b[A-Z][\w'’-]+(?:\s+(?:de|da|van|der|ten|di|le|dos)?\s*[A-Z][\w'’-]+)+",
    r"[A-Z](?<!\w.)[\w'’-]++(?:\s+(?:de|da|van|der|ten|di|le|dos)?\s*[A-Z][\w'’-]++)+",
)


def stranger_named(text: str, res: Resolved, lo: int, hi: int) -> bool:
    """Someone the article does not know is named in full between ``lo`` and ``hi``."""
    for match in _NAME_PAIR.finditer(text, lo, hi):
        if overlaps(res, match.start(), match.end()):
            continue
        if not any(fold(w).removesuffix("'s") in NOT_PEOPLE for w in match.group().split()):
            return True
    return False


def other_subject(text: str, res: Resolved, sentence: Sentence) -> bool:
    """The sentence is about someone else: it starts with, or names, a person we do not know."""
    return stranger_named(text, res, sentence.start, sentence.end) or stranger_first(text, res, sentence)


def stranger_first(text: str, res: Resolved, sentence: Sentence) -> bool:
    """The sentence starts with a person we do not know."""
    first = _PERSON_WORD.match(
        text,
        sentence.start
        + len(text[sentence.start : sentence.end])
        - len(text[sentence.start : sentence.end].lstrip(" \"'“‘-–0123456789:")),
    )
    if first and not covered(res, first.start()):
        return fold(first.group()).removesuffix("'s") not in NOT_PEOPLE
    return False


_LEAVE_VERBS = frozenset({"leave", "leaves", "left", "leaving"})


def left_by_a_result(folded: str, cue: Cue, owner: PersonRef) -> bool:
    """ "the defeat left Spalletti with problems": the man named right after "left" is left, he does not
    leave (not "will leave his position": his own)."""
    return (
        cue.relation is Relation.LEFT
        and folded[cue.start : cue.end] in _LEAVE_VERBS
        and owner.start >= cue.end
        and not folded[cue.end : owner.start].strip()
        and folded[owner.start : owner.end] not in ("his", "her")
    )


def led_by_a_stranger(text: str, folded: str, res: Resolved, sentence: Sentence, owner: PersonRef, cue: Cue) -> bool:
    """ "Kern, 38, worked alongside Röhl at Sheffield Wednesday and joins on a two-year contract": a verb
    after "and" with no subject of its own has the sentence's, here a person the story does not know."""
    return (
        folded.endswith((", and ", " and "), 0, cue.start)
        and sentence.start + 2 < owner.start < cue.start
        and stranger_first(text, res, sentence)
    )


def rival_closer(
    text: str, res: Resolved, sentence: Sentence, cue: Cue, gap: int, described: tuple[int, int] = (0, 0)
) -> bool:
    """Someone else (a player's full name) stands nearer the cue than the manager: it is theirs. Not
    someone named in the clause that describes the manager (``described``: "De Zerbi, who sanctioned
    Mason Greenwood's sale last week, is on the brink")."""
    for start, end in _rivals(text, res, sentence):
        if described[0] <= start and end <= described[1]:
            continue
        if start >= cue.end and _SUBJECT_OF_RELATIVE.match(text, end):
            continue  # "among the names Claudio Lotito is considering": who considers, not who is named
        if cue.relation in _CLUBS_ACTS and _OFFICIAL_BEFORE.search(text, max(0, start - 30), start):
            continue  # "sporting director Davide Vagnati has made contact with X": the club acts through him
        if cue.relation is Relation.LEFT and text[cue.end : start] == " " and fold(text[cue.start : cue.end]) in _LEAVE:
            continue  # "Valverde will leave San Mamés": the place he leaves, not someone who leaves
        if distance(start, end, cue.start, cue.end) < gap:
            return True
    return False


_LEAVE = frozenset({"leave", "leaves", "leaving", "left"})


class _Kept:
    """The rivals of the last sentence asked about (one tuple, replaced whole: safe when threads share the
    analyser): a sentence's cues are weighed one after another, and its names are the same for each."""

    rivals: tuple[str, Resolved, int, int, int, list[tuple[int, int]]] | None = None


def _rivals(text: str, res: Resolved, sentence: Sentence) -> list[tuple[int, int]]:
    """Where the sentence names, in full, someone the story does not know: not a person it names, not
    one told something, no common word, no outlet ("El Correo reports")."""
    kept = _Kept.rivals
    if (
        kept is not None
        and kept[0] is text
        and kept[1] is res
        and kept[2:5] == (len(res.spans), sentence.start, sentence.end)
    ):
        return kept[5]
    told = [m.span() for m in _TOLD_HE.finditer(text, sentence.start, sentence.end)]
    found: list[tuple[int, int]] = []
    for match in _NAME_PAIR.finditer(text, sentence.start, sentence.end):
        if overlaps(res, match.start(), match.end()):
            continue
        if any(lo <= match.start() and match.end() <= hi for lo, hi in told):
            continue  # "has told Aurelio De Laurentiis he will leave": the one told, not the one leaving
        words = [fold(w).removesuffix("'s") for w in match.group().split()]
        if any(w in NOT_PEOPLE for w in words):
            continue
        if _REPORTS.match(text, match.end()):
            continue  # "…, El Correo reports": the outlet, not a person the cue is about
        if at_a_place(text, sentence.start, match.start()):
            continue  # "at the Olympiastadion Berlin": a ground
        found.append(match.span())
    _Kept.rivals = (text, res, len(res.spans), sentence.start, sentence.end, found)
    return found


# A club's approach, offer or interest, made by one of its officials named by his office.
_CLUBS_ACTS = frozenset({Relation.TALKS, Relation.OFFER, Relation.LINKED})
_OFFICIAL_BEFORE = re.compile(
    r"\b(?:sporting director|technical director|director of football|president|chairman|chairwoman|owner|"
    r"chief executive|general manager|vice-president)\s+$",
    re.IGNORECASE,
)
_REPORTS = re.compile(r"\s+(?:reports?|reported|says|said|understands|claims|writes|revealed|adds)\b")


def cue_object_is_person(text: str, res: Resolved, cue: Cue) -> bool:
    """'keen on Isak', 'linked with Gyokeres': the cue points at a player, not a club or manager."""
    inside = _NAMED_INSIDE.search(text, cue.start, cue.end)
    if inside and not covered(res, inside.start(1)) and fold(inside.group(1)) not in NOT_PEOPLE:
        return True  # "have offered Raphinha a new contract": the offer is the player's
    match = _OBJECT_PERSON.match(text[cue.end : cue.end + 40])
    if not match:
        return False
    pos = cue.end + match.start(1)
    if covered(res, pos):
        return False
    if _SUBJECT_OF_RELATIVE.match(text, cue.end + match.end()):
        return False  # "among the names Claudio Lotito is considering": the subject of what follows
    return fold(match.group(1)).removesuffix("'s") not in NOT_PEOPLE  # ("the Italian's representatives")


_NAMED_INSIDE = re.compile(r"\s([A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)?\s+(?:a|an|the)\s")
_SUBJECT_OF_RELATIVE = re.compile(
    r"(?:\s+[A-Z][\w'-]+){0,2}\s+(?:is|are|was|were|has|have|had)\s+(?:\w+ing|been|already|also)\b"
)
OWN_EXIT = re.compile(r"(?:'s?)?\s*(?:(?:is|was|has been|had been)\s+)?")
_EXITS = (Relation.SACKED, Relation.LEFT)
_CLAUSE_BREAK = re.compile(r",|;|\bbut\b|\bwhile\b|\bwhereas\b")
_VERB_AFTER_COMMA = re.compile(r",\s+(?:\w+\s+){0,2}$")
_STARTS_SENTENCE = re.compile(r"(?:^|[.!?]\s+|\n\s*|['\"‘“]\s*)$")
_AT_HIS_SIDE = re.compile(r"\b(?:at|against|by|to|over|with|from)\s+$")
_PREPOSITION_BEFORE = re.compile(r"\b(?:to|under|with|alongside|for|of|by|than|from)\s+$")


_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'll|my|me)\b")


def _quoted_after_colon(folded: str, people: list[PersonRef], cue: Cue) -> PersonRef | None:
    """ "De Zerbi hits back at Domenech: 'I want to stay at Marseille'": a first-person quote after a colon
    is the words of the first man named in the clause the colon ends."""
    colon = folded.rfind(": ", max(0, cue.start - 80), cue.start)
    if colon < 0 or folded[colon + 2 : colon + 3] not in ("'", '"', "‘", "“"):
        return None
    if not _FIRST_PERSON.search(folded, colon + 2, cue.start) or "\n" in folded[colon : cue.start]:
        return None
    # (the subject of the clause the colon ends: "…, while Sean Dyche used his press conference to …:")
    breaks = [m.end() for m in _CLAUSE_OPENING.finditer(folded, max(0, colon - 200), colon)]
    lo = breaks[-1] if breaks else 0
    before = [p for p in people if lo <= p.start and p.end <= colon and "\n" not in folded[p.end : colon]]
    return min(before, key=lambda p: p.start) if before else None


_CLAUSE_OPENING = re.compile(r", (?:while|and|but|as|whereas) |; ")


_NEW_CLAUSE_SUBJECT = re.compile(r"\b(?:as|while|whereas|when|once)\s+$")


def owner_of(folded: str, people: list[PersonRef], cue: Cue) -> PersonRef:
    """The person a cue is about: the nearest one, unless a clause break separates a later name
    ("X lasted 39 days before being sacked, Y was dismissed by Z") or the nearer name only sits in a
    modifying phrase ("X, once an assistant to Y at Z, was appointed")."""
    if (speaker := _quoted_after_colon(folded, people, cue)) is not None:
        return speaker
    ranked = sorted(people, key=lambda p: distance(p.start, p.end, cue.start, cue.end))
    best = ranked[0]
    # "He replaces Gattuso, who resigned in March, and takes charge of the national team": a verb after
    # "and" with no subject of its own, and no one named after it, has the sentence's subject
    first = min(people, key=lambda p: p.start)
    if (
        folded.endswith((", and ", " and "), 0, cue.start)
        and first.start < cue.start
        and all(p.start < cue.start for p in people)
        and _STARTS_SENTENCE.search(folded, max(0, first.start - 3), first.start)
        and _CLAUSE_BREAK.search(folded, first.end, cue.start)
    ):
        return first
    for person in ranked:
        if person.start >= cue.end:
            if _CLAUSE_BREAK.search(folded, cue.end, person.start):
                continue
            # "X's contract was terminated by mutual consent on 2 June and Y arrived": a new subject
            if cue.relation in _EXITS and person.start - cue.end > 6 and folded.endswith(" and ", 0, person.start):
                continue
            # "Conte and Napoli part ways as Italiano agrees to take over": the subject of a clause of its own,
            # with a man named before the cue for it
            if _NEW_CLAUSE_SUBJECT.search(folded, max(cue.end, person.start - 8), person.start) and any(
                p.end <= cue.start for p in people
            ):
                continue
            # "is not thinking about the sack after the defeat at Marco Silva's Fulham": a man named after
            # the cue as the possessor of the place a match was played, or of the side it was against
            if folded.startswith(("'s ", "’s "), person.end) and _AT_HIS_SIDE.search(
                folded, max(cue.end, person.start - 12), person.start
            ):
                continue
        elif (
            person.explicit
            and _VERB_AFTER_COMMA.search(folded, person.end, cue.start)
            and _PREPOSITION_BEFORE.search(folded, max(0, person.start - 12), person.start)
        ):
            continue
        return person
    return best


_PEOPLE_LIST = re.compile(
    r"(?:\s+(?:of|at)\s+@)?"  # "Pierre Sage of Lens and …": the club after a name is his
    r"(?:,\s+(?:who|whose)\b[^,;:]{0,80})?"  # "Peter Bosz, who left PSV last season, and Erik ten Hag"
    r"\s*(?:,|and|or|as well as|, and|, or)\s+(?:(?:the\s+)?(?:former\s+|ex-\s*|ex\s+|current\s+))?"
    # ("… and the North Carolina Courage's Sean Nahas", "the Utah Royals' Jimmy Coenraets")
    r"(?:(?:the\s+)?@(?:\s*(?:,|and|or|&)\s*@)*(?:'s?)?\s+)?(?:(?:boss|manager|head coach|coach)\s+)?"
)


_APPROACH_FOR = re.compile(r" (?:an?|the|their|two|several) (?:[\w-]+ )?(?:approach|bid|offer|request|enquiry)")


_CLUB_THEN_VERB = re.compile(r"\s+(?:(?:have|has|had|were|was)\s+)?(?:(?:already|flatly|firmly|now)\s+)?")
_CANNOT = re.compile(r"\b(?:cannot|can't|can not|could not|couldn't|would never|could never|never) $")


def cannot_refuse(folded: str, cue: Cue) -> bool:
    """ "an opportunity you cannot say no to": a refusal ruled out is no refusal."""
    return _CANNOT.search(folded, max(0, cue.start - 14), cue.start) is not None


def rejected_by_others(folded: str, cue: Cue, people: list[PersonRef], clubs: Sequence[ClubRef] = ()) -> bool:
    """ "fans say no to Lopetegui", "Bayern rejected Tuchel": the manager is the one turned down,
    not the one turning a job down (that is "rejected by", or the manager as the subject); "Coventry have
    refused": a club refusing an approach for its manager, not his refusal."""
    if any(_CLUB_THEN_VERB.fullmatch(folded, c.end, cue.start) for c in clubs if c.end <= cue.start):
        return True
    # ("Feyenoord have rejected an approach from Gladbach for head coach Robin van Persie": his club's act)
    reach = 90 if _APPROACH_FOR.match(folded, cue.end) else 25
    after = [p for p in people if p.start >= cue.end and p.start - cue.end <= reach]
    before = [p for p in people if p.end <= cue.start and cue.start - p.end <= 60]
    return bool(after) and not before and "by " not in folded[cue.end : after[0].start]


_BARE_COMMA = re.compile(r"\s*,\s*")


def coordinated_people(
    folded: str, owner: PersonRef, people: list[PersonRef], res: Resolved, cue_start: int = -1
) -> list[PersonRef]:
    """ "Newcastle's Eddie Howe and former Chelsea boss Graham Potter are being considered": a cue
    after a list of managers is about each of them. A name described between commas ("Walter Mazzarri,
    without a club since 2024, and Roberto D'Aversa as the two options") is on the list only when the cue
    follows its last name directly: "Mancini, out of work, and Motta, sacked by Juventus" is not one claim."""
    explicit = sorted({p.start: p for p in people if p.explicit}.values(), key=lambda p: p.start)
    if owner not in explicit:
        return [owner]
    index = explicit.index(owner)
    group = [owner]
    gaps: list[str] = []
    for step in (-1, 1):
        i = index
        while 0 <= i + step < len(explicit):
            a, b = (explicit[i + step], explicit[i]) if step == -1 else (explicit[i], explicit[i + step])
            gap = folded[a.end : b.start]
            for club in res.clubs:  # club names in the gap read as "@"
                if a.end <= club.start and club.end <= b.start:
                    gap = gap.replace(folded[club.start : club.end], "@", 1)
            if not _PEOPLE_LIST.fullmatch(gap) and not (
                _DESCRIBED_ON_LIST.fullmatch(gap) and _cue_follows(folded, max(a.end, b.end), cue_start)
            ):
                break
            group.append(explicit[i + step])
            gaps.append(gap)
            i += step
    if gaps and all(_BARE_COMMA.fullmatch(gap) for gap in gaps):
        return [owner]  # "Real Madrid part ways with Alonso, Arbeloa takes over": two clauses, not a list
    return group


# "Walter Mazzarri, without a club since leaving @ in 2024, and …": a description between commas.
_DESCRIBED_ON_LIST = re.compile(r",\s+[^,;:.]{1,80},\s+and\s+")
_NO_COMMA = re.compile(r"[^,;:.]{0,40}")


def described_before(folded: str, person: PersonRef, owner: PersonRef) -> bool:
    """ "Walter Mazzarri, without a club since 2024, and Roberto D'Aversa": the person comes right before
    the owner on a list, with a description between commas."""
    return person.end <= owner.start and _DESCRIBED_ON_LIST.fullmatch(folded, person.end, owner.start) is not None


def _cue_follows(folded: str, end: int, cue_start: int) -> bool:
    """The cue comes after the name ending at ``end``, with no comma or stop between them."""
    return cue_start >= end and _NO_COMMA.fullmatch(folded, end, cue_start) is not None


def distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    if a_end <= b_start:
        return b_start - a_end
    if b_end <= a_start:
        return a_start - b_end
    return 0


# Names listed after a colon, each with a clause of his own.
# ("a shortlist of two for the permanent job: Mancini, out of work since 2024, and Motta")
_COLON = re.compile(r"[^.;:!?]{0,40}?\s*:\s*")
_NEXT_ON_LIST = re.compile(r",\s+[^:;.]*?,\s+(?:and\s+)?")
_AS_IS = re.compile(r"[^.;]{0,40}?,\s+as (?:is|are|was|were|has|have|does|do)\s+(?:[\w.'’-]+\s+){0,3}")
# "X is 2/1 to be the next coach to go, with Sevilla coach Y second in the betting": the market's next name
_WITH_NEXT = re.compile(r"[^.;]{0,60}?,\s+with\s+(?:[\w.'’-]+\s+){0,4}")
# "X is on Ajax's shortlist, along with Twente's Joseph Oosting": another on the same list (not "along with
# his assistant Y", who is staff)
_ALONG_WITH = re.compile(
    r"[^.;]{0,60}?,\s+(?:along with|alongside|together with)\s+"
    r"(?:(?!(?:his|her|their|assistant|number|staff|players?|captain)\b)[\w.'’-]+\s+){0,3}"
)
_PLACED_AFTER = re.compile(
    r"\s+(?:(?:is|as)\s+)?(?:second|third|fourth|fifth|next|close behind|just behind|not far behind)\s+"
    r"(?:favourite\b|in (?:the|that) (?:betting|market|running|list)\b)|"
    r"\s+(?:(?:second|third|fourth|fifth|next)\s+)?at \d{1,3}/\d{1,3}\b"
)


def also_named(
    folded: str, cue: Cue, owner: PersonRef, people: list[PersonRef], listed: list[PersonRef]
) -> list[PersonRef]:
    """Others the claim is about though no list joins them to the owner: "X is in the frame, as is Nice's
    Franck Haise", "along with Twente's Joseph Oosting"; "X is 2/1 to be next to go, with Y second in the
    betting"; "complete the list: Pérez, who has kept Rayo up, and Míchel, whose Girona …"."""
    return [
        p
        for p in people
        if p.explicit
        and p not in listed
        and (
            _AS_IS.fullmatch(folded, cue.end, p.start) is not None
            or _ALONG_WITH.fullmatch(folded, cue.end, p.start) is not None
            or (_WITH_NEXT.fullmatch(folded, cue.end, p.start) is not None and _PLACED_AFTER.match(folded, p.end))
            or (
                _COLON.fullmatch(folded, cue.end, owner.start) is not None
                and _NEXT_ON_LIST.fullmatch(folded, owner.end, p.start) is not None
            )
        )
    ]


_SACKING_VERB = re.compile(r"\b(?:sack|dismiss|axe|fire|oust)(?:s|es|ed|d)?$")
_NEXT_NAME = re.compile(r"[ \t]+['‘\"“]?([A-Z][a-z][\w'’-]+)")


def sacks_a_stranger(text: str, res: Resolved, cue: Cue) -> bool:
    """ "…, Southampton 'set to dismiss Still'": a sacking verb whose object is a name the story knows as
    no one is about that man, not about a manager named before it."""
    if not _SACKING_VERB.search(fold(text[cue.start : cue.end])):
        return False
    name = _NEXT_NAME.match(text, cue.end)
    if name is None or covered(res, name.start(1)):
        return False
    return fold(name.group(1)).removesuffix("'s") not in NOT_PEOPLE
