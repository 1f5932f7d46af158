"""/metrics, read with prometheus_client's own parser, after real polls of loopback feeds and real
sends; and the platforms' 429 answers counted through the real discord.py and PTB clients."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.analysis.analyser import Analyser
from bot.config import TelegramSettings
from bot.http.metrics import Metrics
from bot.platforms.telegram_adapter import TelegramAdapter
from bot.store.sqlite import SQLiteStore
from tests.fakes.discord_harness import CARD as DISCORD_CARD
from tests.fakes.discord_harness import TEXT
from tests.fakes.discord_harness import Harness as DiscordHarness
from tests.fakes.telegram_harness import PRIVATE
from tests.fakes.telegram_harness import harness as telegram_harness
from tests.http.rig import Rig, follow_everything, rig
from tests.store.contract_support import LINKED, TALKS

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def parse(text: str) -> Samples:
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples[(name, frozenset(labels.items()))]


async def scrape(r: Rig) -> Samples:
    status, text, headers = await r.get("/metrics")
    assert status == 200
    assert headers["Content-Type"].startswith("text/plain; version=")
    return parse(text)


@pytest.fixture
async def r(store: SQLiteStore, analyser: Analyser) -> AsyncIterator[Rig]:
    async with rig(store, analyser) as running:
        yield running


async def test_metrics_count_entries_rumours_and_alerts_of_real_polls_and_sends(r: Rig) -> None:
    await follow_everything(r)
    await r.store.add_feed(r.srv.url("/wire.xml"), "", r.clock())
    await r.store.add_feed(r.srv.url("/down.xml"), "", r.clock())
    r.srv.add("/down.xml", b"busy", status=503, content_type="text/plain")
    r.publish(LINKED)
    first = await r.cycle()  # the first poll of a feed stores its entries and alerts nobody
    assert (first.new_entries, first.rumours, first.deliveries, first.failed) == (1, 1, 0, 1)
    r.publish(TALKS)
    second = await r.cycle()
    assert (second.new_entries, second.rumours, second.deliveries) == (1, 1, 1)
    assert len(r.sender.calls) == 1

    m = await scrape(r)
    assert value(m, "rumourbot_entries_total") == 2
    assert value(m, "rumourbot_rumours_total") == 2
    assert value(m, "rumourbot_alerts_queued_total") == 1
    assert value(m, "rumourbot_alerts_sent_total", platform="test") == 1
    assert value(m, "rumourbot_alerts_failed_total", platform="test", reason="error") == 0
    assert value(m, "rumourbot_feed_polls_total", result="fetched") == 2
    assert value(m, "rumourbot_feed_polls_total", result="failed") == 1  # /down.xml is backing off since
    assert value(m, "rumourbot_poll_duration_seconds_count") == 2
    assert value(m, "rumourbot_poll_duration_seconds_sum") > 0
    assert value(m, "rumourbot_feeds", state="ok") == 1
    assert value(m, "rumourbot_feeds", state="backing_off") == 1
    assert value(m, "rumourbot_feeds", state="disabled") == 0
    assert value(m, "rumourbot_alerts", status="sent") == 1
    assert value(m, "rumourbot_alerts", status="pending") == 0
    assert value(m, "rumourbot_last_successful_poll_timestamp_seconds") == r.clock().timestamp()
    assert value(m, "rumourbot_platform_connected", platform="test") == 1
    assert value(m, "rumourbot_platform_rate_limit_waits_total", platform="test") == 0
    assert value(m, "rumourbot_store_up") == 1


async def test_idle_poll_cycles_add_no_duration_sample(r: Rig) -> None:
    await r.store.add_feed(r.srv.url("/wire.xml"), "", r.clock())
    r.publish(LINKED)
    await r.cycle()
    for _ in range(3):
        await r.poller.run_once()  # nothing is due again yet
    m = await scrape(r)
    assert value(m, "rumourbot_poll_duration_seconds_count") == 1


async def test_failed_sends_are_counted_by_reason_and_the_retry_is_pending_in_the_outbox(r: Rig) -> None:
    await follow_everything(r)
    await r.store.add_feed(r.srv.url("/wire.xml"), "", r.clock())
    r.publish(LINKED)
    await r.cycle()

    async def refuse(*args: object, **kwargs: object) -> str:
        raise OSError("connection reset")

    r.sender.send = refuse  # type: ignore[method-assign]  # the platform's network fails, not the dispatcher
    r.publish(TALKS)
    await r.cycle()
    m = await scrape(r)
    assert value(m, "rumourbot_alerts_failed_total", platform="test", reason="error") == 1
    assert value(m, "rumourbot_alerts_sent_total", platform="test") == 0
    assert value(m, "rumourbot_alerts", status="pending") == 1


def test_each_app_has_its_own_registry() -> None:
    one, two = Metrics(), Metrics()
    one.rate_limited("telegram")()
    assert parse(one.exposition().decode())[("rumourbot_platform_rate_limit_waits_total",
                                             frozenset({("platform", "telegram")}))] == 1  # fmt: skip
    assert ("rumourbot_platform_rate_limit_waits_total", frozenset({("platform", "telegram")})) not in parse(
        two.exposition().decode()
    )


@pytest.mark.filterwarnings("ignore:.*attribute `retry_after` will be of type:telegram.warnings.PTBDeprecationWarning")
async def test_a_telegram_429_is_counted_as_a_rate_limit_wait() -> None:
    metrics = Metrics()
    async with telegram_harness() as h:
        settings = TelegramSettings(api_base_url=h.srv.base_url, file_base_url=h.srv.file_url, max_retries=2)
        tg = TelegramAdapter(
            h.srv.token, settings, h.handler, h.on_gone, on_rate_limited=metrics.rate_limited("telegram")
        )
        h.adapters.append(tg)
        await tg.start()
        assert tg.connected
        h.srv.rate_limit_next(retry_after=1)
        await tg.send_text(PRIVATE, "hello")
        await tg.send_text(PRIVATE, "again")
    assert tg.connected is False
    m = parse(metrics.exposition().decode())
    assert value(m, "rumourbot_platform_rate_limit_waits_total", platform="telegram") == 1


async def test_a_discord_429_is_counted_as_a_rate_limit_wait() -> None:
    metrics = Metrics()
    async with DiscordHarness.running(start_bot=False) as h:
        bot = await h.start_bot(on_rate_limited=metrics.rate_limited("discord"))
        assert bot.connected
        h.srv.fail_posts(429, retry_after=0.2)
        await bot.send(TEXT, DISCORD_CARD)
        await bot.send(TEXT, DISCORD_CARD)
    assert bot.connected is False
    m = parse(metrics.exposition().decode())
    assert value(m, "rumourbot_platform_rate_limit_waits_total", platform="discord") == 1
