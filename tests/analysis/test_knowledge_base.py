"""The knowledge base: sizes, and bad files or entries rejected naming file and entry."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bot.analysis.gazetteer import Club, Gazetteer, KnowledgeError, load_gazetteer
from bot.analysis.text import fold_key

CONFIG = Path(__file__).resolve().parents[2] / "config"


def test_knowledge_base_has_enough_managers_clubs_and_sources(gazetteer: Gazetteer) -> None:
    assert len(gazetteer.managers) >= 200
    assert len(gazetteer.clubs) >= 150
    assert len(gazetteer.sources) >= 80


def test_every_tier_from_official_to_least_reliable_is_present(gazetteer: Gazetteer) -> None:
    assert {s.tier for s in gazetteer.sources.values()} == {0, 1, 2, 3, 4}


def test_ambiguous_nicknames_are_marked_not_given_to_one_club(gazetteer: Gazetteer) -> None:
    for nickname in ("the reds", "the blues", "united", "the eagles", "sky blues", "inter", "sporting"):
        assert nickname in gazetteer.ambiguous, nickname
        assert gazetteer.club_by_key(nickname) is None, nickname


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def test_women_coaches_are_marked_so_her_and_she_can_point_at_them(gazetteer: Gazetteer) -> None:
    women = {m.name for m in gazetteer.managers.values() if m.woman}
    assert {"Sarina Wiegman", "Sonia Bompastor", "Emma Hayes", "Montse Tomé"} <= women
    assert not women & {"Laurent Bonadei", "Andrée Jeglertz", "Kim Hellberg", "Jess Thorup", "Jonatan Giráldez"}


def test_national_teams_beyond_the_top_fifty_are_clubs_but_names_that_are_also_people_are_not(
    gazetteer: Gazetteer,
) -> None:
    for country in ("Indonesia", "Seychelles", "New Zealand", "Curaçao", "United Arab Emirates", "Montenegro"):
        assert gazetteer.clubs[country].national, country
    for name in ("jordan", "georgia", "chad"):
        assert gazetteer.club_by_key(name) is None, name


def test_invalid_toml_is_rejected_naming_the_file(tmp_path: Path) -> None:
    bad = _write(tmp_path, "managers.toml", "[[manager]\nname = 'x'")
    with pytest.raises(KnowledgeError, match=r"managers\.toml: not valid TOML"):
        load_gazetteer(bad, CONFIG / "clubs.toml", CONFIG / "sources.toml")


def test_entry_with_unknown_key_is_rejected_naming_file_and_entry(tmp_path: Path) -> None:
    bad = _write(
        tmp_path,
        "managers.toml",
        '[[manager]]\nname = "Good Person"\n\n[[manager]]\nname = "Jane Smith"\nalias = ["Smith"]\n',
    )
    with pytest.raises(KnowledgeError, match=r"managers\.toml: manager #2 \('Jane Smith'\): alias: unknown key"):
        load_gazetteer(bad, CONFIG / "clubs.toml", CONFIG / "sources.toml")


def test_a_woman_flag_that_is_not_true_or_false_is_rejected_naming_the_entry(tmp_path: Path) -> None:
    bad = _write(tmp_path, "managers.toml", '[[manager]]\nname = "Jane Smith"\nwoman = "perhaps"\n')
    with pytest.raises(KnowledgeError, match=r"managers\.toml: manager #1 \('Jane Smith'\): woman"):
        load_gazetteer(bad, CONFIG / "clubs.toml", CONFIG / "sources.toml")


def test_source_with_out_of_range_tier_is_rejected(tmp_path: Path) -> None:
    bad = _write(tmp_path, "sources.toml", '[[source]]\nname = "Someone"\nkind = "journalist"\ntier = 7\n')
    with pytest.raises(KnowledgeError, match=r"sources\.toml: source #1 \('Someone'\): tier"):
        load_gazetteer(CONFIG / "managers.toml", CONFIG / "clubs.toml", bad)


def test_alias_used_by_two_managers_is_rejected(tmp_path: Path) -> None:
    bad = _write(
        tmp_path,
        "managers.toml",
        '[[manager]]\nname = "Ann One"\naliases = ["Same"]\n\n[[manager]]\nname = "Bob Two"\naliases = ["same"]\n',
    )
    with pytest.raises(KnowledgeError, match=r"alias 'same' is already used by 'Ann One'"):
        load_gazetteer(bad, CONFIG / "clubs.toml", CONFIG / "sources.toml")


def test_manager_alias_that_is_a_club_name_is_rejected(tmp_path: Path) -> None:
    # ("Palermo" as Martín Palermo's alias hid the club from "Palermo have sacked Filippo Inzaghi")
    bad = _write(tmp_path, "managers.toml", '[[manager]]\nname = "Ann Fulham"\naliases = ["Fulham"]\n')
    with pytest.raises(
        KnowledgeError, match=r"managers\.toml: manager 'Ann Fulham': alias 'Fulham' is the club 'Fulham'"
    ):
        load_gazetteer(bad, CONFIG / "clubs.toml", CONFIG / "sources.toml")


def test_ambiguous_alias_naming_an_unknown_club_is_rejected(tmp_path: Path) -> None:
    bad = _write(
        tmp_path,
        "clubs.toml",
        '[[club]]\nname = "Alpha FC"\n\n[[ambiguous]]\nalias = "the Ghosts"\nclubs = ["Alpha FC", "Nowhere FC"]\n',
    )
    with pytest.raises(KnowledgeError, match=r"clubs\.toml: ambiguous 'the Ghosts': unknown club\(s\) Nowhere FC"):
        load_gazetteer(CONFIG / "managers.toml", bad, CONFIG / "sources.toml")


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match=r"nope\.toml: file not found"):
        load_gazetteer(tmp_path / "nope.toml", CONFIG / "clubs.toml", CONFIG / "sources.toml")


# -- coverage: every club of the leagues covered, its head coach, the national teams ---------------

# Clubs per league, 2025-26 (MLS, NWSL, J1, K League 1, Chinese Super League: 2026; Brasileirão: 2025):
# (at least, at most); a range where some clubs' place in the season was not known for certain.
LEAGUE_SIZES: dict[str, tuple[int, int]] = {
    "Premier League": (20, 20),
    "Championship": (24, 24),
    "League One": (24, 24),
    "League Two": (24, 24),
    "Scottish Premiership": (12, 12),
    "La Liga": (20, 20),
    "Serie A": (20, 20),
    "Bundesliga": (18, 18),
    "Ligue 1": (18, 18),
    "Primeira Liga": (18, 18),
    "Eredivisie": (18, 18),
    "Belgian Pro League": (16, 16),
    "Süper Lig": (18, 19),
    "Saudi Pro League": (18, 18),
    "MLS": (29, 32),
    "NWSL": (14, 18),
    "Brasileirão": (20, 20),
    "WSL": (12, 12),
    "Liga F": (16, 16),
    "Serie B": (20, 20),
    "2. Bundesliga": (18, 18),
    "Segunda División": (22, 22),
    "Ligue 2": (18, 18),
    "Scottish Championship": (10, 10),
    "National League": (24, 24),
    "Liga MX": (18, 18),
    # J1, K League 1 and the Chinese Super League: the 2026 season (J1's February-June special season)
    "J1 League": (20, 20),
    "K League 1": (12, 12),
    "Chinese Super League": (16, 16),
    "A-League Men": (12, 13),
    "Indian Super League": (12, 14),
    "South African Premiership": (16, 16),
    "Egyptian Premier League": (18, 21),
}
WOMEN_LEAGUES = {"NWSL", "WSL", "Liga F"}

# The share of a league's clubs that must have their head coach in managers.toml (a manager whose
# `club` is that club). 90 % unless set here: 100 % where every coach is filled in; lower where the
# coach of some clubs was not known for certain and was left out rather than guessed — the header of
# managers.toml lists those clubs. Raise a number when its gaps are filled.
COACHED_SHARE_DEFAULT = 0.9
COACHED_SHARE: dict[str, float] = {
    "Championship": 1.0,
    "Serie A": 1.0,
    "La Liga": 1.0,
    "Premier League": 17 / 20,
    "League One": 21 / 24,
    "League Two": 19 / 24,
    "Scottish Premiership": 1.0,
    "Bundesliga": 15 / 18,
    "Ligue 1": 14 / 18,
    "Primeira Liga": 10 / 18,
    "Eredivisie": 16 / 18,
    "Belgian Pro League": 4 / 16,
    "Süper Lig": 12 / 18,
    "Saudi Pro League": 10 / 18,
    "MLS": 25 / 30,
    "NWSL": 14 / 16,
    "Brasileirão": 17 / 20,
    "WSL": 9 / 12,
    "Liga F": 2 / 16,
    # second divisions: clubs only, their coaches found from role cues
    "Serie B": 0.0,
    "2. Bundesliga": 0.0,
    "Segunda División": 0.0,
    "Ligue 2": 0.0,
    "Scottish Championship": 0.0,
    "National League": 0.0,
    "Liga MX": 0.0,
    "J1 League": 0.0,
    "K League 1": 0.0,
    "Chinese Super League": 0.0,
    "A-League Men": 0.0,
    "Indian Super League": 0.0,
    "South African Premiership": 0.0,
    "Egyptian Premier League": 0.0,
}


def _coached(gazetteer: Gazetteer) -> set[str]:
    return {m.club for m in gazetteer.managers.values() if m.club}


@pytest.mark.parametrize("league", sorted(LEAGUE_SIZES))
def test_every_club_of_the_league_is_known(gazetteer: Gazetteer, league: str) -> None:
    clubs = [c for c in gazetteer.clubs.values() if c.league == league]
    low, high = LEAGUE_SIZES[league]
    assert low <= len(clubs) <= high, f"{league}: {len(clubs)} clubs, want {low}..{high}"
    assert all(c.country for c in clubs), [c.name for c in clubs if not c.country]
    assert all(not c.national for c in clubs)
    assert all(c.women == (league in WOMEN_LEAGUES) for c in clubs), [c.name for c in clubs]


@pytest.mark.parametrize("league", sorted(LEAGUE_SIZES))
def test_the_clubs_of_the_league_have_their_head_coach(gazetteer: Gazetteer, league: str) -> None:
    clubs = {c.name for c in gazetteer.clubs.values() if c.league == league}
    coached = clubs & _coached(gazetteer)
    share = COACHED_SHARE.get(league, COACHED_SHARE_DEFAULT)
    assert len(coached) >= share * len(clubs) - 1e-9, (
        f"{league}: {len(coached)} of {len(clubs)} clubs have a head coach; without one: {sorted(clubs - coached)}"
    )


def test_men_and_women_national_teams_with_their_head_coaches(gazetteer: Gazetteer) -> None:
    coached = _coached(gazetteer)
    national = [c for c in gazetteer.clubs.values() if c.national]
    assert all(c.league == "International" and c.country for c in national)
    men = [c.name for c in national if not c.women]
    women = [c.name for c in national if c.women]
    assert len([t for t in men if t in coached]) >= 50
    assert len([t for t in women if t in coached]) >= 20
    assert all(name.endswith(" Women") for name in women), women


def test_no_womens_team_shares_an_alias_with_a_mens_team(gazetteer: Gazetteer) -> None:
    def keys(club: Club) -> set[str]:
        return {fold_key(alias) for alias in (club.name, *club.aliases)}

    men: set[str] = set()
    for club in gazetteer.clubs.values():
        if not club.women:
            men |= keys(club)
    women = [c for c in gazetteer.clubs.values() if c.women]
    assert len(women) >= 12 + 16 + 14 + 20
    for club in women:
        assert not keys(club) & men, (club.name, sorted(keys(club) & men))
    for amb in gazetteer.ambiguous.values():
        assert not any(gazetteer.clubs[name].women for name in amb.clubs), amb.alias


def test_every_managers_club_exists_and_has_one_head_coach(gazetteer: Gazetteer) -> None:
    unknown = {m.name: m.club for m in gazetteer.managers.values() if m.club and m.club not in gazetteer.clubs}
    assert not unknown
    per_club = Counter(m.club for m in gazetteer.managers.values() if m.club)
    assert not [club for club, count in per_club.items() if count > 1]
    assert all(m.nationality for m in gazetteer.managers.values() if m.club)


def test_an_alias_that_a_longer_one_begins_is_found_where_the_longer_one_ends_inside_a_word(
    gazetteer: Gazetteer,
) -> None:
    found = {
        (m.targets[0], m.start, m.end) for m in gazetteer.find("the former England coach, and the England C manager")
    }
    assert ("England", 11, 18) in found  # ("England C" ends inside "coach")
    assert ("England C", 34, 43) in found
