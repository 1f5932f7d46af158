"""OPML 2.0 for the feed list: render it for export, read it back from a file someone hands us.

Reading treats the file as hostile. It is read only up to :data:`MAX_OPML_BYTES`; a document
type declaration (and with it every entity declaration: billion laughs, external entities) stops
the parse at its first byte; at most :data:`MAX_FEEDS` feed outlines are taken. URLs are returned
as written — the caller validates them — and names are cleaned of control and format characters.

Export writes ``<outline type="rss" text=… xmlUrl=…>`` per feed, ``text`` being the outlet, else
the feed's own title, else the URL (``title`` is the feed's own title, when known). The outlet also
goes into a namespaced ``rumourbot:outlet`` attribute (OPML 2.0 allows namespaced attributes), so
a round trip keeps the outlet exactly — including "no outlet" — while other readers still see a
plain ``text``. A file from another reader has no such attribute; then its ``text`` (or ``title``)
is taken as the outlet.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from typing import BinaryIO
from xml.sax.saxutils import escape

MAX_OPML_BYTES = 2 * 1024 * 1024
MAX_FEEDS = 10_000
MAX_NAME_CHARS = 200
NAMESPACE = "https://github.com/rumourbot/rumourbot/ns/opml"
_OUTLET = f"{{{NAMESPACE}}}outlet"

# Characters XML 1.0 cannot carry at all, not even as character references.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ATTR_ENTITIES = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


class OPMLError(ValueError):
    """The file cannot be used as OPML; the message is one line."""


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    url: str
    outlet: str = ""
    title: str = ""


class _Refused(Exception):
    """Raised from inside the parser to stop it at a construct we do not accept."""


class _Builder(ET.TreeBuilder):
    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        raise _Refused("DOCTYPE and ENTITY declarations are not allowed")


def read_limited(source: BinaryIO) -> bytes:
    """At most :data:`MAX_OPML_BYTES` from ``source``; more is an :class:`OPMLError`, not a read of it all."""
    data = source.read(MAX_OPML_BYTES + 1)
    if len(data) > MAX_OPML_BYTES:
        raise OPMLError(f"larger than {MAX_OPML_BYTES // (1024 * 1024)} MB")
    return data


def parse_opml(data: bytes) -> list[OpmlFeed]:
    """The feed outlines (those with an ``xmlUrl``) of an OPML document, at any depth, in order."""
    if len(data) > MAX_OPML_BYTES:
        raise OPMLError(f"larger than {MAX_OPML_BYTES // (1024 * 1024)} MB")
    parser = ET.XMLParser(target=_Builder())
    try:
        parser.feed(data)
        root = parser.close()
    except _Refused as exc:
        raise OPMLError(str(exc)) from None
    except ET.ParseError as exc:
        raise OPMLError(f"not valid XML ({exc})") from None
    if root.tag != "opml":
        raise OPMLError(f"not OPML: the root element is <{_clean(root.tag, 40)}>, not <opml>")
    body = root.find("body")
    if body is None:
        raise OPMLError("not OPML: no <body> element")
    feeds: list[OpmlFeed] = []
    for outline in body.iter("outline"):
        attrs = {_key(k): v for k, v in outline.attrib.items()}
        url = attrs.get("xmlurl")
        if url is None:
            continue  # a folder, or a link that is not a feed
        if len(feeds) == MAX_FEEDS:
            raise OPMLError(f"more than {MAX_FEEDS:,} feeds")
        url = url.strip()
        title = _clean(attrs.get("title", ""))
        text = _clean(attrs.get("text", ""))
        if _OUTLET.lower() in attrs:
            outlet = _clean(attrs[_OUTLET.lower()])
        else:
            outlet = next((name for name in (text, title) if name and name != url), "")
        feeds.append(OpmlFeed(url, outlet, title))
    return feeds


def render_opml(feeds: Iterable[OpmlFeed], now: datetime, title: str = "rumourbot feeds") -> bytes:
    """An OPML 2.0 document listing ``feeds``; ``now`` (aware) becomes its ``dateCreated``."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<opml version="2.0" xmlns:rumourbot="{NAMESPACE}">',
        "  <head>",
        f"    <title>{_text(title)}</title>",
        f"    <dateCreated>{format_datetime(now, usegmt=True)}</dateCreated>",
        "    <docs>http://opml.org/spec2.opml</docs>",
        "  </head>",
        "  <body>",
    ]
    for feed in feeds:
        text = feed.outlet or feed.title or feed.url
        attrs = [("type", "rss"), ("text", text), ("title", feed.title), ("xmlUrl", feed.url)]
        attrs = [(name, value) for name, value in attrs if value or name != "title"]
        attrs.append(("rumourbot:outlet", feed.outlet))
        lines.append("    <outline " + " ".join(f'{name}="{_attr(value)}"' for name, value in attrs) + "/>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines).encode("utf-8")


def _key(name: str) -> str:
    """Attribute names compared without case: some writers say ``xmlurl``."""
    return name.lower()


def _clean(value: str, limit: int = MAX_NAME_CHARS) -> str:
    """A name fit to store and print: no control or format characters, spaces collapsed, bounded."""
    kept = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in value)
    return " ".join(kept.split())[:limit]


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _attr(value: str) -> str:
    return escape(_NOT_XML.sub("", value), _ATTR_ENTITIES)
