"""Transfer-window copy and the Americas' own words: a player let go or re-signed beside a coach's news is
no coach's news, a coach's last job told in passing is no move, and a club that will not let its coach go
keeps him."""

from __future__ import annotations

from bot.analysis.analyser import Analyser
from bot.domain import DEFINITE, Analysis, Article


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text))


def _held(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_a_club_parting_company_with_a_winger_is_no_managers_exit(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Hearts part company with Tomás Rivero",
        "Hearts have parted company with Tomás Rivero after agreeing to end the Uruguayan winger's contract by "
        "mutual consent.",
    )
    assert not analysis.rumours


def test_a_players_new_deal_in_a_coachs_appointment_story_is_no_coachs_extension(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Villarreal appoint Gerardo Seoane",
        "Villarreal have announced the appointment of Gerardo Seoane as head coach on a two-year contract. The "
        "former Gladbach boss, who left Germany in the summer, returns to Spain, and Villarreal also confirmed that "
        "Tomás Beltrán has signed a new deal until 2031.",
    )
    assert not any(r.relation.value == "extension" for r in analysis.rumours)


def test_the_job_a_new_coach_held_before_is_no_appointment_there(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Club news",
        "Salford City have appointed Dean Holloway as head coach, the club announced. The 44-year-old, previously "
        "first-team coach at Bolton Wanderers, takes charge in time for Saturday's trip to Gillingham.",
    )
    assert not any(club == "Bolton Wanderers" for _, club, _ in _held(analysis))


def test_a_club_that_wont_let_its_coach_go_has_not_sacked_him(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Chile want Pellegrini, but Betis won't let him go",
        "Chile's federation has made contact with Manuel Pellegrini.",
    )
    assert not any(r.relation in DEFINITE for r in analysis.rumours)


def test_a_liga_mx_femenil_coach_is_the_womens_sides(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Tigres extend their Femenil coach",
        "Tigres have signed Femenil head coach Pedro Martínez Losa to a contract extension through 2028, the "
        "club announced.",
    )
    clubs = {club for _, club, _ in _held(analysis)}
    assert clubs
    assert all(club.endswith("Women") for club in clubs)


def test_an_exit_told_first_is_the_news_over_the_hiring_recalled_after(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Austin FC part ways with head coach Nico Estévez; Marcos Villalobos named interim",
        "Austin FC have parted ways with head coach Nico Estévez, the club announced Monday, with the team 12th "
        "in the Western Conference.\n\nAssistant coach Marcos Villalobos will serve as interim head coach when "
        'MLS resumes in July.\n\n"We felt a change was necessary," sporting director Rodolfo Borrell said in a '
        "statement.\n\nEstévez, who coached FC Dallas from 2022 to 2024, was hired ahead of the 2025 season.",
    )
    assert ("Nico Estévez", "Austin FC", "sacked") in _held(analysis)
    assert ("Nico Estévez", "Austin FC", "appointed") not in _held(analysis)


def test_a_coach_the_knowledge_base_lacks_is_found_where_the_job_follows_his_name(analyser: Analyser) -> None:
    hired = _analyse(
        analyser,
        "Club news",
        "Sporting Kansas City announced today that it has hired Oscar Lindqvist as the club's head coach.",
    )
    assert ("Oscar Lindqvist", "Sporting Kansas City", "appointed") in _held(hired)
    named = _analyse(
        analyser, "Club news", "The Colorado Rapids have named Oscar Lindqvist head coach on a multi-year contract."
    )
    assert ("Oscar Lindqvist", "Colorado Rapids", "appointed") in _held(named)
    chased = _analyse(
        analyser, "Club news", "Charlotte FC are closing in on a deal to make Oscar Lindqvist their next head coach."
    )
    assert ("Oscar Lindqvist", "Charlotte FC", "talks") in _held(chased)


def test_a_coach_the_knowledge_base_lacks_is_found_with_the_particle_in_his_name(analyser: Analyser) -> None:
    hired = _analyse(
        analyser, "Club news", "Heracles Almelo have appointed Joris van Dijkhuizen as their new head coach."
    )
    assert ("Joris van Dijkhuizen", "Heracles Almelo", "appointed") in _held(hired)
    named = _analyse(analyser, "Club news", "Flamengo have named Renato dos Santos head coach on a deal to 2028.")
    assert ("Renato dos Santos", "Flamengo", "appointed") in _held(named)
    assert "Fernando Santos" not in named.managers  # (a known coach's surname after another's first name)


def test_a_coach_named_for_a_clubs_second_team_is_no_manager(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Club news",
        "The Colorado Rapids have named Oscar Lindqvist head coach of Rapids 2, their reserve side.",
    )
    assert not analysis.rumours


def test_the_exit_months_before_a_caretaker_is_made_permanent_is_history(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Mainz make it permanent",
        "Mainz have named Oscar Lindqvist head coach on a permanent basis, the club announced, three months after "
        "he stepped up from the under-19s following Bo Henriksen's dismissal.",
    )
    assert ("Oscar Lindqvist", "Mainz 05", "appointed") in _held(analysis)
    assert not any(r.relation.value == "sacked" for r in analysis.rumours)


def test_a_new_contract_offered_to_a_named_player_is_no_managers_offer(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Liverpool offer Alisson new deal",
        "Liverpool have offered Alisson a new contract running until 2028, with Arne Slot keen to keep the "
        "Brazilian at Anfield for years to come.",
    )
    assert not analysis.rumours
    offered = _analyse(analyser, "Contract", "Liverpool have offered Arne Slot a new contract running until 2029.")
    assert ("Arne Slot", "Liverpool", "offer") in _held(offered)


def test_a_coachs_new_contract_beside_a_loan_in_the_headline_is_his_extension(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Girona hand Míchel new deal to 2029 as Stuani loan is completed",
        "Girona have announced that Míchel has signed a new contract as head coach running until June 2029. The "
        "news came hours after the club completed the loan signing of a forward from Sevilla.",
    )
    assert ("Míchel", "Girona", "extension") in _held(analysis)


def test_a_contract_extended_with_the_coachs_full_title_before_it_is_an_extension(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Federation news",
        "The Royal Spanish Football Federation has extended women's national team head coach Sonia Bermúdez' "
        "contract through the 2027 World Cup.",
    )
    assert ("Sonia Bermúdez", "Spain Women", "extension") in _held(analysis)


def test_a_coach_the_knowledge_base_lacks_is_found_by_his_job_at_a_club_or_his_staying_on(
    analyser: Analyser,
) -> None:
    pressure = _analyse(
        analyser,
        "Job on the line after fourth straight defeat",
        "Oscar Lindqvist's job at Shanghai Shenhua is on the line after a fourth consecutive Chinese Super League "
        "defeat, Titan Sports reported on Thursday.",
    )
    assert ("Oscar Lindqvist", "Shanghai Shenhua", "under_pressure") in _held(pressure)
    staying = _analyse(
        analyser,
        "AIFF says Lindqvist will continue as India coach",
        "The All India Football Federation said on Thursday that Oscar Lindqvist will continue as head coach of "
        "the senior men's team.",
    )
    assert ("Oscar Lindqvist", "India", "stays") in _held(staying)
    player = _analyse(analyser, "Bayern", "Harry Kane's job at Bayern is to score goals, Vincent Kompany said.")
    assert not player.rumours
