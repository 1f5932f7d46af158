"""The outcome contract on both backends (``store_url``): claims (first reports only, echoes not
counted), resolutions and their counts, learned jobs (trusted sources only) driving own-club binding,
operator overrides, the quiet-period sweep, tier overrides and pinned-board rows. Real analyser."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.analysis.analyser import Analyser
from bot.domain import Cause, Outcome, Relation
from bot.domain.jobs import JobChange
from bot.llm.port import BuiltinAnalysis
from bot.pipeline.ingest import Ingestor, IngestPolicy, IngestStats, Item
from bot.pipeline.resolver import JobKeeper, Resolver
from bot.store.sql import Store
from tests.builders import add_thread
from tests.e2e.timeline import APPOINTED, DENIAL, HIS_SIDE, RELAYS, RIVAL, SPURS_LINK, TALKS
from tests.store.contract_support import NOW

ORNSTEIN = "David Ornstein"
EDDIE_LEFT = ("x1", "Eddie Howe leaves Newcastle",
              "Eddie Howe has left Newcastle United by mutual consent, Sky Sports News reports.")  # fmt: skip
EDDIE_LEFT_AGAIN = ("x2", "Howe departs Newcastle United",
                    "Newcastle United head coach Eddie Howe has left the club by mutual consent, The Telegraph "
                    "reports.")  # fmt: skip
ECHO = (
    "x3",
    "Iraola named Chelsea head coach",
    "Andoni Iraola has been appointed Chelsea head coach, BBC Sport reports.",
)
Story = tuple[str, str, str]


class Bot:
    """The ingest with learned jobs kept current, as the composition root wires it."""

    def __init__(self, store: Store, analyser: Analyser) -> None:
        self.store = store
        self.keeper = JobKeeper(store, {m.name: m.club for m in analyser.gazetteer.managers.values()})
        analysis = BuiltinAnalysis(Analyser(analyser.gazetteer, self.keeper.current))
        self.ingestor = Ingestor(analysis, store, IngestPolicy(), self.keeper.current, self.keeper.refresh)
        self.resolver = Resolver(store, self.keeper.current, IngestPolicy().cold_after, clock=lambda: self.now)
        self.now = NOW

    async def read(self, *stories: Story, at: datetime | None = None) -> IngestStats:
        self.now = at or self.now
        feed = await self.store.add_feed("https://feeds.example/wire.xml", "", self.now)
        items = []
        for key, title, text in stories:
            link = f"https://news.example/{key}"
            items.append(Item(key, title, text, link, self.now - timedelta(minutes=5), ""))
        return await self.ingestor.ingest(feed.id, items, self.now, alerts=True)


async def test_three_relays_of_one_journalists_claim_add_one_claim_to_him_none_to_them_and_inflation_is_flagged(
    db: Store, analyser: Analyser
) -> None:
    bot = Bot(db, analyser)
    await bot.read(TALKS)
    for relay in RELAYS:
        await bot.read(relay, at=bot.now + timedelta(minutes=30))
    counts = await db.source_counts([ORNSTEIN, "CaughtOffside", "TEAMtalk", "90min"])
    assert counts == {ORNSTEIN: [("talks", "", 1)], "CaughtOffside": [], "TEAMtalk": [], "90min": []}
    [thread] = await db.threads_about(club="Chelsea")
    assert [r.relayed_by for r in thread.reports if not r.duplicate][:3] == ["90min", "TEAMtalk", "CaughtOffside"]
    assert await db.inflations("TEAMtalk") == [(thread.state.id, ORNSTEIN, "offer", "talks")]
    assert await db.inflations("CaughtOffside") == []


async def test_a_done_appointment_resolves_the_thread_true_its_rivals_false_and_moves_the_counts(
    db: Store, analyser: Analyser
) -> None:
    bot = Bot(db, analyser)
    await bot.read(TALKS, SPURS_LINK)
    stats = await bot.read(APPOINTED, RIVAL, at=NOW + timedelta(days=3))
    resolved = [e for e in stats.events if e[0] == "resolved"]
    assert ("resolved", "Andoni Iraola", "Chelsea", "true") in resolved
    assert ("resolved", "Fabian Hürzeler", "Tottenham Hotspur", "false") in resolved  # Spurs hired someone else
    assert (await db.source_counts([ORNSTEIN]))[ORNSTEIN] == [("talks", "true", 1)]
    assert (await db.source_counts(["The Sun"]))["The Sun"] == [("linked", "false", 1)]
    [talks] = await db.threads_about(club="Chelsea")
    assert talks.resolution is not None
    assert (talks.resolution.outcome, talks.resolution.cause, talks.resolution.source) == (
        Outcome.TRUE,
        Cause.STORY,
        "Chelsea (official)",
    )
    assert talks.record == "Ornstein: 1 of 1 resolved manager call right"
    # An echo of the confirmation joins the resolved thread: no claim, no second resolution.
    again = await bot.read(ECHO, at=NOW + timedelta(days=3, hours=2))
    assert [e for e in again.events if e[0] == "resolved"] == []
    assert (await db.source_counts(["BBC Sport"]))["BBC Sport"] == []


async def test_a_trusted_appointment_is_learned_and_drives_own_club_binding_of_a_later_story(
    db: Store, analyser: Analyser
) -> None:
    bot = Bot(db, analyser)
    await bot.read(HIS_SIDE)
    [before] = await db.threads_about(manager="Andoni Iraola")
    assert before.state.club == "AFC Bournemouth"  # the knowledge base's club
    stats = await bot.read(APPOINTED, at=NOW + timedelta(days=1))
    assert stats.jobs == 1
    [job] = await db.job_rows()
    assert (job.manager, job.club, job.change, job.source) == (
        "Andoni Iraola",
        "Chelsea",
        JobChange.APPOINTED,
        "Chelsea (official)",
    )
    assert job.url.startswith("https://news.example/")
    assert bot.keeper.current["Andoni Iraola"] == "Chelsea"
    assert bot.keeper.current["Liam Rosenior"] == ""  # the shipped holder's job ended with it
    # A week later: a story line of its own, not an echo of the (resolved) appointment thread.
    await bot.read(("t13-later", *HIS_SIDE[1:]), at=NOW + timedelta(days=7))
    newest = (await db.threads_about(manager="Andoni Iraola"))[0]
    assert (newest.state.club, newest.state.stage.value) == ("Chelsea", "under_pressure")


async def test_a_tier_two_departure_needs_a_second_independent_voice_to_be_learned(
    db: Store, analyser: Analyser
) -> None:
    bot = Bot(db, analyser)
    assert (await bot.read(EDDIE_LEFT)).jobs == 0
    assert (await bot.read(EDDIE_LEFT_AGAIN, at=NOW + timedelta(hours=1))).jobs == 1
    [job] = await db.job_rows()
    assert (job.manager, job.change, job.club) == ("Eddie Howe", JobChange.LEFT, "Newcastle United")


async def test_quiet_threads_go_cold_a_denied_one_false_and_an_operator_override_is_logged(
    db: Store, analyser: Analyser
) -> None:
    bot = Bot(db, analyser)
    await bot.read(TALKS, DENIAL)
    bot.now = NOW + timedelta(days=59)
    assert await bot.resolver.sweep() == 0
    bot.now = NOW + timedelta(days=61)
    assert await bot.resolver.sweep() == 2
    [talks] = await db.threads_about(club="Chelsea")
    [denied] = await db.threads_about(club="Newcastle United")
    assert talks.resolution is not None
    assert denied.resolution is not None
    assert (talks.resolution.outcome, talks.resolution.cause) == (Outcome.COLD, Cause.QUIET)
    assert (denied.resolution.outcome, denied.resolution.cause) == (Outcome.FALSE, Cause.QUIET)
    assert (await db.source_counts(["Sky Sports News"]))["Sky Sports News"] == [("denied", "false", 1)]
    assert talks.state.id is not None
    state = await bot.resolver.resolve(talks.state.id, Outcome.TRUE, "cli:ops", "announced on the club's site")
    assert state is not None
    assert (await db.source_counts([ORNSTEIN]))[ORNSTEIN] == [("talks", "true", 1)]  # moved, not added
    [talks] = await db.threads_about(club="Chelsea")
    assert talks.resolution is not None
    assert (talks.resolution.cause, talks.resolution.actor, talks.resolution.note) == (
        Cause.OPERATOR,
        "cli:ops",
        "announced on the club's site",
    )
    assert await bot.resolver.resolve(999_999, Outcome.TRUE, "cli:ops") is None


async def test_tier_overrides_and_pinned_boards_are_kept_per_chat(db: Store) -> None:
    chat = "test:fans:"
    assert await db.set_tier_override(chat, ORNSTEIN, 2) is True
    assert await db.set_tier_override(chat, ORNSTEIN, 2) is False
    assert await db.tier_overrides(chat) == {ORNSTEIN: 2}
    assert await db.tier_overrides("test:other:") == {}
    assert await db.set_tier_override(chat, ORNSTEIN, None) is True
    assert await db.tier_overrides(chat) == {}
    assert await db.pin_board(chat, "sackrace", "", NOW) is True
    assert await db.pin_board(chat, "sackrace", "", NOW) is False
    assert await db.pin_board(chat, "vacancies", "Premier League", NOW) is True
    [board, _] = await db.boards(chat)
    await db.board_posting(board.id, NOW)
    await db.board_shown(board.id, "m1", "abc", NOW + timedelta(seconds=1))
    [board, _] = await db.boards(chat)
    assert (board.message_id, board.digest, board.posting_at, board.updated_at) == (
        "m1",
        "abc",
        None,
        NOW + timedelta(seconds=1),
    )
    assert await db.unpin_board(chat, "sackrace", "") is True
    await db.deactivate_chat(chat)
    assert await db.boards(chat) == []


async def test_open_threads_leave_out_the_skipped_stages_unless_kept(db: Store) -> None:
    async def thread(club: str, stage: Relation, outcome: Outcome | None = None) -> int:
        return await add_thread(db, "Eddie Howe", club, stage, [(NOW, ORNSTEIN, 1)], outcome=outcome)

    stays = await thread("Newcastle United", Relation.STAYS)
    talks = await thread("Chelsea", Relation.TALKS)
    extension = await thread("Tottenham Hotspur", Relation.EXTENSION)
    await thread("Arsenal", Relation.TALKS, Outcome.FALSE)
    since = NOW - timedelta(days=1)
    async with db.transaction() as tx:
        every = await tx.open_threads(["Eddie Howe"], [], since)
        kept = await tx.open_threads(
            ["Eddie Howe"], [], since, skip_stages=["stays", "extension"], keep=[extension, 999_999]
        )
        none_kept = await tx.open_threads([], ["Newcastle United"], since, skip_stages=["stays"])
    assert sorted(every) == [stays, talks, extension]
    assert sorted(kept) == [talks, extension]
    assert none_kept == {}
