"""The words after a cue that name another role than the head coach's, read in two patterns, say what the
one pattern they were first written as said."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis.staff import _not_the_job
from bot.analysis.text import fold

ROOT = Path(__file__).resolve().parents[2]

# As first written: each of the first four alternatives with its own reach of 60 characters.
_AS_WRITTEN = re.compile(
    r"[^.;:]{0,60}?\b(?:as (?:the |an? |their |its |his |her )?(?:club's |new |first )*(?:[\w-]+ )?|"
    r"to become (?:the |their )?|"
    r"role of |the (?:vacant|open) )(?:assistant|assistant head coach|assistant manager|first-team coach|"
    r"set-piece coach|"
    r"goalkeeping coach|goalkeeper coach|fitness coach|analyst|technical director|sporting director|"
    r"(?:[\w-]+ )?specialist|dead-ball coach|"
    r"director of (?:football|rugby)|head of [\w-]+|academy (?:manager|director|coach)|"
    r"under-\d+s? (?:head |lead )?(?:coach|manager)|u\d+s? (?:head |lead )?(?:coach|manager)|"
    r"chief executive|ceo|chairman|president|scout|ambassador|general manager|gm|president of [\w ]{1,20}operations|"
    r"head of (?:football|soccer) operations)\b|"
    r"[^.;:]{0,60}?\bas (?:the |their |its )?(?:new )?(?:head coach|manager|coach|boss) of (?:the |their |its )?"
    r"(?:club's )?(?:(?:under-?\d+s?|u-?\d+s?|academy|reserves?|youth|b|second|development) (?:side|team|squad)|"
    r"under-?\d+s|u-?\d+s|academy|reserves)\b|"
    r"[^.;:]{0,60}?\b(?:backroom|coaching) (?:staff|team)\b|"
    r"[^.;:]{0,60}?\b(?:on|to) (?:[\w.-]+ ){0,2}?[\w.-]+'s? staff\b|"
    r"\s+(?:a|an) (?:new |permanent |long-term )?(?:successor|replacement)\b|"
    r"\s+(?:a |an |the |their |its )?(?:new |permanent |first )?(?:sporting director|technical director|"
    r"director of football|chief executive|ceo|chairman|president|head of recruitment|assistant)\b|"
    r"\s+an? (?:new )?(?:set-piece|goalkeeping|goalkeeper|fitness|first-team|dead-ball|analysis|performance) "
    r"(?:coach|specialist)\b|"
    r"\s+of (?:the club's |their |its |the )?(?:[\w-]+ )?(?:strategy|operations|recruitment|department|matters|"
    r"scouting|transfers|academy|planning|squad planning)\b"
)


def test_another_role_is_found_where_the_pattern_as_first_written_found_it_in_every_story() -> None:
    found = 0
    for path in sorted((ROOT / "tests/data").glob("analysis*/*.json")):
        article = json.loads(path.read_text("utf-8"))["article"]
        text = fold(f"{article['title']}\n\n{article['text']}")
        for word in re.finditer(r"\w+", text):
            for end in (len(text), min(len(text), word.end() + 80)):
                expected = _AS_WRITTEN.match(text, word.end(), end) is not None
                assert _not_the_job(text, word.end(), end) == expected, (path.name, word.end())
                found += expected
    assert found > 100


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("as", "the", "new", "assistant", "head coach", "of", "under-21", "side", "backroom", "staff"),
                *("to", "become", "his", "role", "a", "successor", "x", "club's", "sporting director", "on"),
                *("Smith's", ".", ";", ",", "strategy", "set-piece", "coach", "vacant", "academy", "manager"),
            ]
        ),
        max_size=20,
    ),
    st.sampled_from([" ", "", "  "]),
)
def test_another_role_is_found_as_first_written_on_any_word_soup(words: list[str], joint: str) -> None:
    text = joint.join(words)
    for start in range(min(len(text), 12)):
        assert _not_the_job(text, start, len(text)) == (_AS_WRITTEN.match(text, start) is not None)
