"""A prediction game on a real SQLite store, on the test's clock: the Game, its Referee and a post
dispatcher sending to a recording platform."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from bot.config import DeliverySettings, PredictionSettings
from bot.predictions.game import Game
from bot.predictions.ports import Vote
from bot.predictions.posts import PostDispatcher
from bot.predictions.referee import Referee
from bot.store.sql import Store
from tests.fakes.clock import FakeClock
from tests.fakes.recording_sender import RecordingAsker

NOW = datetime(2025, 11, 3, 12, 0, tzinfo=UTC)
CHAT = "test:fans:"
HOMES = {"Mikel Arteta": "Arsenal", "Enzo Maresca": "Chelsea"}


@dataclass
class Table:
    store: Store
    clock: FakeClock
    game: Game
    referee: Referee
    posts: PostDispatcher
    platform: RecordingAsker

    @classmethod
    def set(cls, store: Store, **settings: object) -> Table:
        clock = FakeClock(NOW)
        game = Game(
            store.predictions,
            store.sagas,
            store.sagas,
            PredictionSettings.model_validate(settings),
            home_club=HOMES.get,
            clock=clock,
        )
        platform = RecordingAsker()
        posts = PostDispatcher(store.predictions, {"test": platform}, DeliverySettings(), clock=clock)
        return cls(store, clock, game, Referee(game), posts, platform)

    async def vote(self, question_id: int, user: str, choice: int | None, *, days_later: float = 0) -> None:
        """A fan answers through Discord's menu, ``days_later`` after the clock's time (which moves on)."""
        self.clock.advance(days=days_later)
        key = f"{user}-{question_id}-{self.clock().isoformat()}-{choice}"
        await self.game.answer(Vote("test", user, f"Fan {user}", choice, key, question_id=question_id))

    def texts(self) -> list[str]:
        return [c.text for c in self.platform.calls if c.kind == "send_text"]
