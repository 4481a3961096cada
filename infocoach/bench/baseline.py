"""The naive keyword spotter the benchmark compares against.

It flags a signal whenever one of its keywords appears anywhere, which is
what a first attempt looks like; keeping it in the benchmark shows what the
actor, negation and mood checks of the real spotter are worth.
"""

from __future__ import annotations

import re

from infocoach.ids import Signal

KEYWORDS: dict[Signal, re.Pattern[str]] = {
    Signal.BACKGROUND: re.compile(r"background|experience|resume|résumé|\bcv\b|why i"),
    Signal.NOTES: re.compile(r"\bnotes?\b|wrote|writing|jott?ed"),
    Signal.NEED: re.compile(r"\bneeds?\b|opening|vacanc|hiring|position|role"),
    Signal.ENTHUSIASM: re.compile(r"enthusias|excit|passion|\blove|perks|benefits|great place"),
}


def keyword_signals(text: str) -> list[str]:
    """Signal ids whose keywords occur in ``text``, in Signal order."""
    lowered = text.lower()
    return [signal.value for signal, pattern in KEYWORDS.items() if pattern.search(lowered)]
