"""Data builders that write threads, events and deliveries straight through the store's ingest
transaction: tests of delivery, commands and storage get their rows without running the analyser
(only tests/analysis/ and the end-to-end tests do)."""

from __future__ import annotations

from datetime import datetime

from bot.domain import EventKind, Relation, ThreadEvent, ThreadState
from bot.store.base import NewDelivery, NewEvent, QueuedDelivery
from bot.store.sql import Store


async def queue_alert(
    store: Store,
    chat_key: str,
    at: datetime,
    *,
    manager: str = "Xabi Alonso",
    club: str = "Bayern Munich",
    stage: Relation = Relation.TALKS,
    source: str = "David Ornstein",
    tier: int = 1,
) -> int:
    """A new thread with its 'created' event, queued for ``chat_key``; return the delivery's id."""
    state = ThreadState(None, manager, club, stage, at, at, tier, frozenset({source.lower()}), f"{manager}: {stage}.")
    async with store.transaction() as tx:
        [thread_id] = await tx.save_threads([state])
        [event_id] = await tx.add_events([NewEvent(thread_id, ThreadEvent(EventKind.CREATED, stage, source))], at)
        await tx.add_deliveries([QueuedDelivery(event_id, thread_id, NewDelivery(chat_key, ""))], at)
    rows = await store.dialect.fetch(
        "SELECT id FROM deliveries WHERE event_id = ? AND chat_key = ?", (event_id, chat_key)
    )
    return int(rows[0][0])
