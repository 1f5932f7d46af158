"""Track records and standing: how often a source's calls came true, and the tier that earns it.

A source's **claims** are its first reports of threads (echoes and repeats do not count). A claim at
a rumour stage is a **call**: right when the thread resolves the way the stage pointed (linked,
talks, offer, agreed or under pressure → true; denied, rejected, stays or a new contract → false),
wrong otherwise; cold threads count neither way. Reports of the outcome itself (appointed, sacked,
left) are in the table by stage but are not calls.

**Standing** is the configured tier (or a chat's override) updated by the calls, with a Beta prior:

    standing = (prior(tier) × W + right) / (W + right + wrong)

with prior(tier) the expected share of right calls at that tier (``PRIOR_MEAN``) and W =
``PRIOR_WEIGHT`` calls: a new source starts at its tier's prior and needs about W resolved calls to
move halfway towards its own record. The tier shown is the one whose prior is nearest the standing
(never 0, which only official statements are).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.domain import Outcome, Relation

# A claim at one of these stages is right when its thread resolves true; at NEGATIVE, when false.
POSITIVE = frozenset({Relation.LINKED, Relation.TALKS, Relation.OFFER, Relation.AGREED, Relation.UNDER_PRESSURE})
NEGATIVE = frozenset({Relation.DENIED, Relation.REJECTED, Relation.STAYS, Relation.EXTENSION})
# Reports of the outcome itself: right when true, but not predictions ("calls").
FACTS = frozenset({Relation.APPOINTED, Relation.SACKED, Relation.LEFT})

PRIOR_MEAN: dict[int, float] = {0: 0.95, 1: 0.80, 2: 0.65, 3: 0.50, 4: 0.35}
PRIOR_WEIGHT = 8.0


@dataclass(frozen=True, slots=True)
class StageCount:
    stage: str
    made: int = 0
    right: int = 0
    wrong: int = 0
    cold: int = 0

    @property
    def resolved(self) -> int:
        return self.right + self.wrong


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """What a source claimed and how it turned out (one club's threads, or all)."""

    source: str
    tier: int  # the configured tier (or the chat's override)
    stages: tuple[StageCount, ...] = ()
    inflated: int = 0  # relays of this aggregator that claimed a later stage than the source they credit
    clubs: tuple[tuple[str, int, int], ...] = field(default=())  # (club, right, wrong) of calls, most first

    @property
    def made(self) -> int:
        return sum(s.made for s in self.stages)

    @property
    def calls(self) -> tuple[StageCount, ...]:
        return tuple(s for s in self.stages if s.stage not in FACTS)

    @property
    def right(self) -> int:
        return sum(s.right for s in self.calls)

    @property
    def wrong(self) -> int:
        return sum(s.wrong for s in self.calls)

    @property
    def cold(self) -> int:
        return sum(s.cold for s in self.stages)

    @property
    def standing(self) -> float:
        return standing(self.tier, self.right, self.wrong)

    @property
    def shown_tier(self) -> int:
        return shown_tier(self.tier, self.right, self.wrong)


def standing(tier: int, right: int, wrong: int) -> float:
    prior = PRIOR_MEAN.get(tier, PRIOR_MEAN[4])
    return (prior * PRIOR_WEIGHT + right) / (PRIOR_WEIGHT + right + wrong)


def shown_tier(tier: int, right: int, wrong: int) -> int:
    """The configured tier moved by the evidence: the tier whose prior is nearest the standing."""
    if tier == 0:
        return 0
    value = standing(tier, right, wrong)
    return min((t for t in PRIOR_MEAN if t > 0), key=lambda t: (abs(PRIOR_MEAN[t] - value), abs(t - tier)))


def correct(stage: str, outcome: Outcome) -> bool | None:
    """Whether a claim at ``stage`` was right about a thread that resolved ``outcome`` (None: cold)."""
    if outcome is Outcome.COLD:
        return None
    try:
        claimed = Relation(stage)
    except ValueError:
        return None
    if claimed in NEGATIVE:
        return outcome is Outcome.FALSE
    return outcome is Outcome.TRUE


def tally(rows: Iterable[tuple[str, str, int]]) -> tuple[StageCount, ...]:
    """(stage, outcome or '' while open, count) rows → counts per stage, in stage order."""
    counts: dict[str, list[int]] = {}
    for stage, outcome, n in rows:
        c = counts.setdefault(stage, [0, 0, 0, 0])  # made, right, wrong, cold
        c[0] += n
        if outcome:
            verdict = correct(stage, Outcome(outcome))
            if verdict is None:
                c[3] += n
            elif verdict:
                c[1] += n
            else:
                c[2] += n
    order = {r.value: i for i, r in enumerate(Relation)}
    return tuple(StageCount(stage, *c) for stage, c in sorted(counts.items(), key=lambda kv: order.get(kv[0], 99)))


_OUTLET_WORDS = frozenset(
    {"sport", "sports", "news", "mail", "times", "post", "echo", "express", "mirror", "star", "sun", "telegraph",
     "independent", "guardian", "athletic", "football", "insider", "(official)", "live", "radio", "tv"}
)  # fmt: skip


def short_name(source: str) -> str:
    """ "David Ornstein" → "Ornstein"; outlets ("BBC Sport", "Daily Mail") and one-word names as they are."""
    words = source.split()
    if len(words) != 2 or words[0].isupper() or words[1].lower() in _OUTLET_WORDS:
        return source
    return words[1] if words[0][:1].isupper() and words[1][:1].isupper() else source


def phrase(record: SourceRecord) -> str:
    """The record in one short phrase, for alerts: "Ornstein: 11 of 12 resolved manager calls right"."""
    resolved = record.right + record.wrong
    name = short_name(record.source)
    if resolved == 0:
        return f"{name}: no resolved manager calls yet"
    call = "call" if resolved == 1 else "calls"
    return f"{name}: {record.right} of {resolved} resolved manager {call} right"
