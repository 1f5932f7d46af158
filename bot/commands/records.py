"""/source, /record and /settings tier-override: each source's track record, measured.

A source's tier as configured (config/sources.toml, or this chat's override) is its prior; its calls
move it (``bot/domain/records.py``). Sources are named as the knowledge base names them, or as the
store credits them (an official statement is "Chelsea (official)")."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process

from bot.analysis.gazetteer import Gazetteer
from bot.analysis.text import fold_key
from bot.commands.base import Invocation
from bot.commands.ports import RecordReads
from bot.domain import TargetKind
from bot.domain.records import SourceRecord, tally
from bot.render.boards import record_table, source_card
from bot.render.card import Reply
from bot.render.threads import stage_label

TABLE_SIZE = 15
OFFICIAL = " (official)"


def configured_tier(gazetteer: Gazetteer, source: str) -> int:
    if source.endswith(OFFICIAL):
        return 0
    known = gazetteer.sources.get(source)
    return known.tier if known is not None else 4


class Records:
    """Builds records and standings for one chat (its tier overrides applied)."""

    def __init__(self, store: RecordReads, gazetteer: Gazetteer) -> None:
        self.store = store
        self.gazetteer = gazetteer

    async def tiers(self, chat_key: str | None, sources: Sequence[str]) -> dict[str, int]:
        """source → the tier its record earns, from its configured tier or this chat's override."""
        overrides = await self.store.tier_overrides(chat_key) if chat_key else {}
        counts = await self.store.source_counts(sources)
        return {
            s: SourceRecord(
                s, overrides.get(s, configured_tier(self.gazetteer, s)), tally(counts.get(s, []))
            ).shown_tier
            for s in sources
        }

    def complete(self, prefix: str, limit: int = 25) -> list[str]:
        """Source names for autocomplete: prefix matches first, then fuzzy ones (no store reads)."""
        names = sorted(self.gazetteer.sources)
        key = fold_key(prefix)
        if not key:
            return names[:limit]
        found = [n for n in names if fold_key(n).startswith(key) or f" {key}" in fold_key(n)]
        for name, _, _ in process.extract(key, names, scorer=fuzz.WRatio, processor=fold_key, limit=limit):
            if name not in found:
                found.append(name)
        return found[:limit]

    async def find(self, query: str) -> tuple[str | None, list[str]]:
        """The source a fan means, or None and suggestions."""
        known = self.gazetteer.source_by_key(query)
        if known is not None:
            return known.name, []
        claimed = await self.store.claimed_sources()
        key = fold_key(query)
        exact = [s for s in claimed if fold_key(s) == key or fold_key(s.removesuffix(OFFICIAL)) == key]
        if exact:
            return exact[0], []
        names = sorted({*self.gazetteer.sources, *claimed})
        found = process.extract(query, names, scorer=fuzz.WRatio, processor=fold_key, limit=3, score_cutoff=70)
        if found and found[0][1] >= 90 and (len(found) == 1 or found[0][1] - found[1][1] >= 5):
            return str(found[0][0]), []
        return None, [str(f[0]) for f in found]

    async def source(self, inv: Invocation) -> Reply:
        if not inv.args:
            return Reply("Which source? Try /source Ornstein or /source BBC Sport.", ephemeral=True)
        name, suggestions = await self.find(inv.args)
        if name is None:
            hint = f" Did you mean {' or '.join(suggestions)}?" if suggestions else ""
            return Reply(f"I don't know a source called “{inv.args[:60]}”.{hint}", ephemeral=True)
        overrides = await self.store.tier_overrides(inv.chat.key)
        tier = overrides.get(name, configured_tier(self.gazetteer, name))
        record = SourceRecord(name, tier, tally((await self.store.source_counts([name]))[name]))
        clubs = sorted(
            ((club, SourceRecord(name, tier, tally(c))) for club, c in (await self.store.source_clubs(name)).items()),
            key=lambda kv: (-kv[1].made, kv[0]),
        )
        inflated = [
            f"#{thread} {source}: {stage_label(relayed)} where {source} had said {stage_label(own)}"
            for thread, source, relayed, own in await self.store.inflations(name)
        ]
        known = self.gazetteer.sources.get(name)
        kind = f"{known.kind}, {known.outlet}" if known is not None and known.outlet else (known.kind if known else "")
        return Reply(cards=(source_card(record, kind, clubs, inflated),))

    async def record(self, inv: Invocation, follows: Sequence[tuple[TargetKind, str]]) -> Reply:
        """The table of sources for what this chat follows (all clubs when it follows everything)."""
        if not follows:
            return Reply("This chat follows nothing yet, so there is no table for it. /follow a club or manager first.")
        everything = any(kind == TargetKind.ALL for kind, _ in follows)
        clubs = [""] if everything else [name for kind, name in follows if kind == TargetKind.CLUB]
        managers = [] if everything else [name for kind, name in follows if kind == TargetKind.MANAGER]
        counts: dict[str, list[tuple[str, str, int]]] = {}
        if clubs:
            top = await self.store.top_sources(clubs, TABLE_SIZE * 2)
            for source, rows in (await self.store.source_counts(top, clubs)).items():
                counts.setdefault(source, []).extend(rows)
        for source, rows in (await self.store.manager_counts(managers)).items():
            counts.setdefault(source, []).extend(rows)
        overrides = await self.store.tier_overrides(inv.chat.key)
        records = [
            SourceRecord(s, overrides.get(s, configured_tier(self.gazetteer, s)), tally(rows))
            for s, rows in counts.items()
        ]
        records.sort(key=lambda r: (-(r.right + r.wrong), -r.made, r.source))
        scope = "every club" if everything else ", ".join([*managers, *(c for c in clubs if c)])
        return Reply(cards=(record_table(records[:TABLE_SIZE], scope),))

    async def tier_override(self, inv: Invocation, words: Sequence[str]) -> Reply:
        """/settings tier-override NAME N|off"""
        usage = "Usage: /settings tier-override <source> <0-4|off>, e.g. /settings tier-override Ornstein 2"
        if len(words) < 2:
            overrides = await self.store.tier_overrides(inv.chat.key)
            listed = ", ".join(f"{s}: {t}" for s, t in sorted(overrides.items())) or "none"
            return Reply(f"This chat's tier overrides: {listed}.\n{usage}", ephemeral=True)
        value, query = words[-1], " ".join(words[:-1])
        if value not in ("off", "none") and not (value.isdigit() and 0 <= int(value) <= 4):
            return Reply(f"The tier must be 0 to 4, or off. {usage}", ephemeral=True)
        name, suggestions = await self.find(query)
        if name is None:
            hint = f" Did you mean {' or '.join(suggestions)}?" if suggestions else ""
            return Reply(f"I don't know a source called “{query[:60]}”.{hint}", ephemeral=True)
        tier = None if value in ("off", "none") else int(value)
        changed = await self.store.set_tier_override(inv.chat.key, name, tier)
        if tier is None:
            return Reply(f"{name} is back to its configured tier here." if changed else f"{name} had no override here.")
        if not changed:
            return Reply(f"{name} is already tier {tier} in this chat.")
        return Reply(
            f"In this chat {name} now starts from tier {tier} (configured: {configured_tier(self.gazetteer, name)});"
            " its record still moves it. Alerts and filters are unchanged."
        )
