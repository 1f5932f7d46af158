"""The analysis's plain namespaces of enumeration members behave as the enumerations do."""

from __future__ import annotations

from enum import Enum, StrEnum
from typing import Any

import pytest

from bot import domain
from bot.analysis import clauses, gazetteer, members

PAIRS: list[tuple[Any, type[Enum]]] = [
    (members.Relation, domain.Relation),
    (members.Factuality, domain.Factuality),
    # (the analysis's own, each read through its namespace under the enumeration's name)
    (clauses.Kind, type(clauses.Kind.MAIN)),
    (gazetteer.Kind, type(gazetteer.Kind.MANAGER)),
]


@pytest.mark.parametrize(("namespace", "enum"), PAIRS)
def test_a_namespace_holds_the_very_members_of_its_enumeration(namespace: Any, enum: type[Enum]) -> None:
    assert namespace is not enum
    for name, member in enum.__members__.items():
        assert getattr(namespace, name) is member
        assert namespace[name] is member
        assert namespace(member.value) is member
    assert list(namespace) == list(enum)
    assert len(namespace) == len(enum)
    assert repr(namespace) == repr(enum)


@pytest.mark.parametrize(("namespace", "enum"), PAIRS)
def test_a_namespace_answers_membership_and_instance_checks_as_its_enumeration(
    namespace: Any, enum: type[Enum]
) -> None:
    first = next(iter(enum))
    assert first in namespace
    assert isinstance(first, namespace)
    assert not isinstance(first.value, namespace)
    with pytest.raises(KeyError):
        namespace["NO_SUCH_MEMBER"]
    with pytest.raises(ValueError, match="no such value"):
        namespace("no such value")
    with pytest.raises(AttributeError):
        _ = namespace.NO_SUCH_MEMBER


def test_aliases_are_kept() -> None:
    class Colour(StrEnum):
        RED = "red"
        CRIMSON = "red"  # an alias of RED

    namespace = members.members(Colour)
    assert namespace.CRIMSON is Colour.RED
    assert list(namespace) == [Colour.RED]
