"""The practice scorecard in the widget, and an axe-core audit of the chat page.

axe-core comes from npm, pinned in infocoach/web/package-lock.json and installed
by `make web`; it is injected from node_modules, never fetched from a CDN.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import Widget

pytestmark = pytest.mark.browser

WEB = Path(__file__).resolve().parents[2] / "infocoach" / "web"
AXE = WEB / "node_modules" / "axe-core" / "axe.min.js"
AXE_VERSION = json.loads((WEB / "package.json").read_text())["devDependencies"]["axe-core"]
XSS = '<img src=x onerror="window.__xss=1">'
# What the audit reports: enough to fix a violation from the test output alone.
_VIOLATIONS = """async () => (await axe.run(document)).violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help,
  nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)
}))"""


def practise_and_score(widget: Widget, resume_turn: str) -> None:
    """A seeded mock meeting with a helpful manager, left after one turn, then scored."""
    widget.say('/practice{"seed": 3, "persona": "neutral"}')
    widget.say("nursing")
    widget.say(resume_turn)
    widget.say("stop practice")
    widget.say("how did I do?")


def test_the_scorecard_is_a_list_of_steps_marked_done_or_missed(page: Page, chat_url: str) -> None:
    widget = Widget(page).open(chat_url)
    practise_and_score(widget, f"Here is my resume {XSS}")

    card = page.locator(".ic-card").last
    expect(card).to_contain_text("Your scorecard")
    steps = card.locator(".ic-steps").get_by_role("listitem")
    expect(steps).to_have_count(8)
    expect(steps.first).to_contain_text("Done: Handed over your resume")
    expect(steps.first).to_contain_text(f'you said "Here is my resume {XSS}"')
    expect(steps.nth(1)).to_contain_text("Missed: Explained your situation")
    expect(card.locator(".ic-step-done")).to_have_count(1)
    expect(card.locator(".ic-step-missed")).to_have_count(7)
    expect(card).to_contain_text("Tips for next time")
    expect(card).not_to_contain_text("**")
    # The user's quoted words stay text: nothing they typed became an element.
    assert page.locator(".ic-log img, .ic-log script").count() == 0
    assert page.evaluate("() => window.__xss") is None

    page.reload()  # the history lays the scorecard out the same way
    widget.wait_ready()
    expect(page.locator(".ic-card .ic-steps").last.get_by_role("listitem")).to_have_count(8)
    assert page.evaluate("() => window.__xss") is None


@pytest.fixture
def audit_page(browser: Browser) -> Iterator[Page]:
    """A page that lets axe-core be injected: the chat page's CSP allows no inline script."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `make web` (npm ci in infocoach/web)")
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


def test_axe_finds_no_violation_with_quick_replies_and_a_scorecard(
    audit_page: Page, chat_url: str
) -> None:
    page = audit_page
    widget = Widget(page).open(chat_url)
    practise_and_score(widget, "Hello, here is my resume.")
    widget.say("hi")
    expect(page.locator(".ic-card")).to_have_count(1)
    expect(page.get_by_role("group", name="Suggested replies").get_by_role("button").first
           ).to_be_visible()

    page.add_script_tag(path=str(AXE))
    assert page.evaluate("() => axe.version") == AXE_VERSION  # the pinned one, from node_modules
    assert page.evaluate(_VIOLATIONS) == []
