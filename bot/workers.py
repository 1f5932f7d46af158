"""One worker process among several on one database: its id, its roles, and the lease keeper.

A worker's id is ``host-pid-random``. Feed leases and delivery claims carry it and hold for
``[store] lease_seconds``; the keeper renews them while the process lives, so they run out only
when it dies (or hangs). Besides waiting for that, the keeper recognises dead workers of its own
host at once (their process is gone, or it is an earlier run under this very pid, as in a
restarted container) and ends their leases; and it re-queues the expired claims of any worker.
docs/SCALING.md tells the story.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from bot.domain import Platform, utcnow
from bot.ids import new_worker_id

__all__ = ["ALL_ROLES", "ROLES", "LeaseKeeper", "LeaseStore", "RoleError", "Roles", "new_worker_id"]

log = logging.getLogger(__name__)

ROLES = ("all", "poller", "dispatcher", Platform.DISCORD.value, Platform.TELEGRAM.value)  # a platform: its commands


class RoleError(ValueError):
    """A ``--role`` value or combination that cannot run; the message says why."""


def parse_roles(text: str) -> frozenset[str]:
    """``poller,dispatcher`` → {"poller", "dispatcher"}; ``all`` stands alone."""
    roles = frozenset(part.strip() for part in text.split(",") if part.strip())
    if not roles:
        raise RoleError("--role: give at least one of " + ", ".join(ROLES))
    unknown = sorted(roles - set(ROLES))
    if unknown:
        raise RoleError(f"--role: unknown role {unknown[0]!r}; choose from {', '.join(ROLES)}")
    if "all" in roles and len(roles) > 1:
        raise RoleError("--role: 'all' already includes every role; give it alone")
    return roles


@dataclass(frozen=True)
class Roles:
    """What one process does: poll feeds, deliver (to which platforms), take which platform's commands."""

    names: frozenset[str]

    @property
    def everything(self) -> bool:
        return "all" in self.names

    @property
    def polls(self) -> bool:
        return self.everything or "poller" in self.names

    def takes_updates(self, platform: str) -> bool:
        """Whether this process takes the platform's commands (Telegram updates, the Discord gateway)."""
        return self.everything or platform in self.names

    def delivers(self, platform: str) -> bool:
        return self.everything or "dispatcher" in self.names or platform in self.names

    def check(self, *, telegram: bool, discord: bool) -> None:
        """Refuse a combination that cannot work with the tokens given (``telegram``/``discord``: set)."""
        if Platform.TELEGRAM in self.names and not telegram:
            raise RoleError("--role telegram needs TELEGRAM_TOKEN")
        if Platform.DISCORD in self.names and not discord:
            raise RoleError("--role discord needs DISCORD_TOKEN")
        if "dispatcher" in self.names and not telegram:
            raise RoleError(
                "--role dispatcher sends Telegram deliveries and needs TELEGRAM_TOKEN (Discord deliveries are"
                " sent by the processes with --role discord; the console chat runs only with --role all)"
            )


def dead_local_workers(holders: Iterable[str], me: str) -> list[str]:
    """The holders that ran on this host and are certainly gone: their pid no longer runs, or it is
    this process's pid under another id (an earlier run, e.g. in a restarted container)."""
    host, pid, _ = me.rsplit("-", 2)
    dead = []
    for holder in holders:
        parts = holder.rsplit("-", 2)
        if holder == me or len(parts) != 3 or parts[0] != host or not parts[1].isdigit():
            continue
        if int(parts[1]) == int(pid) or not _running(int(parts[1])):
            dead.append(holder)
    return dead


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


ALL_ROLES = Roles(frozenset({"all"}))


class LeaseStore(Protocol):
    """Leases and claims as the keeper sees them (``bot.store.sql.SQLStore`` provides them)."""

    async def renew_leases(self, worker: str, until: datetime) -> int:
        """Extend the feed leases and delivery claims ``worker`` holds to ``until``; return how many."""
        ...

    async def lease_holders(self) -> set[str]:
        """The workers named on a feed lease or on a 'sending' delivery's claim, expired or not."""
        ...

    async def drop_leases(self, workers: Sequence[str]) -> int:
        """The workers are gone: their feed leases end and their delivery claims expire now."""
        ...

    async def release_claims(self, now: datetime | None = None) -> int:
        """Re-queue the claims that expired before ``now``; return how many."""
        ...


class LeaseKeeper:
    """Renews this worker's leases, ends those of dead local workers, re-queues expired claims."""

    def __init__(
        self,
        store: LeaseStore,
        worker: str,
        lease_seconds: float,
        *,
        clock: Callable[[], datetime] = utcnow,
        on_released: Callable[[], None] | None = None,
    ) -> None:
        self.store = store
        self.worker = worker
        self.lease_for = timedelta(seconds=lease_seconds)
        self.clock = clock
        self.on_released = on_released

    async def tick(self) -> int:
        """One round; return how many deliveries went back to the queue."""
        now = self.clock()
        await self.store.renew_leases(self.worker, now + self.lease_for)
        dead = dead_local_workers(await self.store.lease_holders(), self.worker)
        if dead:
            await self.store.drop_leases(dead)
            log.info("took over the leases of %d stopped worker(s): %s", len(dead), ", ".join(sorted(dead)))
        released = await self.store.release_claims(now)
        if released:
            log.info("re-queued %d delivery(ies) whose worker stopped", released)
            if self.on_released is not None:
                self.on_released()
        return released

    async def run(self, stop: asyncio.Event) -> None:
        """Tick every third of the lease time until ``stop`` (call ``tick`` once before starting work)."""
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.lease_for.total_seconds() / 3)
            if stop.is_set():
                return
            try:
                await self.tick()
            except Exception:
                log.exception("lease upkeep failed; retrying")

    async def finish(self) -> None:
        """At a clean stop, once polling and sending are over: hand this worker's leases back now."""
        with contextlib.suppress(Exception):
            await self.store.drop_leases([self.worker])
