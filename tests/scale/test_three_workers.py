"""Three `rumourbot run` worker processes on one PostgreSQL database and 200 loopback feeds.

One worker takes the Telegram updates and sends alerts (``--role poller,telegram``); the other two
poll and send (``--role poller,dispatcher``, Telegram send-only). Feeds are leased to one worker at a
time and alerts claimed by one sender at a time, through the database alone. Mid-run one of the
dispatchers is SIGKILLed while it holds feed leases; the others take them over.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from bot.commands.base import ChatRef
from bot.store.postgres import PostgresStore
from tests.e2e.world import base_env, eventually, telegram_env
from tests.fakes.feed_server import FeedServer, rss
from tests.fakes.telegram_markup import telegram_text
from tests.fakes.telegram_server import TelegramFake
from tests.scale.workers import Database, Worker

pytestmark = pytest.mark.slow

FEEDS = 200
SLOW_FEEDS = range(0, FEEDS, 4)  # every fourth feed answers after SLOW_SECONDS: leases are held a while
SLOW_SECONDS = 0.8
CHATS = (3001, 3002, 3003)
# Manager → club pairs no thread exists for: each story below opens a thread of its own ("created").
PAIRS = (
    ("Mikel Arteta", "Brentford"), ("Unai Emery", "Leeds United"), ("Andoni Iraola", "Tottenham Hotspur"),
    ("Fabian Hürzeler", "Coventry City"), ("Liam Rosenior", "Norwich City"), ("Oliver Glasner", "Southampton"),
    ("David Moyes", "Cardiff City"), ("Daniel Farke", "Villarreal"), ("Pep Guardiola", "Getafe"),
    ("Eddie Howe", "Chelsea"), ("Sean Dyche", "Manchester United"), ("Régis Le Bris", "Birmingham City"),
    ("Nuno Espírito Santo", "Ipswich Town"), ("Igor Tudor", "Preston North End"), ("Michael Carrick", "Watford"),
    ("Enzo Maresca", "Barcelona"), ("Rúben Amorim", "Valencia"), ("Ange Postecoglou", "AFC Bournemouth"),
    ("Vítor Pereira", "Fulham"), ("Erik ten Hag", "Sunderland"), ("Julen Lopetegui", "Charlton Athletic"),
    ("Ruud van Nistelrooy", "Millwall"), ("Gary O'Neil", "Sheffield Wednesday"), ("Sam Allardyce", "Real Sociedad"),
    ("Roy Hodgson", "Espanyol"), ("Brendan Rodgers", "Burnley"), ("Steven Gerrard", "Manchester City"),
    ("Gareth Southgate", "Wolverhampton Wanderers"), ("Wayne Rooney", "Hull City"), ("Rafael Benítez", "Portsmouth"),
    ("Kieran McKenna", "Swansea City"), ("Frank Lampard", "Everton"), ("Phil Parkinson", "Nottingham Forest"),
    ("John Eustace", "Middlesbrough"), ("Diego Simeone", "Wigan Athletic"), ("Carlos Corberán", "Newcastle United"),
)  # fmt: skip
WAVES = (PAIRS[:12], PAIRS[12:24], PAIRS[24:])


class Feeds:
    """200 feeds on one FeedServer, each with one ordinary story to start with."""

    def __init__(self, srv: FeedServer) -> None:
        self.srv = srv
        self.items: list[list[dict[str, str]]] = [[] for _ in range(FEEDS)]
        self.versions = [0] * FEEDS
        self.stories = 0
        for n in range(FEEDS):
            self._add(n, f"n{n}", f"Squad news {n}", "The squad trained on Friday with no new injuries.")

    @staticmethod
    def path(n: int) -> str:
        return f"/f{n}.xml"

    def _add(self, n: int, guid: str, title: str, text: str) -> None:
        url = f"https://news.example/{guid}"
        when = format_datetime(datetime.now(UTC) - timedelta(minutes=5))
        self.items[n].insert(0, {"guid": url, "link": url, "title": title, "description": text, "pubDate": when})
        self.versions[n] += 1
        delay = SLOW_SECONDS if n in SLOW_FEEDS else 0.0
        self.srv.add(self.path(n), rss(self.items[n], title=f"feed {n}"), etag=f'"v{self.versions[n]}"', delay=delay)

    def publish(self, n: int, manager: str, club: str) -> None:
        self.stories += 1
        text = (
            f"{club} have opened talks with {manager} over their vacant head coach role, The Athletic's David"
            " Ornstein reports."
        )
        self._add(n, f"s{self.stories}", f"{club} hold talks with {manager}", text)

    def write_toml(self, file: Path) -> Path:
        file.write_text("".join(f'[[feed]]\nurl = "{self.srv.url(self.path(n))}"\n\n' for n in range(FEEDS)))
        return file


@pytest.fixture
async def tg() -> AsyncIterator[TelegramFake]:
    fake = await TelegramFake().start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
async def workers() -> AsyncIterator[list[Worker]]:
    started: list[Worker] = []
    yield started
    for worker in started:
        await worker.close()


def alerts(tg: TelegramFake) -> Counter[tuple[int, str]]:
    """(chat, "manager → club") → how many times the messages the fake holds alerted it: as an alert of
    its own, or as a line of a roundup (a chat with a burst waiting gets a few alerts, then one roundup)."""
    seen: Counter[tuple[int, str]] = Counter()
    for (chat, _), message in list(tg.messages.items()):
        text = telegram_text(message["text"])
        lines = text.splitlines()[1:] if text.startswith("Rumour roundup") else text.splitlines()[:1]
        for m, c in PAIRS:
            title = f"{m} → {c}: talks"
            seen[(int(chat), f"{m} → {c}")] += sum(line.removeprefix("• ").startswith(title) for line in lines)
    return +seen


def missing(tg: TelegramFake) -> list[tuple[int, str]]:
    seen = alerts(tg)
    return [(chat, f"{m} → {c}") for chat in CHATS for m, c in PAIRS if not seen[(chat, f"{m} → {c}")]]


async def test_three_workers_process_every_entry_and_deliver_every_alert_once_and_a_killed_workers_feeds_pass_on(
    tmp_path: Path, pg_url: str, tg: TelegramFake, workers: list[Worker]
) -> None:
    db = Database(pg_url)
    store = await PostgresStore.open(pg_url)  # migrated before the workers start; the chats follow everything
    try:
        for chat in CHATS:
            await store.follow(ChatRef("telegram", str(chat), "").key, "all", "all", "", datetime.now(UTC))
    finally:
        await store.close()
    async with FeedServer() as srv:
        feeds = Feeds(srv)
        env = base_env(tmp_path, feeds.write_toml(tmp_path / "feeds.toml")) | telegram_env(tg) | {
            "RUMOURBOT_STORE__URL": pg_url,
            "RUMOURBOT_STORE__LEASE_SECONDS": "6",
            "RUMOURBOT_FEEDS__INTERVAL_SECONDS": "2",
            "RUMOURBOT_FEEDS__PER_HOST_CONCURRENCY": "8",  # every feed is on 127.0.0.1
        }  # fmt: skip
        for n, roles in enumerate(("poller,telegram", "poller,dispatcher", "poller,dispatcher")):
            workers.append(await Worker(env, tmp_path / f"worker{n}.log", roles).start())

        def logs() -> str:
            tails = "".join(f"\n--- worker {n}:\n{w.stderr()[-3000:]}" for n, w in enumerate(workers))
            return f"alerts seen: {sum(alerts(tg).values())}, missing: {missing(tg)}{tails}"

        async def first_polls_done() -> bool:
            return await db.value("SELECT count(*) FROM feeds WHERE first_poll_done") == FEEDS

        await eventually(first_polls_done, 60, "every feed's first (silent) poll", logs)
        assert tg.calls_to("sendMessage") == []  # a first poll alerts nobody
        assert len(tg.calls_to("getUpdates")) > 0  # worker 0 takes the updates ...
        # ... the others only send (each says so when its adapter has started, which may come after the
        # first polls on a loaded machine)
        await eventually(
            lambda: all("(sending only)" in w.stderr() for w in workers[1:]), 30, "the sending-only workers", logs
        )

        async def delivered(count: int) -> bool:
            return sum(alerts(tg).values()) >= count

        # Wave 1, while all three run. Stories go to feeds spread over the list, slow ones included.
        for k, (manager, club) in enumerate(WAVES[0]):
            feeds.publish(k * 16, manager, club)
        await eventually(lambda: delivered(len(WAVES[0]) * len(CHATS)), 60, "wave 1 alerts", logs)

        # Wave 2, then kill worker 1 while it holds feed leases (and perhaps alerts in flight).
        for k, (manager, club) in enumerate(WAVES[1]):
            feeds.publish(k * 16 + 4, manager, club)
        victim = workers[1]
        leasing: set[int] = set()  # the workers seen holding feed leases

        async def all_lease_then_victim_holds() -> bool:
            owners = [str(r[0]) for r in await db.rows("SELECT lease_owner FROM feeds WHERE lease_owner IS NOT NULL")]
            leasing.update(n for n, w in enumerate(workers) if any(w.holds(o) for o in owners))
            return leasing == {0, 1, 2} and any(victim.holds(o) for o in owners)

        await eventually(all_lease_then_victim_holds, 30, "all three polling, worker 1 holding leases", logs)
        # Freeze the victim (SIGSTOP) and look at its leases while it can release none; if it has just let
        # them go, let it run on and try again. Only then kill it: the leases it dies holding are known.
        held: list[int] = []

        async def victim_frozen_holding_leases() -> bool:
            victim.freeze()
            rows = await db.rows("SELECT id, lease_owner FROM feeds WHERE lease_owner IS NOT NULL")
            held[:] = [int(r[0]) for r in rows if victim.holds(r[1])]
            if not held:
                victim.thaw()
            return bool(held)

        await eventually(victim_frozen_holding_leases, 30, "worker 1 frozen while holding leases", logs)
        victim.kill()
        assert await victim.wait() != 0
        killed_at = datetime.now(UTC)
        assert held, "worker 1 died holding no lease"
        ids = {int(r[0]): str(r[1]) for r in await db.rows("SELECT id, url FROM feeds")}
        held_paths = [ids[i].rsplit("/", 1)[1] for i in held]
        hits_at_kill = {p: srv.hits(f"/{p}") for p in held_paths}

        # Wave 3 goes to the feeds the dead worker held (then to others): the survivors must poll them.
        targets = [int(p.removeprefix("f").removesuffix(".xml")) for p in held_paths]
        targets += [n for n in range(2, FEEDS, 16) if n not in targets]
        for n, (manager, club) in zip(targets, WAVES[2], strict=False):
            feeds.publish(n, manager, club)
        await eventually(lambda: delivered(len(PAIRS) * len(CHATS)), 90, "every alert", logs)
        await asyncio.sleep(3)  # long enough for a duplicate send or a re-queued claim to show up
        for worker in (workers[0], workers[2]):
            assert await worker.stop() == 0, logs()

    # Every entry stored once: each feed's rows are exactly the items it served.
    stored = {int(r[0]): int(r[1]) for r in await db.rows("SELECT feed_id, count(*) FROM entries GROUP BY feed_id")}
    served = {i: len(feeds.items[int(url.rsplit("/f", 1)[1].removesuffix(".xml"))]) for i, url in ids.items()}
    assert stored == served
    # Every story processed once: one thread per pair, with one report.
    threads = await db.rows(
        "SELECT t.manager, t.club, count(r.id) FROM threads t JOIN reports r ON r.thread_id = t.id GROUP BY t.id"
    )
    assert sorted((str(r[0]), str(r[1]), int(r[2])) for r in threads) == sorted((m, c, 1) for m, c in PAIRS)
    # Every alert delivered exactly once, as Telegram saw it, and recorded as sent.
    assert alerts(tg) == Counter({(chat, f"{m} → {c}"): 1 for chat in CHATS for m, c in PAIRS})
    statuses = {str(r[0]): int(r[1]) for r in await db.rows("SELECT status, count(*) FROM deliveries GROUP BY 1")}
    assert statuses == {"sent": len(PAIRS) * len(CHATS)}
    senders = {
        str(r[0]).rsplit("-", 2)[1]
        for r in await db.rows("SELECT DISTINCT claimed_by FROM deliveries WHERE claimed_by IS NOT NULL")
    }
    assert len(senders) >= 2, "one worker sent everything: the claims were not shared"
    # The dead worker's feeds were polled again by the others after the kill.
    assert all(srv.hits(f"/{p}") > hits_at_kill[p] for p in held_paths)
    polled_after = await db.rows(
        "SELECT id FROM feeds WHERE id = ANY($1::bigint[]) AND last_ok_at > $2", held, killed_at
    )
    assert sorted(int(r[0]) for r in polled_after) == sorted(held)
    assert await db.value("SELECT count(*) FROM feeds WHERE lease_owner IS NOT NULL") == 0  # clean stops hand back
