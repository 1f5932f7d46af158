"""What the poller logs when feeds fail: one line per round of polls, not one per feed, and a
plain hint when no feed at all could be reached (a machine with no network)."""

from __future__ import annotations

import logging

import pytest

from bot.analysis.analyser import Analyser
from bot.config import FeedSettings
from bot.feeds.fetcher import Fetcher
from bot.llm.port import BuiltinAnalysis
from bot.pipeline.ingest import Ingestor, IngestPolicy
from bot.pipeline.poller import Poller
from bot.store.sqlite import SQLiteStore
from tests.fakes.clock import FakeClock
from tests.fakes.feed_server import FeedServer, rss

SETTINGS = FeedSettings(allow_private_addresses=True, fulltext=False, total_timeout_seconds=5)
UNREACHABLE = [f"http://127.0.0.1:9/feed-{n}.xml" for n in range(16)]  # the discard port: nothing listens


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "bot.pipeline.poller" and r.levelno >= logging.WARNING]


async def poll(store: SQLiteStore, analyser: Analyser, urls: list[str]) -> None:
    clock = FakeClock()
    for url in urls:
        await store.add_feed(url, "", clock())
    async with Fetcher(SETTINGS) as fetcher:
        await Poller(
            store, fetcher, Ingestor(BuiltinAnalysis(analyser), store, IngestPolicy()), SETTINGS, clock=clock
        ).run_once()


async def test_no_feed_reachable_is_one_warning_that_asks_whether_the_machine_is_offline(
    store: SQLiteStore, analyser: Analyser, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    await poll(store, analyser, UNREACHABLE)
    [line] = warnings(caplog)
    assert line.startswith("no feed could be reached (16 of 16 failed, e.g. http://127.0.0.1:9/feed-0.xml: connection")
    assert "is this machine offline?" in line
    assert "`rumourbot feeds status`" in line


async def test_several_failures_in_one_round_are_one_warning_naming_a_few(
    store: SQLiteStore, analyser: Analyser, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    async with FeedServer() as srv:
        srv.add("/ok.xml", rss([]))
        for n in range(5):
            srv.add(f"/busy-{n}.xml", b"busy", status=503, content_type="text/plain")
        await poll(store, analyser, [srv.url("/ok.xml"), *(srv.url(f"/busy-{n}.xml") for n in range(5))])
    [line] = warnings(caplog)
    assert line.startswith("5 of 6 feeds failed; each is retried with back-off (`rumourbot feeds status` lists them): ")
    assert line.count("(HTTP 503)") == 3
    assert line.endswith("and 2 more")
    assert "offline" not in line


async def test_a_single_failure_is_still_its_own_line(
    store: SQLiteStore, analyser: Analyser, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    async with FeedServer() as srv:
        srv.add("/busy.xml", b"busy", status=503, content_type="text/plain")
        await poll(store, analyser, [srv.url("/busy.xml")])
        [line] = warnings(caplog)
        assert line == f"feed {srv.url('/busy.xml')} failed (HTTP 503); attempt 1, retrying in 300 s"
