"""`rumourbot run --role`: what a role list means, which combinations are refused and why, and how a
worker tells that another worker of its host is gone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.workers import RoleError, Roles, dead_local_workers, new_worker_id, parse_roles
from tests.cli_support import cli_env, rumourbot


def test_a_role_list_says_what_the_process_polls_delivers_and_takes_updates_for() -> None:
    worker = Roles(parse_roles(" poller , dispatcher "))
    assert (worker.polls, worker.delivers("telegram"), worker.takes_updates("telegram")) == (True, True, False)
    telegram = Roles(parse_roles("telegram"))
    assert (telegram.polls, telegram.delivers("telegram"), telegram.takes_updates("telegram")) == (False, True, True)
    assert (telegram.delivers("discord"), telegram.takes_updates("discord")) == (False, False)
    everything = Roles(parse_roles("all"))
    assert (everything.polls, everything.delivers("discord"), everything.takes_updates("telegram")) == (True,) * 3


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "give at least one of all, poller, dispatcher, discord, telegram"),
        ("poller,sender", "unknown role 'sender'"),
        ("all,poller", "'all' already includes every role; give it alone"),
    ],
)
def test_a_malformed_role_list_is_refused_naming_the_problem(text: str, problem: str) -> None:
    with pytest.raises(RoleError, match=problem):
        parse_roles(text)


@pytest.mark.parametrize(
    ("roles", "telegram", "discord", "problem"),
    [
        ("telegram", False, True, "--role telegram needs TELEGRAM_TOKEN"),
        ("discord", True, False, "--role discord needs DISCORD_TOKEN"),
        ("poller,dispatcher", False, True, "--role dispatcher sends Telegram deliveries and needs TELEGRAM_TOKEN"),
    ],
)
def test_a_role_without_the_token_it_needs_is_refused(roles: str, telegram: bool, discord: bool, problem: str) -> None:
    with pytest.raises(RoleError, match=problem):
        Roles(parse_roles(roles)).check(telegram=telegram, discord=discord)
    Roles(parse_roles(roles)).check(telegram=True, discord=True)  # with both tokens it runs


def test_run_with_a_role_it_cannot_fill_exits_2_with_the_reason_and_opens_no_database(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    done = rumourbot(env, "run", "--role", "poller,telegram")
    assert (done.returncode, done.stderr.strip()) == (2, "rumourbot: --role telegram needs TELEGRAM_TOKEN")
    bad = rumourbot(env, "run", "--role", "poller,sender")
    assert bad.returncode == 2
    assert "argument --role: unknown role 'sender'" in bad.stderr
    assert not list(tmp_path.glob("*.db"))


def test_a_worker_of_this_host_whose_process_is_gone_or_is_an_earlier_run_of_this_pid_counts_as_dead() -> None:
    me = new_worker_id()
    host = me.rsplit("-", 2)[0]
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    gone = f"{host}-{int(child.stdout)}-abcd"  # that process has exited
    alive = f"{host}-{os.getppid()}-abcd"  # the process that started this test runs
    earlier = f"{host}-{os.getpid()}-0000"  # this pid under another id: an earlier run, e.g. in a container
    elsewhere = f"otherhost-{int(child.stdout)}-abcd"  # another host's worker: only its lease expiry tells
    assert dead_local_workers([me, gone, alive, earlier, elsewhere, "not-a-worker-id"], me) == [gone, earlier]
