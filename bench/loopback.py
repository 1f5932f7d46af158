"""A loopback feed farm for the poll-cycle benchmark, run in its own process.

    python bench/loopback.py --feeds 2000 --changed 0.3 --seed 7 --new 5 --hosts 64

Serves ``/feed/<n>.xml`` for n in [0, feeds) on 127.0.1.1 … 127.0.1.<hosts> (all on one port, the
whole 127/8 being loopback), so per-host politeness limits behave as with many publishers. Every
feed has an ETag ``"<n>-<version>"``. A seeded ``changed`` share of the feeds is at version 1 (its
body has ``new`` items the version-0 body lacks); the others are at version 0. A client holding the
version-0 ETag therefore gets 304 for the unchanged feeds and a 50-item body for the changed ones.
All bodies are generated (bench/gen.py) before the server says ``READY <port>`` on stdout, so
generation never counts in a measurement. ``GET /stats`` returns the status counts and ``POST
/stats`` resets them. The process stops when its standard input closes.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
from pathlib import Path

from aiohttp import web

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen import Gen

RSS_TYPE = "application/rss+xml; charset=utf-8"


def host_of(feed: int, hosts: int) -> str:
    return f"127.0.1.{feed % hosts + 1}"


def changed_feeds(feeds: int, share: float, seed: int) -> set[int]:
    return set(random.Random(f"changed:{seed}").sample(range(feeds), round(feeds * share)))


def feed_url(feed: int, hosts: int, port: int) -> str:
    return f"http://{host_of(feed, hosts)}:{port}/feed/{feed}.xml"


class Farm:
    def __init__(self, feeds: int, share: float, seed: int, new: int) -> None:
        gen = Gen(seed)
        self.changed = changed_feeds(feeds, share, seed)
        self.bodies: list[bytes] = []
        self.etags: list[str] = []
        for n in range(feeds):
            version = 1 if n in self.changed else 0
            self.bodies.append(gen.feed_body(n, version, new))
            self.etags.append(f'"{n}-{version}"')
        self.counts: dict[str, int] = {}

    async def handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        if path == "/stats":
            if request.method == "POST":
                self.counts = {}
            return web.json_response(self.counts)
        try:
            n = int(path.removeprefix("/feed/").removesuffix(".xml"))
            body, etag = self.bodies[n], self.etags[n]
        except (ValueError, IndexError):
            return web.Response(status=404)
        if etag in request.headers.get("If-None-Match", ""):
            self.counts["304"] = self.counts.get("304", 0) + 1
            return web.Response(status=304, headers={"ETag": etag, "Cache-Control": "max-age=300"})
        self.counts["200"] = self.counts.get("200", 0) + 1
        return web.Response(body=body, headers={"ETag": etag, "Content-Type": RSS_TYPE})


async def serve(args: argparse.Namespace) -> None:
    farm = Farm(args.feeds, args.changed, args.seed, args.new)
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", farm.handle)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
    await runner.setup()
    first = web.TCPSite(runner, host_of(0, args.hosts), 0, backlog=1024)
    await first.start()
    port = int(runner.addresses[0][1])
    for h in range(1, args.hosts):
        await web.TCPSite(runner, host_of(h, args.hosts), port, backlog=1024).start()
    print(f"READY {port} {json.dumps(sorted(farm.changed))}", flush=True)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)  # until the parent closes our stdin
    await runner.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=2000)
    parser.add_argument("--changed", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--new", type=int, default=5)
    parser.add_argument("--hosts", type=int, default=64)
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
