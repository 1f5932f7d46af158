"""/why through the Router, on what the real pipeline recorded: feeds on 127.0.0.1 → Fetcher → Poller →
Ingestor → SQLite → Dispatcher → a recording chat. One test per reason /why gives."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from bot.analysis.analyser import Analyser
from bot.analysis.gazetteer import Gazetteer
from bot.commands.base import ChatRef, Invocation
from bot.commands.names import NameResolver
from bot.commands.ratelimit import CommandLimiter
from bot.commands.router import Router
from bot.config import CommandSettings, DeliverySettings, FeedSettings
from bot.delivery.dispatcher import Dispatcher
from bot.delivery.ports import ChatGone, DeliveryError, InFlightMark, PermanentFailure, RetryLater
from bot.feeds.fetcher import Fetcher
from bot.llm.port import BuiltinAnalysis
from bot.pipeline.ingest import Ingestor, IngestPolicy
from bot.pipeline.poller import Poller
from bot.render.card import Card, Reply
from bot.render.text import render_reply
from bot.store.base import ChatPrefs, EntryDecision
from bot.store.sqlite import SQLiteStore
from tests.fakes.clock import FakeClock
from tests.fakes.feed_server import FeedServer, rss
from tests.fakes.recording_sender import RecordingSender

FIRST_POLL = "it was already in the feed when the bot first read that feed — a feed's first poll is recorded silently"
FAN = ChatRef("test", "fans")  # follows Xabi Alonso
SETTINGS = FeedSettings(
    allow_private_addresses=True,
    fulltext=False,
    interval_seconds=60,
    min_interval_seconds=60,
    connect_timeout_seconds=2,
    read_timeout_seconds=2,
    total_timeout_seconds=5,
)
WIRE, GOSSIP = "/wire.xml", "/gossip.xml"
OUTLETS = {WIRE: "", GOSSIP: "Sky Sports"}
TALKS = ("w1", "Bayern Munich hold talks with Xabi Alonso",  # Alonso → Bayern: talks (David Ornstein, tier 1)
         "Bayern Munich have opened talks with Xabi Alonso over their vacant head coach role, The Athletic's "
         "David Ornstein reports.")  # fmt: skip
AGREED = ("w2", "Xabi Alonso agrees terms with Bayern Munich",
          "Xabi Alonso has agreed terms to become the new Bayern Munich head coach, The Athletic's David "
          "Ornstein reports.")  # fmt: skip
TALKS_COPY = ("g3", "Bayern Munich hold talks with Xabi Alonso",  # near-copy of TALKS on the Sky feed
              "Bayern Munich have opened talks with Xabi Alonso over their vacant head coach role.")  # fmt: skip
TALKS_AGAIN = ("g1", "Alonso and Bayern in talks over coaching job",  # Sky's own report: corroboration
               "Xabi Alonso is in talks with Bayern Munich about becoming their head coach, according to Sky "
               "Sports.")  # fmt: skip
WIRTZ = (
    "g2",
    "Liverpool complete signing of Florian Wirtz",  # a player transfer
    "Liverpool have completed the signing of Florian Wirtz from Bayer Leverkusen for a club-record fee.",
)
OFFER = ("w3", "Manchester City make offer to Xabi Alonso",
         "Manchester City have made an offer to Xabi Alonso to become their next manager, the Daily Mail "
         "reports.")  # fmt: skip


def link(story: tuple[str, str, str]) -> str:
    return f"https://news.example/{story[0]}"


class FailingSender(RecordingSender):
    """A chat platform that refuses the next sends with a given error, then records as usual."""

    def __init__(self) -> None:
        super().__init__()
        self.failure: DeliveryError | None = None

    async def send(
        self,
        chat: ChatRef,
        card: Card,
        *,
        reply_to: str | None = None,
        nonce: str = "",
        ping_role: str = "",
        in_flight: InFlightMark | None = None,
    ) -> str:
        if self.failure is not None:
            raise self.failure
        return await super().send(chat, card, reply_to=reply_to, nonce=nonce, ping_role=ping_role, in_flight=in_flight)


@dataclass
class World:
    srv: FeedServer
    analyser: Analyser
    store: SQLiteStore
    fetcher: Fetcher
    router: Router
    clock: FakeClock
    sender: FailingSender
    items: dict[str, list[dict[str, str]]] = field(default_factory=lambda: {WIRE: [], GOSSIP: []})

    def publish(self, story: tuple[str, str, str], path: str = WIRE, *, age: timedelta = timedelta(minutes=5)) -> None:
        guid, title, text = story
        url = f"https://news.example/{guid}"
        item = {"guid": url, "link": url, "title": title, "description": text}
        item["pubDate"] = format_datetime(self.clock() - age)
        self.items[path].insert(0, item)
        self.srv.add(path, rss(self.items[path], title=path.strip("/")))

    async def cycle(self) -> None:
        """Let the poll interval pass, poll every due feed, then deliver what was queued."""
        self.clock.advance(seconds=SETTINGS.interval_seconds + 1)
        ingestor = Ingestor(
            BuiltinAnalysis(self.analyser), self.store, IngestPolicy(max_age=timedelta(hours=SETTINGS.max_age_hours))
        )
        stats = await Poller(self.store, self.fetcher, ingestor, SETTINGS, clock=self.clock).run_once()
        assert stats.failed == 0, stats.failures
        await Dispatcher(self.store, {"test": self.sender}, DeliverySettings(), clock=self.clock).run_once()

    async def why(self, args: str, chat: ChatRef = FAN) -> str:
        reply = await self.router.handle(Invocation(chat, "u1", "why", args))
        return render_reply(reply)

    async def ask(self, args: str, chat: ChatRef = FAN) -> Reply:
        return await self.router.handle(Invocation(chat, "u1", "why", args))


@pytest.fixture
async def w(tmp_path: Path, analyser: Analyser, gazetteer: Gazetteer) -> AsyncIterator[World]:
    """Two feeds polled once (their entries recorded silently); FAN follows Xabi Alonso."""
    async with FeedServer() as srv:
        store = await SQLiteStore.open(f"sqlite:///{tmp_path / 'bot.db'}")
        fetcher = Fetcher(SETTINGS)
        await fetcher.start()
        clock = FakeClock()
        limiter = CommandLimiter.from_settings(CommandSettings(per_user_per_minute=0, per_chat_per_minute=0))
        router = Router(store, NameResolver(gazetteer), clock=clock, limiter=limiter)
        world = World(srv, analyser, store, fetcher, router, clock, FailingSender())
        world.publish(("w0", "Real Madrid consider Xabi Alonso as next coach",
                       "Real Madrid are considering Xabi Alonso as a candidate to replace their head coach in the "
                       "summer, Marca reports."))  # fmt: skip
        world.publish(("g0", "Saka fit for weekend trip", "Bukayo Saka has recovered from a knock."), GOSSIP)
        for path in (WIRE, GOSSIP):
            await store.add_feed(srv.url(path), OUTLETS[path], clock())
        await store.follow(FAN.key, "manager", "Xabi Alonso", "", clock())
        try:
            await world.cycle()
            yield world
        finally:
            await fetcher.close()
            await store.close()


# -- the reasons ---------------------------------------------------------------------------------


async def test_why_says_first_poll_entries_are_never_posted(w: World) -> None:
    answer = await w.why("https://news.example/w0")
    assert answer.startswith("“Real Madrid consider Xabi Alonso as next coach” (wire.xml, seen ")
    assert f"Not posted: {FIRST_POLL}" in answer
    [entry] = await w.store.entries_by_link("news.example/w0")
    assert entry.decision == EntryDecision.FIRST_POLL


async def test_why_says_a_player_story_is_not_a_manager_rumour(w: World) -> None:
    w.publish(WIRTZ, GOSSIP)
    await w.cycle()
    answer = await w.why(link(WIRTZ))
    assert answer.startswith("“Liverpool complete signing of Florian Wirtz” (Sky Sports, seen ")
    assert "Not posted: it is not a manager rumour" in answer


async def test_why_says_a_story_published_before_max_age_was_too_old(w: World) -> None:
    w.publish(OFFER, age=timedelta(hours=SETTINGS.max_age_hours + 2))
    await w.cycle()
    answer = await w.why(link(OFFER))
    assert "Not posted: it is too old." in answer
    assert f"{SETTINGS.max_age_hours + 2:.0f} hours before the bot saw it" in answer
    assert "[feeds] max_age_hours" in answer
    assert w.sender.calls == []


async def test_why_names_the_thread_a_near_copy_duplicates(w: World) -> None:
    w.publish(TALKS)
    await w.cycle()
    w.publish(TALKS_COPY, GOSSIP)
    await w.cycle()
    [thread] = await w.store.threads_about(club="Bayern Munich")
    answer = await w.why(link(TALKS_COPY))
    assert f"Not posted: it is a duplicate of thread #{thread.state.id} (Xabi Alonso → Bayern Munich)" in answer
    assert "near-copy" in answer


async def test_why_names_the_chat_tier_setting_when_the_best_source_is_below_it(w: World) -> None:
    await w.store.set_chat_prefs(FAN.key, ChatPrefs(min_tier=0))
    w.publish(TALKS)
    await w.cycle()
    assert w.sender.calls == []
    answer = await w.why(link(TALKS))
    assert "Not posted here: its best source was tier 1, and this chat's tier setting is 0" in answer
    assert "/settings tier 1 would include it" in answer


async def test_why_names_the_chat_stage_setting_when_the_rumour_is_at_an_earlier_stage(w: World) -> None:
    await w.store.set_chat_prefs(FAN.key, ChatPrefs(min_stage="agreed"))
    w.publish(TALKS)
    await w.cycle()
    assert w.sender.calls == []
    answer = await w.why(link(TALKS))
    assert "Not posted here: the rumour was at stage “talks”, and this chat's stage setting is “agreed”" in answer
    assert "/settings stage any" in answer


async def test_why_says_this_chat_does_not_follow_the_manager_or_the_club(w: World) -> None:
    others = ChatRef("test", "others")
    await w.store.follow(others.key, "manager", "Carlo Ancelotti", "", w.clock())
    w.publish(TALKS)
    await w.cycle()
    answer = await w.why(link(TALKS), others)
    assert "Not posted here: this chat does not follow Xabi Alonso, Bayern Munich or all rumours." in answer
    assert "Posted here" in await w.why(link(TALKS))  # the fan's chat got it


async def test_why_says_a_follow_made_after_the_story_arrived_came_too_late(w: World) -> None:
    late = ChatRef("test", "late")
    w.publish(TALKS)
    await w.cycle()
    w.clock.advance(minutes=10)
    await w.store.follow(late.key, "club", "Bayern Munich", "", w.clock())
    assert "this chat started following after the story arrived" in await w.why(link(TALKS), late)


async def test_why_says_when_an_alert_was_posted_and_that_a_stage_change_updated_its_card(w: World) -> None:
    w.publish(TALKS)
    await w.cycle()
    [alert] = w.sender.take()
    sent_at = w.clock()
    [thread] = await w.store.threads_about(club="Bayern Munich")
    assert alert.card is not None
    assert alert.card.footer.startswith(f"thread #{thread.state.id} · first seen ")  # the number /why takes
    label = f"thread #{thread.state.id} (Xabi Alonso → Bayern Munich)"
    answer = await w.why(link(TALKS))
    assert f"Posted here {sent_at:%d %b %H:%M} UTC: the alert that started {label}." in answer
    w.publish(AGREED)
    await w.cycle()
    answer = await w.why(link(AGREED))
    # A done agreement resolves the thread: its card is edited and the reply says so (not "now: agreed").
    update = f"the news that {label} was resolved (its card edited, and a reply)"
    assert f"Posted here {w.clock():%d %b %H:%M} UTC: {update}." in answer
    explained = await w.why(f"#{thread.state.id}")
    assert explained.startswith(f"Posted here {w.clock():%d %b %H:%M} UTC: {update}.")
    # /why explains the resolution: which story, credited to whom, reported as done, and the alert's line.
    assert f"\n\nResolved true on {w.clock():%d %b %H:%M} UTC: “Xabi Alonso agrees terms with Bayern Munich”" in (
        explained
    )
    assert "credited to David Ornstein, reported as done that Xabi Alonso → Bayern Munich: agreed." in explained
    assert explained.endswith(
        f"Confirmed: Xabi Alonso agrees terms with Bayern Munich (David Ornstein) — first reported by David Ornstein"
        f" on {sent_at.day} {sent_at:%b %Y}."
    )


async def test_why_says_a_corroborating_report_is_not_news_in_itself(w: World) -> None:
    w.publish(TALKS)
    await w.cycle()
    w.publish(TALKS_AGAIN, GOSSIP)
    await w.cycle()
    answer = await w.why(link(TALKS_AGAIN))
    assert "No new alert: it joined thread #" in answer
    assert "without moving it to a later stage" in answer


async def test_why_says_a_digest_chat_waits_for_its_roundup(w: World) -> None:
    await w.store.set_chat_prefs(FAN.key, ChatPrefs(mode="daily"))
    w.publish(TALKS)
    await w.cycle()
    assert w.sender.calls == []
    due = w.clock().replace(hour=8, minute=0, second=0, microsecond=0)
    due = due if due > w.clock() else due + timedelta(days=1)
    answer = await w.why(link(TALKS))
    assert f"Waiting for this chat's daily roundup, due {due:%d %b %H:%M} UTC" in answer


async def test_why_says_a_delivery_that_failed_is_retried_and_one_refused_for_good_failed(w: World) -> None:
    w.sender.failure = RetryLater("HTTP 502 from the platform")
    w.publish(TALKS)
    await w.cycle()
    [thread] = await w.store.threads_about(club="Bayern Munich")
    alert = f"the alert that started thread #{thread.state.id} (Xabi Alonso → Bayern Munich)"
    answer = await w.why(link(TALKS))
    assert f"Retrying: 1 attempt(s) to post {alert} failed (HTTP 502 from the platform); next try " in answer
    w.sender.failure = PermanentFailure("message too long")
    w.clock.advance(minutes=30)
    await Dispatcher(w.store, {"test": w.sender}, DeliverySettings(), clock=w.clock).run_once()
    answer = await w.why(link(TALKS))
    assert f"Delivery failed: {alert} could not be posted here (message too long)." in answer


async def test_why_says_follows_were_paused_when_the_bot_lost_access_to_the_chat(w: World) -> None:
    w.sender.failure = ChatGone("Forbidden: bot was blocked by the user")
    w.publish(TALKS)
    await w.cycle()
    answer = await w.why(link(TALKS))
    assert "Not posted: the bot lost access to this chat (chat unreachable), so its follows were paused" in answer
    w.publish(AGREED)
    await w.cycle()  # no delivery is queued for a paused follow
    assert "this chat's follows are paused because the bot could not post here" in await w.why(link(AGREED))


# -- the argument --------------------------------------------------------------------------------


async def test_why_has_not_seen_an_unknown_link(w: World) -> None:
    answer = await w.why("https://news.example/never-published")
    assert answer == "I have not seen that link in any feed I read, so there was nothing to post."


@pytest.mark.parametrize(
    "variant",
    [
        "http://news.example/w1",
        "https://news.example/w1/",
        "https://www.news.example/w1?utm_source=twitter&utm_medium=social",
        "<https://news.example/w1#comments>",
        "news.example/w1",
    ],
)
async def test_why_finds_a_link_whatever_its_scheme_trailing_slash_www_or_tracking_parameters(
    w: World, variant: str
) -> None:
    w.publish(TALKS)
    await w.cycle()
    assert "Posted here" in await w.why(variant)


async def test_why_by_thread_number_or_by_name_explains_the_latest_thread(w: World) -> None:
    w.publish(TALKS)
    await w.cycle()
    [bayern] = await w.store.threads_about(club="Bayern Munich")
    [madrid] = await w.store.threads_about(club="Real Madrid")
    by_number = await w.why(f"#{bayern.state.id}")
    assert by_number.startswith("Posted here ")
    assert f"the alert that started thread #{bayern.state.id} (Xabi Alonso → Bayern Munich)." in by_number
    assert await w.why(str(bayern.state.id)) == by_number
    assert await w.why("alonso") == by_number  # his latest thread
    first = await w.why(f"thread #{madrid.state.id}")
    assert first.startswith(f"thread #{madrid.state.id} (Xabi Alonso → Real Madrid): Not posted: its stories were")
    assert "already in their feeds when the bot first read them — a feed's first poll is recorded silently" in first


async def test_why_without_an_argument_or_with_nonsense_answers_with_the_usage_line(w: World) -> None:
    for args in ("", "   ", "%%% ???", "qwertyuiop", "#99999"):
        reply = await w.ask(args)
        assert reply.ephemeral, args
        assert "Usage: /why <link>" in reply.text, args
    assert (await w.ask("#99999")).text.startswith("There is no thread #99999.")


async def test_why_echoes_a_hostile_feed_title_as_plain_text_for_the_renderers_to_escape(w: World) -> None:
    hostile = ("w9", "@everyone <@&123> [x](http://evil.example) Chelsea sack Enzo Maresca",
               "Chelsea have sacked head coach Enzo Maresca, the club confirmed.")  # fmt: skip
    w.publish(hostile)
    await w.cycle()
    reply = await w.ask(link(hostile))
    assert reply.text.startswith("“@everyone <@&123> [x](http://evil.example) Chelsea sack Enzo Maresca” (wire.xml, ")
    assert reply.cards == ()
