"""The built-in analyser behind the ingest's ``AnalysisPort`` (bot/pipeline/ports.py)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from bot.analysis.analyser import Analyser
from bot.domain import Analysis, Article
from bot.pipeline.ports import AnalysisPort

__all__ = ["AnalysisPort", "BuiltinAnalysis"]


class BuiltinAnalysis:
    """The rule-based analyser, run in a worker thread so the event loop keeps serving."""

    def __init__(self, analyser: Analyser) -> None:
        self.analyser = analyser

    async def analyse_many(self, articles: Sequence[Article]) -> list[Analysis]:
        batch = list(articles)
        return await asyncio.to_thread(lambda: [self.analyser.analyse(a) for a in batch])
