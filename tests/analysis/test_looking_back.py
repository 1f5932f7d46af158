"""A feature that looks back over a career states no event: an exit dated by the sentence's opening
("On 4 June 2019, …"), a career told as a list of who sacked him, "being sacked taught me"; and a
club's own announcement from that past is no official word on today's news."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.analysis.analyser import Analyser
from bot.domain import Analysis, Article

_PUBLISHED = datetime(2026, 10, 1, tzinfo=UTC)


def _analyse(analyser: Analyser, title: str, text: str = "") -> Analysis:
    return analyser.analyse(Article(title=title, text=text, published=_PUBLISHED))


def _definite(analysis: Analysis) -> set[tuple[str, str, str]]:
    return {
        (r.manager, r.club, r.relation.value)
        for r in analysis.rumours
        if r.relation.value in ("sacked", "left", "appointed", "agreed", "extension")
    }


def test_an_exit_on_a_date_years_ago_opening_the_sentence_is_background(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Tuchel looks back",
        "Thomas Tuchel spoke to reporters about his career. On 29 December 2020, a week after a draw with "
        "Strasbourg, Paris Saint-Germain dismissed him.",
    )
    assert _definite(analysis) == set()


def test_a_career_told_as_a_list_of_clubs_that_sacked_him_is_background(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Mourinho at 63",
        "José Mourinho has been sacked by Chelsea, by Manchester United and by Tottenham Hotspur, and he "
        "laughs about it now.",
    )
    assert _definite(analysis) == set()


def test_what_being_sacked_taught_a_manager_is_not_news_of_a_sacking(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Potter: 'Being sacked made me a better coach'", "Graham Potter spoke at length about his career."
    )
    assert _definite(analysis) == set()


def test_an_official_announcement_about_another_club_is_not_credited_to_a_claim(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Sevilla latest",
        "Matías Almeyda is under pressure at Sevilla, Marca reports. In 2018 Real Madrid announced that "
        "Julen Lopetegui would take over after the World Cup.",
    )
    assert not analysis.summary.startswith("Official")
    assert "Matías Almeyda is under pressure at Sevilla, according to Marca" in analysis.summary


def test_a_candidate_recently_dismissed_elsewhere_is_described_not_sacked(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Grêmio news",
        "Grêmio have sacked Mano Menezes after a heavy defeat. Former Argentina coach Jorge Sampaoli, recently "
        "dismissed by Atlético Mineiro, is under consideration.",
    )
    assert _definite(analysis) == {("Mano Menezes", "Grêmio", "sacked")}
    assert ("Jorge Sampaoli", "Grêmio", "linked") in {(r.manager, r.club, r.relation.value) for r in analysis.rumours}


def test_sacked_him_is_about_the_man_named_before_not_the_successor_named_after(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Chelsea history",
        "Two days later Chelsea sacked him, and by the end of the week Enzo Maresca had been appointed in his place.",
    )
    assert ("Enzo Maresca", "Chelsea", "sacked") not in _definite(analysis)


def test_clubs_in_a_list_of_earlier_spells_are_not_the_job_he_leaves(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Millwall news",
        "Millwall and head coach Alex Neil have parted ways. Neil, who arrived in 2025 after spells at "
        "Norwich, Preston, Sunderland and Stoke, leaves with the club 17th.",
    )
    assert {(m, c) for m, c, _ in _definite(analysis)} == {("Alex Neil", "Millwall")}


def test_sacked_twice_is_a_career_counted(analyser: Analyser) -> None:
    analysis = _analyse(analyser, "Graham Potter: 'I've been sacked twice. Sweden is home now'")
    assert _definite(analysis) == set()


def test_dismissed_by_two_unnamed_clubs_is_not_the_job_he_holds(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Potter: 'Sweden is home now'",
        "Graham Potter smiles when he is reminded that, in the space of two years, he was dismissed by two "
        "Premier League clubs.",
    )
    assert _definite(analysis) == set()


def test_an_exit_six_weeks_ago_is_not_the_recent_one_that_opened_the_job(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Owls agree compensation with Bolton for Schumacher",
        "Sheffield Wednesday have agreed a compensation package with Bolton Wanderers for manager Steven "
        "Schumacher. Wednesday have been without a permanent head coach since Henrik Pedersen's departure six "
        "weeks ago.",
    )
    assert _definite(analysis) == set()


def test_an_exit_two_weeks_ago_opened_the_job(analyser: Analyser) -> None:
    # (a guard: "two weeks ago" is recent)
    analysis = _analyse(
        analyser,
        "Owls agree compensation with Bolton for Schumacher",
        "Sheffield Wednesday have agreed a compensation package with Bolton Wanderers for manager Steven "
        "Schumacher. Wednesday have been without a permanent head coach since Henrik Pedersen's departure two "
        "weeks ago.",
    )
    assert ("Henrik Pedersen", "Sheffield Wednesday", "left") in _definite(analysis)


def test_an_interim_spell_told_in_a_relative_clause_about_who_she_replaced_is_background(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "WSL merry-go-round: Slegers signs on and who is next",
        "San Diego Wave coach Jonas Eidevall, the former Arsenal Women boss, has also been considered.\n\nAt "
        "Arsenal, Renée Slegers has signed a new contract until 2028, the club announced on Friday. Slegers, who "
        "replaced Eidevall as interim before being given the job permanently, led Arsenal to the Champions League "
        "title.",
    )
    assert ("Renée Slegers", "Arsenal Women", "appointed") not in _definite(analysis)


def test_a_new_contract_described_in_a_whose_clause_is_no_news(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Brazil's coaching carousel",
        "Flamengo coach Filipe Luís, whose new contract runs until the end of 2027, was asked on Saturday about "
        "interest from Europe.",
    )
    assert _definite(analysis) == set()


def test_a_sacking_told_on_from_an_old_date_is_history(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Di Matteo looks back",
        "Rafael Benítez resigned at Real Madrid in 2016 and was dismissed by Newcastle United after 12 games "
        "the following year.",
    )
    assert not any(r.relation.value in ("sacked", "left") for r in analysis.rumours)


def test_a_pursuit_in_a_when_clause_after_an_old_summer_is_history(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Moyes looks back",
        "Moyes remembers the summer of 2013, when Manchester United's pursuit of Cesc Fàbregas dragged on for weeks.",
    )
    assert not analysis.rumours


def test_a_retirement_after_an_old_tournament_is_history(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Ten years on: the final that ended an era",
        "Roy Hodgson, now 78, retired from management after taking England to the 2016 European Championship.",
    )
    assert not any(r.relation.value == "left" for r in analysis.rumours)


def test_exits_from_a_list_of_clubs_in_a_book_are_a_career_not_news(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Hodgson: 'I was sacked more times than I can remember'",
        "Roy Hodgson's new autobiography, out next month, covers his eight promotions, his exits from Crystal "
        "Palace, Liverpool and Watford, and the day he was sacked by phone while on holiday.",
    )
    assert not any(r.relation.value in ("left", "sacked") for r in analysis.rumours)


def test_leaving_at_the_end_of_an_earlier_years_season_is_history(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Gladbach weigh options",
        "Gladbach's board has begun to look at alternatives. Dean Smith left Charlotte FC at the end of the "
        "2024 MLS season.",
    )
    assert not any(r.relation.value == "left" and r.manager == "Dean Smith" for r in analysis.rumours)


def test_an_on_this_day_piece_tells_only_history(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "On this day in 2009: Chelsea sack Scolari after seven months",
        "Seventeen years ago today, Chelsea dismissed Luiz Felipe Scolari. Guus Hiddink, then in charge of "
        "Russia, was persuaded to combine the two jobs on an interim basis until the summer.",
    )
    assert not analysis.is_manager_rumour


def test_a_predecessor_who_left_in_a_month_named_after_since_is_background(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Potter set for Everton return",
        "Graham Potter is set to return to Everton as head coach, The Athletic reports. Everton have been led "
        "by an interim pairing since David Moyes left for Celtic in August.",
    )
    assert ("David Moyes", "Everton", "left") not in _definite(analysis)


def test_a_link_told_as_earlier_for_a_coach_whose_news_is_a_new_contract_elsewhere_is_background(
    analyser: Analyser,
) -> None:
    analysis = _analyse(
        analyser,
        "Ward signs new Ireland deal",
        "Republic of Ireland Women head coach Carla Ward has signed a new contract until 2028, the FAI announced. "
        "The Englishwoman, who won the league in her first season, had been linked with the Aston Villa Women job "
        "after Euro 2025.",
    )
    assert {(r.manager, r.club, r.relation.value) for r in analysis.rumours} == {
        ("Carla Ward", "Republic of Ireland Women", "extension")
    }


def test_a_link_also_considered_earlier_in_the_saga_is_still_told(analyser: Analyser) -> None:
    # ("had also been considered": part of the story of the job being filled, as labelled in set 5)
    analysis = _analyse(
        analyser,
        "Marseille agree terms with coach",
        "Roberto De Zerbi has agreed terms with Marseille. De Zerbi had also been considered by Bayern Munich "
        "during their search.",
    )
    assert ("Roberto De Zerbi", "Bayern Munich", "linked") in {
        (r.manager, r.club, r.relation.value) for r in analysis.rumours
    }


def test_a_sacking_dated_long_ago_and_told_again_without_a_date_is_still_history(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Silva's return",
        "Marco Silva takes Fulham to Everton on Saturday for the first time since the club dismissed him in "
        "December 2019. Silva kept Everton in the Premier League in his first season, but was sacked hours before "
        "a home game with Liverpool, with the club in the relegation zone.",
    )
    assert not any(relation == "sacked" for _, _, relation in _definite(analysis))


def test_the_other_side_of_a_cup_tie_is_no_club_of_the_manager(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Cup news", "Shaun Maloney is under pressure before Saturday's FA Cup tie with Leyton Orient."
    )
    assert not any(r.club == "Leyton Orient" for r in analysis.rumours)


def test_an_exit_in_a_season_written_with_both_its_years_long_gone_is_history(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Pereira under pressure",
        "Vítor Pereira is under growing pressure at Wolverhampton Wanderers. Pereira was sacked by Fenerbahçe "
        "eleven games into the 2023-24 season.",
    )
    assert ("Vítor Pereira", "Fenerbahçe", "sacked") not in _definite(analysis)


def test_taking_charge_of_a_milestone_game_is_no_appointment(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Simeone milestone",
        "Diego Simeone took charge of his 700th game as Atlético Madrid coach on Sunday, a 2-0 win over Getafe.",
    )
    assert _definite(analysis) == set()


def test_an_event_some_weeks_after_a_dated_one_is_dated_with_it(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Cooper's return",
        "Steve Cooper returns to the City Ground on Saturday. Nottingham Forest sacked him in December 2023, "
        "after a run of one win in nine. Leicester City appointed him five weeks later.",
    )
    assert _definite(analysis) == set()


def test_an_anniversary_feature_tells_only_history(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Twenty years on: the spring Chelsea sacked their manager",
        "Chelsea sacked Claudio Ranieri in May 2004. Antonio Conte was sacked by Chelsea a year after "
        "winning the league.",
    )
    assert not analysis.is_manager_rumour


def test_a_club_appointing_the_man_it_sacked_years_ago_has_appointed_him(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Ajax news",
        "Ajax have appointed Marcel Keizer as head coach until 2028, eight years after the club sacked him.",
    )
    assert [(r.manager, r.club, r.relation.value) for r in analysis.rumours] == [("Marcel Keizer", "Ajax", "appointed")]


def test_a_club_that_reappoints_its_former_manager_has_appointed_him(analyser: Analyser) -> None:
    for verb in ("reappointed", "rehired"):
        analysis = _analyse(analyser, "Saints news", f"Southampton have {verb} Ralph Hasenhüttl until 2028.")
        assert [(r.manager, r.club, r.relation.value) for r in analysis.rumours] == [
            ("Ralph Hasenhüttl", "Southampton", "appointed")
        ], verb


def test_a_predecessor_gone_three_months_before_is_background_where_his_job_is_not_the_headlines(
    analyser: Analyser,
) -> None:
    analysis = analyser.analyse(
        Article(
            title="Italiano unveiled at Napoli",
            text="Napoli confirmed Vincenzo Italiano as their new coach on Thursday. Conte's move was confirmed "
            "by the Italian federation last Thursday. He replaces Gennaro Gattuso, who resigned in March after "
            "Italy lost their World Cup play-off, and takes charge of the national team again.",
            published=datetime(2026, 6, 12, tzinfo=UTC),
        )
    )
    assert not any(r.manager == "Gennaro Gattuso" for r in analysis.rumours)
    assert "Gennaro Gattuso" in analysis.managers  # the man replaced is who the story is about


def test_the_predecessor_whose_exit_opened_the_headlines_job_is_news_three_months_on(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Thomas Tuchel appointed England head coach",
            text="The Football Association has appointed Thomas Tuchel as England head coach. Tuchel succeeds "
            "Gareth Southgate, who resigned after England's defeat by Spain in the Euro 2024 final in July.",
            published=datetime(2024, 10, 16, tzinfo=UTC),
        )
    )
    assert ("Gareth Southgate", "England", "left") in _definite(analysis)


def test_an_exit_as_the_subject_of_what_it_was_like_is_not_news(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Paul Warne: 'Leaving Rotherham was the hardest thing I've done in football'",
        "Paul Warne still remembers the drive home. 'I cried most of the way down the M1,' he says.",
    )
    assert _definite(analysis) == set()


def test_a_country_listed_after_in_england_is_a_place_not_its_national_team(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Zinedine Zidane named France head coach",
        "Zinedine Zidane has been appointed head coach of France. Over the past five years he has turned down a "
        "string of offers from clubs in England, Saudi Arabia and elsewhere.",
    )
    assert not any(r.club == "Saudi Arabia" for r in analysis.rumours)
    assert "Saudi Arabia" not in analysis.clubs


def test_an_anniversary_opened_without_a_comma_is_history(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Nine years since Koeman: a timeline of Everton's managers",
            text="Nine years ago today Everton sacked Ronald Koeman. Here is who followed him.",
        )
    )
    assert not analysis.rumours


def test_a_timeline_lines_date_dates_every_sentence_of_the_line(analyser: Analyser) -> None:
    analysis = analyser.analyse(
        Article(
            title="Nine years since Koeman: a timeline of Everton's managers",
            text="Nine years ago today Everton sacked Ronald Koeman. Here is who followed him.\n\n"
            "December 2019: Carlo Ancelotti appointed. Leaves in June 2021, days after the season ends; Duncan "
            "Ferguson takes interim charge.",
        )
    )
    assert not analysis.rumours


def test_a_full_date_of_an_earlier_year_dates_the_when_clause_after_it(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Lampard: the day that shaped me",
        "Frank Lampard is at Coventry now. The conversation keeps circling back to one day: 25 January 2021, "
        "when Chelsea sacked him.",
    )
    assert not _definite(analysis)


def test_being_sacked_as_an_experience_and_a_career_counted_in_sackings_are_no_news(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Mauricio Pochettino: 'I learned more from being sacked than from anything I won'",
        "Mauricio Pochettino has been sacked, by his own count, three times, and he talks about all of it with "
        "a half-smile.",
    )
    assert not _definite(analysis)


def test_a_sacking_counted_within_this_season_is_still_news(analyser: Analyser) -> None:
    # guard: the count is of this season's changes, not of his career
    analysis = _analyse(
        analyser,
        "Spurs news",
        "Tottenham have sacked Thomas Frank, the third time this season a Premier League club has changed coach.",
    )
    assert ("Thomas Frank", "Tottenham Hotspur", "sacked") in _definite(analysis)
    on_the_brink = _analyse(
        analyser, "Rennes news", "Habib Beye is on the brink of being dismissed by Rennes after Sunday's defeat."
    )
    assert not _definite(on_the_brink)


def test_a_time_clause_some_days_before_an_old_date_dates_the_sacking(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser, "Ten years of Mourinho", "Tottenham sacked José Mourinho six days before a League Cup final in 2021."
    )
    assert not _definite(analysis)
    news = _analyse(
        analyser,
        "Spurs news",
        "Tottenham sacked José Mourinho on Monday, six days before the League Cup final against Manchester City.",
    )
    assert ("José Mourinho", "Tottenham Hotspur", "sacked") in _definite(news)


def test_a_list_of_a_jobs_past_holders_who_all_left_says_nothing_of_their_clubs_now(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Could Valencia really sack Carlos Corberán?",
        "More than a decade of Peter Lim's ownership has not been kind to coaches. Nuno Espírito Santo, Gary "
        "Neville, Marcelino, Gennaro Gattuso and Rubén Baraja all left, one way or another, with the club in a "
        "worse mood than the one they found it in.",
    )
    assert not _definite(analysis)


def test_the_interviewees_own_words_in_quotes_are_his_news_late_in_the_interview(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Frank Lampard: 'Getting the sack was the best education I ever had'",
        "Frank Lampard is sitting in a small office at Coventry City's training ground.\n\n"
        "He talks about delegation and about learning to lose on a Saturday.\n\n"
        "It is only at the very end, walking out to the car park, that he mentions something new. "
        '"I\'ve signed a new contract. It was done just before Christmas."',
    )
    assert ("Frank Lampard", "Coventry City", "extension") in _definite(analysis)


def test_a_players_words_in_an_interview_with_the_coach_are_not_the_coachs(analyser: Analyser) -> None:
    # guard: someone else's role is named in the quote's sentence
    analysis = _analyse(
        analyser,
        "Frank Lampard: 'We are building something'",
        "Frank Lampard is sitting in a small office at Coventry City's training ground.\n\n"
        "He talks about the squad.\n\n"
        '"I\'ve signed a new contract," the winger said as he walked past.',
    )
    assert not _definite(analysis)


def test_looking_forward_to_his_last_season_is_no_player_in_the_headline(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Steve Bruce looks back on 1,000 games and forward to his last",
        "Steve Bruce reveals he told Blackpool's chairman last week that he will retire as manager at the end of "
        "the season.",
    )
    assert ("Steve Bruce", "Blackpool", "left") in _definite(analysis)
    player = _analyse(
        analyser,
        "Simeone: Álvarez 'happy' at Atlético amid Barcelona links",
        "Diego Simeone says Julián Álvarez is happy at Atlético Madrid and expects the Argentina forward to stay, "
        "despite reports linking him with Barcelona.",
    )
    assert not player.is_manager_rumour


def test_a_pundit_urging_a_club_to_stand_by_its_coach_is_his_opinion(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Capello: Milan must not repeat their old mistake with Allegri",
        "Fabio Capello has urged Milan to stand by Massimiliano Allegri whatever happens in the final months of "
        "the season.",
    )
    assert not analysis.rumours


def test_he_talks_about_an_old_job_is_his_words_not_talks_with_the_club(analyser: Analyser) -> None:
    analysis = _analyse(
        analyser,
        "Allardyce at 71",
        "Sam Allardyce went back to club football. He talks about the England episode now, on his podcast and in "
        "after-dinner speeches.",
    )
    assert not any(r.relation.value == "talks" for r in analysis.rumours)
