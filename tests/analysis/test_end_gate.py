"""End gates run a pattern anchored at the end only on windows that can hold a match: same matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis.end_gate import EndGate, endings
from bot.analysis.prefilter import GUARDED

_PATTERN = r"\b(?:spell|stint|time) (?:at|with|in charge(?: of)?) $"


def _gate(pattern: str) -> EndGate:
    gate = EndGate(pattern)
    GUARDED.pop()  # not one of the analysis's own patterns
    return gate


def test_endings_are_read_backwards_from_the_pattern() -> None:
    assert endings(r"\b(?:the|that) $") == {"the ", "that "}
    assert endings(r"\bnow (?:at|with) $") == {"now at ", "ow with "}
    assert endings(r"(?:a|b)x(?=y)\b $") == {"ax ", "bx "}  # look-arounds and anchors take no characters
    assert endings(r"\d+ to be $") == {" to be "}  # a class it cannot spell out ends the string there


@pytest.mark.parametrize(
    "pattern",
    [r"\bthe ", r"the $|\bthat", r"(?i)the $", r"(?m)the $", r"\w+$", r"(?:the)?$", r"[^x]$"],
)
def test_no_gate_where_the_endings_are_unknown(pattern: str) -> None:
    assert endings(pattern) is None
    with pytest.raises(ValueError, match="no strings known to end every match"):
        EndGate(pattern)


def test_a_gated_pattern_finds_what_re_finds_in_each_window() -> None:
    gate, plain = _gate(_PATTERN), re.compile(_PATTERN)
    text = "his spell at Leeds, his time in charge of Roma and a stint with \nX; time at the club"
    for end in range(len(text) + 2):
        for start in (-5, 0, end - 40, end - 12, end - 3, end):
            found, expected = gate.search(text, start, end), plain.search(text, start, end)
            assert (found and found.span()) == (expected and expected.span()), (start, end)
            assert [m.span() for m in gate.finditer(text, start, end)] == [
                m.span() for m in plain.finditer(text, start, end)
            ]
    assert gate.search("a stint with \n") is not None  # ``$`` also matches before a last newline


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["spell", "time", "at", "with", "in", "charge", "of", " ", "\n", "x", "the"])))
def test_a_gated_pattern_agrees_with_re_on_any_word_soup(words: list[str]) -> None:
    text = " ".join(words)
    gate, plain = _gate(_PATTERN), re.compile(_PATTERN)
    for end in range(len(text) + 1):
        found, expected = gate.search(text, 0, end), plain.search(text, 0, end)
        assert (found and found.span()) == (expected and expected.span())
