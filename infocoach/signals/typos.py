"""Repair one-letter typos in the few words the cues hinge on.

People type debriefs fast on a phone ("backround", "took notse"); one slip in
"background" must not hide the signal. We only touch words that are not
English words at all (unknown to the lemma table) and lie one edit
(insertion, deletion, substitution or swap) from a cue word, so real words
such as "votes" are never turned into "notes".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

MIN_LENGTH = 5
SUFFIXES = ("", "s", "es", "d", "ed", "ing", "ly", "ally")


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _within_one_edit(a: str, b: str) -> bool:
    """Optimal string alignment distance <= 1, without building the full matrix."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
            and a[diff[1]] == b[diff[0]]
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


class TypoFixer:
    """Maps a misspelt token to the lemma of the cue word it was meant to be."""

    def __init__(self, targets: Iterable[str], lemma_of: Mapping[str, str],
                 known_words: set[str]) -> None:
        self._lemma_of = lemma_of
        self._known_words = known_words
        self._forms: dict[str, str] = {}
        for target in targets:
            for form in self._inflections(target):
                self._forms[form] = target
        self._index: dict[str, set[str]] = {}
        for form in self._forms:
            if len(form) >= MIN_LENGTH:
                for key in {form, *_deletions(form)}:
                    self._index.setdefault(key, set()).add(form)

    def _inflections(self, lemma: str) -> set[str]:
        """The lemma and the regular forms the lemma table agrees belong to it."""
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        doubled = lemma + lemma[-1]
        candidates = {lemma + s for s in SUFFIXES} | {stem + s for s in SUFFIXES}
        candidates |= {doubled + s for s in ("ed", "ing")}
        return {lemma} | {c for c in candidates if self._lemma_of.get(c) == lemma}

    def is_word(self, lower: str) -> bool:
        """Whether ``lower`` is an English word: in the lemma table or among ``known_words``."""
        return lower in self._forms or self._lemma_of.get(lower) is not None \
            or lower in self._known_words

    def repair(self, lower: str) -> str | None:
        """The cue lemma ``lower`` is a typo of, or None when it is not one."""
        if len(lower) < MIN_LENGTH or not lower.isalpha() or self.is_word(lower):
            return None
        forms = set(self._index.get(lower, ()))
        for key in _deletions(lower):
            forms |= self._index.get(key, set())
        lemmas = {self._forms[f] for f in forms if _within_one_edit(lower, f)}
        return lemmas.pop() if len(lemmas) == 1 else None
