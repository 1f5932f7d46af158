"""The boards on the 1M-report benchmark database: ``/sackrace`` and ``/vacancies`` (all leagues and
the Premier League) through the Router plus the Telegram render, p50/p99 against the 20 ms target.

The database is ``queries.py``'s (100,000 threads over two years, 1,000,000 reports; ``BENCH_SIZE=quick``
or ``BENCH_REPORTS`` for smaller), with what the boards read added the way the bot keeps it: each
source's first report of a thread as its claim, the threads last updated more than 60 days before
the benchmark's "now" resolved (true, false or cold at random) with the claims' counts per source,
club and stage, and 600 learned changes of job (sackings, departures, caretakers and appointments)
leaving about 50 clubs vacant. Each board is asked ``QUERIES`` times, in a new chat each time (the
per-chat tier overrides are read every time), after the page cache is warm.
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
from queries import build

from bot.analysis.gazetteer import load_gazetteer
from bot.commands.base import ChatRef, Invocation
from bot.commands.names import NameResolver
from bot.commands.router import Router
from bot.render.telegram_html import render_reply
from bot.store.sqlite import SQLiteStore
from bot.store.timefmt import ts

QUERIES = 1_000
P99_MS = 20.0
ASKS = (("sackrace", ""), ("sackrace", "premier league"), ("vacancies", ""), ("vacancies", "premier league"))


def add_outcomes(path: Path, seed: int = 11) -> dict[str, int]:
    """Claims, resolutions, their counts and learned jobs, written as the bot would have written them."""
    rng = random.Random(seed)
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous = OFF")
    old = ts(EPOCH - timedelta(days=60))
    with db:
        db.execute(
            "UPDATE threads SET outcome = CASE abs(random()) % 3 WHEN 0 THEN 'true' WHEN 1 THEN 'false' ELSE 'cold'"
            " END, resolved_at = last_update WHERE last_update < ?",
            (old,),
        )
        db.execute(
            "INSERT INTO claims (thread_id, source, report_id, manager, club, stage, tier, relayed_by, reported_at,"
            " outcome) SELECT r.thread_id, r.source, min(r.id), t.manager, t.club, t.stage, min(r.tier), '',"
            " min(r.reported_at), t.outcome FROM reports r JOIN threads t ON t.id = r.thread_id"
            " WHERE r.duplicate_of IS NULL GROUP BY r.thread_id, r.source"
        )
        db.execute(
            "INSERT INTO source_stats (source, club, stage, outcome, n) SELECT source, club, stage,"
            " coalesce(outcome, ''), count(*) FROM claims GROUP BY source, club, stage, coalesce(outcome, '')"
        )
        db.execute(
            "INSERT INTO source_stats (source, club, stage, outcome, n) SELECT source, '', stage,"
            " coalesce(outcome, ''), count(*) FROM claims GROUP BY source, stage, coalesce(outcome, '')"
        )
        gen = Gen(7)
        managers = [m for m in gen.k.managers if m.club]
        jobs = []
        for n in range(600):
            at = ts(EPOCH - timedelta(days=rng.uniform(1, 300)))
            m = rng.choice(managers)
            change = rng.choices(("sacked", "left", "appointed", "caretaker"), (35, 10, 45, 10))[0]
            club = m.club if change in ("sacked", "left") else rng.choice(gen.k.clubs)
            jobs.append((m.name, club, "appointed" if change == "caretaker" else change, change == "caretaker", at,
                         "Club (official)", f"https://news.example/job/{n}", "story", at))  # fmt: skip
        db.executemany(
            "INSERT INTO jobs (manager, club, change, caretaker, since, source, url, learned_by, learned_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            jobs,
        )
        db.execute("ANALYZE")
    counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("claims", "source_stats", "jobs")}
    db.close()
    return counts


async def measure(path: Path, runs: int) -> dict[str, list[dict[str, float]]]:
    config = common.ROOT / "config"
    gazetteer = load_gazetteer(config / "managers.toml", config / "clubs.toml", config / "sources.toml")
    store = await SQLiteStore.open(f"sqlite:///{path}")
    router = Router(store, NameResolver(gazetteer), clock=lambda: EPOCH, limiter=None)
    out: dict[str, list[dict[str, float]]] = {f"{name} {league}".strip(): [] for name, league in ASKS}
    try:
        for run in range(runs):
            for name, league in ASKS:
                label = f"{name} {league}".strip()
                ms: list[float] = []
                lines = 0
                for i in range(QUERIES + 20):
                    chat = ChatRef("telegram", str(30_000_000 + run * 100_000 + i))
                    t0 = time.perf_counter()
                    reply = await router.handle(Invocation(chat, str(i), name, league))
                    render_reply(reply)
                    if i >= 20:  # after a warm-up
                        ms.append((time.perf_counter() - t0) * 1000)
                    lines = max(lines, len(reply.cards[0].body.splitlines()) if reply.cards else 0)
                ms.sort()
                p50, p99 = common.percentile(ms, 50), common.percentile(ms, 99)
                print(
                    f"  run {run + 1}: /{label}: p50 {p50:.2f} ms, p99 {p99:.2f} ms, max {ms[-1]:.2f} ms, {lines} lines"
                    f" (target p99 ≤ {P99_MS:g} ms: {common.verdict(p99 <= P99_MS)})",
                    flush=True,
                )
                out[label].append({"p50": p50, "p99": p99, "max": ms[-1]})
    finally:
        await store.close()
    return out


def main() -> dict[str, Any]:
    reports = common.size("reports", 1_000_000, 200_000)
    threads = reports // 10
    runs = common.repeats()
    print(f"boards: {threads} threads, {reports} reports, {runs} runs ({common.machine()})", flush=True)
    with tempfile.TemporaryDirectory(prefix="rb-boards-") as tmp:
        path = Path(tmp) / "big.db"
        t0 = time.perf_counter()
        asyncio.run(build(path, threads, reports))
        counts = add_outcomes(path)
        print(f"  setup: {counts} in {time.perf_counter() - t0:.0f} s", flush=True)
        out = asyncio.run(measure(path, runs))
    result = {label: {k: common.median([r[k] for r in rs]) for k in rs[0]} for label, rs in out.items()}
    for label, r in result.items():
        print(f"  medians of {runs} runs: /{label}: p50 {r['p50']:.2f} ms, p99 {r['p99']:.2f} ms "
              f"({common.verdict(r['p99'] <= P99_MS)})")  # fmt: skip
    return result


if __name__ == "__main__":
    main()
