"""Collections pages in Chromium: offline repository cards, light/dark image variants,
pagination links, the calendar disclosure. Skips without Playwright or Debian's chromium."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from tests.integration.collections_site import FILES
from tests.sitebuilder import init_and_build, write_files

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no chromium")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("collections-browser")
    files = dict(FILES)
    files["_pages/teaching.md"] = FILES["_pages/teaching.md"].replace(
        "timezone='Europe/London'", "timezone='Europe/London' embed=true"
    )
    write_files(root, files)
    result = init_and_build(root)
    assert result.error is None
    handler = functools.partial(_Quiet, directory=str(result.out))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()


def offline_page(browser, server):
    """A page whose requests to anything but the local server fail, as offline."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    third_party: list[str] = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(server):
            request_route.continue_()
        else:
            third_party.append(url)
            request_route.abort()

    page.route("**/*", route)
    return page, third_party


def test_repository_cards_survive_offline(browser, server):
    page, third_party = offline_page(browser, server)
    page.goto(server + "repositories/")
    page.wait_for_function(
        "Array.from(document.querySelectorAll('.repo-img--light')).every(i => i.hidden)",
        timeout=10000,
    )
    names = page.locator(".repo-name").all_inner_texts()
    assert [n.strip() for n in names] == ["ada", "ada", "ada/engine", "babbage/difference"]
    assert all(page.locator(".repo").evaluate_all("els => els.map(e => e.offsetHeight > 0)"))
    assert third_party and all("github" in url for url in third_party)
    # only the light variants were requested: the dark ones are not displayed
    assert not any("theme=dark" in url for url in third_party)
    page.close()


def test_dark_theme_requests_the_dark_images(browser, server):
    page, third_party = offline_page(browser, server)
    page.add_init_script("localStorage.setItem('theme', 'dark')")
    page.goto(server + "repositories/")
    page.wait_for_function(
        "Array.from(document.querySelectorAll('.repo-img--dark')).every(i => i.hidden)",
        timeout=10000,
    )
    assert any("theme=dark" in url for url in third_party)
    assert not any("theme=default" in url for url in third_party)
    page.close()


def test_pages_without_third_party_features_make_no_outside_request(browser, server):
    page, third_party = offline_page(browser, server)
    for url in ("blog/", "blog/2024/first-post/", "projects/", "cv/", "news/", "books/"):
        page.goto(server + url)
        page.wait_for_load_state("networkidle")
    assert third_party == []
    page.close()


def test_pagination_links_and_calendar_disclosure(browser, server):
    page, third_party = offline_page(browser, server)
    page.goto(server + "blog/")
    page.get_by_role("link", name="Older").click()
    page.wait_for_url(server + "blog/page/2/")
    assert page.locator("p.count").inner_text() == "2/3/8"
    page.get_by_role("link", name="Newer").click()
    page.wait_for_url(server + "blog/")
    page.goto(server + "teaching/")
    page.wait_for_load_state("networkidle")
    assert third_party == []  # the closed calendar has not loaded
    summary = page.locator("details.calendar-wrapper summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator("details.calendar-wrapper").evaluate("d => d.open")
    page.wait_for_timeout(500)
    assert any("calendar.google.com" in url for url in third_party)
    page.close()
