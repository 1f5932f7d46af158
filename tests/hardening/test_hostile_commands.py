"""Strangers' commands: huge arguments, look-alike letters, SQL, markup and mentions in what is echoed
back, and state changes without the right to manage the chat. Everything goes through the Router with a
real store; replies are checked as each platform's renderer would send them."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from datetime import timedelta

import pytest

from bot.analysis.analyser import Analyser
from bot.analysis.gazetteer import Gazetteer
from bot.commands.base import ChatRef, Invocation
from bot.commands.names import NameResolver
from bot.commands.ratelimit import CommandLimiter
from bot.commands.router import COMMANDS, OPERATOR_COMMANDS, Router
from bot.llm.port import BuiltinAnalysis
from bot.pipeline.ingest import Ingestor, IngestPolicy, Item
from bot.render import discord_embed, telegram_html
from bot.render.card import Reply
from bot.store.sqlite import SQLiteStore
from tests.builders import prediction_commands
from tests.fakes.clock import FakeClock
from tests.fakes.telegram_markup import telegram_text

CHAT = ChatRef("test", "group-1")
OOPS = "something went wrong"
ALONSO_THREADS = "Xabi Alonso: 1 rumour thread"


@pytest.fixture
async def router(store: SQLiteStore, analyser: Analyser, gazetteer: Gazetteer) -> Router:
    """One thread (Xabi Alonso → Real Madrid, linked); no rate limit, so each test may ask many times."""
    clock = FakeClock()
    feed = await store.add_feed("https://news.example/feed.xml", "", clock())
    story = Item("a1", "Real Madrid consider Xabi Alonso as next coach", "Real Madrid are considering Xabi Alonso "
                 "as a candidate to replace their head coach in the summer, Marca reports.",
                 "https://news.example/a1", clock() - timedelta(hours=2), "Marca")  # fmt: skip
    await Ingestor(BuiltinAnalysis(analyser), store, IngestPolicy()).ingest(feed.id, [story], clock(), alerts=False)
    names = NameResolver(gazetteer)
    game = prediction_commands(store, names, clock)
    return Router(store, names, clock=clock, limiter=CommandLimiter(0, 0), predictions=game)


async def ask(router: Router, line: str, *, can_manage: bool = True) -> Reply:
    name, _, args = line.removeprefix("/").partition(" ")
    return await router.handle(Invocation(CHAT, "user-7", name, args, "group", can_manage))


def snapshot(store: SQLiteStore) -> str:
    """A digest of every row of every table, read through a second connection."""
    with sqlite3.connect(store.path) as db:
        return hashlib.sha256("\n".join(db.iterdump()).encode()).hexdigest()


# ----- size --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [*COMMANDS, *OPERATOR_COMMANDS, "start", "x" * 10_240])
async def test_ten_kilobyte_arguments_to_every_command_get_a_short_answer_and_change_nothing(
    router: Router, store: SQLiteStore, name: str
) -> None:
    before = snapshot(store)
    short = await ask(router, f"/{name} a", can_manage=False)
    reply = await ask(router, f"/{name} {'a' * 10_240}", can_manage=False)
    assert OOPS not in reply.text
    assert len(reply.text) <= len(short.text) + 100  # the echo is cut, whatever the size of the argument
    assert len(reply.cards) == len(short.cards)
    assert snapshot(store) == before


# ----- look-alike letters ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ["ａｌｏｎｓｏ", "ＡＬＯＮＳＯ", "𝐀𝐥𝐨𝐧𝐬𝐨", "ｘａｂｉ ａｌｏｎｓｏ", "Аlonso", "аlоnsо", "Αlonso"],
    ids=["fullwidth", "fullwidth-capitals", "maths-bold", "fullwidth-full-name", "cyrillic-A", "cyrillic-aoo", "greek"],
)
async def test_fullwidth_styled_and_look_alike_letters_find_the_manager_they_spell(router: Router, query: str) -> None:
    assert (await ask(router, f"/rumour {query}")).text == ALONSO_THREADS


def test_no_look_alike_spelling_of_any_known_name_resolves_to_someone_else(gazetteer: Gazetteer) -> None:
    """Every manager and club alias with each look-alike letter swapped in (one at a time, and all at
    once) finds what the alias itself finds. Without the mapping "Rоdgers" (Cyrillic о) is one typo
    from "Rangers", and "Laziо" went to AZ Alkmaar."""
    look_alikes = dict(zip("aeopcyxisjABEKMHOPCTXYIJS", "аеорсухіѕјАВЕКМНОРСТХУІЈЅ", strict=True))
    resolver = NameResolver(gazetteer)
    wrong: list[tuple[str, str, str]] = []
    tried = 0
    for entity in (*gazetteer.managers.values(), *gazetteer.clubs.values()):
        for alias in (entity.name, *entity.aliases):
            expected = resolver.resolve(alias)
            variants = {alias[:i] + look_alikes[c] + alias[i + 1 :] for i, c in enumerate(alias) if c in look_alikes}
            variants.add("".join(look_alikes.get(c, c) for c in alias))
            for variant in variants - {alias}:
                tried += 1
                found = resolver.resolve(variant)
                if found.kind in ("manager", "club") and found != expected:
                    wrong.append((alias, variant, found.name))
    assert tried > 1000
    assert wrong == []


@pytest.mark.parametrize("query", ["Спартак", "Ολυμπιακός", "\u202ealonso", "a\u0301\u0301\u0301" * 500, "ﷺ" * 300])
async def test_other_scripts_and_combining_marks_never_crash_or_find_a_wrong_person(router: Router, query: str) -> None:
    reply = await ask(router, f"/rumour {query}")
    assert OOPS not in reply.text
    assert reply.text == ALONSO_THREADS or reply.text.startswith("I don't know")


# ----- SQL ---------------------------------------------------------------------------------------------


async def test_sql_injection_in_arguments_is_only_text_and_leaves_the_database_intact(
    router: Router, store: SQLiteStore
) -> None:
    threads = len(await store.threads_about(manager="Xabi Alonso"))
    reply = await ask(router, "/rumour alonso'; DROP TABLE threads;--")
    assert reply.text == ALONSO_THREADS  # read as a (slightly misspelt) name, answered normally
    other = await ask(router, "/rumour ' OR 1=1; DELETE FROM feeds; --")
    assert other.text.startswith("I don't know")
    followed = await ask(router, '/follow alonso"); DROP TABLE subscriptions; --')
    assert followed.text.startswith("Following Xabi Alonso.")
    assert await store.integrity_check() == "ok"
    assert len(await store.threads_about(manager="Xabi Alonso")) == threads == 1
    assert len(await store.list_feeds()) == 1
    assert [s.target for s in await store.following(CHAT.key)] == ["Xabi Alonso"]


# ----- markup and mentions echoed back ---------------------------------------------------------------

INJECTIONS = [
    "<b>@everyone</b>",
    "@here <@&123> <@42> <#1001>",
    "[free](http://evil.example) *bold* __u__ ~~s~~ ||spoiler|| `code`",
    '<a href="http://evil.example">x</a> &lt;b&gt; &amp;',
    "# heading\n- list\n> quote",
]


def telegram_shows(reply: Reply) -> str:
    """What a Telegram client displays (telegram_text raises where the Bot API would reject the HTML)."""
    shown = "\n\n".join(telegram_text(m.html) for m in telegram_html.render_reply(reply))
    for message in telegram_html.render_reply(reply):
        tags = re.findall(r"</?([a-z]+)", message.html)
        assert set(tags) <= {"b", "i", "a"}, tags  # only the renderer's own tags
        assert "evil.example" not in "".join(re.findall(r'<a href="([^"]*)"', message.html))
    return shown


def discord_is_inert(text: str) -> bool:
    """True when every markdown or mention character of ``text`` as rendered is escaped."""
    rendered = discord_embed.render_content(text)
    unescaped = re.sub(r"\\.", "", rendered)
    return not re.search(r"[@<>\[\]()*_~`|#]", unescaped)


@pytest.mark.parametrize("payload", INJECTIONS)
@pytest.mark.parametrize("command", ["rumour", "follow", "unfollow"])
async def test_markup_and_mentions_in_echoed_arguments_arrive_inert_on_telegram_and_discord(
    router: Router, command: str, payload: str
) -> None:
    reply = await ask(router, f"/{command} {payload}")
    assert reply.text.startswith("I don't know")
    assert not reply.cards
    shown = telegram_shows(reply)
    assert " ".join(payload.split())[:20] in shown  # the text itself, shown literally
    assert discord_is_inert(reply.text)


@pytest.mark.parametrize("payload", INJECTIONS[:3])
async def test_markup_in_an_unknown_command_name_is_echoed_inert(router: Router, payload: str) -> None:
    name = payload.split(maxsplit=1)[0]
    reply = await ask(router, f"/{name}")
    assert reply.text.startswith("Unknown command /")
    assert name.lower()[:20] in telegram_shows(reply)
    assert discord_is_inert(reply.text)


# ----- permissions -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [*COMMANDS, *OPERATOR_COMMANDS, "start"])
@pytest.mark.parametrize("args", ["", "all", "alonso", "real madrid", "mode daily", "tier 0", "stage agreed"])
async def test_no_command_changes_any_stored_state_without_can_manage(
    router: Router, store: SQLiteStore, name: str, args: str
) -> None:
    """Every command there is (a new one is covered the day it joins COMMANDS)."""
    before = snapshot(store)
    reply = await ask(router, f"/{name} {args}", can_manage=False)
    assert OOPS not in reply.text
    assert snapshot(store) == before


async def test_state_changing_commands_are_refused_politely_without_can_manage_and_work_with_it(
    router: Router, store: SQLiteStore
) -> None:
    before = snapshot(store)
    for line in ("/follow alonso", "/unfollow alonso", "/settings mode daily"):
        refused = await ask(router, line, can_manage=False)
        assert refused.text.startswith("Only admins can change"), line
        assert refused.ephemeral
    assert snapshot(store) == before
    for line in ("/follow alonso", "/unfollow alonso", "/settings mode daily"):
        changed = snapshot(store)
        await ask(router, line)
        assert snapshot(store) != changed, line  # the snapshot sees each change, so the test above can fail
