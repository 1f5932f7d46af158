"""Feeds on 127.0.0.1 → Fetcher → Analyser → Ingestor → SQLite → Dispatcher → a recording chat.

Everything is real but the chat platform and the clock. The stories are written for these tests.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from bot.analysis.analyser import Analyser
from bot.commands.base import ChatRef
from bot.config import DeliverySettings, FeedSettings
from bot.delivery.dispatcher import Dispatcher
from bot.feeds.fetcher import Fetcher
from bot.llm.port import BuiltinAnalysis
from bot.pipeline.ingest import Ingestor, IngestPolicy
from bot.pipeline.poller import CycleStats, Poller
from bot.store.sqlite import SQLiteStore
from tests.fakes.clock import FakeClock
from tests.fakes.feed_server import FeedServer, rss
from tests.fakes.recording_sender import RecordingSender

FAN = ChatRef("test", "fans")
OTHER = ChatRef("test", "others")
SETTINGS = FeedSettings(
    allow_private_addresses=True,
    fulltext=False,
    interval_seconds=60,
    min_interval_seconds=60,
    connect_timeout_seconds=2,
    read_timeout_seconds=2,
    total_timeout_seconds=5,
)
WIRE, GOSSIP = "/wire.xml", "/gossip.xml"
OUTLETS = {WIRE: "", GOSSIP: "Sky Sports"}


@dataclass
class World:
    """Two feeds, one store file, one clock; open() and close() play a process start and stop."""

    srv: FeedServer
    db_url: str
    analyser: Analyser
    clock: FakeClock = field(default_factory=FakeClock)
    sender: RecordingSender = field(default_factory=RecordingSender)
    items: dict[str, list[dict[str, str]]] = field(default_factory=lambda: {WIRE: [], GOSSIP: []})

    async def open(self) -> None:
        self.store = await SQLiteStore.open(self.db_url)
        self.fetcher = Fetcher(SETTINGS)
        await self.fetcher.start()
        policy = IngestPolicy(max_age=timedelta(hours=SETTINGS.max_age_hours))
        ingestor = Ingestor(BuiltinAnalysis(self.analyser), self.store, policy)
        self.poller = Poller(self.store, self.fetcher, ingestor, SETTINGS, clock=self.clock)
        self.dispatcher = Dispatcher(self.store, {"test": self.sender}, DeliverySettings(), clock=self.clock)
        await self.store.release_claims()

    async def close(self) -> None:
        await self.fetcher.close()
        await self.store.close()

    def publish(self, path: str, guid: str, title: str, text: str, *, age: timedelta = timedelta(minutes=5)) -> None:
        item = {
            "guid": f"https://news.example/{guid}",
            "link": f"https://news.example/{guid}",
            "title": title,
            "description": text,
            "pubDate": format_datetime(self.clock() - age),
        }
        self.items[path].insert(0, item)
        self.srv.add(path, rss(self.items[path], title=path.strip("/")))

    async def cycle(self) -> CycleStats:
        """Let the poll interval pass, poll every due feed, then deliver what was queued."""
        self.clock.advance(seconds=SETTINGS.interval_seconds + 1)
        stats = await self.poller.run_once()
        assert stats.failed == 0, stats.failures
        await self.dispatcher.run_once()
        return stats


@pytest.fixture
async def world(tmp_path: Path, analyser: Analyser) -> AsyncIterator[World]:
    async with FeedServer() as srv:
        w = World(srv, f"sqlite:///{tmp_path / 'bot.db'}", analyser)
        w.publish(WIRE, "w0", "Real Madrid consider Xabi Alonso as next coach",
                  "Real Madrid are considering Xabi Alonso as a candidate to replace their head coach in the "
                  "summer, Marca reports.")  # fmt: skip
        w.publish(GOSSIP, "g0", "Saka fit for weekend trip",
                  "Bukayo Saka has recovered from a knock and will travel with the squad.")  # fmt: skip
        await w.open()
        for path in (WIRE, GOSSIP):
            await w.store.add_feed(srv.url(path), OUTLETS[path], w.clock())
        await w.store.follow(FAN.key, "manager", "Xabi Alonso", "", w.clock())
        await w.store.follow(OTHER.key, "manager", "Carlo Ancelotti", "", w.clock())
        try:
            yield w
        finally:
            await w.close()


async def first_poll(w: World) -> CycleStats:
    return await w.cycle()


async def alonso_talks(w: World) -> CycleStats:
    await first_poll(w)
    w.publish(WIRE, "w1", "Bayern Munich hold talks with Xabi Alonso",
              "Bayern Munich have opened talks with Xabi Alonso over their vacant head coach role, "
              "The Athletic's David Ornstein reports.")  # fmt: skip
    return await w.cycle()


async def alonso_agrees(w: World) -> CycleStats:
    w.publish(WIRE, "w2", "Xabi Alonso agrees terms with Bayern Munich",
              "Xabi Alonso has agreed terms to become the new Bayern Munich head coach, "
              "The Athletic's David Ornstein reports.")  # fmt: skip
    return await w.cycle()


async def test_first_poll_of_a_new_feed_stores_its_entries_and_alerts_nothing(world: World) -> None:
    stats = await first_poll(world)
    assert (stats.fetched, stats.new_entries, stats.rumours) == (2, 2, 1)
    assert stats.deliveries == 0
    assert world.sender.calls == []
    threads = await world.store.threads_about(manager="Xabi Alonso")
    assert [(t.state.club, t.state.stage.value) for t in threads] == [("Real Madrid", "linked")]
    again = await world.cycle()
    assert (again.fetched, again.new_entries) == (2, 0)


async def test_new_manager_rumour_alerts_the_following_chat_exactly_once(world: World) -> None:
    stats = await alonso_talks(world)
    assert stats.events == [("created", "Xabi Alonso", "Bayern Munich", "talks")]
    calls = world.sender.take()
    assert [(c.kind, c.chat) for c in calls] == [("send", FAN)]
    card = calls[0].card
    assert card is not None
    assert card.title == "Xabi Alonso → Bayern Munich: talks"
    assert ("Best source", "David Ornstein (tier 1)") in card.fields
    assert await world.dispatcher.run_once() == 0
    await world.cycle()
    assert world.sender.calls == []


async def test_same_rumour_from_a_second_outlet_raises_corroboration_and_alerts_nothing(world: World) -> None:
    await alonso_talks(world)
    world.sender.take()
    # Most of the same words as the first headline, but Sky's own report: it corroborates.
    world.publish(GOSSIP, "g1", "Bayern in talks with Alonso",
                  "Bayern Munich are in talks with Xabi Alonso about their head coach job, "
                  "according to Sky Sports.")  # fmt: skip
    stats = await world.cycle()
    assert (stats.rumours, stats.events, stats.deliveries) == (1, [], 0)
    assert world.sender.calls == []
    [thread] = await world.store.threads_about(club="Bayern Munich")
    assert (thread.state.stage.value, thread.state.corroboration) == ("talks", 2)


async def test_stage_change_edits_the_original_alert_and_replies_with_the_new_stage(world: World) -> None:
    await alonso_talks(world)
    [alert] = world.sender.take()
    stats = await alonso_agrees(world)
    # A done agreement brings the thread to its outcome: the stage is told by the resolution's reply.
    assert stats.events[:2] == [
        ("stage", "Xabi Alonso", "Bayern Munich", "agreed"),
        ("resolved", "Xabi Alonso", "Bayern Munich", "true"),
    ]
    edit, reply, *_ = world.sender.take()
    assert (edit.kind, edit.chat, edit.message_id) == ("edit", FAN, alert.message_id)
    assert edit.card is not None
    assert edit.card.title == "Xabi Alonso → Bayern Munich: agreed"
    assert (reply.kind, reply.reply_to) == ("send_text", alert.message_id)
    assert reply.text.startswith(
        "Confirmed: Xabi Alonso agrees terms with Bayern Munich (David Ornstein) — first reported by David Ornstein"
    )


async def test_player_transfer_story_alerts_nothing(world: World) -> None:
    await first_poll(world)
    world.publish(GOSSIP, "g2", "Liverpool complete signing of Florian Wirtz",
                  "Liverpool have completed the signing of Florian Wirtz from Bayer Leverkusen for a "
                  "club-record fee.")  # fmt: skip
    stats = await world.cycle()
    assert (stats.new_entries, stats.rumours, stats.events, stats.deliveries) == (1, 0, [], 0)
    assert world.sender.calls == []


async def test_restart_alerts_nothing_again_and_later_updates_still_edit_the_first_alert(world: World) -> None:
    await alonso_talks(world)
    [alert] = world.sender.take()
    await world.close()
    world.sender = RecordingSender(first_id=100)
    await world.open()
    stats = await world.cycle()
    assert (stats.fetched, stats.new_entries, stats.deliveries) == (2, 0, 0)
    assert world.sender.calls == []
    await alonso_agrees(world)
    assert [(c.kind, c.message_id, c.reply_to) for c in world.sender.take()[:2]] == [
        ("edit", alert.message_id, None),
        ("send_text", "m100", alert.message_id),
    ]


async def test_entry_older_than_max_age_is_threaded_but_never_alerts(world: World) -> None:
    await first_poll(world)
    world.publish(WIRE, "w3", "Manchester City make offer to Xabi Alonso",
                  "Manchester City have made an offer to Xabi Alonso to become their next manager, the Daily "
                  "Mail reports.", age=timedelta(hours=SETTINGS.max_age_hours + 1))  # fmt: skip
    stats = await world.cycle()
    assert stats.events == [("created", "Xabi Alonso", "Manchester City", "offer")]
    assert stats.deliveries == 0
    await world.cycle()
    assert world.sender.calls == []


async def test_a_copy_of_the_same_story_from_a_second_feed_is_a_duplicate_not_corroboration(world: World) -> None:
    await alonso_talks(world)
    world.sender.take()
    world.publish(GOSSIP, "g3", "Bayern Munich hold talks with Xabi Alonso",
                  "Bayern Munich have opened talks with Xabi Alonso over their vacant head coach role.")  # fmt: skip
    stats = await world.cycle()
    assert (stats.rumours, stats.events, world.sender.calls) == (1, [], [])
    [thread] = await world.store.threads_about(club="Bayern Munich")
    assert [(r.source, r.duplicate) for r in thread.reports] == [("Sky Sports News", True), ("David Ornstein", False)]
    assert thread.state.corroboration == 1
