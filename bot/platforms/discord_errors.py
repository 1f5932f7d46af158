"""discord.py exceptions → the dispatcher's delivery errors (RetryLater / ChatGone / PermanentFailure)."""

from __future__ import annotations

import aiohttp
import discord

from bot.delivery.ports import ChatGone, DeliveryError, PermanentFailure, RetryLater

UNKNOWN_MESSAGE = 10008  # Discord error code: the message was deleted (the chat itself is fine)
TRANSPORT_ERRORS = (TimeoutError, aiohttp.ClientError, OSError)


def _seconds(header: str) -> float | None:
    try:
        return float(header) if header else None
    except ValueError:
        return None


def delivery_error(exc: BaseException) -> DeliveryError:
    """What the dispatcher should do about ``exc``.

    discord.py has already waited out 429s that carry rate-limit headers (up to the client's
    ``max_ratelimit_timeout``) and retried 500/502/504/524 a few times before raising.
    """
    if isinstance(exc, discord.RateLimited):
        return RetryLater("discord: rate limited", exc.retry_after)
    if isinstance(exc, discord.NotFound) and exc.code == UNKNOWN_MESSAGE:
        return PermanentFailure("discord: message no longer exists")
    if isinstance(exc, discord.Forbidden | discord.NotFound):
        return ChatGone(f"discord: {exc.status} {exc.text[:200]}")
    if isinstance(exc, discord.HTTPException):
        if exc.status == 429 or exc.status >= 500:
            seconds = _seconds(exc.response.headers.get("Retry-After", ""))
            return RetryLater(f"discord: HTTP {exc.status}", seconds)
        return PermanentFailure(f"discord: HTTP {exc.status} {exc.text[:200]}")
    if isinstance(exc, TRANSPORT_ERRORS):
        return RetryLater(f"discord: {type(exc).__name__}")
    return PermanentFailure(f"discord: {type(exc).__name__}: {exc}")


def start_problem(exc: BaseException, api: str) -> str:
    """Why the client could not log in, for the one line that reports it: the HTTP answer, or why
    the API address could not be reached (never just an exception class)."""
    if isinstance(exc, discord.HTTPException):
        return f"the API at {api} answered HTTP {exc.status}: {' '.join(exc.text.split())[:200]}"
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return f"cannot reach {api}: DNS lookup failed (is this machine offline?)"
    if isinstance(exc, aiohttp.ClientConnectorError):
        return f"cannot reach {api}: {exc.os_error.strerror or exc.os_error}"
    if isinstance(exc, TimeoutError):
        return f"cannot reach {api}: timed out"
    return f"cannot reach {api}: {type(exc).__name__}: {exc}"
