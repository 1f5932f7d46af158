"""The Discord adapter as a Sender: the real discord.py 2.7 client posting to a fake Discord."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest

from bot.commands.base import ChatRef
from bot.delivery.ports import ChatGone, PermanentFailure, RetryLater
from bot.render.card import Card
from bot.render.discord_embed import STAGE_COLOURS
from tests.fakes import discord_payloads as p
from tests.fakes.discord_harness import CARD, TEXT, Harness

HOSTILE = "@everyone <b>FREE</b> [x](http://evil.example) <@&123>"
AGREED = Card(title="Alonso → Liverpool: agreed", stage="agreed")


@pytest.fixture
async def h() -> AsyncIterator[Harness]:
    async with Harness.running() as harness:
        yield harness


async def test_send_posts_embed_with_no_mentions_and_hostile_title_is_inert(h: Harness) -> None:
    message_id = await h.bot.send(TEXT, Card(title=HOSTILE, body=HOSTILE))
    (body,) = h.posted()
    assert message_id in h.srv.messages
    assert body["allowed_mentions"] == {"parse": []}
    assert not body.get("content")
    title = body["embeds"][0]["title"]
    assert title == r"\@everyone \<b\>FREE\</b\> \[x\]\(http://evil.example\) \<\@&123\>"
    assert body["embeds"][0]["description"] == title


async def test_send_with_ping_role_allows_exactly_that_role(h: Harness) -> None:
    await h.bot.send(TEXT, CARD, ping_role="123")
    (body,) = h.posted()
    assert body["content"] == "<@&123>"
    assert body["allowed_mentions"] == {"parse": [], "roles": [123]}


async def test_send_with_nonce_enforces_it_so_a_resend_posts_once(h: Harness) -> None:
    first = await h.bot.send(TEXT, CARD, nonce="delivery-17")
    again = await h.bot.send(TEXT, CARD, nonce="delivery-17")
    body = h.posted()[0]
    assert (body["nonce"], body["enforce_nonce"]) == ("delivery-17", True)
    assert first == again
    assert sum(m["nonce"] == "delivery-17" for m in h.srv.messages.values()) == 1


async def test_long_nonce_is_hashed_to_discords_25_characters(h: Harness) -> None:
    await h.bot.send(TEXT, CARD, nonce="discord:1001::thread-42:stage-agreed")
    assert len(h.posted()[0]["nonce"]) == 25


async def test_send_text_escapes_and_replies_to_the_earlier_message(h: Harness) -> None:
    first = await h.bot.send(TEXT, CARD)
    await h.bot.send_text(TEXT, "now: agreed — Sky *Sports*", reply_to=first)
    body = h.posted()[1]
    assert body["content"] == r"now: agreed — Sky \*Sports\*"
    assert body["message_reference"]["message_id"] == int(first)
    assert body["allowed_mentions"] == {"parse": []}


async def test_forum_channel_gets_a_thread_post_whose_id_works_for_edit_and_reply(h: Harness) -> None:
    forum = ChatRef("discord", p.FORUM_ID, "")
    post_id = await h.bot.send(forum, CARD)
    (call,) = h.srv.calls_to("POST", f"/channels/{p.FORUM_ID}/threads")
    assert call.json["name"] == CARD.title
    assert call.json["message"]["embeds"][0]["title"] == CARD.title
    assert call.json["message"]["allowed_mentions"] == {"parse": []}
    thread_id, message_id = post_id.split("/")
    await h.bot.edit(forum, post_id, AGREED)
    (edit,) = h.srv.calls_to("PATCH", f"/channels/{thread_id}/messages/{message_id}")
    assert edit.json["embeds"][0]["title"] == AGREED.title
    await h.bot.send_text(forum, "now: agreed", reply_to=post_id)
    assert h.posted(thread_id)[0]["message_reference"]["message_id"] == int(message_id)


async def test_send_to_a_thread_posts_in_the_thread(h: Harness) -> None:
    await h.bot.send(ChatRef("discord", p.TEXT_ID, p.THREAD_ID), CARD)
    assert len(h.posted(p.THREAD_ID)) == 1
    assert h.posted() == []


async def test_edit_patches_the_message_with_the_new_embed(h: Harness) -> None:
    message_id = await h.bot.send(TEXT, CARD)
    await h.bot.edit(TEXT, message_id, AGREED)
    (call,) = h.srv.calls_to("PATCH", f"/channels/{p.TEXT_ID}/messages/{message_id}")
    assert call.json["embeds"][0]["title"] == AGREED.title
    assert call.json["embeds"][0]["color"] == STAGE_COLOURS["agreed"]
    assert call.json["allowed_mentions"] == {"parse": []}


async def test_rate_limited_post_is_waited_out_and_posted_once(h: Harness) -> None:
    h.srv.fail_posts(429, retry_after=0.2)
    started = time.monotonic()
    message_id = await h.bot.send(TEXT, CARD)
    assert time.monotonic() - started >= 0.2
    assert len(h.posted()) == 2  # the 429 and the retry
    assert list(h.srv.messages) == [message_id]


@pytest.mark.parametrize(
    ("status", "code", "error"),
    [(403, 50013, ChatGone), (404, 10003, ChatGone), (400, 50035, PermanentFailure), (503, 0, RetryLater)],
)
async def test_failed_post_maps_to_delivery_error(h: Harness, status: int, code: int, error: type[Exception]) -> None:
    h.srv.fail_posts(status, code=code)
    with pytest.raises(error):
        await h.bot.send(TEXT, CARD)
    assert h.srv.messages == {}


async def test_edit_of_a_deleted_message_is_a_permanent_failure_not_a_gone_chat(h: Harness) -> None:
    with pytest.raises(PermanentFailure):
        await h.bot.edit(TEXT, "999", CARD)


async def test_unknown_channel_is_chat_gone(h: Harness) -> None:
    with pytest.raises(ChatGone):
        await h.bot.send(ChatRef("discord", "4040", ""), CARD)


async def test_send_after_stop_asks_to_retry_later() -> None:
    async with Harness.running(start_bot=False) as h:
        await h.start_bot()
        await h.bot.stop()
        with pytest.raises(RetryLater):
            await h.bot.send(TEXT, CARD)


async def test_deleted_channel_and_its_thread_are_reported_gone(h: Harness) -> None:
    await h.srv.dispatch("CHANNEL_DELETE", p.CHANNELS[p.TEXT_ID])
    for _ in range(100):
        if len(h.gone) == 2:
            break
        await asyncio.sleep(0.01)
    assert sorted(h.gone, key=str) == [TEXT, ChatRef("discord", p.THREAD_ID, "")]
