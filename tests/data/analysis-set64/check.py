"""Validate the story files in this directory against LABELLING.md (version 2).

Run: python3 tests/data/analysis-set64/check.py
Prints problems (exit code 1 if any) and the composition of the set; the checks are
../storyset_check.py's, with this set's numbers.
"""
import datetime
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
# The shared checker lives one level up (tests/data/); fall back to the repository copy when this
# file is run from a working copy outside the repository.
for candidate in (HERE.parent, pathlib.Path("/work/main/tests/data")):
    if (candidate / "storyset_check.py").is_file():
        sys.path.insert(0, str(candidate))
        break

from storyset_check import Rules, run  # noqa: E402

RULES = Rules(
    prefix="nm",
    stories=50,
    exact=True,
    min_rss=35,
    min_long=5,
    unknown=(2, 4),
    min_leagues=12,
    first_day=datetime.datetime(2026, 1, 1),
    after_last_day=datetime.datetime(2026, 12, 1),
)

if __name__ == "__main__":
    sys.exit(run(HERE, RULES))
