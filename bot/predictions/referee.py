"""The referee: once a tick (and whenever new thread events may have answered a question) it locks the
questions whose deadline passed, resolves and scores those whose answer became known, voids job questions
that never got one, and — with ``[predictions] auto`` — opens questions on hot sagas.

A question's answer comes from the ``SagaOutcomes`` port: the first permanent arrival at the club (a
job question: a thread resolved true by a done agreement or appointment, or by an operator), or the
manager's exit before the deadline — "No" — or its absence when the deadline comes — "Yes" (a pressure
question). Resolving writes the outcome, every score and the results
post in one transaction, and only for a question still live: a second tick, or a second worker, finds
it resolved and does nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.predictions.game import AUTO, LOOKBACK, Game, Refusal
from bot.predictions.scoring import Resolution, fan_calls, score, source_calls
from bot.questions import NO, RULING, YES, Question, QuestionKind, QuestionStatus, SagaOutcome, season_of

log = logging.getLogger(__name__)
PRESSURE_HOT_DAYS = 7  # a pressure thread must have news this recent to be asked about by the bot itself


@dataclass
class TickStats:
    opened: list[int] = field(default_factory=list)
    locked: list[int] = field(default_factory=list)
    resolved: list[int] = field(default_factory=list)
    voided: list[int] = field(default_factory=list)


def _arrival(q: Question, hired: SagaOutcome) -> str:
    if hired.event == RULING:
        return f"{hired.manager} got the {q.club} job (an operator's ruling)"
    if hired.event == "agreed":
        return f"{hired.manager} agreed to become {q.club}'s manager"
    return f"{q.club} appointed {hired.manager}"


def _exit(q: Question, gone: SagaOutcome) -> str:
    if gone.event == "sacked":
        return f"{q.club} sacked {q.manager}"
    ruling = " (an operator's ruling)" if gone.event == RULING else ""
    return f"{q.manager} left {q.club}{ruling}"


def resolution_for(
    q: Question, appointments: list[SagaOutcome], departures: list[SagaOutcome], now: datetime
) -> Resolution | None:
    """The answer to ``q`` if it is known by ``now``."""
    since = q.opened_at - LOOKBACK
    if q.kind is QuestionKind.NEXT_MANAGER:
        hired = next((a for a in appointments if a.club == q.club and a.at >= since), None)
        if hired is None:
            return None
        option = q.options.index(hired.manager) if hired.manager in q.options else q.someone_else
        if option is None:
            return None
        return Resolution(option, hired.manager, hired.at, _arrival(q, hired), hired.source)
    gone = next((d for d in departures if (d.manager, d.club) == (q.manager, q.club) and d.at >= since), None)
    if gone is not None and gone.at < q.deadline:
        return Resolution(q.options.index(NO), NO, gone.at, _exit(q, gone), gone.source)
    if now >= q.deadline:
        text = f"{q.manager} was still in charge at {q.club} on {q.deadline:%d %b %Y}"
        return Resolution(q.options.index(YES), YES, q.deadline, text)
    return None


class Referee:
    def __init__(self, game: Game, *, clock: Callable[[], datetime] | None = None) -> None:
        self.game = game
        self.clock = clock or game.clock
        self.wake = asyncio.Event()

    def outcomes_changed(self) -> None:
        """A saga's outcome may have changed (new thread events, a thread resolved): tick soon."""
        self.wake.set()

    async def tick(self) -> TickStats:
        stats = TickStats()
        now = self.clock()
        live = await self.game.book.live_questions()
        if live:
            await self._settle(live, now, stats)
        if self.game.settings.auto:
            await self._auto(now, stats)
        if (stats.opened or stats.locked or stats.resolved or stats.voided) and self.game.on_change is not None:
            self.game.on_change()
        return stats

    async def _settle(self, live: list[Question], now: datetime, stats: TickStats) -> None:
        since = min(q.opened_at for q in live) - LOOKBACK
        jobs = [q.club for q in live if q.kind is QuestionKind.NEXT_MANAGER]
        pairs = [(q.manager, q.club) for q in live if q.kind is QuestionKind.STILL_IN_CHARGE]
        appointments = await self.game.outcomes.appointments(jobs, since) if jobs else []
        departures = await self.game.outcomes.departures(pairs, since) if pairs else []
        void_after = timedelta(days=self.game.settings.void_after_days)
        for q in live:
            resolution = resolution_for(q, appointments, departures, now)
            if resolution is not None:
                if await self.resolve(q, resolution, now):
                    stats.resolved.append(q.id)
            elif q.kind is QuestionKind.NEXT_MANAGER and now >= q.deadline + void_after:
                text = f"no permanent appointment at {q.club} was reported by {q.deadline + void_after:%d %b %Y}"
                if await self.game.book.resolve_question(
                    q.id, QuestionStatus.VOID, outcome=None, text_=text, outcome_at=None, source="",
                    season=season_of(now), scores=(), now=now,
                ):  # fmt: skip
                    stats.voided.append(q.id)
            elif (
                q.status is QuestionStatus.OPEN
                and now >= q.deadline
                and await self.game.book.lock_question(q.id, q.deadline)
            ):
                stats.locked.append(q.id)

    async def resolve(self, q: Question, resolution: Resolution, now: datetime) -> bool:
        """Score every call made before the lock and record it all; False if it was settled meanwhile."""
        lock_at = min(q.lock_at, resolution.at)
        answers = await self.game.book.answers(q.id)
        reports = await self.game.sagas.saga_reports(
            q.club, q.opened_at - timedelta(days=self.game.settings.saga_days), lock_at
        )
        calls = [*fan_calls(q, answers, lock_at), *source_calls(q, reports, lock_at)]
        scores = score(q, calls, resolution, lock_at)
        done = await self.game.book.resolve_question(
            q.id,
            QuestionStatus.RESOLVED,
            outcome=resolution.option,
            text_=resolution.text,
            outcome_at=resolution.at,
            source=resolution.source,
            season=season_of(now),
            scores=scores,
            now=now,
        )
        if done:
            log.info("question #%d resolved: %s; %d call(s) scored", q.id, resolution.text, len(scores))
        return done

    async def _auto(self, now: datetime, stats: TickStats) -> None:
        """Open questions on sagas hotter than the threshold in the chats that follow them."""
        settings = self.game.settings
        since = now - timedelta(days=settings.saga_days)
        sagas: list[tuple[QuestionKind, str, str]] = []
        left = await self.game.outcomes.departures(None, since)
        hired = await self.game.outcomes.appointments([d.club for d in left], since) if left else []
        for d in left:
            if any(a.club == d.club and a.at >= d.at for a in hired):
                continue
            candidates = [c for c in await self.game.sagas.candidates(d.club, since, now) if c.manager != d.manager]
            if candidates and sum(c.heat for c in candidates) >= settings.heat_threshold:
                sagas.append((QuestionKind.NEXT_MANAGER, d.club, d.manager))
        gone = {(d.manager, d.club) for d in left}
        hot_since = now - timedelta(days=PRESSURE_HOT_DAYS)
        for s in await self.game.sagas.under_pressure(hot_since, now):
            if s.heat >= settings.heat_threshold and (s.manager, s.club) not in gone:
                sagas.append((QuestionKind.STILL_IN_CHARGE, s.club, s.manager))
        for kind, club, manager in sagas:
            for chat_key in await self.game.sagas.watchers(club, manager):
                if await self._asked_lately(chat_key, kind, club, manager, now):
                    continue
                with contextlib.suppress(Refusal):  # a full chat, or the saga asked meanwhile
                    if kind is QuestionKind.NEXT_MANAGER:
                        opened = await self.game.open_job(chat_key, club, AUTO, now=now)
                    else:
                        opened = await self.game.open_pressure(chat_key, manager, AUTO, now=now)
                    stats.opened.append(opened.question.id)

    async def _asked_lately(self, chat_key: str, kind: QuestionKind, club: str, manager: str, now: datetime) -> bool:
        """The bot does not ask a chat again about a saga it asked it about within ``deadline_days``."""
        recent = now - timedelta(days=self.game.settings.deadline_days)
        return any(
            q.kind is kind and q.club == club and (kind is QuestionKind.NEXT_MANAGER or q.manager == manager)
            and (q.opened_at >= recent or not q.is_closed)
            for q in await self.game.book.questions(chat_key, limit=200)
        )  # fmt: skip

    async def run(self, stop: asyncio.Event) -> None:
        """Tick every ``[predictions] tick_seconds``, and at once when woken, until ``stop``."""
        while not stop.is_set():
            try:
                await self.tick()
            except Exception:
                log.exception("prediction referee tick failed; retrying")
            self.wake.clear()
            waiters = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(self.wake.wait())]
            await asyncio.wait(waiters, timeout=self.game.settings.tick_seconds, return_when=asyncio.FIRST_COMPLETED)
            for waiter in waiters:
                waiter.cancel()
