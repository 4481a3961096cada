"""Questions the method does not answer, and the honest reply to each.

An intent classifier trained on the article's topics will map "what should I
wear?" to the closest topic it knows and answer *that* with confidence. The
topics the method leaves open are listed in ``data/content/uncovered.yml``
with keywords; this module picks the one a message is about, so the coach can
say the method doesn't cover it and give the nearest advice it does give.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import conlist, constr, validator

from infocoach.coaching.content import content
from infocoach.coaching.replies import Reply
from infocoach.datafile import StrictModel, load_model
from infocoach.paths import CONTENT_DIR

UNCOVERED_FILE = CONTENT_DIR / "uncovered.yml"

Text = constr(min_length=1)

class UncoveredTopic(StrictModel):
    """One topic the method leaves open: how to recognise it and what to say."""

    id: constr(regex=r"^[a-z][a-z0-9_]*$")
    keywords: conlist(Text, min_items=1)
    reply: Text

    @validator("keywords", each_item=True)
    def _is_regex(cls, keyword: str) -> str:
        try:
            re.compile(keyword)
        except re.error as exc:
            raise ValueError(f"'{keyword}' is not a valid regular expression: {exc}") from exc
        return keyword

    def hits(self, text: str) -> int:
        """How many of the keywords occur in ``text`` (lower-cased) as whole words."""
        return sum(bool(re.search(rf"\b(?:{k})\b", text)) for k in self.keywords)


class UncoveredFile(StrictModel):
    version: Literal[1]
    topics: conlist(UncoveredTopic, min_items=1)
    fallback: Text

    @validator("topics")
    def _unique_ids(cls, topics: list[UncoveredTopic]) -> list[UncoveredTopic]:
        ids = [t.id for t in topics]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate topic id(s): {', '.join(duplicates)}")
        return topics


def load_uncovered(path: Path = UNCOVERED_FILE) -> UncoveredFile:
    """Load and validate an uncovered-topics file; errors name the file and line."""
    return load_model(path, UncoveredFile)


@lru_cache(maxsize=1)
def uncovered() -> UncoveredFile:
    """The shipped list, loaded once per process."""
    return load_uncovered()


def match(text: str, source: UncoveredFile | None = None) -> UncoveredTopic | None:
    """The topic with the most keywords in ``text`` (the first listed on a tie); None if none."""
    source = source or uncovered()
    lowered = text.lower().replace("\u2019", "'")
    best, best_hits = None, 0
    for topic in source.topics:
        hits = topic.hits(lowered)
        if hits > best_hits:
            best, best_hits = topic, hits
    return best


def uncovered_reply(text: str, source: UncoveredFile | None = None) -> Reply:
    """The honest reply: the matched topic's, or the general one."""
    source = source or uncovered()
    topic = match(text, source)
    offered = tuple(content().conversation.clarify.always_offered)
    return Reply(text=topic.reply if topic else source.fallback, buttons=offered)
