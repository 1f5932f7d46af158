"""Exits that are not a football manager leaving his club: another sport's coach at a club sharing a
football town's name, a red card, and the job a man left to take."""

from __future__ import annotations

from bot.analysis.analyser import Analyser
from bot.domain import Analysis, Article, Factuality


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text))


def test_a_rugby_league_coach_named_with_the_clubs_ground_is_not_football(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Huddersfield sack Watson",
        "Huddersfield have sacked head coach Ian Watson after defeats by Castleford and Leigh Leopards, the "
        "Giants confirmed on Monday. Warrington Wolves visit on Friday.",
    )
    assert not analysis.is_manager_rumour


def test_a_county_cricket_coach_is_not_football_though_the_county_championship_says_championship(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Notts dismiss coach",
        "Notts have dismissed head coach Gary Ball after relegation from the County Championship's first "
        "division, the county said at Trent Bridge.",
    )
    assert not analysis.is_manager_rumour


def test_a_managers_dismissal_that_brought_a_fine_is_a_red_card(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Corberán banned",
        "Valencia coach Carlos Corberán has been fined and given a touchline ban after his dismissal at Getafe.",
    )
    assert not any(r.relation.value == "sacked" for r in analysis.rumours)


def test_the_job_a_manager_left_to_take_is_not_the_club_he_left(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Nancy named at Celtic",
        "Celtic have appointed Wilfried Nancy as manager, the club confirmed on Friday, a month after Brendan "
        "Rodgers left to take the Ireland job.",
    )
    exits = {(r.manager, r.club) for r in analysis.rumours if r.relation.value == "left"}
    assert exits == {("Brendan Rodgers", "Celtic")}


def test_a_basketball_coach_at_a_multi_sport_club_named_often_is_not_football(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Olympiacos extend Bartzokas",
        "Olympiacos have extended the contract of head coach Georgios Bartzokas until 2028, Olympiacos said. "
        "Bartzokas took Olympiacos to the EuroLeague Final Four and the Greek basketball title.",
    )
    assert not analysis.is_manager_rumour


def test_a_manager_sent_off_by_the_referee_is_not_sacked(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Derby report",
        "Mikel Arteta was dismissed by the referee in the second half of Arsenal's draw, and faces a ban.",
    )
    assert not any(r.relation.value == "sacked" for r in analysis.rumours)


def test_a_namesake_named_in_full_in_the_body_is_the_headlines_bare_surname_too(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Celtic tie Rodgers down until 2029",
        "Celtic have extended midfielder Callum Rodgers' contract until 2029, the club said on Friday.",
    )
    assert not analysis.is_manager_rumour


def test_a_coach_speaking_of_someone_else_staying_is_not_himself_staying(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Sporting keep their captain",
        "'He is our leader and I am very happy he stays,' head coach Rui Borges said of the captain.",
    )
    assert not analysis.rumours


def test_leaving_a_club_named_city_is_an_exit_not_leaving_a_place(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Stoke news",
        "Mark Robins will leave Stoke City at the end of the season, the club have confirmed.",
    )
    assert {(r.manager, r.club, r.relation.value) for r in analysis.rumours} == {("Mark Robins", "Stoke City", "left")}


def test_leaving_the_country_is_still_a_place(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Arteta on holiday", "Mikel Arteta will leave the country for a short break, Arsenal said."
    )
    assert not any(r.relation.value == "left" for r in analysis.rumours)


def test_leaving_a_player_out_of_a_squad_is_not_the_manager_leaving(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Winners and losers from Thomas Tuchel's England squad",
        "Thomas Tuchel named his England squad on Thursday. Tuchel called leaving him out 'the hardest "
        "decision of my time in the job'.",
    )
    assert not any(r.relation.value == "left" for r in analysis.rumours)


def test_a_national_teams_exit_from_a_tournament_is_not_its_managers(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Who next for US Soccer?",
        "Thomas Tuchel was mentioned in some US outlets before England's exit on Sunday.",
    )
    assert not any(r.relation.value == "left" for r in analysis.rumours)


def test_a_left_field_option_has_not_left(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Marseille weigh their options",
        "Marseille are looking for a coach. A left-field option would be Franck Haise.",
    )
    assert not any(r.relation.value == "left" for r in analysis.rumours)


def test_a_manager_who_told_his_owner_he_will_leave_has_announced_his_exit(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Everton latest",
            text="David Moyes told the club's owner Dan Friedkin last week that he will leave at the end of the "
            "season, The Athletic reported on Saturday.",
        )
    )
    held = {(r.manager, r.club, r.relation.value): r.factuality for r in analysis.rumours}
    assert held.get(("David Moyes", "Everton", "left")) is Factuality.DONE


def test_a_manager_who_told_friends_he_will_leave_is_only_expected_to(analyser: Analyser) -> None:
    # friends are not those he works for: a private word, reported, is no announcement
    analysis = analyser.analyse(
        Article(
            title="Everton latest",
            text="David Moyes has told friends that he will leave Everton at the end of the season, The Athletic "
            "reported on Saturday.",
        )
    )
    assert not any(r.factuality is Factuality.DONE and r.relation.value == "left" for r in analysis.rumours)


def test_a_manager_who_told_a_radio_station_next_season_is_his_last_is_leaving(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Everton news",
            text="And at Everton, David Moyes told BBC Radio Merseyside that next season will be his last in "
            "management. 'I've told the chairman. One more go, then I'm done,' he said.",
        )
    )
    held = {(r.manager, r.club, r.relation.value): r.factuality for r in analysis.rumours}
    assert held.get(("David Moyes", "Everton", "left")) is Factuality.DONE


def test_a_euroleague_coach_at_a_club_with_a_football_side_is_not_football(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Olympiacos and Bartzokas part ways",
        "Olympiacos and head coach Georgios Bartzokas have parted ways by mutual consent, the club said. The "
        "EuroLeague side's assistant will take charge of Friday's game in Belgrade.",
    )
    assert not analysis.is_manager_rumour


def test_an_assistant_taking_charge_while_the_coach_serves_a_ban_is_no_appointment(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Slot banned for Sunday; assistant Sipke Hulshoff to take charge at Anfield",
            text="Liverpool head coach Arne Slot will serve a one-match touchline ban against Arsenal on Sunday.",
        )
    )
    assert analysis.rumours == ()


def test_the_outgoing_man_is_the_subject_of_his_exit_in_a_sentence_naming_no_one_else(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Hull news",
            text="Hull City have narrowed their search for a new head coach to three names, two days after Tim Walter "
            "left the club by mutual consent.",
        )
    )
    assert ("Tim Walter", "Hull City", "left") in {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_a_club_without_a_head_coach_since_sacking_him_is_the_club_of_that_sacking(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Rangers news",
            text="Rangers have been without a head coach since sacking Russell Martin ten days ago, and Steven "
            "Gerrard has been linked with a return.",
        )
    )
    assert ("Russell Martin", "Rangers", "sacked") in {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_a_club_that_rules_out_sacking_its_coach_has_denied_it(analyser: Analyser) -> None:
    for title in ("Heidenheim rule out sacking Frank Schmidt", "Heidenheim ruling out sacking Frank Schmidt"):
        analysis = _analyse(analyser, title)
        assert [(r.manager, r.relation.value) for r in analysis.rumours] == [("Frank Schmidt", "denied")], title
        assert "sacked" not in analysis.summary, title
    held = _analyse(analyser, "Heidenheim refuse to rule out sacking Frank Schmidt")
    assert all(r.relation.value != "denied" for r in held.rumours)


def test_staff_who_leave_with_a_manager_are_not_a_managers_exit(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Bournemouth news",
        "Andoni Iraola's representatives have met Tottenham officials. Bournemouth want to keep him. "
        "Tottenham's statement also thanks Thomas Frank's backroom staff, who leave with him.",
    )
    assert not [r for r in analysis.rumours if r.relation.value in ("left", "sacked")]


def test_a_new_contract_being_prepared_has_not_been_signed(analyser: Analyser) -> None:
    for text in (
        "Bournemouth are preparing a new contract for Andoni Iraola.",
        "Bournemouth have drawn up a new contract offer for Andoni Iraola.",
    ):
        analysis = _analyse(analyser, "Bournemouth news", text)
        assert not [r for r in analysis.rumours if r.relation.value == "extension"], text
        assert "signed" not in analysis.summary, text


def test_the_job_a_manager_left_the_club_to_return_to_is_not_the_club_he_left(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Napoli news",
        "Napoli confirmed Vincenzo Italiano as their new coach, a week after Antonio Conte left the club to "
        "return to the Italy job.",
    )
    exits = {(r.manager, r.club) for r in analysis.rumours if r.relation.value == "left"}
    assert exits == {("Antonio Conte", "Napoli")}


def test_union_alone_is_the_union_the_storys_league_points_to(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Union name Henriksen to replace Baumgart, who joined Schalke last week",
        "Union Berlin have appointed Bo Henriksen as head coach. He replaces Steffen Baumgart, who left Union "
        "for Schalke last week.",
    )
    assert ("Bo Henriksen", "Schalke 04") not in {(r.manager, r.club) for r in analysis.rumours}
    assert not _analyse(analyser, "Rugby news", "The Rugby Union coach Steve Borthwick has been sacked.").rumours


def test_the_staff_who_have_left_for_other_clubs_are_not_the_manager_leaving(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Eddie Howe interview",
        "Eddie Howe is the Newcastle United head coach. Howe is careful with his words when talking about the "
        "summer, and he is quick to praise the staff who have left for other clubs.",
    )
    assert not [r for r in analysis.rumours if r.relation.value == "left"]


def test_a_squad_left_thin_is_no_departure(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Premier League sack race: our writers pick who goes first",
            text="We asked three of our writers to name the manager they expect to be the first to lose his job."
            "\n\nFabian Hürzeler, Brighton. 'Brighton have been patient with him, but a summer of big sales has "
            "left the squad thin. If they start badly, the patience might not last until Christmas.'",
        )
    )
    assert not any(r.relation.value == "left" for r in analysis.rumours)


def test_a_shot_on_target_is_no_clubs_target(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Why Leeds must sack Daniel Farke before the January window shuts",
            text="Two points from six games, one shot on target at Brentford and a side that no longer looks sure "
            "of its own plan.",
        )
    )
    assert not any(r.club == "Brentford" for r in analysis.rumours)


def test_a_youth_sides_head_coach_leaving_for_an_academy_job_is_no_managers_exit(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Everton U21s coach moves on",
        "Everton Under-21s head coach Lewis Dunmore has left the club to become academy manager at Burnley, the "
        "club confirmed on Friday.",
    )
    assert not analysis.is_manager_rumour


def test_a_result_that_left_the_club_tenth_is_no_departure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Marseille news",
        "Roberto De Zerbi paid for a run of one win in nine Ligue 1 matches that left the club eleventh.",
    )
    assert not [r for r in analysis.rumours if r.relation.value == "left"]


def test_a_coach_described_as_a_former_left_back_has_not_left(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Who could coach Brazil next?",
        "FILIPE LUIS (FLAMENGO)\n\nThe 40-year-old former Brazil left back has been the most successful young "
        "coach in South America.",
    )
    assert not [r for r in analysis.rumours if r.relation.value == "left"]


def test_the_club_a_coach_left_to_take_over_at_is_not_the_club_he_left(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Columbus Crew name Henrik Rydström head coach",
        "The Columbus Crew have appointed Henrik Rydström as head coach, the club said on Monday, replacing "
        "Wilfried Nancy, who left last week to take over at Celtic.",
    )
    assert ("Wilfried Nancy", "Celtic", "left") not in {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_both_sides_leaving_a_meeting_is_no_departure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Arteta news",
        "Andrea Berta met Mikel Arteta's agent on Tuesday, and both sides left the meeting convinced.",
    )
    assert not [r for r in analysis.rumours if r.relation.value == "left"]


def test_an_afl_coach_backed_by_the_tigers_is_no_football_story(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Richmond stand by Adem Yze despite winless start",
            text="Richmond have backed senior coach Adem Yze to see out his contract despite the Tigers' 0-7 start "
            "to the AFL season, with the club's board saying the rebuild remains on track.",
        )
    )
    assert not analysis.is_manager_rumour
    assert not analysis.rumours


def _held(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_a_coach_staying_after_all_is_not_leaving_because_he_had_been_expected_to(analyser: Analyser) -> None:
    held = _held(
        _analyse(
            analyser,
            "Howe stays put",
            "Eddie Howe has decided to stay at St James' Park after all, having been expected to leave in the "
            "summer to take up a post in the Netherlands.",
        )
    )
    assert held == {("Eddie Howe", "Newcastle United", "stays")}


def test_a_u_turn_over_an_exit_is_a_stay_not_the_exit(analyser: Analyser) -> None:
    assert _held(_analyse(analyser, "Eddie Howe makes U-turn over Newcastle exit")) == {
        ("Eddie Howe", "Newcastle United", "stays")
    }
    assert _held(_analyse(analyser, "Howe backtracks on decision to leave Newcastle")) == {
        ("Eddie Howe", "Newcastle United", "stays")
    }


def test_an_assistant_coach_changing_his_mind_is_not_a_managers_news(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Graeme Jones performs U-turn over Newcastle exit",
        "Newcastle assistant coach Graeme Jones has decided to stay at the club after all.",
    )
    assert not analysis.is_manager_rumour


def test_a_club_unable_to_agree_an_extension_has_not_extended_the_contract(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "McKenna's future",
        "McKenna would be the obvious choice: his contract at Portman Road expires in the summer and Ipswich "
        "Town have so far been unable to agree an extension.",
    )
    assert not any(r.relation.value == "extension" for r in analysis.rumours)
    assert "has signed" not in analysis.summary


def test_the_man_whose_departure_opens_the_sentence_before_is_the_age_that_opens_the_next(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Athletic draw up a list to succeed Valverde",
        "Athletic Club have drawn up a list to succeed Ernesto Valverde. Jagoba Arrasate is on it. Eddie Howe, "
        "who grew up nearby, has ruled out a move, and Athletic have made no contact.\n\nValverde's departure "
        "ends his third spell in charge, which brought a Copa del Rey.\n\nThe 62-year-old has said he wants a "
        "long break, and he will be given a farewell at San Mamés.",
    )
    assert not any(r.relation.value == "sacked" for r in analysis.rumours)  # the departure ends the spell
    assert not any(r.manager == "Eddie Howe" and r.relation.value in ("left", "sacked") for r in analysis.rumours)


def test_a_cross_from_the_left_is_no_departure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Ipswich 2-0 Coventry",
        "14:05 Coventry will be without Frank Lampard on the touchline today as he serves a ban.\n\n15:20 Ipswich "
        "lead Coventry after a low cross from the left is turned in at the near post.",
    )
    assert not any(r.relation.value == "left" for r in analysis.rumours)


def test_a_coach_who_hints_at_an_exit_has_not_left(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Weekend briefing: Roma back Gasperini, Allegri hints at Milan exit")
    assert not any(r.relation.value == "left" for r in analysis.rumours)


def test_a_coach_who_is_set_to_leave_told_in_a_relative_clause_has_not_left_yet(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Milan news",
        "Milan have held talks with Thiago Motta about succeeding Massimiliano Allegri, who is set to leave the "
        "club at the end of the season, La Gazzetta dello Sport reports.",
    )
    assert not any(r.manager == "Massimiliano Allegri" and r.relation.value == "left" for r in analysis.rumours)


def test_an_assistant_leading_the_team_after_a_sacking_is_not_the_sacked_coachs_appointment(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Around the leagues",
        "TORONTO FC: FRASER OUT\nToronto FC have fired head coach Robin Fraser after the club was knocked out of "
        "playoff contention with three games to play, the club announced on Monday. An assistant will lead the "
        "team for the remaining games.",
    )
    assert not any(r.relation.value == "appointed" for r in analysis.rumours)
