"""Fan-out: one rumour followed by many Discord channels, delivered against the 50 requests/s global limit.

N guild text channels follow one manager. One story about that manager is ingested (alerts on),
which queues one delivery per channel in the outbox. The real Dispatcher (``Dispatcher.run``,
default settings) then sends them through the real DiscordAdapter (discord.py) to the loopback fake
of Discord (tests/fakes/discord_server.py) with its global limit on: 50 REST requests/s over a
sliding one-second window across every REST route (interaction replies exempt, as on Discord),
answered beyond it with a global 429 (``"global": true``, ``retry_after``), as Discord does. The
channels are in the guild the bot is in, so the client has them from the gateway, as it would on
Discord. The clock runs from the dispatcher's start until no delivery is pending or sending.

Reported: total time against the ideal N/50 s, every REST request the adapter made while sending
(message posts, channel look-ups, others) and how many of them were answered 429, and lost (a
channel that got no message) and duplicated (a channel that got more than one) counts, from what
the fake stored. Sizes: 2,000 channels (full; ideal 40 s) or 300 (``BENCH_SIZE=quick``);
``BENCH_CHATS`` overrides.

Experiment knob: ``BENCH_DISCORD_UNCACHED=1`` leaves the channels out of the guild's GUILD_CREATE,
so the client knows them only through REST (as for channels it cannot see on the gateway) and the
adapter looks each one up once (``GET /channels/{id}``) before its first post.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import tempfile
import time
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common
from fanout import drain, gone, load_analyser, no_commands, queue_alerts

from bot.analysis.analyser import Analyser
from bot.config import DeliverySettings, DiscordSettings
from bot.delivery.dispatcher import Dispatcher
from bot.store.sqlite import SQLiteStore
from tests.fakes import discord_payloads as p
from tests.fakes.discord_server import FakeDiscord

with warnings.catch_warnings():  # discord.py imports the deprecated stdlib audioop (voice); we use none
    warnings.filterwarnings("ignore", message="'audioop' is deprecated", category=DeprecationWarning)
    from bot.platforms.discord_adapter import DiscordAdapter

RATE = 50
WINDOW = 1.0
FIRST_CHANNEL = 800_000_000


def channel(cid: str, position: int) -> dict[str, Any]:
    return {**p.CHANNELS[p.TEXT_ID], "id": cid, "name": f"rumours-{position}", "position": position}


def no_names(query: str) -> list[str]:
    del query
    return []


def rest_requests(fake: FakeDiscord, since: int) -> Counter[str]:
    """The REST calls made since ``since``, by kind (every attempt, 429s included)."""
    kinds: Counter[str] = Counter()
    for call in fake.calls[since:]:
        if call.method == "POST" and call.path.endswith("/messages"):
            kinds["post"] += 1
        elif call.method == "GET" and call.path.startswith("/channels/"):
            kinds["get_channel"] += 1
        else:
            kinds["other"] += 1
    return kinds


async def one_run(tmp: Path, chats: int, analyser: Analyser, cached: bool) -> dict[str, Any]:
    db = tmp / f"fanout-{time.monotonic_ns()}.db"
    store = await SQLiteStore.open(f"sqlite:///{db}")
    ids = [str(FIRST_CHANNEL + n) for n in range(chats)]
    queued, deliveries = await queue_alerts(store, db, analyser, [f"discord:{cid}:" for cid in ids])

    fake = FakeDiscord(global_limit=RATE, global_window=WINDOW)
    channels = {cid: channel(cid, n + 10) for n, cid in enumerate(ids)}
    fake.channels.update(channels)
    if cached:
        fake.extra_guild_channels = list(channels.values())
    await fake.start()
    settings = DiscordSettings(api_base_url=fake.api_base_url, gateway_url=fake.gateway_url)
    adapter = DiscordAdapter(fake.token, settings, no_commands, gone, no_names, guild_ready_timeout=0.05)
    await adapter.start()
    dispatcher = Dispatcher(store, {"discord": adapter}, DeliverySettings())
    since, refused_before = len(fake.calls), fake.global_refused
    elapsed, status = await drain(dispatcher, db, chats / RATE * 3 + 60)
    requests = rest_requests(fake, since)
    refused = fake.global_refused - refused_before
    await adapter.stop()
    await fake.stop()
    await store.close()
    per_channel = Counter(m["channel_id"] for m in fake.messages.values())
    got = [per_channel.get(cid, 0) for cid in ids]
    return {
        "chats": chats,
        "queued": queued,
        "deliveries_stat": deliveries,
        "seconds": elapsed,
        "ideal": queued / RATE,
        "requests": sum(requests.values()),
        "request_kinds": dict(requests),
        "refused": refused,
        "lost": sum(1 for c in got if c == 0),
        "duplicated": sum(1 for c in got if c > 1),
        "status": dict(status),
        "timed_out": bool(status["pending"] or status["sending"]),
    }


async def measure(chats: int, runs: int, cached: bool) -> list[dict[str, Any]]:
    analyser = load_analyser()
    results = []
    with tempfile.TemporaryDirectory(prefix="rb-fanout-discord-") as tmp:
        for run in range(runs):
            r = await one_run(Path(tmp), chats, analyser, cached)
            results.append(r)
            share = r["refused"] / max(1, r["requests"])
            kinds = r["request_kinds"]
            print(
                f"  run {run + 1}: {r['queued']} deliveries in {r['seconds']:.1f} s (ideal {r['ideal']:.1f} s: "
                f"×{r['seconds'] / r['ideal']:.2f}); {r['requests']} REST requests ({kinds.get('post', 0)} message "
                f"posts, {kinds.get('get_channel', 0)} channel look-ups, {kinds.get('other', 0)} other; "
                f"{r['requests'] / max(1, r['queued']):.2f} per delivery), {r['refused']} answered 429 "
                f"({share:.1%}); lost {r['lost']}, duplicated {r['duplicated']}; outbox {r['status']}"
                + (" — TIMED OUT" if r["timed_out"] else ""),
                flush=True,
            )
    return results


def main() -> dict[str, Any]:
    logging.basicConfig(level=logging.ERROR)  # discord.py logs each 429 it waits out; the counts are printed below
    cached = os.environ.get("BENCH_DISCORD_UNCACHED", "") in ("", "0")
    if not cached:
        print("  (experiment: channels not in the gateway cache; the adapter looks each one up over REST)")
    chats = common.size("chats", 2_000, 300)
    runs = common.repeats()
    print(
        f"fan-out: {chats} Discord channels, {RATE} requests/s global limit, {runs} runs ({common.machine()})",
        flush=True,
    )
    results = asyncio.run(measure(chats, runs, cached))
    ratio = common.median([r["seconds"] / r["ideal"] for r in results])
    share = common.median([r["refused"] / max(1, r["requests"]) for r in results])
    per_delivery = common.median([r["requests"] / max(1, r["queued"]) for r in results])
    print(
        f"  median: {common.median([r['seconds'] for r in results]):.1f} s for {chats} channels = ×{ratio:.2f} the "
        f"ideal {chats / RATE:.1f} s; {per_delivery:.2f} REST requests per delivery; 429 share {share:.1%}; lost "
        f"{max(r['lost'] for r in results)}, duplicated {max(r['duplicated'] for r in results)} (worst run)"
    )
    return {"ratio": ratio, "share_429": share, "requests_per_delivery": per_delivery, "runs": results}


if __name__ == "__main__":
    main()
