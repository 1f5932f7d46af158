"""Shared by the fault-injection tests (and scripts/soak.py): manager rumours that each make exactly one
alert, counting the alerts a Telegram fake holds (single cards and catch-up roundups alike), and
reading the bot's SQLite file from outside the bot process."""

from __future__ import annotations

import itertools
import re
import sqlite3
import tomllib
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from functools import cache
from pathlib import Path
from typing import Any

from tests.e2e.process import BotProcess
from tests.e2e.world import ROOT, eventually
from tests.fakes.telegram_markup import telegram_text
from tests.fakes.telegram_server import TelegramFake

CONFIG = ROOT / "config"
# "• Xabi Alonso → Bayern Munich: talks — David Ornstein (tier 1)": one thread in a roundup card.
ROUNDUP_LINE = re.compile(r"^• (?P<title>.+? → .+?: .+?) — ", re.MULTILINE)
ROUNDUP_TITLE = "Rumour roundup:"


@dataclass(frozen=True)
class Rumour:
    """'<club> hold talks with <manager>', reported by David Ornstein (tier 1): a new (manager, club)
    thread at stage talks, so one alert for every chat following all."""

    manager: str
    club: str
    key: str

    @property
    def alert(self) -> str:
        """The alert card's title (its first line on Telegram, the embed title on Discord)."""
        return f"{self.manager} → {self.club}: talks"

    @property
    def headline(self) -> str:
        return f"{self.club} hold talks with {self.manager}"

    @property
    def text(self) -> str:
        return (
            f"{self.club} have opened talks with {self.manager} over their vacant head coach role, "
            "The Athletic's David Ornstein reports."
        )

    def item(self, published: datetime) -> dict[str, Any]:
        """The story as an item for ``tests.fakes.feed_server.rss``."""
        url = f"https://news.example/{self.key}"
        return {
            "guid": url,
            "link": url,
            "title": self.headline,
            "description": self.text,
            "pubDate": format_datetime(published),
        }


@cache
def _knowledge() -> tuple[list[tuple[str, str]], list[str]]:
    managers = tomllib.loads((CONFIG / "managers.toml").read_text("utf-8"))["manager"]
    clubs = tomllib.loads((CONFIG / "clubs.toml").read_text("utf-8"))["club"]
    # Surnames that are ordinary words only count with context; every story names the full name anyway,
    # but leaving them out keeps the stories as plain as possible.
    people = [(m["name"], m.get("club", "")) for m in managers if not m.get("common_word")]
    teams = [c["name"] for c in clubs if c.get("league") != "International"]
    return people, teams


def manager_club_pairs(start: int = 0) -> Iterator[tuple[str, str]]:
    """Distinct (manager, club) pairs, none about a manager's own club, in a fixed order (tens of
    thousands of them before any repeats)."""
    people, teams = _knowledge()
    seen: set[tuple[str, str]] = set()
    for n in itertools.count(start):
        manager, own = people[(n * 5) % len(people)]
        club = teams[(n * 7 + 3) % len(teams)]
        if club != own and (manager, club) not in seen:
            seen.add((manager, club))
            yield manager, club


def rumours(count: int, prefix: str = "r", start: int = 0) -> list[Rumour]:
    """``count`` rumours about distinct (manager, club) pairs (keys ``prefix`` + a number)."""
    pairs = itertools.islice(manager_club_pairs(start), count)
    return [Rumour(manager, club, f"{prefix}{start + n}") for n, (manager, club) in enumerate(pairs)]


def telegram_alerts(tg: TelegramFake) -> Counter[tuple[int, str]]:
    """How often each (chat, alert title) reached a chat: an alert card counts once, and so does each
    thread listed in a catch-up roundup (after downtime a chat gets a few cards and one roundup)."""
    counts: Counter[tuple[int, str]] = Counter()
    for (chat, _), message in list(tg.messages.items()):
        text = telegram_text(message["text"])
        first = text.split("\n", 1)[0]
        if first.startswith(ROUNDUP_TITLE):
            counts.update((int(chat), m["title"]) for m in ROUNDUP_LINE.finditer(text))
        elif " → " in first:
            counts[(int(chat), first)] += 1
    return counts


def alerts_in(text: str) -> int:
    """How many alerts one Telegram message text carries (0 for a command answer)."""
    shown = telegram_text(text)
    first = shown.split("\n", 1)[0]
    if first.startswith(ROUNDUP_TITLE):
        return len(ROUNDUP_LINE.findall(shown))
    return 1 if " → " in first else 0


def db_path(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def query(url: str, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows from the bot's database file, on a connection of our own (closed at once)."""
    db = sqlite3.connect(db_path(url), timeout=10)
    try:
        return db.execute(sql, params).fetchall()
    finally:
        db.close()


def delivery_statuses(url: str) -> dict[str, int]:
    return dict(query(url, "SELECT status, count(*) FROM deliveries GROUP BY status"))


async def until(ok: Callable[[], Awaitable[bool] | bool], seconds: float, what: str, proc: BotProcess) -> None:
    """``eventually``, with the tail of the bot's log in the failure message."""
    await eventually(ok, seconds, what, lambda: f"; the bot's log:\n{proc.stderr()[-4000:]}")
