"""An exit announced for later, or told only as a parting of ways, keeps the story's words past the
analysis: in the stored reports, on the thread's card, and in who manages where (real SQLite store,
real analyser)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.analysis.analyser import Analyser
from bot.domain import EventKind
from bot.llm.port import BuiltinAnalysis
from bot.pipeline.ingest import Ingestor, IngestPolicy, Item
from bot.render.threads import resolution_line, roundup_card, thread_card, update_line
from bot.rumours.jobs import JobBook
from bot.store.sqlite import SQLiteStore

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
ANNOUNCED = (
    "Arne Slot to step down as Liverpool head coach at the end of the season",
    "Liverpool have announced that Arne Slot will step down as head coach at the end of the season, "
    "the club said in a statement.",
)
PARTED = (
    "Stuttgart and Sebastian Hoeness part ways",
    "VfB Stuttgart and head coach Sebastian Hoeness have parted ways, the club announced on Monday.",
)
GONE = (
    "Arne Slot leaves Liverpool",
    "Arne Slot has left Liverpool, the club said in a statement on Monday.",
)


async def ingest(store: SQLiteStore, analyser: Analyser, *stories: tuple[str, str]) -> None:
    feed = await store.add_feed("https://feeds.example/news.xml", "", NOW)
    items = [
        Item(f"e{n}", title, text, f"https://news.example/{n}", NOW - timedelta(minutes=10 - n), "")
        for n, (title, text) in enumerate(stories)
    ]
    await Ingestor(BuiltinAnalysis(analyser), store, IngestPolicy()).ingest(feed.id, items, NOW, alerts=True)


async def test_an_exit_announced_for_later_is_no_change_of_job_yet(store: SQLiteStore, analyser: Analyser) -> None:
    await ingest(store, analyser, ANNOUNCED)
    book = JobBook({"Arne Slot": "Liverpool"}, await store.job_rows())
    assert book.club_of("Arne Slot") == "Liverpool"  # he is still in charge until the summer
    assert book.vacancies() == []


async def test_the_card_of_an_announced_exit_says_he_is_leaving(store: SQLiteStore, analyser: Analyser) -> None:
    await ingest(store, analyser, ANNOUNCED)
    [view] = await store.threads_about(manager="Arne Slot")
    card = thread_card(view)
    assert card.title == "Arne Slot → Liverpool: leaving"
    assert ("Stage", "leaving") in card.fields
    assert "Arne Slot → Liverpool: leaving" in roundup_card([view]).body
    assert update_line("left", "Liverpool (official)", EventKind.STAGE, view) == "now: leaving — Liverpool (official)"


async def test_a_parting_of_ways_is_told_as_one_on_the_card(store: SQLiteStore, analyser: Analyser) -> None:
    await ingest(store, analyser, PARTED)
    [view] = await store.threads_about(manager="Sebastian Hoeneß")
    assert thread_card(view).title == "Sebastian Hoeneß → VfB Stuttgart: parted ways"


async def test_a_report_that_he_has_gone_turns_leaving_into_left(store: SQLiteStore, analyser: Analyser) -> None:
    await ingest(store, analyser, ANNOUNCED, GONE)
    [view] = await store.threads_about(manager="Arne Slot")
    assert thread_card(view).title == "Arne Slot → Liverpool: left"
    book = JobBook({"Arne Slot": "Liverpool"}, await store.job_rows())
    assert book.club_of("Arne Slot") == ""


async def test_a_caretakers_card_says_interim(store: SQLiteStore, analyser: Analyser) -> None:
    await ingest(
        store,
        analyser,
        (
            "Steve Cooper takes temporary charge of Leicester",
            "Steve Cooper has taken temporary charge of Leicester City, the club announced on Monday.",
        ),
    )
    [view] = await store.threads_about(manager="Steve Cooper")
    assert thread_card(view).title == "Steve Cooper → Leicester City: appointed (interim)"


async def test_a_thread_an_announced_exit_resolves_says_he_will_leave(store: SQLiteStore, analyser: Analyser) -> None:
    pressure = (
        "Arne Slot under pressure at Liverpool",
        "Arne Slot is under growing pressure at Liverpool after a fourth straight defeat.",
    )
    await ingest(store, analyser, pressure, ANNOUNCED)
    [view] = await store.threads_about(manager="Arne Slot")
    assert view.resolution is not None
    assert view.resolution.later
    line = resolution_line(view)
    assert line.startswith("Confirmed: Arne Slot will leave Liverpool")
    assert "leaves Liverpool" not in line
