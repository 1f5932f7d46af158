"""The prediction game's rows: questions, answers, scores, the chats' settings and the game's outbox.

Written once with ``?`` placeholders like the rest of the store and run by its ``Dialect``. The saga
reads (vacancies, candidates, outcomes, the reports sources are scored by) are in ``sql_sagas.py``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.questions import (
    Answer,
    NewQuestion,
    Player,
    Post,
    PostKind,
    PostTrace,
    Question,
    QuestionKind,
    QuestionStatus,
    Score,
)
from bot.store.dialect import Conn, Dialect, Row, as_time, as_time_or_none, text

log = logging.getLogger(__name__)

QUESTION_COLUMNS = (
    "id, chat_key, kind, club, manager, options, opened_at, opened_by, deadline, status, locked_at, outcome,"
    " outcome_text, outcome_at, outcome_source, resolved_at, season, message_id, poll_ref"
)
_LIVE = "status IN ('open', 'locked')"
_SCORE_COLUMNS = "question_id, player, player_id, name, choice, since, correct, points, versus, lead_seconds"


def question_row(r: Row) -> Question:
    return Question(
        id=int(r[0]),
        chat_key=str(r[1]),
        kind=QuestionKind(r[2]),
        club=str(r[3]),
        manager=str(r[4]),
        options=tuple(json.loads(r[5])),
        opened_at=as_time(r[6]),
        opened_by=str(r[7]),
        deadline=as_time(r[8]),
        status=QuestionStatus(r[9]),
        locked_at=as_time_or_none(r[10]),
        outcome=None if r[11] is None else int(r[11]),
        outcome_text=str(r[12]),
        outcome_at=as_time_or_none(r[13]),
        outcome_source=str(r[14]),
        resolved_at=as_time_or_none(r[15]),
        season=str(r[16]),
        message_id=str(r[17]),
        poll_ref=str(r[18]),
    )


def _score(r: Row) -> Score:
    return Score(
        question_id=int(r[0]),
        player=Player(r[1]),
        player_id=str(r[2]),
        name=str(r[3]),
        choice=str(r[4]),
        since=as_time(r[5]),
        correct=bool(r[6]),
        points=int(r[7]),
        versus=str(r[8]),
        lead_seconds=None if r[9] is None else int(r[9]),
    )


class PredictionSQL:
    def __init__(self, dialect: Dialect) -> None:
        self._d = dialect

    # -- questions -----------------------------------------------------------------------------

    async def open_question(self, q: NewQuestion) -> Question | None:
        """Store a question and queue its post, in one transaction; None when the chat already has a
        live (open or locked) question about that saga."""
        async with self._d.transaction() as conn:
            rows = await conn.fetch(
                "INSERT INTO questions (chat_key, kind, club, manager, options, opened_at, opened_by, deadline)"
                f" VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING {QUESTION_COLUMNS}",
                (
                    q.chat_key,
                    q.kind.value,
                    q.club,
                    q.manager,
                    json.dumps(list(q.options)),
                    q.opened_at,
                    q.opened_by,
                    q.deadline,
                ),
            )
            if not rows:
                return None
            question = question_row(rows[0])
            await self._queue(conn, question.id, question.chat_key, (PostKind.QUESTION,), q.opened_at)
        return question

    async def _queue(
        self, conn: Conn, question_id: int, chat_key: str, kinds: Sequence[PostKind], at: datetime
    ) -> None:
        for kind in kinds:
            await conn.execute(
                "INSERT INTO question_posts (question_id, kind, chat_key, next_attempt_at, created_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (question_id, kind.value, chat_key, at, at),
            )

    async def question(self, question_id: int) -> Question | None:
        rows = await self._d.fetch(f"SELECT {QUESTION_COLUMNS} FROM questions WHERE id = ?", (question_id,))
        return question_row(rows[0]) if rows else None

    async def questions(self, chat_key: str, *, live_only: bool = False, limit: int = 50) -> list[Question]:
        """The chat's questions, newest first."""
        live = f" AND {_LIVE}" if live_only else ""
        rows = await self._d.fetch(
            f"SELECT {QUESTION_COLUMNS} FROM questions WHERE chat_key = ?{live} ORDER BY id DESC LIMIT ?",
            (chat_key, limit),
        )
        return [question_row(r) for r in rows]

    async def live_questions(self) -> list[Question]:
        """Every open or locked question, in every chat, oldest first."""
        rows = await self._d.fetch(f"SELECT {QUESTION_COLUMNS} FROM questions WHERE {_LIVE} ORDER BY id")
        return [question_row(r) for r in rows]

    async def recent_questions(self, limit: int) -> list[Question]:
        """The newest questions of every chat (the status page)."""
        rows = await self._d.fetch(f"SELECT {QUESTION_COLUMNS} FROM questions ORDER BY id DESC LIMIT ?", (limit,))
        return [question_row(r) for r in rows]

    async def lock_question(self, question_id: int, at: datetime) -> bool:
        """Stop an open question taking answers at ``at`` and queue its lock post; False when it was not open."""
        async with self._d.transaction() as conn:
            rows = await conn.fetch(
                "UPDATE questions SET status = 'locked', locked_at = ? WHERE id = ? AND status = 'open'"
                " RETURNING chat_key",
                (at, question_id),
            )
            if rows:
                await self._queue(conn, question_id, str(rows[0][0]), (PostKind.LOCK,), at)
        return bool(rows)

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
    ) -> bool:
        """Record a live question's answer (or that it is void) and its scores, and queue its lock and
        results posts, in one transaction. False (and nothing written) when it was no longer live."""
        async with self._d.transaction() as conn:
            rows = await conn.fetch(
                "UPDATE questions SET status = ?, outcome = ?, outcome_text = ?, outcome_at = ?, outcome_source = ?,"
                f" season = ?, resolved_at = ?, locked_at = coalesce(locked_at, ?) WHERE id = ? AND {_LIVE}"
                " RETURNING chat_key",
                (status.value, outcome, text(text_), outcome_at, source, season, now, outcome_at or now, question_id),
            )
            if not rows:
                return False
            chat_key = str(rows[0][0])
            if scores:
                batch, params = self._d.batch(
                    ("text", "text", "text", "text", "timestamptz", "boolean", "int", "text", "bigint"),
                    [
                        (
                            s.player.value,
                            s.player_id,
                            text(s.name)[:100],
                            text(s.choice)[:100],
                            s.since,
                            s.correct,
                            s.points,
                            s.versus,
                            s.lead_seconds,
                        )
                        for s in scores
                    ],
                )
                await conn.execute(
                    f"INSERT INTO question_scores ({_SCORE_COLUMNS}, chat_key, season)"
                    f" SELECT ?, c0, c1, c2, c3, c4, c5, c6, c7, c8, ?, ? FROM {batch} ORDER BY n",
                    (question_id, chat_key, season, *params),
                )
            await self._queue(conn, question_id, chat_key, (PostKind.LOCK, PostKind.RESULTS), now)
        return True

    # -- answers -------------------------------------------------------------------------------

    async def record_answers(self, answers: Sequence[Answer]) -> int:
        """Add answers; one whose ``dedupe`` is already stored (a redelivered update) is skipped, and a
        Telegram answer is matched to its question by the poll's id when it is known. Return how many
        were new. Committed before returning."""
        if not answers:
            return 0
        batch, params = self._d.batch(
            ("bigint", "text", "text", "text", "text", "int", "timestamptz", "text"),
            [
                (a.question_id, a.platform, a.poll_ref, a.user_id, text(a.user_name)[:100], a.choice, a.at, a.dedupe)
                for a in answers
            ],
        )
        rows = await self._d.fetch(
            "INSERT INTO question_answers (question_id, platform, poll_ref, user_id, user_name, choice, answered_at,"
            " dedupe) SELECT coalesce(c0, (SELECT q.id FROM questions q WHERE c2 <> '' AND q.poll_ref = c2"
            f" ORDER BY q.id DESC LIMIT 1)), c1, c2, c3, c4, c5, c6, c7 FROM {batch} WHERE TRUE ORDER BY n"
            " ON CONFLICT (dedupe) DO NOTHING RETURNING id",
            params,
        )
        return len(rows)

    async def match_poll(self, question_id: int, poll_ref: str) -> bool:
        """A Telegram poll is found to be ``question_id``'s (its post was presumed delivered, so its id
        was not known): remember it and give the question the answers already stored for the poll."""
        async with self._d.transaction() as conn:
            changed = await conn.execute(
                "UPDATE questions SET poll_ref = ? WHERE id = ? AND poll_ref = ''", (poll_ref, question_id)
            )
            if changed:
                await self._attach(conn, question_id, poll_ref)
        return changed > 0

    async def _attach(self, conn: Conn, question_id: int, poll_ref: str) -> None:
        await conn.execute(
            "UPDATE question_answers SET question_id = ? WHERE question_id IS NULL AND poll_ref = ?",
            (question_id, poll_ref),
        )

    async def answers(self, question_id: int) -> list[Answer]:
        rows = await self._d.fetch(
            "SELECT user_id, user_name, choice, answered_at, question_id, platform, poll_ref, dedupe"
            " FROM question_answers WHERE question_id = ? ORDER BY answered_at, id",
            (question_id,),
        )
        return [
            Answer(
                str(r[0]),
                str(r[1]),
                None if r[2] is None else int(r[2]),
                as_time(r[3]),
                int(r[4]),
                str(r[5]),
                str(r[6]),
                str(r[7]),
            )
            for r in rows
        ]

    async def answer_counts(self, question_ids: Sequence[int]) -> dict[int, int]:
        """question id → how many fans answered it (withdrawn answers included)."""
        if not question_ids:
            return {}
        among, params = self._d.any_of(list(question_ids), "bigint")
        rows = await self._d.fetch(
            "SELECT question_id, count(DISTINCT user_id) FROM question_answers"
            f" WHERE question_id {among} GROUP BY question_id",
            params,
        )
        return {int(r[0]): int(r[1]) for r in rows}

    async def unmatched_answers(self) -> int:
        """Telegram answers whose poll is not matched to a question (yet)."""
        rows = await self._d.fetch("SELECT count(*) FROM question_answers WHERE question_id IS NULL")
        return int(rows[0][0])

    # -- scores --------------------------------------------------------------------------------

    async def scores(self, question_id: int) -> list[Score]:
        rows = await self._d.fetch(
            f"SELECT {_SCORE_COLUMNS} FROM question_scores WHERE question_id = ?"
            " ORDER BY player, points DESC, name, player_id",
            (question_id,),
        )
        return [_score(r) for r in rows]

    async def fan_scores(self, chat_key: str, user_id: str) -> list[Score]:
        """A fan's scored calls in a chat, newest question first."""
        rows = await self._d.fetch(
            f"SELECT {_SCORE_COLUMNS} FROM question_scores WHERE chat_key = ? AND player = 'fan' AND player_id = ?"
            " ORDER BY question_id DESC",
            (chat_key, user_id),
        )
        return [_score(r) for r in rows]

    async def totals(self, chat_key: str, season: str | None) -> list[tuple[str, str, int, int, int]]:
        """(user id, latest name, points, questions, right calls) of every fan scored in the chat, in a
        season or in all of them."""
        where, params = "chat_key = ? AND player = 'fan'", [chat_key]
        if season is not None:
            where, params = f"{where} AND season = ?", [chat_key, season]
        rows = await self._d.fetch(
            f"SELECT player_id, name, points, correct FROM question_scores WHERE {where} ORDER BY question_id",
            params,
        )
        names: dict[str, str] = {}
        sums: dict[str, tuple[int, int, int]] = {}
        for user_id, name, earned, correct in rows:
            total, questions, right = sums.get(str(user_id), (0, 0, 0))
            names[str(user_id)] = str(name)
            sums[str(user_id)] = (total + int(earned), questions + 1, right + bool(correct))
        return [(user_id, names[user_id], *sums[user_id]) for user_id in sums]

    async def seasons(self, chat_key: str) -> list[str]:
        rows = await self._d.fetch(
            "SELECT DISTINCT season FROM question_scores WHERE chat_key = ? ORDER BY season", (chat_key,)
        )
        return [str(r[0]) for r in rows]

    # -- chats ---------------------------------------------------------------------------------

    async def set_auto(self, chat_key: str, on: bool, now: datetime) -> bool:
        """Turn automatic questions on or off in a chat; False when it already was."""
        async with self._d.transaction() as conn:
            rows = await conn.fetch("SELECT auto FROM question_chats WHERE chat_key = ?", (chat_key,))
            was = bool(rows[0][0]) if rows else True
            await conn.execute(
                "INSERT INTO question_chats (chat_key, auto, changed_at) VALUES (?, ?, ?)"
                " ON CONFLICT (chat_key) DO UPDATE SET auto = excluded.auto, changed_at = excluded.changed_at",
                (chat_key, on, now),
            )
        return was != on

    async def auto_on(self, chat_key: str) -> bool:
        rows = await self._d.fetch("SELECT auto FROM question_chats WHERE chat_key = ?", (chat_key,))
        return bool(rows[0][0]) if rows else True

    # -- the game's outbox ---------------------------------------------------------------------

    async def claim_posts(
        self, platforms: Sequence[str], now: datetime, limit: int, *, worker: str = "", lease_for: timedelta
    ) -> list[Post]:
        """Mark up to ``limit`` due posts 'sending', claimed by ``worker``; concurrent claimers never get
        the same row."""
        if not platforms:
            return []
        clauses = " OR ".join("chat_key LIKE ?" for _ in platforms)
        rows = await self._d.fetch(
            "UPDATE question_posts SET status = 'sending', attempts = attempts + 1, sent_at = NULL, claimed_by = ?,"
            " claim_until = ? WHERE id IN (SELECT id FROM question_posts WHERE status = 'pending'"
            f" AND next_attempt_at <= ? AND ({clauses}) ORDER BY id LIMIT ?{self._d.skip_locked})"
            " RETURNING id, question_id, kind, chat_key, attempts",
            (worker, now + lease_for, now, *(f"{p}:%" for p in platforms), limit),
        )
        posts = [Post(int(r[0]), int(r[1]), PostKind(r[2]), str(r[3]), int(r[4])) for r in rows]
        return sorted(posts, key=lambda p: p.id)

    async def post_sent(self, post: Post, message_id: str, poll_ref: str, now: datetime) -> None:
        """A post went out; a question's post also gives the question its message and poll, and the
        question the answers stored for that poll before it was known."""
        async with self._d.transaction() as conn:
            await conn.execute(
                "UPDATE question_posts SET status = 'sent', message_id = ?, sent_at = ?, last_error = NULL,"
                " claimed_by = NULL, claim_until = NULL WHERE id = ?",
                (message_id, now, post.id),
            )
            if post.kind is PostKind.QUESTION:
                await conn.execute(
                    "UPDATE questions SET message_id = ?, poll_ref = CASE WHEN ? = '' THEN poll_ref ELSE ? END"
                    " WHERE id = ?",
                    (message_id, poll_ref, poll_ref, post.question_id),
                )
                if poll_ref:
                    await self._attach(conn, post.question_id, poll_ref)

    async def post_in_flight(self, post_id: int, since: datetime | None) -> None:
        """As ``delivery_in_flight`` for a post of the game (docs/DELIVERY.md)."""
        await self._d.mark_in_flight(post_id, since, outbox="question_posts")

    async def post_retry(self, post_id: int, error: str, next_attempt_at: datetime) -> None:
        await self._d.execute(
            "UPDATE question_posts SET status = 'pending', last_error = ?, next_attempt_at = ?, claimed_by = NULL,"
            " claim_until = NULL WHERE id = ?",
            (text(error)[:500], next_attempt_at, post_id),
        )

    async def post_failed(self, post_id: int, error: str, *, status: str = "failed") -> None:
        await self._d.execute(
            "UPDATE question_posts SET status = ?, last_error = ?, claimed_by = NULL, claim_until = NULL WHERE id = ?",
            (status, text(error)[:500], post_id),
        )

    async def release_post_claims(self, now: datetime | None = None) -> int:
        """As ``release_claims`` for the game's posts: rows left 'sending' by a worker that is gone go back
        to 'pending', except those in flight, which are presumed posted. Return how many were re-queued."""
        gone, params = "status = 'sending'", list[object]()
        if now is not None:
            gone, params = "status = 'sending' AND (claim_until IS NULL OR claim_until < ?)", [now]
        in_flight, marked, ids = "sent_at IS NOT NULL", await self._d.marked(outbox="question_posts"), list[object]()
        if marked:
            among, ids = self._d.any_of(marked, "bigint")
            in_flight = f"(sent_at IS NOT NULL OR id {among})"
        async with self._d.transaction() as conn:
            presumed = await conn.execute(
                "UPDATE question_posts SET status = 'sent', last_error = 'presumed delivered: in flight at a crash',"
                f" claimed_by = NULL, claim_until = NULL WHERE {gone} AND {in_flight}",
                [*params, *ids],
            )
            released = await conn.execute(
                f"UPDATE question_posts SET status = 'pending', claimed_by = NULL, claim_until = NULL WHERE {gone}",
                params,
            )
        if presumed:
            log.warning(
                "%d question post(s) were in flight when the bot stopped: presumed posted, not resent", presumed
            )
        return released

    async def post_traces(self, question_id: int) -> list[PostTrace]:
        rows = await self._d.fetch(
            "SELECT kind, status, attempts, last_error, sent_at FROM question_posts WHERE question_id = ? ORDER BY id",
            (question_id,),
        )
        return [PostTrace(PostKind(r[0]), str(r[1]), int(r[2]), r[3], as_time_or_none(r[4])) for r in rows]
