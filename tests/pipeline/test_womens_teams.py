"""A club's (and a country's) men's and women's teams are separate follow targets, from the chat
command through the analyser and the alerts: following one gets no alert about the other."""

from __future__ import annotations

from datetime import timedelta

from bot.analysis.analyser import Analyser
from bot.commands.base import ChatRef, Invocation
from bot.commands.names import NameResolver
from bot.commands.router import Router
from bot.config import DeliverySettings
from bot.delivery.dispatcher import Dispatcher
from bot.llm.port import BuiltinAnalysis
from bot.pipeline.ingest import Ingestor, IngestPolicy, Item
from bot.store.sqlite import SQLiteStore
from tests.fakes.clock import FakeClock
from tests.fakes.recording_sender import RecordingSender

FOLLOWS = {
    "chelsea-men": "chelsea",
    "chelsea-women": "chelsea women",
    "england-men": "england",
    "england-women": "england women",
}
STORIES = [
    ("Chelsea sack head coach Enzo Maresca", "Chelsea have sacked head coach Enzo Maresca, the club announced."),
    (
        "Chelsea Women part company with Sonia Bompastor",
        "Chelsea have sacked Sonia Bompastor as head coach of their women's team after a run of three defeats.",
    ),
    ("England sack Thomas Tuchel", "England have sacked head coach Thomas Tuchel after the World Cup."),
    (
        "Lionesses: Sarina Wiegman resigns",
        "Sarina Wiegman has resigned as head coach of the England women's national team.",
    ),
]


async def test_following_a_mens_or_womens_team_gets_only_that_teams_alerts(
    store: SQLiteStore, analyser: Analyser
) -> None:
    clock = FakeClock()
    router = Router(store, NameResolver(analyser.gazetteer))
    for chat, name in FOLLOWS.items():
        reply = await router.handle(Invocation(ChatRef("test", chat), "u", "follow", name, "group", True))
        assert "Following" in reply.text, reply.text

    feed = await store.add_feed("https://news.example/feed.xml", "", clock())
    when = clock() - timedelta(minutes=5)
    items = [Item(f"s{n}", t, x, f"https://news.example/{n}", when, "") for n, (t, x) in enumerate(STORIES)]
    await Ingestor(BuiltinAnalysis(analyser), store, IngestPolicy()).ingest(feed.id, items, clock(), alerts=True)
    sender = RecordingSender(platform="test")
    await Dispatcher(store, {"test": sender}, DeliverySettings(), clock=clock).run_once()

    received: dict[str, list[str]] = {chat: [] for chat in FOLLOWS}
    for call in sender.take():
        assert call.card is not None
        received[call.chat.chat_id].append(call.card.title)
    assert received == {
        "chelsea-men": ["Enzo Maresca → Chelsea: sacked"],
        "chelsea-women": ["Sonia Bompastor → Chelsea Women: sacked"],
        "england-men": ["Thomas Tuchel → England: sacked"],
        "england-women": ["Sarina Wiegman → England Women: left"],
    }
