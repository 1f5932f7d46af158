"""Configuration: defaults, file, environment overrides, errors that name the key, masked output."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from bot.config import ConfigError, Settings, load_config, masked_dump

ROOT = Path(__file__).resolve().parent.parent
DEFAULTS = ROOT / "config" / "rumourbot.toml"


def test_shipped_defaults_file_matches_the_settings_model() -> None:
    with DEFAULTS.open("rb") as fh:
        shipped = tomllib.load(fh)
    assert Settings.model_validate(shipped) == Settings()
    assert set(shipped) == set(Settings.model_fields)


def test_environment_overrides_a_key_with_a_typed_value(tmp_path: Path) -> None:
    config = load_config(
        DEFAULTS,
        env={"RUMOURBOT_STORE__URL": "sqlite:///data/other.db", "RUMOURBOT_FEEDS__INTERVAL_SECONDS": "700"},
    )
    assert config.settings.store.url == "sqlite:///data/other.db"
    assert config.settings.feeds.interval_seconds == 700


def test_config_file_named_by_environment_is_used(tmp_path: Path) -> None:
    other = tmp_path / "mine.toml"
    other.write_text("[feeds]\ninterval_seconds = 420\n")
    config = load_config(env={"RUMOURBOT_CONFIG": str(other)})
    assert config.settings.feeds.interval_seconds == 420
    assert config.path == str(other)


def test_unknown_key_in_file_names_key_and_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[feeds]\nintervall_seconds = 5\n")
    with pytest.raises(ConfigError, match=rf"\[feeds\] intervall_seconds \(from {bad}\): unknown key"):
        load_config(bad, env={})


def test_unknown_section_from_environment_names_the_variable() -> None:
    with pytest.raises(ConfigError, match=r"\[nosuch\].*environment variable RUMOURBOT_NOSUCH__KEY"):
        load_config(DEFAULTS, env={"RUMOURBOT_NOSUCH__KEY": "1"})


def test_bad_value_names_key_and_reason(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[feeds]\ninterval_seconds = "soon"\n')
    with pytest.raises(ConfigError, match=r"\[feeds\] interval_seconds .*valid integer"):
        load_config(bad, env={})


def test_unsupported_store_url_is_rejected() -> None:
    with pytest.raises(ConfigError, match=r"\[store\] url .*sqlite:///"):
        load_config(DEFAULTS, env={"RUMOURBOT_STORE__URL": "mysql://x"})


def test_missing_explicit_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="configuration file not found"):
        load_config(tmp_path / "absent.toml", env={})


def test_masked_dump_never_contains_tokens() -> None:
    env = {"DISCORD_TOKEN": "discord-secret-123", "TELEGRAM_TOKEN": "tg-secret-456", "RUMOURBOT_LLM_API_KEY": "k-789"}
    config = load_config(DEFAULTS, env=env)
    text = json.dumps(masked_dump(config))
    assert "discord-secret-123" not in text
    assert "tg-secret-456" not in text
    assert "k-789" not in text
    assert masked_dump(config)["secrets"] == {
        "DISCORD_TOKEN": "***",
        "TELEGRAM_TOKEN": "***",
        "RUMOURBOT_LLM_API_KEY": "***",
    }


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", **(env or {})},
        timeout=60,
        check=False,
    )


def test_config_check_prints_effective_configuration_with_secrets_masked() -> None:
    result = _cli("config", "check", env={"TELEGRAM_TOKEN": "123:SECRET", "RUMOURBOT_FEEDS__INTERVAL_SECONDS": "900"})
    assert result.returncode == 0, result.stderr
    dump = json.loads(result.stdout)
    assert dump["feeds"]["interval_seconds"] == 900
    assert dump["secrets"]["TELEGRAM_TOKEN"] == "***"
    assert "SECRET" not in result.stdout + result.stderr


def test_start_up_with_unknown_key_fails_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[store]\nurll = 'x'\n")
    result = _cli("--config", str(bad), "run")
    assert result.returncode == 2
    assert "[store] urll" in result.stderr
    assert "unknown key" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_interval_below_min_interval_seconds_is_an_error_naming_both_keys() -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(DEFAULTS, env={"RUMOURBOT_FEEDS__INTERVAL_SECONDS": "5"})
    assert str(caught.value) == (
        "configuration error: [feeds] (from environment variable RUMOURBOT_FEEDS__INTERVAL_SECONDS): "
        "interval_seconds (5) is below min_interval_seconds (60), so feeds would be polled every 60 s anyway;"
        " raise interval_seconds or lower min_interval_seconds"
    )


def test_an_interval_above_max_interval_seconds_or_min_above_max_is_an_error(tmp_path: Path) -> None:
    for body, problem in [
        ("interval_seconds = 7200", "interval_seconds (7200) is above max_interval_seconds (3600)"),
        ("min_interval_seconds = 600\nmax_interval_seconds = 300", "min_interval_seconds (600) is above"),
    ]:
        path = tmp_path / "rumourbot.toml"
        path.write_text(f"[feeds]\n{body}\n")
        with pytest.raises(ConfigError, match=re.escape(problem)):
            load_config(path, env={})
