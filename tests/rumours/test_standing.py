"""domain/records: a source's record by stage claimed, its standing (a Beta prior from its tier) and
the one phrase alerts carry."""

from __future__ import annotations

import pytest

from bot.domain.records import PRIOR_MEAN, PRIOR_WEIGHT, SourceRecord, phrase, shown_tier, standing, tally


def test_the_standing_is_the_tier_prior_updated_by_right_and_wrong_calls() -> None:
    assert standing(2, 0, 0) == PRIOR_MEAN[2]  # a new source starts at its tier
    assert standing(2, 11, 1) == pytest.approx((PRIOR_MEAN[2] * PRIOR_WEIGHT + 11) / (PRIOR_WEIGHT + 12))
    assert shown_tier(2, 0, 0) == 2
    assert shown_tier(2, 11, 1) == 1  # earned
    assert shown_tier(1, 0, 10) == 4  # lost
    assert shown_tier(1, 2, 1) == 1  # a few calls move little
    assert shown_tier(0, 0, 10) == 0  # official statements stay official
    assert shown_tier(4, 50, 0) == 1  # never promoted to "official"


def test_calls_are_rumour_stages_judged_by_the_way_they_pointed_and_cold_counts_neither_way() -> None:
    stages = tally(
        [
            ("talks", "true", 3),
            ("talks", "false", 1),
            ("denied", "false", 2),  # a denial of a move that never happened was right
            ("appointed", "true", 4),  # reports of the outcome itself: not calls
            ("linked", "cold", 2),
            ("linked", "", 5),  # open
        ]
    )
    record = SourceRecord("David Ornstein", 1, stages)
    assert (record.made, record.right, record.wrong, record.cold) == (17, 5, 1, 2)
    assert [s.stage for s in stages] == ["linked", "talks", "appointed", "denied"]
    assert phrase(record) == "Ornstein: 5 of 6 resolved manager calls right"
    assert phrase(SourceRecord("BBC Sport", 1)) == "BBC Sport: no resolved manager calls yet"
