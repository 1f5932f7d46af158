"""A regular expression's top-level alternatives, read from its source."""

from __future__ import annotations


def top_level_alternatives(pattern: str) -> list[str]:
    """``pattern``'s alternatives outside any group or set ("a|(b|c)" → "a", "(b|c)"); joined with "|"
    they are ``pattern`` again."""
    parts, depth, start, index, in_set = [], 0, 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 1  # (the escaped character is no syntax)
        elif in_set:
            in_set = char != "]"
        elif char == "[":
            in_set = True
            index += pattern.startswith("^", index + 1)
            index += pattern.startswith("]", index + 1)  # ("[]…]", "[^]…]": a first "]" is a member)
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and not depth:
            parts.append(pattern[start:index])
            start = index + 1
        index += 1
    return [*parts, pattern[start:]]
