"""The terminal chat: a REST client with numbered quick replies.

Rasa's own `rasa shell` turns buttons into arrow-key menus that cannot be
piped or scripted; this client reads plain lines, so it works the same when a
person types and when a script feeds it.
"""

from __future__ import annotations

import select
import shutil
import sys
import uuid
from collections.abc import Callable
from typing import TextIO

import requests

from infocoach.terminal.render import to_terminal, wrap

PROMPT = "coach> "
INDENT = " " * len(PROMPT)
# Narrower than this, wrapping would leave a word or two per line: let the terminal cope.
MIN_WIDTH = 20
# Lines that reach a terminal within this many seconds of each other were pasted together:
# a write-up pasted from a notes app is one message, not one per bullet.
PASTE_WINDOW_S = 0.05

COMMANDS = {
    "/help": "show what the coach can do",
    "/restart": "forget this conversation and start over",
    "/quit": "leave the chat (also /exit or Ctrl-D)",
}
BANNER = (
    "infocoach: your informational-interview coach. Type a message and press Enter.\n"
    "Pick a quick reply by typing its number. Commands: " + ", ".join(COMMANDS) + "."
)


class ChatClient:
    """Sends lines to the REST channel and formats what comes back."""

    def __init__(
        self,
        url: str,
        sender: str | None,
        out: TextIO,
        color: bool,
        columns: Callable[[], int | None] | None = None,
    ) -> None:
        """``columns`` gives the window's width, asked again for every reply so a
        resized window is followed; None (the default when ``out`` is not a
        terminal) leaves lines unwrapped, as transcripts and pipes want them."""
        self.webhook = f"{url}/webhooks/rest/webhook"
        self.sender = sender or f"terminal-{uuid.uuid4().hex[:12]}"
        self.out = out
        self.color = color
        self.buttons: list[dict[str, str]] = []
        self.columns = columns or (
            (lambda: shutil.get_terminal_size().columns) if out.isatty() else (lambda: None)
        )

    def _print(self, text: str = "") -> None:
        print(text, file=self.out, flush=True)

    def send(self, text: str) -> list[dict] | None:
        """Send ``text``, show the reply, and return its messages (None if no answer)."""
        try:
            reply = requests.post(
                self.webhook, json={"sender": self.sender, "message": text}, timeout=120
            )
            reply.raise_for_status()
            messages = reply.json()
        except (requests.RequestException, ValueError) as exc:
            self._print(
                f"(The coach is not answering right now: {exc.__class__.__name__}. "
                "Try again in a moment.)"
            )
            return None
        self.buttons = []
        columns = self.columns()
        for message in messages:
            if message.get("text"):
                self._print(PROMPT + f"\n{INDENT}".join(self._lines(message["text"], columns)))
            for button in message.get("buttons") or []:
                self.buttons.append(button)
                item = f"[{len(self.buttons)}] {button.get('title', '')}"
                self._print(INDENT + f"\n{INDENT}".join(self._lines(item, columns)))
        if not messages:
            self._print("coach> (no reply; say *help* to see what I can do)")
        return messages

    def _lines(self, text: str, columns: int | None) -> list[str]:
        """``text`` styled for the terminal, wrapped to ``columns`` minus the indent."""
        if columns is None or columns - len(INDENT) < MIN_WIDTH:
            return to_terminal(text, self.color).split("\n")
        return to_terminal("\n".join(wrap(text, columns - len(INDENT))), self.color).split("\n")

    def handle(self, line: str) -> bool:
        """Act on one typed line; False when the user wants to leave."""
        text = line.strip()
        if not text:
            self._print("(Type a message, a quick-reply number, or /quit to leave.)")
            return True
        if text.isdigit() and self.buttons:
            index = int(text) - 1
            if 0 <= index < len(self.buttons):
                self.send(self.buttons[index]["payload"])
            else:
                self._print(f"(Pick a number between 1 and {len(self.buttons)}.)")
            return True
        if text.startswith("/"):
            command = text.split()[0].lower()
            if command in ("/quit", "/exit"):
                return False
            if command == "/help":
                self.send("/help")
            elif command == "/restart":
                self.send("/start_over")
            else:
                known = ", ".join(f"{name} ({what})" for name, what in COMMANDS.items())
                self._print(f"(Unknown command {command}. Commands: {known}.)")
            return True
        self.send(text)
        return True


def read_message(stdin: TextIO) -> str:
    """One message typed at a terminal: a line, with the lines pasted along with it.

    Typing sends a line at a time; a paste delivers all its lines at once, so what is
    already waiting when a line has been read belongs to the same message. Empty at the
    end of input."""
    lines = [stdin.readline()]
    while lines[-1] and _more_waiting(stdin):
        lines.append(stdin.readline())
    return "".join(lines)


def _more_waiting(stdin: TextIO) -> bool:
    try:
        ready, _, _ = select.select([stdin], [], [], PASTE_WINDOW_S)
    except (OSError, ValueError):  # no file descriptor to wait on
        return False
    return bool(ready)


def run_chat(
    url: str,
    sender: str | None = None,
    stdin: TextIO | None = None,
    out: TextIO | None = None,
    client: ChatClient | None = None,
) -> int:
    """Chat until /quit or end of input; ``client`` lets `infocoach record` observe the turns."""
    stdin = stdin or sys.stdin
    out = out or sys.stdout
    if hasattr(stdin, "reconfigure"):
        stdin.reconfigure(errors="replace")
    interactive = stdin.isatty()
    client = client or ChatClient(url, sender, out, color=out.isatty())
    print(BANNER, file=out, flush=True)
    client.send("/greet")
    while True:
        if interactive:
            print("you> ", end="", file=out, flush=True)
        # Piped input (scripts, `infocoach record`) stays one message per line.
        line = read_message(stdin) if interactive else stdin.readline()
        if not line:
            break
        if not interactive:
            print(f"you> {line.rstrip()}", file=out, flush=True)
        if not client.handle(line):
            break
    print("Bye! Your conversation is saved; good luck with your meetings.", file=out, flush=True)
    return 0
