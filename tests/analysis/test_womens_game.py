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


def test_exercising_the_option_on_a_coachs_contract_extends_it(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Courage pick up option",
        "The North Carolina Courage have exercised the option on head coach Sean Nahas's contract, keeping him at "
        "the club through the 2027 season.",
    )
    assert ("Sean Nahas", "North Carolina Courage", "extension") in _held(analysis)


def test_a_question_whether_a_coach_survives_a_tournament_exit_is_pressure(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Will Sarina Wiegman survive England Women's Euro exit?")
    assert ("Sarina Wiegman", "England Women", "under_pressure") in _held(analysis)


def test_a_club_poised_to_dismiss_a_coach_the_knowledge_base_lacks_finds_him(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Fiorentina news",
        "Fiorentina are poised to dismiss Marco Vitale as head coach of their women's team, La Nazione reports.",
    )
    assert any(manager == "Marco Vitale" for manager, _, _ in _held(analysis))


def test_a_coach_the_knowledge_base_lacks_who_will_leave_his_role_is_found(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Hoffenheim news",
        "Hoffenheim have confirmed that Theresa Merk will leave her role as head coach of their women's team "
        "when her contract expires.",
    )
    assert any(manager == "Theresa Merk" and relation == "left" for manager, _, relation in _held(analysis))


def test_a_federation_ruling_out_a_change_of_coach_denies_a_sacking(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "FA: Wiegman not up for debate",
        "The FA has ruled out a change of coach for its women's team after Tuesday's defeat by Spain.",
    )
    assert ("Sarina Wiegman", "England Women", "denied") in _held(analysis)


def test_an_employer_saying_the_coach_will_lead_the_team_to_the_world_cup_keeps_him(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Wiegman backed",
        "The FA's chief executive says Sarina Wiegman will lead the Lionesses to the 2027 World Cup, despite "
        "Saturday's 2-1 defeat by Spain in the final.",
    )
    assert ("Sarina Wiegman", "England Women", "stays") in _held(analysis)


def test_a_surname_two_known_coaches_share_is_the_one_the_story_names_in_full(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Giráldez stays at OL Lyonnes",
        "Jonatan Giráldez will stay as head coach of OL Lyonnes next season, L'Équipe understands. Giráldez told "
        "the club's owner on Monday that he wanted to finish the project.",
    )
    managers = {manager for manager, _, _ in _held(analysis)}
    assert "Jonatan Giráldez" in managers
    assert "Claudio Giráldez" not in managers


def test_ol_lyonnes_is_the_womens_side_of_lyon(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Lyonnes news", "OL Lyonnes have sacked head coach Jonatan Giráldez.")
    assert ("Jonatan Giráldez", "Olympique Lyonnais Women", "sacked") in _held(analysis)


def test_an_appointment_ending_a_spell_elsewhere_is_an_exit_from_there(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Everton Women appoint Gareth Taylor",
        "Everton have appointed Gareth Taylor as head coach of their women's team, ending his four-year spell in "
        "charge of Manchester City Women.",
    )
    held = _held(analysis)
    assert ("Gareth Taylor", "Manchester City Women", "left") in held


def test_pressure_growing_on_a_coach_is_pressure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Leeds news", "The news comes as pressure grows on Daniel Farke after a fourth straight defeat."
    )
    assert ("Daniel Farke", "Leeds United", "under_pressure") in _held(analysis)


def test_a_coach_linked_with_a_vacant_youth_role_is_no_manager_rumour(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Chelsea Women assistant linked with academy role",
        "Chelsea Women assistant coach Sam Ridley has been linked with the vacant under-18s lead coach role at "
        "Chelsea's academy.",
    )
    assert analysis.rumours == ()


def test_the_mens_coachs_pressure_stays_with_the_mens_side_a_womens_headline_names(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Chelsea open talks with women's coach Sonia Bompastor as pressure grows on Maresca",
        "Chelsea have opened talks with women's head coach Sonia Bompastor over a new contract. The news comes "
        "as pressure grows on men's head coach Enzo Maresca after a fourth straight defeat.",
    )
    held = _held(analysis)
    assert ("Enzo Maresca", "Chelsea Women", "under_pressure") not in held


def test_a_womens_coach_linked_with_a_mens_job_named_as_such_is_linked_with_the_mens_team(
    analyser: Analyser,
) -> None:
    analysis = analyser.analyse(
        Article(title="England news", text="Sarina Wiegman has been linked with the England men's job.")
    )
    assert [(r.manager, r.club) for r in analysis.rumours] == [("Sarina Wiegman", "England")]


def test_her_departure_is_not_the_man_named_in_the_sentence_before(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Bompastor leaves Chelsea for France",
        "Sonia Bompastor has left Chelsea Women to become head coach of France's women's team. The French "
        "Football Federation confirmed her appointment, eight days after dismissing Laurent Bonadei. Chelsea "
        "announced her departure an hour later.",
    )
    held = _held(analysis)
    assert ("Laurent Bonadei", "France Women", "sacked") in held
    assert not any(manager == "Laurent Bonadei" and club != "France Women" for manager, club, _ in held)


def test_her_dismissal_is_the_woman_coach_named_in_the_sentence_before(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Villa latest",
        "Natalia Arroyo is under pressure at Aston Villa Women after a fifth straight defeat. The club "
        "confirmed her dismissal on Monday.",
    )
    assert ("Natalia Arroyo", "Aston Villa Women", "sacked") in _held(analysis)


def test_a_man_the_knowledge_base_knows_is_not_her(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "France latest",
        "Laurent Bonadei is under pressure at France Women after a fifth straight defeat. The federation "
        "confirmed her dismissal on Monday.",
    )
    assert ("Laurent Bonadei", "France Women", "sacked") not in _held(analysis)
