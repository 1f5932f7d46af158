"""What the prediction game needs from storage, from the threads, from the saga's outcome and from a chat
platform; and what a platform hands it when a fan answers. ``bot.store.sql.SQLStore`` provides the first
three (``store.predictions``, ``store.sagas``); the composition root picks the outcome source
(``bot.app.saga_outcomes``: the seam where thread resolution plugs in)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from bot.delivery.ports import InFlightMark, Sender
from bot.domain import ChatRef
from bot.questions import (
    Answer,
    Candidate,
    NewQuestion,
    Post,
    PostTrace,
    Question,
    QuestionStatus,
    SagaOutcome,
    SagaReport,
    SagaThread,
    Score,
)
from bot.render.card import QuestionCard


@dataclass(frozen=True, slots=True)
class Vote:
    """A fan's answer as a platform reports it: ``choice`` is the option's index, None when the fan
    withdrew their answer. Discord names the question (its menu's id), Telegram only the poll."""

    platform: str
    user_id: str
    user_name: str
    choice: int | None
    dedupe: str  # the platform's id of this answer (Telegram update, Discord interaction): recorded once
    question_id: int | None = None
    poll_ref: str = ""


@dataclass(frozen=True, slots=True)
class PollSeen:
    """Telegram showed a poll's state (it does for every poll the bot sent, on each vote): its id, and the
    question number its text ends with. It matches a poll whose post was presumed delivered."""

    poll_ref: str
    question_id: int


class SagaOutcomes(Protocol):
    """The outcome of sagas: who got a club's job, whether a manager left his club, and when.

    Chosen in ``bot.app.saga_outcomes``: the threads' resolutions (``store.sagas``), which whatever
    resolves a thread follows with ``Referee.outcomes_changed``."""

    async def appointments(self, clubs: Sequence[str], since: datetime) -> list[SagaOutcome]:
        """Permanent arrivals at ``clubs`` (agreed, appointed, or an operator's ruling) known at or after
        ``since``, earliest first."""
        ...

    async def departures(self, pairs: Sequence[tuple[str, str]] | None, since: datetime) -> list[SagaOutcome]:
        """Exits (sacked, left) of the (manager, club) ``pairs`` (of anyone with None) reported at or after
        ``since``, earliest first, one per pair."""
        ...


class SagaReads(Protocol):
    """Sagas as the threads tell them (``store.sagas``)."""

    async def candidates(self, club: str, since: datetime, now: datetime) -> list[Candidate]: ...
    async def under_pressure(self, since: datetime, now: datetime) -> list[SagaThread]: ...
    async def saga_reports(self, club: str, since: datetime, until: datetime) -> list[SagaReport]: ...
    async def watchers(self, club: str, manager: str) -> list[str]: ...


class QuestionBook(Protocol):
    """Questions, answers and scores (``store.predictions``)."""

    async def open_question(self, q: NewQuestion) -> Question | None:
        """Store it and queue its post; None when the chat already has a live question on that saga."""
        ...

    async def question(self, question_id: int) -> Question | None: ...
    async def questions(self, chat_key: str, *, live_only: bool = False, limit: int = 50) -> list[Question]: ...
    async def live_questions(self) -> list[Question]: ...
    async def lock_question(self, question_id: int, at: datetime) -> bool: ...
    async def resolve_question(
        self,
        question_id: int,
        status: QuestionStatus,
        *,
        outcome: int | None,
        text_: str,
        outcome_at: datetime | None,
        source: str,
        season: str,
        scores: Sequence[Score],
        now: datetime,
    ) -> bool: ...
    async def record_answers(self, answers: Sequence[Answer]) -> int:
        """Add answers (a known ``dedupe`` is skipped), committed before returning; how many were new."""
        ...

    async def match_poll(self, question_id: int, poll_ref: str) -> bool: ...
    async def answers(self, question_id: int) -> list[Answer]: ...
    async def answer_counts(self, question_ids: Sequence[int]) -> dict[int, int]: ...
    async def scores(self, question_id: int) -> list[Score]: ...
    async def fan_scores(self, chat_key: str, user_id: str) -> list[Score]: ...
    async def totals(self, chat_key: str, season: str | None) -> list[tuple[str, str, int, int, int]]: ...
    async def seasons(self, chat_key: str) -> list[str]: ...
    async def set_auto(self, chat_key: str, on: bool, now: datetime) -> bool: ...
    async def auto_on(self, chat_key: str) -> bool: ...
    async def post_traces(self, question_id: int) -> list[PostTrace]: ...


class PostOutbox(Protocol):
    """The game's posts as the post dispatcher sends them (``store.predictions``)."""

    async def question(self, question_id: int) -> Question | None: ...
    async def scores(self, question_id: int) -> list[Score]: ...
    async def answer_counts(self, question_ids: Sequence[int]) -> dict[int, int]: ...
    async def claim_posts(
        self, platforms: Sequence[str], now: datetime, limit: int, *, worker: str = "", lease_for: timedelta
    ) -> list[Post]: ...
    async def post_sent(self, post: Post, message_id: str, poll_ref: str, now: datetime) -> None: ...
    async def post_in_flight(self, post_id: int, since: datetime | None) -> None: ...
    async def post_retry(self, post_id: int, error: str, next_attempt_at: datetime) -> None: ...
    async def post_failed(self, post_id: int, error: str, *, status: str = "failed") -> None: ...
    async def release_post_claims(self, now: datetime | None = None) -> int: ...


class QuestionSender(Sender, Protocol):
    """A chat platform that can ask a question natively (and post the results as text)."""

    async def post_question(
        self, chat: ChatRef, card: QuestionCard, *, nonce: str = "", in_flight: InFlightMark | None = None
    ) -> tuple[str, str]:
        """Post the question; return its message id and the poll's id (Telegram; '' elsewhere)."""
        ...

    async def close_question(self, chat: ChatRef, message_id: str, card: QuestionCard) -> None:
        """Stop taking answers on the posted question (stop the poll, remove the menu); done twice is fine."""
        ...
