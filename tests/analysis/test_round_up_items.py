"""Round-ups and live blogs: each item keeps its own club, a player's move is a player's, a ground
named after another sport is still football's, and a manager's own words of leaving are job news."""

from __future__ import annotations

from bot.analysis.analyser import Analyser
from bot.domain import Analysis, Article


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text))


def _held(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_a_club_relieving_a_coach_the_knowledge_base_lacks_at_rugby_park_is_football(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Kilmarnock change manager",
        "Kilmarnock have relieved Calum Brodie of his duties after a defeat at Rugby Park, the club said.",
    )
    assert ("Calum Brodie", "Kilmarnock", "sacked") in _held(analysis)


def test_a_manager_who_would_walk_away_if_players_were_sold_is_job_news(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Deadline day live: Everton close in on winger, Moyes 'would quit'",
        "David Moyes says he would walk away from Everton if the club sold their best players.",
    )
    assert _held(analysis) == {("David Moyes", "Everton", "under_pressure")}


def test_a_manager_telling_his_president_he_will_leave_announces_his_exit(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Sarri's decision",
        "Maurizio Sarri has told Claudio Lotito he will leave Lazio when the season ends.",
    )
    assert {(r.manager, r.club, r.relation.value, r.factuality.value) for r in analysis.rumours} == {
        ("Maurizio Sarri", "Lazio", "left", "done")
    }


def test_a_club_closing_in_on_a_winger_in_the_headlines_previous_item_is_not_the_managers(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Deadline day live: Palace close in on winger, Moyes 'would quit'",
        "David Moyes says he would walk away from Everton if the club sold their best players.",
    )
    assert not any(r.club == "Crystal Palace" for r in analysis.rumours)


def test_a_team_nickname_as_the_subject_is_the_club_acting(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Fiorentina news",
        "The Viola have relieved Paolo Vanoli of his duties after a 14th-place finish.",
    )
    assert ("Paolo Vanoli", "Fiorentina", "sacked") in _held(analysis)


def test_a_manager_who_has_told_the_president_he_will_leave_has_announced_it(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Napoli news",
        "Antonio Conte will leave Napoli at the end of the season. 'I have told the president and it is the "
        "right time,' he said.",
    )
    assert {(r.manager, r.club, r.relation.value, r.factuality.value) for r in analysis.rumours} == {
        ("Antonio Conte", "Napoli", "left", "done")
    }


def test_saying_he_is_staying_is_a_stay(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Como news", "Cesc Fàbregas, linked with several Premier League clubs, says he is staying."
    )
    assert ("Cesc Fàbregas", "Como", "stays") in _held(analysis)


def test_a_predecessor_who_said_goodbye_has_left(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Arsenal appoint new head coach",
        "Arsenal have appointed Andoni Iraola as head coach. He succeeds Mikel Arteta, who said goodbye to the "
        "Emirates after the final game of the season last month.",
    )
    assert ("Mikel Arteta", "Arsenal", "left") in _held(analysis)


def test_happy_at_his_club_is_a_stay(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Inzaghi latest",
        "Simone Inzaghi has rubbished reports linking him with Juventus, insisting he is happy at Al-Hilal.",
    )
    assert ("Simone Inzaghi", "Al-Hilal", "stays") in _held(analysis)


def test_a_coach_the_knowledge_base_lacks_who_was_relieved_of_his_duties_is_found(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Killie news",
        "The club's new manager replaces Calum Brodie, who was relieved of his duties by Kilmarnock on Monday.",
    )
    assert "Calum Brodie" in analysis.managers


def test_a_story_about_both_sides_of_a_club_keeps_each_coach_with_his_side(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Arsenal open talks with Arteta and Slegers",
        "Arsenal have opened talks with Mikel Arteta over a new contract, and the club want a similar "
        "agreement with Renée Slegers, whose women's team are top of the WSL.",
    )
    held = _held(analysis)
    assert ("Mikel Arteta", "Arsenal", "talks") in held
    assert ("Renée Slegers", "Arsenal Women", "talks") in held
    assert ("Mikel Arteta", "Arsenal Women", "talks") not in held


def test_the_club_a_role_descriptor_names_is_the_managers_club_in_this_story(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "McInnes going nowhere",
        "Derek McInnes has dismissed talk of a move to Aberdeen. The Kilmarnock manager said he was fully "
        "focused on the league and happy where he was.",
    )
    held = _held(analysis)
    assert ("Derek McInnes", "Heart of Midlothian", "stays") not in held


def test_an_interim_coach_starting_against_the_opponent_is_not_appointed_by_the_opponent(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Angel City part ways with head coach; Jo Pryce interim",
        "Angel City FC has parted ways with its head coach, the club announced. Assistant coach Jo Pryce will "
        "serve as interim head coach, beginning with Sunday's game against the Portland Thorns.",
    )
    assert not any(r.club == "Portland Thorns" for r in analysis.rumours)


def test_a_club_in_a_later_item_of_a_headline_list_is_not_the_club_of_an_earlier_sacking(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Round-up: Inter sack Mendes, Bahia back Ceni, Crespo commits to São Paulo",
        "Head coach Carlos Mendes is out after a derby defeat, and two other clubs have news.",
    )
    assert not any(r.manager == "Carlos Mendes" and r.club in ("Bahia", "São Paulo") for r in analysis.rumours)


def test_the_league_a_club_plays_in_is_not_part_of_its_name(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Oldham appoint new head coach",
        "Oldham Athletic have appointed Jim Bentley as head coach. Bentley leaves National League Southend United "
        "after four years in charge.",
    )
    assert not any(c.startswith("National League") for c in analysis.clubs)
    assert not any(r.club.startswith("National League") for r in analysis.rumours)


def test_a_man_named_as_a_possible_successor_is_a_candidate_not_appointed(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "What the German papers say",
        "Germany\n\nKicker reports that Mainz are weighing up whether to dismiss Bo Henriksen. Former Augsburg "
        "coach Jess Thorup is named as a possible successor.",
    )
    assert not any(r.relation.value == "appointed" for r in analysis.rumours)
    assert ("Jess Thorup", "Mainz 05", "linked") in _held(analysis) or any(
        r.manager == "Jess Thorup" and r.relation.value == "linked" for r in analysis.rumours
    )


def test_a_notebook_headline_naming_a_mens_league_too_keeps_the_mens_clubs(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "MLS and NWSL notebook: Carnell going nowhere",
        "Philadelphia Union coach Bradley Carnell said he is not going anywhere. 'I am happy here,' he said.",
    )
    assert {r.club for r in analysis.rumours} == {"Philadelphia Union"}


def test_a_managers_denial_after_a_link_is_about_that_link_not_another_clubs_open_job(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Around the league",
        "Orlando City have sacked Óscar Pareja. Separately, Bradley Carnell was asked about reports in "
        "Germany linking him with Karlsruher SC. 'There is nothing to it. Nobody has called me,' the "
        "Philadelphia Union coach said.",
    )
    held = _held(analysis)
    assert ("Bradley Carnell", "Orlando City", "denied") not in held
    assert ("Bradley Carnell", "Karlsruher SC", "denied") in held or (
        "Bradley Carnell",
        "Karlsruher SC",
        "linked",
    ) in held


def test_new_england_in_mls_prose_is_the_revolution_not_the_england_team(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "MLS coaching changes",
        "Chris Armas has been sacked after a poor season in which New England finished above his side.",
    )
    assert "England" not in {r.club for r in analysis.rumours}
    assert "England" not in analysis.clubs


def test_the_porto_alegre_club_is_not_porto(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Internacional sack coach",
        "Internacional have sacked Ramón Díaz after a derby defeat. Díaz leaves with the Porto Alegre club 16th.",
    )
    assert "Porto" not in {r.club for r in analysis.rumours}
    assert "Porto" not in analysis.clubs


def test_a_coach_the_knowledge_base_lacks_who_will_remain_interim_coach_is_the_caretaker(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Feyenoord keep Vos in charge",
        "Feyenoord announced on Monday that Jan Vos will remain interim coach until the end of the season.",
    )
    assert [(r.manager, r.club, r.relation.value, r.caretaker) for r in analysis.rumours] == [
        ("Jan Vos", "Feyenoord", "appointed", True)
    ]


def test_a_coach_whose_club_a_headline_names_by_a_word_it_does_not_know_is_not_the_last_items_club(
    analyser: Analyser,
) -> None:
    analysis = analyser.analyse(
        Article(
            title="Round-up: Burnley sack Parker, Wednesday and Pedersen part ways",
            text="Elsewhere, Henrik Pedersen was a popular head coach.",
        )
    )
    assert not any(r.manager == "Henrik Pedersen" and r.club == "Burnley" for r in analysis.rumours)
