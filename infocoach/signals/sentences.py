"""Sentence bounds by token index, computed once per Doc.

``Span.sent`` and ``Token.sent`` walk the doc token by token on every call;
the spotter asks for a sentence many times per report, so we read the
sentencizer's boundaries once and answer with a binary search.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import pairwise

from spacy.attrs import SENT_START
from spacy.tokens import Doc

KEY = "infocoach_sentences"
# Marks that open an item of a list at the start of a line: "- asked why I left".
LIST_MARKS = {"-", "*", "•", "–", "—", "·", "+"}
QUOTES = {'"', "'", "”", "’"}
# Labels that open a line of a question-and-answer write-up: "Q: shift work?", "A: no".
TRANSCRIPT_LABELS = {"q", "a"}
# Words that carry a sentence on after a quoted question: 'asked "why now?" and wrote ...'.
GOES_ON = {"into", "onto", "on", "in", "at", "to", "and", "or", "but", "as", "while", "with",
           "before", "after", "which", "because", "from", "for", "like", "she", "he",
           "they"}
# Words that carry the line before on: "- I asked about shifts / and that was it".
CARRIES_ON = {"and", "but", "or", "so", "then", "which", "who", "because", "while", "with",
              "plus", "as"}
# Where a sentence is cut into clauses for the learned layer, and its shortest clause.
CLAUSE_CUTS = {",", ";", "and", "but", "then", "-", "—", "–", "&", "plus"}
MIN_CLAUSE = 3


def starts(doc: Doc) -> list[int]:
    """Token index where each sentence starts, in order (always begins with 0)."""
    cached = doc.user_data.get(KEY)
    if cached is None:
        flags = doc.to_array(SENT_START).tolist() if len(doc) else []
        cached = [0] + [i for i, flag in enumerate(flags) if flag == 1 and i > 0]
        doc.user_data[KEY] = cached
    return cached


def mend_sentence_starts(doc: Doc) -> Doc:
    """Mend the sentencizer's starts: each line that opens with a list mark, and the
    line after a question or answer of a transcript, is a sentence of its own, and a
    question quoted inside a sentence does not end it.

    A write-up pasted from a notes app puts one fact per line with no full stop
    ("- very much a sales pitch for the bank\n- I mostly listened"); read as one
    sentence, the last line's "I" was taken for whoever made the pitch. And in
    'typed "excel wizard?" into his phone' the words after the quote have no subject
    of their own.
    """
    line = 0  # where the current line starts
    for token in doc[1:]:
        after_break = "\n" in doc[token.i - 1].text and doc[token.i - 1].is_space
        # The line after an item of a list starts a sentence too, such as a notes app's
        # heading ("- I'd be relevant for that / Not so sure / - salary bands vague"),
        # unless it carries the item on ("- I asked about shifts / and that was it").
        if after_break and (token.text[:1] in LIST_MARKS or _answer_line(doc, line) or (
                is_list_item(doc, line) and token.lower_ not in CARRIES_ON)):
            token.is_sent_start = True
        elif token.is_sent_start and token.lower_ in GOES_ON and token.i >= 2 and \
                doc[token.i - 1].text in QUOTES and doc[token.i - 2].text in {"?", "!"}:
            # 'typed "excel wizard?" into his phone', 'he goes "why now?" and starts
            # typing': a question quoted inside a sentence does not end it.
            token.is_sent_start = False
        if after_break:
            line = token.i
    return doc


def _answer_line(doc: Doc, line: int) -> bool:
    """Whether the line starting at token ``line`` is one of a question-and-answer
    write-up ("A: buyer or procurement assistant", "3. Q: entry route?"): it ends
    where it breaks, though it has no full stop, so the next line is not read as its
    continuation ("... assistant / At some point he opened OneNote" is the manager's
    typing, not the assistant's)."""
    words = [t.lower_ for t in doc[line : line + 4] if not t.is_space]
    if words[:1] and (words[0].isdigit() or words[0] in LIST_MARKS):
        words = words[1:] if words[1:2] != ["."] else words[2:]
    return len(words) >= 2 and words[0] in TRANSCRIPT_LABELS and words[1] == ":"


def is_list_item(doc: Doc, a: int) -> bool:
    """Whether the sentence starting at ``a`` is an item of a list ("- asked about ...")."""
    while a < len(doc) and doc[a].is_space:
        a += 1
    return a < len(doc) and doc[a].text[:1] in LIST_MARKS and (
        a == 0 or "\n" in doc[a - 1].text)


def sentence_of(doc: Doc, i: int) -> tuple[int, int]:
    """(start, end) of the sentence holding token ``i``."""
    first = starts(doc)
    k = bisect_right(first, i) - 1
    return first[k], first[k + 1] if k + 1 < len(first) else len(doc)


def clauses(doc: Doc, a: int, b: int) -> list[tuple[int, int]]:
    """(start, end) of the clauses of sentence ``doc[a:b]`` when it has several, else none.

    "He asked what languages I code in, wrote them down, and said their backend
    team needs someone" tells of three signals; read whole, the learned layer
    hears mostly the first, so it also reads each clause (cut at commas and
    "and", "but", "then") on its own, in training and at run time alike.
    Clauses of fewer than MIN_CLAUSE tokens are left out.
    """
    cuts = [i for i in range(a + 1, b - 1) if doc[i].lower_ in CLAUSE_CUTS]
    found = []
    for start, end in pairwise([a, *cuts, b]):
        start += start != a  # the cut word itself belongs to neither side
        if end - start >= MIN_CLAUSE:
            found.append((start, end))
    return found if len(found) > 1 else []
