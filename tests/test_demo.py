"""`rumourbot demo` (make demo): offline, at least three alerts and one thread update within 90 s."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_demo_shows_three_alerts_and_a_thread_update_within_ninety_seconds(tmp_path: Path) -> None:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "NO_PROXY": "127.0.0.1,localhost",
        "HOME": str(tmp_path),
        "PYTHONUNBUFFERED": "1",
        "RUMOURBOT_DEMO_PACE": "0.35",  # the same stories in the same order, about three times sooner
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "demo"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    seen: list[str] = []
    deadline = time.monotonic() + 90
    alerts = updates = 0
    try:
        os.set_blocking(proc.stdout.fileno(), False)
        while time.monotonic() < deadline and not (alerts >= 3 and updates >= 1):
            line = proc.stdout.readline()
            if not line:
                time.sleep(0.2)
                continue
            seen.append(line)
            if re.match(r"\[alert · thread #\d+\]", line):
                alerts += 1
            if re.match(r"\[alert · thread #\d+ edited\]|\[update · thread #\d+\]", line):
                updates += 1
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()
    transcript = "".join(seen)
    assert alerts >= 3, transcript
    assert updates >= 1, transcript
    assert "Traceback" not in transcript
    assert proc.returncode == 0
