"""Club statements and agency copy: the press's "parted company with" over a statement's "has left his
role", and the rest of what a statement says."""

from __future__ import annotations

from bot.analysis.analyser import Analyser
from bot.domain import Analysis, Article


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text))


def _held(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_a_parting_of_company_told_as_left_her_role_in_the_statement_is_a_sacking(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Brighton part company with head coach Fabian Hürzeler",
        "Brighton & Hove Albion can confirm that Fabian Hürzeler has left the club with immediate effect.",
    )
    assert _held(analysis) == {("Fabian Hürzeler", "Brighton & Hove Albion", "sacked")}


def test_a_parting_by_mutual_consent_in_the_statement_stays_a_mutual_exit(analyser: Analyser) -> None:
    # guard: passes with and without the rule above (mutual consent says who decided)
    analysis = _analyse(
        analyser,
        "Brighton part company with head coach Fabian Hürzeler",
        "Fabian Hürzeler has left Brighton & Hove Albion by mutual consent, the club confirmed.",
    )
    assert _held(analysis) == {("Fabian Hürzeler", "Brighton & Hove Albion", "left")}


def test_a_second_division_club_dismissing_its_coach_is_a_manager_story(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Zaragoza dismiss coach after home defeat",
        "Real Zaragoza have dismissed head coach Gabi Fernández after a 3-0 home defeat, the club said.",
    )
    assert ("Gabi Fernández", "Real Zaragoza", "sacked") in _held(analysis)
    assert analyser.gazetteer.clubs["Real Zaragoza"].league == "Segunda División"


def test_the_dismissal_of_a_coach_the_knowledge_base_lacks_announced_by_the_club(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Real Betis change coach",
        "Real Betis announced on Monday the dismissal of Tomás Ribera as coach of its women's first team.",
    )
    assert ("Tomás Ribera", "Real Betis Women", "sacked") in _held(analysis)


def test_a_reserve_coach_until_now_placed_in_charge_is_the_interim(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Real Betis change coach",
        "Real Betis have sacked Manuel Pellegrini. Lucía Rivas, until now coach of the club's reserve side, "
        "has been placed in interim charge of the team.",
    )
    assert ("Lucía Rivas", "Real Betis", "appointed") in _held(analysis)


def test_renewing_a_coachs_contract_is_an_extension(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Girona keep their coach",
        "Girona have renewed the contract of coach Míchel until June 2028, the club announced.",
    )
    assert ("Míchel", "Girona", "extension") in _held(analysis)


def test_a_national_league_club_is_known(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Hartlepool United sack manager",
        "Hartlepool United have sacked manager Simon Grayson after a 4-0 defeat at Rochdale.",
    )
    assert ("Simon Grayson", "Hartlepool United", "sacked") in _held(analysis)
    assert analyser.gazetteer.clubs["Hartlepool United"].league == "National League"


def test_a_clubs_announced_decision_to_dismiss_its_coach_is_a_sacking(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Bremen were right",
        "Werder Bremen's decision to dismiss Horst Steffen, announced by the club on Sunday evening, was the "
        "right one.",
    )
    assert ("Horst Steffen", "Werder Bremen", "sacked") in _held(analysis)


def test_a_decision_to_dismiss_a_coach_still_to_come_is_no_sacking(analyser: Analyser) -> None:
    # guard: passes with and without the rule above (nothing is announced)
    analysis = _analyse(analyser, "Bremen to decide", "A decision to dismiss Horst Steffen is expected on Monday.")
    assert ("Horst Steffen", "Werder Bremen", "sacked") not in _held(analysis)


def test_a_coach_announced_to_return_as_head_coach_is_appointed(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Xavi back at Barcelona",
        "Xavi will return to Barcelona as head coach next season, the club announced on Monday.",
    )
    assert ("Xavi Hernández", "Barcelona", "appointed") in _held(analysis)


def test_a_coach_who_will_retire_at_the_end_of_the_season_told_in_passing_is_leaving(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Feyenoord shortlist",
        "Feyenoord have put Dick Schreuder on their list to succeed Robin van Persie, who will step down at the "
        "end of the season.",
    )
    assert ("Robin van Persie", "Feyenoord", "left") in _held(analysis)


def test_a_club_official_saying_he_is_our_manager_is_a_stay(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Parish backs Glasner",
        "Crystal Palace chairman Steve Parish said on Friday that Oliver Glasner is our manager.",
    )
    assert ("Oliver Glasner", "Crystal Palace", "stays") in _held(analysis)


def test_a_denied_sacking_backed_with_he_is_our_coach_stays_a_denial(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Brentford back Andrews",
        "Brentford have denied that Keith Andrews will be sacked: Keith Andrews is our head coach, the club said.",
    )
    assert _held(analysis) == {("Keith Andrews", "Brentford", "denied")}


def test_a_liga_mx_club_is_known(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Pachuca change coach",
        "Pachuca have sacked head coach Jaime Lozano after a home defeat by Tigres, the club said.",
    )
    assert ("Jaime Lozano", "Pachuca", "sacked") in _held(analysis)
    assert analyser.gazetteer.clubs["Pachuca"].league == "Liga MX"


def _caretakers(analysis: Analysis) -> set[tuple[str, str, str, bool]]:
    return {
        (r.manager, r.club, r.factuality.value, r.caretaker)
        for r in analysis.rumours
        if r.relation.value == "appointed"
    }


def test_a_coach_who_will_lead_the_first_team_until_the_end_of_the_season_is_a_caretaker(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Everton sack Moyes",
            text="Everton have sacked David Moyes, the club announced. Sean Dyche will lead the first team until the "
            "end of the season.",
        )
    )
    assert ("Sean Dyche", "Everton", "done", True) in _caretakers(analysis)


def test_charge_for_the_remaining_matches_as_the_club_added_is_a_caretaker_appointed(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Everton sack Moyes",
            text="Everton have sacked David Moyes, the club announced on Sunday. Sean Dyche will take charge of the "
            "team for the remaining six matches of the season, the club added.",
        )
    )
    assert ("Sean Dyche", "Everton", "done", True) in _caretakers(analysis)


def test_a_coach_the_knowledge_base_lacks_described_before_taking_interim_charge_is_found(
    analyser: Analyser,
) -> None:
    analysis = analyser.analyse(
        Article(
            title="Everton sack Moyes",
            text="Everton have sacked David Moyes, the club announced on Sunday. Leighton Baines, who has been "
            "coaching the Under-21s, will take interim charge while the club looks for a replacement.",
        )
    )
    assert ("Leighton Baines", "Everton", "done", True) in _caretakers(analysis)


def test_terms_agreed_on_a_new_deal_with_the_announcement_still_to_come_is_no_signed_extension(
    analyser: Analyser,
) -> None:
    analysis = analyser.analyse(
        Article(
            title="NWSL and MLS notebook",
            text="Vlatko Andonovski has agreed terms on a contract extension with the Kansas City Current, with an "
            "official announcement expected next week. Separately, the Philadelphia Union announced that Bradley "
            "Carnell has signed a contract extension through 2029.",
        )
    )
    held = {(r.manager, r.club, r.relation.value) for r in analysis.rumours}
    assert ("Vlatko Andonovski", "Kansas City Current", "extension") not in held
    # (the terms agreed, the signing still to come: an agreement or talks over the new deal, never "signed")
    assert {
        ("Vlatko Andonovski", "Kansas City Current", "agreed"),
        ("Vlatko Andonovski", "Kansas City Current", "talks"),
    } & held
    assert ("Bradley Carnell", "Philadelphia Union", "extension") in held


def test_terms_agreed_on_an_extension_with_the_signing_still_expected_is_no_signed_extension(
    analyser: Analyser,
) -> None:
    analysis = analyser.analyse(
        Article(
            title="Benfica and Mourinho agree terms",
            text="Benfica have agreed terms with head coach José Mourinho on a contract extension until 2028, A Bola "
            "reports, with the signing expected after the cup final.",
        )
    )
    assert not any(r.relation.value == "extension" for r in analysis.rumours)


def test_terms_agreed_on_a_new_contract_are_the_agreed_stage_and_no_signing(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Scaloni agrees new Argentina deal, sources say",
        "Lionel Scaloni has agreed terms on a new contract that will keep him as Argentina head coach until 2030, "
        "sources told TyC Sports. The federation is expected to make it public after the friendlies.",
    )
    assert _held(analysis) == {("Lionel Scaloni", "Argentina", "agreed")}
    assert "signed" not in analysis.summary
    assert "agreed terms on a new contract with Argentina" in analysis.summary


def test_a_new_contract_signed_after_the_terms_were_agreed_is_the_extension(analyser: Analyser) -> None:
    # guard: the signing is told in the same sentence, so the new contract is done
    analysis = _analyse(
        analyser,
        "Scaloni signs new Argentina deal",
        "Lionel Scaloni agreed terms and has signed a new contract as Argentina head coach until 2030, the "
        "federation announced.",
    )
    assert ("Lionel Scaloni", "Argentina", "extension") in _held(analysis)


def test_a_contract_signed_with_the_club_a_coach_is_leaving_for_is_his_appointment(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Arne Slot to leave Liverpool for Barcelona",
        "Arne Slot will leave Liverpool at the end of the season to become Barcelona head coach. Barcelona "
        "confirmed that Slot has signed a contract until 2029 and will take charge on 1 July.",
    )
    held = _held(analysis)
    assert ("Arne Slot", "Barcelona", "appointed") in held
    assert not any(relation == "extension" for _, _, relation in held)
    assert "new contract" not in analysis.summary


def test_a_contract_signed_at_his_own_club_stays_his_new_contract(analyser: Analyser) -> None:
    # guard: the club he is at
    analysis = _analyse(
        analyser, "Slot commits to Liverpool", "Liverpool confirmed that Arne Slot has signed a contract until 2029."
    )
    assert ("Arne Slot", "Liverpool", "extension") in _held(analysis)


def test_a_coach_said_to_be_the_new_head_coach_of_a_club_was_appointed(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="OFICIAL ✅ new coach for Granada women",
            text="Official via club: Inés Carrasco is the new head coach of Granada CF's women's team, contract "
            "until June 2028. Xabi Alonso is the new head coach of Liverpool.",
        )
    )
    held = {(r.manager, r.club, r.relation.value) for r in analysis.rumours}
    assert ("Inés Carrasco", "Granada Women", "appointed") in held
    assert ("Xabi Alonso", "Liverpool", "appointed") in held


def test_a_coach_who_confirms_the_next_game_will_be_his_last_in_charge_has_announced_his_exit(
    analyser: Analyser,
) -> None:
    analysis = analyser.analyse(
        Article(
            title="Hallgrímsson confirms play-off will be his last camp as Ireland boss",
            text="Heimir Hallgrímsson has confirmed that this week's play-off will be his last in charge of the "
            "Republic of Ireland, whatever the outcome.",
        )
    )
    held = {(r.manager, r.club, r.relation.value) for r in analysis.rumours}
    assert ("Heimir Hallgrímsson", "Republic of Ireland", "left") in held


def test_a_coach_who_says_this_was_his_last_match_in_charge_has_announced_his_exit(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Final day LIVE",
            text="17:08 — Marco Silva has just told BBC Sport that this was his last match in charge of Fulham.",
        )
    )
    assert ("Marco Silva", "Fulham", "left") in {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_nobody_at_the_club_having_said_anything_is_no_official_statement(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Could Valencia really sack Carlos Corberán?",
        "Valencia are 18th. Nobody at the club has said anything in public about Carlos Corberán's future.",
    )
    assert not any("(official)" in s.name for s in analysis.sources)
    assert not analysis.summary.startswith("Official")


def test_a_statement_reiterating_full_confidence_in_the_coach_is_a_stay(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Torino statement",
        "Torino FC has released a statement reaffirming its full confidence in head coach Marco Baroni after "
        "Sunday's defeat at Udinese.",
    )
    assert ("Marco Baroni", "Torino", "stays") in _held(analysis)


def test_an_agreement_reached_to_end_the_contract_by_mutual_consent_is_an_exit(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Official statement",
        "Torino FC and Marco Baroni have reached an agreement to terminate, by mutual consent, the contract that "
        "bound the coach to the club.",
    )
    assert ("Marco Baroni", "Torino", "left") in _held(analysis)


def test_a_club_pleased_to_announce_a_first_team_manager_it_names_appoints_him(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Club statement",
        "Morecambe FC is pleased to announce the appointment of Declan Farrow as first-team manager on a contract "
        "until 2028.",
    )
    assert ("Declan Farrow", "Morecambe", "appointed") in _held(analysis)


def test_a_new_head_coach_to_be_announced_is_not_the_caretaker_named_before(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Torino act",
        "Torino have relieved Marco Baroni of his duties. Primavera coach Emanuele Verdi will take charge of "
        "first-team training on an interim basis; a new head coach will be announced in due course.",
    )
    held = {(r.manager, r.relation.value, r.factuality.value) for r in analysis.rumours}
    assert ("Emanuele Verdi", "appointed", "done") in held
    assert not any(manager == "Emanuele Verdi" and relation == "talks" for manager, relation, _ in held)


def test_a_coach_who_says_his_board_told_him_he_keeps_their_full_support_stays(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Brighton 2-0 Newcastle",
        "Eddie Howe said afterwards that the owners had told him he keeps their full support despite a "
        "seventh straight defeat.",
    )
    assert ("Eddie Howe", "Newcastle United", "stays") in _held(analysis)


def test_a_coach_who_says_his_future_is_for_the_owners_to_decide_is_under_pressure(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Howe news",
        "Eddie Howe said his future is 'a matter for the owners' after Newcastle lost again on Saturday.",
    )
    assert ("Eddie Howe", "Newcastle United", "under_pressure") in _held(analysis)
