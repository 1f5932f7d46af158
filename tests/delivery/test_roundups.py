"""Per-chat preferences at delivery time: digests, minimum tier and stage, and the catch-up limit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.analysis.analyser import Analyser
from bot.commands.base import ChatRef, Invocation
from bot.commands.names import NameResolver
from bot.commands.router import Router
from bot.config import DeliverySettings
from bot.delivery.dispatcher import Dispatcher
from bot.domain import digest_due
from bot.llm.port import BuiltinAnalysis
from bot.pipeline.ingest import Ingestor, IngestPolicy, Item
from bot.store.base import ChatPrefs
from bot.store.sqlite import SQLiteStore
from tests.fakes.clock import FakeClock
from tests.fakes.recording_sender import RecordingSender

CHAT = ChatRef("test", "fans")

STORIES = [
    (
        "Chelsea sack head coach Enzo Maresca",
        "Chelsea have sacked head coach Enzo Maresca, the club said in a statement.",
    ),
    (
        "Ruben Amorim under pressure at Manchester United",
        "Ruben Amorim is under growing pressure at Manchester United.",
    ),
    (
        "Bayern Munich hold talks with Xabi Alonso",
        "Bayern Munich have opened talks with Xabi Alonso, Sky Sports reports.",
    ),
    ("Tottenham sack Ange Postecoglou", "Tottenham Hotspur have sacked Ange Postecoglou, the club announced."),
    (
        "Leverkusen appoint Erik ten Hag as head coach",
        "Bayer Leverkusen have appointed Erik ten Hag as head coach, the club announced.",
    ),
    ("Nottingham Forest sack Nuno Espirito Santo", "Nottingham Forest have sacked head coach Nuno Espirito Santo."),
    ("Xavi rejects approach from Al-Nassr", "Xavi has turned down an approach from Al-Nassr, Fabrizio Romano reports."),
]


async def _ingest(
    store: SQLiteStore, analyser: Analyser, clock: FakeClock, stories: list[tuple[str, str]], batch: str = "a"
) -> int:
    feed = await store.add_feed("https://news.example/feed.xml", "", clock())
    ingestor = Ingestor(BuiltinAnalysis(analyser), store, IngestPolicy())
    when = clock() - timedelta(minutes=5)
    items = [
        Item(f"{batch}{n}", t, x, f"https://news.example/{batch}{n}", when, "") for n, (t, x) in enumerate(stories)
    ]
    stats = await ingestor.ingest(feed.id, items, clock(), alerts=True)
    return stats.deliveries


def _dispatcher(store: SQLiteStore, sender: RecordingSender, clock: FakeClock, limit: int = 5) -> Dispatcher:
    return Dispatcher(store, {"test": sender}, DeliverySettings(catch_up_limit=limit), clock=clock)


async def test_more_waiting_alerts_than_the_catch_up_limit_end_in_one_roundup(
    store: SQLiteStore, analyser: Analyser
) -> None:
    clock = FakeClock()
    await store.follow(CHAT.key, "all", "all", "", clock())
    queued = await _ingest(store, analyser, clock, STORIES)
    assert queued == len(STORIES)
    sender = RecordingSender(platform="test")
    sent = await _dispatcher(store, sender, clock, limit=3).run_once()
    calls = sender.take()
    assert sent == len(STORIES)
    assert [c.kind for c in calls] == ["send", "send", "send", "send"]
    roundup = calls[-1].card
    assert roundup is not None
    assert roundup.title == f"Rumour roundup: {len(STORIES) - 3} threads moved"
    assert await _dispatcher(store, sender, clock, limit=3).run_once() == 0


async def test_a_daily_digest_chat_gets_one_roundup_at_eight_utc_and_nothing_before(
    store: SQLiteStore, analyser: Analyser
) -> None:
    clock = FakeClock(datetime(2025, 6, 11, 9, 30, tzinfo=UTC))
    await store.follow(CHAT.key, "all", "all", "", clock())
    await store.set_chat_prefs(CHAT.key, ChatPrefs(mode="daily"))
    await _ingest(store, analyser, clock, STORIES[:3])
    sender = RecordingSender(platform="test")
    dispatcher = _dispatcher(store, sender, clock)
    assert await dispatcher.run_once() == 0
    clock.now = datetime(2025, 6, 12, 7, 59, tzinfo=UTC)
    assert await dispatcher.run_once() == 0
    clock.now = datetime(2025, 6, 12, 8, 0, tzinfo=UTC)
    assert await dispatcher.run_once() == 3
    calls = sender.take()
    assert len(calls) == 1
    assert calls[0].card is not None
    assert calls[0].card.title == "Rumour roundup: 3 threads moved"


async def test_minimum_tier_and_stage_filter_what_a_chat_is_sent(store: SQLiteStore, analyser: Analyser) -> None:
    clock = FakeClock()
    await store.follow(CHAT.key, "all", "all", "", clock())
    await store.set_chat_prefs(CHAT.key, ChatPrefs(min_tier=4, min_stage="sacked"))
    queued = await _ingest(store, analyser, clock, STORIES[:4])
    assert queued == 2  # the two sackings; pressure and talks are below the chat's minimum stage
    await store.set_chat_prefs(CHAT.key, ChatPrefs(min_tier=0))
    stories = [
        *STORIES[4:5],
        ("Roma consider Ruben Amorim", "Roma are considering Ruben Amorim as their next head coach."),
    ]
    queued = await _ingest(store, analyser, clock, stories, batch="b")
    assert queued == 1  # only the club's own announcement is official (tier 0); the gossip is not


def test_digest_times_are_the_next_full_hour_and_the_next_eight_oclock() -> None:
    now = datetime(2025, 6, 11, 9, 30, tzinfo=UTC)
    assert digest_due("hourly", now) == datetime(2025, 6, 11, 10, 0, tzinfo=UTC)
    assert digest_due("daily", now) == datetime(2025, 6, 12, 8, 0, tzinfo=UTC)
    assert digest_due("daily", now.replace(hour=7)) == datetime(2025, 6, 11, 8, 0, tzinfo=UTC)
    assert digest_due("instant", now) is None


async def test_settings_command_shows_changes_and_refuses_non_admins(store: SQLiteStore, analyser: Analyser) -> None:
    router = Router(store, NameResolver(analyser.gazetteer))
    shown = await router.handle(Invocation(CHAT, "u", "settings", "", "group", False))
    assert "instant alerts" in shown.text
    refused = await router.handle(Invocation(CHAT, "u", "settings", "mode daily", "group", False))
    assert "Only admins" in refused.text
    assert (await store.chat_prefs(CHAT.key)).mode == "instant"
    saved = await router.handle(Invocation(CHAT, "u", "settings", "mode daily", "group", True))
    assert "daily roundup" in saved.text
    await router.handle(Invocation(CHAT, "u", "settings", "tier 2", "group", True))
    await router.handle(Invocation(CHAT, "u", "settings", "stage talks", "group", True))
    assert await store.chat_prefs(CHAT.key) == ChatPrefs(mode="daily", min_tier=2, min_stage="talks")
    bad = await router.handle(Invocation(CHAT, "u", "settings", "stage rumbling", "group", True))
    assert "Unknown stage" in bad.text
    bad_tier = await router.handle(Invocation(CHAT, "u", "settings", "tier 9", "group", True))
    assert "Tier must be" in bad_tier.text
