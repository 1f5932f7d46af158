"""People the gazetteer lacks, recognised from how the text introduces them (clubs: ``unknown_clubs``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.analysis.gazetteer import Gazetteer
from bot.analysis.prefilter import LiteralScan, WordGate, guarded
from bot.analysis.refs import PersonRef, Resolved, sentence_of
from bot.analysis.story_words import JOB_CONTEXT, YOUTH_TEAM
from bot.analysis.text import Sentence, fold
from bot.analysis.words import NAME_PARTICLES, NOT_PEOPLE

# One word of a person's name: "Kartal" and "İsmail", "Michał", "McClaren", "O'Neill", "Adeyemi-Clarke".
_UP = "A-ZÀ-ÖØ-ÞĀ-ſ"
_LOW = "a-zß-öø-ÿĀ-ſ"
_WORD = rf"[{_UP}][{_LOW}'-][{_LOW}{_UP}'-]*(?<!')"  # capitals after the second letter: McClaren, O'Neill
# (a particle between two words of the name: "Joris van Dijkhuizen", "Renato dos Santos", "Jan van der Berg")
_PARTICLE = rf"(?:(?:{'|'.join(NAME_PARTICLES)})[ ]+){{0,2}}"
_NAME = rf"{_WORD}(?:[ ]+{_PARTICLE}{_WORD}){{1,2}}"
_PLAIN_NAME = rf"{_WORD}(?:[ ]+{_WORD}){{1,2}}"
# The same name where a space or a comma must follow it: each word is taken whole (``*+``) and never
# cut back letter by letter to try again, since a word cut short is followed by a letter and nothing
# after such a name can begin with one. Where nothing need follow, "Smith'" is cut back to "Smith":
# there the plain form stays.
_WHOLE_WORD = rf"[{_UP}][{_LOW}'-][{_LOW}{_UP}'-]*+(?<!')"
_NAME_BEFORE_BREAK = rf"{_WHOLE_WORD}(?:[ ]+{_WHOLE_WORD}){{1,2}}"

_ROLE_ADJECTIVES = ("new", "interim", "caretaker", "appointed", "named", "former", "current", "incoming")
_AFTER_ROLE_ADJECTIVE = "|".join(rf"(?<=\b{word})" for word in _ROLE_ADJECTIVES)
# "appointed Robert Haines, the former Vanuatu assistant coach, as head coach": his past job between the
# name and the one he is given
_APPOSITION = r"(?:,\s+[^,.;:()\"“”\n]{3,100},)?"
_UNKNOWN_PATTERNS: list[re.Pattern[str] | LiteralScan | WordGate | _Needled] = [
    # "\b(?:new|interim|…)?\s*(?:head coach|manager|boss|coach)\s+NAME" finds the names this finds: the
    # role word stands at a word start or right after one of those words ("newcoach"); written from the
    # role word on, it is tried only where a role word stands.
    LiteralScan(
        rf"(?:\b|{_AFTER_ROLE_ADJECTIVE})(?:head coach|manager|boss|coach|Trainer|trainer|técnico|entrenador)"
        rf"\s+(?P<name>{_NAME})"
    ),
    LiteralScan(
        r"\b(?:nam(?:e|ed)|appoint(?:ed)?|hire(?:d)?|unveil(?:ed)?|confirm(?:ed)?|dismiss(?:ed)?|sack(?:ed)?|"
        r"relieved)\s+"
        # ("appointed midfielder Craig Mullen as player-manager", "appoint Sky pundit X as head coach": what he
        # was before his name)
        r"(?:(?:captain|midfielder|striker|defender|goalkeeper|winger|forward|veteran|(?:sky |tv )?pundit)\s+)?"
        rf"(?P<name>{_NAME_BEFORE_BREAK}){_APPOSITION}"
        # ("has relieved Khalid Jamil of his duties as head coach")
        r"(?:\s+of\s+(?:his|her)\s+(?:duties|functions))?\s+as\s+(?:(?:its|their|the|his|her)\s+)?(?:new\s+)?"
        r"(?:permanent\s+|interim\s+|caretaker\s+)?(?:first[- ]team\s+)?(?:player[- ])?"
        r"(?:head coach|manager|boss|coach)"
    ),
    re.compile(
        rf"(?P<name>{_NAME_BEFORE_BREAK}),\s+(?:until now\s+|previously\s+|formerly\s+)?(?:the\s+)?"
        r"(?:\d{2}-year-old\s+)?(?:former\s+|current\s+|new\s+|interim\s+)?(?:[A-Z][\w-]+\s+){0,2}"
        r"(?:head coach|manager|boss|coach)\b"
    ),
    # "announced on Saturday the dismissal of Rubén Ferrer as coach of its women's first team", "Crewe's
    # appointment of Dean Whitlow as head coach"
    # (a literal scan: a word gate's rarest word here is "the ", which every text holds)
    LiteralScan(
        r"(?:\bthe|['’]s) (?:dismissal|sacking|departure|appointment|exit) of "
        rf"(?P<name>{_NAME_BEFORE_BREAK}){_APPOSITION}\s+as\s+"
        r"(?:(?:its|their|the|his|her)\s+)?(?:new\s+)?(?:permanent\s+|interim\s+|caretaker\s+)?(?:first[- ]team\s+)?"
        r"(?:head coach|manager|coach)\b"
    ),
]


_UNKNOWN_PATTERNS.extend(
    [
        LiteralScan(
            r"\b(?:[Aa]ssistant(?: manager| head coach| coach)?|[Cc]oach|[Uu]nder-\d\d (?:boss|manager|coach))\s+"
            rf"(?P<name>{_PLAIN_NAME})"
        ),
        WordGate(
            # ("Darren Fletcher, who has been coaching the Under-18s, will take interim charge")
            rf"(?P<name>{_NAME_BEFORE_BREAK})(?:,\s+who\s[^,.;]{{1,80}},)?\s+"
            r"(?:(?:has been|was|is|will be)\s+(?:placed|put|installed|left)\s+in|"
            r"(?:has been|had been|was|is) in|(?:took|takes|has taken|had taken|will take|assumed|assumes)|"
            r"(?:will\s+|is\s+to\s+)?(?:remain|remains|stay|stays|continue|continues)\s+in)\s+"
            r"(?:interim\s+|temporary\s+|caretaker\s+)?charge"
        ),
        # "Ajax announced that Fred Grim will remain interim coach until the end of the season"
        WordGate(
            rf"(?P<name>{_NAME_BEFORE_BREAK})\s+(?:will\s+|is\s+to\s+)?"
            r"(?:remain|remains|stay|stays|continue|continues)\s+(?:as\s+)?(?:the\s+)?(?:club's\s+)?"
            r"(?:interim|caretaker|temporary)\s+(?:head coach|manager|coach|boss)\b"
        ),
    ]
)
# "appointed Kyle Ashworth and Dean Pollard as joint managers": each of the pair
_JOINT = r"\s+as\s+(?:(?:the\s+)?club's\s+)?(?:new\s+)?(?:joint|co-)[ -]?(?:managers|head coaches|bosses)\b"
_APPOINTS = r"\b(?:appointed|named|appoint|name)\s+"
_UNKNOWN_PATTERNS.extend(
    [
        LiteralScan(rf"{_APPOINTS}(?P<name>{_NAME_BEFORE_BREAK})\s+and\s+{_NAME_BEFORE_BREAK}{_JOINT}"),
        LiteralScan(rf"{_APPOINTS}{_NAME_BEFORE_BREAK}\s+and\s+(?P<name>{_NAME_BEFORE_BREAK}){_JOINT}"),
    ]
)
# "Kita has spoken to Antoine Kombouaré about returning", "asked Friedhelm Funkel, 72, whether he would take
# over": the one sounded out about a job.
# (a literal scan: its verbs begin every match, and one of them stands in most texts, where a word gate
# let ``re`` try the pattern at every position)
_UNKNOWN_PATTERNS.append(
    LiteralScan(
        rf"\b(?:spoken to|contacted|approached|sounded out|held talks with|opened talks with|asked) "
        rf"(?P<name>{_PLAIN_NAME})(?:, [^,.;]{{1,80}},)? (?:about|over|whether|regarding) (?:[\w']+ ){{0,6}}?"
        r"(?:return\w*|tak\w+ over|the job|the vacancy|becom\w+|succeed\w*|replac\w+|coach\w*|manag\w+|"
        r"spell in charge)\b"
    )
)
# "Verona have put their Primavera coach, Emanuele Turchetti, in interim charge": the one put in charge
_UNKNOWN_PATTERNS.append(
    LiteralScan(
        r"\b(?:put|puts|placed|places|installed|installs)\s+(?:(?:their|its|the club's)\s+[^,.;]{1,40},\s+)?"
        rf"(?P<name>{_NAME_BEFORE_BREAK}),?\s+in\s+(?:interim\s+|temporary\s+|caretaker\s+)?charge\b"
    )
)
# "Keane in the running for Ireland job": a headline's candidate for a coaching job, named by his surname
# alone (the story says no more of who he is). (Not "on Arsenal's shortlist": players are on lists too.)
# (word-gated: "running" or "frame" is in few texts; the start of a line written as ``(?m)^`` reads it)
_UNKNOWN_PATTERNS.append(
    WordGate(
        rf"(?:^|(?<=\n))(?P<name>{_WHOLE_WORD}(?:[ ]+{_WHOLE_WORD})?)\s+(?:is\s+|are\s+)?"
        r"in\s+(?:the\s+)?(?:running|frame)\s+for\s+(?:the\s+)?(?:[\w'’.-]+\s+){1,3}?(?:job|post|vacancy)\b"
    )
)
# "Matt Beard, who had led the club back into the top flight, was sacked": the subject of a job verb.
# Guarded, not word-gated: one of its verbs ("left", "signed") stands in almost every text, and looking
# for each of them costs more than the search.
_SUBJECT_OF_JOB = guarded(
    rf"(?P<name>{_NAME_BEFORE_BREAK})(?:,\s+who\s[^,.;]{{1,80}},|,\s+who|"
    # "Jens Verbeke, their under-23 coach, would take temporary charge"
    r",\s+(?:the|their|its|his|her)\s[^,.;]{1,40},)?\s+(?:has|have|had|was|is|will|would)\s+"
    r"(?:been\s+|be\s+)?(?:\w+\s+){0,3}?(?:agreed|appointed|named|confirmed|sacked|dismissed|relieved|resigned|"
    r"stepped|left|leave|signed|rejected|turned|quit|parted|placed|installed|promoted|"
    # "Darren Fletcher will lead the team on an interim basis", "Vasconi will command the Tricolor"
    r"lead|command|take)\b"
)
# "Grêmio have sacked Mano Menezes", "Ajax have announced the appointment of Nicky Hayen": a club hires
# and fires its coach (a player is signed, loaned or released); the club must stand just before.
_CLUB_HIRES_OR_FIRES = LiteralScan(
    r"\b(?:sack(?:ed|ing)?|dismiss(?:ed|ing)?|ax(?:e|ed|ing)|fir(?:e|ed|ing)|relieved|appointed|hired|unveiled|offered|"
    r"parted (?:company|ways) with|"
    r"(?:announced|confirmed) the (?:appointment|dismissal|sacking|departure) of)\s+"
    rf"(?P<name>{_PLAIN_NAME})"
)
# between the club and its verb ("Venezia have no plans to dismiss", "Vicenza are poised to sack")
_CLUB_THEN_VERB = re.compile(
    r"\s+(?:(?:have|has)\s+|(?P<plan>(?:have|has)\s+no\s+(?:plans|intention)\s+(?:of|to)\s+|"
    r"(?:are|is)\s+(?:not\s+)?(?:poised|set|expected|ready|preparing|planning|likely|considering|weighing up)"
    r"\s+(?:to\s+)?|"
    r"(?:could|may|might|will|would)\s+(?:not\s+)?))?"
)
_PLAIN_VERB = re.compile(r"(?:sack|sacking|dismiss|dismissing|axe|axing|fire|firing)\b")
_COACH_ROLE = WordGate(
    r"\b(?:manager|head coach|coach|boss|interim|caretaker|gaffer|spell in charge|in charge of|manage)\b"
)
_OTHER_ROLE = WordGate(
    r"\b(?:captain|director|chief executive|ceo|chairman|president|owner|player|striker|midfielder|winger|"
    r"defender|goalkeeper|full-back|centre-back|forward)\b"
)
# A coach of one part of the game ("set-piece coach", "goalkeeping coach"), not of the team, or a manager
# of something else ("general manager Jason Hernandez").
_SPECIALIST = re.compile(
    r"\b(?:set-piece|set piece|goalkeeping|goalkeeper|fitness|conditioning|strength|youth|academy|development|"
    r"technical|analysis|kicking|throw-in|specialist|individual|defensive|attacking|skills|performance|"
    r"general|kit|stadium|media|commercial|operations|marketing|communications|press|business|sales|office)"
    r"\s+(?:coach|coaches|manager|trainer)\s+$"
)
# "Under-21s head coach", "academy manager": the role of a team below the first, right before the name
# ("Liverpool assistant coach Sipke Hulshoff": a member of the staff, the same way)
_YOUTH_ROLE = re.compile(rf"\b(?:{YOUTH_TEAM}\s+(?:head\s+)?|assistant(?:\s+head)?\s+)(?:coach|manager|boss)\s+$")
# (unless the sentence moves him up: "under-21 coach Gary Whitlock has been placed in interim charge")
_STEPS_UP = re.compile(
    r"\b(?:interim|caretaker|temporary|temporarily|charge|first team|first-team|steps? up|stepped up|promoted)\b"
)
_REPLACED = re.compile(
    r"\b(?:replace|replacing|replaced|succeed|succeeding|successor to|in place of|take over from|"
    r"taking over from|took over from)\s+(?:(?:the\s+)?(?:interim|caretaker|outgoing|departing)\s+)?"
    r"(?:(?:manager|head coach|coach|boss)\s+)?$"
)
# "appointed Tobias Kern as assistant manager to Danny Röhl", "as Röhl's number two": a role on the staff
_AS_STAFF = re.compile(
    r",?\s+as\s+(?:(?:an?|the|his|her|their|[\w'.-]+'s?)\s+)?(?:new\s+|first-team\s+)*"
    r"(?:assistant|number two|no\.? 2|second-in-command|right-hand man|(?:sporting|technical|football) director|"
    r"(?:set-piece|goalkeeping|goalkeeper|fitness|youth|academy) coach|"
    # "as head coach of the Elite Development Squad", "as manager of the under-21s": a team below the first
    rf"(?:head coach|manager|coach) of (?:the |our |their |its )?(?:[\w'-]+ )?{YOUTH_TEAM})",
    re.IGNORECASE,
)
_ATTRIBUTED = re.compile(r"\b(?:[Aa]ccording to|[Rr]eported by|[Vv]ia|[Pp]er)\s+$")
_WORD_CHARACTER = re.compile(r"\w")
# "Marta Ferrán, the reserve-team coach Sevilla placed in interim charge of the women's first team" (tried
# only where "charge" stands: a plain pattern that begins with a name tries every capital)
_PLACED_BY_CLUB = re.compile(
    rf"(?P<name>{_NAME_BEFORE_BREAK}),\s+(?:the|their|its)\s+(?:[\w'-]+\s+){{0,3}}?(?:head coach|manager|coach)\s+"
    r"(?:[A-Z][\w'-]+\s+){1,3}(?:placed|put|installed)\s+in\s+(?:interim\s+|temporary\s+|caretaker\s+)?charge"
)
# "Khalid Jamil is under serious pressure as India head coach": a man said to be something as a team's coach
_UNKNOWN_PATTERNS.append(
    WordGate(
        rf"(?P<name>{_NAME_BEFORE_BREAK})\s+(?:is|was|has been|remains)\s+(?:[\w'-]+\s+){{0,4}}?as\s+(?:the\s+)?"
        r"(?:[A-Z][\w'-]+\s+){1,3}(?:head coach|manager|coach|boss)\b"
    )
)
# "Lucía Barrenechea is the new head coach of Granada CF's women's team"
_UNKNOWN_PATTERNS.append(
    WordGate(
        rf"(?P<name>{_NAME_BEFORE_BREAK})\s+(?:is|was|becomes|became)\s+(?:the|their|its)\s+new\s+"
        r"(?:permanent\s+|interim\s+)?(?:head coach|manager|coach|boss)\b"
    )
)
# "Mohun Bagan's José Francisco Molina and FC Goa's Manolo Márquez are on a three-man shortlist for the
# India head coach role": candidates on a list for a coaching job (a job word must end it: players are on
# clubs' shortlists too). The first of two names joined by "and" is one as well.
_SHORTLISTED = (
    r"\s+(?:is|are)\s+(?:on|among)\s+(?:a|the|an)\s+(?:[\w-]+\s+){0,2}?(?:shortlist|list\s+of\s+candidates)\s+"
    r"(?:for|to\s+(?:become|replace|succeed))\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}?"
    r"(?:job|post|vacancy|role|head\s+coach|manager|coach)\b"
)
_NOT_OWNING = rf"{_WHOLE_WORD}(?<!['’]s)"  # ("FC Goa's Manolo Márquez": the club's, not a name)
_LISTED_NAME = rf"{_NOT_OWNING}(?:[ ]+{_NOT_OWNING}){{1,2}}"
_UNKNOWN_PATTERNS.append(WordGate(rf"(?P<name>{_LISTED_NAME}){_SHORTLISTED}"))
_UNKNOWN_PATTERNS.append(
    WordGate(
        rf"(?P<name>{_LISTED_NAME})\s+and\s+(?:[A-Z][\w’-]+\s+){{0,3}}?(?:[A-Z][\w-]+['’]s\s+)?"
        rf"{_NAME_BEFORE_BREAK}{_SHORTLISTED}",
    )
)
# "has hired Danny Cruz as the club's head coach", "have named Bobby Smyrniotis head coach", "a deal to make
# Louisville City's Danny Cruz their next head coach": the job is named right after the man (not "head coach
# of Whitecaps FC 2" or "of the under-19s": a team below the first)
_UNKNOWN_PATTERNS.append(
    LiteralScan(
        r"\b(?:hired|appointed|named|unveiled|make|makes|making)\s+(?:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}['’]s\s+)?"
        rf"(?P<name>{_NAME}),?\s+(?:as\s+)?(?:the\s+club's\s+|its\s+|their\s+|the\s+)?"
        r"(?:new\s+|next\s+|permanent\s+)?(?:head coach|manager)\b"
        r"(?!\s+of\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}?(?:under|u)-?\d|\s+of\s+(?:[\w'’.-]+\s+){1,4}(?:2|II|B)\b)"
    )
)


class _Needled:
    """A pattern each of whose matches holds one of a few literal strings, searched only in a text that
    holds one: a plain ``in`` is far cheaper than a scan for a name (same matches as the plain pattern)."""

    def __init__(self, pattern: str, needles: tuple[str, ...]) -> None:
        self.pattern = re.compile(pattern)
        self.needles = needles

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if any(needle in text for needle in self.needles):
            return self.pattern.finditer(text)
        return iter(())


# "Leonid Slutsky's job at Shanghai Shenhua is on the line", "Khalid Jamil will continue as head coach of the
# senior men's team": a man the sentence gives the job to
_JOB_AT = _Needled(
    rf"(?P<name>{_PLAIN_NAME})['’]s (?:job|position) (?:at|in charge of) (?:the )?[A-Z]",
    ("s job at ", "s job in charge of ", "s position at ", "s position in charge of "),
)
_CONTINUES_AS = _Needled(
    rf"(?P<name>{_PLAIN_NAME}) (?:will|would|is to|is set to) (?:continue as|remain as|stay on as) "
    r"(?:the )?(?:[\w'’-]+ ){0,3}?(?:head coach|manager|coach)\b",
    ("continue as ", "remain as ", "stay on as "),
)
_UNKNOWN_PATTERNS.extend([_JOB_AT, _CONTINUES_AS])
_AGED_PERSON = WordGate(rf"(?P<name>{_NAME_BEFORE_BREAK}),\s+(?:a|the)\s+\d{{2}}-year-old\b")


def named_again(surname: str) -> re.Pattern[str]:
    """``\\bSurname\\b``: a person's later mentions by surname. Written from the surname's first letter
    when that is a word character (the word start looked behind at), so ``re`` skips to the surname
    instead of trying every position of the text."""
    escaped = re.escape(surname)
    if _WORD_CHARACTER.match(surname):
        return re.compile(rf"{escaped}(?<!\w{escaped})\b")
    return re.compile(rf"\b{escaped}\b")


def resolve_unknown_people(
    text: str, out: Resolved, gaz: Gazetteer, sentences: list[Sentence], starts: list[int]
) -> None:
    """Coaches the gazetteer lacks, recognised from how the text introduces them."""
    if len(text) > 50_000:
        return
    taken = out.spans
    matches = [m for pattern in _UNKNOWN_PATTERNS for m in pattern.finditer(text)]
    if "charge" in text:
        matches += _PLACED_BY_CLUB.finditer(text)
    for aged in _AGED_PERSON.finditer(text):
        sentence = sentences[sentence_of(sentences, starts, aged.start())]
        if JOB_CONTEXT.search(fold(text[sentence.start : sentence.end])):
            matches.append(aged)
    club_ends = [c.end for c in out.clubs]
    for acted in _CLUB_HIRES_OR_FIRES.finditer(text):
        # ("Marseille sack Medhi Benatia": a headline's verb says nothing of the role; a plan to sack one does)
        planned = _PLAIN_VERB.match(acted.group()) is not None
        if not any(
            0 < acted.start() - end <= 40
            and (hedge := _CLUB_THEN_VERB.fullmatch(text, end, acted.start()))
            and (not planned or hedge.group("plan"))
            for end in club_ends
        ):
            continue
        if any(word in acted.group() for word in ("appoint", "hired", "unveiled", "offered")):
            # an appointment says what for: a coach's job, not a director's
            sentence = sentences[sentence_of(sentences, starts, acted.start())]
            plain = fold(text[sentence.start : sentence.end])
            if not _COACH_ROLE.search(plain) or _OTHER_ROLE.search(plain):
                continue
        else:  # "parted company with Luis Palma … the Honduras winger's contract": a player let go
            sentence = sentences[sentence_of(sentences, starts, acted.start())]
            plain = fold(text[sentence.start : sentence.end])
            if _OTHER_ROLE.search(plain) and not _COACH_ROLE.search(plain):
                continue
        matches.append(acted)
    for subject in _SUBJECT_OF_JOB.finditer(text):
        sentence = sentences[sentence_of(sentences, starts, subject.start())]
        # (a clause of its own joined by ", and": "…, and Athletic also confirmed that Oihan Sancet has signed a
        # new deal" is not the coach's part of the sentence)
        comma = text.rfind(",", sentence.start, subject.start())
        part = comma if comma > 0 and text.startswith((", and ", ", but "), comma) else sentence.start
        plain = fold(text[part : sentence.end])
        if _COACH_ROLE.search(plain) and not _OTHER_ROLE.search(plain):
            matches.append(subject)
    found = [(m.start("name"), m.end("name"), " ".join(m.group("name").split())) for m in matches]
    found += _named_in_the_headline(text, out, gaz, sentences, starts)
    for start, end, name in found:
        if any(s < end and start < e for s, e in taken):
            continue
        role = fold(text[max(0, start - 40) : start])
        if _SPECIALIST.search(role):
            continue  # "set-piece coach Nicolas Jover": a member of the staff, not a head coach
        if _YOUTH_ROLE.search(role) and not _STEPS_UP.search(
            fold(text[start : sentences[sentence_of(sentences, starts, start)].end])
        ):
            continue  # "Liverpool Under-21s head coach Declan Hurst has left": a coach of a team below the first
        if _AS_STAFF.match(text, end):
            continue  # "appointed Tobias Kern as assistant manager": a member of the staff
        if _ATTRIBUTED.search(text, max(0, start - 16), start):
            continue  # "According to Il Messaggero, Bologna coach Italiano …": a source, not a coach
        words = [fold(w) for w in name.split()]
        if any(w in NOT_PEOPLE for w in words):
            continue
        if gaz.manager_by_key(name) or gaz.club_by_key(name) or gaz.source_by_key(name):
            continue
        index = sentence_of(sentences, starts, start)
        # "would replace interim boss Fred Grim": the one leaving, not the one moving
        incumbent = _REPLACED.search(fold(text[max(0, start - 40) : start])) is not None
        out.people.append(PersonRef(name, start, end, index, explicit=True, known=False, incumbent=incumbent))
        taken.append((start, end))
        # Later bare-surname mentions of the same person.
        surname = name.split()[-1]
        given = name[: len(name) - len(surname)]  # ("Itziar " of "Itziar Lasarte": named in full again)
        for later in named_again(surname).finditer(text):
            s2, e2 = later.start(), later.end()
            if given and text.endswith(given, 0, s2):
                s2 -= len(given)
            if not any(s < e2 and s2 < e for s, e in taken):
                out.people.append(
                    PersonRef(name, s2, e2, sentence_of(sentences, starts, s2), explicit=True, known=False)
                )
                taken.append((s2, e2))


_TITLE_NAME = re.compile(_PLAIN_NAME)
_SHAPES = (*_UNKNOWN_PATTERNS, _PLACED_BY_CLUB)  # how the body may introduce a coach, the name its group
_OPENERS = frozenset(
    {"why", "how", "what", "when", "where", "who", "is", "are", "can", "could", "should", "will", "would", "does"}
    | {"did", "do", "the", "a", "an", "if", "as", "after", "ep", "exclusive", "breaking", "official", "opinion"}
)


def _named_in_the_headline(
    text: str, out: Resolved, gaz: Gazetteer, sentences: list[Sentence], starts: list[int]
) -> list[tuple[int, int, str]]:
    """ "Marta Ferrán has earned the Sevilla job" over "Ferrán, the coach Sevilla placed in interim charge":
    a coach named in full only in the headline and introduced in the body by his surname alone. The body's
    sentence is read as if it named him in full; where it introduces a coach so, that mention is his."""
    title = sentences[0]
    found: list[tuple[int, int, str]] = []
    for candidate in _TITLE_NAME.finditer(text, title.start, title.end):
        words = candidate.group().split()
        while words and fold(words[0]) in _OPENERS:
            words = words[1:]  # ("Why Anna Keller has earned the job": the headline's first word)
        name = " ".join(words)
        surname = words[-1] if words else ""
        if (
            len(words) < 2
            or len(surname) < 3
            or any(fold(w) in NOT_PEOPLE for w in words)
            or any(s < candidate.end() and candidate.start() < e for s, e in out.spans)
            or gaz.manager_by_key(name)
            or gaz.club_by_key(name)
            or gaz.source_by_key(name)
        ):
            continue
        given = name[: len(name) - len(surname)]
        for later in named_again(surname).finditer(text, title.end):
            at, end = later.span()
            if text.endswith(given, 0, at) or any(s < end and at < e for s, e in out.spans):
                continue
            sentence = sentences[sentence_of(sentences, starts, at)]
            window = text[sentence.start : at] + name + text[end : sentence.end]
            here = at - sentence.start
            plain = fold(window)
            if any(m.start("name") == here for p in _SHAPES for m in p.finditer(window)) or (
                any(m.start("name") == here for m in _SUBJECT_OF_JOB.finditer(window))
                and _COACH_ROLE.search(plain)
                and not _OTHER_ROLE.search(plain)
            ):
                found.append((at, end, name))
                break
    return found
