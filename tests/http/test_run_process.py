"""``rumourbot run`` with ``RUMOURBOT_HTTP__LISTEN`` serves /healthz once its first poll succeeded,
and stops serving when it stops."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import aiohttp

from tests.e2e.process import BotProcess
from tests.fakes.feed_server import FeedServer, rss
from tests.http.test_binding import free_port


async def get_healthz(url: str) -> tuple[int, dict[str, object]] | None:
    try:
        async with aiohttp.ClientSession() as session, session.get(url) as response:
            return response.status, json.loads(await response.text())
    except aiohttp.ClientConnectorError:
        return None  # not listening (yet)


async def test_rumourbot_run_serves_healthz_on_the_configured_port(tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/healthz"
    async with FeedServer() as srv:
        srv.add("/feed.xml", rss([{"guid": "1", "title": "Training notes", "description": "Fit."}]))
        (tmp_path / "feeds.toml").write_text(f'[[feed]]\nurl = "{srv.url("/feed.xml")}"\n')
        bot = BotProcess(
            {
                "RUMOURBOT_STORE__URL": f"sqlite:///{tmp_path / 'x.db'}",
                "RUMOURBOT_FEEDS__FILE": str(tmp_path / "feeds.toml"),
                "RUMOURBOT_FEEDS__ALLOW_PRIVATE_ADDRESSES": "true",
                "RUMOURBOT_FEEDS__FULLTEXT": "false",
                "RUMOURBOT_HTTP__LISTEN": f"127.0.0.1:{port}",
            },
            tmp_path / "bot.log",
        )
        await bot.start(console=True)
        try:
            answer = None
            async with asyncio.timeout(30):
                while answer is None or answer[0] != 200:
                    await asyncio.sleep(0.2)
                    answer = await get_healthz(url)
            assert answer[1]["status"] == "ok"
            assert answer[1]["platforms"] == {"console": "connected"}
            assert f"operator endpoint on http://127.0.0.1:{port}" in bot.stderr()
            assert await bot.stop() == 0
        finally:
            await bot.close()
        assert await get_healthz(url) is None
