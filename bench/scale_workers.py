"""Scale-out: feeds polled per minute and alerts delivered per second with 1, 2 and 4 worker processes.

Each run gets a fresh PostgreSQL schema, N loopback feeds (every poll a full 200 with 20 items, no
ETag: parse and store lookups every time) and a Telegram Bot API fake that accepts every send. The
workers are real `rumourbot run --role poller,dispatcher` processes (send-only Telegram). Two figures:

* polls/min: requests the feed server answered during a window after every first poll was done;
* alerts/s: after the window, stories for CHATS chats are published at once; the rate is the
  number of alert messages over the time from the first to the last one reaching the fake.

Every process spaces its Telegram sends at 30/s (Telegram's limit per bot), so against the fake
alerts/s grows with processes; a real bot token stays at ~30/s overall (docs/SCALING.md).

    python bench/scale_workers.py             # 600 feeds, 3 repeats, 15 s windows
    BENCH_SIZE=quick python bench/scale_workers.py

Needs PostgreSQL (RUMOURBOT_TEST_PG_URL, default postgresql://postgres@127.0.0.1:5432/test); without
one it says so and exits 0.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import sys
import tempfile
import time
import tomllib
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import asyncpg  # type: ignore[import-untyped]  # asyncpg ships no type information
import common

from bot.commands.base import ChatRef
from bot.store.postgres import PostgresStore, redact
from tests.conftest import PG_URL, with_search_path
from tests.e2e.world import base_env, telegram_env
from tests.fakes.feed_server import FeedServer, rss
from tests.fakes.telegram_server import TelegramFake
from tests.scale.workers import Worker

WORKERS = (1, 2, 4)
FEEDS = common.size("scale_feeds", 600, 100)
WINDOW = float(common.size("scale_window", 15, 6))
CHATS = 20
STORIES = 12


class TimedTelegram(TelegramFake):
    """Records when each sendMessage arrived."""

    def __init__(self) -> None:
        super().__init__()
        self.sent_at: list[float] = []

    async def _send_message(self, params: dict[str, Any]) -> Any:
        self.sent_at.append(time.perf_counter())
        return await super()._send_message(params)


def pairs(n: int) -> list[tuple[str, str]]:
    """``n`` manager → club pairs, each a thread of its own (the managers' own clubs skipped)."""
    config = common.ROOT / "config"
    managers = [m for m in tomllib.loads((config / "managers.toml").read_text())["manager"] if not m.get("common_word")]
    clubs = [c["name"] for c in tomllib.loads((config / "clubs.toml").read_text())["club"]]
    chosen = []
    for i, manager in enumerate(managers):
        club = clubs[(i * 7 + 3) % 60]
        if club != manager.get("club"):
            chosen.append((manager["name"], club))
        if len(chosen) == n:
            break
    return chosen


def items(feed: int, extra: list[tuple[str, str]]) -> list[dict[str, str]]:
    when = format_datetime(datetime.now(UTC) - timedelta(minutes=5))
    out = [
        {"guid": f"https://news.example/{feed}-{k}", "link": f"https://news.example/{feed}-{k}", "pubDate": when,
         "title": f"Match report {feed}-{k}", "description": "A hard-fought draw on a cold evening."}
        for k in range(20)
    ]  # fmt: skip
    for k, (manager, club) in enumerate(extra):
        url = f"https://news.example/{feed}-s{k}"
        out.insert(0, {"guid": url, "link": url, "pubDate": when, "title": f"{club} hold talks with {manager}",
                       "description": f"{club} have opened talks with {manager} over their vacant head coach role,"
                                      " The Athletic's David Ornstein reports."})  # fmt: skip
    return out


async def until(check: Any, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not await check():
        if time.monotonic() > deadline:
            raise TimeoutError(f"not within {seconds} s")
        await asyncio.sleep(0.2)


async def one_run(n_workers: int, tmp: Path) -> tuple[float, float]:
    admin = await asyncpg.connect(PG_URL, timeout=5)
    schema = f"rumourbot_bench_{secrets.token_hex(6)}"
    await admin.execute(f'CREATE SCHEMA "{schema}"')
    url = with_search_path(PG_URL, schema)
    workers: list[Worker] = []
    tg = await TimedTelegram().start()
    try:
        store = await PostgresStore.open(url)
        try:
            for chat in range(CHATS):
                await store.follow(ChatRef("telegram", str(7000 + chat), "").key, "all", "all", "", datetime.now(UTC))
        finally:
            await store.close()
        async with FeedServer() as srv:
            for n in range(FEEDS):
                srv.add(f"/f{n}.xml", rss(items(n, [])))
            feeds_file = tmp / "feeds.toml"
            feeds_file.write_text("".join(f'[[feed]]\nurl = "{srv.url(f"/f{n}.xml")}"\n\n' for n in range(FEEDS)))
            env = base_env(tmp, feeds_file) | telegram_env(tg) | {
                "RUMOURBOT_STORE__URL": url,
                "RUMOURBOT_FEEDS__INTERVAL_SECONDS": "1",
                "RUMOURBOT_FEEDS__PER_HOST_CONCURRENCY": "32",  # every feed is on 127.0.0.1
                "RUMOURBOT_DELIVERY__CATCH_UP_LIMIT": "1000",  # one message per alert, no roundups
                "RUMOURBOT_LOG__LEVEL": "WARNING",
            }  # fmt: skip
            for k in range(n_workers):
                workers.append(await Worker(env, tmp / f"w{n_workers}-{k}.log", "poller,dispatcher").start())

            async def first_polls() -> bool:
                return bool(
                    await admin.fetchval(f'SELECT count(*) = {FEEDS} FROM "{schema}".feeds WHERE first_poll_done')
                )

            await until(first_polls, 120)
            before = len(srv.requests)
            await asyncio.sleep(WINDOW)
            polls_per_minute = (len(srv.requests) - before) / WINDOW * 60

            for k, pair in enumerate(pairs(STORIES)):
                n = k * (FEEDS // STORIES)
                srv.add(f"/f{n}.xml", rss(items(n, [pair])))
            expected = STORIES * CHATS

            async def all_sent() -> bool:
                return len(tg.sent_at) >= expected

            await until(all_sent, 120)
            span = tg.sent_at[expected - 1] - tg.sent_at[0]
            alerts_per_second = (expected - 1) / span if span > 0 else float("inf")
            for worker in workers:
                await worker.stop()
    finally:
        for worker in workers:
            await worker.close()
        await tg.stop()
        await admin.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        await admin.close()
    return polls_per_minute, alerts_per_second


async def main() -> int:
    try:
        conn = await asyncpg.connect(PG_URL, timeout=5)
        await conn.close()
    except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
        print(f"skipped: PostgreSQL not reachable at {redact(PG_URL)}: {exc}")
        return 0
    os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
    print(f"scale_workers: {FEEDS} feeds, {WINDOW:g} s poll window, {STORIES} stories x {CHATS} chats; "
          f"{common.machine()}; medians of {common.repeats()}")  # fmt: skip
    print(f"{'workers':>8} {'polls/min':>10} {'alerts/s':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in WORKERS:
            runs = [await one_run(n, Path(tmp)) for _ in range(common.repeats())]
            polls = common.median([r[0] for r in runs])
            alerts = common.median([r[1] for r in runs])
            print(f"{n:>8} {polls:>10.0f} {alerts:>9.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
