"""The status page's section on the prediction game: the latest questions, where they were asked, their
state and how many fans answered; and the Telegram answers still waiting for their poll to be matched."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from typing import Protocol

from bot.questions import Question, QuestionStatus
from bot.render.predictions import question_text

RECENT_QUESTIONS = 10


class QuestionReads(Protocol):
    """What the status page reads of the game (``store.predictions`` provides it)."""

    async def recent_questions(self, limit: int) -> list[Question]: ...
    async def answer_counts(self, question_ids: Sequence[int]) -> dict[int, int]: ...
    async def unmatched_answers(self) -> int: ...


@dataclass(frozen=True)
class QuestionsView:
    questions: tuple[Question, ...] = ()
    answers: Mapping[int, int] = field(default_factory=dict)
    unmatched: int = 0


async def read_questions(reads: QuestionReads) -> QuestionsView:
    questions = await reads.recent_questions(RECENT_QUESTIONS)
    counts = await reads.answer_counts([q.id for q in questions])
    return QuestionsView(tuple(questions), counts, await reads.unmatched_answers())


def _t(text: object) -> str:
    return escape(str(text), quote=True)


def _when(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d %H:%M UTC") if at else "?"


def _state(q: Question) -> str:
    if q.status is QuestionStatus.OPEN:
        return f"open until {_when(q.deadline)}"
    if q.status is QuestionStatus.LOCKED:
        return f"locked {_when(q.lock_at)}, waiting for the answer"
    if q.status is QuestionStatus.VOID:
        return f"void: {q.outcome_text}"
    answer = q.options[q.outcome] if q.outcome is not None else "?"
    return f"resolved {_when(q.resolved_at)}: {answer} ({q.outcome_text})"


def questions_section(view: QuestionsView) -> str:
    if not view.questions:
        return '<p class="muted">No prediction question has been asked yet.</p>'
    rows = "".join(
        f"<tr><td>#{q.id}</td><td>{_t(q.chat_key)}</td><td>{_t(question_text(q))}</td>"
        f"<td>{_t(_state(q))}</td><td>{view.answers.get(q.id, 0)}</td></tr>"
        for q in view.questions
    )
    unmatched = (
        f'<p class="muted">{view.unmatched} Telegram answer(s) wait for their poll to be matched to a question'
        " (a poll presumed posted after a restart is matched by its first vote).</p>"
        if view.unmatched
        else ""
    )
    return (
        "<table><thead><tr><th>question</th><th>chat</th><th>asks</th><th>state</th><th>fans</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>{unmatched}"
    )
