"""The poller against feeds on 127.0.0.1: conditional GET, backoff, disabling, gone feeds, moves."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any

import pytest

from bot.analysis.analyser import Analyser
from bot.config import FeedSettings
from bot.feeds.fetcher import Fetcher
from bot.llm.port import BuiltinAnalysis
from bot.pipeline.ingest import Ingestor, IngestPolicy
from bot.pipeline.poller import CycleStats, Poller
from bot.store.base import FeedRow
from bot.store.sqlite import SQLiteStore
from tests.fakes.clock import FakeClock
from tests.fakes.feed_server import FeedServer, rss

BASE, CAP = 300, 1000
SETTINGS = FeedSettings(
    allow_private_addresses=True,
    fulltext=False,
    interval_seconds=60,
    min_interval_seconds=60,
    backoff_base_seconds=BASE,
    backoff_max_seconds=CAP,
    connect_timeout_seconds=2,
    read_timeout_seconds=2,
    total_timeout_seconds=5,
)
STAMP = "Wed, 11 Jun 2025 08:00:00 GMT"


def story(n: int) -> dict[str, Any]:
    return {"guid": f"s{n}", "title": f"Club notes {n}", "description": "Training went well.", "pubDate": STAMP}


class Rig:
    def __init__(self, srv: FeedServer, store: SQLiteStore, poller: Poller, clock: FakeClock) -> None:
        self.srv, self.store, self.poller, self.clock = srv, store, poller, clock
        self.ids: dict[str, int] = {}

    async def feed(self, path: str) -> FeedRow:
        feeds = {f.id: f for f in await self.store.list_feeds()}
        return feeds[self.ids[path]]

    async def add(self, *paths: str) -> None:
        for path in paths:
            self.ids[path] = (await self.store.add_feed(self.srv.url(path), "", self.clock())).id

    async def poll_at(self, when: datetime | None) -> CycleStats:
        """Move the clock to ``when`` (never back) and run one poll cycle."""
        if when is not None and when > self.clock.now:
            self.clock.now = when
        return await self.poller.run_once()


@pytest.fixture
async def rig(store: SQLiteStore, analyser: Analyser) -> AsyncIterator[Rig]:
    clock = FakeClock()
    async with FeedServer() as srv, Fetcher(SETTINGS) as fetcher:
        ingestor = Ingestor(BuiltinAnalysis(analyser), store, IngestPolicy())
        yield Rig(srv, store, Poller(store, fetcher, ingestor, SETTINGS, clock=clock), clock)


async def test_second_poll_is_conditional_and_a_304_is_taken_as_no_news(rig: Rig) -> None:
    rig.srv.add("/a.xml", rss([story(1)]), etag='"v1"', last_modified=STAMP)
    await rig.add("/a.xml")
    first = await rig.poller.run_once()
    assert (first.fetched, first.new_entries) == (1, 1)
    # The body changes but the validators do not: a server answering 304 means "nothing new for you".
    rig.srv.add("/a.xml", rss([story(2), story(1)]), etag='"v1"', last_modified=STAMP)
    second = await rig.poll_at((await rig.feed("/a.xml")).next_poll_at)
    assert (second.fetched, second.not_modified, second.new_entries, second.failed) == (0, 1, 0, 0)
    headers = rig.srv.headers_of("/a.xml")
    assert "If-None-Match" not in headers[0]
    assert (headers[1]["If-None-Match"], headers[1]["If-Modified-Since"]) == ('"v1"', STAMP)
    row = await rig.feed("/a.xml")
    assert row.next_poll_at == rig.clock() + timedelta(seconds=SETTINGS.interval_seconds)
    assert (row.etag, row.last_ok_at) == ('"v1"', rig.clock())


async def test_failures_back_off_base_times_two_to_the_n_minus_one_from_the_clock_up_to_the_cap(rig: Rig) -> None:
    rig.srv.add("/down.xml", b"busy", status=503, content_type="text/plain")
    await rig.add("/down.xml")
    expected = [BASE, 2 * BASE, CAP, CAP]  # 300, 600, min(1200, cap), min(2400, cap)
    for attempt, delay in enumerate(expected, start=1):
        stats = await rig.poller.run_once()
        assert stats.failures == [(rig.srv.url("/down.xml"), "HTTP 503")]
        row = await rig.feed("/down.xml")
        assert (row.failures, row.last_error, row.disabled_reason) == (attempt, "HTTP 503", None)
        assert row.next_poll_at == rig.clock() + timedelta(seconds=delay)
        rig.clock.advance(seconds=delay - 1)
        assert (await rig.poller.run_once()).failed == 0  # not due yet: not even fetched
        assert rig.srv.hits("/down.xml") == attempt
        rig.clock.advance(seconds=1)


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        ({"body": b"busy", "status": 503, "content_type": "text/plain"}, "HTTP 503"),
        ({"body": b"<!doctype html><html><body>Hello</body></html>", "content_type": "text/html"}, "not a feed"),
    ],
    ids=["http-503", "html-page"],
)
async def test_eleventh_consecutive_failure_disables_the_feed_with_its_reason_and_others_keep_working(
    rig: Rig, route: dict[str, Any], reason: str
) -> None:
    rig.srv.add("/bad.xml", **route)
    rig.srv.add("/good.xml", rss([story(1)]))
    await rig.add("/bad.xml", "/good.xml")
    for attempt in range(1, 12):
        stats = await rig.poll_at((await rig.feed("/bad.xml")).next_poll_at)
        assert stats.failed == 1
        row = await rig.feed("/bad.xml")
        assert row.disabled_reason == (reason if attempt == 11 else None), attempt
    assert (row.failures, row.last_error) == (11, reason)
    rig.srv.add("/good.xml", rss([story(2), story(1)]))
    stats = await rig.poll_at(rig.clock() + timedelta(days=30))
    assert (stats.fetched, stats.new_entries, stats.failed) == (1, 1, 0)
    assert rig.srv.hits("/bad.xml") == 11
    good = await rig.feed("/good.xml")
    assert (good.failures, good.disabled_reason, good.last_ok_at) == (0, None, rig.clock())


async def test_410_gone_disables_the_feed_at_once(rig: Rig) -> None:
    rig.srv.add("/gone.xml", b"", status=410)
    await rig.add("/gone.xml")
    stats = await rig.poller.run_once()
    assert stats.failed == 1
    row = await rig.feed("/gone.xml")
    assert row.failures == 1
    assert row.disabled_reason is not None
    assert row.disabled_reason.startswith("HTTP 410")
    await rig.poll_at(rig.clock() + timedelta(days=30))
    assert rig.srv.hits("/gone.xml") == 1


async def test_adding_a_disabled_feed_again_polls_it_at_the_next_cycle(rig: Rig) -> None:
    rig.srv.add("/back.xml", b"busy", status=503, content_type="text/plain")
    await rig.add("/back.xml")
    for _ in range(11):
        await rig.poll_at((await rig.feed("/back.xml")).next_poll_at)
    assert (await rig.feed("/back.xml")).disabled_reason == "HTTP 503"
    rig.srv.add("/back.xml", rss([story(1)]))
    await rig.store.add_feed(rig.srv.url("/back.xml"), "", rig.clock())
    stats = await rig.poller.run_once()
    assert (stats.fetched, stats.new_entries) == (1, 1)
    row = await rig.feed("/back.xml")
    assert (row.failures, row.failing_since, row.last_error, row.disabled_reason) == (0, None, None, None)


@pytest.mark.parametrize(("status", "moved"), [(301, True), (308, True), (302, False)])
async def test_permanent_redirect_updates_the_stored_url_and_a_temporary_one_does_not(
    rig: Rig, status: int, moved: bool
) -> None:
    rig.srv.redirect("/old.xml", "/new.xml", status=status)
    rig.srv.add("/new.xml", rss([story(1)]))
    await rig.add("/old.xml")
    stats = await rig.poller.run_once()
    assert (stats.fetched, stats.new_entries) == (1, 1)
    row = await rig.feed("/old.xml")
    assert row.url == rig.srv.url("/new.xml" if moved else "/old.xml")
    await rig.poll_at(row.next_poll_at)
    assert (rig.srv.hits("/old.xml"), rig.srv.hits("/new.xml")) == ((1, 2) if moved else (2, 2))


async def test_successful_poll_stores_the_feed_title_and_a_304_keeps_it(rig: Rig) -> None:
    rig.srv.add("/t.xml", rss([story(1)], title="Sky Sports – Football"), etag='"t1"')
    await rig.add("/t.xml")
    assert (await rig.feed("/t.xml")).title == ""
    await rig.poller.run_once()
    assert (await rig.feed("/t.xml")).title == "Sky Sports – Football"
    stats = await rig.poll_at((await rig.feed("/t.xml")).next_poll_at)
    assert stats.not_modified == 1
    assert (await rig.feed("/t.xml")).title == "Sky Sports – Football"
