"""/settings: how a chat receives alerts — instantly or as a digest, and how sure a rumour must be."""

from __future__ import annotations

from dataclasses import replace

from bot.commands.base import Invocation
from bot.commands.ports import ChatSettings
from bot.domain import DIGEST_HOUR_UTC, STAGE_RANK, DeliveryMode, Relation
from bot.render.card import Reply
from bot.render.threads import TIER_LABEL, stage_label
from bot.store.base import ChatPrefs

MODES = {**{m.value: m for m in DeliveryMode}, "digest": DeliveryMode.DAILY}
DAILY_AT = f"{DIGEST_HOUR_UTC:02d}:00 UTC"
HEADING = "Settings for this chat:"
CHANGES = (
    f"/settings mode instant|hourly|daily — alerts as they happen, or one roundup an hour / a day ({DAILY_AT})\n"
    "/settings tier 0-4 — only rumours with a source this reliable or better (0 official … 4 anything)\n"
    "/settings stage <stage>|any — only rumours at this stage or later, e.g. talks, agreed, appointed"
)
USAGE = f"{HEADING}\n{CHANGES}"


def describe(prefs: ChatPrefs) -> str:
    mode = {
        DeliveryMode.INSTANT: "instant alerts",
        DeliveryMode.HOURLY: "an hourly roundup",
        DeliveryMode.DAILY: f"a daily roundup at {DAILY_AT}",
    }
    floor = STAGE_RANK.get(Relation(prefs.min_stage), 0)
    stage = "any stage" if floor == 0 else f"{stage_label(prefs.min_stage)} or later"
    return (
        f"This chat gets {mode.get(prefs.mode, prefs.mode)}, for rumours from {TIER_LABEL.get(prefs.min_tier, '?')} "
        f"sources or better, at {stage}."
    )


def _parse(current: ChatPrefs, key: str, value: str) -> ChatPrefs | str:
    if key == "mode":
        if value not in MODES:
            return "Mode must be instant, hourly or daily."
        return replace(current, mode=MODES[value])
    if key == "tier":
        if not value.isdigit() or not 0 <= int(value) <= 4:
            return "Tier must be a number from 0 (official statements only) to 4 (any source)."
        return replace(current, min_tier=int(value))
    if key == "stage":
        if value in ("any", "all"):
            return replace(current, min_stage=Relation.UNDER_PRESSURE.value)
        try:
            return replace(current, min_stage=Relation(value.replace(" ", "_")).value)
        except ValueError:
            stages = ", ".join(r.value for r in sorted(STAGE_RANK, key=STAGE_RANK.__getitem__))
            return f"Unknown stage. Stages, earliest first: {stages}."
    return USAGE


async def settings(store: ChatSettings, inv: Invocation) -> Reply:
    current = await store.chat_prefs(inv.chat.key)
    words = inv.args.lower().split()
    if not words:
        return Reply(f"{HEADING}\n{describe(current)}\n\nTo change them:\n{CHANGES}")
    if not inv.can_manage:
        return Reply(
            "Only admins can change this chat's settings (Telegram: group admins; Discord: Manage Server "
            "or Manage Channels).",
            ephemeral=True,
        )
    if len(words) < 2:
        return Reply(USAGE, ephemeral=True)
    updated = _parse(current, words[0], " ".join(words[1:]))
    if isinstance(updated, str):
        return Reply(updated, ephemeral=True)
    await store.set_chat_prefs(inv.chat.key, updated)
    return Reply("Saved. " + describe(updated))
