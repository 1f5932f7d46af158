"""The status page in a real browser: headless Chromium (Debian's ``chromium``) loads it, the DOM
it builds holds the thread list, and a screenshot is kept in test-artifacts/ for people to look at.

Skips, saying why, when /usr/bin/chromium is not installed (.ci/run installs it)."""

from __future__ import annotations

import re
import struct
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.analysis.analyser import Analyser
from bot.domain import utcnow
from bot.store.sqlite import SQLiteStore
from tests.chromium import PNG_SIGNATURE, chromium, needs_chromium, screenshot
from tests.fakes.clock import FakeClock
from tests.http.rig import Rig, rig
from tests.store.contract_support import AGREED, LINKED, SACKED, TALKS

WIDTH, HEIGHT = 1200, 1000

pytestmark = needs_chromium


@pytest.fixture
async def r(store: SQLiteStore, analyser: Analyser) -> AsyncIterator[Rig]:
    # Today's date, on the hour, for the screenshot kept in docs/ (the rig's default clock is fixed).
    today = FakeClock(utcnow().replace(minute=0, second=0, microsecond=0))
    async with rig(store, analyser, today) as running:
        await running.store.add_feed(running.srv.url("/wire.xml"), "Wire", running.clock())
        await running.store.add_feed(running.srv.url("/down.xml"), "Broken Gazette", running.clock())
        running.srv.add("/down.xml", b"busy", status=503, content_type="text/plain")
        running.publish(LINKED)
        running.publish(TALKS)
        running.publish(SACKED)
        await running.cycle()
        running.publish(AGREED)
        await running.cycle()
        yield running


async def test_chromium_loads_the_status_page_and_finds_the_thread_list(r: Rig, tmp_path: Path) -> None:
    dom = (await chromium(tmp_path, "--dump-dom", r.ops.url + "/")).decode()
    threads = re.search(r'<ol id="threads">(.*?)</ol>\s*<h2>', dom, re.S)
    assert threads is not None, dom[:2000]
    titles = re.findall(r'<div class="thread-title">([^<]+)</div>', threads.group(1))
    assert titles[0] == "Xabi Alonso → Bayern Munich: agreed"
    assert set(titles) == {
        "Xabi Alonso → Bayern Munich: agreed",
        "Enzo Maresca → Chelsea: sacked",
        "Xabi Alonso → Real Madrid: linked",
    }
    assert '<section id="feeds">' in dom


async def test_chromium_screenshot_of_the_status_page_is_a_real_png(r: Rig, tmp_path: Path) -> None:
    data = await screenshot(tmp_path, r.ops.url + "/", "status-page.png", WIDTH, HEIGHT)
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    assert struct.unpack(">II", data[16:24]) == (WIDTH, HEIGHT)
    assert len(data) > 20_000  # a blank or error page compresses to far less
