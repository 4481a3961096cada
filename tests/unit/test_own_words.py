"""The bot states the article's facts in its own words, never in the article's sentences.

Every text the bot can say (all string values in data/content/*.yml and
data/responses/faq.yml, and the texts and button titles of domain.yml's
responses) is compared with the source article: sharing eight or more
consecutive words with it, after lower-casing and dropping punctuation, fails.

The article lives outside the repository, in ``shared/seed/`` next to the
clone (a git worktree sits one folder deeper, so the folders above are tried
in turn). A clone without it skips this test and says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

ARTICLE = Path("shared", "seed", "information-interview-article.txt")
RUN = 8


def find_article(root: Path) -> Path | None:
    return next((p / ARTICLE for p in root.parents if (p / ARTICLE).is_file()), None)


def words(text: str) -> list[str]:
    """Lower-case words with punctuation and markup dropped ("you've" -> "youve")."""
    text = re.sub(r"['’]", "", text.lower())
    return re.findall(r"[a-z0-9]+", text)


def runs(text: str, length: int = RUN) -> set[tuple[str, ...]]:
    found = words(text)
    return {tuple(found[i : i + length]) for i in range(len(found) - length + 1)}


def strings(value: object, where: str) -> Iterator[tuple[str, str]]:
    """(where, text) for every string inside a YAML value."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, f"{where}.{index}")


def bot_texts(root: Path) -> Iterator[tuple[str, str]]:
    files = [*sorted((root / "data" / "content").glob("*.yml")), root / "data/responses/faq.yml"]
    for path in files:
        yield from strings(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)
    domain = yaml.safe_load((root / "domain.yml").read_text(encoding="utf-8"))
    yield from strings(domain["responses"], "domain.yml:responses")


@pytest.fixture
def article_runs(root: Path) -> set[tuple[str, ...]]:
    path = find_article(root)
    if path is None:
        pytest.skip(f"the source article ../{ARTICLE} is missing next to this clone: not checked")
    return runs(path.read_text(encoding="utf-8"))


def test_no_bot_text_repeats_eight_words_of_the_article(root: Path, article_runs) -> None:
    copied = [
        f"{where}: ...{' '.join(sorted(shared)[0])}..."
        for where, text in bot_texts(root)
        if (shared := runs(text) & article_runs)
    ]
    assert not copied, "say these in the project's own words:\n" + "\n".join(copied)


def test_a_copied_sentence_is_caught(article_runs) -> None:
    copied = "Thank them, but ask if he can refer you to managers at two or three other companies."
    assert runs(copied) & article_runs
    assert not runs("Ask whether they could suggest managers at two or three other firms.") & (
        article_runs
    )


def test_punctuation_and_case_do_not_hide_a_copy() -> None:
    assert runs("It's CUSTOMARY to investigate a field, before entering it!") == runs(
        "its customary to investigate a field before entering it"
    )


def test_bot_texts_speak_of_managers_without_gender(root: Path) -> None:
    # The article calls every manager "he"; the bot never assumes a gender.
    gendered = [
        f"{where}: {text[:60]}"
        for where, text in bot_texts(root)
        if re.search(r"\b(he|she|him|her|his|hers|himself|herself)\b", text, re.I)
    ]
    assert not gendered, "\n".join(gendered)
