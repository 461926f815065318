"""The built publications page in Chromium: Abs/Bib/award toggles by mouse and keyboard,
"N more authors" by click and keyboard, the bib_search box, the copy button, and no request
leaving the site. Served over HTTP at the site's baseurl (/lab/)."""

from __future__ import annotations

import shutil

import pytest

from tests.browser.support import GzipServer
from tests.integration.pubsite import pub_site, site_config
from tests.sitebuilder import init_and_build


@pytest.fixture(scope="module")
def base_url(chromium, tmp_path_factory):
    root = pub_site(
        tmp_path_factory.mktemp("browser"),
        config=site_config(badges=False) + "publication_pages: true\n",
    )
    result = init_and_build(root)
    assert result.error is None, result.error
    served = tmp_path_factory.mktemp("served")
    shutil.copytree(result.out, served / "lab")
    with GzipServer(served) as host:
        yield host.base + "lab/"


@pytest.fixture
def visit(open_page, base_url):
    visit = open_page(base_url + "publications/")
    yield visit
    assert visit.page_errors == []


@pytest.fixture
def page(visit):
    return visit.page


def test_abs_and_bib_toggle_with_the_mouse(page):
    abs_button = "#full2024 button.abstract"
    assert not page.is_visible("#full2024-abstract")
    page.click(abs_button)
    assert page.is_visible("#full2024-abstract")
    assert page.get_attribute(abs_button, "aria-expanded") == "true"
    page.click("#full2024 button.bibtex")  # one block open at a time, as on al-folio
    assert page.is_visible("#full2024-bibtex") and not page.is_visible("#full2024-abstract")
    assert page.get_attribute(abs_button, "aria-expanded") == "false"
    page.click("#full2024 button.bibtex")
    assert not page.is_visible("#full2024-bibtex")


def test_toggles_with_the_keyboard(page):
    page.focus("#full2024 button.award")
    page.keyboard.press("Enter")
    assert page.is_visible("#full2024-award")
    assert "award" in page.inner_text("#full2024-award")
    page.keyboard.press("Tab")  # to the Abs button
    assert page.evaluate("document.activeElement.textContent") == "Abs"
    page.keyboard.press("Space")
    assert page.is_visible("#full2024-abstract") and not page.is_visible("#full2024-award")
    page.keyboard.press("Enter")
    assert not page.is_visible("#full2024-abstract")


def test_more_authors_by_click_and_keyboard(page):
    more = "#full2024 .more-authors"
    assert page.inner_text(more) == "2 more authors"
    page.click(more)
    page.wait_for_function(
        "document.querySelector('#full2024 .more-authors').textContent"
        " === 'Caroline Herschel, Mary Fairfax'"
    )
    assert page.get_attribute(more, "aria-expanded") == "true"
    page.focus(more)
    page.keyboard.press("Enter")
    assert page.inner_text(more) == "2 more authors"
    page.keyboard.press(" ")
    page.wait_for_function(
        "document.querySelector('#full2024 .more-authors').textContent.endsWith('Fairfax')"
    )
    assert page.evaluate("window.scrollY") == 0  # Space did not scroll the page


def test_bib_search_filters_and_hides_empty_years(page):
    def shown_years():
        return page.eval_on_selector_all(
            "h2.bibliography", "els => els.filter(e => !e.hidden).map(e => e.textContent)"
        )

    assert shown_years() == ["2024", "2023", "2022", "2021"]
    page.fill("#bibsearch", "schrodinger")  # accents ignored
    page.wait_for_function("document.querySelector('#full2024').closest('li').hidden")
    assert shown_years() == ["2023"]
    assert page.is_visible("#conf2023") and not page.is_visible("#thesis2022")
    page.fill("#bibsearch", "fairfax")  # an author behind "2 more authors"
    page.wait_for_function("!document.querySelector('#full2024').closest('li').hidden")
    assert shown_years() == ["2024"]
    page.fill("#bibsearch", "")
    page.wait_for_function("!document.querySelector('#thesis2022').closest('li').hidden")
    assert shown_years() == ["2024", "2023", "2022", "2021"]


def test_copy_button(page):
    page.click("#full2024 button.bibtex")
    button = "#full2024-bibtex button.bibtex-copy"
    assert page.is_visible(button)
    page.click(button)
    page.wait_for_function(
        "['Copied', 'Press Ctrl+C'].includes("
        "document.querySelector('#full2024-bibtex .bibtex-copy-label').textContent)"
    )


def test_no_request_leaves_the_site(visit):
    visit.page.wait_for_load_state("networkidle")
    assert visit.requests
    assert all(url.startswith("http://127.0.0.1:") for url in visit.requests), visit.requests


def test_publication_page_controls(page, base_url):
    page.goto(base_url + "publications/full2024/")
    assert page.is_visible("section.publication-abstract")
    assert page.is_visible("section.publication-bibtex button.bibtex-copy")
    page.focus(".publication-detail button.award")
    page.keyboard.press("Enter")
    assert page.is_visible("#full2024-award")
    page.click("p.publication-back a")
    page.wait_for_url("**/lab/publications/#full2024")
