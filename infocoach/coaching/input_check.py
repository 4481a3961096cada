"""Spot input that NLU would misread: other languages and text with no known word.

A statistical intent classifier always picks *some* intent, often with high
confidence, even for Spanish or for a pasted ``<script>`` tag. These checks
run before the dialogue acts on such a guess: other languages get an honest
"English only" reply; text without a single word the training data knows
is treated as not understood, so the bot asks instead of guessing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from enum import Enum


class InputKind(str, Enum):
    OK = "ok"
    OTHER_LANGUAGE = "other_language"
    NO_KNOWN_WORDS = "no_known_words"


_MARKUP = re.compile(r"<[^>]{0,200}>|https?://\S+|&[a-z]+;", re.I)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")

# Frequent English words; any of them marks a message as English enough.
ENGLISH = frozenset(
    """a about after all am an and any are as ask at be been before but by can could did do does
    doing done for from get go going got had has have he her him his how i if in into is it its just
    know like me meet meeting more my no not now of on one or our out should so some she than that
    the their them then there they this to up us want was we well were what when where which who
    why will with would you your yes ok okay thanks thank hi hello please help next""".split()
)
# Frequent function words of other Latin-script languages that English lacks.
OTHER_LATIN = (
    frozenset(
        """el los las del por para con una uno como que qué cómo cuando dónde pero muy también está
    estoy tengo puedo quiero hacer entrevista reunión gracias hola
    le les des une est et je vous nous pour avec dans sur pas mais comment quand où merci bonjour
    suis être avoir faire très
    der die das und ist ich nicht ein eine mit für auf wie was wann warum danke hallo sie wir
    bitte gespräch
    il lo gli della sono come perché grazie ciao anche molto che non questo oggi
    não sim obrigado olá você como está fazer uma
    het een niet ik je wij zijn hoe wat waarom bedankt hallo""".split()
    )
    - ENGLISH
)


# "Delete my data" is destructive, so its intent needs a word of deleting in the text: the
# classifier took a company called "Delta Foods" for it (letters like "delete"), and a form
# asking for the company asked about deleting the conversation instead.
_DELETING = re.compile(
    r"\b(?:delet|eras|remov|wip(?:e|ed|ing)\b|forg[eo]t|purg|destroy|discard|scrub|clear(?:ed|ing)?\b|rid\b"
    r"|gone\b)", re.I)


def mentions_deleting(text: str) -> bool:
    """Whether ``text`` has a word of deleting ("erase", "wipe", "get rid of", ...)."""
    return bool(_DELETING.search(text))


def words(text: str) -> list[str]:
    """Lower-case words of ``text`` with markup and links removed."""
    return [w.lower() for w in _WORD.findall(_MARKUP.sub(" ", text))]


def stem(word: str) -> str:
    """A crude English stem, so "meetings" and "meeting" (and "résumé") match."""
    word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def build_vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Stems of every word in the training examples."""
    return frozenset(stem(w) for text in texts for w in words(text))


def _is_latin(char: str) -> bool:
    return "LATIN" in unicodedata.name(char, "")


def classify_input(text: str, vocabulary: frozenset[str]) -> InputKind:
    """Whether NLU can be trusted with ``text``."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        # Digits may answer a question; emoji and punctuation alone have no words the
        # classifier was ever trained on, so its guess would be arbitrary.
        if text.strip() and not any(c.isdigit() for c in text):
            return InputKind.NO_KNOWN_WORDS
        return InputKind.OK
    non_latin = sum(not _is_latin(c) for c in letters)
    if non_latin >= 2 and non_latin * 2 >= len(letters):
        return InputKind.OTHER_LANGUAGE
    markup = sum(len(m) for m in _MARKUP.findall(text))
    if markup * 2 >= len(text.strip()):
        return InputKind.NO_KNOWN_WORDS  # mostly tags or links: nothing to read
    found = words(text)
    english = sum(w in ENGLISH for w in found)
    other = sum(w in OTHER_LATIN for w in found)
    if (
        "¿" in text
        or "¡" in text
        or (other >= 2 and other > english)
        or (other and not english and len(found) >= 3)
    ):
        return InputKind.OTHER_LANGUAGE
    if not any(stem(w) in vocabulary for w in found if len(w) > 1):
        return InputKind.NO_KNOWN_WORDS
    return InputKind.OK
