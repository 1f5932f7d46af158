"""What a sentence of a story is about: a round-up's club heading, the club whose job is open, talk of
a job or of a player deal, and how strongly it is worded."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.analysis.clauses import Kind, clause_at, same_statement, split_clauses
from bot.analysis.cues import Cue
from bot.analysis.members import Relation
from bot.analysis.prefilter import LiteralScan
from bot.analysis.refs import ClubRef, PersonRef, Resolved
from bot.analysis.relations import PARTED
from bot.analysis.story_words import HEDGES, JOB_CONTEXT, OFFICIAL, PLAYER_CONTEXT
from bot.analysis.subjects import distance
from bot.analysis.text import Sentence

_VACANCY = LiteralScan(
    r"\b(?:successor|succeed\w*|replace\w*|vacan\w+|managerless|new (?:manager|head coach|boss|coach)|"
    r"search(?:ing)? for|looking for|hunt for)\b"
)
_VACANCY_GAP = 30  # an outgoing manager and the club whose job he leaves stand close together


def heading_club(text: str, sentence: Sentence, clubs: list[ClubRef], sentences: list[Sentence]) -> str | None:
    """A line that is nothing but a club's name ("SWANSEA CITY"), between paragraphs of a round-up: the
    heading of the part about that club; or a paragraph that opens with the club's name and a full stop
    ("Corinthians. Tite is back.")."""
    if sentence.index == 0 or len(clubs) != 1:
        return None
    if sentences[sentence.index - 1].paragraph == sentence.paragraph:
        return None  # (it opens a paragraph)
    after = sentence.index + 1
    club = clubs[0]
    rest = text[sentence.start : club.start] + text[club.end : sentence.end]
    if after < len(sentences) and sentences[after].paragraph == sentence.paragraph:
        return club.name if rest.strip() == "." else None
    return club.name if not rest.strip(" :-–") else None


# a headline of a sack race
_PRESSURE_TITLE = re.compile(
    r"\bsack[ -](?:race|watch|odds)\b|\bunder (?:the most|most|the greatest) pressure\b|"
    r"\bnext (?:[\w'-]+ ){0,3}?(?:manager|boss|coach|managers|bosses|coaches) "
    r"(?:to (?:leave|go|be sacked|be axed|lose)|out)\b|"
    # "Five LaLiga coaches fighting for their jobs", "hot seat", "the managers most at risk"
    r"\bfighting for (?:their|his|her) (?:jobs?|futures?)\b|\bhot[ -]?seat\b|"
    r"\b(?:coaches|managers|bosses) (?:most |more )?at risk\b"
)
# "1. Thomas Frank (Tottenham Hotspur) – 6/4 favourite": an entry of a ranked list, on a line of its own
_RANK = re.compile(r"\s*(?:\d{1,2}[.)]\s*)?")
_BRACKET = re.compile(r"\s*\(\s*")
_ENTRY_TAIL = re.compile(r"\s*\)\s*(?:[-–—:,]\s*[^.!?\n]{0,40})?\s*")
# "2. Julián Calero (Levante) — faces Almeyda's Sevilla on Sunday.": a numbered entry, its own line or not,
# says more of him after its dash
_NUMBERED = re.compile(r"\s*\d{1,2}[.)]\s")
_NUMBERED_TAIL = re.compile(r"\s*\)\s*(?:[-–—:,]\s*[^!?\n]{0,120})?\s*")
_COMMA = re.compile(r"\s*,\s*")
_ODDS_TAIL = re.compile(r"\s*[-–—:]\s*(?:\d{1,3}/\d{1,3}|evens|odds-on)[.!]?\s*")
# "RUSSELL MARTIN (Southampton): Saints have four points", "Daniel Farke (Leeds United). Leeds were …": a
# heading closed by a full stop, or by a colon and what the writer says of him
_BRACKET_HEADING_TAIL = re.compile(r"\s*\)\s*(?:[.:]|:\s[^\n]*)?\s*")
# "Daniel Farke, Leeds United (5-2)", "Simon Weaver, Harrogate Town. The longest-serving …": a heading that
# names the contender and his club and ends there (the price in brackets, if any)
_HEADING_TAIL = re.compile(r"\s*(?:\(\s*(?:\d{1,3}[-/]\d{1,3}|evens|odds-on)\s*\))?\s*[.:]?\s*")


def ranked_entry(
    text: str,
    folded: str,
    sentence: Sentence,
    people: list[PersonRef],
    clubs: list[ClubRef],
    sentences: list[Sentence],
) -> tuple[str, str, bool] | None:
    """A line of a ranked list under a sack-race headline that names a manager and, in brackets, his club:
    who, where, and whether the line gives the bookmakers' odds (a price on his exit, not a ranking of
    pressure)."""
    numbered = _NUMBERED.match(text, sentence.start) is not None
    if sentence.index == 0 or not people or not clubs:
        return None
    if sentences[sentence.index - 1].paragraph == sentence.paragraph and not numbered:
        return None  # a paragraph of its own
    person, club = min(people, key=lambda p: p.start), min(clubs, key=lambda c: c.start)
    if not _RANK.fullmatch(text, sentence.start, person.start):
        return None
    tail = _NUMBERED_TAIL if numbered else _ENTRY_TAIL
    # (a line not numbered names no one else, but for what a heading's colon goes on to say of him)
    alone = numbered or (len(people) == 1 and len(clubs) == 1)
    bracketed = _BRACKET.fullmatch(text, person.end, club.start) and (
        (alone and tail.fullmatch(text, club.end, sentence.end))
        or _BRACKET_HEADING_TAIL.fullmatch(text, club.end, sentence.end)
    )
    # "Keith Andrews, Brentford – 4/1.": the club after a comma and the odds after a dash
    comma = _COMMA.fullmatch(text, person.end, club.start) is not None
    listed = comma and alone and _ODDS_TAIL.fullmatch(text, club.end, sentence.end)
    headed = comma and not listed and _HEADING_TAIL.fullmatch(text, club.end, sentence.end)
    if not (bracketed or listed or headed) or not _PRESSURE_TITLE.search(folded, 0, sentences[0].end):
        return None
    # (a contender set out under a heading of his own is a forecast, as a price is)
    return person.name, club.name, bool(listed or headed)


# (a labelled entry of a page of many sports or topics; "09:20 - BREAKING:" on one story's page is not)
_TIMESTAMP = re.compile(r"\s*\d{1,2}[:.]\d{2}\s+(?![A-Z]+:)[A-Z][\w ]{1,20}:\s")


def live_entry(text: str, sentence: Sentence, sentences: list[Sentence]) -> bool:
    """ "16:15 Football: Dundee United chairman …": a new entry of a live page of many sports."""
    if sentence.index == 0 or sentences[sentence.index - 1].paragraph == sentence.paragraph:
        return False
    return _TIMESTAMP.match(text, sentence.start) is not None


_QUESTION = re.compile(r"\s*(?:Q|Question)\s*[:.]\s")


def new_question(text: str, sentence: Sentence, sentences: list[Sentence]) -> bool:
    """ "Q: Will Sarina Wiegman stay on?": a reader's next question starts afresh, as a live page's entry does."""
    if sentence.index == 0 or sentences[sentence.index - 1].paragraph == sentence.paragraph:
        return False
    return _QUESTION.match(text, sentence.start) is not None


def inline_heading(text: str, sentence: Sentence, clubs: list[ClubRef], sentences: list[Sentence]) -> str | None:
    """ "Mexico: The succession was settled …": a round-up paragraph that opens with a club's name and a
    colon is the part about that club."""
    if sentence.index == 0 or not clubs or sentences[sentence.index - 1].paragraph == sentence.paragraph:
        return None
    first = min(clubs, key=lambda c: c.start)
    if text[sentence.start : first.start].strip() or not text.startswith(":", first.end):
        return None
    return first.name


_AT_OPENER = re.compile(
    r"\W*(?:(?:meanwhile|elsewhere|back)\s*,?\s+)?(?:over |down |up )?at\s+(?:the\s+)?", re.IGNORECASE
)


def topic_club(text: str, sentence: Sentence, clubs: list[ClubRef]) -> str | None:
    """ "At Selhurst Park, the chairman is expected to move quickly": a sentence that opens at a club
    turns the story to it."""
    if sentence.index == 0 or not clubs:
        return None
    first = min(clubs, key=lambda c: c.start)
    if not text.startswith(",", first.end) or not _AT_OPENER.fullmatch(text, sentence.start, first.start):
        return None
    return first.name


def story_club(title_clubs: list[ClubRef], res: Resolved) -> str | None:
    names = {c.name for c in title_clubs if c.start not in res.opponents}
    return next(iter(names)) if len(names) == 1 else None


_WENT_TO = re.compile(
    r"\b(?:left|leaves|leaving|departed|quit|moved|gone|went) (?:for|to)\s+(?:the\s+)?$|\bto join\s+$"
)


def vacancy_club(
    folded: str, sentence: Sentence, people: list[PersonRef], clubs: list[ClubRef], res: Resolved
) -> str | None:
    """The club whose job is open in this sentence: the one nearest an outgoing manager
    ("the Reds came calling looking for a Klopp successor"), or the only club beside job words."""
    if not clubs:
        return None
    leaving = [p for p in people if p.incumbent]
    # (with no one leaving, only job words can open a job: looked for before the clubs are weighed)
    said = None if leaving else _VACANCY.search(folded, sentence.start, sentence.end)
    if not leaving and said is None:
        return None
    # ("the release clause in his Benfica contract": the club a candidate is at, not the open job)
    clubs = [
        c
        for c in clubs
        if c.start not in res.opponents
        and c.start not in res.descriptors
        and not folded.endswith(("his ", "her "), 0, c.start)
        # ("to replace Marc Skinner, who left for Liverpool Women": where the outgoing man went)
        and not _WENT_TO.search(folded, max(0, c.start - 24), c.start)
    ]
    if not clubs:
        return None
    if leaving:
        person = leaving[0]
        nearest = min(clubs, key=lambda c: distance(c.start, c.end, person.start, person.end))
        # ("three weeks after being sacked by Nottingham Forest, brought in to replace Graham Potter": the
        # club that did something to someone before is not the one whose man was replaced)
        if distance(nearest.start, nearest.end, person.start, person.end) <= _VACANCY_GAP and not (
            folded.endswith("by ", 0, nearest.start) and nearest.end <= person.start
        ):
            return nearest.name
    if said is None:
        said = _VACANCY.search(folded, sentence.start, sentence.end)
    if said is None or len({c.name for c in clubs}) != 1:
        return None
    # "The Crew have been searching for a new coach since … Celtic appointed him": the job words and
    # the club must stand in one statement.
    clauses = split_clauses(folded, sentence)
    home = clause_at(clauses, said.start())
    # ("Manchester United will spend the season with Carrick, but the search for Amorim's successor is
    # under way": two main clauses about one club)
    there = clause_at(clauses, clubs[0].start)
    alike = home.kind is Kind.MAIN and there.kind is Kind.MAIN
    return clubs[0].name if alike or same_statement(clauses, home, clubs[0].start) else None


def about_a_job(folded: str, sentence: Sentence) -> bool:
    return JOB_CONTEXT.search(folded, sentence.start, sentence.end) is not None


# "…,' Bompastor said at her news conference. 'I have a contract here…": a quote, its speaker, the quote again
_SAID_THEN_QUOTE = re.compile(
    r"[,.!?]['\"] [^'\"]{0,80}?\b(?:said|says|added|told [^.'\"]{1,40})\b[^'\"]{0,60}\.\s+['\"]"
)


def hands_on(folded: str, sentence: Sentence, people: list[PersonRef], cues: list[Cue]) -> bool:
    """Whether the sentence hands its manager on to the next ("He held talks…"): a sentence about a job, or
    one that names the speaker of a quote that goes on ("'I read it and smiled,' Bompastor said. 'I am happy
    here.'")."""
    return (
        bool(cues)
        or about_a_job(folded, sentence)
        or (
            len(people) == 1
            and _SAID_THEN_QUOTE.search(folded, sentence.start, min(len(folded), sentence.end + 4)) is not None
        )
    )


_VAGUE_FUTURE = LiteralScan(r"\b(?:one day|in the future|eventually|some ?day|at some point|down the line)\b")


def without_vague_wishes(folded: str, sentence: Sentence, cues: list[Cue]) -> list[Cue]:
    """The cues less those in the statement of a vague wish ("…, who has made no secret of her ambition to
    manage one day"), but for pressure and denials."""
    if not cues or (vague := _VAGUE_FUTURE.search(folded, sentence.start, sentence.end)) is None:
        return cues
    split = split_clauses(folded, sentence)
    wish = clause_at(split, vague.start())
    return [
        c
        for c in cues
        if c.relation in (Relation.UNDER_PRESSURE, Relation.DENIED) or not same_statement(split, wish, c.start)
    ]


_MATCH_WORD = re.compile(
    r"defeat|victory|chants|crowd|supporters|whistle|fixture|scored|goals?|kick-off|penalty|red card|half-time|"
    r"minute|second half|first half|the game|thrash\w*|\d-\d (?:win|defeat|draw|victory)|(?:won|lost|drew) \d"
)
_OWN_GOING = re.compile(r"(?:walk(?:s|ed)? away|resign\w*|quit\w*|step(?:s|ped|ping)? (?:down|aside))\b")


def is_player_sentence(folded: str, sentence: Sentence, cues: Sequence[Cue] = ()) -> bool:
    # A player word inside a job cue ("triggered the €3m release clause in the coach's contract") is
    # the cue's, not a sign of a player deal.
    # ("… is under growing pressure, with supporters turning on him in the second half": the match words of
    # a job at risk are no player's)
    # (nor those of a club backing its coach "despite Saturday's 2-1 defeat")
    pressed = any(c.relation is Relation.UNDER_PRESSURE for c in cues) or (
        any(c.relation in (Relation.STAYS, Relation.DENIED) for c in cues)
        and folded.find("despite", sentence.start, sentence.end) >= 0
    )
    player = sum(
        1
        for m in PLAYER_CONTEXT.finditer(folded, sentence.start, sentence.end)
        if not any(c.start <= m.start() and m.end() <= c.end for c in cues)
        and not (pressed and _MATCH_WORD.fullmatch(m.group()))
    )
    if not player:
        return False  # (no player word: the job words need not be counted)
    job = len(JOB_CONTEXT.findall(folded, sentence.start, sentence.end))
    # "fighting for his future after a fifth straight defeat": results are what puts a manager's job at risk
    job += sum(1 for c in cues if c.relation in (Relation.UNDER_PRESSURE, Relation.SACKED))
    # "Corinthians and Dorival have parted company, hours after a 2-0 defeat": so do a coach's exits
    job += sum(1 for c in cues if c.relation is Relation.LEFT and PARTED.match(folded, c.start, c.end))
    # "would walk away if the club sold their best players": a manager's own ways of going
    job += sum(1 for c in cues if c.relation is Relation.LEFT and _OWN_GOING.match(folded, c.start, c.end))
    # "X will leave Saudi Arabia after the World Cup, … after a 2-0 defeat": an exit announced
    job += sum(1 for c in cues if c.relation is Relation.LEFT and folded.endswith("will ", 0, c.start))
    return player > 0 and player > job


def wording_strength(folded: str, sentence: Sentence) -> float:
    value = 0.6
    hedges = len(HEDGES.findall(folded, sentence.start, sentence.end))
    official = len(OFFICIAL.findall(folded, sentence.start, sentence.end))
    value -= min(hedges, 3) * 0.08
    value += min(official, 2) * 0.12
    return max(0.1, min(value, 0.95))
