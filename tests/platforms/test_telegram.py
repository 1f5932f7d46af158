"""The Telegram adapter (real python-telegram-bot 22) against a loopback fake Bot API: start-up,
commands in private chats, groups and forum topics, failures, tokens, shutdown and webhooks."""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from collections.abc import AsyncIterator

import pytest

from bot.commands.base import ChatRef, Invocation
from bot.platforms.telegram_adapter import SORRY, TelegramAdapter, TelegramStartError
from bot.platforms.telegram_support import webhook_secret_from_token
from bot.render.card import Reply
from tests.fakes.telegram_harness import CARD, PRIVATE, Harness, harness
from tests.fakes.telegram_markup import telegram_text
from tests.fakes.telegram_server import BOT_USER

SUPERGROUP = -1002


@pytest.fixture
async def h() -> AsyncIterator[Harness]:
    async with harness() as running:
        yield running


@pytest.fixture
async def tg(h: Harness) -> TelegramAdapter:
    return await h.bot()


async def test_start_gets_me_then_registers_the_commands(h: Harness, tg: TelegramAdapter) -> None:
    await h.srv.wait_for("getUpdates")
    methods = [call.method for call in h.srv.calls]
    assert methods.index("getMe") < methods.index("setMyCommands") < methods.index("deleteWebhook")
    assert methods.index("deleteWebhook") < methods.index("getUpdates")
    (registered,) = h.srv.calls_to("setMyCommands")
    names = [command["command"] for command in registered["commands"]]
    assert names == [
        "rumour", "follow", "unfollow", "following", "hot", "sources", "settings", "why",
        "source", "record", "sackrace", "vacancies", "board", "resolve", "predict", "leaderboard",
        "mycalls", "help",
    ]  # fmt: skip
    assert all(command["description"] for command in registered["commands"])


async def test_private_rumour_reaches_handler_and_reply_is_escaped_html(h: Harness, tg: TelegramAdapter) -> None:
    h.srv.command(1001, "/rumour alonso")
    (sent,) = await h.srv.wait_for("sendMessage")
    assert h.handler.invocations == [Invocation(PRIVATE, "42", "rumour", "alonso", "private", True)]
    assert sent["parse_mode"] == "HTML"
    assert sent["text"].startswith("you asked rumour alonso &lt;b&gt;\n\n<b>Alonso → Liverpool</b>\n")
    assert telegram_text(sent["text"]).startswith("you asked rumour alonso <b>\n\nAlonso → Liverpool\n")
    assert "reply_parameters" not in sent  # private chats are not quoted
    assert sent["reply_markup"] == {"inline_keyboard": [[{"text": "BBC", "url": "https://bbc.example/a"}]]}


async def test_group_command_for_this_bot_runs_and_for_another_bot_is_ignored(h: Harness, tg: TelegramAdapter) -> None:
    h.srv.command(SUPERGROUP, "/rumour@otherbot theirs", chat_type="supergroup")
    h.srv.command(SUPERGROUP, f"/rumour@{BOT_USER['username']} mine", chat_type="supergroup")
    h.srv.command(SUPERGROUP, "/help", chat_type="supergroup")
    h.srv.command(SUPERGROUP, "/nonsense", chat_type="supergroup")  # unknown, in a group: silence
    h.srv.command(SUPERGROUP, "/nonsense@otherbot", chat_type="supergroup")
    sent = await h.srv.wait_for("sendMessage", 2)
    await asyncio.sleep(0.2)  # time for the ignored updates to (not) produce anything
    assert sorted((i.name, i.args) for i in h.handler.invocations) == [("help", ""), ("rumour", "mine")]
    assert len(h.srv.calls_to("sendMessage")) == 2
    assert sorted(s["reply_parameters"]["message_id"] for s in sent) == [2, 3]  # quotes the command


async def test_unknown_command_in_private_gets_a_hint_unless_for_another_bot(h: Harness, tg: TelegramAdapter) -> None:
    h.srv.command(1001, "/rumour@otherbot alonso")  # for another bot: silence
    h.srv.command(1001, "/frobnicate@otherbot")
    h.srv.command(1001, "/frobnicate now")
    await h.srv.wait_for("sendMessage")
    await asyncio.sleep(0.2)
    (sent,) = h.srv.calls_to("sendMessage")
    assert "/help" in sent["text"]
    assert h.handler.invocations == []


async def test_topic_command_replies_in_topic_and_send_targets_topic(h: Harness, tg: TelegramAdapter) -> None:
    h.srv.command(-1005, "/following", chat_type="supergroup", thread_id=77)
    (reply,) = await h.srv.wait_for("sendMessage")
    topic = ChatRef("telegram", "-1005", "77")
    assert h.handler.invocations[0].chat == topic
    assert reply["message_thread_id"] == "77"
    await tg.send(topic, CARD)
    assert h.srv.calls_to("sendMessage")[-1]["message_thread_id"] == "77"
    await tg.send(ChatRef("telegram", "-1005"), CARD)
    assert "message_thread_id" not in h.srv.calls_to("sendMessage")[-1]


async def test_group_can_manage_only_for_admins_owner_and_anonymous_admins(h: Harness, tg: TelegramAdapter) -> None:
    h.srv.set_admin(-1006, 7)
    h.srv.set_admin(-1006, 9, "creator")
    for user in (7, 8, 9):
        h.srv.command(-1006, "/follow alonso", chat_type="group", user_id=user)
    h.srv.command(-1006, "/follow alonso", chat_type="group", sender_chat_id=-1006)  # anonymous admin
    await h.srv.wait_for("sendMessage", 4)
    rights = {inv.user_id: inv.can_manage for inv in h.handler.invocations}
    assert rights == {"7": True, "8": False, "9": True, "-1006": True}
    assert {inv.chat_kind for inv in h.handler.invocations} == {"group"}
    assert len(h.srv.calls_to("getChatMember")) == 3


async def test_long_reply_is_split_into_valid_html_messages_within_4096(h: Harness, tg: TelegramAdapter) -> None:
    paragraph = "Alonso & <Liverpool> talks " * 12
    h.handler.reply = Reply(text="\n\n".join(f"{i}: {paragraph}" for i in range(19)))
    assert len(h.handler.reply.text) > 6000  # and far more once escaped
    h.srv.command(1001, "/hot")
    await h.srv.wait_for("sendMessage", 2)
    await asyncio.sleep(0.1)  # let any further chunk arrive
    sent = h.srv.calls_to("sendMessage")
    assert 2 <= len(sent) <= 3
    assert all(len(s["text"].encode("utf-16-le")) // 2 <= 4096 for s in sent)
    shown = [telegram_text(s["text"]) for s in sent]  # each chunk is valid HTML on its own
    assert "\n\n".join(shown) == h.handler.reply.text.replace(" \n", "\n").strip()  # cut between paragraphs


async def test_handler_error_gets_polite_reply_one_log_line_and_bot_keeps_going(
    h: Harness, tg: TelegramAdapter, caplog: pytest.LogCaptureFixture
) -> None:
    h.handler.fail = True
    h.srv.command(1001, "/hot")
    (sorry,) = await h.srv.wait_for("sendMessage")
    assert sorry["text"] == SORRY
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert [r.getMessage() for r in errors] == ["telegram: /hot in chat 1001 failed: ValueError: handler exploded"]
    assert errors[0].exc_info is None
    h.handler.fail = False
    h.srv.command(1001, "/hot")
    await h.srv.wait_for("sendMessage", 2)


async def test_bot_removed_or_blocked_reports_the_chat_gone(h: Harness, tg: TelegramAdapter) -> None:
    h.srv.bot_removed(-1007)
    h.srv.bot_removed(1001, chat_type="private")
    for _ in range(100):
        if len(h.gone) == 2:
            break
        await asyncio.sleep(0.02)
    assert sorted(h.gone, key=str) == sorted([ChatRef("telegram", "-1007"), PRIVATE], key=str)


async def test_token_never_appears_in_logs(h: Harness, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    tg = await h.bot()
    h.srv.command(1001, "/rumour alonso")
    await h.srv.wait_for("sendMessage")
    await tg.stop()
    assert "/bot<token>/sendMessage" in caplog.text  # httpx's INFO request line, redacted
    assert h.srv.token not in caplog.text
    assert h.srv.token not in repr(tg)


async def test_rejected_token_fails_start_without_revealing_it(h: Harness, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    wrong = "999999:WRONG-token-must-not-leak"
    with pytest.raises(TelegramStartError, match="token was rejected") as caught:
        await h.bot(token=wrong)
    assert wrong not in str(caught.value)
    assert caught.value.__cause__ is None
    assert wrong not in caplog.text


async def test_stop_returns_quickly_during_a_long_poll(h: Harness, tg: TelegramAdapter) -> None:
    (poll,) = await h.srv.wait_for("getUpdates")
    await asyncio.sleep(0.2)
    assert h.srv.calls_to("getUpdates") == [poll]  # still waiting in that long-poll
    assert poll["timeout"] == "10"
    started = time.monotonic()
    await tg.stop()
    assert time.monotonic() - started < 2.0


async def test_webhook_mode_registers_a_secret_and_rejects_a_wrong_one(h: Harness) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/tg-hook"
    await h.bot(webhook_url=url, webhook_listen=f"127.0.0.1:{port}")
    assert h.srv.webhook["url"] == url
    assert h.srv.webhook["secret_token"] == webhook_secret_from_token(h.srv.token)
    assert h.srv.token not in h.srv.webhook["secret_token"]
    assert h.srv.calls_to("getUpdates") == []
    assert await h.srv.push_webhook(h.srv.command_update(1001, "/rumour x"), secret="wrong") == 403
    assert await h.srv.push_webhook(h.srv.command_update(1001, "/rumour alonso")) == 200
    await h.srv.wait_for("sendMessage")
    assert [inv.args for inv in h.handler.invocations] == ["alonso"]
