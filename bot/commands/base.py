"""Commands: an Invocation comes in from any platform, a neutral Reply goes out."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.domain import ChatKind, ChatRef
from bot.render.card import Reply

__all__ = ["ChatKind", "ChatRef", "CommandHandler", "Invocation"]


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


CommandHandler = Callable[[Invocation], Awaitable[Reply]]
