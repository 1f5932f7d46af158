"""Parser on hostile and broken input: entity bombs, non-feeds, bad charsets, oversized and invisible text."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bot.feeds.parser import MAX_TEXT, MAX_TITLE, parse_feed
from tests.fakes.feed_server import rss
from tests.fakes.hostile import LAUGHS_PROLOGUE

FEED_URL = "https://example.org/feed.xml"

BILLION_LAUGHS = (
    LAUGHS_PROLOGUE
    + b"""<rss version="2.0"><channel><title>x</title>
<item><title>&lol9;</title><link>https://example.org/1</link></item></channel></rss>"""
)

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title>
<item><title>&xxe;</title><link>https://example.org/1</link></item></channel></rss>"""


def test_html_page_is_not_a_feed() -> None:
    page = b"<!DOCTYPE html><html><head><title>Sport</title></head><body><p>Hello</p></body></html>"
    assert parse_feed(page, FEED_URL).error == "not a feed"


@pytest.mark.parametrize("body", [b"", b"   \n\t "])
def test_empty_body(body: bytes) -> None:
    feed = parse_feed(body, FEED_URL)
    assert (feed.error, feed.entries) == ("empty body", ())


def test_binary_garbage_is_not_a_feed() -> None:
    assert parse_feed(bytes(range(256)) * 10, FEED_URL).error == "not a feed"


def test_malformed_xml_without_entries_reports_malformed() -> None:
    feed = parse_feed(b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</ti', FEED_URL)
    assert feed.error is not None
    assert feed.error.startswith("malformed XML:")


def test_bozo_feed_with_entries_is_still_used() -> None:
    body = rss([{"title": "Boss sacked", "link": "https://example.org/1"}]).replace(b"</channel></rss>", b"")
    body += b"<item><title>broken & unescaped</title>"
    feed = parse_feed(body, FEED_URL)
    assert feed.error is None
    assert feed.entries[0].title == "Boss sacked"


def test_valid_feed_with_no_items_is_not_an_error() -> None:
    feed = parse_feed(rss([]), FEED_URL)
    assert (feed.error, feed.entries, feed.title) == (None, (), "Test feed")


def test_billion_laughs_is_refused_quickly() -> None:
    started = time.monotonic()
    feed = parse_feed(BILLION_LAUGHS, FEED_URL)
    assert (feed.error, feed.entries) == ("entity declarations not allowed", ())
    assert time.monotonic() - started < 1.0


def test_external_entity_is_refused() -> None:
    assert parse_feed(EXTERNAL_ENTITY, FEED_URL).error == "entity declarations not allowed"


def test_body_naming_a_local_file_is_not_read_as_that_file(tmp_path: Path) -> None:
    local = tmp_path / "feed.xml"
    local.write_bytes(rss([{"title": "secret", "link": "https://example.org/1"}]))
    feed = parse_feed(str(local).encode(), FEED_URL)  # feedparser opens bare strings as paths
    assert (feed.error, feed.entries) == ("not a feed", ())


def test_cp1252_bytes_declared_utf8_still_give_text() -> None:
    body = rss([{"title": "Café “boss” sacked", "link": "https://example.org/1"}])
    body = body.decode("utf-8").encode("cp1252")
    (entry,) = parse_feed(body, FEED_URL).entries
    assert entry.title == "Café “boss” sacked"


def test_huge_title_and_text_are_truncated() -> None:
    body = rss([{"title": "A" * 100_000, "link": "https://example.org/1", "description": "word " * 50_000}])
    (entry,) = parse_feed(body, FEED_URL).entries
    assert len(entry.title) == MAX_TITLE
    assert 0 < len(entry.text) <= MAX_TEXT


def test_bidi_zero_width_and_control_characters_are_stripped() -> None:
    title = "Boss\u202e sacked\u200b\u2066 now\x07\ufeff"
    text = "Line\u200d one\x00\u2028line two"
    (entry,) = parse_feed(rss([{"title": title, "description": text, "link": "https://x.org/1"}]), FEED_URL).entries
    assert entry.title == "Boss sacked now"
    assert entry.text == "Line one\nline two"
