"""Typed settings: one TOML file plus ``RUMOURBOT_<SECTION>__<KEY>`` environment overrides.

Loaded once by the command line and passed down; nothing reads settings from a global.
Every error names the key and where it came from (the file or the environment variable).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

DEFAULT_CONFIG_PATH = Path("config/rumourbot.toml")
ENV_PREFIX = "RUMOURBOT_"
ENV_CONFIG = "RUMOURBOT_CONFIG"


class ConfigError(Exception):
    """The configuration cannot be used; the message names the key and its origin."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)


class StoreSettings(_Section):
    url: str = "sqlite:///data/rumourbot.db"
    lease_seconds: int = Field(60, ge=3, le=3600)

    @field_validator("url")
    @classmethod
    def _known_scheme(cls, value: str) -> str:
        if not value.startswith(("sqlite:///", "postgresql://", "postgres://")):
            raise ValueError("must start with sqlite:/// or postgresql://")
        return value


class FeedSettings(_Section):
    file: str = "config/feeds.toml"
    interval_seconds: int = Field(300, ge=1)
    min_interval_seconds: int = Field(60, ge=1)
    max_interval_seconds: int = Field(3600, ge=1)
    max_age_hours: float = Field(48, gt=0)
    concurrency: int = Field(32, ge=1, le=1024)
    per_host_concurrency: int = Field(2, ge=1, le=64)
    connect_timeout_seconds: float = Field(10, gt=0)
    read_timeout_seconds: float = Field(20, gt=0)
    total_timeout_seconds: float = Field(30, gt=0)
    max_body_bytes: int = Field(5_000_000, ge=1024)
    max_redirects: int = Field(5, ge=0, le=20)
    user_agent: str = "rumourbot/0.1 (+https://github.com/rumourbot/rumourbot; football rumour feed reader)"
    backoff_base_seconds: int = Field(300, ge=1)
    backoff_max_seconds: int = Field(86_400, ge=1)
    disable_after_failures: int = Field(11, ge=1)
    allow_private_addresses: bool = False
    fulltext: bool = True
    fulltext_timeout_seconds: float = Field(10, gt=0)
    fulltext_max_bytes: int = Field(2_000_000, ge=1024)

    @model_validator(mode="after")
    def _interval_within_bounds(self) -> FeedSettings:
        low, interval, high = self.min_interval_seconds, self.interval_seconds, self.max_interval_seconds
        if low > high:
            raise ValueError(f"min_interval_seconds ({low}) is above max_interval_seconds ({high})")
        if interval < low:
            raise ValueError(
                f"interval_seconds ({interval}) is below min_interval_seconds ({low}), so feeds would be polled"
                f" every {low} s anyway; raise interval_seconds or lower min_interval_seconds"
            )
        if interval > high:
            raise ValueError(
                f"interval_seconds ({interval}) is above max_interval_seconds ({high}), so feeds would be polled"
                f" every {high} s anyway; lower interval_seconds or raise max_interval_seconds"
            )
        return self


class KnowledgeSettings(_Section):
    managers: str = "config/managers.toml"
    clubs: str = "config/clubs.toml"
    sources: str = "config/sources.toml"


class RumourSettings(_Section):
    window_days: int = Field(21, ge=1)
    near_duplicate_threshold: float = Field(0.85, gt=0, le=1)
    cold_days: int = Field(60, ge=1)


class DeliverySettings(_Section):
    max_attempts: int = Field(200, ge=1)
    retry_base_seconds: float = Field(2.0, gt=0)
    retry_max_seconds: float = Field(600.0, gt=0)
    catch_up_limit: int = Field(5, ge=0)


class CommandSettings(_Section):
    """Command rate limits (token buckets, see bot/commands/ratelimit.py); 0 turns a limit off."""

    per_user_per_minute: int = Field(10, ge=0)
    per_chat_per_minute: int = Field(30, ge=0)
    operators: tuple[str, ...] = ()  # "platform:user id" of the bot's operators (/resolve)

    @field_validator("operators")
    @classmethod
    def _operator_keys(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for key in value:
            platform, sep, user = key.partition(":")
            if not sep or not platform or not user:
                raise ValueError(f"{key!r}: expected platform:user id, e.g. telegram:12345")
        return value


class BoardSettings(_Section):
    """Pinned boards (/board): one message per board, edited in place when it changes."""

    min_edit_seconds: int = Field(300, ge=5)
    tick_seconds: float = Field(5.0, gt=0)


class PredictionSettings(_Section):
    """The prediction game (docs/adr/0008-prediction-games.md): questions on sagas, scored when they resolve."""

    auto: bool = False
    heat_threshold: float = Field(4.0, ge=0)
    deadline_days: int = Field(30, ge=1, le=365)
    saga_days: int = Field(60, ge=1, le=365)
    void_after_days: int = Field(120, ge=1, le=730)
    max_open_per_chat: int = Field(3, ge=1, le=50)
    tick_seconds: float = Field(60, gt=0, le=3600)


class TelegramSettings(_Section):
    api_base_url: str = "https://api.telegram.org/bot"
    file_base_url: str = "https://api.telegram.org/file/bot"
    webhook_url: str = ""
    webhook_listen: str = "0.0.0.0:8443"
    max_retries: int = Field(3, ge=0)


class DiscordSettings(_Section):
    api_base_url: str = "https://discord.com/api/v10"
    gateway_url: str = "wss://gateway.discord.gg/"
    shard_count: int = Field(0, ge=0)  # 0: one gateway connection, no sharding
    shard_ids: list[int] = []  # the shards this process runs; [] with shard_count ≥ 1: all of them
    global_rate_per_second: float = Field(
        50,
        gt=0,
        le=10_000,
        description=(
            "REST requests per second this process sends at most, evenly spaced (alert posts, edits, channel"
            " look-ups; slash-command answers are never held back). Discord allows a bot 50 a second in all,"
            " across all its processes, and answers more with 429s: with several `discord` processes, give each"
            " its share (e.g. 25 for two); raise it only if Discord has raised the bot's limit"
        ),
    )

    @field_validator("shard_ids")
    @classmethod
    def _shards_in_range(cls, value: list[int], info: ValidationInfo) -> list[int]:
        count = info.data.get("shard_count")
        if count is None:  # shard_count itself is invalid, and reported
            return value
        if value and count == 0:
            raise ValueError("needs [discord] shard_count (the bot's total number of shards, at least 1)")
        if outside := sorted({i for i in value if not 0 <= i < count}):
            raise ValueError(f"shard ids {outside} are outside 0…{count - 1} for shard_count {count}")
        if len(set(value)) != len(value):
            raise ValueError("lists a shard id twice")
        return sorted(value)


class ConsoleSettings(_Section):
    enabled: bool = True
    follow: str = "all"


class LLMSettings(_Section):
    """The optional language-model analyser (docs/LLM.md); an empty ``base_url`` turns it off."""

    base_url: str = ""
    model: str = ""
    timeout_seconds: float = Field(20, gt=0, le=600)
    daily_budget: int = Field(500, ge=0)
    max_input_chars: int = Field(6000, ge=500, le=100_000)

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("must be empty (off) or start with http:// or https://")
        return value

    @field_validator("model")
    @classmethod
    def _model_when_on(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("base_url") and not value.strip():
            raise ValueError("must name the model when [llm] base_url is set")
        return value.strip()


class HttpSettings(_Section):
    """The operator endpoint (/healthz, /metrics, the status page); an empty ``listen`` turns it off."""

    listen: str = ""
    stale_after_seconds: int = Field(7200, ge=60)

    @field_validator("listen")
    @classmethod
    def _host_port(cls, value: str) -> str:
        value = value.strip()
        if not value:
            return value
        host, sep, port = value.rpartition(":")
        if not sep or not host.strip("[]") or not port.isdigit() or int(port) > 65535:
            raise ValueError("must be empty (off) or host:port, e.g. 127.0.0.1:8080")
        return value


class LogSettings(_Section):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    format: Literal["text", "json"] = "text"


class Settings(_Section):
    store: StoreSettings = StoreSettings()
    feeds: FeedSettings = FeedSettings()
    knowledge: KnowledgeSettings = KnowledgeSettings()
    rumours: RumourSettings = RumourSettings()
    delivery: DeliverySettings = DeliverySettings()
    commands: CommandSettings = CommandSettings()
    predictions: PredictionSettings = PredictionSettings()
    boards: BoardSettings = BoardSettings()
    telegram: TelegramSettings = TelegramSettings()
    discord: DiscordSettings = DiscordSettings()
    console: ConsoleSettings = ConsoleSettings()
    llm: LLMSettings = LLMSettings()
    http: HttpSettings = HttpSettings()
    log: LogSettings = LogSettings()


class Secrets(BaseModel):
    """Tokens come only from the environment and are never printed."""

    model_config = ConfigDict(frozen=True)

    discord_token: SecretStr | None = None
    telegram_token: SecretStr | None = None
    llm_api_key: SecretStr | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Secrets:
        def secret(name: str) -> SecretStr | None:
            value = env.get(name, "").strip()
            return SecretStr(value) if value else None

        return cls(
            discord_token=secret("DISCORD_TOKEN"),
            telegram_token=secret("TELEGRAM_TOKEN"),
            llm_api_key=secret("RUMOURBOT_LLM_API_KEY"),
        )


class Config(BaseModel):
    """Settings plus secrets plus where they came from."""

    model_config = ConfigDict(frozen=True)

    settings: Settings
    secrets: Secrets
    path: str


def _parse_env_value(raw: str) -> Any:
    """Environment values are TOML scalars or arrays when they parse as such, else strings."""
    try:
        return tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        return raw


def _env_overrides(env: Mapping[str, str]) -> dict[str, dict[str, tuple[str, Any]]]:
    overrides: dict[str, dict[str, tuple[str, Any]]] = {}
    for name, raw in env.items():
        if not name.startswith(ENV_PREFIX) or "__" not in name:
            continue
        section, _, key = name[len(ENV_PREFIX) :].lower().partition("__")
        overrides.setdefault(section, {})[key] = (name, _parse_env_value(raw))
    return overrides


def _describe(loc: tuple[int | str, ...], origins: Mapping[tuple[str, ...], str], path: str) -> str:
    parts = [str(p) for p in loc]
    key = f"[{parts[0]}] {'.'.join(parts[1:])}" if len(parts) > 1 else f"[{parts[0]}]" if parts else "?"
    origin = origins.get(tuple(parts[:2])) or next(
        (o for k, o in origins.items() if parts and k[0] == parts[0] and "environment" in o), path
    )
    return f"{key} (from {origin})"


def load_config(path: str | Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Read the TOML file, apply environment overrides, validate. Raise ConfigError naming the key."""
    env = os.environ if env is None else env
    explicit = path is not None or bool(env.get(ENV_CONFIG))
    file_path = Path(path) if path is not None else Path(env.get(ENV_CONFIG) or DEFAULT_CONFIG_PATH)
    data: dict[str, Any] = {}
    if file_path.exists():
        try:
            with file_path.open("rb") as fh:
                data = tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{file_path}: not valid TOML: {exc}") from exc
        except OSError as exc:
            raise ConfigError(f"{file_path}: cannot read: {exc.strerror}") from exc
    elif explicit:
        raise ConfigError(f"{file_path}: configuration file not found")

    origins: dict[tuple[str, ...], str] = {}
    for section, keys in data.items():
        if isinstance(keys, dict):
            for key in keys:
                origins[(section, key)] = str(file_path)
    for section, keys in _env_overrides(env).items():
        target = data.setdefault(section, {})
        if not isinstance(target, dict):
            raise ConfigError(f"[{section}] in {file_path} must be a table")
        for key, (var, value) in keys.items():
            target[key] = value
            origins[(section, key)] = f"environment variable {var}"

    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            where = _describe(err["loc"], origins, str(file_path))
            message = "unknown key" if err["type"] == "extra_forbidden" else err["msg"].removeprefix("Value error, ")
            problems.append(f"{where}: {message}")
        raise ConfigError("configuration error: " + "; ".join(problems)) from None
    return Config(settings=settings, secrets=Secrets.from_env(env), path=str(file_path))


def masked_dump(config: Config) -> dict[str, Any]:
    """The effective configuration as plain data, with every secret masked."""
    dump: dict[str, Any] = config.settings.model_dump(mode="json")
    dump["secrets"] = {
        name: ("***" if value is not None else "(not set)")
        for name, value in (
            ("DISCORD_TOKEN", config.secrets.discord_token),
            ("TELEGRAM_TOKEN", config.secrets.telegram_token),
            ("RUMOURBOT_LLM_API_KEY", config.secrets.llm_api_key),
        )
    }
    dump["source"] = {"file": config.path}
    return dump
