"""Card → Discord embed: escaping, colours, links and every Discord size limit."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.render.card import Card, Link
from bot.render.discord_embed import (
    BLANK,
    DEFAULT_COLOUR,
    STAGE_COLOURS,
    batch_embeds,
    embed_size,
    escape_markdown,
    render_content,
    render_embed,
    thread_name,
    truncate,
)

HOSTILE = "@everyone <b>FREE</b> [x](http://evil.example) <@&123>"


def test_markdown_links_mentions_and_lists_are_escaped() -> None:
    assert escape_markdown(HOSTILE) == r"\@everyone \<b\>FREE\</b\> \[x\]\(http://evil.example\) \<\@&123\>"
    assert escape_markdown("**bold** _it_ ~~s~~ `c` ||spoiler|| # h") == (
        r"\*\*bold\*\* \_it\_ \~\~s\~\~ \`c\` \|\|spoiler\|\| \# h"
    )
    assert escape_markdown("- item\n1. first\nMan-Utd 2.0") == "\\- item\n1\\. first\nMan-Utd 2.0"


def test_truncation_never_leaves_half_an_escape() -> None:
    escaped = escape_markdown("a" * 9 + "*")  # "aaaaaaaaa\*"
    cut = truncate(escaped, 11)
    assert cut == escaped
    cut = truncate(escaped, 10)
    assert cut == "aaaaaaaaa…"
    assert truncate(escape_markdown("abcdefgh*xyz"), 10) == "abcdefgh…"


def test_colour_follows_the_stage_with_a_default() -> None:
    assert render_embed(Card(title="t", stage="agreed"))["color"] == STAGE_COLOURS["agreed"]
    assert render_embed(Card(title="t", stage="rejected"))["color"] != STAGE_COLOURS["agreed"]
    assert render_embed(Card(title="t"))["color"] == DEFAULT_COLOUR


def test_links_become_masked_links_and_unsafe_urls_are_dropped() -> None:
    card = Card(
        title="t",
        links=(
            Link("js", "javascript:alert(1)"),
            Link("BBC [live]", "https://bbc.example/a_(b)"),
            Link("Sky", "http://sky.example/x y"),
        ),
    )
    embed = render_embed(card)
    assert embed["url"] == "https://bbc.example/a_%28b%29"
    links = embed["fields"][-1]
    assert links["name"] == "Links"
    assert links["value"] == r"[BBC \[live\]](https://bbc.example/a_%28b%29) · [Sky](http://sky.example/x%20y)"
    assert "javascript" not in str(embed)


def test_every_limit_holds_for_an_oversized_card() -> None:
    card = Card(
        title="T" * 300,
        body="B" * 5000,
        fields=tuple((f"name{i}" * 60, "v" * 2000) for i in range(40)),
        links=tuple(Link(f"l{i}", f"https://x.example/{i}") for i in range(5)),
        footer="F" * 3000,
    )
    embed = render_embed(card)
    assert len(embed["title"]) == 256
    assert embed["title"].endswith("…")
    assert len(embed["footer"]["text"]) == 2048
    assert len(embed["fields"]) <= 25
    assert all(len(f["name"]) <= 256 and len(f["value"]) <= 1024 for f in embed["fields"])
    assert embed["fields"][-1]["name"] == "Links"
    assert embed_size(embed) <= 6000


def test_description_is_capped_at_4096_and_too_many_fields_at_25() -> None:
    embed = render_embed(Card(title="t", body="b" * 5000, fields=tuple(("n", "v") for _ in range(30))))
    assert len(embed["description"]) == 4096
    assert len(embed["fields"]) == 25


def test_empty_field_parts_are_not_sent_empty() -> None:
    assert render_embed(Card(title="t", fields=(("", ""),)))["fields"][0] | {"inline": True} == {
        "name": BLANK,
        "value": BLANK,
        "inline": True,
    }


def test_embeds_are_batched_by_ten_and_by_6000_characters() -> None:
    small = [render_embed(Card(title=f"t{i}")) for i in range(23)]
    assert [len(b) for b in batch_embeds(small)] == [10, 10, 3]
    big = [render_embed(Card(title="t", body="b" * 4000)) for _ in range(3)]
    assert [len(b) for b in batch_embeds(big)] == [1, 1, 1]


def test_content_and_thread_names_fit_discord() -> None:
    content = render_content("*" * 3000)
    assert len(content) <= 2000
    assert content.endswith(r"\*…")  # whole escape pairs only
    assert thread_name("Alonso\n→ Liverpool  " + "x" * 200).startswith("Alonso → Liverpool x")
    assert len(thread_name("x" * 200)) == 100
    assert thread_name("   ") == "Rumour"


@given(
    st.builds(
        Card,
        title=st.text(max_size=400),
        body=st.text(max_size=5000),
        fields=st.lists(st.tuples(st.text(max_size=300), st.text(max_size=1200)), max_size=30).map(tuple),
        links=st.lists(st.builds(Link, st.text(max_size=120), st.text(max_size=80)), max_size=5).map(tuple),
        footer=st.text(max_size=2100),
    )
)
def test_any_card_renders_within_discords_limits(card: Card) -> None:
    embed = render_embed(card)
    assert len(embed.get("title", "")) <= 256
    assert len(embed.get("description", "")) <= 4096
    assert len(embed.get("fields", [])) <= 25
    assert all(0 < len(f["name"]) <= 256 and 0 < len(f["value"]) <= 1024 for f in embed.get("fields", []))
    assert embed_size(embed) <= 6000
