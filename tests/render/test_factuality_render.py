"""Nothing the bot renders states a definite event (sacked, appointed, agreed, left, new contract) that
the analysis did not mark done: summaries, alert cards, their Discord embeds and Telegram messages."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis.statements import definite_statements
from bot.analysis.summary import summarise
from bot.domain import DEFINITE, Factuality, Relation, RumourClaim, SourceCredit, Tier, stage_for
from bot.render.discord_embed import render_embed
from bot.render.telegram_html import render_card as telegram_messages
from bot.render.text import render_card
from bot.render.threads import thread_card
from bot.rumours.threads import ThreadState
from bot.store.base import ReportRow, StageRow, ThreadView

MANAGERS = ["Enzo Maresca", "Kieran McKenna", "Ange Postecoglou", "Sonia Bompastor"]
CLUBS = ["Chelsea", "Ipswich Town", "Nottingham Forest", "Chelsea Women"]
HELD = [f for f in Factuality if f is not Factuality.PAST]
SOURCES = [
    SourceCredit("David Ornstein", Tier.TOP, "The Athletic"),
    SourceCredit("Chelsea (official)", Tier.OFFICIAL, "Chelsea"),
    SourceCredit("The Sun", Tier.UNRELIABLE, "The Sun"),
]
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@st.composite
def claims(draw: st.DrawFn) -> RumourClaim:
    event = draw(st.sampled_from(list(Relation)))
    factuality = draw(st.sampled_from(HELD))
    stage = stage_for(event, factuality)
    assert stage is not None
    if event is Relation.EXTENSION and factuality is Factuality.DONE and draw(st.booleans()):
        stage = Relation.AGREED  # the terms of a new contract agreed, the contract not yet signed
    return RumourClaim(
        draw(st.sampled_from(MANAGERS)),
        draw(st.sampled_from(CLUBS)),
        stage,
        draw(st.floats(0.05, 0.99)),
        "evidence",
        factuality,
        event if event is not stage else None,
        draw(st.booleans()) and event is Relation.APPOINTED,
        draw(st.booleans()) and factuality is Factuality.DONE,
        draw(st.booleans()) and factuality is Factuality.DONE and event in (Relation.SACKED, Relation.LEFT),
    )


def _unheld(text: str, done: set[Relation]) -> list[str]:
    """Statements of ``text`` whose event (any of the events its words can mean) is not done."""
    return [s.clause for s in definite_statements(text) if not s.relations & done]


def _done(rumours: list[RumourClaim]) -> set[Relation]:
    return {r.relation for r in rumours if r.relation in DEFINITE and r.factuality is Factuality.DONE}


def _view(claim: RumourClaim, summary: str) -> ThreadView:
    state = ThreadState(7, claim.manager, claim.club, claim.relation, NOW, NOW, 1, frozenset({"a"}), summary)
    report = ReportRow(
        "The Athletic", "https://example.org/a", "Headline", "David Ornstein", 1, claim.relation, NOW, False
    )
    return ThreadView(state, state.heat, (report,), (StageRow(claim.relation.value, "David Ornstein", NOW),))


def _plain(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


@settings(max_examples=300, deadline=None)
@given(st.lists(claims(), min_size=1, max_size=5), st.lists(st.sampled_from(SOURCES), max_size=2, unique=True))
def test_no_summary_or_alert_states_a_definite_event_the_analysis_did_not_mark_done(
    rumours: list[RumourClaim], sources: list[SourceCredit]
) -> None:
    summary = summarise(rumours, sources)
    assert not _unheld(summary, _done(rumours)), summary
    for claim in rumours:
        card = thread_card(_view(claim, summarise([claim], sources)))
        done = _done([claim])
        assert not _unheld(f"{card.title}. {card.body}", done), (card.title, card.body)
        embed = render_embed(card)
        assert not _unheld(f"{embed['title']}. {embed.get('description', '')}", done)
        telegram = " ".join(_plain(message.html) for message in telegram_messages(card))
        assert not _unheld(telegram, done), telegram
        assert not _unheld(render_card(card), done)


@pytest.mark.parametrize(
    ("event", "factuality", "caretaker", "wording"),
    [
        (Relation.SACKED, Factuality.DONE, False, "Enzo Maresca has been sacked by Chelsea"),
        (Relation.SACKED, Factuality.EXPECTED, False, "Chelsea are expected to sack Enzo Maresca"),
        (Relation.SACKED, Factuality.POSSIBLE, False, "Enzo Maresca could be sacked by Chelsea"),
        (Relation.SACKED, Factuality.QUESTION, False, "it is asked whether Chelsea will sack Enzo Maresca"),
        (Relation.SACKED, Factuality.DENIED, False, "talk of Chelsea sacking Enzo Maresca has been played down"),
        (
            Relation.UNDER_PRESSURE,
            Factuality.REPORTED,
            False,
            "Enzo Maresca has addressed talk about the job at Chelsea",
        ),
        (Relation.APPOINTED, Factuality.DONE, True, "Chelsea have appointed Enzo Maresca on an interim basis"),
        (Relation.APPOINTED, Factuality.EXPECTED, False, "Enzo Maresca is expected to be appointed by Chelsea"),
        (Relation.TALKS, Factuality.DONE, False, "Enzo Maresca is in talks with Chelsea"),
        (Relation.LEFT, Factuality.POSSIBLE, False, "Enzo Maresca could leave Chelsea"),
        (
            Relation.EXTENSION,
            Factuality.EXPECTED,
            False,
            "Enzo Maresca is expected to sign a new contract with Chelsea",
        ),
        (Relation.STAYS, Factuality.REPORTED, False, "Enzo Maresca has spoken of staying at Chelsea"),
        # (an offer may be a new contract at his own club: "the job" would say more than the story)
        (Relation.OFFER, Factuality.EXPECTED, False, "Chelsea are expected to make Enzo Maresca an offer"),
        (Relation.OFFER, Factuality.POSSIBLE, False, "Chelsea could make Enzo Maresca an offer"),
    ],
)
def test_each_factuality_keeps_its_hedge_in_the_summary(
    event: Relation, factuality: Factuality, caretaker: bool, wording: str
) -> None:
    stage = stage_for(event, factuality)
    assert stage is not None
    claim = RumourClaim(
        "Enzo Maresca", "Chelsea", stage, 0.7, "", factuality, event if event is not stage else None, caretaker
    )
    summary = summarise([claim], [SOURCES[0]])
    assert summary.lower() == f"{wording}, according to David Ornstein.".lower()


def test_a_new_contract_whose_terms_are_agreed_is_told_as_agreed_not_signed() -> None:
    claim = RumourClaim("Enzo Maresca", "Chelsea", Relation.AGREED, 0.8, "", Factuality.DONE, Relation.EXTENSION)
    summary = summarise([claim], [SOURCES[0]])
    assert summary == "Enzo Maresca has agreed terms on a new contract with Chelsea, according to David Ornstein."
    assert [s.relation for s in definite_statements(summary)] == [Relation.AGREED]


@pytest.mark.parametrize(
    "text",
    [
        "Enzo Maresca hasn't been sacked by Chelsea.",
        "Chelsea haven't appointed Enzo Maresca.",
        "Enzo Maresca hasn’t been sacked, whatever the reports say.",
        "Enzo Maresca hadn't signed a new contract.",
    ],
)
def test_a_contracted_negative_states_no_event_as_done(text: str) -> None:
    assert definite_statements(text) == []


def test_credit_is_official_for_the_clubs_own_announcement_and_reports_for_none() -> None:
    claim = RumourClaim("Enzo Maresca", "Chelsea", Relation.SACKED, 0.9, "")
    assert summarise([claim], [SOURCES[1]]) == "Official: Enzo Maresca has been sacked by Chelsea."
    assert summarise([claim], []) == "Reports say Enzo Maresca has been sacked by Chelsea."


def test_a_parting_of_ways_is_told_in_the_storys_words_and_read_as_either_exit() -> None:
    sacked = RumourClaim("Enzo Maresca", "Chelsea", Relation.SACKED, 0.9, "", parted=True)
    assert summarise([sacked], [SOURCES[1]]) == "Official: Chelsea have parted ways with Enzo Maresca."
    left = RumourClaim("Enzo Maresca", "Chelsea", Relation.LEFT, 0.9, "", parted=True)
    assert summarise([left], []) == "Reports say Enzo Maresca has parted ways with Chelsea."
    [statement] = definite_statements("Chelsea have parted ways with Enzo Maresca.")
    assert statement.relations == {Relation.SACKED, Relation.LEFT}
    [statement] = definite_statements("Chelsea have sacked Enzo Maresca.")
    assert statement.relations == {Relation.SACKED}
    with pytest.raises(ValueError, match="parted"):
        RumourClaim("Enzo Maresca", "Chelsea", Relation.APPOINTED, 0.9, "", parted=True)


def test_an_announced_event_still_to_come_is_told_as_still_to_come() -> None:
    leaving = RumourClaim("Enzo Maresca", "Chelsea", Relation.LEFT, 0.9, "", later=True)
    assert summarise([leaving], [SOURCES[1]]) == "Official: Enzo Maresca will leave Chelsea."
    arriving = RumourClaim("Kieran McKenna", "Chelsea", Relation.APPOINTED, 0.9, "", later=True)
    assert (
        summarise([arriving], [SOURCES[0]]) == "Kieran McKenna will take over at Chelsea, according to David Ornstein."
    )
    with pytest.raises(ValueError, match="only an announced"):
        RumourClaim("Enzo Maresca", "Chelsea", Relation.LINKED, 0.5, "", Factuality.POSSIBLE, later=True)


def test_a_candidate_list_names_everyone_or_counts_the_rest() -> None:
    names = ["Edin Terzić", "Niko Kovač", "Sandro Wagner", "Bo Svensson", "Oliver Glasner"]
    claims = [RumourClaim(n, "VfL Wolfsburg", Relation.LINKED, 0.6, "") for n in names]
    assert summarise(claims[:2], []) == "Reports say Edin Terzić and Niko Kovač are linked with VfL Wolfsburg."
    assert summarise(claims, []) == (
        "Reports say Edin Terzić, Niko Kovač, Sandro Wagner and 2 others are linked with VfL Wolfsburg."
    )


def test_a_claim_cannot_be_definite_unless_done() -> None:
    with pytest.raises(ValueError, match="cannot be stated as sacked"):
        RumourClaim("Enzo Maresca", "Chelsea", Relation.SACKED, 0.5, "", Factuality.EXPECTED)


def test_a_card_links_each_outlet_once_with_its_latest_story() -> None:
    claim = RumourClaim("Enzo Maresca", "Chelsea", Relation.TALKS, 0.7, "")
    state = ThreadState(7, claim.manager, claim.club, claim.relation, NOW, NOW, 1, frozenset({"a"}), "summary")
    reports = (
        ReportRow("The Athletic", "https://example.org/new", "New", "David Ornstein", 1, claim.relation, NOW, False),
        ReportRow("The Athletic", "https://example.org/old", "Old", "David Ornstein", 1, claim.relation, NOW, False),
        ReportRow("BBC Sport", "https://example.org/bbc", "BBC", "BBC Sport", 1, claim.relation, NOW, False),
    )
    card = thread_card(ThreadView(state, state.heat, reports, ()))
    assert [(link.label, link.url) for link in card.links] == [
        ("The Athletic", "https://example.org/new"),
        ("BBC Sport", "https://example.org/bbc"),
    ]
