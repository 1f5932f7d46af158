"""`rumourbot demo`: the whole bot offline, fed by sample feeds served from 127.0.0.1.

The stories below are invented for the demo (written for it, not taken from any outlet). They
are released over about a minute so a newcomer watches alerts arrive, a thread gain a source and
then advance a stage, and can type commands meanwhile.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

from aiohttp import web

from bot.app import run_bot
from bot.config import Config, Secrets

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DemoStory:
    at: float  # seconds after start
    feed: str
    guid: str
    title: str
    text: str


STORIES: tuple[DemoStory, ...] = (
    DemoStory(
        0,
        "wire",
        "w-old-1",
        "Arsenal confirm Saka fit for weekend trip",
        "Bukayo Saka has recovered from a knock and will travel with the squad, Mikel Arteta said.",
    ),
    DemoStory(
        0,
        "wire",
        "w-old-2",
        "Everton extend lease talks over training ground",
        "Everton are in talks with the council over a longer lease on their training base.",
    ),
    DemoStory(
        0,
        "gossip",
        "g-old-1",
        "Transfer gossip: winger wanted by three clubs",
        "A Ligue 1 winger is wanted by three Premier League clubs, according to reports in France.",
    ),
    DemoStory(
        8,
        "wire",
        "w-1",
        "Bayern Munich hold talks with Xabi Alonso",
        "Bayern Munich have held talks with Xabi Alonso about becoming their next head coach, "
        "Sky Germany's Florian Plettenberg reports. The Spaniard is understood to be open to the move.",
    ),
    DemoStory(
        20,
        "gossip",
        "g-1",
        "Alonso in talks with Bayern, says Romano",
        "Xabi Alonso is in talks with Bayern Munich over the head coach job, Fabrizio Romano told "
        "CaughtOffside. Talks between the Bavarians and the Spaniard's camp are progressing.",
    ),
    DemoStory(
        30,
        "wire",
        "w-2",
        "Chelsea sack head coach Enzo Maresca",
        "Chelsea have sacked head coach Enzo Maresca after a run of five defeats, the club said in a statement.",
    ),
    DemoStory(
        42,
        "gossip",
        "g-2",
        "Chelsea star agrees new contract",
        "Cole Palmer has agreed a new contract until 2033 at Chelsea, with the midfielder's fee "
        "valuation rising to £120m. Here we go, says Romano.",
    ),
    DemoStory(
        50,
        "wire",
        "w-3",
        "Xabi Alonso agrees terms with Bayern Munich",
        "Xabi Alonso has agreed terms to become Bayern Munich head coach, The Athletic's David Ornstein "
        "reports. An announcement is expected within days.",
    ),
    DemoStory(
        62,
        "gossip",
        "g-3",
        "Amorim under pressure at Manchester United",
        "Ruben Amorim is under growing pressure at Manchester United after a third straight defeat, "
        "the Daily Mail reports.",
    ),
)

FEED_TITLES = {"wire": "Demo Sports Wire", "gossip": "Demo Gossip Column"}
FEED_OUTLETS = {"wire": "", "gossip": "CaughtOffside"}


def render_feed(name: str, elapsed: float, started: float, pace: float = 1.0) -> bytes:
    """The feed ``elapsed`` seconds after ``started``; with ``pace`` < 1 the stories come sooner."""
    items = []
    for story in STORIES:
        if story.feed != name or story.at * pace > elapsed:
            continue
        published = format_datetime(datetime.fromtimestamp(started + story.at, tz=UTC))
        items.append(
            f'<item><title>{escape(story.title)}</title><guid isPermaLink="false">{story.guid}</guid>'
            f"<link>http://127.0.0.1/demo/{story.guid}</link><pubDate>{published}</pubDate>"
            f"<description>{escape(story.text)}</description></item>"
        )
    body = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{FEED_TITLES[name]}</title><link>http://127.0.0.1/</link><description>demo</description>"
        + "".join(reversed(items))
        + "</channel></rss>"
    )
    return body.encode()


async def serve_demo_feeds(started: float, pace: float = 1.0) -> tuple[web.AppRunner, int]:
    async def feed(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in FEED_TITLES:
            raise web.HTTPNotFound()
        return web.Response(
            body=render_feed(name, time.time() - started, started, pace), content_type="application/rss+xml"
        )

    app = web.Application()
    app.router.add_get("/feeds/{name}.xml", feed)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = int(runner.addresses[0][1])
    return runner, port


def demo_config(config: Config, folder: Path, port: int) -> Config:
    feeds_file = folder / "feeds.toml"
    feeds_file.write_text(
        "".join(
            f'[[feed]]\nurl = "http://127.0.0.1:{port}/feeds/{name}.xml"\noutlet = "{FEED_OUTLETS[name]}"\n\n'
            for name in FEED_TITLES
        )
    )
    settings = config.settings.model_copy(
        update={
            "store": config.settings.store.model_copy(update={"url": f"sqlite:///{folder / 'demo.db'}"}),
            "feeds": config.settings.feeds.model_copy(
                update={
                    "file": str(feeds_file),
                    "interval_seconds": 2,
                    "min_interval_seconds": 1,
                    "allow_private_addresses": True,
                    "fulltext": False,
                    "backoff_base_seconds": 2,
                }
            ),
            "delivery": config.settings.delivery.model_copy(update={"retry_base_seconds": 0.5}),
        }
    )
    return config.model_copy(update={"settings": settings, "secrets": Secrets()})


async def run_demo(config: Config) -> int:
    started = time.time()
    # RUMOURBOT_DEMO_PACE (default 1) scales the story timeline: the tests run the same demo faster.
    pace = float(os.environ.get("RUMOURBOT_DEMO_PACE", "1"))
    runner, port = await serve_demo_feeds(started, pace)
    print(
        "rumourbot demo: two sample feeds on 127.0.0.1 release invented stories over about a minute.\n"
        "Alerts print below as they arrive; try /rumour alonso, /hot or /sources meanwhile.\n"
    )
    try:
        with tempfile.TemporaryDirectory(prefix="rumourbot-demo-") as folder:
            return await run_bot(demo_config(config, Path(folder), port), tick_seconds=1.0)
    finally:
        await runner.cleanup()
