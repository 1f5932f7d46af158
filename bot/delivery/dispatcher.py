"""Send queued deliveries: post, or edit the original alert and reply; retry; never post twice.

The outbox row is claimed ('sending') before the platform call and marked 'sent' with the message id
after it. A crash between the two leaves the row 'sending'; on start it goes back to 'pending' and
is sent again with the same nonce, which Discord uses to drop the repeat. Telegram has no nonce, so
its adapter calls the ``in_flight`` mark the dispatcher passes with each send just before the request
goes out; a row in flight at a crash is presumed delivered, not resent. docs/DELIVERY.md has the
guarantees and the remaining windows.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from functools import partial

from bot.config import DeliverySettings
from bot.delivery.ports import ChatGone, DeliveryError, DeliveryStore, PermanentFailure, RetryLater, Sender
from bot.domain import ChatRef, DeliveryMode, EventKind, utcnow
from bot.ids import new_worker_id
from bot.render.threads import roundup_card, thread_card, update_line
from bot.store.base import Delivery

log = logging.getLogger(__name__)


class Dispatcher:
    def __init__(
        self,
        store: DeliveryStore,
        senders: Mapping[str, Sender],
        settings: DeliverySettings,
        *,
        clock: Callable[[], datetime] = utcnow,
        batch: int = 50,
        on_outcome: Callable[[str, str, int], None] | None = None,
        worker: str | None = None,
        lease_seconds: float = 60.0,
    ) -> None:
        # Claims carry the worker's id and hold for lease_seconds (renewed by bot.workers.LeaseKeeper).
        # With no worker given this dispatcher is the only one: run() takes back every claim at start.
        self.alone = worker is None
        self.worker = worker or new_worker_id()
        self.lease_for = timedelta(seconds=lease_seconds)
        self.on_outcome = on_outcome  # (platform, "sent" | "gone" | "rejected" | "error", count), e.g. for metrics
        self.store = store
        self.senders = dict(senders)
        self.settings = settings
        self.clock = clock
        self.batch = batch
        self.wake = asyncio.Event()

    async def run_once(self) -> int:
        """Send every due delivery once; return how many were sent."""
        now = self.clock()
        claimed = await self.store.claim_deliveries(
            list(self.senders), now, self.batch, worker=self.worker, lease_for=self.lease_for
        )
        if not claimed:
            return 0
        # One chat's deliveries go in order; different chats go concurrently.
        by_chat: dict[str, list[Delivery]] = {}
        for delivery in claimed:
            by_chat.setdefault(delivery.chat_key, []).append(delivery)
        results = await asyncio.gather(*(self._send_chat(items) for items in by_chat.values()))
        return sum(results)

    async def _send_chat(self, items: list[Delivery]) -> int:
        """A chat's due deliveries: one by one, except that a digest chat gets one roundup, and a
        chat with more than ``catch_up_limit`` waiting (after downtime, or a burst) gets that many
        alerts and then one roundup of the rest."""
        prefs = await self.store.chat_prefs(items[0].chat_key)
        limit = self.settings.catch_up_limit
        if prefs.mode != DeliveryMode.INSTANT:
            singles, bundled = [], items
        elif len(items) > limit:
            singles, bundled = items[:limit], items[limit:]
        else:
            singles, bundled = items, []
        sent = 0
        for delivery in singles:
            outcome = await self._send(delivery)
            if outcome is None:  # the chat is gone: what was queued for it has been dropped
                return sent
            sent += outcome
        if bundled and await self._send_roundup(bundled):
            sent += len(bundled)
        return sent

    async def _send_roundup(self, items: list[Delivery]) -> bool:
        chat = ChatRef.from_key(items[0].chat_key)
        sender = self.senders[chat.platform]
        views = {}
        for delivery in items:
            view = await self.store.thread(delivery.thread_id)
            if view is not None:
                views[delivery.thread_id] = view
        if not views:
            for delivery in items:
                await self.store.delivery_failed(delivery.id, "thread no longer exists")
            return False
        in_flight = partial(self._in_flight_many, [d.id for d in items])
        try:
            card = roundup_card(list(views.values()))
            message_id = await sender.send(chat, card, nonce=f"rb-r{items[0].id}", in_flight=in_flight)
        except (DeliveryError, TimeoutError, OSError) as exc:
            for delivery in items:
                if not await self._failed(delivery, exc):
                    break
            return False
        now = self.clock()
        for delivery in items:
            # A roundup is not an alert to edit later: stage changes get their own message.
            await self.store.delivery_sent(delivery.id, message_id, now, remember_message=False)
        if self.on_outcome:
            self.on_outcome(chat.platform, "sent", len(items))
        return True

    async def _failed(self, delivery: Delivery, exc: BaseException) -> bool:
        """Record a failed attempt; False when the whole chat is gone (nothing more to try)."""
        if self.on_outcome:
            reason = (
                "gone" if isinstance(exc, ChatGone) else "rejected" if isinstance(exc, PermanentFailure) else "error"
            )
            self.on_outcome(ChatRef.from_key(delivery.chat_key).platform, reason, 1)
        if isinstance(exc, ChatGone):
            paused = await self.store.deactivate_chat(delivery.chat_key)
            log.warning("chat %s is unreachable (%s); paused its %d follow(s)", delivery.chat_key, exc, paused)
            return False
        if isinstance(exc, RetryLater):
            await self._retry(delivery, str(exc) or "retry later", exc.seconds)
        elif isinstance(exc, PermanentFailure):
            log.warning("delivery %d to %s rejected: %s", delivery.id, delivery.chat_key, exc)
            await self.store.delivery_failed(delivery.id, str(exc))
        else:
            await self._retry(delivery, f"{type(exc).__name__}: {exc}", None)
        return True

    async def _send(self, delivery: Delivery) -> bool | None:
        """Send one delivery: True when sent, False when it failed, None when its chat is gone."""
        chat = ChatRef.from_key(delivery.chat_key)
        sender = self.senders[chat.platform]
        view = await self.store.thread(delivery.thread_id)
        if view is None:
            await self.store.delivery_failed(delivery.id, "thread no longer exists")
            return False
        card = thread_card(view)
        nonce = f"rb-{delivery.id}"
        in_flight = partial(self._in_flight, delivery.id)
        try:
            original = await self.store.thread_message(delivery.thread_id, delivery.chat_key)
            if delivery.event_kind == EventKind.CREATED or original is None:
                message_id = await sender.send(
                    chat, card, nonce=nonce, ping_role=delivery.ping_role, in_flight=in_flight
                )
            else:
                try:
                    await sender.edit(chat, original, card)
                except PermanentFailure as exc:
                    log.info("could not edit alert %s in %s (%s); replying only", original, chat.key, exc)
                line = update_line(delivery.stage, delivery.source, delivery.event_kind, view)
                message_id = await sender.send_text(chat, line, reply_to=original, nonce=nonce, in_flight=in_flight)
        except (DeliveryError, TimeoutError, OSError) as exc:
            return False if await self._failed(delivery, exc) else None
        await self.store.delivery_sent(delivery.id, message_id, self.clock())
        if self.on_outcome:
            self.on_outcome(chat.platform, "sent", 1)
        return True

    async def _in_flight(self, delivery_id: int, flying: bool) -> None:
        await self.store.delivery_in_flight(delivery_id, self.clock() if flying else None)

    async def _in_flight_many(self, delivery_ids: list[int], flying: bool) -> None:
        for delivery_id in delivery_ids:
            await self._in_flight(delivery_id, flying)

    async def _retry(self, delivery: Delivery, error: str, seconds: float | None) -> None:
        if delivery.attempts >= self.settings.max_attempts:
            log.warning(
                "delivery %d to %s failed after %d attempts: %s",
                delivery.id,
                delivery.chat_key,
                delivery.attempts,
                error,
            )
            await self.store.delivery_failed(delivery.id, error)
            return
        backoff = min(self.settings.retry_max_seconds, self.settings.retry_base_seconds * 2 ** (delivery.attempts - 1))
        delay = max(seconds or 0.0, backoff * random.uniform(0.8, 1.2))
        await self.store.delivery_retry(delivery.id, error, self.clock() + timedelta(seconds=delay))

    async def run(self, stop: asyncio.Event, idle_seconds: float = 1.0) -> None:
        # Alone, every claim left is from a stopped run; among several, only expired ones are.
        released = await self.store.release_claims(None if self.alone else self.clock())
        if released:
            log.info("re-queued %d delivery(ies) interrupted by the last stop", released)
        while not stop.is_set():
            try:
                sent = await self.run_once()
            except Exception:
                log.exception("dispatcher cycle failed; retrying")
                sent = 0
            if sent:
                continue
            self.wake.clear()
            waiters = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(self.wake.wait())]
            await asyncio.wait(waiters, timeout=idle_seconds, return_when=asyncio.FIRST_COMPLETED)
            for waiter in waiters:
                waiter.cancel()
