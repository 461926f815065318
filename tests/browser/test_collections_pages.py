"""Collections pages in Chromium: offline repository cards, light/dark image variants,
pagination links, the calendar disclosure. The site is the collections test site
(tests/integration/collections_site.py), served as a static host would, offline."""

from __future__ import annotations

import pytest

from tests.browser.support import GzipServer
from tests.integration.collections_site import FILES
from tests.sitebuilder import init_and_build, write_files


@pytest.fixture(scope="module")
def server(chromium, tmp_path_factory):
    root = tmp_path_factory.mktemp("collections-browser")
    files = dict(FILES)
    files["_pages/teaching.md"] = FILES["_pages/teaching.md"].replace(
        "timezone='Europe/London'", "timezone='Europe/London' embed=true"
    )
    write_files(root, files)
    result = init_and_build(root)
    assert result.error is None
    with GzipServer(result.out) as host:
        yield host.base


def offline_page(open_page, url: str, **options):
    """A page whose requests to anything but the local server fail, as offline: (page, the
    refused URLs)."""
    visit = open_page(url, offline=True, **options)
    return visit.page, visit.foreign


def test_repository_cards_survive_offline(open_page, server):
    page, third_party = offline_page(open_page, server + "repositories/")
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


def test_dark_theme_requests_the_dark_images(open_page, server):
    page, third_party = offline_page(
        open_page, server + "repositories/", init_script="localStorage.setItem('theme', 'dark')"
    )
    page.wait_for_function(
        "Array.from(document.querySelectorAll('.repo-img--dark')).every(i => i.hidden)",
        timeout=10000,
    )
    assert any("theme=dark" in url for url in third_party)
    assert not any("theme=default" in url for url in third_party)


def test_pages_without_third_party_features_make_no_outside_request(open_page, server):
    page, third_party = offline_page(open_page, server)
    for url in ("blog/", "blog/2024/first-post/", "projects/", "cv/", "news/", "books/"):
        page.goto(server + url)
        page.wait_for_load_state("networkidle")
    assert third_party == []


def test_pagination_links_and_calendar_disclosure(open_page, server):
    page, third_party = offline_page(open_page, server + "blog/")
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
    with page.expect_request(lambda request: "calendar.google.com" in request.url):
        page.keyboard.press("Enter")  # opening it loads the calendar
    assert page.locator("details.calendar-wrapper").evaluate("d => d.open")
    assert any("calendar.google.com" in url for url in third_party)
