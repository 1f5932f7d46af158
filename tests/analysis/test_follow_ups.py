"""Follow-ups, corrections and updates: a story that revisits an earlier report tells what holds now, and
the earlier claim it names is not today's news."""

from __future__ import annotations

from bot.analysis.analyser import Analyser
from bot.domain import DEFINITE, Analysis, Article


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text))


def _held(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def _definite(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {(r.manager, r.club, r.relation.value) for r in analysis.rumours if r.relation in DEFINITE}


def test_a_headline_about_sack_reports_is_no_sacking(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Everton insist David Moyes is safe after sack reports",
        "Everton have told the Liverpool Echo that David Moyes keeps the backing of the board.",
    )
    assert not _definite(analysis)
    assert "sacked" not in analysis.summary


def test_reports_of_a_new_contract_called_premature_are_no_extension(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Contract news",
        "Reports that Vincent Kompany had signed a new contract with Bayern Munich were premature, the club said "
        "on Friday.",
    )
    assert not _definite(analysis)
    assert "signed a new contract" not in analysis.summary


def test_what_an_earlier_version_of_the_story_said_is_taken_back(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Correction",
        "An earlier version of this story said Arne Slot had agreed a contract extension with Liverpool. Talks "
        "between the club and the head coach are continuing.",
    )
    assert not _definite(analysis)
    assert "new contract" not in analysis.summary or "denied" in analysis.summary


def test_a_club_saying_its_manager_will_lead_the_team_for_the_rest_of_the_season_keeps_him(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Statement from the club",
        "Wrexham have issued a statement after Saturday's defeat: \"Phil Parkinson has the full support of the "
        'owners. He will lead the team for the rest of the season and beyond." Oxford United, meanwhile, are '
        "searching for a new head coach.",
    )
    assert not _definite(analysis)
    assert ("Phil Parkinson", "Wrexham", "stays") in _held(analysis)


def test_a_coach_and_club_that_mutually_agreed_to_part_ways_is_a_departure_done(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Update",
        "The Orlando Pride say head coach Seb Hines and the club mutually agreed to part ways on Monday.",
    )
    assert {(r.manager, r.relation.value, r.factuality.value) for r in analysis.rumours} == {
        ("Seb Hines", "left", "done")
    }


def test_a_coach_who_pulled_out_of_his_agreement_rejected_the_job(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "U-turn",
        "Rafael Benítez has pulled out of his agreement to become head coach of Al-Ettifaq, two days after saying yes.",
    )
    assert ("Rafael Benítez", "Al-Ettifaq", "rejected") in _held(analysis)
    assert not _definite(analysis)


def test_refusing_to_discuss_his_future_leaves_it_open_and_denies_nothing(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Will Pellegrini leave Betis?",
        "Manuel Pellegrini again refused to discuss his future on Thursday.",
    )
    assert {(r.relation.value, r.factuality.value) for r in analysis.rumours} & {("under_pressure", "question")}
    assert not any(r.relation.value == "denied" for r in analysis.rumours)


def test_a_deal_denied_while_talks_go_on_is_talks(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Correction: Emma Hayes has not yet signed a new United States contract",
        "Emma Hayes has not signed a new contract with the United States women's national team, contrary to "
        "reports on Monday. Talks with Hayes over an extension to 2031 are continuing, US Soccer said.",
    )
    assert not _definite(analysis)
    assert {(r.manager, r.relation.value) for r in analysis.rumours} == {("Emma Hayes", "talks")}


def test_a_coach_who_confirmed_a_conversation_with_a_club_is_in_talks(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Terzić news", "Edin Terzić confirmed a conversation with Wolfsburg last week.")
    assert ("Edin Terzić", "VfL Wolfsburg", "talks") in _held(analysis)
