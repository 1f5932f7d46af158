"""rumours/jobs: learned changes of job laid over the knowledge base, and the vacancies they open."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.domain import Factuality, Relation, Report
from bot.domain.jobs import JobChange, JobRow
from bot.rumours.jobs import CurrentJobs, JobBook, learnable, trusted

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
SHIPPED = {"Liam Rosenior": "Chelsea", "Andoni Iraola": "AFC Bournemouth", "Unai Emery": "Aston Villa"}


def row(manager: str, club: str, change: JobChange, days: int, *, caretaker: bool = False, n: int = 0) -> JobRow:
    return JobRow(manager, club, change, T0 + timedelta(days=days), caretaker, "Chelsea (official)", "", "story", n)


def test_a_learned_change_wins_over_the_shipped_club_and_an_appointment_ends_the_holders_job() -> None:
    book = JobBook(SHIPPED, [row("Andoni Iraola", "Chelsea", JobChange.APPOINTED, 1)])
    assert book.club_of("Andoni Iraola") == "Chelsea"
    assert book.club_of("Liam Rosenior") == ""  # Chelsea's new appointment ended the shipped holder's job
    assert book.holders("Chelsea") == ["Andoni Iraola"]
    assert book.club_of("Unai Emery") == "Aston Villa"
    assert book.since("Andoni Iraola") is not None
    assert book.since("Unai Emery") is None  # only the shipped file's word


def test_a_sacking_opens_a_vacancy_that_a_caretaker_keeps_open_and_an_appointment_fills() -> None:
    sacked = row("Liam Rosenior", "Chelsea", JobChange.SACKED, 0, n=1)
    caretaker = row("Calum McFarlane", "Chelsea", JobChange.APPOINTED, 1, caretaker=True, n=2)
    book = JobBook(SHIPPED, [sacked, caretaker])
    [vacancy] = book.vacancies()
    assert (vacancy.club, vacancy.since, vacancy.opened_by, vacancy.caretaker) == (
        "Chelsea",
        sacked.since,
        sacked,
        "Calum McFarlane",
    )
    assert book.club_of("Liam Rosenior") == ""
    filled = JobBook(SHIPPED, [sacked, caretaker, row("Andoni Iraola", "Chelsea", JobChange.APPOINTED, 5, n=3)])
    assert filled.vacancies() == []
    assert filled.club_of("Calum McFarlane") == ""


def test_changes_apply_in_date_order_and_an_operator_can_set_none() -> None:
    rows = [
        row("Unai Emery", "", JobChange.SET, 3, n=2),
        row("Unai Emery", "Tottenham Hotspur", JobChange.APPOINTED, 1, n=1),
    ]
    assert JobBook(SHIPPED, rows).club_of("Unai Emery") == ""


def test_only_a_done_appointment_sacking_or_departure_is_learnable_and_tier_two_needs_a_second_voice() -> None:
    def rep(relation: Relation, factuality: Factuality = Factuality.DONE) -> Report:
        return Report("M", "C", relation, 0.9, "", "S", 2, "v", "", "", "", "", T0, factuality=factuality)

    assert learnable(rep(Relation.APPOINTED)) is JobChange.APPOINTED
    assert learnable(rep(Relation.LEFT)) is JobChange.LEFT
    assert learnable(rep(Relation.UNDER_PRESSURE, Factuality.POSSIBLE)) is None
    assert learnable(rep(Relation.TALKS)) is None
    relayed = Report("M", "C", Relation.SACKED, 0.9, "", "S", 1, "v", "", "", "", "", T0, relayed_by="CaughtOffside")
    assert learnable(relayed) is None
    assert trusted(0, [])
    assert trusted(1, ["athletic"])
    assert not trusted(2, ["sky"])
    assert trusted(2, ["sky", "telegraph"])
    assert not trusted(2, ["sky", "sky"])  # one voice twice is one voice
    assert not trusted(3, ["mail", "mirror", "sun"])


def test_current_jobs_is_a_read_only_mapping_swapped_whole() -> None:
    jobs = CurrentJobs(SHIPPED)
    seen = dict(jobs)
    jobs.replace({"Andoni Iraola": "Chelsea"}, version=(1, 1))
    assert seen == SHIPPED
    assert dict(jobs) == {"Andoni Iraola": "Chelsea"}
    assert jobs.version == (1, 1)
