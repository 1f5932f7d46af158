"""Worker ids: ``host-pid-random``, carried by feed leases and delivery claims (docs/SCALING.md)."""

from __future__ import annotations

import os
import secrets
import socket


def new_worker_id() -> str:
    host = socket.gethostname().replace("-", "_") or "host"
    return f"{host}-{os.getpid()}-{secrets.token_hex(4)}"
