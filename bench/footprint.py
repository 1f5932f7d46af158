"""Footprint: start-up time of ``rumourbot --help`` and resident memory of a loaded process.

Start-up: the median wall time of 10 runs of ``.venv/bin/rumourbot --help`` as a subprocess
(target < 300 ms), plus ``python -c pass`` in the same venv for scale.

Memory: the parent first builds a database of 1,000,000 reports in 100,000 threads with
``bench/queries.py``'s generator (``BENCH_REPORTS``; 200,000 with ``BENCH_SIZE=quick``). A child
process loads the knowledge base and the Analyser, opens that database as a SQLiteStore, adds
10,000 feeds to it, holds all 10,000 feed rows (``list_feeds``), analyses 50 generated articles,
answers 500 ``/rumour <manager>`` commands through the command router (so the store's pages are
read) and then reports its resident set (VmRSS) and peak (VmHWM) from /proc (target < 250 MB). A
second child does the same after also importing what ``rumourbot run`` imports when both platform
tokens are set (python-telegram-bot, discord.py, trafilatura). Three children of each; medians.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common
import queries

STARTUP_MS = 300.0
RSS_MB = 250.0
FEEDS = 10_000
COMMANDS = 500
BIN = Path(sys.executable).parent


def startup(runs: int = 10) -> dict[str, float]:
    def timed(cmd: list[str]) -> list[float]:
        out = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            out.append((time.perf_counter() - t0) * 1000)
        return out

    cli = BIN / "rumourbot"
    cmd = [str(cli), "--help"] if cli.exists() else [sys.executable, "-m", "bot", "--help"]
    help_ms = timed(cmd)
    bare_ms = timed([sys.executable, "-c", "pass"])
    return {"help_ms": common.median(help_ms), "help_min_ms": min(help_ms), "python_ms": common.median(bare_ms)}


def vm(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024  # kB → MiB
    return float("nan")


async def child(platforms: bool, db: str) -> dict[str, float]:
    import random  # noqa: PLC0415

    from gen import EPOCH, Gen  # noqa: PLC0415

    from bot.analysis.analyser import Analyser  # noqa: PLC0415
    from bot.analysis.gazetteer import load_gazetteer  # noqa: PLC0415
    from bot.commands.base import ChatRef, Invocation  # noqa: PLC0415
    from bot.commands.names import NameResolver  # noqa: PLC0415
    from bot.commands.router import Router  # noqa: PLC0415
    from bot.domain import Article  # noqa: PLC0415
    from bot.render.telegram_html import render_reply  # noqa: PLC0415
    from bot.store.sqlite import SQLiteStore  # noqa: PLC0415

    if platforms:
        import trafilatura  # noqa: F401, PLC0415

        import bot.feeds.fulltext  # noqa: PLC0415
        import bot.platforms.discord_adapter  # noqa: PLC0415
        import bot.platforms.telegram_adapter  # noqa: F401, PLC0415
    config = common.ROOT / "config"
    gazetteer = load_gazetteer(config / "managers.toml", config / "clubs.toml", config / "sources.toml")
    analyser = Analyser(gazetteer)
    store = await SQLiteStore.open(f"sqlite:///{db}")
    await store.sync_feeds([(f"https://news{n % 97}.example/feeds/{n}.xml", "BBC Sport") for n in range(FEEDS)], EPOCH)
    rows = await store.list_feeds()
    gen = Gen(7)
    for n in range(50):
        item = gen.item(n, n)
        analyser.analyse(Article(item.title, item.content_html, url=item.link, outlet="BBC Sport"))
    router = Router(store, NameResolver(gazetteer), clock=lambda: EPOCH)
    rng = random.Random(3)
    cards = 0
    for i in range(COMMANDS):
        name = gen.pick_manager(rng).name
        reply = await router.handle(Invocation(ChatRef("telegram", str(30_000_000 + i)), str(i), "rumour", name))
        render_reply(reply)
        cards += len(reply.cards)
    rss, peak = vm("VmRSS"), vm("VmHWM")
    await store.close()
    return {"rss_mb": rss, "peak_mb": peak, "feed_rows": len(rows), "cards": cards}


def memory(platforms: bool, db: Path, runs: int = 3) -> dict[str, float]:
    results = []
    for _ in range(runs):
        cmd = [sys.executable, __file__, "--child", str(db)] + (["--platforms"] if platforms else [])
        out = subprocess.run(cmd, check=True, capture_output=True, text=True, env={**os.environ}).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    return {k: common.median([r[k] for r in results]) for k in results[0]}


def main() -> dict[str, Any]:
    print(f"footprint ({common.machine()})", flush=True)
    s = startup()
    print(
        f"  `rumourbot --help`: median {s['help_ms']:.0f} ms of 10 runs (fastest {s['help_min_ms']:.0f} ms; "
        f"`python -c pass` {s['python_ms']:.0f} ms) — target < {STARTUP_MS:.0f} ms: ratio "
        f"{s['help_ms'] / STARTUP_MS:.2f}, {common.verdict(s['help_ms'] < STARTUP_MS)}",
        flush=True,
    )
    reports = common.size("reports", 1_000_000, 200_000)
    with tempfile.TemporaryDirectory(prefix="rb-footprint-") as tmp:
        db = Path(tmp) / "rb.db"
        t0 = time.perf_counter()
        built = asyncio.run(queries.build(db, reports // 10, reports))
        size_mb = db.stat().st_size / 1e6
        print(
            f"  database: {built['reports']:,} reports in {built['threads']:,} threads, {size_mb:.0f} MB "
            f"(built in {time.perf_counter() - t0:.0f} s)",
            flush=True,
        )
        core = memory(False, db)
        full = memory(True, db)
    for label, m in (("core", core), ("with platform SDKs", full)):
        print(
            f"  resident memory, {label}: {m['rss_mb']:.0f} MiB (peak {m['peak_mb']:.0f} MiB) with that database open, "
            f"{m['feed_rows']:.0f} feed rows held, the analyser loaded and {COMMANDS} /rumour answers given "
            f"({m['cards'] / COMMANDS:.1f} cards each) — target < {RSS_MB:.0f} MB: ratio "
            f"{m['rss_mb'] * 1.048576 / RSS_MB:.2f}, {common.verdict(m['rss_mb'] * 1.048576 < RSS_MB)}"
        )
    return {"startup": s, "core": core, "full": full, "reports": built["reports"]}


if __name__ == "__main__":
    if "--child" in sys.argv:
        print(json.dumps(asyncio.run(child("--platforms" in sys.argv, sys.argv[sys.argv.index("--child") + 1]))))
    else:
        main()
