"""SSRF guard: private, loopback and metadata addresses are refused, by literal IP and via DNS."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import AsyncIterator

import pytest
from aiohttp.abc import AbstractResolver, ResolveResult

from bot.config import FeedSettings
from bot.feeds.fetcher import Fetcher
from bot.feeds.netguard import BlockedAddressError, GuardedResolver, check_feed_url, is_blocked_address
from tests.fakes.feed_server import FeedServer, rss


class FakeResolver(AbstractResolver):
    """DNS from a dictionary: no network."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = table
        self.asked: list[str] = []

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        self.asked.append(host)
        return [
            ResolveResult(
                hostname=host,
                host=address,
                port=port,
                family=socket.AF_INET6 if ":" in address else socket.AF_INET,
                proto=0,
                flags=socket.AI_NUMERICHOST,
            )
            for address in self.table.get(host, [])
        ]

    async def close(self) -> None:
        pass


@pytest.fixture
async def srv() -> AsyncIterator[FeedServer]:
    async with FeedServer() as server:
        server.add("/feed.xml", rss([{"title": "t", "link": "https://example.org/1"}]))
        yield server


BLOCKED = [
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "240.0.0.1",
    "::1",
    "::",
    "fe80::1",
    "fd00:ec2::254",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "64:ff9b::a00:1",
    "2002:7f00:1::1",
]


@pytest.mark.parametrize("address", BLOCKED)
def test_non_public_addresses_are_blocked(address: str) -> None:
    assert is_blocked_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "151.101.0.81", "2a04:4e42::81", "::ffff:93.184.216.34"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert not is_blocked_address(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1/feed", "blocked address 127.0.0.1"),
        ("http://10.0.0.1/feed", "blocked address 10.0.0.1"),
        ("http://169.254.169.254/latest/meta-data/", "blocked address 169.254.169.254"),
        ("http://[::1]/feed", "blocked address ::1"),
        ("http://[::ffff:127.0.0.1]/feed", "blocked address ::ffff:127.0.0.1"),
        ("http://2130706433/feed", "blocked address 2130706433"),  # 127.0.0.1 in legacy decimal form
        ("http://0x7f.1/feed", "blocked address 0x7f.1"),
        ("http://localhost:8080/feed", "blocked address localhost"),
        ("https://feeds.bbci.co.uk/sport/football/rss.xml", None),
        ("file:///etc/passwd", "unsupported scheme 'file': only http and https"),
        ("gopher://example.org/", "unsupported scheme 'gopher': only http and https"),
        ("https://user:pw@example.org/feed", "URLs with user names or passwords are not allowed"),
        ("https:///feed", "URL has no host"),
        ("http://example.org:99999/", "invalid URL"),
    ],
)
def test_check_feed_url(url: str, expected: str | None) -> None:
    assert check_feed_url(url, allow_private=False) == expected


def test_check_feed_url_allows_private_when_configured() -> None:
    assert check_feed_url("http://127.0.0.1:8080/feed", allow_private=True) is None
    assert check_feed_url("ftp://127.0.0.1/feed", allow_private=True) is not None


@pytest.mark.parametrize(
    ("host", "shown"),
    [
        ("127.0.0.1", "127.0.0.1"),
        ("10.0.0.1", "10.0.0.1"),
        ("169.254.169.254", "169.254.169.254"),
        ("[::1]", "::1"),
        ("[::ffff:127.0.0.1]", "::ffff:7f00:1"),  # yarl writes the mapped address in hex
    ],
)
async def test_fetcher_refuses_literal_ip_without_connecting(srv: FeedServer, host: str, shown: str) -> None:
    async with Fetcher(FeedSettings()) as fetcher:
        result = await fetcher.fetch(f"http://{host}:{srv.port}/feed.xml")
    assert (result.outcome, result.error) == ("error", f"blocked address {shown}")
    assert srv.requests == []


async def test_fetcher_connects_to_the_address_the_resolver_returns(srv: FeedServer) -> None:
    resolver = FakeResolver({"feeds.example": ["127.0.0.1"]})
    async with Fetcher(FeedSettings(allow_private_addresses=True), resolver=resolver) as fetcher:
        result = await fetcher.fetch(f"http://feeds.example:{srv.port}/feed.xml")
    assert result.outcome == "ok"
    assert resolver.asked == ["feeds.example"]
    assert srv.headers_of("/feed.xml")[0]["Host"].startswith("feeds.example")


@pytest.mark.parametrize("address", ["127.0.0.1", "169.254.169.254", "::1", "::ffff:127.0.0.1"])
async def test_fetcher_refuses_host_names_resolving_to_blocked_addresses(srv: FeedServer, address: str) -> None:
    resolver = FakeResolver({"feeds.example": [address]})
    async with Fetcher(FeedSettings(), resolver=resolver) as fetcher:
        result = await fetcher.fetch(f"http://feeds.example:{srv.port}/feed.xml")
    assert (result.outcome, result.error) == ("error", f"blocked address {address}")
    assert resolver.asked == ["feeds.example"]
    assert srv.requests == []


async def test_resolver_drops_blocked_addresses_and_keeps_public_ones() -> None:
    inner = FakeResolver({"mixed.example": ["10.0.0.7", "93.184.216.34", "::1", "2a04:4e42::81"]})
    guarded = GuardedResolver(allow_private=False, inner=inner)
    results = await guarded.resolve("mixed.example", 443)
    assert [r["host"] for r in results] == ["93.184.216.34", "2a04:4e42::81"]


async def test_resolver_refuses_localhost_names_without_asking_dns() -> None:
    inner = FakeResolver({"localhost": ["127.0.0.1"]})
    with pytest.raises(BlockedAddressError, match="localhost"):
        await GuardedResolver(allow_private=False, inner=inner).resolve("localhost", 80)
    assert inner.asked == []


async def test_resolver_passes_everything_when_private_allowed() -> None:
    inner = FakeResolver({"intranet.example": ["10.0.0.7"]})
    results = await GuardedResolver(allow_private=True, inner=inner).resolve("intranet.example", 80)
    assert [r["host"] for r in results] == ["10.0.0.7"]
