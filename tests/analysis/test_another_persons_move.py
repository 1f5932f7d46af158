"""A manager's words about someone else's future are not his own move: a player named by his position,
a player the manager speaks of as "he", and a member of staff whose clause only mentions the manager."""

from __future__ import annotations

from bot.analysis.analyser import Analyser
from bot.domain import Analysis, Article


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text))


def test_convincing_the_captain_to_stay_is_the_captains_stay(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Slot on Van Dijk",
        "Liverpool head coach Arne Slot said he had tried to convince the captain to stay at the club.",
    )
    assert analysis.rumours == ()


def test_he_in_a_quote_before_the_speakers_demonym_is_someone_else(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Flick names Barcelona squad",
        "Barcelona coach Hansi Flick named his squad. 'He knows what I think. For me he can stay, but it is "
        "his decision,' the German said.",
    )
    assert analysis.rumours == ()


def test_he_in_a_quote_before_the_named_speaker_is_someone_else(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Simeone on Griezmann",
        "Diego Simeone was asked about Antoine Griezmann. 'For me he can stay, it is his decision,' the "
        "Argentine said.",
    )
    assert not any(r.manager == "Diego Simeone" for r in analysis.rumours)


def test_a_staff_member_whose_clause_names_the_manager_is_the_one_leaving(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Brazil add fitness coach",
        "Brazil have added a fitness coach to Carlo Ancelotti's staff. Pintus, who has worked with Carlo "
        "Ancelotti at Real Madrid, will leave the Spanish club at the end of the season.",
    )
    assert not any(r.manager == "Carlo Ancelotti" for r in analysis.rumours)


def test_he_in_the_coachs_own_quote_is_the_player_he_speaks_of(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Arteta delighted as Saka signs",
        "Mikel Arteta says Bukayo Saka's new deal is a statement. 'Bukayo had offers. He chose to stay here, "
        "and that says everything,' the manager said.",
    )
    assert not any(r.manager == "Mikel Arteta" for r in analysis.rumours)


def test_he_in_a_coachs_own_quote_going_on_from_his_words_is_someone_else(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Howe: Bruno 'isn't going anywhere' on deadline day",
            text="Eddie Howe says Bruno Guimarães 'isn't going anywhere' despite a late approach from Al-Hilal.\n\n"
            "'Bruno is our captain and he is staying. That is the end of it,' the Newcastle head coach said. "
            "'He has never asked to leave, he has not asked today, and nobody at this club wants to sell him.'",
        )
    )
    assert not analysis.rumours


def test_he_in_a_quote_the_coach_is_named_as_saying_is_someone_else(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Sport in brief",
            text="Everton manager David Moyes says Iliman Ndiaye 'is going nowhere' after reports of interest "
            "from Saudi Arabia. 'He is happy, we are happy, he stays,' Moyes said.",
        )
    )
    assert not any(r.manager == "David Moyes" and r.relation.value == "stays" for r in analysis.rumours)


def test_he_in_a_presidents_quote_about_the_coach_is_the_coach(analyser: Analyser) -> None:
    # (a guard: someone else speaks, so "he" may be the coach named before)
    analysis = analyser.analyse(
        Article(
            title="Ajax ask Porto for Farioli",
            text="Ajax have asked Porto about Francesco Farioli. 'Francesco is our coach, he has a contract and he "
            "will stay here, full stop,' president André Villas-Boas told SIC on Wednesday night.",
        )
    )
    assert any(r.manager == "Francesco Farioli" and r.relation.value == "stays" for r in analysis.rumours)


def test_the_age_of_a_player_named_after_the_coach_is_the_players(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Müller the coach? Sørensen thinks so",
        "Jesper Sørensen says Thomas Müller will make a very good head coach one day, after the 37-year-old "
        "agreed a one-year extension with the Whitecaps.",
    )
    assert not analysis.rumours


def test_a_player_telling_his_club_he_is_leaving_is_no_exit_of_the_coach_named_after(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(title="BOMBSHELL: Kane tells Bayern he is leaving - and Kompany has had his say", text="")
    )
    assert analysis.rumours == ()


def test_he_in_a_quote_the_coach_is_named_as_speaking_is_someone_else(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Bayern news",
            text="Vincent Kompany was asked about the striker's future. 'Harry decides his own future. He has been "
            "fantastic for this club, and whatever he chooses, he will leave as a legend here,' Kompany said.",
        )
    )
    assert not any(r.manager == "Vincent Kompany" for r in analysis.rumours)


def test_a_new_contract_offer_for_a_player_is_not_the_manager_named_before(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Transfer talk",
            text="Real Madrid coach Xabi Alonso has asked the club to sign a left-back in January, reports Marca. "
            "Arsenal are preparing a new contract offer for Saliba, according to The Times.",
        )
    )
    assert not any(r.manager == "Xabi Alonso" and r.club == "Arsenal" for r in analysis.rumours)


def test_interest_from_clubs_in_a_country_is_not_from_its_national_team(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Gossip",
            text="Bournemouth have opened talks with Andoni Iraola over a new contract as they try to fend off "
            "interest in the Spaniard from clubs in Italy and Germany. (The Athletic)",
        )
    )
    clubs = {r.club for r in analysis.rumours if r.manager == "Andoni Iraola"}
    assert "AFC Bournemouth" in clubs
    assert not clubs & {"Italy", "Germany"}


def test_the_manager_whose_side_a_match_was_against_is_not_the_one_talking_about_the_sack(
    analyser: Analyser,
) -> None:
    analysis = analyser.analyse(
        Article(
            title="West Ham news",
            text="West Ham head coach Nuno Espírito Santo says he does not read the papers and is not thinking "
            "about the sack after Saturday's defeat at Marco Silva's Fulham.",
        )
    )
    assert {(r.manager, r.club) for r in analysis.rumours} == {("Nuno Espírito Santo", "West Ham United")}


def test_compensation_agreed_for_an_assistant_is_not_a_managers_agreement(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Pert to follow McKenna",
        "Manchester City have agreed compensation with Ipswich Town for assistant manager Martyn Pert, who "
        "will rejoin Kieran McKenna at the Etihad.",
    )
    assert not [r for r in analysis.rumours if r.manager == "Martyn Pert"]


def test_a_verb_after_and_with_no_subject_of_its_own_has_the_sentences_subject(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Italy news",
        "Antonio Conte has left Napoli. Conte's move was confirmed by the Italian federation last Thursday. He "
        "replaces Gennaro Gattuso, who resigned in March after Italy lost their play-off, and takes charge of "
        "the national team for the second time.",
    )
    assert not [r for r in analysis.rumours if r.manager == "Gennaro Gattuso" and r.relation.value == "appointed"]


def test_a_club_refusing_permission_to_speak_to_its_manager_is_not_his_rejection(analyser: Analyser) -> None:
    for text in (
        "West Ham have asked Coventry City for permission to speak to Frank Lampard. Coventry have refused.",
        "Coventry City have refused West Ham permission to speak to Frank Lampard.",
    ):
        analysis = _analyse(analyser, "Coventry news", text)
        assert not [r for r in analysis.rumours if r.relation.value == "rejected"], text
        assert "turned down" not in analysis.summary, text


def test_a_defeat_that_ended_a_nations_hopes_of_the_world_cup_is_no_refusal(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Ireland news",
        "The FAI has asked Brentford for permission to speak to Keith Andrews. The approach comes a week after "
        "Heimir Hallgrímsson left the job following the play-off defeat in Prague that ended Ireland's hopes of "
        "reaching the World Cup.",
    )
    assert not [r for r in analysis.rumours if r.relation.value == "rejected"]


def test_a_player_named_in_the_clause_that_describes_the_manager_does_not_take_his_pressure(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Marseille news",
        "Roberto De Zerbi, who sanctioned Mason Greenwood's sale to Atlético Madrid only last week, is on the "
        "brink of the sack at Marseille.",
    )
    assert [(r.manager, r.relation.value) for r in analysis.rumours] == [("Roberto De Zerbi", "under_pressure")]


def test_a_club_denying_reports_about_its_own_manager_is_not_the_club_of_the_denied_move(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Newcastle news",
        "Newcastle United have dismissed reports that Eddie Howe is a target for Manchester United.",
    )
    assert {(r.manager, r.club, r.relation.value) for r in analysis.rumours} == {
        ("Eddie Howe", "Manchester United", "denied")
    }


def test_a_man_appointed_as_assistant_manager_is_no_new_coach(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Rangers appoint Tobias Kern as Röhl's assistant",
        "Rangers have appointed Tobias Kern as assistant manager to Danny Röhl.",
    )
    assert analysis.rumours == ()
    assert "Tobias Kern" not in analysis.managers


def test_a_verb_after_and_has_the_subject_of_the_sentence_not_the_manager_it_mentions(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Rangers staff news",
        "Rangers are adding to their backroom team. Kern, 38, worked alongside Danny Röhl at Sheffield Wednesday "
        "and joins on a two-year contract.",
    )
    assert not any(r.manager == "Danny Röhl" for r in analysis.rumours)


def test_backroom_staff_who_join_the_new_coach_are_no_appointment_of_the_man_he_replaces(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Stoke City appoint Russell Martin as head coach",
        "Stoke City are delighted to announce the appointment of Russell Martin as the club's new head coach. "
        "The 40-year-old takes over from Mark Robins and will take his first training session on Friday. Two "
        "members of his own backroom team will join him, and their appointments will be confirmed in the coming "
        "days.",
    )
    assert {(r.manager, r.relation.value) for r in analysis.rumours} == {("Russell Martin", "appointed")}


def test_a_head_coach_of_the_development_squad_is_no_manager(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "City appoint new Elite Development Squad head coach",
        "Manchester City is pleased to confirm the appointment of Ruairi Dempsey as head coach of the Elite "
        "Development Squad. Dempsey, 41, will lead the under-21 side for the rest of the season.",
    )
    assert analysis.rumours == ()
    assert not analysis.is_manager_rumour


def test_a_youth_national_teams_coach_is_no_manager_news(analyser: Analyser) -> None:
    extension = _analyse(
        analyser,
        "Lee Carsley commits future to England Under-21s",
        "Lee Carsley has signed a new contract as head coach of England's Under-21s, the Football Association has "
        "confirmed.",
    )
    appointment = _analyse(
        analyser,
        "Hannah Pryce appointed England Under-17 women's head coach",
        "Hannah Pryce has been appointed head coach of England's Under-17 women's team, the Football Association "
        "has announced.",
    )
    assert extension.rumours == ()
    assert appointment.rumours == ()


def test_a_federation_naming_its_interim_coach_is_not_someone_elses_act(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Jamaica hand interim reins to Marlon Whyte for World Cup play-off",
        "The Jamaica Football Federation has named assistant coach Marlon Whyte interim head coach of the Reggae "
        "Boyz, in place of Steve McClaren.",
    )
    held = {(r.manager, r.club, r.relation.value, r.caretaker) for r in analysis.rumours}
    assert ("Marlon Whyte", "Jamaica", "appointed", True) in held


def test_a_handball_federations_national_coach_is_another_sports(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "DHB extends with Gíslason until 2028",
        "The German Handball Federation has extended the contract of national coach Alfred Gíslason until the end "
        "of 2028, a day after Germany's semi-final defeat at the European Championship in Herning.",
    )
    assert analysis.rumours == ()


def test_he_in_a_coachs_own_quote_after_his_name_is_the_player_he_speaks_of(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Deadline day LIVE",
            text="17:55 — Mikel Arteta on Saka: 'He is our leader on the pitch. He stays. That is all.'\n\n"
            "18:10 — Eddie Howe on the striker situation: 'We will not sell. He has told me he wants to stay.'",
        )
    )
    assert not analysis.rumours


def test_a_quote_that_goes_on_after_its_speaker_is_named_is_still_his(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Sarina Wiegman: 'My focus is only on England'",
            text="'I read the reports and laughed,' Sarina Wiegman said at her news conference. 'I have a contract "
            "here, I am happy here and I want to win more with this group.'",
        )
    )
    assert ("Sarina Wiegman", "England Women", "stays") in {
        (r.manager, r.club, r.relation.value) for r in analysis.rumours
    }


def test_a_coach_saying_his_team_must_stay_on_this_path_is_no_stay(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Juventus beaten in Milan",
            text="Juventus coach Luciano Spalletti said his side paid for two errors. 'We played well for an hour,' "
            "Spalletti said. 'We have to stay on this path.'",
        )
    )
    assert not analysis.rumours


def test_a_coachs_assistants_who_came_with_him_leaving_is_not_his_exit_from_where_they_came(
    analyser: Analyser,
) -> None:
    analysis = analyser.analyse(
        Article(
            title="Jardine heads for São Paulo",
            text="According to ge, André Jardine is expected to be named São Paulo head coach in the coming days.\n\n"
            "Jardine's assistants, most of whom came with him from Brazil, are also leaving the club.",
        )
    )
    assert ("André Jardine", "Brazil", "left") not in {(r.manager, r.club, r.relation.value) for r in analysis.rumours}
