"""The command router: one neutral entry point for every platform.

Handlers take an Invocation and return a Reply; they read and write only through the store.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Awaitable, Callable, Collection
from datetime import datetime

from bot.commands.base import Invocation
from bot.commands.boards import Boards, JobsCache
from bot.commands.names import NameResolver, Resolution
from bot.commands.ports import CommandStore
from bot.commands.predict import PredictionCommands
from bot.commands.ratelimit import CommandLimiter
from bot.commands.records import Records
from bot.commands.settings import settings
from bot.commands.why import Why
from bot.config import CommandSettings
from bot.domain import ChatRef, Outcome, Platform, TargetKind, ThreadState, utcnow
from bot.render.card import Card, Reply
from bot.render.threads import day, thread_card
from bot.rumours.jobs import JobBook
from bot.store.base import FeedRow

log = logging.getLogger(__name__)

MAX_ARGS = 200
SOURCES_LISTED = 10  # failing (and disabled) feeds /sources names; it counts the rest
COMMANDS: dict[str, str] = {
    "rumour": "the latest on a manager or club, e.g. /rumour alonso",
    "follow": "get alerts about a manager, a club or all: /follow alonso",
    "unfollow": "stop alerts: /unfollow alonso",
    "following": "what this chat follows",
    "hot": "the hottest rumours right now",
    "sources": "feed health",
    "settings": "how this chat gets alerts: /settings mode daily, tier 2, stage talks, tier-override Ornstein 2",
    "why": "why a story was or was not posted here: /why <link>, /why #12 or /why alonso; /why q3 for a question",
    "source": "a source's track record, measured: /source Ornstein",
    "record": "the track record of the sources on what this chat follows",
    "sackrace": "who is next to go: /sackrace or /sackrace premier league",
    "vacancies": "clubs without a permanent manager and their candidates: /vacancies [league]",
    "board": "keep a board in this chat, updated in place: /board sackrace [league] (admins)",
    "predict": "prediction games: the questions here; admins: /predict open chelsea, /predict close #3",
    "leaderboard": "who calls it best here: /leaderboard [season|all]",
    "mycalls": "your calls and points in this chat",
    "help": "this list",
}
OPERATOR_COMMANDS = {"resolve": "mark a thread true, false or cold by hand: /resolve 12 false (operators)"}
OUTCOMES = {o.value: o for o in Outcome}
Resolve = Callable[[int, Outcome, str, str], Awaitable[ThreadState | None]]
_UNSAFE = re.compile(r"[\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")

Handler = Callable[[Invocation], Awaitable[Reply]]
SILENT = Reply(ephemeral=True)  # nothing to say: Telegram and the console send nothing


def clean_args(raw: str) -> str:
    """Bound and sanitise user text before it is used or echoed."""
    return " ".join(_UNSAFE.sub(" ", raw[: MAX_ARGS * 4]).split())[:MAX_ARGS]


def echo(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def job_note(kind: object, name: str, book: JobBook) -> str:
    """What the learned jobs say about a manager's or a club's job now ('' when only the knowledge base
    speaks), with the date and the story's source."""
    if kind == TargetKind.MANAGER and (row := book.changes.get(name)) is not None:
        by = row.source or f"set by {row.learned_by}"
        club = book.club_of(name)
        if club:
            return f"Learned: manager of {club} since {day(row.since)} ({by})."
        return f"Learned: without a club since {day(row.since)} — {row.change.value} at {row.club or '?'} ({by})."
    if kind == TargetKind.CLUB:
        for vacancy in book.vacancies():
            if vacancy.club == name:
                opened = vacancy.opened_by
                caretaker = f"; caretaker {vacancy.caretaker}" if vacancy.caretaker else ""
                why = f"{opened.manager} {opened.change.value}, {opened.source}"
                return f"Learned: no permanent manager since {day(vacancy.since)} ({why}){caretaker}."
        for manager in book.holders(name):
            row = book.since(manager)
            if row is not None and row.club == name:
                return (
                    f"Learned: {manager} in charge since {day(row.since)} ({row.source or f'set by {row.learned_by}'})."
                )
    return ""


class Router:
    def __init__(
        self,
        store: CommandStore,
        names: NameResolver,
        *,
        clock: Callable[[], datetime] = utcnow,
        window_days: int = 21,
        limiter: CommandLimiter | None = None,
        predictions: PredictionCommands | None = None,
        operators: Collection[str] = (),
        resolve: Resolve | None = None,
    ) -> None:
        self.store = store
        self.predictions = predictions  # the prediction game's commands (the composition root passes them)
        self.names = names
        self.clock = clock
        self.window_days = window_days
        self.operators = frozenset(operators)  # "platform:user id"; the console's user always is one
        self._resolve = resolve
        self.records = Records(store, names.gazetteer)
        self.jobs = JobsCache(store, names.gazetteer)
        self.boards = Boards(store, names.gazetteer, self.records, self.jobs, clock)
        # The composition root passes CommandLimiter.from_settings(config.settings.commands).
        self.limiter = CommandLimiter.from_settings(CommandSettings()) if limiter is None else limiter
        self._handlers: dict[str, Handler] = {
            "rumour": self.rumour,
            "follow": self.follow,
            "unfollow": self.unfollow,
            "following": self.following,
            "hot": self.hot,
            "sources": self.sources,
            "help": self.help,
            "settings": self.settings,
            "why": self.why,
            "start": self.help,
            "source": self.records.source,
            "record": self.record,
            "sackrace": self.boards.sackrace,
            "vacancies": self.boards.vacancies,
            "board": self.boards.board,
            "resolve": self.resolve,
        }
        self._why = Why(self.store, self.names, clock)
        game = {"predict": self._no_game, "leaderboard": self._no_game, "mycalls": self._no_game, "call": self._no_game}
        if predictions is not None:
            game = {
                "predict": predictions.predict,
                "leaderboard": predictions.leaderboard,
                "mycalls": predictions.mycalls,
                "call": predictions.call,  # the console's way to answer; the platforms have polls and menus
            }
        self._handlers.update(game)

    async def handle(self, inv: Invocation) -> Reply:
        verdict = self.limiter.check(inv.chat.platform, inv.chat.chat_id, inv.user_id)
        if not verdict.allowed:
            if not verdict.notify:
                return SILENT
            log.info(
                "rate limit: user %s in %s; refusing commands for %d s", inv.user_id, inv.chat.key, verdict.retry_after
            )
            return Reply(f"Slow down a little — try again in {verdict.retry_after} s.", ephemeral=True)
        name = inv.name.lower().lstrip("/")
        handler = self._handlers.get(name)
        if handler is None:
            return Reply(f"Unknown command /{echo(clean_args(name), 30)}. Try /help.", ephemeral=True)
        started = time.perf_counter()
        try:
            reply = await handler(
                Invocation(
                    inv.chat,
                    inv.user_id,
                    name,
                    clean_args(inv.args),
                    inv.chat_kind,
                    inv.can_manage,
                    inv.options,
                )
            )
        except Exception:
            log.exception("command /%s failed", name)
            return Reply("Sorry, something went wrong while answering that. Please try again later.", ephemeral=True)
        log.debug("command /%s answered in %.1f ms", name, (time.perf_counter() - started) * 1000)
        return reply

    # -- helpers -------------------------------------------------------------------------------

    def _unresolved(self, query: str, res: Resolution) -> Reply:
        shown = echo(query)
        if res.kind == "ambiguous":
            return Reply(f"“{shown}” could mean {', '.join(res.suggestions)}. Which one?")
        if res.suggestions:
            return Reply(f"I don't know “{shown}”. Did you mean {' or '.join(res.suggestions)}?")
        return Reply(f"I don't know a manager or club called “{shown}”. Try a surname or a club, e.g. /rumour alonso.")

    # -- commands ------------------------------------------------------------------------------

    async def rumour(self, inv: Invocation) -> Reply:
        if not inv.args:
            return Reply("Whom about? Try /rumour alonso or /rumour real madrid.")
        res = self.names.resolve(inv.args)
        if res.kind == TargetKind.MANAGER:
            views = await self.store.threads_about(manager=res.name, limit=6)
        elif res.kind == TargetKind.CLUB:
            views = await self.store.threads_about(club=res.name, limit=6)
        else:
            return self._unresolved(inv.args, res)
        if not views:
            note = job_note(res.kind, res.name, await self.jobs.book())
            return Reply(
                f"No rumours about {res.name} yet. /follow {echo(inv.args, 40)} to hear when one starts."
                + (f"\n{note}" if note else "")
            )
        header = f"{res.name}: {len(views)} rumour thread{'s' if len(views) != 1 else ''}"
        if res.kind == TargetKind.MANAGER and len({v.state.club for v in views}) > 1:
            header += " — " + ", ".join(f"{v.state.club} ({v.state.stage.value})" for v in views)
        if note := job_note(res.kind, res.name, await self.jobs.book()):
            header += f"\n{note}"
        return Reply(header, cards=tuple(thread_card(v) for v in views))

    async def _target(self, inv: Invocation) -> tuple[TargetKind, str] | Reply:
        if not inv.args:
            return Reply(f"Follow what? Try /{inv.name} alonso, /{inv.name} real madrid or /{inv.name} all.")
        if inv.args.lower() == "all":
            return (TargetKind.ALL, "all")
        res = self.names.resolve(inv.args)
        if isinstance(res.kind, TargetKind):
            return (res.kind, res.name)
        return self._unresolved(inv.args, res)

    def _refuse(self, inv: Invocation) -> Reply | None:
        if inv.can_manage:
            return None
        return Reply(
            "Only admins can change what this chat follows (Telegram: group admins; Discord: Manage Server "
            "or Manage Channels). Anyone can ask /rumour.",
            ephemeral=True,
        )

    async def follow(self, inv: Invocation) -> Reply:
        if (refusal := self._refuse(inv)) is not None:
            return refusal
        target = await self._target(inv)
        if isinstance(target, Reply):
            return target
        kind, name = target
        ping = dict(inv.options).get("ping_role", "")
        changed = await self.store.follow(inv.chat.key, kind, name, ping, self.clock())
        what = "every manager rumour" if kind == TargetKind.ALL else name
        if not changed:
            return Reply(f"This chat already follows {what}.")
        return Reply(f"Following {what}. New rumours and updates will be posted here.")

    async def unfollow(self, inv: Invocation) -> Reply:
        if (refusal := self._refuse(inv)) is not None:
            return refusal
        target = await self._target(inv)
        if isinstance(target, Reply):
            return target
        kind, name = target
        removed = await self.store.unfollow(inv.chat.key, kind, name)
        what = "all rumours" if kind == TargetKind.ALL else name
        return Reply(f"Stopped following {what}." if removed else f"This chat was not following {what}.")

    async def following(self, inv: Invocation) -> Reply:
        subs = await self.store.following(inv.chat.key)
        if not subs:
            return Reply("This chat follows nothing yet. Try /follow alonso or /follow all.")
        lines = []
        for sub in subs:
            label = "all manager rumours" if sub.target_kind == TargetKind.ALL else f"{sub.target} ({sub.target_kind})"
            if not sub.active:
                label += " — paused: the bot could not post here"
            lines.append(f"• {label}")
        return Reply("This chat follows:\n" + "\n".join(lines))

    async def hot(self, inv: Invocation) -> Reply:
        del inv
        views = await self.store.hot_threads(self.clock(), 5)
        if not views:
            return Reply("No hot rumours in the last week.")
        return Reply("Hottest rumours right now:", cards=tuple(thread_card(v, with_timeline=False) for v in views))

    async def sources(self, inv: Invocation) -> Reply:
        del inv
        feeds = await self.store.list_feeds()
        if not feeds:
            return Reply("No feeds configured.")
        ok = [f for f in feeds if f.disabled_reason is None and f.failures == 0]
        failing = [f for f in feeds if f.disabled_reason is None and f.failures > 0]
        disabled = [f for f in feeds if f.disabled_reason is not None]
        lines = [f"{len(feeds)} feeds: {len(ok)} ok, {len(failing)} failing, {len(disabled)} disabled."]
        shared = {f.outlet for f in feeds if f.outlet and sum(g.outlet == f.outlet for g in feeds) > 1}

        def label(feed: FeedRow) -> str:  # an outlet with several feeds needs each one's address
            if not feed.outlet:
                return feed.url
            return f"{feed.outlet} ({feed.url.split('://', 1)[-1]})" if feed.outlet in shared else feed.outlet

        for feed in failing[:SOURCES_LISTED]:
            since = f"{feed.failing_since:%d %b %H:%M}" if feed.failing_since else "?"
            lines.append(f"• failing since {since} UTC ({feed.failures}×): {label(feed)} — {feed.last_error}")
        if len(failing) > SOURCES_LISTED:
            lines.append(f"… and {len(failing) - SOURCES_LISTED} more failing feeds.")
        for feed in disabled[:SOURCES_LISTED]:
            lines.append(f"• disabled: {label(feed)} — {feed.disabled_reason}")
        if len(disabled) > SOURCES_LISTED:
            lines.append(f"… and {len(disabled) - SOURCES_LISTED} more disabled feeds.")
        return Reply("\n".join(lines))

    async def why(self, inv: Invocation) -> Reply:
        if self.predictions is None:
            return await self._why(inv)
        if (reply := await self.predictions.why(inv)) is not None:
            return reply
        reply = await self._why(inv)
        note = await self.predictions.why_note(inv)
        return Reply(f"{reply.text}\n{note}", reply.cards, reply.ephemeral) if note and reply.text else reply

    async def _no_game(self, inv: Invocation) -> Reply:
        del inv
        return Reply("Prediction games are not running in this bot.", ephemeral=True)

    async def help(self, inv: Invocation) -> Reply:
        lines = [f"/{name} — {text}" for name, text in COMMANDS.items()]
        if self._operator(inv):
            lines += [f"/{name} — {text}" for name, text in OPERATOR_COMMANDS.items()]
        return Reply("rumourbot follows football manager rumours.\n" + "\n".join(lines))

    async def settings(self, inv: Invocation) -> Reply:
        words = inv.args.split()
        if words and words[0].lower() in ("tier-override", "tier_override", "override"):
            if not inv.can_manage:
                return Reply("Only admins can change this chat's tier overrides.", ephemeral=True)
            return await self.records.tier_override(inv, words[1:])
        return await settings(self.store, inv)

    async def record(self, inv: Invocation) -> Reply:
        follows = [(s.target_kind, s.target) for s in await self.store.following(inv.chat.key) if s.active]
        return await self.records.record(inv, follows)

    async def status_boards(self) -> list[Card]:
        """The sections of the status page: the sack race, the vacancy board and the source table."""
        table = await self.records.record(
            Invocation(ChatRef("status", "page"), "", "record"), [(TargetKind.ALL, "all")]
        )
        return [await self.boards.card("sackrace", ""), await self.boards.card("vacancies", ""), *table.cards]

    def _operator(self, inv: Invocation) -> bool:
        return inv.chat.platform == Platform.CONSOLE or f"{inv.chat.platform}:{inv.user_id}" in self.operators

    async def resolve(self, inv: Invocation) -> Reply:
        """/resolve N true|false|cold [note]: the bot's operators only; logged and told to followers."""
        usage = "Usage: /resolve <thread number> true|false|cold [note], e.g. /resolve 12 false appointed elsewhere"
        if not self._operator(inv):
            return Reply(
                "Only the bot's operators can resolve a thread by hand ([commands] operators in its configuration).",
                ephemeral=True,
            )
        words = inv.args.split()
        if len(words) < 2 or not words[0].lstrip("#").isdigit() or words[1].lower() not in OUTCOMES:
            return Reply(usage, ephemeral=True)
        if self._resolve is None:
            return Reply("Resolving threads is not available in this process.", ephemeral=True)
        thread_id = int(words[0].lstrip("#"))
        actor = f"{inv.chat.platform}:{inv.user_id}"
        state = await self._resolve(thread_id, OUTCOMES[words[1].lower()], actor, " ".join(words[2:])[:200])
        if state is None:
            return Reply(f"There is no thread #{thread_id}.", ephemeral=True)
        return Reply(f"Thread #{thread_id} ({state.manager} → {state.club}) is now {words[1].lower()}. Logged.")
