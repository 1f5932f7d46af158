"""Changes of job, as stored: learned from done stories or set by an operator (bot/rumours/jobs.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class JobChange(StrEnum):
    APPOINTED = "appointed"
    SACKED = "sacked"
    LEFT = "left"
    SET = "set"  # by an operator (`rumourbot kb set-job`)


@dataclass(frozen=True, slots=True)
class JobRow:
    """One change of job: ``club`` is the club joined (appointed, set) or left (sacked, left); a set
    with no club means "no club"."""

    manager: str
    club: str
    change: JobChange
    since: datetime
    caretaker: bool = False
    source: str = ""
    url: str = ""
    learned_by: str = "story"  # "story", or the operator who set it
    id: int = 0

    @property
    def holds(self) -> str:
        """The club the manager holds after this change ('' for none)."""
        return self.club if self.change in (JobChange.APPOINTED, JobChange.SET) else ""
