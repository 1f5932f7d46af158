"""One contract for every store backend: each test runs on SQLite and on PostgreSQL (``store_url``).

Stores are opened through ``bot.app.open_store``, so the URL routing is under test too. PostgreSQL
tests skip with the reason when no server answers (see ``pg_url`` in tests/conftest.py); the last
tests are PostgreSQL-only: concurrent claimers, migrators and ingests across separate pools.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta

import pytest

from bot.analysis.analyser import Analyser
from bot.domain import Relation
from bot.rumours.threads import current_heat
from bot.store.base import ChatPrefs, EntryDecision, NewEntry, ReportTrace, StoreError, link_key
from bot.store.migrate import load_migrations
from bot.store.postgres import PostgresStore
from bot.store.sql import Store
from tests.fakes.clock import FakeClock
from tests.fakes.feed_server import FeedServer
from tests.fakes.recording_sender import RecordingSender
from tests.store.contract_support import (
    AGREED,
    FAN,
    FEED_A,
    FEED_B,
    FEED_C,
    LINKED,
    NOW,
    SACKED,
    TALKS,
    TALKS_COPY,
    Running,
    ingest,
    insert_then_fail,
    open_url,
    publish,
)

Pools = Callable[..., Awaitable[list[PostgresStore]]]


# -- migrations ---------------------------------------------------------------------------------


async def test_migrate_applies_every_version_once_and_reopening_applies_none(store_url: str) -> None:
    latest = len(load_migrations("sqlite"))
    store = await open_url(store_url, migrate=False)
    try:
        assert await store.schema_version() == 0
        assert await store.migrate() == list(range(1, latest + 1))
        assert await store.schema_version() == latest
        assert await store.migrate() == []
    finally:
        await store.close()
    again = await open_url(store_url)
    try:
        assert (await again.migrate(), await again.schema_version()) == ([], latest)
    finally:
        await again.close()


# -- follows and chat preferences ---------------------------------------------------------------


async def test_follow_says_whether_it_changed_anything_and_unfollow_whether_it_removed(db: Store) -> None:
    chat = "test:fans:"
    assert await db.follow(chat, "manager", "Xabi Alonso", "", NOW) is True
    assert await db.follow(chat, "manager", "Xabi Alonso", "", NOW) is False
    assert await db.follow(chat, "manager", "Xabi Alonso", "@scouts", NOW) is True
    for club in ("Bayern Munich", "atalanta", "Arsenal"):
        await db.follow(chat, "club", club, "", NOW)
    # Byte order on both backends (upper case before lower case), whatever the server's collation.
    assert [(s.chat_key, s.target_kind, s.target, s.ping_role, s.active) for s in await db.following(chat)] == [
        (chat, "club", "Arsenal", "", True),
        (chat, "club", "Bayern Munich", "", True),
        (chat, "club", "atalanta", "", True),
        (chat, "manager", "Xabi Alonso", "@scouts", True),
    ]
    assert await db.unfollow(chat, "club", "Arsenal") is True
    assert await db.unfollow(chat, "club", "Arsenal") is False
    assert await db.following("test:nobody:") == []


async def test_deactivating_a_chat_pauses_its_topics_too_but_a_topic_key_only_that_topic(db: Store) -> None:
    chat, topic, lookalike = "telegram:-100:", "telegram:-100:7", "telegram:-1001:"
    for key in (chat, topic, lookalike):
        await db.follow(key, "all", "all", "", NOW)
    assert await db.deactivate_chat(chat) == 2
    assert [s.active for key in (chat, topic, lookalike) for s in await db.following(key)] == [False, False, True]
    assert await db.deactivate_chat(chat) == 0
    assert await db.follow(chat, "all", "all", "", NOW) is True  # following again re-activates
    assert await db.follow(topic, "all", "all", "", NOW) is True
    assert await db.deactivate_chat(topic) == 1
    assert [s.active for key in (chat, topic) for s in await db.following(key)] == [True, False]


async def test_chat_prefs_are_the_defaults_until_set_and_setting_again_overwrites(db: Store) -> None:
    assert await db.chat_prefs("test:c:") == ChatPrefs()
    await db.set_chat_prefs("test:c:", ChatPrefs(mode="daily", min_tier=2, min_stage="talks"))
    await db.set_chat_prefs("test:c:", ChatPrefs(mode="hourly", min_tier=1, min_stage="agreed"))
    assert await db.chat_prefs("test:c:") == ChatPrefs(mode="hourly", min_tier=1, min_stage="agreed")
    assert await db.chat_prefs("test:other:") == ChatPrefs()


# -- feeds and entries --------------------------------------------------------------------------


async def test_sync_feeds_adds_only_new_urls_and_new_feeds_are_due_at_once(db: Store) -> None:
    assert await db.sync_feeds([(FEED_A, "BBC"), (FEED_B, ""), (FEED_A, "again")], NOW) == 2
    assert await db.sync_feeds([(FEED_A, "BBC"), (FEED_C, "Sky")], NOW) == 1
    assert await db.sync_feeds([], NOW) == 0
    feeds = await db.list_feeds()
    assert [(f.url, f.outlet, f.first_poll_done, f.next_poll_at, f.failures, f.title) for f in feeds] == [
        (FEED_A, "BBC", False, None, 0, ""),
        (FEED_B, "", False, None, 0, ""),
        (FEED_C, "Sky", False, None, 0, ""),
    ]
    assert [f.url for f in await db.due_feeds(NOW, 10)] == [FEED_A, FEED_B, FEED_C]
    assert len(await db.due_feeds(NOW, 2)) == 2


async def test_fetches_move_a_feed_through_polling_backoff_disabling_and_re_adding(db: Store) -> None:
    feed = await db.add_feed(FEED_A, "BBC", NOW)
    assert (feed.url, feed.outlet, feed.next_poll_at, feed.disabled_reason, feed.last_ok_at) == (
        FEED_A, "BBC", None, None, None)  # fmt: skip
    later = NOW + timedelta(minutes=5)
    await db.record_fetch_ok(feed.id, etag='"v1"', last_modified="Wed, 11 Jun 2025 08:00:00 GMT",
                             next_poll_at=later, now=NOW, title="BBC Sport - Football")  # fmt: skip
    [ok] = await db.list_feeds()
    assert (ok.etag, ok.last_modified, ok.first_poll_done, ok.next_poll_at, ok.last_ok_at, ok.title) == (
        '"v1"', "Wed, 11 Jun 2025 08:00:00 GMT", True, later, NOW, "BBC Sport - Football")  # fmt: skip
    assert await db.due_feeds(later - timedelta(microseconds=1), 10) == []
    assert await db.due_feeds(later, 10) == [ok]
    await db.record_fetch_ok(feed.id, etag='"v2"', last_modified=None, next_poll_at=later, now=NOW)
    [kept] = await db.list_feeds()
    assert (kept.etag, kept.last_modified, kept.title) == (
        '"v2"',
        None,
        "BBC Sport - Football",
    )  # no title in the feed: keep the last
    t1, t2 = NOW + timedelta(hours=1), NOW + timedelta(hours=2)
    assert await db.record_fetch_failure(feed.id, error="HTTP 500", next_poll_at=t2, now=t1, disable=False) == 1
    [failing] = await db.list_feeds()
    assert (failing.failures, failing.failing_since, failing.last_error, failing.disabled_reason) == (
        1, t1, "HTTP 500", None)  # fmt: skip
    assert await db.record_fetch_failure(feed.id, error="HTTP 503", next_poll_at=t2, now=t2, disable=True) == 2
    [disabled] = await db.list_feeds()
    assert (disabled.failures, disabled.failing_since, disabled.disabled_reason) == (2, t1, "HTTP 503")
    assert await db.due_feeds(NOW + timedelta(days=30), 10) == []
    again = await db.add_feed(FEED_A, "BBC Sport", t2)
    assert (again.id, again.outlet, again.failures, again.failing_since, again.last_error) == (
        feed.id, "BBC Sport", 0, None, None)  # fmt: skip
    assert (again.disabled_reason, again.next_poll_at, again.etag) == (None, None, '"v2"')
    assert await db.due_feeds(t2, 10) == [again]
    assert await db.record_fetch_failure(10**9, error="x", next_poll_at=t2, now=t2, disable=False) == 0


async def test_a_moved_feed_takes_its_new_url_unless_another_feed_already_has_it(db: Store) -> None:
    a, b = await db.add_feed(FEED_A, "", NOW), await db.add_feed(FEED_B, "", NOW)
    await db.record_fetch_ok(a.id, etag=None, last_modified=None, next_poll_at=NOW, now=NOW, moved_to=FEED_C)
    await db.record_fetch_ok(b.id, etag='"b"', last_modified=None, next_poll_at=NOW, now=NOW, moved_to=FEED_C)
    assert [(f.id, f.url, f.etag) for f in await db.list_feeds()] == [(a.id, FEED_C, None), (b.id, FEED_B, '"b"')]
    assert await db.remove_feed(FEED_C) is True
    assert await db.remove_feed(FEED_C) is False
    assert [f.url for f in await db.list_feeds()] == [FEED_B]


async def test_entries_are_stored_once_per_feed_and_a_failed_transaction_stores_nothing(db: Store) -> None:
    feed, other = await db.add_feed(FEED_A, "", NOW), await db.add_feed(FEED_B, "", NOW)
    entry = NewEntry("k1", "Title", "https://news.example/1", NOW, False)
    async with db.transaction() as tx:
        first = await tx.insert_entries(feed.id, [entry, NewEntry("k2", "", "", None, True), entry], NOW)
    assert sorted(first) == ["k1", "k2"]
    async with db.transaction() as tx:
        second = await tx.insert_entries(feed.id, [entry, NewEntry("k3", "", "", None, False)], NOW)
        assert await tx.insert_entries(feed.id, [], NOW) == {}
    assert list(second) == ["k3"]
    assert len({*first.values(), *second.values()}) == 3
    many = [f"x{i}" for i in range(1200)]  # more than one SQLite parameter chunk
    assert await db.known_entry_keys(feed.id, [*many, "k1", "k3"]) == {"k1", "k3"}
    assert await db.known_entry_keys(feed.id, []) == set()
    assert await db.known_entry_keys(other.id, ["k1"]) == set()
    with pytest.raises(RuntimeError, match="boom"):
        await insert_then_fail(db, feed.id, NewEntry("k4", "", "", None, False))
    assert await db.known_entry_keys(feed.id, ["k4"]) == set()
    await db.remove_feed(FEED_A)
    assert await db.known_entry_keys(feed.id, ["k1"]) == set()


# -- ingest, deliveries and thread views --------------------------------------------------------


async def test_ingest_threads_a_rumour_and_queues_one_delivery_per_interested_chat(
    db: Store, analyser: Analyser
) -> None:
    await db.follow("test:fan:", "manager", "Xabi Alonso", "@here", NOW)
    await db.follow("test:fan:", "club", "Bayern Munich", "", NOW)  # same chat twice: one delivery
    await db.follow("test:bayern:", "club", "Bayern Munich", "", NOW)
    await db.follow("test:all:", "all", "all", "", NOW)
    await db.follow("test:madrid:", "club", "Real Madrid", "", NOW)
    await db.follow("test:paused:", "all", "all", "", NOW)
    await db.deactivate_chat("test:paused:")
    await db.set_chat_prefs("test:picky:", ChatPrefs(min_stage="agreed"))
    await db.follow("test:picky:", "all", "all", "", NOW)
    stats = await ingest(db, analyser, [TALKS])
    assert (stats.new_entries, stats.rumours, stats.events) == (
        1,
        1,
        [("created", "Xabi Alonso", "Bayern Munich", "talks")],
    )
    claimed = await db.claim_deliveries(["test"], NOW, 10)
    assert [d.id for d in claimed] == sorted(d.id for d in claimed)
    assert sorted((d.chat_key, d.ping_role, d.event_kind, d.stage, d.source, d.attempts) for d in claimed) == [
        ("test:all:", "", "created", "talks", "David Ornstein", 1),
        ("test:bayern:", "", "created", "talks", "David Ornstein", 1),
        ("test:fan:", "@here", "created", "talks", "David Ornstein", 1),
    ]
    [view] = await db.threads_about(manager="Xabi Alonso")
    assert {(d.thread_id, d.event_id) for d in claimed} == {(view.state.id, claimed[0].event_id)}
    again = await ingest(db, analyser, [TALKS])
    assert (again.new_entries, again.rumours, again.deliveries) == (0, 0, 0)


async def test_claims_follow_platform_due_time_and_limit_and_digest_chats_wait(db: Store, analyser: Analyser) -> None:
    for chat in ("test:a:", "other:b:", "test:digest:"):
        await db.follow(chat, "all", "all", "", NOW)
    await db.set_chat_prefs("test:digest:", ChatPrefs(mode="hourly"))
    assert (await ingest(db, analyser, [TALKS, SACKED])).deliveries == 6
    assert await db.claim_deliveries([], NOW, 10) == []
    first = await db.claim_deliveries(["test"], NOW, 1)
    rest = await db.claim_deliveries(["test"], NOW, 10)
    assert [d.chat_key for d in first + rest] == ["test:a:", "test:a:"]
    assert first[0].id < rest[0].id
    assert await db.claim_deliveries(["test"], NOW, 10) == []
    digest = await db.claim_deliveries(["test"], NOW + timedelta(hours=1), 10)
    assert [d.chat_key for d in digest] == ["test:digest:", "test:digest:"]
    other = await db.claim_deliveries(["test", "other"], NOW + timedelta(hours=1), 10)
    assert [d.chat_key for d in other] == ["other:b:", "other:b:"]


async def test_sent_retry_failed_in_flight_and_release_decide_what_is_claimed_again(
    db: Store, analyser: Analyser
) -> None:
    chats = [f"test:c{n}:" for n in range(5)]
    for chat in chats:
        await db.follow(chat, "all", "all", "", NOW)
    await ingest(db, analyser, [TALKS])
    by_chat = {d.chat_key: d for d in await db.claim_deliveries(["test"], NOW, 10)}
    sent, unremembered, retried, failed, flying = (by_chat[c] for c in chats)
    await db.delivery_sent(sent.id, "m1", NOW)
    await db.delivery_sent(sent.id, "m9", NOW)  # the thread's first message stays the one to edit
    await db.delivery_sent(unremembered.id, "m2", NOW, remember_message=False)
    await db.delivery_retry(retried.id, "429 Too Many Requests", NOW + timedelta(seconds=30))
    await db.delivery_failed(failed.id, "403 Forbidden")
    await db.delivery_in_flight(flying.id, NOW)
    thread = sent.thread_id
    assert [await db.thread_message(thread, c) for c in chats[:2]] == ["m1", None]
    assert await db.thread_message(thread + 1, chats[0]) is None
    assert await db.claim_deliveries(["test"], NOW, 10) == []
    [again] = await db.claim_deliveries(["test"], NOW + timedelta(seconds=30), 10)
    assert (again.id, again.attempts) == (retried.id, 2)
    # A crash now: the in-flight row is presumed delivered, the other claimed row is re-queued.
    assert await db.release_claims() == 1
    [third] = await db.claim_deliveries(["test"], NOW + timedelta(minutes=1), 10)
    assert (third.id, third.attempts) == (retried.id, 3)
    await db.delivery_in_flight(third.id, NOW)
    await db.delivery_in_flight(third.id, None)  # the platform refused: not in flight after all
    assert await db.release_claims() == 1
    [fourth] = await db.claim_deliveries(["test"], NOW + timedelta(minutes=1), 10)
    await db.delivery_sent(fourth.id, "m3", NOW)
    await db.delivery_in_flight(fourth.id, NOW)  # only a 'sending' row can be in flight
    assert await db.release_claims() == 0
    assert await db.claim_deliveries(["test"], NOW + timedelta(days=1), 10) == []
    assert await db.thread_message(thread, chats[2]) == "m3"


async def test_deactivating_a_chat_drops_its_queued_and_claimed_deliveries(db: Store, analyser: Analyser) -> None:
    for chat in ("test:g:", "test:g:5", "test:h:"):
        await db.follow(chat, "all", "all", "", NOW)
    await ingest(db, analyser, [TALKS])
    assert len(await db.claim_deliveries(["test"], NOW, 10)) == 3
    await ingest(db, analyser, [SACKED], batch="b")
    assert await db.deactivate_chat("test:g:") == 2
    assert [d.chat_key for d in await db.claim_deliveries(["test"], NOW, 10)] == ["test:h:"]
    assert await db.release_claims() == 2  # test:h:'s two claimed rows; test:g:'s were dropped


async def test_delivery_counts_give_the_outbox_by_status(db: Store, analyser: Analyser) -> None:
    assert await db.delivery_counts() == {}
    chats = {"test:a:", "test:b:", "test:c:", "test:d:"}
    for chat in chats:
        await db.follow(chat, "all", "all", "", NOW)
    await ingest(db, analyser, [TALKS])
    assert await db.delivery_counts() == {"pending": 4}
    sent, failed, sending = await db.claim_deliveries(["test"], NOW, 3)
    await db.delivery_sent(sent.id, "m1", NOW)
    await db.delivery_failed(failed.id, "rejected")
    [unclaimed] = chats - {sent.chat_key, failed.chat_key, sending.chat_key}
    await db.deactivate_chat(unclaimed)
    assert await db.delivery_counts() == {"sent": 1, "failed": 1, "sending": 1, "dropped": 1}


async def test_thread_views_show_reports_newest_first_the_stage_timeline_and_decayed_heat(
    db: Store, analyser: Analyser
) -> None:
    t1, t2 = NOW + timedelta(minutes=30), NOW + timedelta(hours=1)
    await ingest(db, analyser, [TALKS, SACKED])
    await ingest(db, analyser, [TALKS_COPY], at=t1, batch="b")
    await ingest(db, analyser, [AGREED], at=t2, batch="c")
    [view] = await db.threads_about(manager="Xabi Alonso")
    assert (view.state.manager, view.state.club, view.state.stage) == ("Xabi Alonso", "Bayern Munich", Relation.AGREED)
    published = timedelta(minutes=5)  # before each ingest
    assert (view.state.first_seen, view.state.last_update, view.state.corroboration) == (
        NOW - published,
        t2 - published,
        1,
    )
    assert [(r.source, r.relation, r.duplicate, r.reported_at) for r in view.reports] == [
        ("David Ornstein", "agreed", False, t2 - published),
        ("unknown", "talks", True, t1 - published),  # a copy with no source named
        ("David Ornstein", "talks", False, NOW - published),
    ]
    assert [(s.stage, s.source, s.at) for s in view.timeline] == [
        ("talks", "David Ornstein", NOW),
        ("agreed", "David Ornstein", t2),
    ]
    assert view.state.id is not None
    assert await db.thread(view.state.id) == view
    assert await db.threads_about(club="Bayern Munich") == [view]
    assert await db.thread(10**9) is None
    assert await db.threads_about(manager="Nobody") == []
    assert len(await db.threads_about(club="Chelsea", limit=0)) == 0
    later = t2 + timedelta(hours=12)
    hot = await db.hot_threads(later, 5)
    assert [h.state.club for h in hot] == ["Bayern Munich", "Chelsea"]
    assert hot[0].heat == pytest.approx(current_heat(view.heat, view.state.last_update, later))
    assert hot[0].heat < view.heat
    assert len(await db.hot_threads(later, 1)) == 1
    assert await db.hot_threads(t2 + timedelta(days=8), 5) == []


# -- what /why reads: entry decisions, links, reports and each event's delivery in one chat --------


async def test_entries_keep_their_decision_and_are_found_by_link_whatever_its_scheme_or_trackers(
    db: Store, analyser: Analyser
) -> None:
    await ingest(db, analyser, [TALKS])  # live: published five minutes before it was seen
    await ingest(db, analyser, [TALKS_COPY], batch="b", feed=FEED_B)  # a near-copy from another feed
    feed = await db.add_feed(FEED_C, "Wire", NOW)
    player = NewEntry("p", "Saka fit", "https://www.news.example/p/?utm_source=rss", None, False, "not_rumour")
    async with db.transaction() as tx:
        await tx.insert_entries(feed.id, [player], NOW)
    [view] = await db.threads_about(manager="Xabi Alonso")
    thread = view.state.id
    assert thread is not None
    [talks] = await db.entries_by_link(link_key("http://news.example/a0/"))
    assert (talks.feed, talks.title, talks.url, talks.decision, talks.is_rumour) == (
        FEED_A,
        TALKS[0],
        "https://news.example/a0",
        EntryDecision.LIVE,
        True,
    )
    assert (talks.published, talks.seen_at) == (NOW - timedelta(minutes=5), NOW)
    original = ReportTrace(thread, "Xabi Alonso", "Bayern Munich", "talks", "David Ornstein", 1, False, 1)
    assert talks.reports == (original,)
    [found] = await db.entries_by_link(link_key("https://news.example/p"))
    assert (found.feed, found.decision, found.is_rumour, found.reports, found.published) == (
        "Wire",
        "not_rumour",
        False,
        (),
        None,
    )
    assert await db.entries_by_link(link_key("https://news.example/elsewhere")) == []
    copy, first = await db.thread_entries(thread)  # newest first
    assert (copy.url, first.url) == ("https://news.example/b0", "https://news.example/a0")
    [duplicate] = copy.reports
    assert (duplicate.thread_id, duplicate.duplicate, duplicate.best_tier) == (thread, True, 1)
    assert await db.thread_entries(thread + 1) == []


async def test_thread_log_gives_each_event_with_what_became_of_it_in_one_chat(db: Store, analyser: Analyser) -> None:
    for chat in ("test:sent:", "test:retry:", "test:late:"):
        await db.follow(chat, "manager", "Xabi Alonso", "", NOW)
    await ingest(db, analyser, [TALKS])
    by_chat = {d.chat_key: d for d in await db.claim_deliveries(["test"], NOW, 10)}
    await db.delivery_sent(by_chat["test:sent:"].id, "m1", NOW + timedelta(seconds=2))
    await db.delivery_retry(by_chat["test:retry:"].id, "HTTP 502", NOW + timedelta(minutes=1))
    await ingest(db, analyser, [AGREED], at=NOW + timedelta(hours=1), batch="b")
    thread = by_chat["test:sent:"].thread_id
    created, stage, resolved = await db.thread_log(thread, "test:sent:")
    assert (created.kind, created.stage, created.source, created.at) == ("created", "talks", "David Ornstein", NOW)
    assert (created.status, created.attempts, created.sent_at, created.error) == (
        "sent",
        1,
        NOW + timedelta(seconds=2),
        None,
    )
    # A done agreement resolves the thread: the stage is stored, and told by the resolution's alert.
    assert (stage.kind, stage.stage, stage.at, stage.status) == ("stage", "agreed", NOW + timedelta(hours=1), None)
    assert (resolved.kind, resolved.stage, resolved.source, resolved.status, resolved.attempts) == (
        "resolved",
        "agreed",
        "David Ornstein",
        "pending",
        0,
    )
    assert resolved.due_at == NOW + timedelta(hours=1)
    retried, _, _ = await db.thread_log(thread, "test:retry:")
    assert (retried.status, retried.attempts, retried.error, retried.due_at) == (
        "pending",
        1,
        "HTTP 502",
        NOW + timedelta(minutes=1),
    )
    assert [e.status for e in await db.thread_log(thread, "test:nobody:")] == [None, None, None]
    assert await db.thread_log(thread + 1, "test:sent:") == []
    [late] = await db.following("test:late:")
    assert late.since == NOW


# -- the pipeline end to end: feeds on 127.0.0.1 → store → a recording chat, with a restart --------


async def test_first_poll_is_silent_a_new_rumour_alerts_once_and_a_restart_alerts_nothing(
    store_url: str, analyser: Analyser
) -> None:
    clock, sender = FakeClock(), RecordingSender()
    items: list[dict[str, str]] = []  # the feed's items, newest first
    async with FeedServer() as srv:
        publish(srv, clock, items, LINKED)
        async with Running.start(store_url, analyser, clock, sender) as bot:
            await bot.store.add_feed(srv.url("/wire.xml"), "", clock())
            await bot.store.follow(FAN.key, "manager", "Xabi Alonso", "", clock())
            first = await bot.cycle(clock)
            assert (first.new_entries, first.rumours, first.deliveries, sender.calls) == (1, 1, 0, [])
            publish(srv, clock, items, TALKS)
            assert (await bot.cycle(clock)).events == [("created", "Xabi Alonso", "Bayern Munich", "talks")]
            [alert] = sender.take()
            assert (alert.kind, alert.chat, await bot.dispatcher.run_once()) == ("send", FAN, 0)
        sender = RecordingSender(first_id=100)
        async with Running.start(store_url, analyser, clock, sender) as bot:
            again = await bot.cycle(clock)
            assert (again.fetched, again.new_entries, again.deliveries, sender.calls) == (1, 0, 0, [])
            publish(srv, clock, items, AGREED)
            await bot.cycle(clock)
            # The agreement resolves the Bayern thread (its alert edited, a reply). As Alonso signs
            # elsewhere it also resolves the Real Madrid thread of the first poll — which this chat never
            # heard of, so it is not told that it did not happen.
            edit, reply = sender.take()
            assert [(c.kind, c.message_id, c.reply_to) for c in (edit, reply)] == [
                ("edit", alert.message_id, None),
                ("send_text", "m100", alert.message_id),
            ]
            assert reply.text.startswith("Confirmed: Xabi Alonso agrees terms with Bayern Munich (David Ornstein)")


# -- language-model calls: cache by article and daily budget ---------------------------------------


async def test_llm_budget_counts_failed_calls_and_starts_again_on_the_next_utc_day(db: Store) -> None:
    first = await db.llm_reserve("article-a", NOW, 2)
    second = await db.llm_reserve("article-b", NOW, 2)
    assert first is not None
    assert second is not None
    assert first != second
    await db.llm_finish(first, error="timed out")
    assert await db.llm_reserve("article-c", NOW + timedelta(hours=1), 2) is None
    assert await db.llm_reserve("article-c", NOW, 0) is None
    next_day = NOW.replace(hour=0) + timedelta(days=1)
    assert await db.llm_reserve("article-c", next_day, 2) is not None
    assert await db.llm_reserve("article-c", next_day - timedelta(microseconds=1), 2) is None


async def test_llm_cache_holds_the_latest_successful_answer_and_never_a_failed_one(db: Store) -> None:
    assert await db.llm_cached("article-a") is None
    failed = await db.llm_reserve("article-a", NOW, 10)
    assert failed is not None
    await db.llm_finish(failed, error="HTTP 500")
    assert await db.llm_cached("article-a") is None
    for answer in ('{"summary": "one"}', '{"summary": "two"}'):
        call = await db.llm_reserve("article-a", NOW, 10)
        assert call is not None
        await db.llm_finish(call, response=answer)
    pending = await db.llm_reserve("article-a", NOW, 10)  # reserved, never finished
    assert pending is not None
    assert await db.llm_cached("article-a") == '{"summary": "two"}'
    assert await db.llm_cached("article-b") is None


async def test_llm_budget_holds_under_concurrent_reservations(db: Store) -> None:
    calls = await asyncio.gather(*(db.llm_reserve(f"article-{n}", NOW, 5) for n in range(12)))
    assert sum(call is not None for call in calls) == 5


# -- feed leases and delivery claims: work sharing between workers (docs/SCALING.md) -------------

LEASE = timedelta(seconds=60)


async def test_a_feed_lease_hides_the_feed_from_other_workers_until_it_expires_or_the_fetch_ends(
    db: Store,
) -> None:
    await db.sync_feeds([(FEED_A, ""), (FEED_B, ""), (FEED_C, "")], NOW)
    a, b, _ = await db.list_feeds()
    assert [f.url for f in await db.lease_due_feeds("w1", NOW, 2, LEASE)] == [FEED_A, FEED_B]
    assert [f.url for f in await db.lease_due_feeds("w2", NOW, 10, LEASE)] == [FEED_C]
    assert await db.lease_due_feeds("w2", NOW, 10, LEASE) == []
    assert await db.lease_holders() == {"w1", "w2"}
    # w1 lives on and renews; w2 does not: at NOW + 60 s only w2's lease has expired.
    assert await db.renew_leases("w1", NOW + 2 * LEASE) == 2
    assert [f.url for f in await db.lease_due_feeds("w3", NOW + LEASE - timedelta(seconds=1), 10, LEASE)] == []
    assert [f.url for f in await db.lease_due_feeds("w3", NOW + LEASE, 10, LEASE)] == [FEED_C]
    # Recording the fetch ends w1's lease on A; A is leased again only once it is due again.
    await db.record_fetch_ok(a.id, etag=None, last_modified=None, next_poll_at=NOW + LEASE, now=NOW)
    await db.record_fetch_failure(b.id, error="HTTP 500", next_poll_at=NOW, now=NOW, disable=False)
    assert await db.lease_holders() == {"w3"}
    assert [f.url for f in await db.lease_due_feeds("w4", NOW + timedelta(seconds=1), 10, LEASE)] == [FEED_B]
    # A worker known to be gone: its leases end at once.
    assert await db.drop_leases(["w3", "nobody"]) == 1
    assert await db.drop_leases([]) == 0
    assert [f.url for f in await db.lease_due_feeds("w5", NOW + LEASE, 10, LEASE)] == [FEED_C, FEED_A]
    assert await db.renew_leases("w3", NOW + 3 * LEASE) == 0


async def test_a_worker_that_overran_its_lease_records_its_fetch_but_leaves_the_new_holders_lease(
    db: Store,
) -> None:
    feed = await db.add_feed(FEED_A, "", NOW)
    assert [f.url for f in await db.lease_due_feeds("slow", NOW, 10, LEASE)] == [FEED_A]
    assert [f.url for f in await db.lease_due_feeds("next", NOW + LEASE, 10, LEASE)] == [FEED_A]  # slow's ran out
    await db.record_fetch_ok(
        feed.id, etag='"v2"', last_modified=None, next_poll_at=NOW + LEASE, now=NOW + LEASE, worker="slow"
    )
    await db.record_fetch_failure(
        feed.id, error="HTTP 500", next_poll_at=NOW + LEASE, now=NOW + LEASE, disable=False, worker="slow"
    )
    assert await db.lease_holders() == {"next"}  # nobody else can lease the feed while "next" polls it
    assert await db.lease_due_feeds("third", NOW + LEASE, 10, LEASE) == []
    [row] = await db.list_feeds()
    assert (row.etag, row.failures) == ('"v2"', 1)  # what the slow worker learnt is kept
    await db.record_fetch_ok(feed.id, etag='"v3"', last_modified=None, next_poll_at=NOW, now=NOW, worker="next")
    assert await db.lease_holders() == set()


async def test_disabled_feeds_are_never_leased(db: Store) -> None:
    feed = await db.add_feed(FEED_A, "", NOW)
    await db.record_fetch_failure(feed.id, error="HTTP 410", next_poll_at=NOW, now=NOW, disable=True)
    assert await db.lease_due_feeds("w1", NOW + timedelta(days=1), 10, LEASE) == []


async def test_delivery_claims_are_taken_back_only_when_expired_or_dropped_and_in_flight_ones_count_as_sent(
    db: Store, analyser: Analyser
) -> None:
    for n in range(4):
        await db.follow(f"test:c{n}:", "all", "all", "", NOW)
    await ingest(db, analyser, [TALKS])
    [kept] = await db.claim_deliveries(["test"], NOW, 1, worker="w1", lease_for=LEASE)
    flying, lost, other = await db.claim_deliveries(["test"], NOW, 10, worker="w2", lease_for=LEASE)
    await db.delivery_in_flight(flying.id, NOW)
    assert await db.lease_holders() == {"w1", "w2"}
    assert await db.release_claims(NOW + LEASE - timedelta(seconds=1)) == 0
    assert await db.renew_leases("w1", NOW + 3 * LEASE) == 1
    await db.delivery_sent(other.id, "m1", NOW)  # finished: no longer w2's claim
    # w2 died: at NOW + 61 s its unfinished claims expired; the one in flight is presumed delivered.
    assert await db.release_claims(NOW + LEASE + timedelta(seconds=1)) == 1
    assert await db.lease_holders() == {"w1"}
    [again] = await db.claim_deliveries(["test"], NOW + 2 * LEASE, 10, worker="w3", lease_for=LEASE)
    assert (again.id, again.attempts) == (lost.id, 2)
    assert [e.status for e in await db.thread_log(flying.thread_id, flying.chat_key)] == ["sent"]
    # w1 is known to be gone (say its process no longer exists): its claim expires at once.
    assert await db.drop_leases(["w1"]) == 1
    assert await db.release_claims(NOW + 2 * LEASE) == 1
    [back] = await db.claim_deliveries(["test"], NOW + 2 * LEASE, 10, worker="w3", lease_for=LEASE)
    assert back.id == kept.id


# -- PostgreSQL only: several pools (as several processes would have) on one database --------------


@pytest.fixture
async def pools(pg_url: str) -> AsyncIterator[Pools]:
    """``await pools(n, migrate=…)`` opens n stores on one fresh schema; all are closed afterwards."""
    opened: list[PostgresStore] = []

    async def open_pools(n: int, *, migrate: bool = True) -> list[PostgresStore]:
        opened.extend([await PostgresStore.open(pg_url, migrate=migrate) for _ in range(n)])
        return opened[-n:]

    yield open_pools
    for store in opened:
        await store.close()


async def test_postgres_concurrent_claimers_never_get_the_same_delivery(pools: Pools, analyser: Analyser) -> None:
    stores = await pools(3)
    for n in range(25):
        await stores[0].follow(f"test:c{n}:", "all", "all", "", NOW)
    assert (await ingest(stores[0], analyser, [TALKS, SACKED])).deliveries == 50
    rounds = await asyncio.gather(*(s.claim_deliveries(["test"], NOW, 4) for s in stores * 5))
    ids = [d.id for claimed in rounds for d in claimed]
    ids += [d.id for d in await stores[0].claim_deliveries(["test"], NOW, 100)]  # what no round reached
    assert len(ids) == len(set(ids)) == 50


async def test_postgres_concurrent_starters_apply_each_migration_once(pools: Pools) -> None:
    stores = await pools(4, migrate=False)
    applied = await asyncio.gather(*(s.migrate() for s in stores))
    latest = len(load_migrations("postgres"))
    assert sorted(v for versions in applied for v in versions) == list(range(1, latest + 1))
    assert (await stores[0].schema_version(), await stores[0].integrity_check()) == (latest, "ok")


async def test_postgres_concurrent_ingests_of_one_rumour_share_one_thread(pools: Pools, analyser: Analyser) -> None:
    stores = await pools(2)
    for url in (FEED_A, FEED_B):
        await stores[0].add_feed(url, "", NOW)
    await asyncio.gather(
        *(ingest(s, analyser, [TALKS], feed=url) for s, url in zip(stores, (FEED_A, FEED_B), strict=True))
    )
    [view] = await stores[0].threads_about(manager="Xabi Alonso")
    assert len(view.reports) == 2


async def test_postgres_store_that_cannot_connect_raises_store_error_without_the_password() -> None:
    with pytest.raises(StoreError, match=r"cannot open database postgresql://rb:\*\*\*@127\.0\.0\.1:1/x") as info:
        await PostgresStore.open("postgresql://rb:secret@127.0.0.1:1/x", connect_timeout=2)
    assert "secret" not in str(info.value)


async def test_postgres_concurrent_workers_never_lease_the_same_feed(pools: Pools) -> None:
    stores = await pools(3)
    await stores[0].sync_feeds([(f"https://feeds.example/{n}.xml", "") for n in range(60)], NOW)
    rounds = await asyncio.gather(*(s.lease_due_feeds(f"w{n}", NOW, 4, LEASE) for n, s in enumerate(stores * 4)))
    ids = [f.id for leased in rounds for f in leased]
    assert len(ids) == 48  # every caller got its four: SKIP LOCKED passes over rows, it does not give up
    ids += [f.id for f in await stores[0].lease_due_feeds("late", NOW, 100, LEASE)]
    assert len(ids) == len(set(ids)) == 60
