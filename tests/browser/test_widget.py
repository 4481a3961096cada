"""The web widget against the real servers: answers, quick replies, reload, safety, layout."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Widget

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>'


def test_a_question_gets_the_coachs_advice_with_formatting(page: Page, chat_url: str) -> None:
    widget = Widget(page).open(chat_url)
    widget.say("how do I end the meeting?")

    reply = widget.bot_bubbles.last
    expect(reply).to_contain_text("thank")
    expect(reply).to_contain_text(re.compile(r"two or three managers at other compan", re.I))
    # **bold** arrives as a <strong> element, not as asterisks.
    expect(reply.locator("strong").first).to_be_visible()
    expect(reply).not_to_contain_text("**")


def test_keyboard_only_quick_reply_starts_the_walkthrough(page: Page, chat_url: str) -> None:
    widget = Widget(page).open(chat_url)
    expect(widget.input).to_be_focused()
    widget.say("hi")

    # From the message box, Shift+Tab walks back through the quick replies.
    target = page.get_by_role("button", name="Coach me through it", exact=True)
    for _ in range(8):
        page.keyboard.press("Shift+Tab")
        if target.evaluate("b => b.getRootNode().activeElement === b"):
            break
    expect(target).to_be_focused()
    before = widget.bot_bubbles.count()
    page.keyboard.press("Enter")
    expect(widget.bot_bubbles).not_to_have_count(before)
    expect(widget.typing).to_be_hidden()

    expect(widget.user_bubbles.last).to_have_text("Coach me through it")
    expect(page.locator(".ic-log")).to_contain_text("Step 1")


def test_reload_continues_the_same_conversation(page: Page, chat_url: str) -> None:
    widget = Widget(page).open(chat_url)
    widget.say("hi")
    widget.click_reply("Coach me through it")
    expect(page.locator(".ic-log")).to_contain_text("Step 1")
    session = widget.session_id()
    assert session

    page.reload()
    widget.wait_ready()
    assert widget.session_id() == session
    # Earlier messages are back, quick replies shown by their titles, not payloads.
    expect(widget.user_bubbles).to_have_text(["hi", "Coach me through it"])
    expect(page.locator(".ic-log")).to_contain_text("Step 1")

    widget.say("next")
    expect(page.locator(".ic-log")).to_contain_text("Step 2")


def test_typed_markup_is_shown_as_text_and_never_runs(page: Page, chat_url: str) -> None:
    widget = Widget(page).open(chat_url)
    widget.say(XSS)

    expect(widget.user_bubbles.last).to_have_text(XSS)
    assert page.locator(".ic-log img, .ic-log script").count() == 0
    assert page.evaluate("() => window.__xss") is None

    page.reload()  # the history path renders it again: still text
    widget.wait_ready()
    expect(widget.user_bubbles.last).to_have_text(XSS)
    assert page.evaluate("() => window.__xss") is None


def test_screen_reader_structure(page: Page, chat_url: str) -> None:
    Widget(page).open(chat_url)
    log = page.get_by_role("log", name="Conversation")
    expect(log).to_have_attribute("aria-live", "polite")
    expect(page.get_by_role("group", name="Suggested replies")).to_be_visible()
    expect(page.get_by_role("region", name="infocoach chat")).to_be_visible()


@pytest.mark.parametrize(("name", "width", "height"),
                         [("desktop", 1280, 800), ("mobile-360", 360, 740)])
def test_layout_fits_and_screenshot(
    page: Page, chat_url: str, name: str, width: int, height: int
) -> None:
    page.set_viewport_size({"width": width, "height": height})
    widget = Widget(page).open(chat_url)
    widget.say("how do I end the meeting?")
    widget.say("hi")
    widget.press_reply("Coach me through it")  # no mouse: no hover highlight in the picture

    # Nothing sticks out sideways, and the message box stays on screen.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    box = widget.input.bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= width
    assert box["y"] + box["height"] <= height
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
