"""Command rate limits: a token bucket per user and one per chat, so nobody can make the bot flood a chat.

Each user may run ``per_user_per_minute`` commands and each chat ``per_chat_per_minute`` (bursts up
to that many, refilled evenly over the minute). A command over either limit is refused without
taking a token from the other bucket, so a user who spams only spends their own allowance. The first
refusal after a bucket runs dry is answered ("Slow down a little — try again in N s."); later ones
are silent until the bucket has a token again, so the refusals cannot flood the chat either.

Users are keyed by platform and user id, chats by platform and chat id (a Telegram forum's topics
share their group's bucket). The local console has one trusted user and is never limited. State is
in memory (a restart forgets it) and bounded: past ``max_keys`` the least recently seen key is
dropped and starts again with a full bucket; the least recently seen have normally refilled anyway.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from bot.config import CommandSettings

UNLIMITED_PLATFORMS = frozenset({"console"})
MAX_KEYS = 10_000


@dataclass(frozen=True, slots=True)
class Verdict:
    """``allowed``, or refused: ``notify`` for the one refusal to answer, ``retry_after`` in whole seconds."""

    allowed: bool
    notify: bool = False
    retry_after: int = 0


ALLOWED = Verdict(allowed=True)


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float
    warned: bool = False


class _Buckets:
    """Token buckets by key, all with ``per_minute`` capacity refilled at ``per_minute`` a minute."""

    def __init__(self, per_minute: int, max_keys: int) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0  # tokens a second
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def __len__(self) -> int:
        return len(self._buckets)

    def get(self, key: str, now: float) -> _Bucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = _Bucket(self.capacity, now)
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            elapsed = max(0.0, now - bucket.updated)
            bucket.tokens = min(self.capacity, bucket.tokens + elapsed * self.rate)
            bucket.updated = now
            bucket.warned = bucket.warned and bucket.tokens < 1.0  # refilled: a new refusal is answered
            self._buckets.move_to_end(key)
        return bucket

    def wait(self, bucket: _Bucket) -> int:
        """Whole seconds until ``bucket`` holds one token (at least 1)."""
        return max(1, math.ceil((1.0 - bucket.tokens) / self.rate))


class CommandLimiter:
    def __init__(
        self,
        per_user_per_minute: int,
        per_chat_per_minute: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = MAX_KEYS,
    ) -> None:
        self._clock = clock
        self._users = _Buckets(per_user_per_minute, max_keys) if per_user_per_minute > 0 else None
        self._chats = _Buckets(per_chat_per_minute, max_keys) if per_chat_per_minute > 0 else None

    @classmethod
    def from_settings(cls, settings: CommandSettings, *, clock: Callable[[], float] = time.monotonic) -> CommandLimiter:
        return cls(settings.per_user_per_minute, settings.per_chat_per_minute, clock=clock)

    @property
    def tracked(self) -> int:
        """How many user and chat buckets are held in memory."""
        return len(self._users or ()) + len(self._chats or ())

    def check(self, platform: str, chat_id: str, user_id: str) -> Verdict:
        """Take one token from the user's and the chat's bucket, or refuse without taking any."""
        if platform in UNLIMITED_PLATFORMS:
            return ALLOWED
        now = self._clock()
        held: list[tuple[_Buckets, _Bucket]] = []
        if self._users is not None:
            held.append((self._users, self._users.get(f"{platform}:{user_id}", now)))
        if self._chats is not None:
            held.append((self._chats, self._chats.get(f"{platform}:{chat_id}", now)))
        for buckets, bucket in held:
            if bucket.tokens < 1.0:
                notify, bucket.warned = not bucket.warned, True
                return Verdict(allowed=False, notify=notify, retry_after=buckets.wait(bucket))
        for _, bucket in held:
            bucket.tokens -= 1.0
        return ALLOWED
