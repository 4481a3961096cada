"""Render the bot's markdown-lite for a terminal: bold and italics as ANSI
styles on a real terminal, plain text when piped (so transcripts stay clean),
and lines wrapped at word boundaries to fit the window."""

from __future__ import annotations

import re
import textwrap

BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)
ITALIC = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])", re.S)
# A list item's or quick reply's marker: its continuation lines line up after it.
_ITEM = re.compile(r"^\s*(?:[-•] |\d+\. |\[\d+\] )")


def to_terminal(text: str, color: bool) -> str:
    if color:
        text = BOLD.sub("\033[1m\\1\033[0m", text)
        return ITALIC.sub("\033[3m\\1\033[0m", text)
    return ITALIC.sub(r"\1", BOLD.sub(r"\1", text))


def wrap(text: str, width: int) -> list[str]:
    """``text`` (markdown-lite) as lines of at most ``width`` characters, broken between words.

    The terminal's own wrapping cuts words in the middle ("meeting" / "s").
    Wrapping the text before :func:`to_terminal` counts the ``**`` markers,
    which are then removed, so a line can only end up shorter. Existing line
    breaks are kept; a list item's continuation lines are indented under its
    text. Only a word longer than a whole line is cut.
    """
    lines: list[str] = []
    for line in text.split("\n"):
        marker = _ITEM.match(line)
        hanging = " " * len(marker.group(0)) if marker else ""
        wrapped = textwrap.wrap(
            line, width, subsequent_indent=hanging, break_on_hyphens=False, drop_whitespace=True
        )
        lines += wrapped or [""]
    return lines
