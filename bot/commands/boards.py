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
from bot.domain import TIER_WEIGHT, current_heat
from bot.render.boards import MAX_BOARD_LINES, sack_race_card, vacancies_card
from bot.render.card import Card, Reply
from bot.rumours.boards import OLDER_WEIGHT, Candidate, Pressure, sack_race, vacancy_board
from bot.rumours.jobs import JobBook
from bot.store.base import CandidateRow

KINDS = ("sackrace", "vacancies")
WEEK, MONTH = timedelta(days=7), timedelta(days=30)
CANDIDATE_LEAD = timedelta(days=30)  # candidates linked up to this long before the job fell vacant count
SHORTLIST = 30  # pressure threads whose best source is looked up (the board shows 10)
PER_CLUB_SHORTLIST = 8  # candidates per vacant club whose best source is looked up (the board shows 5)
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
            # A manager who has left that job since (a learned change) is out of the race.
            rows = [r for r in rows if r.manager not in book.changes or book.club_of(r.manager) == r.club]
            # The standing of the best source can move a manager by a tier's weight at most: rank by the
            # reports' own best tier first, then name the sources of the leading few only.
            rows.sort(key=lambda r: -(r.week + OLDER_WEIGHT * (r.month - r.week)) * TIER_WEIGHT.get(r.best_tier, 0.7))
            best = await self.store.best_sources([r.thread_id for r in rows[:SHORTLIST]])
            pressure = [
                Pressure(r.manager, r.club, r.week, r.month, *best.get(r.thread_id, ("", r.best_tier)))
                for r in rows[:SHORTLIST]
            ]
            standing = await self.records.tiers(chat_key, sorted({p.best_source for p in pressure if p.best_source}))
            return sack_race_card(sack_race(pressure, book, standing, now), league, now)
        everywhere = [v for v in book.vacancies() if clubs is None or v.club in clubs]
        vacancies = everywhere[:MAX_BOARD_LINES]  # the most recent: the board shows no more
        found = await self.store.candidates([(v.club, v.since - CANDIDATE_LEAD) for v in vacancies])
        found = [c for c in found if book.club_of(c.manager) != c.club]  # appointed there since: not a candidate
        by_club: dict[str, list[CandidateRow]] = {}
        for c in sorted(found, key=lambda c: -current_heat(c.heat, c.last_update, now)):
            by_club.setdefault(c.club, []).append(c)
        shown = [c for rows in by_club.values() for c in rows[:PER_CLUB_SHORTLIST]]
        best = await self.store.best_sources([c.thread_id for c in shown])
        candidates = [
            Candidate(c.manager, c.club, c.stage, c.heat, c.last_update, *best.get(c.thread_id, ("", c.best_tier)))
            for c in shown
        ]
        standing = await self.records.tiers(chat_key, sorted({c.best_source for c in candidates if c.best_source}))
        lines = vacancy_board(vacancies, candidates, standing, now)
        return vacancies_card(lines, league, now, more=len(everywhere) - len(vacancies))

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
