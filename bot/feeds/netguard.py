"""SSRF guard: feeds and article pages may only reach public internet addresses.

The check sits in the DNS resolver the HTTP connector uses, so the address checked is the address
connected to (no time-of-check/time-of-use gap through a second lookup). aiohttp does not call the
resolver for literal-IP URLs, so the fetcher checks those with :func:`blocked_reason` itself.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from urllib.parse import urlsplit

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import ThreadedResolver

logger = logging.getLogger(__name__)

ALLOWED_SCHEMES = frozenset({"http", "https"})

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Cloud metadata endpoints that are not all covered by the private/link-local ranges.
_METADATA = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "100.100.100.200", "192.0.0.192", "fd00:ec2::254")
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_BLOCKED_NAMES = ("localhost", "localhost.localdomain", "metadata.google.internal", "metadata")


class BlockedAddressError(OSError):
    """Every address a host name resolved to is one we refuse to connect to."""

    def __init__(self, address: str) -> None:
        super().__init__(f"blocked address {address}")
        self.address = address


def is_blocked_address(ip: IPAddress) -> bool:
    """True for loopback, private, link-local, multicast, reserved, unspecified, metadata, shared."""
    if isinstance(ip, ipaddress.IPv6Address):
        # An address that stands for an IPv4 one is judged by that IPv4 address.
        if ip.ipv4_mapped is not None:
            return is_blocked_address(ip.ipv4_mapped)
        if ip in _NAT64:
            return is_blocked_address(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
        tunnelled = ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if tunnelled is not None and is_blocked_address(tunnelled):
            return True
    return (
        ip in _METADATA
        or ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global  # catches shared address space (100.64/10), documentation ranges, ...
    )


def parse_ip(host: str) -> IPAddress | None:
    """The address a literal host denotes, including legacy IPv4 forms like ``2130706433``."""
    host = host.strip("[]")
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        pass
    if host and all(c in "0123456789abcdefxABCDEFX." for c in host) and host[0].isdigit():
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def blocked_reason(host: str, allow_private: bool) -> str | None:
    """An error message when ``host`` is a literal address (or local name) we refuse, else None."""
    if allow_private:
        return None
    name = host.strip("[]").rstrip(".").lower()
    if name in _BLOCKED_NAMES or name.endswith(".localhost"):
        return f"blocked address {name}"
    ip = parse_ip(name)
    if ip is not None and is_blocked_address(ip):
        return f"blocked address {name}"
    return None


def check_feed_url(url: str, allow_private: bool) -> str | None:
    """Validate a URL a user wants polled: an error message, or None when it may be fetched.

    Host names are not resolved here; the resolver checks their addresses at connect time.
    """
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
        _ = parts.port  # raises ValueError on a bad port
    except ValueError:
        return "invalid URL"
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        return f"unsupported scheme {parts.scheme or '(none)'!r}: only http and https"
    if not host:
        return "URL has no host"
    if parts.username or parts.password:
        return "URLs with user names or passwords are not allowed"
    return blocked_reason(host, allow_private)


class GuardedResolver(AbstractResolver):
    """Wraps a resolver (default: aiohttp's ThreadedResolver) and drops refused addresses."""

    def __init__(self, allow_private: bool, inner: AbstractResolver | None = None) -> None:
        self._allow_private = allow_private
        self._inner = inner if inner is not None else ThreadedResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        reason = blocked_reason(host, self._allow_private)
        if reason is not None:
            raise BlockedAddressError(reason.removeprefix("blocked address "))
        results = await self._inner.resolve(host, port, family)
        if self._allow_private or not results:
            return results
        allowed: list[ResolveResult] = []
        refused: list[str] = []
        for result in results:
            ip = parse_ip(result["host"])
            if ip is None or is_blocked_address(ip):
                refused.append(result["host"])
            else:
                allowed.append(result)
        if refused:
            logger.warning("refusing addresses %s for host %s", ", ".join(refused), host)
        if not allowed:
            raise BlockedAddressError(refused[0])
        return allowed

    async def close(self) -> None:
        await self._inner.close()
