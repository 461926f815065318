"""Fixtures for the browser tests: Chromium, the demo site served by the real `mkdocs serve`,
the demo site built and served as a static host would, and pages that record what they do.

Everything here skips with one line when Chromium is missing (see tests.conftest).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.support import GzipServer, MkdocsServe, html_pages
from tests.conftest import CHROMIUM_ARGS, REPO, require_chromium, require_module

SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 740}
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}

_screenshots_written: list[Path] = []


@pytest.fixture(scope="package")
def chromium() -> str:
    return require_chromium()


@pytest.fixture(scope="package")
def browser(chromium: str):
    sync_api = require_module("playwright.sync_api", "pip install playwright (no browser download)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="package")
def demo_pages(demo_build: Path) -> list[str]:
    """Every HTML page of the built demo (the list grows with the demo site)."""
    return html_pages(demo_build)


@pytest.fixture(scope="package")
def served(chromium: str, demo_copy: Path, tmp_path_factory) -> Iterator[MkdocsServe]:
    """The demo site served by the real `mkdocs serve` (read-only: tests do not edit it)."""
    log = tmp_path_factory.mktemp("serve-log") / "mkdocs-serve.log"
    with MkdocsServe(demo_copy, log) as server:
        yield server


@pytest.fixture(scope="package")
def static_host(chromium: str, demo_build: Path) -> Iterator[GzipServer]:
    server = GzipServer(demo_build).start()
    yield server
    server.stop()


@dataclass
class Visit:
    """A page plus what it did: every request URL, console errors and uncaught exceptions;
    offline, the requests to other origins that were refused (or answered from `routes`)."""

    page: object
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return self.console_errors + self.page_errors


OpenPage = Callable[..., Visit]


@pytest.fixture
def open_page(browser) -> Iterator[OpenPage]:
    """open_page(url, width="desktop"|"phone", color_scheme="light", ...) -> Visit.

    Each call gets a fresh browser context (own localStorage), so tests do not leak state.
    `reduced_motion` is on: no typing animation, no smooth scrolling to wait for.
    `offline=True`: a request to another origin than the page's is recorded in
    `visit.foreign` and refused, as without a network, unless it starts with a key of
    `routes` ({URL prefix: local file}), which answers it with that file (a CDN library).
    """
    contexts = []

    def open_(
        url: str,
        *,
        width: str = "desktop",
        color_scheme: str = "light",
        init_script: str | None = None,
        wait_until: str = "load",
        offline: bool = False,
        routes: dict[str, Path] | None = None,
    ) -> Visit:
        context = browser.new_context(
            viewport=WIDTHS[width], color_scheme=color_scheme, reduced_motion="reduce"
        )
        contexts.append(context)
        if init_script:
            context.add_init_script(init_script)
        page = context.new_page()
        visit = Visit(page)
        if offline:
            keep_offline(page, origin_of(url), visit.foreign, routes)
        page.on("request", lambda request: visit.requests.append(request.url))
        page.on(
            "console",
            lambda message: (
                visit.console_errors.append(f"{message.text} ({message.location})")
                if message.type == "error"
                else None
            ),
        )
        page.on("pageerror", lambda exc: visit.page_errors.append(str(exc)))
        page.goto(url, wait_until=wait_until)
        return visit

    yield open_
    for context in contexts:
        context.close()


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def keep_offline(page, local: str, foreign: list[str], routes: dict[str, Path] | None = None):
    """Let `page` reach only `local` (an origin): record every other URL in `foreign`, answer
    those under a prefix of `routes` with its file (CORS allowed, as a CDN does) and refuse
    the rest."""

    def route(request_route) -> None:
        url = request_route.request.url
        if url.startswith(local):
            request_route.continue_()
            return
        foreign.append(url)
        for prefix, file in (routes or {}).items():
            if url.startswith(prefix):
                request_route.fulfill(
                    path=str(file),
                    headers={
                        "Access-Control-Allow-Origin": "*",
                        "Content-Type": "application/javascript",
                    },
                )
                return
        request_route.abort()

    page.route("**/*", route)


def save_screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    _screenshots_written.append(path)
    return path


def pytest_terminal_summary(terminalreporter) -> None:
    if _screenshots_written:
        terminalreporter.write_sep("-", "screenshots")
        terminalreporter.write_line(
            f"{len(_screenshots_written)} screenshots of the demo site in {SCREENSHOTS}"
        )
