"""TelegramAdapter as a Sender: cards, escaping, flood control, error mapping, edits, nonces."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator

import pytest

from bot.config import TelegramSettings
from bot.delivery.ports import ChatGone, PermanentFailure, RetryLater
from bot.platforms.telegram_adapter import TelegramAdapter
from bot.render.card import Card, Link
from tests.fakes.telegram_harness import CARD, HOSTILE, HOSTILE_HTML, PRIVATE, Harness, StubHandler, harness
from tests.fakes.telegram_markup import telegram_text

# PTB ≥ 22.2 builds every RetryAfter by reading its own deprecated int ``retry_after``, which warns
# (PTBDeprecationWarning) inside PTB on each 429. Only the tests that provoke a 429 ignore exactly that.
IGNORE_PTB_RETRY_AFTER = pytest.mark.filterwarnings(
    "ignore:.*attribute `retry_after` will be of type:telegram.warnings.PTBDeprecationWarning"
)


@pytest.fixture
async def h() -> AsyncIterator[Harness]:
    async with harness() as running:
        yield running


@pytest.fixture
async def tg(h: Harness) -> TelegramAdapter:
    return await h.bot()


async def test_send_renders_card_with_url_buttons_and_inert_hostile_title(h: Harness, tg: TelegramAdapter) -> None:
    card = Card(
        title=HOSTILE,
        body="*bold?* _no_ <i>x</i>",
        fields=(("Stage", "talks & more"),),
        links=(Link("Sky <Sports>", "https://sky.example/a?b=1&c=2"), Link("evil", "javascript:alert(1)")),
    )
    message_id = await tg.send(PRIVATE, card, ping_role="98765")
    (sent,) = h.srv.calls_to("sendMessage")
    assert message_id == "1"
    assert sent["parse_mode"] == "HTML"
    assert sent["text"].startswith(f"<b>{HOSTILE_HTML}</b>\n*bold?* _no_ &lt;i&gt;x&lt;/i&gt;")
    assert "<b>Stage:</b> talks &amp; more" in sent["text"]
    assert sent["reply_markup"] == {
        "inline_keyboard": [[{"text": "Sky <Sports>", "url": "https://sky.example/a?b=1&c=2"}]]
    }
    assert sent["link_preview_options"] == {"is_disabled": True}
    assert telegram_text(sent["text"]).startswith(HOSTILE + "\n")
    assert "98765" not in sent["text"]  # Telegram has no roles: ping_role is ignored


async def test_send_text_replies_to_a_message_even_if_it_was_deleted(h: Harness, tg: TelegramAdapter) -> None:
    message_id = await tg.send_text(PRIVATE, "now: agreed — Sky <Sports>", reply_to="41")
    (sent,) = h.srv.calls_to("sendMessage")
    assert sent["text"] == "now: agreed — Sky &lt;Sports&gt;"
    assert sent["reply_parameters"] == {"message_id": 41, "allow_sending_without_reply": True}
    assert message_id == "1"


@IGNORE_PTB_RETRY_AFTER
async def test_429_is_waited_out_and_the_message_arrives_once(h: Harness) -> None:
    tg = await h.bot(max_retries=2)
    h.srv.rate_limit_next(retry_after=1)
    started = time.monotonic()
    message_id = await tg.send_text(PRIVATE, "hello")
    assert time.monotonic() - started >= 1.0
    assert len(h.srv.calls_to("sendMessage")) == 2  # the refused one and the retry
    assert [m["text"] for m in h.srv.messages.values()] == ["hello"]
    assert message_id == "1"


@IGNORE_PTB_RETRY_AFTER
async def test_429_beyond_the_limiter_retries_raises_retry_later_with_its_seconds(h: Harness) -> None:
    tg = await h.bot(max_retries=0)
    h.srv.rate_limit_next(retry_after=30)
    with pytest.raises(RetryLater) as caught:
        await tg.send_text(PRIVATE, "hello")
    assert caught.value.seconds == 30


@pytest.mark.parametrize(
    ("status", "description", "expected"),
    [
        (403, "Forbidden: bot was blocked by the user", ChatGone),
        (403, "Forbidden: bot was kicked from the supergroup chat", ChatGone),
        (400, "Bad Request: chat not found", ChatGone),
        (400, "Bad Request: message thread not found", ChatGone),
        (400, "Bad Request: can't parse entities: unsupported start tag", PermanentFailure),
        (500, "Internal Server Error", RetryLater),
        (502, "Bad Gateway", RetryLater),
    ],
)
async def test_send_errors_map_to_delivery_errors(
    h: Harness, tg: TelegramAdapter, status: int, description: str, expected: type[Exception]
) -> None:
    h.srv.fail_next("sendMessage", status, description)
    with pytest.raises(expected) as caught:
        await tg.send(PRIVATE, CARD)
    assert type(caught.value) is expected


PROXY_PAGE = b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>" + b"x" * 2000


async def test_a_proxy_error_page_is_retried_later_and_logged_as_one_warning_line_without_the_page(
    h: Harness, tg: TelegramAdapter, caplog: pytest.LogCaptureFixture
) -> None:
    h.srv.page_next("sendMessage", 502, PROXY_PAGE)
    with caplog.at_level(logging.DEBUG, logger="telegram"), pytest.raises(RetryLater) as caught:
        await tg.send(PRIVATE, CARD)
    assert str(caught.value).startswith("telegram: NetworkError: Bad Gateway (502)")
    assert len(str(caught.value)) <= 300  # what the outbox keeps as the error, not the whole page
    from_ptb = [r for r in caplog.records if r.name.startswith("telegram.")]
    assert [r.levelname for r in from_ptb if r.levelno >= logging.WARNING] == ["WARNING"]
    assert not any(r.exc_info or r.exc_text for r in from_ptb)
    assert "not JSON" in caplog.text
    assert "x" * 200 not in caplog.text  # the page is cut, not copied into the log
    await tg.send(PRIVATE, CARD)  # the next call goes through


async def test_forbidden_raises_chat_gone_and_leaves_deactivation_to_the_dispatcher(
    h: Harness, tg: TelegramAdapter
) -> None:
    h.srv.forbid_next()
    with pytest.raises(ChatGone, match="blocked by the user"):
        await tg.send_text(PRIVATE, "hello")
    h.srv.chat_not_found_next()
    with pytest.raises(ChatGone, match=r"(?i)chat not found"):
        await tg.send(PRIVATE, CARD)
    assert h.gone == []


async def test_edit_calls_edit_message_text_and_not_modified_is_success(h: Harness, tg: TelegramAdapter) -> None:
    message_id = await tg.send(PRIVATE, CARD)
    newer = Card(title="Alonso → Liverpool: agreed", links=CARD.links)
    await tg.edit(PRIVATE, message_id, newer)
    await tg.edit(PRIVATE, message_id, newer)  # the fake answers 400 "message is not modified"
    edits = h.srv.calls_to("editMessageText")
    assert len(edits) == 2
    assert edits[0]["message_id"] == message_id
    assert edits[0]["parse_mode"] == "HTML"
    assert h.srv.messages[("1001", 1)]["text"] == "<b>Alonso → Liverpool: agreed</b>"
    with pytest.raises(PermanentFailure, match=r"(?i)message to edit not found"):
        await tg.edit(PRIVATE, "999", newer)


async def test_same_nonce_is_sent_once(h: Harness, tg: TelegramAdapter) -> None:
    first = await tg.send(PRIVATE, CARD, nonce="delivery-1")
    again = await tg.send(PRIVATE, CARD, nonce="delivery-1")
    other = await tg.send(PRIVATE, CARD, nonce="delivery-2")
    assert first == again != other
    assert len(h.srv.calls_to("sendMessage")) == 2


async def test_a_retried_nonce_resumes_after_the_chunks_already_sent(h: Harness, tg: TelegramAdapter) -> None:
    three_chunks = "\n\n".join(["a" * 3000, "b" * 3000, "c" * 3000])
    h.srv.fail_next("sendMessage", 500, "Internal Server Error", skip=1)  # the second chunk fails
    with pytest.raises(RetryLater):
        await tg.send_text(PRIVATE, three_chunks, nonce="delivery-1")
    first = await tg.send_text(PRIVATE, three_chunks, nonce="delivery-1")
    assert [m["text"][0] for m in h.srv.messages.values()] == ["a", "b", "c"]
    assert first == "1"


async def test_send_before_start_asks_to_retry_later(h: Harness) -> None:
    settings = TelegramSettings(api_base_url=h.srv.base_url, file_base_url=h.srv.file_url)
    idle = TelegramAdapter(h.srv.token, settings, StubHandler(), h.on_gone)
    with pytest.raises(RetryLater):
        await idle.send(PRIVATE, CARD)
