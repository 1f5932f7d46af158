"""HTML mock-ups of a Discord channel and a Telegram chat, drawn from the payloads the bot really
sent (as the fake servers recorded them), for the screenshots in docs/.

They imitate each client's look (colours, bubbles, embeds, buttons) closely enough for an admin to
see what an alert will look like before inviting the bot; they are not the clients themselves."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

_MASKED_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\(([^)\s]+)\)")
_ESCAPE = re.compile(r"\\(.)")


def discord_markdown(text: str) -> str:
    """The little of Discord's markdown the bot's payloads use: backslash escapes and masked links."""
    out: list[str] = []
    last = 0
    for match in _MASKED_LINK.finditer(text):
        out.append(html.escape(_ESCAPE.sub(r"\1", text[last : match.start()])))
        label = html.escape(_ESCAPE.sub(r"\1", match.group(1)))
        out.append(f'<a href="{html.escape(match.group(2))}">{label}</a>')
        last = match.end()
    out.append(html.escape(_ESCAPE.sub(r"\1", text[last:])))
    return "".join(out).replace("\n", "<br>")


@dataclass
class DiscordPost:
    """A message in the channel: the bot's (content and embeds, maybe replying to an earlier post)
    or a user's slash command, which Discord shows as a line above the bot's answer."""

    payload: dict[str, Any]
    time: str
    replying_to: str = ""  # the first line of the message replied to
    command: str = ""  # "/rumour alonso": the bot's answer to this slash command


def _embed(embed: dict[str, Any]) -> str:
    colour = f"#{int(embed.get('color', 0x5865F2)):06x}"
    parts = []
    if "title" in embed:
        title = discord_markdown(embed["title"])
        if "url" in embed:
            title = f'<a href="{html.escape(embed["url"])}">{title}</a>'
        parts.append(f'<div class="e-title">{title}</div>')
    if "description" in embed:
        parts.append(f'<div class="e-desc">{discord_markdown(embed["description"])}</div>')
    fields = "".join(
        f'<div class="e-field{" inline" if f.get("inline") else ""}"><div class="e-name">'
        f'{discord_markdown(f["name"])}</div><div class="e-value">{discord_markdown(f["value"])}</div></div>'
        for f in embed.get("fields", [])
    )
    if fields:
        parts.append(f'<div class="e-fields">{fields}</div>')
    if "footer" in embed:
        parts.append(f'<div class="e-footer">{html.escape(embed["footer"]["text"])}</div>')
    return f'<div class="embed" style="border-left-color:{colour}">{"".join(parts)}</div>'


def discord_page(channel: str, posts: list[DiscordPost]) -> str:
    items = []
    for post in posts:
        above = ""
        if post.replying_to:
            above = f'<div class="above">↱ <b>rumourbot</b> {html.escape(post.replying_to)}</div>'
        elif post.command:
            above = f'<div class="above">↱ <b>Alex</b> used <span class="cmd">{html.escape(post.command)}</span></div>'
        content = post.payload.get("content") or ""
        body = f'<div class="content">{discord_markdown(content)}</div>' if content else ""
        embeds = "".join(_embed(e) for e in post.payload.get("embeds", []))
        items.append(
            f'<div class="msg">{above}<div class="row"><div class="avatar">R</div><div class="main">'
            f'<div class="head"><span class="name">rumourbot</span><span class="bot">APP</span>'
            f'<span class="time">Today at {html.escape(post.time)}</span></div>{body}{embeds}</div></div></div>'
        )
    return _DISCORD_HTML.format(channel=html.escape(channel), messages="".join(items))


@dataclass
class TelegramMessage:
    """A message in the chat: the bot's (HTML text and URL buttons, maybe replying) or the user's."""

    text_html: str
    time: str
    from_bot: bool = True
    replying_to: str = ""
    buttons: list[list[dict[str, str]]] = field(default_factory=list)


def telegram_message(params: dict[str, Any], time: str, replying_to: str = "") -> TelegramMessage:
    """A sendMessage call, as recorded by the fake Bot API."""
    keyboard = (params.get("reply_markup") or {}).get("inline_keyboard", [])
    return TelegramMessage(params["text"], time, replying_to=replying_to, buttons=keyboard)


def telegram_page(chat: str, messages: list[TelegramMessage]) -> str:
    items = []
    for m in messages:
        quote = f'<div class="quote"><b>rumourbot</b><br>{html.escape(m.replying_to)}</div>' if m.replying_to else ""
        buttons = "".join(
            '<div class="krow">'
            + "".join(f'<a class="kbtn" href="{html.escape(b["url"])}">{html.escape(b["text"])} ↗</a>' for b in row)
            + "</div>"
            for row in m.buttons
        )
        # The bot's text is already Telegram's HTML subset (b, i, a, code), escaped by its renderer.
        text = m.text_html.replace("\n", "<br>")
        side = "in" if m.from_bot else "out"
        items.append(
            f'<div class="line {side}"><div class="bubble {side}">{quote}<div class="text">{text}'
            f'<span class="time">{html.escape(m.time)}</span></div></div>'
            f"{f'<div class=keyboard>{buttons}</div>' if buttons else ''}</div>"
        )
    return _TELEGRAM_HTML.format(chat=html.escape(chat), messages="".join(items))


_DISCORD_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>
body {{ margin: 0; background: #313338; color: #dbdee1; font: 15px/1.375 "DejaVu Sans", sans-serif; }}
.top {{ height: 48px; border-bottom: 1px solid #1f2023; display: flex; align-items: center; padding: 0 16px;
  color: #f2f3f5; font-weight: 600; }}
.top .hash {{ color: #80848e; font-size: 24px; margin-right: 8px; font-weight: 400; }}
.msg {{ padding: 8px 48px 8px 16px; }}
.above {{ color: #b5bac1; font-size: 13px; margin: 0 0 4px 56px; }}
.above b {{ color: #f2f3f5; font-weight: 500; }}
.cmd {{ color: #00a8fc; }}
.row {{ display: flex; }}
.avatar {{ width: 40px; height: 40px; border-radius: 50%; background: #5865f2; color: #fff; font-weight: 700;
  display: flex; align-items: center; justify-content: center; margin-right: 16px; flex: none; }}
.main {{ min-width: 0; }}
.head {{ margin-bottom: 2px; }}
.name {{ color: #f2f3f5; font-weight: 500; }}
.bot {{ background: #5865f2; color: #fff; font-size: 10px; font-weight: 600; border-radius: 3px; padding: 1px 4px;
  margin: 0 6px; vertical-align: 2px; }}
.time {{ color: #949ba4; font-size: 12px; }}
.content {{ color: #dbdee1; }}
.embed {{ background: #2b2d31; border-left: 4px solid; border-radius: 4px; padding: 8px 16px 16px 12px;
  margin-top: 4px; max-width: 520px; }}
.e-title {{ font-weight: 600; color: #f2f3f5; margin-top: 8px; }}
.e-title a {{ color: #00a8fc; text-decoration: none; }}
.e-desc {{ font-size: 14px; margin-top: 8px; }}
.e-fields {{ display: flex; flex-wrap: wrap; gap: 8px 16px; margin-top: 8px; }}
.e-field {{ flex: 1 1 100%; font-size: 14px; }}
.e-field.inline {{ flex: 1 1 28%; }}
.e-name {{ font-weight: 600; color: #f2f3f5; margin-bottom: 2px; }}
.e-footer {{ font-size: 12px; color: #b5bac1; margin-top: 8px; }}
a {{ color: #00a8fc; text-decoration: none; }}
</style></head><body><div class="top"><span class="hash">#</span>{channel}</div>{messages}</body></html>"""

_TELEGRAM_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>
body {{ margin: 0; background: #a3c6a0; font: 15px/1.35 "DejaVu Sans", sans-serif; color: #000; }}
.top {{ background: #fff; padding: 10px 16px; border-bottom: 1px solid #ddd; }}
.top b {{ display: block; }}
.top span {{ color: #8a8a8a; font-size: 13px; }}
.chat {{ padding: 12px 16px; }}
.line {{ margin: 6px 0; max-width: 560px; }}
.line.out {{ margin-left: auto; width: fit-content; }}
.bubble {{ border-radius: 12px; padding: 6px 10px 6px 10px; box-shadow: 0 1px 1px rgba(0,0,0,.15); }}
.bubble.in {{ background: #fff; border-bottom-left-radius: 4px; }}
.bubble.out {{ background: #e1fec6; border-bottom-right-radius: 4px; }}
.quote {{ border-left: 3px solid #3a8fd8; background: #eaf3fb; border-radius: 4px; padding: 2px 8px; margin-bottom: 4px;
  font-size: 13px; color: #333; }}
.quote b {{ color: #3a8fd8; }}
.text a {{ color: #2a7dc9; text-decoration: none; }}
.time {{ float: right; color: #8aa; font-size: 11px; margin: 6px 0 0 12px; }}
.keyboard {{ margin-top: 3px; }}
.krow {{ display: flex; gap: 3px; margin-top: 3px; }}
.kbtn {{ flex: 1; background: rgba(70, 110, 70, .55); color: #fff; border-radius: 8px; padding: 7px;
  text-align: center; text-decoration: none; font-size: 14px; }}
</style></head><body><div class="top"><b>{chat}</b><span>bot</span></div><div class="chat">{messages}</div>
</body></html>"""
