"""Live reload: while the real `mkdocs serve` runs, editing a page or post, a news item, the
bib file and data/socials.yml rebuilds the site and reloads the open page with the change.

Each edit waits (with a generous limit, not a timed assertion) until the open page shows
the new text, and checks that it got there by a reload: a marker set on the page before
the edit is gone afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.browser.support import MkdocsServe
from tests.conftest import copy_demo

RELOAD_LIMIT_MS = 90_000


@pytest.fixture(scope="module")
def live(chromium, tmp_path_factory) -> Iterator[MkdocsServe]:
    """A `mkdocs serve` of its own, on a copy this module edits."""
    root = copy_demo(tmp_path_factory.mktemp("live") / "site")
    with MkdocsServe(root, root.parent / "serve.log") as server:
        yield server


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


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)


def set_title(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    front, body = text.split("---", 2)[1:]
    front = re.sub(r"(?m)^title:.*$", f"title: {title}", front)
    path.write_text(f"---{front}---{body}", encoding="utf-8")


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1]) or {}


def test_editing_a_page(open_page, live) -> None:
    page = live.root / "docs/lab.md"
    shows_after_reload(
        open_page,
        live,
        "lab/",
        lambda: append(page, "\n\nLive reload check: this page was edited.\n"),
        "Live reload check: this page was edited.",
    )


def test_editing_a_post(open_page, live) -> None:
    """A post's Markdown: the newest post's title, as the home page's latest posts show it."""
    posts = [
        p
        for p in sorted((live.root / "_posts").glob("*.md"))
        if not front_matter(p).get("redirect") and not front_matter(p).get("external_source")
    ]
    assert posts, "the demo has no post"
    shows_after_reload(
        open_page,
        live,
        "",
        lambda: set_title(posts[-1], "Live reload check post"),
        "Live reload check post",
    )


def test_editing_a_news_item(open_page, live) -> None:
    """The newest news item, as the home page's news table shows it (inline text or title)."""
    newest = sorted((live.root / "_news").glob("*.md"))[-1]
    if front_matter(newest).get("inline"):
        change = lambda: append(newest, " Live reload check news.\n")  # noqa: E731
    else:
        change = lambda: set_title(newest, "Live reload check news.")  # noqa: E731
    shows_after_reload(open_page, live, "", change, "Live reload check news.")


def test_editing_the_bib_file(open_page, live) -> None:
    bib = live.root / "bibliography/papers.bib"
    entry = (
        "\n@article{livereload2099check,\n  title = {A Paper Added While the Server Runs},\n"
        "  author = {Checker, Live},\n  journal = {Journal of Reloads},\n  year = {2099},\n}\n"
    )
    shows_after_reload(
        open_page,
        live,
        "publications/",
        lambda: append(bib, entry),
        "A Paper Added While the Server Runs",
    )


def test_editing_socials(open_page, live) -> None:
    from playwright.sync_api import expect

    socials = live.root / "data/socials.yml"
    assert "wikidata_id" not in socials.read_text(encoding="utf-8")
    visit = open_page(live.url(""))
    page = visit.page
    link = page.locator(".contact-icons a[href*='wikidata.org']")
    expect(link).to_have_count(0)
    page.evaluate("window.__beforeEdit = true")
    append(socials, "\nwikidata_id: Q4242424242\n")
    expect(link).to_have_attribute(
        "href", "https://www.wikidata.org/wiki/Q4242424242", timeout=RELOAD_LIMIT_MS
    )
    assert page.evaluate("window.__beforeEdit === undefined"), "the page was not reloaded"


def test_editing_a_post_page(open_page, live) -> None:
    """A post's own page (posts are pages of the site: the collections feature)."""
    import urllib.request

    page = open_page(live.url("")).page
    hrefs = page.eval_on_selector_all(
        "a.news-title", "els => els.map(e => new URL(e.getAttribute('href'), location.href).href)"
    )
    page.context.close()
    for path in sorted((live.root / "_posts").glob("*.md"), reverse=True):
        slug = path.stem.split("-", 3)[-1]
        url = next((h for h in hrefs if h.startswith(live.origin) and slug in h), None)
        if url:
            break
    else:
        pytest.fail("the home page links no local post")
    urllib.request.urlopen(url, timeout=10).close()  # a 404 fails here, not after a wait
    shows_after_reload(
        open_page,
        live,
        url,
        lambda: append(path, "\n\nLive reload check: this post was edited.\n"),
        "Live reload check: this post was edited.",
    )
