"""The women's game beside the men's: a men's job named next to a women's team, a headline's short
club name for the women's side when the body speaks of the men's side only in passing, the club a
coach left for, front-office jobs, and words that only look like an exit."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.analysis.analyser import Analyser
from bot.domain import Analysis, Article

_PUBLISHED = datetime(2026, 6, 1, tzinfo=UTC)


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text, published=_PUBLISHED))


def _held(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_a_mens_job_named_beside_the_womens_team_is_the_mens_side(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Chelsea consider their women's coach for the men's job",
        "Chelsea are considering Sonia Bompastor, head coach of their women's team, for the vacant men's job "
        "after dismissing Enzo Maresca on Sunday, according to The Athletic.",
    )
    held = _held(analysis)
    assert ("Enzo Maresca", "Chelsea", "sacked") in held
    assert ("Enzo Maresca", "Chelsea Women", "sacked") not in held


def test_a_headlines_short_club_name_is_the_womens_side_the_body_names(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Lazio sack head coach Mauro Marchi",
        "Lazio have sacked Mauro Marchi, head coach of their women's team, after six Serie A Women games without "
        "a win, the club announced on Friday. Maurizio Sarri's men's side play Torino on Sunday.",
    )
    assert {club for _, club, relation in _held(analysis) if relation == "sacked"} == {"Lazio Women"}


def test_the_club_an_outgoing_coach_left_for_is_not_the_job_he_left(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Arsenal Women draw up a shortlist",
        "Arsenal Women have made Laura Harvey their first choice to replace Renée Slegers, who left for Chelsea "
        "Women ten days ago.",
    )
    held = _held(analysis)
    assert ("Renée Slegers", "Arsenal Women", "left") in held
    assert ("Renée Slegers", "Chelsea Women", "left") not in held


def test_that_leaves_the_club_looking_is_no_exit(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Arsenal Women's search",
        "That leaves Arsenal Women looking at a shortlist that includes Brighton Women head coach Dario Vidošić.",
    )
    assert not any(relation == "left" for _, _, relation in _held(analysis))


def test_dismissing_the_idea_of_a_return_is_a_denial_not_a_sacking(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Renard rules out return",
        "Hervé Renard dismissed the idea of a return to the France women's team on Tuesday evening.",
    )
    assert not any(relation == "sacked" for _, _, relation in _held(analysis))


def test_a_general_manager_hired_is_no_head_coach_appointed(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Washington Spirit hire a general manager",
        "Washington Spirit have hired Marta Kowalska as general manager, the club announced on Monday.",
    )
    assert not any(relation == "appointed" for _, _, relation in _held(analysis))
