"""Lower-league items: coaches and clubs the knowledge base does not hold, known only by how the story
introduces them."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.analysis.analyser import Analyser
from bot.domain import Analysis, Article

_PUBLISHED = datetime(2026, 10, 1, tzinfo=UTC)


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text, published=_PUBLISHED))


def _held(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_a_coach_dismissing_suggestions_is_a_person_not_a_club(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Harker rules out exit",
        "Tom Harker has dismissed suggestions that this will be his last season in charge of Dunmore Athletic. "
        "The League Two club sit fifth.",
    )
    assert "Tom Harker" not in analysis.clubs
    assert _held(analysis) == {("Tom Harker", "Dunmore Athletic", "denied")}


def test_a_coach_turning_down_the_chance_to_manage_a_club_is_found_without_a_role_word(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Wexley stays put",
        "Ciaran Wexley has turned down the chance to manage Oxford United and will remain in charge of "
        "Bohemians Athletic.",
    )
    assert ("Ciaran Wexley", "Oxford United", "rejected") in _held(analysis)


def test_a_country_a_coach_travelled_to_is_the_place_not_the_national_team(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Wexley weighs up Oxford offer",
        "Ciaran Wexley has turned down Oxford United. He travelled to England on Friday to meet the chairman, "
        "who had made an offer.",
    )
    assert "England" not in analysis.clubs


def test_a_club_with_no_plans_to_sack_a_coach_it_names_denies_it(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Dunmore Athletic: no plans to sack Kane",
        "Dunmore Athletic have no plans to dismiss Ben Kane despite a winless start in League Two, according to "
        "the Evening Echo.",
    )
    assert _held(analysis) == {("Ben Kane", "Dunmore Athletic", "denied")}


def test_a_headline_sacking_a_name_the_story_gives_no_role_is_not_a_coachs(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Dunmore Athletic sack Ben Kane",
        "The League Two club confirmed the news on Monday evening.",
    )
    assert not analysis.rumours


def test_a_midfielder_appointed_player_manager_is_the_clubs_new_manager(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Dunmore appoint Kane",
        "Dunmore Athletic have appointed midfielder Ben Kane as player-manager until 2027. The 33-year-old will "
        "keep playing.",
    )
    assert _held(analysis) == {("Ben Kane", "Dunmore Athletic", "appointed")}


def test_a_club_named_for_a_point_of_the_compass_keeps_it(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Kane takes over",
        "East Kilbride have appointed Ben Kane as manager. The 40-year-old takes over with the Scottish League "
        "Two side third.",
    )
    assert _held(analysis) == {("Ben Kane", "East Kilbride", "appointed")}


def test_a_club_that_wants_a_coach_as_its_new_manager_is_linked_with_him(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Hearts eye Ayr boss",
        "Hearts want Ayr United boss Scott Brown as their new manager, the Daily Record reports.",
    )
    assert ("Scott Brown", "Heart of Midlothian", "linked") in _held(analysis)


def test_a_pair_appointed_joint_managers_are_both_appointed(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Dunmore name joint managers",
        "Dunmore Athletic have appointed Ben Kane and Tom Harker as joint managers, the National League North "
        "club announced.",
    )
    assert _held(analysis) == {
        ("Ben Kane", "Dunmore Athletic", "appointed"),
        ("Tom Harker", "Dunmore Athletic", "appointed"),
    }
