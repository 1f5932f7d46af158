"""In-flight marks as a restart reads them, on both backends: every marked delivery of a gone worker
is presumed delivered, the unmarked ones go back to the queue, whatever the number of marks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.store.sql import Store
from tests.builders import queue_alert
from tests.store.contract_support import open_url

NOW = datetime(2025, 6, 11, 9, 0, tzinfo=UTC)


async def test_every_marked_claim_of_an_expired_worker_is_presumed_delivered_and_the_rest_requeued(
    store_url: str,
) -> None:
    store: Store = await open_url(store_url)
    try:
        for n in range(6):
            await queue_alert(store, f"telegram:{n}:", NOW, manager=f"Manager {n}")
        claimed = await store.claim_deliveries(["telegram"], NOW, 10, worker="gone", lease_for=timedelta(seconds=60))
        assert len(claimed) == 6
        for delivery in claimed[:5]:
            await store.delivery_in_flight(delivery.id, NOW)
        await store.delivery_in_flight(claimed[4].id, None)  # refused after all: not in flight
        assert await store.release_claims(NOW + timedelta(minutes=5)) == 2
        rows = await store.dialect.fetch("SELECT id, status FROM deliveries ORDER BY id")
        assert [str(r[1]) for r in rows] == ["sent", "sent", "sent", "sent", "pending", "pending"]
        assert await store.release_claims(NOW + timedelta(minutes=5)) == 0
    finally:
        await store.close()
