"""The checks every labelled story set's ``check.py`` runs, with the set's own numbers.

Each story file is validated against LABELLING.md (version 2): JSON shape and required keys, allowed
relation / factuality values and the relation x factuality table, definite relations only with
``done``, every rumour's manager in ``managers`` and club in ``clubs``, negatives with no rumours /
managers / sources, ``short`` / ``long`` against the text length; then the set's composition
(story count, RSS and negative shares, leagues) against the numbers its README promises.
"""
import collections
import dataclasses
import datetime
import json
import pathlib
import re


RELATIONS = {"linked", "talks", "offer", "agreed", "appointed", "rejected", "denied",
             "stays", "extension", "sacked", "left", "under_pressure"}
DEFINITE = {"sacked", "appointed", "agreed", "left", "extension"}
FACTUALITIES = {"done", "expected", "possible", "question", "denied", "reported"}

# relation x factuality table of LABELLING.md: the event in the story -> the stage to label.
# Here we only check that the labelled (relation, factuality) pair can come out of the table.
ALLOWED = {
    "done": RELATIONS,
    "expected": {"linked", "talks", "rejected", "stays", "under_pressure"},
    "possible": {"linked", "stays", "talks", "under_pressure"},
    "question": {"linked", "stays", "talks", "under_pressure"},
    "denied": {"denied"},
    "reported": {"linked", "talks", "offer", "rejected", "stays", "under_pressure"},
}

LEAGUES = {
    "premier-league", "championship", "league-one", "league-two", "scottish-premiership",
    "laliga", "serie-a", "bundesliga", "ligue-1", "primeira-liga", "eredivisie",
    "belgian-pro-league", "super-lig", "saudi-pro-league", "mls", "nwsl", "brasileirao",
    "wsl", "liga-f", "national-teams",
}

KNOWN_TAGS = {
    "rss", "hard_negative", "unknown_manager", "ambiguous_nickname", "nickname", "coreference",
    "multiple_managers", "candidate_list", "competing_destinations", "national_team", "womens",
    "interim", "denial", "official", "hedged", "conditional", "question", "past_background",
    "reported_speech", "aggregator", "here_we_go", "sack_race", "tabloid", "live_blog",
    "press_conference", "namesake", "player_future", "other_sport", "feature", "short", "long",
    "ambiguous",
    # topic tags on negatives
    "injury", "loan", "player_extension", "match_report", "director", "assistant", "academy",
    "award", "fine", "transfer", "future_manager", "rugby", "rugby_league", "cricket",
    "basketball", "ice_hockey", "nfl", "punditry",
}


@dataclasses.dataclass(frozen=True)
class Rules:
    """What one set promises: its file prefix, size and composition."""

    prefix: str
    stories: int  # at least this many (exactly, when ``exact``)
    first_day: datetime.datetime
    after_last_day: datetime.datetime
    exact: bool = False
    min_rss: int = 0
    min_long: int = 0
    unknown: tuple[int, int] | None = None  # stories with invented coaches, inclusive range
    min_leagues: int = 12


def check_file(path, problems, rules):
    def bad(msg):
        problems.append(f"{path.name}: {msg}")

    if not re.match(rf"^{rules.prefix}\d{{2}}-[a-z0-9]+(?:-[a-z0-9]+)*\.json$", path.name):
        bad(f"file name is not {rules.prefix}NN-short-slug.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        bad(f"invalid JSON: {exc}")
        return None

    if set(data) - {"article", "expected", "tags", "note"} or not {"article", "expected", "tags"} <= set(data):
        bad(f"top-level keys {sorted(data)}")
        return None
    art, exp, tags = data["article"], data["expected"], data["tags"]

    for key in ("title", "text", "url", "outlet", "published"):
        if not isinstance(art.get(key), str):
            bad(f"article.{key} missing or not a string")
    if set(art) - {"title", "text", "url", "outlet", "published"}:
        bad(f"unexpected article keys {sorted(set(art))}")
    if not art.get("title", "").strip():
        bad("empty title")
    if not art.get("url", "").startswith("https://"):
        bad("url does not start with https://")
    try:
        pub = datetime.datetime.strptime(art["published"], "%Y-%m-%dT%H:%M:%SZ")
        if not (rules.first_day <= pub < rules.after_last_day):
            bad(f"published {art['published']} outside {rules.first_day:%Y-%m} .. {rules.after_last_day:%Y-%m} (excl.)")
    except (KeyError, ValueError):
        bad("published is not YYYY-MM-DDTHH:MM:SSZ")

    need = {"is_manager_rumour", "managers", "clubs", "rumours", "sources"}
    if set(exp) != need:
        bad(f"expected keys {sorted(exp)}")
        return None
    if not isinstance(exp["is_manager_rumour"], bool):
        bad("is_manager_rumour is not a bool")
    for key in ("managers", "clubs", "sources"):
        if not isinstance(exp[key], list) or not all(isinstance(x, str) and x.strip() for x in exp[key]):
            bad(f"{key} is not a list of names")
        elif len(set(exp[key])) != len(exp[key]):
            bad(f"duplicate in {key}")

    pairs = set()
    for r in exp["rumours"]:
        if set(r) - {"manager", "club", "relation", "factuality", "caretaker"} or \
                not {"manager", "club", "relation", "factuality"} <= set(r):
            bad(f"rumour keys {sorted(r)}")
            continue
        if r["relation"] not in RELATIONS:
            bad(f"unknown relation {r['relation']}")
        if r["factuality"] not in FACTUALITIES:
            bad(f"unknown factuality {r['factuality']}")
        elif r["relation"] not in ALLOWED[r["factuality"]]:
            bad(f"{r['relation']} with factuality {r['factuality']} is not in the table")
        if r["relation"] in DEFINITE and r["factuality"] != "done":
            bad(f"definite relation {r['relation']} without done")
        if "caretaker" in r and (r["caretaker"] is not True or r["relation"] != "appointed"):
            bad("caretaker must be true and only on an appointment")
        if r["manager"] not in exp["managers"]:
            bad(f"rumour manager {r['manager']} not in managers")
        if r["club"] not in exp["clubs"]:
            bad(f"rumour club {r['club']} not in clubs")
        key = (r["manager"], r["club"])
        if key in pairs:
            bad(f"two rumours for the pair {key}")
        pairs.add(key)

    if exp["is_manager_rumour"]:
        if not exp["rumours"]:
            bad("rumour story without rumours")
        if "hard_negative" in tags:
            bad("rumour story tagged hard_negative")
        paired = {r["manager"] for r in exp["rumours"]}
        if not paired <= set(exp["managers"]):
            bad("managers missing")
    else:
        if exp["rumours"] or exp["managers"] or exp["sources"]:
            bad("negative with rumours / managers / sources")
        if "hard_negative" not in tags:
            bad("negative without hard_negative tag")

    if not isinstance(tags, list) or len(set(tags)) != len(tags):
        bad("tags not a list of unique strings")
    leagues = [t.split(":", 1)[1] for t in tags if t.startswith("league:")]
    for lg in leagues:
        if lg not in LEAGUES:
            bad(f"unknown league tag {lg}")
    if not leagues and "other_sport" not in tags:
        bad("no league tag")
    for t in tags:
        if not t.startswith("league:") and t not in KNOWN_TAGS:
            bad(f"unknown tag {t}")
    text_len = len(art.get("text", ""))
    if ("short" in tags) != (text_len < 400):
        bad(f"short tag vs text length {text_len}")
    if ("long" in tags) != (text_len > 2000):
        bad(f"long tag vs text length {text_len}")
    if "rss" in tags and text_len > 600:
        bad(f"rss item with {text_len} characters of text")
    if "ambiguous" in tags and not data.get("note"):
        bad("ambiguous without a note")
    if exp["rumours"] and "interim" in tags and not any(r.get("caretaker") for r in exp["rumours"]):
        bad("interim tag but no caretaker rumour")
    return data


def run(here: pathlib.Path, rules: Rules) -> int:
    """Check every story in ``here``; print the composition and any problems; 1 if there are any."""
    problems = []
    stories = {}
    for path in sorted(here.glob("*.json")):
        data = check_file(path, problems, rules)
        if data is not None:
            stories[path.name] = data

    n = len(stories)
    rss = sum("rss" in d["tags"] for d in stories.values())
    neg = sum(not d["expected"]["is_manager_rumour"] for d in stories.values())
    leagues = collections.Counter(t for d in stories.values() for t in d["tags"] if t.startswith("league:"))
    fact = collections.Counter(r["factuality"] for d in stories.values() for r in d["expected"]["rumours"])
    rel = collections.Counter(r["relation"] for d in stories.values() for r in d["expected"]["rumours"])
    tagc = collections.Counter(t for d in stories.values() for t in d["tags"] if not t.startswith("league:"))
    long_ = sum("long" in d["tags"] for d in stories.values())
    unknown = sum("unknown_manager" in d["tags"] for d in stories.values())

    if rules.exact:
        if n != rules.stories:
            problems.append(f"{n} stories, expected {rules.stories}")
        digits = len(rules.prefix)  # (a prefix of one letter or more: "o12-…", "wo12-…")
        numbers = sorted(int(name[digits : digits + 2]) for name in stories)
        if numbers != list(range(1, n + 1)):
            problems.append(f"story numbers are not {rules.prefix}01 .. {rules.prefix}NN without gaps or duplicates")
    elif n < rules.stories:
        problems.append(f"only {n} stories")
    if rss < rules.min_rss:
        problems.append(f"only {rss} RSS-shaped stories (want at least {rules.min_rss})")
    if n and not (0.6 <= rss / n <= 0.75):
        problems.append(f"RSS share {rss}/{n} is not about two thirds")
    if long_ < rules.min_long:
        problems.append(f"only {long_} long stories (want at least {rules.min_long})")
    if rules.unknown and not (rules.unknown[0] <= unknown <= rules.unknown[1]):
        problems.append(f"{unknown} stories with invented coaches (want {rules.unknown[0]} to {rules.unknown[1]})")
    if n and not (0.2 <= neg / n <= 0.3):
        problems.append(f"negative share {neg}/{n} is not about a quarter")
    if len(leagues) < rules.min_leagues:
        problems.append(f"only {len(leagues)} leagues")

    print(f"stories: {n}  rss: {rss}  full: {n - rss}  negatives: {neg}  positives: {n - neg}")
    print(f"long: {long_}  unknown_manager: {unknown}")
    print(f"rumour pairs: {sum(fact.values())}")
    print("factuality:", dict(sorted(fact.items())))
    print("relation:", dict(sorted(rel.items())))
    print(f"leagues ({len(leagues)}):", dict(sorted(leagues.items())))
    print("tags:", dict(sorted(tagc.items())))
    if problems:
        print("\nPROBLEMS:")
        for p in problems:
            print("  " + p)
        return 1
    print("\nno problems")
    return 0
