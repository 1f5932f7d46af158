"""Send the prediction game's posts: each question, its lock, its results — each at most once.

The game's outbox (``question_posts``) works like the alerts' (docs/DELIVERY.md): a row is claimed
('sending') before the platform call and recorded 'sent' after it. Discord gets the row's nonce, so a
resend after a crash returns the message already posted. Telegram has none: its adapter marks the row in
flight the instant a ``sendPoll`` or ``sendMessage`` request has been written, and a row in flight at a
crash is presumed posted rather than posted again. A poll presumed posted has no known poll id; the
first vote on it makes Telegram show the poll to the bot (a ``poll`` update whose text ends with the
question's number), which matches it, and the answers already stored for it join the question.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from functools import partial

from bot.config import DeliverySettings
from bot.delivery.ports import ChatGone, DeliveryError, PermanentFailure, RetryLater
from bot.domain import ChatRef, utcnow
from bot.ids import new_worker_id
from bot.predictions.ports import PostOutbox, QuestionSender
from bot.questions import Post, PostKind
from bot.render.predictions import question_card, results_text

log = logging.getLogger(__name__)


class PostDispatcher:
    def __init__(
        self,
        outbox: PostOutbox,
        senders: Mapping[str, QuestionSender],
        settings: DeliverySettings,
        *,
        clock: Callable[[], datetime] = utcnow,
        batch: int = 20,
        worker: str | None = None,
        lease_seconds: float = 60.0,
    ) -> None:
        self.alone = worker is None  # the only sender of posts: every claim left at start is from a stopped run
        self.worker = worker or new_worker_id()
        self.lease_for = timedelta(seconds=lease_seconds)
        self.outbox = outbox
        self.senders = dict(senders)
        self.settings = settings
        self.clock = clock
        self.batch = batch
        self.wake = asyncio.Event()

    async def run_once(self) -> int:
        """Send every due post once; return how many went out."""
        posts = await self.outbox.claim_posts(
            list(self.senders), self.clock(), self.batch, worker=self.worker, lease_for=self.lease_for
        )
        by_chat: dict[str, list[Post]] = {}
        for post in posts:
            by_chat.setdefault(post.chat_key, []).append(post)
        results = await asyncio.gather(*(self._send_chat(items) for items in by_chat.values()))
        return sum(results)

    async def _send_chat(self, posts: list[Post]) -> int:
        """One chat's posts in order (a lock before its results); different chats concurrently."""
        sent = 0
        for post in posts:
            try:
                await self._send(post)
                sent += 1
            except (DeliveryError, TimeoutError, OSError) as exc:
                await self._failed(post, exc)
        return sent

    async def _send(self, post: Post) -> None:
        chat = ChatRef.from_key(post.chat_key)
        sender = self.senders[chat.platform]
        q = await self.outbox.question(post.question_id)
        if q is None:
            await self.outbox.post_failed(post.id, "question no longer exists")
            return
        nonce = f"rb-q{post.id}"
        mark = partial(self._in_flight, post.id)
        message_id, poll_ref = "", ""
        if post.kind is PostKind.QUESTION:
            message_id, poll_ref = await sender.post_question(chat, question_card(q), nonce=nonce, in_flight=mark)
        elif post.kind is PostKind.LOCK:
            if q.message_id:
                await sender.close_question(chat, q.message_id, question_card(q))
            else:
                log.info("question #%d has no known message (presumed posted): nothing to lock", q.id)
        else:
            text = results_text(q, await self.outbox.scores(q.id))
            message_id = await sender.send_text(chat, text, nonce=nonce, in_flight=mark)
        await self.outbox.post_sent(post, message_id, poll_ref, self.clock())
        log.info("question #%d: %s posted in %s", q.id, post.kind.value, post.chat_key)

    async def _in_flight(self, post_id: int, flying: bool) -> None:
        await self.outbox.post_in_flight(post_id, self.clock() if flying else None)

    async def _failed(self, post: Post, exc: BaseException) -> None:
        if isinstance(exc, ChatGone):
            log.warning("question post %d: chat %s is unreachable (%s)", post.id, post.chat_key, exc)
            await self.outbox.post_failed(post.id, str(exc), status="dropped")
            return
        if isinstance(exc, PermanentFailure):
            log.warning("question post %d to %s rejected: %s", post.id, post.chat_key, exc)
            await self.outbox.post_failed(post.id, str(exc))
            return
        error = str(exc) if isinstance(exc, RetryLater) else f"{type(exc).__name__}: {exc}"
        if post.attempts >= self.settings.max_attempts:
            await self.outbox.post_failed(post.id, error)
            return
        backoff = min(self.settings.retry_max_seconds, self.settings.retry_base_seconds * 2 ** (post.attempts - 1))
        seconds = exc.seconds if isinstance(exc, RetryLater) else None
        delay = max(seconds or 0.0, backoff * random.uniform(0.8, 1.2))
        await self.outbox.post_retry(post.id, error or "retry later", self.clock() + timedelta(seconds=delay))

    async def run(self, stop: asyncio.Event, idle_seconds: float = 1.0) -> None:
        released = await self.outbox.release_post_claims(None if self.alone else self.clock())
        if released:
            log.info("re-queued %d question post(s) interrupted by the last stop", released)
        while not stop.is_set():
            try:
                if not self.alone:
                    await self.outbox.release_post_claims(self.clock())
                sent = await self.run_once()
            except Exception:
                log.exception("question post cycle failed; retrying")
                sent = 0
            if sent:
                continue
            self.wake.clear()
            waiters = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(self.wake.wait())]
            await asyncio.wait(waiters, timeout=idle_seconds, return_when=asyncio.FIRST_COMPLETED)
            for waiter in waiters:
                waiter.cancel()
