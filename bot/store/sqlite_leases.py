"""SQLite side of work sharing (docs/SCALING.md): feed leases and the take-back of delivery claims.

Each operation is one write under the store's lock; leasing is one ``BEGIN IMMEDIATE`` transaction,
which other processes on the same file wait for.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

import aiosqlite

from bot.store.base import Delivery, FeedRow
from bot.store.timefmt import ts

log = logging.getLogger(__name__)

# Ends a feed's lease when its fetch is recorded: any lease when no worker is given, else only the
# worker's own (one that ran out and passed to another worker stays). Parameters: the worker, 4 times.
END_LEASE = (
    "lease_owner = CASE WHEN ? IS NULL OR lease_owner = ? THEN NULL ELSE lease_owner END,"
    " lease_until = CASE WHEN ? IS NULL OR lease_owner = ? THEN NULL ELSE lease_until END"
)


class SQLiteLeases:
    def __init__(
        self, db: aiosqlite.Connection, write: asyncio.Lock, columns: str, feed: Callable[[Any], FeedRow]
    ) -> None:
        self._db = db
        self._write = write
        self._columns = columns
        self._feed = feed

    async def _rows(self, sql: str, params: Sequence[object] = ()) -> list[Any]:
        async with self._db.execute(sql, params) as cur:
            return list(await cur.fetchall())

    async def lease_due_feeds(self, worker: str, now: datetime, limit: int, lease_for: timedelta) -> list[FeedRow]:
        # One write transaction: another process's lease waits for it (SQLite's one writer).
        async with self._write:
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                rows = await self._rows(
                    f"SELECT {self._columns} FROM feeds WHERE disabled_reason IS NULL"
                    " AND (next_poll_at = '' OR next_poll_at <= ?) AND (lease_until IS NULL OR lease_until <= ?)"
                    " ORDER BY next_poll_at, id LIMIT ?",
                    (ts(now), ts(now), limit),
                )
                if rows:
                    marks = ",".join("?" * len(rows))
                    await self._db.execute(
                        f"UPDATE feeds SET lease_owner = ?, lease_until = ? WHERE id IN ({marks})",
                        (worker, ts(now + lease_for), *(r[0] for r in rows)),
                    )
            except BaseException:
                await self._db.execute("ROLLBACK")
                raise
            await self._db.execute("COMMIT")
        return [self._feed(r) for r in rows]

    async def renew_leases(self, worker: str, until: datetime) -> int:
        async with self._write:
            feeds = await self._db.execute(
                "UPDATE feeds SET lease_until = ? WHERE lease_owner = ? AND lease_until IS NOT NULL",
                (ts(until), worker),
            )
            claims = await self._db.execute(
                "UPDATE deliveries SET claim_until = ? WHERE claimed_by = ? AND status = 'sending'", (ts(until), worker)
            )
        return feeds.rowcount + claims.rowcount

    async def lease_holders(self) -> set[str]:
        rows = await self._rows(
            "SELECT lease_owner FROM feeds WHERE lease_owner IS NOT NULL UNION"
            " SELECT claimed_by FROM deliveries WHERE claimed_by IS NOT NULL AND status = 'sending'"
        )
        return {str(r[0]) for r in rows}

    async def drop_leases(self, workers: Sequence[str]) -> int:
        if not workers:
            return 0
        marks = ",".join("?" * len(workers))
        async with self._write:
            feeds = await self._db.execute(
                f"UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IN ({marks})", list(workers)
            )
            claims = await self._db.execute(
                f"UPDATE deliveries SET claim_until = NULL WHERE claimed_by IN ({marks}) AND status = 'sending'",
                list(workers),
            )
        return feeds.rowcount + claims.rowcount

    async def release_claims(self, now: datetime | None = None) -> int:
        """Claims of a gone worker (all claims with no ``now``): 'sending' rows go back to 'pending'
        (a platform nonce drops a resend), except those whose request had left for a platform
        without one (sent_at set): they are presumed delivered. See docs/DELIVERY.md."""
        gone, params = "status = 'sending'", tuple[str, ...]()
        if now is not None:
            gone, params = "status = 'sending' AND (claim_until IS NULL OR claim_until < ?)", (ts(now),)
        async with self._write:
            await self._db.execute("BEGIN IMMEDIATE")
            presumed = await self._db.execute(
                "UPDATE deliveries SET status = 'sent', last_error = 'presumed delivered: in flight at a crash',"
                f" claimed_by = NULL, claim_until = NULL WHERE {gone} AND sent_at IS NOT NULL",
                params,
            )
            released = await self._db.execute(
                f"UPDATE deliveries SET status = 'pending', claimed_by = NULL, claim_until = NULL WHERE {gone}", params
            )
            await self._db.execute("COMMIT")
        if presumed.rowcount:
            log.warning(
                "%d delivery(ies) were in flight when the bot stopped: presumed delivered, not resent",
                presumed.rowcount,
            )
        return released.rowcount

    async def claim_deliveries(
        self,
        platforms: Sequence[str],
        now: datetime,
        limit: int,
        *,
        worker: str = "",
        lease_for: timedelta = timedelta(0),
    ) -> list[Delivery]:
        if not platforms:
            return []
        clauses = " OR ".join("d.chat_key LIKE ?" for _ in platforms)
        async with self._write:  # one write transaction: another process's claim waits for it
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                rows = await self._rows(
                    "SELECT d.id, d.event_id, d.thread_id, d.chat_key, d.ping_role, e.kind, e.stage, e.source,"
                    " d.attempts FROM deliveries d JOIN events e ON e.id = d.event_id"
                    f" WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND ({clauses})"
                    " ORDER BY d.id LIMIT ?",
                    (ts(now), *(f"{p}:%" for p in platforms), limit),
                )
                if rows:
                    marks = ",".join("?" * len(rows))
                    await self._db.execute(
                        f"UPDATE deliveries SET status = 'sending', attempts = attempts + 1, sent_at = NULL,"
                        f" claimed_by = ?, claim_until = ? WHERE id IN ({marks})",
                        [worker, ts(now + lease_for), *(r[0] for r in rows)],
                    )
            except BaseException:
                await self._db.execute("ROLLBACK")
                raise
            await self._db.execute("COMMIT")
        return [Delivery(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8] + 1) for r in rows]
