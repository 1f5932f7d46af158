"""Measure the analyser against a labelled corpus: precision, recall and F1 per field.

Usage: python -m bot.analysis.evaluate tests/data/analysis [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.analysis.analyser import Analyser
from bot.analysis.gazetteer import Gazetteer, Kind
from bot.analysis.io import parse_article
from bot.analysis.statements import definite_statements
from bot.analysis.text import fold_key
from bot.domain import DEFINITE, Analysis, Relation

FIELDS = ("is_manager_rumour", "managers", "clubs", "manager_club", "manager_club_relation", "sources")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / total if total else 1.0

    def add_sets(self, got: set[Any], want: set[Any]) -> None:
        self.tp += len(got & want)
        self.fp += len(got - want)
        self.fn += len(want - got)


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS})
    stories: int = 0
    negatives: int = 0
    mistakes: list[str] = field(default_factory=list)
    # A sacked / appointed / agreed / left / extension claim the labels do not hold.
    false_definite: int = 0
    # Stories whose summary states such an event as done where the labels do not hold it.
    false_summaries: int = 0
    # Pairs found with the labelled relation whose factuality matches the label (when labelled).
    factuality_right: int = 0
    factuality_checked: int = 0

    def per_100(self, count: int) -> float:
        return 100.0 * count / self.stories if self.stories else 0.0


# ("El Paso Locomotive FC" and "El Paso Locomotive": one club, however a label or the analyser writes the
# name of a club the knowledge base does not hold)
_CLUB_AFFIX = re.compile(r"^(?:fc|afc|cf|sc) | (?:fc|afc|cf|sc)$")


def club_key(name: str) -> str:
    """A comparison key for a club's name: folded, without a leading or trailing "FC", "AFC", "CF", "SC"."""
    return _CLUB_AFFIX.sub("", fold_key(name))


def _names(values: Iterable[str]) -> set[str]:
    return {fold_key(v) for v in values}


def _predicted(analysis: Analysis) -> dict[str, set[Any]]:
    rumours = analysis.rumours
    return {
        "managers": _names(analysis.managers),
        "clubs": {club_key(c) for c in analysis.clubs},
        "manager_club": {(fold_key(r.manager), club_key(r.club)) for r in rumours},
        "manager_club_relation": {(fold_key(r.manager), club_key(r.club), r.relation.value) for r in rumours},
        "sources": _names(s.name for s in analysis.sources) if analysis.is_manager_rumour else set(),
    }


def label_club(gaz: Gazetteer, name: str) -> str:
    """A label's club as the gazetteer names it; "Wolfsburg Women" is the women's side of the club
    "Wolfsburg" names when the knowledge base has no entry of its own for it."""
    found = gaz.club_by_key(name)
    if found is None and name.endswith(" Women"):
        base = gaz.club_by_key(name.removesuffix(" Women"))
        found = gaz.women_team(base) if base else None
    return found or name


def _expected(labels: dict[str, Any], gaz: Gazetteer) -> dict[str, set[Any]]:
    """Labels name people and clubs as writers do; map each to the gazetteer's canonical name."""

    def manager(name: str) -> str:
        return fold_key(gaz.manager_by_key(name) or name)

    def club(name: str) -> str:
        return club_key(label_club(gaz, name))

    def source(name: str) -> str:
        found = gaz.source_by_key(name)
        return fold_key(found.name if found else name)

    rumours = labels.get("rumours", [])
    return {
        "managers": {manager(m) for m in labels.get("managers", [])},
        "clubs": {club(c) for c in labels.get("clubs", [])},
        "manager_club": {(manager(r["manager"]), club(r["club"])) for r in rumours},
        "manager_club_relation": {(manager(r["manager"]), club(r["club"]), r["relation"]) for r in rumours},
        "sources": {source(s) for s in labels.get("sources", [])} if labels.get("is_manager_rumour") else set(),
    }


def _false_definite(analysis: Analysis, want: set[Any]) -> list[str]:
    return [
        f"{r.manager} / {r.club} / {r.relation.value}"
        for r in analysis.rumours
        if r.relation in DEFINITE and (fold_key(r.manager), club_key(r.club), r.relation.value) not in want
    ]


def _named(clause: str, managers: list[str]) -> set[str]:
    """The managers a summary clause names, in full or by surname; a surname inside another's full
    name ("Neil" in "Neil Critchley") does not name its owner ("Alex Neil")."""
    named = {m for m in managers if m in clause}
    rest = clause
    for name in named:
        rest = rest.replace(name, " ")
    return named | {m for m in managers if re.search(rf"\b{re.escape(m.split()[-1])}\b", rest)}


def _false_statements(analysis: Analysis, labels: dict[str, Any], gaz: Gazetteer) -> list[str]:
    """Clauses of the summary that state a definite event as done which the labels do not hold: the
    event's relation must be labelled for a manager the clause names, with a club the clause names
    (any labelled club when the clause names none)."""
    if not analysis.is_manager_rumour or not analysis.summary:
        return []
    held: dict[tuple[str, str], set[str]] = {}
    for rumour in labels.get("rumours", []):
        manager = fold_key(gaz.manager_by_key(rumour["manager"]) or rumour["manager"])
        club = club_key(label_club(gaz, rumour["club"]))
        held.setdefault((manager, rumour["relation"]), set()).add(club)
    wrong: list[str] = []
    for statement in definite_statements(analysis.summary):
        clause = fold_key(statement.clause)
        clubs = {fold_key(m.targets[0]) for m in gaz.find(statement.clause) if m.kind is Kind.CLUB}
        clubs |= {fold_key(c) for c in analysis.clubs if fold_key(c) in fold_key(statement.clause)}
        clubs = {c for c in clubs if not any(c != other and c in other for other in clubs)}  # the longest name
        # ("Vitória" in "Vitória de Guimarães" does not name the coach Rui Vitória)
        for club in sorted(clubs, key=len, reverse=True):
            clause = clause.replace(club, " ")
        managers = _named(clause, [fold_key(m) for m in analysis.managers])
        for manager in managers or {""}:
            # ("parted ways with" is held by a labelled sacking or a labelled departure)
            labelled = set().union(*(held.get((manager, r.value), set()) for r in statement.relations))
            if not labelled or (clubs and not {club_key(c) for c in clubs} & labelled):
                wrong.append(f"{statement.relation.value}: {statement.clause!r}")
                break
    return wrong


def load_corpus(directory: Path) -> list[tuple[str, dict[str, Any]]]:
    return [(p.name, json.loads(p.read_text("utf-8"))) for p in sorted(directory.glob("*.json"))]


def evaluate(directory: Path, analyser: Analyser) -> Report:
    report = Report()
    for name, story in load_corpus(directory):
        article = parse_article(json.dumps(story["article"]).encode())
        analysis = analyser.analyse(article)
        labels = story["expected"]
        report.stories += 1
        want_rumour = bool(labels["is_manager_rumour"])
        report.negatives += not want_rumour
        flag = report.scores["is_manager_rumour"]
        got_rumour = analysis.is_manager_rumour
        flag.tp += got_rumour and want_rumour
        flag.fp += got_rumour and not want_rumour
        flag.fn += want_rumour and not got_rumour
        flag.tn += not got_rumour and not want_rumour
        got, want = _predicted(analysis), _expected(labels, analyser.gazetteer)
        for claim in _false_definite(analysis, want["manager_club_relation"]):
            report.false_definite += 1
            report.mistakes.append(f"{name} false definite event: {claim}")
        wrong = _false_statements(analysis, labels, analyser.gazetteer)
        if wrong:
            report.false_summaries += 1
            report.mistakes.append(f"{name} false summary: {'; '.join(wrong)} in {analysis.summary!r}")
        _check_factuality(report, name, analysis, labels, analyser.gazetteer)
        for key in FIELDS[1:]:
            report.scores[key].add_sets(got[key], want[key])
            if got[key] != want[key]:
                extra = sorted(map(str, got[key] - want[key]))
                missing = sorted(map(str, want[key] - got[key]))
                report.mistakes.append(f"{name} {key}: extra {extra} missing {missing}")
        if got_rumour != want_rumour:
            report.mistakes.append(f"{name} is_manager_rumour: got {got_rumour}, want {want_rumour}")
    return report


def _check_factuality(report: Report, name: str, analysis: Analysis, labels: dict[str, Any], gaz: Gazetteer) -> None:
    labelled = {
        (
            fold_key(gaz.manager_by_key(r["manager"]) or r["manager"]),
            club_key(gaz.club_by_key(r["club"]) or r["club"]),
        ): r
        for r in labels.get("rumours", [])
        if "factuality" in r
    }
    for rumour in analysis.rumours:
        label = labelled.get((fold_key(rumour.manager), club_key(rumour.club)))
        if label is None or Relation(label["relation"]) is not rumour.relation:
            continue
        report.factuality_checked += 1
        got = getattr(rumour, "factuality", None)
        if got is not None and got.value == label["factuality"]:
            report.factuality_right += 1
        else:
            report.mistakes.append(
                f"{name} factuality {rumour.manager} / {rumour.club}: got {got}, want {label['factuality']}"
            )


def format_report(report: Report) -> str:
    lines = [
        f"{report.stories} stories ({report.negatives} negatives)",
        f"{'field':<24} {'precision':>9} {'recall':>7} {'F1':>6} {'accuracy':>9}",
    ]
    for key, score in report.scores.items():
        accuracy = f"{score.accuracy:9.3f}" if key == "is_manager_rumour" else f"{'':>9}"
        lines.append(f"{key:<24} {score.precision:9.3f} {score.recall:7.3f} {score.f1:6.3f} {accuracy}")
    right = report.factuality_right / report.factuality_checked if report.factuality_checked else 1.0
    for label, count in (("false definite events", report.false_definite), ("false summaries", report.false_summaries)):
        lines.append(f"{label:<24} {count:>4}  ({report.per_100(count):.1f} per 100 stories)")
    lines.append(f"{'factuality agreement':<24} {right:.3f} on {report.factuality_checked} matched pairs")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from bot.analysis.gazetteer import load_gazetteer  # noqa: PLC0415
    from bot.config import load_config  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--verbose", "-v", action="store_true", help="list every mistake")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir() or not any(args.corpus.glob("*.json")):
        # (a mistyped path would otherwise print a perfect score over no stories)
        print(f"evaluate: no labelled stories (*.json) in {args.corpus}", file=sys.stderr)
        return 2
    knowledge = load_config().settings.knowledge
    analyser = Analyser(load_gazetteer(knowledge.managers, knowledge.clubs, knowledge.sources))
    report = evaluate(args.corpus, analyser)
    print(format_report(report))
    if args.verbose:
        print("\n".join(report.mistakes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
