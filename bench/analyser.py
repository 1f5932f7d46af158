"""Analyser speed: median time to analyse a ~3,000-character article with the full gazetteer.

The articles are built from the labelled corpus (seeded shuffle), each cut to 3,000 characters.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.analysis.analyser import Analyser  # noqa: E402
from bot.analysis.gazetteer import load_gazetteer  # noqa: E402
from bot.domain import Article  # noqa: E402

TARGET_CHARS = 3_000


def articles(seed: int = 7) -> list[Article]:
    stories = [
        json.loads(p.read_text("utf-8"))["article"] for p in sorted((ROOT / "tests/data/analysis").glob("*.json"))
    ]
    rng = random.Random(seed)
    built = []
    for story in stories:
        text = story["text"]
        while len(text) < TARGET_CHARS:
            text += "\n\n" + rng.choice(stories)["text"]
        built.append(Article(title=story["title"], text=text[:TARGET_CHARS], outlet=story.get("outlet", "")))
    return built


def main() -> dict[str, float]:
    config = ROOT / "config"
    started = time.perf_counter()
    gazetteer = load_gazetteer(config / "managers.toml", config / "clubs.toml", config / "sources.toml")
    load_ms = (time.perf_counter() - started) * 1000
    analyser = Analyser(gazetteer)
    batch = articles()
    for article in batch[:10]:
        analyser.analyse(article)  # warm caches (fold table, compiled patterns)
    timings = []
    for _ in range(5):
        for article in batch:
            t0 = time.perf_counter()
            analyser.analyse(article)
            timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    result = {
        "articles": len(timings),
        "median_ms": statistics.median(timings),
        "p90_ms": timings[int(len(timings) * 0.9)],
        "gazetteer_load_ms": load_ms,
    }
    print(
        f"analyser: {result['articles']} analyses of {TARGET_CHARS}-char articles; "
        f"median {result['median_ms']:.2f} ms, p90 {result['p90_ms']:.2f} ms "
        f"(target ≤ 1 ms: ratio {result['median_ms']:.2f}); "
        f"gazetteer load {load_ms:.0f} ms"
    )
    return result


if __name__ == "__main__":
    main()
