"""Items as a sports desk or a local paper publishes them: youth teams, backroom appointments and a
coach committing his future are not the first-team manager's news."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.analysis.analyser import Analyser
from bot.domain import Analysis, Article

_PUBLISHED = datetime(2026, 10, 1, tzinfo=UTC)


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text, published=_PUBLISHED))


def _held(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_an_under_21_coach_leaving_is_not_the_national_teams_news(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Gemmill leaves Scotland Under-21 job after nine years",
        "Scot Gemmill has left his role as Scotland Under-21 head coach after nine years, the Scottish FA has "
        "announced.",
    )
    assert not any(club == "Scotland" for _, club, _ in _held(analysis))


def test_a_set_piece_coach_added_to_a_managers_backroom_team_appoints_no_manager(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Sunderland add set-piece specialist to Le Bris' staff",
        "Sunderland have appointed a set-piece coach from Brentford's analysis department to Régis Le Bris' "
        "backroom team ahead of the new season.",
    )
    assert not any(relation == "appointed" for _, _, relation in _held(analysis))


def test_a_set_piece_coach_made_head_coach_is_appointed(analyser: Analyser) -> None:
    # (a guard: the staff role before the name is who he was, the job after "as" is the news)
    analysis = _analyse(
        analyser,
        "Brentford name Keith Andrews head coach",
        "Brentford have appointed set-piece coach Keith Andrews as their new head coach, the club confirmed.",
    )
    assert ("Keith Andrews", "Brentford", "appointed") in _held(analysis)


def test_committing_his_future_is_a_stay_not_a_new_contract(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Emery commits future to Aston Villa",
        "Unai Emery has committed his future to Aston Villa, telling Sky Sports he will be in charge next season.",
    )
    held = _held(analysis)
    assert ("Unai Emery", "Aston Villa", "stays") in held
    assert ("Unai Emery", "Aston Villa", "extension") not in held


def test_an_applicant_for_the_job_is_linked_and_his_last_exit_is_his_history(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Braintree Town sack Haddow",
        "Braintree Town have relieved manager Gary Haddow of his duties. Among the applicants is Simon Weaver, "
        "the Times understands. Weaver left Harrogate Town by mutual consent last month after 17 years in charge.",
    )
    held = _held(analysis)
    assert ("Simon Weaver", "Braintree Town", "linked") in held
    assert ("Simon Weaver", "Harrogate Town", "left") not in held


def test_a_towns_name_alone_is_the_rugby_team_the_story_names_in_full(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Leicester part company with head coach Parling",
        "Leicester Tigers have parted company with head coach Geoff Parling after five straight Premiership "
        "defeats, the club announced on Wednesday.",
    )
    assert not analysis.is_manager_rumour


def test_a_towns_name_alone_is_the_football_club_when_the_story_names_it(analyser: Analyser) -> None:
    # (a guard: with Leicester City named in full, the bare town is the football club)
    analysis = _analyse(
        analyser,
        "Leicester sack Cifuentes",
        "Leicester City have sacked Martí Cifuentes. Leicester Tigers won again on Saturday.",
    )
    assert ("Martí Cifuentes", "Leicester City", "sacked") in _held(analysis)


def test_a_lower_league_named_in_the_story_makes_an_unknown_club_footballs(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "CD Tenerife sack Ramis",
        "CD Tenerife have dismissed head coach Luis Miguel Ramis after five Segunda División games without a win.",
    )
    assert ("Luis Miguel Ramis", "CD Tenerife", "sacked") in _held(analysis)


def test_a_coach_the_club_says_will_remain_in_interim_charge_stays_on_as_caretaker(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Kerrigan to remain in interim charge until end of season",
        "Wigan Athletic can confirm that Danny Kerrigan will remain in interim charge of the first team until the "
        "end of the season.",
    )
    [claim] = analysis.rumours
    assert (claim.manager, claim.club, claim.relation.value, claim.caretaker) == (
        "Danny Kerrigan",
        "Wigan Athletic",
        "appointed",
        True,
    )
    assert "staying on in interim charge of Wigan Athletic" in analysis.summary
    assert "will take over" not in analysis.summary


def test_asking_whether_a_coach_will_survive_a_slump_is_a_question_of_pressure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Will Andreatta survive Scotland's World Cup qualifying slump?",
        "Scotland Women have taken one point from their first three qualifiers, and we ask whether Melissa "
        "Andreatta, appointed only last year, is the right coach to turn it around.",
    )
    assert {(r.manager, r.club, r.relation.value, r.factuality.value) for r in analysis.rumours} == {
        ("Melissa Andreatta", "Scotland Women", "under_pressure", "question")
    }


def test_the_bookmakers_favourite_in_the_sack_race_is_possible_pressure(analyser: Analyser) -> None:
    # (LABELLING: "Odds of being sacked slashed" is under_pressure, possible)
    analysis = _analyse(
        analyser,
        "Forest news",
        "Nottingham Forest dropped into the relegation zone on Saturday. Bookmakers now make Forest boss Sean "
        "Dyche the clear favourite in the sack race.",
    )
    assert {(r.manager, r.relation.value, r.factuality.value) for r in analysis.rumours} == {
        ("Sean Dyche", "under_pressure", "possible")
    }


_LIVE = (
    "17:20 Football: Dundee have parted company with manager Steven Pressley, the club have confirmed.\n\n"
    "16:15 Football: Dundee United chairman Mark Ogren says manager Jim Goodwin is 'going nowhere'. 'Jim is our "
    "manager, he has two years left on his contract and we want him here for a lot longer than that,' Ogren told "
    "BBC Scotland.\n\n"
    "14:55 Football: Hibernian Women head coach Grant Scott has signed a new contract until 2028, the club have "
    "announced."
)


def test_a_women_s_side_the_knowledge_base_lacks_is_not_the_mens_club(analyser: Analyser) -> None:
    held = _held(_analyse(analyser, "Sport live: Monday's latest", _LIVE))
    assert ("Grant Scott", "Hibernian Women", "extension") in held
    assert not any(club == "Hibernian" for _, club, _ in held)


def test_a_broadcasters_name_is_no_national_team(analyser: Analyser) -> None:
    held = _held(_analyse(analyser, "Sport live: Monday's latest", _LIVE))
    assert not any(club == "Scotland" for _, club, _ in held)


def test_a_live_pages_next_entry_does_not_inherit_the_job_the_last_one_opened(analyser: Analyser) -> None:
    held = _held(_analyse(analyser, "Sport live: Monday's latest", _LIVE))
    assert ("Steven Pressley", "Dundee", "sacked") in held
    assert not any(manager == "Jim Goodwin" and club == "Dundee" for manager, club, _ in held)


def test_a_column_saying_a_coach_must_be_sacked_before_it_is_too_late_is_pressure(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Why Daniel Farke must be sacked before it is too late for Leeds")
    assert {(r.manager, r.club, r.relation.value) for r in analysis.rumours} == {
        ("Daniel Farke", "Leeds United", "under_pressure")
    }


def test_the_side_a_team_went_down_to_is_the_opponent(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Slot sack odds slashed",
        "Arne Slot's odds of being the next manager to lose his job have been slashed after Liverpool were beaten "
        "at home for a third game running, going down 2-1 to Wolves.",
    )
    assert {club for _, club, _ in _held(analysis)} == {"Liverpool"}


def test_a_coach_saying_he_will_leave_after_a_defeat_announces_his_exit(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Renard to leave Saudi Arabia after World Cup exit",
        "Hervé Renard will leave Saudi Arabia after the World Cup, the Frenchman said on Wednesday after a 2-0 "
        "defeat to Uruguay ended the Green Falcons' tournament at the group stage.",
    )
    assert {(r.manager, r.club, r.relation.value, r.factuality.value) for r in analysis.rumours} == {
        ("Hervé Renard", "Saudi Arabia", "left", "done")
    }


def test_a_coach_a_chairman_says_will_leave_is_not_his_own_announcement(analyser: Analyser) -> None:
    # (a guard: the chairman's word is not the coach's own)
    analysis = _analyse(
        analyser,
        "Saudi Arabia news",
        "Hervé Renard will leave Saudi Arabia after the World Cup, the federation president said, reports say.",
    )
    assert not any(r.factuality.value == "done" for r in analysis.rumours)


def test_a_set_piece_coach_joining_from_another_club_is_staff_not_an_appointment_there(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Aston Villa appoint Sevilla's Pablo Ruiz as set-piece coach",
            text="Aston Villa have appointed Pablo Ruiz as first-team set-piece coach, joining from Sevilla on a deal "
            "until 2028.",
        )
    )
    assert not analysis.is_manager_rumour


def test_a_head_coach_joining_from_another_club_is_appointed_by_the_club_he_joins(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Newcastle appoint Reyero",
            text="Newcastle United have appointed Tomás Reyero as head coach, joining from Girona on a deal until "
            "2028.",
        )
    )
    assert {(r.manager, r.club, r.relation.value) for r in analysis.rumours} == {
        ("Tomás Reyero", "Newcastle United", "appointed")
    }


def test_a_paper_named_for_its_country_is_not_the_paper_of_the_shorter_name(analyser: Analyser) -> None:
    # ("The Times of Malta" is not The Times; a journalist "of" an outlet is still that journalist)
    analysis = _analyse(
        analyser,
        "Hodgson wanted by Malta",
        "Roy Hodgson is on the shortlist for the Malta job, The Times of Malta reports.",
    )
    assert "The Times" not in {s.name for s in analysis.sources}
    named = _analyse(analyser, "Talks", "Steve Cooper is in talks with Wales, says David Ornstein of The Athletic.")
    assert "David Ornstein" in {s.name for s in named.sources}


def test_a_coach_of_a_clubs_a_league_women_side_is_the_womens_sides(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Club news",
        "Perth Glory have appointed Claire Whitfield, the former Football West NTC head coach, as head coach of "
        "their A-League Women side on a two-year deal, the club announced on Thursday.",
    )
    assert _held(analysis) == {("Claire Whitfield", "Perth Glory Women", "appointed")}
    side = _analyse(
        analyser,
        "Club news",
        "Melbourne Victory have sacked Tony Popovic as head coach of their women side, the club confirmed.",
    )
    assert ("Tony Popovic", "Melbourne Victory", "sacked") not in _held(side)


def test_a_coach_the_knowledge_base_lacks_appointed_after_an_apposition_naming_a_past_job(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Tonga turn to former Samoa number two",
        "The Tonga Football Association has appointed Henry Ashworth, the former Samoa assistant coach, as head "
        "coach of the national side on an 18-month deal.",
    )
    assert ("Henry Ashworth", "Tonga", "appointed") in _held(analysis)


def test_a_clubs_appointment_of_a_coach_named_with_his_past_job_between_is_his_appointment(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Morecambe move quickly after Bentley exit",
        "Morecambe's appointment of Liam Garside, previously Doncaster Rovers' under-23 coach, as manager was "
        "confirmed on Tuesday evening.",
    )
    assert ("Liam Garside", "Morecambe", "appointed") in _held(analysis)


def test_an_assistant_named_in_an_apposition_and_appointed_as_assistant_is_no_appointment(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Tonga strengthen their staff",
        "The Tonga Football Association has appointed Henry Ashworth, once a Samoa youth coach, as assistant "
        "coach to the national side.",
    )
    assert not any(relation == "appointed" for _, _, relation in _held(analysis))


def test_the_federation_that_announces_is_the_appointing_one_not_the_former_team_named_between(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Tonga turn to former Samoa number two",
        "The Tonga Football Association has appointed Henry Ashworth, the former Samoa assistant coach, as head "
        "coach of the national side, the federation announced on Friday.",
    )
    assert [s.name for s in analysis.sources] == ["Tonga (official)"]


def test_a_coach_named_with_his_clubs_title_is_the_one_terms_are_agreed_with(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Burnley news",
        "Burnley have agreed terms with Molde/Kristiansund head coach Henrik Sæther to replace Scott Parker in "
        "the summer, according to The Athletic.",
    )
    assert ("Henrik Sæther", "Burnley", "agreed") in _held(analysis)


def test_a_known_club_named_with_its_legal_form_is_that_club(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Cottagers news",
        "Fulham Football Club has parted company with head coach Marco Silva.",
    )
    assert {club for _, club, _ in _held(analysis)} == {"Fulham"}


def test_a_non_league_club_the_knowledge_base_lacks_is_found_from_its_managers_title(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Colwyn Bay boss quits to focus on teaching",
        "Colwyn Bay manager Callum Rafferty has stepped down after three years, saying he can no longer combine "
        "the part-time role with his job as a maths teacher at a Wigan school. The National League North club "
        "will name a caretaker this week.",
    )
    assert _held(analysis) == {("Callum Rafferty", "Colwyn Bay", "left")}


def test_a_rugby_league_clubs_coach_is_no_football_news_though_a_football_club_shares_its_ground(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Bradford part company with head coach",
        "Bradford Bulls have parted company with head coach Dean Holt a month before the rugby league "
        "Championship season starts. The Bulls share Odsal with no football club, but Bradford City are nearby.",
    )
    assert not analysis.is_manager_rumour


def test_a_club_the_knowledge_base_lacks_appointing_a_womens_first_team_manager_appoints_for_its_women(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Billericay name Hannah Cole women's boss",
        "Billericay Town FC have appointed Hannah Cole as women's first-team manager, the club announced.",
    )
    assert {(club, relation) for _, club, relation in _held(analysis)} == {("Billericay Town Women", "appointed")}
    assert [s.name for s in analysis.sources] == ["Billericay Town Women (official)"]


def test_a_lower_division_named_makes_a_club_and_coach_the_knowledge_base_lacks_footballs(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Waldhof Mannheim part company with head coach Lukas Brenner",
        "Waldhof Mannheim have parted company with head coach Lukas Brenner after one win in eight 3. Liga matches, "
        "the club announced on Sunday.",
    )
    assert ("Lukas Brenner", "Waldhof Mannheim", "sacked") in _held(analysis)


def test_a_club_named_with_an_ampersand_is_one_club(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Brightlingsea news",
        "Kelvin Moss has stepped down as manager of Brightlingsea & Harwich Rovers, the National League South club "
        "announced.",
    )
    assert {club for _, club, _ in _held(analysis)} == {"Brightlingsea & Harwich Rovers"}
