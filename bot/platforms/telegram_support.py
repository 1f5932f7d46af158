"""The Telegram adapter's pieces that need no running bot: the command list, error mapping, the
webhook secret, token redaction for logs, the in-flight marks, and small conversions between PTB
and neutral types.

In-flight marks (docs/DELIVERY.md): Telegram has no idempotency key, so a resend after a crash
could post an alert twice. The dispatcher passes each send an ``in_flight`` mark; the adapter holds
it in ``IN_FLIGHT`` (a context variable of this module) while PTB runs the request, and the hooks of
the HTTP client ``bot_request`` makes call it: with True the instant a sendMessage body has been
written to the socket (httpcore's ``send_request_body.complete`` trace event: after any rate-limit
wait and connection set-up); with False when Telegram answers anything but 200 (a 429 has not
posted, and PTB's limiter may sleep before retrying).

Tokens in logs: the bot token is part of every Bot API URL. httpx logs each request URL at INFO,
PTB logs its base URL at DEBUG, and PTB's InvalidToken message quotes the token. ``TokenRedactor``
is installed by the adapter on those loggers while it runs and replaces the token with "<token>";
the adapter also re-raises InvalidToken without the token.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
import warnings
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextvars import ContextVar
from datetime import timedelta
from typing import Any

import httpx
from telegram import ChatMember, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.constants import ChatType
from telegram.error import BadRequest, Forbidden, InvalidToken, RetryAfter, TelegramError
from telegram.request import HTTPXRequest

from bot.commands.base import Invocation
from bot.delivery.ports import ChatGone, DeliveryError, InFlightMark, PermanentFailure, RetryLater
from bot.domain import ChatKind, ChatRef, Platform
from bot.predictions.ports import PollSeen, Vote
from bot.render.telegram_html import Button

log = logging.getLogger(__name__)
PLATFORM = Platform.TELEGRAM
COMMANDS: tuple[tuple[str, str], ...] = (
    ("rumour", "Latest rumours about a manager or club"),
    ("follow", "Get alerts about a manager or club in this chat"),
    ("unfollow", "Stop alerts about a manager or club"),
    ("following", "What this chat follows"),
    ("hot", "The hottest manager rumours right now"),
    ("sources", "Which sources the bot reads and how it rates them"),
    ("settings", "How this chat gets alerts (instant or digest, tier, stage)"),
    ("why", "Why a story was or was not posted here"),
    ("source", "A source's track record: /source Ornstein"),
    ("record", "Track record of the sources on what this chat follows"),
    ("sackrace", "Who is next to go: /sackrace [league]"),
    ("vacancies", "Clubs without a permanent manager: /vacancies [league]"),
    ("board", "Keep a board here, updated in place (admins)"),
    ("resolve", "Mark a thread true, false or cold (operators)"),
    ("predict", "Prediction games: the questions here; admins open and close them"),
    ("leaderboard", "Who calls it best in this chat"),
    ("mycalls", "Your calls and points"),
    ("help", "How to use the bot"),
)
# A 400 with one of these means the bot cannot post there at all (chat or topic deleted, rights gone).
GONE_PHRASES = ("chat not found", "message thread not found", "not enough rights", "have no rights")
NOT_MODIFIED = "message is not modified"
POLL_STOPPED = ("poll has already been closed", "message with poll to stop not found", "message to stop not found")


def retry_seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB ≥ 22.2 warns when retry_after is read as a number
        warnings.simplefilter("ignore", DeprecationWarning)
        wait = exc.retry_after
    return wait.total_seconds() if isinstance(wait, timedelta) else float(wait)


def to_delivery_error(exc: TelegramError) -> DeliveryError:
    """Map a PTB error (after the rate limiter's own retries) to what the dispatcher should do."""
    if isinstance(exc, RetryAfter):
        seconds = retry_seconds(exc)
        return RetryLater(f"telegram flood control: retry in {seconds:g}s", seconds)
    if isinstance(exc, Forbidden):  # blocked by the user, kicked from the group, chat deactivated
        return ChatGone(f"telegram: {exc.message}")
    if isinstance(exc, BadRequest):  # checked before NetworkError, which it subclasses
        if any(phrase in exc.message.lower() for phrase in GONE_PHRASES):
            return ChatGone(f"telegram: {exc.message}")
        return PermanentFailure(f"telegram: {exc.message}")
    if isinstance(exc, InvalidToken):  # an operator problem, not the chat's: keep the delivery
        return RetryLater("telegram rejected the bot token")
    # TimedOut, 5xx, Conflict …; a 5xx page that is not JSON comes whole in the message: cut it
    return RetryLater(_cut(" ".join(f"telegram: {type(exc).__name__}: {exc.message}".split()), 300))


def webhook_secret_from_token(token: str) -> str:
    """A stable secret (64 hex chars, allowed by setWebhook) that only the token holder can compute."""
    return hashlib.sha256(f"rumourbot-telegram-webhook:{token}".encode()).hexdigest()


class TokenRedactor(logging.Filter):
    """Replace the token in a record's message and traceback (a logger filter, so it runs before
    the record reaches any handler)."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self._token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self._token in message:
            record.msg, record.args = message.replace(self._token, "<token>"), None
        if record.exc_info and not record.exc_text:
            text = logging.Formatter().formatException(record.exc_info)
            record.exc_text = text.replace(self._token, "<token>")
        return True

    def install(self, *extra: str) -> list[logging.Logger]:
        """Attach to httpx, every PTB logger and ``extra``; return them for removal later."""
        names = ["httpx", *extra, *(n for n in logging.Logger.manager.loggerDict if n.startswith("telegram"))]
        loggers = [logging.getLogger(name) for name in names]
        for logger in loggers:
            logger.addFilter(self)
        return loggers


POSTING_METHODS = ("/sendMessage", "/sendPoll")  # the Bot API methods the dispatchers use that post
IN_FLIGHT: ContextVar[InFlightMark | None] = ContextVar("telegram_in_flight", default=None)
"""The mark of the delivery whose send this task is running (set by ``TelegramAdapter._deliver``)."""


def _delivery_mark(url: httpx.URL) -> InFlightMark | None:
    mark = IN_FLIGHT.get()
    return mark if mark is not None and url.path.endswith(POSTING_METHODS) else None


async def _mark_when_written(request: httpx.Request) -> None:
    mark = _delivery_mark(request.url)
    if mark is None:
        return

    async def trace(event: str, info: dict[str, Any]) -> None:
        # The instant the whole request has been handed to the kernel. The store commits the mark
        # before this coroutine yields (bot/store/sqlite.py), so no other work can come in between.
        if event.endswith(".send_request_body.complete"):  # http11.… (or http2.…)
            await mark(True)

    request.extensions["trace"] = trace


async def _unmark_if_refused(response: httpx.Response) -> None:
    mark = _delivery_mark(response.request.url)
    if mark is not None and response.status_code != 200:
        await mark(False)


def bot_request(on_rate_limited: Callable[[], None] | None = None) -> HTTPXRequest:
    """PTB's default HTTP client for Bot API calls, plus the in-flight marks (see the module doc).
    ``on_rate_limited`` is called for every 429 (flood control) answer, before PTB's limiter waits."""

    async def count_429(response: httpx.Response) -> None:
        if response.status_code == 429 and on_rate_limited is not None:
            on_rate_limited()

    hooks = {"request": [_mark_when_written], "response": [_unmark_if_refused, count_429]}
    return HTTPXRequest(connection_pool_size=256, httpx_kwargs={"event_hooks": hooks})


# -- prediction polls --------------------------------------------------------------------------
#
# PTB's updater hands updates to the handlers and confirms them to Telegram (the next getUpdates
# offset) without waiting for the handlers: a crash in between loses them. A poll answer is a fan's
# call, acknowledged to the fan by Telegram, so the bot records answers from the getUpdates answer
# itself, in a hook of the HTTP client PTB polls with, before PTB even sees them; should recording
# fail, the call fails and PTB asks for the same updates again. docs/adr/0008-prediction-games.md.

OnVotes = Callable[[Sequence[Vote | PollSeen]], Awaitable[object]]
_QUESTION_NUMBER = re.compile(r"\(#(\d{1,12})\)\s*$")


class AnswersNotRecorded(httpx.TransportError):
    """Poll answers in a getUpdates answer could not be stored: PTB retries the call, so Telegram sends
    the same updates again (they are not confirmed)."""


def votes_from(updates: Sequence[dict[str, Any]]) -> Iterator[Vote | PollSeen]:
    """The poll answers (and polls shown) in raw Bot API updates. An answer with no option is a
    withdrawn vote; the key is the update with the poll and voter, so a redelivered update is recorded once."""
    for update in updates:
        answer, poll = update.get("poll_answer"), update.get("poll")
        if isinstance(answer, dict) and answer.get("poll_id") is not None:
            voter = answer.get("user") or answer.get("voter_chat") or {}
            user_id = str(voter.get("id", ""))
            name = " ".join(str(voter[k]) for k in ("first_name", "last_name", "title") if voter.get(k))
            options = answer.get("option_ids") or []
            choice = int(options[0]) if options else None
            poll_id = str(answer["poll_id"])
            key = f"tg:{update.get('update_id')}:{poll_id}:{user_id}"
            yield Vote(PLATFORM, user_id, name, choice, key, poll_ref=poll_id)
        elif isinstance(poll, dict) and poll.get("id") is not None:
            match = _QUESTION_NUMBER.search(str(poll.get("question", "")))
            if match:
                yield PollSeen(str(poll["id"]), int(match[1]))


OnUpdates = Callable[[list[dict[str, Any]]], Awaitable[None]]


def updates_request(on_updates: OnUpdates) -> HTTPXRequest:
    """The HTTP client for getUpdates (PTB's defaults for it) that hands each answer's raw updates with a
    poll answer or poll to ``on_updates`` before PTB sees them; should that fail, the call fails."""

    async def record(response: httpx.Response) -> None:
        if response.status_code != 200 or not response.request.url.path.endswith("/getUpdates"):
            return
        await response.aread()
        try:
            updates = json.loads(response.content).get("result") or []
        except (ValueError, AttributeError):
            return  # PTB reports the answer it cannot read
        polls = [u for u in updates if isinstance(u, dict) and ("poll_answer" in u or "poll" in u)]
        if polls:
            try:
                await on_updates(polls)
            except Exception as exc:
                log.warning(
                    "telegram: %d poll update(s) not recorded; Telegram will send them again: %s", len(polls), exc
                )
                raise AnswersNotRecorded(f"poll answers not recorded: {type(exc).__name__}") from exc

    return HTTPXRequest(connection_pool_size=1, httpx_kwargs={"event_hooks": {"response": [record]}})


def api_chat_id(chat: ChatRef) -> int | str:
    return int(chat.chat_id) if chat.chat_id.lstrip("-").isdigit() else chat.chat_id


def chat_ref(message: Message) -> ChatRef:
    """The chat, plus the forum topic when the message was posted in one (not the General topic)."""
    topic = message.is_topic_message and message.message_thread_id
    return ChatRef(PLATFORM, str(message.chat.id), str(message.message_thread_id) if topic else "")


def chat_kind(message: Message) -> ChatKind:
    if message.chat.type == ChatType.PRIVATE:
        return "private"
    return "channel" if message.chat.type == ChatType.CHANNEL else "group"


def command_parts(text: str) -> tuple[str, str, str]:
    """``"/Rumour@Bot  alonso x"`` → ``("rumour", "Bot", "alonso x")``."""
    head, *rest = text.split(maxsplit=1) or ["/"]
    name, _, addressee = head[1:].partition("@")
    return name.lower(), addressee, rest[0].strip() if rest else ""


class AdminCache:
    """Who may manage a group's follows: administrators and the owner, asked via getChatMember and
    remembered for ``ttl`` seconds (so a burst of commands costs one call)."""

    def __init__(self, ttl: float, max_entries: int = 4096) -> None:
        self._ttl = ttl
        self._max = max_entries
        self._seen: dict[tuple[int, int], tuple[float, bool]] = {}

    async def can_manage(self, message: Message, kind: ChatKind) -> bool:
        if kind == "private":
            return True
        if message.sender_chat is not None:  # anonymous admins post as the group itself
            return message.sender_chat.id == message.chat.id
        if message.from_user is None:
            return False
        key = (message.chat.id, message.from_user.id)
        now = time.monotonic()
        cached = self._seen.get(key)
        if cached is not None and cached[0] > now:
            return cached[1]
        try:
            member = await message.get_bot().get_chat_member(*key)
        except TelegramError as exc:
            log.warning("telegram: getChatMember failed in chat %s: %s", key[0], brief(exc))
            return False
        allowed = member.status in {ChatMember.ADMINISTRATOR, ChatMember.OWNER}
        if len(self._seen) >= self._max:
            self._seen.clear()
        self._seen[key] = (now + self._ttl, allowed)
        return allowed


async def invocation(message: Message, admins: AdminCache) -> Invocation:
    name, _, args = command_parts(message.text or "")
    kind = chat_kind(message)
    sender = message.sender_chat or message.from_user
    return Invocation(
        chat=chat_ref(message),
        user_id=str(sender.id) if sender else "",
        name=name,
        args=args,
        chat_kind=kind,
        can_manage=await admins.can_manage(message, kind),
    )


def keyboard(buttons: tuple[Button, ...]) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(b.label, url=b.url)] for b in buttons])


def brief(exc: BaseException | None, limit: int = 300) -> str:
    """One line for a log record: the error's type and message, never a traceback, at most ``limit``
    characters (PTB puts a whole non-JSON answer, such as a proxy's error page, in its messages)."""
    if exc is None:
        return "unknown error"
    return _cut(" ".join(f"{type(exc).__name__}: {exc}".split()), limit)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class NotJsonNote(logging.Filter):
    """PTB logs a Bot API answer that is not JSON (a proxy's error page during an outage) as an ERROR
    with a traceback and the whole page. The call fails as a NetworkError and is retried like any
    other, so this filter turns that record into one WARNING line with the start of the page."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and record.msg.startswith("Can not load invalid JSON data"):
            page = " ".join(str(record.args[0]).split()) if isinstance(record.args, tuple) and record.args else ""
            record.msg = "telegram: the Bot API answered with something that is not JSON (a proxy's page?): %s"
            record.args = (_cut(page, 120),)
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.exc_info, record.exc_text = None, None
        return True


NOT_JSON_NOTE = NotJsonNote()
NOT_JSON_LOGGER = "telegram.request.BaseRequest"  # where PTB logs an answer it cannot parse
