"""The widget embedded on another site: origins are checked, and a server restart is survived.

This module starts its own servers (allowing one foreign origin) because it
restarts Rasa, which the shared servers must never see.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect

from infocoach.server.processes import Servers, free_port
from tests.browser.conftest import Widget

pytestmark = pytest.mark.browser

RESTART_TIMEOUT_MS = 300_000


class _BlogPage(BaseHTTPRequestHandler):
    """Another web site: one page whose only link to infocoach is the README's embed snippet."""

    def do_GET(self) -> None:
        server_url = parse_qs(urlparse(self.path).query).get("server", [""])[0]
        if not server_url:  # e.g. the browser asking for /favicon.ico
            self.send_error(404)
            return
        body = (
            "<!doctype html><html><head><title>Some careers blog</title></head><body>"
            "<h1>Careers blog</h1><p>Ask our coach in the corner.</p>"
            f'<script src="{server_url}/webhooks/socketio/static/widget.js" defer></script>'
            "</body></html>"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


class Blog:
    """A local web server on its own port: a different origin from the Rasa server's.

    It is real (not a Playwright route) so that Chromium sees a local site and
    applies only its normal cross-origin rules.
    """

    def __init__(self) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", free_port()), _BlogPage)
        self.origin = f"http://127.0.0.1:{self.httpd.server_port}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def open(self, page: Page, server_url: str) -> None:
        page.goto(f"{self.origin}/post?server={server_url}")

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def allowed_blog() -> Iterator[Blog]:
    blog = Blog()
    yield blog
    blog.close()


@pytest.fixture(scope="module")
def other_blog() -> Iterator[Blog]:
    blog = Blog()
    yield blog
    blog.close()


@pytest.fixture(scope="module")
def own_servers(tmp_path_factory, allowed_blog: Blog) -> Iterator[Servers]:
    run_dir = tmp_path_factory.mktemp("embed-servers")
    servers = Servers(port=free_port(), actions_port=free_port(), tracker_db=run_dir / "tracker.db",
                      run_dir=run_dir, cors=(allowed_blog.origin,),
                      progress=lambda m: print(f"[embed] {m}"))
    servers.start()
    yield servers
    servers.stop()


def test_a_site_not_allowed_by_cors_cannot_connect(
    page: Page, live_servers, other_blog: Blog
) -> None:
    other_blog.open(page, live_servers.url)
    page.get_by_role("button", name="Open chat with infocoach").click()
    expect(page.get_by_role("alert")).to_contain_text("Can't reach the coach")
    expect(page.get_by_role("button", name="Send", exact=True)).to_be_disabled()


def test_embedded_widget_survives_a_server_restart(
    page: Page, own_servers: Servers, allowed_blog: Blog
) -> None:
    allowed_blog.open(page, own_servers.url)
    launcher = page.get_by_role("button", name="Open chat with infocoach")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    launcher.click()
    widget = Widget(page).wait_ready()
    expect(widget.input).to_be_focused()
    widget.say("hi")

    restart = threading.Thread(target=own_servers.restart_rasa)
    restart.start()
    try:
        expect(widget.notice).to_contain_text("Can't reach the coach")
        expect(widget.send_button).to_be_disabled()
        expect(widget.notice).to_be_hidden(timeout=RESTART_TIMEOUT_MS)
    finally:
        restart.join()

    widget.wait_ready()
    expect(widget.user_bubbles).to_have_text(["hi"])  # history reloaded, nothing doubled
    widget.say("how do I end the meeting?")
    expect(widget.bot_bubbles.last).to_contain_text("thank")

    page.keyboard.press("Escape")
    expect(page.get_by_role("button", name="Open chat with infocoach")).to_be_focused()
