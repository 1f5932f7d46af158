"""A surname's later mentions, written from its first letter, are found where ``\\bSurname\\b`` finds them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis.analyser import Analyser
from bot.analysis.unknown import named_again
from bot.domain import Article

ROOT = Path(__file__).resolve().parents[2]
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")


def _plain(surname: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(surname)}\b")


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_a_surname_is_found_where_the_plain_pattern_finds_it_in_every_story() -> None:
    found = 0
    for folder in sorted((ROOT / "tests/data").glob("analysis*")):
        for path in sorted(folder.glob("*.json"))[::4]:
            article = json.loads(path.read_text("utf-8"))["article"]
            text = f"{article['title']}\n\n{article['text']}"
            for surname in sorted({m.group() for m in _CAPITALISED.finditer(text)})[:12]:
                expected = _spans(_plain(surname), text)
                assert _spans(named_again(surname), text) == expected, surname
                found += len(expected)
    assert found > 1000


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Lee", "Leeds", "O'Neill", "Neill", "'t", "Hart", "-", "_", "2", "é", " ", "\n"]), max_size=20
    ),
    st.sampled_from(["Lee", "O'Neill", "Neill", "'t", "Hart-Lee", "É", "2"]),
)
def test_a_surname_is_found_where_the_plain_pattern_finds_it_on_any_word_soup(words: list[str], surname: str) -> None:
    text = "".join(words)
    assert _spans(named_again(surname), text) == _spans(_plain(surname), text)


def test_a_coach_named_in_full_only_in_the_headline_is_found_by_his_surname_in_the_body(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Why Anna Keller has earned the Aston Villa job",
            text="Keller, the second-team coach Aston Villa placed in interim charge of the women's first team until "
            "the end of the season, has lost one of her eight games.",
        )
    )
    assert ("Anna Keller", "Aston Villa Women", "appointed") in {
        (r.manager, r.club, r.relation.value) for r in analysis.rumours
    }


def test_a_headline_name_and_a_surname_that_introduces_no_coach_make_no_coach(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Why Jonas Brandt is the signing Hoffenheim need",
            text="Brandt, the midfielder Hoffenheim tried to sign in the summer, has scored six goals this season.",
        )
    )
    assert not analysis.rumours


def test_a_coach_the_knowledge_base_lacks_is_found_as_a_national_teams_head_coach(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="India news",
            text="Hamid Karimi is under serious pressure as India head coach after a defeat.",
        )
    )
    assert ("Hamid Karimi", "India", "under_pressure") in {
        (r.manager, r.club, r.relation.value) for r in analysis.rumours
    }


def test_a_coach_relieved_of_his_duties_as_head_coach_by_a_federation_is_found_and_sacked(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="India sack Karimi",
            text="The All India Football Federation has relieved Hamid Karimi of his duties as head coach of the "
            "senior men's team.",
        )
    )
    assert ("Hamid Karimi", "India", "sacked") in {(r.manager, r.club, r.relation.value) for r in analysis.rumours}
