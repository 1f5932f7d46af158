"""Text helpers: the fast fold and clean paths give exactly what the plain definitions give."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis import text as textmod

# Letters and marks news text really holds, and the awkward ones: a lower case longer than its
# capital (İ), characters beyond the fold table, controls, bidi marks and every kind of space.
AWKWARD = st.text(alphabet="aZé’“”–—…İıØßćşłž \n\t\r\x0b\x0c\x85\u2028\u00a0\u200b\u202eＡ😀xyzABC.,;'<>&")


def _plain_clean(text: str) -> str:
    if "<" in text:
        text = textmod._BLOCK.sub("\n", text)
        text = textmod._TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    text = textmod._CONTROL.sub("", text)
    text = textmod._SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return textmod._MANY_NEWLINES.sub("\n\n", text).strip()


@settings(max_examples=1500, deadline=None)
@given(st.one_of(st.text(), AWKWARD))
def test_fold_is_the_fold_table_and_keeps_the_length(text: str) -> None:
    folded = textmod.fold(text)
    assert folded == text.translate(textmod._fold_table())
    assert len(folded) == len(text)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(st.text(), AWKWARD))
def test_clean_text_skips_only_work_that_would_change_nothing(text: str) -> None:
    assert textmod.clean_text(text) == _plain_clean(text)


def test_a_word_ending_like_an_abbreviation_still_ends_its_sentence() -> None:
    text = "He is on the shortlist. He came first. They play in Kyiv. Mr. Smith met St. Pauli officials."
    assert [text[s.start : s.end] for s in textmod.split_sentences(text)] == [
        "He is on the shortlist.",
        "He came first.",
        "They play in Kyiv.",
        "Mr. Smith met St. Pauli officials.",
    ]


@settings(max_examples=1500, deadline=None)
@given(st.one_of(st.text(), AWKWARD))
def test_line_edge_space_is_what_the_plain_pattern_finds(text: str) -> None:
    plain = re.compile(r"[^\S\n]\n|\n[^\S\n]")
    assert textmod._line_edge_space(text) == bool(plain.search(text))


# The sentence break as first written, before it was written from the stop on.
_SENTENCE_END_AS_WRITTEN = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9À-ÞĀ-Ž])|;\s+|\n+")
BREAKY = st.text(alphabet=".!?…;\n \t\u00a0\u2028\"'”’)“‘(aZ0À.ÞéŞł,", max_size=60)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(BREAKY, AWKWARD))
def test_sentence_breaks_found_from_the_stop_are_those_of_the_pattern_as_first_written(text: str) -> None:
    assert list(textmod._breaks(text)) == [m.span() for m in _SENTENCE_END_AS_WRITTEN.finditer(text)]


def test_sentence_breaks_found_from_the_stop_are_those_of_the_pattern_as_first_written_in_every_story() -> None:
    found = 0
    for folder in sorted((Path(__file__).resolve().parents[2] / "tests/data").glob("analysis*")):
        for path in sorted(folder.glob("*.json")):
            article = json.loads(path.read_text("utf-8"))["article"]
            text = f"{article['title']}\n\n{article['text']}"
            expected = [m.span() for m in _SENTENCE_END_AS_WRITTEN.finditer(text)]
            assert list(textmod._breaks(text)) == expected
            found += len(expected)
    assert found > 1000


def test_a_numbered_clubs_name_does_not_end_a_sentence() -> None:
    text = "Frank Schmidt will leave 1. FC Heidenheim at the end of the season. He came in 2007."
    assert [text[s.start : s.end] for s in textmod.split_sentences(text)] == [
        "Frank Schmidt will leave 1. FC Heidenheim at the end of the season.",
        "He came in 2007.",
    ]


def test_a_sentence_may_begin_with_any_capital_of_a_latin_alphabet() -> None:
    text = "Sport1 reports the talks. Şahin was sacked in 2025. Łukasz Piszczek is next. Žilina lost."
    assert [text[s.start : s.end] for s in textmod.split_sentences(text)] == [
        "Sport1 reports the talks.",
        "Şahin was sacked in 2025.",
        "Łukasz Piszczek is next.",
        "Žilina lost.",
    ]


def test_an_initial_does_not_end_a_sentence() -> None:
    text = "Real Madrid C. F. announces that Xabi Alonso has left. Arbeloa takes over."
    assert [text[s.start : s.end] for s in textmod.split_sentences(text)] == [
        "Real Madrid C. F. announces that Xabi Alonso has left.",
        "Arbeloa takes over.",
    ]


def test_a_lists_number_does_not_end_a_sentence() -> None:
    text = "The five managers under the most pressure.\n\n1. Thomas Frank (Tottenham Hotspur) - 6/4\n\nHe is 1.5 ahead."
    assert [text[s.start : s.end] for s in textmod.split_sentences(text)] == [
        "The five managers under the most pressure.",
        "1. Thomas Frank (Tottenham Hotspur) - 6/4",
        "He is 1.5 ahead.",
    ]


def test_a_capital_sharp_s_folds_as_its_small_letter_does() -> None:
    assert textmod.fold("STRAẞE") == textmod.fold("straße") == "strase"
    assert textmod.fold("ẞ") == "ẞ".translate(textmod._fold_table())
