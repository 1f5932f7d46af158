"""/healthz: 200 when the store answers, every platform is connected and a feed was fetched
recently; otherwise 503 naming each problem."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.analysis.analyser import Analyser
from bot.store.sqlite import SQLiteStore
from tests.fakes.feed_server import rss
from tests.http.rig import Rig, rig
from tests.store.contract_support import LINKED

STALE_AFTER = 600


@pytest.fixture
async def r(store: SQLiteStore, analyser: Analyser) -> AsyncIterator[Rig]:
    async with rig(store, analyser, stale_after_seconds=STALE_AFTER) as running:
        await running.store.add_feed(running.srv.url("/wire.xml"), "", running.clock())
        yield running


async def test_before_any_successful_poll_healthz_is_503_saying_so(r: Rig) -> None:
    status, body = await r.healthz()
    assert status == 503
    assert body["status"] == "unhealthy"
    assert body["problems"] == ["no successful poll yet"]
    assert body["last_successful_poll"] is None
    assert body["feeds"] == {"ok": 0, "backing_off": 0, "disabled": 0, "not_polled": 1}


async def test_after_a_successful_poll_healthz_is_200_with_the_poll_time(r: Rig) -> None:
    r.publish(LINKED)
    await r.cycle()
    status, body = await r.healthz()
    assert (status, body["status"], body["problems"]) == (200, "ok", [])
    assert body["store"] == "ok"
    assert body["platforms"] == {"test": "connected"}
    assert body["last_successful_poll"] == r.clock().isoformat()
    assert body["feeds"]["ok"] == 1


async def test_a_poll_older_than_stale_after_seconds_makes_healthz_503(r: Rig) -> None:
    r.publish(LINKED)
    await r.cycle()
    polled = r.clock()
    r.srv.add("/wire.xml", b"down", status=503, content_type="text/plain")  # every later fetch fails
    r.clock.advance(seconds=STALE_AFTER - 1)
    assert (await r.healthz())[0] == 200
    r.clock.advance(seconds=2)
    await r.poller.run_once()
    status, body = await r.healthz()
    assert status == 503
    assert body["problems"] == [f"last successful poll {STALE_AFTER + 1} s ago (over {STALE_AFTER} s)"]
    assert body["last_successful_poll"] == polled.isoformat()
    assert body["feeds"]["backing_off"] == 1


async def test_a_disconnected_platform_makes_healthz_503_naming_it(r: Rig) -> None:
    r.publish(LINKED)
    await r.cycle()
    r.connected["test"] = False
    status, body = await r.healthz()
    assert status == 503
    assert body["problems"] == ["platform not connected: test"]
    assert body["platforms"] == {"test": "not connected"}


async def test_an_unreachable_store_makes_healthz_503_and_the_other_routes_still_answer(r: Rig) -> None:
    r.publish(LINKED)
    await r.cycle()
    await r.store.close()
    status, body = await r.healthz()
    assert status == 503
    assert body["store"] == "unreachable"
    assert len(body["problems"]) == 1
    assert body["problems"][0].startswith("store unreachable (")
    page_status, page, _ = await r.get("/")
    assert page_status == 200
    assert "The store could not be read" in page
    metrics_status, text, _ = await r.get("/metrics")
    assert metrics_status == 200
    assert "rumourbot_store_up 0.0" in text


async def test_healthz_with_an_rss_feed_that_failed_once_and_recovered_is_healthy(r: Rig) -> None:
    r.srv.add("/wire.xml", b"busy", status=503, content_type="text/plain")
    await r.cycle()
    assert (await r.healthz())[1]["feeds"]["backing_off"] == 1
    r.srv.add("/wire.xml", rss([]))
    r.clock.advance(hours=1)  # past the back-off
    await r.poller.run_once()
    status, body = await r.healthz()
    assert (status, body["feeds"]["ok"], body["feeds"]["backing_off"]) == (200, 1, 0)


async def test_with_no_feed_to_poll_healthz_is_503_saying_how_to_add_one(
    store: SQLiteStore, analyser: Analyser
) -> None:
    async with rig(store, analyser, stale_after_seconds=STALE_AFTER) as empty:
        status, body = await empty.healthz()
        assert status == 503
        assert body["problems"] == ["no feeds to poll: add one with `rumourbot feeds add URL` or in config/feeds.toml"]
        feed = await empty.store.add_feed(empty.srv.url("/wire.xml"), "", empty.clock())
        now = empty.clock()
        await empty.store.record_fetch_failure(feed.id, error="HTTP 410 Gone", next_poll_at=now, now=now, disable=True)
        status, body = await empty.healthz()
        assert body["problems"] == ["no feeds to poll: every feed is disabled (`rumourbot feeds status` says why)"]
