"""Quality floors on the labelled corpus (the same measures are taken on unseen stories)."""

from __future__ import annotations

from pathlib import Path

from bot.analysis.analyser import Analyser
from bot.analysis.evaluate import evaluate, format_report

CORPUS = Path(__file__).resolve().parents[1] / "data" / "analysis"


def test_analyser_meets_the_quality_floors(analyser: Analyser) -> None:
    report = evaluate(CORPUS, analyser)
    table = format_report(report)
    scores = report.scores
    assert scores["is_manager_rumour"].accuracy >= 0.95, table
    assert scores["managers"].f1 >= 0.92, table
    assert scores["manager_club"].f1 >= 0.87, table
    assert scores["manager_club_relation"].f1 >= 0.80, table
