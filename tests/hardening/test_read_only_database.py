"""A database the bot cannot write: refused at start-up with an error naming the file, or turning
read-only while the bot runs. Either way nothing crashes and the file stays intact.

Tests run as root in CI, and root ignores file modes. The start-up test therefore runs the bot as a
child process that has dropped the capabilities which let root ignore them (``setpriv --bounding-set
-dac_override,...``): the kernel then refuses the writes exactly as it does for an ordinary user.
"""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest

from bot.analysis.analyser import Analyser
from bot.analysis.gazetteer import Gazetteer
from bot.commands.base import ChatRef, Invocation
from bot.commands.names import NameResolver
from bot.commands.router import Router
from bot.config import FeedSettings
from bot.domain import utcnow
from bot.feeds.fetcher import Fetcher
from bot.llm.port import BuiltinAnalysis
from bot.pipeline.ingest import Ingestor, IngestPolicy
from bot.pipeline.poller import Poller
from bot.store.sqlite import SQLiteStore
from tests.fakes.clock import FakeClock
from tests.fakes.feed_server import FeedServer, rss

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "config"
DROP_ROOT_OVERRIDES = ("setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner", "--")


def unprivileged() -> tuple[str, ...]:
    """A command prefix under which file modes bind the child (empty when we are not root)."""
    if os.geteuid() != 0:
        return ()
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot make file modes bind")
    return DROP_ROOT_OVERRIDES


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """A folder for the database that is made read-only (0555, its files 0444) by the test; writable
    again afterwards so that the test can inspect it and pytest can delete it."""
    folder = tmp_path / "data"
    folder.mkdir()
    yield folder
    for path in (folder, *folder.iterdir()):
        path.chmod(stat.S_IRWXU)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def _database_with_a_feed_and_a_follow(db: Path) -> None:
    store = await SQLiteStore.open(f"sqlite:///{db}")
    await store.add_feed("http://127.0.0.1:9/rss", "News", utcnow())
    await store.follow("telegram:1:", "all", "all", "", utcnow())
    await store.close()  # a clean shutdown: no -wal or -shm file is left


def test_read_only_database_file_stops_start_up_with_an_error_naming_it_and_stays_intact(
    read_only: Path, tmp_path: Path
) -> None:
    db = read_only / "bot.db"
    asyncio.run(_database_with_a_feed_and_a_follow(db))
    feeds = tmp_path / "feeds.toml"
    feeds.write_text('[[feed]]\nurl = "http://127.0.0.1:9/rss"\noutlet = "News"\n')
    db.chmod(0o444)
    read_only.chmod(0o555)
    before = digest(db)

    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "RUMOURBOT_STORE__URL": f"sqlite:///{db}",
        "RUMOURBOT_FEEDS__FILE": str(feeds),
        "RUMOURBOT_KNOWLEDGE__MANAGERS": str(CONFIG / "managers.toml"),
        "RUMOURBOT_KNOWLEDGE__CLUBS": str(CONFIG / "clubs.toml"),
        "RUMOURBOT_KNOWLEDGE__SOURCES": str(CONFIG / "sources.toml"),
    }
    result = subprocess.run(
        [*unprivileged(), sys.executable, "-m", "bot", "run"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )

    assert result.returncode == 2, result.stderr
    assert f"rumourbot: database {db}: attempt to write a readonly database" in result.stderr
    assert "Traceback" not in result.stderr
    assert "rumourbot running" not in result.stderr
    assert digest(db) == before
    assert sorted(p.name for p in read_only.iterdir()) == ["bot.db"]
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as check:
        assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert check.execute("SELECT url FROM feeds").fetchall() == [("http://127.0.0.1:9/rss",)]


SETTINGS = FeedSettings(allow_private_addresses=True, fulltext=False, interval_seconds=60, min_interval_seconds=60)
STAMP = "Wed, 11 Jun 2025 08:00:00 GMT"


async def until(ok: Callable[[], bool | Awaitable[bool]], seconds: float = 10) -> None:
    """Wait for the poll loop (another task) to reach a state; there is no event to await."""
    deadline = time.monotonic() + seconds
    while not await _holds(ok()):
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {seconds} s")
        await asyncio.sleep(0.01)


RUMOUR = {
    "guid": "b1",
    "title": "Bayern Munich hold talks with Xabi Alonso",
    "description": "Bayern Munich have opened talks with Xabi Alonso over their vacant head coach role, The "
    "Athletic's David Ornstein reports.",
    "link": "https://news.example/b1",
    "pubDate": STAMP,
}


async def test_database_turning_read_only_while_running_pauses_polling_with_one_error_and_recovers_intact(
    store: SQLiteStore, analyser: Analyser, gazetteer: Gazetteer, caplog: pytest.LogCaptureFixture
) -> None:
    """SQLite's query_only switch on the store's own connection stands in for a disk that went read-only
    (or full) under the running bot: every write fails, reads still work."""
    clock = FakeClock()
    chat = ChatRef("test", "c1")
    router = Router(store, NameResolver(gazetteer), clock=clock)
    async with FeedServer() as srv, Fetcher(SETTINGS) as fetcher:
        srv.add("/a.xml", rss([RUMOUR]))
        feed = await store.add_feed(srv.url("/a.xml"), "", clock())
        poller = Poller(
            store, fetcher, Ingestor(BuiltinAnalysis(analyser), store, IngestPolicy()), SETTINGS, clock=clock
        )
        await store.sqlite.db.execute("PRAGMA query_only = ON")  # the disk refuses writes from here on

        stop = asyncio.Event()
        loop = asyncio.create_task(poller.run(stop, tick_seconds=0.02))
        await until(lambda: "leasing due feeds failed" in caplog.text)
        await asyncio.sleep(0.3)  # about fifteen more ticks, each retrying the lease
        assert not loop.done()  # the loop keeps going
        assert srv.hits("/a.xml") == 0  # nothing is fetched that could not be recorded
        lease_errors = [r for r in caplog.records if r.getMessage().startswith("leasing due feeds failed")]
        assert len(lease_errors) == 1  # one line, not one per tick
        assert "attempt to write a readonly database" in lease_errors[0].getMessage()
        follow = await router.handle(Invocation(chat, "u1", "follow", "alonso", "group", True))
        assert follow.text == "Sorry, something went wrong while answering that. Please try again later."
        assert follow.ephemeral
        asked = await router.handle(Invocation(chat, "u1", "rumour", "alonso", "group", True))
        assert asked.text.startswith("No rumours about Xabi Alonso yet.")  # reads still work
        assert await store.known_entry_keys(feed.id, ["guid:b1"]) == set()  # no half-written ingest

        await store.sqlite.db.execute("PRAGMA query_only = OFF")  # space freed / remounted read-write
        await until(lambda: _recovered(store))
        stop.set()
        await asyncio.wait_for(loop, 5)

    (row,) = await store.list_feeds()
    assert (row.failures, row.last_error, row.first_poll_done) == (0, None, True)
    assert await store.known_entry_keys(feed.id, ["guid:b1"]) == {"guid:b1"}
    assert [v.state.club for v in await store.threads_about(manager="Xabi Alonso")] == ["Bayern Munich"]
    assert (await router.handle(Invocation(chat, "u1", "follow", "alonso", "group", True))).text.startswith(
        "Following Xabi Alonso."
    )
    assert await store.integrity_check() == "ok"
    assert "attempt to write a readonly database" in caplog.text


async def _holds(result: bool | Awaitable[bool]) -> bool:
    return bool(await result) if inspect.isawaitable(result) else bool(result)


async def _recovered(store: SQLiteStore) -> bool:
    (row,) = await store.list_feeds()
    return row.last_ok_at is not None
