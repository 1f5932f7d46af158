"""config/feeds.toml keeps the shape the loader expects, with canonical outlet names."""

from __future__ import annotations

import tomllib
from pathlib import Path

from bot.feeds.netguard import check_feed_url

FEEDS_TOML = Path(__file__).resolve().parents[2] / "config" / "feeds.toml"
CANONICAL_OUTLETS = {
    "BBC Sport",
    "The Guardian",
    "Sky Sports",
    "ESPN",
    "The Athletic",
    "The Independent",
    "FourFourTwo",
    "90min",
    "Daily Mail",
    "Football365",
    "TEAMtalk",
    "CaughtOffside",
    "",  # Google News: the publisher varies per item
}


def _feeds() -> list[dict[str, object]]:
    with FEEDS_TOML.open("rb") as fh:
        data = tomllib.load(fh)
    assert set(data) == {"feed"}
    feeds = data["feed"]
    assert isinstance(feeds, list)
    return feeds


def test_every_feed_has_exactly_url_and_a_canonical_outlet() -> None:
    feeds = _feeds()
    assert len(feeds) >= 15
    for feed in feeds:
        assert set(feed) == {"url", "outlet"}, feed
        assert feed["outlet"] in CANONICAL_OUTLETS, feed


def test_feed_urls_are_unique_public_https_urls() -> None:
    urls = [str(feed["url"]) for feed in _feeds()]
    assert len(set(urls)) == len(urls)
    for url in urls:
        assert url.startswith("https://"), url
        assert check_feed_url(url, allow_private=False) is None, url


def test_google_news_feeds_have_no_fixed_outlet() -> None:
    for feed in _feeds():
        if "news.google.com" in str(feed["url"]):
            assert feed["outlet"] == ""
