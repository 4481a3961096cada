"""The terminal chat client against a small fake REST server."""

from __future__ import annotations

import io
import json
import os
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from infocoach.coaching.walkthrough import show_phase
from infocoach.ids import Phase
from infocoach.terminal.chat import INDENT, ChatClient, read_message, run_chat
from infocoach.terminal.render import to_terminal, wrap


class _FakeRasa(BaseHTTPRequestHandler):
    received: list[dict] = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["content-length"])))
        self.received.append(body)
        reply = [
            {
                "text": f"you said **{body['message']}**",
                "buttons": [{"title": "Next step", "payload": "/walkthrough_next"}],
            }
        ]
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_rasa():
    _FakeRasa.received = []
    server = HTTPServer(("127.0.0.1", 0), _FakeRasa)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", _FakeRasa.received
    server.shutdown()


def test_piped_chat_shows_turns_and_numbered_quick_replies(fake_rasa):
    url, received = fake_rasa
    out = io.StringIO()
    assert (
        run_chat(url, sender="s1", stdin=io.StringIO("hello\n1\n/quit\nnever sent\n"), out=out) == 0
    )
    assert [r["message"] for r in received] == ["/greet", "hello", "/walkthrough_next"]
    assert all(r["sender"] == "s1" for r in received)
    text = out.getvalue()
    assert "coach> you said hello" in text and "[1] Next step" in text and "**" not in text


def test_empty_lines_unknown_commands_and_bad_numbers_are_explained(fake_rasa):
    url, received = fake_rasa
    out = io.StringIO()
    client = ChatClient(url, "s2", out, color=False)
    client.send("hi")
    assert client.handle("   ") and client.handle("/dance") and client.handle("7")
    assert "Type a message" in out.getvalue()
    assert "Unknown command /dance" in out.getvalue()
    assert "between 1 and 1" in out.getvalue()
    assert [r["message"] for r in received] == ["hi"]


def test_restart_command_sends_start_over(fake_rasa):
    url, received = fake_rasa
    ChatClient(url, "s3", io.StringIO(), color=False).handle("/restart")
    assert received[-1]["message"] == "/start_over"


def test_unreachable_server_is_reported_not_raised():
    out = io.StringIO()
    ChatClient("http://127.0.0.1:9", "s4", out, color=False).send("hi")
    assert "not answering right now" in out.getvalue()


def test_bold_and_italics_render_as_ansi_only_on_a_terminal():
    assert to_terminal("**a** and *b*", color=False) == "a and b"
    assert to_terminal("**a**", color=True) == "\033[1ma\033[0m"


# A real reply: long lines, bold, a bulleted list.
LONG_REPLY = show_phase(Phase.CLOSE).text


def _shown_words(out: str) -> list[str]:
    return [w for w in out.split() if w not in ("coach>", "you>", "-")]


def test_replies_wrap_at_the_terminal_width_between_words(fake_rasa):
    url, _ = fake_rasa
    out = io.StringIO()
    ChatClient(url, "s5", out, color=False, columns=lambda: 110).send(LONG_REPLY)
    lines = out.getvalue().splitlines()
    assert max(len(line) for line in lines) <= 110
    assert len(lines) > LONG_REPLY.count("\n") + 2  # it did wrap
    sent = to_terminal(f"you said **{LONG_REPLY}**", color=False)
    assert _shown_words(out.getvalue())[: len(_shown_words(sent))] == _shown_words(sent)
    assert all(line.startswith(("coach> ", INDENT)) for line in lines)


def test_the_width_is_read_again_for_every_reply(fake_rasa):
    url, _ = fake_rasa
    widths = iter([110, 60])
    out = io.StringIO()
    client = ChatClient(url, "s6", out, color=False, columns=lambda: next(widths))
    client.send(LONG_REPLY)
    wide = out.getvalue().splitlines()
    client.send(LONG_REPLY)
    narrow = out.getvalue().splitlines()[len(wide) :]
    assert max(map(len, narrow)) <= 60 < max(map(len, wide))


def test_piped_output_is_not_wrapped(fake_rasa):
    url, _ = fake_rasa
    out = io.StringIO()
    ChatClient(url, "s7", out, color=False).send("word " * 60)
    assert max(len(line) for line in out.getvalue().splitlines()) > 300


def test_list_items_keep_their_indent_and_long_words_alone_are_cut():
    lines = wrap("- " + "alpha " * 10 + "\n" + "x" * 25, 20)
    assert lines[0].startswith("- alpha") and lines[1].startswith("  alpha")
    assert all(len(line) <= 20 for line in lines)
    assert "".join(lines[-2:]) == "x" * 25


def _terminal() -> tuple[int, io.TextIOWrapper]:
    """A pseudo-terminal: what is written to the first end is typed at the second."""
    primary, secondary = os.openpty()
    return primary, io.TextIOWrapper(io.FileIO(secondary, "r"), encoding="utf-8")


def test_lines_pasted_at_a_terminal_are_one_message():
    primary, typed = _terminal()
    try:
        os.write(primary, b"Depot visit, transport lead.\n- jotted my licence number\n"
                          b"- I mostly listened\n")
        assert read_message(typed) == (
            "Depot visit, transport lead.\n- jotted my licence number\n- I mostly listened\n")
    finally:
        os.close(primary)
        typed.close()


def test_lines_typed_one_at_a_time_are_separate_messages():
    primary, typed = _terminal()
    try:
        os.write(primary, b"how did it go?\n")
        assert read_message(typed) == "how did it go?\n"
        os.write(primary, b"/quit\n")
        assert read_message(typed) == "/quit\n"
    finally:
        os.close(primary)
        typed.close()
