"""The command line: rumourbot run | demo | analyse | ask | poll | feeds | db | config."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bot.logs import configure_logging, report_error

if TYPE_CHECKING:  # imported where used: `rumourbot --help` loads neither pydantic nor asyncio
    from bot.config import Config, LogSettings
    from bot.workers import Roles

log = logging.getLogger(__name__)

EXIT_USAGE = 2


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rumourbot", description="Football manager rumour bot.")
    parser.add_argument("--config", metavar="PATH", help="configuration file (default config/rumourbot.toml)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="run the bot (console chat when no platform token is set)")
    run.add_argument(
        "--role",
        default="all",
        metavar="ROLES",
        type=_roles,
        help="what this process does, for several workers on one PostgreSQL database: all (default), or a"
        " comma-separated list of poller (poll feeds, ingest), dispatcher (send Telegram alerts),"
        " telegram (Telegram commands + alerts), discord (Discord commands + alerts); docs/SCALING.md",
    )
    run.add_argument(
        "--shard-count", type=int, metavar="N", help="Discord: the bot's total number of gateway shards ([discord])"
    )
    run.add_argument(
        "--shard-ids",
        type=_shard_ids,
        metavar="IDS",
        help="Discord: the shards this process runs, e.g. 0,1 (default: all of --shard-count)",
    )
    sub.add_parser("demo", help="offline demo with bundled sample feeds on 127.0.0.1")

    analyse = sub.add_parser("analyse", help="analyse one article (JSON object or plain text)")
    analyse.add_argument("file", nargs="?", default="-", help="file to read, or - for stdin (default)")
    analyse.add_argument("--json", action="store_true", help="print one JSON object")

    ask = sub.add_parser("ask", help="what /rumour would answer, without a chat")
    ask.add_argument("query", nargs="+")
    ask.add_argument("--json", action="store_true")

    poll = sub.add_parser("poll", help="poll feeds")
    poll.add_argument("--once", action="store_true", required=True, help="run one cycle and exit")
    poll.add_argument("--json", action="store_true")

    feeds = sub.add_parser("feeds", help="manage the feed list")
    feeds_sub = feeds.add_subparsers(dest="feeds_command", metavar="ACTION", required=True)
    feeds_sub.add_parser("list", help="list feeds")
    feeds_sub.add_parser("status", help="feed health")
    add = feeds_sub.add_parser("add", help="add a feed")
    add.add_argument("url")
    add.add_argument("--outlet", default="")
    remove = feeds_sub.add_parser("remove", help="remove a feed")
    remove.add_argument("url")
    export = feeds_sub.add_parser("export", help="write the feed list as OPML 2.0")
    export.add_argument("file", nargs="?", default="-", help="file to write, or - for stdout (default)")
    import_ = feeds_sub.add_parser("import", help="add the feeds of an OPML file")
    import_.add_argument("file", help="OPML file to read, or - for stdin")

    threads = sub.add_parser("threads", help="rumour threads")
    threads_sub = threads.add_subparsers(dest="threads_command", metavar="ACTION", required=True)
    resolve = threads_sub.add_parser("resolve", help="mark a thread true, false or cold by hand (logged)")
    resolve.add_argument("thread", type=int, help="the thread number (#N on each card)")
    resolve.add_argument("outcome", choices=("true", "false", "cold"))
    resolve.add_argument("--note", default="", help="why, kept with the resolution and shown by /why")

    kb = sub.add_parser("kb", help="the knowledge base's learned jobs")
    kb_sub = kb.add_subparsers(dest="kb_command", metavar="ACTION", required=True)
    kb_jobs = kb_sub.add_parser("jobs", help="the changes of job learned from stories (or set by hand)")
    kb_jobs.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="only changes from this day on")
    kb_jobs.add_argument("--json", action="store_true")
    kb_export = kb_sub.add_parser("export", help="the managers file with the learned jobs written in, for review")
    kb_export.add_argument("file", nargs="?", default="-", help="file to write, or - for stdout (default)")
    set_job = kb_sub.add_parser("set-job", help="correct a manager's job: set-job MANAGER CLUB|none")
    set_job.add_argument("manager")
    set_job.add_argument("club", help="a club of the knowledge base, or none")

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_sub.add_parser("migrate", help="apply pending migrations")
    db_export = db_sub.add_parser("export", help="write the whole database to a portable file (gzip JSON lines)")
    db_export.add_argument("file", help="file to write")
    db_export.add_argument("--from", dest="url", metavar="URL", help="database to read (default [store] url)")
    db_import = db_sub.add_parser("import", help="load an export file into a new, empty database")
    db_import.add_argument("file", help="file to read")
    db_import.add_argument("--to", dest="url", metavar="URL", help="database to load (default [store] url)")

    config = sub.add_parser("config", help="configuration")
    config_sub = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    config_sub.add_parser("check", help="validate and print the effective configuration (secrets masked)")
    reference = config_sub.add_parser("reference", help="print the settings reference (Markdown)")
    reference.add_argument("--update", metavar="FILE", help="rewrite FILE below its marker line instead")
    return parser


def _roles(text: str) -> Roles:
    from bot.workers import RoleError, Roles, parse_roles  # noqa: PLC0415

    try:
        return Roles(parse_roles(text))
    except RoleError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("--role: ")) from None


def _date(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r}: expected a date such as 2026-12-01") from None


def _shard_ids(value: str) -> list[int]:
    try:
        return [int(part) for part in value.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r}: expected shard numbers separated by commas, e.g. 0,1") from None


def _fail(message: str, settings: LogSettings | None = None) -> int:
    if settings is None:
        from bot.config import LogSettings  # noqa: PLC0415

        settings = LogSettings()
    report_error(log, settings, message)
    return EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    if args.command == "config" and args.config_command == "reference":
        return _reference(args.update)  # documents the defaults: needs no (valid) configuration
    from bot.config import ConfigError, load_config  # noqa: PLC0415

    try:
        config = load_config(args.config)
    except ConfigError as exc:
        return _fail(str(exc))
    configure_logging(config.settings.log)
    try:
        return _run(config, args)
    except BrokenPipeError:
        # "rumourbot feeds status | head": the reader has gone; say nothing more, to anyone.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception:
        if config.settings.log.format != "json":
            raise
        log.critical("unexpected error", exc_info=True)
        return 1


def _run(config: Config, args: argparse.Namespace) -> int:
    if args.command == "config":
        from bot.config import masked_dump  # noqa: PLC0415

        print(json.dumps(masked_dump(config), indent=2))
        return 0
    if args.command == "analyse":
        return _analyse(config, args.file, args.json)
    from bot import commands_cli  # noqa: PLC0415 - heavy imports only for the commands that need them

    return commands_cli.dispatch(config, args)


def _reference(update: str | None) -> int:
    from bot.configref import DocumentError, render_reference, update_document  # noqa: PLC0415

    text = render_reference()
    if update is None:
        sys.stdout.write(text)
        return 0
    path = Path(update)
    try:
        path.write_text(update_document(path.read_text("utf-8"), text), "utf-8")
    except OSError as exc:
        return _fail(f"cannot update {update}: {exc.strerror}")
    except UnicodeDecodeError:
        return _fail(f"{update}: not UTF-8 text")
    except DocumentError as exc:
        return _fail(f"{update}: {exc}")
    print(f"updated {update}")
    return 0


def _analyse(config: Config, file: str, as_json: bool) -> int:
    from bot.analysis.analyser import Analyser  # noqa: PLC0415 - keep --help fast
    from bot.analysis.gazetteer import KnowledgeError, load_gazetteer  # noqa: PLC0415
    from bot.analysis.io import InputError, parse_article  # noqa: PLC0415
    from bot.render.text import render_analysis  # noqa: PLC0415

    try:
        data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except OSError as exc:
        return _fail(f"cannot read {file}: {exc.strerror}", config.settings.log)
    try:
        article = parse_article(data)
    except InputError as exc:
        return _fail(str(exc), config.settings.log)
    knowledge = config.settings.knowledge
    try:
        gazetteer = load_gazetteer(knowledge.managers, knowledge.clubs, knowledge.sources)
    except KnowledgeError as exc:
        return _fail(str(exc), config.settings.log)
    analysis = Analyser(gazetteer).analyse(article)
    if as_json:
        print(json.dumps(analysis.as_json(), ensure_ascii=False))
    else:
        print(render_analysis(analysis))
    return 0


if __name__ == "__main__":
    sys.exit(main())
