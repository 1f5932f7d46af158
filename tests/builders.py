"""Data builders that write threads, events and deliveries straight through the store's ingest
transaction: tests of delivery, commands and storage get their rows without running the analyser
(only tests/analysis/ and the end-to-end tests do)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

from bot.commands.names import NameResolver
from bot.commands.predict import PredictionCommands
from bot.config import PredictionSettings
from bot.domain import Cause, EventKind, Outcome, Relation, Report, ThreadEvent, ThreadState
from bot.domain.jobs import JobChange
from bot.predictions.game import Game
from bot.store.base import (
    NewClaim,
    NewDelivery,
    NewEvent,
    NewJob,
    NewReport,
    NewResolution,
    NewStory,
    QueuedDelivery,
    StoryRecord,
)
from bot.store.sql import Store


async def queue_alert(
    store: Store,
    chat_key: str,
    at: datetime,
    *,
    manager: str = "Xabi Alonso",
    club: str = "Bayern Munich",
    stage: Relation = Relation.TALKS,
    source: str = "David Ornstein",
    tier: int = 1,
) -> int:
    """A new thread with its 'created' event, queued for ``chat_key``; return the delivery's id."""
    state = ThreadState(None, manager, club, stage, at, at, tier, frozenset({source.lower()}), f"{manager}: {stage}.")
    async with store.transaction() as tx:
        [thread_id] = await tx.save_threads([state])
        [event_id] = await tx.add_events([NewEvent(thread_id, ThreadEvent(EventKind.CREATED, stage, source))], at)
        await tx.add_deliveries([QueuedDelivery(event_id, thread_id, NewDelivery(chat_key, ""))], at)
    rows = await store.dialect.fetch(
        "SELECT id FROM deliveries WHERE event_id = ? AND chat_key = ?", (event_id, chat_key)
    )
    return int(rows[0][0])


async def add_thread(
    store: Store,
    manager: str,
    club: str,
    stage: Relation,
    reports: list[tuple[datetime, str, int]],
    *,
    outcome: Outcome | None = None,
) -> int:
    """A thread with its reports ((when, source, tier), oldest first) and each source's claim; resolved
    as ``outcome`` (by a story) if given. Return its id."""
    first, last = reports[0][0], reports[-1][0]
    voices = frozenset(source.lower() for _, source, _ in reports)
    state = ThreadState(None, manager, club, stage, first, last, min(t for _, _, t in reports), voices, "")
    async with store.transaction() as tx:
        [thread_id] = await tx.save_threads([state])
        report_ids = await tx.add_reports(
            [
                NewReport(
                    thread_id,
                    None,
                    Report(
                        manager, club, stage, 0.8, "", source, tier, source.lower(), source, "", f"{manager}", "", at
                    ),
                    False,
                )
                for at, source, tier in reports
            ]
        )
        await tx.add_claims(
            [
                NewClaim(thread_id, source, report_id, manager, club, stage.value, tier, "", at)
                for (at, source, tier), report_id in zip(reports, report_ids, strict=True)
            ]
        )
        if outcome is not None:
            await tx.resolve([NewResolution(thread_id, outcome, Cause.STORY, report_ids[-1])], last)
    return thread_id


async def add_job(
    store: Store, manager: str, club: str, change: JobChange, at: datetime, *, caretaker: bool = False,
    source: str = "Chelsea (official)",
) -> None:  # fmt: skip
    await store.add_job(NewJob(manager, club, change.value, at, caretaker, source, "https://news.example/j"), at)


async def add_report(
    store: Store,
    manager: str,
    club: str,
    relation: Relation,
    at: datetime,
    *,
    source: str = "David Ornstein",
    tier: int = 1,
    stage: Relation | None = None,
    caretaker: bool = False,
    duplicate: bool = False,
    story: int | None = None,
) -> int:
    """One report (with its story) about ``manager`` at ``club``, in the pair's latest thread or a new one
    at ``stage`` (default: the report's relation); return the story's id. ``story`` adds the report to an
    existing story (a story naming several managers). A definite event (agreed, appointed, sacked, left)
    resolves its thread true, as the ingest does with a done report."""
    claim = {"manager": manager, "club": club, "relation": relation.value, **({"caretaker": True} if caretaker else {})}
    async with store.transaction() as tx:
        found = await tx.threads_for([(manager, club)], datetime.min.replace(tzinfo=at.tzinfo))
        state = found.get((manager, club))
        if state is None:
            state = ThreadState(None, manager, club, stage or relation, at, at, tier, frozenset({source}), "")
        else:
            state = ThreadState(
                state.id, manager, club, stage or state.stage, state.first_seen, max(at, state.last_update),
                min(tier, state.best_tier), state.voices | {source}, state.summary,
            )  # fmt: skip
        [thread_id] = await tx.save_threads([state])
        if story is None:
            [story] = await tx.insert_stories(
                [NewStory(None, StoryRecord("", "", "", "", json.dumps({"rumours": [claim]}), at))], at
            )
        report = Report(
            manager, club, relation, 0.9, "", source, tier, source, "", "", f"{manager} {club}", "", at,
            caretaker=caretaker,
        )  # fmt: skip
        [report_id] = await tx.add_reports([NewReport(thread_id, story, report, duplicate)])
        if relation in (Relation.AGREED, Relation.APPOINTED, Relation.SACKED, Relation.LEFT) and not duplicate:
            await tx.resolve([NewResolution(thread_id, Outcome.TRUE, Cause.STORY, report_id)], at)
    return story


def prediction_commands(
    store: Store, names: NameResolver, clock: Callable[[], datetime], **settings: object
) -> PredictionCommands:
    """The prediction game's commands on ``store``, as the composition root builds them."""

    def home_club(manager: str) -> str | None:
        entry = names.gazetteer.managers.get(manager)
        return entry.club if entry is not None else None

    config = PredictionSettings.model_validate(settings)
    game = Game(store.predictions, store.sagas, store.sagas, config, home_club=home_club, clock=clock)
    return PredictionCommands(game, store.predictions, names, clock)
