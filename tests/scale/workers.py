"""`python -m bot run --role …` worker processes on one PostgreSQL database, and what the test reads
back from that database (through asyncpg, not the store under test)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import asyncpg  # type: ignore[import-untyped]  # asyncpg ships no type information

from tests.e2e.process import BotProcess
from tests.e2e.world import ROOT


class Worker(BotProcess):
    """One `rumourbot run --role ROLES` process; its standard error goes to ``log``."""

    def __init__(self, env: dict[str, str], log: Path, roles: str) -> None:
        super().__init__(env, log)
        self.roles = roles

    async def start(self, *, console: bool = False) -> Worker:
        del console
        with self.log.open("ab") as err:
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "run", "--role", self.roles,
                cwd=ROOT, env=self.env, stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL, stderr=err,
            )  # fmt: skip
        return self

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def holds(self, owner: str) -> bool:
        """Whether a lease owner's id (host-pid-random) is this process's."""
        return owner.rsplit("-", 2)[1] == str(self.pid)


class Database:
    """Read-only questions about the workers' database."""

    def __init__(self, url: str) -> None:
        self.url = url

    async def rows(self, sql: str, *args: object) -> list[asyncpg.Record]:
        conn = await asyncpg.connect(self.url, timeout=10)
        try:
            return list(await conn.fetch(sql, *args))
        finally:
            await conn.close()

    async def value(self, sql: str, *args: object) -> object:
        [row] = await self.rows(sql, *args)
        return row[0]
