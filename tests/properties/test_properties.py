"""Properties over arbitrary input: the analyser, entry identity and command handling never fail."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from bot.analysis.analyser import Analyser
from bot.analysis.text import fold
from bot.commands.base import ChatRef, Invocation
from bot.commands.names import NameResolver
from bot.commands.router import COMMANDS, Router
from bot.domain import Analysis, Article, Relation, Report, utcnow
from bot.feeds.parser import parse_feed
from bot.pipeline.ingest import _is_duplicate
from bot.store.sqlite import SQLiteStore
from tests.builders import prediction_commands
from tests.fakes.feed_server import rss

FOOTBALL_WORDS = st.sampled_from(
    [
        "Alonso",
        "Xabi",
        "Liverpool",
        "the Reds",
        "sacked",
        "talks",
        "here we go",
        "extension",
        "United",
        "Inter",
        "Romano",
        "told",
        "CaughtOffside",
        "appointed",
        "interim",
        "he",
        "the Spaniard",
        "not",
        "denied",
        "'",
        "“",
        "\u202e",
        "\u200b",
        "<b>",
        "&amp;",
        "\n\n",
        ".",
        ",",
        ";",
        "O'Neill",
        "Ten Hag",
    ]
)
TEXT = st.one_of(st.text(max_size=400), st.lists(FOOTBALL_WORDS, max_size=80).map(" ".join))
RELATIONS = {r.value for r in Relation}


def _check_schema(analysis: Analysis) -> None:
    data = analysis.as_json()
    assert set(data) == {"is_manager_rumour", "managers", "clubs", "rumours", "sources", "summary"}
    assert isinstance(data["is_manager_rumour"], bool)
    for rumour in data["rumours"]:
        assert rumour["relation"] in RELATIONS
        assert 0.0 <= rumour["confidence"] <= 1.0
        assert rumour["manager"] in data["managers"]
        assert rumour["club"] in data["clubs"]
    for source in data["sources"]:
        assert 0 <= source["tier"] <= 4
    assert len(data["summary"]) <= 300
    json.dumps(data)
    if not data["is_manager_rumour"]:
        assert data["rumours"] == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=TEXT, text=TEXT, outlet=st.text(max_size=40), url=st.text(max_size=60))
def test_analyser_never_raises_and_keeps_its_schema(
    analyser: Analyser, title: str, text: str, outlet: str, url: str
) -> None:
    _check_schema(analyser.analyse(Article(title=title, text=text, outlet=outlet, url=url)))


ITEM = st.fixed_dictionaries(
    {"title": st.text(min_size=1, max_size=60), "description": st.text(max_size=80)},
    optional={
        "guid": st.text(min_size=1, max_size=30),
        "link": st.sampled_from(["https://a.example/x?utm_source=y", "https://a.example/y", "https://b.example/z#0"]),
        "pubDate": st.sampled_from(["Mon, 01 Jan 2024 10:00:00 GMT", "garbage", "2024-02-30"]),
    },
)


@settings(max_examples=150, deadline=None)
@given(items=st.lists(ITEM, max_size=8))
def test_entry_identity_is_stable_across_fetches(items: list[dict[str, str]]) -> None:
    body = rss(items)
    first = [(e.id_kind, e.entry_id) for e in parse_feed(body, "https://feed.example/rss").entries]
    second = [(e.id_kind, e.entry_id) for e in parse_feed(body, "https://feed.example/rss").entries]
    assert first == second
    assert len(set(first)) == len(first)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.one_of(st.sampled_from([*COMMANDS, "start", "RUMOUR", "rumour@otherbot"]), st.text(max_size=20)),
    args=st.one_of(st.text(max_size=300), st.lists(FOOTBALL_WORDS, max_size=20).map(" ".join)),
    can_manage=st.booleans(),
)
def test_command_handling_never_raises(
    tmp_path_factory: object, analyser: Analyser, name: str, args: str, can_manage: bool
) -> None:
    del tmp_path_factory
    reply = _LOOP.run_until_complete(_router(analyser).handle(Invocation(CHAT, "u1", name, args, "group", can_manage)))
    assert reply.text or reply.cards
    assert len(reply.text) < 4000


CHAT = ChatRef("console", "props")
_LOOP = asyncio.new_event_loop()
_ROUTER: dict[str, Router] = {}


@pytest.fixture(scope="module", autouse=True)
def _close_loop() -> Iterator[None]:
    yield
    if "r" in _ROUTER:
        _LOOP.run_until_complete(_ROUTER["r"].store.close())  # type: ignore[attr-defined]
    _LOOP.close()


def _router(analyser: Analyser) -> Router:
    if "r" not in _ROUTER:
        folder = Path(__import__("tempfile").mkdtemp(prefix="rumourbot-props-"))
        store = _LOOP.run_until_complete(SQLiteStore.open(f"sqlite:///{folder / 'p.db'}"))
        names = NameResolver(analyser.gazetteer)
        _ROUTER["r"] = Router(store, names, predictions=prediction_commands(store, names, utcnow))
    return _ROUTER["r"]


@settings(max_examples=300, deadline=None)
@given(mine=TEXT, earlier=st.lists(TEXT, max_size=4), threshold=st.floats(0.01, 1.0))
def test_a_near_duplicate_is_a_token_sort_ratio_of_the_folded_texts_at_the_threshold(
    mine: str, earlier: list[str], threshold: float
) -> None:
    def folded(text: str) -> str:
        return " ".join(fold(text).split())[:600]

    report = Report("M", "C", Relation.TALKS, 0.9, "", "S", 1, "s", "", "", mine, "", utcnow())
    expected = any(fuzz.token_sort_ratio(folded(f"{mine} "), folded(t)) >= threshold * 100 for t in earlier)
    assert _is_duplicate(report, [("", t) for t in earlier], threshold) is expected
