"""House rules that code review alone would miss."""

from __future__ import annotations

import re
from pathlib import Path

BOT = Path(__file__).resolve().parent.parent / "bot"
PLATFORM_IMPORT = re.compile(r"^\s*(?:import|from)\s+(?:discord|telegram)\b", re.M)


def test_core_never_imports_a_platform_sdk() -> None:
    offenders = [
        str(path.relative_to(BOT))
        for path in BOT.rglob("*.py")
        if "platforms" not in path.parts and PLATFORM_IMPORT.search(path.read_text("utf-8"))
    ]
    assert offenders == []


def test_modules_stay_under_five_hundred_lines() -> None:
    sizes = {str(p.relative_to(BOT)): len(p.read_text("utf-8").splitlines()) for p in BOT.rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 500} == {}
