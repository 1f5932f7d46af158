"""Commands through the Router against a real store whose threads the Ingestor built from feed items."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.analysis.analyser import Analyser
from bot.analysis.gazetteer import Gazetteer
from bot.commands.base import ChatRef, Invocation
from bot.commands.names import NameResolver
from bot.commands.router import COMMANDS, Router
from bot.llm.port import BuiltinAnalysis
from bot.pipeline.ingest import Ingestor, IngestPolicy, Item
from bot.render.card import Reply
from bot.render.text import render_reply
from bot.store.sqlite import SQLiteStore
from tests.fakes.clock import FakeClock

CHAT = ChatRef("test", "group-1")
OOPS = "something went wrong"


def item(key: str, title: str, text: str, outlet: str, published_hours_ago: float, clock: FakeClock) -> Item:
    url = f"https://news.example/{key}"
    return Item(key, title, text, url, clock() - timedelta(hours=published_hours_ago), outlet)


@pytest.fixture
async def router(store: SQLiteStore, analyser: Analyser, gazetteer: Gazetteer) -> Router:
    """Threads: Alonso–Bayern (talks → agreed, two sources), Alonso–Real Madrid (linked),
    Klopp–Real Madrid (talks), and Maresca–Chelsea (sacked, ten days ago)."""
    clock = FakeClock()
    feed = await store.add_feed("https://news.example/feed.xml", "", clock())
    ingestor = Ingestor(BuiltinAnalysis(analyser), store, IngestPolicy())
    batches = [
        [
            item("m1", "Chelsea sack Enzo Maresca", "Chelsea have sacked head coach Enzo Maresca after five "
                 "straight defeats, the club said in a statement.", "", 240, clock),
            item("a1", "Real Madrid consider Xabi Alonso as next coach", "Real Madrid are considering Xabi "
                 "Alonso as a candidate to replace their head coach in the summer, Marca reports.", "Marca", 30, clock),
            item("k1", "Real Madrid hold talks with Jurgen Klopp", "Real Madrid have held talks with Jurgen "
                 "Klopp about their head coach job, Marca reports.", "Marca", 26, clock),
            item("b1", "Bayern Munich hold talks with Xabi Alonso", "Bayern Munich have opened talks with Xabi "
                 "Alonso over their vacant head coach role, The Athletic's David Ornstein reports.", "", 25, clock),
        ],
        [
            item("b2", "Alonso and Bayern in talks over coaching job", "Xabi Alonso is in talks with Bayern "
                 "Munich about becoming their head coach, according to Sky Sports.", "Sky Sports", 4, clock),
        ],
        [
            item("b3", "Xabi Alonso agrees terms with Bayern Munich", "Xabi Alonso has agreed terms to become "
                 "the new Bayern Munich head coach, The Athletic's David Ornstein reports.", "", 1, clock),
        ],
    ]  # fmt: skip
    for batch in batches:
        await ingestor.ingest(feed.id, batch, clock(), alerts=False)
        clock.advance(days=1)
    return Router(store, NameResolver(gazetteer), clock=clock)


async def ask(router: Router, line: str, *, can_manage: bool = True) -> Reply:
    name, _, args = line.lstrip("/").partition(" ")
    return await router.handle(Invocation(CHAT, "user-7", name, args, "group", can_manage))


async def test_rumour_alonso_gives_cards_with_stage_clubs_source_corroboration_timeline_and_links(
    router: Router,
) -> None:
    reply = await ask(router, "/rumour alonso")
    assert reply.text == "Xabi Alonso: 2 rumour threads — Bayern Munich (agreed), Real Madrid (linked)"
    bayern = reply.cards[0]
    assert bayern.title == "Xabi Alonso → Bayern Munich: agreed"
    assert bayern.stage == "agreed"
    fields = dict(bayern.fields)
    assert fields["Stage"] == "agreed"
    assert fields["Best source"] == "David Ornstein (tier 1)"
    assert fields["Corroboration"] == "2 independent sources"
    assert fields["Timeline"] == "talks (11 Jun) → agreed (13 Jun)"
    # One link per outlet, its latest story: b1 and b3 are both David Ornstein's.
    assert [link.url for link in bayern.links] == [f"https://news.example/b{n}" for n in (3, 2)]
    assert "Xabi Alonso has agreed terms with Bayern Munich" in bayern.body
    assert reply.cards[1].title == "Xabi Alonso → Real Madrid: linked"
    assert dict(reply.cards[1].fields)["Best source"] == "Marca (tier 2)"


async def test_a_paper_and_its_own_reporter_count_as_one_voice_on_the_card(
    router: Router, store: SQLiteStore, analyser: Analyser
) -> None:
    feed = await store.add_feed("https://athletic.example/rss", "The Athletic", router.clock())
    athletic = Item("t1", "Alonso emerges as Bayern's top target", "Xabi Alonso is in talks with Bayern Munich over "
                    "the head coach job, The Athletic understands.", "https://athletic.example/1",
                    router.clock() - timedelta(hours=1), "The Athletic")  # fmt: skip
    await Ingestor(BuiltinAnalysis(analyser), store, IngestPolicy()).ingest(
        feed.id, [athletic], router.clock(), alerts=False
    )
    bayern = (await ask(router, "/rumour alonso")).cards[0]
    assert bayern.links[0].url == "https://athletic.example/1"
    [view] = await store.threads_about(club="Bayern Munich")
    assert next((r.source, r.duplicate) for r in view.reports) == ("The Athletic", False)
    # Ornstein writes for The Athletic: still two voices (his paper and Sky Sports), not three.
    assert dict(bayern.fields)["Corroboration"] == "2 independent sources"


async def test_misspelt_alonzo_finds_xabi_alonso(router: Router) -> None:
    reply = await ask(router, "/rumour alonzo")
    assert reply.text.startswith("Xabi Alonso: 2 rumour threads")
    assert "Xabi Alonso → Bayern Munich: agreed" in render_reply(reply)


async def test_club_nickname_los_blancos_gives_the_real_madrid_threads(router: Router) -> None:
    reply = await ask(router, "/rumour los blancos")
    assert reply.text == "Real Madrid: 2 rumour threads"
    assert sorted(c.title for c in reply.cards) == [
        "Jürgen Klopp → Real Madrid: talks",
        "Xabi Alonso → Real Madrid: linked",
    ]


async def test_near_miss_asks_did_you_mean(router: Router) -> None:
    reply = await ask(router, "/rumour anceloty")
    assert reply.text.startswith("I don't know “anceloty”. Did you mean Carlo Ancelotti")
    assert reply.cards == ()


async def test_unknown_name_gets_a_clear_reply_not_an_error(router: Router) -> None:
    reply = await ask(router, "/rumour zzzz qqq")
    assert reply.text == (
        "I don't know a manager or club called “zzzz qqq”. Try a surname or a club, e.g. /rumour alonso."
    )
    known_without_threads = await ask(router, "/rumour arteta")
    assert known_without_threads.text.startswith("No rumours about Mikel Arteta yet.")


@pytest.mark.parametrize("argument", ["q" * 10_240, "alonso\u202e\x00 " * 1_024], ids=["letters", "mixed"])
async def test_ten_kilobyte_argument_gets_a_short_polite_reply(router: Router, argument: str) -> None:
    reply = await ask(router, f"/rumour {argument}")
    assert OOPS not in reply.text
    assert reply.text.startswith("I don't know")
    assert len(reply.text) < 200
    assert "\u202e" not in reply.text
    assert "\x00" not in reply.text


async def test_follow_needs_can_manage_while_rumour_works_for_everyone(router: Router) -> None:
    refused = await ask(router, "/follow alonso", can_manage=False)
    assert refused.text.startswith("Only admins can change what this chat follows")
    assert refused.ephemeral
    assert (await ask(router, "/unfollow all", can_manage=False)).text == refused.text
    assert (await ask(router, "/following")).text.startswith("This chat follows nothing yet.")
    anyone = await ask(router, "/rumour alonso", can_manage=False)
    assert anyone.text.startswith("Xabi Alonso: 2 rumour threads")


async def test_follow_all_unfollow_and_following(router: Router) -> None:
    assert (await ask(router, "/follow all")).text.startswith("Following every manager rumour.")
    assert (await ask(router, "/follow alonzo")).text.startswith("Following Xabi Alonso.")
    assert (await ask(router, "/follow alonso")).text == "This chat already follows Xabi Alonso."
    assert (await ask(router, "/follow los blancos")).text.startswith("Following Real Madrid.")
    assert (await ask(router, "/following")).text == (
        "This chat follows:\n• all manager rumours\n• Real Madrid (club)\n• Xabi Alonso (manager)"
    )
    assert (await ask(router, "/unfollow alonso")).text == "Stopped following Xabi Alonso."
    assert (await ask(router, "/unfollow alonso")).text == "This chat was not following Xabi Alonso."
    assert (await ask(router, "/unfollow all")).text == "Stopped following all rumours."
    assert (await ask(router, "/following")).text == "This chat follows:\n• Real Madrid (club)"
    assert (await ask(router, "/follow zzzz qqq")).text.startswith("I don't know a manager or club")


async def test_hot_lists_this_weeks_threads_hottest_first(router: Router) -> None:
    reply = await ask(router, "/hot")
    assert reply.text == "Hottest rumours right now:"
    titles = [c.title for c in reply.cards]
    assert titles[0] == "Xabi Alonso → Bayern Munich: agreed"
    assert set(titles) == {
        "Xabi Alonso → Bayern Munich: agreed",
        "Jürgen Klopp → Real Madrid: talks",
        "Xabi Alonso → Real Madrid: linked",
    }  # the Chelsea sacking is ten days old
    assert all("Timeline" not in dict(c.fields) for c in reply.cards)


async def test_sources_shows_failing_and_disabled_feeds_with_their_reasons(router: Router, store: SQLiteStore) -> None:
    clock = FakeClock()
    failing = await store.add_feed("https://slow.example/rss", "Slow Times", clock())
    gone = await store.add_feed("https://gone.example/rss", "", clock())
    for _ in range(2):
        await store.record_fetch_failure(failing.id, error="HTTP 503", next_poll_at=clock(), now=clock(), disable=False)
    await store.record_fetch_failure(gone.id, error="HTTP 410 Gone", next_poll_at=clock(), now=clock(), disable=True)
    reply = await ask(router, "/sources")
    assert reply.text.splitlines() == [
        "3 feeds: 1 ok, 1 failing, 1 disabled.",
        "• failing since 11 Jun 09:00 UTC (2×): Slow Times — HTTP 503",
        "• disabled: https://gone.example/rss — HTTP 410 Gone",
    ]


async def test_sources_says_how_many_more_failing_feeds_it_did_not_list(router: Router, store: SQLiteStore) -> None:
    clock = FakeClock()
    for n in range(16):
        feed = await store.add_feed(f"https://feeds.example/{n:02d}.xml", f"Outlet {n:02d}", clock())
        await store.record_fetch_failure(feed.id, error="offline", next_poll_at=clock(), now=clock(), disable=False)
    lines = (await ask(router, "/sources")).text.splitlines()
    assert lines[0] == "17 feeds: 1 ok, 16 failing, 0 disabled."
    assert len(lines) == 1 + 10 + 1
    assert lines[-1] == "… and 6 more failing feeds."


async def test_sources_tells_apart_feeds_of_one_outlet_by_their_address(router: Router, store: SQLiteStore) -> None:
    clock = FakeClock()
    for path in ("football", "football/premier-league", "football/european"):
        feed = await store.add_feed(f"https://feeds.bbci.co.uk/sport/{path}/rss.xml", "BBC Sport", clock())
        await store.record_fetch_failure(feed.id, error="HTTP 503", next_poll_at=clock(), now=clock(), disable=False)
    lines = (await ask(router, "/sources")).text.splitlines()[1:]
    assert lines == [
        "• failing since 11 Jun 09:00 UTC (1×): BBC Sport (feeds.bbci.co.uk/sport/football/rss.xml) — HTTP 503",
        "• failing since 11 Jun 09:00 UTC (1×): BBC Sport (feeds.bbci.co.uk/sport/football/premier-league/rss.xml)"
        " — HTTP 503",
        "• failing since 11 Jun 09:00 UTC (1×): BBC Sport (feeds.bbci.co.uk/sport/football/european/rss.xml)"
        " — HTTP 503",
    ]


async def test_settings_without_arguments_puts_its_heading_above_the_current_settings(router: Router) -> None:
    lines = (await ask(router, "/settings")).text.splitlines()
    assert lines[0] == "Settings for this chat:"
    assert lines[1].startswith("This chat gets instant alerts")
    assert lines.index("To change them:") > 1
    assert lines[-1].startswith("/settings stage ")


async def test_help_lists_every_command_and_unknown_commands_point_to_it(router: Router) -> None:
    text = (await ask(router, "/help")).text
    assert all(f"/{name} — " in text for name in COMMANDS)
    assert (await ask(router, "/transfer alonso")).text == "Unknown command /transfer. Try /help."
