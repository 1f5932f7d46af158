"""Coaching carousels: one paragraph a club, each with its own kind of news — an announced last season,
a question over whether a club keeps its coach, a coach's own answer to a question."""

from __future__ import annotations

import pytest

from bot.analysis.analyser import Analyser
from bot.domain import Analysis, Article, Factuality


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text))


def _held(analysis: Analysis) -> dict[tuple[str, str, str], Factuality]:
    return {(r.manager, r.club, r.relation.value): r.factuality for r in analysis.rumours}


def test_a_coach_who_answered_in_his_own_words_is_reported_not_stated(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Flamengo coach happy",
        "Filipe Luís answered: 'I am happy here, I have a lot still to do at Flamengo.'",
    )
    assert _held(analysis).get(("Filipe Luís", "Flamengo", "stays")) is Factuality.REPORTED


def test_a_continent_between_a_coach_and_his_words_is_not_another_person(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Flamengo coach happy",
        "Filipe Luís was asked about interest from Europe and said: 'I am happy here, I have a lot still to do "
        "at Flamengo.'",
    )
    assert ("Filipe Luís", "Flamengo", "stays") in _held(analysis)


def test_asking_whether_a_club_will_keep_its_coach_is_pressure_put_as_a_question(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Will Toronto FC keep Robin Fraser after missing the playoffs again?",
        "General manager Jason Hernandez would only say that every part of the club is being reviewed.",
    )
    assert _held(analysis).get(("Robin Fraser", "Toronto FC", "under_pressure")) is Factuality.QUESTION


def test_a_coach_who_confirms_this_is_his_last_season_is_leaving(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Abel to leave Palmeiras",
        "Abel Ferreira confirmed on Sunday that this will be his last season at Palmeiras.",
    )
    assert ("Abel Ferreira", "Palmeiras", "left") in _held(analysis)


def test_a_season_that_was_a_coachs_last_long_ago_is_not_news(analyser: Analyser) -> None:
    # guard: passes with and without the "last season" rule; a past "was his last season" is history
    analysis = _analyse(
        analyser,
        "Palmeiras remember",
        "Abel Ferreira recalled that 2019 was his last season in Portugal before moving to Greece.",
    )
    assert not any(relation == "left" for _, _, relation in _held(analysis))


def test_a_manager_who_wants_him_to_stay_speaks_of_someone_else(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Will Liverpool keep Mohamed Salah beyond the summer?",
        "Arne Slot wants him to stay.",
    )
    assert not any(manager == "Arne Slot" for manager, _, _ in _held(analysis))


def test_a_manager_who_wants_to_stay_himself_still_stays(analyser: Analyser) -> None:
    # guard: passes with and without the rule above ("wants to stay" has no one between)
    analysis = _analyse(analyser, "Slot's future", "Arne Slot wants to stay at Liverpool.")
    assert ("Arne Slot", "Liverpool", "stays") in _held(analysis)


def test_a_paragraph_opening_with_a_clubs_name_is_about_that_club_not_the_job_left_open_before(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Brazil's coaching carousel",
        "Palmeiras. Abel Ferreira confirmed on Sunday that he will leave the club in December.\n\n"
        "Corinthians. Tite is back. The 64-year-old was unveiled on Wednesday, ten days after Dorival Júnior "
        "was sacked, and has signed until the end of 2027.",
    )
    held = _held(analysis)
    assert ("Tite", "Corinthians", "appointed") in held
    assert not any(club == "Palmeiras" for manager, club, _ in held if manager != "Abel Ferreira")


def test_nice_and_angers_as_the_press_calls_them_are_the_clubs(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Ligue 1 carousel",
        "Franck Haise and Nice parted ways by mutual consent last Tuesday. Angers have sacked Alexandre Dujeux.",
    )
    held = _held(analysis)
    assert ("Franck Haise", "OGC Nice", "left") in held
    assert ("Alexandre Dujeux", "Angers SCO", "sacked") in held


def test_the_town_of_nice_is_a_place_not_the_club(analyser: Analyser) -> None:
    # guard: passes with and without the aliases (no club is named at all without them)
    analysis = _analyse(analyser, "Alonso's summer", "Xabi Alonso was on holiday in Nice when Real Madrid called.")
    assert "OGC Nice" not in analysis.clubs


def test_a_coach_who_said_he_would_step_down_after_a_tournament_announced_his_exit(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Clarke's farewell",
        "Steve Clarke said on Thursday that the World Cup will be his last tournament as Scotland manager, "
        "telling reporters he would step down after the finals.",
    )
    assert _held(analysis).get(("Steve Clarke", "Scotland", "left")) is Factuality.DONE


def test_a_coach_who_would_step_down_if_asked_has_not_announced_anything(analyser: Analyser) -> None:
    # guard: passes with and without the rule above (the condition keeps it open)
    analysis = _analyse(
        analyser,
        "Clarke's future",
        "Steve Clarke said he would step down as Scotland manager if the federation asked him to.",
    )
    assert _held(analysis).get(("Steve Clarke", "Scotland", "left")) is not Factuality.DONE


@pytest.mark.parametrize(
    "text",
    [
        "Igli Tare told DAZN that AC Milan are already planning next season with Massimiliano Allegri.",
        "Massimiliano Allegri said on Saturday that he will 'be here next season' at AC Milan.",
    ],
)
def test_a_club_or_coach_saying_he_stays_in_their_own_words(analyser: Analyser, text: str) -> None:
    analysis = _analyse(analyser, "Allegri's future", text)
    assert ("Massimiliano Allegri", "AC Milan", "stays") in _held(analysis)


def test_a_coach_saying_i_am_this_clubs_coach_is_staying(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Slot asked about Netherlands job",
        "Arne Slot, asked about the national team on Thursday, said: 'I am Liverpool's coach, with a contract "
        "until 2027. That is all I am thinking about.'",
    )
    assert _held(analysis).get(("Arne Slot", "Liverpool", "stays")) is Factuality.REPORTED


def test_a_club_opening_a_later_item_of_a_headline_list_is_not_the_first_items_club(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Weekend round-up: Moyes quits, Glasner bows out and Porto move for Farioli",
        "Beyond the biggest games it was a weekend of goodbyes.",
    )
    assert not any(r.manager == "David Moyes" and r.club == "Porto" for r in analysis.rumours)


def test_a_coach_who_says_this_will_be_his_last_season_is_leaving_without_a_headline_saying_so(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Betis news",
        "Manuel Pellegrini told reporters that this will be his last season in charge of Real Betis.",
    )
    assert ("Manuel Pellegrini", "Real Betis", "left") in _held(analysis)


def test_a_departure_announced_after_a_match_is_announced_though_the_match_stands_between(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Utrecht news",
        "Ron Jans announced after Sunday's 1-1 draw with Twente that he will step down as FC Utrecht head coach "
        "when the season ends.",
    )
    assert _held(analysis).get(("Ron Jans", "FC Utrecht", "left")) is Factuality.DONE
