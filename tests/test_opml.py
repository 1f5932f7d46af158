"""OPML import and export of the feed list: round trip, files from other readers, hostile files."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.opml import MAX_FEEDS, MAX_OPML_BYTES, NAMESPACE, OPMLError, OpmlFeed, parse_opml, read_limited, render_opml
from bot.store.sqlite import SQLiteStore
from tests.cli_support import cli_env, rumourbot
from tests.fakes.hostile import LAUGHS_PROLOGUE

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)

BILLION_LAUGHS = (
    LAUGHS_PROLOGUE
    + b"""<opml version="2.0"><body><outline text="&lol9;" xmlUrl="https://x.example/rss"/></body></opml>
"""
)
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<opml version="2.0"><body><outline text="&xxe;" xmlUrl="https://x.example/rss"/></body></opml>
"""
PLAIN_DOCTYPE = b'<!DOCTYPE opml SYSTEM "http://example.org/opml.dtd"><opml version="2.0"><body/></opml>'


def opml(*outlines: str) -> bytes:
    return f'<?xml version="1.0"?><opml version="2.0"><head/><body>{"".join(outlines)}</body></opml>'.encode()


def oversize_but_valid() -> bytes:
    """A well-formed OPML file just over the cap: only the size limit can refuse it."""
    head = opml('<outline text="Ok" xmlUrl="https://x.example/rss"/>')
    return head.replace(b"<head/>", b"<head><!--" + b" " * MAX_OPML_BYTES + b"--></head>")


# --- parse and render -------------------------------------------------------------------------


def test_render_then_parse_keeps_url_outlet_and_title_even_awkward_ones() -> None:
    feeds = [
        OpmlFeed("https://feeds.example.org/a.xml?x=1&y=2", "BBC Sport", "BBC Sport - Football"),
        OpmlFeed("https://feeds.example.org/b.xml", "", "The Wire"),
        OpmlFeed("https://feeds.example.org/c.xml", 'Marca <"España"> & co', ""),
        OpmlFeed("https://feeds.example.org/d.xml", "", ""),
    ]
    assert parse_opml(render_opml(feeds, NOW)) == feeds


def test_export_is_opml_2_with_one_rss_outline_per_feed_named_by_outlet_else_title_else_url() -> None:
    feeds = [
        OpmlFeed("https://a.example/rss", "Outlet A", "Title A"),
        OpmlFeed("https://b.example/rss", "", "Title B"),
        OpmlFeed("https://c.example/rss"),
    ]
    root = ET.fromstring(render_opml(feeds, NOW))
    assert (root.tag, root.get("version")) == ("opml", "2.0")
    assert root.findtext("head/dateCreated") == "Sun, 01 Jun 2025 12:00:00 GMT"
    outlines = root.findall("body/outline")
    assert [(o.get("type"), o.get("xmlUrl"), o.get("text")) for o in outlines] == [
        ("rss", "https://a.example/rss", "Outlet A"),
        ("rss", "https://b.example/rss", "Title B"),
        ("rss", "https://c.example/rss", "https://c.example/rss"),
    ]
    assert [o.get(f"{{{NAMESPACE}}}outlet") for o in outlines] == ["Outlet A", "", ""]


def test_file_from_another_reader_gives_nested_feeds_with_their_text_as_outlet() -> None:
    data = opml(
        '<outline text="Football">',
        '<outline type="rss" text="BBC Sport" title="BBC Sport - Football" xmlUrl="https://bbc.example/rss"/>',
        '<outline text="Spain"><outline type="rss" title="Marca" xmlurl=" https://marca.example/rss "/></outline>',
        '<outline type="link" text="Not a feed" url="https://example.org/"/>',
        "</outline>",
        '<outline type="rss" text="https://bare.example/rss" xmlUrl="https://bare.example/rss"/>',
    )
    assert parse_opml(data) == [
        OpmlFeed("https://bbc.example/rss", "BBC Sport", "BBC Sport - Football"),
        OpmlFeed("https://marca.example/rss", "Marca", "Marca"),
        OpmlFeed("https://bare.example/rss", "", ""),
    ]


def test_names_lose_control_and_bidi_characters_and_are_bounded() -> None:
    name = "Evil&#10;&#9;\x9b2J\u202eredro\x85\u200b " + "x" * 500
    [feed] = parse_opml(opml(f'<outline text="{name}" xmlUrl="https://x.example/rss"/>'))
    assert feed.outlet.startswith("Evil 2J redro x")
    assert feed.outlet.isprintable()
    assert len(feed.outlet) == 200


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (BILLION_LAUGHS, "DOCTYPE and ENTITY declarations are not allowed"),
        (EXTERNAL_ENTITY, "DOCTYPE and ENTITY declarations are not allowed"),
        (PLAIN_DOCTYPE, "DOCTYPE and ENTITY declarations are not allowed"),
        (
            BILLION_LAUGHS.decode().replace('"1.0"?>', '"1.0" encoding="UTF-16"?>').encode("utf-16"),
            "DOCTYPE and ENTITY declarations are not allowed",
        ),
        (b"", "not valid XML"),
        (b"this is not XML", "not valid XML"),
        (b'{"feeds": ["https://x.example/rss"]}', "not valid XML"),
        (b"<opml><body><outline xmlUrl='https://x.example/rss'>", "not valid XML"),
        (b"<opml><body><outline text='&undefined;' xmlUrl='https://x.example/rss'/></body></opml>", "not valid XML"),
        (b"<rss version='2.0'><channel/></rss>", "not OPML: the root element is <rss>"),
        (b"<opml version='2.0'><head/></opml>", "not OPML: no <body>"),
        (oversize_but_valid(), "larger than 2 MB"),
    ],
    ids=[
        "billion-laughs",
        "external-entity",
        "doctype",
        "utf16-billion-laughs",
        "empty",
        "text",
        "json",
        "truncated",
        "undefined-entity",
        "rss-not-opml",
        "no-body",
        "oversize",
    ],
)
def test_hostile_or_broken_file_is_refused_with_a_one_line_reason(data: bytes, message: str) -> None:
    with pytest.raises(OPMLError) as caught:
        parse_opml(data)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_reading_stops_just_past_the_size_cap() -> None:
    class Endless(io.RawIOBase):
        served = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
            buffer[:] = b" " * len(buffer)
            self.served += len(buffer)
            return len(buffer)

    source = Endless()
    with pytest.raises(OPMLError, match="larger than 2 MB"):
        read_limited(io.BufferedReader(source))
    assert source.served <= MAX_OPML_BYTES + 1 + io.DEFAULT_BUFFER_SIZE


def test_more_feeds_than_the_limit_is_refused() -> None:
    outline = b'<outline xmlUrl="https://x.example/rss"/>'
    data = b"<opml><body>" + outline * (MAX_FEEDS + 1) + b"</body></opml>"
    with pytest.raises(OPMLError, match="more than 10,000 feeds"):
        parse_opml(data)
    assert len(parse_opml(b"<opml><body>" + outline * MAX_FEEDS + b"</body></opml>")) == MAX_FEEDS


# --- the command line -------------------------------------------------------------------------


async def feeds_in(db: Path) -> list[tuple[str, str]]:
    store = await SQLiteStore.open(f"sqlite:///{db}")
    try:
        return [(f.url, f.outlet) for f in await store.list_feeds()]
    finally:
        await store.close()


async def test_export_then_import_into_a_fresh_database_gives_the_same_feeds(tmp_path: Path) -> None:
    source, target = tmp_path / "source", tmp_path / "target"
    source.mkdir()
    target.mkdir()
    (source / "feeds.toml").write_text(
        '[[feed]]\nurl = "https://feeds.example.org/football/rss.xml"\noutlet = "BBC Sport"\n\n'
        '[[feed]]\nurl = "https://www.marca.example/rss/futbol.xml?lang=es&x=1"\noutlet = "Marca — España"\n\n'
        '[[feed]]\nurl = "https://blog.example.net/feed"\n'
    )
    exported = source / "feeds.opml"
    done = rumourbot(cli_env(source), "feeds", "export", str(exported))
    assert (done.returncode, done.stdout) == (0, f"exported 3 feeds to {exported}\n"), done.stderr
    to_stdout = rumourbot(cli_env(source), "feeds", "export")
    assert to_stdout.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0"')

    done = rumourbot(cli_env(target), "feeds", "import", str(exported))
    assert (done.returncode, done.stdout) == (0, "added 3 feeds, skipped 0\n"), done.stderr
    assert await feeds_in(target / "x.db") == await feeds_in(source / "x.db")
    assert len(await feeds_in(target / "x.db")) == 3

    again = rumourbot(cli_env(target), "feeds", "import", str(exported))
    assert again.stdout.splitlines()[0] == "added 0 feeds, skipped 3"
    assert again.stdout.count(": already in the feed list") == 3


async def test_import_adds_good_feeds_and_skips_javascript_private_and_duplicate_urls_saying_why(
    tmp_path: Path,
) -> None:
    file = tmp_path / "mixed.opml"
    file.write_bytes(
        opml(
            '<outline text="Good" xmlUrl="https://good.example/rss"/>',
            '<outline text="JS" xmlUrl="javascript:alert(1)"/>',
            '<outline text="Local" xmlUrl="http://127.0.0.1:8080/feed.xml"/>',
            '<outline text="Metadata" xmlUrl="http://169.254.169.254/latest/meta-data"/>',
            '<outline text="File" xmlUrl="file:///etc/passwd"/>',
            '<outline text="Escape" xmlUrl="https://x.example/\x9b2J"/>',
            '<outline text="Again" xmlUrl="https://good.example/rss"/>',
        )
    )
    done = rumourbot(cli_env(tmp_path), "feeds", "import", str(file))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "added 1 feed, skipped 6",
        "  skipped 'javascript:alert(1)': URL must start with http:// or https://",
        "  skipped 'http://127.0.0.1:8080/feed.xml': blocked address 127.0.0.1",
        "  skipped 'http://169.254.169.254/latest/meta-data': blocked address 169.254.169.254",
        "  skipped 'file:///etc/passwd': URL must start with http:// or https://",
        "  skipped 'https://x.example/\\x9b2J': URL contains control or invisible characters",
        "  skipped 'https://good.example/rss': already in the feed list",
    ]
    assert await feeds_in(tmp_path / "x.db") == [("https://good.example/rss", "Good")]


def test_import_takes_private_addresses_when_they_are_allowed(tmp_path: Path) -> None:
    file = tmp_path / "local.opml"
    file.write_bytes(opml('<outline text="Local" xmlUrl="http://127.0.0.1:8080/feed.xml"/>'))
    env = cli_env(tmp_path, feeds__allow_private_addresses="true")
    assert rumourbot(env, "feeds", "import", str(file)).stdout == "added 1 feed, skipped 0\n"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (BILLION_LAUGHS, "DOCTYPE and ENTITY declarations are not allowed"),
        (b"<html><body>not a feed list</body>", "not valid XML ("),
        (oversize_but_valid(), "larger than 2 MB"),
        (None, "cannot read"),
    ],
    ids=["billion-laughs", "not-xml", "oversize", "missing"],
)
async def test_import_of_a_broken_file_exits_2_with_one_line_and_adds_nothing(
    tmp_path: Path, content: bytes | None, reason: str
) -> None:
    file = tmp_path / "feeds.opml"
    if content is not None:
        file.write_bytes(content)
    env = cli_env(tmp_path, feeds__allow_private_addresses="true")
    done = rumourbot(env, "feeds", "import", str(file))
    assert (done.returncode, done.stdout) == (2, "")
    [line] = done.stderr.splitlines()
    expected = f"rumourbot: cannot read {file}: " if content is None else f"rumourbot: {file}: {reason}"
    assert line.startswith(expected)
    assert await feeds_in(tmp_path / "x.db") == []
