"""Text hygiene for feed content: HTML to plain text, invisible characters, tracking-free links."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from bot.domain import normalise_link

__all__ = ["clean_text", "html_to_text", "normalise_link"]

# C0/C1 controls (tab and newline are turned into spaces first), soft hyphen, Arabic letter mark,
# Mongolian vowel separator, zero-width and bidi marks, embeddings and overrides, word joiner and
# invisible operators, bidi isolates, BOM, interlinear annotation, lone surrogates, tag characters.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)
_HSPACE = re.compile(r"[^\S\n]+")
_NEWLINES = re.compile(r"\s*\n\s*")
_ANY_SPACE = re.compile(r"\s+")

_SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object"})
_BLOCK = frozenset(
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
        "blockquote", "section", "article", "header", "footer", "figure", "figcaption", "hr", "pre",
        "dd", "dt", "dl", "aside", "main", "nav",
    }
)  # fmt: skip


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment, entities decoded, block elements on their own lines."""
    if "<" not in markup and "&" not in markup:
        return markup
    extractor = _TextExtractor()
    try:
        extractor.feed(markup)
        extractor.close()
    except (AssertionError, ValueError):  # very old Pythons raised on some broken markup
        pass
    return "".join(extractor.parts)


def clean_text(text: str, limit: int, keep_lines: bool = False) -> str:
    """Drop invisible and control characters, collapse whitespace, cut to ``limit`` characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = _INVISIBLE.sub("", text)
    text = _NEWLINES.sub("\n", _HSPACE.sub(" ", text)) if keep_lines else _ANY_SPACE.sub(" ", text)
    text = text.strip()
    return text[:limit].rstrip() if len(text) > limit else text
