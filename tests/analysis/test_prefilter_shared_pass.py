"""The literal and branch scans share one Aho-Corasick pass a text and still find what ``re`` finds."""

from __future__ import annotations

import re

import bot.analysis.analyser  # noqa: F401  # compiles every pattern of the analysis package
from bot.analysis.literal_pass import shared_pass
from bot.analysis.prefilter import GUARDED, BranchScan, LiteralScan


def _spans(
    pattern: re.Pattern[str] | LiteralScan | BranchScan, text: str, start: int = 0, end: int = 10**9
) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in pattern.finditer(text, start, end)]


def test_scans_sharing_literals_each_find_their_own_matches_in_one_pass_whatever_the_order() -> None:
    sports = r"\b(?:rugby(?: union)?|cricket)\b"
    unions = r"\b(?:union jack|rugby league)\b"
    branches = [r"(?P<a>rugby \w+)", r"(?P<b>cricket|union)"]
    first, second, third = LiteralScan(sports), LiteralScan(unions), BranchScan(r"\b", branches)
    del GUARDED[-3:]  # not the analysis's own patterns
    plain = [re.compile(sports), re.compile(unions), re.compile(rf"\b(?:{'|'.join(branches)})")]
    texts = [
        "rugby union jack; cricket, rugby league and union",
        "no sport here",
        "Rugby union? rugby league. cricket",
        "union jack rugby",
        "rugby union jack; cricket, rugby league and union",  # equal to the first, another object
    ]
    for order in ((0, 1, 2), (2, 1, 0), (1, 2, 0)):
        for text in texts:  # five texts: more than the pass keeps, in turn
            for index in order:
                scan = (first, second, third)[index]
                assert _spans(scan, text) == _spans(plain[index], text), (index, text)
                assert _spans(scan, text, 6, 30) == _spans(plain[index], text, 6, 30), (index, text)


def test_a_scan_made_after_the_pass_was_built_finds_its_own_literals() -> None:
    early = LiteralScan(r"\bsacked\b")
    text = "sacked by the club, then appointed elsewhere"
    assert [m.span() for m in early.finditer(text)] == [(0, 6)]  # the automaton is built now
    late = LiteralScan(r"\bappointed\b")
    del GUARDED[-2:]
    assert [m.span() for m in late.finditer(text)] == [(25, 34)]
    assert [m.span() for m in early.finditer(text)] == [(0, 6)]


def test_scans_of_names_as_written_share_another_pass_than_scans_of_folded_text() -> None:
    assert shared_pass(r"\b(?:coach|boss)\s+(?P<name>[A-Z][a-z]+)") is shared_pass(r"\b[Aa]ssistant\b")
    assert shared_pass(r"\b(?:coach|boss)\b") is shared_pass(r"(?P<UNDER_PRESSURE>sack race)\b")
    assert shared_pass(r"\b(?:coach|boss)\b") is not shared_pass(r"\bcoach [A-Z]")
