"""Names a story leaves open: a surname two known coaches carry ("Inzaghi") is kept as written unless
the story settles who is meant; the analysis never picks one of them for it."""

from __future__ import annotations

from bot.analysis.analyser import Analyser
from bot.domain import Analysis, Article


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text, outlet="Football Italia"))


def _pairs(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_a_surname_two_coaches_share_is_kept_as_written(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Inzaghi on Lazio's summer shortlist")
    assert _pairs(analysis) == {("Inzaghi", "Lazio", "linked")}
    assert analysis.managers == ("Inzaghi",)
    assert "Simone" not in analysis.summary
    assert "Filippo" not in analysis.summary


def test_the_club_one_of_them_manages_says_which(analyser: Analyser) -> None:
    assert _pairs(_analyse(analyser, "Palermo sack Inzaghi")) == {("Filippo Inzaghi", "Palermo", "sacked")}


def test_a_shared_surname_outside_a_coaching_job_is_nobody(analyser: Analyser) -> None:
    assert not _analyse(analyser, "Inzaghi scores twice as Lazio beat Genoa").is_manager_rumour


def test_a_story_naming_one_of_them_in_full_is_about_him(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Lazio want Simone Inzaghi back",
        "Lazio have put Simone Inzaghi on their summer shortlist. Inzaghi coached the club for five years.",
    )
    assert "Inzaghi" not in analysis.managers
    assert ("Simone Inzaghi", "Lazio", "linked") in _pairs(analysis)
