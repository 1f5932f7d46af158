"""A short, neutral summary that says what the story says — and no more.

Each claim is worded from the event the story speaks of and how it holds it: "has been sacked" only
for a sacking reported as done; "is expected to leave", "could be sacked", "has played down talk of
leaving", "is in question" otherwise. Managers with the same claim about one club are named together
("Edin Terzić and Niko Kovač are linked with VfL Wolfsburg"). The source is credited ("…, according to
David Ornstein"; "Official: …" for a club's own announcement; "Reports say …" when none is named).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.analysis.fact_check import STEPS_TOWARDS, tells_called_off
from bot.analysis.members import Factuality, Relation
from bot.domain import STAGE_RANK, RumourClaim, SourceCredit, Tier

MAX_SUMMARY = 300
MAX_NAMES = 3  # more managers with one claim: "A, B, C and 2 others"

# (event, factuality) → wording; {m} the manager(s), {c} the club, {be} "is"/"are", {have} "has"/"have".
_DONE: dict[Relation, str] = {
    Relation.LINKED: "{m} {be} linked with {c}",
    Relation.TALKS: "{m} {be} in talks with {c}",
    Relation.OFFER: "{c} have made {m} an offer",
    Relation.AGREED: "{m} {have} agreed terms with {c}",
    Relation.APPOINTED: "{c} have appointed {m}",
    Relation.REJECTED: "{m} {have} turned down {c}",
    Relation.DENIED: "a move between {m} and {c} has been denied",
    Relation.STAYS: "{m} {be} staying at {c}",
    Relation.EXTENSION: "{m} {have} signed a new contract with {c}",
    Relation.SACKED: "{m} {have} been sacked by {c}",
    Relation.LEFT: "{m} {have} left {c}",
    Relation.UNDER_PRESSURE: "{m} {be} under pressure at {c}",
}
# Announced, still to come ("will step down at the end of the season"): what is done is the announcement.
_LATER: dict[Relation, str] = {
    Relation.APPOINTED: "{m} will take over at {c}",
    Relation.SACKED: "{c} have announced that {m} will go",
    Relation.LEFT: "{m} will leave {c}",
}
_EXPECTED: dict[Relation, str] = {
    Relation.TALKS: "{m} {be} expected to hold talks with {c}",
    # (the offer may be the job or, at his own club, a new contract: the story's word is "offer")
    Relation.OFFER: "{c} are expected to make {m} an offer",
    Relation.AGREED: "{m} {be} expected to agree terms with {c}",
    Relation.APPOINTED: "{m} {be} expected to be appointed by {c}",
    Relation.REJECTED: "{m} {be} expected to turn down {c}",
    Relation.STAYS: "{m} {be} expected to stay at {c}",
    Relation.EXTENSION: "{m} {be} expected to sign a new contract with {c}",
    Relation.SACKED: "{c} are expected to sack {m}",
    Relation.LEFT: "{m} {be} expected to leave {c}",
}
_POSSIBLE: dict[Relation, str] = {
    Relation.TALKS: "{c} could hold talks with {m}",
    Relation.OFFER: "{c} could make {m} an offer",
    Relation.AGREED: "{m} could join {c}",
    Relation.APPOINTED: "{m} could be appointed by {c}",
    Relation.REJECTED: "{m} could turn down {c}",
    Relation.STAYS: "{m} could stay at {c}",
    Relation.EXTENSION: "{m} could be offered a new contract by {c}",
    Relation.SACKED: "{m} could be sacked by {c}",
    Relation.LEFT: "{m} could leave {c}",
}
_QUESTION: dict[Relation, str] = {
    Relation.LINKED: "{m} {be} mentioned as a possible option for {c}",
    Relation.TALKS: "{m} {be} mentioned as a possible option for {c}",
    Relation.OFFER: "{m} {be} mentioned as a possible option for {c}",
    Relation.AGREED: "{m} {be} mentioned as a possible option for {c}",
    Relation.APPOINTED: "{m} {be} mentioned as a possible option for {c}",
    Relation.REJECTED: "it is asked whether {m} will turn down {c}",
    Relation.STAYS: "it is asked whether {m} will stay at {c}",
    Relation.EXTENSION: "it is asked whether {m} will get a new contract at {c}",
    Relation.SACKED: "it is asked whether {c} will sack {m}",
    Relation.LEFT: "it is asked whether {m} will leave {c}",
    Relation.UNDER_PRESSURE: "it is asked whether {m} {be} safe at {c}",
}
_DENIED: dict[Relation, str] = {
    Relation.STAYS: "talk of {m} staying at {c} has been denied",
    Relation.EXTENSION: "talk of a new contract for {m} at {c} has been denied",
    Relation.SACKED: "talk of {c} sacking {m} has been played down",
    Relation.LEFT: "talk of {m} leaving {c} has been played down",
    Relation.UNDER_PRESSURE: "talk of pressure on {m} at {c} has been played down",
}
_REPORTED: dict[Relation, str] = {
    Relation.STAYS: "{m} {have} spoken of staying at {c}",
    Relation.EXTENSION: "{m} {have} spoken about contract talks with {c}",
    Relation.SACKED: "{m} {have} addressed talk about the job at {c}",
    Relation.LEFT: "{m} {have} addressed talk about the job at {c}",
    Relation.UNDER_PRESSURE: "{m} {have} addressed talk about the job at {c}",
}


# The story says only that they went separate ways ("have parted company"), not who decided.
_PARTED: dict[Relation, str] = {
    Relation.SACKED: "{c} have parted ways with {m}",
    Relation.LEFT: "{m} {have} parted ways with {c}",
}


def clause(
    event: Relation,
    factuality: Factuality,
    managers: Sequence[str],
    club: str,
    caretaker: bool,
    later: bool = False,
    parted: bool = False,
    stage: Relation | None = None,
    called_off: bool = False,
) -> str:
    """One claim in words that keep the story's hedge (``stage``: what a fan is told, when the story
    speaks of another event: a new contract whose terms are agreed is not one signed)."""
    plural = len(managers) > 1
    if event is Relation.EXTENSION and stage is Relation.AGREED and factuality is Factuality.DONE:
        return "{m} {have} agreed terms on a new contract with {c}".format(
            m=_names(managers), c=club, have="have" if plural else "has"
        )
    if event is Relation.STAYS and caretaker and factuality is Factuality.DONE:
        return "{m} {be} staying on in interim charge of {c}".format(
            m=_names(managers), c=club, be="are" if plural else "is"
        )
    if called_off and factuality is Factuality.DENIED:
        return f"{club}'s move for {_names(managers)} is off"  # "talks have broken down"
    template = _template(event, factuality)
    if parted and factuality is Factuality.DONE:
        template = _PARTED.get(event, template)
    if later and factuality is Factuality.DONE:
        template = _LATER.get(event, template)
    text = template.format(m=_names(managers), c=club, be="are" if plural else "is", have="have" if plural else "has")
    if caretaker and event is Relation.APPOINTED:
        text += " on an interim basis"
    return text


def _template(event: Relation, factuality: Factuality) -> str:
    if factuality is Factuality.DONE:
        return _DONE[event]
    if factuality is Factuality.DENIED:
        return _DENIED.get(event, _DONE[Relation.DENIED])
    if factuality is Factuality.QUESTION:
        return _QUESTION.get(event, "{m} {be} mentioned in connection with {c}")
    if factuality is Factuality.REPORTED:
        return _REPORTED.get(event, "{m} {have} spoken about {c}")
    table = _EXPECTED if factuality is Factuality.EXPECTED else _POSSIBLE
    return table.get(event, _DONE.get(event, "{m} {be} linked with {c}"))


def _names(managers: Sequence[str]) -> str:
    if len(managers) > MAX_NAMES:
        others = len(managers) - MAX_NAMES
        return ", ".join(managers[:MAX_NAMES]) + f" and {others} other{'s' if others > 1 else ''}"
    if len(managers) <= 1:
        return "".join(managers)
    return ", ".join(managers[:-1]) + " and " + managers[-1]


@dataclass(frozen=True, slots=True)
class _Group:
    club: str
    event: Relation
    factuality: Factuality
    caretaker: bool
    stage: Relation
    managers: tuple[str, ...]
    later: bool = False
    parted: bool = False
    called_off: bool = False


def _groups(rumours: Sequence[RumourClaim]) -> list[_Group]:
    """Claims that differ only in the manager, together, most advanced first, in story order."""
    keyed: dict[tuple[str, Relation, Factuality, bool, bool, bool, bool], list[RumourClaim]] = {}
    for claim in rumours:
        ended = (
            claim.factuality is Factuality.DENIED and claim.what in STEPS_TOWARDS and tells_called_off(claim.evidence)
        )
        key = (claim.club, claim.what, claim.factuality, claim.caretaker, claim.later, claim.parted, ended)
        keyed.setdefault(key, []).append(claim)
    groups = [
        _Group(
            club,
            event,
            factuality,
            caretaker,
            claims[0].relation,
            tuple(dict.fromkeys(c.manager for c in claims)),
            later,
            parted,
            ended,
        )
        for (club, event, factuality, caretaker, later, parted, ended), claims in keyed.items()
    ]
    order = {id(g): i for i, g in enumerate(groups)}
    return sorted(groups, key=lambda g: (-STAGE_RANK[g.stage], g.factuality is not Factuality.DONE, order[id(g)]))


def _credit(sources: Sequence[SourceCredit], club: str) -> tuple[str, str]:
    """(prefix, suffix) crediting the story's sources for a claim about ``club``: a club's own
    announcement is credited only for a claim about that club ("Real Madrid announced …" says nothing
    official about Sevilla)."""
    sources = [s for s in sources if s.tier is not Tier.OFFICIAL or s.outlet == club]
    if not sources:
        return "Reports say ", ""
    named = sorted(sources, key=lambda s: s.tier)[:2]
    if named[0].tier is Tier.OFFICIAL:
        return "Official: ", ""
    parts = [f"{s.name} (via {s.relayed_by})" if s.relayed_by else s.name for s in named]
    return "", ", according to " + _names(parts)


def summarise(rumours: Sequence[RumourClaim], sources: Sequence[SourceCredit]) -> str:
    """At most two sentences and 300 characters; the most advanced claims first, everyone named."""
    if not rumours:
        return ""
    groups = _groups(rumours)
    prefix, suffix = _credit(sources, groups[0].club)
    sentences: list[str] = []
    for index, group in enumerate(groups):
        body = clause(
            group.event,
            group.factuality,
            group.managers,
            group.club,
            group.caretaker,
            group.later,
            group.parted,
            group.stage,
            group.called_off,
        )
        text = f"{prefix}{body}{suffix}." if index == 0 else body + "."
        text = text[0].upper() + text[1:]
        if len(" ".join([*sentences, text])) > MAX_SUMMARY:
            if not sentences:
                sentences.append(text[: MAX_SUMMARY - 1].rstrip() + "…")
            break
        sentences.append(text)
        if len(sentences) == 2:
            break
    return " ".join(sentences)
