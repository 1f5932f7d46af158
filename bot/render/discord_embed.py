"""Card → Discord embed as plain data (no discord import): escaping, colours, Discord's size limits.

Card strings are plain text, so everything that Discord renders as markdown (title, description,
field names and values, message content) is escaped: a headline such as
``@everyone [x](http://evil.example) <@&123>`` shows literally, never as a link or a mention pill.
The footer and forum thread names are not markdown on Discord and are only truncated.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote, urlsplit

from bot.render.card import Card

TITLE_MAX = 256
DESCRIPTION_MAX = 4096
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FIELDS_MAX = 25
FOOTER_MAX = 2048
EMBED_TOTAL_MAX = 6000
EMBEDS_PER_MESSAGE = 10
CONTENT_MAX = 2000
THREAD_NAME_MAX = 100
URL_MAX = 2048
ELLIPSIS = "…"
BLANK = "\u200b"  # Discord rejects empty field names/values; a zero-width space renders as nothing

DEFAULT_COLOUR = 0x5865F2
STAGE_COLOURS: dict[str, int] = {
    "under_pressure": 0xF1C40F,
    "linked": 0x95A5A6,
    "talks": 0x3498DB,
    "offer": 0xE67E22,
    "agreed": 0x2ECC71,
    "appointed": 0x1F8B4C,
    "rejected": 0xE74C3C,
    "denied": 0xC0392B,
    "stays": 0x9B59B6,
    "extension": 0x1ABC9C,
    "sacked": 0x992D22,
    "left": 0x607D8B,
}

# Every ASCII punctuation mark Discord's markdown (or its mention syntax) gives a meaning to.
_MARKUP = re.compile(r"([\\*_~`|<>@#\[\]()])")
_LINE_START_LIST = re.compile(r"(?m)^(\s*)([-+])(?=\s)")
_LINE_START_NUMBERED = re.compile(r"(?m)^(\s*\d+)\.(?=\s)")
_URL_SAFE = ":/?#@!$&'*+,;=%~.-_"  # no ( ) < > [ ] or spaces: they would end a masked link


def escape_markdown(text: str) -> str:
    """Make plain text render literally on Discord (markdown, masked links, mentions, lists)."""
    text = _MARKUP.sub(r"\\\1", text)
    text = _LINE_START_LIST.sub(r"\1\\\2", text)
    return _LINE_START_NUMBERED.sub(r"\1\\.", text)


def truncate(text: str, limit: int) -> str:
    """Cut to ``limit`` characters with an ellipsis, never leaving half of a ``\\x`` escape."""
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS)]
    trailing = len(cut) - len(cut.rstrip("\\"))
    if trailing % 2:  # an escape pair was split: drop its lone backslash
        cut = cut[:-1]
    return cut + ELLIPSIS


def markdown(text: str, limit: int) -> str:
    return truncate(escape_markdown(text), limit)


def safe_url(url: str) -> str:
    """An http(s) URL safe to place in a masked link, or "" when it is not usable."""
    url = url.strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return ""
    if scheme not in ("http", "https"):
        return ""
    quoted = quote(url, safe=_URL_SAFE)
    return quoted if len(quoted) <= URL_MAX else ""


def _links_value(card: Card) -> str:
    parts: list[str] = []
    for link in card.links:
        url = safe_url(link.url)
        if not url:
            continue
        part = f"[{markdown(link.label or url, 100)}]({url})"
        if len(" · ".join([*parts, part])) > FIELD_VALUE_MAX:
            break  # drop whole links rather than cutting one in half
        parts.append(part)
    return " · ".join(parts)


def embed_size(embed: dict[str, Any]) -> int:
    """Characters Discord counts towards its 6000 limit."""
    size = len(embed.get("title", "")) + len(embed.get("description", ""))
    size += len(embed.get("footer", {}).get("text", "")) + len(embed.get("author", {}).get("name", ""))
    return size + sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", []))


def render_embed(card: Card) -> dict[str, Any]:
    """A Discord embed object (as sent in the REST payload) for ``card``, within every limit."""
    embed: dict[str, Any] = {"type": "rich", "color": STAGE_COLOURS.get(card.stage, DEFAULT_COLOUR)}
    if card.title:
        embed["title"] = markdown(card.title, TITLE_MAX)
    if card.body:
        embed["description"] = markdown(card.body, DESCRIPTION_MAX)
    links = _links_value(card)
    room = FIELDS_MAX - (1 if links else 0)
    fields = [
        {
            "name": markdown(name, FIELD_NAME_MAX) or BLANK,
            "value": markdown(value, FIELD_VALUE_MAX) or BLANK,
            "inline": len(value) <= 40,
        }
        for name, value in card.fields[:room]
    ]
    if links:
        fields.append({"name": "Links", "value": links, "inline": False})
        first = next(u for u in (safe_url(link.url) for link in card.links) if u)
        embed["url"] = first
    if card.footer:
        embed["footer"] = {"text": truncate(card.footer, FOOTER_MAX)}
    if fields:
        embed["fields"] = fields
    while embed_size(embed) > EMBED_TOTAL_MAX and len(fields) > (1 if links else 0):
        fields.pop(-2 if links else -1)  # drop the last card field; keep the links
    excess = embed_size(embed) - EMBED_TOTAL_MAX
    if excess > 0:
        description = embed.get("description", "")
        embed["description"] = truncate(description, max(1, len(description) - excess))
    if not fields:
        embed.pop("fields", None)
    return embed


def batch_embeds(embeds: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Split embeds into messages: at most 10 per message and 6000 characters across them."""
    batches: list[list[dict[str, Any]]] = []
    current: list[dict[str, Any]] = []
    used = 0
    for embed in embeds:
        size = embed_size(embed)
        if current and (len(current) == EMBEDS_PER_MESSAGE or used + size > EMBED_TOTAL_MAX):
            batches.append(current)
            current, used = [], 0
        current.append(embed)
        used += size
    if current:
        batches.append(current)
    return batches


def render_content(text: str) -> str:
    """Plain text as message content (escaped, at most 2000 characters)."""
    return markdown(text, CONTENT_MAX)


def thread_name(title: str) -> str:
    """A forum post name: plain text (not markdown on Discord), one line, 1–100 characters."""
    name = " ".join(title.split())
    return truncate(name, THREAD_NAME_MAX) or "Rumour"
