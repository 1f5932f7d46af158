"""Chains of moves: one coach leaves for another club, which had let its own coach go — each claim with
the club it belongs to."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.analysis.analyser import Analyser
from bot.domain import Analysis, Article

_PUBLISHED = datetime(2026, 10, 1, tzinfo=UTC)


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text, published=_PUBLISHED))


def _held(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_a_club_named_like_a_coachs_surname_is_the_club_before_a_role_or_a_clubs_verb(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Ceni swaps Bahia for Santos",
        "Rogério Ceni has left Bahia to become Santos head coach, the two clubs said on Friday. Santos had "
        "dismissed Juan Pablo Vojvoda on Tuesday.",
    )
    assert "Fernando Santos" not in analysis.managers
    assert ("Juan Pablo Vojvoda", "Santos FC", "sacked") in _held(analysis)
    assert not any(r.club == "Bahia" and r.manager == "Juan Pablo Vojvoda" for r in analysis.rumours)


def test_a_man_named_after_as_in_a_headline_is_the_subject_of_his_own_clause(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Gasperini and Roma part ways as Palladino agrees to take over",
        "Atalanta's Raffaele Palladino has agreed to replace Gian Piero Gasperini at Roma, Sky Italia reports.",
    )
    assert ("Raffaele Palladino", "AS Roma", "left") not in _held(analysis)
    assert ("Gian Piero Gasperini", "AS Roma", "left") in _held(analysis)


def test_a_predecessor_at_another_club_years_ago_is_not_the_headline_clubs_exit(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Ranieri and Roma part ways as Palladino agrees to take over",
        "AS Roma and Claudio Ranieri have agreed to part ways, the club announced, and Fiorentina's Raffaele "
        "Palladino has agreed to replace him, according to Sky Italia.\n\n"
        "Palladino won a trophy in his second season at Fiorentina, after taking over from Vincenzo Italiano, "
        "who left for Bologna in 2024.",
    )
    assert ("Claudio Ranieri", "AS Roma", "left") in _held(analysis)
    assert not any(r.manager == "Vincenzo Italiano" for r in analysis.rumours)


def test_the_man_replaced_left_the_job_the_sentence_fills_not_the_one_just_left(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Skinner leaves Brighton for Tottenham",
        "Rehanne Skinner has left Brighton & Hove Albion Women to become head coach of Tottenham Hotspur Women, "
        "replacing Marta Lindqvist, who was dismissed by the WSL club last month. Both clubs confirmed the move.",
    )
    held = _held(analysis)
    assert ("Marta Lindqvist", "Brighton & Hove Albion Women", "sacked") not in held
    assert ("Marta Lindqvist", "Tottenham Hotspur Women", "sacked") in held


def test_his_successor_before_a_name_is_a_description_not_a_link(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Potter's return",
        "Graham Potter coached Brighton for three seasons before leaving for Chelsea in 2022, and his successor "
        "Roberto De Zerbi saw his side win 2-1 on Saturday.",
    )
    assert not any(r.manager == "Roberto De Zerbi" for r in analysis.rumours)


def test_a_chain_told_on_in_the_past_from_a_dated_sentence_is_history(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Pochettino on the summer Tottenham changed",
        "Three years on, Mauricio Pochettino still talks about the summer of his exit.\n\n"
        "Chelsea's plan led to Brighton. Graham Potter had taken Brighton to ninth in 2022, and by September the "
        "club had agreed compensation with Brighton. Brighton in turn appointed Roberto De Zerbi from Shakhtar, "
        "a chain of moves settled within a fortnight.",
    )
    assert not any(r.relation.value == "appointed" for r in analysis.rumours)


def test_a_simple_past_appointment_after_a_dated_sentence_but_told_as_recent_is_news(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Brighton move fast",
        "Fabian Hürzeler took Brighton to the FA Cup semi-finals in 2024. Brighton appointed Roberto De Zerbi on "
        "Monday, hours after Hürzeler left.",
    )
    assert ("Roberto De Zerbi", "Brighton & Hove Albion", "appointed") in {
        (r.manager, r.club, r.relation.value) for r in analysis.rumours
    }
