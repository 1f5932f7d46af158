"""Queries on a large store: ``threads_about(manager=…)`` and ``/rumour <manager>`` + Telegram render.

The store is created by ``SQLiteStore.open`` (so the schema and indexes are the real ones) in a temp
dir and filled directly with ``executemany``: 100,000 threads over two years and 1,000,000 reports
(full size). Threads go to managers with a Zipf-like weight (a few managers have thousands of
threads), to a few linked clubs per manager; reports per thread follow a Pareto law (most threads
have 1–5 reports, a few hundreds, capped at 2,000), 10 % of them near-duplicates; 1–4 stage rows
per thread.

Each run asks about 2,000 managers drawn with the same weights (popular managers are asked about
more), timing ``store.threads_about(manager=name)`` (default limit 10) and, separately,
``Router.handle(/rumour <name>)`` plus ``render_reply`` for Telegram (HTML, split into messages).
Targets: p99 ≤ 5 ms and ≤ 20 ms. The worst manager (most reports in their newest threads) is also
timed alone. The page cache is warm (the database was just written).

Sizes: 100k threads / 1M reports (full) or 20k / 200k (``BENCH_SIZE=quick``); ``BENCH_REPORTS``
overrides (threads = reports / 10).
"""

from __future__ import annotations

import asyncio
import random
import sqlite3
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common
from gen import EPOCH, Gen

from bot.analysis.gazetteer import load_gazetteer
from bot.commands.base import ChatRef, Invocation
from bot.commands.names import NameResolver
from bot.commands.router import Router
from bot.domain import Relation
from bot.render.telegram_html import render_reply
from bot.rumours.threads import base_heat
from bot.store.sqlite import SQLiteStore
from bot.store.timefmt import ts

QUERIES = 2_000
STORE_P99_MS = 5.0
COMMAND_P99_MS = 20.0
MAX_REPORTS_PER_THREAD = 2_000
STAGES = list(Relation)
STAGE_WEIGHTS = [30, 20, 6, 5, 6, 4, 4, 4, 5, 6, 3, 12]  # linked and talks dominate, as in the news
OUTLETS = ("BBC Sport", "Sky Sports", "The Athletic", "Daily Mail", "The Guardian", "Marca", "Bild", "Diario AS")
TITLES = (
    "{m} in talks with {c} over vacant manager's job",
    "{c} identify {m} as top target",
    "{m} under pressure after another defeat",
    "{c} make formal approach for {m}",
    "{m} agrees deal to become new {c} head coach",
    "{m} on shortlist as {c} plan for the future",
)


def thread_sizes(rng: random.Random, threads: int, reports: int) -> list[int]:
    """Pareto(1.5) sizes scaled so they add up to exactly ``reports``."""
    raw = [min(MAX_REPORTS_PER_THREAD, rng.paretovariate(1.5)) for _ in range(threads)]
    scale = reports / sum(raw)
    sizes = [max(1, min(MAX_REPORTS_PER_THREAD, round(r * scale))) for r in raw]
    diff = reports - sum(sizes)
    while diff:
        i = rng.randrange(threads)
        step = 1 if diff > 0 else -1
        if 1 <= sizes[i] + step <= MAX_REPORTS_PER_THREAD:
            sizes[i] += step
            diff -= step
    return sizes


async def build(path: Path, threads: int, reports: int, seed: int = 7) -> dict[str, Any]:
    store = await SQLiteStore.open(f"sqlite:///{path}")
    await store.close()
    gen = Gen(seed)
    rng = random.Random(seed)
    sizes = thread_sizes(rng, threads, reports)
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous = OFF")
    thread_rows, report_rows, stage_rows = [], [], []
    report_id = 0
    span = timedelta(days=730).total_seconds()
    for tid in range(1, threads + 1):
        manager = gen.pick_manager(rng)
        club = rng.choice(gen.links[manager.name]) if rng.random() < 0.8 else rng.choice(gen.k.clubs)
        stage = rng.choices(STAGES, STAGE_WEIGHTS)[0]
        last = EPOCH - timedelta(seconds=rng.random() * span)
        first = last - timedelta(seconds=rng.random() * 21 * 86400)
        n = sizes[tid - 1]
        voices = min(n, rng.randint(1, 6))
        tier = rng.randint(1, 4)
        summary = f"{manager.name} → {club}: {stage.value}, reported by {voices} independent source(s)."
        thread_rows.append(
            (tid, manager.name, club, stage.value, ts(first), ts(last), tier, voices, base_heat(stage, voices, tier),
             summary)
        )  # fmt: skip
        first_report = report_id + 1
        step = (last - first) / n
        for i in range(n):
            report_id += 1
            outlet = OUTLETS[rng.randrange(len(OUTLETS))]
            title = TITLES[rng.randrange(len(TITLES))].format(m=manager.name, c=club)
            report_rows.append(
                (report_id, tid, outlet, f"https://{outlet.replace(' ', '').lower()}.example/{report_id}", title,
                 outlet, tier, outlet, stage.value, 0.7, f"{title}, sources say, with talks expected this week.",
                 first_report if i and rng.random() < 0.1 else None, ts(first + step * i))
            )  # fmt: skip
        for s in range(rng.randint(1, 4)):
            stage_rows.append((tid, STAGES[rng.randrange(len(STAGES))].value, "BBC Sport", ts(first + step * s)))
        if len(report_rows) >= 200_000:
            flush(db, thread_rows, report_rows, stage_rows)
    flush(db, thread_rows, report_rows, stage_rows)
    db.execute("ANALYZE")
    db.commit()
    db.close()
    return {"threads": threads, "reports": report_id}


def flush(db: sqlite3.Connection, threads: list[Any], reports: list[Any], stages: list[Any]) -> None:
    with db:
        db.executemany(
            "INSERT INTO threads (id, manager, club, stage, first_seen, last_update, best_tier, corroboration, heat,"
            " summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            threads,
        )
        db.executemany(
            "INSERT INTO reports (id, thread_id, outlet, url, title, source, tier, voice, relation, confidence,"
            " evidence, duplicate_of, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            reports,
        )
        db.executemany("INSERT INTO thread_stages (thread_id, stage, source, at) VALUES (?, ?, ?, ?)", stages)
    threads.clear()
    reports.clear()
    stages.clear()


def worst_manager(path: Path, limit: int) -> tuple[str, int]:
    """The manager whose ``limit`` newest threads hold the most reports (the slowest answer)."""
    db = sqlite3.connect(path)
    best = ("", 0)
    for (manager,) in db.execute("SELECT DISTINCT manager FROM threads").fetchall():
        newest = "SELECT id FROM threads WHERE manager = ? ORDER BY last_update DESC LIMIT ?"
        ids = [r[0] for r in db.execute(newest, (manager, limit))]
        marks = ",".join("?" * len(ids))
        n = db.execute(f"SELECT count(*) FROM reports WHERE thread_id IN ({marks})", ids).fetchone()[0]
        if n > best[1]:
            best = (manager, n)
    db.close()
    return best


def summary(label: str, ms: list[float], target: float) -> dict[str, float]:
    ms = sorted(ms)
    p50, p99 = common.percentile(ms, 50), common.percentile(ms, 99)
    print(
        f"    {label}: p50 {p50:.2f} ms, p99 {p99:.2f} ms, max {ms[-1]:.2f} ms "
        f"(target p99 ≤ {target:g} ms: ratio {p99 / target:.2f}, {common.verdict(p99 <= target)})"
    )
    return {"p50": p50, "p99": p99, "max": ms[-1]}


async def measure(path: Path, runs: int) -> dict[str, list[dict[str, float]]]:
    config = common.ROOT / "config"
    gazetteer = load_gazetteer(config / "managers.toml", config / "clubs.toml", config / "sources.toml")
    store = await SQLiteStore.open(f"sqlite:///{path}")
    router = Router(store, NameResolver(gazetteer), clock=lambda: EPOCH)
    gen = Gen(7)
    worst, worst_reports = worst_manager(path, 10)  # threads_about's default limit
    worst6, worst6_reports = worst_manager(path, 6)  # /rumour asks for 6 threads
    out: dict[str, list[dict[str, float]]] = {"store": [], "command": [], "worst_store": [], "worst_command": []}
    try:
        for run in range(runs):
            rng = random.Random(run)
            names = [gen.pick_manager(rng).name for _ in range(QUERIES)]
            for name in names[:50]:  # warm-up
                await store.threads_about(manager=name)
            store_ms, command_ms, cards = [], [], 0
            for name in names:
                t0 = time.perf_counter()
                await store.threads_about(manager=name)
                store_ms.append((time.perf_counter() - t0) * 1000)
            for i, name in enumerate(names):
                # a different fan in a different chat each time: the per-user and per-chat command
                # rate limits stay out of the way (but their cost is counted)
                asker = ChatRef("telegram", str(10_000_000 + run * QUERIES + i))
                t0 = time.perf_counter()
                reply = await router.handle(Invocation(asker, str(i), "rumour", name.lower()))
                render_reply(reply)
                command_ms.append((time.perf_counter() - t0) * 1000)
                cards += len(reply.cards)
            print(f"  run {run + 1}: {QUERIES} managers asked about ({cards / QUERIES:.1f} cards per answer)")
            out["store"].append(summary("threads_about(manager=…)", store_ms, STORE_P99_MS))
            out["command"].append(summary("/rumour <manager> + Telegram render", command_ms, COMMAND_P99_MS))
            ws, wc = [], []
            for _ in range(20):
                t0 = time.perf_counter()
                await store.threads_about(manager=worst)
                ws.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                asker = ChatRef("telegram", str(20_000_000 + run * 100 + len(wc)))
                render_reply(await router.handle(Invocation(asker, asker.chat_id, "rumour", worst6.lower())))
                wc.append((time.perf_counter() - t0) * 1000)
            out["worst_store"].append({"p50": common.median(ws)})
            out["worst_command"].append({"p50": common.median(wc)})
            print(
                f"    worst managers: threads_about({worst}: {worst_reports} reports in the 10 newest threads) "
                f"median {common.median(ws):.1f} ms; /rumour {worst6} ({worst6_reports} reports in the 6 newest) "
                f"+ render median {common.median(wc):.1f} ms"
            )
    finally:
        await store.close()
    return out


def main() -> dict[str, Any]:
    reports = common.size("reports", 1_000_000, 200_000)
    threads = reports // 10
    runs = common.repeats()
    print(f"queries: {threads} threads, {reports} reports, {runs} runs ({common.machine()})", flush=True)
    with tempfile.TemporaryDirectory(prefix="rb-queries-") as tmp:
        path = Path(tmp) / "big.db"
        t0 = time.perf_counter()
        made = asyncio.run(build(path, threads, reports))
        size_mb = sum(p.stat().st_size for p in Path(tmp).glob("big.db*")) / 1e6
        print(
            f"  setup: {made['threads']} threads, {made['reports']} reports written in "
            f"{time.perf_counter() - t0:.0f} s ({size_mb:.0f} MB)",
            flush=True,
        )
        out = asyncio.run(measure(path, runs))
    result = {key: {k: common.median([r[k] for r in rs]) for k in rs[0]} for key, rs in out.items()}
    s, c = result["store"], result["command"]
    print(
        f"  medians of {runs} runs: threads_about p50 {s['p50']:.2f} ms p99 {s['p99']:.2f} ms "
        f"(ratio {s['p99'] / STORE_P99_MS:.2f}, {common.verdict(s['p99'] <= STORE_P99_MS)}); "
        f"/rumour + render p50 {c['p50']:.2f} ms p99 {c['p99']:.2f} ms "
        f"(ratio {c['p99'] / COMMAND_P99_MS:.2f}, {common.verdict(c['p99'] <= COMMAND_P99_MS)})"
    )
    return result


if __name__ == "__main__":
    main()
