"""The running poller (``Poller.run``) leases and polls each due feed on its own: a feed that takes
long to answer holds up nothing but itself, and a stop hands its lease back."""

from __future__ import annotations

import asyncio

from bot.analysis.analyser import Analyser
from bot.config import FeedSettings
from bot.domain import utcnow
from bot.feeds.fetcher import Fetcher
from bot.llm.port import BuiltinAnalysis
from bot.pipeline.ingest import Ingestor, IngestPolicy
from bot.pipeline.poller import Poller
from bot.store.sqlite import SQLiteStore
from bot.workers import LeaseKeeper
from tests.e2e.world import eventually
from tests.fakes.feed_server import FeedServer, rss

SETTINGS = FeedSettings(
    allow_private_addresses=True, fulltext=False, interval_seconds=1, min_interval_seconds=1, total_timeout_seconds=30
)
ITEM = {"guid": "https://news.example/1", "link": "https://news.example/1", "title": "Squad news"}


async def test_a_feed_that_answers_slowly_delays_only_itself_and_a_stop_hands_its_lease_back(
    store: SQLiteStore, analyser: Analyser
) -> None:
    async with FeedServer() as srv, Fetcher(SETTINGS) as fetcher:
        srv.add("/slow.xml", rss([ITEM]), delay=25)  # answers only after the test is over
        srv.add("/fast.xml", rss([ITEM]))
        for path in ("/slow.xml", "/fast.xml"):
            await store.add_feed(srv.url(path), "", utcnow())
        poller = Poller(
            store, fetcher, Ingestor(BuiltinAnalysis(analyser), store, IngestPolicy()), SETTINGS, worker="w-1-a"
        )
        stop = asyncio.Event()
        loop = asyncio.create_task(poller.run(stop, tick_seconds=0.05))
        # The fast feed is polled again and again (every second) while the slow one's first request waits.
        await eventually(lambda: srv.hits("/fast.xml") >= 3, 15, "three polls of the fast feed")
        assert (srv.hits("/slow.xml"), srv.in_flight) == (1, 1)
        assert await store.lease_holders() == {"w-1-a"}  # the slow feed stays leased while it is fetched
        stop.set()
        await asyncio.wait_for(loop, 5)  # the slow fetch is cancelled, not waited for
        await LeaseKeeper(store, "w-1-a", 60).finish()
        assert await store.lease_holders() == set()
        [slow] = [f for f in await store.list_feeds() if f.url.endswith("/slow.xml")]
        assert (slow.first_poll_done, slow.failures) == (False, 0)  # not recorded: due again for any worker
