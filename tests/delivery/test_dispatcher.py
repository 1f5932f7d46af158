"""The dispatcher's failure paths, with a sender that refuses sends as it is told: retry with
back-off, give up after max_attempts, a permanent failure, a chat that is gone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.config import DeliverySettings
from bot.delivery.dispatcher import Dispatcher
from bot.delivery.ports import ChatGone, PermanentFailure, RetryLater
from bot.domain import TargetKind
from bot.store.sqlite import SQLiteStore
from tests.builders import queue_alert
from tests.fakes.clock import FakeClock
from tests.fakes.recording_sender import RecordingSender

NOW = datetime(2025, 6, 11, 9, 0, tzinfo=UTC)
CHAT = "test:fans:"
SETTINGS = DeliverySettings(max_attempts=3, retry_base_seconds=10, retry_max_seconds=60)


async def status(store: SQLiteStore, delivery_id: int) -> tuple[str, int, str | None, str]:
    [row] = await store.dialect.fetch(
        "SELECT status, attempts, last_error, next_attempt_at FROM deliveries WHERE id = ?", (delivery_id,)
    )
    return str(row[0]), int(row[1]), row[2], str(row[3])


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def sender() -> RecordingSender:
    return RecordingSender()


@pytest.fixture
def dispatcher(store: SQLiteStore, sender: RecordingSender, clock: FakeClock) -> Dispatcher:
    return Dispatcher(store, {"test": sender}, SETTINGS, clock=clock)


async def test_a_retry_later_waits_out_the_back_off_then_the_alert_goes_out_once(
    store: SQLiteStore, sender: RecordingSender, dispatcher: Dispatcher, clock: FakeClock
) -> None:
    delivery = await queue_alert(store, CHAT, NOW)
    sender.fail_next = [RetryLater("flood control")]
    assert await dispatcher.run_once() == 0
    state, attempts, error, due = await status(store, delivery)
    assert (state, attempts, error) == ("pending", 1, "flood control")
    waited = datetime.fromisoformat(due) - NOW
    assert timedelta(seconds=8) <= waited <= timedelta(seconds=12)  # 10 s back-off, ±20 % jitter
    assert await dispatcher.run_once() == 0  # not due yet: nothing claimed, nothing sent
    assert sender.take() == []
    clock.advance(seconds=13)
    assert await dispatcher.run_once() == 1
    [call] = sender.take()
    assert (call.kind, call.card is not None) == ("send", True)
    assert (await status(store, delivery))[:2] == ("sent", 2)


async def test_a_platform_s_retry_after_is_waited_even_when_longer_than_the_back_off(
    store: SQLiteStore, sender: RecordingSender, dispatcher: Dispatcher
) -> None:
    delivery = await queue_alert(store, CHAT, NOW)
    sender.fail_next = [RetryLater("429", seconds=300)]
    await dispatcher.run_once()
    assert datetime.fromisoformat((await status(store, delivery))[3]) == NOW + timedelta(seconds=300)


async def test_the_back_off_doubles_up_to_its_cap(
    store: SQLiteStore, sender: RecordingSender, clock: FakeClock
) -> None:
    settings = DeliverySettings(max_attempts=10, retry_base_seconds=10, retry_max_seconds=30)
    dispatcher = Dispatcher(store, {"test": sender}, settings, clock=clock)
    delivery = await queue_alert(store, CHAT, NOW)
    waits = []
    for _ in range(4):
        sender.fail_next = [TimeoutError("read timed out")]
        await dispatcher.run_once()
        due = datetime.fromisoformat((await status(store, delivery))[3])
        waits.append((due - clock()).total_seconds())
        clock.advance(seconds=60)
    backoffs = [10, 20, 30, 30]  # base × 2ⁿ up to the cap, each with ±20 % jitter
    assert all(0.8 * b <= w <= 1.2 * b for w, b in zip(waits, backoffs, strict=True)), waits
    assert (await status(store, delivery))[2] == "TimeoutError: read timed out"


async def test_after_max_attempts_the_delivery_is_given_up_and_not_tried_again(
    store: SQLiteStore, sender: RecordingSender, dispatcher: Dispatcher, clock: FakeClock
) -> None:
    delivery = await queue_alert(store, CHAT, NOW)
    for _ in range(SETTINGS.max_attempts):
        sender.fail_next = [OSError("connection reset")]
        assert await dispatcher.run_once() == 0
        clock.advance(seconds=120)
    assert await status(store, delivery) == (
        "failed",
        SETTINGS.max_attempts,
        "OSError: connection reset",
        (await status(store, delivery))[3],
    )
    clock.advance(days=1)
    assert await dispatcher.run_once() == 0
    assert sender.take() == []


async def test_a_permanent_failure_fails_at_once_without_a_retry(
    store: SQLiteStore, sender: RecordingSender, dispatcher: Dispatcher, clock: FakeClock
) -> None:
    delivery = await queue_alert(store, CHAT, NOW)
    sender.fail_next = [PermanentFailure("message too long")]
    assert await dispatcher.run_once() == 0
    assert (await status(store, delivery))[:3] == ("failed", 1, "message too long")
    clock.advance(days=1)
    assert await dispatcher.run_once() == 0
    assert sender.take() == []


async def test_a_gone_chat_pauses_its_follows_and_drops_what_was_queued_for_it(
    store: SQLiteStore, sender: RecordingSender, dispatcher: Dispatcher
) -> None:
    await store.follow(CHAT, TargetKind.ALL, "all", "", NOW)
    first = await queue_alert(store, CHAT, NOW)
    second = await queue_alert(store, CHAT, NOW, manager="Enzo Maresca", club="Chelsea")
    sender.fail_next = [ChatGone("bot was blocked by the user")]
    assert await dispatcher.run_once() == 0
    assert (await status(store, first))[0] == "dropped"
    assert (await status(store, second))[0] == "dropped"  # not even tried: the chat is gone
    assert len(sender.calls) == 0
    assert [s.active for s in await store.following(CHAT)] == [False]


async def test_outcomes_are_reported_per_platform(
    store: SQLiteStore, sender: RecordingSender, clock: FakeClock
) -> None:
    seen: list[tuple[str, str, int]] = []
    dispatcher = Dispatcher(store, {"test": sender}, SETTINGS, clock=clock, on_outcome=lambda *o: seen.append(o))
    await queue_alert(store, CHAT, NOW)
    await queue_alert(store, "test:other:", NOW, manager="Enzo Maresca", club="Chelsea")
    sender.fail_next = [PermanentFailure("bad request")]
    await dispatcher.run_once()
    assert sorted(seen) == [("test", "rejected", 1), ("test", "sent", 1)]


async def test_each_send_carries_an_in_flight_mark_that_the_store_keeps_until_release(
    store: SQLiteStore, dispatcher: Dispatcher
) -> None:
    delivery = await queue_alert(store, CHAT, NOW)
    [claimed] = await store.claim_deliveries(["test"], NOW, 10)
    assert claimed.id == delivery
    await store.delivery_in_flight(delivery, NOW)
    assert await store.release_claims() == 0  # in flight at a crash: presumed delivered, not re-queued
    assert (await status(store, delivery))[:3] == ("sent", 1, "presumed delivered: in flight at a crash")
    assert await dispatcher.run_once() == 0
