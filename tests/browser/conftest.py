"""Headless Chromium (Debian's, installed by `make browser-deps`) driving the web widget."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
CHAT_PATH = "/webhooks/socketio/chat"
# Rasa answers in seconds, but the machine may be busy with a model or other servers.
REPLY_TIMEOUT_MS = 90_000

expect.set_options(timeout=REPLY_TIMEOUT_MS)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Chromium for one test module.

    Playwright's sync API keeps an event loop running in the main thread while
    it is open; scoped to a module, it is closed before the rest of the suite
    runs code that starts its own loop (asyncio.run).
    """
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.fail("Chromium is missing: run `make browser-deps` (installs Debian's chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Widget:
    """The chat widget on a page, driven the way a person would: type, press Enter, click."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.input = page.get_by_label("Your message")
        self.send_button = page.get_by_role("button", name="Send", exact=True)
        self.bot_bubbles = page.locator(".ic-bot .ic-bubble")
        self.user_bubbles = page.locator(".ic-user .ic-bubble")
        self.typing = page.locator(".ic-typing")
        self.notice = page.get_by_role("alert")

    def open(self, url: str) -> Widget:
        self.page.goto(url)
        return self.wait_ready()

    def wait_ready(self) -> Widget:
        expect(self.send_button).to_be_enabled()
        return self

    def _await_reply(self, bot_count_before: int) -> None:
        expect(self.typing).to_be_hidden()
        expect(self.bot_bubbles).not_to_have_count(bot_count_before)

    def say(self, text: str) -> None:
        """Type a message and press Enter; returns once the coach's reply has arrived."""
        before = self.bot_bubbles.count()
        sent_before = self.user_bubbles.count()
        self.input.fill(text)
        self.input.press("Enter")
        # The widget took the message (it ignores Enter while offline).
        expect(self.user_bubbles).to_have_count(sent_before + 1)
        self._await_reply(before)

    def state(self) -> str:
        """What a person would see of the widget, for a failed test's report."""
        status = self.page.locator(".ic-subtitle")
        return "\n".join([
            f"status: {status.inner_text() if status.count() else '(no widget)'}",
            f"notice: {self.notice.inner_text() if self.notice.is_visible() else '(none)'}",
            f"send enabled: {self.send_button.is_enabled() if self.send_button.count() else '-'}",
            f"typing shown: {self.typing.is_visible()}",
            f"user bubbles: {self.user_bubbles.all_inner_texts()}",
            f"bot bubbles: {len(self.bot_bubbles.all_inner_texts())}",
        ])

    def click_reply(self, title: str) -> None:
        before = self.bot_bubbles.count()
        self.page.get_by_role("button", name=title, exact=True).click()
        self._await_reply(before)

    def press_reply(self, title: str) -> None:
        """Choose a quick reply with the keyboard (focus it, press Enter)."""
        before = self.bot_bubbles.count()
        self.page.get_by_role("button", name=title, exact=True).press("Enter")
        self._await_reply(before)

    def session_id(self) -> str | None:
        return self.page.evaluate(
            "() => Object.entries(localStorage)"
            ".find(([k]) => k.startsWith('infocoach.session@'))?.[1] ?? null"
        )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed browser test reports what the widget showed when it failed."""
    outcome = yield
    report = outcome.get_result()
    page = getattr(item, "funcargs", {}).get("page")
    if report.when == "call" and report.failed and page is not None:
        try:
            report.sections.append(("widget state", Widget(page).state()))
        except Exception as error:  # the page itself may be what broke
            report.sections.append(("widget state", f"unreadable: {error}"))


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser context per test: its own localStorage, so its own conversation."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    # Shown by pytest when a test fails: what the widget's page saw.
    page.on("console", lambda message: print(f"[console] {message.type}: {message.text}"))
    yield page
    context.close()


@pytest.fixture
def chat_url(live_servers) -> str:
    return live_servers.url + CHAT_PATH
