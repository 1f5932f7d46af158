"""A task cancelled while its SQLite transaction begins leaves no transaction open behind it."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from bot.store.sqlite import SQLiteStore


async def test_a_transaction_cancelled_while_it_begins_leaves_the_connection_usable(tmp_path: Path) -> None:
    path = tmp_path / "test.db"
    store = await SQLiteStore.open(f"sqlite:///{path}")
    try:
        other = sqlite3.connect(path, isolation_level=None, timeout=0.1)
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock: BEGIN waits for it
        dialect = store.sqlite

        async def write() -> None:
            async with dialect.transaction() as conn:
                await conn.execute("UPDATE feeds SET failures = failures + 1")

        task = asyncio.create_task(write())
        await asyncio.sleep(0.3)  # the BEGIN is waiting on the other connection's lock
        task.cancel()
        other.execute("ROLLBACK")  # the lock is free: the cancelled BEGIN goes through in SQLite's thread
        await asyncio.gather(task, return_exceptions=True)

        await dialect.execute("INSERT INTO feeds (url, added_at) VALUES ('https://x.example/a.xml', '2026')")
        async with dialect.transaction() as conn:  # no "cannot start a transaction within a transaction"
            await conn.execute("INSERT INTO feeds (url, added_at) VALUES ('https://x.example/b.xml', '2026')")
        seen = {r[0] for r in other.execute("SELECT url FROM feeds")}  # committed, so another connection sees it
        assert seen == {"https://x.example/a.xml", "https://x.example/b.xml"}
        other.close()
    finally:
        await store.close()
