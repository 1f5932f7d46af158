"""A healthy feed turns hostile: after the next poll cycle it is in a clear state (ok, backing off with
its reason, or disabled with its reason), the other feed polled in the same cycle is unaffected, and
nothing crashes. Real Poller, Fetcher, Ingestor, Analyser, SQLiteStore and Dispatcher; the feeds are a
FeedServer on 127.0.0.1. (tests/feeds/ covers the same inputs at the fetcher and parser level.)"""

from __future__ import annotations

import gzip
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import pytest

from bot.analysis.analyser import Analyser
from bot.config import DeliverySettings, FeedSettings
from bot.delivery.dispatcher import Dispatcher
from bot.feeds.fetcher import Fetcher
from bot.llm.port import BuiltinAnalysis
from bot.pipeline.ingest import Ingestor, IngestPolicy
from bot.pipeline.poller import Poller
from bot.render.text import render_card
from bot.store.base import FeedRow
from bot.store.sqlite import SQLiteStore
from tests.fakes.clock import FakeClock
from tests.fakes.feed_server import FeedServer, rss
from tests.fakes.hostile import LAUGHS_PROLOGUE
from tests.fakes.recording_sender import RecordingSender

BASE, INTERVAL, LIMIT = 300, 60, 1_000_000
SETTINGS = FeedSettings(
    allow_private_addresses=True,
    fulltext=False,
    interval_seconds=INTERVAL,
    min_interval_seconds=INTERVAL,
    backoff_base_seconds=BASE,
    backoff_max_seconds=86_400,
    connect_timeout_seconds=2,
    read_timeout_seconds=5,
    total_timeout_seconds=1.5,  # the drip case: the total time-out, not the read time-out, stops it
    max_body_bytes=LIMIT,
)
STAMP = "Wed, 11 Jun 2025 08:00:00 GMT"  # an hour before the FakeClock's start
HOSTILE, GOOD = "/h.xml", "/good.xml"
CHAT = "test:c1:"
INVISIBLE = "\u202e\u200b\u2066\u2069\u200d\u200f\u061c\ufeff\x07\x00"

BILLION_LAUGHS = (
    LAUGHS_PROLOGUE
    + b"""<rss version="2.0"><channel><title>x</title>
<item><title>&lol9;</title><link>https://example.org/1</link></item></channel></rss>"""
)


def story(key: str, **fields: Any) -> dict[str, Any]:
    item = {"guid": key, "title": f"Club notes {key}", "description": "Training went well.", "pubDate": STAMP}
    return item | fields


class Rig:
    def __init__(self, srv: FeedServer, store: SQLiteStore, poller: Poller, clock: FakeClock) -> None:
        self.srv, self.store, self.poller, self.clock = srv, store, poller, clock
        self.sender = RecordingSender(platform="test")
        self.dispatcher = Dispatcher(store, {"test": self.sender}, DeliverySettings(), clock=clock)
        self.ids: dict[str, int] = {}

    async def row(self, path: str) -> FeedRow:
        return next(f for f in await self.store.list_feeds() if f.id == self.ids[path])

    def entries(self, path: str) -> dict[str, tuple[str, str | None]]:
        """entry_key → (title, published) of every stored entry of the feed first added at ``path``."""
        with sqlite3.connect(self.store.path) as db:
            rows = db.execute(
                "SELECT entry_key, title, published FROM entries WHERE feed_id = ?", (self.ids[path],)
            ).fetchall()
        return {key: (title, published) for key, title, published in rows}


def state(row: FeedRow) -> tuple[str, str | None]:
    """The feed's state as an operator reads it in /sources."""
    if row.disabled_reason is not None:
        return "disabled", row.disabled_reason
    if row.failures:
        return "backing off", row.last_error
    return "ok", None


# ----- what each hostile case checks beyond the feed's state ---------------------------------------------


async def moved_feed_is_polled_at_its_new_address(rig: Rig) -> None:
    row = await rig.row(HOSTILE)
    assert row.url == rig.srv.url("/moved.xml")
    assert "guid:moved:h1" in rig.entries(HOSTILE)
    old = rig.srv.hits(HOSTILE)
    rig.clock.advance(seconds=INTERVAL)
    await rig.poller.run_once()
    assert (rig.srv.hits(HOSTILE), rig.srv.hits("/moved.xml")) == (old, 2)


async def gone_feed_is_never_fetched_again(rig: Rig) -> None:
    hits = rig.srv.hits(HOSTILE)
    rig.clock.advance(days=30)
    await rig.poller.run_once()
    assert rig.srv.hits(HOSTILE) == hits


def stored_titles(*expected: str) -> Callable[[Rig], Awaitable[None]]:
    async def check(rig: Rig) -> None:
        titles = {title for title, _ in rig.entries(HOSTILE).values()}
        assert set(expected) <= titles

    return check


async def duplicate_guids_fall_back_to_links(rig: Rig) -> None:
    keys = set(rig.entries(HOSTILE))
    assert {"link:https://news.example/a", "link:https://news.example/b"} <= keys


async def missing_guids_use_link_or_title_and_date(rig: Rig) -> None:
    kinds = {key.split(":", 1)[0] for key in rig.entries(HOSTILE)} - {"guid"}
    assert kinds == {"link", "title_date"}


async def dates_are_kept_parsed_or_left_empty(rig: Rig) -> None:
    published = {key: when for key, (_, when) in rig.entries(HOSTILE).items()}
    assert published["guid:future"] is not None
    assert published["guid:future"].startswith("2099-06-11T08:00:00")
    assert published["guid:odd"] is not None
    assert published["guid:odd"].startswith("2025-06-11T07:00:00")
    assert published["guid:missing"] is None
    assert published["guid:garbage"] is None


async def huge_title_is_stored_cut_to_1000_characters(rig: Rig) -> None:
    (title, _) = rig.entries(HOSTILE)["guid:big"]
    assert title == "A" * 1000


async def alert_text_has_the_invisible_characters_stripped(rig: Rig) -> None:
    assert await rig.dispatcher.run_once() == 1
    (sent,) = rig.sender.take()
    assert sent.card is not None
    text = render_card(sent.card)
    assert "Xabi Alonso → Bayern Munich" in text
    assert "Bayern Munich hold talks with Xabi Alonso" in text  # the headline, cleaned
    assert not set(INVISIBLE) & set(text)


INVISIBLE_RUMOUR = {
    "title": "Bayern Munich hold\u202e talks\u200b with Xabi\u2066 Alonso\x07\ufeff",
    "description": "Bayern Munich have opened\u200d talks with Xabi Alonso\u061c over their vacant head coach role,"
    " The Athletic's David Ornstein reports.\u2069\u200f",
    "link": "https://news.example/inv",
}


@dataclass(frozen=True)
class Case:
    id: str
    serve: Callable[[FeedServer], object]  # makes HOSTILE hostile
    state: str
    reason: str | None = None  # the start of last_error / disabled_reason
    delay: float | None = None  # seconds to the next poll (default: the interval, or the first back-off)
    check: Callable[[Rig], Awaitable[None]] | None = None


def _redirect_loop(srv: FeedServer) -> None:
    srv.redirect(HOSTILE, "/loop.xml", status=302)
    srv.redirect("/loop.xml", HOSTILE, status=302)


def _moved(srv: FeedServer) -> None:
    srv.redirect(HOSTILE, "/moved.xml", status=301)
    srv.add("/moved.xml", rss([story("moved:h1"), story("h0")]))


def _retry_after_date(srv: FeedServer) -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=7200), usegmt=True)
    srv.add(HOSTILE, b"busy", status=503, content_type="text/plain", headers={"Retry-After": when})


CASES = [
    Case("malformed-xml", lambda s: s.add(HOSTILE, b'<?xml version="1.0"?><rss version="2.0"><channel><ti'),
         "backing off", "malformed XML"),
    Case("html-page", lambda s: s.add(HOSTILE, b"<!doctype html><html><body>We moved!</body></html>",
                                      content_type="text/html"), "backing off", "not a feed"),
    Case("empty-200", lambda s: s.add(HOSTILE, b""), "backing off", "empty body"),
    Case("oversize-body", lambda s: s.add(HOSTILE, b"<rss>" + b"x" * LIMIT), "backing off", f"body over {LIMIT}"),
    Case("gzip-bomb", lambda s: s.add(HOSTILE, gzip.compress(b"\0" * 20 * LIMIT), headers={"Content-Encoding": "gzip"}),
         "backing off", f"body over {LIMIT}"),
    Case("one-byte-a-second-drip", lambda s: s.add(HOSTILE, rss([story("h1")]), drip_interval=1.0, drip_size=1),
         "backing off", "time-out"),
    Case("redirect-loop", _redirect_loop, "backing off", "redirect loop"),
    Case("moved-301", _moved, "ok", check=moved_feed_is_polled_at_its_new_address),
    Case("gone-410", lambda s: s.add(HOSTILE, b"", status=410), "disabled", "HTTP 410 Gone",
         check=gone_feed_is_never_fetched_again),
    Case("429-retry-after-seconds", lambda s: s.add(HOSTILE, b"", status=429, headers={"Retry-After": "3600"}),
         "backing off", "HTTP 429", delay=3600),
    Case("503-retry-after-date", _retry_after_date, "backing off", "HTTP 503", delay=7200),
    Case("cp1252-declared-utf8",
         lambda s: s.add(HOSTILE, rss([story("cafe", title="Café “boss” sacked")]).decode().encode("cp1252")),
         "ok", check=stored_titles("Café “boss” sacked")),
    Case("billion-laughs", lambda s: s.add(HOSTILE, BILLION_LAUGHS), "backing off", "entity declarations not allowed"),
    Case("duplicate-guids", lambda s: s.add(HOSTILE, rss([
        story("same", title="A", link="https://news.example/a"),
        story("same", title="B", link="https://news.example/b")])), "ok", check=duplicate_guids_fall_back_to_links),
    Case("missing-guids", lambda s: s.add(HOSTILE, rss([
        {"title": "No guid", "link": "https://news.example/c", "pubDate": STAMP},
        {"title": "No guid and no link", "pubDate": STAMP}])), "ok", check=missing_guids_use_link_or_title_and_date),
    Case("future-odd-missing-dates", lambda s: s.add(HOSTILE, rss([
        story("future", pubDate="Fri, 11 Jun 2099 08:00:00 GMT"), story("odd", pubDate="2025/06/11 07:00"),
        {"guid": "missing", "title": "Undated"}, story("garbage", pubDate="yesterday-ish")])),
         "ok", check=dates_are_kept_parsed_or_left_empty),
    Case("100-kb-title", lambda s: s.add(HOSTILE, rss([story("big", title="A" * 100_000)])), "ok",
         check=huge_title_is_stored_cut_to_1000_characters),
    Case("invisible-characters", lambda s: s.add(HOSTILE, rss([story("inv", **INVISIBLE_RUMOUR), story("h0")])),
         "ok", check=alert_text_has_the_invisible_characters_stripped),
]  # fmt: skip


@pytest.fixture
async def rig(store: SQLiteStore, analyser: Analyser) -> AsyncIterator[Rig]:
    clock = FakeClock()
    async with FeedServer() as srv, Fetcher(SETTINGS) as fetcher:
        poller = Poller(
            store, fetcher, Ingestor(BuiltinAnalysis(analyser), store, IngestPolicy()), SETTINGS, clock=clock
        )
        yield Rig(srv, store, poller, clock)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
async def test_a_feed_turned_hostile_ends_the_next_poll_in_a_clear_state_and_the_other_feed_is_unaffected(
    rig: Rig, case: Case
) -> None:
    rig.srv.add(HOSTILE, rss([story("h0")]))
    rig.srv.add(GOOD, rss([story("g0")]))
    for path in (HOSTILE, GOOD):
        rig.ids[path] = (await rig.store.add_feed(rig.srv.url(path), "", rig.clock())).id
    await rig.store.follow(CHAT, "all", "all", "", rig.clock())
    first = await rig.poller.run_once()  # both healthy; the first poll stores entries and alerts nothing
    assert (first.fetched, first.failed) == (2, 0)

    case.serve(rig.srv)
    rig.srv.add(GOOD, rss([story("g1"), story("g0")]))
    now = rig.clock.advance(seconds=INTERVAL)
    stats = await rig.poller.run_once()  # returns: no crash

    hostile, good = await rig.row(HOSTILE), await rig.row(GOOD)
    shown, reason = state(hostile)
    assert shown == case.state, (shown, reason)
    if case.reason is None:
        assert reason is None
    else:
        assert reason is not None
        assert reason.startswith(case.reason), reason
    assert stats.failed == (0 if case.state == "ok" else 1)
    if case.state != "disabled":
        default = INTERVAL if case.state == "ok" else BASE
        expected = now + timedelta(seconds=case.delay or default)
        assert hostile.next_poll_at is not None
        assert abs((hostile.next_poll_at - expected).total_seconds()) <= 5  # an HTTP date is read on the real clock

    assert state(good) == ("ok", None)
    assert good.last_ok_at == now
    assert good.next_poll_at == now + timedelta(seconds=INTERVAL)
    assert "guid:g1" in rig.entries(GOOD)
    if case.check is not None:
        await case.check(rig)
