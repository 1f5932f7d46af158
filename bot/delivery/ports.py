"""What the dispatcher needs from a chat platform, and the errors a platform may report."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Protocol

from bot.commands.base import ChatRef, Invocation
from bot.render.card import Card, Reply

CommandHandler = Callable[[Invocation], Awaitable[Reply]]
InFlightMark = Callable[[bool], Awaitable[None]]

IN_FLIGHT: ContextVar[InFlightMark | None] = ContextVar("rumourbot_in_flight", default=None)
"""Set by the dispatcher while it awaits a Sender call for one delivery (unset otherwise, e.g. for
command replies). A sender whose platform cannot drop a resent message (Telegram has no nonce)
awaits it with True as soon as a request that may post has been written to the network, and with
False when the platform answers that it did not post (e.g. 429). After a crash, a delivery marked
in flight is presumed delivered instead of being sent again: see docs/DELIVERY.md."""


class PlatformStartError(RuntimeError):
    """A chat platform could not start (bad token, API unreachable); the message never holds a token."""


class DeliveryError(Exception):
    """Sending failed; subclasses say what the dispatcher should do next."""


class RetryLater(DeliveryError):
    """Rate limited, 5xx or time-out: try again after ``seconds`` (or the dispatcher's backoff)."""

    def __init__(self, message: str, seconds: float | None = None) -> None:
        super().__init__(message)
        self.seconds = seconds


class ChatGone(DeliveryError):
    """The bot may no longer post there (blocked, kicked, 403/404): deactivate that chat's follows."""


class PermanentFailure(DeliveryError):
    """The message itself is unacceptable (400): retrying will not help."""


class Sender(Protocol):
    """A platform adapter as the dispatcher sees it."""

    platform: str

    async def send(
        self, chat: ChatRef, card: Card, *, reply_to: str | None = None, nonce: str = "", ping_role: str = ""
    ) -> str:
        """Post a card; return the platform message id. ``nonce`` lets a platform drop a duplicate;
        ``ping_role`` is the one role a follow asked to mention (platforms without roles ignore it)."""
        ...

    async def send_text(self, chat: ChatRef, text: str, *, reply_to: str | None = None, nonce: str = "") -> str:
        """Post a short plain-text message (e.g. "now: agreed — Sky Sports"); return its id."""
        ...

    async def edit(self, chat: ChatRef, message_id: str, card: Card) -> None:
        """Replace an earlier card with its new state."""
        ...
