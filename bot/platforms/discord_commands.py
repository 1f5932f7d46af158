"""Discord slash commands: the command tree, Invocation building, and answering within 3 seconds.

Discord drops an interaction that is not answered within 3 s. A handler that has not returned
after ``defer_after`` seconds (2 s) gets a deferral ("rumourbot is thinking…", public) and its
reply goes out as a follow-up. A deferral's visibility cannot be changed afterwards, so when a
late reply turns out to be ephemeral the public placeholder is deleted first and the reply is
sent as an ephemeral follow-up: a private answer never lands in the channel.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from typing import Any

import discord
from discord import app_commands

from bot.commands.base import CommandHandler, Invocation
from bot.domain import ChatRef, Platform
from bot.render.card import Reply
from bot.render.discord_embed import batch_embeds, render_content, render_embed

log = logging.getLogger(__name__)

COMMAND_NAMES = (
    "rumour", "follow", "unfollow", "following", "hot", "sources", "settings", "why", "source", "record",
    "sackrace", "vacancies", "board", "resolve", "predict", "leaderboard", "mycalls", "help",
)  # fmt: skip
Complete = Callable[[str], list[str]]
MAX_CHOICES = 25
CHOICE_MAX = 100
NO_MENTIONS = discord.AllowedMentions.none()
FAILED = Reply(text="Sorry, that did not work. Please try again later.", ephemeral=True)
EMPTY_REPLY_TEXT = "Done."

Options = tuple[tuple[str, str], ...]


def invocation(interaction: discord.Interaction, name: str, args: str = "", options: Options = ()) -> Invocation:
    """The neutral Invocation for a slash command. In DMs the user manages their own chat."""
    in_guild = interaction.guild_id is not None
    perms = interaction.permissions  # resolved in this channel, overwrites included
    can_manage = (perms.administrator or perms.manage_guild or perms.manage_channels) if in_guild else True
    return Invocation(
        chat=ChatRef(Platform.DISCORD, str(interaction.channel_id), ""),
        user_id=str(interaction.user.id),
        name=name,
        args=args,
        chat_kind="group" if in_guild else "private",
        can_manage=can_manage,
        options=options,
    )


def _messages(reply: Reply) -> list[tuple[str | None, list[discord.Embed]]]:
    """Content + embeds per message: ≤10 embeds and ≤6000 embed characters each."""
    batches = batch_embeds([render_embed(card) for card in reply.cards]) or [[]]
    text = render_content(reply.text) if reply.text else None
    if text is None and not reply.cards:
        text = EMPTY_REPLY_TEXT
    return [(text if i == 0 else None, [discord.Embed.from_dict(e) for e in batch]) for i, batch in enumerate(batches)]


class Responder:
    """Runs the CommandHandler for each interaction and answers it in time."""

    def __init__(
        self,
        handle: CommandHandler,
        autocomplete: Complete,
        defer_after: float = 2.0,
        completions: dict[str, Complete] | None = None,
    ) -> None:
        self._handle = handle
        self._autocomplete = autocomplete
        self._completions = completions or {}  # "source", "league": more autocompleted options
        self._defer_after = defer_after
        self._pending: set[asyncio.Task[Reply]] = set()

    async def _reply_for(self, inv: Invocation) -> Reply:
        try:
            return await self._handle(inv)
        except Exception as exc:
            log.error("discord: /%s handler failed: %r", inv.name, exc)
            return FAILED

    async def run(self, interaction: discord.Interaction, name: str, args: str = "", options: Options = ()) -> None:
        task = asyncio.create_task(self._reply_for(invocation(interaction, name, args, options)))
        self._pending.add(task)  # keep a reference even if answering fails
        task.add_done_callback(self._pending.discard)
        try:
            done, _ = await asyncio.wait({task}, timeout=self._defer_after)
            if done:
                await self._answer(interaction, task.result())
            else:
                await interaction.response.defer(thinking=True)
                await self._answer_late(interaction, await task)
        except discord.HTTPException as exc:
            log.warning("discord: could not answer /%s: HTTP %s %s", name, exc.status, exc.text[:200])

    async def _answer(self, interaction: discord.Interaction, reply: Reply) -> None:
        (content, embeds), *rest = _messages(reply)
        await interaction.response.send_message(
            content, embeds=embeds, ephemeral=reply.ephemeral, allowed_mentions=NO_MENTIONS
        )
        await self._follow_ups(interaction, rest, reply.ephemeral)

    async def _answer_late(self, interaction: discord.Interaction, reply: Reply) -> None:
        if reply.ephemeral:
            await interaction.delete_original_response()
        await self._follow_ups(interaction, _messages(reply), reply.ephemeral)

    async def _follow_ups(
        self,
        interaction: discord.Interaction,
        messages: Sequence[tuple[str | None, list[discord.Embed]]],
        private: bool,
    ) -> None:
        for content, embeds in messages:
            extra: dict[str, Any] = {"content": content} if content else {}
            await interaction.followup.send(
                embeds=embeds, ephemeral=private, allowed_mentions=NO_MENTIONS, wait=True, **extra
            )

    def choices(self, current: str, kind: str = "") -> list[app_commands.Choice[str]]:
        try:
            names = self._completions.get(kind, self._autocomplete)(current)
        except Exception as exc:
            log.warning("discord: autocomplete for %r failed: %r", current[:50], exc)
            return []
        seen: dict[str, None] = {}
        for raw in names:
            name = raw.strip()[:CHOICE_MAX]
            if name:
                seen.setdefault(name)
            if len(seen) == MAX_CHOICES:
                break
        return [app_commands.Choice(name=n, value=n) for n in seen]

    def build_tree(self, client: discord.Client) -> app_commands.CommandTree[discord.Client]:
        tree: app_commands.CommandTree[discord.Client] = app_commands.CommandTree(client)
        run = self.run

        async def complete(_: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
            return self.choices(current)

        @tree.command(name="rumour", description="Latest rumours about a manager or club")
        @app_commands.describe(query="Manager or club")
        @app_commands.autocomplete(query=complete)
        async def rumour(interaction: discord.Interaction, query: str) -> None:
            await run(interaction, "rumour", query)

        @tree.command(name="follow", description="Post alerts about a manager or club in this channel")
        @app_commands.describe(target="Manager, club or 'all'", ping="Role to mention with each alert")
        @app_commands.autocomplete(target=complete)
        async def follow(interaction: discord.Interaction, target: str, ping: discord.Role | None = None) -> None:
            await run(interaction, "follow", target, (("ping_role", str(ping.id)),) if ping else ())

        @tree.command(name="unfollow", description="Stop alerts about a manager or club in this channel")
        @app_commands.describe(target="Manager, club or 'all'")
        async def unfollow(interaction: discord.Interaction, target: str) -> None:
            await run(interaction, "unfollow", target)

        @tree.command(name="following", description="What this channel follows")
        async def following(interaction: discord.Interaction) -> None:
            await run(interaction, "following")

        @tree.command(name="hot", description="The hottest manager rumours right now")
        async def hot(interaction: discord.Interaction) -> None:
            await run(interaction, "hot")

        @tree.command(name="sources", description="Which outlets the bot reads and how it rates them")
        async def sources(interaction: discord.Interaction) -> None:
            await run(interaction, "sources")

        @tree.command(name="settings", description="How this channel gets alerts: mode, tier, stage")
        @app_commands.describe(change="e.g. 'mode daily', 'tier 2', 'stage talks'; empty shows the settings")
        async def settings_(interaction: discord.Interaction, change: str = "") -> None:
            await run(interaction, "settings", change)

        @tree.command(name="why", description="Why a story was or was not posted in this channel")
        @app_commands.describe(story="A story's link, a thread number (#12) or a manager or club")
        async def why(interaction: discord.Interaction, story: str) -> None:
            await run(interaction, "why", story)

        async def complete_source(_: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
            return self.choices(current, "source")

        async def complete_league(_: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
            return self.choices(current, "league")

        @tree.command(name="source", description="A source's track record: claims, calls right, standing")
        @app_commands.describe(name="Journalist or outlet")
        @app_commands.autocomplete(name=complete_source)
        async def source(interaction: discord.Interaction, name: str) -> None:
            await run(interaction, "source", name)

        @tree.command(name="record", description="Track record of the sources on what this channel follows")
        async def record(interaction: discord.Interaction) -> None:
            await run(interaction, "record")

        @tree.command(name="sackrace", description="Who is next to go: managers ranked by pressure")
        @app_commands.describe(league="Only this league (empty: all)")
        @app_commands.autocomplete(league=complete_league)
        async def sackrace(interaction: discord.Interaction, league: str = "") -> None:
            await run(interaction, "sackrace", league)

        @tree.command(name="vacancies", description="Clubs without a permanent manager, with their candidates")
        @app_commands.describe(league="Only this league (empty: all)")
        @app_commands.autocomplete(league=complete_league)
        async def vacancies(interaction: discord.Interaction, league: str = "") -> None:
            await run(interaction, "vacancies", league)

        @tree.command(name="board", description="Keep a board in this channel, edited in place (Manage Server)")
        @app_commands.describe(board="Which board", league="Only this league (empty: all)", stop="Remove it instead")
        @app_commands.choices(
            board=[app_commands.Choice(name="sack race", value="sackrace"),
                   app_commands.Choice(name="vacancies", value="vacancies")]
        )  # fmt: skip
        @app_commands.autocomplete(league=complete_league)
        async def board(interaction: discord.Interaction, board: str, league: str = "", stop: bool = False) -> None:
            await run(interaction, "board", " ".join(part for part in ("stop" if stop else "", board, league) if part))

        @tree.command(name="resolve", description="Mark a thread true, false or cold (the bot's operators)")
        @app_commands.describe(thread="Thread number (#N on each card)", outcome="How it ended", note="Why")
        @app_commands.choices(outcome=[app_commands.Choice(name=o, value=o) for o in ("true", "false", "cold")])
        async def resolve(interaction: discord.Interaction, thread: int, outcome: str, note: str = "") -> None:
            await run(interaction, "resolve", f"{thread} {outcome} {note}".strip())

        @tree.command(name="predict", description="Prediction games: the questions here; admins open and close them")
        @app_commands.describe(
            action="open, close, off or on (admins); empty lists the questions here",
            target="open: a club (its next manager) or a manager (still in charge?); close: #N",
            until="open: days (30) or a date (2026-01-31) when calls lock",
        )
        @app_commands.choices(action=[app_commands.Choice(name=a, value=a) for a in ("open", "close", "off", "on")])
        @app_commands.autocomplete(target=complete)
        async def predict(
            interaction: discord.Interaction, action: str = "", target: str = "", until: str = ""
        ) -> None:
            await run(interaction, "predict", " ".join(part for part in (action, target, until) if part))

        @tree.command(name="leaderboard", description="Who calls it best in this channel")
        @app_commands.describe(season="e.g. 2025-26, or all; empty: this season")
        async def leaderboard(interaction: discord.Interaction, season: str = "") -> None:
            await run(interaction, "leaderboard", season)

        @tree.command(name="mycalls", description="Your calls and points in this channel")
        async def mycalls(interaction: discord.Interaction) -> None:
            await run(interaction, "mycalls")

        @tree.command(name="help", description="How to use rumourbot")
        async def help_(interaction: discord.Interaction) -> None:
            await run(interaction, "help")

        return tree
