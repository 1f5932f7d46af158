"""The language-model analysis port: the built-in analysis, improved by a model where it can be.

For each batch the built-in analyser runs first (in a thread). Only the stories it takes for
manager rumours go to the model — each at most once: answers are cached in the store by article,
and every call made (failed ones too) counts against ``[llm] daily_budget``. Any problem — no
connection, an HTTP error, a time-out, an answer that is not JSON or not of the schema, an answer
whose claims do not check out, the budget spent, even the store failing — logs one line naming it
and leaves that story with its built-in analysis. A story is never lost to the model.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol

from bot.analysis.gazetteer import Gazetteer
from bot.domain import Analysis, Article, utcnow
from bot.llm.merge import merge
from bot.llm.port import AnalysisPort
from bot.llm.schema import Answer, LLMError, article_text, cache_key, parse_answer

log = logging.getLogger(__name__)

CONCURRENCY = 4  # model requests in flight at once per batch


class CallLog(Protocol):
    """The part of the store this port needs (``bot.store.sql.SQLStore`` provides it)."""

    async def llm_cached(self, article_key: str) -> str | None: ...
    async def llm_reserve(self, article_key: str, now: datetime, daily_budget: int) -> int | None: ...
    async def llm_finish(self, call_id: int, *, response: str = "", error: str = "") -> None: ...


class Model(Protocol):
    """What is asked of the model client (``bot.llm.client.ChatClient``)."""

    model: str

    async def complete(self, message: str) -> str: ...


class BudgetSpent(Exception):
    """Today's calls are used up."""


class LLMAnalysis:
    """An AnalysisPort that asks ``model`` about the built-in analyser's manager rumours."""

    def __init__(
        self,
        builtin: AnalysisPort,
        model: Model,
        calls: CallLog,
        gazetteer: Gazetteer,
        *,
        daily_budget: int,
        max_input_chars: int,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.builtin = builtin
        self.model = model
        self.calls = calls
        self.gazetteer = gazetteer
        self.daily_budget = daily_budget
        self.max_input_chars = max_input_chars
        self.clock = clock
        self._budget_logged_on: str = ""
        self._gate = asyncio.Semaphore(CONCURRENCY)
        self._asking: dict[str, asyncio.Lock] = {}  # article key → held while its call is made

    async def analyse_many(self, articles: Sequence[Article]) -> list[Analysis]:
        analyses = await self.builtin.analyse_many(articles)
        asks = [i for i, a in enumerate(analyses) if a.is_manager_rumour]
        if asks:
            better = await asyncio.gather(*(self._improve(articles[i], analyses[i]) for i in asks))
            for index, analysis in zip(asks, better, strict=True):
                analyses[index] = analysis
        return analyses

    async def _improve(self, article: Article, builtin: Analysis) -> Analysis:
        """The merged analysis, or ``builtin`` (after one log line) when anything goes wrong."""
        where = article.url or article.title[:80]
        try:
            async with self._gate:
                answer = await self._answer(article)
            return merge(builtin, answer, article, self.gazetteer)
        except BudgetSpent:
            day = self.clock().date().isoformat()
            if self._budget_logged_on != day:
                self._budget_logged_on = day
                log.warning(
                    "language model: daily budget of %d call(s) spent for %s (UTC); built-in analysis until then",
                    self.daily_budget,
                    day,
                )
        except LLMError as exc:
            log.warning("language model: %s, for %s; using the built-in analysis", exc, where)
        except Exception as exc:  # any failure of model or store: the story keeps its built-in analysis
            log.warning("language model: %s, for %s; using the built-in analysis", _describe(exc), where)
        return builtin

    async def _answer(self, article: Article) -> Answer:
        message = article_text(article, self.max_input_chars)
        key = cache_key(self.model.model, message)
        # The same article from two feeds in one cycle: the second waits and reads the first's answer.
        lock = self._asking.setdefault(key, asyncio.Lock())
        try:
            async with lock:
                return await self._cached_or_asked(key, message)
        finally:
            if not lock.locked() and self._asking.get(key) is lock:
                del self._asking[key]

    async def _cached_or_asked(self, key: str, message: str) -> Answer:
        cached = await self.calls.llm_cached(key)
        if cached is not None:
            return Answer.model_validate_json(cached)
        call_id = await self.calls.llm_reserve(key, self.clock(), self.daily_budget)
        if call_id is None:
            raise BudgetSpent
        try:
            answer = parse_answer(await self.model.complete(message))
        except Exception as exc:
            await self.calls.llm_finish(call_id, error=_describe(exc))
            raise
        await self.calls.llm_finish(call_id, response=answer.model_dump_json())
        return answer


def _describe(exc: BaseException) -> str:
    """A one-line reason: our own errors carry a message written for the log; others give their type."""
    text = str(exc)
    if isinstance(exc, LLMError):
        return text
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__
