"""The in-flight mark of a Telegram alert is in the database before Telegram can have the alert.

A crash leaves a claimed delivery 'sending'; after the restart it is resent unless it was marked in
flight, and Telegram has no nonce to drop a resend. So whenever Telegram holds an alert, the row
must already say "in flight" as a restarted process reads it (a separate connection, committed data
only). The mark used to be written after the request: then a SIGKILL between the request and the
mark's commit (a wait for the store: its lock, its thread) posted the alert twice after the restart
(tests/e2e/test_process.py saw it now and then). Here the store's mark is slow on purpose — a busy
disk — which turns that window from milliseconds into a certainty.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.config import DeliverySettings
from bot.delivery.dispatcher import Dispatcher
from bot.domain import EventKind, Relation, ThreadEvent, ThreadState
from bot.store.base import NewDelivery, NewEvent, QueuedDelivery
from bot.store.sqlite import SQLiteStore
from tests.fakes.telegram_harness import Harness
from tests.fakes.telegram_server import TelegramFake

NOW = datetime(2025, 6, 11, 9, 0, tzinfo=UTC)
CHAT = "telegram:1001:"


class SlowMarks(SQLiteStore):
    """The real store, whose in-flight writes take a while to commit (a busy disk)."""

    async def delivery_in_flight(self, delivery_id: int, since: datetime | None) -> None:
        await asyncio.sleep(0.3)
        await super().delivery_in_flight(delivery_id, since)


class Watching(TelegramFake):
    """Notes, for each sendMessage it receives, the row's committed in-flight mark at that moment."""

    def __init__(self, db: Path) -> None:
        super().__init__()
        self.db = db
        self.marks_on_arrival: list[object] = []

    async def _send_message(self, params: dict[str, Any]) -> Any:
        with sqlite3.connect(self.db) as db:
            [(sent_at,)] = db.execute("SELECT sent_at FROM deliveries WHERE chat_key = ?", (CHAT,)).fetchall()
        self.marks_on_arrival.append(sent_at)
        return await super()._send_message(params)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SQLiteStore]:
    opened = await SlowMarks.open(f"sqlite:///{tmp_path / 'bot.db'}")
    try:
        yield opened
    finally:
        await opened.close()


async def queue_one_alert(store: SQLiteStore) -> None:
    """One thread, its 'created' event and a delivery of it to CHAT, written without the analyser."""
    state = ThreadState(None, "Xabi Alonso", "Bayern Munich", Relation.TALKS, NOW, NOW, 1, frozenset({"x"}), "Talks.")
    async with store.transaction() as tx:
        [thread_id] = await tx.save_threads([state])
        [event_id] = await tx.add_events(
            [NewEvent(thread_id, ThreadEvent(EventKind.CREATED, Relation.TALKS, "David Ornstein"))], NOW
        )
        await tx.add_deliveries([QueuedDelivery(event_id, thread_id, NewDelivery(CHAT, ""))], NOW)


async def test_telegram_has_an_alert_only_once_its_row_is_marked_in_flight(store: SQLiteStore, tmp_path: Path) -> None:
    await queue_one_alert(store)
    srv = Watching(tmp_path / "bot.db")
    h = Harness(await srv.start())
    try:
        telegram = await h.bot()
        dispatcher = Dispatcher(store, {"telegram": telegram}, DeliverySettings(), clock=lambda: NOW)
        assert await dispatcher.run_once() == 1
    finally:
        for adapter in h.adapters:
            await adapter.stop()
        await srv.stop()
    assert len(srv.marks_on_arrival) == 1
    assert srv.marks_on_arrival[0] is not None  # a crash from here on would not resend it
