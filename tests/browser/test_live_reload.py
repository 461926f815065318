"""Live reload: while the real `mkdocs serve` runs, editing a page or post, a news item, the
bib file and data/socials.yml rebuilds the site and reloads the open page with the change.

Each edit waits (with a generous limit, not a timed assertion) until the open page shows
the new text, and checks that it got there by a reload: a marker set on the page before
the edit is gone afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import copy_demo
from tests.browser.support import MkdocsServe

RELOAD_LIMIT_MS = 90_000


@pytest.fixture(scope="module")
def live(chromium, tmp_path_factory) -> Iterator[MkdocsServe]:
    """A `mkdocs serve` of its own, on a copy this module edits."""
    root = copy_demo(tmp_path_factory.mktemp("live") / "site")
    with MkdocsServe(root, root.parent / "serve.log") as server:
        yield server


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer contains {old!r}; update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def shows_after_reload(open_page, server: MkdocsServe, url: str, change, expected: str) -> None:
    from playwright.sync_api import expect

    visit = open_page(server.url(url))
    page = visit.page
    expect(page.locator("body")).not_to_contain_text(expected)
    page.evaluate("window.__beforeEdit = true")
    change()
    try:
        expect(page.locator("body")).to_contain_text(expected, timeout=RELOAD_LIMIT_MS)
    except AssertionError as exc:
        raise AssertionError(f"{exc}\n--- mkdocs serve log ---\n{server.log()[-3000:]}") from None
    assert page.evaluate("window.__beforeEdit === undefined"), "the page was not reloaded"
    assert visit.page_errors == []


def test_editing_a_page(open_page, live) -> None:
    root = live.root
    shows_after_reload(
        open_page,
        live,
        "lab/",
        lambda: edit(root / "docs/lab.md", "We meet every Tuesday.", "We meet on Thursdays now."),
        "We meet on Thursdays now.",
    )


def test_editing_a_post(open_page, live) -> None:
    """A post's Markdown: once posts are pages, the post page itself; the home page's
    'latest posts' list shows the title in any case."""
    root = live.root
    post = root / "_posts/2026-02-10-fieldwork-checklist.md"
    shows_after_reload(
        open_page,
        live,
        "",
        lambda: edit(post, "title: A fieldwork checklist", "title: A field-tested checklist"),
        "A field-tested checklist",
    )


def test_editing_a_news_item(open_page, live) -> None:
    root = live.root
    shows_after_reload(
        open_page,
        live,
        "",
        lambda: edit(
            root / "_news/2026-03-15-students.md",
            "joined the lab.",
            "joined the lab this spring.",
        ),
        "joined the lab this spring.",
    )


def test_editing_the_bib_file(open_page, live) -> None:
    root = live.root
    shows_after_reload(
        open_page,
        live,
        "publications/",
        lambda: edit(
            root / "bibliography/papers.bib",
            "Breaks Speech Recognisers in Predictable Ways",
            "Breaks Speech Recognisers in Surprising Ways",
        ),
        "Breaks Speech Recognisers in Surprising Ways",
    )


def test_editing_socials(open_page, live) -> None:
    root = live.root

    def change() -> None:
        edit(root / "data/socials.yml", "github_username: iris-valdes", "github_username: ivaldes")

    from playwright.sync_api import expect

    visit = open_page(live.url(""))
    page = visit.page
    link = page.locator(".contact-icons a[href*='github.com']")
    expect(link).to_have_attribute("href", "https://github.com/iris-valdes")
    page.evaluate("window.__beforeEdit = true")
    change()
    expect(link).to_have_attribute("href", "https://github.com/ivaldes", timeout=RELOAD_LIMIT_MS)
    assert page.evaluate("window.__beforeEdit === undefined"), "the page was not reloaded"


def test_editing_a_post_page(open_page, live) -> None:
    """The post's own page, once posts are pages of the site (the collections feature)."""
    import urllib.error
    import urllib.request

    root = live.root
    page = open_page(live.url("")).page
    href = page.get_attribute("a[href*='fieldwork-checklist']", "href")
    assert href, "the home page no longer links the fieldwork post"
    url = page.evaluate("h => new URL(h, location.href).href", href)
    try:
        urllib.request.urlopen(url, timeout=10).close()
    except urllib.error.HTTPError:
        pytest.skip("posts are not pages of the demo site on this branch")
    page.context.close()
    shows_after_reload(
        open_page,
        live,
        url,
        lambda: edit(
            root / "_posts/2026-02-10-fieldwork-checklist.md",
            "Recording conversations is the easy part.",
            "Recording conversations is the simple part.",
        ),
        "Recording conversations is the simple part.",
    )
