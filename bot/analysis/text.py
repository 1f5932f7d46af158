"""Text helpers for the analyser: length-preserving folding, sentences, HTML to plain text."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from bot.analysis.quick_init import quick_init

_APOSTROPHES = {
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
}


_TABLE_END = "\u2500"  # the fold table covers the characters below this one


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """Map each BMP letter to its lower-case, accent-free form when that is one character."""
    table: dict[int, str] = {}
    for code in range(0x80, ord(_TABLE_END)):
        char = chr(code)
        lowered = char.lower()
        if len(lowered) != 1:
            continue
        decomposed = unicodedata.normalize("NFKD", lowered)
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        folded = base if len(base) == 1 else lowered
        folded = _APOSTROPHES.get(folded, folded)
        if folded != char:
            table[code] = folded
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code + 32)
    # Letters without a decomposition that fans type without the accent.
    for src, dst in {"ø": "o", "Ø": "o", "ß": "s", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ı": "i", "İ": "i"}.items():
        table[ord(src)] = dst
    # A letter whose folded form the table folds again ("ẞ" -> "ß" -> "s") goes to the end at once, as
    # lower-casing first and then folding does.
    for code, first in table.items():
        last = first
        while len(last) == 1 and table.get(ord(last), last) != last:
            last = table[ord(last)]
        table[code] = last
    return table


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_ASCII_BYTES = bytes(range(128))


def _non_ascii(text: str) -> str:
    """The characters of ``text`` that are not ASCII, in order: its UTF-8 without the ASCII bytes
    (C loops over the bytes, where ``max`` or a regular expression steps character by character)."""
    return text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")


def fold(text: str) -> str:
    """Lower-case and strip accents without changing the length, so offsets stay valid.

    Most text is ASCII with a few accented letters and curly quotes: lower-case it in one C call and
    replace each of the few other characters it holds. Text with characters the table does not cover,
    or whose lower case is longer (İ), takes the exact, slower path."""
    if text.isascii():
        return text.lower()
    table = _fold_table()
    if max(_non_ascii(text)) >= _TABLE_END:
        return text.translate(table)
    low = text.lower()
    if len(low) != len(text):
        return text.translate(table)
    for char in set(_non_ascii(low)):
        folded = table.get(ord(char))
        if folded is None:
            continue
        if not folded.isascii() and ord(folded) in table:
            # (a replacement that the table would change again: no table does that today, but one
            # character at a time would then differ from one pass over each run)
            return _NON_ASCII.sub(lambda run: run.group().translate(table), low)
        low = low.replace(char, folded)
    return low


def fold_key(text: str) -> str:
    """A comparison key for names: folded, whitespace collapsed."""
    return " ".join(fold(text).split())


_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]{0,2000}>", re.S | re.I)
_BLOCK = re.compile(r"</?(p|div|br|li|h[1-6]|blockquote|tr)\b[^>]*>", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")


def _line_edge_space(text: str) -> bool:
    """Whether a line of ``text`` begins or ends with a space other than a newline (what
    ``[^\\S\\n]\\n|\\n[^\\S\\n]`` finds): a look at each newline's neighbours, not a scan of every
    character."""
    newline = text.find("\n")
    while newline >= 0:
        before, after = text[newline - 1 : newline], text[newline + 1 : newline + 2]
        if (before != "\n" and before.isspace()) or (after != "\n" and after.isspace()):
            return True
        newline = text.find("\n", newline + 1)
    return False


def clean_text(text: str) -> str:
    """Plain text from feed text that may hold HTML, entities, control or bidi characters."""
    if "<" in text:
        text = _BLOCK.sub("\n", text)
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    if "\t" in text or "\u00a0" in text or "  " in text:  # uneven spaces
        text = _SPACES.sub(" ", text)
    if _line_edge_space(text):
        text = "\n".join(line.strip() for line in text.split("\n"))
    if "\n\n\n" in text:
        text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip()


@quick_init
@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int


# A sentence break: right after a stop, at ";" or at newlines. Written from the stop on (a break after
# one is found with it), so that ``re`` skips to those few characters instead of trying every position;
# :func:`_breaks` gives the breaks themselves. The tests hold the pattern as first written.
_STOPS = ".!?…"
_BREAK = re.compile(r"[.!?…;\n](?:(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9À-ÞĀ-Ž])|(?<=;)\s+|(?<=\n)\n*)")
_NUMBERED_CLUB = ("FC ", "FSV ")
_INITIAL = re.compile(r"(?:^|(?<=[\s.]))[A-Z]\.$")
_LIST_NUMBER = re.compile(r"\s*\d{1,2}\.")
_LONE_DIGIT = re.compile(r"(?:^|(?<=\s))\d\.$")
_ABBREVIATIONS = ("mr.", "mrs.", "dr.", "st.", "vs.", "v.", "no.", "jr.", "sr.", "u.s.", "fc.")


def _abbreviated(before: str) -> bool:
    """The text before a full stop ends with an abbreviation written as a word of its own ("Mr.",
    "St."), not with a word that happens to end the same way ("shortlist.", "Kyiv.", "first.")."""
    if not before.endswith(_ABBREVIATIONS):  # (most sentences: one C call for all of them)
        return False
    for abbreviation in _ABBREVIATIONS:
        if before.endswith(abbreviation):
            cut = len(before) - len(abbreviation)
            return cut == 0 or not before[cut - 1].isalpha()
    return False


def _breaks(text: str) -> Iterator[tuple[int, int]]:
    """Where each sentence break begins and ends, in order."""
    for match in _BREAK.finditer(text):
        found, end = match.span()
        yield (found + 1 if text[found] in _STOPS else found), end


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with character spans; newlines always end a sentence (titles, paragraphs)."""
    sentences: list[Sentence] = []
    start = 0
    paragraph = 0
    for cut, end in _breaks(text):
        newline = "\n" in text[cut:end]
        if not newline and _abbreviated(text[max(start, cut - 6) : cut].lower()):
            continue
        if not newline and _INITIAL.search(text, max(start, cut - 3), cut):
            continue  # "Real Madrid C. F. announces", "J. Smith": an initial, not a sentence's end
        if not newline and text.startswith(_NUMBERED_CLUB, end) and _LONE_DIGIT.search(text, max(start, cut - 3), cut):
            continue  # "1. FC Heidenheim", "1. FSV Mainz 05": a club's name, not a sentence's end
        if not newline and _LIST_NUMBER.fullmatch(text, start, cut):
            continue  # "1. Thomas Frank (Tottenham Hotspur)": a list's number, not a sentence
        if text[start:cut].strip():
            sentences.append(Sentence(len(sentences), start, cut, paragraph))
        if newline:
            paragraph += 1
        start = end
    if text[start:].strip():
        sentences.append(Sentence(len(sentences), start, len(text), paragraph))
    return sentences
