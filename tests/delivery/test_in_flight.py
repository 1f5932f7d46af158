"""A crash at the instant Telegram receives an alert must not lead to the alert being sent again.

Telegram has no nonce to drop a resend, so a claimed delivery whose request may have reached it is
marked in flight, and a restart presumes such a delivery delivered. The mark used to go through the
store like any write: after the request, it waited for the store's lock and its connection, and
whatever held them (an ingest, another chat's bookkeeping) widened the moment in which a SIGKILL
left a delivered alert unmarked — tests/e2e/test_process.py saw the double post now and then. Here
the store is held busy on purpose while the alert goes out, which makes that moment certain: the
fake Telegram copies the database files the instant the request reaches it (what a restart after a
SIGKILL at that instant would find) and runs the restart's take-back on the copy.
"""

from __future__ import annotations

import asyncio
import itertools
import shutil
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.domain import ChatRef, EventKind, Relation, ThreadEvent, ThreadState
from bot.render.card import Card
from bot.store.base import NewDelivery, NewEvent, QueuedDelivery
from bot.store.sqlite import SQLiteStore
from tests.fakes.telegram_harness import Harness
from tests.fakes.telegram_server import TelegramFake

NOW = datetime(2025, 6, 11, 9, 0, tzinfo=UTC)
CHAT = ChatRef("telegram", "1001")


class CrashingAtArrival(TelegramFake):
    """For each sendMessage it receives: copy the database files as they are on disk, open the copy
    as the restarted bot would, take the claims back, and note what became of the delivery."""

    def __init__(self, db: Path) -> None:
        super().__init__()
        self.db = db
        self.after_restart: list[str] = []
        self.received = asyncio.Event()
        self._crashes = itertools.count(1)

    async def _send_message(self, params: dict[str, Any]) -> Any:
        copy = self.db.parent / f"crash-{next(self._crashes)}"
        copy.mkdir()
        for name in (self.db.name, f"{self.db.name}-wal", f"{self.db.name}-flight", f"{self.db.name}-flight-wal"):
            if (self.db.parent / name).exists():
                shutil.copy(self.db.parent / name, copy / name)
        restarted = await SQLiteStore.open(f"sqlite:///{copy / self.db.name}")
        try:
            await restarted.release_claims()
            [(status,)] = await restarted.dialect.fetch("SELECT status FROM deliveries")
        finally:
            await restarted.close()
        self.after_restart.append(str(status))
        self.received.set()
        return await super()._send_message(params)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SQLiteStore]:
    opened = await SQLiteStore.open(f"sqlite:///{tmp_path / 'bot.db'}")
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
        await tx.add_deliveries([QueuedDelivery(event_id, thread_id, NewDelivery(CHAT.key, ""))], NOW)


async def test_a_crash_as_telegram_receives_an_alert_is_not_followed_by_a_resend(
    store: SQLiteStore, tmp_path: Path
) -> None:
    await queue_one_alert(store)
    [claimed] = await store.claim_deliveries(["telegram"], NOW, 10)

    async def in_flight(flying: bool) -> None:  # what the dispatcher passes with each send
        await store.delivery_in_flight(claimed.id, NOW if flying else None)

    srv = CrashingAtArrival(tmp_path / "bot.db")
    h = Harness(await srv.start())
    try:
        telegram = await h.bot()
        async with store.transaction():  # meanwhile another writer (an ingest, say) holds the store
            sending = asyncio.create_task(telegram.send(CHAT, Card(title="Alonso"), nonce="rb-1", in_flight=in_flight))
            await srv.received.wait()
        await sending
    finally:
        for adapter in h.adapters:
            await adapter.stop()
        await srv.stop()
    assert srv.after_restart == ["sent"]  # presumed delivered: not sent a second time
