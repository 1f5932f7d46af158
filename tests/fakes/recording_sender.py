"""A chat platform that records what the dispatcher asked of it (a ``Sender`` twin), and refuses the
sends it is told to refuse (``fail_next``)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from bot.delivery.ports import InFlightMark
from bot.domain import ChatRef
from bot.render.card import Card, QuestionCard


@dataclass(frozen=True)
class Call:
    kind: str  # send | send_text | edit
    chat: ChatRef
    message_id: str
    card: Card | None = None
    text: str = ""
    reply_to: str | None = None


@dataclass
class RecordingSender:
    platform: str = "test"
    calls: list[Call] = field(default_factory=list)
    first_id: int = 1
    fail_next: list[Exception] = field(default_factory=list)  # raised by the next sends, one each
    in_flight_marks: int = 0  # sends that came with an in-flight mark
    fail_edits: list[Exception] = field(default_factory=list)  # raised by the next edits, one each

    def __post_init__(self) -> None:
        self._ids = itertools.count(self.first_id)

    def _next_id(self) -> str:
        return f"m{next(self._ids)}"

    def _attempt(self, in_flight: InFlightMark | None) -> None:
        self.in_flight_marks += in_flight is not None
        if self.fail_next:
            raise self.fail_next.pop(0)

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
        del nonce, ping_role
        self._attempt(in_flight)
        message_id = self._next_id()
        self.calls.append(Call("send", chat, message_id, card=card, reply_to=reply_to))
        return message_id

    async def send_text(
        self,
        chat: ChatRef,
        text: str,
        *,
        reply_to: str | None = None,
        nonce: str = "",
        in_flight: InFlightMark | None = None,
    ) -> str:
        del nonce
        self._attempt(in_flight)
        message_id = self._next_id()
        self.calls.append(Call("send_text", chat, message_id, text=text, reply_to=reply_to))
        return message_id

    async def edit(self, chat: ChatRef, message_id: str, card: Card) -> None:
        if self.fail_edits:
            raise self.fail_edits.pop(0)
        self.calls.append(Call("edit", chat, message_id, card=card))

    def take(self) -> list[Call]:
        """The calls since the last take, and forget them."""
        taken, self.calls = self.calls, []
        return taken


@dataclass
class RecordingAsker(RecordingSender):
    """A ``RecordingSender`` that also asks questions (``QuestionSender``): each question posted gets a
    message id and a poll id."""

    questions: list[tuple[ChatRef, QuestionCard]] = field(default_factory=list)
    closed: list[tuple[ChatRef, str, QuestionCard]] = field(default_factory=list)
    mark_in_flight: bool = False  # call the in-flight mark as Telegram's adapter does, before posting

    async def post_question(
        self, chat: ChatRef, card: QuestionCard, *, nonce: str = "", in_flight: InFlightMark | None = None
    ) -> tuple[str, str]:
        del nonce
        if self.mark_in_flight and in_flight is not None:
            await in_flight(True)
        self._attempt(in_flight)
        message_id = self._next_id()
        self.questions.append((chat, card))
        return message_id, f"poll-{message_id}"

    async def close_question(self, chat: ChatRef, message_id: str, card: QuestionCard) -> None:
        self.closed.append((chat, message_id, card))
