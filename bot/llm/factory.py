"""Builds the analysis port from the settings: the built-in one, or the language-model one when
``[llm] base_url`` is set (only then is the model client, and the ``openai`` package, imported)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from urllib.parse import urlsplit

from bot.analysis.analyser import Analyser
from bot.analysis.gazetteer import Gazetteer
from bot.config import Config
from bot.llm.analysis import CallLog
from bot.llm.port import AnalysisPort, BuiltinAnalysis

log = logging.getLogger(__name__)


@contextlib.asynccontextmanager
async def open_analysis(
    config: Config, analyser: Analyser, gazetteer: Gazetteer, calls: CallLog
) -> AsyncIterator[AnalysisPort]:
    builtin = BuiltinAnalysis(analyser)
    settings = config.settings.llm
    if not settings.base_url:
        yield builtin
        return
    from bot.llm.analysis import LLMAnalysis  # noqa: PLC0415
    from bot.llm.client import ChatClient  # noqa: PLC0415 - the openai package loads only when [llm] is on

    key = config.secrets.llm_api_key
    client = ChatClient(
        settings.base_url, settings.model, key.get_secret_value() if key else None, settings.timeout_seconds
    )
    log.info(
        "language model on: %s at %s (%d call(s) a day%s)",
        settings.model,
        _without_credentials(settings.base_url),
        settings.daily_budget,
        "" if key else ", no API key set",
    )
    try:
        yield LLMAnalysis(
            builtin,
            client,
            calls,
            gazetteer,
            daily_budget=settings.daily_budget,
            max_input_chars=settings.max_input_chars,
        )
    finally:
        await client.close()


def _without_credentials(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or ""
    return f"{parts.scheme}://{host}{f':{parts.port}' if parts.port else ''}{parts.path}"
