"""How a validated model answer combines with the built-in analysis — conservatively.

* The built-in analyser decides whether a story is a manager rumour: the model is only asked about
  stories it already took for one, and a model that says "not a manager story" changes nothing.
  So the model never creates a thread (or an alert) on its own.
* The model's claims are kept only when their manager and club resolve to canonical names in the
  knowledge base *and* the article itself names them (by a known alias); the relation must be one
  of the domain's. A claim for a pair the built-in analyser also found keeps the built-in
  confidence (which weighs the credited source's tier); a pair only the model found gets the
  model's confidence, capped at :data:`MODEL_CONFIDENCE_CAP`.
* When no claim survives, the whole answer is set aside (its summary may describe something the
  checks rejected) and the built-in analysis is used.
* Sources and tiers always come from the built-in analyser: they are configuration, not opinion.
* The model never makes a definite event (sacked, appointed, agreed, left, extension) on its own: such
  a claim is kept only where the built-in analysis found that very event reported as done; otherwise
  it is dropped. A model summary that states a definite event no kept claim holds as done is replaced
  by the built-in wording of the kept claims (bot/analysis/statements.py reads it).
"""

from __future__ import annotations

from dataclasses import replace

from bot.analysis.gazetteer import Gazetteer, Kind
from bot.analysis.statements import definite_statements
from bot.analysis.summary import summarise
from bot.domain import DEFINITE, Analysis, Article, Factuality, RumourClaim, stage_for
from bot.llm.schema import Answer, AnswerError

MODEL_CONFIDENCE_CAP = 0.9
_EVIDENCE_CHARS = 300


def _mentioned(gazetteer: Gazetteer, article: Article) -> tuple[set[str], set[str]]:
    """Canonical managers and clubs the article names, by any known alias."""
    managers: set[str] = set()
    clubs: set[str] = set()
    for mention in gazetteer.find(f"{article.title}\n\n{article.text}"):
        if mention.kind is Kind.MANAGER:
            managers.update(mention.targets)
        elif mention.kind in (Kind.CLUB, Kind.AMBIGUOUS):
            clubs.update(mention.targets)
    return managers, clubs


def _states_more(summary: str, claims: list[RumourClaim]) -> bool:
    """The summary states as done a definite event that no claim holds as done."""
    done = {c.relation for c in claims if c.relation in DEFINITE and c.factuality is Factuality.DONE}
    return any(not statement.relations & done for statement in definite_statements(summary))


def merge(builtin: Analysis, answer: Answer, article: Article, gazetteer: Gazetteer) -> Analysis:
    """The analysis to store: the built-in one with the model's summary and checked claims.
    Raises AnswerError (naming why) when the answer cannot be used at all."""
    if not builtin.is_manager_rumour:
        return builtin
    if not answer.is_manager_rumour:
        raise AnswerError("the model says this is not a manager story; keeping the built-in analysis")
    if not answer.summary:
        raise AnswerError("answer has no summary")
    named_managers, named_clubs = _mentioned(gazetteer, article)
    known = {(r.manager, r.club): r for r in builtin.rumours}
    flat_text = " ".join(f"{article.title} {article.text}".split())
    claims: list[RumourClaim] = []
    for claim in answer.rumours:
        manager = gazetteer.manager_by_key(claim.manager)
        club = gazetteer.club_by_key(claim.club)
        if manager is None or club is None or manager not in named_managers or club not in named_clubs:
            continue
        if any((c.manager, c.club) == (manager, club) for c in claims):
            continue
        ours = known.get((manager, club))
        stage = stage_for(claim.relation, claim.factuality)
        if stage is None:
            continue  # past background is not a claim
        if stage in DEFINITE and (ours is None or ours.relation is not stage):
            continue  # a definite event the article's words, as the analyser reads them, do not report
        evidence = " ".join(claim.evidence.split())
        if not evidence or evidence not in flat_text:
            evidence = ours.evidence if ours else " ".join(article.title.split())
        confidence = ours.confidence if ours else max(0.05, min(claim.confidence, MODEL_CONFIDENCE_CAP))
        factuality = claim.factuality if stage not in DEFINITE else Factuality.DONE
        event = claim.relation if claim.relation is not stage else None
        claims.append(RumourClaim(manager, club, stage, confidence, evidence[:_EVIDENCE_CHARS], factuality, event))
    if not claims:
        raise AnswerError("no claim in the answer names a known manager and club from the article")
    managers = tuple(dict.fromkeys(c.manager for c in claims))
    clubs = tuple(dict.fromkeys([*(c.club for c in claims), *builtin.clubs]))
    summary = answer.summary
    if _states_more(summary, claims):
        summary = summarise(claims, builtin.sources)
    return replace(
        builtin,
        managers=managers,
        clubs=clubs,
        rumours=tuple(claims),
        summary=summary,
        unknown_managers=tuple(m for m in builtin.unknown_managers if m in managers),
    )
