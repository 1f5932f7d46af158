"""Command-line actions that need the store or the network (run, demo, ask, poll, feeds, db)."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import logging
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bot.analysis.gazetteer import KnowledgeError
from bot.app import Core, core, open_store, run_bot, sync_feed_list
from bot.commands.base import ChatRef, Invocation
from bot.config import Config, ConfigError, DiscordSettings
from bot.delivery.ports import PlatformStartError
from bot.domain import Outcome, TargetKind, utcnow
from bot.domain.jobs import JobChange, JobRow
from bot.kb_cli import export_managers, job_line, jobs_json
from bot.logs import report_error
from bot.opml import OPMLError, OpmlFeed, parse_opml, read_limited, render_opml
from bot.pipeline.feedlist import load_feed_list, validate_feed_url
from bot.render.text import render_reply
from bot.rumours.jobs import JobBook
from bot.store.base import FeedRow, NewJob, StoreError, ThreadView
from bot.store.sql import SQLStore as Store

EXIT_USAGE = 2

log = logging.getLogger(__name__)


def _fail(config: Config, message: str) -> int:
    report_error(log, config.settings.log, message)
    return EXIT_USAGE


def dispatch(config: Config, args: argparse.Namespace) -> int:
    try:
        return asyncio.run(_dispatch(config, args))
    except (KnowledgeError, StoreError, PlatformStartError) as exc:
        return _fail(config, str(exc))
    except KeyboardInterrupt:
        return 130


async def _dispatch(config: Config, args: argparse.Namespace) -> int:
    command = args.command
    if command == "run":
        try:
            config = with_shards(config, args.shard_count, args.shard_ids)
        except ConfigError as exc:
            return _fail(config, str(exc))
        return await run_bot(config, roles=args.role)
    if command == "demo":
        from bot.demo import run_demo  # noqa: PLC0415

        return await run_demo(config)
    if command == "ask":
        return await _ask(config, " ".join(args.query), args.json)
    if command == "poll":
        return await _poll_once(config, args.json)
    if command == "feeds":
        return await _feeds(config, args)
    if command == "threads":
        return await _resolve(config, args.thread, args.outcome, args.note)
    if command == "kb":
        return await _kb(config, args)
    if command == "db" and args.db_command in ("export", "import"):
        return await _db_transfer(config, args.db_command, Path(args.file), args.url or config.settings.store.url)
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


async def _resolve(config: Config, thread_id: int, outcome: str, note: str) -> int:
    async with core(config) as c:
        state = await c.resolver.resolve(thread_id, Outcome(outcome), f"cli:{getpass.getuser()}", note)
    if state is None:
        return _fail(config, f"there is no thread #{thread_id}")
    print(f"thread #{thread_id} ({state.manager} → {state.club}) resolved {outcome}; followers will be told")
    return 0


async def _kb(config: Config, args: argparse.Namespace) -> int:
    async with core(config) as c:
        shipped = {m.name: m.club for m in c.gazetteer.managers.values()}
        if args.kb_command == "set-job":
            return await _set_job(config, c, args.manager, args.club)
        rows = await c.store.job_rows(args.since if args.kb_command == "jobs" else None)
        if args.kb_command == "jobs":
            print(jobs_json(rows) if args.json else "\n".join(job_line(r) for r in rows) or "no job learned yet")
            return 0
    return _write_managers(config, args.file, JobBook(shipped, rows), rows)


def _write_managers(config: Config, file: str, book: JobBook, rows: list[JobRow]) -> int:
    shipped = config.settings.knowledge.managers
    try:
        text = export_managers(Path(shipped).read_text("utf-8"), book, rows, utcnow())
        if file == "-":
            sys.stdout.write(text)
            return 0
        Path(file).write_text(text, "utf-8")
    except OSError as exc:
        return _fail(config, f"cannot read {shipped} or write {file}: {exc.strerror}")
    print(f"wrote {file}: the managers file with {len({r.manager for r in rows})} learned job(s)")
    return 0


async def _set_job(config: Config, c: Core, manager: str, club: str) -> int:
    who = c.names.resolve(manager)
    if who.kind != TargetKind.MANAGER:
        hint = f" (did you mean {' or '.join(who.suggestions)}?)" if who.suggestions else ""
        return _fail(config, f"{manager!r} is not a manager of the knowledge base{hint}")
    where = None if club.strip().lower() in ("none", "-", "") else c.names.resolve(club)
    if where is not None and where.kind != TargetKind.CLUB:
        hint = f" (did you mean {' or '.join(where.suggestions)}?)" if where.suggestions else ""
        return _fail(config, f"{club!r} is not a club of the knowledge base, nor none{hint}")
    target = where.name if where is not None else ""
    now = utcnow()
    await c.store.add_job(
        NewJob(who.name, target, JobChange.SET.value, now, learned_by=f"cli:{getpass.getuser()}"), now
    )
    await c.jobs.refresh()
    log.warning("operator set the job of %s to %s", who.name, target or "no club")
    print(f"{who.name}: {target or 'no club'} from now on (kb jobs lists it; kb export writes it back)")
    return 0


def with_shards(config: Config, count: int | None, ids: list[int] | None) -> Config:
    """The configuration with ``--shard-count`` / ``--shard-ids`` in place of the [discord] settings."""
    changes = {key: value for key, value in (("shard_count", count), ("shard_ids", ids)) if value is not None}
    if not changes:
        return config
    try:
        discord = DiscordSettings.model_validate({**config.settings.discord.model_dump(), **changes})
    except ValidationError as exc:
        problems = [
            f"--{str(e['loc'][0]).replace('_', '-')}: {e['msg'].removeprefix('Value error, ')}" for e in exc.errors()
        ]
        raise ConfigError("; ".join(problems)) from None
    return config.model_copy(update={"settings": config.settings.model_copy(update={"discord": discord})})


async def _db_transfer(config: Config, action: str, file: Path, url: str) -> int:
    from bot.store.transfer import export_database, import_database  # noqa: PLC0415

    if action == "export":
        summary = await export_database(url, file)
        print(f"exported {summary.rows} rows of {len(summary.tables)} tables to {file}")
    else:
        summary = await import_database(file, url)
        print(f"imported {summary.rows} rows of {len(summary.tables)} tables from {file}: counts and checksums match")
    print(f"schema version {summary.schema_version}, sha256 {summary.sha256}")
    for table in summary.tables:
        print(f"  {table.name:<20} {table.rows:>9}")
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
        "resolution": None
        if view.resolution is None
        else {
            "outcome": view.resolution.outcome.value,
            "at": view.resolution.at.isoformat(),
            "cause": view.resolution.cause.value,
            "source": view.resolution.source,
            "url": view.resolution.url,
            "actor": view.resolution.actor,
            "note": view.resolution.note,
        },
        "record": view.record,
    }


def _unresolved(config: Config, query: str, kind: str, suggestions: tuple[str, ...]) -> str:
    """Why ``ask`` found nobody, in command-line terms (the chat's reply suggests chat commands)."""
    shown = query if len(query) <= 60 else query[:59] + "…"
    if kind == "ambiguous":
        return f"“{shown}” could mean {', '.join(suggestions)}: ask for one of them"
    if suggestions:
        return f"no manager or club called “{shown}”; did you mean {' or '.join(suggestions)}?"
    k = config.settings.knowledge
    return (
        f"no manager or club called “{shown}” in the knowledge base ({k.managers}, {k.clubs}); try a surname"
        " or a club, e.g. `rumourbot ask alonso`"
    )


async def _ask(config: Config, query: str, as_json: bool) -> int:
    async with core(config) as c:
        res = c.names.resolve(query)
        views: list[ThreadView] = []
        if res.kind == TargetKind.MANAGER:
            views = await c.store.threads_about(manager=res.name)
        elif res.kind == TargetKind.CLUB:
            views = await c.store.threads_about(club=res.name)
        found = res.kind in (TargetKind.MANAGER, TargetKind.CLUB)
        problem = None if found else _unresolved(config, query, res.kind, res.suggestions)
        if as_json:
            out: dict[str, Any] = {
                "query": query,
                "kind": res.kind,
                "name": res.name,
                "suggestions": list(res.suggestions),
                "threads": [thread_json(v) for v in views],
            }
            if problem:
                out["message"] = problem
            print(json.dumps(out, ensure_ascii=False, indent=2))
            return EXIT_USAGE if problem else 0
        if problem:
            return _fail(config, problem)
        if not views:
            print(f"No rumours about {res.name} yet.")
            return 0
        reply = await c.router.handle(Invocation(ChatRef("cli", "ask"), "cli", "rumour", query))
        print(render_reply(reply))
        return 0


async def _poll_once(config: Config, as_json: bool) -> int:
    from bot.feeds.fetcher import Fetcher  # noqa: PLC0415
    from bot.pipeline.poller import Poller  # noqa: PLC0415

    async with core(config) as c, Fetcher(config.settings.feeds) as fetcher:
        await sync_feed_list(c)
        skipped = _not_due(await c.store.list_feeds(), utcnow())
        poller = Poller(c.store, fetcher, c.ingestor(), config.settings.feeds)
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
        "skipped": {
            "backing_off": len(skipped.backing_off),
            "not_due": len(skipped.waiting),
            "disabled": skipped.disabled,
            "next_try": skipped.next_try.isoformat() if skipped.next_try else None,
        },
    }
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(
            f"fetched {stats.fetched}, not modified {stats.not_modified}, failed {stats.failed}; "
            f"{stats.new_entries} new entries, {stats.rumours} manager rumours, {len(stats.events)} thread events"
        )
        if skipped.total:
            print(skipped.describe())
        for kind, manager, club, stage in stats.events:
            print(f"  {kind}: {manager} → {club} ({stage})")
    return 0


@dataclass(frozen=True)
class NotDue:
    """The feeds a poll cycle leaves alone: backing off after failures, waiting for their interval,
    or disabled."""

    backing_off: list[FeedRow]
    waiting: list[FeedRow]
    disabled: int

    @property
    def total(self) -> int:
        return len(self.backing_off) + len(self.waiting) + self.disabled

    @property
    def next_try(self) -> datetime | None:
        times = [f.next_poll_at for f in (*self.backing_off, *self.waiting) if f.next_poll_at]
        return min(times) if times else None

    def describe(self) -> str:
        parts = []
        if self.backing_off:
            first = min(f.next_poll_at for f in self.backing_off if f.next_poll_at)
            parts.append(f"{len(self.backing_off)} backing off after failures (next try at {_hhmm(first)} UTC)")
        if self.waiting:
            first = min(f.next_poll_at for f in self.waiting if f.next_poll_at)
            parts.append(f"{len(self.waiting)} not due yet (the first at {_hhmm(first)} UTC)")
        if self.disabled:
            parts.append(f"{self.disabled} disabled")
        feeds = "feed" if self.total == 1 else "feeds"
        return f"skipped {self.total} {feeds}: {', '.join(parts)}; `rumourbot feeds status` shows each"


def _hhmm(when: datetime) -> str:
    return f"{when:%H:%M}" if when.date() == utcnow().date() else f"{when:%Y-%m-%d %H:%M}"


def _not_due(feeds: list[FeedRow], now: datetime) -> NotDue:
    later = [f for f in feeds if f.disabled_reason is None and f.next_poll_at is not None and f.next_poll_at > now]
    return NotDue(
        backing_off=[f for f in later if f.failures],
        waiting=[f for f in later if not f.failures],
        disabled=sum(f.disabled_reason is not None for f in feeds),
    )


def _url_problem(config: Config, url: str) -> str | None:
    """Why ``url`` may not be added as a feed (not http(s), or private unless allowed), else None."""
    problem = validate_feed_url(url)
    if problem is None and not url.isprintable():  # C1 controls, bidi overrides: validate_feed_url lets them by
        problem = "URL contains control or invisible characters"
    if problem is None and not config.settings.feeds.allow_private_addresses:
        from bot.feeds.netguard import check_feed_url  # noqa: PLC0415

        problem = check_feed_url(url, allow_private=False)
    return problem


async def _feeds(config: Config, args: argparse.Namespace) -> int:
    action = args.feeds_command
    outlines: list[OpmlFeed] = []
    if action == "import":  # a broken file fails before the database is opened
        try:
            outlines = _read_opml(args.file)
        except OSError as exc:
            return _fail(config, f"cannot read {args.file}: {exc.strerror}")
        except OPMLError as exc:
            return _fail(config, f"{args.file}: {exc}")
    async with core(config) as c:
        if action == "add":
            return await _add(config, c.store, args.url, args.outlet)
        if action == "remove":
            return await _remove(config, c.store, args.url)
        await sync_feed_list(c)
        if action == "import":
            return await _import(config, c.store, outlines)
        feeds = await c.store.list_feeds()
        if action == "export":
            return _export(config, args.file, feeds)
        for feed in feeds:
            if action == "list":
                print(f"{feed.id:4d}  {feed.outlet or '-':<16} {feed.url}")
                continue
            if feed.disabled_reason:
                state = f"disabled: {feed.disabled_reason}"
            elif feed.failures:
                since = feed.failing_since.isoformat(timespec="minutes") if feed.failing_since else "?"
                state = f"failing since {since} ({feed.failures}×): {feed.last_error}"
                state += f"; {_next(feed, 'next try')}" if feed.next_poll_at else ""
            elif feed.last_ok_at:
                nxt = f", {_next(feed, 'next')}" if feed.next_poll_at else ""
                state = f"ok (last {feed.last_ok_at.isoformat(timespec='minutes')}{nxt})"
            else:
                state = "not polled yet"
            title = f" — {feed.title}" if feed.title else ""
            print(f"{feed.id:4d}  {feed.outlet or '-':<16} {state}{title}\n      {feed.url}")
    return 0


def _next(feed: FeedRow, label: str) -> str:
    """``label at TIME`` for when the feed is next polled ("" when it is due now)."""
    return f"{label} at {feed.next_poll_at.isoformat(timespec='minutes')}" if feed.next_poll_at else ""


async def _add(config: Config, store: Store, url: str, outlet: str) -> int:
    problem = _url_problem(config, url)
    if problem and problem.startswith("blocked address"):
        problem += (
            " (private, loopback and link-local addresses are refused unless [feeds] allow_private_addresses = true,"
            " or RUMOURBOT_FEEDS__ALLOW_PRIVATE_ADDRESSES=true)"
        )
    if problem:
        return _fail(config, f"cannot add {url!r}: {problem}")
    existing = next((f for f in await store.list_feeds() if f.url == url), None)
    if existing is not None and existing.disabled_reason is None and outlet in ("", existing.outlet):
        print(f"feed {existing.id} is already in the list: {url}")
        return 0
    feed = await store.add_feed(url, outlet or (existing.outlet if existing else ""), utcnow())
    shown = f"{feed.url}" + (f" ({feed.outlet})" if feed.outlet else "")
    if existing is None:
        print(f"added feed {feed.id}: {shown}")
    elif existing.disabled_reason is not None:
        print(f"re-enabled feed {feed.id}: {shown} (it was disabled: {existing.disabled_reason})")
    else:
        print(f"feed {feed.id} is already in the list; its outlet is now {feed.outlet!r}: {feed.url}")
    return 0


async def _remove(config: Config, store: Store, url: str) -> int:
    listed = config.settings.feeds.file
    try:
        in_file = any(u == url for u, _ in load_feed_list(listed))
    except KnowledgeError:
        in_file = False  # a broken list is reported by the commands that read it
    if in_file:
        return _fail(
            config,
            f"cannot remove {url}: it is listed in {listed}, which adds it back whenever the bot starts;"
            " delete it from that file, then run `rumourbot feeds remove` again",
        )
    existing = next((f for f in await store.list_feeds() if f.url == url), None)
    if existing is None or not await store.remove_feed(url):
        return _fail(config, f"no feed with URL {url} (`rumourbot feeds list` shows them)")
    print(f"removed feed {existing.id}: {url}")
    return 0


def _read_opml(file: str) -> list[OpmlFeed]:
    if file == "-":
        return parse_opml(read_limited(sys.stdin.buffer))
    with Path(file).open("rb") as fh:
        return parse_opml(read_limited(fh))


async def _import(config: Config, store: Store, outlines: list[OpmlFeed]) -> int:
    known = {feed.url for feed in await store.list_feeds()}
    skipped: list[tuple[str, str]] = []
    added = 0
    for outline in outlines:
        problem = _url_problem(config, outline.url)
        if problem is None and outline.url in known:
            problem = "already in the feed list"
        if problem:
            skipped.append((outline.url, problem))
            continue
        await store.add_feed(outline.url, outline.outlet, utcnow())
        known.add(outline.url)
        added += 1
    print(f"added {added} feed{'' if added == 1 else 's'}, skipped {len(skipped)}")
    for url, why in skipped:
        shown = url if len(url) <= 200 else url[:200] + "…"
        print(f"  skipped {shown!r}: {why}")  # repr: a hostile file's URL may hold terminal escapes
    return 0


def _export(config: Config, file: str, feeds: list[FeedRow]) -> int:
    document = render_opml((OpmlFeed(f.url, f.outlet, f.title) for f in feeds), utcnow())
    if file == "-":
        sys.stdout.buffer.write(document)
        sys.stdout.buffer.flush()
        return 0
    try:
        Path(file).write_bytes(document)
    except OSError as exc:
        return _fail(config, f"cannot write {file}: {exc.strerror}")
    print(f"exported {len(feeds)} feed{'' if len(feeds) == 1 else 's'} to {file}")
    return 0
