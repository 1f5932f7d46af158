"""The store: every query written once, run by a ``Dialect`` (SQLite or PostgreSQL).

Consumers do not take this class: each takes the small Protocol it owns (``FeedStore`` in the poller,
``DeliveryStore`` in the dispatcher, …), which this class happens to satisfy. Leases and claims live
in ``sql_leases.py``, the ingest transaction in ``sql_ingest.py``, thread views and /why reads in
``tracing.py``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

from bot.domain import DeliveryMode, TargetKind
from bot.store.base import ChatPrefs, Delivery, EntryTrace, EventTrace, FeedRow, Subscription, ThreadView
from bot.store.dialect import INGEST_LOCK, LLM_LOCK, Dialect, as_time, text
from bot.store.sql_ingest import SQLIngestTx
from bot.store.sql_leases import END_LEASE, FEED_COLUMNS, Leases, feed_row
from bot.store.sql_predictions import PredictionSQL
from bot.store.sql_records import RecordStore
from bot.store.sql_sagas import SagaSQL
from bot.store.tracing import TraceReads

log = logging.getLogger(__name__)


class SQLStore(RecordStore):
    """Records, learned jobs, tier overrides and boards are in ``sql_records.RecordStore``."""

    def __init__(self, dialect: Dialect) -> None:
        super().__init__(dialect)
        self.dialect = dialect
        self._leases = Leases(dialect)
        self._reads = TraceReads(dialect)
        # The prediction game's rows and its reads of sagas: the game's ports take these directly.
        self.predictions = PredictionSQL(dialect)
        self.sagas = SagaSQL(dialect)

    async def close(self) -> None:
        await self.dialect.close()

    async def migrate(self) -> list[int]:
        """Apply pending migrations; return the versions applied now."""
        return await self.dialect.migrate()

    async def schema_version(self) -> int:
        return await self.dialect.schema_version()

    async def integrity_check(self) -> str:
        return await self.dialect.integrity_check()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[SQLIngestTx]:
        """The ingest's write transaction: one at a time across every process sharing the database."""
        async with self.dialect.transaction(INGEST_LOCK) as conn:
            yield SQLIngestTx(self.dialect, conn)

    # -- feeds ---------------------------------------------------------------------------------

    async def sync_feeds(self, feeds: Sequence[tuple[str, str]], now: datetime) -> int:
        if not feeds:
            return 0
        batch, params = self.dialect.batch(("text", "text"), feeds)
        rows = await self.dialect.fetch(
            f"INSERT INTO feeds (url, outlet, added_at) SELECT c0, c1, ? FROM {batch} WHERE TRUE ORDER BY n"
            " ON CONFLICT (url) DO NOTHING RETURNING id",
            (now, *params),
        )
        return len(rows)

    async def add_feed(self, url: str, outlet: str, now: datetime) -> FeedRow:
        [row] = await self.dialect.fetch(
            "INSERT INTO feeds (url, outlet, added_at) VALUES (?, ?, ?) ON CONFLICT (url) DO UPDATE SET"
            " outlet = excluded.outlet, disabled_reason = NULL, failures = 0, failing_since = NULL,"
            f" last_error = NULL, next_poll_at = {self.dialect.poll_now} RETURNING {FEED_COLUMNS}",
            (url, outlet, now),
        )
        return feed_row(row)

    async def remove_feed(self, url: str) -> bool:
        return await self.dialect.execute("DELETE FROM feeds WHERE url = ?", (url,)) > 0

    async def list_feeds(self) -> list[FeedRow]:
        return [feed_row(r) for r in await self.dialect.fetch(f"SELECT {FEED_COLUMNS} FROM feeds ORDER BY id")]

    async def due_feeds(self, now: datetime, limit: int) -> list[FeedRow]:
        rows = await self.dialect.fetch(
            f"SELECT {FEED_COLUMNS} FROM feeds WHERE disabled_reason IS NULL"
            " AND (next_poll_at IS NULL OR next_poll_at <= ?) ORDER BY next_poll_at NULLS FIRST, id LIMIT ?",
            (now, limit),
        )
        return [feed_row(r) for r in rows]

    async def known_entry_keys(self, feed_id: int, keys: Sequence[str]) -> set[str]:
        if not keys:
            return set()
        among, params = self.dialect.any_of(keys, "text")
        rows = await self.dialect.fetch(
            f"SELECT entry_key FROM entries WHERE feed_id = ? AND entry_key {among}", (feed_id, *params)
        )
        return {str(r[0]) for r in rows}

    async def record_fetch_ok(
        self,
        feed_id: int,
        *,
        etag: str | None,
        last_modified: str | None,
        next_poll_at: datetime,
        now: datetime,
        moved_to: str | None = None,
        title: str | None = None,
        worker: str | None = None,
    ) -> None:
        async with self.dialect.transaction() as conn:
            await conn.execute(
                "UPDATE feeds SET etag = ?, last_modified = ?, next_poll_at = ?, failures = 0,"
                " failing_since = NULL, last_error = NULL, last_ok_at = ?, first_poll_done = TRUE,"
                f" title = coalesce(?, title), {END_LEASE} WHERE id = ?",
                (etag, last_modified, next_poll_at, now, title and text(title)[:300], *[worker] * 4, feed_id),
            )
            if moved_to:
                taken = await conn.fetch("SELECT id FROM feeds WHERE url = ?", (moved_to,))
                if taken:
                    log.warning("feed %d moved to %s, which is already a feed; keeping the old URL", feed_id, moved_to)
                else:
                    await conn.execute("UPDATE feeds SET url = ? WHERE id = ?", (moved_to, feed_id))

    async def record_fetch_failure(
        self,
        feed_id: int,
        *,
        error: str,
        next_poll_at: datetime,
        now: datetime,
        disable: bool,
        worker: str | None = None,
    ) -> int:
        error = text(error)[:500]
        rows = await self.dialect.fetch(
            "UPDATE feeds SET failures = failures + 1, failing_since = coalesce(failing_since, ?),"
            " last_error = ?, next_poll_at = ?, disabled_reason = CASE WHEN ? THEN CAST(? AS TEXT) ELSE NULL END,"
            f" {END_LEASE} WHERE id = ? RETURNING failures",
            (now, error, next_poll_at, disable, error, *[worker] * 4, feed_id),
        )
        return int(rows[0][0]) if rows else 0

    # -- leases and claims of workers (sql_leases.py, docs/SCALING.md) ---------------------------

    async def lease_due_feeds(self, worker: str, now: datetime, limit: int, lease_for: timedelta) -> list[FeedRow]:
        return await self._leases.lease_due_feeds(worker, now, limit, lease_for)

    async def renew_leases(self, worker: str, until: datetime) -> int:
        return await self._leases.renew_leases(worker, until)

    async def lease_holders(self) -> set[str]:
        return await self._leases.lease_holders()

    async def drop_leases(self, workers: Sequence[str]) -> int:
        return await self._leases.drop_leases(workers)

    async def claim_deliveries(
        self,
        platforms: Sequence[str],
        now: datetime,
        limit: int,
        *,
        worker: str = "",
        lease_for: timedelta = timedelta(0),
    ) -> list[Delivery]:
        return await self._leases.claim_deliveries(platforms, now, limit, worker=worker, lease_for=lease_for)

    async def release_claims(self, now: datetime | None = None) -> int:
        return await self._leases.release_claims(now)

    # -- reads for commands, the page and /why (tracing.py) -------------------------------------

    async def threads_about(
        self, *, manager: str | None = None, club: str | None = None, limit: int = 10
    ) -> list[ThreadView]:
        return await self._reads.threads_about(manager=manager, club=club, limit=limit)

    async def hot_threads(self, now: datetime, limit: int) -> list[ThreadView]:
        return await self._reads.hot_threads(now, limit)

    async def thread(self, thread_id: int) -> ThreadView | None:
        return await self._reads.thread(thread_id)

    async def entries_by_link(self, key: str, limit: int = 5) -> list[EntryTrace]:
        return await self._reads.entries_by_link(key, limit)

    async def thread_entries(self, thread_id: int, limit: int = 20) -> list[EntryTrace]:
        return await self._reads.thread_entries(thread_id, limit)

    async def thread_log(self, thread_id: int, chat_key: str) -> list[EventTrace]:
        return await self._reads.thread_log(thread_id, chat_key)

    # -- follows and chat settings --------------------------------------------------------------

    async def follow(self, chat_key: str, kind: TargetKind, target: str, ping_role: str, now: datetime) -> bool:
        async with self.dialect.transaction() as conn:
            rows = await conn.fetch(
                "SELECT active, ping_role FROM subscriptions WHERE chat_key = ? AND target_kind = ? AND target = ?"
                + self.dialect.for_update,
                (chat_key, kind, target),
            )
            await conn.execute(
                "INSERT INTO subscriptions (chat_key, target_kind, target, ping_role, active, created_at)"
                " VALUES (?, ?, ?, ?, TRUE, ?) ON CONFLICT (chat_key, target_kind, target) DO UPDATE SET"
                " active = TRUE, ping_role = excluded.ping_role",
                (chat_key, kind, target, ping_role, now),
            )
        return not rows or not rows[0][0] or rows[0][1] != ping_role

    async def unfollow(self, chat_key: str, kind: TargetKind, target: str) -> bool:
        sql = "DELETE FROM subscriptions WHERE chat_key = ? AND target_kind = ? AND target = ?"
        return await self.dialect.execute(sql, (chat_key, kind, target)) > 0

    async def following(self, chat_key: str) -> list[Subscription]:
        order = self.dialect.byte_order
        rows = await self.dialect.fetch(
            "SELECT chat_key, target_kind, target, ping_role, active, created_at FROM subscriptions"
            f" WHERE chat_key = ? ORDER BY target_kind{order}, target{order}",
            (chat_key,),
        )
        return [
            Subscription(str(r[0]), TargetKind(r[1]), str(r[2]), str(r[3]), bool(r[4]), as_time(r[5])) for r in rows
        ]

    async def deactivate_chat(self, chat_key: str) -> int:
        """Pause the chat's follows and drop its queued deliveries (and question posts); a key with no thread part
        (``"telegram:-100:"``) covers the chat's topics too. Return how many follows were paused."""
        match, params = "chat_key = ?", list[object]([chat_key])
        if chat_key.endswith(":"):  # "platform:chat:" (no thread) is the whole chat: its topics' keys start with it
            match, params = "substr(chat_key, 1, ?) = ?", [len(chat_key), chat_key]
        async with self.dialect.transaction() as conn:
            paused = await conn.execute(f"UPDATE subscriptions SET active = FALSE WHERE {match} AND active", params)
            for outbox in ("deliveries", "question_posts"):
                await conn.execute(
                    f"UPDATE {outbox} SET status = 'dropped', last_error = 'chat unreachable'"
                    f" WHERE {match} AND status IN ('pending', 'sending')",
                    params,
                )
            await conn.execute(f"DELETE FROM boards WHERE {match}", params)
        return paused

    async def chat_prefs(self, chat_key: str) -> ChatPrefs:
        sql = "SELECT mode, min_tier, min_stage FROM chat_prefs WHERE chat_key = ?"
        rows = await self.dialect.fetch(sql, (chat_key,))
        return ChatPrefs(DeliveryMode(rows[0][0]), int(rows[0][1]), str(rows[0][2])) if rows else ChatPrefs()

    async def set_chat_prefs(self, chat_key: str, prefs: ChatPrefs) -> None:
        await self.dialect.execute(
            "INSERT INTO chat_prefs (chat_key, mode, min_tier, min_stage) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (chat_key) DO UPDATE SET mode = excluded.mode, min_tier = excluded.min_tier,"
            " min_stage = excluded.min_stage",
            (chat_key, prefs.mode, prefs.min_tier, prefs.min_stage),
        )

    # -- deliveries ----------------------------------------------------------------------------

    async def delivery_sent(
        self, delivery_id: int, message_id: str, now: datetime, *, remember_message: bool = True
    ) -> None:
        async with self.dialect.transaction() as conn:
            await conn.execute(
                "UPDATE deliveries SET status = 'sent', message_id = ?, sent_at = ?, last_error = NULL WHERE id = ?",
                (message_id, now, delivery_id),
            )
            if remember_message:
                await conn.execute(
                    "INSERT INTO thread_messages (thread_id, chat_key, message_id)"
                    " SELECT thread_id, chat_key, ? FROM deliveries WHERE id = ? ON CONFLICT DO NOTHING",
                    (message_id, delivery_id),
                )

    async def delivery_in_flight(self, delivery_id: int, since: datetime | None) -> None:
        """Record (or, with None, clear) that a claimed delivery's request is leaving for a platform
        that cannot drop a resend; see docs/DELIVERY.md."""
        await self.dialect.mark_in_flight(delivery_id, since)

    async def delivery_retry(self, delivery_id: int, error: str, next_attempt_at: datetime) -> None:
        await self.dialect.execute(
            "UPDATE deliveries SET status = 'pending', last_error = ?, next_attempt_at = ? WHERE id = ?",
            (text(error)[:500], next_attempt_at, delivery_id),
        )

    async def delivery_failed(self, delivery_id: int, error: str) -> None:
        sql = "UPDATE deliveries SET status = 'failed', last_error = ? WHERE id = ?"
        await self.dialect.execute(sql, (text(error)[:500], delivery_id))

    async def thread_message(self, thread_id: int, chat_key: str) -> str | None:
        sql = "SELECT message_id FROM thread_messages WHERE thread_id = ? AND chat_key = ?"
        rows = await self.dialect.fetch(sql, (thread_id, chat_key))
        return str(rows[0][0]) if rows else None

    async def delivery_counts(self) -> dict[str, int]:
        """How many deliveries are in each status right now; statuses with none are left out."""
        rows = await self.dialect.fetch("SELECT status, count(*) FROM deliveries GROUP BY status")
        return {str(r[0]): int(r[1]) for r in rows}

    # -- language-model calls ------------------------------------------------------------------

    async def llm_cached(self, article_key: str) -> str | None:
        """The latest successful answer stored for the article, or None."""
        sql = "SELECT response FROM llm_calls WHERE article_key = ? AND ok ORDER BY id DESC LIMIT 1"
        rows = await self.dialect.fetch(sql, (article_key,))
        return str(rows[0][0]) if rows else None

    async def llm_reserve(self, article_key: str, now: datetime, daily_budget: int) -> int | None:
        """Record a call about to be made and return its id, unless ``daily_budget`` calls were already
        made on ``now``'s UTC day: then None. Atomic across concurrent callers."""
        day = now.astimezone(UTC).date().isoformat()
        async with self.dialect.transaction(LLM_LOCK) as conn:  # count and insert under one lock
            rows = await conn.fetch(
                "INSERT INTO llm_calls (article_key, day, called_at) SELECT ?, ?, ?"
                " WHERE (SELECT count(*) FROM llm_calls WHERE day = ?) < ? RETURNING id",
                (article_key, day, now, day, daily_budget),
            )
        return int(rows[0][0]) if rows else None

    async def llm_finish(self, call_id: int, *, response: str = "", error: str = "") -> None:
        """Store a reserved call's validated answer (then the article's cached answer) or why it failed."""
        await self.dialect.execute(
            "UPDATE llm_calls SET ok = ?, response = ?, error = ? WHERE id = ?",
            (bool(response) and not error, text(response), text(error)[:500], call_id),
        )


Store = SQLStore  # the whole store, for the composition root and the tests; consumers take their ports
