"""`rumourbot kb …` and `rumourbot threads resolve`: the learned jobs for operators to review, correct
and write back, and resolving a thread by hand (docs/adr/0007-resolutions-records-and-jobs.md)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import datetime

from bot.domain.jobs import JobChange, JobRow
from bot.rumours.jobs import JobBook

_BLOCK = re.compile(r"^\s*\[\[manager\]\]\s*$")
_NAME = re.compile(r'^\s*name\s*=\s*"((?:[^"\\]|\\.)*)"')
_CLUB = re.compile(r"^(\s*club\s*=\s*)\"(?:[^\"\\]|\\.)*\"(.*)$")


def job_line(row: JobRow) -> str:
    """One change of job as `kb jobs` prints it."""
    what = {
        JobChange.APPOINTED: f"appointed by {row.club}" + (" (caretaker)" if row.caretaker else ""),
        JobChange.SACKED: f"sacked by {row.club}",
        JobChange.LEFT: f"left {row.club}",
        JobChange.SET: f"set to {row.club or 'no club'}",
    }[row.change]
    source = f"{row.source}" + (f" <{row.url}>" if row.url else "") if row.source else f"by {row.learned_by}"
    return f"{row.since:%Y-%m-%d}  {row.manager}: {what} — {source}"


def jobs_json(rows: Sequence[JobRow]) -> str:
    return json.dumps(
        [
            {
                "since": r.since.isoformat(),
                "manager": r.manager,
                "change": r.change.value,
                "club": r.club,
                "caretaker": r.caretaker,
                "source": r.source,
                "url": r.url,
                "learned_by": r.learned_by,
            }
            for r in rows
        ],
        ensure_ascii=False,
        indent=2,
    )


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a TOML basic string is a JSON string


def export_managers(shipped_text: str, book: JobBook, rows: Sequence[JobRow], now: datetime) -> str:
    """The shipped managers file with each changed manager's ``club`` set to what was learned; every
    other line (comments, aliases, order) as it was, and a header naming the changes for review."""
    changed = {r.manager for r in rows}
    lines = shipped_text.splitlines()
    out: list[str] = []
    current: str | None = None
    seen: set[str] = set()
    has_club = False

    def close() -> None:
        if current in changed and not has_club:
            out.append(f"club = {_quote(book.club_of(current))}")

    for line in lines:
        if _BLOCK.match(line):
            close()
            current, has_club = None, False
            out.append(line)
            continue
        name = _NAME.match(line)
        if name and current is None:
            current = json.loads(f'"{name.group(1)}"')
            seen.add(current)
        club = _CLUB.match(line)
        if club and current in changed:
            has_club = True
            out.append(f"{club.group(1)}{_quote(book.club_of(current))}{club.group(2)}")
            continue
        out.append(line)
    close()
    for manager in sorted(changed - seen):
        out += ["", "[[manager]]", f"name = {_quote(manager)}", f"club = {_quote(book.club_of(manager))}"]
    header = [f"# Learned changes of job written back by `rumourbot kb export` on {now:%Y-%m-%d}; review them:"]
    header += [f"#   {job_line(r)}" for r in rows]
    return "\n".join([*header, "#", *out]) + "\n"
