"""How a story holds a claim, kept in the claim's factuality (and so in its summary): a denial is a
denied move, a hedge inside the cue's own words is kept, a candidate list is only possible."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.analysis.analyser import Analyser
from bot.domain import DEFINITE, Analysis, Article, Factuality


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text))


def _held(analysis: Analysis) -> set[tuple[str, str, str, str]]:
    return {(r.manager, r.club, r.relation.value, r.factuality.value) for r in analysis.rumours}


def test_a_club_denying_contact_holds_the_move_as_denied(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Marseille deny contact with Tudor",
        "Marseille have denied making contact with Igor Tudor over their coaching job.",
    )
    assert _held(analysis) == {("Igor Tudor", "Olympique de Marseille", "denied", "denied")}
    assert all(r.factuality is Factuality.DENIED for r in analysis.rumours)


def test_a_hedge_inside_the_stay_cue_is_kept(analyser: Analyser) -> None:
    expected = _analyse(analyser, "Lazio latest", "Maurizio Sarri is expected to stay at Lazio next season.")
    assert _held(expected) == {("Maurizio Sarri", "Lazio", "stays", "expected")}
    assert "expected to stay" in expected.summary
    possible = _analyse(analyser, "Lazio latest", "Maurizio Sarri would stay at Lazio if the club backs him.")
    assert {r.factuality for r in possible.rumours} == {Factuality.POSSIBLE}
    decided = _analyse(analyser, "Lazio latest", "Maurizio Sarri has decided to stay at Lazio.")
    assert _held(decided) == {("Maurizio Sarri", "Lazio", "stays", "done")}


def test_a_name_on_a_list_of_candidates_is_a_possibility(analyser: Analyser) -> None:
    listed = _analyse(
        analyser,
        "Celtic draw up shortlist",
        "Wilfried Nancy and Kieran McKenna are on Celtic's shortlist to replace Brendan Rodgers.",
    )
    assert {(r.manager, r.factuality) for r in listed.rumours if r.club == "Celtic"} == {
        ("Wilfried Nancy", Factuality.POSSIBLE),
        ("Kieran McKenna", Factuality.POSSIBLE),
    }
    framed = _analyse(analyser, "Derby latest", "Derby County are considering Dave Challinor for the job.")
    assert _held(framed) == {("Dave Challinor", "Derby County", "linked", "possible")}
    # one name, stated as the club's settled choice, is the story's fact
    favourite = _analyse(
        analyser, "Leicester latest", "Ruud van Nistelrooy is the favourite to become Leicester City manager."
    )
    assert _held(favourite) == {("Ruud van Nistelrooy", "Leicester City", "linked", "done")}


def test_lens_is_the_club_when_written_as_a_name_and_a_word_when_not(analyser: Analyser) -> None:
    club = _analyse(analyser, "Lens sack Pierre Sage", "Lens have sacked head coach Pierre Sage.")
    assert _held(club) == {("Pierre Sage", "RC Lens", "sacked", "done")}
    word = _analyse(analyser, "Camera crews", "A long lens caught Pierre Sage and his staff at training.")
    assert "RC Lens" not in word.clubs


def test_an_anniversary_headline_looks_back_and_states_nothing_new(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Ten years on: the night Chelsea sacked José Mourinho",
        "Former players remember the dressing room of that winter, and what came after.",
    )
    assert not analysis.rumours
    assert not analysis.is_manager_rumour


def test_a_defeat_that_leaves_them_points_behind_is_a_table_not_an_exit(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Is Rohl's time up at Rangers?",
        "Saturday's home defeat by Hibs was Rangers' fourth in six league games and leaves them 12 points "
        "behind Celtic, eight months after Danny Röhl took charge.",
    )
    assert _held(analysis) == {("Danny Röhl", "Rangers", "under_pressure", "question")}


def test_taking_charge_for_the_first_time_at_a_match_is_no_new_appointment(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Burnley name Parker's successor",
        "Burnley have appointed Mark Robins as manager, the club announced on Tuesday. Robins, 56, has spent "
        "two seasons as assistant manager at Coventry City and takes charge for the first time at Saturday's "
        "trip to Derby.",
    )
    assert _held(analysis) == {("Mark Robins", "Burnley", "appointed", "done")}


def test_an_agreement_to_extend_the_contract_is_an_extension(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Stuttgart tie down Hoeness",
        "VfB Stuttgart and Sebastian Hoeneß have reached an agreement to extend the contract of the head coach "
        "until 2029.",
    )
    assert _held(analysis) == {("Sebastian Hoeneß", "VfB Stuttgart", "extension", "done")}


def test_an_appointment_told_in_a_season_gone_is_background_and_his_future_names_his_club(
    analyser: Analyser,
) -> None:
    published = datetime(2026, 5, 20, 9, 0, tzinfo=UTC)
    analysis = analyser.analyse(
        Article(
            title="Who next at Everton?",
            text="Everton are looking for a new head coach. Elsewhere, Gareth Taylor's future at Liverpool is "
            "in doubt. The former Manchester City manager took over in the autumn, but a poor finish has left "
            "him under scrutiny.",
            published=published,
        )
    )
    taylor = {(r.club, r.relation.value) for r in analysis.rumours if r.manager == "Gareth Taylor"}
    assert taylor == {("Liverpool", "under_pressure")}


def test_a_round_up_paragraph_opening_with_a_country_and_a_colon_is_about_that_country(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "After the Euros: the international benches",
        "Poland: Michał Probierz has left his post, the federation announced. The federation has already held "
        "talks with Jan Urban.\n\n"
        "Austria: The succession was planned long ago. His assistant Peter Stöger has taken over, the "
        "federation confirmed on Monday.",
    )
    stoger = {(r.club, r.relation.value) for r in analysis.rumours if r.manager == "Peter Stöger"}
    urban = {(r.club, r.relation.value) for r in analysis.rumours if r.manager == "Jan Urban"}
    assert stoger == {("Austria", "appointed")}
    assert ("Austria", "linked") not in urban


def test_a_relative_clause_telling_his_career_holds_no_appointment(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Brazil want Abel",
        "Abel Ferreira, who made his name at Braga before taking over at Palmeiras, is the federation's first choice.",
    )
    assert not {r for r in analysis.rumours if r.relation.value == "appointed"}


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Mainz news", "Mainz have extended head coach Bo Henriksen's contract until June 2029, the club said."),
        ("Henriksen commits", "The contract of head coach Bo Henriksen has been extended until 2029, Mainz said."),
        ("Mainz tie Henriksen down until 2029", ""),
    ],
)
def test_an_extension_told_with_the_name_inside_or_in_the_passive(analyser: Analyser, title: str, text: str) -> None:
    analysis = _analyse(analyser, title, text)
    assert ("Bo Henriksen", "extension") in {(r.manager, r.relation.value) for r in analysis.rumours}


def test_a_headline_stay_gives_way_to_the_bodys_denial_of_a_sacking(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Stoke stand by Robins after cup exit",
        "Stoke City have no intention of sacking Mark Robins after Saturday's FA Cup defeat, the Sentinel understands.",
    )
    assert _held(analysis) == {("Mark Robins", "Stoke City", "denied", "denied")}


def test_a_club_reluctant_to_let_him_go_sacks_no_one(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Betis ask about Imanol",
        "Real Betis have asked about Imanol Alguacil. Al-Shabab are reluctant to let him go after one season.",
    )
    assert not {r for r in analysis.rumours if r.club == "Al-Shabab" and r.what.value == "sacked"}


def test_saying_he_will_not_continue_when_his_contract_ends_is_his_departure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Pellegrini's last game",
        "Manuel Pellegrini announced last month that he would not continue when his contract with Real Betis "
        "ends in June.",
    )
    assert ("Manuel Pellegrini", "Real Betis", "left", "done") in _held(analysis)


def test_taking_charge_for_the_last_time_is_a_farewell_not_an_appointment(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Emery's last game",
        "Unai Emery will take charge of Aston Villa at Villa Park for the last time on Sunday.",
    )
    assert not {r for r in analysis.rumours if r.what.value == "appointed"}


def test_a_list_with_a_name_of_club_apposition_gives_each_the_claim_and_his_own_club(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Palace rebuffed",
            text="Stuttgart's Sebastian Hoeneß, Pierre Sage of Lens and Feyenoord's Robin van Persie all turned "
            "down approaches from Crystal Palace this week.",
            published=datetime(2026, 3, 20, 9, 0, tzinfo=UTC),
        )
    )
    assert {(r.manager, r.club, r.relation.value) for r in analysis.rumours} >= {
        ("Sebastian Hoeneß", "Crystal Palace", "rejected"),
        ("Pierre Sage", "Crystal Palace", "rejected"),
        ("Robin van Persie", "Crystal Palace", "rejected"),
    }
    assert not {r for r in analysis.rumours if r.manager == "Robin van Persie" and r.club == "RC Lens"}


def test_talks_over_an_extension_across_a_parenthesis_are_talks(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Hammers talk new deal",
        "West Ham are in talks with Graham Potter - who has a year left - over a contract extension.",
    )
    assert ("Graham Potter", "West Ham United", "talks") in {
        (r.manager, r.club, r.relation.value) for r in analysis.rumours
    }
    assert not {r for r in analysis.rumours if r.relation.value == "extension"}


def test_a_director_taking_charge_of_squad_planning_is_no_coachs_appointment(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Hoffenheim appoint Rosen as managing director",
            text="Hoffenheim have named Alexander Rosen as managing director for football, succeeding Frank "
            "Briel, who left the club by mutual agreement in October. The 46-year-old will work closely with "
            "head coach Christian Ilzer and take charge of squad planning.",
            published=datetime(2026, 12, 2, 9, 0, tzinfo=UTC),
        )
    )
    assert not analysis.rumours


def test_a_return_to_his_country_links_him_to_no_club_and_not_to_the_club_that_sacked_him(
    analyser: Analyser,
) -> None:
    analysis = analyser.analyse(
        Article(
            title="Anderlecht contact Still",
            text="Anderlecht have made contact with Will Still. The 33-year-old has been without a club since "
            "Southampton dismissed him in November and is understood to be keen on a return to Belgium.",
            published=datetime(2026, 5, 20, 9, 0, tzinfo=UTC),
        )
    )
    assert {(r.club, r.relation.value) for r in analysis.rumours if r.manager == "Will Still"} == {
        ("Anderlecht", "talks")
    }


def test_the_interim_a_club_seeks_a_successor_to_is_not_in_talks(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "United make contact",
        "Manchester United have made contact with his agent as part of their search for a permanent "
        "successor to interim head coach Michael Carrick.",
    )
    assert not {r for r in analysis.rumours if r.manager == "Michael Carrick" and r.relation.value == "talks"}


def test_a_sentence_opening_at_a_club_turns_the_story_to_it(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Glasner to leave Palace",
        "Manchester United are searching for a permanent successor to Ruben Amorim.\n\n"
        "At Selhurst Park, chairman Steve Parish is expected to move quickly. Ipswich Town manager Kieran "
        "McKenna is among those under consideration.",
    )
    mckenna = {(r.club, r.relation.value) for r in analysis.rumours if r.manager == "Kieran McKenna"}
    assert mckenna == {("Crystal Palace", "linked")}


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Sarri set for Lazio stay despite Napoli interest", ""),
        ("Sarri latest", "Maurizio Sarri is expected to stay at Lazio despite interest from Napoli."),
        ("Sarri: I will not leave Lazio for Napoli", "Maurizio Sarri has told Lazio he will not leave for Napoli."),
    ],
)
def test_a_stay_binds_to_his_club_and_not_to_the_club_he_does_not_go_to(
    analyser: Analyser, title: str, text: str
) -> None:
    analysis = _analyse(analyser, title, text)
    assert {(r.club, r.relation.value) for r in analysis.rumours if r.relation.value == "stays"} == {("Lazio", "stays")}


def test_an_exit_a_club_confirmed_that_he_had_made_is_news_not_background(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Ilzer leaves for Austria",
        "Christian Ilzer has been appointed head coach of Austria. Hoffenheim confirmed hours later that Ilzer "
        "had left the Bundesliga club.",
    )
    assert ("Christian Ilzer", "TSG Hoffenheim", "left", "done") in _held(analysis)


def test_a_club_weighing_whether_to_continue_with_him_puts_him_under_pressure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Gladbach think it over",
        "Borussia Mönchengladbach are weighing whether to continue with Gerardo Seoane beyond the summer.",
    )
    assert _held(analysis) == {("Gerardo Seoane", "Borussia Mönchengladbach", "under_pressure", "possible")}


def test_the_top_of_the_list_to_take_over_is_a_candidacy_not_an_expected_appointment(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Rennes sack coach",
        "Stade Rennais have sacked Habib Beye. Will Still is at the top of the list to take over, according to "
        "L'Équipe.",
    )
    still = {(r.club, r.relation.value) for r in analysis.rumours if r.manager == "Will Still"}
    assert still == {("Stade Rennais", "linked")}


def test_the_selecao_is_the_country_the_story_is_about(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "FPF draw up list",
        "Vítor Pereira is on the Portuguese Football Federation's list to succeed Roberto Martínez if the "
        "Spaniard leaves the Seleção after the World Cup.",
    )
    assert "Brazil" not in {r.club for r in analysis.rumours}
    assert ("Roberto Martínez", "Portugal") in {(r.manager, r.club) for r in analysis.rumours}


def test_once_the_incumbent_steps_down_is_his_announced_exit_from_the_job_the_sentence_fills(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Nagelsmann's successor lined up",
        "Jürgen Klopp is expected to be named Germany head coach once Julian Nagelsmann steps down at the end "
        "of the World Cup, Kicker reports.",
    )
    [exit_] = [r for r in analysis.rumours if r.manager == "Julian Nagelsmann"]
    assert (exit_.club, exit_.relation.value, exit_.later) == ("Germany", "left", True)
    assert "Julian Nagelsmann will leave Germany" in analysis.summary
    assert "has left" not in analysis.summary


def test_an_exit_that_has_happened_is_not_told_as_to_come_by_a_date_behind_it(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Southgate leaves England",
        "Gareth Southgate has left his post as England manager by mutual agreement, the FA announced on "
        "Tuesday, two days after the Euro final defeat by Spain.",
    )
    [exit_] = [r for r in analysis.rumours if r.manager == "Gareth Southgate"]
    assert (exit_.relation.value, exit_.later) == ("left", False)
    assert "has left England" in analysis.summary


def test_a_departure_the_club_confirmed_in_the_next_sentence_is_announced(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Hoeness to leave Stuttgart",
        "Sebastian Hoeneß will leave VfB Stuttgart at the end of the season. The 43-year-old, who took charge "
        "in April 2021 when the club were near the bottom of the Bundesliga, told his players on Monday, and "
        "the club confirmed the decision in a statement shortly afterwards.",
    )
    [exit_] = [r for r in analysis.rumours if r.manager == "Sebastian Hoeneß"]
    assert (exit_.relation.value, exit_.factuality.value, exit_.later) == ("left", "done", True)


def test_a_possible_exit_for_another_club_is_not_pressure_at_the_club_he_would_join(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Plan B",
        "The paper reports that the board would make the Mainz head coach their first choice if Steve Cooper "
        "leaves for Celtic.",
    )
    assert not {r for r in analysis.rumours if r.manager == "Steve Cooper" and r.club == "Celtic"}


def test_a_demonym_the_knowledge_base_knows_is_the_manager_not_a_player(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Inter move on new deal",
        "Doubts have grown over Cristian Chivu's future. Inter have now opened talks with the Romanian over a "
        "new contract.",
    )
    assert ("Cristian Chivu", "Inter Milan", "talks") in {
        (r.manager, r.club, r.relation.value) for r in analysis.rumours
    }


def test_asking_a_club_about_the_situation_of_its_coach_is_an_approach(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Sevilla look to Saudi Arabia",
        "According to ABC, Sevilla have asked Al-Ittihad about the situation of Sérgio Conceição.",
    )
    conceicao = {(r.club, r.relation.value) for r in analysis.rumours if r.manager == "Sérgio Conceição"}
    assert conceicao == {("Sevilla", "talks")}


def test_the_club_a_headline_loss_was_against_is_the_opponent_when_the_story_says_so(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Glasner brushes off sack talk after Fulham loss",
        "Oliver Glasner says he will not waste energy on speculation about his future after Crystal Palace were "
        "beaten 2-0 at home by Fulham.",
    )
    assert "Fulham" not in {r.club for r in analysis.rumours}
    assert ("Oliver Glasner", "Crystal Palace", "under_pressure") in {
        (r.manager, r.club, r.relation.value) for r in analysis.rumours
    }


def test_sacking_a_manager_as_the_subject_of_an_opinion_is_no_sacking(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(title="Keep calm: sacking Mikel Arteta now would be a panic move", text="Our columnist disagrees.")
    )
    assert not any(r.relation.value == "sacked" for r in analysis.rumours)


def test_a_coach_who_has_earned_a_new_contract_has_not_signed_one(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(title="Chelsea should act: Sonia Bompastor has earned a new contract", text="Opinion.")
    )
    assert not any(r.relation.value == "extension" for r in analysis.rumours)


def test_leaving_as_the_subject_of_a_sentence_is_no_exit(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Next manager to leave: the market",
            text="3. Oliver Glasner (Crystal Palace), 7/2. Glasner's contract expires in June. He is in the market "
            "because leaving counts, whatever the reason.",
        )
    )
    assert not any(r.relation.value == "left" for r in analysis.rumours)


def test_a_name_in_a_sack_race_column_written_with_a_hyphen_is_pressure_not_a_sacking(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Winners",
            text="Eddie Howe. In the autumn Howe's name turned up in every sack-race column at Newcastle United.",
        )
    )
    assert not any(r.relation.value == "sacked" for r in analysis.rumours)


def test_a_condition_on_the_man_a_club_would_replace_makes_his_exit_possible(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Brighton plan ahead",
        "Brighton have identified Kieran McKenna as the man to replace Fabian Hürzeler should he leave this summer.",
    )
    held = _held(analysis)
    assert ("Fabian Hürzeler", "Brighton & Hove Albion", "under_pressure", "possible") in held
    assert any(h[:3] == ("Kieran McKenna", "Brighton & Hove Albion", "linked") for h in held)


def test_a_pundits_bidding_to_sack_a_manager_is_no_sacking(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Pundits split on Moyes",
            text="Gary Neville says Everton should sack David Moyes. Jamie Carragher disagreed. 'Sack him and "
            "bring in who? He saved them once and he'll do it again,' the former Liverpool defender said.",
        )
    )
    assert not any(r.relation.value in ("sacked", "under_pressure") for r in analysis.rumours)


@pytest.mark.parametrize(
    "text",
    [
        "Eddie Howe won't be sacked, Newcastle United said on Monday.",
        "Newcastle United haven't sacked Eddie Howe, whatever the rumours say.",
        "Eddie Howe hasn't signed a new contract with Newcastle United.",
        "Newcastle United won't let Eddie Howe leave.",
        "Eddie Howe didn't resign after the defeat.",
    ],
)
def test_a_contracted_negative_denies_the_event_it_stands_before(analyser: Analyser, text: str) -> None:
    # ("won't", "haven't", "hasn't": the "n't" stands inside its word, where a word boundary is not)
    analysis = analyser.analyse(Article(title="Newcastle news", text=text))
    assert not [r for r in analysis.rumours if r.relation in DEFINITE]


def test_a_manager_who_doesnt_think_about_the_sack_speaks_of_it(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(title="Howe: 'I don't think about the sack'", text="'I don't think about the sack,' Eddie Howe said.")
    )
    assert {(r.relation.value, r.factuality.value) for r in analysis.rumours} <= {("under_pressure", "reported")}


def test_an_exit_whenever_it_comes_is_a_condition_not_a_departure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Atletico news",
        "Atlético Madrid see Filipe Luís as a possible successor to Diego Simeone whenever the Argentine steps "
        "aside, Marca understands.",
    )
    held = {(manager, club, relation) for manager, club, relation, _ in _held(analysis)}
    assert ("Diego Simeone", "Atlético Madrid", "left") not in held
    assert ("Filipe Luís", "Atlético Madrid", "linked") in held


def test_the_next_dismissal_is_one_to_come(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "The manager's job in numbers",
        "The bookmakers already have a favourite for the next dismissal: Tottenham's Thomas Frank is now odds-on "
        "to be the next Premier League manager to go.",
    )
    assert _held(analysis) == {("Thomas Frank", "Tottenham Hotspur", "under_pressure", "possible")}


def test_a_count_of_managers_sacked_is_no_one_named_before_it(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "The manager's job in numbers",
        "Rob Edwards took over at Wolves in November. Three were sacked within a week of an international break.",
    )
    assert not any(relation == "sacked" and manager == "Rob Edwards" for manager, _, relation, _ in _held(analysis))
    staff = _analyse(analyser, "Wolves news", "Wolves have sacked Rob Edwards. Three of his staff also left.")
    assert ("Rob Edwards", "Wolverhampton Wanderers", "sacked", "done") in _held(staff)


def test_a_coach_who_isnt_leaving_stays_and_one_whose_future_is_far_from_certain_is_under_pressure(
    analyser: Analyser,
) -> None:
    staying = _analyse(analyser, "Benfica", "Benfica president Rui Costa insists José Mourinho isn't going anywhere.")
    assert ("José Mourinho", "Benfica", "stays", "done") in _held(staying)
    own_words = _analyse(
        analyser, "Romeu: 'I'm not leaving'", "Barcelona Femení coach Pere Romeu says he isn't leaving the club."
    )
    assert ("Pere Romeu", "Barcelona Women", "stays", "reported") in _held(own_words)
    doubtful = _analyse(
        analyser,
        "Wilder's future far from certain after fifth straight defeat",
        "Chris Wilder's future as Sheffield United manager is far from certain after Saturday's 3-0 home defeat.",
    )
    assert ("Chris Wilder", "Sheffield United", "under_pressure", "done") in _held(doubtful)
