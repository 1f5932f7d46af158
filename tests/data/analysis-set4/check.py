"""Consistency check for the analysis-set4 story files (labels only; runs nothing else).

Usage: python3 tests/data/analysis-set4/check.py
"""
import collections
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RELATIONS = {"linked", "talks", "offer", "agreed", "appointed", "rejected", "denied",
             "stays", "extension", "sacked", "left", "under_pressure"}
DEFINITE = {"sacked", "appointed", "agreed", "left", "extension"}
FACTUALITY = {"done", "expected", "possible", "question", "denied", "reported"}
# LABELLING.md v2 table: event -> stage for each factuality (possible and question share a column)
TABLE_STAGES = {
    "done": RELATIONS - {"denied"},
    "expected": {"linked", "talks", "rejected", "stays", "under_pressure"},
    "possible": {"linked", "talks", "stays", "under_pressure"},
    "question": {"linked", "talks", "stays", "under_pressure"},
    "denied": {"denied"},
    "reported": {"linked", "talks", "offer", "rejected", "stays", "under_pressure"},
}
LEAGUES = {"premier-league", "championship", "league-one", "league-two", "scottish-premiership",
           "laliga", "serie-a", "bundesliga", "ligue-1", "primeira-liga", "eredivisie",
           "belgian-pro-league", "super-lig", "saudi-pro-league", "mls", "nwsl", "brasileirao",
           "wsl", "liga-f", "national-teams"}


def main():
    errors = []
    files = sorted(glob.glob(os.path.join(HERE, "f[0-9]*-*.json")))
    fact_count = collections.Counter()
    rel_count = collections.Counter()
    tag_count = collections.Counter()
    league_count = collections.Counter()
    n_rss = n_neg = n_pairs = 0
    for path in files:
        name = os.path.basename(path)
        err = lambda msg: errors.append(f"{name}: {msg}")
        try:
            with open(path, encoding="utf-8") as fh:
                story = json.load(fh)
        except ValueError as exc:
            err(f"invalid JSON: {exc}")
            continue
        art, exp, tags = story.get("article"), story.get("expected"), story.get("tags")
        if not isinstance(art, dict) or not isinstance(exp, dict) or not isinstance(tags, list):
            err("missing article / expected / tags")
            continue
        for key in ("title", "text", "url", "outlet", "published"):
            if not isinstance(art.get(key), str):
                err(f"article.{key} missing")
        if not re.fullmatch(r"20(25-(0[89]|1[0-2])|26-(0[1-9]|1[01]))-\d\dT\d\d:\d\d:\d\dZ",
                            art.get("published", "")):
            err(f"published out of range or malformed: {art.get('published')}")
        if not art.get("url", "").startswith("https://"):
            err("url is not https")
        for key in ("is_manager_rumour", "managers", "clubs", "rumours", "sources"):
            if key not in exp:
                err(f"expected.{key} missing")
        managers, clubs = set(exp.get("managers", [])), set(exp.get("clubs", []))
        rumours = exp.get("rumours", [])
        if len(managers) != len(exp.get("managers", [])):
            err("duplicate manager")
        if len(clubs) != len(exp.get("clubs", [])):
            err("duplicate club")
        seen_pairs = set()
        for r in rumours:
            rel, fact = r.get("relation"), r.get("factuality")
            if rel not in RELATIONS:
                err(f"bad relation {rel}")
            if fact not in FACTUALITY:
                err(f"bad factuality {fact}")
            if rel in DEFINITE and fact != "done":
                err(f"definite relation {rel} with factuality {fact}")
            if fact in TABLE_STAGES and rel not in TABLE_STAGES[fact]:
                err(f"relation {rel} not allowed with factuality {fact}")
            if (rel == "denied") != (fact == "denied"):
                err("relation denied goes only with factuality denied")
            if r.get("manager") not in managers:
                err(f"rumour manager {r.get('manager')} not in managers")
            if r.get("club") not in clubs:
                err(f"rumour club {r.get('club')} not in clubs")
            if "caretaker" in r and r["caretaker"] is not True:
                err("caretaker must be true or absent")
            pair = (r.get("manager"), r.get("club"))
            if pair in seen_pairs:
                err(f"two rumours for {pair}")
            seen_pairs.add(pair)
            fact_count[fact] += 1
            rel_count[rel] += 1
            n_pairs += 1
        body = art.get("title", "") + " " + art.get("text", "")
        for m in managers:
            if m.split()[-1] not in body:
                err(f"manager {m} not found in title/text")
        if exp.get("is_manager_rumour"):
            if not rumours:
                err("positive story without rumours")
            if "hard_negative" in tags:
                err("positive story tagged hard_negative")
        else:
            n_neg += 1
            if rumours or managers or exp.get("sources"):
                err("negative story with rumours / managers / sources")
            if "hard_negative" not in tags:
                err("negative story without hard_negative tag")
        n = len(art.get("text", ""))
        if ("short" in tags) != (n < 400):
            err(f"short tag does not match text length {n}")
        if ("long" in tags) != (n > 2000):
            err(f"long tag does not match text length {n}")
        if "rss" in tags:
            n_rss += 1
            if art.get("text", "").count("\n\n"):
                err("rss item with several paragraphs")
        if ("ambiguous" in tags) and not story.get("note"):
            err("ambiguous without note")
        story_leagues = [t.split(":", 1)[1] for t in tags if t.startswith("league:")]
        for lg in story_leagues:
            if lg not in LEAGUES:
                err(f"unknown league tag {lg}")
            league_count[lg] += 1
        if not story_leagues and "other_sport" not in tags:
            err("no league tag")
        tag_count.update(t for t in tags if not t.startswith("league:"))

    total = len(files)
    print(f"stories: {total}   rss: {n_rss}   full articles: {total - n_rss}   "
          f"negatives: {n_neg} ({100 * n_neg / max(total, 1):.0f} %)   rumour pairs: {n_pairs}")
    print("factuality:", dict(sorted(fact_count.items())))
    print("relations:", dict(sorted(rel_count.items())))
    print("leagues:", dict(sorted(league_count.items())))
    print("tags:", dict(sorted(tag_count.items())))
    if total < 84:
        errors.append(f"only {total} stories (need at least 84)")
    if 2 * n_rss < total:
        errors.append("fewer than half the stories are rss")
    good_leagues = [lg for lg, c in league_count.items() if c >= 2]
    if len(good_leagues) < 15:
        errors.append(f"only {len(good_leagues)} leagues with at least 2 stories")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
