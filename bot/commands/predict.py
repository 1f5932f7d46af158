"""/predict, /leaderboard, /mycalls (and /call, the console's way to answer): the prediction game's
commands. Handlers return a Reply; the game and its store do the rest. Play only: points, no stakes."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta

from bot.commands.base import Invocation
from bot.commands.names import NameResolver
from bot.commands.predict_why import QuestionWhy
from bot.domain import Platform, TargetKind
from bot.predictions.game import Game, Refusal
from bot.predictions.ports import QuestionBook, Vote
from bot.predictions.scoring import fan_calls, rank
from bot.questions import Question, QuestionStatus, season_of
from bot.render.card import Reply
from bot.render.predictions import PLAY_ONLY, call_line, leaderboard_text, question_text, when

USAGE = (
    "Prediction games: a question on a saga, answered in this chat's poll (Telegram) or menu (Discord), scored"
    " when the answer is known — the earlier a right call, the more points.\n"
    "/predict — the questions here\n"
    "/predict open <club> [days|YYYY-MM-DD] — who will be the club's next permanent manager? (admins)\n"
    "/predict open <manager> [days|YYYY-MM-DD] — will he still be in charge on that day? (admins)\n"
    "/predict close [#N] — stop taking calls now; it is scored when the answer is known (admins)\n"
    "/predict off | on — automatic questions in this chat (admins)\n"
    f"/leaderboard [season|all], /mycalls. {PLAY_ONLY}"
)
ADMINS_ONLY = (
    "Only admins can open or close questions or switch automatic ones (Telegram: group admins; Discord: Manage"
    " Server or Manage Channels). Anyone can answer, and /leaderboard and /mycalls are for everyone."
)
_DEADLINE = re.compile(r"(?:(?P<days>\d{1,3})\s*(?:d|days?)?|(?P<date>\d{4}-\d{2}-\d{2}))", re.IGNORECASE)
_NUMBER = re.compile(r"#?\s*(\d{1,12})")
_SEASON = re.compile(r"(\d{4})(?:\s*[-/]\s*(\d{2}|\d{4}))?")
MAX_CALLS = 8


def parse_deadline(word: str, now: datetime) -> datetime | None:
    """ "30", "30d", "30 days" → now + 30 days; "2026-01-31" → that day at 12:00 UTC; else None."""
    match = _DEADLINE.fullmatch(word.strip())
    if match is None:
        return None
    if match["days"]:
        return now + timedelta(days=int(match["days"]))
    try:
        return datetime.combine(datetime.fromisoformat(match["date"]).date(), time(12), UTC)
    except ValueError:
        return None


def parse_season(word: str) -> str | None:
    """ "2025-26", "2025/2026", "2025" → "2025-26"; else None."""
    match = _SEASON.fullmatch(word.strip())
    if match is None:
        return None
    start = int(match[1])
    if match[2] and int(match[2][-2:]) != (start + 1) % 100:
        return None
    return f"{start}-{(start + 1) % 100:02d}"


class PredictionCommands:
    def __init__(self, game: Game, book: QuestionBook, names: NameResolver, clock: Callable[[], datetime]) -> None:
        self.game = game
        self.book = book
        self.names = names
        self.clock = clock
        self.why = QuestionWhy(book, clock)  # /why q12: None for any other argument

    # -- /predict ------------------------------------------------------------------------------

    async def predict(self, inv: Invocation) -> Reply:
        action, _, rest = inv.args.partition(" ")
        action = action.lower()
        if not action:
            return await self._list(inv)
        if action not in ("open", "close", "off", "on"):
            return Reply(f"I don't know “/predict {action[:30]}”.\n{USAGE}", ephemeral=True)
        if not inv.can_manage:
            return Reply(ADMINS_ONLY, ephemeral=True)
        try:
            if action == "open":
                return await self._open(inv, rest.strip())
            if action == "close":
                return await self._close(inv, rest.strip())
        except Refusal as refusal:
            return Reply(str(refusal), ephemeral=True)
        if rest.strip():
            return Reply(f"/predict {action} takes nothing more.", ephemeral=True)
        on = action == "on"
        changed = await self.book.set_auto(inv.chat.key, on, self.clock())
        state = "on" if on else "off"
        if not changed:
            return Reply(f"Automatic questions are already {state} in this chat.")
        extra = "" if self.game.settings.auto or not on else " (the bot's [predictions] auto setting is off, though)"
        return Reply(f"Automatic questions are now {state} in this chat{extra}. /predict open still works.")

    async def _open(self, inv: Invocation, rest: str) -> Reply:
        if not rest:
            return Reply(
                "Open a question on what? Try /predict open chelsea or /predict open maresca 30.", ephemeral=True
            )
        now = self.clock()
        name, deadline = rest, None
        head, _, last = rest.rpartition(" ")
        if head and (parsed := parse_deadline(last, now)) is not None:
            name, deadline = head, parsed
        elif head and _DEADLINE.fullmatch(last):
            return Reply(
                f"“{last[:20]}” is not a date I can read: give days (30) or a date (2026-01-31).", ephemeral=True
            )
        res = self.names.resolve(name)
        if res.kind == TargetKind.CLUB:
            opened = await self.game.open_job(inv.chat.key, res.name, inv.user_id, deadline, now=now)
        elif res.kind == TargetKind.MANAGER:
            opened = await self.game.open_pressure(inv.chat.key, res.name, inv.user_id, deadline, now=now)
        elif res.suggestions:
            return Reply(
                f"I don't know “{name[:60]}”. Did you mean {' or '.join(res.suggestions[:3])}?", ephemeral=True
            )
        else:
            return Reply(f"I don't know a manager or club called “{name[:60]}”.", ephemeral=True)
        q = opened.question
        more = (
            f" ({opened.candidates_left_out} more candidates count as “someone else”)"
            if opened.candidates_left_out
            else ""
        )
        return Reply(f"Question #{q.id} is open: {question_text(q)} Calls lock on {when(q.deadline)}.{more}")

    async def _close(self, inv: Invocation, rest: str) -> Reply:
        number = None
        if rest:
            match = _NUMBER.fullmatch(rest)
            if match is None:
                return Reply(
                    f"Close which question? Give its number, e.g. /predict close #12 (not “{rest[:30]}”).",
                    ephemeral=True,
                )
            number = int(match[1])
        q = await self.game.close(inv.chat.key, number)
        return Reply(
            f"Question #{q.id} is closed: calls made until now count, and it is scored when the answer is known."
        )

    async def _list(self, inv: Invocation) -> Reply:
        live = await self.book.questions(inv.chat.key, live_only=True)
        counts = await self.book.answer_counts([q.id for q in live])
        auto = await self.book.auto_on(inv.chat.key) and self.game.settings.auto
        lines = [
            f"#{q.id} {question_text(q)} — "
            + (
                f"open until {when(q.deadline)}"
                if q.status is QuestionStatus.OPEN
                else "locked, waiting for the answer"
            )
            + f"; {counts.get(q.id, 0)} fan(s) answered"
            for q in live
        ]
        head = "Questions here:" if lines else "No open question in this chat."
        footer = f"Automatic questions: {'on' if auto else 'off'}. /predict open <club or manager> asks one (admins)."
        return Reply("\n".join([head, *lines, footer]))

    async def why_note(self, inv: Invocation) -> str:
        """For /why about a manager or club: the live questions of this chat on its sagas, if any."""
        res = self.names.resolve(inv.args) if inv.args and not inv.args.startswith(("#", "http")) else None
        if res is None or not isinstance(res.kind, TargetKind):
            return ""
        live = [
            q
            for q in await self.book.questions(inv.chat.key, live_only=True)
            if res.name in (q.club, q.manager) or (res.kind == TargetKind.MANAGER and res.name in q.options)
        ]
        if not live:
            return ""
        listed = ", ".join(f"#{q.id} ({q.status.value}; /why q{q.id})" for q in live)
        return f"Prediction questions here about {res.name}'s sagas: {listed}."

    # -- /leaderboard and /mycalls ---------------------------------------------------------------

    async def leaderboard(self, inv: Invocation) -> Reply:
        arg = inv.args.strip().lower()
        season: str | None = season_of(self.clock())
        if arg in ("all", "ever", "all-time"):
            season = None
        elif arg:
            season = parse_season(arg)
            if season is None:
                return Reply(
                    f"“{arg[:30]}” is not a season: try /leaderboard 2025-26 or /leaderboard all.", ephemeral=True
                )
        standings = rank(await self.book.totals(inv.chat.key, season))
        text = leaderboard_text(standings, season, inv.user_id)
        if not standings and arg:
            seasons = await self.book.seasons(inv.chat.key)
            text += f" Seasons with calls here: {', '.join(seasons)}." if seasons else ""
        return Reply(text)

    async def mycalls(self, inv: Invocation) -> Reply:
        scores = {s.question_id: s for s in await self.book.fan_scores(inv.chat.key, inv.user_id)}
        lines = []
        for q in await self.book.questions(inv.chat.key, limit=30):
            mine = [a for a in await self.book.answers(q.id) if a.user_id == inv.user_id]
            if not mine and q.id not in scores:
                continue
            calls = fan_calls(q, mine, q.lock_at if q.is_closed else self.clock() + timedelta(seconds=1))
            call = calls[0] if calls else None
            lines.append(call_line(q, call.choice if call else None, call.since if call else None, scores.get(q.id)))
            if len(lines) == MAX_CALLS:
                break
        if not lines:
            return Reply("You have made no call in this chat yet. /predict shows the open questions.", ephemeral=True)
        season = season_of(self.clock())
        this = next((t for t in await self.book.totals(inv.chat.key, season) if t[0] == inv.user_id), None)
        record = f"This season ({season}): {this[2]} pts, {this[4]} of {this[3]} right." if this else ""
        every = sum(s.points for s in scores.values())
        summary = f"{record} All seasons: {every} pts from {len(scores)} scored call(s).".strip()
        return Reply("Your calls here:\n" + "\n".join(lines) + f"\n{summary}", ephemeral=True)

    # -- /call (the console) ---------------------------------------------------------------------

    async def call(self, inv: Invocation) -> Reply:
        if inv.chat.platform != Platform.CONSOLE:
            return Reply("Answer in the question's poll (Telegram) or with its menu (Discord).", ephemeral=True)
        number, _, choice = inv.args.partition(" ")
        match = _NUMBER.fullmatch(number)
        q = await self.book.question(int(match[1])) if match else None
        if q is None or q.chat_key != inv.chat.key:
            return Reply("Usage: /call <question number> <option number or name>, e.g. /call 3 1. /predict lists them.")
        index = _option(q, choice)
        if index is None:
            listed = ", ".join(f"{n} {o}" for n, o in enumerate(q.options, start=1))
            return Reply(f"Question #{q.id} has no option “{choice[:40]}”. Options: {listed}.")
        dedupe = f"{inv.chat.key}:{inv.user_id}:{secrets.token_hex(8)}"
        said = await self.game.answer(
            Vote(inv.chat.platform, inv.user_id, inv.user_id, index, dedupe, question_id=q.id)
        )
        return Reply(said)


def _option(q: Question, choice: str) -> int | None:
    choice = choice.strip()
    if choice.isdigit() and 1 <= int(choice) <= len(q.options):
        return int(choice) - 1
    folded = choice.casefold()
    found = [n for n, o in enumerate(q.options) if folded and folded in o.casefold()]
    return found[0] if len(found) == 1 else None
