"""Accessibility: axe-core finds no serious or critical violation on the home, publications,
blog and a post page, in light and in dark mode; icon-only links and buttons have names.

axe-core comes from the PyPI package axe-playwright-python (its bundled axe.min.js is
injected into the page); nothing of axe is kept in this repository.
"""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from tests.conftest import require_module

BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe_script() -> str:
    axe = require_module(
        "axe_playwright_python.sync_playwright", "pip install axe-playwright-python"
    )
    return axe.Axe().axe_script


def audited_pages(base: str, demo_pages: list[str]) -> list[str]:
    """Home, publications, the blog and one post."""
    assert "blog/" in demo_pages, "the demo site has no blog/"
    post = first_post(base)
    assert post, "the demo home page links no post of the site under 'latest posts'"
    return ["", "publications/", "blog/", post]


def first_post(base: str) -> str | None:
    """The first post linked from the home page's 'latest posts' that is a page of the site."""
    from bs4 import BeautifulSoup

    with urllib.request.urlopen(base) as response:
        soup = BeautifulSoup(response.read(), "lxml")
    heading = next((h for h in soup.find_all("h2") if "latest posts" in h.get_text()), None)
    table = heading.find_next("table") if heading else None
    for link in table.find_all("a", href=True) if table else []:
        href = link["href"]
        if href.startswith(("http:", "https:", "//")):
            continue
        try:
            urllib.request.urlopen(base + href.lstrip("/")).close()
        except urllib.error.HTTPError:
            continue
        return href.lstrip("/")
    return None


def run_axe(page, script: str) -> list[dict]:
    page.evaluate(script)
    result = page.evaluate(
        "axe.run(document, {resultTypes: ['violations'],"
        " runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
        " 'wcag22aa', 'best-practice']}})"
    )
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} [{len(v['nodes'])} nodes]")
        for node in v["nodes"][:5]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '')[:200]}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation(open_page, static_host, demo_pages, axe_script, scheme):
    summary = []
    blocking = []
    for url in audited_pages(static_host.base, demo_pages):
        page = open_page(static_host.base + url, color_scheme=scheme).page
        assert page.get_attribute("html", "data-theme") == scheme
        violations = run_axe(page, axe_script)
        counts = {v["id"]: len(v["nodes"]) for v in violations}
        summary.append(f"/{url} ({scheme}): {counts or 'no violation'}")
        bad = [v for v in violations if v["impact"] in BLOCKING]
        if bad:
            blocking.append(f"/{url} ({scheme}):\n{describe(bad)}")
        page.context.close()
    print("\naxe-core results:\n" + "\n".join(summary))
    assert not blocking, "\n".join(blocking)


NAMELESS = """() => [...document.querySelectorAll('a[href], button, [role=button]')]
  .filter(e => e.offsetParent !== null || getComputedStyle(e).position === 'fixed')
  .filter(e => !e.innerText.trim())
  .filter(e => !(e.getAttribute('aria-label') || '').trim()
            && !e.getAttribute('aria-labelledby')
            && !(e.getAttribute('title') || '').trim()
            && ![...e.querySelectorAll('img[alt], svg title, .sr-only')]
                 .some(x => (x.getAttribute('alt') || x.textContent || '').trim()))
  .map(e => e.outerHTML.slice(0, 160))"""


def test_icon_only_links_and_buttons_have_names(open_page, static_host, demo_pages) -> None:
    """Every page at desktop width; the phone layout (menu button) on the home page."""
    nameless = []
    visits = [*((url, "desktop") for url in demo_pages), ("", "phone")]
    for url, width in visits:
        page = open_page(static_host.base + url, width=width).page
        nameless += [f"/{url} ({width}): {html}" for html in page.evaluate(NAMELESS)]
        page.context.close()
    assert not nameless, "\n".join(nameless)


def test_social_icons_are_named_after_their_network(open_page, static_host) -> None:
    page = open_page(static_host.base).page
    names = page.eval_on_selector_all(
        ".contact-icons a",
        "els => els.map(e => e.getAttribute('aria-label') || e.getAttribute('title') || '')",
    )
    assert names and all(names), names
    assert any("github" in name.lower() for name in names), names


def test_the_name_check_finds_a_nameless_icon_link(browser) -> None:
    page = browser.new_page()
    page.set_content(
        '<a href="/a"><svg width="10" height="10"></svg></a>'
        '<a href="/b" aria-label="GitHub"><svg width="10" height="10"></svg></a>'
        '<button><span class="sr-only">Menu</span><svg width="10" height="10"></svg></button>'
        '<a href="/c">text</a><style>.sr-only{position:absolute;width:1px;height:1px;'
        "overflow:hidden;clip:rect(0,0,0,0)}</style>"
    )
    found = page.evaluate(NAMELESS)
    page.close()
    assert len(found) == 1 and 'href="/a"' in found[0]
