"""Render the bot's markdown-lite for a terminal: bold and italics as ANSI
styles on a real terminal, plain text when piped (so transcripts stay clean)."""

from __future__ import annotations

import re

BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)
ITALIC = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])", re.S)


def to_terminal(text: str, color: bool) -> str:
    if color:
        text = BOLD.sub("\033[1m\\1\033[0m", text)
        return ITALIC.sub("\033[3m\\1\033[0m", text)
    return ITALIC.sub(r"\1", BOLD.sub(r"\1", text))
