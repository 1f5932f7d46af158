"""Long articles and analysis pieces: a match report's winners, a link from before the job was filled,
the job a piece is about when its club and its search stand in two clauses, what talks are about, and
the purpose of an appointment told with it."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.analysis.analyser import Analyser
from bot.domain import Analysis, Article

_PUBLISHED = datetime(2026, 10, 1, tzinfo=UTC)


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text, published=_PUBLISHED))


def _held(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_the_club_that_deepens_a_rivals_gloom_is_not_the_club_at_risk(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Frank feels the heat as Bournemouth deepen Tottenham's gloom",
        "Thomas Frank insisted he can turn Tottenham's season around.",
    )
    assert ("Thomas Frank", "Tottenham Hotspur", "under_pressure") in _held(analysis)
    assert not any(club == "AFC Bournemouth" for _, club, _ in _held(analysis))


def test_a_name_on_a_list_before_the_job_was_filled_is_background(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Pressure grows at Spurs",
        "Andoni Iraola, whose name was on Tottenham's list before Thomas Frank was chosen, praised his "
        "opposite number.",
    )
    assert ("Andoni Iraola", "Tottenham Hotspur", "linked") not in _held(analysis)


def test_a_search_told_in_a_second_main_clause_is_for_the_club_of_the_first(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Who could replace Rúben Amorim?",
        "Manchester United will spend the rest of the season with Michael Carrick in the dugout, but the "
        "search for Rúben Amorim's permanent successor is under way. Amorim was sacked on Monday, 14 months "
        "after arriving.",
    )
    assert ("Rúben Amorim", "Manchester United", "sacked") in _held(analysis)


def test_sounding_out_a_coach_about_taking_over_is_talks_not_an_appointment(analyser: Analyser) -> None:
    article = Article(
        title="West Ham weigh up Nuno's future as O'Neil is sounded out",
        text="West Ham's board are considering whether to dismiss Nuno Espírito Santo after Wednesday's 4-1 home "
        "defeat by Fulham left the club two points above the relegation zone.\n\nNuno was appointed in "
        "September to replace Graham Potter, but has won only six of his 22 Premier League matches, and the mood "
        "inside the London Stadium has turned against him.\n\nThe Guardian understands that intermediaries "
        "acting for the club have sounded out Gary O'Neil, the former Bournemouth and Wolves head coach, about "
        "taking over until the end of the season.",
        published=datetime(2026, 2, 12, tzinfo=UTC),
    )
    held = _held(analyser.analyse(article))
    assert ("Gary O'Neil", "West Ham United", "talks") in held
    assert ("Gary O'Neil", "West Ham United", "appointed") not in held


def test_the_purpose_of_an_old_appointment_is_no_link(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Nuno's job at risk",
        "West Ham are looking for a new manager. Nuno Espírito Santo was appointed in September to replace "
        "Graham Potter, but has won only six of his 22 matches.",
    )
    assert ("Nuno Espírito Santo", "West Ham United", "linked") not in _held(analysis)
