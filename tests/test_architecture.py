"""House rules that code review alone would miss."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
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


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        check=False,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_layer_contracts_fail_on_a_violating_import(tmp_path: Path) -> None:
    shutil.copytree(BOT, tmp_path / "bot", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(BOT.parent / "pyproject.toml", tmp_path / "pyproject.toml")
    assert _lint_imports(tmp_path).returncode == 0

    (tmp_path / "bot" / "render" / "sneaky.py").write_text("from bot.store import sql\n", "utf-8")
    broken = _lint_imports(tmp_path)

    assert broken.returncode != 0
    assert "Rendering does not read the store" in broken.stdout
    assert "bot.render.sneaky -> bot.store.sql" in broken.stdout
