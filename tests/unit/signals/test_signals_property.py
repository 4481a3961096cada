"""Any text at all, up to 20,000 characters: the spotter answers, quickly, without raising."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infocoach.coaching.next_steps import next_steps
from infocoach.signals import spot, spotter

MAX_SECONDS = 0.5
WORDS = st.sampled_from([
    "he", "she", "I", "we", "didn't", "took", "notes", "asked", "about", "my", "background",
    "but", "if", "?", ",", ".", "the", "company", "enthusiastic", "need", "someone", "opening",
    "<p>", "&amp;", "👍", "İ", "\n", "NOTES", "no", "never", "Priya", "hoping", "team",
])
REPORTS = st.one_of(
    st.text(max_size=20_000),
    st.lists(WORDS, max_size=4_000).map(" ".join).map(lambda s: s[:20_000]),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(REPORTS)
def test_spotter_never_raises_and_stays_fast(text: str) -> None:
    spot("warm up")
    started = time.perf_counter()
    reading = spot(text)
    elapsed = time.perf_counter() - started
    assert elapsed < MAX_SECONDS, f"{elapsed:.3f}s for {len(text)} characters"
    for finding in reading.signals:
        assert text[finding.start : finding.end] == finding.evidence
    assert next_steps(reading)


PHRASE_WORDS = st.sampled_from(["not", "my", "area", "so", "no", "in", "the", "country", "a"])


@settings(max_examples=200, deadline=None)
@given(st.lists(PHRASE_WORDS, max_size=30))
def test_phrases_are_found_where_a_plain_scan_finds_them(words: list[str]) -> None:
    """The phrase lookup indexed by first word finds exactly the runs that comparing every
    phrase at every position finds."""
    phrases = spotter.UNFIT_PHRASES | spotter.COUNTRYWIDE | {("so",), ("a", "a")}
    expected = {(i, i + len(p)) for p in phrases for i in range(len(words))
                if tuple(words[i : i + len(p)]) == p}
    assert set(spotter._phrases_at(words, phrases)) == expected
