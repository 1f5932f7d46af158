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
    ],
)
def test_a_job_at_risk_in_the_words_of_columns_and_odds(analyser: Analyser, title: str, text: str) -> None:
    analysis = analyser.analyse(Article(title=title, text=text))
    assert ("Thomas Frank", "Tottenham Hotspur", "under_pressure") in {
        (r.manager, r.club, r.relation.value) for r in analysis.rumours
    }
