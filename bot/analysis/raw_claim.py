"""A claim as one sentence makes it, before the claims of a story about one pair are weighed together."""

from __future__ import annotations

from dataclasses import dataclass

from bot.analysis.members import Factuality, Relation
from bot.analysis.quick_init import quick_init


@quick_init
@dataclass(frozen=True, slots=True)
class RawClaim:
    manager: str
    club: str
    relation: Relation  # the stage a fan is told
    sentence: int
    base: float  # strength of the wording in [0, 1] before sources are weighed
    generic: bool = False  # an exit word that does not say who decided ("exit", "parted company")
    factuality: Factuality = Factuality.DONE
    event: Relation | None = None  # what the story speaks of, when not the stage itself
    caretaker: bool = False
    headline: bool = False  # said in the headline (its first line)
    long_ago: bool = False  # background dated in an earlier year or season ("in October 2023")
    later: bool = False  # done (announced) but still to come: "will step down at the end of the season"
    parted: bool = False  # "parted ways", "part company": an exit that does not say who decided
    own_section: bool = False  # about the club whose part of a round-up it is told in ("Nice. Haise and Nice …")
    pluperfect: bool = False  # a link told as earlier: "had been linked with the France job"
