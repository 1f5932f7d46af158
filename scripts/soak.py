"""Soak run: `python -m bot run` against 500 loopback feeds for N minutes, watching its memory.

    .venv/bin/python scripts/soak.py                 # 10 minutes (the figures in docs/RELIABILITY.md)
    .venv/bin/python scripts/soak.py --minutes 2     # a quick look

Everything runs on this machine; nothing leaves the loopback interface:

* a feed farm: 500 feeds spread over 50 loopback addresses (127.0.1.1 … 127.0.1.50, one port), so the
  bot's per-host politeness limit applies as with real publishers. 90 % are good feeds that publish a
  new item every 5–30 s (a fifth of them a new manager rumour, a tenth a rumour moving on to "agreed",
  the rest other outlets repeating a rumour and ordinary news) and answer conditional GETs with 304;
  10 % are hostile, of 17 kinds (malformed XML, an HTML page, a gzip bomb, a redirect loop, a body
  dripped a byte a second, 503 and 429 with Retry-After, 410, huge titles, control characters, …);
* the Telegram fake (tests/fakes/telegram_server.py) with four chats: two follow all, one a manager,
  one a club;
* the bot in a subprocess, configured by environment variables as a deployment is, polling every
  10 s and retrying failed feeds after 10 s × 2ⁿ up to 60 s.

Every 10 s the script samples the bot's resident memory (VmRSS in /proc/<pid>/status) and counts the
alerts that reached the chats. At the end it stops the bot with SIGTERM and prints start, end and peak
RSS, alerts per minute, and the state of the feeds of every kind (read from the bot's database).

It exits 1 when a check fails: the bot died or did not stop cleanly; RSS grew more than 30 % from the
end of the warm-up (the first fifth of the run, at least a minute) to the end; a good feed is not ok
at the end; a good feed's last new rumour published between the warm-up and the last minute did not
reach the first chat; or alerts in the last minute fell below half those of the first minute after
the warm-up.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import logging
import os
import random
import re
import signal
import sqlite3
import statistics
import sys
import tempfile
import time
import tomllib
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.e2e.process import BotProcess  # noqa: E402  (needs ROOT on sys.path)
from tests.fakes.feed_server import RSS_TYPE, rss  # noqa: E402
from tests.fakes.telegram_server import TelegramFake  # noqa: E402
from tests.faults.support import alerts_in, manager_club_pairs  # noqa: E402

CONFIG = ROOT / "config"
HOSTS = 50
ITEMS_KEPT = 10  # items in a good feed's document
SAMPLE_SECONDS = 10.0
RSS_GROWTH_LIMIT = 0.30
LATE_RATE_FLOOR = 0.5
ALL_CHATS, MANAGER_CHAT, CLUB_CHAT = (5001, 5002), 5003, 5004
# What a good feed publishes (shares add up to 1).
FRESH, ADVANCE, ECHO = 0.20, 0.10, 0.40  # … and ordinary news for the rest
INVISIBLE = "\u202e\u200b\u2066\u2069\u200d\u200f\u061c\ufeff\x07\x00"
BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">'.encode() for i in range(1, 10))
    + b']><rss version="2.0"><channel><title>x</title><item><title>&lol9;</title></item></channel></rss>'
)

log = logging.getLogger("soak")


# ----- what the good feeds publish ------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    guid: str
    title: str
    text: str
    published: datetime
    kind: str  # fresh | advance | echo | news
    pair: tuple[str, str] | None

    def rss_item(self) -> dict[str, str]:
        return {
            "guid": self.guid,
            "link": self.guid,
            "title": self.title,
            "description": self.text,
            "pubDate": format_datetime(self.published),
        }


class Newsroom:
    """Writes every item of every good feed: new rumours about (manager, club) pairs never seen before,
    some of them later moving on to "agreed", other outlets repeating them, and ordinary news."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.pairs = manager_club_pairs()
        self.talking: list[tuple[str, str]] = []  # pairs at stage talks: they may be repeated or agreed
        self.clubs = [c["name"] for c in tomllib.loads((CONFIG / "clubs.toml").read_text("utf-8"))["club"]]
        self.count = 0

    def item(self, feed: int) -> Item:
        self.count += 1
        guid = f"https://news{feed}.example/story/{self.count}"
        now = datetime.now(UTC)
        roll = self.rng.random()
        if roll < FRESH or (roll < FRESH + ADVANCE + ECHO and not self.talking):
            manager, club = pair = next(self.pairs)
            self.talking.append(pair)
            title = f"{club} hold talks with {manager}"
            text = (
                f"{club} have opened talks with {manager} over their vacant head coach role, "
                "The Athletic's David Ornstein reports."
            )
            return Item(guid, title, text, now, "fresh", pair)
        if roll < FRESH + ADVANCE:
            manager, club = pair = self.talking.pop(self.rng.randrange(len(self.talking)))
            title = f"{manager} agrees terms with {club}"
            text = (
                f"{manager} has agreed terms to become the new {club} head coach, "
                "The Athletic's David Ornstein reports."
            )
            return Item(guid, title, text, now, "advance", pair)
        if roll < FRESH + ADVANCE + ECHO:
            manager, club = pair = self.rng.choice(self.talking[-500:])
            title = f"{manager} and {club} in talks over coaching job"
            text = f"{manager} is in talks with {club} about becoming their head coach, according to Sky Sports."
            return Item(guid, title, text, now, "echo", pair)
        club = self.rng.choice(self.clubs)
        title = self.rng.choice(
            [
                f"{club} complete signing of midfielder Marcus Holt",
                f"Injury blow for {club} as Luka Novak ruled out for six weeks",
                f"Ticket prices frozen at {club} for next season",
            ]
        )
        text = "Supporters' groups welcomed the news, which follows a consultation over the summer."
        return Item(guid, title, text, now, "news", None)


# ----- the feed farm --------------------------------------------------------------------------------


@dataclass
class Feed:
    n: int
    kind: str  # "good" or a hostile kind
    hits: int = 0
    items: list[Item] = field(default_factory=list)  # newest first
    version: int = 0
    next_publish: float = 0.0
    body: bytes | None = None
    published: list[tuple[float, Item]] = field(default_factory=list)  # (monotonic time, item)

    @property
    def etag(self) -> str:
        return f'"{self.n}-{self.version}"'

    def document(self) -> bytes:
        if self.body is None:
            self.body = rss([i.rss_item() for i in self.items], title=f"Football news {self.n}")
        return self.body


def _rumour_doc(title: str, text: str, n: int) -> bytes:
    url = f"https://hostile{n}.example/story"
    return rss([{"guid": url, "link": url, "title": title, "description": text}])


class Farm:
    """The 500 feeds; ``handle`` answers every request on every loopback address."""

    HOSTILE_KINDS = (
        "malformed-xml",
        "html-page",
        "empty-200",
        "gzip-bomb",
        "redirect-loop",
        "drip",
        "503-retry-after",
        "429-retry-after",
        "410-gone",
        "404",
        "oversize-body",
        "billion-laughs",
        "huge-titles",
        "control-characters",
        "connection-reset",
        "no-answer-for-45s",
        "binary-garbage",
    )

    def __init__(self, feeds: int, hostile_share: float, publish: tuple[float, float], seed: int) -> None:
        rng = random.Random(seed)
        self.publish = publish
        self.rng = rng
        self.newsroom = Newsroom(seed)
        hostile = set(rng.sample(range(feeds), round(feeds * hostile_share)))
        kinds = iter(self.HOSTILE_KINDS * (feeds // len(self.HOSTILE_KINDS) + 1))
        self.feeds = [Feed(n, next(kinds) if n in hostile else "good") for n in range(feeds)]
        self.port = 0
        self._runner: web.AppRunner | None = None
        self._gzip_bomb = gzip.compress(b"\0" * 20_000_000)
        self._oversize = b'<?xml version="1.0"?><rss version="2.0"><channel>' + b"x" * 6_000_000
        self._garbage = random.Random(seed).randbytes(50_000)
        now = time.monotonic()
        for feed in self.good():
            feed.items = [self.newsroom.item(feed.n) for _ in range(3)]
            feed.next_publish = now + rng.uniform(0, publish[1])

    def good(self) -> list[Feed]:
        return [f for f in self.feeds if f.kind == "good"]

    def url(self, n: int) -> str:
        return f"http://127.0.1.{n % HOSTS + 1}:{self.port}/feed/{n}.xml"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self.handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5, handler_cancellation=True)
        await self._runner.setup()
        for host in range(HOSTS):
            site = web.TCPSite(self._runner, f"127.0.1.{host + 1}", self.port, backlog=1024)
            await site.start()
            self.port = self.port or int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def publish_forever(self) -> None:
        while True:
            now = time.monotonic()
            for feed in self.good():
                if feed.next_publish <= now:
                    item = self.newsroom.item(feed.n)
                    feed.items = [item, *feed.items][:ITEMS_KEPT]
                    feed.published.append((now, item))
                    feed.version += 1
                    feed.body = None
                    feed.next_publish = now + self.rng.uniform(*self.publish)
            await asyncio.sleep(0.5)

    async def handle(self, request: web.Request) -> web.StreamResponse:
        match = re.fullmatch(r"/feed/(\d+)\.xml", request.path)
        if match is None or int(match[1]) >= len(self.feeds):
            return web.Response(status=404)
        feed = self.feeds[int(match[1])]
        feed.hits += 1
        if feed.kind == "good":
            if request.headers.get("If-None-Match") == feed.etag:
                return web.Response(status=304, headers={"ETag": feed.etag})
            return web.Response(body=feed.document(), headers={"ETag": feed.etag, "Content-Type": RSS_TYPE})
        return await self._hostile(request, feed)

    async def _hostile(self, request: web.Request, feed: Feed) -> web.StreamResponse:
        kind, n = feed.kind, feed.n
        answers: dict[str, Callable[[], Awaitable[web.StreamResponse]]] = {
            "redirect-loop": lambda: self._redirect(request, n),
            "drip": lambda: self._drip(request, n),
            "connection-reset": lambda: self._reset(request),
            "no-answer-for-45s": self._late,
        }
        if kind in answers:
            return await answers[kind]()
        rss_headers = {"Content-Type": RSS_TYPE}
        static: dict[str, tuple[int, bytes, dict[str, str]]] = {
            "malformed-xml": (200, b'<?xml version="1.0"?><rss version="2.0"><channel><ti', rss_headers),
            "html-page": (200, b"<!doctype html><html><body>We moved!</body></html>", {"Content-Type": "text/html"}),
            "empty-200": (200, b"", rss_headers),
            "gzip-bomb": (200, self._gzip_bomb, rss_headers | {"Content-Encoding": "gzip"}),
            "503-retry-after": (503, b"busy", {"Retry-After": "120", "Content-Type": "text/plain"}),
            "429-retry-after": (429, b"slow down", {"Retry-After": "90", "Content-Type": "text/plain"}),
            "410-gone": (410, b"", {}),
            "404": (404, b"not here", {"Content-Type": "text/plain"}),
            "oversize-body": (200, self._oversize, rss_headers),
            "billion-laughs": (200, BILLION_LAUGHS, rss_headers),
            "huge-titles": (
                200,
                _rumour_doc("Chelsea hold talks with Xabi Alonso " + "A" * 100_000, "Talks. " * 20_000, n),
                rss_headers,
            ),
            "control-characters": (
                200,
                _rumour_doc(
                    f"Chelsea hold\u202e talks{INVISIBLE} with Xabi\u2066 Alonso",
                    f"Chelsea have opened{INVISIBLE} talks with Xabi Alonso, Sky Sports reports.",
                    n,
                ),
                rss_headers,
            ),
            "binary-garbage": (200, self._garbage, rss_headers),
        }
        status, body, headers = static[kind]
        return web.Response(status=status, body=body, headers=headers)

    async def _redirect(self, request: web.Request, n: int) -> web.StreamResponse:
        there = f"/feed/{n}.xml" if request.query_string else f"/feed/{n}.xml?again"
        return web.Response(status=302, headers={"Location": there})

    async def _drip(self, request: web.Request, n: int) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": RSS_TYPE})
        await response.prepare(request)
        with contextlib.suppress(ConnectionError, RuntimeError):
            for byte in _rumour_doc("Chelsea hold talks with Xabi Alonso", "Talks have opened.", n):
                await response.write(bytes([byte]))
                await asyncio.sleep(1)
        return response

    async def _reset(self, request: web.Request) -> web.StreamResponse:
        if request.transport is not None:
            request.transport.abort()
        return web.Response(status=500)  # never reaches the client

    async def _late(self) -> web.StreamResponse:
        await asyncio.sleep(45)
        return web.Response(status=200, body=b"too late", headers={"Content-Type": RSS_TYPE})


# ----- the chats ------------------------------------------------------------------------------------


class CountingTelegram(TelegramFake):
    """The Telegram fake, noting when each message was posted and how many alerts it carried."""

    def __init__(self) -> None:
        super().__init__()
        self.posts: list[tuple[float, int, int]] = []  # (monotonic time, chat, alerts in it)
        self.edits = 0

    async def _send_message(self, params: dict[str, Any]) -> Any:
        result = await super()._send_message(params)
        if isinstance(result, dict):
            self.posts.append((time.monotonic(), int(params["chat_id"]), alerts_in(params["text"])))
        return result

    async def _edit_message_text(self, params: dict[str, Any]) -> Any:
        result = await super()._edit_message_text(params)
        if isinstance(result, dict):
            self.edits += 1
        return result

    def alerts(self, until: float = float("inf"), since: float = 0.0) -> int:
        return sum(count for at, _, count in self.posts if since <= at < until)


# ----- the run --------------------------------------------------------------------------------------


@dataclass
class Sample:
    at: float  # seconds since the bot started
    rss_kb: int
    alerts: int
    cpu: float  # CPU seconds the bot has used (user + system)


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for process {pid}")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def bot_env(work: Path, farm: Farm, tg: TelegramFake, interval: int) -> dict[str, str]:
    feeds = work / "feeds.toml"
    feeds.write_text("".join(f'[[feed]]\nurl = "{farm.url(f.n)}"\n\n' for f in farm.feeds))
    return {
        "RUMOURBOT_STORE__URL": f"sqlite:///{work / 'soak.db'}",
        "RUMOURBOT_FEEDS__FILE": str(feeds),
        "RUMOURBOT_FEEDS__ALLOW_PRIVATE_ADDRESSES": "true",
        "RUMOURBOT_FEEDS__FULLTEXT": "false",
        "RUMOURBOT_FEEDS__INTERVAL_SECONDS": str(interval),
        "RUMOURBOT_FEEDS__MIN_INTERVAL_SECONDS": str(interval),
        "RUMOURBOT_FEEDS__BACKOFF_BASE_SECONDS": "10",
        "RUMOURBOT_FEEDS__BACKOFF_MAX_SECONDS": "60",
        "RUMOURBOT_KNOWLEDGE__MANAGERS": str(CONFIG / "managers.toml"),
        "RUMOURBOT_KNOWLEDGE__CLUBS": str(CONFIG / "clubs.toml"),
        "RUMOURBOT_KNOWLEDGE__SOURCES": str(CONFIG / "sources.toml"),
        "TELEGRAM_TOKEN": tg.token,
        "RUMOURBOT_TELEGRAM__API_BASE_URL": tg.base_url,
        "RUMOURBOT_TELEGRAM__FILE_BASE_URL": tg.file_url,
    }


async def follow(tg: TelegramFake, farm: Farm) -> None:
    manager = farm.newsroom.talking[0][0] if farm.newsroom.talking else "Xabi Alonso"
    for chat, target in [*((c, "all") for c in ALL_CHATS), (MANAGER_CHAT, manager), (CLUB_CHAT, "Chelsea")]:
        tg.command(chat, f"/follow {target}")
    await tg.wait_for("sendMessage", len(ALL_CHATS) + 2, seconds=30)


def mb(kb: float) -> str:
    return f"{kb / 1024:.1f} MB"


async def soak(args: argparse.Namespace, work: Path) -> int:
    farm = Farm(args.feeds, args.hostile_share, (args.publish_min, args.publish_max), args.seed)
    await farm.start()
    tg = await CountingTelegram().start()
    bot = BotProcess(bot_env(work, farm, tg, args.interval), work / "bot.log")
    publisher = asyncio.create_task(farm.publish_forever())
    samples: list[Sample] = []
    failures: list[str] = []
    try:
        await bot.start()
        assert bot.proc is not None
        pid = bot.proc.pid
        t0 = time.monotonic()
        end = t0 + args.minutes * 60
        await tg.wait_for("getUpdates", seconds=60)
        await follow(tg, farm)
        print(f"bot pid {pid}; work folder {work}; feeds on 127.0.1.1-{HOSTS}:{farm.port}", flush=True)
        print(f"{'time':>6} {'RSS':>9} {'CPU':>5} {'alerts':>8} {'+alerts':>8} {'feed requests':>14}", flush=True)
        while time.monotonic() < end and bot.proc.returncode is None:
            now = time.monotonic()
            sample = Sample(now - t0, rss_kb(pid), tg.alerts(), cpu_seconds(pid))
            before = samples[-1] if samples else Sample(0, 0, 0, 0)
            samples.append(sample)
            cpu = (sample.cpu - before.cpu) / max(0.1, sample.at - before.at)
            hits = sum(f.hits for f in farm.feeds)
            print(f"{sample.at:6.0f} {mb(sample.rss_kb):>9} {cpu:5.0%} {sample.alerts:8d} "
                  f"{sample.alerts - before.alerts:8d} {hits:14d}", flush=True)  # fmt: skip
            await asyncio.sleep(min(SAMPLE_SECONDS - (time.monotonic() - now), max(0.0, end - time.monotonic())))
        if bot.proc.returncode is not None:
            failures.append(f"the bot exited early with status {bot.proc.returncode}")
        else:
            samples.append(Sample(time.monotonic() - t0, rss_kb(pid), tg.alerts(), cpu_seconds(pid)))
            status = await bot.stop()
            if status != 0:
                failures.append(f"the bot exited with status {status} on SIGTERM")
        stopped = time.monotonic()
    finally:
        publisher.cancel()
        await bot.close()
        await tg.stop()
        await farm.stop()

    report(args, farm, tg, samples, t0, stopped, work, failures)
    for failure in failures:
        print(f"FAILED: {failure}")
    print("soak: OK" if not failures else "soak: FAILED")
    return 1 if failures else 0


def report(
    args: argparse.Namespace,
    farm: Farm,
    tg: CountingTelegram,
    samples: list[Sample],
    t0: float,
    stopped: float,
    work: Path,
    failures: list[str],
) -> None:
    minutes = int((stopped - t0) // 60)
    warm_up = max(60.0, args.minutes * 60 / 5)
    print(f"\n== Soak run, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {args.minutes:g} min, {args.feeds} feeds")

    # Memory.
    after_warm_up = [s for s in samples if s.at >= warm_up] or samples[-1:]
    base, last = after_warm_up[0], samples[-1]
    growth = last.rss_kb / base.rss_kb - 1
    peak = max(samples, key=lambda s: s.rss_kb)
    print(f"RSS: start {mb(samples[0].rss_kb)} (at {samples[0].at:.0f} s), after warm-up {mb(base.rss_kb)} "
          f"(at {base.at:.0f} s), end {mb(last.rss_kb)}, peak {mb(peak.rss_kb)} (at {peak.at:.0f} s); "
          f"growth after warm-up {growth:+.1%}")  # fmt: skip
    if len(after_warm_up) >= 3:
        print(f"RSS after warm-up: median {mb(statistics.median(s.rss_kb for s in after_warm_up))}")
    if growth > RSS_GROWTH_LIMIT:
        failures.append(f"RSS grew {growth:.0%} after the warm-up (limit {RSS_GROWTH_LIMIT:.0%})")

    cpu = (last.cpu - samples[0].cpu) / max(1.0, last.at - samples[0].at)
    print(f"CPU: {cpu:.0%} of one core on average")

    # Alerts over time.
    per_minute = [tg.alerts(since=t0 + 60 * m, until=t0 + 60 * (m + 1)) for m in range(minutes)]
    print("alerts per minute (all chats):", ", ".join(str(a) for a in per_minute))
    print(f"alerts in all: {tg.alerts()} in {len(tg.posts)} messages, plus {tg.edits} edits of earlier alerts")
    by_chat = Counter(chat for _, chat, count in tg.posts if count)
    print("messages with alerts per chat:", dict(sorted(by_chat.items())))
    first = int(warm_up // 60)
    if minutes > first:
        early, late = per_minute[first], per_minute[minutes - 1]
        print(f"alerts per minute: early (minute {first + 1}) {early}, late (minute {minutes}) {late}")
        if late < LATE_RATE_FLOOR * early or late == 0:
            failures.append(f"alerts fell from {early} to {late} a minute")

    # Feeds, as the bot's database has them.
    db = sqlite3.connect(work / "soak.db")
    try:
        rows = db.execute("SELECT url, failures, last_error, disabled_reason FROM feeds").fetchall()
        delivered = set(
            db.execute(
                "SELECT t.manager, t.club FROM deliveries d JOIN threads t ON t.id = d.thread_id"
                " WHERE d.chat_key = ? AND d.status = 'sent'",
                (f"telegram:{ALL_CHATS[0]}:",),
            ).fetchall()
        )
        statuses = dict(db.execute("SELECT status, count(*) FROM deliveries GROUP BY status").fetchall())
        entries, threads = db.execute(
            "SELECT (SELECT count(*) FROM entries), (SELECT count(*) FROM threads)"
        ).fetchone()
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        db.close()
    size = sum(p.stat().st_size for p in work.glob("soak.db*"))
    print(f"database: {entries} entries, {threads} threads, deliveries {statuses}, {mb(size / 1024)} on disk, "
          f"integrity_check {integrity}")  # fmt: skip
    if integrity != "ok":
        failures.append(f"integrity_check: {integrity}")
    states: dict[str, Counter[str]] = {}
    reasons: dict[str, str] = {}
    by_url = {farm.url(f.n): f for f in farm.feeds}
    for url, fails, error, disabled in rows:
        feed = by_url[url]
        state = "disabled" if disabled else "backing off" if fails else "ok"
        states.setdefault(feed.kind, Counter())[state] += 1
        if state != "ok":
            reasons.setdefault(feed.kind, (disabled or error or "")[:70])
    print("feed states at the end:")
    for kind in ["good", *Farm.HOSTILE_KINDS]:
        if kind in states:
            shown = ", ".join(f"{state} {count}" for state, count in sorted(states[kind].items()))
            print(f"  {kind:<20} {shown}{f'  — {reasons[kind]}' if kind in reasons else ''}")
    bad_good = sum(count for state, count in states.get("good", Counter()).items() if state != "ok")
    if bad_good:
        failures.append(f"{bad_good} good feed(s) not ok at the end")

    # Each good feed kept alerting: its last new rumour (after the warm-up, before the last minute) arrived.
    silent = []
    for feed in farm.good():
        fresh = [i for at, i in feed.published if i.kind == "fresh" and t0 + warm_up <= at <= stopped - 60]
        if fresh and fresh[-1].pair not in delivered:
            silent.append(feed.n)
    good = farm.good()
    polls = statistics.median(f.hits for f in good)
    print(f"good feeds were fetched {polls:.0f} times each (median), every {(stopped - t0) / polls:.1f} s "
          f"on average; the poll interval is {args.interval} s")  # fmt: skip
    checked = sum(1 for f in farm.good() if any(i.kind == "fresh" for _, i in f.published))
    print(f"good feeds whose last new rumour reached chat {ALL_CHATS[0]}: {checked - len(silent)} of {checked}")
    if silent:
        failures.append(f"{len(silent)} good feed(s) stopped alerting, e.g. feed {silent[:5]}")

    text = (work / "bot.log").read_text(errors="replace")
    print(f"bot log: {len(text.splitlines())} lines, {text.count('Traceback')} tracebacks, "
          f"{len(re.findall(r' ERROR ', text))} ERROR lines")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="how long the bot runs (default 10)")
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--hostile-share", type=float, default=0.1)
    parser.add_argument("--publish-min", type=float, default=5.0, help="seconds between a good feed's items, from")
    parser.add_argument("--publish-max", type=float, default=30.0, help="… to")
    parser.add_argument("--interval", type=int, default=10, help="the bot's poll interval in seconds")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="keep the database and the bot's log in this folder")
    args = parser.parse_args()
    logging.getLogger("aiohttp").setLevel(logging.CRITICAL)  # the hostile answers make it complain
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        return asyncio.run(soak(args, args.keep))
    with tempfile.TemporaryDirectory(prefix="rumourbot-soak-") as tmp:
        return asyncio.run(soak(args, Path(tmp)))


if __name__ == "__main__":
    sys.exit(main())
