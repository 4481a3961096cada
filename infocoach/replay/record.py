"""`infocoach record FILE`: chat in the terminal, get a session file to replay.

The chat is the `make chat` client (infocoach.terminal.chat); this module only
watches the turns go by and writes them down. The bot's replies are saved as
comments, so the author sees what the bot said while adding expectations,
and a later replay is not tied to today's wording unless the author wants it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TextIO

from infocoach.datafile import DataFileError
from infocoach.replay.connect import bot_servers, error, say
from infocoach.replay.loader import load_session
from infocoach.replay.runner import BotUnavailable, RestBot
from infocoach.replay.session_format import FORMAT_VERSION
from infocoach.server.processes import ServerError
from infocoach.terminal.chat import ChatClient, run_chat
from infocoach.terminal.render import to_terminal

SAYS_CHARS = 60
# Escaped in a recorded `says:`; unlike re.escape, spaces and quotes stay readable.
_METACHARACTERS = re.compile(r"([.^$*+?{}\[\]\\|()])")


@dataclass(frozen=True)
class RecordedTurn:
    text: str  # what was sent
    button: str | None  # the quick reply's title, when the user picked one by number
    messages: list[dict]


class RecordingClient(ChatClient):
    """The terminal chat client, keeping every exchange that got an answer."""

    def __init__(self, url: str, out: TextIO, color: bool) -> None:
        super().__init__(url, None, out, color)
        self.turns: list[RecordedTurn] = []
        self._pressed: str | None = None

    def handle(self, line: str) -> bool:
        text = line.strip()
        index = int(text) - 1 if text.isdigit() else -1
        self._pressed = self.buttons[index].get("title") if 0 <= index < len(self.buttons) else None
        return super().handle(line)

    def send(self, text: str) -> list[dict] | None:
        messages = super().send(text)
        if messages is not None:
            self.turns.append(RecordedTurn(text=text, button=self._pressed, messages=messages))
        self._pressed = None
        return messages


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _pattern(text: str) -> str:
    """A YAML single-quoted scalar: regex backslashes stay readable."""
    return "'" + text.replace("'", "''") + "'"


def _turn_yaml(turn: RecordedTurn, expect: bool) -> list[str]:
    first = f"button: {_quoted(turn.button)}" if turn.button else f"user: {_quoted(turn.text)}"
    rows = [f"  - {first}"]
    texts = [to_terminal(m["text"], color=False) for m in turn.messages if m.get("text")]
    titles = [b.get("title", "") for m in turn.messages for b in m.get("buttons") or []]
    if expect and texts:
        first_line = texts[0].strip().splitlines()[0][:SAYS_CHARS]
        pattern = "^" + _METACHARACTERS.sub(r"\\\1", first_line)
        rows.append(f"    says: {_pattern(pattern)}")
    if expect:
        rows.append("    buttons: [" + ", ".join(_quoted(t) for t in titles) + "]")
    for text in texts:
        rows += [f"    # coach: {line}".rstrip() for line in text.splitlines()]
    if titles:
        rows.append("    # quick replies: " + " | ".join(titles))
    return rows


def session_yaml(turns: list[RecordedTurn], title: str, description: str, expect: bool) -> str:
    rows = [
        f"# Recorded with `infocoach record` on {date.today().isoformat()}.",
        "# The coach's replies at recording time are kept as comments. Add expectations",
        "# (says, not_says, buttons, slots, signals) to turn them into checks.",
        f"version: {FORMAT_VERSION}",
        f"title: {_quoted(title)}",
    ]
    if description:
        rows.append(f"description: {_quoted(description)}")
    rows.append("turns:")
    for turn in turns:
        rows += _turn_yaml(turn, expect)
    return "\n".join(rows) + "\n"


def record(args: argparse.Namespace) -> int:
    path: Path = args.file
    if path.suffix not in (".yml", ".yaml"):
        return error(f"{path}: name the session file *.yml so that replay finds it")
    if path.exists() and not args.force:
        return error(f"{path} already exists; pass --force to overwrite it")
    try:
        with bot_servers(args.url, model=args.model) as bot:
            RestBot(bot.url).check(needs_api=False)
            client = RecordingClient(bot.url, sys.stdout, color=sys.stdout.isatty())
            try:
                run_chat(bot.url, client=client)
            except KeyboardInterrupt:
                print(file=sys.stdout)
    except (BotUnavailable, ServerError) as exc:
        return error(str(exc))
    if not client.turns:
        return error("the coach never answered, so there is nothing to save")
    title = args.title or path.stem.replace("-", " ").replace("_", " ").capitalize()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(session_yaml(client.turns, title, args.description, args.expect),
                    encoding="utf-8")
    try:
        load_session(path)
    except DataFileError as exc:  # a bug here, not the user's: say so plainly
        return error(f"the recorded file does not load back ({exc}); please report this")
    say(f"saved {len(client.turns)} turns to {path}; replay it with: infocoach replay {path}")
    return 0


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "record", help="chat in the terminal and save the turns as a session file",
        description=(
            "Chat with the coach as with `make chat`; when you leave (/quit or Ctrl-D) the "
            "turns are saved as a session file for `infocoach replay`, with the coach's "
            "replies as comments. A quick reply picked by number is saved as `button:`."))
    p.add_argument("file", type=Path, metavar="FILE", help="the session file to write (*.yml)")
    p.add_argument("--url", default=None,
                   help="a running Rasa server (http://host:5005) instead of starting one")
    p.add_argument("--title", default=None, help="the session's title (default: from FILE's name)")
    p.add_argument("--description", default="", help="what the session shows")
    p.add_argument("--expect", action="store_true",
                   help="also write expectations from today's replies (says: first line, buttons)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.add_argument("--model", type=Path, default=None,
                   help="model to serve when starting servers (default: the newest in models/)")
    p.set_defaults(func=record)
