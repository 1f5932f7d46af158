"""A short, neutral summary that names manager, club, stage and credited source — and nothing more."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain import STAGE_RANK, Relation, RumourClaim, SourceCredit

MAX_SUMMARY = 300

_PHRASES: dict[Relation, str] = {
    Relation.LINKED: "{m} is linked with {c}",
    Relation.TALKS: "{m} and {c} are in talks",
    Relation.OFFER: "{c} have offered {m} a job",
    Relation.AGREED: "{m} has agreed a deal with {c}",
    Relation.APPOINTED: "{m} has been appointed by {c}",
    Relation.REJECTED: "{m} has turned down {c}",
    Relation.DENIED: "a move between {m} and {c} has been denied",
    Relation.STAYS: "{m} is staying at {c}",
    Relation.EXTENSION: "{m} is set for a new contract at {c}",
    Relation.SACKED: "{m} has been sacked by {c}",
    Relation.LEFT: "{m} has left {c}",
    Relation.UNDER_PRESSURE: "{m} is under pressure at {c}",
}


def _join(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _clause(manager: str, relation: Relation, clubs: Sequence[str], first: bool) -> str:
    who = manager if first else manager.rsplit(maxsplit=1)[-1]
    return _PHRASES[relation].format(m=who, c=_join(list(clubs)))


def _credit(sources: Sequence[SourceCredit]) -> str:
    if not sources:
        return "Unattributed reports say"
    named = sorted(sources, key=lambda s: s.tier)[:2]
    parts = []
    for source in named:
        via = f" (via {source.relayed_by})" if source.relayed_by else ""
        name = f"an {source.name[0].lower()}{source.name[1:]}" if source.tier == 0 else source.name
        parts.append(f"{name}{via}")
    return "According to " + _join(parts) + ","


def summarise(rumours: Sequence[RumourClaim], sources: Sequence[SourceCredit]) -> str:
    """At most two sentences and 300 characters; the most advanced claims first."""
    if not rumours:
        return ""
    # Group clubs by (manager, relation), managers in order of first appearance.
    order: list[str] = []
    groups: dict[tuple[str, Relation], list[str]] = {}
    for claim in rumours:
        if claim.manager not in order:
            order.append(claim.manager)
        groups.setdefault((claim.manager, claim.relation), []).append(claim.club)
    credit = _credit(sources)
    sentences: list[str] = []
    for manager in order[:2]:
        keys = sorted((k for k in groups if k[0] == manager), key=lambda k: STAGE_RANK[k[1]], reverse=True)
        clauses = [_clause(manager, rel, groups[(manager, rel)], i == 0) for i, (_, rel) in enumerate(keys)]
        body = clauses[0] + "".join(f"; {c}" for c in clauses[1:3])
        sentence = f"{credit} {body}." if not sentences else body[0].upper() + body[1:] + "."
        candidate = " ".join([*sentences, sentence])
        while len(candidate) > MAX_SUMMARY and len(clauses) > 1:
            clauses.pop()
            body = clauses[0] + "".join(f"; {c}" for c in clauses[1:3])
            sentence = f"{credit} {body}." if not sentences else body[0].upper() + body[1:] + "."
            candidate = " ".join([*sentences, sentence])
        if len(candidate) > MAX_SUMMARY:
            break
        sentences.append(sentence)
    text = " ".join(sentences)
    if not text:
        text = f"{credit} {_clause(order[0], rumours[0].relation, [rumours[0].club], True)}."
    return text if len(text) <= MAX_SUMMARY else text[: MAX_SUMMARY - 1].rstrip() + "…"
