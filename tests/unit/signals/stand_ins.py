"""Stand-in models for the spotter's learned layer, so a test decides what the model reads
and only the rules' checks are left to decide the rest."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from infocoach.ids import Signal

Scorer = Callable[[Sequence[str]], list[dict[Signal, float]]]
# What a stand-in gives a signal it reads: past every threshold, short of the certainty
# (spotter.SURE_WHOLE) that takes a sentence past the checks on its mood.
READ = 0.85


def reads_everywhere(signal: str, score: float = READ) -> Scorer:
    """A stand-in model that reads ``signal`` in every sentence and clause, at ``score``."""
    def scorer(texts: Sequence[str]) -> list[dict[Signal, float]]:
        return [{s: score if s.value == signal else 0.0 for s in Signal} for _ in texts]
    return scorer


def reads_nothing(texts: Sequence[str]) -> list[dict[Signal, float]]:
    """A stand-in model that rules every signal out everywhere."""
    return [dict.fromkeys(Signal, 0.0) for _ in texts]


def reads_where(signal: str, phrase: str, opening: bool = False) -> Scorer:
    """A stand-in model that reads ``signal`` only where it is told, as a real model does:
    in the texts (a sentence and its clauses) holding ``phrase``, or, with ``opening``, in
    the clause that opens with it."""
    def scorer(texts: Sequence[str]) -> list[dict[Signal, float]]:
        return [{s: READ if s.value == signal and (
            text.strip().startswith(phrase) if opening else phrase in text) else 0.0
            for s in Signal} for text in texts]
    return scorer
