"""The lxml fast path gives the same ParsedFeed as feedparser on every feed fixture in the repository.

The fixtures are gathered, not copied: every document the parser tests hand to ``parse_feed`` (their
test functions are run with a recording ``parse_feed``), every body the hostile-feed cases serve,
the generated benchmark feeds, and a few documents aimed at the fast path's own edges.
"""

from __future__ import annotations

import inspect
import itertools
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest

from bench import gen
from bot.feeds import parser as parser_module
from bot.feeds import textclean
from bot.feeds.fastparse import parse_rss
from bot.feeds.parser import ParsedFeed, parse_feed
from tests.fakes.feed_server import rss
from tests.feeds import test_parser, test_parser_hostile
from tests.hardening import test_hostile_feeds

URL = "https://example.org/feed.xml"

EDGES = [
    rss([{"title": "Spurs &amp; Chelsea: boss <b>sacked</b>", "link": "https://x.org/a?b=1&amp;c=2",
          "guid": "g1", "guid_permalink": False, "description": "&lt;p&gt;Hi&lt;/p&gt;", "categories": ["A", ""]}]),
    rss([{"title": "Slashes", "link": "https:///x.org/triple", "guid": "HTTP:////x.org/g"}]),
    rss([{"title": "  spaced title  ", "guid": "/relative/path", "pubDate": "2025-06-11T10:00:00Z",
          "creator": "Reporter (reporter@example.org)"}]),
    rss([{"title": "Ã©tÃ© mojibake", "description": "Cafe\x80 \x93dash\x94", "link": "https://x.org/m",
          "creator": " Jane Doe ", "categories": [" Padded ", "Padded"]}]),
    rss([{"title": "t", "link": "https://x.org/1", "raw": "<source url='https://y.org'>Y</source>"}]),
    rss([{"title": "t", "link": "https://x.org/1", "raw": "<media:title>Other</media:title>"}]),
    rss([{"title": "t", "description": "first", "link": "https://x.org/1",
          "raw": "<description>second</description>"}]),
    rss([{"title": "t", "link": "https://x.org/1", "raw": '<enclosure url="https://x.org/a.mp3" type="audio/mpeg"/>'}]),
    rss([{"title": "Pochettino: a &lt; b", "link": "https://x.org/1", "pubDate": "Wed, 11 Jun 2025 08:00:00 BST"}]),
    rss([{"title": "t", "link": "https://x.org/1"}]).replace(b"<channel>", b"<channel><image><title>Logo</title>"
                                                            b"<url>https://x.org/l.png</url></image>"),
    rss([{"title": "t", "link": "https://x.org/1"}]).replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"'),
    rss([{"title": "t", "link": "https://x.org/1"}]).replace(b"<item>", b"<item xml:base='https://b.org/'>"),
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>x</title>'
    b"<description><p>inline <b>xhtml</b></p></description><guid>https://x.org/9</guid></item></channel></rss>",
]  # fmt: skip


class Recorder:
    """Stands in for a feed server or ``parse_feed`` and keeps every document it is handed."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []

    def add(self, path: str, body: bytes, **_: Any) -> None:
        self.bodies.append(body)

    def redirect(self, *_: Any, **__: Any) -> None:
        return None

    def parse(self, body: bytes, url: str) -> ParsedFeed:
        self.bodies.append(body)
        return parse_feed(body, url)


def _calls(function: Callable[..., object]) -> Iterator[dict[str, Any]]:
    """Keyword arguments for each parametrised case of a test function (one empty set if none)."""
    marks = [m for m in getattr(function, "pytestmark", []) if m.name == "parametrize"]
    if not marks:
        yield {}
        return
    choices = []
    for mark in marks:
        names = [n.strip() for n in mark.args[0].split(",")] if isinstance(mark.args[0], str) else mark.args[0]
        values = [v.values if hasattr(v, "values") else v for v in mark.args[1]]
        choices.append([dict(zip(names, v if len(names) > 1 else (v,), strict=True)) for v in values])
    for combo in itertools.product(*choices):
        yield {k: v for part in combo for k, v in part.items()}


def _from_tests(module: ModuleType, monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    recorder = Recorder()
    monkeypatch.setattr(module, "parse_feed", recorder.parse)
    for name, function in vars(module).items():
        if not name.startswith("test_") or inspect.iscoroutinefunction(function):
            continue
        for kwargs in _calls(function):
            if set(inspect.signature(function).parameters) - set(kwargs):
                continue  # needs a fixture such as tmp_path; its documents are covered elsewhere
            function(**kwargs)
    monkeypatch.undo()
    return recorder.bodies


def all_fixtures(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    bodies = _from_tests(test_parser, monkeypatch) + _from_tests(test_parser_hostile, monkeypatch)
    served = Recorder()
    for case in test_hostile_feeds.CASES:
        case.serve(served)  # type: ignore[arg-type]
    generated = gen.Gen(seed=7)
    bench_feeds = [generated.feed_body(n, version) for n in range(3) for version in (0, 1)]
    return bodies + served.bodies + bench_feeds + EDGES


def _summary(feed: ParsedFeed) -> tuple[object, ...]:
    entries = [
        (e.entry_id, e.id_kind, e.title, e.text, e.url, e.published, e.categories, e.author) for e in feed.entries
    ]
    return feed.title, feed.ttl_seconds, feed.error, entries


def test_fast_path_and_feedparser_give_the_same_parsed_feed_on_every_fixture(monkeypatch: pytest.MonkeyPatch) -> None:
    fixtures = all_fixtures(monkeypatch)
    fast_taken = 0
    for body in fixtures:
        if parse_rss(body) is not None:
            fast_taken += 1
        assert _summary(parse_feed(body, URL)) == _summary(parse_feed(body, URL, fast=False)), body[:300]
    # The comparison means something only if the fast path took most of the plain RSS documents.
    assert len(fixtures) > 60
    assert fast_taken > len(fixtures) // 2


def test_fast_path_takes_plain_rss_and_leaves_odd_documents_to_feedparser() -> None:
    plain = rss([{"title": "Boss sacked", "link": "https://x.org/1", "guid": "1", "creator": "Staff"}])
    assert parse_rss(plain) is not None
    assert parse_rss(gen.Gen(seed=1).feed_body(0, 0)) is not None
    odd = {
        "atom": test_parser.ATOM,
        "rss 1.0": test_parser.RSS1,
        "malformed": b'<?xml version="1.0"?><rss version="2.0"><channel><ti',
        "entity declaration": test_parser_hostile.EXTERNAL_ENTITY,
        "unknown item element": EDGES[4],
        "second description": EDGES[6],
        "latin-1 declared": EDGES[10],
        "xml:base": EDGES[11],
        "markup inside description": EDGES[12],
        "author with e-mail": EDGES[2],
    }
    for name, body in odd.items():
        assert parse_rss(body) is None, name


def test_entry_text_is_only_extracted_when_read(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = textclean.html_to_text

    def counting(markup: str) -> str:
        calls.append(markup)
        return real(markup)

    monkeypatch.setattr(parser_module, "html_to_text", counting)
    items = [
        {"title": f"Story {n}", "link": f"https://x.org/{n}", "description": f"<p>Body {n}</p>"} for n in range(20)
    ]
    feed = parse_feed(rss(items), URL)
    assert len(feed.entries) == 20
    assert not [c for c in calls if "Body" in c]  # identities and titles only so far
    assert feed.entries[3].text == "Body 3"
    assert [c for c in calls if "Body" in c] == ["<p>Body 3</p>"]
