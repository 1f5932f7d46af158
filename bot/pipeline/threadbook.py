"""Thread a batch of stories in memory: the threads and report texts are read once, every story is
applied in order, and the result is written back in a few batched statements.

The book reproduces what storing each story at once and reading the threads back for the next one
would give: a story sees the latest thread of a (manager, club) pair updated within the window,
with its voices, and the 50 newest report texts of that thread as they stood when the story began.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from bot.rumours.threads import Report, ThreadEvent, ThreadState, apply_report
from bot.store.base import RecentText

Pair = tuple[str, str]
DuplicateCheck = Callable[[Report, list[tuple[str, str]]], bool]
RECENT_TEXTS = 50  # report texts a new report is compared with for near-duplicates


@dataclass(frozen=True, slots=True)
class PlannedReport:
    slot: int  # index into ThreadBook.states
    story: int  # index of the story in the batch
    report: Report
    duplicate: bool


@dataclass(frozen=True, slots=True)
class PlannedEvent:
    slot: int
    event: ThreadEvent
    state: ThreadState  # the thread just after the report that raised the event
    alert: bool


@dataclass
class ThreadBook:
    """The threads a batch touches (``states``, one slot each, ``id`` None for new ones), and what to
    write: reports and events in the order they happened."""

    since: datetime
    is_duplicate: DuplicateCheck
    states: list[ThreadState] = field(default_factory=list)
    reports: list[PlannedReport] = field(default_factory=list)
    events: list[PlannedEvent] = field(default_factory=list)
    _latest: dict[Pair, int] = field(default_factory=dict)
    _texts: dict[int, list[RecentText]] = field(default_factory=dict)

    @classmethod
    def load(
        cls,
        threads: dict[Pair, ThreadState],
        texts: dict[int, list[RecentText]],
        since: datetime,
        is_duplicate: DuplicateCheck,
    ) -> ThreadBook:
        book = cls(since, is_duplicate)
        for pair, state in threads.items():
            book._latest[pair] = len(book.states)
            book._texts[len(book.states)] = list(texts.get(state.id, [])) if state.id is not None else []
            book.states.append(state)
        return book

    def add_story(self, story: int, reports: list[Report], alert: bool) -> None:
        """Apply one story's reports (one per claim) to the threads."""
        current: dict[Pair, int] = {}
        for pair in {(r.manager, r.club) for r in reports}:
            slot = self._latest.get(pair)
            if slot is not None and self.states[slot].last_update >= self.since:
                current[pair] = slot
        earlier = {slot: self._newest_texts(slot) for slot in current.values()}
        for report in reports:
            pair = (report.manager, report.club)
            slot = current.get(pair)
            state = self.states[slot] if slot is not None else None
            text = (report.url, f"{report.title} {report.evidence}")
            duplicate = slot is not None and self.is_duplicate(report, earlier.get(slot, []))
            new_state, events = apply_report(state, report, duplicate=duplicate)
            if slot is None:
                slot = len(self.states)
                self.states.append(new_state)
                self._texts[slot] = []
            else:
                self.states[slot] = new_state
                earlier.setdefault(slot, []).insert(0, text)
            current[pair] = self._latest[pair] = slot
            self._texts[slot].append(RecentText(text[0], text[1], report.reported_at))
            self.reports.append(PlannedReport(slot, story, report, duplicate))
            self.events.extend(PlannedEvent(slot, event, new_state, alert) for event in events)

    def _newest_texts(self, slot: int) -> list[tuple[str, str]]:
        texts = sorted(self._texts[slot], key=lambda t: t.reported_at, reverse=True)[:RECENT_TEXTS]
        return [(t.url, t.text) for t in texts]
