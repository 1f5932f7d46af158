"""A protocol-level fake of the Telegram Bot API on 127.0.0.1, for driving python-telegram-bot.

Every call is ``POST /bot{token}/{method}`` with a form-encoded body (objects and arrays arrive as
JSON strings); replies are ``{"ok": true, "result": …}`` or ``{"ok": false, "error_code", …}``.
The fake records each call with its decoded parameters, queues updates for the ``getUpdates``
long-poll (waking pending polls when it stops), and can be told to fail the next calls.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import ClientSession, web

from tests.fakes.telegram_markup import NOT_MODIFIED, text_problem

TOKEN = "123456:TEST-token-never-logged"
BOT_USER = {"id": 777000111, "is_bot": True, "first_name": "Rumours", "username": "rumour_test_bot"}
ADMIN_RIGHTS = dict.fromkeys(  # every field PTB's ChatMemberAdministrator requires
    [
        *("can_be_edited", "is_anonymous", "can_manage_chat", "can_delete_messages"),
        *("can_manage_video_chats", "can_restrict_members", "can_promote_members", "can_change_info"),
        *("can_invite_users", "can_post_stories", "can_edit_stories", "can_delete_stories"),
    ],
    False,
)
Json = dict[str, Any]


@dataclass
class Call:
    method: str
    params: Json


class TelegramFake:
    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.bot: Json = dict(BOT_USER)
        self.calls: list[Call] = []
        self.webhook: Json = {}  # the last setWebhook parameters
        self.messages: dict[tuple[str, int], Json] = {}  # (chat_id, message_id) → message
        self.port = 0
        self._updates: list[Json] = []
        self._update_ids = itertools.count(1)
        self._message_ids: defaultdict[str, itertools.count[int]] = defaultdict(lambda: itertools.count(1))
        self._chats: dict[int, Json] = {}
        self._admins: dict[tuple[int, int], str] = {}
        self._failures: defaultdict[str, deque[tuple[int, str, Json | None] | None]] = defaultdict(deque)
        self._pages: defaultdict[str, deque[tuple[int, bytes]]] = defaultdict(deque)
        self._changed = asyncio.Condition()
        self._stopping = False
        self._tasks: set[asyncio.Task[None]] = set()
        self._runner: web.AppRunner | None = None
        self._api: dict[str, Callable[[Json], Awaitable[Any]]] = {
            "getMe": self._get_me,
            "setMyCommands": self._true,
            "deleteWebhook": self._set_webhook,
            "setWebhook": self._set_webhook,
            "close": self._true,
            "logOut": self._true,
            "answerCallbackQuery": self._true,
            "getUpdates": self._get_updates,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "getChatMember": self._get_chat_member,
            "sendPoll": self._send_poll,
            "stopPoll": self._stop_poll,
        }
        self.served: list[Json] = []  # every update getUpdates handed out, again when it was not confirmed
        self.polls: dict[str, Json] = {}  # poll id → {"chat_id", "message_id", "poll", "votes": {user: [option ids]}}
        self._poll_ids = itertools.count(5_000_000_001)

    # -- lifecycle ---------------------------------------------------------------------------
    async def start(self) -> TelegramFake:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._dispatch)
        self._runner = web.AppRunner(app, shutdown_timeout=0.5, access_log=None)  # it would log tokens
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        self._stopping = True
        await self._notify()  # wake pending long-polls so no client waits out its poll timeout
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    # -- test helpers ------------------------------------------------------------------------
    def command_update(
        self,
        chat_id: int,
        text: str,
        *,
        chat_type: str = "private",
        user_id: int = 42,
        thread_id: int | None = None,
        sender_chat_id: int | None = None,
    ) -> Json:
        """A message update whose text starts with a command (with its ``bot_command`` entity)."""
        message: Json = {
            "message_id": next(self._message_ids[str(chat_id)]),
            "date": int(time.time()),
            "chat": self._chat(chat_id, chat_type, forum=thread_id is not None),
            "from": {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"},
            "text": text,
            "entities": [{"type": "bot_command", "offset": 0, "length": len(text.split(maxsplit=1)[0])}],
        }
        if thread_id is not None:
            message |= {"message_thread_id": thread_id, "is_topic_message": True}
        if sender_chat_id is not None:
            message["sender_chat"] = self._chat(sender_chat_id, chat_type)
        return {"message": message}

    def command(self, chat_id: int, text: str, **kwargs: Any) -> int:
        """Queue a command update for getUpdates (see ``command_update``); return its message id."""
        update = self.command_update(chat_id, text, **kwargs)
        self.push(update)
        return int(update["message"]["message_id"])

    def bot_removed(self, chat_id: int, *, chat_type: str = "group") -> None:
        """Queue a my_chat_member update: the bot was removed from a group or blocked in private."""
        status = {"status": "kicked", "until_date": 0} if chat_type == "private" else {"status": "left"}
        self.push(
            {
                "my_chat_member": {
                    "chat": self._chat(chat_id, chat_type),
                    "from": {"id": 42, "is_bot": False, "first_name": "User42"},
                    "date": int(time.time()),
                    "old_chat_member": {"status": "member", "user": self.bot},
                    "new_chat_member": {"user": self.bot, **status},
                }
            }
        )

    def push(self, update: Json) -> None:
        self._updates.append({"update_id": next(self._update_ids), **update})
        task = asyncio.get_running_loop().create_task(self._notify())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def set_admin(self, chat_id: int, user_id: int, status: str = "administrator") -> None:
        self._admins[(chat_id, user_id)] = status

    def fail_next(
        self,
        method: str,
        status: int,
        description: str,
        *,
        times: int = 1,
        skip: int = 0,
        parameters: Json | None = None,
    ) -> None:
        """Let ``skip`` calls of ``method`` through, then fail the next ``times`` ones."""
        self._failures[method].extend([None] * skip + [(status, description, parameters)] * times)

    def page_next(self, method: str, status: int, page: bytes) -> None:
        """Answer the next call of ``method`` with a non-JSON page (a proxy's error page, say)."""
        self._pages[method].append((status, page))

    def rate_limit_next(self, times: int = 1, retry_after: int = 1, method: str = "sendMessage") -> None:
        description = f"Too Many Requests: retry after {retry_after}"
        self.fail_next(method, 429, description, times=times, parameters={"retry_after": retry_after})

    def forbid_next(self, times: int = 1) -> None:
        self.fail_next("sendMessage", 403, "Forbidden: bot was blocked by the user", times=times)

    def chat_not_found_next(self, times: int = 1) -> None:
        self.fail_next("sendMessage", 400, "Bad Request: chat not found", times=times)

    def vote(self, poll_id: str, user_id: int, option_ids: list[int], *, name: str = "") -> bool:
        """A user answers (or, with no options, withdraws their answer to) a poll, as in a Telegram app:
        the bot gets a poll_answer update, then a poll update with the new counts (Telegram sends one for
        every poll the bot sent). A stopped poll takes no answers: False."""
        entry = self.polls[poll_id]
        poll = entry["poll"]
        if poll["is_closed"]:
            return False
        entry["votes"][user_id] = list(option_ids)
        for n, option in enumerate(poll["options"]):
            option["voter_count"] = sum(n in chosen for chosen in entry["votes"].values())
        poll["total_voter_count"] = sum(bool(chosen) for chosen in entry["votes"].values())
        user = {"id": user_id, "is_bot": False, "first_name": name or f"User{user_id}"}
        persistent = [poll["options"][n]["persistent_id"] for n in option_ids]
        answer = {"poll_id": poll_id, "user": user, "option_ids": list(option_ids), "option_persistent_ids": persistent}
        self.push({"poll_answer": answer})
        self.push({"poll": json.loads(json.dumps(poll))})
        return True

    def poll_in(self, chat_id: int) -> Json:
        """The latest poll posted in a chat."""
        return [e for e in self.polls.values() if e["chat_id"] == str(chat_id)][-1]

    def calls_to(self, method: str) -> list[Json]:
        return [call.params for call in self.calls if call.method == method]

    async def wait_for(self, method: str, count: int = 1, seconds: float = 5.0) -> list[Json]:
        """Wait until ``method`` has been called at least ``count`` times; return those calls."""
        async with asyncio.timeout(seconds), self._changed:
            await self._changed.wait_for(lambda: len(self.calls_to(method)) >= count)
        return self.calls_to(method)

    async def push_webhook(self, update: Json, secret: str | None = None) -> int:
        """POST an update to the registered webhook as Telegram does; return the HTTP status."""
        body = {"update_id": next(self._update_ids), **update}
        secret = self.webhook.get("secret_token", "") if secret is None else secret
        async with (
            ClientSession() as session,
            session.post(self.webhook["url"], json=body, headers={"X-Telegram-Bot-Api-Secret-Token": secret}) as r,
        ):
            return r.status

    # -- internals ---------------------------------------------------------------------------
    def _chat(self, chat_id: int, chat_type: str, *, forum: bool = False) -> Json:
        name = {"first_name": f"User{chat_id}"} if chat_type == "private" else {"title": f"Chat {chat_id}"}
        chat: Json = {"id": chat_id, "type": chat_type, **name, **({"is_forum": True} if forum else {})}
        self._chats[chat_id] = chat
        return chat

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def _dispatch(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        form = await request.post()
        params = {key: _decode(value) for key, value in form.items() if isinstance(value, str)}
        self.calls.append(Call(method, params))
        await self._notify()
        if self._pages[method]:
            status, page = self._pages[method].popleft()
            return web.Response(status=status, body=page, content_type="text/html")
        failure = self._failures[method].popleft() if self._failures[method] else None
        if failure is not None:
            return _error(*failure)
        if method not in self._api:
            return _error(404, "Not Found")
        result = await self._api[method](params)
        return result if isinstance(result, web.Response) else web.json_response({"ok": True, "result": result})

    async def _true(self, params: Json) -> Any:
        return True

    async def _get_me(self, params: Json) -> Any:
        return self.bot

    async def _set_webhook(self, params: Json) -> Any:  # deleteWebhook too: it has no url
        self.webhook = params if "url" in params else {}
        return True

    async def _get_updates(self, params: Json) -> Any:
        offset = int(params.get("offset", 0))
        self._updates = [u for u in self._updates if u["update_id"] >= offset]  # earlier ones confirmed
        timeout = float(params.get("timeout", 0))
        if not self._updates and timeout > 0 and not self._stopping:
            async with self._changed:
                try:
                    async with asyncio.timeout(timeout):
                        await self._changed.wait_for(lambda: bool(self._updates) or self._stopping)
                except TimeoutError:
                    pass
        served = self._updates[: int(params.get("limit", 100))]
        self.served.extend(served)
        return served

    async def _send_message(self, params: Json) -> Any:
        chat_id, problem = str(params["chat_id"]), text_problem(params)
        if problem:
            return _error(400, problem)
        message: Json = {
            "message_id": next(self._message_ids[chat_id]),
            "date": int(time.time()),
            "chat": self._chats.get(int(chat_id), {"id": int(chat_id), "type": "private", "first_name": "X"}),
            "from": self.bot,
            "text": params["text"],
        }
        if "message_thread_id" in params:
            message |= {"message_thread_id": int(params["message_thread_id"]), "is_topic_message": True}
        self.messages[(chat_id, message["message_id"])] = dict(message, reply_markup=params.get("reply_markup"))
        return message

    async def _send_poll(self, params: Json) -> Any:
        chat_id = str(params["chat_id"])
        options = [o["text"] if isinstance(o, dict) else str(o) for o in params["options"]]
        if not 2 <= len(options) <= 10 or not 1 <= len(params["question"]) <= 300:
            return _error(400, "Bad Request: poll must have 2-10 options and a question of 1-300 characters")
        poll_id = str(next(self._poll_ids))
        poll: Json = {
            "id": poll_id,
            "question": params["question"],
            "options": [{"text": t, "voter_count": 0, "persistent_id": f"o{n}"} for n, t in enumerate(options)],
            "total_voter_count": 0,
            "is_closed": False,
            "is_anonymous": params.get("is_anonymous") not in ("false", "False", False),
            "type": "regular",
            "allows_multiple_answers": False,
            "allows_revoting": True,
            "members_only": False,
        }
        message: Json = {
            "message_id": next(self._message_ids[chat_id]),
            "date": int(time.time()),
            "chat": self._chats.get(int(chat_id), {"id": int(chat_id), "type": "private", "first_name": "X"}),
            "from": self.bot,
            "poll": poll,
        }
        if "message_thread_id" in params:
            message |= {"message_thread_id": int(params["message_thread_id"]), "is_topic_message": True}
        self.messages[(chat_id, message["message_id"])] = message
        self.polls[poll_id] = {"chat_id": chat_id, "message_id": message["message_id"], "poll": poll, "votes": {}}
        return message

    async def _stop_poll(self, params: Json) -> Any:
        chat_id, message_id = str(params["chat_id"]), int(params["message_id"])
        entry = next((e for e in self.polls.values() if (e["chat_id"], e["message_id"]) == (chat_id, message_id)), None)
        if entry is None:
            return _error(400, "Bad Request: message with poll to stop not found")
        if entry["poll"]["is_closed"]:
            return _error(400, "Bad Request: poll has already been closed")
        entry["poll"]["is_closed"] = True
        return entry["poll"]

    async def _edit_message_text(self, params: Json) -> Any:
        key, problem = (str(params["chat_id"]), int(params["message_id"])), text_problem(params)
        if key not in self.messages or problem:
            return _error(400, problem or "Bad Request: message to edit not found")
        old = self.messages[key]
        new = dict(old, text=params["text"], reply_markup=params.get("reply_markup"))
        if new == old:
            return _error(400, f"Bad Request: {NOT_MODIFIED}")
        self.messages[key] = new
        return {k: v for k, v in new.items() if k != "reply_markup"}

    async def _get_chat_member(self, params: Json) -> Any:
        chat_id, user_id = int(params["chat_id"]), int(params["user_id"])
        status = self._admins.get((chat_id, user_id), "member")
        member: Json = {"status": status, "user": {"id": user_id, "is_bot": False, "first_name": "U"}}
        if status == "administrator":
            member |= ADMIN_RIGHTS
        elif status == "creator":
            member["is_anonymous"] = False
        return member


def _decode(value: str) -> Any:
    """Form values are strings; objects and arrays are JSON-encoded strings."""
    if value.startswith(("{", "[")):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _error(status: int, description: str, parameters: Json | None = None) -> web.Response:
    body: Json = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return web.json_response(body, status=status)
