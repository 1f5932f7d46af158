"""The status page: hottest threads with their stage timelines, feed health, and hostile feed text
shown as text."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from bot.analysis.analyser import Analyser
from bot.questions import SOMEONE_ELSE, Answer, NewQuestion, QuestionKind, QuestionStatus
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


async def test_the_page_shows_the_latest_prediction_questions_their_state_and_how_many_answered(r: Rig) -> None:
    _, page, _ = await r.get("/")
    assert "No prediction question has been asked yet." in page
    now = r.clock()
    job = NewQuestion(
        "telegram:-100<b>:", QuestionKind.NEXT_MANAGER, "Chelsea", "Enzo Maresca", ("Xabi Alonso", SOMEONE_ELSE),
        now, "7", now + timedelta(days=30),
    )  # fmt: skip
    q = await r.store.predictions.open_question(job)
    assert q is not None
    await r.store.predictions.record_answers(
        [Answer(u, u, 0, now, q.id, "telegram", "", f"k{u}") for u in ("1", "2")]
        + [Answer("3", "3", 1, now, None, "telegram", "lost-poll", "k3")]
    )
    _, page, _ = await r.get("/")
    section = page[page.index('<section id="questions">') :]
    row = re.search(r"<tr><td>#1</td><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td><td>(\d+)</td></tr>", section)
    assert row is not None, section
    assert row.groups() == (
        "telegram:-100&lt;b&gt;:",
        "Who will be Chelsea&#x27;s next permanent manager?",
        f"open until {(now + timedelta(days=30)):%Y-%m-%d %H:%M} UTC",
        "2",
    )
    assert "1 Telegram answer(s) wait for their poll to be matched" in section
    await r.store.predictions.resolve_question(
        q.id, QuestionStatus.RESOLVED, outcome=0, text_="Chelsea appointed Xabi Alonso", outcome_at=now,
        source="Chelsea", season="2025-26", scores=(), now=now,
    )  # fmt: skip
    _, page, _ = await r.get("/")
    assert f"resolved {now:%Y-%m-%d %H:%M} UTC: Xabi Alonso (Chelsea appointed Xabi Alonso)" in page
