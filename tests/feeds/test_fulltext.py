"""Full-text enrichment: page fetch plus trafilatura extraction, cache, and the cheap pre-filter."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.config import FeedSettings
from bot.feeds.fetcher import Fetcher
from bot.feeds.fulltext import _LRU, fetch_article_text, looks_like_manager_story
from tests.fakes.feed_server import FeedServer

PARAGRAPHS = [
    "Chelsea have held talks with Enzo Maresca about replacing Mauricio Pochettino as head coach.",
    "The Leicester manager is the club's preferred candidate, according to Sami Mokbel of BBC Sport.",
    "Compensation would be due to Leicester, who are reluctant to lose their manager this summer.",
    "Other candidates include Kieran McKenna, whose Ipswich side won promotion to the Premier League.",
]
ARTICLE = (
    "<!DOCTYPE html><html><head><title>Maresca talks</title><script>var tracking = 1;</script></head>"
    "<body><nav><a href='/'>Home</a> | <a href='/football'>Football</a></nav>"
    "<article><h1>Chelsea in talks with Maresca</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "</article><footer>Copyright Example Media. Cookie settings.</footer></body></html>"
).encode()


def settings(**overrides: Any) -> FeedSettings:
    return FeedSettings(allow_private_addresses=True, **overrides)


@pytest.fixture
async def srv() -> AsyncIterator[FeedServer]:
    async with FeedServer() as server:
        server.add("/article", ARTICLE, content_type="text/html; charset=utf-8")
        yield server


async def test_article_main_text_is_extracted_without_navigation_or_scripts(srv: FeedServer) -> None:
    async with Fetcher(settings()) as fetcher:
        text = await fetch_article_text(fetcher, srv.url("/article"))
    assert text is not None
    assert "Sami Mokbel" in text
    assert "Kieran McKenna" in text
    assert "tracking" not in text
    assert "Cookie settings" not in text


async def test_second_call_is_served_from_cache(srv: FeedServer) -> None:
    async with Fetcher(settings()) as fetcher:
        first = await fetch_article_text(fetcher, srv.url("/article"))
        second = await fetch_article_text(fetcher, srv.url("/article"))
    assert first == second
    assert first is not None
    assert srv.hits("/article") == 1


async def test_cache_is_per_fetcher(srv: FeedServer) -> None:
    for _ in range(2):
        async with Fetcher(settings()) as fetcher:
            assert await fetch_article_text(fetcher, srv.url("/article"))
    assert srv.hits("/article") == 2


async def test_failed_page_gives_none_and_is_retried_later(srv: FeedServer) -> None:
    srv.add("/missing", b"nope", status=404, content_type="text/html")
    async with Fetcher(settings()) as fetcher:
        assert await fetch_article_text(fetcher, srv.url("/missing")) is None
        assert await fetch_article_text(fetcher, srv.url("/missing")) is None
    assert srv.hits("/missing") == 2


async def test_page_without_text_gives_none(srv: FeedServer) -> None:
    srv.add("/empty", b"<html><body></body></html>", content_type="text/html")
    async with Fetcher(settings()) as fetcher:
        assert await fetch_article_text(fetcher, srv.url("/empty")) is None


async def test_disabled_fulltext_fetches_nothing(srv: FeedServer) -> None:
    async with Fetcher(settings(fulltext=False)) as fetcher:
        assert await fetch_article_text(fetcher, srv.url("/article")) is None
    assert srv.requests == []


def test_lru_evicts_least_recently_used() -> None:
    cache = _LRU(2)
    cache.put("a", "1")
    cache.put("b", "2")
    assert cache.get("a") == "1"  # a is now the most recent
    cache.put("c", "3")
    assert (cache.get("a"), cache.get("b"), cache.get("c"), len(cache)) == ("1", None, "3", 2)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Chelsea sack Pochettino", ""),
        ("Maresca in talks over Chelsea job", ""),
        ("Who will replace Ten Hag?", ""),
        ("Tuchel appointed England head coach", ""),
        ("Postecoglou under pressure", ""),
        ("Big night at Anfield", "The Liverpool boss praised his side."),
        ("Kompany the frontrunner", ""),
        ("Southgate steps down", ""),
    ],
)
def test_manager_stories_pass_the_prefilter(title: str, text: str) -> None:
    assert looks_like_manager_story(title, text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Haaland scores hat-trick in 5-1 win", "City cruised past Wolves."),
        ("Women's Super League fixtures released", "The season starts in September."),
        ("Bossaball league expands", "A new sport."),  # 'boss' only as part of a word
    ],
)
def test_match_reports_fail_the_prefilter(title: str, text: str) -> None:
    assert not looks_like_manager_story(title, text)
