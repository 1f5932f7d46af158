"""One JSON chat completion from an OpenAI-compatible API, through the ``openai`` package.

Imported only when ``[llm] base_url`` is set (the package takes a while to import). Every failure
becomes :class:`ModelError` with a short message naming the problem — never the key, the prompt or
the answer. The client makes no retries of its own: each request is one call of the daily budget.
"""

from __future__ import annotations

import asyncio
import logging

import openai

from bot.llm.schema import SYSTEM_PROMPT, LLMError

# Without a key (a local server such as Ollama needs none) the client still sends a placeholder.
NO_KEY = "no-key"
# The openai package logs the whole request body (article text) at DEBUG; keep it at WARNING whatever
# [log] level says. httpx and httpcore log request lines and connection steps, never headers, and the
# platform adapters rely on httpx's request lines, so they are left alone.
_QUIET_LOGGERS = ("openai",)


class ModelError(LLMError):
    """A call that produced no usable text."""


class ChatClient:
    """Asks ``model`` at ``base_url`` for one JSON object per article."""

    def __init__(self, base_url: str, model: str, api_key: str | None, timeout_seconds: float) -> None:
        for name in _QUIET_LOGGERS:
            logger = logging.getLogger(name)
            logger.setLevel(max(logger.getEffectiveLevel(), logging.WARNING))
        self.model = model
        self.timeout = timeout_seconds
        self._client = openai.AsyncOpenAI(
            base_url=base_url, api_key=api_key or NO_KEY, timeout=timeout_seconds, max_retries=0
        )

    async def close(self) -> None:
        await self._client.close()

    async def complete(self, message: str) -> str:
        """The model's text for one article message; ModelError when there is none."""
        try:
            # The client's own timeout covers each phase; this one bounds the whole exchange.
            async with asyncio.timeout(self.timeout + 1):
                response = await self._client.chat.completions.create(
                    model=self.model,
                    messages=[
                        {"role": "system", "content": SYSTEM_PROMPT},
                        {"role": "user", "content": message},
                    ],
                    response_format={"type": "json_object"},
                    temperature=0,
                )
        except (openai.APITimeoutError, TimeoutError):
            raise ModelError(f"no answer within {self.timeout:g} s") from None
        except openai.APIConnectionError as exc:
            cause = exc.__cause__
            raise ModelError(f"cannot connect ({type(cause).__name__ if cause else 'connection error'})") from None
        except openai.APIStatusError as exc:
            raise ModelError(f"HTTP {exc.status_code} from the model service") from None
        except openai.OpenAIError as exc:  # malformed responses and the like
            raise ModelError(f"unusable response ({type(exc).__name__})") from None
        except ValueError:  # a body that is not JSON at all (a proxy's error page, say)
            raise ModelError("the service's response is not JSON") from None
        choices = getattr(response, "choices", None) or []
        if not choices:
            raise ModelError("response has no choices")
        content = choices[0].message.content if choices[0].message else None
        if not content:
            raise ModelError("response has no content")
        return str(content)
