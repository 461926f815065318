"""Controls work with the mouse and with the keyboard, on the real `mkdocs serve`:
publication toggles (abstract, BibTeX, award), "N more authors", the filter box, the
dropdown menu and Material's search (Ctrl+K) finding a paper and a post."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml


@pytest.fixture
def publications(open_page, served):
    visit = open_page(served.url("publications/"))
    yield visit.page
    assert visit.problems() == []


def entry_with(page, selector: str) -> str:
    """The id of the first publication that has `selector` (the demo may grow)."""
    ident = page.evaluate(
        """sel => { const el = document.querySelector('.publications ' + sel);
            return el ? el.closest('[id]').id : null; }""",
        selector,
    )
    assert ident, f"no publication on the demo page has {selector}"
    return ident


def expanded(page, selector: str) -> str | None:
    return page.get_attribute(selector, "aria-expanded")


@pytest.mark.parametrize("kind", ["abstract", "bibtex", "award"])
def test_toggle_with_the_mouse(publications, kind) -> None:
    page = publications
    ident = entry_with(page, f"button.{kind}")
    button = f"#{ident} button.{kind}"
    block = f"#{ident}-{kind}"
    assert not page.is_visible(block)
    assert expanded(page, button) == "false"
    page.click(button)
    assert page.is_visible(block)
    assert expanded(page, button) == "true"
    page.click(button)
    assert not page.is_visible(block)
    assert expanded(page, button) == "false"


@pytest.mark.parametrize("kind", ["abstract", "bibtex", "award"])
def test_toggle_with_the_keyboard(publications, kind) -> None:
    page = publications
    ident = entry_with(page, f"button.{kind}")
    button = f"#{ident} button.{kind}"
    page.focus(button)
    page.keyboard.press("Enter")
    assert page.is_visible(f"#{ident}-{kind}")
    assert expanded(page, button) == "true"
    page.keyboard.press("Space")
    assert not page.is_visible(f"#{ident}-{kind}")
    assert expanded(page, button) == "false"


def test_opening_one_block_closes_the_other(publications) -> None:
    page = publications
    ident = entry_with(page, "button.abstract ~ button.bibtex")
    page.click(f"#{ident} button.abstract")
    page.click(f"#{ident} button.bibtex")
    assert page.is_visible(f"#{ident}-bibtex")
    assert not page.is_visible(f"#{ident}-abstract")
    assert "@" in page.inner_text(f"#{ident}-bibtex")


def test_more_authors_with_mouse_and_keyboard(publications) -> None:
    page = publications
    more = page.locator(".publications .more-authors").first
    label = more.inner_text()
    names = more.get_attribute("data-more-authors")
    assert label.endswith(("more author", "more authors"))
    more.click()
    assert more.inner_text() == names  # reduced motion: the names appear at once
    assert more.get_attribute("aria-expanded") == "true"
    more.click()
    assert more.inner_text() == label
    more.focus()
    page.keyboard.press("Enter")
    assert more.inner_text() == names
    page.keyboard.press("Space")
    assert more.inner_text() == label


def visible_entries(page) -> list[str]:
    return page.eval_on_selector_all(
        ".publications ol.bibliography > li",
        "els => els.filter(e => !e.hidden && e.offsetParent !== null)"
        ".map(e => e.querySelector('[id]').id)",
    )


def test_filter_box_narrows_the_list(publications) -> None:
    page = publications
    assert page.locator("#bibsearch").count() == 1, (
        "the demo's publications page must include bib_search"
    )
    everything = visible_entries(page)
    assert len(everything) > 1
    ident = everything[-1]
    title = page.inner_text(f"#{ident} .title")
    word = max(title.split(), key=len).strip(",.:;")
    # keyboard: Tab into the box and type, as a reader does
    page.focus("#bibsearch")
    page.keyboard.type(word.lower())
    page.wait_for_function(
        "n => document.querySelectorAll('.publications ol.bibliography > li:not([hidden])')"
        ".length < n",
        arg=len(everything),
    )
    shown = visible_entries(page)
    assert ident in shown and len(shown) < len(everything)
    page.fill("#bibsearch", "")
    page.wait_for_function(
        "n => document.querySelectorAll('.publications ol.bibliography > li:not([hidden])')"
        ".length === n",
        arg=len(everything),
    )
    assert visible_entries(page) == everything


def test_dropdown_menu_with_mouse_and_keyboard(open_page, served) -> None:
    page = open_page(served.url()).page
    toggles = page.locator(".folio-header .dropdown-toggle")
    assert toggles.count() > 0, "the demo navbar has no dropdown (demo-site/docs/more.md)"
    toggle = toggles.first
    menu = page.locator(".folio-header .dropdown .dropdown-menu").first
    toggle.click()
    assert menu.is_visible() and toggle.get_attribute("aria-expanded") == "true"
    page.mouse.click(5, 400)  # a click elsewhere closes it
    assert not menu.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    toggle.focus()
    page.keyboard.press("Enter")
    assert menu.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('dropdown-item')")
    page.keyboard.press("Escape")
    assert not menu.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('dropdown-toggle')")


# ---- search ------------------------------------------------------------------------------


def search(page, query: str) -> list[str]:
    """Ctrl+K, type the query, return the result links (hrefs)."""
    page.keyboard.press("Control+k")
    page.wait_for_function("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", state="attached")
    return page.eval_on_selector_all(
        ".md-search-result__item > a, .md-search-result__item a.md-search-result__link",
        "els => els.map(e => e.getAttribute('href'))",
    )


def local_posts(root: Path) -> list[tuple[str, str]]:
    """(file stem, title) of the demo's posts that are pages of the site (no redirect)."""
    posts = []
    for path in sorted((root / "_posts").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---", 2)[1]) or {}
        if meta.get("title") and not meta.get("redirect") and not meta.get("external_source"):
            posts.append((path.stem, str(meta["title"])))
    return posts


def test_search_finds_a_paper(open_page, served) -> None:
    visit = open_page(served.url("publications/"))
    title = visit.page.locator(".publications ol.bibliography .title").last.inner_text()
    visit.page.goto(served.url())
    links = search(visit.page, title)
    assert any("publications/" in link for link in links), links
    visit.page.keyboard.press("Escape")
    assert not visit.page.evaluate("document.getElementById('__search').checked")
    assert visit.problems() == []


def test_search_opens_from_the_navbar_button(open_page, served) -> None:
    page = open_page(served.url("lab/")).page
    page.focus("#search-toggle")
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('__search').checked")
    page.wait_for_function("document.activeElement.classList.contains('md-search__input')")


def test_search_finds_a_post(open_page, served, demo_copy, demo_pages) -> None:
    """Posts are pages of the site: each is found by its title."""
    assert "blog/" in demo_pages, "the demo site has no blog/"
    posts = local_posts(demo_copy)
    assert posts, "the demo site has no local post"
    page = open_page(served.url()).page
    slug = posts[-1][0].split("-", 3)[-1]  # 2026-02-10-fieldwork-checklist -> fieldwork-checklist
    links = search(page, posts[-1][1])
    assert any(slug in link for link in links), links
