"""A loopback OpenAI-compatible chat-completions server for the language-model tests (no internet).

    async with FakeLLM() as llm:
        llm.answer = {"is_manager_rumour": True, "summary": "…", "rumours": [...]}
        settings = LLMSettings(base_url=llm.base_url, model="fake-model")
        ...
        assert llm.requests[0].headers["Authorization"] == "Bearer the-key"

``mode`` picks what POST /v1/chat/completions answers:

* ``good`` — a completion whose message content is ``json.dumps(answer)``;
* ``garbage`` — a completion whose content is prose, not JSON;
* ``wrong_shape`` — a completion whose content is JSON of another shape;
* ``slow`` — waits ``delay`` seconds before a good answer (longer than the client's time-out);
* ``error`` — HTTP ``status`` (500, 429 …) with an OpenAI-style error body;
* ``broken`` — HTTP 200 with a body that is not JSON at all.

Every request is recorded (headers and JSON body) before it is answered.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Literal, Self

from aiohttp import web
from multidict import CIMultiDict

Mode = Literal["good", "garbage", "wrong_shape", "slow", "error", "broken"]


@dataclass(frozen=True)
class ChatRequest:
    path: str
    headers: CIMultiDict[str]
    body: dict[str, Any]

    @property
    def user_message(self) -> str:
        return str(next(m["content"] for m in self.body["messages"] if m["role"] == "user"))


@dataclass
class FakeLLM:
    """An aiohttp app on 127.0.0.1 with a random port; use as an async context manager."""

    mode: Mode = "good"
    answer: dict[str, Any] = field(default_factory=dict)
    status: int = 500
    delay: float = 5.0
    requests: list[ChatRequest] = field(default_factory=list)
    _runner: web.AppRunner | None = None
    _port: int = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._port}/v1"

    async def __aenter__(self) -> Self:
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._complete)
        self._runner = web.AppRunner(app, shutdown_timeout=0.5, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = int(self._runner.addresses[0][1])
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _complete(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        self.requests.append(ChatRequest(request.path, CIMultiDict(request.headers), body))
        if self.mode == "error":
            error = {"error": {"message": "the fake says no", "type": "server_error", "code": None}}
            return web.json_response(error, status=self.status)
        if self.mode == "broken":
            return web.Response(text="<html>upstream proxy error</html>", content_type="application/json")
        if self.mode == "slow":
            await asyncio.sleep(self.delay)
        content = {
            "good": json.dumps(self.answer),
            "slow": json.dumps(self.answer),
            "garbage": "Sure! Here is what I found: Alonso is probably going to Madrid, I think.",
            "wrong_shape": json.dumps({"manager": "Xabi Alonso", "stage": "talks", "rumours": "yes"}),
        }[self.mode]
        return web.json_response(_completion(str(body.get("model", "")), content))


def _completion(model: str, content: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 1_760_000_000,
        "model": model,
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"},
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }
