"""Fan-out: one rumour followed by many Telegram chats, delivered against a 30 messages/s limit.

N private chats follow one manager. One story about that manager is ingested (alerts on), which
queues one delivery per chat in the outbox. The real Dispatcher (``Dispatcher.run``, default
settings) then sends them through the real TelegramAdapter (python-telegram-bot with its
AIORateLimiter, ``max_retries`` 3) to a loopback fake of the Bot API (tests/fakes/telegram_server.py)
that here also enforces a global 30 sendMessage/s over a sliding one-second window, answering 429
with ``retry_after`` beyond it, as Telegram does. The clock runs from the dispatcher's start until
no delivery is pending or sending.

Reported: total time against the ideal N/30 s, the share of sendMessage requests answered 429, and
lost (a chat that got no message) and duplicated (a chat that got more than one) counts, from what
the fake accepted. Sizes: 1,000 chats (full; ideal 33 s) or 300 (``BENCH_SIZE=quick``);
``BENCH_CHATS=5000`` runs the issue's full size (ideal 167 s per run).

Experiment knob: ``BENCH_TG_LIMITER=RATE/PERIOD`` (e.g. ``25/1``, or ``1/0.034`` for 30 a second
with no burst) builds the adapter's AIORateLimiter with ``overall_max_rate=RATE,
overall_time_period=PERIOD`` instead of PTB's default 30/1, only inside this benchmark process, to
see how much of the overshoot comes from the client-side limiter letting bursts through.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import math
import os
import sqlite3
import sys
import tempfile
import time
from collections import Counter, deque
from datetime import timedelta
from pathlib import Path
from typing import Any

from aiohttp import web

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common

from bot.analysis.analyser import Analyser
from bot.analysis.gazetteer import load_gazetteer
from bot.commands.base import ChatRef, Invocation
from bot.config import DeliverySettings, TelegramSettings
from bot.delivery.dispatcher import Dispatcher
from bot.domain import Article, utcnow
from bot.llm.port import BuiltinAnalysis
from bot.pipeline.ingest import Ingestor, IngestPolicy, Item
from bot.platforms import telegram_adapter
from bot.platforms.telegram_adapter import TelegramAdapter
from bot.render.card import Reply
from bot.store.sqlite import SQLiteStore
from tests.fakes.telegram_server import TelegramFake, _error

RATE = 30
WINDOW = 1.0
FIRST_CHAT = 5_000_000
STORY = Item(
    entry_key="guid:https://www.bbc.co.uk/sport/football/fanout-1",
    title="Liverpool in talks with Xabi Alonso over vacant manager's job",
    text=(
        "Liverpool have opened talks with Xabi Alonso about becoming their new manager, BBC Sport understands. "
        "The Spaniard is the club's first choice and discussions are described as advanced."
    ),
    url="https://www.bbc.co.uk/sport/football/fanout-1",
    published=None,
    outlet="BBC Sport",
)


class RateLimitedTelegram(TelegramFake):
    """The Bot API fake plus Telegram's global flood limit on sendMessage (sliding window)."""

    def __init__(self) -> None:
        super().__init__()
        self.window: deque[float] = deque()
        self.send_requests = 0
        self.refused = 0
        self.delivered: Counter[str] = Counter()

    async def _dispatch(self, request: web.Request) -> web.Response:
        if request.match_info["method"] == "sendMessage":
            self.send_requests += 1
            now = time.monotonic()
            while self.window and self.window[0] <= now - WINDOW:
                self.window.popleft()
            if len(self.window) >= RATE:
                self.refused += 1
                retry = max(1, math.ceil(self.window[0] + WINDOW - now))
                return _error(429, f"Too Many Requests: retry after {retry}", {"retry_after": retry})
            self.window.append(now)
        return await super()._dispatch(request)

    async def _send_message(self, params: dict[str, Any]) -> Any:
        result = await super()._send_message(params)
        if isinstance(result, dict):
            self.delivered[str(params["chat_id"])] += 1
        return result


async def no_commands(inv: Invocation) -> Reply:
    del inv
    return Reply("")


async def gone(chat: ChatRef) -> None:
    del chat


def outbox(db: Path) -> Counter[str]:
    con = sqlite3.connect(db)
    try:
        return Counter(dict(con.execute("SELECT status, count(*) FROM deliveries GROUP BY status").fetchall()))
    finally:
        con.close()


async def queue_alerts(store: SQLiteStore, db: Path, analyser: Analyser, chat_keys: list[str]) -> tuple[int, int]:
    """Have every chat in ``chat_keys`` follow the story's manager, ingest the story with alerts on;
    return the outbox size and the deliveries the ingest reported."""
    now = utcnow()
    story = Item(STORY.entry_key, STORY.title, STORY.text, STORY.url, now - timedelta(minutes=5), STORY.outlet)
    analysis = analyser.analyse(Article(story.title, story.text, url=story.url, outlet=story.outlet))
    managers = {c.manager for c in analysis.rumours}
    if len(managers) != 1:
        raise RuntimeError(f"the fan-out story should be about one manager, got {managers}")
    manager = managers.pop()
    for key in chat_keys:
        await store.follow(key, "manager", manager, "", now)
    feed = await store.add_feed("https://www.bbc.co.uk/sport/football/rss.xml", "BBC Sport", now)
    stats = await Ingestor(BuiltinAnalysis(analyser), store, IngestPolicy()).ingest(feed.id, [story], now, alerts=True)
    return sum(outbox(db).values()), stats.deliveries


async def drain(dispatcher: Dispatcher, db: Path, limit: float) -> tuple[float, Counter[str]]:
    """Run the dispatcher until no delivery is pending or sending (or ``limit`` seconds); return the
    time it took and the outbox's final status counts."""
    stop = asyncio.Event()
    deadline = time.perf_counter() + limit
    t0 = time.perf_counter()
    task = asyncio.create_task(dispatcher.run(stop))
    status = outbox(db)
    while time.perf_counter() < deadline:
        await asyncio.sleep(0.1)
        status = outbox(db)
        if not status["pending"] and not status["sending"]:
            break
    elapsed = time.perf_counter() - t0
    stop.set()
    await task
    return elapsed, status


def load_analyser() -> Analyser:
    config = common.ROOT / "config"
    return Analyser(load_gazetteer(config / "managers.toml", config / "clubs.toml", config / "sources.toml"))


async def one_run(tmp: Path, chats: int, analyser: Analyser) -> dict[str, Any]:
    db = tmp / f"fanout-{time.monotonic_ns()}.db"
    store = await SQLiteStore.open(f"sqlite:///{db}")
    keys = [f"telegram:{FIRST_CHAT + n}:" for n in range(chats)]
    queued, deliveries = await queue_alerts(store, db, analyser, keys)

    fake = await RateLimitedTelegram().start()
    adapter = TelegramAdapter(
        fake.token, TelegramSettings(api_base_url=fake.base_url, file_base_url=fake.file_url), no_commands, gone
    )
    await adapter.start()
    dispatcher = Dispatcher(store, {"telegram": adapter}, DeliverySettings())
    elapsed, status = await drain(dispatcher, db, chats / RATE * 3 + 60)
    await adapter.stop()
    await fake.stop()
    await store.close()
    got = {FIRST_CHAT + n: fake.delivered.get(str(FIRST_CHAT + n), 0) for n in range(chats)}
    return {
        "chats": chats,
        "queued": queued,
        "deliveries_stat": deliveries,
        "seconds": elapsed,
        "ideal": queued / RATE,
        "requests": fake.send_requests,
        "refused": fake.refused,
        "lost": sum(1 for c in got.values() if c == 0),
        "duplicated": sum(1 for c in got.values() if c > 1),
        "status": dict(status),
        "timed_out": bool(status["pending"] or status["sending"]),
    }


async def measure(chats: int, runs: int) -> list[dict[str, Any]]:
    analyser = load_analyser()
    results = []
    with tempfile.TemporaryDirectory(prefix="rb-fanout-") as tmp:
        for run in range(runs):
            r = await one_run(Path(tmp), chats, analyser)
            results.append(r)
            share = r["refused"] / max(1, r["requests"])
            print(
                f"  run {run + 1}: {r['queued']} deliveries in {r['seconds']:.1f} s (ideal {r['ideal']:.1f} s: "
                f"×{r['seconds'] / r['ideal']:.2f}); {r['requests']} sendMessage requests, {r['refused']} answered "
                f"429 ({share:.1%}); lost {r['lost']}, duplicated {r['duplicated']}; outbox {r['status']}"
                + (" — TIMED OUT" if r["timed_out"] else ""),
                flush=True,
            )
    return results


def main() -> dict[str, Any]:
    logging.basicConfig(level=logging.ERROR)  # PTB logs each limiter retry; the counts are printed below
    experiment = os.environ.get("BENCH_TG_LIMITER")
    if experiment:
        rate, period = (float(x) for x in experiment.split("/"))
        limiter = functools.partial(telegram_adapter.AIORateLimiter, overall_max_rate=rate, overall_time_period=period)
        telegram_adapter.AIORateLimiter = limiter  # type: ignore[misc,assignment]
        print(f"  (experiment: client-side limiter of {rate:g} message(s) per {period:g} s)")
    chats = common.size("chats", 1_000, 300)
    runs = common.repeats()
    print(f"fan-out: {chats} Telegram chats, {RATE} msg/s limit, {runs} runs ({common.machine()})", flush=True)
    results = asyncio.run(measure(chats, runs))
    ratio = common.median([r["seconds"] / r["ideal"] for r in results])
    share = common.median([r["refused"] / max(1, r["requests"]) for r in results])
    print(
        f"  median: {common.median([r['seconds'] for r in results]):.1f} s for {chats} chats = ×{ratio:.2f} the ideal "
        f"{chats / RATE:.1f} s; 429 share {share:.1%}; lost {max(r['lost'] for r in results)}, duplicated "
        f"{max(r['duplicated'] for r in results)} (worst run)"
    )
    return {"ratio": ratio, "share_429": share, "runs": results}


if __name__ == "__main__":
    main()
