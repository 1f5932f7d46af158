"""Ingest burst: a backfill of new entries through analyse → dedupe → thread → store, on one core.

The entries are generated feeds (bench/gen.py: 50 items a feed, ~55 % manager stories) parsed
with rumourbot's own parser before the clock starts, so the figure is the ingest alone. They go
through ``Ingestor.ingest`` one feed (50 entries) at a time, as a first poll of many feeds would,
into a fresh SQLiteStore (WAL, synchronous=NORMAL) in a temp dir; alerts off (a backfill never
alerts). The process is pinned to one CPU (``sched_setaffinity``), so the worker threads (analysis,
aiosqlite) share that core. Target: ≥ 1,000 entries/s.

Sizes: 20,000 entries (full) or 5,000 (``BENCH_SIZE=quick``); ``BENCH_ENTRIES`` overrides.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common
from gen import EPOCH, ITEMS_PER_FEED, Gen

from bot.analysis.analyser import Analyser
from bot.analysis.gazetteer import load_gazetteer
from bot.domain import Analysis, Article
from bot.feeds.parser import parse_feed
from bot.llm.port import BuiltinAnalysis
from bot.pipeline.ingest import Ingestor, IngestPolicy, Item
from bot.store.sqlite import SQLiteStore

TARGET = 1_000.0
NOW = EPOCH


class TimedAnalyser(Analyser):
    """The real analyser, with the time spent in it added up (to split analysis from the rest)."""

    seconds = 0.0

    def analyse(self, article: Article) -> Analysis:
        t0 = time.perf_counter()
        try:
            return super().analyse(article)
        finally:
            self.seconds += time.perf_counter() - t0


def build_items(feeds: int, gen: Gen) -> list[tuple[str, str, list[Item]]]:
    batches = []
    for n in range(feeds):
        url = f"https://{gen.host(n)}/feeds/{n}.xml"
        parsed = parse_feed(gen.feed_body(n, 0), url)
        outlet = gen.outlet(n)
        items = [
            Item(f"{e.id_kind}:{e.entry_id}", e.title, e.text, e.url, e.published, outlet, e.categories)
            for e in parsed.entries
        ]
        batches.append((url, outlet, items))
    return batches


async def one_run(tmp: Path, batches: list[tuple[str, str, list[Item]]], analyser: TimedAnalyser) -> dict[str, Any]:
    db = tmp / f"ingest-{time.monotonic_ns()}.db"
    store = await SQLiteStore.open(f"sqlite:///{db}")
    await store.sync_feeds([(url, outlet) for url, outlet, _ in batches], NOW)
    ids = {f.url: f.id for f in await store.list_feeds()}
    ingestor = Ingestor(BuiltinAnalysis(analyser), store, IngestPolicy())
    analyser.seconds = 0.0
    new = rumours = 0
    t0, c0 = time.perf_counter(), common.cpu_seconds()
    for url, _, items in batches:
        stats = await ingestor.ingest(ids[url], items, NOW, alerts=False)
        new += stats.new_entries
        rumours += stats.rumours
    wall, cpu = time.perf_counter() - t0, common.cpu_seconds() - c0
    await store.close()
    return {
        "wall": wall,
        "cpu": cpu,
        "new": new,
        "rumours": rumours,
        "analyse_s": analyser.seconds,
        "rate": new / wall,
        **db_facts(db),
    }


def db_facts(db: Path) -> dict[str, Any]:
    con = sqlite3.connect(db)
    try:
        facts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("threads", "reports", "events")}
        sizes = "SELECT max(c) FROM (SELECT count(*) c FROM reports GROUP BY thread_id)"
        facts["biggest_thread"] = con.execute(sizes).fetchone()[0]
    finally:
        con.close()
    facts["db_mb"] = sum(p.stat().st_size for p in db.parent.glob(f"{db.name}*")) / 1e6
    return facts


async def measure(entries: int, runs: int) -> list[dict[str, Any]]:
    gen = Gen(7)
    feeds = max(1, entries // ITEMS_PER_FEED)
    t0 = time.perf_counter()
    batches = build_items(feeds, gen)
    total = sum(len(items) for _, _, items in batches)
    print(f"  setup: {total} entries in {feeds} feeds generated and parsed in {time.perf_counter() - t0:.1f} s")
    config = common.ROOT / "config"
    analyser = TimedAnalyser(load_gazetteer(config / "managers.toml", config / "clubs.toml", config / "sources.toml"))
    for _, _, items in batches[:1]:
        for item in items[:10]:
            analyser.analyse(Article(item.title, item.text))  # warm the analyser's caches
    results = []
    with tempfile.TemporaryDirectory(prefix="rb-ingest-") as tmp:
        for run in range(runs):
            r = await one_run(Path(tmp), batches, analyser)
            results.append(r)
            rest = r["wall"] - r["analyse_s"]
            per_entry = r["analyse_s"] / r["new"] * 1000
            print(
                f"  run {run + 1}: {r['new']} entries in {r['wall']:.1f} s = {r['rate']:.0f} entries/s "
                f"(cpu {r['cpu']:.1f} s; analysis {r['analyse_s']:.1f} s = {per_entry:.2f} ms/entry, "
                f"everything else {rest:.1f} s = {rest / r['new'] * 1000:.2f} ms/entry); "
                f"{r['rumours']} manager stories → {r['threads']} threads, {r['reports']} reports, "
                f"{r['events']} events, largest thread {r['biggest_thread']} reports; db {r['db_mb']:.0f} MB",
                flush=True,
            )
    return results


def main() -> dict[str, Any]:
    entries = common.size("entries", 20_000, 5_000)
    cpus = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpus[-1]})
    print(
        f"ingest burst: {entries} new entries, one core (CPU {cpus[-1]}), {common.repeats()} runs ({common.machine()})"
    )
    results = asyncio.run(measure(entries, common.repeats()))
    rate = common.median([r["rate"] for r in results])
    print(
        f"  median {rate:.0f} entries/s (target ≥ {TARGET:.0f}/s: ratio to limit {rate / TARGET:.2f}, "
        f"{common.verdict(rate >= TARGET)}); analysis share "
        f"{common.median([r['analyse_s'] / r['wall'] for r in results]):.0%} of the wall time"
    )
    return {"rate": rate, "runs": results}


if __name__ == "__main__":
    main()
