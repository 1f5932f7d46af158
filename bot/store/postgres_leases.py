"""PostgreSQL side of work sharing (docs/SCALING.md): feed leases and the take-back of delivery claims."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.store.base import Delivery, FeedRow
from bot.store.postgres_tx import Pool, affected, feed_row, utc, utc_or_none

log = logging.getLogger(__name__)


class PostgresLeases:
    def __init__(self, pool: Pool, columns: str) -> None:
        self._pool = pool
        self._columns = columns

    async def lease_due_feeds(self, worker: str, now: datetime, limit: int, lease_for: timedelta) -> list[FeedRow]:
        # SKIP LOCKED: feeds another worker is leasing right now are passed over, never leased twice;
        # a row it has just leased fails the lease_until test when re-checked after its commit.
        rows = await self._pool.fetch(
            "WITH due AS (SELECT id FROM feeds WHERE disabled_reason IS NULL"
            " AND (next_poll_at IS NULL OR next_poll_at <= $1) AND (lease_until IS NULL OR lease_until <= $1)"
            " ORDER BY next_poll_at NULLS FIRST, id LIMIT $2 FOR UPDATE SKIP LOCKED)"
            " UPDATE feeds f SET lease_owner = $3, lease_until = $4 FROM due WHERE f.id = due.id"
            f" RETURNING {', '.join('f.' + c.strip() for c in self._columns.split(','))}",
            utc(now),
            limit,
            worker,
            utc(now + lease_for),
        )
        feeds = [feed_row(r) for r in rows]
        feeds.sort(key=lambda f: (f.next_poll_at is not None, f.next_poll_at or now, f.id))
        return feeds

    async def renew_leases(self, worker: str, until: datetime) -> int:
        async with self._pool.acquire() as conn, conn.transaction():
            feeds = await conn.execute(
                "UPDATE feeds SET lease_until = $1 WHERE lease_owner = $2 AND lease_until IS NOT NULL",
                utc(until),
                worker,
            )
            claims = await conn.execute(
                "UPDATE deliveries SET claim_until = $1 WHERE claimed_by = $2 AND status = 'sending'",
                utc(until),
                worker,
            )
        return affected(feeds) + affected(claims)

    async def lease_holders(self) -> set[str]:
        rows = await self._pool.fetch(
            "SELECT lease_owner FROM feeds WHERE lease_owner IS NOT NULL UNION"
            " SELECT claimed_by FROM deliveries WHERE claimed_by IS NOT NULL AND status = 'sending'"
        )
        return {str(r[0]) for r in rows}

    async def drop_leases(self, workers: Sequence[str]) -> int:
        if not workers:
            return 0
        async with self._pool.acquire() as conn, conn.transaction():
            feeds = await conn.execute(
                "UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ANY($1::text[])",
                list(workers),
            )
            claims = await conn.execute(
                "UPDATE deliveries SET claim_until = NULL WHERE claimed_by = ANY($1::text[]) AND status = 'sending'",
                list(workers),
            )
        return affected(feeds) + affected(claims)

    async def release_claims(self, now: datetime | None = None) -> int:
        """Claims of a gone worker (with no ``now``: every claim, which assumes no other process is
        sending): 'sending' rows go back to 'pending', except those whose request had left for a
        platform without a nonce (sent_at set): presumed delivered. See docs/DELIVERY.md."""
        gone = "status = 'sending' AND ($1::timestamptz IS NULL OR claim_until IS NULL OR claim_until < $1)"
        at = utc_or_none(now)
        async with self._pool.acquire() as conn, conn.transaction():
            presumed = affected(
                await conn.execute(
                    "UPDATE deliveries SET status = 'sent', last_error = 'presumed delivered: in flight at a crash',"
                    f" claimed_by = NULL, claim_until = NULL WHERE {gone} AND sent_at IS NOT NULL",
                    at,
                )
            )
            released = affected(
                await conn.execute(
                    f"UPDATE deliveries SET status = 'pending', claimed_by = NULL, claim_until = NULL WHERE {gone}", at
                )
            )
        if presumed:
            log.warning(
                "%d delivery(ies) were in flight when the bot stopped: presumed delivered, not resent", presumed
            )
        return released

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
        # SKIP LOCKED: rows another claimer is taking are passed over, never handed out twice.
        rows = await self._pool.fetch(
            "WITH due AS (SELECT id FROM deliveries WHERE status = 'pending' AND next_attempt_at <= $1"
            " AND chat_key LIKE ANY($2::text[]) ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)"
            " UPDATE deliveries d SET status = 'sending', attempts = d.attempts + 1, sent_at = NULL,"
            " claimed_by = $4, claim_until = $5 FROM due, events e WHERE d.id = due.id AND e.id = d.event_id"
            " RETURNING d.id, d.event_id, d.thread_id, d.chat_key, d.ping_role, e.kind, e.stage, e.source, d.attempts",
            utc(now),
            [f"{p}:%" for p in platforms],
            limit,
            worker,
            utc(now + lease_for),
        )
        claimed = [
            Delivery(int(r[0]), int(r[1]), int(r[2]), str(r[3]), str(r[4]), str(r[5]), str(r[6]), str(r[7]), int(r[8]))
            for r in rows
        ]
        claimed.sort(key=lambda d: d.id)
        return claimed
