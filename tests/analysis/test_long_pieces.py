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


_SACK_RACE = (
    "Five clubs have changed their manager this season, and the bookmakers expect more.\n\n"
    "1. Thomas Frank (Tottenham Hotspur) – 6/4 favourite\n\n"
    "A home defeat by Fulham on Saturday was Tottenham's sixth in nine league games.\n\n"
    "2. Sean Dyche (Nottingham Forest) – 5/1\n\n"
    "Dyche has made Forest harder to beat, but they have scored four goals in seven matches."
)


def test_each_entry_of_a_ranked_sack_race_is_under_pressure_at_the_club_beside_him(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Premier League sack race ranked: the managers under the most pressure", _SACK_RACE)
    held = _held(analysis)
    assert ("Thomas Frank", "Tottenham Hotspur", "under_pressure") in held
    assert ("Sean Dyche", "Nottingham Forest", "under_pressure") in held


def test_a_ranked_list_under_another_headline_is_no_sack_race(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "The Premier League's best managers of the season", _SACK_RACE)
    assert not any(relation == "under_pressure" for _, _, relation in _held(analysis))


def test_odds_to_be_a_clubs_next_permanent_manager_link_him(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "West Ham news",
        "Jesse Marsch is 5/1 to be the next permanent West Ham manager should the club make a change.",
    )
    assert {(r.manager, r.club, r.relation.value, r.factuality.value) for r in analysis.rumours} == {
        ("Jesse Marsch", "West Ham United", "linked", "possible")
    }


def test_a_next_gen_coach_is_no_next_manager(analyser: Analyser) -> None:
    # (a guard: "next" before a team's name is not "the next … manager")
    analysis = _analyse(
        analyser,
        "Juventus news",
        "Next Gen coach Massimo Brambilla will take the team for Wednesday's home game against Udinese only.",
    )
    assert not any(r.relation.value == "linked" for r in analysis.rumours)


def test_an_offer_a_coach_cannot_say_no_to_is_no_rejection(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Napoli news",
        "Napoli moved quickly for Vincenzo Italiano. The former Fiorentina coach was presented on Monday. "
        "'Napoli is an opportunity you cannot say no to,' he said.",
    )
    assert not any(relation == "rejected" for _, _, relation in _held(analysis))


def test_a_coach_presented_at_the_training_ground_is_appointed(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Napoli: the biggest change of all",
        "Vincenzo Italiano was presented at Castel Volturno by Napoli on Monday.",
    )
    assert ("Vincenzo Italiano", "Napoli", "appointed") in _held(analysis)


def test_an_exit_and_a_new_subject_after_and_is_the_first_mans_exit(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Torino change coach",
        "Torino: Marco Baroni's contract was terminated by mutual consent this week and Paolo Zanetti arrived "
        "in his place.",
    )
    held = _held(analysis)
    assert ("Marco Baroni", "Torino", "left") in held
    assert not any(manager == "Paolo Zanetti" and relation == "left" for manager, _, relation in held)


def test_a_coach_who_ruled_himself_out_rejected_the_job(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Italy search for a new coach",
        "The Italian federation are searching for a new coach. Claudio Ranieri ruled himself out on Wednesday.",
    )
    assert ("Claudio Ranieri", "Italy", "rejected") in _held(analysis)


def test_the_two_names_most_discussed_are_both_linked(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Italy search for a new coach",
        "The Italian federation are searching for a new coach. Roberto Mancini and Simone Inzaghi are the two "
        "names most discussed in Rome.",
    )
    held = _held(analysis)
    assert {("Roberto Mancini", "Italy", "linked"), ("Simone Inzaghi", "Italy", "linked")} <= held


def test_a_coach_thinking_only_about_his_club_stays(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Conte asked about Italy",
        "Antonio Conte was asked about a possible return. 'I have a contract with Napoli and I am thinking only "
        "about Napoli,' Conte said.",
    )
    assert ("Antonio Conte", "Napoli", "stays") in _held(analysis)


def test_a_quoted_headline_on_the_night_he_was_let_go_is_a_look_back(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "'I was living a dream, then I woke up': Ranieri on the night Leicester let him go",
        "Ten years after Leicester City won the Premier League, Claudio Ranieri can talk about the title without "
        "his voice catching.",
    )
    assert not any(relation == "sacked" for _, _, relation in _held(analysis))


def test_a_papers_report_that_a_coach_will_leave_is_expected_not_announced(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "What the papers say",
        "SUNDAY TIMES: Manchester United Women head coach Marc Skinner will leave at the end of the season after "
        "five years in charge.",
    )
    assert {(r.manager, r.relation.value, r.factuality.value) for r in analysis.rumours} == {
        ("Marc Skinner", "under_pressure", "expected")
    }


def test_a_clubs_word_that_a_coach_will_leave_is_his_exit(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Club statement",
        "Crystal Palace can confirm that manager Oliver Glasner will leave the club when his contract expires at "
        "the end of the season, reports say.",
    )
    assert ("Oliver Glasner", "Crystal Palace", "left") in _held(analysis)


def test_a_sacking_dated_months_back_and_told_again_undated_is_background(analyser: Analyser) -> None:
    article = Article(
        title="Ajax appoint Marco Rose as head coach",
        text="Ajax have appointed Marco Rose as head coach, the club announced on Sunday, ending a three-month "
        "search that began when John Heitinga was dismissed in November. Fred Grim, who has led the team on an "
        "interim basis since Heitinga's departure, will return to his role as assistant coach.",
        published=datetime(2026, 2, 15, tzinfo=UTC),
    )
    held = _held(analyser.analyse(article))
    assert ("Marco Rose", "Ajax", "appointed") in held
    assert not any(manager == "John Heitinga" for manager, _, _ in held)


def test_a_sacking_told_in_a_relative_clause_about_the_new_man_is_who_he_is(analyser: Analyser) -> None:
    article = Article(
        title="Wolfsburg hand Bauer the job for good as Frankfurt's Toppmöller talks stall",
        text="VfL Wolfsburg have ended their search for a permanent head coach by giving the job to the man who "
        "has been doing it since November. Daniel Bauer, who stepped up from the under-19s when Paul Simonis was "
        "dismissed after a run of five defeats in six games, has signed a contract until June 2028, the club "
        "announced on Monday.\n\nFrankfurt's own situation is far from settled. Dino Toppmöller's contract "
        "expires in 2027, and talks over an extension that began before Christmas have stalled.",
        published=datetime(2026, 3, 2, tzinfo=UTC),
    )
    assert not any(manager == "Paul Simonis" for manager, _, _ in _held(analyser.analyse(article)))


def test_the_staff_a_coach_brought_from_his_country_leave_no_national_team(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Aberdeen part company with manager Thelin",
        "Aberdeen have parted company with manager Jimmy Thelin after a run of one win in 12 matches.\n\nThe Swede, "
        "who arrived from Elfsborg in June 2024 and won the Scottish Cup last May, leaves along with the backroom "
        "staff he brought from Sweden.\n\nSt Mirren manager Stephen Robinson is among the early names being linked "
        "with the job.",
    )
    held = _held(analysis)
    assert not any(club == "Sweden" for _, club, _ in held)
    assert ("Stephen Robinson", "Aberdeen", "linked") in held


def test_contact_about_leaving_his_club_is_no_exit_from_it(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Tottenham sack Thomas Frank",
        "Tottenham Hotspur have sacked Thomas Frank. Spurs have already made contact with Roberto De Zerbi's "
        "representatives about leaving Marseille. Kieran McKenna is also on the shortlist.",
    )
    held = _held(analysis)
    assert not any(club == "Olympique de Marseille" for _, club, _ in held)
    assert ("Kieran McKenna", "Tottenham Hotspur", "linked") in held


def test_the_club_that_sacked_a_manager_before_is_not_the_job_his_new_club_filled(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "West Ham sack Nuno: inside the search",
        "West Ham United have sacked Nuno Espírito Santo.\n\n"
        "Nuno had arrived in east London three weeks after being sacked by Nottingham Forest, brought in to "
        "replace Graham Potter.\n\n"
        "Edin Terzić is regarded internally as the front-runner.",
    )
    assert not any(club == "Nottingham Forest" for _, club, _ in _held(analysis))


_MARKET = (
    "The bookmakers have shortened the prices on three Championship managers this week.\n\n"
    "1. Liam Rosenior (Hull City), 5/4\n"
    "Hull have lost six of their last eight league games.\n\n"
    "2. Michael Carrick (Middlesbrough), 9/2\n"
    "Boro have drifted out of the play-off places since Christmas."
)


def test_a_next_manager_to_leave_market_ranks_each_entry_with_the_odds_after_a_comma(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Next Championship manager to leave: the sack-race market", _MARKET)
    held = _held(analysis)
    assert ("Liam Rosenior", "Hull City", "under_pressure") in held
    assert ("Michael Carrick", "Middlesbrough", "under_pressure") in held
