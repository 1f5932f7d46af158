"""Telegram rendering: neutral Card/Reply → HTML message texts plus URL-button specs.

Pure functions, no ``telegram`` import. Every string from a Card is plain text and is escaped here
(``html.escape``), so feed titles such as ``<b>FREE</b>`` or ``[x](http://evil)`` arrive inert.
The only tags we emit are ``<b>``, ``<i>`` and ``<a href>``, and each one opens and closes on the
same line, so cutting between lines (or between escaped pieces of a line) never breaks markup.

Telegram caps a message at 4096 characters *after* parsing, counted in UTF-16 code units. We count
the HTML source in UTF-16 units, which is never smaller than the parsed text, so a chunk that fits
here always fits there.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.render.card import Card, Link, Reply

MESSAGE_LIMIT = 4096
MAX_BUTTONS = 5
BUTTON_LABEL_LIMIT = 64
URL_LIMIT = 2048


@dataclass(frozen=True, slots=True)
class Button:
    """A URL button; ``label`` is plain text (Telegram does not parse button labels)."""

    label: str
    url: str


@dataclass(frozen=True, slots=True)
class Message:
    """One Telegram message: HTML text (parse_mode HTML) and the buttons under it."""

    html: str
    buttons: tuple[Button, ...] = ()


@dataclass(frozen=True, slots=True)
class Span:
    """A run of plain text, optionally wrapped in one tag (``b``/``i``) or a link."""

    text: str
    tag: str = ""
    href: str = ""


Line = tuple[Span, ...]
Block = tuple[Line, ...]  # a paragraph: lines joined by "\n"; blocks are joined by "\n\n"


def escape(text: str) -> str:
    """Escape plain text for Telegram HTML (``&``, ``<``, ``>``; quotes need no escaping in text)."""
    return html.escape(text, quote=False)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def safe_url(url: str) -> str | None:
    """Return ``url`` if Telegram will accept it for a button or link (http/https), else None."""
    url = url.strip()
    if not url or len(url) > URL_LIMIT or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in {"http", "https"} and parts.hostname else None


def render_span(span: Span) -> str:
    inner = escape(span.text)
    if span.href:
        return f'<a href="{html.escape(span.href, quote=True)}">{inner}</a>'
    return f"<{span.tag}>{inner}</{span.tag}>" if span.tag else inner


def render_line(line: Line) -> str:
    return "".join(render_span(span) for span in line)


def text_blocks(text: str, tag: str = "") -> list[Block]:
    """Plain text → paragraphs (split on blank lines) of lines; empty lines and paragraphs dropped."""
    blocks: list[Block] = []
    for paragraph in re.split(r"\n[ \t\r]*\n", text.replace("\r\n", "\n")):
        lines = tuple((Span(line, tag),) for raw in paragraph.split("\n") if (line := raw.rstrip()))
        if lines:
            blocks.append(lines)
    return blocks


def _button_label(link: Link, url: str) -> str:
    label = " ".join(link.label.split()) or (urlsplit(url).hostname or url)
    return label if len(label) <= BUTTON_LABEL_LIMIT else label[: BUTTON_LABEL_LIMIT - 1] + "…"


def card_blocks(card: Card, *, inline_links: Sequence[Link] = ()) -> list[Block]:
    """A card as paragraphs: bold title with the first body paragraph, more body, then the details."""
    blocks = text_blocks(card.title, "b")
    body = text_blocks(card.body)
    if blocks and body:
        blocks[-1] = blocks[-1] + body.pop(0)
    blocks.extend(body)
    details: list[Line] = [
        (Span(f"{' '.join(name.split())}:", "b"), Span(" " + " ".join(value.split()))) for name, value in card.fields
    ]
    for link in inline_links:
        url = safe_url(link.url)
        if url is not None:
            details.append((Span("• "), Span(" ".join(link.label.split()) or url, href=url)))
    footer = " ".join(card.footer.split())
    if footer:
        details.append((Span(footer, "i"),))
    if details:
        blocks.append(tuple(details))
    return blocks


def _buttons_and_overflow(card: Card) -> tuple[tuple[Button, ...], tuple[Link, ...]]:
    """The first MAX_BUTTONS usable links become buttons; the rest are listed inline."""
    usable = [(link, url) for link in card.links if (url := safe_url(link.url)) is not None]
    buttons = tuple(Button(_button_label(link, url), url) for link, url in usable[:MAX_BUTTONS])
    return buttons, tuple(link for link, _ in usable[MAX_BUTTONS:])


def _fit(span: Span, budget: int) -> int:
    """Length of the longest prefix of the span's text whose rendering fits ``budget``, cut at a
    space if one is in the second half of it; 0 when not even one character fits."""
    text = span.text
    low, high = 0, len(text)
    while low < high:  # binary search: rendered size grows with the prefix length
        mid = (low + high + 1) // 2
        if utf16_len(render_span(Span(text[:mid], span.tag, span.href))) <= budget:
            low = mid
        else:
            high = mid - 1
    if low < len(text):
        space = text.rfind(" ", 0, low + 1)
        if space > low // 2:
            return space
    return low


def _line_pieces(line: Line, limit: int, room: int) -> list[str]:
    """Render a too-long line as pieces: the first fills ``room`` (what is left of the current
    chunk; "" if nothing fits there), the others at most ``limit`` each. Cuts fall between spans or
    inside a span's plain text, and each piece opens and closes its own tag."""
    pieces: list[str] = []
    current, budget = "", room
    queue = list(line)
    while queue:
        span = queue.pop(0)
        rendered = render_span(span)
        if utf16_len(current) + utf16_len(rendered) <= budget:
            current += rendered
            continue
        cut = _fit(span, budget - utf16_len(current))
        if cut == 0 and not current and budget == limit:
            raise ValueError(f"limit {limit} is too small for any text")
        head = span.text[:cut].rstrip()
        if head:
            current += render_span(Span(head, span.tag, span.href))
        pieces.append(current)
        current, budget = "", limit
        rest = span.text[cut:].lstrip()
        if rest:
            queue.insert(0, Span(rest, span.tag, span.href))
    if current:
        pieces.append(current)
    return pieces


def split_blocks(blocks: Sequence[Block], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Pack paragraphs into as few chunks ≤ ``limit`` as possible, breaking at a paragraph boundary
    when one fits, else at a line boundary, else at a space (or, failing that, between characters)."""
    chunks: list[str] = []
    current = ""

    def add(piece: str, sep: str) -> None:
        nonlocal current
        if current and utf16_len(current) + utf16_len(sep) + utf16_len(piece) <= limit:
            current += sep + piece
        else:
            if current:
                chunks.append(current)
            current = piece

    for block in blocks:
        paragraph = "\n".join(render_line(line) for line in block)
        if utf16_len(paragraph) <= limit:
            add(paragraph, "\n\n")
            continue
        for index, line in enumerate(block):
            sep = "\n" if index else "\n\n"
            rendered = render_line(line)
            if utf16_len(rendered) <= limit:
                add(rendered, sep)
                continue
            room = limit - utf16_len(current) - utf16_len(sep) if current else limit
            first, *rest = _line_pieces(line, limit, room)
            if first:
                add(first, sep)  # fits by construction
            for piece in rest:  # each further piece starts a chunk of its own
                if current:
                    chunks.append(current)
                current = piece
    if current:
        chunks.append(current)
    return chunks


def _messages(chunks: list[str], buttons: tuple[Button, ...]) -> list[Message]:
    """Buttons go under the last chunk, right after the text they belong to."""
    return [Message(chunk, buttons if i == len(chunks) - 1 else ()) for i, chunk in enumerate(chunks)]


def render_text(text: str, limit: int = MESSAGE_LIMIT) -> list[Message]:
    return _messages(split_blocks(text_blocks(text), limit), ())


def render_card(card: Card, limit: int = MESSAGE_LIMIT) -> list[Message]:
    buttons, overflow = _buttons_and_overflow(card)
    return _messages(split_blocks(card_blocks(card, inline_links=overflow), limit), buttons)


def render_card_single(card: Card, limit: int = MESSAGE_LIMIT) -> Message:
    """One message for an edit: the first chunk, marked with "…" when the card did not fit."""
    buttons, overflow = _buttons_and_overflow(card)
    chunks = split_blocks(card_blocks(card, inline_links=overflow), limit - 2)
    if not chunks:
        return Message("…", buttons)
    return Message(chunks[0] + "\n…" if len(chunks) > 1 else chunks[0], buttons)


def render_reply(reply: Reply, limit: int = MESSAGE_LIMIT) -> list[Message]:
    """Text then cards in one flow. A lone card keeps its link buttons; with several cards each
    card lists its links inline (one keyboard could not say which card a button belongs to)."""
    blocks = text_blocks(reply.text)
    buttons: tuple[Button, ...] = ()
    if len(reply.cards) == 1:
        buttons, overflow = _buttons_and_overflow(reply.cards[0])
        blocks.extend(card_blocks(reply.cards[0], inline_links=overflow))
    else:
        for card in reply.cards:
            blocks.extend(card_blocks(card, inline_links=card.links))
    return _messages(split_blocks(blocks, limit), buttons)
