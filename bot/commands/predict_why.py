"""/why q12: what became of a prediction question in this chat — who opened it, whether and when it was
posted, why it locked, how it resolved, and whether the asker's call counted."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from bot.commands.base import Invocation
from bot.predictions.game import AUTO
from bot.predictions.ports import QuestionBook
from bot.predictions.scoring import fan_calls
from bot.questions import Answer, PostKind, PostTrace, Question, QuestionStatus
from bot.render.card import Reply
from bot.render.predictions import question_text

QUESTION_ARG = re.compile(r"(?:q|question)\s*#?\s*(\d{1,12})", re.IGNORECASE)


def _at(at: datetime | None) -> str:
    return f"{at:%d %b %H:%M} UTC" if at else "?"


def _posted(post: PostTrace | None, what: str) -> str:
    if post is None:
        return f"{what}: not queued yet."
    if post.status == "sent":
        if post.error and "presumed" in post.error:
            return (
                f"{what}: presumed posted — the bot stopped while sending it and Telegram may already have it, so"
                " it was not sent again; the first vote on it matches the poll to the question."
            )
        return f"{what}: posted here {_at(post.sent_at)}."
    if post.status == "dropped":
        return f"{what}: not posted — the bot lost access to this chat ({post.error or 'chat unreachable'})."
    if post.status == "failed":
        return f"{what}: could not be posted ({post.error or 'unknown error'})."
    if post.attempts:
        return f"{what}: retrying after {post.attempts} failed attempt(s) ({post.error or 'unknown error'})."
    return f"{what}: queued, about to be posted."


class QuestionWhy:
    def __init__(self, book: QuestionBook, clock: Callable[[], datetime]) -> None:
        self.book = book
        self.clock = clock

    async def __call__(self, inv: Invocation) -> Reply | None:
        """The answer for a question argument ("q12", "question 12"); None for anything else."""
        match = QUESTION_ARG.fullmatch(inv.args.strip())
        if match is None:
            return None
        q = await self.book.question(int(match[1]))
        if q is None or q.chat_key != inv.chat.key:
            return Reply(f"There is no question #{match[1]} in this chat. /predict lists them.", ephemeral=True)
        posts = {p.kind: p for p in await self.book.post_traces(q.id)}
        by = (
            "automatically: the saga's heat passed [predictions] heat_threshold"
            if q.opened_by == AUTO
            else "by an admin"
        )
        lines = [
            f"Question #{q.id}: {question_text(q)}",
            f"• Opened {_at(q.opened_at)} {by}.",
            f"• {_posted(posts.get(PostKind.QUESTION), 'The question')}",
            f"• {self._state(q)}",
        ]
        if q.status in (QuestionStatus.RESOLVED, QuestionStatus.VOID):
            lines.append(f"• {_posted(posts.get(PostKind.RESULTS), 'The results')}")
        answers = await self.book.answers(q.id)
        fans = {a.user_id for a in answers}
        lines.append(f"• {len(fans)} fan(s) answered.")
        lines.append(f"• {self._mine(q, [a for a in answers if a.user_id == inv.user_id])}")
        return Reply("\n".join(lines))

    def _state(self, q: Question) -> str:
        if q.status is QuestionStatus.OPEN:
            return f"Open: calls count until {_at(q.deadline)}, or until the answer is known if sooner."
        if q.status is QuestionStatus.VOID:
            return f"Void: {q.outcome_text}. Nobody scores."
        why = "an admin closed it" if q.locked_at and q.locked_at < q.deadline else "its deadline came"
        if q.outcome_at is not None and q.outcome_at <= q.lock_at:
            why = "the answer became known"
        locked = f"Locked {_at(q.lock_at)}: {why}; calls made after that do not count."
        if q.status is QuestionStatus.LOCKED:
            return f"{locked} It is scored when the answer is known."
        answer = q.options[q.outcome] if q.outcome is not None else "?"
        source = f", reported by {q.outcome_source}" if q.outcome_source else ""
        return f"{locked} Resolved {_at(q.resolved_at)}: {answer} — {q.outcome_text}{source}."

    def _mine(self, q: Question, mine: Sequence[Answer]) -> str:
        if not mine:
            return "You have not answered it."
        lock = q.lock_at if q.is_closed else max(a.at for a in mine) + timedelta(seconds=1)
        counted = fan_calls(q, mine, lock)
        late = [a for a in mine if q.is_closed and a.at >= q.lock_at]
        if not counted:
            return "Your answers came after it locked, or you withdrew yours: you have no call on it."
        call = counted[0]
        text = f"Your call: {call.choice}, held since {_at(call.since)}"
        if late:
            text += f"; your change at {_at(late[-1].at)} came after it locked, so it does not count"
        return text + "."
