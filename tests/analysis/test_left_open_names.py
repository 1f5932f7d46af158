"""Names a story leaves open: a surname two known coaches carry ("Inzaghi") is kept as written unless
the story settles who is meant; the analysis never picks one of them for it. A surname a player of note
carries is his where the claim is about the club he plays for."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.analysis.analyser import Analyser
from bot.analysis.gazetteer import KnowledgeError, load_gazetteer
from bot.domain import Analysis, Article

CONFIG = Path(__file__).resolve().parents[2] / "config"


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


def test_a_contract_at_the_club_a_namesake_plays_for_is_the_players(analyser: Analyser) -> None:
    # Gianluca Mancini plays for Roma; Roberto Mancini has no Roma contract to renew
    for title in ("Mancini signs new Roma contract", "Conceição signs new Juventus deal until 2030"):
        assert not _analyse(analyser, title).is_manager_rumour, title


def test_the_namesakes_club_hiring_the_manager_is_still_the_managers_news(analyser: Analyser) -> None:
    assert ("Roberto Mancini", "AS Roma", "talks") in _pairs(_analyse(analyser, "Mancini in talks over Roma job"))


def test_the_manager_named_in_full_at_the_namesakes_club_is_the_manager(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Roberto Mancini signs new Roma contract")
    assert ("Roberto Mancini", "AS Roma", "extension") in _pairs(analysis)


def test_a_namesake_whose_club_is_unknown_is_refused_at_load(tmp_path: Path) -> None:
    managers = tmp_path / "managers.toml"
    managers.write_text(
        '[[manager]]\nname = "Ann Coach"\nnamesakes = [{ name = "Bo Coach", club = "Nowhere Town" }]\n', "utf-8"
    )
    with pytest.raises(KnowledgeError, match=r"namesake 'Bo Coach': unknown club 'Nowhere Town'"):
        load_gazetteer(managers, CONFIG / "clubs.toml", CONFIG / "sources.toml")


def test_a_surname_the_knowledge_base_lacks_in_the_running_for_a_job_is_a_candidate_as_written(
    analyser: Analyser,
) -> None:
    assert _pairs(_analyse(analyser, "Keane in the running for Ireland job")) == {
        ("Keane", "Republic of Ireland", "linked")
    }
    assert not _analyse(analyser, "Rice in the running for Arsenal captaincy").is_manager_rumour


def test_a_contract_at_the_club_where_both_the_coach_and_a_namesake_are_is_left_open(analyser: Analyser) -> None:
    # (Giuliano Simeone plays for Atlético, where Diego Simeone is the coach)
    assert not _analyse(analyser, "Simeone signs new Atlético deal until 2030", "'This is my club,' he said.").rumours
    coach = _analyse(analyser, "Simeone signs new Atlético deal", "The head coach has extended until 2030.")
    assert ("Diego Simeone", "Atlético Madrid", "extension") in _pairs(coach)
    assert ("Diego Simeone", "Atlético Madrid", "sacked") in _pairs(_analyse(analyser, "Atlético sack Simeone"))


def test_a_shared_surname_a_club_makes_contact_with_is_a_coach_as_written(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Lazio news", "Lazio have made contact with Inzaghi, Il Messaggero reports.")
    assert ("Inzaghi", "Lazio", "talks") in _pairs(analysis)
