"""Fetcher against a real HTTP server on 127.0.0.1: conditional GET, limits, redirects, statuses."""

from __future__ import annotations

import asyncio
import gzip
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import pytest

from bot.config import FeedSettings
from bot.feeds.fetcher import Fetcher
from tests.fakes.feed_server import FeedServer, rss

FEED = rss([{"title": "Boss sacked", "link": "https://example.org/1", "guid": "1"}])


def settings(**overrides: Any) -> FeedSettings:
    values: dict[str, Any] = {
        "allow_private_addresses": True,
        "connect_timeout_seconds": 2,
        "read_timeout_seconds": 2,
        "total_timeout_seconds": 5,
    }
    values.update(overrides)
    return FeedSettings(**values)


@pytest.fixture
async def srv() -> AsyncIterator[FeedServer]:
    async with FeedServer() as server:
        yield server


@pytest.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    async with Fetcher(settings()) as f:
        yield f


async def test_plain_fetch_returns_body_and_sends_honest_user_agent(srv: FeedServer, fetcher: Fetcher) -> None:
    srv.add("/feed.xml", FEED)
    result = await fetcher.fetch(srv.url("/feed.xml"))
    assert (result.outcome, result.body, result.http_status, result.error) == ("ok", FEED, 200, None)
    assert srv.headers_of("/feed.xml")[0]["User-Agent"] == FeedSettings().user_agent


async def test_second_request_is_conditional_and_304_gives_not_modified_without_body(
    srv: FeedServer, fetcher: Fetcher
) -> None:
    stamp = "Wed, 11 Jun 2025 08:00:00 GMT"
    srv.add("/feed.xml", FEED, etag='"v1"', last_modified=stamp)
    first = await fetcher.fetch(srv.url("/feed.xml"))
    assert (first.outcome, first.etag, first.last_modified) == ("ok", '"v1"', stamp)

    second = await fetcher.fetch(srv.url("/feed.xml"), etag=first.etag, last_modified=first.last_modified)

    sent = srv.headers_of("/feed.xml")[1]
    assert sent["If-None-Match"] == '"v1"'
    assert sent["If-Modified-Since"] == stamp
    assert (second.outcome, second.body, second.http_status) == ("not_modified", None, 304)
    assert (second.etag, second.last_modified) == ('"v1"', stamp)


async def test_changed_etag_gets_the_new_body(srv: FeedServer, fetcher: Fetcher) -> None:
    srv.add("/feed.xml", b"<rss>new</rss>", etag='"v2"')
    result = await fetcher.fetch(srv.url("/feed.xml"), etag='"v1"')
    assert (result.outcome, result.body, result.etag) == ("ok", b"<rss>new</rss>", '"v2"')


async def test_gzip_body_is_decompressed(srv: FeedServer, fetcher: Fetcher) -> None:
    srv.add("/feed.xml", FEED, gzip=True)
    result = await fetcher.fetch(srv.url("/feed.xml"))
    assert "gzip" in srv.headers_of("/feed.xml")[0]["Accept-Encoding"]
    assert result.body == FEED


async def test_body_over_cap_is_refused(srv: FeedServer) -> None:
    srv.add("/big.xml", b"x" * 5000)
    async with Fetcher(settings(max_body_bytes=1024)) as fetcher:
        result = await fetcher.fetch(srv.url("/big.xml"))
    assert (result.outcome, result.body, result.error) == ("error", None, "body over 1024 bytes")


async def test_streamed_body_without_length_is_cut_at_cap(srv: FeedServer) -> None:
    srv.add("/stream.xml", b"x" * 50_000, drip_interval=0, drip_size=512)
    async with Fetcher(settings(max_body_bytes=1024)) as fetcher:
        result = await fetcher.fetch(srv.url("/stream.xml"))
    assert result.error == "body over 1024 bytes"


async def test_gzip_bomb_is_refused_on_decompressed_size(srv: FeedServer) -> None:
    bomb = gzip.compress(b"\0" * 10_000_000)
    assert len(bomb) < 100_000  # small on the wire, 10 MB once inflated
    srv.add("/bomb.xml", bomb, headers={"Content-Encoding": "gzip"})
    async with Fetcher(settings(max_body_bytes=100_000)) as fetcher:
        result = await fetcher.fetch(srv.url("/bomb.xml"))
    assert (result.outcome, result.error) == ("error", "body over 100000 bytes")


async def test_total_timeout_stops_a_slow_drip(srv: FeedServer) -> None:
    srv.add("/drip.xml", b"x" * 100, drip_interval=0.1)  # bytes keep coming, so sock_read never fires
    async with Fetcher(settings(total_timeout_seconds=0.5, read_timeout_seconds=5)) as fetcher:
        started = time.monotonic()
        result = await fetcher.fetch(srv.url("/drip.xml"))
    assert (result.outcome, result.error) == ("error", "time-out")
    assert time.monotonic() - started < 2.0


async def test_redirect_loop_is_detected(srv: FeedServer, fetcher: Fetcher) -> None:
    srv.redirect("/a", "/b", status=302)
    srv.redirect("/b", "/a", status=302)
    result = await fetcher.fetch(srv.url("/a"))
    assert (result.outcome, result.error) == ("error", "redirect loop")
    assert srv.hits("/a") == 1


async def test_redirect_chain_longer_than_limit_fails(srv: FeedServer) -> None:
    for i in range(4):
        srv.redirect(f"/r{i}", f"/r{i + 1}", status=302)
    srv.add("/r4", FEED)
    async with Fetcher(settings(max_redirects=3)) as fetcher:
        result = await fetcher.fetch(srv.url("/r0"))
        allowed = await fetcher.fetch(srv.url("/r1"))
    assert result.error is not None
    assert result.error.startswith("too many redirects")
    assert srv.hits("/r4") == 1
    assert allowed.outcome == "ok"


@pytest.mark.parametrize("status", [301, 308])
async def test_permanent_redirect_sets_moved_to(srv: FeedServer, fetcher: Fetcher, status: int) -> None:
    srv.redirect("/old.xml", "/new.xml", status=status)
    srv.add("/new.xml", FEED)
    result = await fetcher.fetch(srv.url("/old.xml"))
    assert (result.outcome, result.body) == ("ok", FEED)
    assert result.url == srv.url("/new.xml")
    assert result.moved_to == srv.url("/new.xml")


async def test_temporary_redirect_does_not_set_moved_to(srv: FeedServer, fetcher: Fetcher) -> None:
    srv.redirect("/old.xml", "/new.xml", status=302)
    srv.add("/new.xml", FEED)
    result = await fetcher.fetch(srv.url("/old.xml"))
    assert (result.outcome, result.url, result.moved_to) == ("ok", srv.url("/new.xml"), None)


async def test_moved_to_stops_at_first_temporary_hop(srv: FeedServer, fetcher: Fetcher) -> None:
    srv.redirect("/a", "/b", status=301)
    srv.redirect("/b", "/c", status=302)
    srv.add("/c", FEED)
    result = await fetcher.fetch(srv.url("/a"))
    assert (result.url, result.moved_to) == (srv.url("/c"), srv.url("/b"))


async def test_redirect_to_non_http_scheme_is_refused(srv: FeedServer, fetcher: Fetcher) -> None:
    srv.redirect("/a", "file:///etc/passwd", status=302)
    result = await fetcher.fetch(srv.url("/a"))
    assert result.error == "unsupported scheme 'file'"


async def test_410_is_gone(srv: FeedServer, fetcher: Fetcher) -> None:
    srv.add("/dead.xml", b"", status=410)
    result = await fetcher.fetch(srv.url("/dead.xml"))
    assert (result.outcome, result.http_status) == ("gone", 410)


async def test_other_status_is_an_error_naming_it(srv: FeedServer, fetcher: Fetcher) -> None:
    srv.add("/x.xml", b"", status=500)
    result = await fetcher.fetch(srv.url("/x.xml"))
    assert (result.outcome, result.error, result.retry_after_seconds) == ("error", "HTTP 500", None)


async def test_429_retry_after_in_seconds_is_parsed(srv: FeedServer, fetcher: Fetcher) -> None:
    srv.add("/x.xml", b"", status=429, headers={"Retry-After": "120"})
    result = await fetcher.fetch(srv.url("/x.xml"))
    assert (result.error, result.http_status, result.retry_after_seconds) == ("HTTP 429", 429, 120.0)


async def test_503_retry_after_as_http_date_is_parsed(srv: FeedServer, fetcher: Fetcher) -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=600), usegmt=True)
    srv.add("/x.xml", b"", status=503, headers={"Retry-After": when})
    result = await fetcher.fetch(srv.url("/x.xml"))
    assert result.error == "HTTP 503"
    assert result.retry_after_seconds is not None
    assert 590 <= result.retry_after_seconds <= 600


async def test_cache_control_max_age_is_reported(srv: FeedServer, fetcher: Fetcher) -> None:
    srv.add("/x.xml", FEED, headers={"Cache-Control": "public, s-maxage=60, max-age=900"})
    result = await fetcher.fetch(srv.url("/x.xml"))
    assert result.max_age_seconds == 900


async def test_per_host_limit_caps_concurrent_requests(srv: FeedServer) -> None:
    srv.add("/slow.xml", FEED, delay=0.2)
    async with Fetcher(settings(per_host_concurrency=2)) as fetcher:
        results = await asyncio.gather(*(fetcher.fetch(srv.url("/slow.xml")) for _ in range(6)))
    assert all(r.outcome == "ok" for r in results)
    assert srv.max_in_flight == 2


async def test_global_limit_caps_concurrent_requests(srv: FeedServer) -> None:
    srv.add("/slow.xml", FEED, delay=0.1)
    async with Fetcher(settings(concurrency=1, per_host_concurrency=8)) as fetcher:
        await asyncio.gather(*(fetcher.fetch(srv.url("/slow.xml")) for _ in range(4)))
    assert srv.max_in_flight == 1


async def test_connection_refused_is_reported_not_raised(srv: FeedServer, fetcher: Fetcher) -> None:
    url = srv.url("/x.xml")
    await srv.close()  # nothing listens on that port any more
    result = await fetcher.fetch(url)
    assert result.outcome == "error"
    assert result.error is not None
    assert result.error.startswith("connection failed")


async def test_unsupported_scheme_and_bad_url_are_errors(fetcher: Fetcher) -> None:
    assert (await fetcher.fetch("ftp://example.org/feed")).error == "unsupported scheme 'ftp'"
    assert (await fetcher.fetch("http://")).outcome == "error"


async def test_fetch_before_start_is_an_error() -> None:
    result = await Fetcher(settings()).fetch("http://127.0.0.1/")
    assert result.error == "fetcher not started"


async def test_cancellation_propagates(srv: FeedServer, fetcher: Fetcher) -> None:
    srv.add("/slow.xml", FEED, delay=2)
    task = asyncio.create_task(fetcher.fetch(srv.url("/slow.xml")))
    await asyncio.sleep(0.1)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_fetch_page_accepts_html_without_conditional_headers(srv: FeedServer, fetcher: Fetcher) -> None:
    page = b"<html><body><p>Article</p></body></html>"
    srv.add("/article", page, content_type="text/html; charset=utf-8", etag='"p1"')
    result = await fetcher.fetch_page(srv.url("/article"))
    sent = srv.headers_of("/article")[0]
    assert (result.outcome, result.body) == ("ok", page)
    assert "text/html" in sent["Accept"]
    assert "If-None-Match" not in sent


async def test_fetch_page_refuses_non_page_content(srv: FeedServer, fetcher: Fetcher) -> None:
    srv.add("/photo", b"\x89PNG....", content_type="image/png")
    result = await fetcher.fetch_page(srv.url("/photo"))
    assert result.error == "not a web page (image/png)"


async def test_fetch_page_uses_fulltext_size_cap(srv: FeedServer) -> None:
    srv.add("/article", b"<p>" + b"x" * 5000, content_type="text/html")
    async with Fetcher(settings(fulltext_max_bytes=2048, max_body_bytes=1_000_000)) as fetcher:
        page = await fetcher.fetch_page(srv.url("/article"))
        feed = await fetcher.fetch(srv.url("/article"))
    assert page.error == "body over 2048 bytes"
    assert feed.outcome == "ok"
