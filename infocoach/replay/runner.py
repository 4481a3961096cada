"""Replay sessions against a running bot over REST and check what the user reads.

Everything goes through the same HTTP endpoints a real client uses (the REST
channel for messages, Rasa's HTTP API for slots), so a replay checks the bot
a user meets, whether the servers were started for the run or are remote.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import requests

from infocoach.channels.conversation_ids import rest_conversation_id
from infocoach.replay.loader import SessionFile
from infocoach.replay.results import BotMessage, Failure, SessionResult, TurnResult
from infocoach.replay.session_format import Turn
from infocoach.server.processes import API_TOKEN_ENV
from infocoach.server.rasa_run import api_auth_header

REPLY_TIMEOUT = 120.0


class BotUnavailable(RuntimeError):
    """The server cannot be used: unreachable, or missing what the replay needs."""


class RestBot:
    """The bot behind a Rasa server's REST channel and HTTP API."""

    def __init__(self, url: str, timeout: float = REPLY_TIMEOUT, token: str | None = None) -> None:
        self.url = url.rstrip("/")
        self.timeout = timeout
        # Rasa's HTTP API (slots) needs the server's token; the chat does not. It goes
        # in a header, never in the URL, where proxies and server logs would keep it.
        self.token = token

    def _api_headers(self) -> dict[str, str]:
        return api_auth_header(self.token) if self.token else {}

    def check(self, needs_api: bool) -> None:
        """Fail early, with the reason, if the server cannot run these sessions."""
        try:
            channel = requests.get(f"{self.url}/webhooks/rest/", timeout=10)
        except requests.RequestException as exc:
            raise BotUnavailable(f"cannot reach the bot at {self.url} ({exc.__class__.__name__}); "
                                 "is the server running (make serve)?") from None
        if channel.status_code != 200:
            raise BotUnavailable(f"{self.url} has no REST channel (GET /webhooks/rest/ answered "
                                 f"{channel.status_code}); is it an infocoach Rasa server?")
        if not needs_api:
            return
        status = requests.get(f"{self.url}/status", headers=self._api_headers(), timeout=10)
        if status.status_code in (401, 403):
            given = "was refused" if self.token else "is needed"
            raise BotUnavailable(
                f"{self.url} protects its HTTP API, which slot and signal checks need, and the "
                f"token {given}: pass --token or set {API_TOKEN_ENV} "
                "(`infocoach serve` prints the token)")
        if status.status_code != 200:
            raise BotUnavailable(
                f"{self.url} does not expose Rasa's HTTP API (GET /status answered "
                f"{status.status_code}), which slot and signal checks need: start it with "
                "--enable-api (infocoach serve does)")

    def send(self, http: requests.Session, sender: str, text: str) -> list[BotMessage]:
        answer = http.post(f"{self.url}/webhooks/rest/webhook",
                           json={"sender": sender, "message": text}, timeout=self.timeout)
        answer.raise_for_status()
        return [BotMessage(text=m.get("text") or "", buttons=list(m.get("buttons") or []))
                for m in answer.json()]

    def set_slots(self, http: requests.Session, sender: str, slots: dict[str, object]) -> None:
        """Set slots before the conversation starts (a practice session's seed).

        The events open the conversation's session themselves. Otherwise Rasa
        starts the session after reading them, so the session start is newer
        than the slots, and the tracker store, which loads a conversation from
        its latest session start on, drops them before the first message.
        """
        events = [{"event": "action", "name": "action_session_start"},
                  {"event": "session_started"},
                  *({"event": "slot", "name": name, "value": value}
                    for name, value in slots.items()),
                  {"event": "action", "name": "action_listen"}]
        answer = http.post(f"{self.url}/conversations/{sender}/tracker/events",
                           headers=self._api_headers(), json=events, timeout=self.timeout)
        answer.raise_for_status()

    def slots(self, http: requests.Session, sender: str) -> dict[str, object]:
        answer = http.get(f"{self.url}/conversations/{sender}/tracker",
                          params={"include_events": "NONE"}, headers=self._api_headers(),
                          timeout=self.timeout)
        answer.raise_for_status()
        return dict(answer.json().get("slots") or {})


def _show(value: object) -> str:
    return "null (unset)" if value is None else repr(value)


def check_turn(turn: Turn, result: TurnResult) -> None:
    """Compare the reply (and slots, when read) with the turn's expectations."""
    reply = result.reply
    add = result.failures.append
    for pattern in turn.says:
        if not re.search(pattern, reply):
            add(Failure("says", "the reply does not match the pattern", f"/{pattern}/", reply))
    for pattern in turn.not_says:
        found = re.search(pattern, reply)
        if found:
            add(Failure("not_says", f"the reply contains {found.group(0)!r}, which it must not",
                        f"no match for /{pattern}/", reply))
    if turn.buttons is not None and result.button_titles != turn.buttons:
        add(Failure("buttons", "the quick replies differ",
                    repr(turn.buttons), repr(result.button_titles)))
    slots = result.slots or {}
    if turn.signals is not None:
        expected = sorted(s.value for s in turn.signals)
        actual = slots.get("signals")
        if actual is None:
            add(Failure("signals", "the signals slot is not set: did the debrief run?",
                        repr(expected), "null (unset)"))
        elif not isinstance(actual, list) or set(actual) != set(expected):
            add(Failure("signals", "the debrief reported other signals", repr(expected),
                        repr(sorted(actual) if isinstance(actual, list) else actual)))
    for name, expected in (turn.slots or {}).items():
        if name not in slots:
            add(Failure(f"slots.{name}", "the bot has no slot of this name", _show(expected),
                        "no such slot; known: " + ", ".join(sorted(slots))))
        elif slots[name] != expected:
            add(Failure(f"slots.{name}", "the slot has another value",
                        _show(expected), _show(slots[name])))


def _pressed_payload(turn: Turn, offered: list[dict[str, str]], result: TurnResult) -> str | None:
    """The payload of the quick reply the turn presses; a failure when it was not offered."""
    payload = next((b.get("payload") for b in offered if b.get("title") == turn.button), None)
    if payload is None:
        titles = [b.get("title", "") for b in offered]
        result.failures.append(Failure(
            "button", "the previous reply did not offer this quick reply; the session stops here",
            repr(turn.button), repr(titles)))
    return payload


TurnCallback = Callable[[SessionFile, TurnResult], None]


def replay_session(
    source: SessionFile, bot: RestBot, on_turn: TurnCallback | None = None
) -> SessionResult:
    """Play every turn in a fresh conversation, checking each reply as it comes.

    A turn that presses a quick reply the bot did not offer fails and ends
    the session: later turns would replay a conversation that did not happen.
    """
    session = source.session
    # The conversation id as Rasa's HTTP API knows it, so slots are read from the same tracker.
    sender = rest_conversation_id(f"replay-{uuid.uuid4()}")
    result = SessionResult(file=str(source.path), title=session.title,
                           description=session.description, sender=sender,
                           turn_count=len(session.turns))
    started = time.monotonic()
    offered: list[dict[str, str]] = []
    with requests.Session() as http:
        if session.practice is not None:
            try:
                bot.set_slots(http, result.sender, session.practice.slots())
            except (requests.RequestException, ValueError) as exc:
                result.error = f"cannot set the practice keys on {bot.url} ({type(exc).__name__})"
                result.seconds = time.monotonic() - started
                return result
        for number, turn in enumerate(session.turns, 1):
            done = TurnResult(number=number, line=source.turn_lines[number - 1],
                              user=turn.user if turn.user is not None else turn.button or "",
                              pressed=turn.user is None, checks=turn.expectation_count,
                              known_bug=turn.known_bug)
            result.turns.append(done)
            sent = turn.user if turn.user is not None else _pressed_payload(turn, offered, done)
            if sent is None:
                break
            done.sent = sent
            try:
                done.messages = bot.send(http, result.sender, sent)
                if turn.expects_tracker:
                    done.slots = bot.slots(http, result.sender)
            except (requests.RequestException, ValueError) as exc:
                result.error = f"turn {number}: no answer from {bot.url} ({type(exc).__name__})"
                break
            check_turn(turn, done)
            offered = [b for m in done.messages for b in m.buttons]
            if on_turn:
                on_turn(source, done)
    result.seconds = time.monotonic() - started
    return result


SessionCallback = Callable[[SessionFile], None]
DoneCallback = Callable[[SessionFile, SessionResult], None]


def replay_all(sources: list[SessionFile], bot: RestBot, jobs: int = 1,
               on_start: SessionCallback | None = None, on_turn: TurnCallback | None = None,
               on_done: DoneCallback | None = None) -> list[SessionResult]:
    """Replay sessions, ``jobs`` at a time; results come back in the input order."""

    def run(source: SessionFile) -> SessionResult:
        if on_start:
            on_start(source)
        result = replay_session(source, bot, on_turn)
        if on_done:
            on_done(source, result)
        return result

    if jobs <= 1:
        return [run(s) for s in sources]
    with ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="replay") as pool:
        return list(pool.map(run, sources))
