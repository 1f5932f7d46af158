"""The operator's feed list (config/feeds.toml), validated with errors naming file and entry."""

from __future__ import annotations

import tomllib
from pathlib import Path
from urllib.parse import urlsplit

from bot.analysis.gazetteer import KnowledgeError


def validate_feed_url(url: str) -> str | None:
    """An error message for a URL that cannot be a feed address, else None."""
    if len(url) > 2000:
        return "URL is longer than 2,000 characters"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return "URL must start with http:// or https://"
    if not parts.hostname:
        return "URL has no host"
    if any(c.isspace() or ord(c) < 32 for c in url):
        return "URL contains spaces or control characters"
    return None


def load_feed_list(path: str | Path) -> list[tuple[str, str]]:
    file = Path(path)
    try:
        with file.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise KnowledgeError(f"{file}: file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeError(f"{file}: not valid TOML: {exc}") from None
    unknown = set(data) - {"feed"}
    if unknown:
        raise KnowledgeError(f"{file}: unknown table(s) {', '.join(sorted(unknown))}; expected [[feed]]")
    feeds: list[tuple[str, str]] = []
    for number, entry in enumerate(data.get("feed", []), start=1):
        where = f"{file}: feed #{number}"
        if not isinstance(entry, dict):
            raise KnowledgeError(f"{where}: must be a table")
        extra = set(entry) - {"url", "outlet"}
        if extra:
            raise KnowledgeError(f"{where}: unknown key(s) {', '.join(sorted(extra))}")
        url, outlet = entry.get("url"), entry.get("outlet", "")
        if not isinstance(url, str) or not isinstance(outlet, str):
            raise KnowledgeError(f"{where}: url and outlet must be strings")
        problem = validate_feed_url(url)
        if problem:
            raise KnowledgeError(f"{where} ({url!r}): {problem}")
        feeds.append((url, outlet))
    return feeds
