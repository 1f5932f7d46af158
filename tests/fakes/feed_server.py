"""A loopback HTTP server that plays feed publishers in tests (no internet).

    async with FeedServer() as srv:
        srv.add("/a.xml", body=rss([{"title": "Boss sacked", "link": "https://x/1"}]), etag='"v1"')
        result = await fetcher.fetch(srv.url("/a.xml"))
        assert srv.hits("/a.xml") == 1

Each route can answer with a status, headers, ETag/Last-Modified (a matching conditional request
gets 304), a redirect, a gzip-compressed body, a delay before answering, or a streamed (chunked)
body, optionally dripped slowly. Every request is recorded with its headers; concurrent requests are counted.
"""

from __future__ import annotations

import asyncio
import gzip as gzip_module
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self
from xml.sax.saxutils import escape, quoteattr

from aiohttp import web
from multidict import CIMultiDict

RSS_TYPE = "application/rss+xml; charset=utf-8"


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = RSS_TYPE
    etag: str | None = None
    last_modified: str | None = None
    gzip: bool = False
    location: str | None = None
    delay: float = 0.0
    drip_interval: float | None = None  # stream the body (chunked, no Content-Length) ...
    drip_size: int = 1  # ... this many bytes at a time, pausing drip_interval seconds between writes


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: CIMultiDict[str]


class FeedServer:
    """An aiohttp app on 127.0.0.1 with a random port; use as an async context manager."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[RecordedRequest] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._runner: web.AppRunner | None = None
        self._port = 0
        self._closing = asyncio.Event()

    async def __aenter__(self) -> Self:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, shutdown_timeout=0.5, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = int(self._runner.addresses[0][1])
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Stop listening (idempotent); the port then refuses connections."""
        self._closing.set()
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()

    @property
    def port(self) -> int:
        return self._port

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self._port}{path}"

    def add(self, path: str, body: bytes = b"", **options: Any) -> Route:
        """Register (or replace) the answer for ``path``; options are the fields of :class:`Route`."""
        route = Route(body=body, **options)
        self.routes[path] = route
        return route

    def redirect(self, path: str, to: str, status: int = 301) -> Route:
        """Answer ``path`` with a redirect to ``to`` (a path on this server or an absolute URL)."""
        return self.add(path, status=status, location=to, content_type=None)

    def hits(self, path: str) -> int:
        return sum(1 for r in self.requests if r.path == path)

    def headers_of(self, path: str) -> list[CIMultiDict[str]]:
        """The headers of every request made to ``path``, oldest first."""
        return [r.headers for r in self.requests if r.path == path]

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(RecordedRequest(request.method, request.path_qs, request.headers.copy()))
        route = self.routes.get(request.path_qs) or self.routes.get(request.path)
        if route is None:
            return web.Response(status=404, text="no such route")
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if route.delay:
                await asyncio.sleep(route.delay)
            return await self._answer(request, route)
        finally:
            self.in_flight -= 1

    async def _answer(self, request: web.Request, route: Route) -> web.StreamResponse:
        headers = CIMultiDict(route.headers)
        if route.location is not None:
            headers["Location"] = route.location
            return web.Response(status=route.status, headers=headers)
        if route.etag:
            headers["ETag"] = route.etag
        if route.last_modified:
            headers["Last-Modified"] = route.last_modified
        if _not_modified(request, route):
            return web.Response(status=304, headers=headers)
        if route.content_type and "Content-Type" not in headers:
            headers["Content-Type"] = route.content_type
        body = route.body
        if route.gzip:
            body = gzip_module.compress(body)
            headers["Content-Encoding"] = "gzip"
        if route.drip_interval is None:
            return web.Response(status=route.status, body=body, headers=headers)
        response = web.StreamResponse(status=route.status, headers=headers)
        await response.prepare(request)
        try:
            for i in range(0, len(body), route.drip_size):
                if self._closing.is_set():
                    break
                await response.write(body[i : i + route.drip_size])
                await asyncio.sleep(route.drip_interval)
            await response.write_eof()
        except (ConnectionError, RuntimeError):
            pass  # the client gave up, which is what a drip test wants
        return response


def _not_modified(request: web.Request, route: Route) -> bool:
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        tags = {tag.strip() for tag in if_none_match.split(",")}
        return route.etag is not None and (route.etag in tags or "*" in tags)
    since = request.headers.get("If-Modified-Since")
    return since is not None and route.last_modified is not None and since == route.last_modified


def _element(name: str, value: str, cdata: bool) -> str:
    text = f"<![CDATA[{value}]]>" if cdata else escape(value)
    return f"<{name}>{text}</{name}>"


def rss(items: list[dict[str, Any]], title: str = "Test feed", ttl: int | None = None) -> bytes:
    """An RSS 2.0 document. Item keys: title, link, guid, guid_permalink (bool), description,
    pubDate, creator (dc:creator), categories (list), content (content:encoded), cdata (bool: wrap
    title and description in CDATA as the BBC does), raw (extra XML pasted into the item)."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:media="http://search.yahoo.com/mrss/">',
        f"<channel>{_element('title', title, False)}<link>https://example.org/</link>",
        "<description>test</description>",
    ]
    if ttl is not None:
        parts.append(f"<ttl>{ttl}</ttl>")
    for item in items:
        cdata = bool(item.get("cdata"))
        fields = ["<item>"]
        for key in ("title", "description"):
            if key in item:
                fields.append(_element(key, str(item[key]), cdata))
        for key in ("link", "pubDate"):
            if key in item:
                fields.append(_element(key, str(item[key]), False))
        if "guid" in item:
            permalink = "true" if item.get("guid_permalink", True) else "false"
            fields.append(f"<guid isPermaLink={quoteattr(permalink)}>{escape(str(item['guid']))}</guid>")
        if "creator" in item:
            fields.append(_element("dc:creator", str(item["creator"]), False))
        fields.extend(_element("category", str(c), False) for c in item.get("categories", ()))
        if "content" in item:
            fields.append(_element("content:encoded", str(item["content"]), True))
        fields.append(str(item.get("raw", "")))
        fields.append("</item>")
        parts.append("".join(fields))
    parts.append("</channel></rss>")
    return "\n".join(parts).encode("utf-8")
