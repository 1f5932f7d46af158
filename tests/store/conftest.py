"""The store contract suites' fixture: a store opened by URL through ``bot.app.open_store``, once per
backend (``store_url``: a new SQLite file, or a new PostgreSQL schema)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.store.sql import Store
from tests.store.contract_support import open_url


@pytest.fixture
async def db(store_url: str) -> AsyncIterator[Store]:
    opened = await open_url(store_url)
    try:
        yield opened
    finally:
        await opened.close()
