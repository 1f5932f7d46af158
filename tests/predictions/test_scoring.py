"""The scoring rule (docs/adr/0008-prediction-games.md): a right call is worth 50 to 100 points, more the
earlier it was made; a wrong one nothing. The latest answer before the lock counts, from the time it was
first held; sources are scored by the same rule from their reports."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.predictions.scoring import (
    Call,
    Resolution,
    fan_calls,
    points,
    rank,
    score,
    source_calls,
)
from bot.questions import (
    NO,
    SOMEONE_ELSE,
    YES,
    Answer,
    Player,
    Question,
    QuestionKind,
    QuestionStatus,
    SagaReport,
)

OPEN = datetime(2025, 11, 1, 12, 0, tzinfo=UTC)
LOCK = OPEN + timedelta(days=20)
JOB = Question(
    id=7,
    chat_key="test:fans:",
    kind=QuestionKind.NEXT_MANAGER,
    club="Chelsea",
    manager="Enzo Maresca",
    options=("Xabi Alonso", "Thomas Frank", SOMEONE_ELSE),
    opened_at=OPEN,
    opened_by="1",
    deadline=OPEN + timedelta(days=60),
    status=QuestionStatus.OPEN,
)
PRESSURE = replace(JOB, kind=QuestionKind.STILL_IN_CHARGE, options=(YES, NO))


def day(n: float) -> datetime:
    return OPEN + timedelta(days=n)


def answer(user: str, choice: int | None, at: datetime) -> Answer:
    return Answer(user, f"Fan {user}", choice, at, question_id=JOB.id)


def report(source: str, manager: str, relation: str, at: datetime, n: int, *, story: int | None = None) -> SagaReport:
    return SagaReport(n, manager, "Chelsea", relation, source, 1, at, story if story is not None else n)


def appointed(winner: str, at: datetime = LOCK, question: Question = JOB) -> Resolution:
    option = question.options.index(winner) if winner in question.options else question.someone_else
    assert option is not None
    return Resolution(option=option, winner=winner, at=at, text=f"Chelsea appointed {winner}", source="Chelsea")


# -- the points of one call ------------------------------------------------------------------------


def test_a_right_call_is_worth_100_at_the_opening_50_at_the_lock_and_in_between_by_how_early_it_came() -> None:
    assert points(True, OPEN, OPEN, LOCK) == 100
    assert points(True, LOCK, OPEN, LOCK) == 50
    assert points(True, day(10), OPEN, LOCK) == 75
    assert points(True, day(15), OPEN, LOCK) == 63  # 50 + 50 × 5/20 = 62.5, rounded half up


def test_a_wrong_call_is_worth_nothing_however_early() -> None:
    assert points(False, OPEN, OPEN, LOCK) == 0


def test_a_call_made_before_the_question_opened_counts_as_made_at_the_opening() -> None:
    assert points(True, OPEN - timedelta(days=30), OPEN, LOCK) == 100


def test_a_question_locked_the_instant_it_opened_gives_a_right_call_full_points() -> None:
    assert points(True, OPEN, OPEN, OPEN) == 100


# -- which answer counts -----------------------------------------------------------------------------


def test_the_latest_answer_before_the_lock_counts_with_the_time_it_was_given() -> None:
    calls = fan_calls(JOB, [answer("a", 0, day(1)), answer("a", 1, day(5))], LOCK)
    assert calls == [Call(Player.FAN, "a", "Fan a", "Thomas Frank", day(5))]


def test_a_change_after_the_lock_does_not_count_and_the_answer_before_it_keeps_its_time() -> None:
    calls = fan_calls(JOB, [answer("a", 0, day(1)), answer("a", 1, LOCK + timedelta(minutes=1))], LOCK)
    assert calls == [Call(Player.FAN, "a", "Fan a", "Xabi Alonso", day(1))]
    exactly_at_the_lock = fan_calls(JOB, [answer("b", 0, day(1)), answer("b", 1, LOCK)], LOCK)
    assert [c.choice for c in exactly_at_the_lock] == ["Xabi Alonso"]


def test_choosing_the_same_option_again_keeps_the_time_it_was_first_chosen() -> None:
    calls = fan_calls(JOB, [answer("a", 0, day(1)), answer("a", 0, day(9))], LOCK)
    assert [c.since for c in calls] == [day(1)]


def test_a_withdrawn_answer_is_no_call_and_answering_again_starts_a_new_time() -> None:
    assert fan_calls(JOB, [answer("a", 0, day(1)), answer("a", None, day(2))], LOCK) == []
    again = fan_calls(JOB, [answer("a", 0, day(1)), answer("a", None, day(2)), answer("a", 0, day(3))], LOCK)
    assert [c.since for c in again] == [day(3)]


def test_answers_are_taken_in_time_order_whatever_order_they_are_given_in() -> None:
    calls = fan_calls(JOB, [answer("a", 1, day(5)), answer("a", 0, day(1))], LOCK)
    assert [c.choice for c in calls] == ["Thomas Frank"]


def test_an_answer_naming_no_option_of_the_question_is_ignored() -> None:
    assert fan_calls(JOB, [answer("a", 9, day(1))], LOCK) == []


def test_the_latest_name_a_fan_answered_under_is_the_one_shown() -> None:
    renamed = replace(answer("a", 0, day(2)), user_name="Alice")
    [call] = fan_calls(JOB, [answer("a", 0, day(1)), renamed], LOCK)
    assert call.name == "Alice"


# -- scoring a resolved question ---------------------------------------------------------------------


def test_three_fans_one_changing_their_mind_are_scored_by_their_last_answer_and_its_time() -> None:
    answers = [
        answer("a", 0, day(2)),  # Alonso early: right
        answer("b", 1, day(4)),  # Frank: wrong
        answer("c", 1, day(1)),
        answer("c", 0, day(12)),  # changed to Alonso: right, but later
    ]
    scores = score(JOB, fan_calls(JOB, answers, LOCK), appointed("Xabi Alonso"), LOCK)
    assert {(s.player_id, s.correct, s.points) for s in scores} == {("a", True, 95), ("b", False, 0), ("c", True, 70)}


def test_someone_else_scores_when_the_winner_was_not_listed_and_only_then() -> None:
    calls = fan_calls(JOB, [answer("a", 2, day(1)), answer("b", 0, day(1))], LOCK)
    unlisted = {s.player_id: s.correct for s in score(JOB, calls, appointed("Mauricio Pochettino"), LOCK)}
    assert unlisted == {"a": True, "b": False}
    listed = {s.player_id: s.correct for s in score(JOB, calls, appointed("Xabi Alonso"), LOCK)}
    assert listed == {"a": False, "b": True}


def test_a_question_that_resolves_with_no_answers_scores_nobody() -> None:
    assert score(JOB, fan_calls(JOB, [], LOCK), appointed("Xabi Alonso"), LOCK) == []


def test_two_fans_with_the_same_call_at_the_same_time_tie_and_share_a_rank() -> None:
    answers = [answer("a", 0, day(3)), answer("b", 0, day(3)), answer("c", 0, day(8)), answer("d", 1, day(1))]
    scores = score(JOB, fan_calls(JOB, answers, LOCK), appointed("Xabi Alonso"), LOCK)
    by_fan = {s.player_id: s.points for s in scores}
    assert by_fan["a"] == by_fan["b"] > by_fan["c"] > by_fan["d"] == 0
    lines = [(fan, f"Fan {fan}", pts, 1, int(pts > 0)) for fan, pts in by_fan.items()]
    assert [(s.rank, s.user_id) for s in rank(lines)] == [
        (1, "a"),
        (1, "b"),
        (3, "c"),
        (4, "d"),
    ]


# -- the insiders, by the same rule ------------------------------------------------------------------


def test_a_source_calls_the_candidate_of_its_latest_single_name_story_before_the_lock() -> None:
    reports = [
        report("David Ornstein", "Thomas Frank", "linked", day(-3), 1),
        report("David Ornstein", "Xabi Alonso", "talks", day(6), 2),
        report("David Ornstein", "Xabi Alonso", "agreed", day(15), 3),  # same call: keeps day 6
        report("The Sun", "Thomas Frank", "talks", day(2), 4),
        report("The Sun", "Xabi Alonso", "linked", day(21), 5),  # after the lock: does not count
    ]
    calls = source_calls(JOB, reports, LOCK)
    assert calls == [
        Call(Player.SOURCE, "David Ornstein", "David Ornstein", "Xabi Alonso", day(6), tier=1),
        Call(Player.SOURCE, "The Sun", "The Sun", "Thomas Frank", day(2), tier=1),
    ]


def test_a_story_naming_several_candidates_is_no_call_and_denials_call_nobody() -> None:
    reports = [
        report("Daily Mail", "Xabi Alonso", "linked", day(1), 1, story=50),
        report("Daily Mail", "Thomas Frank", "linked", day(1), 2, story=50),  # a shortlist: no call
        report("Sky Sports", "Xabi Alonso", "talks", day(2), 3),
        report("Sky Sports", "Xabi Alonso", "denied", day(4), 4),  # "no truth in it": withdraws the call
        report("BBC Sport", "Enzo Maresca", "sacked", day(0), 5),  # the departure: not a candidate
    ]
    assert source_calls(JOB, reports, LOCK) == []


def test_a_fan_who_called_it_before_the_first_insider_is_told_by_how_long() -> None:
    reports = [report("David Ornstein", "Xabi Alonso", "talks", day(19), 1)]
    calls = [
        *fan_calls(JOB, [answer("a", 0, day(0)), answer("b", 0, day(19.5))], LOCK),
        *source_calls(JOB, reports, LOCK),
    ]
    scores = {s.player_id: s for s in score(JOB, calls, appointed("Xabi Alonso"), LOCK)}
    assert (scores["a"].versus, scores["a"].lead_seconds) == ("David Ornstein", 19 * 86400)
    assert (scores["b"].versus, scores["b"].lead_seconds) == ("David Ornstein", -12 * 3600)
    assert scores["David Ornstein"].player is Player.SOURCE
    assert scores["David Ornstein"].points == points(True, day(19), OPEN, LOCK)


def test_a_source_naming_the_unlisted_winner_is_right_though_the_fans_option_was_someone_else() -> None:
    reports = [report("Fabrizio Romano", "Mauricio Pochettino", "talks", day(3), 1)]
    scores = score(JOB, source_calls(JOB, reports, LOCK), appointed("Mauricio Pochettino"), LOCK)
    assert [(s.player_id, s.choice, s.correct) for s in scores] == [("Fabrizio Romano", "Mauricio Pochettino", True)]


def test_sources_on_a_pressure_question_call_no_with_sacking_talk_and_yes_with_a_new_contract() -> None:
    reports = [
        SagaReport(1, "Enzo Maresca", "Chelsea", "under_pressure", "The Sun", 4, day(1), 1),
        SagaReport(2, "Enzo Maresca", "Chelsea", "extension", "Sky Sports", 2, day(2), 2),
        SagaReport(3, "Enzo Maresca", "Chelsea", "stays", "Daily Mail", 3, day(3), 3),
        SagaReport(4, "Enzo Maresca", "Chelsea", "under_pressure", "Daily Mail", 3, day(4), 4),
        SagaReport(5, "Xabi Alonso", "Chelsea", "linked", "Daily Mail", 3, day(5), 5),  # another manager
    ]
    calls = {c.player_id: (c.choice, c.since) for c in source_calls(PRESSURE, reports, LOCK)}
    assert calls == {"The Sun": (NO, day(1)), "Sky Sports": (YES, day(2)), "Daily Mail": (NO, day(4))}
