"""Ports for tests that need a connection refused."""

from __future__ import annotations

import socket

HELD: list[socket.socket] = []


def refused_port() -> int:
    """A 127.0.0.1 port that refuses connections for the rest of the test run: bound but never
    listening, and held, so that no other test's server (tests run in parallel) can take it meanwhile.
    tests/conftest.py closes the held sockets when the run ends."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    HELD.append(sock)
    return int(sock.getsockname()[1])
