"""The console chat: alerts print as they happen; commands are typed on standard input.

It is the bot with no tokens at all, and a Sender like the real platforms.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import os
import stat
import sys
from typing import TextIO

from bot.commands.base import CommandHandler, Invocation
from bot.delivery.ports import Capabilities, InFlightMark
from bot.domain import ChatRef, Platform
from bot.render.card import Card
from bot.render.text import render_card, render_reply

log = logging.getLogger(__name__)

CONSOLE_CHAT = ChatRef(Platform.CONSOLE, "local")
PROMPT_HELP = "Type a command such as /rumour alonso, /hot or /help. Ctrl-C or /quit stops the bot."
PROMPT = "rumourbot> "


class ConsoleAdapter:
    """Alerts are labelled by the thread they are about (``[alert · thread #3]``), the number that
    their footer shows and ``/why #3`` takes; the console's own message ids stay internal."""

    platform = Platform.CONSOLE
    capabilities = Capabilities(drops_resends=True, edits=True)  # nothing is lost or doubled on a screen

    def __init__(self, handle: CommandHandler, out: TextIO | None = None, *, prompt: str = "") -> None:
        self.handle = handle
        self.out = out or sys.stdout
        self.prompt = prompt  # shown while waiting for a line (app.py sets it for a terminal)
        self._ids = itertools.count(1)
        self._threads: dict[str, int | None] = {}  # message id → the thread it showed
        self._waiting = False  # the prompt is on screen

    def _print(self, text: str) -> None:
        if self._waiting:  # an alert while the prompt waits: start a fresh line, then prompt again
            self.out.write("\n")
        self.out.write(text + "\n")
        if self._waiting:
            self.out.write(self.prompt)
        self.out.flush()

    def _label(self, kind: str, thread: int | None, suffix: str = "") -> str:
        return f"[{kind}{'' if thread is None else f' · thread #{thread}'}{suffix}]"

    async def start(self) -> None:
        """Nothing to connect to; ``run`` reads the typed commands."""

    async def stop(self) -> None:
        """Nothing to close."""

    async def send(
        self,
        chat: ChatRef,
        card: Card,
        *,
        reply_to: str | None = None,
        nonce: str = "",
        ping_role: str = "",
        in_flight: InFlightMark | None = None,
    ) -> str:
        del chat, nonce, ping_role, in_flight
        message_id = str(next(self._ids))
        self._threads[message_id] = card.thread
        label = self._label("alert" if reply_to is None else "update", card.thread)
        self._print(f"\n{label} {render_card(card)}\n")
        return message_id

    async def send_text(
        self,
        chat: ChatRef,
        text: str,
        *,
        reply_to: str | None = None,
        nonce: str = "",
        in_flight: InFlightMark | None = None,
    ) -> str:
        del chat, nonce, in_flight
        message_id = str(next(self._ids))
        thread = self._threads.get(reply_to) if reply_to else None
        self._threads[message_id] = thread
        self._print(f"{self._label('update' if reply_to else 'message', thread)} {text}")
        return message_id

    async def edit(self, chat: ChatRef, message_id: str, card: Card) -> None:
        del chat
        self._print(f"{self._label('alert', card.thread or self._threads.get(message_id), ' edited')} {card.title}")

    def _show_prompt(self) -> None:
        if self.prompt:
            self.out.write(self.prompt)
            self.out.flush()
            self._waiting = True

    async def command(self, line: str) -> str:
        """Run one typed line and return the rendered reply (also used by tests)."""
        line = line.strip()
        if not line:
            return ""
        if not line.startswith("/"):
            line = "/rumour " + line
        name, _, args = line[1:].partition(" ")
        reply = await self.handle(Invocation(CONSOLE_CHAT, "console", name.split("@", 1)[0], args))
        return render_reply(reply)

    async def run(self, stop: asyncio.Event, stream: asyncio.StreamReader | None = None) -> None:
        """Read commands until end of input or ``stop``; end of input does not stop the bot."""
        reader = stream or await _stdin_reader()
        if reader is None:
            log.info("no interactive input; the console prints alerts only")
            await stop.wait()
            return
        self._print(PROMPT_HELP)
        while not stop.is_set():
            self._show_prompt()
            read = asyncio.ensure_future(reader.readline())
            stopped = asyncio.ensure_future(stop.wait())
            done, _ = await asyncio.wait({read, stopped}, return_when=asyncio.FIRST_COMPLETED)
            self._waiting = False
            if read not in done:
                read.cancel()
                stopped.cancel()
                return
            stopped.cancel()
            raw = read.result()
            if not raw:
                await stop.wait()
                return
            text = raw.decode("utf-8", "replace").strip()
            if text in ("/quit", "/exit"):
                stop.set()
                return
            try:
                answer = await self.command(text)
            except Exception:
                log.exception("console command failed")
                answer = "Sorry, something went wrong."
            if answer:
                self._print(answer)


async def _stdin_reader() -> asyncio.StreamReader | None:
    """Standard input as a stream: pipes and terminals are read as lines arrive; a regular file
    (or /dev/null), which the event loop cannot watch, is read at once."""
    if sys.stdin is None or sys.stdin.closed:
        return None
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (OSError, ValueError):
        return None
    reader = asyncio.StreamReader()
    if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) or sys.stdin.isatty():
        loop = asyncio.get_running_loop()
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
        return reader
    if stat.S_ISREG(mode):
        reader.feed_data(sys.stdin.buffer.read(1_000_000))
    reader.feed_eof()
    return reader
