"""Reading one article from the command line: a JSON object or plain text (first line = title)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from bot.domain import Article

MAX_INPUT_BYTES = 1_000_000


class InputError(ValueError):
    """The input is not an article; the message says what is wrong in one line."""


def parse_article(data: bytes) -> Article:
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"input is {len(data):,} bytes; the limit is 1 MB")
    if not data.strip():
        raise InputError("input is empty")
    if b"\x00" in data:
        raise InputError("input is binary, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"input is not UTF-8 text (byte {exc.start})") from None
    stripped = text.strip()
    if stripped.startswith(("{", "[")):
        return _from_json(stripped)
    title, _, body = stripped.partition("\n")
    return Article(title=title.strip(), text=body.strip())


def _from_json(text: str) -> Article:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    if not isinstance(obj, dict):
        raise InputError('JSON input must be an object with "title" and "text"')
    for key in ("title", "text"):
        if not isinstance(obj.get(key), str):
            raise InputError(f"JSON input needs a string {key!r}")
    for key in ("url", "outlet", "published"):
        if key in obj and obj[key] is not None and not isinstance(obj[key], str):
            raise InputError(f"JSON key {key!r} must be a string")
    published = None
    if obj.get("published"):
        try:
            published = datetime.fromisoformat(obj["published"].replace("Z", "+00:00"))
        except ValueError:
            raise InputError(f"JSON key 'published' is not an ISO 8601 date: {obj['published']!r}") from None
        if published.tzinfo is None:
            published = published.replace(tzinfo=UTC)
    return Article(
        title=obj["title"],
        text=obj["text"],
        url=obj.get("url") or "",
        outlet=obj.get("outlet") or "",
        published=published,
    )
