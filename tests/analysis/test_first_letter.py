"""A word alternation regrouped by first letter finds exactly what it found as written."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import bot.analysis.analyser  # noqa: F401  # compiles every pattern of the analysis package
from bot.analysis.first_letter import by_first_letter
from bot.analysis.prefilter import GUARDED

_WORDS = r"\b(?:could|can(?:not)?|might|may|must|(?:seek|seeks|sought) to|no(?! hurry)|n't|mull(?:s|ed)?(?: over)?)\b"


def test_words_are_grouped_by_their_first_letter_in_order() -> None:
    grouped = by_first_letter(_WORDS)
    assert grouped == (
        r"\b(?:c(?:ould|an(?:not)?)|m(?:ight|ay|ust|ull(?:s|ed)?(?: over)?)|s(?:eek to|eeks to|ought to)|"
        r"n(?:o(?! hurry)|'t))\b"
    )


def test_patterns_it_cannot_regroup_are_left_as_they_are() -> None:
    assert by_first_letter(r"\b(?:a|b|c|d|e|f)\b") is None  # (no letter shared: nothing saved)
    assert by_first_letter(r"\b(?P<word>could|can|cannot|might|may|must)\b") is None  # a capture group
    assert by_first_letter(r"\b(?:could|can|cannot|might|may|must|\w+ly)\b") is None  # a word of any letter
    assert by_first_letter(r"\b(?:could|can|cannot|might|may|must)\b", re.IGNORECASE) is None
    assert by_first_letter(r"\b(?:could|can|cannot|might|may|must)\b|other") is None  # two alternatives
    assert by_first_letter(r"(?:could|can|cannot|might|may|must)\b") is None  # no word start before it
    assert by_first_letter(r"\b(?:could|can|cannot|might|may|must)?") is None  # an optional group


def test_some_of_the_analysis_patterns_are_regrouped() -> None:
    assert sum(by_first_letter(source, flags) is not None for source, flags, _ in GUARDED) >= 10


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["could", "cannot", "can", "seek to", "sought to", "no", "no hurry", "n't", "mulled over"]),
        max_size=12,
    ),
    st.sampled_from([" ", "", "x", "-"]),
)
def test_a_regrouped_alternation_finds_what_it_found_on_any_word_soup(words: list[str], joint: str) -> None:
    text = joint.join(words)
    grouped = re.compile(by_first_letter(_WORDS) or "")
    plain = re.compile(_WORDS)
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for pos in range(min(len(text), 6)):
        found, expected = grouped.search(text, pos), plain.search(text, pos)
        assert (found and found.span()) == (expected and expected.span())
