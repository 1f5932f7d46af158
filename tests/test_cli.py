"""The rumourbot command line as an operator runs it: a subprocess with its own database and feed list."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from datetime import timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from bot.analysis.analyser import Analyser
from bot.domain import utcnow
from tests.cli_support import cli_env, rumourbot, rumourbot_async
from tests.fakes.feed_server import FeedServer, rss
from tests.stories import BAYERN_TALKS, SKY_TALKS, populate


def ask_json(tmp_path: Path, query: str) -> dict[str, Any]:
    done = rumourbot(cli_env(tmp_path), "ask", query, "--json")
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


async def test_ask_json_gives_threads_with_stage_clubs_tiered_sources_summary_links_and_timeline(
    tmp_path: Path, analyser: Analyser
) -> None:
    await populate(tmp_path / "x.db", analyser)
    out = ask_json(tmp_path, "alonso")
    assert (out["kind"], out["name"]) == ("manager", "Xabi Alonso")
    [thread] = out["threads"]
    assert (thread["manager"], thread["club"], thread["stage"], thread["corroboration"]) == (
        "Xabi Alonso",
        "Bayern Munich",
        "agreed",
        2,
    )
    assert thread["summary"] == "Xabi Alonso has agreed terms with Bayern Munich, according to David Ornstein."
    assert [(s["name"], s["tier"], s["relation"]) for s in thread["sources"]] == [
        ("David Ornstein", 1, "agreed"),
        ("Sky Sports News", 2, "talks"),
        ("David Ornstein", 1, "talks"),
    ]
    assert set(thread["links"]) == {f"https://news.example/{n}" for n in (0, 1, 9)}
    assert [step["stage"] for step in thread["timeline"]] == ["talks", "agreed"]


async def test_ask_json_forgives_a_typo(tmp_path: Path, analyser: Analyser) -> None:
    await populate(tmp_path / "x.db", analyser)
    out = ask_json(tmp_path, "alonzo")
    assert (out["kind"], out["name"]) == ("manager", "Xabi Alonso")
    assert [t["club"] for t in out["threads"]] == ["Bayern Munich"]


def test_ask_json_about_nobody_gives_a_clear_message_and_exit_2(tmp_path: Path) -> None:
    done = rumourbot(cli_env(tmp_path), "ask", "zzzz qqq", "--json")
    assert done.returncode == 2
    out = json.loads(done.stdout)
    assert (out["kind"], out["threads"]) == ("unknown", [])
    assert out["message"].startswith("no manager or club called “zzzz qqq”")


async def test_poll_once_json_reports_fetched_not_modified_failed_entries_rumours_and_events(tmp_path: Path) -> None:
    async with FeedServer() as srv:
        recent = format_datetime(utcnow() - timedelta(minutes=10))
        talks = {"guid": "w1", "title": BAYERN_TALKS[0], "description": BAYERN_TALKS[1], "pubDate": recent}
        srv.add("/wire.xml", rss([talks], title="The Wire"), etag='"w1"')
        other = {"guid": "g0", "title": "Saka fit for weekend trip", "description": "Saka trained fully."}
        srv.add("/gossip.xml", rss([other], title="Gossip Column"))
        srv.add("/down.xml", b"busy", status=503, content_type="text/plain")
        (tmp_path / "feeds.toml").write_text(
            "".join(f'[[feed]]\nurl = "{srv.url(p)}"\n\n' for p in ("/wire.xml", "/gossip.xml", "/down.xml"))
        )
        env = cli_env(
            tmp_path,
            feeds__allow_private_addresses="true",
            feeds__fulltext="false",
            feeds__interval_seconds="1",
            feeds__min_interval_seconds="1",
        )
        code, stdout, stderr = await rumourbot_async(env, "poll", "--once", "--json")
        assert code == 0, stderr
        first = json.loads(stdout)
        assert {k: first[k] for k in ("fetched", "not_modified", "failed", "new_entries", "manager_rumours")} == {
            "fetched": 2,
            "not_modified": 0,
            "failed": 1,
            "new_entries": 2,
            "manager_rumours": 1,
        }
        assert first["thread_events"] == [
            {"kind": "created", "manager": "Xabi Alonso", "club": "Bayern Munich", "stage": "talks"}
        ]
        assert (first["failures"], first["deliveries_queued"]) == (
            [{"url": srv.url("/down.xml"), "error": "HTTP 503"}],
            0,
        )

        await asyncio.sleep(1.1)  # both good feeds are due again; the failing one is backing off
        sky = {"guid": "g1", "title": SKY_TALKS[0], "description": SKY_TALKS[1], "pubDate": recent}
        srv.add("/gossip.xml", rss([sky, other], title="Gossip Column"))
        code, stdout, stderr = await rumourbot_async(env, "poll", "--once", "--json")
        assert code == 0, stderr
        second = json.loads(stdout)
        counts = [second[k] for k in ("fetched", "not_modified", "failed", "new_entries", "manager_rumours")]
        assert counts == [1, 1, 0, 1, 1]
        assert srv.headers_of("/wire.xml")[1]["If-None-Match"] == '"w1"'
        assert srv.hits("/down.xml") == 1

        code, stdout, _ = await rumourbot_async(env, "feeds", "status")
        assert code == 0
        assert "— The Wire" in stdout
        assert "— Gossip Column" in stdout
        assert "failing since" in stdout
        assert "(1×): HTTP 503" in stdout


def test_feeds_add_refuses_non_http_and_private_addresses_with_exit_2(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    for url, problem in [
        ("ftp://feeds.example.org/rss.xml", "URL must start with http:// or https://"),
        ("http://127.0.0.1:8080/feed.xml", "blocked address 127.0.0.1"),
        ("http://169.254.169.254/latest/meta-data", "blocked address 169.254.169.254"),
    ]:
        done = rumourbot(env, "feeds", "add", url)
        assert (done.returncode, done.stdout) == (2, ""), url
        assert f"rumourbot: cannot add {url!r}: {problem}" in done.stderr
    assert rumourbot(env, "feeds", "list").stdout == ""


def test_feeds_add_list_and_remove(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    url = "https://feeds.example.org/football/rss.xml"
    added = rumourbot(env, "feeds", "add", url, "--outlet", "BBC Sport")
    assert (added.returncode, added.stdout) == (0, f"added feed 1: {url} (BBC Sport)\n")
    listed = rumourbot(env, "feeds", "list")
    assert listed.stdout.split() == ["1", "BBC", "Sport", url]
    removed = rumourbot(env, "feeds", "remove", url)
    assert (removed.returncode, removed.stdout) == (0, f"removed feed 1: {url}\n")
    assert rumourbot(env, "feeds", "list").stdout == ""
    again = rumourbot(env, "feeds", "remove", url)
    assert (again.returncode, again.stdout) == (2, "")


def test_help_loads_no_settings_model_event_loop_or_platform_library() -> None:
    # Start-up cost: `rumourbot --help` is the first thing an operator runs; it needs only argparse.
    probe = (
        "import sys; sys.argv = ['rumourbot', '--help']\n"
        "from bot.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ['pydantic', 'asyncio', 'aiohttp', 'discord', 'telegram', 'feedparser', 'bot.config']\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "usage: rumourbot" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_ask_about_an_unknown_name_is_an_error_with_exit_2_and_no_chat_command(tmp_path: Path) -> None:
    done = rumourbot(cli_env(tmp_path), "ask", "zzzz")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.splitlines()[-1] + "\n" == (
        "rumourbot: no manager or club called “zzzz” in the knowledge base (config/managers.toml,"
        " config/clubs.toml); try a surname or a club, e.g. `rumourbot ask alonso`\n"
    )


def test_ask_about_a_known_name_with_no_rumours_suggests_no_chat_command(tmp_path: Path) -> None:
    done = rumourbot(cli_env(tmp_path), "ask", "alonso")
    assert (done.returncode, done.stdout) == (0, "No rumours about Xabi Alonso yet.\n")
