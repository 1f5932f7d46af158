"""The language model through the real ingest path: its summaries reach the alert; every failure —
garbage, wrong shape, time-out, HTTP errors, a refused connection, a spent budget — falls back to
the built-in analysis with the story still threaded and alerted; answers are cached by article."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.analysis.analyser import Analyser
from bot.analysis.gazetteer import Gazetteer
from tests.fakes.feed_server import FeedServer
from tests.fakes.llm_server import FakeLLM
from tests.llm.support import (
    API_KEY,
    FAN,
    GOOD_ANSWER,
    GOSSIP,
    MODEL_SUMMARY,
    TALKS_TEXT,
    TALKS_TITLE,
    WIRE,
    World,
    builtin_summary,
    llm_config,
)
from tests.ports import refused_port

SACKED_TITLE = "Chelsea sack Enzo Maresca"
SACKED_TEXT = "Chelsea have sacked head coach Enzo Maresca, the club said in a statement."


@pytest.fixture
async def llm() -> AsyncIterator[FakeLLM]:
    async with FakeLLM(answer=GOOD_ANSWER) as fake:
        yield fake


async def make_world(tmp_path: Path, llm: FakeLLM, analyser: Analyser, gazetteer: Gazetteer, **env: str) -> World:
    srv = FeedServer()
    await srv.__aenter__()
    world = World(srv, llm, f"sqlite:///{tmp_path / 'bot.db'}", analyser, gazetteer, llm_config(llm, **env))
    await world.open()
    await world.first_poll()
    return world


@pytest.fixture
async def world(tmp_path: Path, llm: FakeLLM, analyser: Analyser, gazetteer: Gazetteer) -> AsyncIterator[World]:
    w = await make_world(tmp_path, llm, analyser, gazetteer, RUMOURBOT_LLM__TIMEOUT_SECONDS="0.5")
    try:
        yield w
    finally:
        await w.close()
        await w.srv.close()


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "bot.llm.analysis" and r.levelno >= logging.WARNING]


async def test_summary_from_the_model_reaches_the_thread_and_the_alert(world: World, llm: FakeLLM) -> None:
    world.publish(WIRE, "w1", TALKS_TITLE, TALKS_TEXT)
    stats = await world.cycle()
    assert stats.events == [("created", "Xabi Alonso", "Bayern Munich", "talks")]
    [alert] = world.sender.take()
    assert alert.chat == FAN
    assert alert.card is not None
    assert alert.card.title == "Xabi Alonso → Bayern Munich: talks"
    assert alert.card.body == MODEL_SUMMARY
    [thread] = await world.store.threads_about(manager="Xabi Alonso")
    assert thread.state.summary == MODEL_SUMMARY
    [request] = llm.requests
    assert request.headers["Authorization"] == f"Bearer {API_KEY}"
    assert request.body["model"] == "fake-model"
    assert request.body["response_format"] == {"type": "json_object"}
    assert TALKS_TITLE in request.user_message
    assert "David Ornstein" in request.user_message
    system = next(m["content"] for m in request.body["messages"] if m["role"] == "system")
    assert '"is_manager_rumour"' in system
    assert "under_pressure" in system


@pytest.mark.parametrize(
    ("mode", "status", "problem"),
    [
        ("garbage", 0, "answer is not JSON"),
        ("wrong_shape", 0, "answer does not match the schema"),
        ("slow", 0, "no answer within 0.5 s"),
        ("error", 500, "HTTP 500"),
        ("error", 429, "HTTP 429"),
        ("broken", 0, "the service's response is not JSON"),
    ],
)
async def test_a_failing_model_falls_back_to_the_built_in_analysis_and_the_story_is_alerted(
    world: World,
    llm: FakeLLM,
    analyser: Analyser,
    caplog: pytest.LogCaptureFixture,
    mode: str,
    status: int,
    problem: str,
) -> None:
    llm.mode = mode  # type: ignore[assignment]
    llm.status = status or 500
    llm.delay = 3.0
    world.publish(WIRE, "w1", TALKS_TITLE, TALKS_TEXT)
    with caplog.at_level(logging.WARNING):
        stats = await world.cycle()
    assert len(llm.requests) == 1  # one try: the client does not retry behind the budget's back
    assert stats.events == [("created", "Xabi Alonso", "Bayern Munich", "talks")]
    [alert] = world.sender.take()
    assert alert.card is not None
    assert alert.card.title == "Xabi Alonso → Bayern Munich: talks"
    assert alert.card.body == builtin_summary(analyser, TALKS_TITLE, TALKS_TEXT) != MODEL_SUMMARY
    [line] = warnings(caplog)
    assert problem in line
    assert "https://news.example/w1" in line
    assert "built-in analysis" in line
    assert TALKS_TEXT not in line


async def test_a_refused_connection_falls_back_and_names_the_problem(
    tmp_path: Path, llm: FakeLLM, analyser: Analyser, gazetteer: Gazetteer, caplog: pytest.LogCaptureFixture
) -> None:
    w = await make_world(
        tmp_path, llm, analyser, gazetteer, RUMOURBOT_LLM__BASE_URL=f"http://127.0.0.1:{refused_port()}/v1"
    )
    try:
        w.publish(WIRE, "w1", SACKED_TITLE, SACKED_TEXT)
        with caplog.at_level(logging.WARNING):
            stats = await w.cycle()
        assert stats.events == [
            ("created", "Enzo Maresca", "Chelsea", "sacked"),
            ("resolved", "Enzo Maresca", "Chelsea", "true"),  # a thread born at its outcome is resolved at once
        ]
        [alert] = w.sender.take()
        assert alert.card is not None
        assert alert.card.body == builtin_summary(analyser, SACKED_TITLE, SACKED_TEXT)
        [line] = warnings(caplog)
        assert "cannot connect" in line
    finally:
        await w.close()
        await w.srv.close()


async def test_a_spent_daily_budget_stops_calls_until_the_next_utc_day_and_loses_no_story(
    tmp_path: Path, llm: FakeLLM, analyser: Analyser, gazetteer: Gazetteer, caplog: pytest.LogCaptureFixture
) -> None:
    w = await make_world(tmp_path, llm, analyser, gazetteer, RUMOURBOT_LLM__DAILY_BUDGET="1")
    try:
        llm.mode = "garbage"  # a failed call counts against the budget too
        w.publish(WIRE, "w1", TALKS_TITLE, TALKS_TEXT)
        await w.cycle()
        llm.mode = "good"
        w.publish(GOSSIP, "g1", SACKED_TITLE, SACKED_TEXT)
        with caplog.at_level(logging.WARNING):
            stats = await w.cycle()
        assert len(llm.requests) == 1
        assert stats.events == [
            ("created", "Enzo Maresca", "Chelsea", "sacked"),
            ("resolved", "Enzo Maresca", "Chelsea", "true"),  # a thread born at its outcome is resolved at once
        ]
        [alert] = [c for c in w.sender.take() if c.card and c.card.title.startswith("Enzo Maresca")]
        assert alert.card is not None
        assert alert.card.body == builtin_summary(analyser, SACKED_TITLE, SACKED_TEXT)
        assert any("daily budget of 1 call(s) spent" in line for line in warnings(caplog))
        w.clock.advance(days=1)
        w.publish(WIRE, "w2", TALKS_TITLE + " again", TALKS_TEXT + " Talks continue.")
        await w.cycle()
        assert len(llm.requests) == 2
    finally:
        await w.close()
        await w.srv.close()


async def test_a_cached_answer_makes_no_second_request_even_after_the_store_is_reopened(
    world: World, llm: FakeLLM
) -> None:
    world.publish(WIRE, "w1", TALKS_TITLE, TALKS_TEXT)
    world.publish(GOSSIP, "g1", TALKS_TITLE, TALKS_TEXT)  # the same article through another feed
    await world.cycle()
    assert len(llm.requests) == 1
    await world.close()
    llm.mode = "error"  # a request now would fail: only the cache can give the model's summary
    await world.open()
    world.publish(WIRE, "w9", TALKS_TITLE, TALKS_TEXT)  # same article, new link
    await world.cycle()
    assert len(llm.requests) == 1
    [thread] = await world.store.threads_about(manager="Xabi Alonso")
    assert {r.url for r in thread.reports} >= {"https://news.example/w9"}
    assert thread.state.summary == MODEL_SUMMARY


async def test_stories_the_built_in_analyser_rejects_are_never_sent_to_the_model(world: World, llm: FakeLLM) -> None:
    llm.answer = GOOD_ANSWER  # it would claim a manager story for anything
    world.publish(WIRE, "w1", "Liverpool complete signing of Florian Wirtz",
                  "Liverpool have completed the signing of Florian Wirtz from Bayer Leverkusen.")  # fmt: skip
    stats = await world.cycle()
    assert (stats.new_entries, stats.rumours, stats.events, stats.deliveries) == (1, 0, [], 0)
    assert llm.requests == []


async def test_a_model_that_names_people_the_article_does_not_is_set_aside(
    world: World, llm: FakeLLM, analyser: Analyser, caplog: pytest.LogCaptureFixture
) -> None:
    llm.answer = GOOD_ANSWER | {
        "summary": "Jurgen Klopp has been appointed by Bayern Munich.",
        "rumours": [{"manager": "Jurgen Klopp", "club": "Bayern Munich", "relation": "appointed", "confidence": 1}],
    }
    world.publish(WIRE, "w1", TALKS_TITLE, TALKS_TEXT)
    with caplog.at_level(logging.WARNING):
        stats = await world.cycle()
    assert stats.events == [("created", "Xabi Alonso", "Bayern Munich", "talks")]
    [alert] = world.sender.take()
    assert alert.card is not None
    assert alert.card.body == builtin_summary(analyser, TALKS_TITLE, TALKS_TEXT)
    [line] = warnings(caplog)
    assert "no claim in the answer names a known manager and club from the article" in line


async def test_the_model_can_correct_the_stage_of_a_claim_it_shares_with_the_article(
    world: World, llm: FakeLLM
) -> None:
    llm.answer = GOOD_ANSWER | {
        "summary": "Bayern Munich have made Xabi Alonso an offer, says David Ornstein.",
        "rumours": [{"manager": "Alonso", "club": "Bayern", "relation": "offer", "confidence": 0.9, "evidence": ""}],
    }
    world.publish(WIRE, "w1", TALKS_TITLE, TALKS_TEXT)
    stats = await world.cycle()
    assert stats.events == [("created", "Xabi Alonso", "Bayern Munich", "offer")]


async def test_the_model_cannot_make_a_definite_event_the_article_does_not_report_as_done(
    world: World, llm: FakeLLM, analyser: Analyser
) -> None:
    llm.answer = GOOD_ANSWER | {
        "summary": "Xabi Alonso has agreed to become Bayern Munich's head coach.",
        "rumours": [
            {"manager": "Alonso", "club": "Bayern", "relation": "agreed", "confidence": 0.9, "evidence": ""},
            {"manager": "Alonso", "club": "Bayern", "relation": "talks", "confidence": 0.9, "evidence": ""},
        ],
    }
    world.publish(WIRE, "w1", TALKS_TITLE, TALKS_TEXT)
    stats = await world.cycle()
    assert stats.events == [("created", "Xabi Alonso", "Bayern Munich", "talks")]
    [alert] = world.sender.take()
    assert alert.card is not None
    assert "agreed" not in alert.card.body  # the model's summary said more than the article: not used
    assert alert.card.body == builtin_summary(analyser, TALKS_TITLE, TALKS_TEXT)


async def test_the_api_key_never_appears_in_the_logs_even_at_debug(
    world: World, llm: FakeLLM, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        llm.mode = "error"
        world.publish(WIRE, "w1", TALKS_TITLE, TALKS_TEXT)
        await world.cycle()
        llm.mode = "good"
        world.publish(GOSSIP, "g1", SACKED_TITLE, SACKED_TEXT)
        await world.cycle()
    assert len(llm.requests) == 2
    assert all(r.headers["Authorization"] == f"Bearer {API_KEY}" for r in llm.requests)
    logged = "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    assert "bot.llm" in logged  # the model's path did log
    assert API_KEY not in logged
    assert "never-in-logs" not in logged
    assert TALKS_TEXT not in logged  # nor the article sent to the model
