"""Stories told around opinion and anniversaries: the club's backing and the news inside them still count."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.analysis.analyser import Analyser
from bot.domain import Analysis, Article

_PUBLISHED = datetime(2026, 10, 1, tzinfo=UTC)


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text, published=_PUBLISHED))


def _held(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_talks_a_year_on_from_a_return_are_todays_news(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Two years on from his last deal, Fulham open talks with Silva",
        "Fulham have opened talks with Marco Silva over a contract extension, the Evening Standard understands, "
        "two years on from his last new deal.",
    )
    assert ("Marco Silva", "Fulham", "talks") in _held(analysis)


def test_a_board_ratifying_its_support_for_its_coach_keeps_him(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Board back Almeyda",
        "Sevilla's board ratified its support for Matías Almeyda at a meeting on Tuesday, Diario de Sevilla reports.",
    )
    assert _held(analysis) == {("Matías Almeyda", "Sevilla", "stays")}


def test_a_clubs_statement_that_its_coach_keeps_its_confidence_is_its_word_on_him(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Rennes stand by their coach",
        "Rennes said in a statement on Tuesday that Habib Beye keeps the board's full confidence after the derby "
        "defeat.",
    )
    assert _held(analysis) == {("Habib Beye", "Stade Rennais", "stays")}


def test_a_pundit_who_would_appoint_a_coach_if_he_ran_the_club_states_a_wish(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Pundit backs Bayern move for Klopp",
        "Dietmar Hamann says he would appoint Jürgen Klopp as Bayern Munich coach tomorrow if he were running the "
        "club, even with Vincent Kompany's side top of the Bundesliga.",
    )
    assert not analysis.rumours


def test_a_first_person_quote_after_a_headlines_colon_is_the_subjects_not_the_critics(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Glasner hits back at Dyche: 'I want to stay at Palace'",
        "Oliver Glasner answered Sean Dyche's call for his dismissal at his press conference on Friday.",
    )
    assert {(r.manager, r.club) for r in analysis.rumours} == {("Oliver Glasner", "Crystal Palace")}


def test_a_pundit_who_has_spoken_to_a_clubs_owner_about_the_job_is_in_talks(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Pundit in talks over return",
        "Frank Lampard says he has spoken to Derby County's owner about returning as manager, a week after the "
        "club sacked their head coach.",
    )
    assert ("Frank Lampard", "Derby County", "talks") in _held(analysis)


def test_speaking_to_reporters_about_the_job_is_still_an_interview(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Lampard speaks",
        "Frank Lampard spoke to reporters about the job at Derby County on Friday.",
    )
    assert ("Frank Lampard", "Derby County", "talks") not in _held(analysis)


def test_a_pundit_appointed_head_coach_after_a_long_description_is_appointed(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Dunmore appoint Sky pundit Kane as head coach",
        "Dunmore Athletic have appointed Ben Kane, a former League Two defender who has spent three seasons as a "
        "television pundit, as head coach, the club announced.",
    )
    assert ("Ben Kane", "Dunmore Athletic", "appointed") in _held(analysis)


def test_a_club_lining_up_a_replacement_for_its_coach_puts_him_under_pressure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Club look at options",
        "Angel City have begun identifying possible replacements for Alexander Straus, The Equalizer reports.",
    )
    assert _held(analysis) == {("Alexander Straus", "Angel City FC", "under_pressure")}


def test_lining_up_a_successor_for_a_named_coach_is_pressure_on_him(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Arsenal plan", "Arsenal are lining up a replacement for Mikel Arteta.")
    assert _held(analysis) == {("Mikel Arteta", "Arsenal", "under_pressure")}


def test_the_podcast_a_coach_spoke_to_is_no_person_between_him_and_his_words(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Terzić ready to return",
        "Edin Terzić told the Kicker podcast he is ready to coach again, and confirmed a conversation with Wolfsburg.",
    )
    assert ("Edin Terzić", "VfL Wolfsburg", "talks") in _held(analysis)
