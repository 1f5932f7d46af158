"""/predict, /leaderboard, /mycalls, /call and /why q<N> through the Router on a real store: what a chat
sees, and a clear answer naming the problem for every bad input."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.analysis.gazetteer import Gazetteer
from bot.commands.base import ChatRef, Invocation
from bot.commands.names import NameResolver
from bot.commands.router import Router
from bot.domain import Relation
from bot.predictions.referee import Referee
from bot.render.text import render_reply
from bot.store.sqlite import SQLiteStore
from tests.builders import add_report, prediction_commands
from tests.fakes.clock import FakeClock

NOW = datetime(2025, 11, 3, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)
CHAT = ChatRef("console", "fans")


class Chat:
    def __init__(self, router: Router, clock: FakeClock) -> None:
        self.router = router
        self.clock = clock

    async def say(self, line: str, *, user: str = "ann", admin: bool = True, chat: ChatRef = CHAT) -> str:
        name, _, args = line.removeprefix("/").partition(" ")
        reply = await self.router.handle(Invocation(chat, user, name, args, "group", admin))
        return render_reply(reply)


@pytest.fixture
async def chat(store: SQLiteStore, gazetteer: Gazetteer) -> Chat:
    """Chelsea sacked Maresca; Alonso and Frank are linked with the job; Arteta is under pressure."""
    await add_report(store, "Enzo Maresca", "Chelsea", Relation.SACKED, NOW - 3 * DAY, source="Chelsea", tier=0)
    await add_report(store, "Xabi Alonso", "Chelsea", Relation.TALKS, NOW - DAY, source="David Ornstein")
    await add_report(store, "Thomas Frank", "Chelsea", Relation.LINKED, NOW - 2 * DAY, source="The Sun", tier=4)
    await add_report(store, "Mikel Arteta", "Arsenal", Relation.UNDER_PRESSURE, NOW - DAY, source="The Sun", tier=4)
    clock = FakeClock(NOW)
    names = NameResolver(gazetteer)
    return Chat(Router(store, names, clock=clock, predictions=prediction_commands(store, names, clock)), clock)


async def test_an_admin_opens_a_question_and_the_chat_lists_it(chat: Chat) -> None:
    assert (await chat.say("/predict")).startswith("No open question in this chat.")
    opened = await chat.say("/predict open chelsea")
    assert opened == "Question #1 is open: Who will be Chelsea's next permanent manager? Calls lock on 03 Dec 2025."
    pressure = await chat.say("/predict open arteta 2025-11-30")
    assert pressure == (
        "Question #2 is open: Will Mikel Arteta still be in charge at Arsenal on 30 Nov 2025?"
        " Calls lock on 30 Nov 2025."
    )
    await chat.say("/call 1 2", user="bob")
    listed = await chat.say("/predict", admin=False)
    assert listed.splitlines() == [
        "Questions here:",
        "#2 Will Mikel Arteta still be in charge at Arsenal on 30 Nov 2025? — open until 30 Nov 2025;"
        " 0 fan(s) answered",
        "#1 Who will be Chelsea's next permanent manager? — open until 03 Dec 2025; 1 fan(s) answered",
        "Automatic questions: off. /predict open <club or manager> asks one (admins).",
    ]


@pytest.mark.parametrize(
    ("line", "answer"),
    [
        ("/predict open", "Open a question on what? Try /predict open chelsea"),
        ("/predict open qwertyuiop", "I don't know a manager or club called “qwertyuiop”."),
        ("/predict open chelsea 2020-01-01", "The deadline (01 Jan 2020) must be in the future."),
        ("/predict open chelsea 2026-02-30", "“2026-02-30” is not a date I can read"),
        ("/predict open chelsea 900", "The deadline must be within a year."),
        ("/predict open arsenal", "Nobody is linked with the Arsenal job yet"),
        ("/predict open maresca", "Enzo Maresca already left Chelsea (31 Oct 2025)."),
        ("/predict fly me to the moon", "I don't know “/predict fly”."),
        ("/predict close #x", "Close which question? Give its number, e.g. /predict close #12 (not “#x”)."),
        ("/predict close", "This chat has no open question to close."),
        ("/predict close 7", "There is no question #7 in this chat. /predict lists them."),
        ("/predict off now", "/predict off takes nothing more."),
    ],
)
async def test_bad_input_gets_an_answer_naming_the_problem(chat: Chat, line: str, answer: str) -> None:
    assert (await chat.say(line)).startswith(answer)


async def test_only_admins_open_close_or_switch_questions_and_anyone_may_look(chat: Chat) -> None:
    for line in ("/predict open chelsea", "/predict close", "/predict off", "/predict on"):
        assert (await chat.say(line, admin=False)).startswith("Only admins can open or close questions"), line
    assert (await chat.say("/predict", admin=False)).startswith("No open question")


async def test_a_question_closed_twice_says_it_already_is(chat: Chat) -> None:
    await chat.say("/predict open chelsea")
    assert (await chat.say("/predict close")).startswith("Question #1 is closed: calls made until now count")
    assert await chat.say("/predict close #1") == "Question #1 is already closed (03 Nov 2025)."


async def test_automatic_questions_switch_off_and_on_and_say_when_nothing_changed(chat: Chat) -> None:
    assert (await chat.say("/predict off")).startswith("Automatic questions are now off in this chat.")
    assert await chat.say("/predict off") == "Automatic questions are already off in this chat."
    on = await chat.say("/predict on")
    assert on.startswith("Automatic questions are now on in this chat (the bot's [predictions] auto setting is off")


async def test_leaderboard_and_mycalls_after_a_question_resolves(chat: Chat, store: SQLiteStore) -> None:
    assert (await chat.say("/leaderboard")).startswith("Leaderboard, 2025-26 season: no calls scored yet.")
    assert (await chat.say("/mycalls")).startswith("You have made no call in this chat yet.")
    await chat.say("/predict open chelsea")
    await chat.say("/call 1 alonso", user="ann")
    chat.clock.advance(days=2)
    await chat.say("/call 1 1", user="bob")
    await chat.say("/call 1 frank", user="cat")
    chat.clock.advance(days=2)
    await chat.say("/call 1 2", user="bob")  # bob changes his mind
    mine = await chat.say("/mycalls", user="bob")
    assert "your call: Thomas Frank (since 07 Nov 2025) — counts until it locks" in mine
    await add_report(store, "Thomas Frank", "Chelsea", Relation.APPOINTED, chat.clock() + DAY, source="Chelsea", tier=0)
    chat.clock.advance(days=2)
    assert chat.router.predictions is not None
    await Referee(chat.router.predictions.game).tick()
    board = await chat.say("/leaderboard", admin=False)
    assert board.splitlines() == [
        "Leaderboard, 2025-26 season:",
        "1. cat — 80 pts (1/1 right)",  # lock on day 5; cat called it on day 2, bob on day 4
        "2. bob — 60 pts (1/1 right)",
        "3. ann — 0 pts (0/1 right)",
    ]
    assert board == await chat.say("/leaderboard 2025/26")
    assert board.replace("2025-26 season", "all seasons") == await chat.say("/leaderboard all")
    assert (await chat.say("/leaderboard 2019")).startswith(
        "Leaderboard, 2019-20 season: no calls scored yet. Answer a question"
    )
    assert (await chat.say("/leaderboard 2019")).endswith("Seasons with calls here: 2025-26.")
    assert (await chat.say("/leaderboard soon")).startswith("“soon” is not a season")
    record = await chat.say("/mycalls", user="bob")
    assert "your call: Thomas Frank (07 Nov 2025) — right, 60 pts" in record
    assert record.endswith("This season (2025-26): 60 pts, 1 of 1 right. All seasons: 60 pts from 1 scored call(s).")


async def test_why_q_tells_what_became_of_a_question_and_of_the_askers_call(chat: Chat) -> None:
    await chat.say("/predict open chelsea")
    await chat.say("/call 1 alonso")
    chat.clock.advance(hours=1)
    await chat.say("/predict close 1")
    chat.clock.advance(hours=1)
    await chat.say("/call 1 frank")  # after the lock
    why = await chat.say("/why q1", admin=False)
    assert why.splitlines() == [
        "Question #1: Who will be Chelsea's next permanent manager?",
        "• Opened 03 Nov 12:00 UTC by an admin.",
        "• The question: queued, about to be posted.",
        "• Locked 03 Nov 13:00 UTC: an admin closed it; calls made after that do not count. It is scored when the"
        " answer is known.",
        "• 1 fan(s) answered.",
        "• Your call: Xabi Alonso, held since 03 Nov 12:00 UTC; your change at 03 Nov 14:00 UTC came after it"
        " locked, so it does not count.",
    ]
    assert (await chat.say("/why question 9")).startswith("There is no question #9 in this chat.")
    assert (await chat.say("/why q1", chat=ChatRef("console", "elsewhere"))).startswith("There is no question #1")
    assert "thread #" in await chat.say("/why #1")  # a thread number is still a thread
    about = await chat.say("/why alonso")
    assert about.startswith("thread #")
    assert about.endswith("Prediction questions here about Xabi Alonso's sagas: #1 (locked; /why q1).")
    assert "Prediction questions" not in await chat.say("/why arteta")


async def test_call_is_the_consoles_way_to_answer_and_names_bad_options(chat: Chat) -> None:
    await chat.say("/predict open chelsea")
    assert (await chat.say("/call 1 9")).startswith(
        "Question #1 has no option “9”. Options: 1 Xabi Alonso, 2 Thomas Frank, 3 Someone else."
    )
    assert (await chat.say("/call 5 1")).startswith("Usage: /call <question number> <option number or name>")
    assert (await chat.say("/call 1 someone")).startswith("Your call on #1: Someone else.")
    telegram = ChatRef("telegram", "-100")
    assert (await chat.say("/call 1 1", chat=telegram)).startswith("Answer in the question's poll (Telegram)")
