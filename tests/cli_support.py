"""Running the real ``python -m bot`` in a subprocess, with its store and feed list in a temp folder."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path
from subprocess import PIPE

ROOT = Path(__file__).resolve().parent.parent


def cli_env(tmp_path: Path, **settings: str) -> dict[str, str]:
    """The environment for a subprocess: no tokens, no inherited RUMOURBOT_* settings, a temp
    database and feed list, and ``settings`` as RUMOURBOT_<SECTION>__<KEY> overrides."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("RUMOURBOT_") and k not in ("DISCORD_TOKEN", "TELEGRAM_TOKEN")
    }
    feeds = tmp_path / "feeds.toml"
    if not feeds.exists():
        feeds.write_text("")
    env.update(
        RUMOURBOT_STORE__URL=f"sqlite:///{tmp_path / 'x.db'}",
        RUMOURBOT_FEEDS__FILE=str(feeds),
        PYTHONUNBUFFERED="1",
    )
    env.update({f"RUMOURBOT_{key.upper()}": value for key, value in settings.items()})
    return env


def rumourbot(env: dict[str, str], *args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


async def rumourbot_async(env: dict[str, str], *args: str, seconds: float = 30) -> tuple[int, str, str]:
    """Like :func:`rumourbot`, without blocking the event loop (for tests that serve feeds meanwhile)."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, cwd=ROOT, env=env, stdout=PIPE, stderr=PIPE
    )
    out, err = await asyncio.wait_for(proc.communicate(), seconds)
    assert proc.returncode is not None
    return proc.returncode, out.decode(), err.decode()
