"""A surname a known coach shares with a relative or a player named in full: whose it is depends on who
the story names, and where."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.analysis.analyser import Analyser
from bot.domain import Analysis, Article

_PUBLISHED = datetime(2026, 10, 1, tzinfo=UTC)


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text, published=_PUBLISHED))


def test_a_headline_surname_is_the_namesake_the_lead_names_in_full(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Kovač extends Dortmund contract",
        "Borussia Dortmund have extended the contract of assistant coach Robert Kovač until 2028, the club said. "
        "He works alongside his brother, head coach Niko Kovač.",
    )
    assert not analysis.rumours


def test_a_players_new_contract_is_not_his_fathers_though_the_father_is_named(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Simeone signs new Atlético deal",
        "Giuliano Simeone has signed a new contract with Atlético Madrid until 2030, the club announced. The "
        "winger is the son of head coach Diego Simeone.",
    )
    assert not analysis.rumours


def test_a_coach_named_by_his_first_name_before_his_full_name_is_still_him(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Pressure grows in Jeddah",
        "Francisco Conceição scored the winner for Juventus on Sunday.\n\n"
        "In Saudi Arabia, his father Sérgio is fighting for his job at Al-Ittihad after a third straight defeat, "
        "Al Riyadiyah reports.\n\n"
        "Sérgio Conceição arrived in Jeddah last October.",
    )
    assert {(r.manager, r.club, r.relation.value) for r in analysis.rumours} == {
        ("Sérgio Conceição", "Al-Ittihad", "under_pressure")
    }


def test_a_directors_new_contract_is_not_the_coach_named_after_it(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Hughes agrees new Liverpool deal",
        "Liverpool sporting director Hughes has agreed a contract extension until 2029, the club "
        "confirmed, rewarding his work on the squad Arne Slot led to the title last season.",
    )
    assert not analysis.rumours


def test_a_player_who_will_retire_and_join_the_coachs_staff_is_no_news_of_the_coach(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Ramsdale to retire and join Arteta's Arsenal staff",
        "Arsenal goalkeeper Aaron Ramsdale will retire at the end of the season and join head coach Mikel "
        "Arteta's staff as goalkeeping coach, the club announced.",
    )
    assert not analysis.rumours


def test_an_anaphor_expected_to_leave_is_still_the_coach(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Glasner wanted by Dortmund as Palace brace for exit",
        "Oliver Glasner is wanted by Borussia Dortmund, according to Florian Plettenberg, and Crystal Palace "
        "expect the Austrian to leave when his contract runs out in June.",
    )
    assert ("Oliver Glasner", "Crystal Palace", "left") not in {
        (r.manager, r.club, r.relation.value) for r in analysis.rumours
    }
