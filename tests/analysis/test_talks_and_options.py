"""Wordings of talks and of a candidacy: meeting a club's people is talks, "an option" is a
possible link, and a place after the verb ("in Lisbon") is not the person the talks are with."""

from __future__ import annotations

from bot.analysis.analyser import Analyser
from bot.domain import Analysis, Article


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text))


def _held(analysis: Analysis) -> set[tuple[str, str, str, str]]:
    return {(r.manager, r.club, r.relation.value, r.factuality.value) for r in analysis.rumours}


def test_meeting_a_clubs_recruitment_team_in_a_city_is_talks_with_that_club(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Everton latest", "Brentford's Keith Andrews met Everton's hierarchy in Liverpool on Tuesday."
    )
    assert ("Keith Andrews", "Everton", "talks", "done") in _held(analysis)


def test_a_manager_called_an_option_is_a_possible_candidate(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Who next for Wolves?", "Wolves need a new head coach. Gary O'Neil is an obvious option."
    )
    assert ("Gary O'Neil", "Wolverhampton Wanderers", "linked", "possible") in _held(analysis)


def test_every_name_after_a_colon_completing_the_list_is_a_candidate(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Sevilla shortlist",
        "Two coaches complete Sevilla's list: Míchel, who kept Girona up this season, and Íñigo Pérez, "
        "whose Rayo Vallecano finished in the top half.",
    )
    held = {(m, c, rel) for m, c, rel, _ in _held(analysis)}
    assert {("Míchel", "Sevilla", "linked"), ("Íñigo Pérez", "Sevilla", "linked")} <= held


def test_offering_the_clubs_vacant_job_to_a_manager_is_an_offer(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Wigan move quickly",
        "Wigan Athletic have offered their vacant head coach's job to Neil Critchley, the former Blackpool boss.",
    )
    assert ("Neil Critchley", "Wigan Athletic", "offer", "done") in _held(analysis)


def test_no_hurry_to_decide_his_future_is_an_open_future_not_a_denial(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Holloway undecided", "Ian Holloway is in no hurry to decide his future at Swindon Town."
    )
    assert {(r.manager, r.club, r.relation.value) for r in analysis.rumours} == {
        ("Ian Holloway", "Swindon Town", "under_pressure")
    }


def test_the_club_that_makes_the_offer_is_the_one_before_the_verb(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Sporting offer Rui Borges new deal as Benfica watch on")
    assert ("Rui Borges", "Sporting CP", "offer") in {(r.manager, r.club, r.relation.value) for r in analysis.rumours}
    assert not any(r.club == "Benfica" and r.relation.value == "offer" for r in analysis.rumours)


def test_would_be_open_to_a_job_is_a_possibility(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Mourinho open to Portugal", "José Mourinho would be open to coaching Portugal, A Bola has learned."
    )
    assert ("José Mourinho", "Portugal", "linked", "possible") in _held(analysis)


def test_discussed_as_an_option_is_a_link(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Wolves latest",
        "Wolves need a new head coach. Gary O'Neil is being discussed by the board as an option for next season.",
    )
    assert ("Gary O'Neil", "Wolverhampton Wanderers", "linked", "possible") in _held(analysis)


def test_im_focused_on_my_club_is_a_stay(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Iraola latest", "Andoni Iraola said: 'I'm focused on Bournemouth and nothing else.'")
    assert ("Andoni Iraola", "AFC Bournemouth", "stays") in {(m, c, r) for m, c, r, _ in _held(analysis)}


def test_a_trainer_title_before_the_name_hides_no_one_else(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "PSV latest", "PSV admire Utrecht Trainer Ron Jans, De Telegraaf reports.")
    assert ("Ron Jans", "PSV Eindhoven", "linked") in {(m, c, r) for m, c, r, _ in _held(analysis)}


def test_a_trainer_the_knowledge_base_lacks_is_found_from_the_title(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Freiburg news", "SC Freiburg have sacked Trainer Markus Lindner after a seventh straight defeat."
    )
    assert "Markus Lindner" in analysis.managers


def test_two_names_in_the_frame_each_with_a_relative_clause_are_both_linked(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Netherlands news",
        "The Netherlands need a new head coach. Peter Bosz, who left PSV at the end of last season, and Erik ten "
        "Hag are the two names in the frame.",
    )
    held = {(m, c, r) for m, c, r, _ in _held(analysis)}
    assert {("Peter Bosz", "Netherlands", "linked"), ("Erik ten Hag", "Netherlands", "linked")} <= held


def test_the_leading_candidate_and_a_move_weighed_up_are_possibilities(analyser: Analyser) -> None:
    candidate = _analyse(
        analyser,
        "Spurs sack Frank",
        "Tottenham have sacked Thomas Frank. Mauricio Pochettino is the leading candidate to replace him.",
    )
    assert ("Mauricio Pochettino", "Tottenham Hotspur", "linked", "possible") in _held(candidate)
    weighed = _analyse(
        analyser, "Grêmio latest", "Grêmio are weighing up a move for Vasco da Gama coach Fernando Diniz."
    )
    assert ("Fernando Diniz", "Grêmio", "linked", "possible") in _held(weighed)


def test_a_wish_for_one_day_in_a_relative_clause_leaves_the_sentences_link_standing(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "England search",
        "Sarina Wiegman will step down as England Women manager after the World Cup, the FA announced. Renée "
        "Slegers is among the early names the FA will consider, alongside Casey Stoney, now in charge of "
        "Canada, who has made no secret of her ambition to manage her own country one day.",
    )
    assert ("Renée Slegers", "England Women", "linked", "possible") in _held(analysis)


def test_a_player_extending_his_playing_contract_is_no_managers_extension(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Simeone on Koke",
        "'He will coach here,' Diego Simeone said after the 34-year-old extended his playing contract by a year.",
    )
    assert not any(r.relation.value == "extension" for r in analysis.rumours)


def test_if_they_decide_to_sack_him_the_club_is_the_one_the_condition_hangs_on(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Tottenham eye Ryan Mason return if Frank is sacked - report",
            text="Tottenham Hotspur would consider bringing Ryan Mason back as head coach if they decide to sack "
            "Thomas Frank, according to The Sun.",
        )
    )
    held = {(r.manager, r.club, r.relation.value, r.factuality.value) for r in analysis.rumours}
    assert held == {
        ("Thomas Frank", "Tottenham Hotspur", "under_pressure", "possible"),
        ("Ryan Mason", "Tottenham Hotspur", "linked", "possible"),
    }


def test_among_the_names_a_president_is_considering_links_the_coach_named_before(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Sarri confirms he will leave Lazio at the end of the season",
            text="Maurizio Sarri has confirmed that he will leave Lazio when the season ends. According to Il "
            "Messaggero, Bologna coach Vincenzo Italiano is among the names Claudio Lotito is considering for next "
            "season.",
        )
    )
    held = {(r.manager, r.club, r.relation.value) for r in analysis.rumours}
    assert ("Vincenzo Italiano", "Lazio", "linked") in held
    assert "Il Messaggero" not in analysis.managers


def test_a_coach_the_knowledge_base_lacks_spoken_to_about_returning_is_in_talks(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Nantes sack Luís Castro",
            text="FC Nantes have dismissed head coach Luís Castro. According to L'Équipe, Kita has already spoken to "
            "Antoine Kombouaré about returning to the Beaujoire for a third spell. Kombouaré, who won the Coupe de "
            "France with Nantes in 2022, was sacked by Kita in December 2024.",
        )
    )
    held = {(r.manager, r.club, r.relation.value) for r in analysis.rumours}
    assert ("Antoine Kombouaré", "FC Nantes", "talks") in held
    assert ("Antoine Kombouaré", "FC Nantes", "sacked") not in held


def test_agreeing_to_return_as_head_coach_is_an_agreement(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Here we go: Mancini agrees Italy return",
            text="Roberto Mancini has agreed to return as Italy head coach on a contract until 2030, Fabrizio Romano "
            "reports, with the former Saudi Arabia coach set to be unveiled by the FIGC next week.",
        )
    )
    assert ("Roberto Mancini", "Italy", "agreed") in {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_a_club_offering_a_coach_the_knowledge_base_lacks_a_spell_in_charge_makes_an_offer(
    analyser: Analyser,
) -> None:
    analysis = analyser.analyse(
        Article(
            title="Nantes sack Luís Castro",
            text="FC Nantes have sacked head coach Luís Castro. According to RMC Sport, Nantes have offered Antoine "
            "Kombouaré a contract until June 2028 to return for a third spell in charge.",
        )
    )
    held = {(r.manager, r.club, r.relation.value) for r in analysis.rumours}
    assert ("Antoine Kombouaré", "FC Nantes", "offer") in held


def test_a_club_offering_a_player_a_contract_names_no_coach(analyser: Analyser) -> None:
    # (a guard: without a coach's role in the sentence, the one offered a contract is a player)
    analysis = analyser.analyse(
        Article(title="Arsenal news", text="Arsenal have offered Bukayo Saka a contract until June 2030.")
    )
    assert "Bukayo Saka" not in analysis.managers


def test_sounding_out_a_coach_about_a_spell_in_charge_is_talks(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Beşiktaş news",
            text="Fanatik reported that the Beşiktaş board had sounded out Şenol Güneş about a third spell in charge.",
        )
    )
    held = {(r.manager, r.club, r.relation.value) for r in analysis.rumours}
    assert ("Şenol Güneş", "Beşiktaş", "talks") in held


def test_putting_off_a_decision_on_his_future_denies_nothing(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="'Talks are ongoing' - Glasner on Crystal Palace future",
            text="Oliver Glasner told the Standard that talks with Crystal Palace over a new contract are 'ongoing "
            "and friendly', but that he will not decide on his future until the end of the season.",
        )
    )
    assert {(r.manager, r.club, r.relation.value) for r in analysis.rumours} == {
        ("Oliver Glasner", "Crystal Palace", "talks")
    }


def test_a_club_yet_to_appoint_a_successor_appoints_no_one_named(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Pochettino responds to Tottenham return talk",
            text="Mauricio Pochettino says his 'only focus' is the World Cup with the United States after reports "
            "in England linked him with a return to Tottenham, who have yet to appoint a permanent successor to "
            "Thomas Frank.",
        )
    )
    held = {(r.manager, r.club, r.relation.value) for r in analysis.rumours}
    assert ("Mauricio Pochettino", "Tottenham Hotspur", "linked") in held
    assert not any(relation == "talks" for _, _, relation in held)


def test_contact_with_the_italians_representatives_is_talks_with_him(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Spurs target De Zerbi",
        "Roberto De Zerbi is Tottenham's leading target. Spurs have already made contact with the Italian's "
        "representatives about leaving Marseille.",
    )
    assert ("Roberto De Zerbi", "Tottenham Hotspur", "talks", "done") in _held(analysis)


def test_a_club_that_asked_a_coach_whether_he_would_take_over_is_in_talks_with_him(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Everton sack Moyes",
        "Everton have sacked David Moyes. The Athletic reports that Everton have asked Graham Potter, 51, "
        "whether he would be willing to take over until the summer.",
    )
    assert ("Graham Potter", "Everton", "talks", "done") in _held(analysis)


def test_a_club_that_contacted_a_former_coach_about_a_return_is_in_talks_with_him(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Everton sack Moyes",
        "Everton have sacked David Moyes. According to The Athletic, the club have already contacted Graham "
        "Potter about the job.",
    )
    assert ("Graham Potter", "Everton", "talks", "done") in _held(analysis)


def test_declining_to_comment_when_contacted_is_no_talks(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Everton sack Moyes",
        "Everton have sacked David Moyes. Graham Potter, out of work since the summer, is among the names "
        "considered. His agent declined to comment when contacted on Monday.",
    )
    assert not any(r.relation.value == "talks" for r in analysis.rumours)


def test_an_offer_of_an_extension_credited_to_a_paper_is_not_an_offer_to_the_paper(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Moyes latest",
        "Everton have offered David Moyes a one-year extension, Merseyside Echo reports.",
    )
    assert any(held[:3] == ("David Moyes", "Everton", "talks") for held in _held(analysis))


def test_a_coach_who_has_given_his_agreement_to_succeed_another_has_agreed(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Potter to Everton: done deal?",
        "Graham Potter has given his agreement to succeed David Moyes as Everton manager in the summer, The "
        "Athletic reports, with the club expected to confirm the appointment once the season is over.",
    )
    assert ("Graham Potter", "Everton", "agreed", "done") in _held(analysis)


def test_a_coach_believed_to_have_been_approached_has_been_approached(analyser: Analyser) -> None:
    # "believed to" hedges the report, not the event: an approach told as made is talks, done
    analysis = _analyse(
        analyser,
        "Charlton weigh up options",
        "Preston North End boss Paul Heckingbottom is believed to have been approached by Charlton Athletic.",
    )
    assert ("Paul Heckingbottom", "Charlton Athletic", "talks", "done") in _held(analysis)


def test_an_approach_with_no_club_named_is_for_the_job_the_headline_puts_in_doubt(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Portsmouth to decide Mousinho's future after relegation",
        "Bolton Wanderers manager Steven Schumacher, whose side finished four places above Portsmouth, has "
        "been approached through a third party.",
    )
    held = {(m, c, rel) for m, c, rel, _ in _held(analysis)}
    assert ("Steven Schumacher", "Portsmouth", "talks") in held


def test_a_contract_that_makes_an_approach_complicated_is_no_approach(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Valencia shortlist",
        "Valencia have Pellegrino Matarazzo on their list, although the American's Real Sociedad contract makes "
        "an approach complicated.",
    )
    assert {(m, c, rel) for m, c, rel, _ in _held(analysis)} == {("Pellegrino Matarazzo", "Valencia", "linked")}


def test_a_possible_successor_who_has_been_sounded_out_is_in_talks(analyser: Analyser) -> None:
    # "possible" sizes up the man as a successor; the sounding-out itself is told as done
    analysis = _analyse(
        analyser,
        "Stoke consider Robins' position",
        "One possible successor has already been sounded out by Stoke City: Preston North End manager Paul "
        "Heckingbottom.",
    )
    assert ("Paul Heckingbottom", "Stoke City", "talks", "done") in _held(analysis)


def test_the_coachs_future_is_the_coach_in_posts_not_the_man_sounded_out_after_it(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Torino 0-3 Lecce: Baroni on the brink",
        "Lecce piled on the misery with a 3-0 win in Turin on Monday, a result that leaves Marco Baroni fighting "
        "for his job.\n\nNikola Krstović headed the visitors in front after 11 minutes and Lameck Banda doubled "
        "the lead before the break.\n\nThe boos started at half-time and did not stop. Reports say the Torino "
        "board will meet on Tuesday to discuss the coach's future, and that the club have already sounded out "
        "Roberto Mancini.",
    )
    held = {(m, c, rel) for m, c, rel, _ in _held(analysis)}
    assert ("Roberto Mancini", "Torino", "under_pressure") not in held
    assert ("Roberto Mancini", "Torino", "talks") in held


def test_a_coachs_own_talks_over_a_new_deal_are_with_his_club(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Atlético Madrid news",
        "Diego Simeone's talks over a new deal have stalled, according to Marca.",
    )
    held = {(m, c, rel) for m, c, rel, _ in _held(analysis)}
    assert ("Diego Simeone", "Atlético Madrid", "talks") in held


def test_ol_is_lyon(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "OL round-up: Monaco's Pocognoli on the list",
        "Monaco head coach Sébastien Pocognoli is on OL's list should the talks with Paulo Fonseca break down.",
    )
    assert "Olympique Lyonnais" in {r.club for r in analysis.rumours}


def test_talks_about_a_return_as_head_coach_are_talks_not_the_appointment(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Ajax latest",
        "Ajax have opened talks with Erik ten Hag about a return to the club as head coach, De Telegraaf reports.",
    )
    assert _held(analysis) == {("Erik ten Hag", "Ajax", "talks", "done")}


def test_a_headlines_present_tense_agrees_deal_is_an_agreement(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Here we go",
            text="Marco Rose agrees deal to become new Eintracht Frankfurt head coach, contract until 2028.",
        )
    )
    assert ("Marco Rose", "Eintracht Frankfurt", "agreed") in {
        (r.manager, r.club, r.relation.value) for r in analysis.rumours
    }


def test_talks_that_have_broken_down_are_no_move_and_are_told_as_off_not_denied(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Hibs news",
        "Hibernian's negotiations with Derek McInnes over the manager's job have collapsed, the club said.",
    )
    assert ("Derek McInnes", "Hibernian", "denied", "denied") in _held(analysis)
    assert "is off" in analysis.summary
    assert "denied" not in analysis.summary


def test_an_offer_withdrawn_is_no_offer(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Hibs rethink",
        "Hibernian have rescinded their offer to Derek McInnes after he asked for a week to think it over.",
    )
    assert not any(relation == "offer" for _, _, relation, _ in _held(analysis))
    assert "made" not in analysis.summary


def test_an_appointment_expected_once_the_season_is_over_is_not_called_off(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Hibs plan",
        "Hibernian are expected to name Derek McInnes as their new manager once the Premiership season is over.",
    )
    assert not any(factuality == "denied" for _, _, _, factuality in _held(analysis))


def test_a_coach_ending_speculation_by_signing_a_new_deal_has_signed_and_the_ended_link_is_gone(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "McInnes ends speculation by signing new Hearts deal",
        "Derek McInnes has put pen to paper on a new contract with Hearts, the club confirmed, putting an end to "
        "weeks of talk that had linked him with the vacancy at Hibernian.",
    )
    held = _held(analysis)
    assert ("Derek McInnes", "Heart of Midlothian", "extension", "done") in held
    assert not any(club == "Hibernian" for _, club, _, _ in held)


def test_a_coach_who_withdraws_from_the_race_for_a_job_turns_it_down(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Hibs news",
        "Derek McInnes has withdrawn from the race to become Hibernian's next manager, telling the club on Monday "
        "that the timing was wrong, the Daily Record understands.",
    )
    assert ("Derek McInnes", "Hibernian", "rejected", "done") in _held(analysis)
