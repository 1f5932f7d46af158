"""Prediction questions on Discord, through the real discord.py against the fake API: a message with a
select menu per question, the menu removed at the lock, and each pick recorded before it is confirmed
(ephemerally) to the fan who made it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.domain import ChatRef
from bot.predictions.ports import Vote
from bot.render.card import QuestionCard
from tests.fakes import discord_payloads as p
from tests.fakes.discord_harness import DiscordAdapter, Harness

CHANNEL = ChatRef("discord", p.TEXT_ID)
CARD = QuestionCard(
    12, "Who will be Chelsea's next permanent manager? (#12)", ("Xabi Alonso", "Thomas Frank", "Someone else"), "Pick"
)
EPHEMERAL = 64


class Game:
    def __init__(self) -> None:
        self.votes: list[Vote] = []
        self.broken = False

    async def answer(self, vote: Vote) -> str:
        if self.broken:
            raise OSError("disk I/O error")
        self.votes.append(vote)
        return f"Your call on #{vote.question_id}: option {vote.choice} @everyone"


@pytest.fixture
async def game() -> Game:
    return Game()


@pytest.fixture
async def h(game: Game) -> AsyncIterator[Harness]:
    async with Harness.running(start_bot=False) as running:
        await running.start_bot(on_answer=game.answer)
        yield running


async def posted_question(h: Harness, bot: DiscordAdapter) -> str:
    message_id, poll = await bot.post_question(CHANNEL, CARD, nonce="rb-q7")
    assert poll == ""
    return message_id


async def test_a_question_is_a_message_with_a_menu_of_its_options_and_a_nonce(h: Harness) -> None:
    message_id = await posted_question(h, h.bot)
    [body] = h.posted()
    assert body["nonce"] == "rb-q7"
    assert body["enforce_nonce"] is True
    assert body["embeds"][0]["title"].startswith("Who will be Chelsea")
    [[menu]] = [row["components"] for row in body["components"]]
    assert (menu["type"], menu["custom_id"]) == (3, "rbq:12")
    assert [(o["label"], o["value"]) for o in menu["options"]] == [
        ("Xabi Alonso", "0"), ("Thomas Frank", "1"), ("Someone else", "2"),
    ]  # fmt: skip
    assert body["allowed_mentions"] == {"parse": []}
    assert message_id == str(next(iter(h.srv.messages)))


async def test_a_pick_is_handed_to_the_game_then_confirmed_only_to_the_fan(h: Harness, game: Game) -> None:
    message_id = await posted_question(h, h.bot)
    iid = await h.srv.pick(message_id, ["1"], user=p.fan("77", "Ann"))
    call = await h.srv.wait_for_call("POST", f"/interactions/{iid}/")
    assert [(v.platform, v.user_id, v.user_name, v.choice, v.question_id) for v in game.votes] == [
        ("discord", "77", "Ann", 1, 12)
    ]
    assert game.votes[0].dedupe == f"dc:{iid}"
    assert call.json["type"] == 4
    assert call.json["data"]["flags"] & EPHEMERAL
    assert call.json["data"]["content"] == "Your call on \\#12: option 1 @everyone".replace("@", "\\@")
    assert call.json["data"]["allowed_mentions"] == {"parse": []}


async def test_a_pick_that_could_not_be_recorded_is_not_confirmed(h: Harness, game: Game) -> None:
    message_id = await posted_question(h, h.bot)
    game.broken = True
    iid = await h.srv.pick(message_id, ["0"])
    call = await h.srv.wait_for_call("POST", f"/interactions/{iid}/")
    assert call.json["data"]["content"].startswith("Sorry, your call could not be recorded")


async def test_the_lock_removes_the_menu(h: Harness) -> None:
    message_id = await posted_question(h, h.bot)
    locked = QuestionCard(CARD.number, CARD.question, CARD.options, "Locked", locked=True)
    await h.bot.close_question(CHANNEL, message_id, locked)
    [edit] = h.srv.calls_to("PATCH", f"/channels/{p.TEXT_ID}/messages/{message_id}")
    assert edit.json["components"] == []
    assert edit.json["embeds"][0]["footer"]["text"] == "Locked"
    await h.bot.close_question(CHANNEL, message_id, locked)  # twice is fine
