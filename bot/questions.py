"""The values of the prediction game (docs/adr/0008-prediction-games.md), shared like ``bot.domain`` by
the game, the store, the commands and the renderers, and importing nothing of ours: the questions asked
in a chat about a saga, the answers fans gave, the scores a resolved question handed out, the posts a
question makes in its chat (the game's outbox), and sagas as the game reads them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class QuestionKind(StrEnum):
    """What a question asks about a saga."""

    NEXT_MANAGER = "next_manager"  # an open job: who will be the club's next permanent manager?
    STILL_IN_CHARGE = "still_in_charge"  # a manager under pressure: will he still be in charge on a date?


class QuestionStatus(StrEnum):
    OPEN = "open"  # answers count
    LOCKED = "locked"  # no more answers count; waiting for the answer to become known
    RESOLVED = "resolved"  # the answer is known and the answers are scored
    VOID = "void"  # closed without an answer (no outcome long after the deadline): nothing scored


class PostKind(StrEnum):
    """What a question posts in its chat, each at most once."""

    QUESTION = "question"  # the poll (Telegram) or the message with a select menu (Discord)
    LOCK = "lock"  # stop the poll / remove the menu
    RESULTS = "results"  # the answer, the winners and the insiders


class Player(StrEnum):
    FAN = "fan"
    SOURCE = "source"  # a journalist or outlet, scored by the same rule from its reports


YES, NO = "Yes", "No"
SOMEONE_ELSE = "Someone else"


@dataclass(frozen=True, slots=True)
class Question:
    id: int
    chat_key: str
    kind: QuestionKind
    club: str
    manager: str  # still_in_charge: the manager; next_manager: the manager who left ('' if none known)
    options: tuple[str, ...]  # next_manager: candidates then SOMEONE_ELSE; still_in_charge: (YES, NO)
    opened_at: datetime
    opened_by: str  # a user id, or "auto"
    deadline: datetime
    status: QuestionStatus
    locked_at: datetime | None = None  # when answers stopped counting (deadline, an admin, or the outcome)
    outcome: int | None = None  # the winning option
    outcome_text: str = ""  # e.g. "Chelsea appointed Xabi Alonso"
    outcome_at: datetime | None = None  # when the answer became known (its report's time, or the deadline)
    outcome_source: str = ""
    resolved_at: datetime | None = None
    season: str = ""  # the season it resolved in, e.g. "2025-26"
    message_id: str = ""  # the question's post on its platform
    poll_ref: str = ""  # Telegram's poll id (its answers name the poll, not the chat)

    @property
    def lock_at(self) -> datetime:
        """The instant after which answers do not count: the earliest of the deadline, an admin's
        close and the moment the answer became known."""
        times = [self.deadline]
        times += [t for t in (self.locked_at, self.outcome_at) if t is not None]
        return min(times)

    @property
    def someone_else(self) -> int | None:
        return self.options.index(SOMEONE_ELSE) if SOMEONE_ELSE in self.options else None

    @property
    def is_closed(self) -> bool:
        return self.status is not QuestionStatus.OPEN


@dataclass(frozen=True, slots=True)
class NewQuestion:
    chat_key: str
    kind: QuestionKind
    club: str
    manager: str
    options: tuple[str, ...]
    opened_at: datetime
    opened_by: str
    deadline: datetime


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer as a platform delivered it: a choice, or None when the fan withdrew it (Telegram's
    "retract vote"). Answers are only ever added; which one counts is decided when scoring."""

    user_id: str
    user_name: str
    choice: int | None
    at: datetime
    question_id: int | None = None  # None: a Telegram answer whose poll is not matched to a question yet
    platform: str = ""
    poll_ref: str = ""
    dedupe: str = ""  # the platform's id of the answer (update or interaction): recorded once


@dataclass(frozen=True, slots=True)
class Score:
    """What one player's call on a resolved question earned."""

    question_id: int
    player: Player
    player_id: str  # a fan's user id, or a source's name
    name: str
    choice: str  # the option's label (a source's named manager)
    since: datetime  # when the call was made (held unchanged since)
    correct: bool
    points: int
    versus: str = ""  # fans: the first source that called it right, to compare with
    lead_seconds: int | None = None  # fans: how long before ``versus`` (negative: after) the fan called it


@dataclass(frozen=True, slots=True)
class Standing:
    """A fan's line in a chat's leaderboard."""

    rank: int
    user_id: str
    name: str
    points: int
    questions: int
    correct: int


@dataclass(frozen=True, slots=True)
class Post:
    """A claimed outbox row of the game."""

    id: int
    question_id: int
    kind: PostKind
    chat_key: str
    attempts: int


@dataclass(frozen=True, slots=True)
class PostTrace:
    """A question's post and what became of it (for /why)."""

    kind: PostKind
    status: str  # pending | sending | sent | failed | dropped
    attempts: int
    error: str | None
    sent_at: datetime | None


@dataclass(frozen=True, slots=True)
class SagaReport:
    """A stored report about a saga's club (or manager), as the game reads it to score the sources."""

    id: int
    manager: str
    club: str
    relation: str
    source: str
    tier: int
    reported_at: datetime
    story_id: int | None
    caretaker: bool = False  # an interim appointment (from the story's analysis)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A manager in the running for a club's job: his thread there and its heat now."""

    manager: str
    stage: str
    heat: float
    last_update: datetime


@dataclass(frozen=True, slots=True)
class SagaThread:
    """A thread as the game sees it when looking for sagas: a vacancy's departure, or a manager under
    pressure."""

    manager: str
    club: str
    stage: str
    heat: float  # with the recency factor applied
    at: datetime  # the stage's time (a departure's report) or the thread's last update
    source: str = ""


def season_of(at: datetime) -> str:
    """The football season a moment falls in: July to June, e.g. "2025-26"."""
    start = at.year if at.month >= 7 else at.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


RULING = "ruling"  # an outcome an operator decided (the thread resolved by hand), not a story


@dataclass(frozen=True, slots=True)
class SagaOutcome:
    """What answers a saga's question: a manager's (permanent) arrival at a club, or his exit from one,
    when it became known — a done report's time (docs/adr/0004-factuality.md), or an operator's ruling."""

    manager: str
    club: str
    event: str  # agreed | appointed (an arrival), sacked | left (an exit), or RULING
    at: datetime
    source: str  # the report's source; '' for a ruling
