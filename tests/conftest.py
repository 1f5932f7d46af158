"""Shared fixtures: the real knowledge base, the analyser, a real SQLite store in a temp folder, and
a fresh PostgreSQL schema (``pg_url``; skipped when no server answers) for the backend contract suite."""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import asyncpg  # type: ignore[import-untyped]  # asyncpg ships no type information
import pytest

from bot.analysis.analyser import Analyser
from bot.analysis.gazetteer import Gazetteer, load_gazetteer
from bot.store.postgres import redact
from bot.store.sqlite import SQLiteStore
from tests.ports import HELD

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "config"

# Loopback servers only: never let a proxy variable send test traffic elsewhere.
os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
os.environ["no_proxy"] = os.environ["NO_PROXY"]


@pytest.fixture(scope="session", autouse=True)
def _close_held_ports() -> Iterator[None]:
    yield
    for sock in HELD:
        sock.close()


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


# The server the PostgreSQL tests use: the machine's own by default (trust auth, database "test").
PG_URL = os.environ.get("RUMOURBOT_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
BACKENDS = ("sqlite", "postgres")
_pg_unreachable: dict[str, str] = {}  # URL → why it could not be reached, so later tests skip at once


def with_search_path(url: str, schema: str) -> str:
    """The URL with ``search_path`` set (asyncpg passes unknown URL parameters on as server settings)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "search_path"] + [("search_path", schema)]
    return urlunsplit(parts._replace(query=urlencode(query)))


@pytest.fixture
async def pg_url() -> AsyncIterator[str]:
    """A URL whose search_path is a new, empty schema in the test database; the schema is dropped
    afterwards. Skips the test, saying why, when PostgreSQL does not answer."""
    if PG_URL in _pg_unreachable:
        pytest.skip(_pg_unreachable[PG_URL])
    try:
        admin = await asyncpg.connect(PG_URL, timeout=5)
    except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
        _pg_unreachable[PG_URL] = f"PostgreSQL not reachable at {redact(PG_URL)}: {exc}"
        pytest.skip(_pg_unreachable[PG_URL])
    schema = f"rumourbot_test_{secrets.token_hex(6)}"
    try:
        await admin.execute(f'CREATE SCHEMA "{schema}"')
        yield with_search_path(PG_URL, schema)
    finally:
        await admin.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        await admin.close()


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """One test per backend: a new SQLite file, or a new PostgreSQL schema (see ``pg_url``)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    return str(request.getfixturevalue("pg_url"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first, so that under pytest-xdist (make test) they start at once on their own
    workers and the quick ones fill the time around them instead of waiting for them at the end."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
