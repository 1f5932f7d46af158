"""What the model is asked for and how its answer is checked: the analyser's JSON shape, strictly.

The prompt asks for one JSON object with the fields of ``rumourbot analyse --json`` that a model can
fill from the text (``is_manager_rumour``, ``summary``, ``rumours``); sources and tiers stay with the
built-in analyser, because they are configuration. :func:`parse_answer` turns the model's text into
an :class:`Answer` or raises :class:`AnswerError` naming what is wrong.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.domain import Article, Factuality, Relation

PROMPT_VERSION = "2"  # part of the cache key: a new prompt never reuses answers to the old one
MAX_SUMMARY = 300
MAX_CLAIMS = 8

_RELATIONS = ", ".join(r.value for r in Relation)
_FACTUALITIES = ", ".join(f.value for f in Factuality)

SYSTEM_PROMPT = f"""You read football news and extract what a story says about managers and head coaches \
and their jobs. Player transfers are not manager stories.
Answer with exactly one JSON object and nothing else, with these keys:
{{
  "is_manager_rumour": true or false,
  "summary": "one or two neutral sentences (at most {MAX_SUMMARY} characters) naming the manager, the club, \
the stage and who reported it; empty when not a manager story",
  "rumours": [
    {{"manager": "full name as written", "club": "club name as written", "relation": "one of: {_RELATIONS}", \
"factuality": "one of: {_FACTUALITIES}", "confidence": 0.0 to 1.0, \
"evidence": "the sentence of the article it rests on"}}
  ]
}}
factuality says how the article holds the claim: done (reported as happened), expected ("set to"), \
possible ("could", "if"), question, denied ("no plans to"), reported (the manager's own words), \
past (an earlier chapter of his career: leave it out). The summary must keep the article's hedge: \
never say "has been sacked" or "has been appointed" unless the article reports it as done.
Use only facts stated in the article. Name only managers and clubs the article names. \
If the article is not about a manager's or head coach's job, answer \
{{"is_manager_rumour": false, "summary": "", "rumours": []}}."""


class LLMError(Exception):
    """The model gave nothing usable for one article; the message is one log-ready reason that never
    holds the key, the article text or the answer."""


class AnswerError(LLMError):
    """The model's answer cannot be used."""


class Claim(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    manager: str = Field(min_length=1, max_length=200)
    club: str = Field(min_length=1, max_length=200)
    relation: Relation
    # How the article holds the claim. A definite event is never taken from the model alone (merge.py),
    # so a model that does not say is read as reporting the claim as done.
    factuality: Factuality = Factuality.DONE
    confidence: float = Field(0.5, ge=0, le=1)
    evidence: str = Field("", max_length=2000)


class Answer(BaseModel):
    """The model's answer, validated. Extra keys (``managers``, ``clubs``, ``sources``) are ignored."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    is_manager_rumour: bool
    summary: str = Field("", max_length=2 * MAX_SUMMARY)
    rumours: tuple[Claim, ...] = Field((), max_length=MAX_CLAIMS)

    @field_validator("summary")
    @classmethod
    def _one_line(cls, value: str) -> str:
        text = " ".join(value.split())
        return text if len(text) <= MAX_SUMMARY else text[: MAX_SUMMARY - 1].rstrip() + "…"


def article_text(article: Article, max_chars: int) -> str:
    """The user message: title and text, cut to ``max_chars``."""
    body = " ".join(article.text.split())
    title = " ".join(article.title.split())
    if body.startswith(title):
        body = body[len(title) :].lstrip()
    return f"Title: {title}\n\nArticle:\n{body}"[:max_chars]


def cache_key(model: str, message: str) -> str:
    """The article's key in the call log: the model, the prompt version and exactly what was sent."""
    digest = hashlib.sha256()
    for part in (model, PROMPT_VERSION, SYSTEM_PROMPT, message):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def parse_answer(content: str) -> Answer:
    """The model's text as an Answer; AnswerError when it is not one JSON object of the right shape."""
    text = content.strip()
    if text.startswith("```"):  # some local models fence JSON even in JSON mode
        text = text.strip("`").removeprefix("json").strip()
    if not text:
        raise AnswerError("empty answer")
    try:
        data: Any = json.loads(text)
    except ValueError:
        raise AnswerError("answer is not JSON") from None
    if not isinstance(data, dict):
        raise AnswerError(f"answer is JSON but not an object (a {type(data).__name__})")
    try:
        return Answer.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "answer"
        raise AnswerError(
            f"answer does not match the schema ({exc.error_count()} problem(s); first: {where}: {first['msg']})"
        ) from None
