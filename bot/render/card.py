"""Neutral messages: what commands and alerts say, before a platform renders it natively."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True, slots=True)
class Card:
    """A rich block: Discord renders an embed, Telegram HTML with link buttons, the console text.

    All strings are plain text (never markup); each renderer escapes them for its platform.
    """

    title: str
    body: str = ""
    fields: tuple[tuple[str, str], ...] = ()
    links: tuple[Link, ...] = ()
    stage: str = ""  # a Relation value; renderers may colour by it
    footer: str = ""
    thread: int | None = None  # the rumour thread it shows (its footer says "thread #N"), if one


@dataclass(frozen=True, slots=True)
class Reply:
    """What a command returns: text and/or cards. ``ephemeral`` replies are shown only to the asker."""

    text: str = ""
    cards: tuple[Card, ...] = ()
    ephemeral: bool = False
