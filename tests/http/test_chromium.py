"""The status page in a real browser: headless Chromium (Debian's ``chromium``) loads it, the DOM
it builds holds the thread list, and a screenshot is kept in test-artifacts/ for people to look at.

Skips, saying why, when /usr/bin/chromium is not installed (.ci/run installs it)."""

from __future__ import annotations

import asyncio
import re
import struct
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.analysis.analyser import Analyser
from bot.store.sqlite import SQLiteStore
from tests.conftest import ROOT
from tests.http.rig import Rig, rig
from tests.store.contract_support import AGREED, LINKED, SACKED, TALKS

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
WIDTH, HEIGHT = 1200, 1000

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="headless Chromium not installed: apt-get install chromium (.ci/run does)"
)


async def chromium(tmp_path: Path, *args: str) -> bytes:
    """Run headless Chromium with a throw-away profile; return its standard output."""
    proc = await asyncio.create_subprocess_exec(
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--disable-extensions", "--hide-scrollbars", f"--user-data-dir={tmp_path / 'profile'}",
        *args,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    out, err = await asyncio.wait_for(proc.communicate(), 120)
    assert proc.returncode == 0, err.decode(errors="replace")[-2000:]
    return out


@pytest.fixture
async def r(store: SQLiteStore, analyser: Analyser) -> AsyncIterator[Rig]:
    async with rig(store, analyser) as running:
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
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "status-page.png"
    shot.unlink(missing_ok=True)
    await chromium(tmp_path, f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}", r.ops.url + "/")
    data = shot.read_bytes()
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    assert struct.unpack(">II", data[16:24]) == (WIDTH, HEIGHT)
    assert len(data) > 20_000  # a blank or error page compresses to far less
