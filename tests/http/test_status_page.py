"""The status page: hottest threads with their stage timelines, feed health, and hostile feed text
shown as text."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import pytest

from bot.analysis.analyser import Analyser
from bot.store.sqlite import SQLiteStore
from tests.http.rig import Rig, rig
from tests.store.contract_support import AGREED, LINKED, SACKED, TALKS

HOSTILE_TITLE = 'Xabi Alonso agrees terms with Bayern Munich <script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
async def r(store: SQLiteStore, analyser: Analyser) -> AsyncIterator[Rig]:
    async with rig(store, analyser) as running:
        yield running


async def test_page_lists_hot_threads_with_their_stage_timeline_and_feed_health(r: Rig) -> None:
    await r.store.add_feed(r.srv.url("/wire.xml"), "Wire", r.clock())
    await r.store.add_feed(r.srv.url("/down.xml"), "Broken Gazette", r.clock())
    r.srv.add("/down.xml", b"busy", status=503, content_type="text/plain")
    r.publish(LINKED)
    r.publish(TALKS)
    await r.cycle()
    r.publish(AGREED)
    await r.cycle()

    status, page, headers = await r.get("/")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    threads = re.search(r'<ol id="threads">(.*?)</ol><h2>', page, re.S)
    assert threads is not None
    items = threads.group(1)
    assert "Xabi Alonso → Bayern Munich: agreed" in items
    assert "Xabi Alonso → Real Madrid: linked" in items
    assert items.index("Bayern Munich: agreed") < items.index("Real Madrid: linked")  # hottest first
    bayern = items[items.index("Bayern Munich: agreed") : items.index("Real Madrid: linked")]
    timeline = re.findall(r'<span class="stage">([^<]+)</span> ([^<]+) <span', bayern)
    assert timeline == [("talks", "David Ornstein"), ("agreed", "David Ornstein")]
    feeds = page[page.index('<section id="feeds">') :]
    assert "2 feeds: 1 ok · 1 backing off · 0 disabled · 0 not polled yet" in feeds
    assert "Broken Gazette" in feeds
    assert "HTTP 503" in feeds
    assert "Wire</a>" not in feeds  # healthy feeds are counted, not listed


async def test_a_threads_times_read_in_order_published_then_seen(r: Rig) -> None:
    """The thread line gives the latest report's publication time, the timeline when the bot saw
    each step: labelled so, a report published at 08:56 and seen at 09:02 reads as no contradiction."""
    await r.store.add_feed(r.srv.url("/wire.xml"), "Wire", r.clock())
    r.publish(TALKS)
    await r.cycle()
    _, page, _ = await r.get("/")
    thread = page[page.index('<li class="thread">') :]
    assert "updated" not in thread[: thread.index('<ol class="timeline">')]
    published = re.search(r"latest report published (\S+ \S+) UTC", thread)
    seen = re.search(r'<span class="stage">talks</span> David Ornstein <span class="muted">seen (\S+ \S+) UTC', thread)
    assert published is not None, thread[:600]
    assert seen is not None, thread[:600]
    assert published.group(1) <= seen.group(1)


async def test_a_script_in_a_feed_title_is_escaped_text_and_scripts_are_forbidden(r: Rig) -> None:
    await r.store.add_feed(r.srv.url("/wire.xml"), "<b>Wire</b>", r.clock())
    r.publish((HOSTILE_TITLE, AGREED[1]))
    await r.cycle()
    status, page, headers = await r.get("/")
    assert status == 200
    assert "<script" not in page
    assert "<img" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert "script-src" not in headers["Content-Security-Policy"]
    assert headers["Content-Security-Policy"].startswith("default-src 'none'")


async def test_only_http_links_become_links(r: Rig) -> None:
    await r.store.add_feed("javascript:alert(1)//feed", "Odd", r.clock())
    await r.store.record_fetch_failure(
        (await r.store.list_feeds())[0].id, error="<b>bad</b>", next_poll_at=r.clock(), now=r.clock(), disable=True
    )
    _, page, _ = await r.get("/")
    assert 'href="javascript' not in page
    assert "&lt;b&gt;bad&lt;/b&gt;" in page
    assert "disabled" in page


async def test_an_empty_bot_says_there_is_nothing_yet(r: Rig) -> None:
    status, page, _ = await r.get("/")
    assert status == 200
    assert '<ol id="threads"><li class="empty">No rumour thread updated this week.</li></ol>' in page
    assert "0 feeds" in page
    assert "no feeds to poll" in page


async def test_page_has_the_sack_race_the_vacancy_board_and_the_source_table(r: Rig) -> None:
    await r.store.add_feed(r.srv.url("/wire.xml"), "Wire", r.clock())
    r.publish(SACKED)
    r.publish(TALKS)
    await r.cycle()
    r.publish(AGREED)
    await r.cycle()
    _, page, _ = await r.get("/")
    race = page[page.index('<section id="board-sack-race">') :]
    assert "No manager is under pressure" in race
    vacancies = page[page.index('<section id="board-vacancies">') :]
    assert "Chelsea — vacant since" in vacancies
    assert "Enzo Maresca sacked (Chelsea (official))" in vacancies
    table = page[page.index('<section id="board-track-record') :]
    assert "David Ornstein — tier 1: 1 of 1 resolved manager calls right" in table
