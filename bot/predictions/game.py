"""The prediction game's moves: opening a question on a saga, closing it, and taking fans' answers.

Resolving and scoring are the referee's (``referee.py``); what is said is rendered by
``bot.render.predictions``. Every write goes through the store at once: an answer a platform
acknowledged is committed before the acknowledgement goes out (Discord) or before the update is
confirmed to Telegram (docs/adr/0008-prediction-games.md).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.config import PredictionSettings
from bot.domain import utcnow
from bot.predictions.ports import PollSeen, QuestionBook, SagaOutcomes, SagaReads, Vote
from bot.questions import (
    NO,
    SOMEONE_ELSE,
    YES,
    Answer,
    NewQuestion,
    Question,
    QuestionKind,
    QuestionStatus,
)
from bot.render.predictions import when

log = logging.getLogger(__name__)

MAX_CANDIDATES = 9  # a Telegram poll has at most 10 options: nine candidates and "someone else"
LOOKBACK = timedelta(days=2)  # an outcome reported this long before a question opened still answers it
AUTO = "auto"


class Refusal(Exception):
    """A question cannot be opened or closed; the message says why, for the chat."""


@dataclass(frozen=True, slots=True)
class Opened:
    question: Question
    candidates_left_out: int = 0


class Game:
    def __init__(
        self,
        book: QuestionBook,
        sagas: SagaReads,
        outcomes: SagaOutcomes,
        settings: PredictionSettings,
        *,
        home_club: Callable[[str], str | None] = lambda manager: None,
        clock: Callable[[], datetime] = utcnow,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        self.book = book
        self.sagas = sagas
        self.outcomes = outcomes
        self.settings = settings
        self.home_club = home_club  # the knowledge base's club of a manager
        self.clock = clock
        self.on_change = on_change  # a question was opened or an answer came: wake the post dispatcher

    # -- opening -------------------------------------------------------------------------------

    def _deadline(self, now: datetime, deadline: datetime | None) -> datetime:
        if deadline is None:
            return now + timedelta(days=self.settings.deadline_days)
        if deadline <= now:
            raise Refusal(f"The deadline ({when(deadline)}) must be in the future.")
        if deadline > now + timedelta(days=365):
            raise Refusal("The deadline must be within a year.")
        return deadline

    async def _room(self, chat_key: str) -> None:
        live = await self.book.questions(chat_key, live_only=True)
        if len(live) >= self.settings.max_open_per_chat:
            numbers = ", ".join(f"#{q.id}" for q in live)
            raise Refusal(
                f"This chat already has {len(live)} live questions ({numbers}); the limit is"
                f" {self.settings.max_open_per_chat}. Close one with /predict close #N first."
            )

    async def _store(self, q: NewQuestion) -> Question:
        question = await self.book.open_question(q)
        if question is None:
            live = [
                x
                for x in await self.book.questions(q.chat_key, live_only=True)
                if (x.kind, x.club, x.manager) == (q.kind, q.club, q.manager)
            ]
            number = f" (#{live[0].id})" if live else ""
            raise Refusal(f"This chat already has a live question on that saga{number}.")
        log.info(
            "question #%d opened in %s by %s: %s %s %s", question.id, q.chat_key, q.opened_by, q.kind, q.club, q.manager
        )
        if self.on_change is not None:
            self.on_change()
        return question

    async def open_job(
        self, chat_key: str, club: str, by: str, deadline: datetime | None = None, *, now: datetime | None = None
    ) -> Opened:
        """ "Who will be ``club``'s next permanent manager?", with the candidates from its threads."""
        now = now or self.clock()
        ends = self._deadline(now, deadline)
        await self._room(chat_key)
        since = now - timedelta(days=self.settings.saga_days)
        left = [d for d in await self.outcomes.departures(None, since) if d.club == club]
        departed = left[-1].manager if left else ""
        opened = min(left[-1].at, now - LOOKBACK) if left else now - LOOKBACK
        known = [a for a in await self.outcomes.appointments([club], opened) if a.at <= now]
        if known:
            raise Refusal(f"The {club} job went to {known[-1].manager} ({when(known[-1].at)}): it is no longer open.")
        names = [c.manager for c in await self.sagas.candidates(club, since, now) if c.manager != departed]
        if not names:
            raise Refusal(
                f"Nobody is linked with the {club} job yet, so there is nobody to choose from. "
                f"/rumour {club} shows its threads."
            )
        options = (*names[:MAX_CANDIDATES], SOMEONE_ELSE)
        q = NewQuestion(chat_key, QuestionKind.NEXT_MANAGER, club, departed, options, now, by, ends)
        return Opened(await self._store(q), max(0, len(names) - MAX_CANDIDATES))

    async def open_pressure(
        self, chat_key: str, manager: str, by: str, deadline: datetime | None = None, *, now: datetime | None = None
    ) -> Opened:
        """ "Will ``manager`` still be in charge on <deadline>?", at the club of his pressure thread."""
        now = now or self.clock()
        ends = self._deadline(now, deadline)
        await self._room(chat_key)
        since = now - timedelta(days=self.settings.saga_days)
        pressure = [s for s in await self.sagas.under_pressure(since, now) if s.manager == manager]
        club = pressure[0].club if pressure else self.home_club(manager)
        gone = (
            await self.outcomes.departures([(manager, club)], since)
            if club
            else [d for d in await self.outcomes.departures(None, since) if d.manager == manager][-1:]
        )
        if gone:
            raise Refusal(f"{manager} already left {gone[0].club} ({when(gone[0].at)}).")
        if not club:
            raise Refusal(f"I don't know where {manager} is in charge, so I cannot ask whether he will stay.")
        q = NewQuestion(chat_key, QuestionKind.STILL_IN_CHARGE, club, manager, (YES, NO), now, by, ends)
        return Opened(await self._store(q))

    # -- closing -------------------------------------------------------------------------------

    async def close(self, chat_key: str, number: int | None) -> Question:
        """Lock a question of this chat now (answers until now count; it is scored when the answer is
        known). Without a number: the chat's one open question."""
        if number is None:
            live = [q for q in await self.book.questions(chat_key, live_only=True) if q.status is QuestionStatus.OPEN]
            if not live:
                raise Refusal("This chat has no open question to close.")
            if len(live) > 1:
                raise Refusal(
                    f"Which one? Open here: {', '.join(f'#{q.id}' for q in live)}. Try /predict close #{live[0].id}."
                )
            number = live[0].id
        q = await self.book.question(number)
        if q is None or q.chat_key != chat_key:
            raise Refusal(f"There is no question #{number} in this chat. /predict lists them.")
        if q.status is not QuestionStatus.OPEN:
            at = q.locked_at or q.resolved_at
            since = f" ({when(at)})" if at else ""
            state = "closed" if q.status is QuestionStatus.LOCKED else q.status.value
            raise Refusal(f"Question #{number} is already {state}{since}.")
        if not await self.book.lock_question(q.id, self.clock()):
            raise Refusal(f"Question #{number} is already closed.")
        if self.on_change is not None:
            self.on_change()
        return await self.book.question(q.id) or q

    # -- answers -------------------------------------------------------------------------------

    async def record(self, votes: Sequence[Vote | PollSeen]) -> int:
        """Store what a platform delivered, at once; return how many answers were new."""
        now = self.clock()
        for seen in (v for v in votes if isinstance(v, PollSeen)):
            if await self.book.match_poll(seen.question_id, seen.poll_ref):
                log.info("telegram poll %s matched to question #%d", seen.poll_ref, seen.question_id)
        answers = [
            Answer(v.user_id, v.user_name, v.choice, now, v.question_id, v.platform, v.poll_ref, v.dedupe)
            for v in votes
            if isinstance(v, Vote)
        ]
        return await self.book.record_answers(answers)

    async def answer(self, vote: Vote) -> str:
        """A fan's answer from a menu (Discord): recorded, then confirmed to the fan in these words."""
        q = await self.book.question(vote.question_id) if vote.question_id is not None else None
        if q is None:
            return "That question no longer exists."
        if vote.choice is None or not 0 <= vote.choice < len(q.options):
            return "That is not one of the question's options."
        await self.record([vote])
        if q.status is not QuestionStatus.OPEN or self.clock() >= q.lock_at:
            return f"Question #{q.id} is locked: calls made after {q.lock_at:%d %b %H:%M} UTC do not count."
        return (
            f"Your call on #{q.id}: {q.options[vote.choice]}. Recorded at {self.clock():%d %b %H:%M} UTC; you can"
            f" change it until the question locks."
        )
