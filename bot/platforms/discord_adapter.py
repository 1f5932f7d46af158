"""Discord adapter: the real discord.py client behind the Sender port and the slash commands.

Message ids returned by ``send``/``send_text`` (and accepted by ``edit`` and ``reply_to``):

* ``"<message_id>"`` — a message in a text channel or thread; its channel is
  ``chat.thread_id or chat.chat_id``.
* ``"<thread_id>/<message_id>"`` — a forum post: sending to a forum channel creates a thread named
  after the card title. (Discord gives the starter message the thread's id; both are kept so the
  format does not depend on that.) Replying with ``reply_to="<thread_id>/<message_id>"`` posts
  inside that thread, so stage updates land in the rumour's own forum post.

``nonce`` goes out with ``enforce_nonce`` (discord.py adds it to every nonce): Discord then answers
a resend within a few minutes with the original message instead of posting twice. Discord caps a
nonce at 25 characters, so longer ones are hashed. Forum posts have no nonce on Discord.

Pacing: Discord allows a bot 50 REST requests a second in all (interaction responses aside) and
answers more with a global 429; discord.py only waits those out, it does not pace. So every REST
request this adapter makes for a delivery (posts, forum posts, edits, channel look-ups) first takes a
slot from a limiter that spaces them evenly at ``[discord] global_rate_per_second``, with no burst
(a burst on top of the rate would overrun Discord's one-second window). Slash-command answers go
through the interaction endpoints, which are exempt on Discord, and never wait for a slot.

Process-global: discord.py keeps the REST base (``discord.http.Route.BASE``) and the gateway URL
(``DiscordWebSocket.DEFAULT_GATEWAY``) as class attributes. ``start`` sets both from the settings,
so every discord.py client in the process uses the same API base.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import aiohttp
import discord
import yarl
from aiolimiter import AsyncLimiter
from discord.gateway import DiscordWebSocket

from bot.commands.base import CommandHandler
from bot.config import DiscordSettings
from bot.delivery.ports import Capabilities, InFlightMark, PermanentFailure, PlatformStartError, RetryLater
from bot.domain import ChatRef, Platform
from bot.platforms.discord_commands import NO_MENTIONS, Responder
from bot.platforms.discord_errors import TRANSPORT_ERRORS, delivery_error, start_problem
from bot.predictions.ports import Vote
from bot.render.card import Card, QuestionCard
from bot.render.discord_embed import render_content, render_embed, thread_name

log = logging.getLogger(__name__)

T = TypeVar("T")
NONCE_MAX = 25
QUESTION_MENU = "rbq:"  # a prediction question's select menu: "rbq:<question number>"
NOT_RECORDED = "Sorry, your call could not be recorded. Please pick again."
Messageable = discord.abc.GuildChannel | discord.Thread | discord.abc.PrivateChannel


class DiscordStartError(PlatformStartError):
    """Login or the gateway failed at start-up (the message never contains the token)."""


class _Client(discord.Client):
    """discord.Client that reports channels the bot can no longer post to, and fans' picks in the menus
    of prediction questions."""

    def __init__(
        self,
        gone: Callable[[list[int]], Awaitable[None]],
        *,
        identify_interval: float = 5.0,
        picked: Callable[[discord.Interaction], Awaitable[None]] | None = None,
        **options: Any,
    ) -> None:
        super().__init__(**options)
        self._gone = gone
        self._identify_interval = identify_interval
        self._picked = picked

    async def on_interaction(self, interaction: discord.Interaction) -> None:
        data: dict[str, Any] = dict(interaction.data or {})
        custom_id = str(data.get("custom_id", ""))
        menu = interaction.type is discord.InteractionType.component and custom_id.startswith(QUESTION_MENU)
        if menu and self._picked is not None:
            await self._picked(interaction)

    async def on_guild_channel_delete(self, channel: discord.abc.GuildChannel) -> None:
        await self._gone([channel.id])

    async def on_raw_thread_delete(self, payload: discord.RawThreadDeleteEvent) -> None:
        await self._gone([payload.thread_id])

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        await self._gone([c.id for c in guild.channels] + [t.id for t in guild.threads])

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        if not initial:  # Discord takes one IDENTIFY per 5 s (per max_concurrency bucket)
            await asyncio.sleep(self._identify_interval)


class _ShardedClient(_Client, discord.AutoShardedClient):
    """The same, running several gateway shards in one process."""


def _shard_label(settings: DiscordSettings) -> str:
    if settings.shard_count == 0:
        return ""
    ids = settings.shard_ids or range(settings.shard_count)
    return f" (shards {', '.join(map(str, ids))} of {settings.shard_count})"


def _shard_options(settings: DiscordSettings) -> tuple[type[_Client], dict[str, Any]]:
    """No sharding; one shard on a plain Client; or several (or all) on an AutoShardedClient."""
    if settings.shard_count == 0:
        return _Client, {}
    if len(settings.shard_ids) == 1:
        return _Client, {"shard_id": settings.shard_ids[0], "shard_count": settings.shard_count}
    return _ShardedClient, {"shard_ids": settings.shard_ids or None, "shard_count": settings.shard_count}


def _gateway_ended(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and (exc := task.exception()) is not None:
        log.error("discord: gateway connection ended: %s: %s", type(exc).__name__, exc)


def _rate_limit_trace(on_rate_limited: Callable[[], None] | None) -> aiohttp.TraceConfig | None:
    """An aiohttp trace that reports each 429 answer, before discord.py waits it out (or gives up)."""
    if on_rate_limited is None:
        return None
    trace = aiohttp.TraceConfig()

    async def on_end(session: object, context: object, params: aiohttp.TraceRequestEndParams) -> None:
        if params.response.status == 429:
            on_rate_limited()

    trace.on_request_end.append(on_end)
    return trace


def _snowflake(value: str, what: str) -> int:
    if not (value.isascii() and value.isdigit()):
        raise PermanentFailure(f"discord: not a {what} id: {value!r}")
    return int(value)


def _split_id(message_id: str) -> tuple[int | None, int]:
    """``"T/M"`` → (T, M) for forum posts; ``"M"`` → (None, M)."""
    head, sep, tail = message_id.partition("/")
    if sep:
        return _snowflake(head, "thread"), _snowflake(tail, "message")
    return None, _snowflake(head, "message")


def _nonce(nonce: str) -> str:
    return nonce if len(nonce) <= NONCE_MAX else hashlib.sha256(nonce.encode()).hexdigest()[:NONCE_MAX]


def _question_card(card: QuestionCard) -> Card:
    options = "\n".join(f"{n}. {option}" for n, option in enumerate(card.options, start=1))
    return Card(title=card.question, body=options, footer=card.note)


def _menu(card: QuestionCard) -> discord.ui.View:
    """The question's select menu (its id names the question; an option's value is its index). The view
    is stopped before sending, so discord.py keeps no callback for it: picks reach ``on_interaction``,
    after a restart too."""
    view = discord.ui.View(timeout=None)
    view.add_item(
        discord.ui.Select(
            custom_id=f"{QUESTION_MENU}{card.number}",
            placeholder="Your call…",
            options=[discord.SelectOption(label=o[:100] or "?", value=str(n)) for n, o in enumerate(card.options)],
        )
    )
    view.stop()
    return view


def _mentions(ping_role: str) -> discord.AllowedMentions:
    """Nothing may be mentioned, except the one role chosen for this follow."""
    if not ping_role:
        return NO_MENTIONS
    role = discord.Object(id=_snowflake(ping_role, "role"))
    return discord.AllowedMentions(everyone=False, users=False, roles=[role], replied_user=False)


class DiscordAdapter:
    """Implements ``bot.delivery.ports.Sender`` for Discord, and serves the slash commands."""

    platform = Platform.DISCORD
    capabilities = Capabilities(drops_resends=True, roles=True)  # a resend with the same nonce is dropped

    def __init__(
        self,
        token: str,
        settings: DiscordSettings,
        handle: CommandHandler,
        on_chat_gone: Callable[[ChatRef], Awaitable[None]],
        autocomplete: Callable[[str], list[str]],
        *,
        defer_after: float = 2.0,
        guild_ready_timeout: float = 2.0,
        ready_timeout: float = 60.0,
        request_timeout: float = 60.0,
        on_rate_limited: Callable[[], None] | None = None,
        identify_interval: float = 5.0,
        completions: dict[str, Callable[[str], list[str]]] | None = None,
        on_answer: Callable[[Vote], Awaitable[str]] | None = None,
    ) -> None:
        self._on_answer = on_answer  # a fan's pick in a question's menu: recorded, then confirmed in its words
        self._identify_interval = identify_interval  # between the IDENTIFYs of this process's shards
        self._on_rate_limited = on_rate_limited  # each 429 from the REST API (e.g. for metrics)
        self._token = token
        self._settings = settings
        self._on_chat_gone = on_chat_gone
        self._responder = Responder(handle, autocomplete, defer_after, completions)
        self._guild_ready_timeout = guild_ready_timeout
        self._ready_timeout = ready_timeout
        self._request_timeout = request_timeout
        self._client: _Client | None = None
        self._task: asyncio.Task[None] | None = None
        self._fetched: dict[int, Messageable] = {}
        self._limiter: AsyncLimiter | None = None  # made in start(): it belongs to the running loop

    def __repr__(self) -> str:  # never show the token
        return f"DiscordAdapter(api={self._settings.api_base_url!r}, running={self._client is not None})"

    # ----- lifecycle -------------------------------------------------------------------------
    async def start(self) -> None:
        """Log in, register the slash commands, connect the gateway; return once ready."""
        if self._client is not None:
            raise RuntimeError("DiscordAdapter already started")
        discord.http.Route.BASE = self._settings.api_base_url.rstrip("/")  # process-global
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self._settings.gateway_url)  # process-global
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False  # no voice: no warnings
        self._limiter = AsyncLimiter(1, 1 / self._settings.global_rate_per_second)  # evenly spaced, no burst
        intents = discord.Intents.none()
        intents.guilds = True  # channels, threads, roles; no privileged intents
        client_class, shards = _shard_options(self._settings)
        self._client = client = client_class(
            self._chats_gone,
            identify_interval=self._identify_interval,
            picked=self._picked,
            **shards,
            intents=intents,
            allowed_mentions=NO_MENTIONS,
            guild_ready_timeout=self._guild_ready_timeout,
            max_ratelimit_timeout=60.0,  # longer waits come back as RetryLater instead of blocking
            http_trace=_rate_limit_trace(self._on_rate_limited),
        )
        tree = self._responder.build_tree(client)
        try:
            await client.login(self._token)
            await tree.sync()
        # The caller reports a start error once (the command line's `rumourbot: …` line): no log here.
        except discord.LoginFailure:
            await self.stop()
            raise DiscordStartError("discord: login failed: the token was rejected (DISCORD_TOKEN)") from None
        except (discord.HTTPException, *TRANSPORT_ERRORS) as exc:
            await self.stop()
            raise DiscordStartError(f"discord: {start_problem(exc, self._settings.api_base_url)}") from None
        self._task = asyncio.create_task(client.connect(reconnect=True), name="discord-gateway")
        self._task.add_done_callback(_gateway_ended)
        ready = asyncio.create_task(client.wait_until_ready())
        await asyncio.wait({ready, self._task}, timeout=self._ready_timeout, return_when=asyncio.FIRST_COMPLETED)
        if not ready.done():
            ready.cancel()
            failed = self._task.exception() if self._task.done() else None
            await self.stop()
            reason = f"{type(failed).__name__}: {failed}" if failed else "timed out"
            raise DiscordStartError(f"discord: gateway not ready: {reason}")
        log.info("discord: connected as %s%s", client.user, _shard_label(self._settings))

    @property
    def connected(self) -> bool:
        """Logged in with the gateway task running (discord.py reconnects by itself meanwhile)."""
        client, task = self._client, self._task
        return client is not None and client.is_ready() and not client.is_closed() and bool(task and not task.done())

    async def stop(self) -> None:
        client, task = self._client, self._task
        self._client = self._task = None
        if client is not None:
            await client.close()
        if task is not None:
            try:
                await asyncio.wait_for(task, 5)
            except (TimeoutError, discord.DiscordException, *TRANSPORT_ERRORS) as exc:
                log.warning("discord: gateway stopped uncleanly: %s", type(exc).__name__)

    async def _chats_gone(self, channel_ids: list[int]) -> None:
        for channel_id in channel_ids:
            self._fetched.pop(channel_id, None)
            try:
                await self._on_chat_gone(ChatRef(self.platform, str(channel_id), ""))
            except Exception as exc:
                log.error("discord: on_chat_gone for %s failed: %r", channel_id, exc)

    async def _picked(self, interaction: discord.Interaction) -> None:
        """A fan picked an option of a question: record it, then confirm (only to them). The pick is
        acknowledged to Discord only after it is stored: if the bot dies first, Discord tells the fan
        the interaction failed, and nothing the fan saw confirmed is lost."""
        data: dict[str, Any] = dict(interaction.data or {})
        number = str(data.get("custom_id", "")).removeprefix(QUESTION_MENU)
        values = [str(v) for v in data.get("values") or []]
        choice = int(values[0]) if values and values[0].isdigit() else None
        text = NOT_RECORDED
        if number.isdigit() and self._on_answer is not None:
            user = interaction.user
            vote = Vote(
                self.platform, str(user.id), user.display_name, choice, f"dc:{interaction.id}", question_id=int(number)
            )
            try:
                text = await self._on_answer(vote)
            except Exception as exc:
                log.error("discord: could not record a pick on question %s: %r", number, exc)
        try:
            await interaction.response.send_message(render_content(text), ephemeral=True, allowed_mentions=NO_MENTIONS)
        except (discord.HTTPException, *TRANSPORT_ERRORS) as exc:
            log.warning("discord: could not confirm a pick on question %s: %s", number, exc)

    # ----- questions ---------------------------------------------------------------------------
    async def post_question(
        self, chat: ChatRef, card: QuestionCard, *, nonce: str = "", in_flight: InFlightMark | None = None
    ) -> tuple[str, str]:
        """The question as an embed with a select menu of its options; the nonce makes a resend harmless."""
        del in_flight
        channel_id = _snowflake(chat.thread_id or chat.chat_id, "channel")
        embeds = [discord.Embed.from_dict(render_embed(_question_card(card)))]
        extra: dict[str, Any] = {"nonce": _nonce(nonce)} if nonce else {}

        async def op(client: discord.Client) -> str:
            await self._paced()
            target = client.get_partial_messageable(channel_id)
            message = await target.send(embeds=embeds, view=_menu(card), allowed_mentions=NO_MENTIONS, **extra)
            return str(message.id)

        return await self._guard("send", chat, op), ""

    async def close_question(self, chat: ChatRef, message_id: str, card: QuestionCard) -> None:
        """Edit the question: its locked note, and no menu."""
        thread_id, mid = _split_id(message_id)
        channel_id = thread_id or _snowflake(chat.thread_id or chat.chat_id, "channel")
        embed = discord.Embed.from_dict(render_embed(_question_card(card)))

        async def op(client: discord.Client) -> None:
            message = client.get_partial_messageable(channel_id).get_partial_message(mid)
            await self._paced()
            await message.edit(embed=embed, view=None, allowed_mentions=NO_MENTIONS)

        await self._guard("edit", chat, op)

    # ----- Sender ----------------------------------------------------------------------------
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
        """Post ``card`` as an embed; ``ping_role`` (a role id) is mentioned and the only mention allowed.
        No in-flight marks: the nonce makes a resend after a crash harmless."""
        del in_flight
        content = f"<@&{_snowflake(ping_role, 'role')}>" if ping_role else None
        embeds = [discord.Embed.from_dict(render_embed(card))]
        return await self._post(
            chat,
            content,
            embeds,
            title=card.title,
            reply_to=reply_to,
            nonce=nonce,
            mentions=_mentions(ping_role),
        )

    async def send_text(
        self,
        chat: ChatRef,
        text: str,
        *,
        reply_to: str | None = None,
        nonce: str = "",
        in_flight: InFlightMark | None = None,
    ) -> str:
        del in_flight
        return await self._post(
            chat, render_content(text), [], title=text, reply_to=reply_to, nonce=nonce, mentions=NO_MENTIONS
        )

    async def edit(self, chat: ChatRef, message_id: str, card: Card) -> None:
        thread_id, mid = _split_id(message_id)
        channel_id = thread_id or _snowflake(chat.thread_id or chat.chat_id, "channel")
        embed = discord.Embed.from_dict(render_embed(card))

        async def op(client: discord.Client) -> None:
            message = client.get_partial_messageable(channel_id).get_partial_message(mid)
            await self._paced()
            await message.edit(embed=embed, allowed_mentions=NO_MENTIONS)

        await self._guard("edit", chat, op)

    async def _post(
        self,
        chat: ChatRef,
        content: str | None,
        embeds: list[discord.Embed],
        *,
        title: str,
        reply_to: str | None,
        nonce: str,
        mentions: discord.AllowedMentions,
    ) -> str:
        channel_id = _snowflake(chat.thread_id or chat.chat_id, "channel")
        extra: dict[str, Any] = {"nonce": _nonce(nonce)} if nonce else {}
        thread_id = None
        if reply_to:
            thread_id, mid = _split_id(reply_to)
            channel_id = thread_id or channel_id
            extra["reference"] = discord.MessageReference(
                message_id=mid, channel_id=channel_id, fail_if_not_exists=False
            )

        async def op(client: discord.Client) -> str:
            channel = None if thread_id else await self._resolve(client, channel_id)
            await self._paced()
            if isinstance(channel, discord.ForumChannel):
                post = await channel.create_thread(
                    name=thread_name(title), content=content, embeds=embeds, allowed_mentions=mentions
                )
                return f"{post.thread.id}/{post.message.id}"
            target = client.get_partial_messageable(channel_id)
            message = await target.send(content, embeds=embeds, allowed_mentions=mentions, **extra)
            return str(message.id)

        return await self._guard("send", chat, op)

    async def _resolve(self, client: discord.Client, channel_id: int) -> Messageable:
        """The channel from the gateway cache, else fetched once (DMs, archived threads)."""
        channel = client.get_channel(channel_id) or self._fetched.get(channel_id)
        if channel is None:
            await self._paced()
            channel = self._fetched[channel_id] = await client.fetch_channel(channel_id)
        return channel

    async def _paced(self) -> None:
        """Wait for a slot under the bot's global REST limit; call right before each REST request."""
        if self._limiter is not None:
            await self._limiter.acquire()

    async def _guard(self, what: str, chat: ChatRef, op: Callable[[discord.Client], Awaitable[T]]) -> T:
        """Run one REST operation with a time-out, mapping failures to the delivery errors."""
        client = self._client
        if client is None:
            raise RetryLater("discord: adapter not started")
        try:
            return await asyncio.wait_for(op(client), self._request_timeout)
        except (discord.DiscordException, *TRANSPORT_ERRORS) as exc:
            error = delivery_error(exc)
            log.warning("discord: %s to %s failed: %s: %s", what, chat.key, type(error).__name__, error)
            raise error from exc
