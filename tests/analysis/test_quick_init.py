"""A quick ``__init__`` builds the very values the dataclass's own ``__init__`` builds."""

from __future__ import annotations

import dataclasses
import inspect
from typing import Any

import pytest

import bot.analysis.analyser  # noqa: F401  # defines every value class of the analysis
from bot.analysis.quick_init import GENERATED, quick_init


def _built_by_dataclass(cls: type[Any], *args: Any, **kwargs: Any) -> Any:
    value = object.__new__(cls)
    GENERATED[cls](value, *args, **kwargs)
    return value


def _fields(value: Any) -> tuple[Any, ...]:
    return tuple(getattr(value, f.name) for f in dataclasses.fields(value))


def test_the_analysis_values_have_quick_inits() -> None:
    assert {cls.__name__ for cls in GENERATED} >= {"Mention", "Sentence", "ClubRef", "PersonRef", "Clause", "Cue"}


@pytest.mark.parametrize("cls", list(GENERATED), ids=lambda cls: cls.__name__)
def test_a_quick_init_takes_the_same_parameters_and_builds_the_same_value(cls: type[Any]) -> None:
    quick, generated = inspect.signature(cls.__init__), inspect.signature(GENERATED[cls])
    assert [(p.name, p.kind, p.default) for p in quick.parameters.values()] == [
        (p.name, p.kind, p.default) for p in generated.parameters.values()
    ]
    fields = dataclasses.fields(cls)
    values = [f"value of {f.name}" for f in fields]
    required = [f"value of {f.name}" for f in fields if f.default is dataclasses.MISSING]
    for args, kwargs in (
        (values, {}),
        ([], {f.name: v for f, v in zip(fields, values, strict=True)}),
        (required, {}),  # (the defaults)
    ):
        quick_value, plain_value = cls(*args, **kwargs), _built_by_dataclass(cls, *args, **kwargs)
        assert _fields(quick_value) == _fields(plain_value)
        assert quick_value == plain_value
        assert hash(quick_value) == hash(plain_value)
        assert repr(quick_value) == repr(plain_value)
    with pytest.raises(TypeError):
        cls(*values, "one too many")
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(cls(*values), fields[0].name, "changed")


def test_a_quick_init_is_only_for_frozen_slotted_dataclasses_it_can_build() -> None:
    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        start: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Factory:
        items: list[int] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True, slots=True)
    class Hooked:
        start: int

        def __post_init__(self) -> None:
            pass

    for cls in (NoSlots, Factory, Hooked):
        with pytest.raises(TypeError):
            quick_init(cls)
