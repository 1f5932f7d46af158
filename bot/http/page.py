"""The status page: the hottest rumour threads with their stage timelines, and feed health.

Server-rendered HTML with no script and no external asset. Every text from a feed (titles, sources,
outlets, errors, URLs) is escaped, and only http(s) links become links; the server also sends a
Content-Security-Policy that forbids scripts, as a second line of defence.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape

from bot.http.health import FEED_STATES, Health, Snapshot, feed_state
from bot.http.page_questions import QuestionsView, questions_section
from bot.render.card import Card
from bot.render.threads import TIER_LABEL, stage_label
from bot.store.base import FeedRow, ThreadView

MAX_PROBLEM_FEEDS = 100
STATE_LABEL = {"ok": "ok", "backing_off": "backing off", "disabled": "disabled", "not_polled": "not polled yet"}
STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
.muted{color:#666;font-size:.9rem}.ok{color:#137333}.bad{color:#b3261e}
#threads li{margin:.8rem 0}.thread-title{font-weight:600}.headline{margin:.15rem 0}
ol.timeline{list-style:none;padding-left:1rem;border-left:3px solid #c9d7f2;margin:.3rem 0}
ol.timeline li{margin:.1rem 0}.stage{display:inline-block;min-width:7.5rem;font-weight:600}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border-bottom:1px solid #eee;padding:.3rem;
text-align:left;vertical-align:top}td.error{color:#b3261e;word-break:break-word}
"""


def _t(text: object) -> str:
    return escape(str(text), quote=True)


def _when(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d %H:%M UTC") if at else "never"


def _link(url: str, text: str) -> str:
    if url.lower().startswith(("https://", "http://")):
        return f'<a href="{_t(url)}" rel="noopener noreferrer nofollow">{_t(text)}</a>'
    return _t(text)


def _thread(view: ThreadView) -> str:
    s = view.state
    head = next((r for r in view.reports if not r.duplicate and r.title), None)
    headline = (
        f'<p class="headline">{_link(head.url, head.title)}'
        f' <span class="muted">({_t(head.outlet or head.source)})</span></p>'
        if head
        else ""
    )
    tier = TIER_LABEL.get(s.best_tier, f"tier {s.best_tier}")
    steps = "".join(
        f'<li><span class="stage">{_t(stage_label(row.stage))}</span> {_t(row.source)}'
        f' <span class="muted">seen {_when(row.at)}</span></li>'
        for row in view.timeline
    )
    return (
        f'<li class="thread"><div class="thread-title">{_t(s.manager)} → {_t(s.club)}: {_t(stage_label(s.stage))}</div>'
        f"{headline}"
        f'<div class="muted">heat {view.heat:.1f} · best source {_t(tier)} · {s.corroboration} independent'
        f" source{'s' if s.corroboration != 1 else ''} · latest report published {_when(s.last_update)}</div>"
        f'<ol class="timeline">{steps}</ol></li>'
    )


def _feed_row(feed: FeedRow) -> str:
    state = feed_state(feed)
    problem = feed.disabled_reason or feed.last_error or ""
    since = f" since {_when(feed.failing_since)}" if feed.failing_since and state == "backing_off" else ""
    return (
        f"<tr><td>{_link(feed.url, feed.outlet or feed.title or feed.url)}</td>"
        f'<td class="{"ok" if state == "ok" else "bad"}">{_t(STATE_LABEL[state])}{_t(since)}</td>'
        f'<td>{feed.failures}</td><td>{_when(feed.last_ok_at)}</td><td class="error">{_t(problem)}</td></tr>'
    )


def _feeds(snap: Snapshot) -> str:
    if snap.error:
        return f'<p class="bad">The store could not be read: {_t(snap.error)}</p>'
    counts = snap.feed_counts
    summary = " · ".join(f"{counts[s]} {STATE_LABEL[s]}" for s in FEED_STATES)
    troubled = [f for f in snap.feeds if feed_state(f) in ("backing_off", "disabled")]
    shown = troubled[:MAX_PROBLEM_FEEDS]
    rows = "".join(_feed_row(f) for f in shown)
    more = (
        f'<p class="muted">… and {len(troubled) - len(shown)} more; <code>rumourbot feeds status</code> lists all.</p>'
        if len(troubled) > len(shown)
        else ""
    )
    table = (
        "<table><thead><tr><th>feed</th><th>state</th><th>failures</th><th>last ok</th><th>last error</th></tr>"
        f"</thead><tbody>{rows}</tbody></table>{more}"
        if shown
        else '<p class="ok">No feed is failing.</p>'
    )
    return f'<p id="feed-summary">{len(snap.feeds)} feeds: {_t(summary)}</p>{table}'


def _board(card: Card) -> str:
    """A board or table (sack race, vacancies, sources) as a section: its lines, then its fields."""
    slug = "board-" + "".join(c if c.isalnum() else "-" for c in card.title.lower().split(" — ")[0])
    lines = "".join(f"<li>{_t(line.lstrip('•0123456789. '))}</li>" for line in card.body.splitlines() if line.strip())
    fields = "".join(f"<tr><th>{_t(k)}</th><td>{_t(v)}</td></tr>" for k, v in card.fields)
    table = f"<table>{fields}</table>" if fields else ""
    footer = f'<p class="muted">{_t(card.footer)}</p>'
    return f'<h2>{_t(card.title)}</h2><section id="{slug}"><ul>{lines}</ul>{table}{footer}</section>'


def render_status(
    views: list[ThreadView],
    snap: Snapshot,
    health: Health,
    now: datetime,
    boards: Sequence[Card] = (),
    questions: QuestionsView | None = None,
) -> str:
    state = '<span class="ok">healthy</span>' if health.ok else '<span class="bad">unhealthy</span>'
    items = "".join(f"<li>{_t(p)}</li>" for p in health.problems)
    problems = f'<ul id="problems">{items}</ul>' if items else ""
    threads = "".join(_thread(v) for v in views) or '<li class="empty">No rumour thread updated this week.</li>'
    game = (
        f'<h2>Prediction questions</h2><section id="questions">{questions_section(questions)}</section>'
        if questions is not None
        else ""
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="refresh" content="60">'
        f"<title>rumourbot status</title><style>{STYLE}</style></head><body>"
        f'<h1>rumourbot</h1><p class="muted">{_when(now)} · {state} · '
        '<a href="/healthz">/healthz</a> · <a href="/metrics">/metrics</a></p>'
        f"{problems}"
        f'<h2>Hottest rumours</h2><ol id="threads">{threads}</ol>'
        f"{''.join(_board(card) for card in boards)}"
        f'<h2>Feed health</h2><section id="feeds">{_feeds(snap)}</section>'
        f"{game}"
        "</body></html>"
    )
