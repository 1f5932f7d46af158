"""Pinned boards (delivery/pinned.py): one message per board, edited in place when the board changes,
never more often than the interval, found again after a restart, posted again when deleted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.analysis.gazetteer import Gazetteer
from bot.commands.names import NameResolver
from bot.commands.router import Router
from bot.delivery.pinned import BoardKeeper
from bot.delivery.ports import ChatGone, PermanentFailure
from bot.domain import ChatRef, Relation
from bot.domain.jobs import JobChange
from bot.store.sqlite import SQLiteStore
from tests.builders import add_job, add_thread
from tests.fakes.clock import FakeClock
from tests.fakes.recording_sender import RecordingSender

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
CHAT = ChatRef("test", "fans")
EVERY = timedelta(minutes=5)


def keeper(store: SQLiteStore, gazetteer: Gazetteer, sender: RecordingSender, clock: FakeClock) -> BoardKeeper:
    router = Router(store, NameResolver(gazetteer), clock=clock)
    return BoardKeeper(store, {"test": sender}, router.boards.card, EVERY, clock=clock)


async def pressure_on(store: SQLiteStore, manager: str, club: str, at: datetime) -> None:
    await add_thread(store, manager, club, Relation.UNDER_PRESSURE, [(at, "David Ornstein", 1)])


async def test_a_board_is_one_message_edited_in_place_at_most_once_an_interval(
    tmp_path: Path, gazetteer: Gazetteer
) -> None:
    url = f"sqlite:///{tmp_path / 'bot.db'}"
    clock, sender = FakeClock(NOW), RecordingSender()
    store = await SQLiteStore.open(url)
    await pressure_on(store, "Arne Slot", "Liverpool", NOW - timedelta(days=1))
    await store.pin_board(CHAT.key, "sackrace", "Premier League", NOW)
    boards = keeper(store, gazetteer, sender, clock)
    assert await boards.run_once() == 1
    [posted] = sender.take()
    assert posted.kind == "send"
    assert posted.card is not None
    assert posted.card.title == "Sack race — Premier League"
    assert "1. Arne Slot (Liverpool)" in posted.card.body
    clock.advance(minutes=10)
    assert await boards.run_once() == 0  # nothing changed: nothing sent
    await pressure_on(store, "Eddie Howe", "Newcastle United", clock())
    clock.advance(minutes=1)
    assert await boards.run_once() == 1  # changed, and the last edit is long past
    [edit] = sender.take()
    assert (edit.kind, edit.message_id) == ("edit", posted.message_id)
    assert edit.card is not None
    assert "Eddie Howe (Newcastle United)" in edit.card.body
    await pressure_on(store, "Pep Guardiola", "Manchester City", clock())
    clock.advance(minutes=1)
    assert await boards.run_once() == 0  # changed, but edited a minute ago: waits for the interval
    await store.close()

    # A restart (a new process on the same database) finds the message and edits it, posting nothing.
    clock.advance(minutes=5)
    store = await SQLiteStore.open(url)
    restarted = RecordingSender(first_id=100)
    assert await keeper(store, gazetteer, restarted, clock).run_once() == 1
    [edit] = restarted.take()
    assert (edit.kind, edit.message_id) == ("edit", posted.message_id)
    assert edit.card is not None
    assert "Pep Guardiola" in edit.card.body
    await store.close()


async def test_a_deleted_board_message_is_posted_again_and_a_gone_chat_loses_its_boards(
    store: SQLiteStore, gazetteer: Gazetteer
) -> None:
    clock, sender = FakeClock(NOW), RecordingSender()
    await store.pin_board(CHAT.key, "vacancies", "", NOW)
    await store.pin_board("elsewhere:room:", "vacancies", "", NOW)  # another platform's: not this keeper's
    await store.follow(CHAT.key, "all", "all", "", NOW)
    boards = keeper(store, gazetteer, sender, clock)
    await boards.run_once()
    [first] = sender.take()
    assert first.card is not None
    assert first.card.body.startswith("No club is without a permanent manager")
    await add_thread(store, "Kieran McKenna", "Chelsea", Relation.TALKS, [(NOW, "David Ornstein", 1)])
    await add_job(store, "Liam Rosenior", "Chelsea", JobChange.SACKED, NOW)
    clock.advance(minutes=6)
    sender.fail_edits.append(PermanentFailure("message to edit not found"))
    assert await boards.run_once() == 0  # the edit failed: the board forgets the message …
    assert await boards.run_once() == 1  # … and posts a new one
    [again] = sender.take()
    assert again.kind == "send"
    assert again.message_id != first.message_id
    assert again.card is not None
    assert "Chelsea" in again.card.body
    sender.fail_edits.append(ChatGone("bot was blocked"))
    await add_thread(store, "Oliver Glasner", "Chelsea", Relation.LINKED, [(clock(), "Daily Mail", 3)])
    clock.advance(minutes=6)
    await boards.run_once()
    assert await store.boards(CHAT.key) == []
    assert [s.active for s in await store.following(CHAT.key)] == [False]
    assert [b.chat_key for b in await store.boards()] == ["elsewhere:room:"]
