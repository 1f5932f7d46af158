"""Rules a careful reader of football news applies to any story, each shown on new sentences.

Every case pairs a sentence the rule must handle with one it must leave alone. None of the texts
comes from a labelled story set.
"""

from __future__ import annotations

import pytest

from bot.analysis.analyser import Analyser
from bot.domain import Analysis, Article

Pair = tuple[str, str, str]


def _analyse(analyser: Analyser, title: str, text: str) -> Analysis:
    return analyser.analyse(Article(title=title, text=text))


def _pairs(analyser: Analyser, title: str, text: str) -> set[Pair]:
    return {(r.manager, r.club, r.relation.value) for r in _analyse(analyser, title, text).rumours}


def _check(analyser: Analyser, title: str, text: str, want: set[Pair], never: set[Pair]) -> None:
    got = _pairs(analyser, title, text)
    assert want <= got, f"missing {want - got} in {got}"
    assert not (never & got), f"unexpected {never & got}"


# -- coaches the knowledge base does not list -------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text", "name"),
    [
        (
            "Kendal Town name new manager",
            "Kendal Town have appointed Rory McAllister as their new manager after a month-long search.",
            "Rory McAllister",
        ),
        (
            "Kendal Town name new manager",
            "Kendal Town have appointed Declan O'Rourke as their new manager after a month-long search.",
            "Declan O'Rourke",
        ),
        (
            "Poland under-21 coach quits",
            "Łukasz Wróbel has resigned as head coach of Poland after the defeat in Oslo.",
            "Łukasz Wróbel",
        ),
        (
            "Kendal Town caretaker named",
            "First-team coach Jamie Sloan-Clarke will take caretaker charge of Kendal Town on Saturday.",
            "Jamie Sloan-Clarke",
        ),
    ],
)
def test_unknown_coach_names_with_mc_apostrophe_accents_or_hyphen_are_read_whole(
    analyser: Analyser, title: str, text: str, name: str
) -> None:
    analysis = _analyse(analyser, title, text)
    assert name in analysis.managers
    assert "Steve Clarke" not in analysis.managers


def test_a_capitalised_prefix_word_is_not_half_of_a_double_barrelled_manager(analyser: Analyser) -> None:
    got = _pairs(
        analyser, "Villa stand firm", "Pro-Emery banners filled Villa Park as Aston Villa said Emery will stay."
    )
    assert ("Unai Emery", "Aston Villa", "stays") in got


def test_relative_clause_between_an_unknown_coach_and_his_verb(analyser: Analyser) -> None:
    _check(
        analyser,
        "Kendal Town make a change",
        "Harriet Venn, who had led Kendal Town to two promotions as manager, was sacked on Monday.",
        {("Harriet Venn", "Kendal Town", "sacked")},
        set(),
    )
    player = _analyse(
        analyser, "Kendal Town draw", "Harriet Venn, who scored twice for Kendal Town, was booked on Monday."
    )
    assert not player.is_manager_rumour


def test_unknown_coach_taking_or_holding_interim_charge(analyser: Analyser) -> None:
    _check(
        analyser,
        "Kendal Town part ways with manager",
        "Kendal Town have sacked manager Harriet Venn.\n\nTom Birtles has been in caretaker charge since Tuesday.",
        {("Tom Birtles", "Kendal Town", "appointed")},
        set(),
    )
    assert not _analyse(analyser, "Fan day", "Tom Birtles took charge of the barbecue at the fan day.").managers


# -- relation wording --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text", "want", "never"),
    [
        (  # the heat of a bad run
            "Emery feeling the heat",
            "Aston Villa boss Unai Emery is feeling the heat after a third straight defeat.",
            ("Unai Emery", "Aston Villa", "under_pressure"),
            None,
        ),
        (  # "paid the price" is a sacking
            "Cherries act after slump",
            "Andoni Iraola has paid the price for AFC Bournemouth's slump.",
            ("Andoni Iraola", "AFC Bournemouth", "sacked"),
            None,
        ),
        (  # "let him go" is the club's decision
            "Conceição let go",
            "Porto have let Sérgio Conceição go after a run of five defeats.",
            ("Sérgio Conceição", "Porto", "sacked"),
            None,
        ),
        (
            "Leeds statement",
            "Daniel Farke remains the club's head coach, Leeds United said on Friday.",
            ("Daniel Farke", "Leeds United", "stays"),
            None,
        ),
        (  # "turned the job down" with words between the verb and "down"
            "Iraola says no",
            "Andoni Iraola has turned the Chelsea job down.",
            ("Andoni Iraola", "Chelsea", "rejected"),
            None,
        ),
        (
            "O'Neill back",
            "Martin O'Neill has returned to Celtic on an interim basis after the manager resigned.",
            ("Martin O'Neill", "Celtic", "appointed"),
            None,
        ),
        (
            "Chelsea search",
            "Kieran McKenna is among the contenders for the Chelsea job.",
            ("Kieran McKenna", "Chelsea", "linked"),
            None,
        ),
        (
            "Chelsea shortlist",
            "Kieran McKenna is under consideration for the vacant post at Chelsea.",
            ("Kieran McKenna", "Chelsea", "linked"),
            None,
        ),
        (
            "Palace list",
            "AFC Bournemouth's Andoni Iraola has also been discussed at Crystal Palace.",
            ("Andoni Iraola", "Crystal Palace", "linked"),
            ("Andoni Iraola", "AFC Bournemouth", "linked"),
        ),
        (
            "Arteta deal",
            "Arsenal extend Mikel Arteta's contract until 2029.",
            ("Mikel Arteta", "Arsenal", "extension"),
            None,
        ),
        (  # an agreement on a new deal at his own club is an extension, not a move
            "Arteta agreement",
            "Arsenal and Mikel Arteta have reached full agreement on an extension until 2029.",
            ("Mikel Arteta", "Arsenal", "extension"),
            ("Mikel Arteta", "Arsenal", "agreed"),
        ),
    ],
)
def test_relation_wording(analyser: Analyser, title: str, text: str, want: Pair | None, never: Pair | None) -> None:
    _check(analyser, title, text, {want} if want else set(), {never} if never else set())


@pytest.mark.parametrize(
    ("handled", "want", "never", "alone", "kept"),
    [
        (  # betting odds on a sacking are pressure, not a sacking
            "Unai Emery is 8/1 to be sacked by Aston Villa before Christmas.",
            ("Unai Emery", "Aston Villa", "under_pressure"),
            ("Unai Emery", "Aston Villa", "sacked"),
            "Unai Emery has been sacked by Aston Villa.",
            ("Unai Emery", "Aston Villa", "sacked"),
        ),
        (  # a bookmakers' favourite is not installed in a job
            "Aston Villa boss Unai Emery has been installed as the bookies' favourite to be the next "
            "Premier League manager shown the door.",
            ("Unai Emery", "Aston Villa", "under_pressure"),
            ("Unai Emery", "Aston Villa", "appointed"),
            "Unai Emery has been installed as Aston Villa's new head coach.",
            ("Unai Emery", "Aston Villa", "appointed"),
        ),
        (  # an offer of an interim job is an offer, not the appointment
            "Manchester United have offered the interim head coach job to Michael Carrick.",
            ("Michael Carrick", "Manchester United", "offer"),
            ("Michael Carrick", "Manchester United", "appointed"),
            "Michael Carrick has been appointed interim head coach of Manchester United.",
            ("Michael Carrick", "Manchester United", "appointed"),
        ),
        (  # a result that "left" a side somewhere in the table is no departure
            "Nuno Espírito Santo's job is in danger after the defeat left West Ham United 18th.",
            None,
            ("Nuno Espírito Santo", "West Ham United", "left"),
            "Nuno Espírito Santo left West Ham United by mutual consent on Sunday.",
            ("Nuno Espírito Santo", "West Ham United", "left"),
        ),
        (  # a manager who "paid the price" lost his job; "we paid the price" is match talk
            '"We paid the price for our finishing," said AFC Bournemouth boss Andoni Iraola.',
            None,
            ("Andoni Iraola", "AFC Bournemouth", "sacked"),
            "Andoni Iraola paid the price for AFC Bournemouth's slump on Monday.",
            ("Andoni Iraola", "AFC Bournemouth", "sacked"),
        ),
        (  # a club unwilling to let its coach leave is no departure
            "Como have no intention of letting Cesc Fàbregas leave for Inter Milan.",
            None,
            ("Cesc Fàbregas", "Inter Milan", "left"),
            "Cesc Fàbregas has left Como by mutual consent.",
            ("Cesc Fàbregas", "Como", "left"),
        ),
    ],
)
def test_wording_that_reads_like_a_relation_but_is_another(
    analyser: Analyser, handled: str, want: Pair | None, never: Pair, alone: str, kept: Pair
) -> None:
    _check(analyser, "Latest", handled, {want} if want else set(), {never})
    assert kept in _pairs(analyser, "Latest", alone)


def test_an_award_named_after_the_manager_job_is_not_an_appointment(analyser: Analyser) -> None:
    award = _analyse(
        analyser, "Award", "Hearts boss Derek McInnes has been named the Premiership Manager of the Month for October."
    )
    assert not award.is_manager_rumour
    job = _pairs(analyser, "Hearts act", "Derek McInnes has been named the new manager of Hearts.")
    assert ("Derek McInnes", "Heart of Midlothian", "appointed") in job


def test_sack_race_wording_in_a_match_headline_still_makes_a_job_story(analyser: Analyser) -> None:
    _check(
        analyser,
        "Villa patience wearing thin after derby thrashing",
        "Unai Emery is feeling the heat after Aston Villa were thrashed by Birmingham City.",
        {("Unai Emery", "Aston Villa", "under_pressure")},
        set(),
    )
    match = _analyse(analyser, "Villa thrashing", "Aston Villa were thrashed by Birmingham City on Saturday.")
    assert not match.is_manager_rumour


def test_his_position_and_the_gaffer_refer_back_to_the_manager(analyser: Analyser) -> None:
    _check(
        analyser,
        "Sack race",
        "Leeds chief Daniel Farke is next in the betting. The Elland Road board will review his position.",
        {("Daniel Farke", "Leeds United", "under_pressure")},
        set(),
    )
    _check(
        analyser,
        "Hammers in trouble",
        "Nuno Espírito Santo's West Ham lost again on Saturday.\n\nThe West Ham gaffer could lose his job this week.",
        {("Nuno Espírito Santo", "West Ham United", "under_pressure")},
        set(),
    )


# -- who a cue is about --------------------------------------------------------------------


def test_a_comma_spliced_clause_keeps_each_sacking_with_its_own_subject(analyser: Analyser) -> None:
    _check(
        analyser,
        "Casualties so far",
        "Ange Postecoglou lasted 39 days at Nottingham Forest before being sacked, Vítor Pereira was "
        "dismissed by Wolverhampton Wanderers on Sunday.",
        {
            ("Ange Postecoglou", "Nottingham Forest", "sacked"),
            ("Vítor Pereira", "Wolverhampton Wanderers", "sacked"),
        },
        {("Vítor Pereira", "Nottingham Forest", "sacked")},
    )


def test_a_name_in_a_modifying_phrase_is_not_the_subject_of_the_verb(analyser: Analyser) -> None:
    _check(
        analyser,
        "Ajax choice",
        "John Heitinga, once an assistant to Arne Slot at Liverpool, has been appointed by Ajax.",
        {("John Heitinga", "Ajax", "appointed")},
        {("Arne Slot", "Liverpool", "appointed")},
    )


def test_an_outgoing_manager_owns_the_exit_word_right_after_his_name(analyser: Analyser) -> None:
    _check(
        analyser,
        "Rosenior to Chelsea, here we go",
        "Chelsea have agreed a deal with Liam Rosenior, four days after Enzo Maresca's departure from Chelsea.",
        {("Enzo Maresca", "Chelsea", "left"), ("Liam Rosenior", "Chelsea", "agreed")},
        {("Liam Rosenior", "Chelsea", "left")},
    )
    _check(
        analyser,
        "Atalanta change",
        "Ivan Jurić, brought in to replace Gian Piero Gasperini, was dismissed by Atalanta on Monday.",
        {("Ivan Jurić", "Atalanta", "sacked")},
        {("Gian Piero Gasperini", "Atalanta", "sacked")},
    )
    _check(
        analyser,
        "United latest",
        "Ruud van Nistelrooy has been in caretaker charge since Erik ten Hag's dismissal at Manchester United.",
        {("Ruud van Nistelrooy", "Manchester United", "appointed"), ("Erik ten Hag", "Manchester United", "sacked")},
        {("Erik ten Hag", "Manchester United", "appointed")},
    )


def test_a_manager_described_as_someones_assistant_is_not_that_persons_rumour(analyser: Analyser) -> None:
    got = _pairs(
        analyser,
        "City look ahead",
        "Enzo Maresca, who worked as Pep Guardiola's assistant, is seen as a potential successor at Manchester City.",
    )
    assert ("Enzo Maresca", "Manchester City", "linked") in got
    assert not any(manager == "Pep Guardiola" for manager, _, _ in got)


# -- which club a cue binds -------------------------------------------------------------------


def test_the_vacancy_a_sacking_opened_is_the_club_of_later_candidates(analyser: Analyser) -> None:
    _check(
        analyser,
        "Italy's search goes on",
        "Italy's search for a new coach goes on.\n\nClaudio Ranieri, an adviser to AS Roma, turned it down. "
        "The vacancy arose when Luciano Spalletti was sacked last week. Gennaro Gattuso is now the frontrunner.",
        {("Luciano Spalletti", "Italy", "sacked"), ("Gennaro Gattuso", "Italy", "linked")},
        {("Luciano Spalletti", "AS Roma", "sacked"), ("Gennaro Gattuso", "AS Roma", "linked")},
    )


def test_a_background_sacking_does_not_open_the_job_candidates_are_linked_with(analyser: Analyser) -> None:
    _check(
        analyser,
        "Juventus search",
        "Juventus have sacked Igor Tudor and are looking for a successor.\n\nLuciano Spalletti has been out of "
        "work since he was dismissed by Italy. Raffaele Palladino is also a candidate.",
        {("Raffaele Palladino", "Juventus", "linked")},
        {("Raffaele Palladino", "Italy", "linked")},
    )


def test_an_exit_with_no_club_beside_it_belongs_to_the_headline_club(analyser: Analyser) -> None:
    _check(
        analyser,
        "Fenerbahçe weigh up new coach",
        "José Mourinho was sacked on Friday, two days after Fenerbahçe's defeat by Benfica.",
        {("José Mourinho", "Fenerbahçe", "sacked")},
        {("José Mourinho", "Benfica", "sacked")},
    )
    # Staying put, in a story about the club he is linked with, is not staying at that club.
    _check(
        analyser,
        "Hibernian weigh up options",
        "Derek McInnes says he will stay, despite talk linking him with Hibernian.",
        set(),
        {("Derek McInnes", "Hibernian", "stays")},
    )


def test_the_job_and_the_club_mean_the_club_the_story_is_about(analyser: Analyser) -> None:
    _check(
        analyser,
        "Why Rangers keep getting it wrong",
        "Rangers met Steven Gerrard last week.\n\nSky Sports News reported that Gerrard has turned the job down.",
        {("Steven Gerrard", "Rangers", "rejected")},
        set(),
    )
    _check(
        analyser,
        "Chelsea move fast",
        "Chelsea are closing in on a new head coach.\n\nEnzo Maresca left the club on New Year's Day, and "
        "Strasbourg's Liam Rosenior is the favourite.",
        {("Enzo Maresca", "Chelsea", "left")},
        {("Enzo Maresca", "RC Strasbourg", "left")},
    )


def test_an_interim_coach_takes_the_job_a_sacking_in_the_same_sentence_opened(analyser: Analyser) -> None:
    _check(
        analyser,
        "Liverpool appoint Gareth Taylor",
        "Gareth Taylor was dismissed by Manchester City in March.\n\nMatt Beard was sacked by Liverpool in "
        "February, and Amber Whiteley took interim charge for the remaining fixtures.",
        {("Amber Whiteley", "Liverpool", "appointed")},
        {("Amber Whiteley", "Manchester City", "appointed")},
    )


def test_searching_for_a_new_coach_names_the_job_an_exit_left_open(analyser: Analyser) -> None:
    _check(
        analyser,
        "Columbus Crew in talks",
        "The Columbus Crew have been searching for a new coach since Wilfried Nancy left earlier this month, "
        "when Celtic appointed him.",
        {("Wilfried Nancy", "Columbus Crew", "left")},
        set(),
    )


def test_a_club_a_manager_just_left_is_not_where_he_is_linked(analyser: Analyser) -> None:
    _check(
        analyser,
        "Sevilla close in",
        "Sevilla have found their new head coach.\n\nImanol Alguacil, who left Real Sociedad in the summer, "
        "had also been considered.",
        {("Imanol Alguacil", "Sevilla", "linked")},
        # His exit is background: "who left Real Sociedad in the summer" is not today's news.
        {("Imanol Alguacil", "Real Sociedad", "left"), ("Imanol Alguacil", "Sevilla", "left")},
    )


def test_a_specific_exit_word_beats_a_generic_one(analyser: Analyser) -> None:
    _check(
        analyser,
        "Manchester City confirm Gareth Taylor exit",
        "Gareth Taylor was dismissed by Manchester City on Monday.",
        {("Gareth Taylor", "Manchester City", "sacked")},
        {("Gareth Taylor", "Manchester City", "left")},
    )
    _check(
        analyser,
        "Celtic part company with Brendan Rodgers",
        "Celtic and Brendan Rodgers have parted company by mutual consent.",
        {("Brendan Rodgers", "Celtic", "left")},
        {("Brendan Rodgers", "Celtic", "sacked")},
    )


def test_wolves_means_wolfsburg_in_a_wolfsburg_story_and_wolverhampton_otherwise(analyser: Analyser) -> None:
    german = _analyse(analyser, "Wolfsburg act", "The Wolves have sacked Paul Simonis, VfL Wolfsburg announced.")
    assert ("Paul Simonis", "VfL Wolfsburg", "sacked") in {
        (r.manager, r.club, r.relation.value) for r in german.rumours
    }
    assert "Wolverhampton Wanderers" not in german.clubs
    english = _pairs(analyser, "Pereira out", "Vítor Pereira has been sacked by Wolves after a defeat by Fulham.")
    assert ("Vítor Pereira", "Wolverhampton Wanderers", "sacked") in english


# -- clubs a manager is described with ------------------------------------------------------


def test_career_clubs_are_listed_but_are_not_rumour_pairs(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Spurs shortlist",
        "Oliver Glasner, previously in charge of Eintracht Frankfurt and VfL Wolfsburg, is the favourite for "
        "the Tottenham Hotspur job.",
    )
    assert {"Eintracht Frankfurt", "VfL Wolfsburg", "Tottenham Hotspur"} <= set(analysis.clubs)
    assert {(r.manager, r.club) for r in analysis.rumours} == {("Oliver Glasner", "Tottenham Hotspur")}
    _check(
        analyser,
        "Leverkusen act",
        "Kasper Hjulmand, most recently in charge of Denmark, takes over at Bayer Leverkusen.",
        {("Kasper Hjulmand", "Bayer Leverkusen", "appointed")},
        {("Kasper Hjulmand", "Denmark", "appointed")},
    )
    described = _analyse(
        analyser,
        "Rodgers quits",
        "Brendan Rodgers has resigned at Celtic. Rodgers, the former Liverpool and Leicester City manager, "
        "leaves with the club eight points adrift.",
    )
    assert {"Liverpool", "Leicester City"} <= set(described.clubs)
    assert {(r.manager, r.club) for r in described.rumours} == {("Brendan Rodgers", "Celtic")}


def test_a_coach_the_knowledge_base_lacks_set_to_be_confirmed_in_a_job_is_found(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Burton news",
            text="Tomasz Lewicki is set to be confirmed as Burton Albion's permanent head coach this week, the "
            "Burton Mail reports.",
        )
    )
    assert ("Tomasz Lewicki", "Burton Albion", "talks") in {
        (r.manager, r.club, r.relation.value) for r in analysis.rumours
    }


def test_an_interim_coach_set_to_be_made_permanent_is_news_of_the_permanent_job(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Burton news",
            text="Tomasz Lewicki is set to be confirmed as Burton Albion's permanent head coach this week, the "
            "Burton Mail reports. Lewicki took temporary charge of Burton Albion three weeks ago.",
        )
    )
    assert {(r.manager, r.club, r.relation.value, r.factuality.value) for r in analysis.rumours} == {
        ("Tomasz Lewicki", "Burton Albion", "talks", "expected")
    }


def test_a_coach_the_knowledge_base_lacks_named_in_full_again_is_one_name_not_a_stranger(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Real Sociedad name academy boss Maialen Zubiri as women's head coach",
            text="Real Sociedad have appointed Maialen Zubiri as head coach of their women's team on a two-year "
            "contract, the club announced on Thursday.",
        )
    )
    assert ("Maialen Zubiri", "appointed") in {(r.manager, r.relation.value) for r in analysis.rumours}


def test_a_coach_the_club_puts_in_interim_charge_is_found_from_that_alone(analyser: Analyser) -> None:
    for text in (
        "Verona have put their Primavera coach, Emanuele Turchetti, in interim charge.",
        "Verona have placed Emanuele Turchetti in interim charge.",
    ):
        analysis = analyser.analyse(Article(title="Verona news", text=text))
        assert [(r.manager, r.club, r.relation.value, r.caretaker) for r in analysis.rumours] == [
            ("Emanuele Turchetti", "Hellas Verona", "appointed", True)
        ], text
