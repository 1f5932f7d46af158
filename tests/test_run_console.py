"""`python -m bot run` with no tokens: the console bot, started, asked, and stopped by a signal."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

import pytest

from bot.analysis.analyser import Analyser
from tests.cli_support import ROOT, cli_env, rumourbot_async
from tests.e2e.world import eventually
from tests.fakes.feed_server import FeedServer, rss
from tests.stories import populate

CLOSED_PORT_FEED = "http://127.0.0.1:9/feed.xml"  # the discard port: nothing listens on a test machine


class Lines:
    """Collects a stream's lines as they arrive, so a test can wait for one."""

    def __init__(self, stream: asyncio.StreamReader) -> None:
        self.lines: list[str] = []
        self._changed = asyncio.Event()
        self.task = asyncio.create_task(self._read(stream))

    async def _read(self, stream: asyncio.StreamReader) -> None:
        async for raw in stream:
            self.lines.append(raw.decode("utf-8", "replace").rstrip("\n"))
            self._changed.set()

    async def wait_for(self, text: str, seconds: float = 10) -> None:
        async with asyncio.timeout(seconds):
            while not any(text in line for line in self.lines):
                self._changed.clear()
                await self._changed.wait()

    def count(self, text: str) -> int:
        return sum(text in line for line in self.lines)


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
async def test_console_bot_starts_logs_the_failing_feeds_in_one_line_answers_stdin_and_stops_on_signal(
    tmp_path: Path, analyser: Analyser, stop_signal: signal.Signals
) -> None:
    await populate(tmp_path / "x.db", analyser)
    async with FeedServer() as srv:
        srv.add("/feed.xml", rss([{"guid": "1", "title": "Saka fit for weekend trip", "description": "Fit."}]))
        srv.add("/busy.xml", b"busy", status=503, content_type="text/plain")
        srv.add("/slow.xml", rss([]), delay=60)  # still answering when the signal comes
        busy = srv.url("/busy.xml")
        (tmp_path / "feeds.toml").write_text(
            "".join(f'[[feed]]\nurl = "{url}"\n\n' for url in (CLOSED_PORT_FEED, srv.url("/feed.xml"), busy))
        )
        env = cli_env(tmp_path, feeds__allow_private_addresses="true", feeds__fulltext="false")
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=ROOT, env=env,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        assert proc.stdin is not None
        assert proc.stdout is not None
        assert proc.stderr is not None
        out, err = Lines(proc.stdout), Lines(proc.stderr)
        try:
            await err.wait_for("rumourbot running: console")
            await err.wait_for("3 of 4 feeds failed")  # populate()'s news.example feed is the third
            # A feed added while the bot runs is polled in a round of its own, and is still
            # answering when the signal comes.
            code, _, added_err = await rumourbot_async(env, "feeds", "add", srv.url("/slow.xml"))
            assert code == 0, added_err
            await eventually(lambda: srv.in_flight == 1, 10, "the slow feed's request")
            assert srv.hits("/feed.xml") == 1

            proc.stdin.write(b"/rumour alonso\n")
            await proc.stdin.drain()
            await out.wait_for("Xabi Alonso → Bayern Munich: agreed")
            await out.wait_for("Best source: David Ornstein (tier 1)")
            await asyncio.sleep(1.2)  # at least one more poll tick: the failing feeds are backing off

            proc.send_signal(stop_signal)
            async with asyncio.timeout(5):
                code = await proc.wait()
            await asyncio.gather(out.task, err.task)
        finally:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()
    assert code == 0, "\n".join(err.lines)
    [failed] = [line for line in err.lines if busy in line or CLOSED_PORT_FEED in line]  # one line for all
    assert f"{busy} (HTTP 503)" in failed
    assert f"{CLOSED_PORT_FEED} (connection failed" in failed
    assert err.count("Traceback") == 0
    assert err.lines[-1].endswith("rumourbot stopped")
