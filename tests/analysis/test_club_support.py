"""A club standing by its coach ("X is not in question", "we have never thought about replacing him")
denies a sacking; words that only look like it do not."""

from __future__ import annotations

from bot.analysis.analyser import Analyser
from bot.analysis.mentions import resolve
from bot.analysis.text import fold, split_sentences
from bot.domain import Analysis, Article


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text))


def _held(analysis: Analysis) -> set[tuple[str, str, str, str]]:
    return {(r.manager, r.club, r.relation.value, r.factuality.value) for r in analysis.rumours}


def test_a_coach_said_not_to_be_in_question_has_a_sacking_denied(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Gasperini backed",
        "Roma's owners said on Tuesday: 'Gian Piero Gasperini is not in question.'",
    )
    assert _held(analysis) == {("Gian Piero Gasperini", "AS Roma", "denied", "denied")}
    assert "sacking Gian Piero Gasperini has been played down" in analysis.summary


def test_never_thinking_about_replacing_him_denies_a_sacking(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Wolfsburg stand firm",
        "Paul Simonis has the backing of the board: Wolfsburg have never thought about replacing him.",
    )
    assert ("Paul Simonis", "VfL Wolfsburg", "denied", "denied") in _held(analysis)
    assert "sacking Paul Simonis" in analysis.summary


def test_something_else_not_in_question_says_nothing_about_the_job(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Derby reaction", "Our commitment is not in question, said Gian Piero Gasperini after Roma won."
    )
    assert analysis.rumours == ()


def test_no_question_of_changing_the_coach_denies_his_sacking(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Brentford stand firm",
        "Keith Andrews keeps his job: Brentford say there is no question of changing the coach.",
    )
    assert _held(analysis) == {("Keith Andrews", "Brentford", "denied", "denied")}
    assert "sacking Keith Andrews" in analysis.summary


def test_a_position_being_discussed_is_pressure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Tuchel latest", "Thomas Tuchel's position as England head coach is being discussed at the FA."
    )
    assert _held(analysis) == {("Thomas Tuchel", "England", "under_pressure", "done")}


def test_will_be_our_coach_next_season_is_a_stay(analyser: Analyser) -> None:
    said = _analyse(
        analyser,
        "Bologna latest",
        "'Vincenzo Italiano will be our coach next season,' the Bologna chief executive told reporters.",
    )
    assert ("Vincenzo Italiano", "Bologna", "stays") in {(r.manager, r.club, r.relation.value) for r in said.rumours}


def test_a_coach_with_the_boards_full_confidence_who_will_be_trainer_next_season_stays(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Kovač backed",
        "Borussia Dortmund have backed Niko Kovač. 'He will be our trainer next season. He has our full "
        "confidence,' the sporting director said.",
    )
    assert ("Niko Kovač", "Borussia Dortmund", "stays") in {
        (r.manager, r.club, r.relation.value) for r in analysis.rumours
    }


def test_dismissing_reports_that_a_titled_coach_could_be_replaced_denies_a_sacking(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Galatasaray stand firm",
        "Galatasaray's president has dismissed reports that head coach Okan Buruk could be replaced.",
    )
    assert _held(analysis) == {("Okan Buruk", "Galatasaray", "denied", "denied")}
    assert "sacking Okan Buruk" in analysis.summary


def test_a_change_of_coach_not_on_the_agenda_denies_a_sacking(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Porto latest", "Francesco Farioli keeps his job: a change of coach is not on the agenda at Porto."
    )
    assert _held(analysis) == {("Francesco Farioli", "Porto", "denied", "denied")}


def test_evaluating_a_coachs_future_is_pressure(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Lens latest", "Lens are evaluating Pierre Sage's future after a heavy defeat.")
    assert _held(analysis) == {("Pierre Sage", "RC Lens", "under_pressure", "done")}


def test_a_coach_saying_he_will_not_continue_announces_his_exit(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Pochettino's decision",
        "Mauricio Pochettino said he will not continue as USA coach after the World Cup.",
    )
    assert _held(analysis) == {("Mauricio Pochettino", "United States", "left", "done")}


def test_staying_calm_is_no_stay(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Farioli stays calm", "Porto coach Francesco Farioli lost for the first time.")
    assert analysis.rumours == ()


def test_a_crunch_meeting_with_the_owners_is_pressure_not_talks(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Wolves latest",
        "Vítor Pereira faces a crunch meeting with the Wolves board, with his future set to be discussed.",
    )
    assert _held(analysis) == {("Vítor Pereira", "Wolverhampton Wanderers", "under_pressure", "done")}


def test_the_winners_of_a_game_that_heaps_pressure_on_a_coach_are_not_his_club(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Leeds' win at Burnley heaps pressure on Scott Parker",
        "Leeds won 3-0 at Turf Moor on Saturday.",
    )
    assert _held(analysis) == {("Scott Parker", "Burnley", "under_pressure", "done")}


def test_playing_down_the_link_denies_the_link_told_just_before(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Iraola on Tottenham list",
        "Andoni Iraola is on Tottenham's list of candidates, according to The Athletic. The Spaniard played "
        "down the link after Saturday's win.",
    )
    assert ("Andoni Iraola", "Tottenham Hotspur", "denied", "denied") in _held(analysis)


def test_a_club_that_says_no_talks_took_place_denies_rather_than_refuses(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Brighton latest",
        "Brighton say no talks have taken place with Chelsea over Fabian Hürzeler.",
    )
    assert not any(r.relation.value == "rejected" for r in analysis.rumours)


def test_no_plans_to_replace_a_coach_denies_his_sacking(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Germany news",
        "The DFB has no plans to replace Julian Nagelsmann despite the last-16 exit, Kicker reports.",
    )
    assert _held(analysis) == {("Julian Nagelsmann", "Germany", "denied", "denied")}
    assert "Germany sacking Julian Nagelsmann" in analysis.summary


def test_dismissing_as_completely_false_a_report_is_a_denial_not_a_sacking(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Porto deny report",
        "Porto have dismissed as 'completely false' a report that Francesco Farioli has agreed to join Napoli.",
    )
    assert not any(r.relation.value == "sacked" for r in analysis.rumours)


def test_weighing_whether_to_keep_a_coach_and_more_pressure_are_pressure(analyser: Analyser) -> None:
    keep = _analyse(
        analyser, "Portugal latest", "The federation is weighing up whether to keep Roberto Martínez beyond June."
    )
    assert {(r.manager, r.relation.value) for r in keep.rumours} == {("Roberto Martínez", "under_pressure")}
    more = _analyse(analyser, "Sack race", "Nobody is under more pressure than Thomas Frank at Tottenham Hotspur.")
    assert ("Thomas Frank", "Tottenham Hotspur", "under_pressure") in {
        (r.manager, r.club, r.relation.value) for r in more.rumours
    }


def test_a_managers_name_raised_as_a_successor_is_a_link(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Portugal latest",
        "Portugal need a new coach, and José Mourinho's name has been raised internally as a possible successor.",
    )
    assert ("José Mourinho", "Portugal", "linked") in {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_playing_down_the_significance_of_a_game_denies_nothing(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Arteta: 'It is three points'",
        "Mikel Arteta played down the significance of Sunday's north London derby at the Emirates.",
    )
    assert analysis.rumours == ()


def test_no_intention_of_dismissing_the_coach_denies_a_sacking(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Heidenheim news",
        "Heidenheim have no intention of dismissing Frank Schmidt, chairman Holger Sanwald told Kicker.",
    )
    assert {(r.manager, r.relation.value) for r in analysis.rumours} == {("Frank Schmidt", "denied")}


def test_our_coach_in_a_club_presidents_words_stays_at_his_club_and_an_interview_is_no_talks(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Florentino: 'Xabi will be our coach next season'",
        "Florentino Pérez has moved to end the debate over Xabi Alonso's future. Speaking to Real Madrid TV on "
        "Friday, two days after a semi-final exit against Arsenal, the Real Madrid president said: 'Xabi is our "
        "coach and he will be our coach next season.'",
    )
    assert {(r.manager, r.club, r.relation.value) for r in analysis.rumours} == {
        ("Xabi Alonso", "Real Madrid", "stays")
    }


def test_pressure_after_a_clubs_defeat_is_at_that_club_with_another_name_in_the_sentence(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Odds tumble",
        "Bookmakers make Wilfried Nancy favourite to be the next manager to lose his job after Celtic's defeat "
        "at Ibrox, with Brendan Rodgers tipped for a return.",
    )
    assert ("Wilfried Nancy", "Celtic", "under_pressure") in {
        (r.manager, r.club, r.relation.value) for r in analysis.rumours
    }


def test_never_having_considered_anyone_else_denies_no_named_man(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Belgium name Garcia",
        "The Royal Belgian Football Association has named Rudi Garcia as head coach. Its chief executive said "
        "the federation had 'never seriously considered anyone else' once Domenico Tedesco had left.",
    )
    assert not any(r.relation.value == "denied" for r in analysis.rumours)


def test_the_club_that_won_the_game_that_puts_a_coach_under_pressure_is_not_his_club(analyser: Analyser) -> None:
    for opening in ("Lecce won 3-0 in Turin on Monday", "Lecce piled on the misery with a 3-0 win in Turin"):
        analysis = _analyse(
            analyser, "Torino news", f"{opening}, a result that leaves Marco Baroni fighting for his job."
        )
        assert {(r.manager, r.club, r.relation.value) for r in analysis.rumours} == {
            ("Marco Baroni", "Torino", "under_pressure")
        }, opening


def test_a_coach_playing_down_a_link_with_the_vacant_job_of_a_club_the_knowledge_base_lacks_denies_it(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Askou plays down Danish link",
        "Motherwell head coach Jens Berthel Askou has played down reports linking him with the vacant FCK job.",
    )
    assert {(r.manager, r.club, r.relation.value) for r in analysis.rumours} == {
        ("Jens Berthel Askou", "FCK", "denied")
    }


def test_a_club_rejecting_a_named_papers_report_that_its_coach_could_leave_denies_it(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Fenerbahçe deny Tedesco exit",
        "Fenerbahçe have rejected a Fotomaç report that Domenico Tedesco could leave at the end of the season.",
    )
    assert {(m, c, rel) for m, c, rel, _ in _held(analysis)} == {("Domenico Tedesco", "Fenerbahçe", "denied")}


def test_a_coach_who_says_he_will_not_walk_away_in_quotes_stays(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Rose defiant",
        "Marco Rose has told Kicker he will 'not walk away' from RB Leipzig after three straight defeats.",
    )
    assert {(m, c, rel) for m, c, rel, _ in _held(analysis)} == {("Marco Rose", "RB Leipzig", "stays")}


def test_no_plans_to_change_head_coach_with_no_one_named_denies_the_sacking_of_the_clubs_coach(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Mailbag: are Everton about to sack Moyes?",
        "Short answer: no. People close to the Everton board say there are no plans to change head coach before the "
        "summer.",
    )
    assert ("David Moyes", "Everton", "denied") in {(m, c, rel) for m, c, rel, _ in _held(analysis)}


def test_a_president_with_no_intention_of_changing_coach_denies_the_sacking_of_the_coach_in_post(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Are Fenerbahçe about to sack Tedesco?",
        "Fenerbahçe's president has no intention of changing coach this season.",
    )
    assert ("Domenico Tedesco", "Fenerbahçe", "denied") in {(m, c, rel) for m, c, rel, _ in _held(analysis)}


def test_no_plans_to_replace_the_coach_are_about_the_headlines_coach_of_no_known_club(analyser: Analyser) -> None:
    # (the knowledge base knows no club of his: the headline puts him at the club the denial is about)
    analysis = _analyse(
        analyser,
        "Why Thiago Motta is the right man for Juventus",
        "Sunday's derby defeat brought the usual criticism, but Tuttosport reports that the Juventus board has no "
        "intention of changing coach before the summer.",
    )
    assert ("Thiago Motta", "Juventus", "denied", "denied") in _held(analysis)


def test_full_confidence_in_scare_quotes_is_a_stay(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Sevilla news", "Sevilla have 'full confidence' in Matías Almeyda, the club said.")
    assert any(h[:3] == ("Matías Almeyda", "Sevilla", "stays") for h in _held(analysis))


def test_no_plans_in_scare_quotes_denies_a_sacking(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Unai Emery backed", "Aston Villa have 'no plans' to change head coach, the club said on Monday."
    )
    assert ("Unai Emery", "Aston Villa", "denied", "denied") in _held(analysis)


def test_people_close_to_the_club_saying_he_will_be_head_coach_next_season_is_a_stay(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Arsenal news",
        "People close to the Arsenal board told us on Monday that Mikel Arteta will be head coach next season.",
    )
    assert any(h[:3] == ("Mikel Arteta", "Arsenal", "stays") for h in _held(analysis))


def test_a_board_deciding_its_coach_will_continue_keeps_him_at_his_club(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Is Arroyo's job at risk? Villa decide",
        "Aston Villa's board has decided that Natalia Arroyo will continue as head coach of the women's team until "
        "the end of the season despite Sunday's 4-0 defeat, The Athletic reports.",
    )
    assert any(h[:3] == ("Natalia Arroyo", "Aston Villa Women", "stays") for h in _held(analysis))


def test_a_coach_called_by_his_first_name_in_the_clubs_words_is_the_coach_named_before(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Stoke approach Wigan for Lowe",
        "Stoke City have asked Wigan Athletic for permission to speak to Ryan Lowe. Wigan, however, are "
        "determined to keep him. 'Ryan is our manager and he is going nowhere,' owner Mike Danson told the "
        "Wigan Post.",
    )
    assert ("Ryan Lowe", "Wigan Athletic", "stays", "done") in _held(analysis)


def test_a_first_name_two_coaches_in_the_story_share_names_neither(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Tottenham latest",
        "Tottenham have spoken to Thomas Tuchel about Thomas Frank's job. 'Thomas is our head coach,' a "
        "spokesperson said.",
    )
    assert not any(r.relation.value == "stays" for r in analysis.rumours)


def test_a_radio_station_named_after_a_town_is_not_its_club(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Lee Grant will not be sacked",
        "Huddersfield Town owner Kevin Nagle says head coach Lee Grant will not be sacked. 'Lee is our coach and "
        "he has our full support,' Nagle told BBC Radio Leeds.",
    )
    assert "Leeds United" not in analysis.clubs


def test_a_first_name_that_is_also_a_word_opening_a_sentence_is_that_word(analyser: Analyser) -> None:
    text = "Southampton appointed Will Still in the summer. Will the board stand by him? Ask Ivan Leko. Ivan knows."
    res = resolve(text, fold(text), split_sentences(text), analyser.gazetteer)
    named_at = {text[p.start : p.end] for p in res.people if p.name == "Will Still" and p.end > p.start}
    assert "Will" not in named_at  # the "Will" that asks a question is not him
    assert {text[p.start : p.end] for p in res.people if p.name == "Ivan Leko"} == {"Ivan Leko", "Ivan"}


def test_the_presidents_word_that_he_will_be_coach_this_season_is_a_stay(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Benfica latest",
        "Rui Costa told Record on Sunday that José Mourinho 'will be Benfica's coach this season, there is no "
        "doubt about that'.",
    )
    assert ("José Mourinho", "Benfica", "stays", "done") in _held(analysis)


def test_no_discussion_about_the_coach_denies_a_sacking(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Dortmund latest",
        "Sporting director Sebastian Kehl insisted that there is no discussion about the coach, Niko Kovač, after "
        "Borussia Dortmund's fourth game without a win.",
    )
    assert ("Niko Kovač", "Borussia Dortmund", "denied", "denied") in _held(analysis)


def test_wanting_to_finish_what_he_started_told_to_a_broadcaster_is_a_stay(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "De Zerbi latest",
        "Roberto De Zerbi told Canal+ on Sunday that he wants to 'finish what I started' at Marseille.",
    )
    assert any(r.manager == "Roberto De Zerbi" and r.relation.value == "stays" for r in analysis.rumours)


def test_i_will_be_here_until_the_end_of_my_contract_is_a_stay(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Guardiola latest",
        "Pep Guardiola said: 'I will be here until the end of my contract with Manchester City.'",
    )
    assert any(r.manager == "Pep Guardiola" and r.relation.value == "stays" for r in analysis.rumours)


def test_no_discussion_about_the_coach_denies_a_change_at_the_end_of_a_long_sentence(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Bayern's patience with Vincent Kompany is wearing thin, whatever the club says",
        "Vincent Kompany has won two of his last seven games. Our writer thinks the board should look for a new "
        "coach in the summer, even though chief executive Jan-Christian Dreesen said after Sunday's defeat that "
        "'there is no discussion about the coach'.",
    )
    assert ("Vincent Kompany", "Bayern Munich", "denied", "denied") in _held(analysis)


def test_a_club_not_lining_up_a_replacement_denies_a_sacking_over_the_backing_that_follows(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Told this is wide of the mark",
        "Told the claim doing the rounds is wide of the mark: Brighton are not lining up a replacement for Fabian "
        "Hürzeler. He retains the full backing of the owners.",
    )
    assert ("Fabian Hürzeler", "Brighton & Hove Albion", "denied", "denied") in _held(analysis)


def test_a_club_confirming_that_its_head_coach_will_stay_keeps_him_at_that_club(analyser: Analyser) -> None:
    # (the knowledge base places Brendan Rodgers nowhere; the club that speaks of its head coach is his)
    analysis = _analyse(
        analyser,
        "Rodgers staying put",
        "Al-Qadsiah have confirmed that head coach Brendan Rodgers will stay at Khobar next season, ending talk "
        "of a return to Britain.",
    )
    assert ("Brendan Rodgers", "Al-Qadsiah", "stays", "done") in _held(analysis)


def test_a_federation_saying_its_coach_will_take_the_team_to_a_tournament_keeps_him(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Federation backs its coach",
        "The federation's president said on Monday that Walid Regragui will take Morocco to the Africa Cup of "
        "Nations, whatever the result in Tunis.",
    )
    assert ("Walid Regragui", "Morocco", "stays", "done") in _held(analysis)


def test_a_coach_leading_the_team_into_named_fixtures_is_no_word_on_his_job(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Squad named for the double-header",
        "Julian Nagelsmann will lead Die Mannschaft into World Cup qualifiers against Slovakia and Luxembourg "
        "next month.",
    )
    assert not analysis.rumours
