"""Tabloid, clickbait and social-media copy: the crowd's demand is pressure, a claim the club shoots down
is denied, a headline looking back on "the day" of a sacking states nothing new, and a fact-check's
claims are what its verdicts make them."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.analysis.analyser import Analyser
from bot.domain import Analysis, Article

_PUBLISHED = datetime(2026, 5, 1, tzinfo=UTC)


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text, published=_PUBLISHED))


def _held(analysis: Analysis) -> set[tuple[str, str, str, str]]:
    return {(r.manager, r.club, r.relation.value, r.factuality.value) for r in analysis.rumours}


def test_fans_demanding_a_coachs_exit_put_him_under_pressure_and_do_not_see_him_leave(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "'FRANK OUT!': Spurs fans demand Thomas Frank's exit after Tottenham Hotspur lose again"
    )
    held = {h[:3] for h in _held(analysis)}
    assert ("Thomas Frank", "Tottenham Hotspur", "under_pressure") in held
    assert not any(relation == "left" for _, _, relation in held)


def test_supporters_chanting_for_a_coach_to_go_is_pressure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Leeds news",
        "Thousands of Leeds United supporters chanted for Daniel Farke to go during Sunday's defeat.",
    )
    assert ("Daniel Farke", "Leeds United", "under_pressure") in {h[:3] for h in _held(analysis)}


def test_a_club_shooting_down_a_claim_that_its_coach_was_fired_denies_the_sacking(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Portland Thorns shoot down claim that Robert Vilahamn has been fired",
        "Portland Thorns have dismissed a claim on social media that head coach Robert Vilahamn was fired after "
        "Saturday's defeat.",
    )
    assert not any(h[2] == "sacked" for h in _held(analysis))
    assert any(h[2] == "denied" for h in _held(analysis))


def test_the_day_a_manager_was_sacked_is_a_feature_looking_back(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "The day Claudio Ranieri was sacked: inside Leicester City's fall, a decade on")
    assert not any(h[2] == "sacked" for h in _held(analysis))


def test_a_fact_checks_claims_are_denied_or_confirmed_by_their_verdicts(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Fact or fiction? The week's viral manager rumours checked",
        "Claim 1: 'Mikel Arteta has been sacked by Arsenal.'\n\nVerdict: false. Arsenal told us the graphic was "
        "fake.\n\nClaim 2: 'Burnley have offered Scott Parker a new contract.'\n\nVerdict: true. The club "
        "confirmed the offer on Tuesday.",
    )
    held = _held(analysis)
    assert ("Mikel Arteta", "Arsenal", "denied", "denied") in held
    assert ("Scott Parker", "Burnley", "offer", "done") in held


def test_shooting_down_claims_about_a_coach_is_a_denial(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Thorns news",
        "Portland Thorns have shot down a fan account's claims about head coach Robert Vilahamn.",
    )
    assert ("Robert Vilahamn", "Portland Thorns", "denied", "denied") in _held(analysis)


def test_a_former_boss_axed_from_a_tv_panel_is_not_sacked_by_his_old_club(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "AXED: Harry Redknapp dropped from Sunday show",
        "Former Tottenham Hotspur and West Ham United boss Harry Redknapp has been axed from the Sunday "
        "Supplement panel as part of a shake-up, The Sun understands.",
    )
    assert not any(h[2] == "sacked" for h in _held(analysis))


def test_players_losing_faith_in_the_coach_is_pressure_on_his_job(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "EXCLUSIVE: Inside Wolves' dressing-room revolt",
        "Several senior Wolverhampton Wanderers players have lost faith in Vítor Pereira, according to people "
        "inside the club.",
    )
    assert ("Vítor Pereira", "Wolverhampton Wanderers", "under_pressure") in {h[:3] for h in _held(analysis)}


def test_a_pundit_saying_a_club_should_sack_its_manager_reports_no_sacking_or_pressure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "'I'd sack him tomorrow': Shearer's verdict",
        "Alan Shearer says Newcastle United should sack Eddie Howe, in the bluntest verdict yet from a pundit.",
    )
    assert analysis.rumours == ()


def test_no_here_we_go_yet_is_a_deal_still_to_come_not_a_denial(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Wolfsburg in advanced talks with Domenico Tedesco - but no 'here we go' yet",
        "Fabrizio Romano says there is no 'here we go' yet between VfL Wolfsburg and Domenico Tedesco.",
    )
    held = _held(analysis)
    assert not any(h[2] == "denied" for h in held)
    assert any(h[:3] == ("Domenico Tedesco", "VfL Wolfsburg", "talks") for h in held)


def test_the_outlets_own_call_for_a_sacking_says_the_job_is_at_risk(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Why Everton must sack David Moyes before the window shuts",
        "One win in nine and a side that no longer looks sure of its plan: our columnist argues the board should "
        "act now.",
    )
    assert ("David Moyes", "Everton", "under_pressure") in {h[:3] for h in _held(analysis)}
    assert not any(h[2] == "sacked" for h in _held(analysis))


def test_a_pundit_saying_a_club_should_already_have_sacked_its_manager_reports_nothing(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Chris Sutton: Celtic should have sacked Nancy weeks ago",
        "Former Celtic striker Chris Sutton believes the club should already have dismissed Wilfried Nancy after "
        "another dropped point at Dundee.",
    )
    assert analysis.rumours == ()
