"""A sack-race round-up sets out its contenders one to a paragraph or a numbered line, each named with
his club ("2. Rob Edwards, Wolverhampton Wanderers (4-1)"): each is a manager whose job is in question,
not a man mentioned in passing, even when his paragraph only describes results."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.analysis.analyser import Analyser
from bot.domain import Analysis, Article, Factuality

_PUBLISHED = datetime(2026, 9, 20, tzinfo=UTC)


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text, published=_PUBLISHED))


def _held(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_each_numbered_contender_of_a_sack_race_is_under_pressure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Championship sack race: the five bosses on the brink",
        "Eight games in, the table already has a shape some owners will not like.\n\n"
        "1. Ryan Mason, West Bromwich Albion (3-1)\n"
        "Three home defeats in a row and a crowd that booed the team off on Saturday.\n\n"
        "2. Mark Robins, Stoke City (5-1)\n"
        "Stoke have scored four goals all season.",
    )
    held = _held(analysis)
    assert ("Ryan Mason", "West Bromwich Albion", "under_pressure") in held
    assert ("Mark Robins", "Stoke City", "under_pressure") in held
    assert all(r.factuality is not Factuality.DONE or r.relation.value != "sacked" for r in analysis.rumours)


def test_a_contender_named_with_his_club_at_a_paragraphs_start_is_under_pressure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Who will be the next Premier League manager to go? Our picks",
        "We asked our reporters for one name each.\n\n"
        "Eddie Howe, Newcastle. 'The owners expect the top four every year and the squad is ageing.'\n\n"
        "Marco Silva, Fulham. 'His contract runs out next summer and nobody is talking about a new one.'",
    )
    held = _held(analysis)
    assert ("Eddie Howe", "Newcastle United", "under_pressure") in held
    assert ("Marco Silva", "Fulham", "under_pressure") in held


def test_a_contenders_own_paragraph_claim_is_kept(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Premier League sack race: who is next?",
        "Three names stand out.\n\n"
        "Régis Le Bris, Sunderland. Le Bris signed a new contract until 2029 last week, so the board is not "
        "looking elsewhere.",
    )
    held = _held(analysis)
    assert ("Régis Le Bris", "Sunderland", "under_pressure") not in held


def test_a_manager_listed_with_his_club_outside_a_sack_race_gains_no_pressure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Premier League managers of the month: the shortlist",
        "The nominees have been announced.\n\n"
        "Eddie Howe, Newcastle. Four wins from four.\n\n"
        "Marco Silva, Fulham. Ten points and three clean sheets.",
    )
    assert not {h for h in _held(analysis) if h[2] == "under_pressure"}


def test_a_contender_headed_with_his_club_in_brackets_is_under_pressure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Premier League sack race: the managers feeling the heat",
        "Ten games in, three names come up again and again.\n\n"
        "Scott Parker (Burnley). Burnley have lost six in a row and their next four games are against the top five.\n\n"
        "Sean Dyche (Nottingham Forest): Forest have not scored in five league games and the crowd has turned on "
        "the team.",
    )
    held = _held(analysis)
    assert ("Scott Parker", "Burnley", "under_pressure") in held
    assert ("Sean Dyche", "Nottingham Forest", "under_pressure") in held


def test_a_sack_race_contender_headed_with_his_club_is_no_candidate_for_another_job(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Premier League sack race: who is under most pressure?",
        "Brentford parted company with their manager last week, and the list of those at risk is growing.\n\n"
        "Daniel Farke (Leeds United). Four straight defeats have changed the mood at Elland Road.",
    )
    held = _held(analysis)
    assert ("Daniel Farke", "Leeds United", "under_pressure") in held
    assert not [h for h in held if h[0] == "Daniel Farke" and h[2] == "linked"]
