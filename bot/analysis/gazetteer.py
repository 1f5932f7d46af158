"""The knowledge base: managers, clubs and sources from operator-editable TOML, with one matcher.

All aliases of every kind go into a single Aho-Corasick automaton over folded text, so finding
every name in an article is one pass whatever the size of the gazetteer.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import ahocorasick_rs
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.analysis.members import members
from bot.analysis.quick_init import quick_init
from bot.analysis.text import fold, fold_key
from bot.domain import Tier

_T = TypeVar("_T", bound=BaseModel)


class KnowledgeError(Exception):
    """A knowledge file is missing, not TOML, or has a bad entry (named in the message)."""


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("name", check_fields=False)
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value.strip()

    @field_validator("aliases", check_fields=False)
    @classmethod
    def _aliases_not_blank(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(not alias.strip() for alias in value):
            raise ValueError("aliases must not be empty strings")
        return tuple(alias.strip() for alias in value)


class Namesake(BaseModel):
    """A player of note who carries a manager's surname, and the club he plays for."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    club: str = Field(min_length=1)


class Manager(_Entry):
    name: str
    aliases: tuple[str, ...] = ()
    club: str = ""
    nationality: str = ""
    common_word: bool = False
    namesakes: tuple[Namesake, ...] = ()
    woman: bool = False  # "she" and "her" point at her; "he" and "his" at the men


class Club(_Entry):
    name: str
    aliases: tuple[str, ...] = ()
    league: str = ""
    country: str = ""
    national: bool = False
    women: bool = False  # a women's team: its own entry, never sharing the men's club's aliases


class AmbiguousAlias(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    alias: str = Field(min_length=1)
    clubs: tuple[str, ...] = Field(min_length=2)
    # The club meant when the story gives no clue (an English-language feed's "Wolves"); "" for none.
    default: str = ""


class Source(_Entry):
    name: str
    kind: Literal["journalist", "outlet", "official"]
    tier: int = Field(ge=0, le=4)
    outlet: str = ""
    group: str = ""
    aggregator: bool = False
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()

    @property
    def voice(self) -> str:
        """The publisher group that counts as one voice for corroboration."""
        return self.group or fold_key(self.name)

    @property
    def tier_value(self) -> Tier:
        return Tier(self.tier)


class Kind(StrEnum):
    MANAGER = "manager"
    CLUB = "club"
    AMBIGUOUS = "ambiguous"
    SOURCE = "source"
    SHARED = "shared_surname"  # a surname several known managers carry and none has as an alias


if not TYPE_CHECKING:
    Kind = members(Kind)  # (the same members, read without the enumeration's attribute hook: members.py)


@quick_init
@dataclass(frozen=True, slots=True)
class Mention:
    """A name found in the text: [start, end) in the original, what it can refer to."""

    start: int
    end: int
    kind: Kind
    targets: tuple[str, ...]  # canonical names (several for ambiguous club nicknames and shared surnames)
    alias: str
    full: bool  # the alias is the entry's full canonical name (or a multi-word form of it)


@dataclass
class Gazetteer:
    managers: dict[str, Manager]
    clubs: dict[str, Club]
    ambiguous: dict[str, AmbiguousAlias]
    sources: dict[str, Source]
    _patterns: list[tuple[Kind, tuple[str, ...], str, bool]] = field(default_factory=list, repr=False)
    _automaton: Any = field(default=None, repr=False)
    _index_of: dict[str, int] = field(default_factory=dict, repr=False)
    _domains: dict[str, Source] = field(default_factory=dict, repr=False)
    _club_keys: dict[str, str] = field(default_factory=dict, repr=False)
    _manager_keys: dict[str, str] = field(default_factory=dict, repr=False)
    _source_keys: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        table: dict[str, tuple[Kind, tuple[str, ...], str, bool]] = {}

        def add(alias: str, kind: Kind, targets: tuple[str, ...], full: bool) -> None:
            key = fold_key(alias)
            if key and key not in table:
                table[key] = (kind, targets, alias, full)

        for manager in self.managers.values():
            add(manager.name, Kind.MANAGER, (manager.name,), True)
            for alias in manager.aliases:
                add(alias, Kind.MANAGER, (manager.name,), " " in alias.strip())
            self._manager_keys[fold_key(manager.name)] = manager.name
            for alias in manager.aliases:
                self._manager_keys.setdefault(fold_key(alias), manager.name)
        for club in self.clubs.values():
            add(club.name, Kind.CLUB, (club.name,), True)
            for alias in club.aliases:
                add(alias, Kind.CLUB, (club.name,), True)
            self._club_keys[fold_key(club.name)] = club.name
            for alias in club.aliases:
                self._club_keys.setdefault(fold_key(alias), club.name)
        for amb in self.ambiguous.values():
            add(amb.alias, Kind.AMBIGUOUS, amb.clubs, False)
        for source in self.sources.values():
            add(source.name, Kind.SOURCE, (source.name,), True)
            for alias in source.aliases:
                add(alias, Kind.SOURCE, (source.name,), True)
            for domain in source.domains:
                self._domains.setdefault(domain.lower().removeprefix("www."), source)
            self._source_keys[fold_key(source.name)] = source.name
            for alias in source.aliases:
                self._source_keys.setdefault(fold_key(alias), source.name)
        # "Inzaghi" alone: Simone or Filippo. A surname two known managers carry, that is nobody's alias
        # and no one's first name, is found too; the story decides who is meant, if anyone.
        first_names = {fold_key(m.name.split()[0]) for m in self.managers.values()}
        bearers: dict[str, list[str]] = {}
        for manager in self.managers.values():
            words = manager.name.split()
            if len(words) > 1:
                bearers.setdefault(fold_key(words[-1]), []).append(manager.name)
        for key, names in bearers.items():
            if len(names) > 1 and key not in table and key not in first_names:
                add(names[0].split()[-1], Kind.SHARED, tuple(names), False)
        keys = list(table)
        self._patterns = [table[k] for k in keys]
        self._index_of = {key: number for number, key in enumerate(keys)}
        # A DFA: the same matches, found in about three quarters of the time (4 MB more, built in 15 ms)
        self._automaton = ahocorasick_rs.AhoCorasick(
            keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest, implementation=ahocorasick_rs.Implementation.DFA
        )

    # -- lookups -----------------------------------------------------------------------------

    def club_by_key(self, text: str) -> str | None:
        return self._club_keys.get(fold_key(text))

    def women_team(self, club: str) -> str:
        """The women's side of a club or country: "Liverpool" → "Liverpool Women"."""
        return club if self.clubs.get(club) is not None and self.clubs[club].women else f"{club} Women"

    def manager_by_key(self, text: str) -> str | None:
        return self._manager_keys.get(fold_key(text))

    def source_by_key(self, text: str) -> Source | None:
        name = self._source_keys.get(fold_key(text))
        return self.sources.get(name) if name else None

    def source_for_url(self, url: str) -> Source | None:
        host = url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower().removeprefix("www.")
        while host:
            if host in self._domains:
                return self._domains[host]
            if "." not in host:
                return None
            host = host.split(".", 1)[1]
        return None

    # -- matching ----------------------------------------------------------------------------

    def find(self, text: str, folded: str | None = None) -> list[Mention]:
        """Every alias occurrence on word boundaries, leftmost-longest, in one automaton pass."""
        folded = fold(text) if folded is None else folded
        found: list[Mention] = []
        for longest, start, stop in self._automaton.find_matches_as_indexes(folded):
            if start > 0 and _is_word_char(folded[start - 1]):
                continue
            index, end = longest, stop
            if stop < len(folded) and _is_word_char(folded[stop]):
                # ("England coach": the longest alias "England C" ends inside a word; a shorter one may not)
                shorter = self._shorter(folded, start, stop)
                if shorter is None:
                    continue
                index, end = shorter
            kind, targets, alias, full = self._patterns[index]
            found.append(Mention(start, end, kind, targets, alias, full))
        return found

    def _shorter(self, folded: str, start: int, end: int) -> tuple[int, int] | None:
        """The longest alias that begins at ``start``, ends before ``end`` on a word boundary."""
        for cut in range(end - 1, start, -1):
            if not _is_word_char(folded[cut]) and _is_word_char(folded[cut - 1]):
                index = self._index_of.get(folded[start:cut])
                if index is not None:
                    return index, cut
        return None


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


# -- loading ---------------------------------------------------------------------------------


def _load_table(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise KnowledgeError(f"{path}: file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeError(f"{path}: not valid TOML: {exc}") from None


def _entries(path: Path, data: dict[str, Any], table: str, model: type[_T]) -> list[_T]:
    raw = data.get(table, [])
    if not isinstance(raw, list):
        raise KnowledgeError(f"{path}: [[{table}]] must be an array of tables")
    entries: list[_T] = []
    for number, item in enumerate(raw, start=1):
        label = item.get("name") or item.get("alias") if isinstance(item, dict) else None
        where = f"{path}: {table} #{number}" + (f" ({label!r})" if label else "")
        try:
            entries.append(model.model_validate(item))
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'entry'}: "
                f"{'unknown key' if e['type'] == 'extra_forbidden' else e['msg']}"
                for e in exc.errors()
            )
            raise KnowledgeError(f"{where}: {problems}") from None
    return entries


def _unique(path: Path, table: str, entries: Iterable[tuple[str, Sequence[str]]]) -> None:
    seen: dict[str, str] = {}
    for name, aliases in entries:
        for alias in (name, *aliases):
            key = fold_key(alias)
            if key in seen and seen[key] != name:
                raise KnowledgeError(f"{path}: {table} {name!r}: alias {alias!r} is already used by {seen[key]!r}")
            seen[key] = name


def load_gazetteer(managers_path: str | Path, clubs_path: str | Path, sources_path: str | Path) -> Gazetteer:
    """Load and validate the three knowledge files; raise KnowledgeError naming file and entry."""
    mpath, cpath, spath = Path(managers_path), Path(clubs_path), Path(sources_path)
    managers = _entries(mpath, _load_table(mpath), "manager", Manager)
    club_data = _load_table(cpath)
    clubs = _entries(cpath, club_data, "club", Club)
    ambiguous = _entries(cpath, club_data, "ambiguous", AmbiguousAlias)
    sources = _entries(spath, _load_table(spath), "source", Source)
    _unique(mpath, "manager", ((m.name, m.aliases) for m in managers))
    _unique(cpath, "club", [(c.name, c.aliases) for c in clubs] + [(a.alias, ()) for a in ambiguous])
    _unique(spath, "source", ((s.name, s.aliases) for s in sources))
    club_keys = {fold_key(alias): c.name for c in clubs for alias in (c.name, *c.aliases)}
    for manager in managers:
        for alias in (manager.name, *manager.aliases):
            if fold_key(alias) in club_keys:
                club = club_keys[fold_key(alias)]
                raise KnowledgeError(f"{mpath}: manager {manager.name!r}: alias {alias!r} is the club {club!r}")
    club_names = {c.name for c in clubs}
    for amb in ambiguous:
        missing = [name for name in amb.clubs if name not in club_names]
        if missing:
            raise KnowledgeError(f"{cpath}: ambiguous {amb.alias!r}: unknown club(s) {', '.join(missing)}")
        if amb.default and amb.default not in amb.clubs:
            raise KnowledgeError(f"{cpath}: ambiguous {amb.alias!r}: default {amb.default!r} is not one of its clubs")
    for manager in managers:
        for namesake in manager.namesakes:
            if namesake.club not in club_names:
                raise KnowledgeError(
                    f"{mpath}: manager {manager.name!r}: namesake {namesake.name!r}: unknown club {namesake.club!r}"
                )
    return Gazetteer(
        managers={m.name: m for m in managers},
        clubs={c.name: c for c in clubs},
        ambiguous={fold_key(a.alias): a for a in ambiguous},
        sources={s.name: s for s in sources},
    )
