"""Who manages where, kept current from done stories (docs/adr/0007-resolutions-records-and-jobs.md).

The knowledge base ships each manager's club as of when it was written; a season brings a dozen
changes in one league alone. A done appointment, sacking or departure reported by an official or
tier-1 source, or by two independent tier-2 voices, is recorded as a change of job (``jobs`` rows,
with date and story); an operator may set one by hand. ``JobBook`` lays the changes over the shipped
clubs: the latest change of a manager wins, and a club's new appointment ends whatever job the
knowledge base or an earlier change gave someone else there.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType

from bot.domain import Factuality, Relation, Report
from bot.domain.jobs import JobChange, JobRow

LEARNED_FROM = {
    Relation.APPOINTED: JobChange.APPOINTED,
    Relation.SACKED: JobChange.SACKED,
    Relation.LEFT: JobChange.LEFT,
}
TRUSTED_TIER = 1  # an official statement or a tier-1 source is enough on its own
CORROBORATED_TIER = 2  # tier-2 sources need a second independent voice
CORROBORATING_VOICES = 2


def learnable(report: Report) -> JobChange | None:
    """The change of job a report speaks of as done, if any."""
    if report.factuality is not Factuality.DONE or report.relayed_by:
        return None  # only a done event told by the source itself, never through an aggregator's relay
    if report.later:
        return None  # announced for later ("will step down in the summer"): the job changes when it happens
    return LEARNED_FROM.get(report.relation)


def trusted(tier: int, voices: Iterable[str]) -> bool:
    """Official or tier 1; or tier 2 with at least two independent voices of tier 2 or better."""
    return tier <= TRUSTED_TIER or (tier <= CORROBORATED_TIER and len(set(voices)) >= CORROBORATING_VOICES)


@dataclass(frozen=True, slots=True)
class Vacancy:
    """A club without a permanent manager, and why (the change that opened it)."""

    club: str
    since: datetime
    opened_by: JobRow  # the sacking or departure (or the caretaker's appointment)
    caretaker: str = ""


class JobBook:
    """The shipped clubs with the learned changes laid over them, in order."""

    def __init__(self, shipped: Mapping[str, str], rows: Iterable[JobRow]) -> None:
        self._club: dict[str, str] = dict(shipped)
        self._holders: dict[str, set[str]] = {}
        for manager, club in shipped.items():
            if club:
                self._holders.setdefault(club, set()).add(manager)
        self.changes: dict[str, JobRow] = {}  # manager → his latest change
        self._appointed: dict[str, JobRow] = {}  # manager → the change that gave him his current job
        self._clubs: dict[str, tuple[str, JobRow, str]] = {}  # club → (state, opening change, caretaker)
        for row in sorted(rows, key=lambda r: (r.since, r.id)):
            self._apply(row)

    def _apply(self, row: JobRow) -> None:
        old = self._club.get(row.manager, "")
        if old:
            self._holders.get(old, set()).discard(row.manager)
        holds = row.holds
        if holds and row.change is JobChange.APPOINTED:
            for other in self._holders.pop(holds, set()):
                self._club[other] = ""  # the club's new appointment ends the job of whoever held it
        self._club[row.manager] = holds
        self.changes[row.manager] = row
        if holds:
            self._holders.setdefault(holds, set()).add(row.manager)
            self._appointed[row.manager] = row
        else:
            self._appointed.pop(row.manager, None)
        if row.change in (JobChange.SACKED, JobChange.LEFT) and row.club:
            self._clubs[row.club] = ("vacant", row, "")
        elif row.change is JobChange.APPOINTED and row.caretaker:
            state, opened, _ = self._clubs.get(row.club, ("vacant", row, ""))
            self._clubs[row.club] = ("vacant", opened if state == "vacant" else row, row.manager)
        elif holds:
            self._clubs[holds] = ("filled", row, "")

    def club_of(self, manager: str) -> str:
        """The manager's club now ('' for none or unknown)."""
        return self._club.get(manager, "")

    def since(self, manager: str) -> JobRow | None:
        """The learned change that gave the manager his current job (None: the shipped file's)."""
        return self._appointed.get(manager)

    def holders(self, club: str) -> list[str]:
        return sorted(self._holders.get(club, set()))

    def vacancies(self) -> list[Vacancy]:
        """Clubs whose latest change left them without a permanent manager, most recently vacated first."""
        found = [
            Vacancy(club, opened.since, opened, caretaker)
            for club, (state, opened, caretaker) in self._clubs.items()
            if state == "vacant"
        ]
        return sorted(found, key=lambda v: (-v.since.timestamp(), v.club))

    def current(self) -> dict[str, str]:
        return dict(self._club)


class CurrentJobs(Mapping[str, str]):
    """manager → his club now, read-only for its readers (the analyser's own-club binding, the
    ingest's follows by club); the composition root swaps in a new mapping when jobs change."""

    def __init__(self, jobs: Mapping[str, str] | None = None) -> None:
        self._jobs: Mapping[str, str] = MappingProxyType(dict(jobs or {}))
        self.version: object = None  # what the mapping was built from (the composition root's marker)

    def replace(self, jobs: Mapping[str, str], version: object = None) -> None:
        self._jobs = MappingProxyType(dict(jobs))  # one assignment: readers see the old or the new, whole
        self.version = version

    def __getitem__(self, manager: str) -> str:
        return self._jobs[manager]

    def __iter__(self) -> Iterator[str]:
        return iter(self._jobs)

    def __len__(self) -> int:
        return len(self._jobs)
