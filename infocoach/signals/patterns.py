"""The cue patterns (spaCy Matcher syntax) matched in plain Python, indexed by first word.

Why not spaCy's ``Matcher``: each call has a fixed cost of tens of
microseconds and a cost per token even for a one-word pattern, and one
Matcher holding every cue pattern is slower still. Cue matching was half of
the spotter's time. Every cue pattern starts with a required word, so the
patterns are indexed by that word and a report tries only those whose first
word it contains: two or three short patterns for a typical report.

The patterns keep spaCy's syntax (``cues.py`` reads like any Matcher
pattern file) and its semantics: every (start, end) a spaCy ``Matcher``
would return, no more; a test checks this against spaCy on every labelled
report. Only the subset the cues use is accepted (``LOWER`` / ``LEMMA`` as a
string or ``IN`` list, ``IS_PUNCT``, ops ``?`` and ``{0,n}``); anything else
is refused when the pipeline is built, naming the pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.strings import StringStore

Token = dict[str, object]
Pattern = list[Token]

LOWER, LEMMA, PUNCT, NOT_PUNCT = range(4)
WORD_ATTRS = {"LOWER": LOWER, "LEMMA": LEMMA}
RANGE_OP = re.compile(r"\{(\d+),(\d+)\}")


class PatternError(ValueError):
    """A cue pattern uses something this matcher does not implement."""


@dataclass(frozen=True)
class Step:
    """One pattern token: what it tests and how many tokens in a row it takes."""

    test: int
    words: frozenset[int]
    least: int
    most: int


@dataclass(frozen=True)
class Compiled:
    name: str
    steps: tuple[Step, ...]


class PatternSet:
    """Named patterns; calling it with a doc's token attributes gives every match."""

    def __init__(self, strings: StringStore, patterns: Iterable[tuple[str, Pattern]]) -> None:
        self._first: tuple[dict[int, list[Compiled]], dict[int, list[Compiled]]] = ({}, {})
        for name, pattern in patterns:
            steps = tuple(_step(token, strings, pattern) for token in pattern)
            first = steps[0] if steps else None
            if first is None or first.test not in (LOWER, LEMMA) \
                    or (first.least, first.most) != (1, 1):
                raise PatternError(f"{name}: a pattern must start with one required word: "
                                   f"{pattern}")
            compiled = Compiled(name, steps)
            for word in first.words:
                self._first[first.test].setdefault(word, []).append(compiled)

    def __call__(self, lowers: list[int], lemmas: list[int],
                 puncts: list[bool]) -> set[tuple[str, int, int]]:
        """(name, start, end) of every match, by token index (end exclusive)."""
        by_lower, by_lemma = self._first
        tokens = (lowers, lemmas, puncts)
        found = set()
        for i, (lower, lemma) in enumerate(zip(lowers, lemmas, strict=True)):
            candidates = by_lower.get(lower, []) + by_lemma.get(lemma, [])
            for compiled in candidates:
                for end in _ends(compiled.steps, 1, i + 1, tokens):
                    found.add((compiled.name, i, end))
        return found


def _ends(steps: tuple[Step, ...], k: int, at: int,
          tokens: tuple[list[int], list[int], list[bool]]) -> Iterator[int]:
    """Every end position where ``steps[k:]`` match starting at token ``at``."""
    if k == len(steps):
        yield at
        return
    step = steps[k]
    taken = 0
    if step.least == 0:
        yield from _ends(steps, k + 1, at, tokens)
    while taken < step.most and at + taken < len(tokens[0]) and _passes(step, tokens, at + taken):
        taken += 1
        if taken >= step.least:
            yield from _ends(steps, k + 1, at + taken, tokens)


def _passes(step: Step, tokens: tuple[list[int], list[int], list[bool]], i: int) -> bool:
    if step.test == LOWER:
        return tokens[0][i] in step.words
    if step.test == LEMMA:
        return tokens[1][i] in step.words
    return tokens[2][i] == (step.test == PUNCT)


def _step(token: Token, strings: StringStore, pattern: Pattern) -> Step:
    """Translate one Matcher token, refusing what we would silently get wrong."""
    op = token.get("OP")
    least, most = _quantity(op, pattern)
    tests = {key: value for key, value in token.items() if key != "OP"}
    if len(tests) != 1:
        raise PatternError(f"a token must test exactly one attribute: {token} in {pattern}")
    ((attr, value),) = tests.items()
    if attr == "IS_PUNCT" and isinstance(value, bool):
        return Step(PUNCT if value else NOT_PUNCT, frozenset(), least, most)
    if attr not in WORD_ATTRS:
        raise PatternError(f"unsupported attribute {attr!r} in {pattern}")
    if isinstance(value, str):
        words = [value]
    elif isinstance(value, dict) and set(value) == {"IN"}:
        words = list(value["IN"])
    else:
        raise PatternError(f"{attr} must be a word or {{'IN': [...]}}: {token} in {pattern}")
    return Step(WORD_ATTRS[attr], frozenset(strings.add(w) for w in words), least, most)


def _quantity(op: object, pattern: Pattern) -> tuple[int, int]:
    if op is None:
        return 1, 1
    if op == "?":
        return 0, 1
    match = RANGE_OP.fullmatch(op) if isinstance(op, str) else None
    if match is None:
        raise PatternError(f"unsupported OP {op!r} in {pattern}")
    return int(match.group(1)), int(match.group(2))
