"""Say only what the story says: each sentence tests one way a story holds a claim, and each trap one
kind of false alert. A definite event (sacked, appointed, agreed, left, extension) comes only when the
story reports it as done."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.analysis.analyser import Analyser
from bot.domain import DEFINITE, Analysis, Article, Factuality, Relation

Claim = tuple[str, str, str]


def _analyse(analyser: Analyser, title: str, text: str = "", published: datetime | None = None) -> Analysis:
    return analyser.analyse(Article(title=title, text=text, published=published))


def _claims(analysis: Analysis) -> set[Claim]:
    return {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def _definite(analysis: Analysis) -> set[Claim]:
    return {(r.manager, r.club, r.relation.value) for r in analysis.rumours if r.relation in DEFINITE}


# -- the sentences of the factuality issue ---------------------------------------------------


def test_a_candidate_if_the_incumbent_departs_is_a_link_and_nothing_definite(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Lazio plans", "Lazio see Igor Tudor as a candidate if Maurizio Sarri departs in the summer."
    )
    assert ("Igor Tudor", "Lazio", "linked") in _claims(analysis)
    assert not _definite(analysis)
    sarri = [r for r in analysis.rumours if r.manager == "Maurizio Sarri"]
    assert all(r.factuality is Factuality.POSSIBLE for r in sarri)


def test_played_down_suggestions_of_leaving_is_no_exit(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Rose latest", "Marco Rose played down suggestions that he could leave RB Leipzig.")
    assert not _definite(analysis)
    assert ("Marco Rose", "RB Leipzig", "denied") in _claims(analysis)


def test_sack_latest_headline_is_pressure_not_a_sacking(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Marco Rose sack latest: Leipzig chiefs to meet")
    assert _claims(analysis) == {("Marco Rose", "RB Leipzig", "under_pressure")}


def test_a_sacking_in_a_clause_of_history_is_not_a_claim(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Lampard news",
        "Frank Lampard, who had been out of work since Chelsea sacked him in 2023, is in talks with Coventry City.",
    )
    assert _claims(analysis) == {("Frank Lampard", "Coventry City", "talks")}


def test_talks_over_their_coach_bind_to_the_hiring_club_and_a_recent_dismissal_is_news(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Everton news",
        "Everton opened talks with Olympique Lyonnais over their coach Paulo Fonseca, days after Sean Dyche "
        "was dismissed.",
    )
    assert _claims(analysis) == {("Paulo Fonseca", "Everton", "talks"), ("Sean Dyche", "Everton", "sacked")}


def test_every_candidate_in_a_pair_is_linked(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Wolfsburg search", "Wolfsburg see Edin Terzić and Niko Kovač as the leading candidates for the job."
    )
    assert _claims(analysis) == {("Edin Terzić", "VfL Wolfsburg", "linked"), ("Niko Kovač", "VfL Wolfsburg", "linked")}


def test_everyone_in_a_list_that_said_no_rejected_the_job(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Juventus search",
        "Juventus have found it hard to replace Thiago Motta: Simone Inzaghi, Gian Piero Gasperini and Maurizio "
        "Sarri all said no.",
    )
    assert _claims(analysis) == {
        ("Simone Inzaghi", "Juventus", "rejected"),
        ("Gian Piero Gasperini", "Juventus", "rejected"),
        ("Maurizio Sarri", "Juventus", "rejected"),
    }
    assert "Thiago Motta" in analysis.managers  # the manager being replaced is what the story is about


def test_their_target_after_a_defeat_is_not_a_link_with_the_opponent(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "The board met after Saturday's defeat by Brentford. Russell Martin is their top target."
    )
    assert not any(r.club == "Brentford" for r in analysis.rumours)


def test_a_club_confirming_its_new_head_coach_is_an_appointment(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Wolves news", "Wolves have confirmed Vítor Pereira as their new head coach.")
    assert _claims(analysis) == {("Vítor Pereira", "Wolverhampton Wanderers", "appointed")}
    assert [r.factuality for r in analysis.rumours] == [Factuality.DONE]


def test_temporary_charge_is_a_caretaker_appointment(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Leicester news", "Steve Cooper has taken temporary charge of Leicester City.")
    [claim] = analysis.rumours
    assert (claim.manager, claim.club, claim.relation.value, claim.caretaker) == (
        "Steve Cooper",
        "Leicester City",
        "appointed",
        True,
    )


def test_a_federation_naming_the_mens_coach_appoints_him_to_the_national_team(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Belgium news",
        "The Royal Belgian Football Association has named Rudi Garcia as head coach of the Belgium men's team.",
    )
    assert _claims(analysis) == {("Rudi Garcia", "Belgium", "appointed")}


def test_declining_to_discuss_interest_is_no_claim(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Napoli news", "Gian Piero Gasperini declined to discuss Napoli's interest at his press conference."
    )
    assert not analysis.rumours


def test_rejecting_claims_of_a_link_is_a_denial(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Roma news", "Thiago Motta has rejected claims linking him with Roma.")
    assert _claims(analysis) == {("Thiago Motta", "AS Roma", "denied")}


def test_two_clauses_two_managers_each_with_his_club(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Serie A news",
        "Napoli have agreed terms with Maurizio Sarri, and Igor Tudor is the favourite for Lazio.",
    )
    assert _claims(analysis) == {("Maurizio Sarri", "Napoli", "agreed"), ("Igor Tudor", "Lazio", "linked")}


def test_not_worried_about_the_sack_is_his_own_words_about_pressure(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Arne Slot insists he is not worried about the sack")
    assert not _definite(analysis)
    [claim] = analysis.rumours
    assert (claim.relation.value, claim.factuality) == ("under_pressure", Factuality.REPORTED)


# -- hedges: a definite event only when done --------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text", "stage", "factuality"),
    [
        ("Chelsea news", "Chelsea are set to sack Enzo Maresca.", "under_pressure", Factuality.EXPECTED),
        ("Chelsea news", "Chelsea are considering sacking Enzo Maresca.", "under_pressure", Factuality.POSSIBLE),
        ("Will Chelsea sack Enzo Maresca?", "", "under_pressure", Factuality.QUESTION),
        ("Chelsea news", "Chelsea have no plans to sack Enzo Maresca.", "denied", Factuality.DENIED),
        ("Chelsea news", "Enzo Maresca will not be sacked by Chelsea.", "denied", Factuality.DENIED),
        ("Chelsea news", "Chelsea are poised to appoint Enzo Maresca.", "talks", Factuality.EXPECTED),
        ("Chelsea news", "Enzo Maresca is on the verge of becoming Chelsea head coach.", "talks", Factuality.EXPECTED),
        ("Chelsea news", "Chelsea could appoint Enzo Maresca.", "linked", Factuality.POSSIBLE),
        ("Chelsea news", "Chelsea have sacked Enzo Maresca.", "sacked", Factuality.DONE),
    ],
)
def test_each_hedge_gives_the_stage_that_fits(
    analyser: Analyser, title: str, text: str, stage: str, factuality: Factuality
) -> None:
    [claim] = [r for r in _analyse(analyser, title, text).rumours if r.club == "Chelsea"]
    assert (claim.relation.value, claim.factuality) == (stage, factuality)


def test_a_hedged_body_wins_over_a_definite_headline(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Chelsea sack Maresca", "Chelsea are considering sacking Enzo Maresca after a fifth defeat."
    )
    assert not _definite(analysis)


def test_a_sacking_dated_months_before_the_story_is_history(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Lyon appoint Fonseca",
        "Lyon have appointed Paulo Fonseca as head coach. The Portuguese was dismissed by AC Milan on 30 December.",
        published=datetime(2025, 1, 27, tzinfo=UTC),
    )
    assert _claims(analysis) == {("Paulo Fonseca", "Olympique Lyonnais", "appointed")}


# -- the false alerts seen on real feeds ------------------------------------------------------


def test_a_manager_talking_about_a_players_future_is_not_a_manager_rumour(analyser: Analyser) -> None:
    for title, text in [
        (
            "Arteta: Saka will stay",
            "Mikel Arteta insisted Bukayo Saka will stay at Arsenal, saying the winger is happy.",
        ),
        ("Slot refuses to rule out Salah exit", "Arne Slot refused to rule out a summer exit for Mohamed Salah."),
        (
            "Slot on Konaté",
            '"I want him to stay, of course," the Liverpool head coach Arne Slot said of Ibrahima Konaté.',
        ),
    ]:
        assert not _analyse(analyser, title, text).rumours, title


def test_a_coach_of_another_sport_is_not_a_football_manager(analyser: Analyser) -> None:
    for title, text in [
        (
            "Warriors sack head coach",
            "Golden State Warriors have sacked head coach Steve Kerr, the NBA franchise said.",
        ),
        ("England cricket coach under pressure", "Brendon McCullum is under pressure after the Ashes series defeat."),
        ("Saracens name head coach", "Saracens have named Richard Cockerill head coach after the Six Nations."),
    ]:
        assert not _analyse(analyser, title, text).is_manager_rumour, title


def test_a_feature_about_a_past_exit_is_not_news(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Ten Hag on the Old Trafford exit: 'I still don't know why'",
        "In an interview with a Dutch newspaper, Erik ten Hag spoke about his sacking by Manchester United in "
        "October 2024.",
        published=datetime(2025, 11, 2, tzinfo=UTC),
    )
    assert not _definite(analysis)


def test_a_player_tipped_as_a_future_manager_is_not_a_rumour(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Rice tipped as future Arsenal boss",
        "Arsenal captain Declan Rice has been tipped as a future manager by Mikel Arteta.",
    )
    assert not analysis.rumours


# -- women's teams are clubs of their own -----------------------------------------------------


def test_a_womens_team_story_names_the_womens_team(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Liverpool sack Women's Super League boss Matt Beard",
        "Liverpool have sacked manager Matt Beard after their worst start to a Women's Super League season.",
    )
    assert _claims(analysis) == {("Matt Beard", "Liverpool Women", "sacked")}


def test_a_mens_team_story_stays_with_the_mens_team(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Liverpool news", "Liverpool have sacked Arne Slot after a run of six defeats.")
    assert _claims(analysis) == {("Arne Slot", "Liverpool", "sacked")}


# -- causes of false definite events found by the sixth story set ------------------------------


def test_time_left_on_a_contract_is_no_departure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Moyes future",
        "David Moyes is expected to open contract talks with Everton. He has 18 months left on his deal.",
    )
    assert not _definite(analysis)


def test_the_possibility_that_a_manager_leaves_is_a_possible_exit(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Bayern planning",
        "Bayern Munich are preparing for the possibility that Vincent Kompany leaves at the end of the season.",
    )
    assert not _definite(analysis)
    assert ("Vincent Kompany", "Bayern Munich", "under_pressure") in _claims(analysis)


def test_an_expected_departure_is_expected_not_done(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Scotland search",
        "The federation is planning for Steve Clarke's expected departure after the tournament.",
    )
    assert not _definite(analysis)


def test_a_manager_left_with_problems_by_a_defeat_has_not_left(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Roma 1-3 Lazio: Sarri's side leave Gian Piero Gasperini with questions to answer",
        "The derby defeat left Gian Piero Gasperini with plenty to think about before Thursday.",
    )
    assert not _definite(analysis)


def test_a_set_piece_coachs_new_contract_is_not_a_manager_story(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Liverpool goalkeeping coach Tomas Brandvik signs new deal until 2028", "He joined in 2022."
    )
    assert not analysis.is_manager_rumour


def test_an_exit_dated_by_the_sentences_opening_phrase_is_history(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Remembering a farewell",
        "Three years ago this month, Mauricio Pochettino told Chelsea he would be leaving the club.",
        published=datetime(2026, 6, 3, tzinfo=UTC),
    )
    assert not analysis.rumours


def test_a_manager_is_not_carried_into_a_sentence_about_a_players_contract(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Napoli round-up",
        "Napoli have opened talks with Antonio Conte over a contract extension. Conte has transformed the "
        "season and the club want to tie him down. On the transfer front, Chelsea are in talks with Palmer "
        "over a new contract and an agreement is close.",
    )
    assert ("Antonio Conte", "Napoli", "talks") in _claims(analysis)
    assert not _definite(analysis)


def test_an_exit_expected_in_a_later_month_is_news_not_history(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Koeman plans",
        "Ronald Koeman is expected to step down as Netherlands head coach in August.",
        published=datetime(2026, 3, 2, tzinfo=UTC),
    )
    assert _claims(analysis) == {("Ronald Koeman", "Netherlands", "under_pressure")}
    assert not _definite(analysis)


def test_relieving_a_named_coach_of_his_duties_is_a_sacking(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Brentford relieve Keith Andrews of his duties after ten straight defeats")
    assert _claims(analysis) == {("Keith Andrews", "Brentford", "sacked")}


def test_candidates_on_a_clubs_list_are_linked_with_the_open_job(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Everton search",
        "Everton have sacked David Moyes. Brentford's Keith Andrews and Ipswich Town's Kieran McKenna are "
        "understood to be on the club's list.",
    )
    assert {("Keith Andrews", "Everton", "linked"), ("Kieran McKenna", "Everton", "linked")} <= _claims(analysis)


def test_a_list_a_manager_had_been_on_last_month_is_history(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Roma appoint Gasperini",
        "Roma have appointed Gian Piero Gasperini. Thiago Motta had also been on Roma's list last month.",
    )
    assert ("Thiago Motta", "AS Roma", "linked") not in _claims(analysis)


def test_the_spaniard_after_a_staff_appointment_headline_is_the_new_assistant(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Arsenal name Albert Stuivenberg assistant head coach",
        "Arsenal have appointed Albert Stuivenberg as assistant head coach, joining Mikel Arteta's staff. "
        "The Spaniard, a former youth coach, has signed a contract until 2029.",
    )
    assert not _definite(analysis)
    assert not analysis.is_manager_rumour


def test_he_in_an_if_clause_is_not_the_candidate_named_in_the_main_clause(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Napoli planning",
        "Antonio Conte could leave Napoli in the summer. If he departs, Bologna's Vincenzo Italiano is in the frame.",
    )
    assert ("Vincenzo Italiano", "Bologna", "under_pressure") not in _claims(analysis)
    assert all(r.club != "Bologna" for r in analysis.rumours if r.manager == "Vincenzo Italiano")


def test_turning_down_clubs_the_story_does_not_name_is_pinned_on_no_club(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Chelsea search",
        "Chelsea have sacked Enzo Maresca. Sebastian Hoeneß is among the candidates to replace him. "
        "He has turned down approaches from two Serie A clubs this year.",
    )
    assert ("Sebastian Hoeneß", "Chelsea", "linked") in _claims(analysis)
    assert ("Sebastian Hoeneß", "Chelsea", "rejected") not in _claims(analysis)


def test_a_sentence_set_during_a_period_already_told_is_history(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Italy appoint Mancini",
        "Roberto Mancini has been appointed Italy head coach.\n\nMancini has been out of work since leaving "
        "Saudi Arabia in 2024. During that period he turned down approaches from several clubs, including AS "
        "Roma and Napoli, always insisting that he was waiting for the national team.",
    )
    assert _claims(analysis) == {("Roberto Mancini", "Italy", "appointed")}


def test_every_name_of_a_list_after_after_gets_the_claim(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Roma rebuffed",
        "Roma's search has stalled after Gian Piero Gasperini, Thiago Motta and Roberto Mancini all turned the "
        "job down.",
    )
    assert {
        ("Gian Piero Gasperini", "AS Roma", "rejected"),
        ("Thiago Motta", "AS Roma", "rejected"),
        ("Roberto Mancini", "AS Roma", "rejected"),
    } <= _claims(analysis)


def test_a_round_ups_club_heading_is_the_club_of_the_paragraph_under_it(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Championship round-up",
        "The managerial merry-go-round is spinning.\n\nHULL CITY\nKieran McKenna is the dream target, and the "
        "board is weighing up an approach.\n\nSTOKE CITY\nMark Robins signed a new two-year contract on Monday.",
    )
    assert _claims(analysis) == {("Kieran McKenna", "Hull City", "linked"), ("Mark Robins", "Stoke City", "extension")}


def test_a_head_coach_of_an_under_21_side_is_not_the_clubs_manager(analyser: Analyser) -> None:
    for title, text in (
        ("Arsenal name Jack Wilshere as under-21s head coach", ""),
        ("Arsenal appointment", "Arsenal have appointed Jack Wilshere as head coach of their under-21 side."),
    ):
        analysis = _analyse(analyser, title, text)
        assert not _definite(analysis), title


def test_a_pundit_saying_a_club_should_sack_its_manager_is_no_sacking(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Neville: Tottenham should sack Thomas Frank now")
    assert not _definite(analysis)


def test_facing_the_axe_and_patience_wearing_thin_are_pressure(analyser: Analyser) -> None:
    assert _claims(_analyse(analyser, "Tottenham boss Thomas Frank is facing the axe after the derby defeat")) == {
        ("Thomas Frank", "Tottenham Hotspur", "under_pressure")
    }
    question = _analyse(analyser, "Is Tottenham's patience with Thomas Frank wearing thin?")
    assert _claims(question) == {("Thomas Frank", "Tottenham Hotspur", "under_pressure")}
    assert question.rumours[0].factuality is Factuality.QUESTION


def test_a_country_in_a_cup_or_a_newspapers_name_is_not_its_national_team(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Lyon stand by Fonseca",
        "Lyon have no plans to sack Paulo Fonseca despite their Coupe de France exit, according to Ouest-France.",
    )
    assert {r.club for r in analysis.rumours} == {"Olympique Lyonnais"}
    assert "France" not in analysis.clubs


def test_the_club_a_cup_exit_came_at_the_hands_of_is_an_opponent(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Everton stand by Moyes",
        "Everton have no plans to sack David Moyes despite Tuesday's FA Cup exit at the hands of Fulham.",
    )
    assert {r.club for r in analysis.rumours} == {"Everton"}


def test_a_result_leaving_a_team_low_in_the_table_is_no_departure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Howe: I am not worried",
        "Eddie Howe has told BBC Sport he is not worried about his job, despite Saturday's 3-0 defeat by Fulham "
        "leaving Newcastle 15th in the Premier League.",
    )
    assert not _definite(analysis)


def test_the_last_job_of_a_career_most_recently_held_is_background(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Al-Qadsiah confirm Rodgers",
        "Al-Qadsiah have confirmed the appointment of Brendan Rodgers as head coach. He was most recently manager "
        "of Celtic, leaving Parkhead in October 2025.",
        published=datetime(2026, 3, 2, tzinfo=UTC),
    )
    assert ("Brendan Rodgers", "Celtic", "left") not in _claims(analysis)


def test_every_club_of_a_list_after_against_is_an_opponent(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "England interim",
        "Under-21 coach Lee Carsley will take charge of the senior side on an interim basis for the friendlies "
        "against Belgium and Netherlands, the FA confirmed.",
    )
    assert not {r.club for r in analysis.rumours} & {"Belgium", "Netherlands"}


def test_of_the_clubs_near_an_exit_it_binds_to_the_managers_own(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Everton confirm David Moyes exit, Sunderland stand by Régis Le Bris")
    assert ("David Moyes", "Sunderland", "left") not in _claims(analysis)
    assert ("David Moyes", "Everton", "left") in _claims(analysis)


def test_a_new_contract_signed_in_a_clause_of_history_is_not_an_extension(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Scotland search",
        "Hibernian boss David Gray, who signed a new contract at Easter Road in the spring, has also been "
        "mentioned as a candidate for the Scotland job.",
    )
    assert not _definite(analysis)


def test_leaving_the_house_is_no_departure(analyser: Analyser) -> None:
    for text in ("", "David Moyes looked back on his time at Everton in a podcast."):
        analysis = _analyse(analyser, "Moyes: 'I didn't leave the house for a week after Everton'", text)
        assert not _definite(analysis), text


def test_a_manager_telling_of_the_day_he_was_sacked_is_looking_back(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Ange Postecoglou interview",
        'Ange Postecoglou says he still thinks about the day he was sacked. "When Tottenham sacked me I went '
        'straight to the beach," he told the podcast.',
    )
    assert not _definite(analysis)


def test_an_unknown_coach_of_an_unknown_team_with_nothing_of_football_is_no_rumour(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Worcester Warriors part company with head coach",
        "Worcester Warriors have parted company with head coach Steve Diamond after five straight defeats left "
        "them ninth. The attack coach will take interim charge.",
    )
    assert not analysis.is_manager_rumour
    football = _analyse(analyser, "Wigan Athletic news", "Wigan Athletic have parted company with head coach Jo Dale.")
    assert football.is_manager_rumour  # a club named the way football clubs are


def test_fearing_for_his_job_is_pressure_on_his_own_club_not_the_visitors(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Parker refuses to say whether he fears for Burnley job",
        "Scott Parker refused to say whether he fears for his job ahead of Saturday's visit of Everton, with "
        "Burnley bottom of the table.",
    )
    assert _claims(analysis) == {("Scott Parker", "Burnley", "under_pressure")}


def test_a_club_delighted_to_confirm_an_appointment_has_made_it(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Carlisle news",
        "Carlisle United are delighted to confirm the appointment of Russell Martin as the club's new head coach.",
    )
    assert _definite(analysis) == {("Russell Martin", "Carlisle United", "appointed")}


def test_a_first_name_with_an_accent_makes_the_surname_someone_else(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Girona close in on Óscar García",
        "Girona are in talks with Óscar García about their vacant head coach role.",
    )
    assert "Rudi Garcia" not in analysis.managers


def test_an_unknown_coach_about_to_be_replaced_is_not_the_one_moving(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Hearts latest",
        "The former Aberdeen and Hibernian coach would replace interim boss Dougie Brannigan at Tynecastle.",
    )
    assert not any(r.manager == "Dougie Brannigan" for r in analysis.rumours)


def test_being_left_to_rue_a_result_is_no_departure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Fulham 2-1 Brentford: Wissa header leaves Frank's side waiting",
        'Yoane Wissa\'s late header gave Fulham a 2-1 win over Brentford. "We were left to rue our finishing," '
        "Keith Andrews said.",
    )
    assert not analysis.rumours


def test_a_move_not_ruled_out_is_a_possible_link_and_the_coach_s_own_club_no_destination(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Atalanta monitoring Italiano",
        "A move for Vincenzo Italiano is not ruled out, with Atalanta monitoring the Bologna coach.",
    )
    assert _claims(analysis) == {("Vincenzo Italiano", "Atalanta", "linked")}
    assert analysis.rumours[0].factuality is Factuality.POSSIBLE


def test_the_man_replaced_by_one_who_left_a_job_did_not_leave_that_job(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Wilder named Wolves manager",
        "Chris Wilder has left Sheffield United to become Wolverhampton Wanderers' new manager, the club confirmed. "
        "Wilder replaces Vítor Pereira, whose decision to leave at the end of his contract was announced last month.",
    )
    assert ("Vítor Pereira", "Sheffield United", "left") not in _claims(analysis)
    assert ("Chris Wilder", "Sheffield United", "left") in _claims(analysis)


def test_having_left_one_club_to_become_anothers_manager_is_an_appointment_made(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Wilder named Wolves manager",
        "Chris Wilder has left Sheffield United to become Wolverhampton Wanderers' new manager, the club confirmed.",
    )
    assert ("Chris Wilder", "Wolverhampton Wanderers", "appointed") in _definite(analysis)


def test_a_manager_who_retains_the_boards_backing_despite_a_defeat_stays(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Newcastle stand firm",
        "Eddie Howe retains the full backing of the Newcastle board despite Sunday's 3-0 defeat by Brentford, "
        "the Chronicle reports.",
    )
    assert _claims(analysis) == {("Eddie Howe", "Newcastle United", "stays")}


def test_another_named_managers_club_is_not_pinned_on_a_man_with_a_club_of_his_own(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Silva: I want to stay at Fulham",
        "Marco Silva has insisted he wants to stay at Fulham despite reports in Portugal linking him with the "
        "national team job should Roberto Martínez step down after the World Cup.",
    )
    assert ("Roberto Martínez", "Fulham", "under_pressure") not in _claims(analysis)
    assert ("Marco Silva", "Fulham", "stays") in _claims(analysis)


def test_placed_on_gardening_leave_is_a_sacking(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Norwich place Clement on gardening leave",
        "Norwich City have placed head coach Philippe Clement on gardening leave, the Pink Un understands.",
    )
    assert _definite(analysis) == {("Philippe Clement", "Norwich City", "sacked")}


def test_a_dismissal_in_a_match_is_a_red_card_and_leaving_with_nothing_a_result(analyser: Analyser) -> None:
    ban = _analyse(
        analyser,
        "Touchline ban for Parker",
        "Burnley boss Scott Parker has been given a one-match touchline ban after his dismissal in the draw with "
        "Leeds United.",
    )
    assert not _definite(ban)
    result = _analyse(
        analyser,
        "Brentford 2-0 Everton",
        '"We leave here with nothing," Everton manager David Moyes said after the defeat at Brentford.',
    )
    assert not result.rumours


def test_a_towns_other_wolves_are_not_wolverhampton(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Castleford Wolves part company with head coach Danny McGuire")
    assert "Wolverhampton Wanderers" not in analysis.clubs
    assert not analysis.rumours


def test_a_dismissal_last_august_beside_todays_interim_is_background(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Besiktas name interim",
        "Serdar Topraktepe will take charge of Besiktas on an interim basis until the end of the season, a role "
        "he also filled after Ole Gunnar Solskjaer's dismissal last August.",
        published=datetime(2026, 4, 6, tzinfo=UTC),
    )
    assert {r.manager for r in analysis.rumours} == {"Serdar Topraktepe"}


def test_a_headline_looking_back_makes_the_same_event_in_the_body_history(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "'They sacked me on my birthday': documentary revisits Potter's Chelsea exit",
        "Graham Potter has never hidden how much his dismissal by Chelsea hurt. A new film tells the story.",
    )
    assert not _definite(analysis)


def test_on_the_brink_of_an_exit_is_news_not_a_look_back(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Mourinho on the brink of Benfica exit as Besiktas close in",
        "José Mourinho is on the brink of leaving Benfica for Besiktas, Record reports.",
    )
    assert analysis.is_manager_rumour
    assert not _definite(analysis)


def test_the_clubs_of_a_former_managers_career_list_are_no_destinations(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Wigan statement on Shaun Maloney",
        "Wigan Athletic have parted company with manager Shaun Maloney by mutual consent. Assistant Glenn Whelan "
        "will take charge of Saturday's trip to Barnsley, with the club thanking the former Celtic, Hibernian and "
        "Aston Villa coach for his work.",
    )
    assert not {r.club for r in analysis.rumours} & {"Celtic", "Hibernian", "Aston Villa"}


def test_the_club_a_candidate_is_now_at_is_not_the_club_drawing_up_the_shortlist(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Arsenal Women search",
        "Arsenal Women will part company with Renée Slegers at the end of the season. The club have drawn up a "
        "shortlist that includes Chelsea Women's Sonia Bompastor and the former Lyon manager Jonas Eidevall, now "
        "at San Diego Wave.",
    )
    assert ("Jonas Eidevall", "Arsenal Women", "linked") in _claims(analysis)
    assert "San Diego Wave" not in {r.club for r in analysis.rumours}


def test_an_assistant_reunited_with_the_manager_is_no_move_of_the_managers(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Celtic name new assistant head coach",
        "Celtic have appointed John Kennedy as assistant head coach. The 45-year-old worked alongside Brendan "
        "Rodgers at Leicester City and will now be reunited with the Celtic manager at the club's Lennoxtown "
        "training centre.",
    )
    assert not analysis.rumours


def test_a_club_that_has_spoken_to_no_other_coach_denies_and_a_past_sacker_is_no_destination(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Lyon deny Fonseca sack reports",
        "Lyon have denied reports that Paulo Fonseca will be sacked. 'These reports are false and we have spoken "
        "to no other coach,' the club said in a statement, after L'Equipe claimed Will Still, sacked by "
        "Southampton in November, had been sounded out.",
        published=datetime(2026, 2, 23, tzinfo=UTC),
    )
    assert ("Will Still", "Southampton", "talks") not in _claims(analysis)
    assert not {r.relation.value for r in analysis.rumours if r.manager == "Will Still"} - {"denied"}


def test_the_last_sentences_news_is_not_the_next_mans_and_sides_apart_have_no_deal(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "The FA extend Wiegman's deal as Tuchel talks continue",
        "Sarina Wiegman has signed a contract extension with England Women, the FA announced on Tuesday. The "
        "extension comes as talks continue with men's head coach Thomas Tuchel, whose contract runs until the end "
        "of the World Cup.",
    )
    assert _definite(analysis) == {("Sarina Wiegman", "England Women", "extension")}
    apart = _analyse(
        analyser,
        "Solbakken talks",
        "The federation and Ståle Solbakken remain apart on the length of a new deal with Norway, NRK reported.",
    )
    assert not _definite(apart)


def test_a_board_meeting_to_discuss_a_managers_position_is_pressure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Is time up for Frank at Tottenham?",
        "Tottenham's board will meet later today to discuss Thomas Frank's position after Saturday's 3-0 defeat "
        "at Fulham left Spurs 15th, the Telegraph reports.",
    )
    assert _claims(analysis) == {("Thomas Frank", "Tottenham Hotspur", "under_pressure")}


def test_a_club_and_its_coach_who_part_ways_together_is_an_exit_not_a_sacking(analyser: Analyser) -> None:
    together = _analyse(
        analyser,
        "Coach leaves Sevilla",
        "Sevilla and head coach Matías Almeyda, who arrived from AEK Athens in 2025, have parted ways, the club "
        "said on Thursday.",
    )
    assert _claims(together) == {("Matías Almeyda", "Sevilla", "left")}
    by_the_club = _analyse(
        analyser, "Sevilla news", "Sevilla have parted ways with head coach Matías Almeyda after a 4-0 defeat."
    )
    assert _claims(by_the_club) == {("Matías Almeyda", "Sevilla", "sacked")}


def test_a_summary_of_a_parting_of_ways_keeps_the_storys_words(analyser: Analyser) -> None:
    parted = _analyse(
        analyser, "Sevilla news", "Sevilla have parted ways with head coach Matías Almeyda after a 4-0 defeat."
    )
    assert "parted ways" in parted.summary, parted.summary
    assert "sacked" not in parted.summary, parted.summary
    together = _analyse(
        analyser, "Coach leaves Sevilla", "Sevilla and head coach Matías Almeyda have parted company, the club said."
    )
    assert "parted ways" in together.summary, together.summary
    assert "left" not in together.summary, together.summary
    sacked = _analyse(
        analyser,
        "Sevilla news",
        "Sevilla have parted ways with head coach Matías Almeyda. The club sacked him after a 4-0 defeat.",
    )
    assert "has been sacked" in sacked.summary, sacked.summary


def test_taking_charge_of_one_match_is_no_appointment(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Hartlepool part company with manager",
        "Hartlepool United have sacked manager Simon Grayson after five straight defeats. First-team coach Nicky "
        "Featherstone will take charge of Saturday's trip to Tamworth.",
    )
    assert {r.manager for r in analysis.rumours} == {"Simon Grayson"}
    interim = _analyse(
        analyser,
        "Hartlepool sack Grayson",
        "Hartlepool United have sacked manager Simon Grayson after five straight defeats. First-team coach Nicky "
        "Featherstone will take charge of the team on an interim basis, starting with Saturday's trip to Tamworth.",
    )
    assert ("Nicky Featherstone", "Hartlepool United", "appointed") in _claims(interim)
    named_role = _analyse(
        analyser,
        "Hartlepool sack Grayson",
        "Hartlepool United have sacked manager Simon Grayson after five straight defeats. First-team coach Nicky "
        "Featherstone will take caretaker charge for Saturday's trip to Tamworth.",
    )
    assert ("Nicky Featherstone", "Hartlepool United", "appointed") in _claims(named_role)


def test_triggering_a_coachs_release_clause_is_an_offer(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Braga move for Gil Vicente coach",
        "Braga have activated the €2 million release clause in Gil Vicente coach César Peixoto's contract, A Bola "
        "reports.",
    )
    assert _claims(analysis) == {("César Peixoto", "Braga", "offer")}


def test_a_town_clubs_coach_after_in_is_the_clubs_not_a_place(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Braga move",
        "Braga have triggered the release clause in Famalicão coach Hugo Oliveira's contract, Record reports.",
    )
    assert analysis.clubs[:2] == ("Braga", "Famalicão") or set(analysis.clubs) >= {"Braga", "Famalicão"}
    assert _claims(analysis) == {("Hugo Oliveira", "Braga", "offer")}
    place = _analyse(analyser, "Oliveira", "Hugo Oliveira was born in Famalicão and is in talks with Braga.")
    assert "Famalicão" not in place.clubs


def test_a_departure_announced_for_the_end_of_the_season_is_not_told_as_made(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Jans to retire",
        "FC Utrecht have announced that head coach Ron Jans will retire at the end of the season.",
    )
    (claim,) = analysis.rumours
    assert (claim.manager, claim.club, claim.relation.value, claim.later) == ("Ron Jans", "FC Utrecht", "left", True)
    assert "will leave FC Utrecht" in analysis.summary
    assert "has left" not in analysis.summary
    gone = _analyse(analyser, "Jans retires", "FC Utrecht have announced that head coach Ron Jans has retired.")
    assert [r.later for r in gone.rumours] == [False]
    assert "has left FC Utrecht" in gone.summary
    plural = _analyse(
        analyser,
        "Jans to retire",
        "Head coach Ron Jans will retire at the end of the season after three years at FC Utrecht, the club announce.",
    )
    assert [(r.relation.value, r.later) for r in plural.rumours] == [("left", True)]


def test_joining_a_club_is_an_appointment_and_joining_a_staff_is_not(analyser: Analyser) -> None:
    assert _claims(_analyse(analyser, "Slot news", "Arne Slot has joined Ajax as head coach.")) == {
        ("Arne Slot", "Ajax", "appointed")
    }
    set_to = _analyse(analyser, "Slot news", "Arne Slot is set to join Ajax, De Telegraaf reports.")
    assert _claims(set_to) == {("Arne Slot", "Ajax", "talks")}
    assert not _definite(set_to)
    staff = _analyse(
        analyser,
        "Villa staff",
        "Aston Villa have appointed Pako Ayestarán as assistant head coach, joining Unai Emery's staff.",
    )
    assert not _claims(staff)
    joined_by = _analyse(
        analyser, "Rodgers", "Brendan Rodgers will be joined by staff who worked with him at Celtic and Leicester City."
    )
    assert not _claims(joined_by)


def test_close_to_appointing_is_an_expected_appointment(analyser: Analyser) -> None:
    for sentence in (
        "Ajax are edging closer to appointing Arne Slot as their new head coach.",
        "Arne Slot is on the brink of joining Ajax.",
    ):
        analysis = _analyse(analyser, "Ajax news", sentence)
        (claim,) = analysis.rumours
        assert (claim.relation.value, claim.factuality, claim.what.value) == ("talks", Factuality.EXPECTED, "appointed")
        assert "expected to be appointed by Ajax" in analysis.summary


def test_a_club_he_arrived_from_is_not_the_club_he_leaves(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Palace sack Glasner",
        "Crystal Palace have sacked head coach Oliver Glasner. Glasner, who arrived from Eintracht Frankfurt in "
        "2024, leaves after two years.",
    )
    assert _claims(analysis) == {("Oliver Glasner", "Crystal Palace", "sacked")}


def test_a_head_coach_of_the_under_21s_is_not_the_manager(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Chelsea name new under-21s head coach",
        "Chelsea have appointed Frank Lampard as head coach of their under-21s, the club announced on Friday.",
    )
    assert not _claims(analysis)


def test_an_assistant_leaving_with_the_manager_is_no_managers_exit(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Forest sack Dyche",
        "Nottingham Forest have sacked Sean Dyche. A club statement thanked Dyche and his assistant Pete Morrow, "
        "who also leaves, for their work.",
    )
    assert _claims(analysis) == {("Sean Dyche", "Nottingham Forest", "sacked")}
    interim = _analyse(
        analyser,
        "Forest sack Dyche",
        "Nottingham Forest have sacked Sean Dyche. Assistant Pete Morrow has been named interim head coach.",
    )
    assert ("Pete Morrow", "Nottingham Forest", "appointed") in _claims(interim)


def test_sides_who_have_agreed_to_part_at_the_seasons_end_have_announced_a_departure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Spirit and coach to part",
        "Washington Spirit and head coach Adrián González have mutually agreed to part ways when the 2026 NWSL "
        "season ends, the club announced on Thursday.",
    )
    (claim,) = analysis.rumours
    assert (claim.manager, claim.club, claim.relation.value, claim.later) == (
        "Adrián González",
        "Washington Spirit",
        "left",
        True,
    )
    assert "will leave Washington Spirit" in analysis.summary


def test_a_manager_fighting_for_his_future_after_defeats_is_under_pressure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Spurs latest",
        "Thomas Frank is fighting for his Tottenham future after a fifth straight league defeat.",
    )
    assert _claims(analysis) == {("Thomas Frank", "Tottenham Hotspur", "under_pressure")}


def test_names_on_a_clubs_own_list_are_linked(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Spurs list", "Mauricio Pochettino and Marco Silva are on Tottenham's list of possible replacements."
    )
    assert _claims(analysis) == {
        ("Mauricio Pochettino", "Tottenham Hotspur", "linked"),
        ("Marco Silva", "Tottenham Hotspur", "linked"),
    }


def test_brushing_aside_links_or_having_no_interest_in_a_job_is_a_denial(analyser: Analyser) -> None:
    brushed = _analyse(
        analyser,
        "Mourinho staying",
        "José Mourinho has brushed aside reports linking him with Al-Nassr, insisting he will see out his contract "
        "at Benfica.",
    )
    assert ("José Mourinho", "Al-Nassr", "denied") in _claims(brushed)
    no_interest = _analyse(analyser, "Mascherano", "Javier Mascherano says he has no interest in the River Plate job.")
    assert _claims(no_interest) == {("Javier Mascherano", "River Plate", "denied")}
    dismissed = _analyse(
        analyser, "Parkinson", "Wrexham manager Phil Parkinson has dismissed the link with Sheffield United."
    )
    assert _claims(dismissed) == {("Phil Parkinson", "Sheffield United", "denied")}


def test_offers_a_former_coach_turned_down_are_not_from_his_old_club(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Al-Hilal close in on Xavi",
        "Al-Hilal are close to an agreement with Xavi Hernández. The former Barcelona coach, who has not worked "
        "since leaving the Camp Nou in 2024, would replace Simone Inzaghi. Xavi is understood to have turned down "
        "several offers over the past two years.",
        published=datetime(2026, 5, 1, tzinfo=UTC),
    )
    assert not [r for r in analysis.rumours if r.club == "Barcelona"]


def test_a_general_manager_is_not_a_candidate_for_the_coaching_job(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Toronto FC relieve Fraser",
        "Toronto FC have relieved head coach Robin Fraser of his duties. 'Our search for the next head coach starts "
        "today,' said general manager Jason Hernandez.",
    )
    assert _claims(analysis) == {("Robin Fraser", "Toronto FC", "sacked")}


def test_a_manager_not_concerned_about_his_position_speaks_of_pressure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Slot relaxed",
        "Arne Slot says he is not concerned about his position at Liverpool after a third successive defeat.",
    )
    (claim,) = analysis.rumours
    assert (claim.manager, claim.club, claim.relation.value, claim.factuality) == (
        "Arne Slot",
        "Liverpool",
        "under_pressure",
        Factuality.REPORTED,
    )


def test_a_man_seen_as_the_alternative_is_a_candidate(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Corinthians sack Dorival",
        "Corinthians have dismissed head coach Dorival Júnior. The club have already offered Tite an 18-month "
        "contract. Vasco da Gama's Fernando Diniz is seen as the alternative should Tite say no.",
    )
    assert ("Fernando Diniz", "Corinthians", "linked") in _claims(analysis)


def test_a_board_meeting_to_discuss_the_future_of_a_manager_is_pressure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Ange out? Forest board to meet",
        "Nottingham Forest's board will meet on Monday to discuss the future of Ange Postecoglou.",
    )
    assert _claims(analysis) == {("Ange Postecoglou", "Nottingham Forest", "under_pressure")}


def test_poised_to_replace_is_an_expected_appointment_and_could_replace_a_link(analyser: Analyser) -> None:
    poised = _analyse(analyser, "Alonso news", "Xabi Alonso is poised to replace Arne Slot at Liverpool.")
    assert [(r.manager, r.relation.value, r.factuality, r.what.value) for r in poised.rumours] == [
        ("Xabi Alonso", "talks", Factuality.EXPECTED, "appointed")
    ]
    could = _analyse(analyser, "Alonso news", "Xabi Alonso could replace Arne Slot at Liverpool.")
    assert [(r.manager, r.relation.value) for r in could.rumours] == [("Xabi Alonso", "linked")]


def test_a_manager_who_says_he_has_no_intention_of_leaving_denies_it(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Conte staying", "Antonio Conte says he has no intention of leaving Napoli this summer."
    )
    assert [(r.manager, r.club, r.relation.value, r.factuality) for r in analysis.rumours] == [
        ("Antonio Conte", "Napoli", "denied", Factuality.DENIED)
    ]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "Aston Villa are plotting a move for Bournemouth boss Andoni Iraola.",
            ("Andoni Iraola", "Aston Villa", "linked"),
        ),
        (
            "Newcastle United have identified Daniel Farke as a potential replacement for Eddie Howe.",
            ("Daniel Farke", "Newcastle United", "linked"),
        ),
        ("Rangers have snapped up Russell Martin as their new manager.", ("Russell Martin", "Rangers", "appointed")),
    ],
)
def test_the_press_words_for_a_move_and_a_hire(analyser: Analyser, text: str, claim: Claim) -> None:
    assert claim in _claims(_analyse(analyser, "News", text))


def test_a_move_for_a_player_is_no_managers_link(analyser: Analyser) -> None:
    assert not _claims(_analyse(analyser, "News", "Chelsea are plotting a move for Brighton striker João Pedro."))


def test_closing_in_on_a_deal_is_no_agreement_yet(analyser: Analyser) -> None:
    for text in (
        "Nottingham Forest are closing in on a deal to appoint Mauricio Pochettino.",
        "Nottingham Forest are closing in on an agreement with Mauricio Pochettino.",
    ):
        analysis = _analyse(analyser, "Forest news", text)
        assert _claims(analysis) == {("Mauricio Pochettino", "Nottingham Forest", "talks")}
        assert not _definite(analysis)


def test_making_a_man_their_permanent_head_coach_is_an_appointment(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Arbeloa stays on", "Real Madrid have made Álvaro Arbeloa their permanent head coach."
    )
    assert _claims(analysis) == {("Álvaro Arbeloa", "Real Madrid", "appointed")}


@pytest.mark.parametrize(
    "text",
    [
        "Enzo Maresca faces being sacked by Chelsea this week.",
        "Enzo Maresca is in danger of being sacked by Chelsea.",
        "Enzo Maresca has been sacked in all but name by Chelsea.",
    ],
)
def test_a_sacking_faced_or_in_all_but_name_is_pressure(analyser: Analyser, text: str) -> None:
    assert _claims(_analyse(analyser, "Chelsea news", text)) == {("Enzo Maresca", "Chelsea", "under_pressure")}


def test_having_reportedly_left_one_club_to_join_another_is_the_move_made(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "McKenna news", "Kieran McKenna has reportedly left Ipswich Town to join Chelsea.")
    assert ("Kieran McKenna", "Chelsea", "appointed") in _claims(analysis)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Peet commits to Warriors", "Wigan Warriors head coach Matt Peet has signed a contract extension until 2030."),
        ("Sharks sack coach", "Sale Sharks have parted company with head coach Alex Sanderson."),
        ("Leicester Tigers name Cheika", "Leicester Tigers have appointed Michael Cheika as head coach."),
    ],
)
def test_a_towns_team_of_another_sport_is_not_its_football_club(analyser: Analyser, title: str, text: str) -> None:
    analysis = _analyse(analyser, title, text)
    assert not analysis.is_manager_rumour
    assert not {"Wigan Athletic", "Leicester City", "Hull City"} & set(analysis.clubs)


def test_a_club_opening_the_next_item_of_a_headline_list_is_not_the_last_items(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Round-up: Mousinho axed, Mallorca close in on García Plaza", "")
    assert ("John Mousinho", "Mallorca", "sacked") not in _claims(analysis)
    confirmed = _analyse(analyser, "Maresca sacked, Chelsea confirm", "")
    assert _claims(confirmed) == {("Enzo Maresca", "Chelsea", "sacked")}


def test_a_club_that_lost_patience_after_a_defeat_and_sacked_him_sacked_him(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Spain",
        "Mallorca lost patience with Jagoba Arrasate after a sixth straight defeat and sacked him on Wednesday.",
    )
    assert _claims(analysis) == {("Jagoba Arrasate", "Mallorca", "sacked")}


def test_conversations_over_a_new_deal_are_no_new_deal_yet(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Silva latest",
        'Marco Silva says conversations with Fulham over a new deal are "going in the right direction".',
    )
    assert not _definite(analysis)


def test_a_coach_the_knowledge_base_lacks_is_found_where_his_club_sacks_or_appoints_him(analyser: Analyser) -> None:
    sacked = _analyse(analyser, "Grêmio news", "Grêmio have sacked Tiago Nunes after a cup exit, the club confirmed.")
    assert _claims(sacked) == {("Tiago Nunes", "Grêmio", "sacked")}
    appointed = _analyse(
        analyser,
        "Ajax news",
        "Ajax have announced the appointment of Pieter Bosman as head coach on a three-year contract.",
    )
    assert _claims(appointed) == {("Pieter Bosman", "Ajax", "appointed")}


def test_a_director_appointed_is_no_coach_and_his_department_is_not_the_team(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Everton appoint new director of football",
        "Everton have appointed Conor Whitlam as the club's first director of football, with the former Brighton "
        "head of recruitment taking charge of the club's transfer strategy. 'I have admired Everton for a long "
        "time,' Whitlam said.",
    )
    assert not analysis.is_manager_rumour


def test_a_known_coach_made_the_clubs_first_director_is_not_appointed_manager(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Derby news",
        "Derby County have appointed Frank Lampard as the club's first director of football.",
    )
    assert not _definite(analysis)


@pytest.mark.parametrize(
    ("title", "text", "claim"),
    [
        (
            "Sevilla back Almeyda",
            "Sevilla have no plans to dispense with Matías Almeyda despite Sunday's 2-0 derby defeat at Real Betis.",
            ("Matías Almeyda", "Sevilla", "denied"),
        ),
        (
            "Will Fiorentina hold their nerve?",
            "Fiorentina are 18th after a 3-1 home defeat. Does Paolo Vanoli get another week, or has the board's "
            "patience finally run out?",
            ("Paolo Vanoli", "Fiorentina", "under_pressure"),
        ),
        (
            "O'Neill stays on",
            "Celtic have removed the interim tag from Martin O'Neill and handed him a contract until 2027.",
            ("Martin O'Neill", "Celtic", "appointed"),
        ),
        (
            "Rennes sack Beye",
            "Stade Rennais have sacked Habib Beye after one win in nine matches. Antoine Kombouaré, the former "
            "Nantes coach, is among the profiles the club are studying.",
            ("Antoine Kombouaré", "Stade Rennais", "linked"),
        ),
    ],
)
def test_more_words_of_the_job(analyser: Analyser, title: str, text: str, claim: Claim) -> None:
    assert claim in _claims(_analyse(analyser, title, text))


@pytest.mark.parametrize("joint", [" ", "\n\n"])
def test_a_departure_announced_in_the_next_sentence_is_announced(analyser: Analyser, joint: str) -> None:
    analysis = _analyse(
        analyser,
        "Clarke to step down",
        f"Steve Clarke will step down as Scotland head coach after this summer's World Cup.{joint}The 62-year-old "
        "made the announcement at the squad's training base on Monday.",
    )
    assert [(r.manager, r.club, r.relation.value, r.later) for r in analysis.rumours] == [
        ("Steve Clarke", "Scotland", "left", True)
    ]


def test_agreeing_a_two_year_contract_to_become_head_coach_is_agreed(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Here we go",
        "Matthias Jaissle has agreed a two-year contract to become Eintracht Frankfurt head coach.",
    )
    assert _claims(analysis) == {("Matthias Jaissle", "Eintracht Frankfurt", "agreed")}


def test_the_under_fire_man_to_be_replaced_is_no_candidate(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Leeds circle Rose",
        "Leeds United have put Marco Rose on their radar as a possible replacement for under-fire Daniel Farke.",
    )
    # (Farke is under pressure: test_an_epithet_of_pressure_belongs_to_the_man_it_stands_before)
    assert _claims(analysis) == {
        ("Marco Rose", "Leeds United", "linked"),
        ("Daniel Farke", "Leeds United", "under_pressure"),
    }


def test_talks_about_returning_to_the_club_that_sacked_him_bind_to_that_club(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Wolves swing the axe",
        "Wolverhampton Wanderers have sacked Rob Edwards. Wolves have already spoken to Gary O'Neil, who was "
        "sacked by the club in December 2024, about returning to Molineux.",
    )
    assert ("Gary O'Neil", "Wolverhampton Wanderers", "talks") in _claims(analysis)
    assert ("Gary O'Neil", "Wolverhampton Wanderers", "sacked") not in _claims(analysis)


def test_a_candidate_list_with_an_ex_club_boss_names_everyone(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Boss hunt",
        "Stoke City are looking for a new manager. Former Leicester manager Steve Cooper, ex-Rangers boss Russell "
        "Martin and Lincoln City's Michael Skubala are the names in the frame.",
    )
    assert {r.manager for r in analysis.rumours if r.relation.value == "linked"} == {
        "Steve Cooper",
        "Russell Martin",
        "Michael Skubala",
    }


def test_a_release_clause_in_his_contract_at_a_club_is_not_that_clubs_offer(analyser: Analyser) -> None:
    for where in ("his contract at Twente", "his Twente contract"):
        analysis = _analyse(
            analyser,
            "Baggies move",
            f"West Bromwich Albion have agreed a deal to make Joseph Oosting their new head coach after meeting the "
            f"release clause in {where}.",
        )
        assert _claims(analysis) == {("Joseph Oosting", "West Bromwich Albion", "agreed")}


def test_reports_called_false_are_a_denial_and_a_belief_is_no_sacking(analyser: Analyser) -> None:
    false = _analyse(analyser, "Chelsea news", "Chelsea say reports that Enzo Maresca has been sacked are false.")
    assert _claims(false) == {("Enzo Maresca", "Chelsea", "denied")}
    believed = _analyse(analyser, "Chelsea news", "Chelsea insiders believe Enzo Maresca has been sacked.")
    assert not _definite(believed)


def test_a_club_weighing_up_its_managers_future_is_pressure(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Maresca sacked?", "Chelsea are weighing up Enzo Maresca's future.")
    assert _claims(analysis) == {("Enzo Maresca", "Chelsea", "under_pressure")}


def test_a_mans_exit_confirmed_is_his_exit(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Maresca exit confirmed", "Enzo Maresca's exit from Chelsea has been confirmed.")
    assert _claims(analysis) == {("Enzo Maresca", "Chelsea", "left")}


@pytest.mark.parametrize(
    ("title", "text", "claim"),
    [
        (
            "Postecoglou named new Forest boss",
            "The Australian takes over at the City Ground.",
            ("Ange Postecoglou", "Nottingham Forest", "appointed"),
        ),
        (
            "Frank steps aside",
            "Thomas Frank has stepped aside as Tottenham Hotspur head coach.",
            ("Thomas Frank", "Tottenham Hotspur", "left"),
        ),
        (
            "Amorim ousted",
            "Rúben Amorim has been ousted as Manchester United head coach.",
            ("Rúben Amorim", "Manchester United", "sacked"),
        ),
        (
            "McKenna named Crystal Palace manager as Ipswich approach Will Still",
            "",
            ("Kieran McKenna", "Crystal Palace", "appointed"),
        ),
    ],
)
def test_headline_words_for_the_job(analyser: Analyser, title: str, text: str, claim: Claim) -> None:
    assert claim in _claims(_analyse(analyser, title, text))


def test_to_be_confirmed_as_head_coach_is_no_appointment_yet(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "McKenna news", "Kieran McKenna will be confirmed as Chelsea head coach this week.")
    assert _claims(analysis) == {("Kieran McKenna", "Chelsea", "talks")}
    assert not _definite(analysis)
    monthly = _analyse(
        analyser, "Award", "Sunderland boss Régis Le Bris was named Premier League Manager of the Month for October."
    )
    assert not monthly.rumours


def test_a_manager_who_wants_his_club_to_appoint_a_director_is_not_appointed(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Emery", "Unai Emery wants Aston Villa to appoint a new sporting director.")
    assert not analysis.rumours


def test_given_the_job_or_handed_the_reins_is_an_appointment(analyser: Analyser) -> None:
    for text in (
        "Leicester City caretaker Steve Cooper has been given the job until the end of the season.",
        "Steve Cooper has been handed the reins at Leicester City.",
    ):
        assert _claims(_analyse(analyser, "Leicester news", text)) == {("Steve Cooper", "Leicester City", "appointed")}


def test_a_managers_defiance_later_in_a_pressure_story_does_not_replace_the_pressure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Thelin on thin ice",
        "Jimmy Thelin's job is hanging by a thread at Aberdeen after a seventh game without a win. The board are "
        "considering a change. Thelin faced the media on Sunday and insisted he would not walk away.",
    )
    assert _claims(analysis) == {("Jimmy Thelin", "Aberdeen", "under_pressure")}


@pytest.mark.parametrize(
    "text",
    [
        "Andoni Iraola leads the race for the Tottenham Hotspur job.",
        "Andoni Iraola is open to a move to Tottenham Hotspur.",
    ],
)
def test_leading_the_race_or_open_to_a_move_is_a_link(analyser: Analyser, text: str) -> None:
    assert _claims(_analyse(analyser, "Spurs search", text)) == {("Andoni Iraola", "Tottenham Hotspur", "linked")}


def test_a_sacking_put_on_hold_is_no_sacking(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Chelsea news", "Enzo Maresca's sacking has been put on hold by Chelsea.")
    assert not _definite(analysis)
    done = _analyse(
        analyser, "Chelsea news", "Chelsea have sacked Enzo Maresca after a defeat in a game that was delayed by rain."
    )
    assert _definite(done) == {("Enzo Maresca", "Chelsea", "sacked")}


def test_a_club_that_will_unveil_its_manager_has_not_yet(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Rangers news", "Rangers will unveil Danny Röhl as their new manager on Friday.")
    assert _claims(analysis) == {("Danny Röhl", "Rangers", "talks")}
    assert not _definite(analysis)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "Ange Postecoglou, sacked by Tottenham last summer, is now in talks with Nottingham Forest.",
            ("Ange Postecoglou", "Nottingham Forest", "talks"),
        ),
        (
            "Nuno Espírito Santo, sacked by Forest in September, has been appointed West Ham manager.",
            ("Nuno Espírito Santo", "West Ham United", "appointed"),
        ),
    ],
)
def test_a_participle_set_between_commas_does_not_cut_the_main_clause(
    analyser: Analyser, text: str, claim: Claim
) -> None:
    assert _claims(_analyse(analyser, "Manager news", text)) == {claim}


@pytest.mark.parametrize(
    "body",
    [
        "Kieran McKenna was booed at Portman Road on Saturday, and the board's patience has run out.",
        "Does Kieran McKenna survive another week at the Playford Park training ground, or has the board's "
        "patience run out?",
    ],
)
def test_a_ground_between_the_manager_and_the_cue_is_no_other_person(analyser: Analyser, body: str) -> None:
    analysis = _analyse(analyser, "Ipswich news", body)
    assert {(r.manager, r.club, r.relation.value) for r in analysis.rumours} == {
        ("Kieran McKenna", "Ipswich Town", "under_pressure")
    }


@pytest.mark.parametrize(
    "body",
    [
        "Burnley have identified Kieran McKenna as a possible successor to under-fire Scott Parker, the Telegraph "
        "reports.",
        "Burnley have identified Kieran McKenna as a possible successor to embattled Burnley boss Scott Parker.",
    ],
)
def test_an_epithet_of_pressure_belongs_to_the_man_it_stands_before(analyser: Analyser, body: str) -> None:
    analysis = _analyse(analyser, "Burnley news", body)
    assert _claims(analysis) == {
        ("Kieran McKenna", "Burnley", "linked"),
        ("Scott Parker", "Burnley", "under_pressure"),
    }
    [pressure] = [r for r in analysis.rumours if r.manager == "Scott Parker"]
    assert pressure.factuality is Factuality.DONE  # the hedge is the successor's, not the epithet's


def test_the_dons_are_the_club_the_story_names_and_a_pressure_sentence_under_a_results_headline_counts(
    analyser: Analyser,
) -> None:
    aberdeen = _analyse(
        analyser,
        "Dons chiefs ponder a change after a seventh defeat",
        "Jimmy Thelin is under pressure at Aberdeen after a seventh straight defeat. Former Hearts boss Robbie "
        "Neilson would be interested in the job.",
    )
    assert _claims(aberdeen) == {
        ("Jimmy Thelin", "Aberdeen", "under_pressure"),
        ("Robbie Neilson", "Aberdeen", "linked"),
    }
    milton_keynes = _analyse(
        analyser, "Dons chiefs ponder a change", "Paul Warne is under pressure at MK Dons after a fifth defeat."
    )
    assert "Aberdeen" not in milton_keynes.clubs
    nobody = _analyse(analyser, "Dons chiefs ponder a change", "The board will meet on Monday.")
    assert nobody.clubs == ()


def test_a_where_clause_is_a_statement_of_its_own(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Real Madrid news",
        "Reports in Spain placed Unai Emery among the options being considered by Real Madrid, where Xabi Alonso's "
        "position has come under scrutiny after three defeats.",
    )
    assert _claims(analysis) == {
        ("Unai Emery", "Real Madrid", "linked"),
        ("Xabi Alonso", "Real Madrid", "under_pressure"),
    }
    [pressure] = [r for r in analysis.rumours if r.manager == "Xabi Alonso"]
    assert pressure.factuality is Factuality.DONE  # "being considered" is Emery's hedge, not his


def test_the_clubs_head_coach_is_the_man_named_before_whose_club_it_is(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Villa news",
        "Unai Emery took training on Friday. Reports in Spain placed the Villa head coach on a shortlist drawn up "
        "by Real Madrid.",
    )
    assert _claims(analysis) == {("Unai Emery", "Real Madrid", "linked")}
    speaker = _analyse(
        analyser,
        "Villa news",
        "Unai Emery took training on Friday. 'We are talking with his people and he will sign a new contract,' "
        "the Villa head coach said of his captain.",
    )
    assert _claims(speaker) == set()  # the speaker of a quote about someone else


@pytest.mark.parametrize(
    "body",
    [
        "Torino president Paolo Bianchi has brushed aside any suggestion that Marco Baroni is at risk.",
        "Torino's owner Paolo Bianchi dismissed claims that Marco Baroni could be sacked.",
    ],
)
def test_a_denial_of_suggestions_that_a_manager_is_at_risk_is_about_him(analyser: Analyser, body: str) -> None:
    assert _claims(_analyse(analyser, "Torino news", body)) == {("Marco Baroni", "Torino", "denied")}


def test_boro_is_the_club_the_story_names(analyser: Analyser) -> None:
    stevenage = _analyse(
        analyser,
        "Revell leaves Boro",
        "Stevenage have announced that Alex Revell has left the club by mutual consent.",
    )
    assert _claims(stevenage) == {("Alex Revell", "Stevenage", "left")}
    middlesbrough = _analyse(analyser, "Boro sack their manager", "The Championship club acted after a 4-0 defeat.")
    assert "Middlesbrough" in middlesbrough.clubs


def test_a_spell_brought_to_an_end_by_a_departure_is_no_sacking(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Pellegrini to leave Betis",
        "Manuel Pellegrini will leave Real Betis when his contract expires at the end of the season, the club "
        "announced, bringing to an end the longest spell of any coach at the club.",
    )
    assert _claims(analysis) == {("Manuel Pellegrini", "Real Betis", "left")}


@pytest.mark.parametrize(
    "body",
    [
        "Bayern Munich have appointed Dutch coach Thijs Verhagen as a set-piece specialist, the club announced.",
        "Bayern Munich have appointed Dutch coach Thijs Verhagen to Vincent Kompany's staff, the club announced.",
    ],
)
def test_a_specialist_on_the_managers_staff_is_not_the_manager(analyser: Analyser, body: str) -> None:
    assert _definite(_analyse(analyser, "Bayern add to staff", body)) == set()


def test_an_exit_months_before_the_news_is_no_news_of_its_own(analyser: Analyser) -> None:
    may = datetime(2026, 5, 30, 16, 0, tzinfo=UTC)
    analysis = _analyse(
        analyser,
        "Chelsea appoint McKenna",
        "Chelsea have appointed Kieran McKenna as head coach, ending a search that began with Enzo Maresca's "
        "dismissal in January.",
        published=may,
    )
    assert _claims(analysis) == {("Kieran McKenna", "Chelsea", "appointed")}
    recent = _analyse(
        analyser,
        "Chelsea appoint McKenna",
        "Chelsea have appointed Kieran McKenna as head coach, ending a search that began with Enzo Maresca's "
        "dismissal in April.",
        published=may,
    )
    assert _claims(recent) == {("Kieran McKenna", "Chelsea", "appointed"), ("Enzo Maresca", "Chelsea", "sacked")}


def test_a_sacking_told_back_to_that_november_is_background(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Spurs sack Frank",
        "Tottenham Hotspur have relieved Thomas Frank of his duties. Mauricio Pochettino, who has been without a "
        "job since leaving the United States national team, would be open to a return to north London. He "
        "reached the Champions League final with Spurs before being sacked that November.",
    )
    assert _definite(analysis) == {("Thomas Frank", "Tottenham Hotspur", "sacked")}


def test_an_extension_agreed_in_principle_is_still_to_be_signed(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Arsenal and Arteta shake hands on extension",
        "Arsenal and Mikel Arteta have reached an agreement in principle to extend the Spaniard's contract by a "
        "year, the Evening Standard reports.",
    )
    assert _claims(analysis) == {("Mikel Arteta", "Arsenal", "talks")}
    [claim] = analysis.rumours
    assert (claim.what, claim.factuality) == (Relation.EXTENSION, Factuality.EXPECTED)
    assert "agreed terms" not in analysis.summary


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Sevilla news",
            "Sevilla and Matías Almeyda have parted company, the club confirmed, hours after a 2-0 defeat by Betis.",
        ),
        ("Sevilla and Almeyda part company after derby defeat", "Sevilla and Matías Almeyda have parted company."),
    ],
)
def test_a_coach_parting_company_after_a_defeat_is_job_news_not_a_match_report(
    analyser: Analyser, title: str, body: str
) -> None:
    assert _claims(_analyse(analyser, title, body)) == {("Matías Almeyda", "Sevilla", "left")}


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Is time already running out for Howe at Newcastle?", "Newcastle are 15th in the Premier League."),
        ("Newcastle news", "Will the board lose patience with Eddie Howe after a fifth defeat in six?"),
        ("Newcastle news", "Newcastle's owners have given Eddie Howe two games to turn the season around."),
        ("Newcastle news", "Doubts are growing inside the club over Eddie Howe's future after a fifth defeat."),
        ("Newcastle news", "Eddie Howe has been told he has two games to save his job, the Telegraph reports."),
        ("Newcastle news", "Eddie Howe refused to commit his future to Newcastle after Monday's draw at Leeds."),
    ],
)
def test_more_of_the_press_words_for_a_manager_under_pressure(analyser: Analyser, title: str, body: str) -> None:
    assert _claims(_analyse(analyser, title, body)) == {("Eddie Howe", "Newcastle United", "under_pressure")}


def test_nobody_having_called_him_is_a_denial(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Hürzeler plays it cool",
        "Reports in England named Fabian Hürzeler as a target for Chelsea. 'Nobody from Chelsea has called me,' "
        "the Brighton head coach said on Friday.",
    )
    assert ("Fabian Hürzeler", "Chelsea", "denied") in _claims(analysis)
    assert ("Fabian Hürzeler", "Chelsea", "linked") not in _claims(analysis)


def test_our_head_coach_in_a_clubs_statement_is_the_clubs(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Tottenham stand firm amid talk of a change",
        "The club released a statement on Tuesday. 'Thomas Frank enjoys the full confidence of the board and "
        "remains our head coach.'",
    )
    assert _claims(analysis) == {("Thomas Frank", "Tottenham Hotspur", "stays")}


def test_names_at_the_top_of_a_directors_list_are_linked(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Real Betis news",
        "Real Betis sporting director Manu Fajardo has put former Real Sociedad coach Imanol Alguacil and "
        "Villarreal's Marcelino at the top of his list.",
    )
    assert {(m, r) for m, _, r in _claims(analysis)} == {("Imanol Alguacil", "linked"), ("Marcelino", "linked")}


def test_a_mans_successor_set_beside_a_name_is_who_he_is_not_news(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Spurs sack Frank",
        "Tottenham Hotspur have sacked Thomas Frank. Keith Andrews, Frank's successor at Brentford, said on Friday "
        "that he had sent his former boss a message of support.",
    )
    assert _claims(analysis) == {("Thomas Frank", "Tottenham Hotspur", "sacked")}
    club = _analyse(
        analyser, "Chelsea news", "Kieran McKenna, Chelsea's replacement for Enzo Maresca, is expected to be named."
    )
    assert {m for m, _, _ in _claims(club)} == {"Kieran McKenna"}


def test_a_club_rejecting_an_approach_for_its_coach_is_no_rejection_by_him(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Brighton rebuff approach",
        "Brighton have rejected an approach from Chelsea for head coach Fabian Hürzeler, the Athletic reports.",
    )
    assert ("Fabian Hürzeler", "Chelsea", "rejected") not in _claims(analysis)
    assert "turned down" not in analysis.summary


def test_the_magpies_are_the_club_the_story_names(analyser: Analyser) -> None:
    notts = _analyse(
        analyser,
        "Magpies boss Paterson signs new deal",
        "Notts County head coach Martin Paterson has signed a new contract running until 2029, the club announced, "
        "after leading the Magpies to promotion.",
    )
    assert _claims(notts) == {("Martin Paterson", "Notts County", "extension")}


def test_an_ice_hockey_teams_coach_fired_is_no_football_news(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Rangers fire head coach after playoff miss",
        "The New York Rangers have fired head coach Peter Laviolette after missing the Stanley Cup playoffs, the "
        "club announced on Tuesday.",
    )
    assert not analysis.is_manager_rumour, analysis


def test_the_sacking_told_before_is_not_the_next_mans(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Ten years on: the final that cost the manager his job",
        "The club sacked their manager two days after the final. José Mourinho, appointed four days after the "
        "sacking, won the League Cup the following season.",
    )
    assert _definite(analysis) <= {("José Mourinho", "Manchester United", "appointed")}
    assert not any(r.relation is Relation.SACKED for r in analysis.rumours)


def test_a_sentence_opening_with_someone_unknown_keeps_its_pronouns_his(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Ten years on",
        "With José Mourinho waiting in the wings, the club acted. Van Gaal later complained that news of his fate "
        "had leaked before anyone at the club told him, and the manner of his dismissal still rankles.",
    )
    assert not any(r.manager == "José Mourinho" and r.relation is Relation.SACKED for r in analysis.rumours)


def test_a_headlines_short_name_is_the_womens_side_the_story_names(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Sevilla and Laura Ruiz part ways",
        "Sevilla Femenino and head coach Laura Ruiz have ended their relationship by mutual consent, the club "
        "announced on Monday.",
    )
    assert {club for _, club, _ in _claims(analysis)} == {"Sevilla Women"}


def test_a_headline_to_leave_in_a_later_month_is_ahead_not_behind(analyser: Analyser) -> None:
    april = datetime(2026, 4, 6, 16, 0, tzinfo=UTC)
    analysis = _analyse(
        analyser,
        "Pellegrini to leave Betis in June as Marcelino tops wish list",
        "Manuel Pellegrini will step down as Real Betis coach at the end of the season, the club announced.",
        published=april,
    )
    assert ("Manuel Pellegrini", "Real Betis", "left") in _claims(analysis)


def test_an_outlet_that_reports_is_no_rival_for_the_cue(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Ipswich news",
        "Kieran McKenna will step down as Ipswich Town manager at the end of the season, the club announced. "
        "Andoni Iraola is the board's preferred candidate, El Correo reports.",
    )
    assert ("Andoni Iraola", "Ipswich Town", "linked") in _claims(analysis)


def test_among_the_candidates_to_become_head_coach_is_a_link(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Australia news",
        "Ange Postecoglou is among the candidates to become the next Socceroos head coach.",
    )
    assert _claims(analysis) == {("Ange Postecoglou", "Australia", "linked")}


def test_a_subjects_own_relative_clause_hides_no_one_between_him_and_the_cue(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Al-Nassr and Jesus part ways",
        "Al-Nassr and Jorge Jesus have parted ways, the club announced on Tuesday. Stefano Pioli, who coached the "
        "Riyadh club in 2024-25 and has been out of work since Fiorentina dismissed him in November, is among the "
        "candidates to return, according to reports.",
    )
    assert ("Stefano Pioli", "Al-Nassr", "linked") in _claims(analysis)
    assert not any(r.manager == "Stefano Pioli" and r.relation is Relation.SACKED for r in analysis.rumours)


def test_a_man_named_after_as_is_shares_the_claim(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Who next at Brighton?",
        "Brighton want a successor in place quickly. Kieran McKenna is in the frame, as is Brentford's Keith "
        "Andrews, who has impressed the board.",
    )
    assert {m for m, _, r in _claims(analysis) if r == "linked"} == {"Kieran McKenna", "Keith Andrews"}


def test_a_contract_offered_to_return_from_another_club_is_an_offer_from_the_one_offering(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Leeds want Marsch back",
        "Leeds United have offered Jesse Marsch a three-year contract to return from Canada as their head coach, "
        "the Athletic reports.",
    )
    assert _claims(analysis) == {("Jesse Marsch", "Leeds United", "offer")}


def test_a_managers_quote_after_he_was_asked_about_the_pressure_is_his_own_words(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Premier League live",
        "Eddie Howe has spoken ahead of the Everton game, and he was asked directly about the pressure. 'I'm not "
        "worried about the sack. I know what this game is,' the Newcastle manager said.",
    )
    assert _claims(analysis) == {("Eddie Howe", "Newcastle United", "under_pressure")}
    [claim] = analysis.rumours
    assert claim.factuality is Factuality.REPORTED


def test_a_ground_where_todays_match_is_played_is_not_the_club_a_claim_binds(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Spurs news",
        "A source close to the Tottenham board tells us there are no plans to sack Thomas Frank, whatever happens "
        "at the Amex today.",
    )
    assert {club for _, club, _ in _claims(analysis)} == {"Tottenham Hotspur"}


def test_pronouns_follow_the_subject_and_not_names_in_someone_elses_clause(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Chelsea appoint McKenna",
        "Chelsea have appointed Kieran McKenna as head coach. The 40-year-old, who worked under José Mourinho and "
        "Ole Gunnar Solskjær, returns to Stamford Bridge after years at Ipswich Town. He takes over from caretaker "
        "Calum Jenkins, who will return to his role with the under-18s.",
    )
    assert {m for m, _, _ in _claims(analysis)} == {"Kieran McKenna"}


def test_a_clause_that_lets_him_leave_is_a_possible_exit_and_refusing_to_let_him_go_none(
    analyser: Analyser,
) -> None:
    clause = _analyse(
        analyser,
        "Howe eyes England",
        "Eddie Howe could activate a clause in his Newcastle contract that lets him leave at the end of the season "
        "if the England job becomes available.",
    )
    assert ("Eddie Howe", "Newcastle United", "under_pressure") in _claims(clause)
    assert not _definite(clause)
    kept = _analyse(
        analyser,
        "Newcastle news",
        "Newcastle have no intention of letting the Englishman Eddie Howe leave before the end of his contract.",
    )
    assert not any(r.relation in (Relation.LEFT, Relation.UNDER_PRESSURE) for r in kept.rumours)


def test_intending_to_lead_her_team_into_a_tournament_is_staying(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Wiegman shuts down talk",
        "Sarina Wiegman has ruled out a move to Arsenal Women, telling the BBC she intends to lead England into "
        "the 2027 Women's World Cup.",
    )
    assert ("Sarina Wiegman", "England Women", "stays") in _claims(analysis)


def test_clubs_agreeing_compensation_leave_the_manager_in_talks_until_his_terms_are_agreed(
    analyser: Analyser,
) -> None:
    talks = _analyse(
        analyser,
        "Everton agree compensation",
        "Everton have agreed a compensation package with Ipswich Town for Kieran McKenna, and talks over personal "
        "terms began on Monday.",
    )
    assert _claims(talks) == {("Kieran McKenna", "Everton", "talks")}
    agreed = _analyse(
        analyser,
        "Everton agree compensation",
        "Everton have agreed a compensation package with Ipswich Town for Kieran McKenna, clearing the way for the "
        "Northern Irishman to become their new head coach. McKenna has agreed terms on a five-year contract.",
    )
    assert ("Kieran McKenna", "Everton", "agreed") in _claims(agreed)


def test_how_a_caretaker_has_done_in_the_role_is_not_his_appointment(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Five candidates for the Manchester United job",
            text="Manchester United will not appoint a permanent head coach until the summer, but the search that "
            "began when Rúben Amorim was sacked last month is already shaping the club's plans. Michael Carrick has "
            "steadied things as interim head coach.",
        )
    )
    assert not any(r.manager == "Michael Carrick" and r.relation.value == "appointed" for r in analysis.rumours)


def test_a_coach_who_will_serve_as_interim_head_coach_is_appointed_caretaker(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Thorns part ways with Gale",
            text="The Portland Thorns have parted ways with head coach Rob Gale. Assistant coach Kayla Brennan has "
            "been named interim head coach for the remainder of the season.",
        )
    )
    assert any(r.relation.value == "appointed" and r.caretaker for r in analysis.rumours)


def test_a_coach_whose_first_name_is_will_is_appointed_not_expected(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(title="Fulham news", text="Fulham have appointed Will Still as their new head coach.")
    )
    assert {(r.manager, r.club, r.relation, r.factuality) for r in analysis.rumours} == {
        ("Will Still", "Fulham", Relation.APPOINTED, Factuality.DONE)
    }


def test_the_clubs_statement_that_a_coach_would_take_charge_announces_it(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Livingston sack Martindale",
            text="Livingston have sacked manager David Martindale. In a statement, the club thanked him and said "
            "development squad coach Ross Gilmour would take charge of the first team until the end of the season.",
        )
    )
    held = {(r.manager, r.relation, r.factuality, r.caretaker) for r in analysis.rumours}
    assert ("Ross Gilmour", Relation.APPOINTED, Factuality.DONE, True) in held


def test_the_clubs_word_that_a_replacement_would_be_named_names_no_one(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Valencia sack Corberán",
            text="Valencia have sacked Carlos Corberán. The club said a replacement would be named in the coming days.",
        )
    )
    assert {(r.manager, r.relation) for r in analysis.rumours} == {("Carlos Corberán", Relation.SACKED)}


def test_leaving_his_position_as_head_coach_is_his_own_exit(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="United news",
            text="Manchester United can confirm that Marc Skinner will leave his position as head coach of the "
            "women's team when his contract expires at the end of the season.",
        )
    )
    assert {(r.manager, r.relation) for r in analysis.rumours} == {("Marc Skinner", Relation.LEFT)}


def test_leaving_his_role_as_under_21_head_coach_is_no_managers_exit(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Gemmill leaves Scotland Under-21 job after nine years",
            text="Scot Gemmill has left his role as Scotland Under-21 head coach after nine years, the Scottish FA "
            "has announced.",
        )
    )
    assert analysis.rumours == ()


def test_how_a_manager_under_pressure_was_hired_is_not_news_of_his_appointment(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="If Arne Slot is sacked, who replaces him at Liverpool?",
            text="The pressure on Arne Slot has never been greater. Fenway Sports Group are not known for acting on "
            "impulse. Slot was hired on a long contract precisely so that he would not be judged on one bad run.",
        )
    )
    assert not any(r.relation is Relation.APPOINTED for r in analysis.rumours)


def test_a_club_announcing_its_youth_coach_would_take_temporary_charge_appoints_a_caretaker(
    analyser: Analyser,
) -> None:
    analysis = analyser.analyse(
        Article(
            title="Cercle news",
            text="Cercle Brugge announced last week that Jens Verbeke, their under-23 coach, would take temporary "
            "charge of the first team after the head coach was dismissed.",
        )
    )
    held = {(r.manager, r.club, r.relation, r.factuality, r.caretaker) for r in analysis.rumours}
    assert held == {("Jens Verbeke", "Cercle Brugge", Relation.APPOINTED, Factuality.DONE, True)}
