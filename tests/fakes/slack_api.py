"""A fake Slack Web API on 127.0.0.1 that answers like Slack and records every call.

The bot is pointed at it with SLACK_API_URL. It runs in a thread of the test
process (stdlib http.server), so tests can read what the bot posted.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

BOT_USER_ID = "UINFOCOACH"


@dataclass(frozen=True)
class ApiCall:
    """One Web API call the bot made: method (e.g. ``chat.postMessage``), arguments, token."""

    method: str
    args: dict[str, Any]
    token: str | None
    ts: str | None = None  # the posted message's id, as answered to the bot

    def as_message(self) -> dict[str, Any]:
        """The posted message as Slack includes it in a click's payload."""
        return {"type": "message", "ts": self.ts, "text": self.text, "blocks": self.blocks,
                **({"thread_ts": self.args["thread_ts"]} if self.args.get("thread_ts") else {})}

    @property
    def text(self) -> str:
        return str(self.args.get("text", ""))

    @property
    def blocks(self) -> list[dict[str, Any]]:
        blocks = self.args.get("blocks") or []
        return json.loads(blocks) if isinstance(blocks, str) else blocks

    @property
    def buttons(self) -> list[dict[str, Any]]:
        return [e for b in self.blocks if b.get("type") == "actions" for e in b["elements"]]


class FakeSlackApi:
    """``chat.postMessage``, ``chat.update``, ``auth.test``; any other method answers ``ok``."""

    def __init__(self) -> None:
        self.calls: list[ApiCall] = []
        self._changed = threading.Condition()
        self._ts = itertools.count(1)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/api/"

    def start(self) -> FakeSlackApi:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def posts(self, channel: str | None = None) -> list[ApiCall]:
        """Messages posted so far, optionally only those to ``channel``."""
        with self._changed:
            return [c for c in self.calls if c.method == "chat.postMessage"
                    and (channel is None or c.args.get("channel") == channel)]

    def updates(self, channel: str) -> list[ApiCall]:
        with self._changed:
            return [c for c in self.calls
                    if c.method == "chat.update" and c.args.get("channel") == channel]

    def wait_for_posts(self, channel: str, count: int = 1, timeout: float = 60) -> list[ApiCall]:
        """The posts to ``channel`` once there are at least ``count``; fails after ``timeout`` s."""
        return self._wait(lambda: self.posts(channel), count, timeout)

    def wait_for_updates(self, channel: str, count: int = 1, timeout: float = 60) -> list[ApiCall]:
        return self._wait(lambda: self.updates(channel), count, timeout)

    def _wait(
        self, found: Callable[[], list[ApiCall]], count: int, timeout: float
    ) -> list[ApiCall]:
        with self._changed:
            self._changed.wait_for(lambda: len(found()) >= count, timeout=timeout)
            calls = found()
        if len(calls) < count:
            raise AssertionError(f"expected {count} call(s) within {timeout}s, got {calls}")
        return calls

    def _record(self, method: str, args: dict[str, Any], token: str | None) -> dict[str, Any]:
        answer: dict[str, Any] = {"ok": True}
        if method == "auth.test":
            answer.update(user_id=BOT_USER_ID, bot_id="BINFOCOACH", team_id="T1")
        if method in ("chat.postMessage", "chat.update"):
            ts = args.get("ts") or f"1700000000.{next(self._ts):06d}"
            answer.update(channel=args.get("channel"), ts=ts,
                          message={"text": args.get("text", ""), "ts": ts})
        with self._changed:
            self.calls.append(ApiCall(method, args, token, answer.get("ts")))
            self._changed.notify_all()
        return answer

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    args = json.loads(body or "{}")
                else:
                    args = dict(parse_qsl(body))
                token = self.headers.get("Authorization", "").removeprefix("Bearer ") or None
                method = self.path.rsplit("/", 1)[-1].split("?")[0]
                answer = json.dumps(api._record(method, args, token)).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, format: str, *args: Any) -> None:
                """Quiet: the recorded calls are the log."""

        return Handler
