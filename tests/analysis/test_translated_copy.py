"""Copy translated from the Italian, Spanish, Portuguese and Turkish press: "exonerated" is sacked,
"renewal" is a new contract, a coach's "continuity" is his job, "the technician" is the coach — and a
nickname or a surname in a headline is whoever the body says it is."""

from __future__ import annotations

import pytest

from bot.analysis.analyser import Analyser
from bot.domain import Analysis, Article


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text))


def _held(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_a_club_that_exonerated_its_coach_sacked_him(analyser: Analyser) -> None:
    held = _held(_analyse(analyser, "Serie A", "Torino have exonerated Marco Baroni, the club announced on Monday."))
    assert ("Marco Baroni", "Torino", "sacked") in held


def test_a_coach_exonerated_by_a_disciplinary_panel_was_cleared_not_sacked(analyser: Analyser) -> None:
    held = _held(
        _analyse(analyser, "Panel ruling", "Marco Baroni was exonerated by the disciplinary commission on Monday.")
    )
    assert not any(relation == "sacked" for _, _, relation in held)


@pytest.mark.parametrize(
    "text",
    [
        "FC Porto have announced the renewal of Francesco Farioli's contract until June 2029.",
        "The Dragons renew Francesco Farioli until 2029, Porto announced on Monday.",
    ],
)
def test_a_renewal_of_the_coachs_contract_is_an_extension(analyser: Analyser, text: str) -> None:
    assert ("Francesco Farioli", "Porto", "extension") in _held(_analyse(analyser, "Primeira Liga", text))


def test_negotiating_a_new_contract_is_talks_not_a_signed_extension(analyser: Analyser) -> None:
    held = _held(_analyse(analyser, "Newcastle", "Eddie Howe and Newcastle are negotiating a new contract."))
    assert ("Eddie Howe", "Newcastle United", "talks") in held
    assert ("Eddie Howe", "Newcastle United", "extension") not in held


def test_a_coachs_continuity_in_question_is_pressure_and_decided_is_a_stay(analyser: Analyser) -> None:
    pressed = _held(
        _analyse(
            analyser,
            "Serie A",
            "The continuity of Eusebio Di Francesco on the Lecce bench is in question after the 0-3 defeat.",
        )
    )
    assert ("Eusebio Di Francesco", "Lecce", "under_pressure") in pressed
    kept = _held(
        _analyse(
            analyser, "Serie A", "Lecce's board has decided the continuity of Eusebio Di Francesco for next season."
        )
    )
    assert ("Eusebio Di Francesco", "Lecce", "stays") in kept


def test_an_agreed_rescission_of_the_coachs_contract_is_his_exit(analyser: Analyser) -> None:
    held = _held(
        _analyse(
            analyser,
            "Ligue 1",
            "Stade Rennais and Habib Beye have agreed on the rescission of the technician's contract, "
            "L'Équipe reports.",
        )
    )
    assert ("Habib Beye", "Stade Rennais", "left") in held


def test_the_technician_who_left_no_doubt_did_not_leave(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Flick on Pedri",
        "Hansi Flick was asked on Friday about Pedri's contract, and the German technician left no doubt about "
        "his position: 'The club knows what I think.'",
    )
    assert not any(relation == "left" for _, _, relation in _held(analysis))


def test_his_staff_leaving_with_him_is_not_the_last_man_named_leaving(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Botafogo",
        "Botafogo have dismissed Davide Ancelotti, the club announced. The son of Brazil coach Carlo Ancelotti "
        "had arrived in June 2025 for his first job as a head coach. His staff leave with him.",
    )
    held = _held(analysis)
    assert ("Davide Ancelotti", "Botafogo", "sacked") in held
    assert not any(manager == "Carlo Ancelotti" for manager, _, _ in held)


def test_a_headline_nickname_the_body_gives_to_another_club_is_that_club(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "The Canaries dismiss Tedesco",
        "Fenerbahçe have parted company with Domenico Tedesco, the club announced on Thursday evening.",
    )
    held = _held(analysis)
    assert ("Domenico Tedesco", "Fenerbahçe", "sacked") in held
    assert not any(club == "Norwich City" for _, club, _ in held)


def test_the_technician_is_the_coach_named_before(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Juventus",
        "Luciano Spalletti arrived in Turin in October. On Monday the Tuscan technician signed a new contract "
        "with Juventus until June 2027, the club announced.",
    )
    assert ("Luciano Spalletti", "Juventus", "extension") in _held(analysis)


def test_the_nerazzurri_of_a_story_about_pisa_are_pisa(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Pisa, Gilardino under pressure",
        "The position of Alberto Gilardino on the Nerazzurri bench is under review after a fifth defeat, "
        "La Nazione reports. The Pisa board will evaluate the situation this week.",
    )
    held = _held(analysis)
    assert ("Alberto Gilardino", "Pisa", "under_pressure") in held
    assert not any(club == "Inter Milan" for _, club, _ in held)


def test_one_nickname_decides_another_the_story_leaves_open(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Inzaghi weighs offers",
        "Simone Inzaghi is considering leaving Al-Hilal, with Manchester United and his former club Inter both "
        "keen on the Italian.\n\nInter's interest is at an earlier stage. The Nerazzurri have held internal "
        "discussions about a reunion.",
    )
    assert "Inter Milan" in {club for _, club, _ in _held(analysis)}


def test_turning_a_job_down_to_continue_at_his_club_is_a_stay(analyser: Analyser) -> None:
    held = _held(
        _analyse(
            analyser,
            "Abel says no",
            "Abel Ferreira has turned down the Portuguese Football Federation's invitation to succeed Roberto "
            "Martínez at the head of the national team and will continue at Palmeiras, A Bola reports.",
        )
    )
    assert ("Abel Ferreira", "Palmeiras", "stays") in held


def test_a_denied_contact_between_a_coach_and_a_club_is_denied_for_that_club(analyser: Analyser) -> None:
    held = _held(
        _analyse(
            analyser,
            "Sporting deny contacts",
            "Sporting have denied any contact between Rui Borges and Al-Nassr, calling the reports 'pure fiction'.",
        )
    )
    assert ("Rui Borges", "Al-Nassr", "denied") in held


def test_a_coachs_continuity_on_a_named_bench_in_question_is_his_pressure(analyser: Analyser) -> None:
    held = _held(
        _analyse(
            analyser,
            "BVB",
            "Niko Kovač's continuity on the Borussia Dortmund bench is in question, Bild reports this morning.",
        )
    )
    assert ("Niko Kovač", "Borussia Dortmund", "under_pressure") in held


def test_a_man_whose_job_is_at_risk_is_not_a_candidate_for_it(analyser: Analyser) -> None:
    held = _held(_analyse(analyser, "BVB: Kovač under pressure, Bild names the candidates", "More to follow."))
    assert ("Niko Kovač", "Borussia Dortmund", "under_pressure") in held
    assert ("Niko Kovač", "Borussia Dortmund", "linked") not in held


def test_a_man_the_knowledge_base_lacks_who_will_lead_the_team_on_an_interim_basis_is_the_caretaker(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Amorim dismissed",
        "Rúben Amorim has been dismissed as head coach of Manchester United, Record reports. The Portuguese "
        "technician leaves after 14 months; Darren Fletcher will lead the team on an interim basis until a "
        "successor is found.",
    )
    caretakers = {(r.manager, r.club) for r in analysis.rumours if r.relation.value == "appointed" and r.caretaker}
    assert ("Darren Fletcher", "Manchester United") in caretakers


def test_a_coach_who_will_continue_as_dt_stays(analyser: Analyser) -> None:
    held = _held(
        _analyse(
            analyser,
            "Argentina",
            "The AFA confirmed on Monday that Lionel Scaloni will continue as DT of the Albiceleste for the next "
            "World Cup cycle.",
        )
    )
    assert ("Lionel Scaloni", "Argentina", "stays") in held


def test_an_offer_to_extend_the_coachs_contract_is_talks_with_his_own_club(analyser: Analyser) -> None:
    held = _held(
        _analyse(
            analyser,
            "Galatasaray",
            "Galatasaray have presented Okan Buruk with an offer to extend his contract by two more years, Fanatik "
            "reports.",
        )
    )
    assert ("Okan Buruk", "Galatasaray", "talks") in held
    assert ("Okan Buruk", "Galatasaray", "offer") not in held


def test_a_board_expected_to_announce_a_coach_is_an_expected_appointment(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Botafogo",
        "Botafogo have dismissed Davide Ancelotti. According to Globo, the board are expected to announce Tite "
        "this week.",
    )
    tite = {(r.club, r.relation.value, r.factuality.value) for r in analysis.rumours if r.manager == "Tite"}
    assert ("Botafogo", "talks", "expected") in tite


def test_a_coach_asked_about_talks_between_his_club_and_a_players_entourage_is_not_in_talks(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Flick on Pedri's renewal",
        "Hansi Flick was asked on Friday about the negotiations between Barcelona and Pedri's entourage over a "
        "contract extension. 'The club knows what I think,' Flick said.",
    )
    assert not analysis.is_manager_rumour


def test_asking_whether_a_coach_will_still_be_on_the_bench_is_pressure_and_saying_so_a_stay(
    analyser: Analyser,
) -> None:
    asked = _held(
        _analyse(
            analyser,
            "Sevilla",
            "After the 0-3 at home to Betis, Olé asks whether Matías Almeyda will still be on the Sevilla bench "
            "for next week's trip to Valencia.",
        )
    )
    assert ("Matías Almeyda", "Sevilla", "under_pressure") in asked
    said = _held(
        _analyse(
            analyser,
            "Sevilla",
            "Sevilla's president said on Monday that Matías Almeyda will still be on the Sevilla bench next season.",
        )
    )
    assert ("Matías Almeyda", "Sevilla", "stays") in said


def test_a_coach_who_will_leave_in_june_and_is_linked_elsewhere_keeps_his_exit(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Glasner could arrive in Frankfurt",
        "Oliver Glasner could return to Eintracht Frankfurt in the summer, Bild reports. The Austrian technician "
        "confirmed on Thursday that he will leave Crystal Palace when his contract expires in June. Dino "
        "Toppmöller's continuity on the Frankfurt bench is being debated after one win in seven matches.",
    )
    held = _held(analysis)
    assert ("Oliver Glasner", "Crystal Palace", "left") in held
    assert ("Dino Toppmöller", "Eintracht Frankfurt", "under_pressure") in held


def test_a_round_up_paragraph_under_a_clubs_name_keeps_each_coachs_own_news(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "The dance of the benches",
        "A review, club by club, of how the coaches stand.\n\n"
        "Real Betis. Manuel Pellegrini will leave Benito Villamarín at the end of the season, the club announced. The "
        "club's first option "
        "to replace him is Imanol Alguacil, Marca understands.\n\n"
        "Osasuna. The board decided on Monday the continuity of Alessio Lisci for next season.\n\n"
        "Valencia. Carlos Corberán has not convinced the board, and his continuity is far from guaranteed.",
    )
    held = _held(analysis)
    assert ("Manuel Pellegrini", "Real Betis", "left") in held
    assert ("Imanol Alguacil", "Real Betis", "linked") in held
    assert ("Manuel Pellegrini", "Real Betis", "linked") not in held
    assert ("Alessio Lisci", "Osasuna", "stays") in held
    assert ("Carlos Corberán", "Valencia", "under_pressure") in held


def test_a_coach_who_will_command_the_team_by_its_nickname_is_its_caretaker(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Grêmio",
        "Grêmio confirmed that under-20 coach Rodrigo Vasconi will command the Tricolor on an interim basis "
        "until the end of the season.",
    )
    assert ("Rodrigo Vasconi", "Grêmio", "appointed") in _held(analysis)


def test_talks_to_extend_a_coachs_contract_are_with_the_club_he_is_at(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "The Portuguese abroad",
        "In Jeddah, Sérgio Conceição was exonerated by Al-Ittihad on Monday, the club said.\n\n"
        "In Lyon, the Gones have opened talks to extend Paulo Fonseca's contract, according to L'Équipe.",
    )
    held = _held(analysis)
    assert ("Paulo Fonseca", "Olympique Lyonnais", "talks") in held
    assert ("Paulo Fonseca", "Al-Ittihad", "talks") not in held


def test_a_first_name_alone_two_named_men_share_is_neither(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Pep to leave Manchester City at the end of the season",
        "Pep Lijnders will leave Manchester City at the end of the season, De Telegraaf reports. The Dutchman, "
        "who joined Pep Guardiola's staff as assistant coach last summer, wants to return to a head-coach role.",
    )
    assert not any(manager == "Pep Guardiola" for manager, _, _ in _held(analysis))


@pytest.mark.parametrize(
    "sentence",
    [
        "Lorient have relieved Olivier Pantaloni of his functions, the club said on Monday.",
        "Mainz released Bo Henriksen from his duties on Sunday, the club said.",
    ],
)
def test_a_coach_relieved_of_his_functions_or_released_from_his_duties_was_sacked(
    analyser: Analyser, sentence: str
) -> None:
    analysis = _analyse(analyser, "Coach out", sentence)
    assert {r.relation.value for r in analysis.rumours} == {"sacked"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "PSV trainer Peter Bosz will stop at the end of the season, he announced on Friday.",
            ("Peter Bosz", "PSV Eindhoven", "left"),
        ),
        (
            "Real Madrid have renewed Pau Quesada as coach of the women's first team until June 2029, the club said.",
            ("Pau Quesada", "Real Madrid Women", "extension"),
        ),
        (
            "Sevilla's board has ratified coach Matías Almeyda after Saturday's home defeat, club sources said.",
            ("Matías Almeyda", "Sevilla", "stays"),
        ),
        (
            "Coach Marco Baroni's bench at Torino is wobbling, with the next two games seen as decisive for the "
            "mister's future.",
            ("Marco Baroni", "Torino", "under_pressure"),
        ),
    ],
)
def test_idioms_of_dutch_spanish_and_italian_copy(
    analyser: Analyser, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _held(_analyse(analyser, "Wire", text))


@pytest.mark.parametrize(
    "text",
    [
        "Galatasaray and Okan Buruk: our paths have parted after five years, the club said tonight.",
        "Galatasaray and Okan Buruk road is finished. The board meet tomorrow to choose his successor.",
        "Okan Buruk leaves Galatasaray with mutual agree, the club's statement said.",
    ],
)
def test_a_parting_told_in_translated_or_clipped_words_is_a_departure(analyser: Analyser, text: str) -> None:
    assert ("Okan Buruk", "Galatasaray", "left") in _held(_analyse(analyser, "Galatasaray news", text))
