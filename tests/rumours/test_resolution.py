"""rumours/resolution: which done events resolve which threads, and how quiet threads end."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain import Factuality, Outcome, Relation, Report, ThreadState
from bot.rumours.resolution import UNRESOLVED_STAGES, fills_club_job, own_verdict, quiet_outcome, resolves, verdict

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
R = Relation


def thread(stage: Relation, manager: str = "Andoni Iraola", club: str = "Chelsea") -> ThreadState:
    return ThreadState(1, manager, club, stage, T0, T0, 1, frozenset({"athletic"}), "")


def report(
    relation: Relation,
    manager: str = "Andoni Iraola",
    club: str = "Chelsea",
    *,
    factuality: Factuality = Factuality.DONE,
    caretaker: bool = False,
) -> Report:
    return Report(manager, club, relation, 0.9, "…", "Chelsea (official)", 0, "official:chelsea", "", "", "", "", T0,
                  factuality=factuality, caretaker=caretaker)  # fmt: skip


@pytest.mark.parametrize(
    ("stage", "event", "expected"),
    [
        (R.TALKS, report(R.APPOINTED), Outcome.TRUE),  # the move happened
        (R.LINKED, report(R.AGREED), Outcome.TRUE),  # talks → agreed counts
        (R.OFFER, report(R.APPOINTED, manager="Unai Emery"), Outcome.FALSE),  # the club appointed someone else
        (R.TALKS, report(R.APPOINTED, manager="Unai Emery", caretaker=True), None),  # an interim fills no job
        (R.TALKS, report(R.APPOINTED, club="Real Madrid"), Outcome.FALSE),  # he signed elsewhere
        (R.LINKED, report(R.EXTENSION, club="AFC Bournemouth"), Outcome.FALSE),  # he extended where he is
        (R.LINKED, report(R.STAYS, club="AFC Bournemouth"), Outcome.FALSE),
        (R.TALKS, report(R.REJECTED), Outcome.FALSE),  # he turned the club down
        (R.UNDER_PRESSURE, report(R.SACKED), Outcome.TRUE),
        (R.UNDER_PRESSURE, report(R.LEFT), Outcome.TRUE),
        (R.UNDER_PRESSURE, report(R.EXTENSION), Outcome.FALSE),  # the club backed him with a new deal
        (R.UNDER_PRESSURE, report(R.SACKED, manager="Liam Rosenior"), None),  # someone else's sacking
        (R.STAYS, report(R.SACKED), None),  # a stay thread predicts nothing
        (R.LINKED, report(R.LINKED, club="Real Madrid"), None),  # a rumour resolves nothing
    ],
)
def test_a_done_event_resolves_the_threads_it_speaks_to(stage: Relation, event: Report, expected: Outcome) -> None:
    assert verdict(thread(stage), event) is expected


@pytest.mark.parametrize("factuality", [f for f in Factuality if f not in (Factuality.DONE, Factuality.PAST)])
def test_only_a_done_report_resolves_anything(factuality: Factuality) -> None:
    # "Chelsea could reject …", "Iraola is expected to stay": never an outcome.
    for relation in (R.REJECTED, R.STAYS):
        hedged = report(relation, factuality=factuality)
        assert not resolves(hedged)
        assert verdict(thread(R.TALKS), hedged) is None
        assert own_verdict(thread(R.TALKS), hedged) is None


def test_an_aggregators_relay_of_a_done_event_resolves_nothing() -> None:
    # "Chelsea have appointed Iraola, TEAMtalk reports, citing Ornstein": the relay may inflate.
    relayed = Report("Andoni Iraola", "Chelsea", R.APPOINTED, 0.9, "…", "David Ornstein", 1, "athletic", "", "", "",
                     "", T0, relayed_by="TEAMtalk")  # fmt: skip
    assert not resolves(relayed)
    assert own_verdict(thread(R.TALKS), relayed) is None


def test_a_thread_started_by_its_outcome_is_resolved_true_at_once_and_a_rumour_is_not() -> None:
    assert own_verdict(None, report(R.APPOINTED)) is Outcome.TRUE
    assert own_verdict(None, report(R.SACKED)) is Outcome.TRUE
    assert own_verdict(None, report(R.LINKED)) is None
    assert own_verdict(None, report(R.STAYS)) is None


def test_a_quiet_thread_goes_cold_unless_its_last_word_was_a_denial_or_a_rejection() -> None:
    assert quiet_outcome(R.TALKS) is Outcome.COLD
    assert quiet_outcome(R.UNDER_PRESSURE) is Outcome.COLD
    assert quiet_outcome(R.DENIED) is Outcome.FALSE
    assert quiet_outcome(R.REJECTED) is Outcome.FALSE


def test_only_a_report_that_fills_its_club_job_resolves_another_managers_thread_and_no_report_a_stay() -> None:
    """What the ingest relies on to load fewer open threads: the clubs of the reports that fill a job,
    and no stay thread it does not update."""
    for relation in Relation:
        for factuality in Factuality:
            for caretaker in (False, True):
                for stage in Relation:
                    event = report(relation, manager="Unai Emery", factuality=factuality, caretaker=caretaker)
                    if verdict(thread(stage), event) is not None:
                        assert fills_club_job(event)
                    own = report(relation, factuality=factuality, caretaker=caretaker)
                    if stage in UNRESOLVED_STAGES:
                        assert verdict(thread(stage), own) is None
                        assert verdict(thread(stage), event) is None
