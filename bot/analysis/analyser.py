"""The analyser: one article in, one Analysis out. Pure, synchronous, never raises on text."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace

from bot.analysis.claims import extract_claims
from bot.analysis.denials import deniers_dropped
from bot.analysis.feed_wrapping import unwrap
from bot.analysis.gazetteer import Gazetteer
from bot.analysis.members import Factuality, Relation
from bot.analysis.mentions import resolve
from bot.analysis.namesakes import a_namesakes_claim
from bot.analysis.new_contracts import contract_at_another_club, not_signed_yet
from bot.analysis.news_rules import exit_over_hiring, talks_over_denied_deal
from bot.analysis.prefilter import LiteralScan, guarded
from bot.analysis.raw_claim import RawClaim
from bot.analysis.refs import Resolved
from bot.analysis.sport import other_sport, unknown_to_football
from bot.analysis.story_words import JOB_CONTEXT, PLAYER_CONTEXT
from bot.analysis.summary import summarise
from bot.analysis.teams import womens_side
from bot.analysis.text import Sentence, clean_text, fold, fold_key, split_sentences
from bot.domain import STAGE_RANK, UNKNOWN_TIER, Analysis, Article, RumourClaim, SourceCredit, Tier

MAX_ANALYSED_CHARS = 30_000
_JOB_ONLY = {Relation.EXTENSION, Relation.UNDER_PRESSURE, Relation.SACKED, Relation.APPOINTED, Relation.STAYS}
_EXIT = {Relation.SACKED, Relation.LEFT}
_EXIT_OR_PRESSURE = {Relation.SACKED, Relation.LEFT, Relation.UNDER_PRESSURE}
_SOFT = {Relation.LINKED, Relation.TALKS, Relation.UNDER_PRESSURE}
_TIER_ADJUST = {
    Tier.OFFICIAL: 0.3,
    Tier.TOP: 0.15,
    Tier.RELIABLE: 0.05,
    Tier.MIXED: -0.05,
    Tier.UNRELIABLE: -0.15,
}


# A claim the story only expects, thinks possible or asks about is less certain than one it reports.
_HOLD_ADJUST = {
    Factuality.DONE: 0.0,
    Factuality.EXPECTED: -0.05,
    Factuality.POSSIBLE: -0.15,
    Factuality.QUESTION: -0.2,
    Factuality.DENIED: 0.0,
    Factuality.REPORTED: -0.1,
    Factuality.PAST: -0.5,
}
# "to replace Klopp", "Klopp's successor": the manager whose job is being filled (searched in the words
# before a name: guarded, not literal-scanned).
_REPLACED_BEFORE = guarded(
    r"\b(?:replaces?|replacing|succeeds?|succeeding|successor to|successor for|in place of|take over from|"
    r"taking over from|took over from)\s+(?:(?:the\s+)?(?:sacked|departing|outgoing|departed)\s+)?"
    r"(?:(?:manager|head coach|coach|boss)\s+)?$"
)
_REPLACED_AFTER = re.compile(r"^(?:'s?)?\s+(?:successor|replacement|shoes)\b")


# "according to reports", "reportedly": the story names no source of its own.
_UNATTRIBUTED = LiteralScan(
    r"\b(?:according to (?:reports|media reports|local reports|several reports|sources|people)|reports (?:say|suggest|"
    r"claim|indicate|in)|reportedly|it is (?:reported|claimed|believed)|(?:is|are|was|were) said to)\b"
)
_PLAYER_TITLE = re.compile(
    r"\b(?:striker|forward(?! to (?:his|her|their|the|a|an|next|this|that|what|it)\b)|winger|midfielder|defender|"
    r"centre-back|full-back|goalkeeper|keeper|playmaker|"
    r"wonderkid|teenager|youngster|signing|signs for|medical|loan|fee|release clause|transfer|player|"
    r"captain|international|star)s?\b"
)
_DEAL_AS_COACH = re.compile(r"\b(?:contract|deal) as (?:[\w'’.-]+ ){0,3}?(?:head coach|manager|coach)\b")
_UNATTRIBUTED_WORDS = ("report", "according to", "claimed", "believed", "said to")  # one of them or no match
_FAMILIES = (
    frozenset({Relation.SACKED, Relation.LEFT}),
    frozenset({Relation.APPOINTED, Relation.AGREED}),
)


def _same_event(a: RawClaim, b: RawClaim) -> bool:
    """Two claims speak of one event: the same word, or the same kind of exit or arrival."""
    ea, eb = a.event or a.relation, b.event or b.relation
    return ea is eb or any(ea in family and eb in family for family in _FAMILIES)


def _same_news(headline: RawClaim, body: RawClaim) -> bool:
    """The headline tells what the body tells, in other words: the same event, or "X stays" over "no
    intention of sacking X" (the body's wording wins)."""
    return _same_event(headline, body) or (
        headline.relation is Relation.STAYS and body.relation is Relation.DENIED and body.event in _EXIT
    )


def _headline_history(raw: list[RawClaim]) -> list[RawClaim]:
    """A headline event the body tells as history is history: "Ten Hag on the Old Trafford exit" over
    "spoke about his sacking by Manchester United in October 2024"."""
    past = [c for c in raw if c.factuality is Factuality.PAST and not c.headline]
    # … and the other way round: "'They sacked me nine months after the miracle': Ranieri film revisits
    # Leicester exit" over "his dismissal by Leicester City hurt".
    looking_back = [c for c in raw if c.factuality is Factuality.PAST and c.headline]
    return [
        c
        for c in raw
        if not (c.headline and any(p.manager == c.manager and p.club == c.club and _same_event(p, c) for p in past))
        and not (
            c.factuality is not Factuality.PAST
            and any(p.manager == c.manager and p.club == c.club and _same_event(p, c) for p in looking_back)
        )
    ]


def _headline_club_from_body(raw: list[RawClaim], in_headline: set[str], in_body: set[str]) -> list[RawClaim]:
    """ "Mailbag: Is Iraola already under pressure?" over "… under pressure at Tottenham?": a headline
    that names no club for its claim has the club the body gives the same claim, not one guessed; so does
    one whose club the body never names ("The Canaries dismiss Tedesco" over "Fenerbahçe have parted
    company with Domenico Tedesco": another club's nickname). And a surname two men of the story share
    ("Ancelotti exonerated" over "Botafogo have dismissed Davide Ancelotti") is the one the body's same
    claim is about."""
    body = [c for c in raw if not c.headline]
    said_in_body = {(b.manager, b.club) for b in body}

    def yields(c: RawClaim) -> bool:
        if (c.manager, c.club) in said_in_body:
            return False
        guessed = not (c.club in in_headline and c.club in in_body)
        surname = c.manager.split()[-1]
        return any(
            b.relation is c.relation
            and ((b.manager == c.manager and guessed) or (b.manager != c.manager and b.manager.split()[-1] == surname))
            for b in body
        )

    return [c for c in raw if not (c.headline and yields(c))]


def _not_his_own_successor(raw: list[RawClaim]) -> list[RawClaim]:
    """ "Kovač's continuity in question, Bild names the candidates": a man whose job a sentence puts at risk
    is not, in that sentence, a candidate for it."""
    at_risk = {(c.manager, c.club, c.sentence) for c in raw if c.relation in _EXIT_OR_PRESSURE}
    return [c for c in raw if not (c.relation is Relation.LINKED and (c.manager, c.club, c.sentence) in at_risk)]


def _moved_on(raw: list[RawClaim]) -> list[RawClaim]:
    """ "Bompastor has signed a new contract … had been linked with the France job": a link told as
    earlier, for a manager whose news is now elsewhere, is the story's background."""
    news = {(c.manager, c.club) for c in raw if c.factuality is Factuality.DONE and c.relation is not Relation.LINKED}
    return [c for c in raw if not (c.pluperfect and any(m == c.manager and club != c.club for m, club in news))]


def _weigh_history(
    raw: list[RawClaim], predecessors: list[str], in_headline: set[str], res: Resolved
) -> list[RawClaim]:
    """Past background is not a claim, except the exit that opened the job the story is about: the
    predecessor's ("talks about replacing Gregg Berhalter … Berhalter was dismissed in July")."""
    # (one sacking told twice, "dismissed in November" and "since Heitinga's departure": its date is the one
    # given; an exit announced months ago may still be taking effect now)
    dated = {(c.manager, c.club) for c in raw if c.long_ago and c.relation is Relation.SACKED}
    # ("since the club dismissed him in January 2025 … was sacked hours before a cup tie": told again undated)
    current = [
        c
        for c in raw
        if c.factuality is not Factuality.PAST and not (c.relation is Relation.SACKED and (c.manager, c.club) in dated)
    ]
    exits = {(c.club, c.manager) for c in current if c.relation in _EXIT}
    kept: list[RawClaim] = list(current)
    for claim in raw:
        if claim.factuality is not Factuality.PAST or (claim.manager, claim.club) in dated:
            continue
        others = [c for c in current if c.club == claim.club and c.manager != claim.manager]
        # The latest exit at a club the story's news is about opened its job; an earlier one did not.
        opened = (
            bool(others)
            and not claim.long_ago
            and not any(club == claim.club and who != claim.manager for club, who in exits)
        )
        # "Poland have appointed Urban, a month after Probierz resigned": the news of its own sentence.
        beside = not claim.long_ago and any(c.sentence == claim.sentence and c.relation not in _EXIT for c in others)
        # (a predecessor gone months ago opened the job only when that job is the headline's)
        predecessor = claim.manager in predecessors and (
            not claim.long_ago or (claim.club in in_headline and not _another_clubs_predecessor(claim, res))
        )
        if (predecessor and others) or opened or beside:
            kept.append(replace(claim, factuality=Factuality.DONE))
    return kept


def _another_clubs_predecessor(claim: RawClaim, res: Resolved) -> bool:
    """ "Italiano won the cup in his first season at Bologna, after taking over from Motta, who left for
    Juventus in 2024": a sentence that names another club before the man, and not the claim's, tells of
    his time there."""
    here = [c for c in res.clubs if c.sentence == claim.sentence]
    named = [p.start for p in res.people if p.name == claim.manager and p.sentence == claim.sentence]
    return bool(named) and all(c.name != claim.club for c in here) and any(c.start < min(named) for c in here)


# "a week after resigning as Celtic manager", "was sacked by Forest earlier this month": before the news.
_PRIOR = re.compile(
    r"\b(?:earlier this (?:month|week|year|season)|this (?:month|week)|last (?:week|month|weekend)|"
    r"(?:a|one|two|three|\w+) "
    r"(?:days?|weeks?|months?) (?:after|ago|earlier)|since|in (?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december)|on \d{1,2} \w+)\b"
)
_LOOKING_BACK_TITLE = re.compile(
    r"\W*(?:on this day\b|this day in (?:19|20)\d\d\b|from the archives?\b|flashback\b|throwback\b|"
    r"(?:\w+|\d+) years ago (?:today|this week|this month)\b|"
    # "Ten years on: the summer the great managers arrived" (an anniversary feature)
    r"(?:\w+|\d+) years on\s*[:–—-])"
)
_YOUTH_SIDE = re.compile(r"\b(?:U-?\d\d|Under-\d\d)")
_PENDING = frozenset({Relation.TALKS, Relation.AGREED})
_ARRIVALS = frozenset({Relation.APPOINTED, Relation.AGREED, Relation.OFFER, Relation.TALKS, Relation.LINKED})


def _drop_prior_exits(
    raw: list[RawClaim], folded: str, sentences: list[Sentence], headline_clubs: set[str]
) -> list[RawClaim]:
    """A manager whose appointment is the news left his previous club before it: that exit is his
    history, not a second piece of news ("Rodgers named Al-Qadsiah coach … a week after resigning as
    Celtic manager"). An exit told as part of the same move ("leaves Feyenoord to join Liverpool") stays."""
    arrivals = {(c.manager, c.club) for c in raw if c.relation in _ARRIVALS and c.factuality is not Factuality.PAST}
    if not arrivals:
        return raw
    kept = []
    for claim in raw:
        elsewhere = any(m == claim.manager and club != claim.club for m, club in arrivals)
        sentence = sentences[claim.sentence]
        if (
            claim.relation in _EXIT
            and elsewhere
            and not claim.later  # ("will leave Crystal Palace when his contract expires in June": still to come)
            and claim.club not in headline_clubs  # the job the story is about ("the Crew's search")
            and not claim.own_section  # the news of a round-up's part about that club
            and _PRIOR.search(folded, sentence.start, sentence.end)
        ):
            continue
        kept.append(claim)
    return kept


def _predecessors(folded: str, res: Resolved) -> list[str]:
    """Managers the story is about without a claim of their own: the one being replaced."""
    return [
        p.name
        for p in res.people
        if p.explicit
        and (
            _REPLACED_BEFORE.search(folded, max(0, p.start - 40), p.start)
            or _REPLACED_AFTER.match(folded[p.end : p.end + 20])
        )
    ]


class Analyser:
    """Understands manager rumours using the gazetteer; safe to share between tasks."""

    def __init__(self, gazetteer: Gazetteer, jobs: Mapping[str, str] | None = None) -> None:
        self.gazetteer = gazetteer
        # Each manager's club now (learned changes of job over the knowledge base), kept current by
        # the composition root; read once an article, never waited for (docs/adr/0007).
        self.jobs = jobs

    def analyse(self, article: Article) -> Analysis:
        title = clean_text(article.title)[:1000]
        body = clean_text(article.text)[:MAX_ANALYSED_CHARS]
        unwrapped = unwrap(title, body, article.outlet, self.gazetteer)
        title, body = unwrapped.title, unwrapped.body
        text = f"{title}\n\n{body}" if body else title
        if not text.strip():
            return Analysis(is_manager_rumour=False)
        folded = fold(text)
        sentences = split_sentences(text)
        if not sentences:
            return Analysis(is_manager_rumour=False)
        res = resolve(text, folded, sentences, self.gazetteer, self.jobs)
        sources = self._credits(article, res, folded, unwrapped.byline)
        # Every claim names a person the resolver found; with none there is nothing to extract.
        # Another sport's coach (a multi-sport feed) is never a football manager rumour.
        football = bool(res.people) and not other_sport(folded, res, self.gazetteer)
        # "On this day in 2009: Chelsea sack Scolari": an anniversary piece tells only history
        football = football and not _LOOKING_BACK_TITLE.match(folded, sentences[0].start, sentences[0].end)
        raw = extract_claims(text, folded, sentences, res, article.published, self.gazetteer) if football else []
        raw = [c for c in raw if not unknown_to_football(folded, c.manager, c.club, self.gazetteer)]
        raw = [c for c in raw if not _YOUTH_SIDE.search(c.club)]  # ("England U21": a team below the first)
        raw = [c for c in raw if not a_namesakes_claim(c, folded, self.gazetteer, self.jobs)]
        raw = deniers_dropped(raw, res.kb_home | res.home)
        raw = [womens_side(c, self.gazetteer, folded) for c in raw]
        raw = _headline_history(raw)
        in_headline = {c.name for c in res.clubs if sentences[c.sentence].paragraph == 0}
        raw = _headline_club_from_body(
            raw, in_headline, {c.name for c in res.clubs if sentences[c.sentence].paragraph > 0}
        )
        predecessors = _predecessors(folded, res) if raw else []  # (looked for once, and only for claims)
        raw = _weigh_history(raw, predecessors, in_headline, res)
        raw = _moved_on(_not_his_own_successor(raw))
        raw = _drop_prior_exits(raw, folded, sentences, in_headline)
        raw = not_signed_yet(raw, folded, sentences)
        raw = contract_at_another_club(raw, folded, sentences, res)
        rumours = self._merge(raw, text, sentences, sources)
        is_rumour = bool(rumours) and self._is_job_story(folded, sentences, raw)
        if not is_rumour:
            clubs = tuple(dict.fromkeys(c.name for c in res.clubs))
            return Analysis(is_manager_rumour=False, clubs=clubs, sources=tuple(sources))
        managers = tuple(dict.fromkeys([*(r.manager for r in rumours), *predecessors]))
        clubs_list = [r.club for r in rumours]
        clubs_list += [res.home[m] for m in managers if m in res.home]
        # Clubs a manager is described with ("the former Chelsea boss", "arrived from Celtic").
        for manager in managers:
            clubs_list += sorted(res.former.get(manager, set()) | res.career.get(manager, set()))
        known = {p.name for p in res.people if not p.known}
        summary = summarise(rumours, sources)
        return Analysis(
            is_manager_rumour=True,
            managers=managers,
            clubs=tuple(dict.fromkeys(clubs_list)),
            rumours=tuple(rumours),
            sources=tuple(sources),
            summary=summary,
            unknown_managers=tuple(m for m in managers if m in known),
        )

    # -- sources -----------------------------------------------------------------------------

    def _credits(self, article: Article, res: Resolved, folded: str, byline: tuple[str, ...]) -> list[SourceCredit]:
        gaz = self.gazetteer
        # (the reporters a byline names, where the knowledge base knows them: "By Matt Law")
        named = [s for s in map(gaz.source_by_key, byline) if s is not None and s.kind == "journalist"]
        for name, _pos in res.sources:
            source = gaz.sources[name]
            if source not in named:
                named.append(source)
        publisher = gaz.source_by_key(article.outlet) if article.outlet else None
        if publisher is None and article.url:
            publisher = gaz.source_for_url(article.url)
        employers = {fold(s.outlet) for s in named if s.kind == "journalist" and s.outlet}
        named = [s for s in named if not (s.kind == "outlet" and fold(s.name) in employers)]
        reporters = [s for s in named if not s.aggregator]
        relays = [s for s in named if s.aggregator]
        if publisher is not None and publisher.aggregator and publisher not in relays:
            relays.insert(0, publisher)
        relay_name = relays[0].name if relays else ""
        credits: list[SourceCredit] = []
        if res.official:  # the club's own announcement, named: "Chelsea (official)"
            club = res.official
            credits.append(SourceCredit(f"{club} (official)", Tier.OFFICIAL, club, f"official:{fold_key(club)}"))
        for source in reporters:
            via = relay_name if source.kind == "journalist" else ""
            credits.append(SourceCredit(source.name, source.tier_value, source.outlet, source.voice, via))
        unattributed = any(w in folded for w in _UNATTRIBUTED_WORDS) and _UNATTRIBUTED.search(folded) is not None
        if not credits and not unattributed:
            if named:
                for source in relays:
                    credits.append(SourceCredit(source.name, source.tier_value, source.outlet, source.voice))
            elif publisher is not None:
                credits.append(SourceCredit(publisher.name, publisher.tier_value, publisher.outlet, publisher.voice))
            elif article.outlet.strip():
                outlet = article.outlet.strip()[:80]
                credits.append(SourceCredit(outlet, UNKNOWN_TIER, outlet, fold(outlet)))
        return credits

    # -- rumours -----------------------------------------------------------------------------

    def _merge(
        self,
        raw: list[RawClaim],
        text: str,
        sentences: list[Sentence],
        sources: list[SourceCredit],
    ) -> list[RumourClaim]:
        by_pair: dict[tuple[str, str], list[RawClaim]] = defaultdict(list)
        for claim in raw:
            if claim.manager and claim.club:
                by_pair[(claim.manager, claim.club)].append(claim)
        best_tier = min((s.tier for s in sources), default=None)
        adjust = _TIER_ADJUST[best_tier] if best_tier is not None else -0.1
        merged: list[RumourClaim] = []
        for (manager, club), claims in by_pair.items():
            # The body's wording wins over the headline's: a headline is often more definite ("X
            # sacked?", "X to be sacked") and never overrides what the story itself says.
            body = [c for c in claims if not c.headline]
            told = body + [h for h in claims if h.headline and not any(_same_news(h, b) for b in body)]
            # The lede carries the news; the rest of the story may recall how it started.
            lede = [c for c in told if c.sentence <= 1 and c.relation not in _SOFT] or told
            # A new deal at the club he coaches is an extension, not an agreement to join it.
            top = max(
                lede,
                key=lambda c: (
                    STAGE_RANK[c.relation],
                    c.factuality is Factuality.DONE,
                    c.relation is Relation.EXTENSION,
                    -c.sentence,
                ),
            )
            if (
                top.relation is Relation.APPOINTED
                and top.caretaker
                and (permanent := [c for c in told if c.relation in _PENDING and c.factuality is Factuality.EXPECTED])
            ):
                # "X is set to be confirmed as permanent head coach … took temporary charge three weeks ago":
                # the news is the permanent job to come, not the interim one he holds
                top = min(permanent, key=lambda c: c.sentence)
            if (
                top.relation is Relation.APPOINTED
                and not top.caretaker
                and (risk := [c for c in told if c.relation is Relation.UNDER_PRESSURE])
            ):
                top = min(risk, key=lambda c: c.sentence)  # "Slot was hired on a long contract": how he came
            top = exit_over_hiring(top, told)
            pressed = [c for c in told if c.sentence <= 1 and c.relation is Relation.UNDER_PRESSURE]
            if (
                top.relation is Relation.STAYS
                and top.factuality is Factuality.REPORTED
                and top.sentence > 1
                and pressed
            ):
                # "X's job is hanging by a thread … he insisted he would not walk away": the news is the pressure
                top = min(pressed, key=lambda c: c.sentence)
            if top.relation is Relation.STAYS and (
                denial := [c for c in told if c.relation is Relation.DENIED and c.event in _EXIT_OR_PRESSURE]
            ):
                # "the club denied he would be sacked … 'he is our coach'": the news is the denial of the
                # sacking, which the backing repeats
                top = min(denial, key=lambda c: c.sentence)
            if top.relation in _EXIT and top.generic:
                # "exit", "parted company" say less than "sacked" or "resigned" elsewhere in the story.
                specific = [c for c in claims if c.relation in _EXIT and not c.generic]
                if not specific and top.relation is Relation.LEFT and not top.parted:
                    # "… part company with X" over the statement's "X has left the club" (not "the club and X
                    # have parted ways", which is mutual): the press's word for a dismissal says more than "left"
                    specific = [c for c in claims if c.relation is Relation.SACKED and c.parted]
                if specific:
                    top = min(specific, key=lambda c: c.sentence)
            top = talks_over_denied_deal(top, told)
            support = sum(1 for c in told if c.relation is top.relation)
            confidence = top.base + adjust + min(support - 1, 3) * 0.03 + _HOLD_ADJUST[top.factuality]
            sentence = sentences[top.sentence]
            evidence = " ".join(text[sentence.start : sentence.end].split())[:300]
            merged.append(
                RumourClaim(
                    manager,
                    club,
                    top.relation,
                    max(0.05, min(confidence, 0.99)),
                    evidence,
                    factuality=top.factuality,
                    event=top.event if top.event is not None and top.event is not top.relation else None,
                    caretaker=top.caretaker,
                    later=top.later and top.factuality is Factuality.DONE,
                    parted=top.parted and top.factuality is Factuality.DONE and top.relation in _EXIT,
                )
            )
        merged.sort(key=lambda r: min(c.sentence for c in by_pair[(r.manager, r.club)]))
        return merged

    def _is_job_story(self, folded: str, sentences: list[Sentence], raw: list[RawClaim]) -> bool:
        """A claim about a job needs job wording near it, and must not be a player story."""
        title = sentences[0]
        # ("Corinthians and Dorival part company after derby defeat": a coach's exit is job news)
        # (and so is a manager's own exit in the headline: "…, Wilder 'would walk away'")
        title_job = JOB_CONTEXT.search(folded, title.start, title.end) is not None or any(
            c.headline and (c.parted or (c.event or c.relation) in _EXIT or c.relation is Relation.UNDER_PRESSURE)
            for c in raw
        )
        if not title_job and PLAYER_CONTEXT.search(folded, title.start, title.end) is not None:
            near_job = 0  # (counted only here, where it decides)
            for claim in raw:
                lo = sentences[max(0, claim.sentence - 1)].start
                hi = sentences[min(len(sentences) - 1, claim.sentence + 1)].end
                if JOB_CONTEXT.search(folded, lo, hi):
                    near_job += 1
                # ("Cesc Fàbregas has signed a new contract as head coach": the job named with the deal)
                near_job += (
                    _DEAL_AS_COACH.search(folded, sentences[claim.sentence].start, sentences[claim.sentence].end)
                    is not None
                )
            # "Anderlecht stand by Hasi after heavy defeat": a match word is not a player story; a
            # position or transfer word is ("Saka signs new deal"), and then one claim is not enough.
            strong = _PLAYER_TITLE.search(folded, title.start, title.end) is not None
            return near_job >= (2 if strong else 1)
        return bool(raw)
