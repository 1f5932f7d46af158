"""The settings reference: generated from the model, complete, and what docs/CONFIGURATION.md says."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import configref
from bot.config import Settings
from bot.configref import (
    DESCRIPTIONS,
    MARKER,
    UNDOCUMENTED,
    DocumentError,
    description,
    render_reference,
    settings_keys,
    update_document,
)
from tests.cli_support import cli_env, rumourbot

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "CONFIGURATION.md"


def rows(reference: str) -> dict[str, list[str]]:
    """The table rows of the reference, keyed "section.key", as their cells."""
    out: dict[str, list[str]] = {}
    section = ""
    for line in reference.splitlines():
        if line.startswith("## `["):
            section = line.removeprefix("## `[").removesuffix("]`")
        elif line.startswith("| `"):
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            out[f"{section}.{cells[0].strip('`')}"] = cells
    return out


def test_every_settings_key_has_a_description() -> None:
    assert [key for key in settings_keys() if not description(key)] == []


def test_no_description_is_kept_for_a_key_the_settings_do_not_have() -> None:
    assert sorted(set(DESCRIPTIONS) - set(settings_keys())) == []


def test_configuration_doc_is_the_generated_reference_below_its_marker() -> None:
    document = DOC.read_text("utf-8")
    assert MARKER in document
    assert document == update_document(document, render_reference()), (
        "docs/CONFIGURATION.md is out of date: run python -m bot config reference --update docs/CONFIGURATION.md"
    )


def test_reference_has_one_row_per_key_with_type_bounds_default_and_meaning() -> None:
    table = rows(render_reference())
    assert list(table) == settings_keys()
    assert len({key.split(".")[0] for key in table}) == len(Settings.model_fields)
    assert table["feeds.concurrency"][1:3] == ["integer, 1–1024", "`32`"]
    assert table["feeds.max_age_hours"][1:3] == ["number, > 0", "`48.0`"]
    assert table["rumours.near_duplicate_threshold"][1:3] == ["number, > 0 and ≤ 1", "`0.85`"]
    assert table["feeds.allow_private_addresses"][1:3] == ["boolean", "`false`"]
    assert table["telegram.webhook_url"][1:3] == ["string", '`""`']
    assert table["log.format"][1:3] == ['one of `"text"`, `"json"`', '`"text"`']
    assert table["store.url"][3] == DESCRIPTIONS["store.url"]


def test_a_key_without_description_is_flagged_in_the_reference_and_by_the_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(configref.DESCRIPTIONS, "log.level")
    assert [key for key in settings_keys() if not description(key)] == ["log.level"]
    assert rows(render_reference())["log.level"][3] == UNDOCUMENTED.replace("|", "\\|")


def test_update_keeps_the_hand_written_intro_and_replaces_everything_below_the_marker() -> None:
    document = f"# Intro\n\nhand-written\n\n{MARKER}\n\n## stale\n| old | table |\n"
    assert update_document(document, "## new\n") == f"# Intro\n\nhand-written\n\n{MARKER}\n\n## new\n"
    with pytest.raises(DocumentError, match="no marker line"):
        update_document("# Intro only\n", "## new\n")


def test_config_reference_command_prints_it_even_when_the_configuration_is_invalid(tmp_path: Path) -> None:
    env = cli_env(tmp_path, feeds__interval_seconds='"soon"')
    assert rumourbot(env, "config", "check").returncode == 2
    done = rumourbot(env, "config", "reference")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == render_reference()


def test_config_reference_update_rewrites_a_document_below_its_marker(tmp_path: Path) -> None:
    doc = tmp_path / "CONFIGURATION.md"
    doc.write_text(f"# Mine\n\n{MARKER}\n\nstale\n", "utf-8")
    done = rumourbot(cli_env(tmp_path), "config", "reference", "--update", str(doc))
    assert (done.returncode, done.stdout) == (0, f"updated {doc}\n")
    assert doc.read_text("utf-8") == f"# Mine\n\n{MARKER}\n\n{render_reference()}"
