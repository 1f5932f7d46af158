"""Command-line actions that need the store or the network (run, demo, ask, poll, feeds, db)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

from bot.analysis.gazetteer import KnowledgeError
from bot.app import core, open_store, run_bot, sync_feed_list
from bot.commands.base import ChatRef, Invocation
from bot.config import Config
from bot.domain import utcnow
from bot.pipeline.feedlist import validate_feed_url
from bot.render.text import render_reply
from bot.store.base import StoreError, ThreadView

EXIT_USAGE = 2


def dispatch(config: Config, args: argparse.Namespace) -> int:
    try:
        return asyncio.run(_dispatch(config, args))
    except (KnowledgeError, StoreError) as exc:
        print(f"rumourbot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


async def _dispatch(config: Config, args: argparse.Namespace) -> int:
    command = args.command
    if command == "run":
        return await run_bot(config)
    if command == "demo":
        from bot.demo import run_demo  # noqa: PLC0415

        return await run_demo(config)
    if command == "ask":
        return await _ask(config, " ".join(args.query), args.json)
    if command == "poll":
        return await _poll_once(config, args.json)
    if command == "feeds":
        return await _feeds(config, args)
    if command == "db":
        return await _db_migrate(config)
    raise AssertionError(command)


async def _db_migrate(config: Config) -> int:
    # Opened without migrating, so that what this command applies is what it reports.
    store = await open_store(config, migrate=False)
    try:
        applied = await store.migrate()
        version = await store.schema_version()
    finally:
        await store.close()
    done = f"applied {', '.join(f'{v:04d}' for v in applied)}" if applied else "nothing to apply"
    print(f"database is up to date: schema version {version} ({done})")
    return 0


def thread_json(view: ThreadView) -> dict[str, Any]:
    state = view.state
    return {
        "manager": state.manager,
        "club": state.club,
        "stage": state.stage.value,
        "first_seen": state.first_seen.isoformat(),
        "last_update": state.last_update.isoformat(),
        "corroboration": state.corroboration,
        "heat": round(view.heat, 3),
        "summary": state.summary,
        "sources": [
            {
                "name": r.source,
                "tier": r.tier,
                "outlet": r.outlet,
                "url": r.url,
                "relation": r.relation,
                "reported_at": r.reported_at.isoformat(),
                "duplicate": r.duplicate,
            }
            for r in view.reports
        ],
        "links": list(dict.fromkeys(r.url for r in view.reports if r.url)),
        "timeline": [{"stage": s.stage, "source": s.source, "at": s.at.isoformat()} for s in view.timeline],
    }


async def _ask(config: Config, query: str, as_json: bool) -> int:
    async with core(config) as c:
        if not as_json:
            reply = await c.router.handle(Invocation(ChatRef("cli", "ask"), "cli", "rumour", query))
            print(render_reply(reply))
            return 0
        res = c.names.resolve(query)
        out: dict[str, Any] = {
            "query": query,
            "kind": res.kind,
            "name": res.name,
            "suggestions": list(res.suggestions),
        }
        views: list[ThreadView] = []
        if res.kind == "manager":
            views = await c.store.threads_about(manager=res.name)
        elif res.kind == "club":
            views = await c.store.threads_about(club=res.name)
        out["threads"] = [thread_json(v) for v in views]
        if res.kind in ("unknown", "ambiguous"):
            reply = await c.router.handle(Invocation(ChatRef("cli", "ask"), "cli", "rumour", query))
            out["message"] = reply.text
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0


async def _poll_once(config: Config, as_json: bool) -> int:
    from bot.feeds.fetcher import Fetcher  # noqa: PLC0415
    from bot.pipeline.ingest import Ingestor  # noqa: PLC0415
    from bot.pipeline.poller import Poller  # noqa: PLC0415

    async with core(config) as c, Fetcher(config.settings.feeds) as fetcher:
        await sync_feed_list(c)
        poller = Poller(c.store, fetcher, Ingestor(c.analyser, c.store, c.policy()), config.settings.feeds)
        stats = await poller.run_once()
    result = {
        "fetched": stats.fetched,
        "not_modified": stats.not_modified,
        "failed": stats.failed,
        "new_entries": stats.new_entries,
        "manager_rumours": stats.rumours,
        "thread_events": [{"kind": k, "manager": m, "club": cl, "stage": st} for k, m, cl, st in stats.events],
        "deliveries_queued": stats.deliveries,
        "failures": [{"url": u, "error": e} for u, e in stats.failures],
    }
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(
            f"fetched {stats.fetched}, not modified {stats.not_modified}, failed {stats.failed}; "
            f"{stats.new_entries} new entries, {stats.rumours} manager rumours, {len(stats.events)} thread events"
        )
        for kind, manager, club, stage in stats.events:
            print(f"  {kind}: {manager} → {club} ({stage})")
    return 0


async def _feeds(config: Config, args: argparse.Namespace) -> int:
    action = args.feeds_command
    async with core(config) as c:
        if action == "add":
            problem = validate_feed_url(args.url)
            if problem is None and not config.settings.feeds.allow_private_addresses:
                from bot.feeds.netguard import check_feed_url  # noqa: PLC0415

                problem = check_feed_url(args.url, allow_private=False)
            if problem:
                print(f"rumourbot: cannot add {args.url!r}: {problem}", file=sys.stderr)
                return EXIT_USAGE
            feed = await c.store.add_feed(args.url, args.outlet, utcnow())
            print(f"added feed {feed.id}: {feed.url}" + (f" ({feed.outlet})" if feed.outlet else ""))
            return 0
        if action == "remove":
            removed = await c.store.remove_feed(args.url)
            print("removed" if removed else f"no feed with URL {args.url}")
            return 0 if removed else 1
        await sync_feed_list(c)
        feeds = await c.store.list_feeds()
        for feed in feeds:
            if action == "list":
                print(f"{feed.id:4d}  {feed.outlet or '-':<16} {feed.url}")
                continue
            if feed.disabled_reason:
                state = f"disabled: {feed.disabled_reason}"
            elif feed.failures:
                since = feed.failing_since.isoformat(timespec="minutes") if feed.failing_since else "?"
                state = f"failing since {since} ({feed.failures}×): {feed.last_error}"
            elif feed.last_ok_at:
                state = f"ok (last {feed.last_ok_at.isoformat(timespec='minutes')})"
            else:
                state = "not polled yet"
            title = f" — {feed.title}" if feed.title else ""
            print(f"{feed.id:4d}  {feed.outlet or '-':<16} {state}{title}\n      {feed.url}")
    return 0
