"""Stories as feeds serve them: a section kicker or the outlet's name on the headline, a byline over the
text, a caption, "Related:" links, "Continue reading…" or WordPress's "The post … appeared first on …"
in it, the headline repeated as the first line, a headline set in capitals. The analysis reads the
story, not the wrapping."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.analysis.analyser import Analyser
from bot.analysis.feed_wrapping import unwrap
from bot.analysis.gazetteer import Gazetteer
from bot.analysis.io import parse_article
from bot.domain import Analysis, Article

_PUBLISHED = datetime(2026, 5, 1, tzinfo=UTC)


def _analyse(analyser: Analyser, title: str, text: str = "", outlet: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text, outlet=outlet, published=_PUBLISHED))


def _held(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_a_wordpress_footer_repeating_a_players_headline_gives_his_coach_nothing(analyser: Analyser) -> None:
    title = "Sterling leaves Chelsea by mutual consent"
    text = (
        "Raheem Sterling and Chelsea have agreed to end his contract by mutual consent, the club announced "
        "on Friday.\n\nChelsea head coach Enzo Maresca had made clear there was no place for the winger in "
        f"his squad.\n\nThe post {title} appeared first on Blues Daily."
    )
    assert not _analyse(analyser, title, text).is_manager_rumour


def test_a_related_link_under_the_story_is_not_a_claim_of_the_story(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Kieran McKenna signs new Ipswich Town contract",
        "Kieran McKenna has signed a new three-year contract with Ipswich Town, the club announced.\n"
        "Related: Rúben Amorim sacked by Manchester United after Brentford defeat",
    )
    assert ("Kieran McKenna", "Ipswich Town", "extension") in _held(analysis)
    assert "Rúben Amorim" not in analysis.managers


@pytest.mark.parametrize("kicker", ["Opinion: ", "Exclusive: ", "LIVE: ", "Gossip: "])
def test_a_section_kicker_does_not_hide_a_headline_that_looks_back(analyser: Analyser, kicker: str) -> None:
    analysis = _analyse(
        analyser,
        f"{kicker}Ten years on: the night Chelsea sacked José Mourinho",
        "It was a December evening in 2015 and José Mourinho had just lost at Leicester. Chelsea were a "
        "point above the relegation zone and the board had seen enough.",
    )
    assert not any(relation == "sacked" for _, _, relation in _held(analysis))


def test_a_byline_naming_a_football_writer_does_not_make_a_rugby_story_football(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Northampton Saints part company with head coach",
        "By Sam Wallace, Chief Football Writer\n\n"
        "Northampton Saints have parted company with head coach Phil Dowson after eight defeats in a row.",
    )
    assert not analysis.is_manager_rumour


def test_a_byline_credits_the_reporter_it_names(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Chelsea in talks with Kieran McKenna",
        "By David Ornstein\n\nChelsea have opened talks with Kieran McKenna about becoming their next head coach.",
    )
    assert ("Kieran McKenna", "Chelsea", "talks") in _held(analysis)
    assert "David Ornstein" in {s.name for s in analysis.sources}


def test_a_headline_in_capitals_is_read_as_the_same_headline_in_lower_case(analyser: Analyser) -> None:
    text = (
        "Wolverhampton Wanderers have sacked head coach Vítor Pereira after a run of eight league games "
        "without a win, the club announced on Sunday.\n\n"
        "Under-21s coach James Collins will take charge of the first team on an interim basis."
    )
    shouted = _held(_analyse(analyser, "WOLVES SACK PEREIRA; JAMES COLLINS TAKES INTERIM CHARGE", text))
    written = _held(_analyse(analyser, "Wolves sack Pereira; James Collins takes interim charge", text))
    assert shouted == written
    assert ("Vítor Pereira", "Wolverhampton Wanderers", "sacked") in shouted


def test_a_handball_coach_in_the_ehf_champions_league_is_not_a_football_manager(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Paris Saint-Germain coach Raúl González will leave at the end of the season",
        "Paris Saint-Germain coach Raúl González will leave at the end of the season, the club confirmed "
        "after their EHF Champions League quarter-final exit. He has led the handball side since 2018.",
    )
    assert not analysis.is_manager_rumour


def test_the_outlet_and_kicker_around_a_headline_are_taken_off(gazetteer: Gazetteer) -> None:
    unwrapped = unwrap("Exclusive: Chelsea in talks with McKenna | Sky Sports", "Text.", "", gazetteer)
    assert unwrapped.title == "Chelsea in talks with McKenna"
    named_outlet = unwrap("Chelsea in talks with McKenna - Daily Planet", "Text.", "Daily Planet", gazetteer)
    assert named_outlet.title == "Chelsea in talks with McKenna"
    # (what follows a dash is kept unless it names an outlet)
    kept = unwrap("Amorim sacked - Manchester United confirm", "Text.", "", gazetteer)
    assert kept.title == "Amorim sacked - Manchester United confirm"


def test_where_a_feed_cuts_the_text_off_its_marker_is_taken_off(gazetteer: Gazetteer) -> None:
    for tail in (" Continue reading...", " […]", " [...] Read more", "\nPhotograph: Mike Egerton/PA"):
        unwrapped = unwrap("Title", "Chelsea have sacked their coach." + tail, "", gazetteer)
        assert unwrapped.body == "Chelsea have sacked their coach."


def test_a_headline_repeated_as_the_first_line_is_read_once(gazetteer: Gazetteer) -> None:
    title = "Chelsea sack Maresca"
    assert unwrap(title, f"{title}. The club confirmed it.", "", gazetteer).body == "The club confirmed it."
    assert unwrap(title, f"{title}\n\nThe club confirmed it.", "", gazetteer).body == "The club confirmed it."
    # (a first sentence that runs on from the headline's words is the text's own)
    run_on = f"{title} after a fourth defeat in a row."
    assert unwrap(title, run_on, "", gazetteer).body == run_on


_DATA = Path(__file__).resolve().parents[1] / "data"


def _wrapped_as_feeds_do(article: Article) -> list[Article]:
    title, text = article.title, article.text
    return [
        replace(article, title=f"Exclusive: {title} | Sky Sports"),
        replace(article, title=f"Opinion – {title}"),
        replace(article, text=f"By Sam Wallace, Chief Football Writer\n\n{text}"),
        replace(article, text=f"{title}. {text}"),
        replace(article, text=f"{text}\nThe post {title} appeared first on Football Daily."),
        replace(
            article, text=f"{text}\n\nRelated: Rúben Amorim sacked by Manchester United\nPhotograph: Mike Egerton/PA"
        ),
        replace(article, text=f"{text} [...] Continue reading..."),
    ]


@pytest.mark.parametrize("story_set", ["analysis-set30", "analysis-set31"])
def test_a_story_wrapped_as_feeds_wrap_it_is_analysed_as_the_story_itself(analyser: Analyser, story_set: str) -> None:
    changed = []
    for path in sorted((_DATA / story_set).glob("*.json")):
        article = parse_article(json.dumps(json.loads(path.read_text("utf-8"))["article"]).encode())
        plain = analyser.analyse(article)
        for wrapped in _wrapped_as_feeds_do(article):
            analysis = analyser.analyse(wrapped)
            if (analysis.is_manager_rumour, _held(analysis)) != (plain.is_manager_rumour, _held(plain)):
                changed.append(f"{path.name}: {wrapped.title!r} / {wrapped.text[-80:]!r}")
    assert not changed


def test_a_related_heading_over_a_list_of_links_is_not_read_as_the_story(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Kieran McKenna signs new Ipswich Town contract",
        "Kieran McKenna has signed a new three-year contract with Ipswich Town, the club announced.\n\n"
        "More on this story\n• Enzo Maresca sacked by Chelsea\n• Town 2-0 Hull: player ratings\n",
    )
    assert ("Kieran McKenna", "Ipswich Town", "extension") in _held(analysis)
    assert "Enzo Maresca" not in analysis.managers


_FRAGMENTS = st.sampled_from(
    ["By ", "Sam Wallace", ", Chief Football Writer", "\n", "\n\n", "Related:", "• ", "- ", "1. ", "Photograph: ",
     "(Image: Getty)", "The post ", " appeared first on ", "Continue reading…", "[…]", "Read more", "EXCLUSIVE: ",
     " | Sky Sports", " - BBC Sport", "CHELSEA SACK MARESCA", "Chelsea", "sacked", "’", ":", ".", " "]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_FRAGMENTS, max_size=12).map("".join),
    st.lists(st.one_of(_FRAGMENTS, st.text(max_size=8)), max_size=30).map("".join),
)
def test_unwrapping_any_wrapped_text_never_fails_nor_adds_words(gazetteer: Gazetteer, title: str, body: str) -> None:
    unwrapped = unwrap(title, body, "Sky Sports", gazetteer)
    assert len(unwrapped.title) <= len(title)
    assert len(unwrapped.body) <= len(body)
