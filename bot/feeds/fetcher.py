"""HTTP fetching for feeds and article pages: polite, bounded, and never raising.

Politeness: an honest User-Agent, conditional GET, a global and a per-host concurrency limit.
Bounds: connect/read/total time-outs, a cap on the (decompressed) body, a redirect limit with loop
detection, and the SSRF guard of :mod:`bot.feeds.netguard`. Every failure becomes a ``FetchResult``
with ``outcome="error"`` and a short human reason; only cancellation propagates.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from types import TracebackType
from typing import Literal, Self

import aiohttp
from aiohttp.abc import AbstractResolver
from yarl import URL

from bot.config import FeedSettings
from bot.feeds.netguard import ALLOWED_SCHEMES, BlockedAddressError, GuardedResolver, blocked_reason
from bot.feeds.schedule import parse_max_age, parse_retry_after

logger = logging.getLogger(__name__)

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
_PAGE_TYPES = ("text/", "application/xhtml+xml")
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT = frozenset({301, 308})
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class FetchResult:
    outcome: Literal["ok", "not_modified", "error", "gone"]
    url: str
    moved_to: str | None
    body: bytes | None
    etag: str | None
    last_modified: str | None
    http_status: int | None
    error: str | None
    retry_after_seconds: float | None
    max_age_seconds: int | None


def _error(url: str, reason: str, status: int | None = None, retry_after: float | None = None) -> FetchResult:
    return FetchResult("error", url, None, None, None, None, status, reason, retry_after, None)


class _TooLargeError(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"body over {limit} bytes")


@dataclass(frozen=True, slots=True)
class _Profile:
    timeout: aiohttp.ClientTimeout
    total_seconds: float
    max_bytes: int
    accept: str
    pages_only: bool


@dataclass(slots=True)
class _HostSlot:
    semaphore: asyncio.Semaphore
    users: int = 0


def _find_blocked(exc: BaseException) -> BlockedAddressError | None:
    for candidate in (exc, getattr(exc, "os_error", None), exc.__cause__, exc.__context__):
        if isinstance(candidate, BlockedAddressError):
            return candidate
    return None


def describe_error(exc: Exception) -> str:
    """A short human reason for a failed fetch."""
    blocked = _find_blocked(exc)
    if blocked is not None:
        return str(blocked)
    if isinstance(exc, _TooLargeError):
        return str(exc)
    if isinstance(exc, TimeoutError):
        return "time-out"
    if isinstance(exc, aiohttp.ClientConnectorCertificateError):
        return "TLS certificate error"
    if isinstance(exc, aiohttp.ClientSSLError):
        return "TLS error"
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return "DNS lookup failed"
    if isinstance(exc, aiohttp.ClientConnectorError):
        return f"connection failed: {exc.os_error.strerror or type(exc.os_error).__name__}"
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return "server disconnected"
    if isinstance(exc, aiohttp.ClientPayloadError):
        return "broken response body"
    if isinstance(exc, aiohttp.InvalidURL | ValueError):
        return "invalid URL"
    if isinstance(exc, aiohttp.ClientResponseError):
        return f"bad response: {exc.message}"
    if isinstance(exc, aiohttp.ClientError | OSError):
        return f"network error: {type(exc).__name__}"
    logger.warning("unexpected error while fetching", exc_info=exc)
    return f"unexpected error: {type(exc).__name__}"


class Fetcher:
    """One aiohttp session shared by every feed and page fetch. Use ``async with`` or start/close."""

    def __init__(self, settings: FeedSettings, *, resolver: AbstractResolver | None = None) -> None:
        self._settings = settings
        self._inner_resolver = resolver  # tests inject a fake DNS; production uses ThreadedResolver
        self._session: aiohttp.ClientSession | None = None
        self._global = asyncio.Semaphore(settings.concurrency)
        self._hosts: dict[str, _HostSlot] = {}
        feed_total, page_total = settings.total_timeout_seconds, settings.fulltext_timeout_seconds
        self._feed = self._profile(feed_total, settings.max_body_bytes, FEED_ACCEPT, False)
        self._page = self._profile(page_total, settings.fulltext_max_bytes, PAGE_ACCEPT, True)

    def _profile(self, total: float, max_bytes: int, accept: str, pages_only: bool) -> _Profile:
        connect = min(self._settings.connect_timeout_seconds, total)
        read = min(self._settings.read_timeout_seconds, total)
        timeout = aiohttp.ClientTimeout(total=None, connect=connect, sock_connect=connect, sock_read=read)
        return _Profile(timeout, total, max_bytes, accept, pages_only)

    @property
    def settings(self) -> FeedSettings:
        return self._settings

    async def start(self) -> None:
        if self._session is not None:
            return
        connector = aiohttp.TCPConnector(
            limit=self._settings.concurrency,
            limit_per_host=0,  # the per-host semaphores limit by host name (see _host_slot)
            ttl_dns_cache=300,
            resolver=GuardedResolver(self._settings.allow_private_addresses, self._inner_resolver),
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),  # feeds need no cookies; none leak between sites
            headers={"User-Agent": self._settings.user_agent, "Accept-Encoding": "gzip, deflate"},
            auto_decompress=True,
            trust_env=False,
        )

    async def close(self) -> None:
        if self._session is not None:
            session, self._session = self._session, None
            await session.close()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    async def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """Fetch a feed, conditionally when validators are given. Never raises but on cancellation."""
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        result = await self._run(url, headers, self._feed)
        if result.outcome == "not_modified":  # servers may omit validators on a 304: keep ours
            result = replace(result, etag=result.etag or etag, last_modified=result.last_modified or last_modified)
        return result

    async def fetch_page(self, url: str) -> FetchResult:
        """Fetch an article page (HTML) with the full-text limits. Never raises but on cancellation."""
        return await self._run(url, {}, self._page)

    async def _run(self, url: str, headers: dict[str, str], profile: _Profile) -> FetchResult:
        if self._session is None:
            return _error(url, "fetcher not started")
        try:
            async with self._global:
                result = await self._follow(url, {"Accept": profile.accept, **headers}, profile)
        except Exception as exc:  # the contract: a fetch reports, it does not raise
            result = _error(url, describe_error(exc))
        logger.debug("fetched %s: %s %s", url, result.outcome, result.error or result.http_status)
        return result

    @contextlib.asynccontextmanager
    async def _host_slot(self, host: str) -> AsyncIterator[None]:
        slot = self._hosts.get(host)
        if slot is None:
            slot = self._hosts[host] = _HostSlot(asyncio.Semaphore(self._settings.per_host_concurrency))
        slot.users += 1
        try:
            async with slot.semaphore:
                yield
        finally:
            slot.users -= 1
            if slot.users == 0:
                del self._hosts[host]

    def _refusal(self, target: URL) -> str | None:
        if target.scheme not in ALLOWED_SCHEMES:
            return f"unsupported scheme {target.scheme or '(none)'!r}"
        if not target.host:
            return "URL has no host"
        return blocked_reason(target.host, self._settings.allow_private_addresses)

    async def _follow(self, url: str, headers: dict[str, str], profile: _Profile) -> FetchResult:
        current = url
        seen = {url}
        moved_to: str | None = None
        all_permanent = True
        deadline: float | None = None
        for _ in range(self._settings.max_redirects + 1):
            try:
                target = URL(current)
                refusal = self._refusal(target)
                if refusal is not None:
                    return _error(current, refusal)
                async with self._host_slot(target.host or ""):
                    if deadline is None:  # the total time-out starts once we may talk to the host
                        deadline = asyncio.get_running_loop().time() + profile.total_seconds
                    async with asyncio.timeout_at(deadline):
                        answer = await self._request(target, headers, profile)
                if isinstance(answer, FetchResult):
                    if moved_to is not None and answer.outcome in ("ok", "not_modified"):
                        return replace(answer, moved_to=moved_to)
                    return answer
                status, location = answer
                following = str(target.join(URL(location)))
            except Exception as exc:
                return _error(current, describe_error(exc))
            all_permanent = all_permanent and status in _PERMANENT
            if all_permanent:
                moved_to = following if following != url else None
            if following in seen:
                return _error(following, "redirect loop", status)
            seen.add(following)
            current = following
        return _error(current, f"too many redirects (more than {self._settings.max_redirects})")

    async def _request(self, target: URL, headers: dict[str, str], profile: _Profile) -> FetchResult | tuple[int, str]:
        assert self._session is not None
        url = str(target)
        async with self._session.get(target, headers=headers, allow_redirects=False, timeout=profile.timeout) as resp:
            status = resp.status
            if status in _REDIRECTS:
                location = resp.headers.get("Location", "").strip()
                if not location:
                    return _error(url, f"HTTP {status} without Location", status)
                return status, location
            etag = resp.headers.get("ETag")
            last_modified = resp.headers.get("Last-Modified")
            max_age = parse_max_age(resp.headers.get("Cache-Control"))
            if status == 304:
                validators = (etag, last_modified)
                return FetchResult("not_modified", url, None, None, *validators, 304, None, None, max_age)
            if status == 410:
                return FetchResult("gone", url, None, None, None, None, 410, "HTTP 410", None, None)
            if not 200 <= status < 300:
                retry = parse_retry_after(resp.headers.get("Retry-After")) if status in (429, 503) else None
                return _error(url, f"HTTP {status}", status, retry)
            declared_type = resp.headers.get("Content-Type")
            if profile.pages_only and declared_type and not resp.content_type.startswith(_PAGE_TYPES):
                return _error(url, f"not a web page ({resp.content_type})", status)
            body = await _read_capped(resp, profile.max_bytes)
            return FetchResult("ok", url, None, body, etag, last_modified, status, None, None, max_age)


async def _read_capped(resp: aiohttp.ClientResponse, limit: int) -> bytes:
    """Read the decompressed body, counting as it streams, and stop once it passes ``limit``."""
    declared = resp.content_length
    if declared is not None and declared > limit:
        raise _TooLargeError(limit)
    body = bytearray()
    async for chunk in resp.content.iter_chunked(_CHUNK):
        if len(body) + len(chunk) > limit:
            raise _TooLargeError(limit)
        body += chunk
    return bytes(body)
