"""Thread a batch of stories in memory: the threads and report texts are read once, every story is
applied in order, and the result is written back in a few batched statements.

The book reproduces what storing each story at once and reading the threads back for the next one
would give: a story sees the latest thread of a (manager, club) pair updated within the window,
with its voices, and the 50 newest report texts of that thread as they stood when the story began.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime

from bot.domain import EventKind, Outcome
from bot.rumours.resolution import line, own_verdict, resolves, verdict
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


@dataclass(frozen=True, slots=True)
class PlannedResolution:
    slot: int
    outcome: Outcome
    report: int  # index into ThreadBook.reports: the report that resolved the thread
    state: ThreadState  # the thread when it was resolved
    event: int  # index into ThreadBook.events: the 'resolved' event


@dataclass
class ThreadBook:
    """The threads a batch touches (``states``, one slot each, ``id`` None for new ones), and what to
    write: reports and events in the order they happened."""

    since: datetime
    is_duplicate: DuplicateCheck
    states: list[ThreadState] = field(default_factory=list)
    reports: list[PlannedReport] = field(default_factory=list)
    events: list[PlannedEvent] = field(default_factory=list)
    resolutions: list[PlannedResolution] = field(default_factory=list)
    touched: set[int] = field(default_factory=set)  # slots whose thread a report changed or started
    _latest: dict[Pair, int] = field(default_factory=dict)
    _texts: dict[int, list[RecentText]] = field(default_factory=dict)
    _open: set[int] = field(default_factory=set)  # slots of stored threads that are still unresolved
    _resolved: set[int] = field(default_factory=set)  # slots resolved by this batch

    @classmethod
    def load(
        cls,
        threads: dict[Pair, ThreadState],
        texts: dict[int, list[RecentText]],
        since: datetime,
        is_duplicate: DuplicateCheck,
        open_threads: dict[int, ThreadState] | None = None,
        resolved: set[int] | None = None,
    ) -> ThreadBook:
        """``open_threads``: the unresolved stored threads a batch's done events may resolve (by id);
        ``resolved``: the ids of ``threads`` already resolved."""
        book = cls(since, is_duplicate)
        slots: dict[int, int] = {}
        for pair, state in threads.items():
            book._latest[pair] = len(book.states)
            book._texts[len(book.states)] = list(texts.get(state.id, [])) if state.id is not None else []
            if state.id is not None:
                slots[state.id] = len(book.states)
                if state.id in (resolved or set()):
                    book._resolved.add(len(book.states))
            book.states.append(state)
        for thread_id, state in (open_threads or {}).items():
            if thread_id not in slots:
                slots[thread_id] = len(book.states)
                book._texts[len(book.states)] = []
                book.states.append(state)
            book._open.add(slots[thread_id])
        return book

    def _resolvable(self, slot: int) -> bool:
        return slot not in self._resolved and (self.states[slot].id is None or slot in self._open)

    def _resolve_own(self, slot: int, outcome: Outcome | None, alert: bool, raised: int) -> None:
        """A report that brings its own thread to its outcome tells it once: a thread it starts is
        announced by its 'created' alert (the resolution is stored, not alerted); a stage it reaches
        is announced by the resolution's alert ("Confirmed: …"), not by a stage update as well."""
        if outcome is None or not self._resolvable(slot):
            return
        if self.states[slot].id is None and raised and self.events[-raised].event.kind is EventKind.CREATED:
            self._resolve(slot, outcome, alert=False)
            return
        for i in range(len(self.events) - raised, len(self.events)):
            if self.events[i].event.kind is EventKind.STAGE:
                self.events[i] = replace(self.events[i], alert=False)
        self._resolve(slot, outcome, alert)

    def _resolve(self, slot: int, outcome: Outcome | None, alert: bool) -> None:
        if outcome is not None and self._resolvable(slot):
            self._resolved.add(slot)
            report = len(self.reports) - 1
            state = self.states[slot]
            self.resolutions.append(PlannedResolution(slot, outcome, report, state, len(self.events)))
            resolved = ThreadEvent(EventKind.RESOLVED, state.stage, self.reports[report].report.source)
            self.events.append(PlannedEvent(slot, resolved, state, alert))

    def add_story(self, story: int, reports: list[Report], alert: bool) -> None:
        """Apply one story's reports (one per claim) to the threads."""
        current: dict[Pair, int] = {}
        for pair in {(r.manager, r.club) for r in reports}:
            slot = self._latest.get(pair)
            if slot is not None and self.states[slot].last_update >= self.since:
                current[pair] = slot
        for report in reports:
            # A resolved thread takes echoes of its outcome, not a new story line: pressure on a manager
            # a week after his appointment starts a thread of its own.
            slot = current.get((report.manager, report.club))
            if slot is not None and slot in self._resolved and line(report.relation) != line(self.states[slot].stage):
                del current[(report.manager, report.club)]
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
            self.touched.add(slot)
            self._texts[slot].append(RecentText(text[0], text[1], report.reported_at))
            self.reports.append(PlannedReport(slot, story, report, duplicate))
            self.events.extend(PlannedEvent(slot, event, new_state, alert) for event in events)
            if not duplicate and resolves(report):
                self._resolve_own(slot, own_verdict(state, report), alert, len(events))
                for other, thread in enumerate(self.states):
                    if other != slot and (thread.manager == report.manager or thread.club == report.club):
                        self._resolve(other, verdict(thread, report), alert)

    def _newest_texts(self, slot: int) -> list[tuple[str, str]]:
        texts = sorted(self._texts[slot], key=lambda t: t.reported_at, reverse=True)[:RECENT_TEXTS]
        return [(t.url, t.text) for t in texts]
