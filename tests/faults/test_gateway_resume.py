"""The Discord gateway connection drops while the bot runs: discord.py reconnects and RESUMEs its session
(op 6 with the session id and the last sequence number it saw) instead of identifying again; a slash
command sent while it was disconnected is replayed on resume and answered, and so is one sent after.

The whole bot in the test process (tests/e2e/world.py: composition root, real Router and SQLite,
discord.py 2.7) against a FakeDiscord extended here with what a real gateway does around a resume:
it remembers every dispatched event with its sequence number, accepts a RESUME by replaying the
events after the client's sequence number and then RESUMED, and can drop a connection three ways.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import WSMsgType, web

from tests.e2e.world import World, eventually, world
from tests.fakes import discord_payloads as p
from tests.fakes.discord_harness import discord  # imported there under the audioop warning filter
from tests.fakes.discord_server import FakeDiscord

DROPS = {
    "op7-reconnect": "the gateway asks the client to reconnect (op 7 RECONNECT)",
    "abrupt-close": "the TCP connection is closed under the websocket, without a close frame",
    "close-4000": "the gateway closes the websocket with code 4000 (unknown error; resumable)",
}


class ResumableDiscord(FakeDiscord):
    """FakeDiscord whose gateway keeps a replayable event log and accepts RESUME (op 6).

    ``drop(how)`` ends the live connection; until ``accept()``, a new connection waits for its HELLO
    (as if the client reconnected to a gateway still busy), so events dispatched meanwhile are missed
    by the client and only reach it as a replay on resume."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[tuple[int, str]] = []  # (sequence number, frame) of every dispatch
        self.resumes: list[dict[str, Any]] = []  # the "d" of every RESUME received
        self.connections = 0
        self._accepting = asyncio.Event()
        self._accepting.set()
        self._requests: dict[web.WebSocketResponse, web.Request] = {}

    def accept(self) -> None:
        self._accepting.set()

    async def drop(self, how: str) -> None:
        self._accepting.clear()
        [ws] = self._sockets
        self._sockets.remove(ws)  # from now on events are logged for the replay only
        if how == "op7-reconnect":
            await ws.send_str(json.dumps({"op": 7, "d": None}))
        elif how == "abrupt-close":
            transport = self._requests[ws].transport
            assert transport is not None
            transport.close()
        else:
            await ws.close(code=4000, message=b"unknown error")

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        await self._ready.wait()
        await self._emit(event, data)

    async def _emit(self, event: str, data: dict[str, Any]) -> None:
        seq = next(self._seq)
        frame = json.dumps({"op": 0, "t": event, "s": seq, "d": data})
        self.events.append((seq, frame))
        for ws in list(self._sockets):
            await ws.send_str(frame)

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.connections += 1
        self._requests[ws] = request
        await self._accepting.wait()
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}}))
        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    await self._frame(ws, json.loads(msg.data))
        finally:
            if ws in self._sockets:
                self._sockets.remove(ws)
            del self._requests[ws]
        return ws

    async def _frame(self, ws: web.WebSocketResponse, frame: dict[str, Any]) -> None:
        if frame["op"] == 1:  # heartbeat
            await ws.send_str(json.dumps({"op": 11}))
        elif frame["op"] == 2:  # identify: a new session
            self.identify.append(frame["d"])
            self._sockets.append(ws)
            await self._emit("READY", p.ready(self.gateway_url))
            await self._emit("GUILD_CREATE", p.guild_create())
            self._ready.set()
        elif frame["op"] == 6:  # resume: replay what the client missed, then RESUMED
            self.resumes.append(frame["d"])
            replayed = 0
            while replayed < len(self.events):  # (an event dispatched during the replay is replayed too)
                seq, missed = self.events[replayed]
                if seq > frame["d"]["seq"]:
                    await ws.send_str(missed)
                replayed += 1
            self._sockets.append(ws)  # no await since the last replayed event: nothing falls in between
            await self._emit("RESUMED", {})


@pytest.fixture
async def srv() -> AsyncIterator[ResumableDiscord]:
    route_base, gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    fake = await ResumableDiscord().start()
    try:
        yield fake
    finally:
        await fake.stop()
        # The adapter sets both process-wide (see bot/platforms/discord_adapter.py); put them back.
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = route_base, gateway


@pytest.fixture
async def w(tmp_path: Path, srv: ResumableDiscord) -> AsyncIterator[World]:
    env = {
        "DISCORD_TOKEN": srv.token,
        "RUMOURBOT_DISCORD__API_BASE_URL": srv.api_base_url,
        "RUMOURBOT_DISCORD__GATEWAY_URL": srv.gateway_url,
    }
    async with world(tmp_path, env) as running:
        yield running


async def rumour_answer(srv: FakeDiscord, iid: str) -> str:
    call = await srv.wait_for_call("POST", f"/interactions/{iid}/", within=10)
    assert call.json["type"] == 4
    return str(call.json["data"]["content"])


async def ask_rumour_alonso(srv: FakeDiscord) -> str:
    return await srv.slash("rumour", [{"name": "query", "type": 3, "value": "alonso"}])


ANSWER = "Xabi Alonso: 1 rumour thread"


@pytest.mark.slow
@pytest.mark.parametrize("how", list(DROPS), ids=list(DROPS))
async def test_dropped_gateway_is_resumed_with_its_session_and_missed_and_later_slash_commands_are_answered(
    w: World, srv: ResumableDiscord, how: str
) -> None:
    assert await rumour_answer(srv, await ask_rumour_alonso(srv)) == ANSWER
    seen = srv.events[-1][0]  # the last sequence number the client has (it answered that command)
    connections = srv.connections

    await srv.drop(how)
    await eventually(lambda: srv.connections > connections, 10, f"a reconnect after {DROPS[how]}")
    missed = await ask_rumour_alonso(srv)  # while the client waits for the gateway's HELLO
    await asyncio.sleep(0.2)
    assert srv.calls_to("POST", f"/interactions/{missed}/") == []  # not delivered yet
    srv.accept()

    await eventually(lambda: bool(srv.resumes), 10, "a RESUME")
    assert srv.resumes == [{"token": srv.token, "session_id": "fake-session", "seq": seen}]
    assert len(srv.identify) == 1, "the client identified again instead of resuming"
    assert await rumour_answer(srv, missed) == ANSWER  # replayed on resume, answered
    assert await rumour_answer(srv, await ask_rumour_alonso(srv)) == ANSWER
    assert srv.connections == connections + 1
