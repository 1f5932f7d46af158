"""The story rumourbot was born from: exactly five relations and two credited sources."""

from __future__ import annotations

from pathlib import Path

from bot.analysis.analyser import Analyser
from bot.domain import Article

SEED = Path(__file__).resolve().parents[3] / "shared" / "examples" / "seed-article.txt"
SEED_TEXT = (
    SEED.read_text("utf-8")
    if SEED.exists()
    else (Path(__file__).resolve().parents[1] / "data" / "seed-article.txt").read_text("utf-8")
)


def _seed() -> Article:
    title, _, body = SEED_TEXT.strip().partition("\n")
    return Article(title=title, text=body, outlet="CaughtOffside", url="https://www.caughtoffside.com/x")


def test_seed_story_gives_exactly_the_five_relations(analyser: Analyser) -> None:
    analysis = analyser.analyse(_seed())
    got = {(r.manager, r.club, r.relation.value) for r in analysis.rumours}
    assert got == {
        ("Xabi Alonso", "Liverpool", "rejected"),
        ("Xabi Alonso", "Bayern Munich", "rejected"),
        ("Xabi Alonso", "Bayer Leverkusen", "stays"),
        ("Xabi Alonso", "Real Madrid", "linked"),
        ("Rúben Amorim", "Liverpool", "talks"),
    }


def test_seed_story_credits_romano_and_jones_not_the_aggregator(analyser: Analyser) -> None:
    analysis = analyser.analyse(_seed())
    assert {s.name for s in analysis.sources} == {"Fabrizio Romano", "Dean Jones"}
    romano = next(s for s in analysis.sources if s.name == "Fabrizio Romano")
    assert romano.relayed_by == "CaughtOffside"


def test_seed_summary_is_short_and_names_manager_club_stage_and_source(analyser: Analyser) -> None:
    summary = analyser.analyse(_seed()).summary
    assert len(summary) <= 300
    assert summary.count(". ") + 1 <= 2
    for needle in ("Xabi Alonso", "Bayer Leverkusen", "staying", "Fabrizio Romano"):
        assert needle in summary
