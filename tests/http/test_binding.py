"""The endpoint is off by default, binds only the configured address, and a bad or busy address
stops the bot with a message naming ``[http] listen``."""

from __future__ import annotations

import socket

import aiohttp
import pytest

from bot.config import ConfigError, HttpSettings, Settings, load_config
from bot.http.metrics import Metrics
from bot.http.server import HttpStartError, OpsServer, serve
from bot.store.sqlite import SQLiteStore
from tests.conftest import CONFIG


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_the_endpoint_is_off_by_default_in_the_model_and_the_shipped_file() -> None:
    assert Settings().http.listen == ""
    assert load_config(CONFIG / "rumourbot.toml", env={}).settings.http.listen == ""


async def test_serve_starts_nothing_when_listen_is_empty(store: SQLiteStore) -> None:
    assert await serve(store, HttpSettings(), Metrics(), {}) is None


@pytest.mark.parametrize("listen", ["8080", "localhost", ":8080", "127.0.0.1:http", "127.0.0.1:70000"])
def test_a_malformed_listen_value_is_refused_naming_the_key_and_its_origin(listen: str) -> None:
    with pytest.raises(ConfigError, match=r"\[http\] listen \(from environment variable RUMOURBOT_HTTP__LISTEN\)"):
        load_config(CONFIG / "rumourbot.toml", env={"RUMOURBOT_HTTP__LISTEN": f'"{listen}"'})


async def test_the_server_binds_only_the_configured_address(store: SQLiteStore) -> None:
    port = free_port()
    server = await serve(store, HttpSettings(listen=f"127.0.0.2:{port}"), Metrics(), {})
    assert server is not None
    try:
        assert server.url == f"http://127.0.0.2:{port}"
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://127.0.0.2:{port}/metrics") as response:
                assert response.status == 200
            with pytest.raises(aiohttp.ClientConnectorError):
                await session.get(f"http://127.0.0.1:{port}/metrics")
    finally:
        await server.stop()


async def test_a_busy_port_stops_the_bot_with_an_error_naming_the_setting(store: SQLiteStore) -> None:
    first = OpsServer(store, HttpSettings(listen="127.0.0.1:0"), Metrics())
    url = await first.start()
    try:
        busy = url.removeprefix("http://")
        with pytest.raises(HttpStartError, match=rf"\[http\] listen {busy}: cannot listen: .*in use"):
            await serve(store, HttpSettings(listen=busy), Metrics(), {})
    finally:
        await first.stop()


async def test_ipv6_loopback_is_written_with_brackets(store: SQLiteStore) -> None:
    if not socket.has_ipv6:
        pytest.skip("no IPv6 on this machine")
    server = OpsServer(store, HttpSettings(listen="[::1]:0"), Metrics())
    try:
        url = await server.start()
    except OSError as exc:
        pytest.skip(f"cannot bind ::1 here: {exc}")
    try:
        assert url.startswith("http://[::1]:")
        async with aiohttp.ClientSession() as session, session.get(url + "/healthz") as response:
            assert response.status == 503  # an empty store has had no successful poll
    finally:
        await server.stop()
