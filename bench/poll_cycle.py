"""Poll cycle: rumourbot's full cycle against a bare fetch+parse loop and a naive peer, same feeds.

A loopback feed farm (bench/loopback.py, its own process) serves N feeds of 50 generated items
(~113 KB each) on 64 loopback addresses. The client holds every feed's ETag; 70 % of the feeds are
unchanged (304) and 30 % have changed (200, a body with ``BENCH_POLL_NEW`` new items, default 5,
the rest already stored; ``BENCH_POLL_CHANGED`` sets the changed share). Each run times three
loops over the same feeds, in rotating order:

- rumourbot: ``Poller.run_once`` with the real Fetcher (concurrency 32, 2 per host), parser,
  Ingestor, Analyser and a SQLiteStore (WAL) in a temp dir, every feed ``first_poll_done`` with its
  ETag and its version-0 entries stored; full-text page fetching off (the bare loops fetch no pages);
- bare: aiohttp (32 connections) + fastfeedparser, the same conditional requests, parse only;
- naive: aiohttp (32 connections) + feedparser.parse on every feed, no conditional GET.

Targets: rumourbot ≥ 40 % of bare's feeds/s and ≥ 20× naive's. Sizes: N = 500 (full) or 200
(``BENCH_SIZE=quick``); ``BENCH_FEEDS=2000`` runs the issue's size, which takes about five
minutes here (three runs of the naive loop alone take ~3 minutes), hence the smaller default.
``--profile`` runs one rumourbot cycle under pyinstrument instead (worker-thread work is run
inline so that the profile sees it). The parser's and the analyser's CPU time are counted by thin
wrappers (thread CPU time), so the rest of the cycle can be told apart.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import aiohttp
import common
import feedparser
from gen import EPOCH, ITEMS_PER_FEED, Gen
from loopback import feed_url

from bot.analysis.analyser import Analyser
from bot.analysis.gazetteer import load_gazetteer
from bot.config import FeedSettings
from bot.domain import Analysis, Article
from bot.feeds.fetcher import Fetcher
from bot.feeds.parser import ParsedFeed, parse_feed
from bot.llm.port import BuiltinAnalysis
from bot.pipeline import poller as poller_module
from bot.pipeline.ingest import Ingestor, IngestPolicy
from bot.pipeline.poller import Poller
from bot.store.sqlite import SQLiteStore

try:
    import fastfeedparser
except ImportError:  # the `bench` extra (`make bench` installs it) gives the bare baseline
    fastfeedparser = None

HOSTS = 64
CONCURRENCY = 32
SEED = 7
NOW = EPOCH + timedelta(hours=1)
ROOT = common.ROOT


class Meter:
    """CPU seconds (per thread, so worker threads waiting on the GIL are not counted) in the parser
    and the analyser during a rumourbot cycle; the bench wraps both, rumourbot's code is unchanged."""

    parse = 0.0
    analyse = 0.0


def metered_parse(body: bytes, url: str) -> ParsedFeed:
    t0 = time.thread_time()
    try:
        return parse_feed(body, url)
    finally:
        Meter.parse += time.thread_time() - t0


class MeteredAnalyser(Analyser):
    def analyse(self, article: Article) -> Analysis:
        t0 = time.thread_time()
        try:
            return super().analyse(article)
        finally:
            Meter.analyse += time.thread_time() - t0


class FarmProcess:
    """bench/loopback.py in a subprocess; stops when we close its stdin."""

    def __init__(self, feeds: int, changed: float, new: int) -> None:
        self.feeds, self.changed_share, self.new = feeds, changed, new
        self.proc: subprocess.Popen[str] | None = None
        self.port = 0
        self.changed: set[int] = set()

    def __enter__(self) -> FarmProcess:
        cmd = [sys.executable, str(Path(__file__).with_name("loopback.py")), "--feeds", str(self.feeds)]
        cmd += ["--changed", str(self.changed_share), "--new", str(self.new), "--hosts", str(HOSTS)]
        cmd += ["--seed", str(SEED)]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().split(" ", 2)
        if line[0] != "READY":
            raise RuntimeError("feed farm did not start")
        self.port = int(line[1])
        self.changed = set(json.loads(line[2]))
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def url(self, feed: int) -> str:
        return feed_url(feed, HOSTS, self.port)


def settings() -> FeedSettings:
    return FeedSettings(allow_private_addresses=True, fulltext=False, concurrency=CONCURRENCY)


async def build_template(path: Path, farm: FarmProcess, gen: Gen) -> None:
    """A store with every feed polled once: ETag of version 0, its 50 version-0 entries stored."""
    store = await SQLiteStore.open(f"sqlite:///{path}")
    await store.sync_feeds([(farm.url(n), gen.outlet(n)) for n in range(farm.feeds)], NOW - timedelta(days=1))
    await store.close()
    seen = (NOW - timedelta(hours=2)).isoformat()
    db = sqlite3.connect(path)
    with db:
        ids = dict(db.execute("SELECT url, id FROM feeds"))
        db.executemany(
            "UPDATE feeds SET etag = ?, first_poll_done = 1, next_poll_at = '', last_ok_at = ? WHERE id = ?",
            [(f'"{n}-0"', seen, ids[farm.url(n)]) for n in range(farm.feeds)],
        )
        db.executemany(
            "INSERT INTO entries (feed_id, entry_key, title, url, seen_at) VALUES (?, ?, '', ?, ?)",
            (
                (ids[farm.url(n)], f"guid:https://{gen.host(n)}/football/{n}/{i}", "", seen)
                for n in range(farm.feeds)
                for i in range(ITEMS_PER_FEED)
            ),
        )
    db.close()  # the last connection to close checkpoints the WAL: a copy of the file is then complete


async def rumourbot_cycle(db: Path, analyser: Analyser) -> dict[str, Any]:
    store = await SQLiteStore.open(f"sqlite:///{db}")
    try:
        async with Fetcher(settings()) as fetcher:
            poller = Poller(
                store,
                fetcher,
                Ingestor(BuiltinAnalysis(analyser), store, IngestPolicy()),
                settings(),
                clock=lambda: NOW,
            )
            Meter.parse = Meter.analyse = 0.0
            t0, c0 = time.perf_counter(), common.cpu_seconds()
            stats = await poller.run_once()
            wall, cpu = time.perf_counter() - t0, common.cpu_seconds() - c0
    finally:
        await store.close()
    return {
        "wall": wall,
        "cpu": cpu,
        "fetched": stats.fetched,
        "not_modified": stats.not_modified,
        "failed": stats.failed,
        "new_entries": stats.new_entries,
        "rumours": stats.rumours,
        "parse_cpu": Meter.parse,
        "analyse_cpu": Meter.analyse,
    }


async def http_loop(farm: FarmProcess, conditional: bool, parse: Callable[[bytes], int]) -> dict[str, Any]:
    """GET every feed (32 at a time); parse each 200 body inline; count statuses and entries."""
    counts = {"200": 0, "304": 0, "entries": 0, "other": 0}
    connector = aiohttp.TCPConnector(limit=CONCURRENCY, limit_per_host=0)
    gate = asyncio.Semaphore(CONCURRENCY)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def one(n: int) -> None:
            headers = {"If-None-Match": f'"{n}-0"'} if conditional else {}
            async with gate, session.get(farm.url(n), headers=headers) as resp:
                if resp.status == 304:
                    counts["304"] += 1
                    return
                if resp.status != 200:
                    counts["other"] += 1
                    return
                body = await resp.read()
            counts["200"] += 1
            counts["entries"] += parse(body)

        t0, c0 = time.perf_counter(), common.cpu_seconds()
        await asyncio.gather(*(one(n) for n in range(farm.feeds)))
        wall, cpu = time.perf_counter() - t0, common.cpu_seconds() - c0
    return {"wall": wall, "cpu": cpu, **counts}


def fresh_copy(template: Path, db: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copy(template, db)
    return db


def parse_fast(body: bytes) -> int:
    return len(fastfeedparser.parse(body)["entries"])


def parse_naive(body: bytes) -> int:
    return len(feedparser.parse(io.BytesIO(body))["entries"])


def warm(analyser: Analyser, gen: Gen) -> None:
    for n in range(20):
        item = gen.item(10**6, n)
        analyser.analyse(Article(item.title, item.content_html, url=item.link, outlet="BBC Sport"))


async def measure(feeds: int, changed: float, new: int, runs: int) -> dict[str, Any]:
    gen = Gen(SEED)
    config = ROOT / "config"
    gazetteer = load_gazetteer(config / "managers.toml", config / "clubs.toml", config / "sources.toml")
    analyser = MeteredAnalyser(gazetteer)
    poller_module.parse_feed = metered_parse  # type: ignore[assignment]  # count the parser's CPU time
    warm(analyser, gen)
    results: dict[str, list[dict[str, Any]]] = {"rumourbot": [], "bare": [], "naive": []}
    t_setup = time.perf_counter()
    with FarmProcess(feeds, changed, new) as farm, tempfile.TemporaryDirectory(prefix="rb-poll-") as tmp:
        template = Path(tmp) / "template.db"
        await build_template(template, farm, gen)
        print(
            f"  setup: {feeds} feeds ({len(farm.changed)} changed, {new} new items each), "
            f"farm + store ready in {time.perf_counter() - t_setup:.1f} s",
            flush=True,
        )
        loops: dict[str, Callable[[], Awaitable[dict[str, Any]]]] = {}

        async def ours() -> dict[str, Any]:
            return await rumourbot_cycle(fresh_copy(template, Path(tmp) / "run.db"), analyser)

        loops["rumourbot"] = ours
        if fastfeedparser is not None:
            loops["bare"] = lambda: http_loop(farm, True, parse_fast)
        else:
            print("  bare baseline SKIPPED: fastfeedparser is not installed (`make bench` installs it)")
        loops["naive"] = lambda: http_loop(farm, False, parse_naive)
        names = list(loops)
        for run in range(runs):
            order = names[run % len(names) :] + names[: run % len(names)]
            line = []
            for name in order:
                r = await loops[name]()
                r["feeds_per_s"] = feeds / r["wall"]
                results[name].append(r)
                line.append(f"{name} {r['wall']:.2f} s ({r['feeds_per_s']:.0f} feeds/s, cpu {r['cpu']:.1f} s)")
                if name == "rumourbot":
                    line[-1] += f" [parse {r['parse_cpu']:.2f} s, analyse {r['analyse_cpu']:.2f} s CPU]"
            per_run = {n: results[n][-1]["feeds_per_s"] for n in names}
            ratios = []
            if "bare" in per_run:
                ratios.append(f"of bare {per_run['rumourbot'] / per_run['bare']:.1%}")
            ratios.append(f"× naive {per_run['rumourbot'] / per_run['naive']:.2f}")
            print(f"  run {run + 1}: " + "; ".join(line) + " | " + ", ".join(ratios), flush=True)
    return {"feeds": feeds, "new": new, "changed": len(farm.changed), "results": results}


def report(m: dict[str, Any]) -> dict[str, Any]:
    res = m["results"]
    med = {name: common.median([r["feeds_per_s"] for r in runs]) for name, runs in res.items() if runs}
    last = res["rumourbot"][-1]
    print(
        f"  rumourbot cycle: fetched {last['fetched']}, not modified {last['not_modified']}, failed "
        f"{last['failed']}, new entries {last['new_entries']}, manager stories {last['rumours']}"
    )
    ours = res["rumourbot"]
    wall = common.median([r["wall"] for r in ours])
    parse = common.median([r["parse_cpu"] for r in ours])
    analyse = common.median([r["analyse_cpu"] for r in ours])
    print(
        f"  rumourbot time split (medians): parser {parse:.2f} s CPU ({parse / wall:.0%} of the wall time; "
        f"{parse / max(1, m['changed']) * 1000:.1f} ms per changed feed), analyser {analyse:.2f} s CPU "
        f"({analyse / wall:.0%}; {analyse / max(1, last['new_entries']) * 1000:.2f} ms per new entry), "
        f"everything else (fetch, store, threading, event loop) {wall - parse - analyse:.2f} s "
        f"({(wall - parse - analyse) / m['feeds'] * 1000:.2f} ms per feed)"
    )
    for name, fps in med.items():
        cpu = common.median([r["cpu"] for r in res[name]])
        wall = common.median([r["wall"] for r in res[name]])
        print(f"  {name:9s}: median {fps:7.1f} feeds/s ({wall:.2f} s wall, {cpu:.2f} s CPU in this process)")
    out: dict[str, Any] = {"feeds_per_s": med}
    n_runs = len(res["rumourbot"])
    if res.get("bare"):
        of_bare = sorted(res["rumourbot"][i]["feeds_per_s"] / res["bare"][i]["feeds_per_s"] for i in range(n_runs))
        out["of_bare"] = common.median(of_bare)
        print(
            f"  rumourbot / bare: median of per-run ratios {out['of_bare']:.1%} (target ≥ 40 %: "
            f"ratio to limit {out['of_bare'] / 0.40:.2f}, {common.verdict(out['of_bare'] >= 0.40)})"
        )
    x_naive = sorted(res["rumourbot"][i]["feeds_per_s"] / res["naive"][i]["feeds_per_s"] for i in range(n_runs))
    out["x_naive"] = common.median(x_naive)
    print(
        f"  rumourbot / naive: median of per-run ratios {out['x_naive']:.2f}× (target ≥ 20×: ratio to limit "
        f"{out['x_naive'] / 20:.2f}, {common.verdict(out['x_naive'] >= 20)})"
    )
    return out


async def profile(feeds: int, changed: float, new: int) -> str:
    from pyinstrument import Profiler  # noqa: PLC0415  # a dev dependency, only for --profile

    async def inline(func: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    gen = Gen(SEED)
    config = ROOT / "config"
    analyser = Analyser(load_gazetteer(config / "managers.toml", config / "clubs.toml", config / "sources.toml"))
    warm(analyser, gen)
    with FarmProcess(feeds, changed, new) as farm, tempfile.TemporaryDirectory(prefix="rb-prof-") as tmp:
        db = Path(tmp) / "run.db"
        await build_template(db, farm, gen)
        asyncio.to_thread = inline  # type: ignore[assignment]  # profile parse/analyse in this thread
        profiler = Profiler(interval=0.001, async_mode="disabled")
        profiler.start()
        r = await rumourbot_cycle(db, analyser)
        profiler.stop()
    counts = ", ".join(f"{k} {r[k]}" for k in ("fetched", "not_modified", "failed", "new_entries", "rumours"))
    print(f"  profiled cycle: {feeds} feeds in {r['wall']:.2f} s ({feeds / r['wall']:.0f} feeds/s); {counts}")
    return profiler.output_text(unicode=True, color=False, show_all=False)


def main() -> dict[str, Any] | None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", action="store_true", help="profile one rumourbot cycle with pyinstrument")
    parser.add_argument("--profile-out", default=None)
    args = parser.parse_args()
    feeds = common.size("feeds", 500, 200)
    new = int(os.environ.get("BENCH_POLL_NEW", "5"))
    changed = float(os.environ.get("BENCH_POLL_CHANGED", "0.3"))
    if args.profile:
        text = asyncio.run(profile(feeds, changed, new))
        if args.profile_out:
            Path(args.profile_out).write_text(text)
            print(f"  profile written to {args.profile_out}")
        else:
            print(text)
        return None
    print(f"poll cycle: {feeds} loopback feeds, {common.repeats()} runs ({common.machine()})", flush=True)
    m = asyncio.run(measure(feeds, changed, new, common.repeats()))
    return report(m)


if __name__ == "__main__":
    main()
