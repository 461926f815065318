"""bib.js in a real browser: toggles, keyboard "more authors", popover, lazy video, search.

The page is the bibliography partials rendered with plain Jinja, bib-*.css and bib.js, and
nothing else of the theme, loaded from a file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_folio.bib import bib_settings, bibliography_view, parse_bibliography
from mkdocs_folio.problems import Problems
from tests.conftest import REPO
from tests.sitebuilder import theme_env

BIB = r"""
@article{many, title = {Many authors}, year = {2021}, abstract = {The abstract.},
  bibtex_show = {true}, award = {An **award**}, annotation = {* equal},
  author = {Curie*, Marie and Abel, Niels and Bohr, Niels and Dirac, Paul and Euler, Leonhard},
  video = {https://example.invalid/embed/1}}
@article{other, title = {Schr{\"o}dinger waves}, year = {2020}, author = {Schr{\"o}dinger, Erwin}}
"""


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    entries = parse_bibliography(BIB, "b.bib", Problems()).entries
    settings = bib_settings({"max_author_limit": 3, "enable_video_embedding": True}, {}, "")
    env = theme_env()
    listing = env.get_template("partials/folio/bib/list.html").render(
        bib=bibliography_view(entries, settings)
    )
    search = env.get_template("partials/folio/bib/search.html").render()
    css = "".join(
        path.read_text(encoding="utf-8")
        for path in sorted((REPO / "theme/assets/css").glob("bib-*.css"))
    )
    js = (REPO / "theme/assets/js/bib.js").read_text(encoding="utf-8")
    html = (
        f"<!doctype html><html><head><meta charset='utf-8'><style>.hidden{{display:none}}{css}"
        f"</style></head><body>{search}<div class='publications'>{listing}</div>"
        f"<script>{js}</script></body></html>"
    )
    path = tmp_path_factory.mktemp("bibpage") / "index.html"
    path.write_text(html, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def page(browser, page_file: Path):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(page_file.as_uri())
    page.errors = errors  # type: ignore[attr-defined]
    yield page
    context.close()


def test_toggles_are_exclusive_and_update_aria(page) -> None:
    page.click("#many button.abstract")
    assert page.is_visible("#many-abstract")
    assert page.get_attribute("#many button.abstract", "aria-expanded") == "true"
    page.click("#many button.bibtex")
    assert page.is_visible("#many-bibtex") and not page.is_visible("#many-abstract")
    assert page.get_attribute("#many button.abstract", "aria-expanded") == "false"
    page.click("#many button.bibtex")
    assert not page.is_visible("#many-bibtex")
    page.click("#many button.award")
    assert "award" in page.inner_text("#many-award")


def test_video_iframe_loads_only_when_opened(page) -> None:
    assert page.get_attribute("#many-video iframe", "src") is None
    page.click("#many button.video")
    assert page.get_attribute("#many-video iframe", "src") == "https://example.invalid/embed/1"


def test_more_authors_with_the_keyboard(page) -> None:
    selector = "#many .more-authors"
    assert page.inner_text(selector) == "2 more authors"
    page.focus(selector)
    page.keyboard.press("Enter")
    assert page.inner_text(selector) == "Paul Dirac, Leonhard Euler"  # reduced motion: no typing
    assert page.get_attribute(selector, "aria-expanded") == "true"
    page.keyboard.press(" ")
    assert page.inner_text(selector) == "2 more authors"


def test_annotation_popover(page) -> None:
    page.click("#many .annotation-toggle")
    assert page.is_visible("#many-annotation")
    page.keyboard.press("Escape")
    assert not page.is_visible("#many-annotation")


def test_search_filters_entries_and_year_headings(page) -> None:
    page.fill("#bibsearch", "schrodinger")  # accents ignored
    page.wait_for_function("document.querySelector('#many').closest('li').hidden")
    headings = page.eval_on_selector_all(
        "h2.bibliography", "els => els.filter(e => !e.hidden).map(e => e.textContent)"
    )
    assert headings == ["2020"]
    assert page.evaluate("window.folioBibSearch('')") == 2
    # an author hidden behind "2 more authors" is found as well
    assert page.evaluate("window.folioBibSearch('euler')") == 1
    assert page.evaluate("window.folioBibSearch('')") == 2
    assert page.errors == []  # type: ignore[attr-defined]
