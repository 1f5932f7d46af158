"""Card/Reply → Telegram HTML: escaping, link buttons, and splitting under the 4096 limit."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.render.card import Card, Link, Reply
from bot.render.telegram_html import (
    MAX_BUTTONS,
    MESSAGE_LIMIT,
    Button,
    escape,
    render_card,
    render_card_single,
    render_reply,
    render_text,
    safe_url,
    utf16_len,
)

HOSTILE = "@everyone <b>FREE</b> [x](http://evil.example) <@&123>"
ENTITY = re.compile(r"&(?!(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)")


class _Check(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in {"b", "i", "a"}, tag
        assert not self.stack, "tags are never nested"
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, tag
        assert self.stack.pop() == tag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def visible(html_text: str) -> str:
    """The text Telegram would show; fails on broken tags or a bare '&'."""
    assert not ENTITY.search(html_text), html_text
    checker = _Check()
    checker.feed(html_text)
    checker.close()
    assert not checker.stack
    return "".join(checker.text)


def test_escape_makes_markup_inert() -> None:
    assert escape(HOSTILE) == "@everyone &lt;b&gt;FREE&lt;/b&gt; [x](http://evil.example) &lt;@&amp;123&gt;"
    assert escape("*a* _b_ `c`") == "*a* _b_ `c`"  # no Markdown parse mode: nothing to escape


def test_safe_url_keeps_http_and_https_only() -> None:
    assert safe_url(" https://bbc.example/a?x=1&y=2 ") == "https://bbc.example/a?x=1&y=2"
    for bad in ("javascript:alert(1)", "ftp://x.example", "bbc.example/a", "https://", "http://a b.example", ""):
        assert safe_url(bad) is None, bad


def test_card_has_bold_title_fields_italic_footer_and_url_buttons() -> None:
    card = Card(
        title=HOSTILE,
        body="Talks <opened>.\n\nSecond paragraph.",
        fields=(("Stage", "talks & more"), ("Sources", "3")),
        links=(Link("BBC", "https://bbc.example/a"), Link("", "https://sky.example/b"), Link("x", "javascript:1")),
        footer="first seen 1 May",
    )
    (message,) = render_card(card)
    assert message.html == (
        "<b>@everyone &lt;b&gt;FREE&lt;/b&gt; [x](http://evil.example) &lt;@&amp;123&gt;</b>\n"
        "Talks &lt;opened&gt;.\n\nSecond paragraph.\n\n"
        "<b>Stage:</b> talks &amp; more\n<b>Sources:</b> 3\n<i>first seen 1 May</i>"
    )
    assert message.buttons == (Button("BBC", "https://bbc.example/a"), Button("sky.example", "https://sky.example/b"))
    assert HOSTILE in visible(message.html)


def test_links_beyond_five_buttons_are_listed_inline() -> None:
    links = tuple(Link(f"Source {i}", f"https://s{i}.example/?a=1&b=2") for i in range(7))
    (message,) = render_card(Card(title="t", links=links))
    assert len(message.buttons) == MAX_BUTTONS
    assert '• <a href="https://s5.example/?a=1&amp;b=2">Source 5</a>' in message.html
    assert "Source 6" in visible(message.html)


def test_reply_with_several_cards_lists_links_inline_and_has_no_buttons() -> None:
    cards = (Card("One", links=(Link("A", "https://a.example"),)), Card("Two", links=(Link("B", "https://b.example"),)))
    (message,) = render_reply(Reply(text="Hot <now>", cards=cards))
    assert message.buttons == ()
    assert message.html == (
        'Hot &lt;now&gt;\n\n<b>One</b>\n\n• <a href="https://a.example">A</a>\n\n<b>Two</b>\n\n'
        '• <a href="https://b.example">B</a>'
    )


def test_reply_with_one_card_puts_its_buttons_under_the_last_chunk() -> None:
    card = Card("Title", body="word " * 2000, links=(Link("A", "https://a.example"),))
    messages = render_reply(Reply(text="intro", cards=(card,)))
    assert len(messages) == 3
    assert [m.buttons for m in messages] == [(), (), (Button("A", "https://a.example"),)]


def test_empty_reply_renders_nothing() -> None:
    assert render_reply(Reply()) == []
    assert render_text("  \n\n  ") == []


def test_split_prefers_paragraph_then_line_boundaries() -> None:
    text = "\n\n".join(["a" * 30, "b" * 30, "c" * 30])
    assert [m.html for m in render_text(text, limit=70)] == ["a" * 30 + "\n\n" + "b" * 30, "c" * 30]
    lines = "\n".join(["d" * 30, "e" * 30, "f" * 30])
    assert [m.html for m in render_text(lines, limit=70)] == ["d" * 30 + "\n" + "e" * 30, "f" * 30]


def test_a_long_line_is_cut_at_spaces_and_never_inside_an_entity_or_tag() -> None:
    title = "Alonso & <Liverpool> " * 400  # one bold line, ≈ 8,400 chars before escaping
    messages = render_card(Card(title=title))
    assert len(messages) >= 3
    for message in messages:
        assert utf16_len(message.html) <= MESSAGE_LIMIT
        assert message.html.startswith("<b>")
        assert message.html.endswith("</b>")
        assert visible(message.html).split() == visible(message.html).split(" ")  # cut at spaces
    words = " ".join(visible(m.html) for m in messages).split()
    assert words == title.split()


def test_a_line_without_spaces_is_cut_between_characters() -> None:
    messages = render_text("&" * 5000)
    assert [len(visible(m.html)) for m in messages] == [819, 819, 819, 819, 819, 819, 86]
    assert all(utf16_len(m.html) <= MESSAGE_LIMIT for m in messages)


def test_limit_counts_utf16_units() -> None:
    messages = render_text("⚽" * 2000 + " " + "🔥" * 2000)  # 🔥 takes two UTF-16 units
    assert [utf16_len(m.html) for m in messages] == [2000, 4000]
    assert len(render_text("🔥" * 2049)) == 2


def test_edit_renders_one_message_marked_when_truncated() -> None:
    card = Card("Title", body="word " * 2000, links=(Link("A", "https://a.example"),))
    message = render_card_single(card)
    assert message.html.endswith("\n…")
    assert utf16_len(message.html) <= MESSAGE_LIMIT
    assert message.buttons == (Button("A", "https://a.example"),)
    assert render_card_single(Card("Short")).html == "<b>Short</b>"


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab <&>\n🔥é"), max_size=400),
    limit=st.integers(min_value=12, max_value=120),
)
def test_any_text_splits_into_valid_chunks_that_keep_every_word(text: str, limit: int) -> None:
    messages = render_text(text, limit=limit)
    for message in messages:
        assert 0 < utf16_len(message.html) <= limit
        visible(message.html)
    shown = "".join(visible(m.html) for m in messages)
    assert "".join(shown.split()) == "".join(text.split())  # every visible character, in order
