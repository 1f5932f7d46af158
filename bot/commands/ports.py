"""What the commands need from storage (``bot.store.sql.SQLStore`` provides it)."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from bot.domain import TargetKind
from bot.store.base import ChatPrefs, EntryTrace, EventTrace, FeedRow, Subscription, ThreadView


class ThreadReads(Protocol):
    """Threads as /rumour, /hot and the status page read them."""

    async def threads_about(
        self, *, manager: str | None = None, club: str | None = None, limit: int = 10
    ) -> list[ThreadView]: ...
    async def hot_threads(self, now: datetime, limit: int) -> list[ThreadView]: ...
    async def thread(self, thread_id: int) -> ThreadView | None: ...


class ChatSettings(Protocol):
    """A chat's follows and delivery settings."""

    async def follow(self, chat_key: str, kind: TargetKind, target: str, ping_role: str, now: datetime) -> bool:
        """Follow (or re-activate, or change the role of) a target; False when nothing changed."""
        ...

    async def unfollow(self, chat_key: str, kind: TargetKind, target: str) -> bool: ...
    async def following(self, chat_key: str) -> list[Subscription]: ...
    async def chat_prefs(self, chat_key: str) -> ChatPrefs: ...
    async def set_chat_prefs(self, chat_key: str, prefs: ChatPrefs) -> None: ...


class WhyReads(ThreadReads, Protocol):
    """What /why reads: an entry's decision and reports, a thread's events in one chat."""

    async def entries_by_link(self, key: str, limit: int = 5) -> list[EntryTrace]:
        """Entries whose ``link_key`` is ``key``, first seen first, with their reports."""
        ...

    async def thread_entries(self, thread_id: int, limit: int = 20) -> list[EntryTrace]:
        """The entries behind a thread's reports, newest first, with their reports."""
        ...

    async def thread_log(self, thread_id: int, chat_key: str) -> list[EventTrace]:
        """The thread's events, oldest first, each with what became of it in ``chat_key``."""
        ...

    async def following(self, chat_key: str) -> list[Subscription]: ...
    async def chat_prefs(self, chat_key: str) -> ChatPrefs: ...


class CommandStore(WhyReads, ChatSettings, Protocol):
    """Everything the router's commands use, /sources included."""

    async def list_feeds(self) -> list[FeedRow]: ...
