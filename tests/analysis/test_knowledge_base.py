"""The knowledge base: sizes, and bad files or entries rejected naming file and entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.analysis.gazetteer import Gazetteer, KnowledgeError, load_gazetteer

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
