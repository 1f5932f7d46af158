"""Validate the story files in this directory against LABELLING.md (version 2).

Run: python3 tests/data/analysis-set35/check.py
Prints problems (exit code 1 if any) and the composition of the set; the checks are
../storyset_check.py's, with this set's numbers.

This set's prefix has two letters (`hl`). The shared checker's exact-count check reads the story
number as the two characters after a one-letter prefix (``name[1:3]``), which fails on ``hl01-...``.
So this file (not the shared checker, which is left unchanged) runs the shared checks with
``exact=False`` (at least 50 stories) and does the exact part itself: exactly 50 stories, numbered
hl01 .. hl50 without gaps or duplicates. Its problems are merged into the shared report.
"""
import contextlib
import datetime
import io
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
# The shared checker lives one level up (tests/data/); fall back to the repository copy when this
# file is run from a working copy outside the repository.
for candidate in (HERE.parent, pathlib.Path("/work/main/tests/data")):
    if (candidate / "storyset_check.py").is_file():
        sys.path.insert(0, str(candidate))
        break

from storyset_check import Rules, run  # noqa: E402

PREFIX = "hl"
STORIES = 50

RULES = Rules(
    prefix=PREFIX,
    stories=STORIES,
    exact=False,  # the exact count and numbering are checked below (two-letter prefix)
    min_rss=35,
    min_long=5,
    unknown=(2, 4),
    min_leagues=12,
    first_day=datetime.datetime(2026, 1, 1),
    after_last_day=datetime.datetime(2026, 12, 1),
)


def numbering_problems(here: pathlib.Path) -> list[str]:
    """Exactly ``STORIES`` files, numbered PREFIX01 .. PREFIXNN without gaps or duplicates."""
    names = sorted(p.name for p in here.glob("*.json"))
    problems = []
    if len(names) != STORIES:
        problems.append(f"{len(names)} stories, expected {STORIES}")
    numbers = sorted(int(m.group(1)) for n in names if (m := re.match(rf"^{PREFIX}(\d{{2}})-", n)))
    if numbers != list(range(1, len(names) + 1)):
        problems.append(f"story numbers are not {PREFIX}01 .. {PREFIX}NN without gaps or duplicates")
    return problems


def main() -> int:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        status = run(HERE, RULES)
    out = buf.getvalue()
    extra = numbering_problems(HERE)
    if extra:
        if status == 0:
            out = out.replace("\nno problems\n", "\nPROBLEMS:\n")
        out += "".join(f"  {p}\n" for p in extra)
        status = 1
    sys.stdout.write(out)
    return status


if __name__ == "__main__":
    sys.exit(main())
