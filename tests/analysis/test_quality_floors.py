"""Quality floors on every labelled story set (the same measures are taken on unseen stories).

Every set is held to the same floors: (manager, club, relation) F1 at least 0.80, at most 2 false
definite events (a sacked / appointed / agreed / left / extension the labels do not hold) and at most 1
false summary (a summary stating such an event as done) per 100 stories."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.analysis.analyser import Analyser
from bot.analysis.evaluate import _false_statements, _named, club_key, evaluate, format_report, label_club, main
from bot.domain import Analysis

DATA = Path(__file__).resolve().parents[1] / "data"
SETS = [
    "analysis",
    "analysis-holdout",
    "analysis-set3",
    "analysis-set4",
    "analysis-set5",
    "analysis-set6",
    "analysis-set7",
    "analysis-set8",
    "analysis-set9",
    "analysis-set10",
    "analysis-set11",
    "analysis-set12",
    "analysis-set13",
    "analysis-set14",
    "analysis-set15",
    "analysis-set16",
    "analysis-set17",
    "analysis-set18",
    "analysis-set19",
    "analysis-set20",
    "analysis-set21",
    "analysis-set22",
    "analysis-set23",
    "analysis-set24",
    "analysis-set25",
    "analysis-set26",
    "analysis-set27",
    "analysis-set28",
    "analysis-set29",
    "analysis-set30",
    "analysis-set31",
    "analysis-set32",
    "analysis-set33",
    "analysis-set34",
    "analysis-set35",
    "analysis-set36",
    "analysis-set37",
    "analysis-set38",
    "analysis-set39",
    "analysis-set40",
    "analysis-set41",
    "analysis-set42",
    "analysis-set43",
    "analysis-set44",
    "analysis-set45",
    "analysis-set46",
    "analysis-set47",
    "analysis-set48",
    "analysis-set49",
    "analysis-set50",
    "analysis-set51",
    "analysis-set52",
    "analysis-set53",
    "analysis-set54",
    "analysis-set55",
    "analysis-set57",
    "analysis-set58",
    "analysis-set59",
    "analysis-set60",
    "analysis-set62",
    "analysis-set63",
    "analysis-set64",
    "analysis-set65",
]


@pytest.mark.parametrize("story_set", SETS)
def test_every_story_set_meets_the_floors(analyser: Analyser, story_set: str) -> None:
    report = evaluate(DATA / story_set, analyser)
    table = format_report(report)
    scores = report.scores
    assert scores["is_manager_rumour"].accuracy >= 0.95, table
    assert scores["manager_club_relation"].f1 >= 0.80, table
    assert report.per_100(report.false_definite) <= 2.0, table
    assert report.per_100(report.false_summaries) <= 1.0, table


def test_the_first_set_keeps_its_older_floors(analyser: Analyser) -> None:
    report = evaluate(DATA / "analysis", analyser)
    table = format_report(report)
    assert report.scores["managers"].f1 >= 0.92, table
    assert report.scores["manager_club"].f1 >= 0.87, table


def test_a_summary_naming_one_manager_does_not_name_another_whose_surname_is_his_first_name() -> None:
    clause = "millwall have appointed neil critchley"
    assert _named(clause, ["alex neil", "neil critchley"]) == {"neil critchley"}
    assert _named("alex neil has been sacked by millwall", ["alex neil", "neil critchley"]) == {"alex neil"}
    assert _named("neil has left", ["alex neil"]) == {"alex neil"}  # by surname alone
    assert _named("o'neill has left", ["alex neil"]) == set()  # a word, not a piece of one


def test_a_coachs_surname_inside_a_clubs_name_does_not_name_him(analyser: Analyser) -> None:
    analysis = Analysis(
        True,
        ("Luís Pinto", "Rui Vitória"),
        ("Vitória de Guimarães",),
        summary="Official: Luís Pinto has left Vitória de Guimarães. "
        "Rui Vitória is in talks with Vitória de Guimarães.",
    )
    labels = {
        "rumours": [
            {"manager": "Luís Pinto", "club": "Vitória de Guimarães", "relation": "left"},
            {"manager": "Rui Vitória", "club": "Vitória de Guimarães", "relation": "talks"},
        ]
    }
    assert _false_statements(analysis, labels, analyser.gazetteer) == []


def test_a_labelled_womens_side_maps_to_the_womens_side_of_the_club_its_name_names(analyser: Analyser) -> None:
    gaz = analyser.gazetteer
    assert label_club(gaz, "Wolfsburg Women") == gaz.women_team("VfL Wolfsburg")
    assert label_club(gaz, "Arsenal Women") == "Arsenal Women"
    assert label_club(gaz, "Nowhere Town Women") == "Nowhere Town Women"


@pytest.mark.parametrize(
    ("labelled", "false"), [("sacked", False), ("left", False), ("appointed", True), ("under_pressure", True)]
)
def test_a_summary_saying_they_parted_ways_is_held_by_a_labelled_sacking_or_departure(
    analyser: Analyser, labelled: str, false: bool
) -> None:
    analysis = Analysis(
        True, ("Greg Vanney",), ("LA Galaxy",), summary="Official: LA Galaxy have parted ways with Greg Vanney."
    )
    labels = {"rumours": [{"manager": "Greg Vanney", "club": "LA Galaxy", "relation": labelled}]}
    assert bool(_false_statements(analysis, labels, analyser.gazetteer)) is false


def test_evaluating_a_directory_with_no_stories_is_an_error_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "analysis-sett39")]) == 2
    assert "no labelled stories" in capsys.readouterr().err
    assert main([str(tmp_path)]) == 2


def test_a_clubs_name_with_or_without_its_fc_is_one_club_and_other_names_stay_apart() -> None:
    assert club_key("El Paso Locomotive FC") == club_key("El Paso Locomotive")
    assert club_key("FC Goa") == club_key("Goa")
    assert club_key("Manchester City") != club_key("Manchester United")
    assert club_key("Scarborough Athletic") == "scarborough athletic"  # (no "FC" inside a word is cut)
