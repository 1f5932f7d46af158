"""Short manager-rumour stories written for the tests, and a way to thread them into a database file."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.analysis.analyser import Analyser
from bot.domain import utcnow
from bot.llm.port import BuiltinAnalysis
from bot.pipeline.ingest import Ingestor, IngestPolicy, Item
from bot.store.sqlite import SQLiteStore

BAYERN_TALKS = (
    "Bayern Munich hold talks with Xabi Alonso",
    "Bayern Munich have opened talks with Xabi Alonso over their vacant head coach role, "
    "The Athletic's David Ornstein reports.",
)
BAYERN_AGREED = (
    "Xabi Alonso agrees terms with Bayern Munich",
    "Xabi Alonso has agreed terms to become the new Bayern Munich head coach, The Athletic's David Ornstein reports.",
)
SKY_TALKS = (
    "Alonso and Bayern in talks over coaching job",
    "Xabi Alonso is in talks with Bayern Munich about becoming their head coach, according to Sky Sports.",
)


async def populate(db: Path, analyser: Analyser) -> None:
    """Alonso–Bayern: talks (Ornstein, then Sky Sports), then agreed (Ornstein), through the Ingestor."""
    store = await SQLiteStore.open(f"sqlite:///{db}")
    try:
        now = utcnow()
        feed = await store.add_feed("https://news.example/feed.xml", "", now)
        ingestor = Ingestor(BuiltinAnalysis(analyser), store, IngestPolicy())
        for n, ((title, text), outlet) in enumerate([(BAYERN_TALKS, ""), (SKY_TALKS, "Sky Sports")]):
            item = Item(f"k{n}", title, text, f"https://news.example/{n}", now - timedelta(hours=3), outlet)
            await ingestor.ingest(feed.id, [item], now, alerts=False)
        item = Item("k9", *BAYERN_AGREED, "https://news.example/9", now - timedelta(hours=1), "")
        await ingestor.ingest(feed.id, [item], now + timedelta(minutes=5), alerts=False)
    finally:
        await store.close()
