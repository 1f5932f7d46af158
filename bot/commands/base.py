"""Commands: an Invocation comes in from any platform, a neutral Reply goes out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ChatKind = Literal["private", "group", "channel"]


@dataclass(frozen=True, slots=True)
class ChatRef:
    """Where a message goes: a platform chat, optionally a topic (Telegram) or thread (Discord)."""

    platform: str
    chat_id: str
    thread_id: str = ""

    @property
    def key(self) -> str:
        return f"{self.platform}:{self.chat_id}:{self.thread_id}"

    @classmethod
    def from_key(cls, key: str) -> ChatRef:
        platform, chat_id, thread_id = key.split(":", 2)
        return cls(platform, chat_id, thread_id)


@dataclass(frozen=True, slots=True)
class Invocation:
    """One command typed by a user. ``can_manage`` is decided by the adapter (admin / Manage Server)."""

    chat: ChatRef
    user_id: str
    name: str
    args: str = ""
    chat_kind: ChatKind = "private"
    can_manage: bool = True
    options: tuple[tuple[str, str], ...] = ()  # platform extras, e.g. ("ping_role", "123")
