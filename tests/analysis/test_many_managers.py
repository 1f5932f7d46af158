"""Round-ups, live blogs, timelines and mailbags name many managers at once: each gets only what is said
of him, at his own club, and a timeline's dated entries are history."""

from __future__ import annotations

from bot.analysis.analyser import Analyser
from bot.domain import Analysis, Article


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text))


def _held(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_a_timelines_dated_entries_are_history_and_only_today_is_news(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Timeline: Eddie Howe's Newcastle reign as he signs a new deal",
        "November 2021 — appointed by Newcastle United in the relegation zone. March 2025 — wins the League "
        "Cup. Today — signs a new contract until 2030, Newcastle announced on Thursday.",
    )
    held = _held(analysis)
    assert ("Eddie Howe", "Newcastle United", "extension") in held
    assert ("Eddie Howe", "Newcastle United", "appointed") not in held


def test_dismissing_his_predecessor_is_not_the_new_coachs_exit(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Bologna name Vincenzo Italiano",
        "Bologna have appointed Vincenzo Italiano as head coach until 2028, the club announced on Monday, "
        "three days after dismissing his predecessor.",
    )
    held = _held(analysis)
    assert ("Vincenzo Italiano", "Bologna", "appointed") in held
    assert not any(relation == "sacked" for _, _, relation in held)


def test_two_managers_sacked_in_one_breath_each_leave_their_own_club(analyser: Analyser) -> None:
    held = _held(_analyse(analyser, "Black Monday: Daniel Farke and Scott Parker sacked", "More to follow."))
    assert ("Daniel Farke", "Leeds United", "sacked") in held
    assert ("Scott Parker", "Burnley", "sacked") in held


def test_a_club_in_the_item_before_a_pair_of_names_is_not_theirs(analyser: Analyser) -> None:
    held = _held(
        _analyse(
            analyser,
            "Black Monday live: Moyes leaves Everton, Farke and Parker sacked",
            "Daniel Farke and Scott Parker both lost their jobs on Monday morning.",
        )
    )
    assert ("Daniel Farke", "Leeds United", "sacked") in held
    assert not any(manager != "David Moyes" and club == "Everton" for manager, club, _ in held)


def test_a_sacking_of_a_man_the_story_does_not_know_is_not_the_last_managers(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Black Monday live: Farke and Parker sacked, Millwall 'set to dismiss Brannigan'",
        "Daniel Farke and Scott Parker both lost their jobs on Monday morning.",
    )
    assert not any(club == "Millwall" for _, club, _ in _held(analysis))


def test_a_manager_who_dismissed_it_denied_the_story(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Mailbag: your questions answered",
        "Q: Is Mikel Arteta going to be the next Barcelona coach?\n\n"
        "A: No. The story has been running in Spain for a month, but Arteta dismissed it at his press "
        "conference on Friday: 'There is nothing in it.'",
    )
    held = _held(analysis)
    assert ("Mikel Arteta", "Barcelona", "denied") in held
    assert not any(relation == "sacked" for _, _, relation in held)


def test_the_clubs_coach_before_a_name_is_that_man_not_the_one_named_before(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "World Cup fallout",
        "Portugal — Roberto Martínez was dismissed by the federation after the quarter-final defeat. The Benfica "
        "coach José Mourinho, the federation's first choice, turned down the job, Record reports.",
    )
    held = _held(analysis)
    assert ("Roberto Martínez", "Portugal", "sacked") in held
    assert ("Roberto Martínez", "Benfica", "sacked") not in held


def test_each_numbered_entry_under_a_headline_of_jobs_at_risk_is_pressure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Four Serie A coaches fighting for their jobs this weekend",
        "1. Marco Baroni (Torino) — three straight defeats. 2. Eusebio Di Francesco (Lecce) — faces Cesc "
        "Fàbregas's Como on Sunday. 3. Davide Nicola (Cremonese) — one win in nine.",
    )
    held = _held(analysis)
    for manager, club in [
        ("Marco Baroni", "Torino"),
        ("Eusebio Di Francesco", "Lecce"),
        ("Davide Nicola", "Cremonese"),
    ]:
        assert (manager, club, "under_pressure") in held
    assert "Cesc Fàbregas" not in analysis.managers


def test_coaches_who_could_be_next_to_lose_their_jobs_are_each_under_pressure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "MLS hot seat",
        "With five games left, the Houston Dynamo's Ben Olsen, Sporting Kansas City's Peter Vermes and the "
        "Colorado Rapids' Chris Armas could be the next coaches to lose their jobs.",
    )
    held = _held(analysis)
    assert {(m, r) for m, _, r in held} >= {
        ("Ben Olsen", "under_pressure"),
        ("Peter Vermes", "under_pressure"),
        ("Chris Armas", "under_pressure"),
    }
    assert not any(relation == "linked" for _, _, relation in held)


def test_a_headline_naming_no_club_takes_the_club_the_body_gives_the_same_claim(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Mailbag: Is McKenna already under pressure?",
        "Q: Four defeats in a row. Is Kieran McKenna already under pressure at Chelsea?\n\n"
        "A: Not yet. The owners expected a difficult autumn while his ideas bed in.",
    )
    clubs = {club for manager, club, _ in _held(analysis) if manager == "Kieran McKenna"}
    assert "Chelsea" in clubs
    assert "Ipswich Town" not in clubs


def test_the_club_asked_for_permission_to_speak_to_a_coach_is_his_own(analyser: Analyser) -> None:
    held = _held(
        _analyse(
            analyser,
            "Everton's search",
            "The favourite is Keith Andrews, who now coaches Brentford. Everton have asked Brentford for "
            "permission to speak to him, Sky Sports reports.",
        )
    )
    assert ("Keith Andrews", "Everton", "talks") in held
    assert ("Keith Andrews", "Brentford", "talks") not in held


def test_a_mailbags_next_question_does_not_inherit_the_job_of_the_one_before(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Mailbag: your questions answered",
        "Q: Who replaces Marco Baroni at Torino?\n\n"
        "A: Torino sacked Baroni on Sunday. The favourite is Davide Nicola.\n\n"
        "Q: Will Sarina Wiegman stay on after the World Cup?\n\n"
        "A: The FA want her to, and they have opened talks over an extension, The Athletic understands.",
    )
    assert ("Sarina Wiegman", "Torino") not in {(m, c) for m, c, _ in _held(analysis)}


def test_a_competition_named_like_a_club_is_not_one(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Saudi round-up",
        "Al-Nassr chief executive José Semedo said that Jorge Jesus 'is going nowhere' despite the AFC "
        "Champions League exit.",
    )
    assert "AFC Champions League" not in analysis.clubs
    assert not any(club == "AFC Champions League" for _, club, _ in _held(analysis))


def test_a_federation_expected_to_name_a_man_as_successor_is_an_expected_appointment(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "World Cup fallout",
        "Scotland — Steve Clarke's side went out in the group stage. The Scottish FA is expected to name "
        "Aberdeen's Jimmy Thelin as his successor next week.",
    )
    rumours = {(r.manager, r.club): r for r in analysis.rumours}
    thelin = rumours.get(("Jimmy Thelin", "Scotland"))
    assert thelin is not None
    assert thelin.relation.value == "talks"
    assert thelin.factuality.value == "expected"


def test_a_common_surname_beside_the_managers_own_club_is_the_manager(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Is Parker's time up at Burnley?", "Burnley are 19th, nine points from safety, after six defeats."
    )
    assert ("Scott Parker", "Burnley", "under_pressure") in _held(analysis)


def test_a_sacking_later_that_year_after_a_past_final_is_history(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Who replaces Frank?",
        "Mauricio Pochettino is contracted to the United States until the end of the World Cup. He took Spurs to "
        "the Champions League final in 2019 and was sacked later that year, but supporters still sing his name.",
    )
    assert not any(relation == "sacked" for _, _, relation in _held(analysis))


def test_an_offer_to_a_coach_named_with_his_club_and_title_is_an_offer(analyser: Analyser) -> None:
    held = _held(
        _analyse(
            analyser,
            "Palace make offer",
            "Crystal Palace have offered Brentford head coach Keith Andrews a three-year contract to succeed "
            "Oliver Glasner, according to The Athletic.",
        )
    )
    assert ("Keith Andrews", "Crystal Palace", "offer") in held
