"""Feed parsing: bytes in, plain-text entries with a stable identity out. Pure and synchronous.

feedparser does the format work (RSS 0.9x/1.0/2.0, Atom, broken charsets, bozo feeds); this module
turns its loose dictionaries into frozen values. HTML is stripped here: nothing from a feed reaches a
chat as markup. The caller runs :func:`parse_feed` in a worker thread.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import io
import logging
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import urljoin

import feedparser  # type: ignore[import-untyped]  # ships no type information

from bot.feeds.fastparse import parse_rss
from bot.feeds.textclean import clean_text, html_to_text, normalise_link

__all__ = ["FeedEntry", "ParsedFeed", "normalise_link", "parse_feed"]

logger = logging.getLogger(__name__)

IdKind = Literal["guid", "link", "title_date"]

MAX_TITLE = 1000
MAX_TEXT = 20_000
MAX_AUTHOR = 300
MAX_CATEGORY = 200
MAX_CATEGORIES = 50
_RAW_TEXT_LIMIT = 400_000  # characters of markup looked at per field; bounds the work on huge items
_ENTITY_DECLARATION = re.compile(rb"<!\s*ENTITY", re.IGNORECASE)
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z]")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html)", re.IGNORECASE | re.DOTALL)
_XML_START = re.compile(rb"^\s*(?:\xef\xbb\xbf)?\s*<(?:\?xml|rss|feed|rdf:RDF)", re.IGNORECASE)
_BBC_REVISION = re.compile(r"#\d+$")
_ZONES = {"BST": "+0100", "CET": "+0100", "CEST": "+0200", "WET": "+0000", "WEST": "+0100", "EET": "+0200",
          "EEST": "+0300", "AEST": "+1000", "AEDT": "+1100"}  # fmt: skip
_ZONE_SUFFIX = re.compile(r"^(.*\d)\s+(" + "|".join(_ZONES) + r")$", re.IGNORECASE)
_SLASH_DATE = re.compile(r"^\d{4}/\d{1,2}/\d{1,2}\b")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One entry. Its ``text`` is extracted from the entry's markup when first read, so entries the
    store already knows never pay for HTML stripping."""

    entry_id: str
    id_kind: IdKind
    title: str
    url: str
    published: datetime | None
    categories: tuple[str, ...]
    author: str
    fields: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)
    _text: list[str] = field(default_factory=list, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        if not self._text:
            self._text.append(_body_text(self.fields))
        return self._text[0]


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str
    entries: tuple[FeedEntry, ...]
    ttl_seconds: int | None
    error: str | None


def _failed(reason: str) -> ParsedFeed:
    return ParsedFeed(title="", entries=(), ttl_seconds=None, error=reason)


def _declares_entities(body: bytes) -> bool:
    """True when the prolog (everything before the first element) declares an entity."""
    first = _FIRST_ELEMENT.search(body)
    prolog = body[: first.start()] if first else body
    return _ENTITY_DECLARATION.search(prolog) is not None


def _field_text(detail: Mapping[str, Any] | None, value: Any, limit: int, keep_lines: bool = False) -> str:
    """Plain text of a feedparser field: markup stripped when its type is HTML, then cleaned."""
    raw = value if isinstance(value, str) else ""
    raw = raw[:_RAW_TEXT_LIMIT]
    kind = str((detail or {}).get("type") or "text/html")
    text = html_to_text(raw) if "html" in kind else raw
    return clean_text(text, limit, keep_lines)


def _body_text(entry: Mapping[str, Any]) -> str:
    """The longer of the summary and the content blocks, as plain text."""
    candidates: list[tuple[Mapping[str, Any] | None, Any]] = [(entry.get("summary_detail"), entry.get("summary"))]
    for block in entry.get("content") or ():
        if isinstance(block, Mapping):
            candidates.append((block, block.get("value")))
    texts = [_field_text(detail, value, MAX_TEXT, keep_lines=True) for detail, value in candidates]
    return max(texts, key=len, default="")


def _special_date(raw: Any) -> datetime | None:
    """Formats feedparser gets wrong: zone names it lacks (BST, CEST ...) and ``YYYY/MM/DD`` dates."""
    if not isinstance(raw, str):
        return None
    raw = raw.strip()
    zone = _ZONE_SUFFIX.match(raw)
    if zone:
        with contextlib.suppress(TypeError, ValueError, IndexError):
            return email.utils.parsedate_to_datetime(f"{zone[1]} {_ZONES[zone[2].upper()]}").astimezone(UTC)
    if _SLASH_DATE.match(raw):
        for fmt in ("%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d"):
            with contextlib.suppress(ValueError):
                return datetime.strptime(raw, fmt).replace(tzinfo=UTC)
    return None


def _timestamp(entry: Mapping[str, Any]) -> datetime | None:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        special = _special_date(raw)
        if special is not None:
            return special
        if isinstance(raw, str) and _SLASH_DATE.match(raw.strip()):
            continue  # feedparser misreads these (2025/06/11 → 1 November); better none than wrong
        parsed = entry.get(f"{key}_parsed")
        if isinstance(parsed, time.struct_time):
            try:
                return datetime(*parsed[:6], tzinfo=UTC)
            except (ValueError, OverflowError):
                continue
    return None


def _link(entry: Mapping[str, Any], base: str) -> str:
    raw = entry.get("link")
    if not isinstance(raw, str) or not raw.strip():
        return ""
    try:
        link = urljoin(base, clean_text(raw, 4000))
    except ValueError:
        return ""
    return link if link.lower().startswith(("http://", "https://")) else ""


def _guid(entry: Mapping[str, Any]) -> str:
    raw = entry.get("id")
    guid = clean_text(raw, 2000) if isinstance(raw, str) else ""
    if guid.lower().startswith(("http://", "https://")):
        guid = _BBC_REVISION.sub("", guid)  # BBC appends #0, #1 ... to the same story's guid
    return guid


def _categories(entry: Mapping[str, Any]) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for tag in entry.get("tags") or ():
        term = tag.get("term") if isinstance(tag, Mapping) else None
        if isinstance(term, str):
            cleaned = clean_text(term, MAX_CATEGORY)
            if cleaned:
                found.setdefault(cleaned, None)
        if len(found) >= MAX_CATEGORIES:
            break
    return tuple(found)


@dataclass(frozen=True, slots=True)
class _Draft:
    guid: str
    link: str
    title: str
    published: datetime | None
    categories: tuple[str, ...]
    author: str
    fields: Mapping[str, Any]

    @property
    def title_date(self) -> str:
        stamp = self.published.isoformat() if self.published else ""
        return hashlib.sha1(f"{self.title}\x1f{stamp}".encode(), usedforsecurity=False).hexdigest()


def _draft(entry: Mapping[str, Any], base: str) -> _Draft:
    author = entry.get("author")
    return _Draft(
        guid=_guid(entry),
        link=_link(entry, base),
        title=_field_text(entry.get("title_detail"), entry.get("title"), MAX_TITLE),
        published=_timestamp(entry),
        categories=_categories(entry),
        author=clean_text(author, MAX_AUTHOR) if isinstance(author, str) else "",
        fields=entry,
    )


def _repeats(drafts: Iterable[_Draft], key: Callable[[_Draft], str], content: Callable[[_Draft], str]) -> bool:
    """True when one non-empty key names two different items (an exact duplicate item is fine)."""
    seen: defaultdict[str, set[str]] = defaultdict(set)
    for draft in drafts:
        value = key(draft)
        if value:
            seen[value].add(content(draft))
            if len(seen[value]) > 1:
                return True
    return False


def _identify(drafts: list[_Draft]) -> tuple[FeedEntry, ...]:
    """Pick each entry's identity: guid, else normalised link, else a hash of title and date.

    A kind that names two different items within this fetch is not trusted for this feed.
    """
    normal = {d.link: normalise_link(d.link) for d in drafts}  # each link normalised once
    trust_guid = not _repeats(drafts, lambda d: d.guid, lambda d: f"{normal[d.link]}\x1f{d.title}")
    trust_link = not _repeats(drafts, lambda d: normal[d.link] if d.link else "", lambda d: d.title)
    entries: dict[str, FeedEntry] = {}
    for d in drafts:
        kind: IdKind
        if trust_guid and d.guid:
            kind, entry_id = "guid", d.guid
        elif trust_link and d.link:
            kind, entry_id = "link", normal[d.link]
        else:
            kind, entry_id = "title_date", d.title_date
        if entry_id not in entries:  # the same item twice in one document is reported once
            entries[entry_id] = FeedEntry(
                entry_id, kind, d.title, d.link, d.published, d.categories, d.author, d.fields
            )
    return tuple(entries.values())


def _ttl(feed: Mapping[str, Any]) -> int | None:
    raw = feed.get("ttl")
    try:
        minutes = int(str(raw).strip())
    except (TypeError, ValueError):
        return None
    return minutes * 60 if 0 < minutes <= 60 * 24 * 365 else None


def _plain(value: Any) -> dict[str, Any]:
    return dict(dict.items(value)) if isinstance(value, dict) else {}


def parse_feed(body: bytes, url: str, *, fast: bool = True) -> ParsedFeed:
    """Parse a feed document. Never raises: problems come back in ``ParsedFeed.error``.

    Plain RSS 2.0 takes the lxml fast path (``bot.feeds.fastparse``); everything else, or every
    document with ``fast=False``, goes through feedparser."""
    try:
        return _parse(body, url, fast)
    except Exception as exc:  # feedparser on hostile input: report, never crash the poll loop
        logger.warning("feed parser failed on %s", url, exc_info=exc)
        return _failed(f"parser failure: {type(exc).__name__}")


def _parse(body: bytes, url: str, fast_path: bool) -> ParsedFeed:
    if not body or not body.strip():
        return _failed("empty body")
    if _declares_entities(body):
        return _failed("entity declarations not allowed")
    fast = parse_rss(body) if fast_path else None
    if fast is not None and fast[1]:
        feed, raw_entries = fast
    else:
        # A BytesIO, never the bytes themselves: feedparser treats a bare string as a file name or URL.
        parsed = feedparser.parse(io.BytesIO(body), sanitize_html=False, resolve_relative_uris=False)
        # Plain dicts: FeedParserDict.get maps missing keys to others (e.g. updated → published) with a
        # DeprecationWarning; we want exactly what the document said.
        feed = _plain(parsed.get("feed"))
        raw_entries = [_plain(e) for e in parsed.get("entries") or () if isinstance(e, dict)]
        if not raw_entries:
            title = _field_text(feed.get("title_detail"), feed.get("title"), MAX_TITLE)
            if _HTML_START.match(body[:4096]) or not _XML_START.match(body[:4096]):
                return _failed("not a feed")
            if parsed.get("bozo"):
                return _failed(f"malformed XML: {parsed.get('bozo_exception')}"[:300])
            if not parsed.get("version"):
                return _failed("not a feed")
            return ParsedFeed(title=title, entries=(), ttl_seconds=_ttl(feed), error=None)
        if parsed.get("bozo"):
            logger.debug("feed %s is not well-formed but has entries: %s", url, parsed.get("bozo_exception"))
    title = _field_text(feed.get("title_detail"), feed.get("title"), MAX_TITLE)
    entries = _identify([_draft(entry, url) for entry in raw_entries])
    return ParsedFeed(title=title, entries=entries, ttl_seconds=_ttl(feed), error=None)
