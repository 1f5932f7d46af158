"""What the prediction game says: questions, results posts, leaderboards and a fan's calls.

Plain text; each platform escapes it. Fans are named, never mentioned: names are shown as the platform
gave them, with "@" replaced by a look-alike so no client turns one into a mention. Play only: nothing
here speaks of odds or stakes, and nothing links anywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.questions import (
    Player,
    Question,
    QuestionKind,
    QuestionStatus,
    Score,
    Standing,
)
from bot.render.card import QuestionCard

POLL_QUESTION_MAX = 300  # Telegram's limit; Discord's menu placeholder is shorter and cut by its renderer
OPTION_MAX = 100  # Telegram's and Discord's limit for an option's text
MAX_NAMED = 10  # winners named in a results post
PLAY_ONLY = "Play only: points for calling it early, nothing at stake."


def safe_name(name: str) -> str:
    """A fan's name as shown: one line, at most 40 characters, no "@" a client could read as a mention."""
    cleaned = " ".join("".join(ch for ch in name if ch.isprintable()).split()).replace("@", "＠")
    return (cleaned[:39] + "…" if len(cleaned) > 40 else cleaned) or "someone"


def when(at: datetime) -> str:
    return f"{at:%d %b %Y}"


def span(seconds: int) -> str:
    """A lead as fans say it: "19 days", "5 hours", "a few minutes"."""
    seconds = abs(seconds)
    if seconds >= 2 * 86400:
        return f"{seconds // 86400} days"
    if seconds >= 86400:
        return "a day"
    if seconds >= 2 * 3600:
        return f"{seconds // 3600} hours"
    if seconds >= 3600:
        return "an hour"
    return "a few minutes"


def question_text(q: Question) -> str:
    if q.kind is QuestionKind.STILL_IN_CHARGE:
        return f"Will {q.manager} still be in charge at {q.club} on {when(q.deadline)}?"
    return f"Who will be {q.club}'s next permanent manager?"


def question_card(q: Question) -> QuestionCard:
    ask = question_text(q)
    number = f" (#{q.id})"
    ask = ask[: POLL_QUESTION_MAX - len(number) - 1] + "…" if len(ask) + len(number) > POLL_QUESTION_MAX else ask
    if q.is_closed:
        note = f"Locked {when(q.lock_at)}: no more calls. Results follow when the answer is known."
    else:
        note = (
            f"Pick your call; you can change it until it locks on {q.lock_at:%d %b %Y %H:%M} UTC or when the answer"
            f" is known. The earlier a right call, the more points. {PLAY_ONLY}"
        )
    return QuestionCard(q.id, ask + number, tuple(o[:OPTION_MAX] for o in q.options), note, locked=q.is_closed)


def _lead(score: Score) -> str:
    if score.lead_seconds is None or not score.versus:
        return ""
    if score.lead_seconds > 0:
        return f"{span(score.lead_seconds)} before {score.versus}"
    if score.lead_seconds == 0:
        return f"at the same time as {score.versus}"
    return f"{span(score.lead_seconds)} after {score.versus}"


def results_text(q: Question, scores: Sequence[Score]) -> str:
    """The post in the chat when a question resolves: the answer, who called it, the insiders."""
    head = f"Question #{q.id}: {question_text(q)}"
    if q.status is QuestionStatus.VOID:
        return f"{head}\nClosed without an answer: {q.outcome_text or 'nothing was reported in time'}. Nobody scores."
    answer = q.options[q.outcome] if q.outcome is not None else "?"
    source = f" (reported by {q.outcome_source}, {when(q.outcome_at)})" if q.outcome_source and q.outcome_at else ""
    lines = [head, f"Answer: {answer} — {q.outcome_text}{source}."]
    fans = [s for s in scores if s.player is Player.FAN]
    right = [s for s in fans if s.correct]
    if not fans:
        lines.append("Nobody made a call.")
    elif not right:
        lines.append(f"Nobody called it: {len(fans)} call{'s' if len(fans) != 1 else ''}, all wrong.")
    else:
        named = ", ".join(f"{safe_name(s.name)} ({s.points})" for s in right[:MAX_NAMED])
        more = f" and {len(right) - MAX_NAMED} more" if len(right) > MAX_NAMED else ""
        wrong = len(fans) - len(right)
        lines.append(f"Called it: {named}{more}." + (f" {wrong} wrong." if wrong else ""))
        best = right[0]
        if lead := _lead(best):
            lines.append(f"{safe_name(best.name)} called it {lead}.")
    insiders = [s for s in scores if s.player is Player.SOURCE and s.correct]
    if insiders:
        first = min(insiders, key=lambda s: s.since)
        lines.append(f"First insider to call it: {first.name}, {when(first.since)}.")
    lines.append("/leaderboard for the table, /mycalls for yours.")
    return "\n".join(lines)


def leaderboard_text(standings: Sequence[Standing], season: str | None, me: str, limit: int = 10) -> str:
    title = f"Leaderboard, {season} season" if season else "Leaderboard, all seasons"
    if not standings:
        return f"{title}: no calls scored yet. Answer a question (/predict shows them) and come back when it resolves."
    shown = list(standings[:limit])
    mine = next((s for s in standings if s.user_id == me), None)
    lines = [f"{title}:"]
    lines += [f"{s.rank}. {safe_name(s.name)} — {s.points} pts ({s.correct}/{s.questions} right)" for s in shown]
    if mine is not None and mine not in shown:
        lines.append(
            f"…\n{mine.rank}. {safe_name(mine.name)} — {mine.points} pts ({mine.correct}/{mine.questions} right)"
        )
    return "\n".join(lines)


def call_line(q: Question, choice: str | None, since: datetime | None, score: Score | None) -> str:
    """One line of /mycalls about one question."""
    head = f"#{q.id} {question_text(q)}"
    if score is not None:
        verdict = f"right, {score.points} pts" if score.correct else "wrong, 0 pts"
        lead = _lead(score)
        return f"{head}\n   your call: {score.choice} ({when(score.since)}) — {verdict}" + (f"; {lead}" if lead else "")
    if choice is None:
        return f"{head}\n   no call yet" + ("" if q.status is QuestionStatus.OPEN else " (locked)")
    state = "counts until it locks" if q.status is QuestionStatus.OPEN else "locked in; waiting for the answer"
    if q.status in (QuestionStatus.RESOLVED, QuestionStatus.VOID):
        state = "not scored"
    return f"{head}\n   your call: {choice} (since {when(since) if since else '?'}) — {state}"
