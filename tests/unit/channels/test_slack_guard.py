"""Slack request signatures and the memory that refuses a second delivery."""

from __future__ import annotations

from infocoach.channels.slack_guard import SeenOnce, is_signed_by_slack
from tests.fakes.slack_events import sign

SECRET = "s3cret"
BODY = b'{"type": "event_callback"}'
NOW = 1_700_000_000


def test_a_correct_recent_signature_is_accepted():
    assert is_signed_by_slack(SECRET, BODY, str(NOW), sign(BODY, NOW, SECRET), now=NOW + 10)


def test_wrong_secret_altered_body_or_missing_headers_are_refused():
    good = sign(BODY, NOW, SECRET)
    assert not is_signed_by_slack(SECRET, BODY, str(NOW), sign(BODY, NOW, "other"), now=NOW)
    assert not is_signed_by_slack(SECRET, BODY + b" ", str(NOW), good, now=NOW)
    assert not is_signed_by_slack(SECRET, BODY, None, good, now=NOW)
    assert not is_signed_by_slack(SECRET, BODY, str(NOW), None, now=NOW)
    assert not is_signed_by_slack(SECRET, BODY, "not-a-number", good, now=NOW)


def test_signatures_older_or_newer_than_five_minutes_are_refused():
    old = NOW - 301
    assert not is_signed_by_slack(SECRET, BODY, str(old), sign(BODY, old, SECRET), now=NOW)
    future = NOW + 301
    assert not is_signed_by_slack(SECRET, BODY, str(future), sign(BODY, future, SECRET), now=NOW)
    recent = NOW - 299
    assert is_signed_by_slack(SECRET, BODY, str(recent), sign(BODY, recent, SECRET), now=NOW)


def test_a_key_is_accepted_once_and_the_oldest_keys_are_forgotten():
    seen = SeenOnce(capacity=2)
    assert seen.first_time("a") and not seen.first_time("a")
    assert seen.first_time("b") and seen.first_time("c")
    assert seen.first_time("a")  # forgotten: capacity 2 keeps only b and c
    assert not seen.first_time("c")
