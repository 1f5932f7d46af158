"""The console adapter: how alerts, updates and edits are labelled, and the prompt."""

from __future__ import annotations

import asyncio
import io

from bot.commands.base import Invocation
from bot.platforms.console import CONSOLE_CHAT, PROMPT, PROMPT_HELP, ConsoleAdapter
from bot.render.card import Card, QuestionCard, Reply

CARD = Card(title="Xabi Alonso → Bayern Munich: talks", footer="thread #3 · first seen 11 Jun 2026 09:00 UTC", thread=3)


async def answer(inv: Invocation) -> Reply:
    return Reply(f"you asked /{inv.name} {inv.args}")


async def test_alerts_updates_and_edits_are_labelled_with_the_thread_number_the_footer_shows() -> None:
    out = io.StringIO()
    console = ConsoleAdapter(answer, out)
    await console.send(CONSOLE_CHAT, Card(title="first"))  # a message before: ids and threads differ
    first = await console.send(CONSOLE_CHAT, CARD)
    await console.send_text(CONSOLE_CHAT, "now: agreed — David Ornstein", reply_to=first)
    await console.edit(CONSOLE_CHAT, first, CARD)
    printed = out.getvalue()
    assert "[alert · thread #3] Xabi Alonso → Bayern Munich: talks" in printed
    assert "[update · thread #3] now: agreed — David Ornstein" in printed
    assert "[alert · thread #3 edited] Xabi Alonso → Bayern Munich: talks" in printed
    assert "#2" not in printed  # the console's own message numbers would read as thread numbers


async def test_an_interactive_console_shows_a_prompt_after_the_hint_and_each_answer() -> None:
    out = io.StringIO()
    console = ConsoleAdapter(answer, out, prompt=PROMPT)
    reader = asyncio.StreamReader()
    reader.feed_data(b"/hot\n/quit\n")
    reader.feed_eof()
    await console.run(asyncio.Event(), reader)
    assert out.getvalue() == f"{PROMPT_HELP}\n{PROMPT}you asked /hot \n{PROMPT}"


async def test_a_question_prints_its_numbered_options_and_how_to_answer_and_its_lock() -> None:
    out = io.StringIO()
    console = ConsoleAdapter(answer, out)
    card = QuestionCard(
        4, "Who will be Chelsea's next permanent manager? (#4)", ("Xabi Alonso", "Someone else"), "note"
    )
    message_id, poll = await console.post_question(CONSOLE_CHAT, card)
    await console.close_question(CONSOLE_CHAT, message_id, card)
    printed = out.getvalue()
    assert poll == ""
    assert (
        "[question] Who will be Chelsea's next permanent manager? (#4)\n  1. Xabi Alonso\n  2. Someone else\nnote"
        in printed
    )
    assert "Answer with /call 4 <option number>." in printed
    assert "[question locked] Who will be Chelsea's next permanent manager? (#4)" in printed
