"""/why: why a story was or was not posted to this chat.

The argument is a story link, a thread number (shown at the foot of each card: "thread #12") or a
manager or club (their latest thread). The answer comes from what the ingest recorded with each entry
(not a manager rumour, a feed's first poll, too old), the reports (a near-copy is a duplicate), the
thread's events and this chat's deliveries of them, and the chat's follows and settings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from bot.commands.base import Invocation
from bot.commands.names import NameResolver
from bot.commands.ports import WhyReads
from bot.domain import STAGE_RANK, Cause, DeliveryMode, EventKind, Outcome, Relation, TargetKind, ThreadView
from bot.render.card import Reply
from bot.render.threads import TIER_LABEL, resolution_line, stage_label, update_line
from bot.store.base import (
    ChatPrefs,
    EntryDecision,
    EntryTrace,
    EventTrace,
    ReportTrace,
    link_key,
)

USAGE = (
    "Usage: /why <link> (a story's link), /why #12 (a thread number, shown at the foot of each card) "
    "or /why <manager or club> (their latest thread): why it was or was not posted here."
)
MAX_ENTRIES = 3  # the same link in several feeds: explain the first few
TITLE_MAX = 120
_THREAD = re.compile(r"(?:thread\s*)?#\s*(\d{1,12})|(\d{1,12})", re.IGNORECASE)
_LINK = re.compile(r"(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)+/\S*", re.IGNORECASE)
_SILENT_FIRST_POLL = (
    "a feed's first poll is recorded silently, so adding a feed never floods a chat; alerts start with the "
    "stories published after it"
)


def _when(at: datetime) -> str:
    return f"{at:%d %b %H:%M} UTC"


def _tier(tier: int) -> str:
    return TIER_LABEL.get(tier, f"tier {tier}")


def _quoted(title: str) -> str:
    title = " ".join(title.split()) or "(untitled)"
    return f"“{title if len(title) <= TITLE_MAX else title[: TITLE_MAX - 1] + '…'}”"


def outcome(view: ThreadView) -> str:
    """How the thread was resolved and what did it, for /why (empty while it is open)."""
    r = view.resolution
    if r is None:
        return ""
    if r.cause == Cause.STORY:
        story = f"“{' '.join(r.title.split())[:TITLE_MAX]}”" if r.title else "a story"
        how = (
            f"{story}{f' ({r.url})' if r.url else ''}, credited to {r.source or 'no named source'}, reported as done"
            f" that {r.manager} → {r.club}: {stage_label(r.relation)}"
        )
        if (r.manager, r.club) != (view.state.manager, view.state.club):
            what = "happened" if r.outcome == Outcome.TRUE else "cannot happen as reported"
            how += f", so what this thread said {what}"
    elif r.cause == Cause.QUIET:
        how = f"no report about it since {_when(view.state.last_update)}: it was resolved by the quiet period"
        if r.outcome == Outcome.FALSE:
            how += f", and as its last word was “{stage_label(view.state.stage)}”, the move did not happen"
    else:
        how = f"the bot's operator ({r.actor}) marked it by hand" + (f": {r.note}" if r.note else "")
    return f"\n\nResolved {r.outcome.value} on {_when(r.at)}: {how}.\n{resolution_line(view)}."


def _rank(stage: str) -> int:
    try:
        return STAGE_RANK[Relation(stage)]
    except ValueError:
        return 0


class Why:
    """The /why handler; reads only through the store."""

    def __init__(self, store: WhyReads, names: NameResolver, clock: Callable[[], datetime]) -> None:
        self.store = store
        self.names = names
        self.clock = clock

    async def __call__(self, inv: Invocation) -> Reply:
        arg = inv.args.strip().strip("<>").strip()
        if not arg:
            return Reply(USAGE, ephemeral=True)
        if _LINK.fullmatch(arg):
            return await self._link(arg, inv.chat.key)
        if (number := _THREAD.fullmatch(arg)) is not None:
            thread_id = int(number[1] or number[2])
            view = await self.store.thread(thread_id)
            if view is None:
                return Reply(f"There is no thread #{thread_id}. {USAGE}", ephemeral=True)
            posted = await self._thread(thread_id, view.state.manager, view.state.club, inv.chat.key)
            return Reply(posted + outcome(view))
        res = self.names.resolve(arg)
        if not isinstance(res.kind, TargetKind):
            hint = f" Did you mean {' or '.join(res.suggestions[:3])}?" if res.suggestions else ""
            return Reply(
                f"That is not a link, a thread number or a manager or club I know.{hint} {USAGE}", ephemeral=True
            )
        views = await self.store.threads_about(**{res.kind: res.name}, limit=1)
        if not views:
            return Reply(f"There is no rumour thread about {res.name} yet, so nothing about them was posted.")
        state = views[0].state
        assert state.id is not None
        return Reply(await self._thread(state.id, state.manager, state.club, inv.chat.key) + outcome(views[0]))

    # -- a link --------------------------------------------------------------------------------

    async def _link(self, link: str, chat_key: str) -> Reply:
        entries = await self.store.entries_by_link(link_key(link), MAX_ENTRIES)
        if not entries:
            return Reply("I have not seen that link in any feed I read, so there was nothing to post.")
        paragraphs = []
        for entry in entries:
            head = f"{_quoted(entry.title)} ({entry.feed}, seen {_when(entry.seen_at)}):"
            reasons = await self._entry(entry, chat_key)
            paragraphs.append("\n".join([head, *(f"• {r}" for r in reasons)]))
        return Reply("\n\n".join(paragraphs))

    async def _entry(self, entry: EntryTrace, chat_key: str) -> list[str]:
        if entry.decision == EntryDecision.NOT_RUMOUR or not entry.is_rumour:
            return ["Not posted: it is not a manager rumour (not a story about a manager's or head coach's job)."]
        if entry.decision == EntryDecision.FIRST_POLL:
            return [f"Not posted: it was already in the feed when the bot first read that feed — {_SILENT_FIRST_POLL}."]
        if entry.decision == EntryDecision.TOO_OLD:
            return [f"Not posted: it is too old. {self._age(entry)}"]
        if not entry.reports:
            return ["Not posted: it read as a manager rumour but named no manager and club to follow."]
        return [await self._report(entry, report, chat_key) for report in entry.reports]

    def _age(self, entry: EntryTrace) -> str:
        if entry.published is None:
            return "Stories published longer ago than [feeds] max_age_hours are recorded without alerts."
        hours = max(0.0, (entry.seen_at - entry.published).total_seconds() / 3600)
        return (
            f"It was published {_when(entry.published)}, {hours:.0f} hours before the bot saw it; stories "
            "older than [feeds] max_age_hours join their thread without an alert."
        )

    async def _report(self, entry: EntryTrace, report: ReportTrace, chat_key: str) -> str:
        label = f"thread #{report.thread_id} ({report.manager} → {report.club})"
        if report.duplicate:
            return (
                f"Not posted: it is a duplicate of {label} — a near-copy of a report the thread already had, "
                "so it adds no news and no source."
            )
        log = await self.store.thread_log(report.thread_id, chat_key)
        mine = [
            e
            for e in log
            if e.at == entry.seen_at
            and e.source == report.source
            and (e.kind == EventKind.SOURCE or e.stage == report.relation)
        ]
        if not mine:
            return (
                f"No new alert: it joined {label} without moving it to a later stage or bringing its first "
                f"tier-1 or tier-2 source, so it is not news in itself. /rumour {report.manager} shows the thread."
            )
        queued = [e for e in mine if e.status is not None]  # a stage told by its resolution's alert
        return await self._verdict((queued or mine)[-1], report.best_tier, label, report.manager, report.club, chat_key)

    # -- a thread ------------------------------------------------------------------------------

    async def _thread(self, thread_id: int, manager: str, club: str, chat_key: str) -> str:
        label = f"thread #{thread_id} ({manager} → {club})"
        log = await self.store.thread_log(thread_id, chat_key)
        queued = [e for e in log if e.status is not None]
        if queued:
            return self._delivery(queued[-1], label, await self.store.chat_prefs(chat_key))
        entries = await self.store.thread_entries(thread_id)
        live = [e for e in entries if e.decision in (EntryDecision.LIVE, "")]
        live_at = {e.seen_at for e in live}
        alerting = [e for e in log if e.at in live_at]
        if alerting:
            event = alerting[-1]
            reports = [r for e in live if e.seen_at == event.at for r in e.reports if r.thread_id == thread_id]
            best = min((r.best_tier for r in reports), default=4)
            return f"{label}: {await self._verdict(event, best, label, manager, club, chat_key)}"
        return f"{label}: {self._silent(entries, bool(live))}"

    def _silent(self, entries: Sequence[EntryTrace], any_live: bool) -> str:
        decisions = {e.decision for e in entries}
        reasons = []
        if EntryDecision.FIRST_POLL in decisions:
            reasons.append(
                f"its stories were already in their feeds when the bot first read them — {_SILENT_FIRST_POLL}"
            )
        if EntryDecision.TOO_OLD in decisions:
            old = next(e for e in entries if e.decision == EntryDecision.TOO_OLD)
            reasons.append(f"its stories were too old when seen. {self._age(old)}")
        if any_live:
            reasons.append("nothing since has moved it to a later stage or brought its first tier-1 or tier-2 source")
        return "Not posted: " + ("; ".join(reasons) or "no alert was ever queued for it") + "."

    # -- one event in this chat ----------------------------------------------------------------

    async def _verdict(
        self, event: EventTrace, best_tier: int, label: str, manager: str, club: str, chat_key: str
    ) -> str:
        prefs = await self.store.chat_prefs(chat_key)
        if event.status is not None:
            return self._delivery(event, label, prefs)
        follows = [
            s
            for s in await self.store.following(chat_key)
            if s.target_kind == TargetKind.ALL
            or (s.target_kind, s.target) in ((TargetKind.MANAGER, manager), (TargetKind.CLUB, club))
        ]
        if not follows:
            return (
                f"Not posted here: this chat does not follow {manager}, {club} or all rumours. "
                f"/follow {manager} to get alerts."
            )
        if not any(s.active for s in follows):
            return (
                "Not posted here: this chat's follows are paused because the bot could not post here (removed, "
                "blocked or without rights). Give it access again, then /follow again."
            )
        if all(s.since is not None and s.since > event.at for s in follows if s.active):
            return f"Not posted here: this chat started following after the story arrived ({_when(event.at)})."
        if best_tier > prefs.min_tier:
            return (
                f"Not posted here: its best source was {_tier(best_tier)}, and this chat's tier setting is "
                f"{prefs.min_tier} (only {_tier(prefs.min_tier)} sources or better). /settings tier {best_tier} "
                "would include it."
            )
        if _rank(event.stage) < _rank(prefs.min_stage):
            return (
                f"Not posted here: the rumour was at stage “{stage_label(event.stage)}”, and this chat's stage "
                f"setting is “{stage_label(prefs.min_stage)}” (that stage or later). /settings stage any "
                "would include it."
            )
        return "Not posted here: no alert was queued for this chat (its follows or settings have changed since)."

    def _delivery(self, event: EventTrace, label: str, prefs: ChatPrefs) -> str:
        now = self.clock()
        if event.kind == EventKind.CREATED:
            what = f"the alert that started {label}"
        elif event.kind == EventKind.RESOLVED:
            what = f"the news that {label} was resolved (its card edited, and a reply)"
        else:
            line = update_line(event.stage, event.source, event.kind)
            what = f"an update of {label} (its card edited, and a reply: “{line}”)"
        if event.status == "sent":
            return f"Posted here {_when(event.sent_at)}: {what}." if event.sent_at else f"Posted here: {what}."
        if event.status == "sending":
            return f"Being posted here right now: {what}."
        if event.status == "failed":
            return f"Delivery failed: {what} could not be posted here ({event.error or 'unknown error'})."
        if event.status == "dropped":
            return (
                f"Not posted: the bot lost access to this chat ({event.error or 'chat unreachable'}), so its "
                "follows were paused and the queued alert dropped. Give it access again, then /follow again."
            )
        due = event.due_at or now
        if event.attempts:
            return (
                f"Retrying: {event.attempts} attempt(s) to post {what} failed ({event.error or 'unknown error'}); "
                f"next try {_when(due)}."
            )
        if due > now + timedelta(seconds=1) and prefs.mode != DeliveryMode.INSTANT:
            return f"Waiting for this chat's {prefs.mode} roundup, due {_when(due)}: {what}."
        return f"Queued: {what} is about to be posted here."
