"""The ways columns, podcasts and odds stories say a manager's job is at risk."""

from __future__ import annotations

import pytest

from bot.analysis.analyser import Analyser
from bot.domain import Article


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Is Thomas Frank running out of road at Tottenham?", ""),
        ("Spurs news", "We ask whether Thomas Frank can survive a winter in which Tottenham have won twice."),
        ("Spurs news", "Thomas Frank will learn his fate at Tottenham after Sunday's game."),
        ("Spurs news", "Thomas Frank will find out on Thursday whether he has a future at Tottenham."),
        ("Spurs news", "Bookmakers make Thomas Frank 1/3 to be gone from Tottenham before the end of the season."),
        ("Does Thomas Frank still have a future at Tottenham?", ""),
        ("Spurs news", "Thomas Frank's position at Tottenham looks untenable after a fourth defeat in five."),
        ("Thomas Frank on borrowed time at Tottenham", ""),
    ],
)
def test_a_job_at_risk_in_the_words_of_columns_and_odds(analyser: Analyser, title: str, text: str) -> None:
    analysis = analyser.analyse(Article(title=title, text=text))
    assert ("Thomas Frank", "Tottenham Hotspur", "under_pressure") in {
        (r.manager, r.club, r.relation.value) for r in analysis.rumours
    }


def test_an_entry_of_a_sack_race_written_name_comma_club_dash_odds_is_pressure(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Premier League sack race: the odds on every contender",
            text="The bookmakers have priced up the first casualty.\n\n"
            "Thomas Frank, Tottenham – 4/1. A poor start would shorten that quickly.\n\n"
            "Arne Slot, Liverpool – 33/1. A price for the optimists.",
        )
    )
    held = {(r.manager, r.club, r.relation.value, r.factuality.value) for r in analysis.rumours}
    # (a price on his exit is a possibility, as betting is)
    assert ("Thomas Frank", "Tottenham Hotspur", "under_pressure", "possible") in held
    assert ("Arne Slot", "Liverpool", "under_pressure", "possible") in held


def test_the_coaches_most_at_risk_in_a_weekly_watch_are_under_pressure(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Serie A sack watch",
            text="Torino's Marco Baroni and Genoa's Patrick Vieira are the two coaches most at risk in Serie A, "
            "according to the paper's weekly list.",
        )
    )
    assert {(r.manager, r.relation.value) for r in analysis.rumours} >= {
        ("Marco Baroni", "under_pressure"),
        ("Patrick Vieira", "under_pressure"),
    }


def test_a_hyphenated_hot_seat_and_a_precarious_job_are_pressure(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(title="Premier League hot-seat rankings: Nuno Espírito Santo tops the list", text="Read on.")
    )
    assert {(r.manager, r.relation.value) for r in analysis.rumours} == {("Nuno Espírito Santo", "under_pressure")}
    analysis = analyser.analyse(
        Article(
            title="Rankings", text="Tottenham's Thomas Frank now has one of the Premier League's most precarious jobs."
        )
    )
    assert {(r.manager, r.relation.value) for r in analysis.rumours} == {("Thomas Frank", "under_pressure")}


def test_a_club_that_remains_fully_behind_its_coach_keeps_him(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Dortmund stand firm",
            text="Borussia Dortmund's leadership remain fully behind Niko Kovač, Sky reported.",
        )
    )
    assert {(r.manager, r.club, r.relation.value) for r in analysis.rumours} == {
        ("Niko Kovač", "Borussia Dortmund", "stays")
    }


def test_a_board_meeting_on_the_head_coachs_future_is_pressure_on_the_coach_the_story_names(
    analyser: Analyser,
) -> None:
    # (the coach named two paragraphs earlier; the sentence names no one)
    analysis = analyser.analyse(
        Article(
            title="West Ham: the owners must decide",
            text="West Ham are 18th after losing 4-1 at home to Fulham.\n\nNuno Espírito Santo came in last autumn "
            "promising organisation. There has been little of it. Supporters left early on Saturday. The mood is "
            "grim.\n\nThe Evening Standard said on Friday that the owners will meet on Monday to discuss the head "
            "coach's future.",
        )
    )
    assert ("Nuno Espírito Santo", "West Ham United", "under_pressure") in {
        (r.manager, r.club, r.relation.value) for r in analysis.rumours
    }


@pytest.mark.parametrize(
    ("text", "manager", "club"),
    [
        (
            "Eddie Howe said his future was 'out of my hands' after Newcastle United lost at home.",
            "Eddie Howe",
            "Newcastle United",
        ),
        (
            "With Leeds United in the bottom three, the pressure on Daniel Farke is growing.",
            "Daniel Farke",
            "Leeds United",
        ),
        ("Steve Clarke's position as head coach of Scotland is now in serious doubt.", "Steve Clarke", "Scotland"),
        (
            "Marco Silva's position at Fulham has been called into question after a fifth straight defeat.",
            "Marco Silva",
            "Fulham",
        ),
    ],
)
def test_a_job_at_risk_in_the_words_of_match_reports_and_live_blogs(
    analyser: Analyser, text: str, manager: str, club: str
) -> None:
    analysis = analyser.analyse(Article(title="Matchday", text=text))
    assert (manager, club, "under_pressure") in {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_match_words_beside_a_job_at_risk_do_not_make_it_a_player_story(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Leeds captain: 'We are all behind the manager'",
            text="Leeds United are six points from safety, and Daniel Farke is under growing pressure, with "
            "supporters turning on him in the second half against Everton.",
        )
    )
    assert ("Daniel Farke", "Leeds United", "under_pressure") in {
        (r.manager, r.club, r.relation.value) for r in analysis.rumours
    }


def _pressed(analyser: Analyser, title: str, text: str) -> set[tuple[str, str]]:
    analysis = analyser.analyse(Article(title=title, text=text))
    return {(r.manager, r.club) for r in analysis.rumours if r.relation.value == "under_pressure"}


def test_a_manager_of_no_known_club_is_under_pressure_at_the_club_the_story_names_most(analyser: Analyser) -> None:
    # (the knowledge base knows no club of Amorim's; the match opponents are not his)
    assert ("Rúben Amorim", "Manchester United") in _pressed(
        analyser,
        "Amorim before the derby",
        "Rúben Amorim is under pressure before Sunday's derby against Manchester City. Manchester United are "
        "ninth, and the board at Manchester United meets on Monday.",
    )


def test_a_ground_named_before_the_cue_is_no_person_the_cue_is_about(analyser: Analyser) -> None:
    assert ("Niko Kovač", "Borussia Dortmund") in _pressed(
        analyser,
        "Dortmund news",
        "Niko Kovač goes into Saturday's cup final at the Olympiastadion Berlin under pressure.",
    )


def test_a_clasico_is_no_person_the_cue_is_about(analyser: Analyser) -> None:
    assert ("Hansi Flick", "Barcelona") in _pressed(
        analyser, "Barcelona news", "Hansi Flick goes into Sunday's Clásico under growing pressure."
    )


def test_a_run_of_a_clubs_own_defeats_after_the_cue_names_the_club_at_risk(analyser: Analyser) -> None:
    # (Wagner's club is not in the knowledge base; "after Preston loss" in a headline is still the opponent)
    assert ("Sandro Wagner", "FC Augsburg") in _pressed(
        analyser,
        "Bundesliga news",
        "Sandro Wagner is the Bundesliga coach most at risk after four consecutive Augsburg defeats, ahead of "
        "Heidenheim's Frank Schmidt.",
    )


def test_a_position_that_will_be_assessed_is_under_pressure(analyser: Analyser) -> None:
    assert ("Sarina Wiegman", "England Women") in _pressed(
        analyser, "Lionesses news", "Sarina Wiegman's position will be assessed in September, the FA said."
    )


def test_a_position_under_review_after_a_defeat_is_pressure(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Paulo Fonseca's position at Lyon under review after Nantes defeat",
            text="Lyon's hierarchy are asking whether Paulo Fonseca is the right man to lead the club after a third "
            "league defeat in a row.",
        )
    )
    assert ("Paulo Fonseca", "Olympique Lyonnais", "under_pressure") in {
        (r.manager, r.club, r.relation.value) for r in analysis.rumours
    }


def test_a_manager_saying_he_will_be_the_clubs_coach_next_season_stays(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Talking points",
            text="Gian Piero Gasperini says he will be Roma's coach next season 'whatever happens in May': 'I have "
            "a contract and I want to honour it,' he told reporters after the 2-0 win over Lecce.",
        )
    )
    assert ("Gian Piero Gasperini", "AS Roma", "stays") in {
        (r.manager, r.club, r.relation.value) for r in analysis.rumours
    }


def test_a_manager_saying_im_staying_stays(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Wales women's boss Rhian Wilkinson: 'I'm staying'",
            text="'I have got unfinished business here. I want to take this team to another tournament.'",
        )
    )
    assert ("Rhian Wilkinson", "Wales Women", "stays") in {
        (r.manager, r.club, r.relation.value) for r in analysis.rumours
    }


def test_a_manager_saying_a_player_is_staying_is_not_staying_himself(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Glasner: Guéhi is going nowhere",
            text="Crystal Palace manager Oliver Glasner insists captain Marc Guéhi will not be sold this month. "
            "'Marc is a massive part of what we are building and he's staying, simple as that,' Glasner said.",
        )
    )
    assert not analysis.is_manager_rumour


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Slot's future in doubt after derby defeat", "Liverpool were beaten again at Goodison on Sunday."),
        ("Can Slot survive Liverpool's derby defeat?", ""),
    ],
)
def test_a_headline_putting_a_job_at_risk_after_a_defeat_is_job_news_not_a_match_report(
    analyser: Analyser, title: str, text: str
) -> None:
    # (the match words of the headline do not make it a player story: the job at risk is the news)
    analysis = analyser.analyse(Article(title=title, text=text))
    assert [(r.manager, r.club, r.relation.value) for r in analysis.rumours] == [
        ("Arne Slot", "Liverpool", "under_pressure")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Fenerbahçe's board will meet on Monday to decide whether Domenico Tedesco stays in charge.",
        "It is unclear whether Domenico Tedesco stays at Fenerbahçe beyond the weekend.",
    ],
)
def test_whether_he_stays_is_his_job_in_question_not_a_stay(analyser: Analyser, text: str) -> None:
    analysis = analyser.analyse(Article(title="Fenerbahçe news", text=text))
    assert [(r.manager, r.club, r.relation.value) for r in analysis.rumours] == [
        ("Domenico Tedesco", "Fenerbahçe", "under_pressure")
    ]
    assert "stay" not in analysis.summary


def test_a_manager_questioned_about_his_future_after_a_run_of_defeats_is_under_pressure(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Millwall news",
            text="Millwall manager Alex Neil told reporters to 'ask the board' when he was questioned about his "
            "future after a sixth game without a win.",
        )
    )
    assert [(r.manager, r.club, r.relation.value) for r in analysis.rumours] == [
        ("Alex Neil", "Millwall", "under_pressure")
    ]


def test_a_board_considering_its_managers_future_puts_his_job_at_risk_not_on_a_list(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Spurs news",
            text="Tottenham's board are considering Thomas Frank's future after Sunday's home defeat.",
        )
    )
    assert [(r.manager, r.relation.value) for r in analysis.rumours] == [("Thomas Frank", "under_pressure")]


def test_a_manager_who_will_see_out_his_contract_is_staying(analyser: Analyser) -> None:
    analysis = analyser.analyse(Article(title="Mourinho: I will see out my Benfica contract", text=""))
    assert [(r.manager, r.club, r.relation.value) for r in analysis.rumours] == [("José Mourinho", "Benfica", "stays")]


@pytest.mark.parametrize(
    "headline",
    [
        "Is it time for Manchester United to move on from Marc Skinner?",
        "Is it time for Scotland to thank Steve Clarke and move on?",
    ],
)
def test_asking_whether_to_move_on_from_a_manager_questions_his_job(analyser: Analyser, headline: str) -> None:
    analysis = analyser.analyse(Article(title=headline, text=""))
    assert [(r.relation.value, r.factuality.value) for r in analysis.rumours] == [("under_pressure", "question")]


def test_a_club_ready_to_move_on_from_its_coach_puts_his_job_at_risk_without_a_sacking(analyser: Analyser) -> None:
    analysis = analyser.analyse(Article(title="Torino ready to move on from Baroni", text=""))
    assert [(r.manager, r.relation.value) for r in analysis.rumours] == [("Marco Baroni", "under_pressure")]


@pytest.mark.parametrize(
    "headline",
    [
        "If Italy fail in the play-offs again, Gattuso cannot survive",
        "What we learned: Wolves' collapse at Villa Park turns the spotlight on Rob Edwards",
    ],
)
def test_a_coach_who_cannot_survive_or_is_in_the_spotlight_is_under_pressure(analyser: Analyser, headline: str) -> None:
    analysis = analyser.analyse(Article(title=headline, text=""))
    assert [r.relation.value for r in analysis.rumours] == ["under_pressure"]


def test_calls_for_a_coach_to_go_put_his_job_at_risk(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="South Korea latest",
            text="Calls for South Korea head coach Hong Myung-bo to go grew louder after a 2-0 defeat by Mexico.",
        )
    )
    assert [(r.manager, r.relation.value) for r in analysis.rumours] == [("Hong Myung-bo", "under_pressure")]


def test_asking_why_something_keeps_happening_questions_no_ones_job(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="A decade of sackings",
            text="Tottenham sacked Mauricio Pochettino in 2019, six months after a Champions League final.\n\n"
            "Why does it keep happening? Part of the answer is money.",
        )
    )
    assert not [r for r in analysis.rumours if r.relation.value == "under_pressure"]


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Spurs slump again", "Is Thomas Frank's time at Tottenham up? The crowd booed at full-time."),
        ("Spurs slump again", "Could Thomas Frank's time at Tottenham be up? The crowd booed at full-time."),
        ("Spurs slump again", "Thomas Frank could be out at Tottenham if results do not improve by March."),
    ],
)
def test_asking_whether_a_coachs_time_is_up_or_saying_he_could_be_out_questions_his_job(
    analyser: Analyser, title: str, text: str
) -> None:
    analysis = analyser.analyse(Article(title=title, text=text))
    assert ("Thomas Frank", "Tottenham Hotspur", "under_pressure") in {
        (r.manager, r.club, r.relation.value) for r in analysis.rumours
    }


def test_a_coach_told_his_time_is_up_is_not_merely_questioned_at_his_next_club(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(title="West Ham news", text="Reports say Graham Potter has had a good time at West Ham up to now.")
    )
    assert not analysis.rumours


def test_a_coach_not_worried_in_quotation_marks_about_his_future_is_under_pressure(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Sack race Sunday LIVE",
            text="16:40 — Gian Piero Gasperini told DAZN before kick-off that he is 'not worried' about his future at "
            "Roma after the cup exit.",
        )
    )
    assert ("Gian Piero Gasperini", "AS Roma", "under_pressure") in {
        (r.manager, r.club, r.relation.value) for r in analysis.rumours
    }


def test_a_coach_facing_mounting_criticism_is_under_pressure(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Spurs coach under fire after five straight losses",
            text="Tottenham coach Thomas Frank is facing mounting criticism after a 3-0 home defeat extended the "
            "losing run to five.",
        )
    )
    assert ("Thomas Frank", "Tottenham Hotspur", "under_pressure") in {
        (r.manager, r.club, r.relation.value) for r in analysis.rumours
    }
