"""/sackrace, /vacancies and /board: the two boards, asked for or pinned in a chat.

A pinned board is one message the bot keeps and edits in place (``bot/delivery/pinned.py``); this
module builds what it shows (``Boards.card``), the same card /sackrace and /vacancies answer with."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from bot.analysis.gazetteer import Gazetteer
from bot.analysis.text import fold_key
from bot.commands.base import Invocation
from bot.commands.ports import RecordReads
from bot.commands.records import Records
from bot.render.boards import sack_race_card, vacancies_card
from bot.render.card import Card, Reply
from bot.rumours.boards import Candidate, Pressure, sack_race, vacancy_board
from bot.rumours.jobs import JobBook

KINDS = ("sackrace", "vacancies")
WEEK, MONTH = timedelta(days=7), timedelta(days=30)
CANDIDATE_LEAD = timedelta(days=30)  # candidates linked up to this long before the job fell vacant count
BOARD_USAGE = (
    "Usage: /board sackrace [league] or /board vacancies [league] keeps that board in this chat as one "
    "message, updated in place; /board stop sackrace [league] removes it."
)


class JobsCache:
    """The learned jobs over the knowledge base, rebuilt only when a job was learned or set."""

    def __init__(self, store: RecordReads, gazetteer: Gazetteer) -> None:
        self.store = store
        self.shipped = {m.name: m.club for m in gazetteer.managers.values()}
        self._version: tuple[int, int] | None = None
        self._book = JobBook(self.shipped, [])

    async def book(self) -> JobBook:
        version = await self.store.jobs_version()
        if version != self._version:
            self._book = JobBook(self.shipped, await self.store.job_rows())
            self._version = version
        return self._book


class Boards:
    def __init__(
        self, store: RecordReads, gazetteer: Gazetteer, records: Records, jobs: JobsCache, clock: Callable[[], datetime]
    ) -> None:
        self.store = store
        self.gazetteer = gazetteer
        self.records = records
        self.jobs = jobs
        self.clock = clock
        self._leagues: dict[str, list[str]] = {}
        for club in gazetteer.clubs.values():
            if club.league:
                self._leagues.setdefault(club.league, []).append(club.name)
        self._league_keys = {fold_key(name): name for name in self._leagues}

    def league(self, query: str) -> str | None:
        """The league a fan means ('' for all), or None when there is no such league."""
        key = fold_key(query)
        if not key or key == "all":
            return ""
        if key in self._league_keys:
            return self._league_keys[key]
        starts = [name for k, name in self._league_keys.items() if k.startswith(key)]
        return starts[0] if len(starts) == 1 else None

    def complete(self, prefix: str, limit: int = 25) -> list[str]:
        """League names for autocomplete, the biggest first."""
        key = fold_key(prefix)
        names = sorted(self._leagues, key=lambda n: (-len(self._leagues[n]), n))
        return [n for n in names if not key or key in fold_key(n)][:limit]

    def _unknown_league(self, query: str) -> Reply:
        known = ", ".join(sorted(self._leagues, key=lambda n: -len(self._leagues[n]))[:8])
        return Reply(f"I don't know a league called “{query[:60]}”. Leagues include {known}.", ephemeral=True)

    async def card(self, kind: str, league: str, chat_key: str | None = None) -> Card:
        now = self.clock()
        clubs = self._leagues.get(league, []) if league else None
        book = await self.jobs.book()
        if kind == "sackrace":
            rows = await self.store.pressure(now - WEEK, now - MONTH, clubs)
            standing = await self.records.tiers(chat_key, sorted({r.best_source for r in rows if r.best_source}))
            pressure = [Pressure(r.manager, r.club, r.week, r.month, r.best_source, r.best_tier) for r in rows]
            return sack_race_card(sack_race(pressure, book, standing, now), league, now)
        vacancies = [v for v in book.vacancies() if clubs is None or v.club in clubs]
        since = min((v.since for v in vacancies), default=now) - CANDIDATE_LEAD
        found = await self.store.candidates([v.club for v in vacancies], since)
        standing = await self.records.tiers(chat_key, sorted({c.best_source for c in found if c.best_source}))
        candidates = [
            Candidate(c.manager, c.club, c.stage, c.heat, c.last_update, c.best_source, c.best_tier)
            for c in found
            if book.club_of(c.manager) != c.club  # appointed there since: no longer a candidate
        ]
        return vacancies_card(vacancy_board(vacancies, candidates, standing, now), league, now)

    async def sackrace(self, inv: Invocation) -> Reply:
        return await self._board("sackrace", inv)

    async def vacancies(self, inv: Invocation) -> Reply:
        return await self._board("vacancies", inv)

    async def _board(self, kind: str, inv: Invocation) -> Reply:
        league = self.league(inv.args)
        if league is None:
            return self._unknown_league(inv.args)
        return Reply(cards=(await self.card(kind, league, inv.chat.key),))

    async def board(self, inv: Invocation) -> Reply:
        words = inv.args.split()
        if not words:
            pinned = await self.store.boards(inv.chat.key)
            listed = ", ".join(f"{b.kind}{f' ({b.league})' if b.league else ''}" for b in pinned) or "none"
            return Reply(f"Boards kept in this chat: {listed}.\n{BOARD_USAGE}", ephemeral=True)
        if not inv.can_manage:
            return Reply(
                "Only admins can pin or remove a board in this chat (Telegram: group admins; Discord: Manage "
                "Server or Manage Channels). Anyone can ask /sackrace or /vacancies.",
                ephemeral=True,
            )
        stop = words[0].lower() in ("stop", "off", "remove", "unpin")
        if stop:
            words = words[1:]
        kind = words[0].lower().replace("-", "").replace("_", "") if words else ""
        if kind not in KINDS:
            return Reply(f"Which board: sackrace or vacancies? {BOARD_USAGE}", ephemeral=True)
        league = self.league(" ".join(words[1:]))
        if league is None:
            return self._unknown_league(" ".join(words[1:]))
        label = f"The {'sack race' if kind == 'sackrace' else 'vacancy board'}{f' ({league})' if league else ''}"
        if stop:
            removed = await self.store.unpin_board(inv.chat.key, kind, league)
            return Reply(f"{label} is no longer kept here." if removed else f"{label} was not kept here.")
        if not await self.store.pin_board(inv.chat.key, kind, league, self.clock()):
            return Reply(f"{label} is already kept in this chat.")
        return Reply(f"{label} will be posted here as one message and updated in place when it changes.")
