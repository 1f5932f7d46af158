"""The prefix guard in front of the cue pattern rejects positions early and never loses a match."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis.prefilter import prefix_guard
from bot.analysis.relations import _CUES, CUE_PATTERN
from bot.analysis.text import fold

ROOT = Path(__file__).resolve().parents[2]
UNGUARDED = re.compile(
    r"(?<![\w])(?=[a-z'])(?:" + "|".join(f"(?P<{rel.name}>(?:{pattern}))" for rel, pattern in _CUES) + r")\b"
)
CUE_WORDS = [w for _, pattern in _CUES for w in re.findall(r"[a-z]{3,}", pattern)][:400]


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[str | None, int, int]]:
    return [(m.lastgroup, m.start(), m.end()) for m in pattern.finditer(text)]


def test_guard_lists_the_letters_a_match_can_begin_with() -> None:
    guard = re.compile(prefix_guard("sack(?:ed|s)?|talks|re(?:sign|ject)", k=3))
    assert [bool(guard.match(w)) for w in ("sacked", "talks", "resign", "reject", "stay", "tal", "rest")] == [
        True, True, True, True, False, True, True,
    ]  # fmt: skip


def test_guard_stops_at_a_class_it_cannot_spell_out() -> None:
    assert prefix_guard(r"\w+ talks") == ""  # any word: no guard at all
    guard = re.compile(prefix_guard(r"ab[^x]yz|q\d", k=4))
    assert [bool(guard.match(t)) for t in ("ab!", "q", "a!")] == [True, True, False]


def test_guarded_cue_pattern_finds_exactly_the_cues_of_the_unguarded_one_in_every_story() -> None:
    texts = []
    for folder in ("tests/data/analysis", "tests/data/analysis-holdout"):
        for path in sorted((ROOT / folder).glob("*.json")):
            article = json.loads(path.read_text("utf-8"))["article"]
            texts.append(fold(f"{article['title']}\n\n{article['text']}"))
    assert len(texts) > 100
    found = 0
    for text in texts:
        expected = _matches(UNGUARDED, text)
        assert _matches(CUE_PATTERN, text) == expected
        found += len(expected)
    assert found > 500


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*CUE_WORDS, "the", "he", "boss", "'", "-", " ", ".", "ß", "é", "2025"]), max_size=40))
def test_guarded_cue_pattern_agrees_with_the_unguarded_one_on_any_word_soup(words: list[str]) -> None:
    text = " ".join(words)
    assert _matches(CUE_PATTERN, text) == _matches(UNGUARDED, text)
