"""Parser: RSS 2.0, Atom and RSS 1.0 fields, entry identity rules, links, and dates."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest

from bot.feeds.parser import normalise_link, parse_feed
from tests.fakes.feed_server import rss

FEED_URL = "https://example.org/feed.xml"

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom football</title>
  <entry>
    <id>tag:example.org,2025:story-1</id>
    <title type="html">Alonso &lt;em&gt;close&lt;/em&gt; to deal</title>
    <link rel="alternate" href="https://example.org/stories/1"/>
    <updated>2025-06-11T10:00:00+02:00</updated>
    <summary type="html">&lt;p&gt;Talks are &lt;b&gt;advanced&lt;/b&gt;.&lt;/p&gt;</summary>
    <author><name>Fabrizio Romano</name></author>
    <category term="Xabi Alonso"/>
  </entry>
</feed>"""

RSS1 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://example.org/"><title>RDF football</title>
    <link>https://example.org/</link><description>d</description></channel>
  <item rdf:about="https://example.org/rdf/1">
    <title>Manager appointed</title><link>https://example.org/rdf/1</link>
    <description>The club appointed a new manager.</description>
    <dc:date>2025-06-11T10:00:00Z</dc:date><dc:creator>Staff</dc:creator>
  </item>
</rdf:RDF>"""


def test_rss2_entry_fields() -> None:
    body = rss(
        [
            {
                "title": "Arteta talks",
                "link": "https://www.theguardian.com/football/2025/jun/11/arteta",
                "guid": "https://www.theguardian.com/football/2025/jun/11/arteta",
                "description": "<p>Arsenal <b>boss</b> &amp; staff&nbsp;met</p><script>track()</script>",
                "pubDate": "Wed, 11 Jun 2025 08:00:00 GMT",
                "creator": "Jacob Steinberg",
                "categories": ["Mikel Arteta", "Arsenal", "Arsenal"],
            }
        ],
        title="Football | The Guardian",
        ttl=15,
    )
    feed = parse_feed(body, "https://www.theguardian.com/football/rss")
    assert (feed.title, feed.ttl_seconds, feed.error) == ("Football | The Guardian", 900, None)
    (entry,) = feed.entries
    assert entry.id_kind == "guid"
    assert entry.entry_id == "https://www.theguardian.com/football/2025/jun/11/arteta"
    assert entry.title == "Arteta talks"
    assert entry.text == "Arsenal boss & staff met"
    assert entry.published == datetime(2025, 6, 11, 8, 0, tzinfo=UTC)
    assert entry.author == "Jacob Steinberg"  # Guardian's dc:creator
    assert entry.categories == ("Mikel Arteta", "Arsenal")


def test_atom_entry() -> None:
    feed = parse_feed(ATOM, FEED_URL)
    (entry,) = feed.entries
    assert feed.title == "Atom football"
    assert (entry.entry_id, entry.id_kind) == ("tag:example.org,2025:story-1", "guid")
    assert entry.title == "Alonso close to deal"
    assert entry.text == "Talks are advanced."
    assert entry.url == "https://example.org/stories/1"
    assert entry.published == datetime(2025, 6, 11, 8, 0, tzinfo=UTC)
    assert (entry.author, entry.categories) == ("Fabrizio Romano", ("Xabi Alonso",))


def test_rss1_rdf_entry() -> None:
    feed = parse_feed(RSS1, FEED_URL)
    (entry,) = feed.entries
    assert (feed.title, entry.title, entry.url) == ("RDF football", "Manager appointed", "https://example.org/rdf/1")
    assert entry.text == "The club appointed a new manager."
    assert entry.published == datetime(2025, 6, 11, 10, 0, tzinfo=UTC)


def test_cdata_title_and_description_are_plain_text() -> None:
    body = rss(
        [
            {
                "title": "Boss <b>sacked</b> & replaced",
                "description": "<p>Club confirms &amp; thanks him</p>",
                "link": "https://example.org/1",
                "cdata": True,
            }
        ]
    )
    (entry,) = parse_feed(body, FEED_URL).entries
    assert (entry.title, entry.text) == ("Boss sacked & replaced", "Club confirms & thanks him")


def test_longer_content_encoded_wins_over_short_description() -> None:
    body = rss(
        [
            {
                "title": "t",
                "link": "https://example.org/1",
                "description": "Short.",
                "content": "<p>First paragraph.</p><p>Second, says journalist Sami Mokbel.</p>",
            }
        ]
    )
    (entry,) = parse_feed(body, FEED_URL).entries
    assert entry.text == "First paragraph.\nSecond, says journalist Sami Mokbel."


def test_bbc_style_guid_revision_suffix_is_dropped_and_link_kept_as_given() -> None:
    link = "https://www.bbc.com/sport/football/articles/c0k4?at_medium=RSS&at_campaign=rss"
    first = rss([{"title": "t", "link": link, "guid": "https://www.bbc.com/sport/football/articles/c0k4#0"}])
    revised = rss([{"title": "t2", "link": link, "guid": "https://www.bbc.com/sport/football/articles/c0k4#1"}])
    (a,) = parse_feed(first, FEED_URL).entries
    (b,) = parse_feed(revised, FEED_URL).entries
    assert (a.entry_id, a.id_kind) == ("https://www.bbc.com/sport/football/articles/c0k4", "guid")
    assert a.entry_id == b.entry_id
    assert a.url == link


def test_tracking_parameters_are_stripped_from_link_identity() -> None:
    link = "https://WWW.Example.ORG:443/story?id=7&utm_source=tw&fbclid=abc&at_medium=RSS&gclid=x&ocid=y#top"
    (entry,) = parse_feed(rss([{"title": "t", "link": link}]), FEED_URL).entries
    assert (entry.entry_id, entry.id_kind) == ("https://www.example.org/story?id=7", "link")
    assert entry.url == link


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("https://a.org/x?utm_medium=rss&utm_campaign=c", "https://a.org/x"),
        ("https://a.org/x?page=2&CMP=share_btn_tw", "https://a.org/x?page=2"),
        ("http://A.org:80", "http://a.org/"),
        ("https://a.org:8443/x#frag", "https://a.org:8443/x"),
        ("https://a.org/x?q=a%20b&mc_cid=1", "https://a.org/x?q=a%20b"),
    ],
)
def test_normalise_link(link: str, expected: str) -> None:
    assert normalise_link(link) == expected


def test_repeated_guid_falls_back_to_link_for_the_whole_feed() -> None:
    items = [{"title": f"Story {i}", "link": f"https://example.org/{i}", "guid": "same"} for i in range(3)]
    entries = parse_feed(rss(items), FEED_URL).entries
    assert [e.id_kind for e in entries] == ["link"] * 3
    assert [e.entry_id for e in entries] == [f"https://example.org/{i}" for i in range(3)]


def test_repeated_link_falls_back_to_title_and_date() -> None:
    items = [{"title": f"Story {i}", "link": "https://example.org/"} for i in range(3)]
    entries = parse_feed(rss(items), FEED_URL).entries
    assert [e.id_kind for e in entries] == ["title_date"] * 3
    assert len({e.entry_id for e in entries}) == 3


def test_exact_duplicate_item_is_reported_once_and_keeps_guid_identity() -> None:
    item = {"title": "Same story", "link": "https://example.org/1", "guid": "g1"}
    other = {"title": "Other", "link": "https://example.org/2", "guid": "g2"}
    entries = parse_feed(rss([item, other, item]), FEED_URL).entries
    assert [(e.entry_id, e.id_kind) for e in entries] == [("g1", "guid"), ("g2", "guid")]


def test_missing_guid_and_link_uses_stable_title_date_hash() -> None:
    date = "Wed, 11 Jun 2025 08:00:00 GMT"
    body = rss([{"title": "Boss sacked", "pubDate": date}, {"title": "Boss hired", "pubDate": date}])
    first = parse_feed(body, FEED_URL).entries
    second = parse_feed(body, FEED_URL).entries
    assert [e.id_kind for e in first] == ["title_date", "title_date"]
    assert [e.entry_id for e in first] == [e.entry_id for e in second]
    expected = hashlib.sha1(b"Boss sacked\x1f2025-06-11T08:00:00+00:00", usedforsecurity=False).hexdigest()
    assert first[0].entry_id == expected
    assert first[0].url == ""


def test_relative_link_is_made_absolute_and_javascript_link_dropped() -> None:
    body = rss([{"title": "a", "link": "/stories/1"}, {"title": "b", "link": "javascript:alert(1)"}])
    a, b = parse_feed(body, "https://example.org/feeds/all.xml").entries
    assert a.url == "https://example.org/stories/1"
    assert (b.url, b.id_kind) == ("", "title_date")


def test_future_date_is_kept() -> None:
    body = rss([{"title": "t", "link": "https://x.org/1", "pubDate": "Thu, 11 Jun 2099 08:00:00 +0000"}])
    assert parse_feed(body, FEED_URL).entries[0].published == datetime(2099, 6, 11, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025-06-11T10:00:00+02:00", datetime(2025, 6, 11, 8, 0, tzinfo=UTC)),
        ("Wed, 11 Jun 2025 10:00:00 BST", datetime(2025, 6, 11, 9, 0, tzinfo=UTC)),
        ("11 Jun 2025 10:00 CEST", datetime(2025, 6, 11, 8, 0, tzinfo=UTC)),
        ("Wed, 11 Jun 2025 04:00:00 EDT", datetime(2025, 6, 11, 8, 0, tzinfo=UTC)),
        ("2025/06/11 08:00", datetime(2025, 6, 11, 8, 0, tzinfo=UTC)),
        ("2025/13/11 08:00", None),
        ("Sun, 31 Feb 2025 10:00:00 GMT", None),
        ("yesterday afternoon", None),
        ("", None),
    ],
)
def test_odd_date_formats(raw: str, expected: datetime | None) -> None:
    body = rss([{"title": "t", "link": "https://x.org/1", "pubDate": raw}])
    published = parse_feed(body, FEED_URL).entries[0].published
    assert published == expected
    assert published is None or published.tzinfo is UTC


def test_bad_ttl_is_ignored() -> None:
    assert parse_feed(rss([], ttl=-5), FEED_URL).ttl_seconds is None
    assert parse_feed(rss([]).replace(b"<description>", b"<ttl>soon</ttl><description>"), FEED_URL).ttl_seconds is None
