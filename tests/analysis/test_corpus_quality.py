"""The labelled corpus itself: size, hard negatives, well-formed labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.analysis.evaluate import load_corpus

CORPUS = Path(__file__).resolve().parents[1] / "data" / "analysis"
RELATIONS = {
    "linked",
    "talks",
    "offer",
    "agreed",
    "appointed",
    "rejected",
    "denied",
    "stays",
    "extension",
    "sacked",
    "left",
    "under_pressure",
}


def test_corpus_has_sixty_stories_and_fifteen_hard_negatives() -> None:
    stories = load_corpus(CORPUS)
    negatives = [s for _, s in stories if not s["expected"]["is_manager_rumour"]]
    assert len(stories) >= 60
    assert len(negatives) >= 15


@pytest.mark.parametrize("name", [p.name for p in sorted(CORPUS.glob("*.json"))])
def test_corpus_story_is_well_formed(name: str) -> None:
    story = json.loads((CORPUS / name).read_text("utf-8"))
    assert story["article"]["title"].strip()
    assert story["article"]["text"].strip()
    expected = story["expected"]
    for rumour in expected["rumours"]:
        assert rumour["relation"] in RELATIONS
        assert rumour["manager"] in expected["managers"]
        assert rumour["club"] in expected["clubs"]
    if not expected["is_manager_rumour"]:
        assert expected["rumours"] == []
