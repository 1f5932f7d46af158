"""Previews, reports and press conferences: a fixture, a league table and a result are not talks, and the
club a manager is pressed at is the one he holds."""

from __future__ import annotations

from bot.analysis.analyser import Analyser
from bot.domain import Analysis, Article


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text))


def _held(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_a_leagues_meeting_with_the_next_opponent_is_a_match_not_talks(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Preview",
        "Rob Edwards goes into tonight's Championship meeting with Stoke City with his job under threat after "
        "one win in ten.",
    )
    held = _held(analysis)
    assert not any(club == "Stoke City" for _, club, _ in held)
    assert ("Rob Edwards", "Stoke City", "talks") not in held


def test_a_team_closing_in_on_the_leaders_is_a_table_not_talks(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Arsenal 2-0 Chelsea: Arteta's side close in on Liverpool as pressure grows on Maresca"
    )
    assert not any(relation == "talks" for _, _, relation in _held(analysis))
    analysis = _analyse(
        analyser, "Report", "Aston Villa are closing in on the top four as the pressure grows on Thomas Frank."
    )
    assert not any(relation == "talks" for _, _, relation in _held(analysis))


def test_a_club_closing_in_on_a_manager_is_still_talks(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Celtic move", "Celtic are closing in on Steve Cooper.")
    assert ("Steve Cooper", "Celtic", "talks") in _held(analysis)


def test_pressure_on_a_manager_is_at_his_club_named_in_the_sentence_not_the_nearest_one(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Celtic 2-0 Rangers: Celtic close the gap on Hearts as pressure mounts on Röhl", "")
    assert ("Danny Röhl", "Rangers", "under_pressure") in _held(analysis)
    assert not any(club == "Heart of Midlothian" for _, club, _ in _held(analysis))


def test_ending_his_spell_after_a_club_parted_company_with_him_is_the_same_sacking(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Ipswich Town part company with Kieran McKenna",
        "Ipswich Town have parted company with manager Kieran McKenna following Tuesday night's 3-0 defeat at "
        "Hull City, ending his spell at Portman Road.",
    )
    assert ("Kieran McKenna", "Ipswich Town", "sacked") in _held(analysis)
    assert ("Kieran McKenna", "Ipswich Town", "left") not in _held(analysis)


def test_a_match_that_could_be_his_last_in_charge_puts_his_job_in_doubt(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Preview",
        "Sunday's derby against Schalke could be Ralph Hasenhüttl's last game as Wolfsburg head coach.",
    )
    assert ("Ralph Hasenhüttl", "VfL Wolfsburg", "under_pressure") in _held(analysis)


def test_having_to_win_to_keep_his_job_and_his_last_chance_are_pressure(analyser: Analyser) -> None:
    asked = _analyse(analyser, "Preview", "Must Sebastian Hoeneß beat Bayern Munich on Saturday to keep his job?")
    assert ("Sebastian Hoeneß", "VfB Stuttgart", "under_pressure") in _held(asked)
    headline = _analyse(analyser, "Is Sunday Marco Rose's last chance at Leipzig?", "")
    assert ("Marco Rose", "RB Leipzig", "under_pressure") in _held(headline)


def test_a_manager_putting_off_whether_to_carry_on_is_a_job_in_doubt(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Future",
        "Diego Simeone will not decide whether to carry on at Atlético Madrid until the season is over.",
    )
    assert ("Diego Simeone", "Atlético Madrid", "under_pressure") in _held(analysis)


def test_a_manager_joking_about_the_sack_after_a_win_is_no_pressure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Emery jokes about 'the sack' after Villa's late winner",
        "Unai Emery was smiling after Saturday's late winner.",
    )
    assert not analysis.rumours
    pressed = _analyse(analyser, "Emery faces the sack after Villa's fifth defeat", "")
    assert ("Unai Emery", "Aston Villa", "under_pressure") in _held(pressed)
