"""Layout at desktop (1280 px) and phone (375 px) widths, on the real `mkdocs serve`."""

from __future__ import annotations

import pytest

from tests.browser.conftest import save_screenshot

WIDTHS = ["desktop", "phone"]


def box(page, selector: str) -> dict[str, float]:
    element = page.locator(selector).first
    result = element.bounding_box()
    assert result is not None, f"{selector} is not visible"
    return result


def first_line(page, selector: str) -> dict[str, float]:
    """The box of the first line of text in an element (a paragraph's own box spans the
    whole column even when its lines wrap around a float)."""
    return page.evaluate(
        """sel => { const r = document.createRange();
            r.selectNodeContents(document.querySelector(sel));
            const b = r.getClientRects()[0];
            return {x: b.x, y: b.y, width: b.width, height: b.height}; }""",
        selector,
    )


def test_profile_floats_beside_the_bio_on_desktop(open_page, served) -> None:
    page = open_page(served.url(), width="desktop").page
    profile = box(page, ".profile")
    line = first_line(page, ".post article .clearfix p")  # the bio's first line
    assert profile["width"] < 0.5 * box(page, ".post article")["width"]
    # beside: same height on the page, and the picture on the configured side
    assert profile["y"] <= line["y"] < profile["y"] + profile["height"]
    if "float-left" in (page.get_attribute(".profile", "class") or ""):
        assert profile["x"] + profile["width"] <= line["x"] + 1
    else:
        assert line["x"] + line["width"] <= profile["x"] + 1


def test_profile_stacks_above_the_bio_on_a_phone(open_page, served) -> None:
    page = open_page(served.url(), width="phone").page
    profile = box(page, ".profile")
    bio = first_line(page, ".post article .clearfix p")
    article = box(page, ".post article")
    assert profile["y"] + profile["height"] <= bio["y"] + 1
    assert profile["width"] >= 0.9 * article["width"]


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways(open_page, served, demo_pages, width) -> None:
    """scrollWidth <= innerWidth on every page of the demo (the list grows with the demo)."""
    wide = []
    for url in demo_pages:
        page = open_page(served.url(url), width=width).page
        sizes = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        if sizes[0] > sizes[1]:
            culprits = page.evaluate(
                """() => [...document.querySelectorAll('body *')]
                   .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                   .slice(0, 5).map(e => e.tagName + '.' + e.className)"""
            )
            wide.append(f"/{url}: scrollWidth {sizes[0]} > {sizes[1]} ({culprits})")
        page.context.close()
    assert not wide, "\n".join(wide)


def test_navbar_collapses_to_a_menu_button_on_a_phone(open_page, served) -> None:
    page = open_page(served.url("publications/"), width="phone").page
    toggler = page.locator(".navbar-toggler")
    links = page.locator("#navbarNav .nav-link").first
    assert toggler.is_visible()
    assert not links.is_visible()
    assert toggler.get_attribute("aria-expanded") == "false"
    # mouse
    toggler.click()
    assert links.is_visible()
    assert toggler.get_attribute("aria-expanded") == "true"
    toggler.click()
    assert not links.is_visible()
    assert toggler.get_attribute("aria-expanded") == "false"
    # keyboard: Tab to the button, Enter opens, Space closes
    toggler.focus()
    page.keyboard.press("Enter")
    assert links.is_visible()
    assert toggler.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Space")
    assert not links.is_visible()
    assert toggler.get_attribute("aria-expanded") == "false"


def test_navbar_shows_its_links_on_desktop(open_page, served) -> None:
    page = open_page(served.url("publications/"), width="desktop").page
    assert not page.locator(".navbar-toggler").is_visible()
    assert page.locator("#navbarNav .nav-link").first.is_visible()


def test_the_menu_button_is_reachable_with_tab(open_page, served) -> None:
    page = open_page(served.url("publications/"), width="phone").page
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('navbar-toggler')"):
            break
    else:
        pytest.fail("the menu button is not in the first 10 Tab stops")
    page.keyboard.press("Enter")
    assert page.locator(".navbar-toggler").get_attribute("aria-expanded") == "true"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_home_page_screenshots(open_page, served, width, scheme) -> None:
    """Screenshots for a person to look at (the test run prints the folder)."""
    page = open_page(served.url(), width=width, color_scheme=scheme).page
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    path = save_screenshot(page, f"home-{width}-{scheme}")
    assert path.stat().st_size > 10_000
