"""Telegram adapter: python-telegram-bot in, neutral Invocation/Reply out.

Manual PTB lifecycle (initialize → setMyCommands → start → polling or webhook, and back), so the
adapter shares the event loop with other platforms. ``AIORateLimiter(max_retries=…)`` waits out
flood control; whatever still fails is mapped to the dispatcher's RetryLater/ChatGone/PermanentFailure.

Webhook secret: the composition root may pass ``webhook_secret`` (e.g. from TELEGRAM_WEBHOOK_SECRET);
otherwise it is derived from the token with SHA-256 (``webhook_secret_from_token``): stable across
restarts, no extra setting, and computable only by whoever holds the token anyway.

Tokens never reach our logs: see ``telegram_support`` (httpx logs request URLs, which contain the
token, at INFO; a filter replaces it while the adapter runs).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit

from telegram import BotCommand, ChatMember, LinkPreviewOptions, Message, ReplyParameters, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import ChatMigrated, InvalidToken, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    PollAnswerHandler,
    PollHandler,
    filters,
)

from bot.commands.base import CommandHandler as HandleCommand
from bot.config import TelegramSettings
from bot.delivery.ports import (
    Capabilities,
    DeliveryError,
    InFlightMark,
    PermanentFailure,
    PlatformStartError,
    RetryLater,
)
from bot.domain import ChatRef
from bot.platforms import telegram_support as ts
from bot.render import telegram_html as th
from bot.render.card import Card, QuestionCard, Reply

log = logging.getLogger(__name__)
T = TypeVar("T")
AnyApp = Application[Any, Any, Any, Any, Any, Any]

SORRY = "Something went wrong. Please try again later."
UNKNOWN_HINT = "I don't know that command. Try /help."
ADMIN_TTL_SECONDS = 60.0
NONCE_MEMORY = 1024
CONCURRENT_UPDATES = 16
_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


class TelegramStartError(PlatformStartError):
    """The bot could not start (e.g. the token was rejected); the message never contains the token."""


class TelegramAdapter:
    """Implements ``bot.delivery.ports.Sender`` and feeds commands to the core's CommandHandler."""

    platform = ts.PLATFORM
    capabilities = Capabilities(drops_resends=False)  # no nonce: in-flight marks instead

    def __init__(
        self,
        token: str,
        settings: TelegramSettings,
        handle: HandleCommand,
        on_chat_gone: Callable[[ChatRef], Awaitable[None]],
        *,
        webhook_secret: str = "",
        on_rate_limited: Callable[[], None] | None = None,
        on_votes: ts.OnVotes | None = None,
    ) -> None:
        self._on_votes = on_votes  # prediction poll answers (and polls shown), recorded before they are confirmed
        self._on_rate_limited = on_rate_limited  # each 429 from the Bot API (e.g. for metrics)
        self._token = token
        self._settings = settings
        self._handle = handle
        self._on_chat_gone = on_chat_gone
        self._webhook_secret = webhook_secret or ts.webhook_secret_from_token(token)
        self._app: AnyApp | None = None
        self._redactor = ts.TokenRedactor(token)
        self._redacted: list[logging.Logger] = []
        self._admins = ts.AdminCache(ADMIN_TTL_SECONDS)
        self._sent: OrderedDict[str, list[str]] = OrderedDict()
        self._polls: dict[str, tuple[str, str]] = {}
        self._recorded: OrderedDict[object, None] = (
            OrderedDict()
        )  # update ids whose poll answers were recorded  # nonce → (message id, poll id): a retry does not post again

    def __repr__(self) -> str:  # never show the token
        return f"TelegramAdapter(api={self._settings.api_base_url!r})"

    # -- lifecycle ---------------------------------------------------------------------------
    async def start(self, *, updates: bool = True) -> None:
        """Start the bot; with ``updates`` off it only sends (a dispatcher-only worker, docs/SCALING.md):
        no getUpdates poll, webhook or command registration, which belong to the one updates consumer."""
        if self._app is not None:
            return
        # httpx logs every request URL (the token is in it) at INFO and PTB its base URL at DEBUG:
        # until stop(), a filter on those loggers (and ours) rewrites the token as "<token>".
        self._redacted = self._redactor.install(__name__, ts.__name__)
        logging.getLogger(ts.NOT_JSON_LOGGER).addFilter(ts.NOT_JSON_NOTE)  # once per process; stays
        app = (
            ApplicationBuilder()
            .token(self._token)
            .base_url(self._settings.api_base_url)
            .base_file_url(self._settings.file_base_url)
            .request(ts.bot_request(self._on_rate_limited))  # marks deliveries in flight (docs/DELIVERY.md)
            .get_updates_request(ts.updates_request(self._record_updates))  # poll answers recorded before confirming
            # One message every 1/30 s overall spaces sends evenly under Telegram's ~30/s limit; the
            # default lets bursts of ~60 through and then pauses everything after each 429.
            .rate_limiter(
                AIORateLimiter(overall_max_rate=1, overall_time_period=1 / 30, max_retries=self._settings.max_retries)
            )
            .concurrent_updates(CONCURRENT_UPDATES)
            .build()
        )
        new_only = filters.UpdateType.MESSAGE  # an edited command must not run again
        app.add_handler(CommandHandler([name for name, _ in ts.COMMANDS], self._on_command, filters=new_only))
        app.add_handler(MessageHandler(filters.COMMAND & filters.ChatType.PRIVATE & new_only, self._on_unknown))
        app.add_handler(ChatMemberHandler(self._on_my_member, ChatMemberHandler.MY_CHAT_MEMBER))
        # Webhook updates reach only the handlers (polling ones were recorded already: a second record is a no-op).
        app.add_handler(PollAnswerHandler(self._on_poll_update))
        app.add_handler(PollHandler(self._on_poll_update))
        app.add_error_handler(self._on_error)
        try:
            await app.initialize()  # getMe
        except TelegramError as exc:
            await app.bot.shutdown()  # close the HTTP clients initialize() opened
            self._unredact_logs()
            reason = "the bot token was rejected" if isinstance(exc, InvalidToken) else ts.brief(exc)
            raise TelegramStartError(f"telegram: {reason.replace(self._token, '<token>')}") from None
        self._app = app
        try:
            if updates:
                await app.bot.set_my_commands([BotCommand(name, text) for name, text in ts.COMMANDS])
            await app.start()
            if updates:
                await self._start_updates(app)
        except BaseException:
            await self.stop()
            raise
        mode = ("webhook" if self._settings.webhook_url else "polling") if updates else "sending only"
        log.info("telegram: running as @%s (%s)", app.bot.username, mode)

    async def _start_updates(self, app: AnyApp) -> None:
        if app.updater is None:
            raise TelegramStartError("the PTB application has no updater")
        allowed = [Update.MESSAGE, Update.MY_CHAT_MEMBER, Update.POLL_ANSWER, Update.POLL]
        if not self._settings.webhook_url:
            await app.updater.start_polling(allowed_updates=allowed, error_callback=self._on_poll_error)
            return
        host, _, port = self._settings.webhook_listen.rpartition(":")
        await app.updater.start_webhook(  # calls setWebhook; requires python-telegram-bot[webhooks]
            listen=host.strip("[]") or "0.0.0.0",
            port=int(port),
            url_path=urlsplit(self._settings.webhook_url).path.lstrip("/"),
            webhook_url=self._settings.webhook_url,
            secret_token=self._webhook_secret,
            allowed_updates=allowed,
        )

    @property
    def connected(self) -> bool:
        """Started and not stopped (PTB retries lost connections itself)."""
        return self._app is not None and self._app.running

    async def stop(self) -> None:
        app, self._app = self._app, None
        if app is None:
            return
        try:
            if app.updater is not None and app.updater.running:
                await app.updater.stop()
            if app.running:
                await app.stop()
            await app.shutdown()
        finally:
            self._unredact_logs()

    def _unredact_logs(self) -> None:
        for logger in self._redacted:
            logger.removeFilter(self._redactor)
        self._redacted = []

    # -- Sender ------------------------------------------------------------------------------
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
        del ping_role  # Telegram has no roles to mention
        return await self._deliver(chat, th.render_card(card), reply_to, nonce, in_flight)

    async def send_text(
        self,
        chat: ChatRef,
        text: str,
        *,
        reply_to: str | None = None,
        nonce: str = "",
        in_flight: InFlightMark | None = None,
    ) -> str:
        return await self._deliver(chat, th.render_text(text), reply_to, nonce, in_flight)

    async def edit(self, chat: ChatRef, message_id: str, card: Card) -> None:
        message = th.render_card_single(card)

        async def edit_in(chat_id: int | str) -> object:
            return await self._bot().edit_message_text(
                message.html,
                chat_id=chat_id,
                message_id=int(message_id),
                parse_mode=ParseMode.HTML,
                reply_markup=ts.keyboard(message.buttons),
                link_preview_options=_NO_PREVIEW,
            )

        try:
            await self._call(chat, edit_in)
        except PermanentFailure as exc:
            if ts.NOT_MODIFIED not in str(exc).lower():  # same text and buttons: already up to date
                raise

    async def post_question(
        self, chat: ChatRef, card: QuestionCard, *, nonce: str = "", in_flight: InFlightMark | None = None
    ) -> tuple[str, str]:
        """A non-anonymous poll (fans' answers reach the bot with who chose what); return the message id
        and the poll's id. Marked in flight like an alert (docs/DELIVERY.md)."""
        if nonce and nonce in self._polls:
            return self._polls[nonce]

        async def post(chat_id: int | str) -> Message:
            sent: Message = await self._bot().send_poll(
                chat_id,
                card.question,
                list(card.options),
                is_anonymous=False,
                message_thread_id=int(chat.thread_id) if chat.thread_id else None,
            )
            return sent

        marking = ts.IN_FLIGHT.set(in_flight)
        try:
            sent = await self._call(chat, post)
        finally:
            ts.IN_FLIGHT.reset(marking)
        posted = (str(sent.message_id), sent.poll.id if sent.poll else "")
        if nonce:
            self._polls[nonce] = posted
            while len(self._polls) > NONCE_MEMORY:
                self._polls.pop(next(iter(self._polls)))
        return posted

    async def close_question(self, chat: ChatRef, message_id: str, card: QuestionCard) -> None:
        """Stop the poll; a poll already stopped (or gone) is fine."""
        del card

        async def stop(chat_id: int | str) -> object:
            return await self._bot().stop_poll(chat_id, int(message_id))

        try:
            await self._call(chat, stop)
        except PermanentFailure as exc:
            if not any(phrase in str(exc).lower() for phrase in ts.POLL_STOPPED):
                raise
            log.info("telegram: poll %s in chat %s was already stopped or is gone: %s", message_id, chat.chat_id, exc)

    async def _deliver(
        self,
        chat: ChatRef,
        messages: list[th.Message],
        reply_to: str | None,
        nonce: str,
        in_flight: InFlightMark | None = None,
    ) -> str:
        """Send the chunks in order and return the first one's id. A retry with the same nonce
        resumes after the chunks that already went out (and sends nothing if all did)."""
        if not messages:
            raise PermanentFailure("telegram: nothing to send (empty message)")
        done: list[str] = []
        if nonce:
            done = self._sent.setdefault(nonce, done)
            self._sent.move_to_end(nonce)
            while len(self._sent) > NONCE_MEMORY:
                self._sent.popitem(last=False)
        marking = ts.IN_FLIGHT.set(in_flight)  # read by the HTTP client's hooks (telegram_support.bot_request)
        try:
            for message in messages[len(done) :]:
                sent = await self._call(chat, self._poster(chat, message, None if done else reply_to))
                done.append(str(sent.message_id))
        finally:
            ts.IN_FLIGHT.reset(marking)
        return done[0]

    def _poster(
        self, chat: ChatRef, message: th.Message, reply_to: str | None
    ) -> Callable[[int | str], Awaitable[Message]]:
        async def post(chat_id: int | str) -> Message:
            sent: Message = await self._bot().send_message(
                chat_id,
                message.html,
                parse_mode=ParseMode.HTML,
                reply_markup=ts.keyboard(message.buttons),
                message_thread_id=int(chat.thread_id) if chat.thread_id else None,
                link_preview_options=_NO_PREVIEW,
                reply_parameters=ReplyParameters(int(reply_to), allow_sending_without_reply=True) if reply_to else None,
            )
            return sent

        return post

    async def _call(self, chat: ChatRef, request: Callable[[int | str], Awaitable[T]]) -> T:
        chat_id = ts.api_chat_id(chat)
        try:
            try:
                return await request(chat_id)
            except ChatMigrated as exc:  # the group became a supergroup: follow it this once
                log.warning("telegram: chat %s migrated to %s; stored chat ids are stale", chat_id, exc.new_chat_id)
                return await request(exc.new_chat_id)
        except TelegramError as exc:
            raise ts.to_delivery_error(exc) from exc

    def _bot(self) -> Any:
        if self._app is None:
            raise RetryLater("telegram adapter is not running")
        return self._app.bot

    # -- incoming ----------------------------------------------------------------------------
    async def _on_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None or not message.text:
            return
        invocation = await ts.invocation(message, self._admins)
        try:
            reply = await self._handle(invocation)
        except Exception as exc:
            log.error("telegram: /%s in chat %s failed: %s", invocation.name, invocation.chat.chat_id, ts.brief(exc))
            reply = Reply(text=SORRY)
        await self._answer(message, invocation.chat, th.render_reply(reply))

    async def _on_unknown(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None or not message.text:
            return
        _, addressee, _ = ts.command_parts(message.text)
        if addressee and addressee.lower() != (context.bot.username or "").lower():
            return  # /command@otherbot
        await self._answer(message, ts.chat_ref(message), th.render_text(UNKNOWN_HINT))

    async def _on_my_member(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        change = update.my_chat_member
        if change is None or change.new_chat_member.status not in {ChatMember.LEFT, ChatMember.BANNED}:
            return
        chat = ChatRef(self.platform, str(change.chat.id))  # every topic of it goes too
        log.info("telegram: removed from or blocked in chat %s", chat.chat_id)
        try:
            await self._on_chat_gone(chat)
        except Exception as exc:
            log.error("telegram: on_chat_gone(%s) failed: %s", chat.chat_id, ts.brief(exc))

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        log.error("telegram: error while handling an update: %s", ts.brief(context.error))

    async def _record_updates(self, updates: list[dict[str, Any]]) -> None:
        """Hand the poll answers (and polls shown) in raw updates to the game; raises if it cannot take them."""
        votes = list(ts.votes_from(updates))
        if votes and self._on_votes is not None:
            await self._on_votes(votes)
        for update in updates:
            self._recorded[update.get("update_id")] = None
        while len(self._recorded) > NONCE_MEMORY:
            self._recorded.popitem(last=False)

    async def _on_poll_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Webhook updates come only this way; polled ones were recorded on arrival (``_record_updates``)."""
        if update.update_id in self._recorded:
            return
        try:
            await self._record_updates([update.to_dict()])
        except Exception as exc:
            log.error("telegram: could not record a poll answer: %s", ts.brief(exc))

    def _on_poll_error(self, exc: TelegramError) -> None:
        log.warning("telegram: getUpdates failed (PTB retries): %s", ts.brief(exc))

    async def _answer(self, message: Message, chat: ChatRef, messages: list[th.Message]) -> None:
        """Reply where the command was typed (quoting it in groups); failures are logged, not raised."""
        if not messages:
            return
        reply_to = str(message.message_id) if message.chat.type != ChatType.PRIVATE else None
        try:
            await self._deliver(chat, messages, reply_to, nonce="")
        except DeliveryError as exc:
            log.warning("telegram: could not answer in chat %s: %s", chat.chat_id, exc)
