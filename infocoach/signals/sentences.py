"""Sentence bounds by token index, computed once per Doc.

``Span.sent`` and ``Token.sent`` walk the doc token by token on every call;
the spotter asks for a sentence many times per report, so we read the
sentencizer's boundaries once and answer with a binary search.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import SENT_START
from spacy.tokens import Doc

KEY = "infocoach_sentences"


def starts(doc: Doc) -> list[int]:
    """Token index where each sentence starts, in order (always begins with 0)."""
    cached = doc.user_data.get(KEY)
    if cached is None:
        flags = doc.to_array(SENT_START).tolist() if len(doc) else []
        cached = [0] + [i for i, flag in enumerate(flags) if flag == 1 and i > 0]
        doc.user_data[KEY] = cached
    return cached


def sentence_of(doc: Doc, i: int) -> tuple[int, int]:
    """(start, end) of the sentence holding token ``i``."""
    first = starts(doc)
    k = bisect_right(first, i) - 1
    return first[k], first[k + 1] if k + 1 < len(first) else len(doc)
