"""Shared fixtures: the real knowledge base, the analyser, a real SQLite store in a temp folder."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.analysis.analyser import Analyser
from bot.analysis.gazetteer import Gazetteer, load_gazetteer
from bot.store.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "config"

# Loopback servers only: never let a proxy variable send test traffic elsewhere.
os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
os.environ["no_proxy"] = os.environ["NO_PROXY"]


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer(CONFIG / "managers.toml", CONFIG / "clubs.toml", CONFIG / "sources.toml")


@pytest.fixture(scope="session")
def analyser(gazetteer: Gazetteer) -> Analyser:
    return Analyser(gazetteer)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SQLiteStore]:
    opened = await SQLiteStore.open(f"sqlite:///{tmp_path / 'test.db'}")
    try:
        yield opened
    finally:
        await opened.close()
