"""Article full text: fetch the page an entry links to and extract its main text.

RSS descriptions are one to three sentences; the journalist a story credits is often only in the
article body. Enrichment is optional (``[feeds] fulltext``) and every failure just yields None.
"""

from __future__ import annotations

import asyncio
import logging
import re
import weakref
from collections import OrderedDict

from bot.feeds.fetcher import Fetcher
from bot.feeds.textclean import clean_text

logger = logging.getLogger(__name__)

CACHE_SIZE = 512
MAX_ARTICLE_TEXT = 20_000

_JOB_WORDS = re.compile(
    r"\b(?:manager(?:s|ial|less)?|head[\s-]+coach(?:es)?|coach(?:es|ing)?|boss(?:es)?|gaffer"
    r"|sack(?:s|ed|ing)?|fired|dismiss(?:ed|al)|appoint(?:s|ed|ment)?|talks|replace(?:s|d|ment)?"
    r"|successor|succeed|hot[\s-]+seat|caretaker|interim|vacan(?:cy|t)|shortlist(?:ed)?"
    r"|front[\s-]?runner|candidate|resign(?:s|ed|ation)?|step(?:s|ped)?\s+down|part(?:s|ed)?\s+ways"
    r"|parted\s+company|departure|approach(?:ed)?|compensation|dugout|touchline|under\s+pressure)\b",
    re.IGNORECASE,
)


class _LRU:
    """A small bounded URL → text cache, most recently used last."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[str, str] = OrderedDict()

    def get(self, key: str) -> str | None:
        value = self._items.get(key)
        if value is not None:
            self._items.move_to_end(key)
        return value

    def put(self, key: str, value: str) -> None:
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self._size:
            self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)


# One cache per Fetcher (so two bots in one process, or two tests, never share entries).
_caches: weakref.WeakKeyDictionary[Fetcher, _LRU] = weakref.WeakKeyDictionary()


def _cache_for(fetcher: Fetcher) -> _LRU:
    cache = _caches.get(fetcher)
    if cache is None:
        cache = _caches[fetcher] = _LRU(CACHE_SIZE)
    return cache


def extract_main_text(html: bytes, url: str) -> str | None:
    """The main text of an HTML page (synchronous, CPU-bound: run it in a thread)."""
    import trafilatura  # noqa: PLC0415  # heavy import, only paid by processes that enrich

    text = trafilatura.extract(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=False,  # True keeps a process-wide memory: the same page twice would give nothing
    )
    if not text:
        return None
    cleaned = clean_text(text, MAX_ARTICLE_TEXT, keep_lines=True)
    return cleaned or None


async def fetch_article_text(fetcher: Fetcher, url: str) -> str | None:
    """The article's main text, or None when disabled, unreachable, or nothing could be extracted."""
    if not fetcher.settings.fulltext or not url:
        return None
    cache = _cache_for(fetcher)
    cached = cache.get(url)
    if cached is not None:
        return cached
    result = await fetcher.fetch_page(url)
    if result.outcome != "ok" or not result.body:
        logger.debug("no article page for %s: %s", url, result.error or result.outcome)
        return None
    try:
        text = await asyncio.to_thread(extract_main_text, result.body, result.url)
    except Exception as exc:  # extraction is a bonus: a broken page must not break the pipeline
        logger.warning("text extraction failed for %s", url, exc_info=exc)
        return None
    if text:
        cache.put(url, text)
    return text


def looks_like_manager_story(title: str, text: str) -> bool:
    """Cheap pre-filter: does the entry talk about a manager's job at all (worth fetching the page)?"""
    return _JOB_WORDS.search(title) is not None or _JOB_WORDS.search(text) is not None
