"""Shared helpers for the benchmarks: sizes, repeats, medians, percentiles, machine description.

Sizes: ``BENCH_SIZE=quick`` (or ``python bench/run.py --quick``) picks the small sizes each
benchmark documents; the default is the full size. ``BENCH_REPEATS`` overrides the number of runs
(default 3; the figures quoted are medians over them).
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def quick() -> bool:
    return os.environ.get("BENCH_SIZE", "full").lower() == "quick"


def size(name: str, full: int, quick_size: int) -> int:
    """``BENCH_<NAME>`` if set, else the quick or full size."""
    override = os.environ.get(f"BENCH_{name.upper()}")
    if override:
        return int(override)
    return quick_size if quick() else full


def repeats(default: int = 3) -> int:
    return int(os.environ.get("BENCH_REPEATS", default))


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(sorted_values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile of an already sorted sequence (p in 0..100)."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), round(p / 100 * len(sorted_values) + 0.5)))
    return sorted_values[rank - 1]


def verdict(ok: bool) -> str:
    return "MET" if ok else "NOT MET"


def machine() -> str:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs, {model}, Python {platform.python_version()}"


def cpu_seconds() -> float:
    """CPU time of this process (all threads), user + system."""
    times = os.times()
    return times.user + times.system


def children_cpu_seconds() -> float:
    times = os.times()
    return times.children_user + times.children_system
