"""How the Bot API reads ``parse_mode=HTML`` text, for the fake server and for assertions.

Telegram accepts a small set of tags and the entities ``&lt; &gt; &amp; &quot;`` plus numeric ones;
any other tag, an unbalanced tag, or a bare ``<``, ``>`` or ``&`` gets 400 "can't parse entities".
The 4096 limit applies to the parsed text, in UTF-16 code units.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from typing import Any

NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the same "
    "as a current content and reply markup of the message"
)
TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "blockquote"}


class _TelegramHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            raise ValueError(f'unsupported start tag "{tag}"')
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            raise ValueError(f'unexpected end tag "{tag}"')

    def handle_data(self, data: str) -> None:
        if any(ch in data for ch in "<>&"):
            raise ValueError(f"unescaped <, > or & in {data[:20]!r}")
        self.text.append(data)

    def handle_entityref(self, name: str) -> None:
        if name not in {"lt", "gt", "amp", "quot"}:
            raise ValueError(f'unsupported entity "&{name};"')
        self.text.append(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.text.append(html.unescape(f"&#{name};"))


def telegram_text(markup: str) -> str:
    """The text a Telegram client shows for ``parse_mode=HTML`` markup; ValueError where the Bot API
    answers 400 "can't parse entities" (unknown or unbalanced tags, bare <, > or &)."""
    parser = _TelegramHtml()
    parser.feed(markup)
    parser.close()
    if parser.stack:
        raise ValueError(f"unclosed tags {parser.stack}")
    return "".join(parser.text)


def text_problem(params: dict[str, Any]) -> str:
    """Why Telegram would refuse this text (sendMessage / editMessageText), or ""."""
    text = str(params.get("text", ""))
    if params.get("parse_mode") == "HTML":
        try:
            text = telegram_text(text)
        except ValueError as exc:
            return f"Bad Request: can't parse entities: {exc}"
    if not text.strip():
        return "Bad Request: message text is empty"
    return "Bad Request: message is too long" if len(text.encode("utf-16-le")) > 2 * 4096 else ""
