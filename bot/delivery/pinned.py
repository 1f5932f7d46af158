"""Pinned boards: one message per board and chat, edited in place when the board changes.

Each tick, every kept board (``boards`` rows) is composed; a board with no message yet is posted and
its message id stored; one whose content changed is edited in place, never more often than
``[boards] min_edit_seconds``. The message id lives in the database, so a restart (even after a
SIGKILL) finds the same message and goes on editing it. A message deleted in the chat is posted
again; a chat the bot lost has its boards dropped with its follows.

The window that remains: a crash after the platform posted a new board message but before its id
was stored leaves the row without one, and the board is posted again after the restart (on Discord
the same nonce makes that a no-op within a few minutes).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta
from typing import Protocol

from bot.delivery.ports import ChatGone, DeliveryError, PermanentFailure, Sender
from bot.domain import ChatRef, utcnow
from bot.render.card import Card
from bot.store.base import BoardRow

log = logging.getLogger(__name__)
Compose = Callable[[str, str, str], Awaitable[Card]]  # (kind, league, chat key) → the board's card


class BoardStore(Protocol):
    async def boards(self, chat_key: str | None = None) -> list[BoardRow]: ...
    async def board_posting(self, board_id: int, now: datetime) -> None: ...
    async def board_shown(self, board_id: int, message_id: str, digest: str, now: datetime) -> None: ...
    async def board_lost(self, board_id: int) -> None: ...
    async def deactivate_chat(self, chat_key: str) -> int: ...


def digest(card: Card) -> str:
    """What the board says, without its footer (which carries the time it was composed)."""
    parts = [card.title, card.body, *(f"{k}\x1f{v}" for k, v in card.fields)]
    return hashlib.sha256("\x1e".join(parts).encode()).hexdigest()[:32]


class BoardKeeper:
    def __init__(
        self,
        store: BoardStore,
        senders: Mapping[str, Sender],
        compose: Compose,
        min_edit: timedelta,
        *,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.store = store
        self.senders = dict(senders)
        self.compose = compose
        self.min_edit = min_edit
        self.clock = clock

    async def run_once(self) -> int:
        """Post or edit every board that needs it; return how many messages were posted or edited."""
        done = 0
        for board in await self.store.boards():
            chat = ChatRef.from_key(board.chat_key)
            sender = self.senders.get(chat.platform)
            if sender is None:
                continue  # another worker serves that platform
            now = self.clock()
            if board.message_id and board.updated_at is not None and now - board.updated_at < self.min_edit:
                continue
            try:
                card = await self.compose(board.kind, board.league, board.chat_key)
                done += await self._show(board, chat, sender, card, now)
            except ChatGone as exc:
                paused = await self.store.deactivate_chat(board.chat_key)
                log.warning(
                    "board %d: chat %s is gone (%s); paused %d follow(s)", board.id, board.chat_key, exc, paused
                )
            except (DeliveryError, TimeoutError, OSError) as exc:
                log.warning("board %d in %s: %s; trying again later", board.id, board.chat_key, exc)
        return done

    async def _show(self, board: BoardRow, chat: ChatRef, sender: Sender, card: Card, now: datetime) -> int:
        new = digest(card)
        if board.message_id is not None:
            if new == board.digest:
                return 0
            try:
                await sender.edit(chat, board.message_id, card)
            except PermanentFailure as exc:  # deleted in the chat, or too old to edit: post it again
                log.info(
                    "board %d: message %s cannot be edited (%s); posting a new one", board.id, board.message_id, exc
                )
                await self.store.board_lost(board.id)
                return 0
            await self.store.board_shown(board.id, board.message_id, new, now)
            return 1
        await self.store.board_posting(board.id, now)
        message_id = await sender.send(chat, card, nonce=f"rb-b{board.id}")
        await self.store.board_shown(board.id, message_id, new, now)
        return 1

    async def run(self, stop: asyncio.Event, tick_seconds: float) -> None:
        while not stop.is_set():
            try:
                await self.run_once()
            except Exception:
                log.exception("board keeper cycle failed; retrying")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), tick_seconds)
