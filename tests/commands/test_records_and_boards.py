"""/source, /record, /sackrace, /vacancies, /board, /resolve and /settings tier-override through the
Router on a real store (rows written by tests/builders.py): answers, bad input and permissions."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest

from bot.analysis.gazetteer import Gazetteer
from bot.commands.base import ChatRef, Invocation
from bot.commands.names import NameResolver
from bot.commands.router import Router
from bot.domain import Outcome, Relation, ThreadState
from bot.domain.jobs import JobChange
from bot.platforms.console import ConsoleAdapter
from bot.render.text import render_reply
from bot.store.sqlite import SQLiteStore
from tests.builders import add_job, add_thread

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
GROUP = ChatRef("telegram", "-100")
ORNSTEIN, MAIL = "David Ornstein", "Daily Mail"


class Ops:
    def __init__(self) -> None:
        self.calls: list[tuple[int, Outcome, str, str]] = []

    async def __call__(self, thread_id: int, outcome: Outcome, actor: str, note: str) -> ThreadState | None:
        self.calls.append((thread_id, outcome, actor, note))
        return ThreadState(thread_id, "Andoni Iraola", "Chelsea", Relation.TALKS, NOW, NOW, 1, frozenset(), "")


@pytest.fixture
def ops() -> Ops:
    return Ops()


@pytest.fixture
async def router(store: SQLiteStore, gazetteer: Gazetteer, ops: Ops) -> Router:
    days = [NOW - timedelta(days=d) for d in range(40)]
    # Ornstein: two calls right (talks → true, under pressure → true), one wrong; the Mail: one wrong.
    await add_thread(store, "Andoni Iraola", "Chelsea", Relation.TALKS, [(days[30], ORNSTEIN, 1)], outcome=Outcome.TRUE)
    await add_thread(store, "Liam Rosenior", "Chelsea", Relation.UNDER_PRESSURE, [(days[33], ORNSTEIN, 1)],
                     outcome=Outcome.TRUE)  # fmt: skip
    await add_thread(store, "Xabi Alonso", "Bayern Munich", Relation.TALKS, [(days[31], ORNSTEIN, 1)],
                     outcome=Outcome.FALSE)  # fmt: skip
    await add_thread(store, "Eddie Howe", "Manchester United", Relation.LINKED, [(days[35], MAIL, 3)],
                     outcome=Outcome.FALSE)  # fmt: skip
    # The sack race: Slot under more, better-sourced pressure this week than Howe.
    await add_thread(store, "Arne Slot", "Liverpool", Relation.UNDER_PRESSURE,
                     [(days[9], MAIL, 3), (days[2], ORNSTEIN, 1), (days[1], "Sky Sports News", 2)])  # fmt: skip
    await add_thread(store, "Eddie Howe", "Newcastle United", Relation.UNDER_PRESSURE, [(days[3], MAIL, 3)])
    await add_thread(store, "Pep Guardiola", "Manchester City", Relation.UNDER_PRESSURE, [(days[35], MAIL, 3)])
    # A vacancy: Rosenior sacked (official), a caretaker, and two candidates.
    await add_job(store, "Liam Rosenior", "Chelsea", JobChange.SACKED, days[5])
    await add_job(store, "Calum McFarlane", "Chelsea", JobChange.APPOINTED, days[4], caretaker=True)
    await add_thread(store, "Oliver Glasner", "Chelsea", Relation.LINKED, [(days[4], MAIL, 3)])
    await add_thread(store, "Kieran McKenna", "Chelsea", Relation.TALKS, [(days[2], ORNSTEIN, 1)])
    return Router(store, NameResolver(gazetteer), clock=lambda: NOW, operators=("telegram:42",), resolve=ops)


async def ask(router: Router, text: str, *, user: str = "7", admin: bool = True, chat: ChatRef = GROUP) -> str:
    name, _, args = text.lstrip("/").partition(" ")
    reply = await router.handle(Invocation(chat, user, name, args, "group", admin))
    return render_reply(reply)


async def test_source_shows_the_record_by_stage_and_the_standing_with_its_formula(router: Router) -> None:
    answer = await ask(router, "/source ornstein")
    assert answer.startswith("David Ornstein (journalist, The Athletic): standing tier 1 (configured tier 1)")
    assert "2 of 3 resolved manager calls right; 5 claims in all (first reports only)" in answer
    assert "talks: 3 claims: 1 right, 1 wrong" in answer
    assert "Chelsea: 2 of 2 resolved manager calls right" in answer
    assert "standing = (tier prior × 8 + right) / (8 + right + wrong)" in answer


async def test_source_with_an_unknown_or_no_name_says_so(router: Router) -> None:
    assert (await ask(router, "/source")).startswith("Which source? Try /source Ornstein")
    unknown = await ask(router, "/source qwertyuiop")
    assert unknown.startswith("I don't know a source called “qwertyuiop”.")
    assert "Did you mean" in await ask(router, "/source Ornstien")


async def test_record_is_the_table_for_this_chats_follows(router: Router, store: SQLiteStore) -> None:
    assert "follows nothing yet" in await ask(router, "/record")
    await store.follow(GROUP.key, "club", "Chelsea", "", NOW)
    table = await ask(router, "/record")
    assert table.startswith("Track record: Chelsea")
    assert "• David Ornstein — tier 1: 2 of 2 resolved manager calls right" in table
    assert "Daily Mail" in table and "Eddie Howe" not in table  # noqa: PT018 - the Mail's Chelsea claim, open


async def test_sackrace_ranks_pressure_with_a_why_phrase_and_filters_by_league(router: Router) -> None:
    board = await ask(router, "/sackrace")
    assert board.startswith("Sack race")
    lines = [line for line in board.splitlines() if line[:2] in ("1.", "2.", "3.")]
    assert lines[0].startswith("1. Arne Slot (Liverpool) — 2 reports this week (3 this month), best David Ornstein")
    assert lines[1].startswith("2. Eddie Howe (Newcastle United) — 1 report this week, best Daily Mail (tier 3)")
    assert "Pep Guardiola" not in board  # nothing in the last 30 days
    assert "Liam Rosenior" not in board  # resolved: he was sacked
    assert "Arne Slot" in await ask(router, "/sackrace premier league")
    assert "No manager is under pressure" in await ask(router, "/sackrace Bundesliga")
    assert (await ask(router, "/sackrace Narnia League")).startswith("I don't know a league called “Narnia League”.")


async def test_vacancies_list_clubs_without_a_permanent_manager_and_their_candidates(router: Router) -> None:
    board = await ask(router, "/vacancies premier league")
    assert board.startswith("Vacancies — Premier League")
    assert (
        "• Chelsea — vacant since 26 Nov 2026: Liam Rosenior sacked (Chelsea (official)); caretaker Calum McFarlane"
        in board
    )
    assert (
        "candidates: Kieran McKenna (talks; David Ornstein, tier 1), Oliver Glasner (linked; Daily Mail, tier 3)"
        in board
    )
    assert "No club is without a permanent manager" in await ask(router, "/vacancies la liga")


async def test_a_learned_job_shows_in_rumour(router: Router, store: SQLiteStore) -> None:
    await add_job(store, "Kieran McKenna", "Chelsea", JobChange.APPOINTED, NOW - timedelta(hours=1))
    assert "No club is without a permanent manager" in await ask(router, "/vacancies")
    assert "Learned: manager of Chelsea since 1 Dec 2026 (Chelsea (official))." in await ask(router, "/rumour McKenna")
    assert "Learned: Kieran McKenna in charge since 1 Dec 2026" in await ask(router, "/rumour chelsea")


async def test_board_needs_an_admin_a_known_board_and_league_and_says_what_it_did(router: Router) -> None:
    refused = await ask(router, "/board sackrace", admin=False)
    assert refused.startswith("Only admins can pin or remove a board")
    assert (await ask(router, "/board table")).startswith("Which board: sackrace or vacancies?")
    assert (await ask(router, "/board sackrace Narnia")).startswith("I don't know a league called “Narnia”.")
    assert (await ask(router, "/board sackrace premier league")).startswith(
        "The sack race (Premier League) will be posted here as one message and updated in place"
    )
    assert (await ask(router, "/board sackrace premier league")).endswith("is already kept in this chat.")
    assert "sackrace (Premier League)" in await ask(router, "/board", admin=False)
    assert (await ask(router, "/board stop sackrace premier league")).endswith("is no longer kept here.")
    assert (await ask(router, "/board stop vacancies")).endswith("was not kept here.")


async def test_resolve_is_for_the_bots_operators_and_checks_its_arguments(router: Router, ops: Ops) -> None:
    refused = await ask(router, "/resolve 1 true", user="7")
    assert refused.startswith("Only the bot's operators can resolve a thread by hand")
    assert (await ask(router, "/resolve one true", user="42")).startswith("Usage: /resolve <thread number>")
    assert (await ask(router, "/resolve 1 maybe", user="42")).startswith("Usage: /resolve")
    done = await ask(router, "/resolve #1 false appointed elsewhere", user="42")
    assert done == "Thread #1 (Andoni Iraola → Chelsea) is now false. Logged."
    assert ops.calls == [(1, Outcome.FALSE, "telegram:42", "appointed elsewhere")]
    assert "/resolve" in await ask(router, "/help", user="42")
    assert "/resolve" not in await ask(router, "/help", user="7")


async def test_tier_override_is_per_chat_for_admins_and_moves_the_standing_shown(router: Router) -> None:
    assert (await ask(router, "/settings tier-override Ornstein 3", admin=False)).startswith("Only admins")
    assert (await ask(router, "/settings tier-override Ornstein 9")).startswith("The tier must be 0 to 4, or off.")
    assert (await ask(router, "/settings tier-override Nobodyatall 2")).startswith("I don't know a source called")
    assert "now starts from tier 4 (configured: 1)" in await ask(router, "/settings tier-override Ornstein 4")
    assert "configured tier 4" in await ask(router, "/source Ornstein")
    other = ChatRef("telegram", "-200")
    assert "configured tier 1" in await ask(router, "/source Ornstein", chat=other)
    assert "back to its configured tier" in await ask(router, "/settings tier-override Ornstein off")


async def test_the_console_answers_the_same_commands(router: Router) -> None:
    console = ConsoleAdapter(router.handle, out=io.StringIO())
    assert (await console.command("/sackrace")).startswith("Sack race")
    assert (await console.command("/vacancies")).startswith("Vacancies")
    assert (await console.command("/source ornstein")).startswith("David Ornstein (journalist, The Athletic)")
    assert "Track record" in await console.command("/record") or "follows nothing" in await console.command("/record")
    assert (await console.command("/resolve 9 cold")).startswith("Thread #9")  # the console's user is an operator
