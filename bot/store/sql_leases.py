"""Work sharing between worker processes (docs/SCALING.md): feed leases and delivery claims.

Leasing and claiming are one ``UPDATE … WHERE id IN (SELECT … LIMIT n)`` each: on PostgreSQL the
inner SELECT skips rows another claimer has locked (``FOR UPDATE SKIP LOCKED``), so concurrent
claimers never get the same row; on SQLite the statement runs alone anyway.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.domain import EventKind
from bot.store.base import Delivery, FeedRow
from bot.store.dialect import Dialect, Row, as_time_or_none

log = logging.getLogger(__name__)

FEED_COLUMNS = (
    "id, url, outlet, etag, last_modified, first_poll_done, next_poll_at, failures, failing_since,"
    " last_error, disabled_reason, last_ok_at, title"
)
# Ends a feed's lease when its fetch is recorded: any lease when no worker is given, else only the
# worker's own (one that ran out and passed to another worker stays). Parameters: the worker, 4 times.
END_LEASE = (
    "lease_owner = CASE WHEN CAST(? AS TEXT) IS NULL OR lease_owner = ? THEN NULL ELSE lease_owner END,"
    " lease_until = CASE WHEN CAST(? AS TEXT) IS NULL OR lease_owner = ? THEN NULL ELSE lease_until END"
)
_DELIVERY_COLUMNS = "d.id, d.event_id, d.thread_id, d.chat_key, d.ping_role, e.kind, e.stage, e.source, d.attempts"


def feed_row(row: Row) -> FeedRow:
    return FeedRow(
        id=int(row[0]),
        url=str(row[1]),
        outlet=str(row[2]),
        etag=row[3],
        last_modified=row[4],
        first_poll_done=bool(row[5]),
        next_poll_at=as_time_or_none(row[6]),
        failures=int(row[7]),
        failing_since=as_time_or_none(row[8]),
        last_error=row[9],
        disabled_reason=row[10],
        last_ok_at=as_time_or_none(row[11]),
        title=str(row[12]),
    )


class Leases:
    def __init__(self, dialect: Dialect) -> None:
        self._d = dialect

    async def lease_due_feeds(self, worker: str, now: datetime, limit: int, lease_for: timedelta) -> list[FeedRow]:
        """Lease up to ``limit`` due feeds that no unexpired lease holds to ``worker`` until
        ``now + lease_for``; return them, most overdue first."""
        rows = await self._d.fetch(
            "UPDATE feeds SET lease_owner = ?, lease_until = ? WHERE id IN (SELECT id FROM feeds"
            " WHERE disabled_reason IS NULL AND (next_poll_at IS NULL OR next_poll_at <= ?)"
            " AND (lease_until IS NULL OR lease_until <= ?) ORDER BY next_poll_at NULLS FIRST, id LIMIT ?"
            f"{self._d.skip_locked}) RETURNING {FEED_COLUMNS}",
            (worker, now + lease_for, now, now, limit),
        )
        feeds = [feed_row(r) for r in rows]
        feeds.sort(key=lambda f: (f.next_poll_at is not None, f.next_poll_at or now, f.id))
        return feeds

    async def renew_leases(self, worker: str, until: datetime) -> int:
        """Extend the feed leases and delivery claims ``worker`` holds to ``until``; return how many."""
        async with self._d.transaction() as conn:
            feeds = await conn.execute(
                "UPDATE feeds SET lease_until = ? WHERE lease_owner = ? AND lease_until IS NOT NULL", (until, worker)
            )
            claims = await conn.execute(
                "UPDATE deliveries SET claim_until = ? WHERE claimed_by = ? AND status = 'sending'", (until, worker)
            )
        return feeds + claims

    async def lease_holders(self) -> set[str]:
        """The workers named on a feed lease or on a 'sending' delivery's claim, expired or not."""
        rows = await self._d.fetch(
            "SELECT lease_owner FROM feeds WHERE lease_owner IS NOT NULL UNION"
            " SELECT claimed_by FROM deliveries WHERE claimed_by IS NOT NULL AND status = 'sending'"
        )
        return {str(r[0]) for r in rows}

    async def drop_leases(self, workers: Sequence[str]) -> int:
        """The workers are known to be gone: their feed leases end and their delivery claims expire
        now (``release_claims`` takes those back). Return how many rows changed."""
        if not workers:
            return 0
        among, params = self._d.any_of(workers, "text")
        async with self._d.transaction() as conn:
            feeds = await conn.execute(
                f"UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE lease_owner {among}", params
            )
            claims = await conn.execute(
                f"UPDATE deliveries SET claim_until = NULL WHERE claimed_by {among} AND status = 'sending'", params
            )
        return feeds + claims

    async def release_claims(self, now: datetime | None = None) -> int:
        """Take back claims whose worker is gone: with ``now``, the 'sending' rows whose claim expired
        before it (or has no expiry); with None, every 'sending' row (one process, after a crash).
        Those go back to 'pending', except the ones in flight (sent_at set: their request may have
        reached a platform that cannot drop a resend), which are presumed delivered ('sent' with no
        message id). Return how many were re-queued. See docs/DELIVERY.md."""
        gone, params = "status = 'sending'", list[object]()
        if now is not None:
            gone, params = "status = 'sending' AND (claim_until IS NULL OR claim_until < ?)", [now]
        in_flight, marked, ids = "sent_at IS NOT NULL", await self._d.marked(), list[object]()
        if marked:
            among, ids = self._d.any_of(marked, "bigint")
            in_flight = f"(sent_at IS NOT NULL OR id {among})"
        async with self._d.transaction() as conn:
            presumed = await conn.execute(
                "UPDATE deliveries SET status = 'sent', last_error = 'presumed delivered: in flight at a crash',"
                f" claimed_by = NULL, claim_until = NULL WHERE {gone} AND {in_flight}",
                [*params, *ids],
            )
            released = await conn.execute(
                f"UPDATE deliveries SET status = 'pending', claimed_by = NULL, claim_until = NULL WHERE {gone}",
                params,
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
        """Mark up to ``limit`` due deliveries 'sending', claimed by ``worker`` until ``now + lease_for``
        (renewed by ``renew_leases``); concurrent claimers never get the same row."""
        if not platforms:
            return []
        clauses = " OR ".join("chat_key LIKE ?" for _ in platforms)
        async with self._d.transaction() as conn:
            claimed = await conn.fetch(
                "UPDATE deliveries SET status = 'sending', attempts = attempts + 1, sent_at = NULL,"
                " claimed_by = ?, claim_until = ? WHERE id IN (SELECT id FROM deliveries WHERE status = 'pending'"
                f" AND next_attempt_at <= ? AND ({clauses}) ORDER BY id LIMIT ?{self._d.skip_locked}) RETURNING id",
                (worker, now + lease_for, now, *(f"{p}:%" for p in platforms), limit),
            )
            if not claimed:
                return []
            among, params = self._d.any_of([int(r[0]) for r in claimed], "bigint")
            rows = await conn.fetch(
                f"SELECT {_DELIVERY_COLUMNS} FROM deliveries d JOIN events e ON e.id = d.event_id"
                f" WHERE d.id {among} ORDER BY d.id",
                params,
            )
        return [
            Delivery(int(r[0]), int(r[1]), int(r[2]), str(r[3]), str(r[4]), EventKind(r[5]), str(r[6]), str(r[7]), r[8])
            for r in rows
        ]
