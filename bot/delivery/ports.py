"""What the dispatcher needs from a chat platform and from storage, and the errors a platform may report."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from bot.domain import ChatRef
from bot.render.card import Card
from bot.store.base import ChatPrefs, Delivery, ThreadView

InFlightMark = Callable[[bool], Awaitable[None]]
"""Passed by the dispatcher with each Sender call for a delivery (None for command replies). A sender
whose platform cannot drop a resent message (Telegram has no nonce) awaits it with True the instant a
request that may post has been written to the network, and with False when the platform answers that
it did not post (e.g. 429). After a crash, a delivery
marked in flight is presumed delivered instead of being sent again: see docs/DELIVERY.md."""


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

    @property
    def platform(self) -> str:
        """A ``Platform`` value: the first part of the keys of the chats it serves."""
        ...

    async def send(
        self,
        chat: ChatRef,
        card: Card,
        *,
        reply_to: str | None = None,
        nonce: str = "",
        ping_role: str = "",
        in_flight: InFlightMark | None = None,
    ) -> str:
        """Post a card; return the platform message id. ``nonce`` lets a platform drop a duplicate;
        ``ping_role`` is the one role a follow asked to mention (platforms without roles ignore it);
        ``in_flight``: see ``InFlightMark``."""
        ...

    async def send_text(
        self,
        chat: ChatRef,
        text: str,
        *,
        reply_to: str | None = None,
        nonce: str = "",
        in_flight: InFlightMark | None = None,
    ) -> str:
        """Post a short plain-text message (e.g. "now: agreed — Sky Sports"); return its id."""
        ...

    async def edit(self, chat: ChatRef, message_id: str, card: Card) -> None:
        """Replace an earlier card with its new state."""
        ...


@dataclass(frozen=True, slots=True)
class Capabilities:
    """What a platform can do, for the dispatcher and the status page."""

    drops_resends: bool  # a resend with the same nonce does not post again (Discord); else in-flight marks
    roles: bool = False  # a follow may ask for a role to be mentioned
    edits: bool = True  # an alert can be edited in place when its thread moves on


class PlatformAdapter(Sender, Protocol):
    """A chat platform as the composition root (``bot.app``) runs it: started before the dispatcher,
    stopped after it. Commands come in through the ``CommandHandler`` it was built with."""

    capabilities: Capabilities

    async def start(self) -> None: ...
    async def stop(self) -> None: ...


class DeliveryStore(Protocol):
    """The outbox as the dispatcher uses it (``bot.store.sql.SQLStore`` provides it)."""

    async def claim_deliveries(
        self,
        platforms: Sequence[str],
        now: datetime,
        limit: int,
        *,
        worker: str = "",
        lease_for: timedelta = timedelta(0),
    ) -> list[Delivery]:
        """Mark up to ``limit`` due deliveries 'sending', claimed by ``worker`` until ``now + lease_for``;
        concurrent claimers never get the same row."""
        ...

    async def release_claims(self, now: datetime | None = None) -> int:
        """Take back claims whose worker is gone (all of them with None); rows in flight count as sent."""
        ...

    async def chat_prefs(self, chat_key: str) -> ChatPrefs: ...
    async def thread(self, thread_id: int) -> ThreadView | None: ...
    async def thread_message(self, thread_id: int, chat_key: str) -> str | None: ...
    async def delivery_sent(
        self, delivery_id: int, message_id: str, now: datetime, *, remember_message: bool = True
    ) -> None: ...
    async def delivery_in_flight(self, delivery_id: int, since: datetime | None) -> None: ...
    async def delivery_retry(self, delivery_id: int, error: str, next_attempt_at: datetime) -> None: ...
    async def delivery_failed(self, delivery_id: int, error: str) -> None: ...
    async def deactivate_chat(self, chat_key: str) -> int:
        """Pause the chat's follows and drop its queued deliveries; return how many follows were paused."""
        ...
