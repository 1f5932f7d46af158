"""`python -m bot run` as a child process, configured only by environment variables."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from tests.e2e.world import ROOT


def child_env(extra: dict[str, str]) -> dict[str, str]:
    """The test's environment without any rumourbot setting or token of its own, plus ``extra``."""
    keep = {k: v for k, v in os.environ.items() if not k.startswith("RUMOURBOT_") and not k.endswith("_TOKEN")}
    return keep | {"NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"} | extra


class BotProcess:
    """One run of the bot; its standard error goes to ``log`` (appended, so restarts share it)."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env = child_env(env)
        self.log = log
        self.proc: asyncio.subprocess.Process | None = None

    async def start(self, *, console: bool = False) -> BotProcess:
        """Start it; with ``console`` its standard input and output are pipes (the console chat)."""
        pipe = asyncio.subprocess.PIPE
        with self.log.open("ab") as err:
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "run",
                cwd=ROOT,
                env=self.env,
                stdin=pipe if console else asyncio.subprocess.DEVNULL,
                stdout=pipe if console else asyncio.subprocess.DEVNULL,
                stderr=err,
            )
        return self

    def kill(self) -> None:
        """SIGKILL: no clean-up of any kind runs in the bot."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)

    def freeze(self) -> None:
        """SIGSTOP: the bot stops wherever it is, until ``thaw`` (or a kill)."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGCONT)

    async def wait(self, seconds: float = 15.0) -> int:
        assert self.proc is not None
        async with asyncio.timeout(seconds):
            return await self.proc.wait()

    async def stop(self) -> int:
        """SIGTERM, as an operator (or systemd) stops the bot; return its exit status."""
        assert self.proc is not None
        if self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
        return await self.wait()

    async def close(self) -> None:
        """Make sure the child is gone (for fixtures' clean-up after a failed test)."""
        if self.proc is not None and self.proc.returncode is None:
            self.proc.kill()
            await self.proc.wait()

    def stderr(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""
