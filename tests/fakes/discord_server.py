"""A protocol-level fake of Discord (REST under /api/v10 + gateway websocket) on 127.0.0.1.

The real discord.py client talks to it: point ``Route.BASE`` at ``srv.api_base_url`` and the
gateway at ``srv.gateway_url``. Every REST call is recorded in ``srv.calls``; ``srv.fail_posts``
makes the next message posts fail; ``srv.slash`` / ``srv.autocomplete`` / ``srv.dispatch`` push
gateway events (a sharded client gets each guild's events on the shard that owns the guild, and
guild-less ones on shard 0, as on Discord). JSON goes out with ``Content-Type: application/json``
exactly (discord.py parses nothing else) and 429s carry rate-limit headers plus ``Via`` (without it discord.py assumes a
Cloudflare ban and raises instead of waiting).

Opt-in, off by default: ``global_limit`` (with ``global_window``) enforces Discord's per-bot global
REST limit over a sliding window, across every REST route except the interaction endpoints (as on
Discord), answering beyond it with a global 429 and counting those in ``global_refused``;
``extra_guild_channels`` adds channels to the guild's GUILD_CREATE, so the client has them cached
as it would for a guild it is in.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import math
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from tests.fakes import discord_payloads as p

API = "/api/v10"


@dataclass
class Call:
    method: str
    path: str  # without the /api/v10 prefix, e.g. "/channels/1001/messages"
    json: Any
    query: dict[str, str]
    at: float = field(default_factory=time.monotonic)


@dataclass
class Failure:
    status: int
    code: int = 0
    retry_after: float = 0.05


@dataclass
class FakeDiscord:
    token: str = "fake-token-abc.def.ghi"
    calls: list[Call] = field(default_factory=list)
    messages: dict[str, dict[str, Any]] = field(default_factory=dict)
    channels: dict[str, dict[str, Any]] = field(default_factory=lambda: dict(p.CHANNELS))
    identify: list[dict[str, Any]] = field(default_factory=list)
    _failures: list[Failure] = field(default_factory=list)
    _sockets: list[web.WebSocketResponse] = field(default_factory=list)
    _shard_of: dict[web.WebSocketResponse, tuple[int, int]] = field(default_factory=dict)  # from IDENTIFY
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(900_000))
    _seq: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _nonces: dict[tuple[str, str], str] = field(default_factory=dict)
    _runner: web.AppRunner | None = None
    _ready: asyncio.Event = field(default_factory=asyncio.Event)
    port: int = 0
    global_limit: int = 0  # REST requests allowed per global_window, interactions exempt; 0: no limit
    global_window: float = 1.0
    global_refused: int = 0  # requests answered with a global 429
    extra_guild_channels: list[dict[str, Any]] = field(default_factory=list)
    _global_accepted: deque[float] = field(default_factory=deque)

    # ----- lifecycle -------------------------------------------------------------------------
    async def start(self) -> FakeDiscord:
        app = web.Application(middlewares=[self._record])
        r = app.router
        r.add_get("/ws/", self._gateway)
        r.add_get(f"{API}/users/@me", self._constant(p.BOT_USER))
        r.add_get(f"{API}/oauth2/applications/@me", self._constant(p.application()))
        r.add_put(f"{API}/applications/{{app}}/commands", self._put_commands)
        r.add_get(f"{API}/gateway", self._gateway_url)
        r.add_get(f"{API}/gateway/bot", self._gateway_bot)
        r.add_get(f"{API}/channels/{{cid}}", self._get_channel)
        r.add_post(f"{API}/channels/{{cid}}/messages", self._post_message)
        r.add_patch(f"{API}/channels/{{cid}}/messages/{{mid}}", self._patch_message)
        r.add_post(f"{API}/channels/{{cid}}/threads", self._post_thread)
        r.add_post(f"{API}/interactions/{{iid}}/{{tok}}/callback", self._callback)
        r.add_post(f"{API}/webhooks/{{app}}/{{tok}}", self._followup)
        r.add_patch(f"{API}/webhooks/{{app}}/{{tok}}/messages/@original", self._edit_original)
        r.add_delete(f"{API}/webhooks/{{app}}/{{tok}}/messages/@original", self._no_content)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        for ws in list(self._sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{API}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws/"

    # ----- test helpers ----------------------------------------------------------------------
    def fail_posts(self, status: int, times: int = 1, *, code: int = 0, retry_after: float = 0.05) -> None:
        """The next ``times`` message posts (channel messages and forum posts) answer ``status``."""
        self._failures.extend(Failure(status, code, retry_after) for _ in range(times))

    def calls_to(self, method: str, path_prefix: str) -> list[Call]:
        return [c for c in self.calls if c.method == method and c.path.startswith(path_prefix)]

    async def wait_for_call(self, method: str, path_prefix: str, count: int = 1, within: float = 5) -> Call:
        deadline = time.monotonic() + within
        while len(self.calls_to(method, path_prefix)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"no {method} {path_prefix}… within {within}s; calls: {self.calls}")
            await asyncio.sleep(0.01)
        return self.calls_to(method, path_prefix)[count - 1]

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        await self._ready.wait()
        frame = json.dumps({"op": 0, "t": event, "s": next(self._seq), "d": data})
        for ws in self._sockets:
            if self._owns(ws, data.get("guild_id")):
                await ws.send_str(frame)

    def _owns(self, ws: web.WebSocketResponse, guild_id: str | None) -> bool:
        """Whether the socket's shard receives the guild's events (guild-less events: shard 0)."""
        shard_id, count = self._shard_of.get(ws, (0, 1))
        return (int(guild_id) >> 22) % count == shard_id if guild_id else shard_id == 0

    async def slash(self, name: str, options: list[dict[str, Any]] | None = None, **kw: Any) -> str:
        """Dispatch a slash-command INTERACTION_CREATE; return the interaction id."""
        iid = str(next(self._ids))
        await self.dispatch("INTERACTION_CREATE", p.interaction(iid, 2, name, options or [], **kw))
        return iid

    async def pick(
        self, message_id: str, values: list[str], *, user: dict[str, Any] | None = None, custom_id: str = ""
    ) -> str:
        """A member picks in the select menu of a message the bot posted (``custom_id``: a menu the member's
        app still shows after the bot removed it); return the interaction id."""
        message = self.messages[message_id]
        if not custom_id:
            [menu] = [c for row in message["components"] for c in row["components"] if c["type"] == 3]
            custom_id = menu["custom_id"]
        data = {"custom_id": custom_id, "component_type": 3, "values": values}
        iid = str(next(self._ids))
        payload = p.interaction(iid, 3, "", [], channel_id=message["channel_id"], user=user, data=data, message=message)
        await self.dispatch("INTERACTION_CREATE", payload)
        return iid

    async def autocomplete(self, name: str, option: str, value: str) -> str:
        iid = str(next(self._ids))
        opts = [{"name": option, "type": 3, "value": value, "focused": True}]
        await self.dispatch("INTERACTION_CREATE", p.interaction(iid, 4, name, opts))
        return iid

    # ----- REST ------------------------------------------------------------------------------
    @web.middleware
    async def _record(self, request: web.Request, handler: Callable[[web.Request], Any]) -> web.StreamResponse:
        path = request.path.removeprefix(API)
        body = await request.json() if request.body_exists else None
        if request.path.startswith(API):
            self.calls.append(Call(request.method, path, body, dict(request.query)))
        needs_auth = request.path.startswith(API) and not path.startswith(("/interactions/", "/webhooks/"))
        if needs_auth and request.headers.get("Authorization") != f"Bot {self.token}":
            return _json({"message": "401: Unauthorized", "code": 0}, status=401)
        if needs_auth and (limited := self._over_global_limit()) is not None:
            return limited
        response: web.StreamResponse = await handler(request)
        return response

    def _over_global_limit(self) -> web.Response | None:
        """Count one request against the global limit (sliding window); a global 429 beyond it."""
        if not self.global_limit:
            return None
        now = time.monotonic()
        window = self._global_accepted
        while window and window[0] <= now - self.global_window:
            window.popleft()
        if len(window) < self.global_limit:
            window.append(now)
            return None
        self.global_refused += 1
        retry_after = max(0.001, window[0] + self.global_window - now)
        headers = {
            "X-RateLimit-Global": "true",
            "X-RateLimit-Scope": "global",
            "Retry-After": str(math.ceil(retry_after)),
            "Via": "1.1 google",
        }
        body = {"message": "You are being rate limited.", "retry_after": round(retry_after, 3), "global": True}
        return _json(body, status=429, headers=headers)

    @staticmethod
    def _constant(data: Any) -> Callable[[web.Request], Awaitable[web.Response]]:
        async def respond(_: web.Request) -> web.Response:
            return _json(data)

        return respond

    async def _no_content(self, _: web.Request) -> web.Response:
        return web.Response(status=204)

    async def _gateway_url(self, _: web.Request) -> web.Response:
        return _json({"url": self.gateway_url})

    async def _put_commands(self, request: web.Request) -> web.Response:
        commands = await request.json()
        return _json([p.registered_command(c, str(next(self._ids))) for c in commands])

    async def _gateway_bot(self, _: web.Request) -> web.Response:
        limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
        return _json({"url": self.gateway_url, "shards": 1, "session_start_limit": limit})

    async def _get_channel(self, request: web.Request) -> web.Response:
        channel = self.channels.get(request.match_info["cid"])
        if channel is None:
            return _json({"message": "Unknown Channel", "code": 10003}, status=404)
        return _json(channel)

    def _failure(self) -> web.Response | None:
        if not self._failures:
            return None
        f = self._failures.pop(0)
        if f.status == 429:
            headers = {
                "X-RateLimit-Limit": "5",
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset": f"{time.time() + f.retry_after:.3f}",
                "X-RateLimit-Reset-After": f"{f.retry_after:.3f}",
                "X-RateLimit-Bucket": "fake-bucket",
                "X-RateLimit-Scope": "user",
                "Retry-After": str(max(1, round(f.retry_after))),
                "Via": "1.1 google",
            }
            body = {"message": "You are being rate limited.", "retry_after": f.retry_after, "global": False}
            return _json(body, status=429, headers=headers)
        return _json({"message": f"fake failure {f.status}", "code": f.code}, status=f.status)

    async def _post_message(self, request: web.Request) -> web.Response:
        if (failed := self._failure()) is not None:
            return failed
        cid, body = request.match_info["cid"], await request.json()
        if cid not in self.channels:
            return _json({"message": "Unknown Channel", "code": 10003}, status=404)
        nonce = body.get("nonce")
        if nonce and body.get("enforce_nonce") and (cid, nonce) in self._nonces:
            return _json(self.messages[self._nonces[(cid, nonce)]])
        message = self._store(cid, body)
        if nonce:
            self._nonces[(cid, nonce)] = message["id"]
        return _json(message)

    async def _patch_message(self, request: web.Request) -> web.Response:
        message = self.messages.get(request.match_info["mid"])
        if message is None:
            return _json({"message": "Unknown Message", "code": 10008}, status=404)
        message.update(await request.json())
        return _json(message)

    async def _post_thread(self, request: web.Request) -> web.Response:
        if (failed := self._failure()) is not None:
            return failed
        body = await request.json()
        thread_id = str(next(self._ids))  # on Discord a forum post's starter message shares its id
        message = self._store(thread_id, body.get("message", {}), mid=thread_id)
        self.channels[thread_id] = p.thread(thread_id, request.match_info["cid"], body["name"])
        return _json({**self.channels[thread_id], "message": message})

    async def _callback(self, request: web.Request) -> web.Response:
        body = await request.json()
        kind, data = body["type"], body.get("data") or {}
        iid = request.match_info["iid"]
        interaction: dict[str, Any] = {"id": iid, "type": 2}
        if kind not in (4, 5):  # autocomplete results and the like create no message
            return _json({"interaction": interaction})
        message = self._store(p.TEXT_ID, data if kind == 4 else {"flags": data.get("flags", 0) | 128})
        interaction.update(
            response_message_id=message["id"],
            response_message_loading=kind == 5,
            response_message_ephemeral=bool(data.get("flags", 0) & 64),
        )
        return _json({"interaction": interaction, "resource": {"type": kind, "message": message}})

    async def _followup(self, request: web.Request) -> web.Response:
        return _json(self._store(p.TEXT_ID, await request.json()))

    async def _edit_original(self, request: web.Request) -> web.Response:
        return _json(self._store(p.TEXT_ID, await request.json()))

    def _store(self, cid: str, body: dict[str, Any], mid: str = "") -> dict[str, Any]:
        message = p.message(mid or str(next(self._ids)), cid, body)
        self.messages[message["id"]] = message
        return message

    # ----- gateway ---------------------------------------------------------------------------
    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._sockets.append(ws)
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}}))
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                frame = json.loads(msg.data)
                if frame["op"] == 1:
                    await ws.send_str(json.dumps({"op": 11}))
                elif frame["op"] == 2:
                    self.identify.append(frame["d"])
                    if "shard" in frame["d"]:
                        self._shard_of[ws] = tuple(frame["d"]["shard"])
                    ready = p.ready(self.gateway_url)
                    owned = self._owns(ws, p.GUILD_ID)
                    if not owned:
                        ready["guilds"] = []
                    if ws in self._shard_of:
                        ready["shard"] = list(self._shard_of[ws])  # AutoShardedClient reads it
                    await ws.send_str(json.dumps({"op": 0, "t": "READY", "s": next(self._seq), "d": ready}))
                    if owned:
                        guild = p.guild_create()
                        guild["channels"] += self.extra_guild_channels
                        await ws.send_str(json.dumps({"op": 0, "t": "GUILD_CREATE", "s": next(self._seq), "d": guild}))
                    self._ready.set()
                elif frame["op"] == 6:
                    await ws.send_str(json.dumps({"op": 0, "t": "RESUMED", "s": next(self._seq), "d": {}}))
        finally:
            self._sockets.remove(ws)
            self._shard_of.pop(ws, None)
        return ws


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """A JSON response whose Content-Type is exactly ``application/json`` (no charset)."""
    return web.Response(
        status=status,
        body=json.dumps(data).encode(),
        headers={"Content-Type": "application/json", **(headers or {})},
    )
