"""A fast path for plain, well-formed RSS 2.0: lxml reads the document and builds the same fields
feedparser would, for the fields rumourbot reads. Anything unusual returns None and the caller uses
feedparser, so odd feeds keep feedparser's forgiving handling.

Accepted: UTF-8 (declared or not), well-formed XML, no DOCTYPE, no ``xml:base``, root ``<rss
version="2.0">`` with one ``<channel>``, and items whose children are all in ``_ITEM_FIELDS`` or
``_IGNORED`` and hold only text. The text of every field goes through the steps feedparser's
``pop`` applies to it (whitespace strip, URI joining, the UTF-8-read-as-Latin-1 repair, Windows-1252
code points), using feedparser's own helpers, so both paths give the same result; a test compares
them on every feed fixture.
"""

from __future__ import annotations

import contextlib
import html.entities
import re
from typing import Any

from feedparser.datetimes import _parse_date  # type: ignore[import-untyped]  # ships no type information
from feedparser.html import _cp1252  # type: ignore[import-untyped]
from feedparser.sanitizer import _HTMLSanitizer  # type: ignore[import-untyped]
from feedparser.urls import _urljoin  # type: ignore[import-untyped]
from lxml import etree  # type: ignore[import-untyped]  # no type information without lxml-stubs

_DC = "{http://purl.org/dc/elements/1.1/}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
_MEDIA = "{http://search.yahoo.com/mrss/}"
_ITEM_FIELDS = {"title", "link", "description", "guid", "pubDate", "category", f"{_DC}creator", f"{_CONTENT}encoded"}
# Children feedparser keeps in fields rumourbot never reads.
_IGNORED = {"comments", "enclosure", f"{_MEDIA}thumbnail", f"{_MEDIA}content"}
_SINGLE = {"title", "link", "description", "guid", "pubDate", f"{_DC}creator", f"{_CONTENT}encoded"}
_DECLARATION = re.compile(rb"^\s*(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)
_ENTITY_REF = re.compile(r"&#?\w+;")
_CLOSE_TAG = re.compile(r"</(\w+)>")
_TAG = re.compile(r"</?(\w+)")
_NAMED_ENTITY = re.compile(r"&(\w+);")
_C1_CONTROLS = re.compile("[\x80-\x9f]")  # what feedparser maps to Windows-1252 characters
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def _acceptable(body: bytes) -> bool:
    head = body[:1024]
    declared = _DECLARATION.match(head)
    if declared and declared[1].lower() not in (b"utf-8", b"utf8"):
        return False
    return b"<!DOCTYPE" not in head.upper() and b"xml:base" not in body


def _text(element: Any) -> str:
    """An element's text as feedparser's ``pop`` leaves it (no URI joining)."""
    value = (element.text or "").strip()
    if value.isascii():  # both repairs below leave ASCII as it is
        return value
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        value = value.encode("iso-8859-1").decode("utf-8")
    return str(value.translate(_cp1252)) if _C1_CONTROLS.search(value) else value


def _joined(uri: str) -> str:
    """feedparser's ``resolve_uri`` with no base URI: it only collapses slashes after ``scheme://``."""
    return str(_urljoin("", uri)) if ":///" in uri else uri


def _looks_like_html(value: str) -> bool:
    """feedparser's guess whether an RSS title is HTML (``_FeedParserMixin.looks_like_html``)."""
    if not (_CLOSE_TAG.search(value) or _ENTITY_REF.search(value)):
        return False
    if any(t.lower() not in _HTMLSanitizer.acceptable_elements for t in _TAG.findall(value)):
        return False
    return all(e in html.entities.entitydefs for e in _NAMED_ENTITY.findall(value))


def _titled(target: dict[str, Any], value: str) -> None:
    target["title"] = value
    target["title_detail"] = {"type": "text/html" if _looks_like_html(value) else "text/plain"}


def _entry(item: Any) -> dict[str, Any] | None:
    entry: dict[str, Any] = {}
    seen: set[str] = set()
    permalink_guid: str | None = None
    for child in item:
        tag = child.tag
        if not isinstance(tag, str):  # a comment or processing instruction
            continue
        if tag in _IGNORED:
            continue
        if tag not in _ITEM_FIELDS or len(child) or child.attrib.get("{http://www.w3.org/XML/1998/namespace}base"):
            return None
        if tag in _SINGLE:
            if tag in seen:
                return None
            seen.add(tag)
        value = _text(child)
        if tag == "title":
            _titled(entry, value)
        elif tag == "link":
            link = _joined(value).replace("&amp;", "&")
            entry["link"] = re.sub("&([A-Za-z0-9_]+);", r"&\g<1>", link)
        elif tag == "description":
            entry["summary"] = value
            entry["summary_detail"] = {"type": "text/html"}
        elif tag == f"{_CONTENT}encoded":
            entry.setdefault("content", []).append({"type": "text/html", "value": value})
        elif tag == "guid":
            if child.attrib.get("isPermaLink", "true") == "true":
                value = _joined(value)
                permalink_guid = value
            entry["id"] = value
        elif tag == "pubDate":
            entry["published"] = value
            entry["published_parsed"] = _parse_date(value)
        elif tag == "category":
            if value:
                entry.setdefault("tags", []).append({"term": value})
        elif tag == f"{_DC}creator":
            if "@" in value or "(" in value:
                return None  # feedparser splits names and e-mail addresses; let it
            entry["author"] = value
    if permalink_guid is not None and "link" not in entry:
        entry["link"] = permalink_guid
    return entry


def parse_rss(body: bytes) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """(feed fields, entry fields) as feedparser gives them, or None when feedparser must decide."""
    if not _acceptable(body):
        return None
    try:
        root = etree.fromstring(body, _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root.tag != "rss" or root.get("version") != "2.0" or root.nsmap.get(None):
        return None
    channels = root.findall("channel")
    if len(channels) != 1 or len(root) != 1:
        return None
    feed: dict[str, Any] = {}
    entries: list[dict[str, Any]] = []
    for child in channels[0]:
        if child.tag == "title":
            if "title" in feed or len(child):
                return None
            _titled(feed, _text(child))
        elif child.tag == "ttl":
            feed["ttl"] = _text(child)
        elif child.tag == "item":
            entry = _entry(child)
            if entry is None:
                return None
            entries.append(entry)
        elif child.tag in ("image", "textInput", "source") or (
            isinstance(child.tag, str) and child.tag.startswith("{") and "title" in child.tag
        ):
            return None  # elements that carry titles of their own
    return feed, entries
