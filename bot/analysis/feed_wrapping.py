"""What a feed wraps around a story, taken off before the story is read.

Feeds put section kickers ("Exclusive:", "LIVE:") and their own name (" | Sky Sports") on a headline,
a byline over the text, and captions, "Related:" links, "Continue reading…" and WordPress's "The post …
appeared first on …" in it; tabloids set headlines in capitals. None of it is the story's own words: a
kicker hides how a headline begins, a byline's "Chief Football Writer" reads as football, a repeated
headline reads as the body's own sentence. A headline in capitals is recased from the story's own
spelling of its words, so names stand out from the words around them as they do in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.analysis.gazetteer import Gazetteer, Kind
from bot.analysis.text import fold

_KICKER_WORDS = (
    r"exclusive|breaking(?: news)?|live|latest|update|updated|opinion|analysis|comment|column|feature|"
    r"interview|explainer|explained|gossip|transfer gossip|transfer news|football news|news|watch|video|"
    r"podcast|in pictures|revealed|just in"
)
# "Exclusive: …", "LIVE | …", "Transfer news – …": one or more section names before the headline
_KICKER = re.compile(rf"(?:(?:{_KICKER_WORDS})\s*(?::|\||\s[-–—])\s*)+", re.IGNORECASE)
# " | Sky Sports", " - BBC Sport": an outlet's name after the headline
_SUFFIX = re.compile(r"\s+(?:\||[-–—])\s+([^|\n]{2,40}?)\s*$")
# "By Sam Wallace, Chief Football Writer": a byline line over the text
_NAME = r"[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){0,3}"
_BYLINE = re.compile(
    rf"By[ \t]+(?P<first>{_NAME})(?:[ \t]+and[ \t]+(?P<second>{_NAME}))?(?:[ \t]*[,|][ \t]*[^\n.!?]{{0,60}})?[ \t]*\n"
)
# Lines that are a feed's or a page's furniture, not the story
_FURNITURE_WORDS = (
    r"related(?: stories| articles| links| content)?|read more|more on this story|more stories|also read|see also|"
    r"recommended|most read|you may also like|photograph|photo|picture|image|pictured"
)
# (written from the newline that opens such a line, so that ``re`` skips to newlines by itself; the
# text's first line is given one)
_FURNITURE_START = re.compile(rf"\n[ \t]*(?:{_FURNITURE_WORDS})s?[ \t]*(?::|\n|$)", re.IGNORECASE)
# "Related: Frank sacked by Tottenham", or "Related:" alone over a list of links
_FURNITURE_LINE = re.compile(
    rf"[ \t]*(?:{_FURNITURE_WORDS})s?[ \t]*(?P<colon>:)?[ \t]*(?P<rest>[^\n]{{0,300}})", re.IGNORECASE
)
_BULLET = re.compile(r"[ \t]*(?:[•·▪►▶*-]|\d{1,2}[.)])[ \t]")
_WORDPRESS = re.compile(r"\s*The post [^\n]{1,300}? appeared first on [^\n]{1,80}?\.?[ \t]*(?=\n|$)")
_CAPTION = re.compile(r"\((?:image|photo|picture|photograph)s?:[^()\n]{1,80}\)", re.IGNORECASE)
_SPACES = re.compile(r"[ \t]{2,}")
_CUT_WORDS = ("continue reading", "read more", "read the full", "read full", "click here", "…]", "...]", "…)", "...)")
# "… Continue reading…", "… [...] Read more": where a feed cuts the text off
_CUT = re.compile(
    r"(?:\s*(?:\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\)))?"
    r"\s*(?:continue reading|read more|read the full (?:story|article)|read full (?:story|article)|"
    r"click here (?:to|for) [^\n]{0,60})\s*(?:…|\.{2,3}|\.|»|›|>)?\s*$"
    r"|\s*(?:\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\))\s*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_REPEAT_ENDS = frozenset(".:;|-–—\n")
_OPENERS = frozenset(".!?:;\n\"'“‘([—–-")


@dataclass(frozen=True, slots=True)
class Unwrapped:
    title: str
    body: str
    byline: tuple[str, ...] = ()  # the names a byline gave ("By Matt Law" → ("Matt Law",))


def unwrap(title: str, body: str, outlet: str, gazetteer: Gazetteer) -> Unwrapped:
    """The headline and text without what the feed wrapped around them, and the byline's names."""
    title = _headline(title, outlet, gazetteer)
    byline: tuple[str, ...] = ()
    if body.startswith("By "):
        found = _BYLINE.match(body)
        if found:
            byline = tuple(n for n in (found.group("first"), found.group("second")) if n)
            body = body[found.end() :].lstrip()
    if body:
        body = _text(body)
        body = _without_repeated_headline(title, body)
    if _in_capitals(title):
        title = _recased(title, body, gazetteer)
    return Unwrapped(title, body, byline)


def _headline(title: str, outlet: str, gazetteer: Gazetteer) -> str:
    kicker = _KICKER.match(title)
    if kicker and kicker.end() < len(title):
        title = title[kicker.end() :]
    suffix = _SUFFIX.search(title)
    if suffix and suffix.start() > 0 and _is_outlet(suffix.group(1), outlet, gazetteer):
        title = title[: suffix.start()]
    return title


def _is_outlet(name: str, outlet: str, gazetteer: Gazetteer) -> bool:
    key = fold(name).strip()
    if outlet and key == fold(outlet).strip():
        return True
    source = gazetteer.source_by_key(name)
    return source is not None and source.kind == "outlet"


def _text(body: str) -> str:
    if _FURNITURE_START.search("\n" + body):
        body = _without_furniture(body)
    if "appeared first on" in body:
        body = _WORDPRESS.sub("", body)
    if "(" in body:
        body, captions = _CAPTION.subn("", body)
        body = _SPACES.sub(" ", body) if captions else body
    tail = max(0, len(body) - 160)  # (a feed's cut ends the text)
    if any(word in body[tail:].lower() for word in _CUT_WORDS):
        cut = _CUT.search(body, tail)
        if cut and cut.start() > 0:
            body = body[: cut.start()]
    return body.strip()


def _without_furniture(body: str) -> str:
    """The text without a page's furniture lines ("Related: …", "Photograph: …") and the list of links a
    heading alone ("Related:", "More on this story") stands over."""
    kept: list[str] = []
    listing = False
    for line in body.split("\n"):
        furniture = _FURNITURE_LINE.fullmatch(line)
        if furniture and (furniture.group("colon") or not furniture.group("rest")):
            listing = not furniture.group("rest")
            continue
        if listing and (not line.strip() or _BULLET.match(line)):
            continue
        listing = False
        kept.append(line)
    return "\n".join(kept)


def _without_repeated_headline(title: str, body: str) -> str:
    """A text that begins with the headline again ("Title. Text", "Title\n\nText") begins after it; one
    whose first sentence only begins with the headline's words ("Title by …") is left whole."""
    if not title or not body.startswith(title):
        return body
    rest = body[len(title) :]
    if rest.strip() and rest.lstrip(" \t")[:1] not in _REPEAT_ENDS:
        return body
    return rest.lstrip(" \t.:;|-–—\n")


def _in_capitals(title: str) -> bool:
    """A headline, or a run of at least two of its words, set in capitals ("AXE LOOMS: …")."""
    run = 0
    for word in _WORD.findall(title):
        if len(word) > 1 and word.isupper():
            run += 1
            if run >= 2:
                return True
        else:
            run = 0
    return False


def _recased(title: str, body: str, gazetteer: Gazetteer) -> str:
    """Each word in capitals as the text spells it, a name the knowledge base knows in title case,
    any other word in lower case; the headline's first letter a capital."""
    spelt = _spellings(body)
    named = [(m.start, m.end) for m in gazetteer.find(title) if m.kind in (Kind.MANAGER, Kind.CLUB, Kind.AMBIGUOUS)]
    words = list(_WORD.finditer(title))
    out: list[str] = []
    last = 0
    for index, match in enumerate(words):
        word = match.group(0)
        out.append(title[last : match.start()])
        last = match.end()
        if not (len(word) > 1 and word.isupper()):
            out.append(word)
            continue
        after = words[index + 1].group(0).lower() if index + 1 < len(words) else ""
        forms = spelt.get(word.lower(), {})
        form = forms.get("") or forms.get(after)
        if form:
            out.append(form)
        elif any(start <= match.start() < end for start, end in named):
            out.append(word[0] + word[1:].lower())
        else:
            out.append(word.lower())
    out.append(title[last:])
    recased = "".join(out)
    first = next((i for i, char in enumerate(recased) if char.isalpha()), None)
    if first is None:
        return recased
    return recased[:first] + recased[first].upper() + recased[first + 1 :]


def _spellings(body: str) -> dict[str, dict[str, str]]:
    """How the text spells its capitalised words: word → {the capitalised word after it, or "" when none
    follows → the spelling}. A capital that only opens a sentence or a quote says nothing of the word,
    and one inside a longer name ("Women's Super League") holds only where the same word follows."""
    spelt: dict[str, dict[str, str]] = {}
    found = list(_WORD.finditer(body))
    for index, match in enumerate(found):
        word = match.group(0)
        if not word[0].isupper():
            continue
        at = match.start() - 1
        while at >= 0 and body[at] in " \t":
            at -= 1
        if at < 0 or body[at] in _OPENERS:
            continue
        following = found[index + 1] if index + 1 < len(found) else None
        joined = following is not None and body[match.end() : following.start()] == " "
        after = following.group(0) if following is not None and joined else ""
        key = after.lower() if after[:1].isupper() else ""
        spelt.setdefault(word.lower(), {}).setdefault(key, word)
    return spelt
