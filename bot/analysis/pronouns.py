"""Whether a sentence's pronouns can point at a person: "she" and "her" at a woman, "he" and "his" at a
man. The knowledge base marks its women coaches; a person it does not know may be either."""

from __future__ import annotations

import re

from bot.analysis.gazetteer import Gazetteer
from bot.analysis.text import Sentence

_SHE = re.compile(r"\b(?:she|her|hers|herself)\b")
_HE = re.compile(r"\b(?:he|his|him|himself)\b")


def pronouns_fit(folded: str, sentence: Sentence, name: str, gazetteer: Gazetteer | None) -> bool:
    """ "Chelsea announced her departure" cannot be about Laurent Bonadei, named in the sentence before;
    a sentence with both kinds of pronoun, or with none, can be about anyone."""
    manager = gazetteer.managers.get(name) if gazetteer is not None else None
    if manager is None:
        return True
    she = _SHE.search(folded, sentence.start, sentence.end) is not None
    he = _HE.search(folded, sentence.start, sentence.end) is not None
    if she == he:
        return True
    return she == manager.woman
