"""Run every benchmark in this folder and print their figures.

    python bench/run.py                 # all, full sizes (each under ~3 minutes here)
    python bench/run.py --quick         # all, small sizes (same as BENCH_SIZE=quick)
    python bench/run.py queries.py      # one or more by file name

Each benchmark runs in its own process (so one's memory, threads or event loop never affect the
next) with this environment; a failing benchmark is reported and the others still run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = [
    "analyser.py",
    "poll_cycle.py",
    "ingest_burst.py",
    "queries.py",
    "boards.py",
    "fanout.py",
    "fanout_discord.py",
    "footprint.py",
    "scale_workers.py",
]


def main(argv: list[str]) -> int:
    env = dict(os.environ)
    if "--quick" in argv:
        env["BENCH_SIZE"] = "quick"
    names = [a for a in argv if not a.startswith("--")] or BENCHES
    failed = []
    for name in names:
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        code = subprocess.run([sys.executable, str(HERE / name)], env=env, check=False).returncode
        print(f"   ({name} took {time.perf_counter() - started:.0f} s{'' if code == 0 else f'; exit {code}'})")
        if code:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 0  # benchmarks measure; they never fail a build


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
