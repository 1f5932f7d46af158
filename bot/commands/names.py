"""Turn what a fan types ("alonzo", "los blancos", "spurs") into a manager or club."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from bot.analysis.gazetteer import Gazetteer
from bot.analysis.text import fold_key
from bot.domain import TargetKind

MAX_QUERY = 100
ACCEPT = 85.0
SUGGEST = 65.0
ONE_TYPO_MIN_LENGTH = 5  # "alonzo" → Alonso; shorter names are too easily one edit from another


# Cyrillic and Greek letters that look like Latin ones (after Unicode's confusables.txt). Without
# this, "Rоdgers" with a Cyrillic о is one fuzzy edit from "Rangers" and resolves to the wrong club.
_LOOK_ALIKES = str.maketrans(
    "АВЕКМНОРСТУХІЈЅԚԜаеорсухіјѕһԁԛԝӏ"  # Cyrillic
    "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαικνορυϲ"  # Greek
    "ı",  # Latin dotless i
    "ABEKMHOPCTYXIJSQWaeopcyxijshdqwlABEZHIKMNOPTYXaikvopuci",
)


def name_key(text: str) -> str:
    """The lookup key for what a fan typed: NFKC first, so fullwidth (ａｌｏｎｓｏ) and styled letters
    (𝐀𝐥𝐨𝐧𝐬𝐨) read as plain ones; look-alike letters from other scripts (Cyrillic А) as the Latin
    letter they imitate; then folded like every alias."""
    return fold_key(unicodedata.normalize("NFKC", text[: MAX_QUERY * 4]).translate(_LOOK_ALIKES))


@dataclass(frozen=True, slots=True)
class Resolution:
    kind: TargetKind | Literal["ambiguous", "unknown"]  # TargetKind.MANAGER or CLUB when resolved
    name: str = ""
    suggestions: tuple[str, ...] = ()


class NameResolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._keys: dict[str, tuple[str, str]] = {}
        for manager in gazetteer.managers.values():
            for alias in (manager.name, *manager.aliases):
                self._keys.setdefault(name_key(alias), (TargetKind.MANAGER, manager.name))
        for club in gazetteer.clubs.values():
            for alias in (club.name, *club.aliases):
                self._keys.setdefault(name_key(alias), (TargetKind.CLUB, club.name))
        self._choices = list(self._keys)
        self._display = sorted({*gazetteer.managers, *gazetteer.clubs})

    def resolve(self, query: str) -> Resolution:
        key = name_key(query)[:MAX_QUERY].strip(" .!?\"'")
        if not key:
            return Resolution("unknown")
        for candidate in (key, key.removeprefix("the ")):
            if candidate in self._keys:
                kind, name = self._keys[candidate]
                return Resolution(kind, name)  # type: ignore[arg-type]
            ambiguous = self.gazetteer.ambiguous.get(candidate) or self.gazetteer.ambiguous.get(f"the {candidate}")
            if ambiguous is not None:
                return Resolution("ambiguous", suggestions=ambiguous.clubs)
        matches = process.extract(key, self._choices, scorer=fuzz.WRatio, limit=8, score_cutoff=SUGGEST)
        names: list[tuple[str, str, float]] = []
        for choice, score, _ in matches:
            kind, name = self._keys[choice]
            if all(name != n for _, n, _ in names):
                names.append((kind, name, score))
        if not names:
            return Resolution("unknown")
        top_kind, top_name, top_score = names[0]
        runner_up = names[1][2] if len(names) > 1 else 0.0
        if top_score >= ACCEPT and top_score - runner_up >= 3:
            return Resolution(top_kind, top_name)  # type: ignore[arg-type]
        typo = self._one_typo(key)
        if typo is not None:
            return Resolution(*typo)  # type: ignore[arg-type]
        return Resolution("unknown", suggestions=tuple(n for _, n, _ in names[:3]))

    def _one_typo(self, key: str) -> tuple[str, str] | None:
        """The one name with an alias a single typo (edit or swap) away from ``key``, if exactly one."""
        if len(key) < ONE_TYPO_MIN_LENGTH:
            return None
        near = process.extract(key, self._choices, scorer=DamerauLevenshtein.distance, score_cutoff=1, limit=None)
        found = {self._keys[choice] for choice, _, _ in near}
        return found.pop() if len(found) == 1 else None

    def complete(self, prefix: str, limit: int = 25) -> list[str]:
        """Names for autocomplete: prefix matches first, then fuzzy ones."""
        key = name_key(prefix)[:MAX_QUERY]
        if not key:
            return self._display[:limit]
        starts = [n for n in self._display if fold_key(n).startswith(key) or f" {key}" in fold_key(n)]
        if len(starts) >= limit:
            return starts[:limit]
        fuzzy = process.extract(key, self._display, scorer=fuzz.WRatio, processor=fold_key, limit=limit)
        for name, _, _ in fuzzy:
            if name not in starts:
                starts.append(name)
        return starts[:limit]
