"""Quality floors on every labelled story set (the same measures are taken on unseen stories).

Every set is held to the same floors: (manager, club, relation) F1 at least 0.80, at most 2 false
definite events (a sacked / appointed / agreed / left / extension the labels do not hold) and at most 1
false summary (a summary stating such an event as done) per 100 stories."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.analysis.analyser import Analyser
from bot.analysis.evaluate import _named, evaluate, format_report

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


def test_the_tenth_set_below_the_summary_floor_gets_no_worse(analyser: Analyser) -> None:
    """Set 10 meets the F1 and false-event floors but not the false-summary one (its README says why):
    this holds what has been won on it."""
    report = evaluate(DATA / "analysis-set10", analyser)
    table = format_report(report)
    assert report.scores["is_manager_rumour"].accuracy >= 0.95, table
    assert report.scores["manager_club_relation"].f1 >= 0.80, table
    assert report.per_100(report.false_definite) <= 2.0, table
    assert report.per_100(report.false_summaries) <= 2.0, table


def test_the_eleventh_set_below_the_floors_gets_no_worse(analyser: Analyser) -> None:
    """Set 11 is below the F1 and false-summary floors (its README has the first measurement and where
    it stands): this holds what has been won on it, until it meets them."""
    report = evaluate(DATA / "analysis-set11", analyser)
    table = format_report(report)
    assert report.scores["is_manager_rumour"].accuracy >= 0.94, table
    assert report.scores["manager_club_relation"].f1 >= 0.74, table
    assert report.per_100(report.false_definite) <= 2.0, table
    assert report.per_100(report.false_summaries) <= 2.0, table
