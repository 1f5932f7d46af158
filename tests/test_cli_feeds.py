"""`rumourbot feeds …` and `poll --once` as a new operator meets them: what is said when a feed is
already there, comes from config/feeds.toml, is unknown, or is backing off."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.cli_support import ROOT, cli_env, rumourbot, rumourbot_async
from tests.fakes.feed_server import FeedServer

URL = "https://feeds.example.org/football/rss.xml"


def test_adding_a_feed_already_in_the_list_says_so_and_changes_nothing(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    assert rumourbot(env, "feeds", "add", URL).returncode == 0
    again = rumourbot(env, "feeds", "add", URL)
    assert (again.returncode, again.stdout) == (0, f"feed 1 is already in the list: {URL}\n")


def test_a_refused_private_address_names_the_setting_that_allows_it(tmp_path: Path) -> None:
    done = rumourbot(cli_env(tmp_path), "feeds", "add", "http://192.168.1.10/rss.xml")
    assert done.returncode == 2
    assert "[feeds] allow_private_addresses = true" in done.stderr


def test_removing_a_feed_listed_in_feeds_toml_is_refused_naming_the_file(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(f'[[feed]]\nurl = "{URL}"\noutlet = "BBC Sport"\n')
    env = cli_env(tmp_path)
    assert rumourbot(env, "feeds", "list").returncode == 0  # the file's feeds are added
    refused = rumourbot(env, "feeds", "remove", URL)
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr.splitlines()[-1] + "\n" == (
        f"rumourbot: cannot remove {URL}: it is listed in {feeds}, which adds it back whenever the bot"
        " starts; delete it from that file, then run `rumourbot feeds remove` again\n"
    )
    assert URL in rumourbot(env, "feeds", "list").stdout
    feeds.write_text("")
    removed = rumourbot(env, "feeds", "remove", URL)
    assert (removed.returncode, removed.stdout) == (0, f"removed feed 1: {URL}\n")


def test_removing_an_unknown_feed_is_a_refusal_with_exit_code_2(tmp_path: Path) -> None:
    done = rumourbot(cli_env(tmp_path), "feeds", "remove", URL)
    assert (done.returncode, done.stdout) == (2, "")
    assert (
        done.stderr.splitlines()[-1] + "\n"
        == f"rumourbot: no feed with URL {URL} (`rumourbot feeds list` shows them)\n"
    )


async def test_poll_once_during_back_off_says_which_feeds_it_skipped_and_status_says_when_they_are_next_tried(
    tmp_path: Path,
) -> None:
    async with FeedServer() as srv:
        srv.add("/down.xml", b"busy", status=503, content_type="text/plain")
        (tmp_path / "feeds.toml").write_text(f'[[feed]]\nurl = "{srv.url("/down.xml")}"\n')
        env = cli_env(tmp_path, feeds__allow_private_addresses="true", feeds__fulltext="false")
        code, _, stderr = await rumourbot_async(env, "poll", "--once")
        assert code == 0, stderr
        code, stdout, stderr = await rumourbot_async(env, "poll", "--once")
        assert code == 0, stderr
        assert srv.hits("/down.xml") == 1
        lines = stdout.splitlines()
        assert lines[0].startswith("fetched 0, not modified 0, failed 0;")
        assert lines[1].startswith("skipped 1 feed: 1 backing off after failures (next try at ")
        assert lines[1].endswith(" UTC); `rumourbot feeds status` shows each")

        code, stdout, _ = await rumourbot_async(env, "poll", "--once", "--json")
        skipped = json.loads(stdout)["skipped"]
        assert (skipped["backing_off"], skipped["not_due"], skipped["disabled"]) == (1, 0, 0)
        assert skipped["next_try"].endswith("+00:00")

        code, stdout, _ = await rumourbot_async(env, "feeds", "status")
        assert "(1×): HTTP 503; next try at " in stdout


def test_a_reader_that_goes_away_ends_the_command_quietly(tmp_path: Path) -> None:
    """`rumourbot feeds list | head -1`: no BrokenPipeError traceback when the reader has gone."""
    env = cli_env(tmp_path)
    (tmp_path / "feeds.toml").write_text(
        "".join(f'[[feed]]\nurl = "https://feeds.example/{n}.xml"\n\n' for n in range(400))
    )
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the command writes a line
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bot", "feeds", "list"],
            cwd=ROOT,
            env=env,
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write)
    assert "Traceback" not in done.stderr, done.stderr
    assert "BrokenPipeError" not in done.stderr, done.stderr
    assert done.returncode == 1
