"""Discord API payloads for the fake server, with the fields discord.py 2.7's parsers read."""

from __future__ import annotations

from typing import Any

APP_ID = "500"
GUILD_ID = "700"
TEXT_ID = "1001"
FORUM_ID = "1002"
THREAD_ID = "1003"
ROLE_ID = "2001"
STAMP = "2025-01-01T00:00:00+00:00"

BOT_USER: dict[str, Any] = {
    "id": "600",
    "username": "rumourbot",
    "discriminator": "0",
    "global_name": None,
    "avatar": None,
    "bot": True,
    "flags": 0,
    "verified": True,
    "mfa_enabled": False,
}
USER: dict[str, Any] = {
    "id": "42",
    "username": "fan",
    "discriminator": "0",
    "global_name": "Fan",
    "avatar": None,
}


def _channel(cid: str, kind: int, name: str, position: int) -> dict[str, Any]:
    return {
        "id": cid,
        "type": kind,
        "guild_id": GUILD_ID,
        "name": name,
        "position": position,
        "parent_id": None,
        "topic": None,
        "nsfw": False,
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "permission_overwrites": [],
    }


def thread(tid: str, parent: str, name: str) -> dict[str, Any]:
    return {
        "id": tid,
        "type": 11,
        "guild_id": GUILD_ID,
        "parent_id": parent,
        "owner_id": BOT_USER["id"],
        "name": name,
        "last_message_id": tid,
        "message_count": 1,
        "member_count": 1,
        "rate_limit_per_user": 0,
        "flags": 0,
        "thread_metadata": {
            "archived": False,
            "auto_archive_duration": 1440,
            "archive_timestamp": STAMP,
            "locked": False,
        },
    }


FORUM = {
    **_channel(FORUM_ID, 15, "rumours-forum", 1),
    "available_tags": [],
    "default_reaction_emoji": None,
    "default_sort_order": None,
    "default_forum_layout": 0,
    "default_auto_archive_duration": 1440,
    "flags": 0,
}
CHANNELS: dict[str, dict[str, Any]] = {
    TEXT_ID: _channel(TEXT_ID, 0, "rumours", 0),
    FORUM_ID: FORUM,
    THREAD_ID: thread(THREAD_ID, TEXT_ID, "alonso-watch"),
}

ROLES = [
    {"id": GUILD_ID, "name": "@everyone", "permissions": "0", "position": 0, "color": 0},
    {"id": ROLE_ID, "name": "Rumour fans", "permissions": "0", "position": 1, "color": 0},
]
for _role in ROLES:
    _role.update(hoist=False, managed=False, mentionable=True, flags=0)


def application() -> dict[str, Any]:
    return {
        "id": APP_ID,
        "name": "rumourbot",
        "description": "",
        "icon": None,
        "bot_public": False,
        "bot_require_code_grant": False,
        "owner": USER,
        "verify_key": "0" * 64,
        "flags": 0,
        "team": None,
        "summary": "",
        "rpc_origins": [],
        "interactions_endpoint_url": None,
    }


def registered_command(command: dict[str, Any], cid: str) -> dict[str, Any]:
    return {**command, "id": cid, "application_id": APP_ID, "version": "1", "type": command.get("type", 1)}


def ready(gateway_url: str) -> dict[str, Any]:
    return {
        "v": 10,
        "user": BOT_USER,
        "guilds": [{"id": GUILD_ID, "unavailable": True}],
        "session_id": "fake-session",
        "resume_gateway_url": gateway_url,
        "application": {"id": APP_ID, "flags": 0},
    }


def guild_create() -> dict[str, Any]:
    return {
        "id": GUILD_ID,
        "name": "Football Chat",
        "icon": None,
        "owner_id": USER["id"],
        "unavailable": False,
        "large": False,
        "member_count": 2,
        "features": [],
        "roles": ROLES,
        "emojis": [],
        "stickers": [],
        "channels": [c for c in CHANNELS.values() if c["type"] != 11],
        "threads": [CHANNELS[THREAD_ID]],
        "members": [{"user": BOT_USER, "roles": [], "joined_at": STAMP, "deaf": False, "mute": False, "flags": 0}],
        "voice_states": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
        "premium_tier": 0,
        "preferred_locale": "en-US",
        "joined_at": STAMP,
    }


def message(mid: str, cid: str, body: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": mid,
        "channel_id": cid,
        "author": BOT_USER,
        "content": body.get("content") or "",
        "timestamp": STAMP,
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": body.get("embeds") or [],
        "components": body.get("components") or [],
        "pinned": False,
        "type": 0,
        "flags": body.get("flags", 0),
        "nonce": body.get("nonce"),
    }


def interaction(
    iid: str,
    kind: int,
    name: str,
    options: list[dict[str, Any]],
    *,
    user_perms: int = 0,
    channel_id: str = TEXT_ID,
    dm: bool = False,
    resolved: dict[str, Any] | None = None,
    user: dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
    message: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An INTERACTION_CREATE payload (kind 2 = slash command, 4 = autocomplete, 3 = a component such as a
    select menu: give its ``data`` and the ``message`` it is on)."""
    user = user or USER
    if data is None:
        data = {"id": "1", "name": name, "type": 1, "options": options}
    if resolved:
        data["resolved"] = resolved
    payload: dict[str, Any] = {
        "id": iid,
        "application_id": APP_ID,
        "type": kind,
        "token": f"interaction-token-{iid}",
        "version": 1,
        "data": data,
        "locale": "en-GB",
        "app_permissions": "0",
        "entitlements": [],
        "attachment_size_limit": 10_485_760,
    }
    if message is not None:
        payload["message"] = message
    if dm:
        payload.update(channel_id=channel_id, channel={"id": channel_id, "type": 1}, user=user, context=1)
        payload["authorizing_integration_owners"] = {"1": user["id"]}
        return payload
    channel = CHANNELS.get(channel_id, _channel(channel_id, 0, "elsewhere", 9))
    member = {
        "user": user,
        "roles": [],
        "joined_at": STAMP,
        "deaf": False,
        "mute": False,
        "flags": 0,
        "permissions": str(user_perms),
    }
    payload.update(guild_id=GUILD_ID, channel_id=channel_id, channel=channel, member=member, context=0)
    payload["guild_locale"] = "en-GB"
    payload["authorizing_integration_owners"] = {"0": GUILD_ID}
    return payload


def fan(user_id: str, name: str) -> dict[str, Any]:
    """Another member of the guild."""
    return {"id": user_id, "username": name.lower(), "discriminator": "0", "global_name": name, "avatar": None}


def role_option(role_id: str = ROLE_ID) -> tuple[dict[str, Any], dict[str, Any]]:
    """A Role option and the ``resolved`` block that goes with it."""
    role = next(r for r in ROLES if r["id"] == role_id)
    return {"name": "ping", "type": 8, "value": role_id}, {"roles": {role_id: role}}
