"""The analysis port the ingest uses: articles in, one Analysis per article out, in order."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Protocol

from bot.analysis.analyser import Analyser
from bot.domain import Analysis, Article


class AnalysisPort(Protocol):
    async def analyse_many(self, articles: Sequence[Article]) -> list[Analysis]:
        """One Analysis per article, in the same order; never raises on an article's text."""
        ...


class BuiltinAnalysis:
    """The rule-based analyser, run in a worker thread so the event loop keeps serving."""

    def __init__(self, analyser: Analyser) -> None:
        self.analyser = analyser

    async def analyse_many(self, articles: Sequence[Article]) -> list[Analysis]:
        batch = list(articles)
        return await asyncio.to_thread(lambda: [self.analyser.analyse(a) for a in batch])
