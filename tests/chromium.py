"""Headless Chromium (Debian's ``chromium``) for the tests that look at pages as a person would:
load a page, dump its DOM or take a screenshot. Tests using it skip when it is not installed."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
DOCS = ROOT / "docs"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Set by `make pictures`: the picture tests then also write their screenshots into docs/.
UPDATE_DOCS = os.environ.get("RUMOURBOT_UPDATE_PICTURES") == "1"

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="headless Chromium not installed: apt-get install chromium (.ci/run does)"
)


async def chromium(tmp_path: Path, *args: str) -> bytes:
    """Run headless Chromium with a throw-away profile; return its standard output."""
    proc = await asyncio.create_subprocess_exec(
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--disable-extensions", "--hide-scrollbars", f"--user-data-dir={tmp_path / 'profile'}",
        *args,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    out, err = await asyncio.wait_for(proc.communicate(), 120)
    assert proc.returncode == 0, err.decode(errors="replace")[-2000:]
    return out


async def screenshot(tmp_path: Path, url: str, name: str, width: int, height: int) -> bytes:
    """A PNG of ``url`` at ``width``×``height``, kept as test-artifacts/NAME (and docs/NAME under
    `make pictures`); returns its bytes."""
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / name
    shot.unlink(missing_ok=True)
    await chromium(tmp_path, f"--screenshot={shot}", f"--window-size={width},{height}", url)
    data = shot.read_bytes()
    if UPDATE_DOCS:
        (DOCS / name).write_bytes(data)
    return data
