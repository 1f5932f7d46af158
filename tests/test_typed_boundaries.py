"""No string literal stands for an event kind, a delivery mode, an entry decision, a follow-target kind
or a platform outside their enums in bot/domain.py.

The check reads the code: a literal spelled like one of those values, compared with (or passed as) a
field or variable that holds one — ``kind``, ``event_kind``, ``mode``, ``decision``, ``target_kind``,
``platform`` — or given as a ChatRef's platform. Literals that mean something else (a settings key
called "stage", a role called "all", an XML tag "source") are not compared with such names.
"""

from __future__ import annotations

import ast
from pathlib import Path

from bot.domain import DeliveryMode, EntryDecision, EventKind, Platform, TargetKind

BOT = Path(__file__).resolve().parent.parent / "bot"
VALUES = {str(m.value) for enum in (EventKind, DeliveryMode, EntryDecision, TargetKind, Platform) for m in enum}
TYPED_NAMES = {"kind", "event_kind", "mode", "decision", "target_kind", "platform"}


def _literals(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if node.value in VALUES else []
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return [v for element in node.elts for v in _literals(element)]
    return []


def _typed(node: ast.AST) -> bool:
    name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""
    return name in TYPED_NAMES


def offences(source: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(_typed(side) for side in sides):
                found += [(node.lineno, v) for side in sides for v in _literals(side)]
        elif isinstance(node, ast.keyword) and node.arg in TYPED_NAMES:
            found += [(node.value.lineno, v) for v in _literals(node.value)]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute):
            callee = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
            if callee == "ChatRef" and node.args:
                found += [(node.lineno, v) for v in _literals(node.args[0])]
    return found


def test_the_check_finds_literals_that_stand_for_an_enum_value() -> None:
    source = (
        'if delivery.event_kind == "created": pass\n'
        'if prefs.mode != "instant": pass\n'
        'if kind in ("manager", "club"): pass\n'
        'x = ChatRef("telegram", "1")\n'
        'y = ChatPrefs(mode="daily")\n'
        'if key == "stage": pass\n'  # a settings key, not an event kind
    )
    assert offences(source) == [
        (1, "created"),
        (2, "instant"),
        (3, "manager"),
        (3, "club"),
        (4, "telegram"),
        (5, "daily"),
    ]


def test_no_literal_stands_for_an_event_kind_mode_decision_target_kind_or_platform() -> None:
    found = [
        f"{path.relative_to(BOT.parent)}:{line}: {value!r}"
        for path in sorted(BOT.rglob("*.py"))
        if path.name != "domain.py"
        for line, value in offences(path.read_text(encoding="utf-8"))
    ]
    assert found == []
