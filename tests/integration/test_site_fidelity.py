"""What real al-folio sites showed differently (issue 14): each on a small site of its own."""

from __future__ import annotations

import json
import logging

from bs4 import BeautifulSoup

from tests.integration.test_incremental import serve_rebuild
from tests.sitebuilder import _Collect, al_folio_site, build_site, init_and_build, text

ABOUT = """
---
layout: about
title: about
permalink: /
---
Hello.
"""


def test_description_html_is_markup_in_the_header_and_plain_in_the_meta(tmp_path):
    extra = {
        "_pages/talks.md": "---\nlayout: page\ntitle: talks\npermalink: /talks/\n"
        'description: Slides are on <a href="https://example.org/slides">my drive</a> & more.\n'
        "---\nBody.\n",
    }
    result = init_and_build(al_folio_site(tmp_path, ABOUT, extra))
    assert result.error is None
    soup = result.soup("talks/")
    header = soup.select_one("header.post-header p.post-description")
    link = header.select_one("a")
    assert link is not None and link["href"] == "https://example.org/slides"
    assert text(header) == "Slides are on my drive & more."
    assert "&lt;a" not in result.html("talks/")
    meta = soup.select_one('meta[name="description"]')["content"]
    assert meta == "Slides are on my drive & more."


def test_search_enabled_false_removes_the_button_ctrl_k_and_the_index(tmp_path):
    site = al_folio_site(tmp_path, ABOUT)
    config = site / "_config.yml"
    config.write_text(config.read_text() + "search_enabled: false\n")
    result = init_and_build(site)
    assert result.error is None
    assert not result.folio_warnings()
    soup = result.soup("")
    assert soup.select_one("#search-toggle") is None
    assert soup.select_one(".md-search") is None
    assert "search_index.json" not in result.html("")  # the lazy loader is not there either
    assert not (result.out / "search" / "search_index.json").exists()


def test_search_is_on_by_default(tmp_path):
    result = init_and_build(al_folio_site(tmp_path, ABOUT))
    soup = result.soup("")
    assert soup.select_one("#search-toggle") is not None
    assert soup.select_one(".md-search") is not None
    index = json.loads((result.out / "search" / "search_index.json").read_text())
    assert index["docs"]


def test_markdown_without_front_matter_is_copied_as_it_is_not_a_page(tmp_path):
    snippet = "Just *notes*, no front matter.\n\n- one\n"
    extra = {
        "_pages/notes.md": snippet,
        "_pages/kept.md": "---\nlayout: page\ntitle: kept\npermalink: /kept/\n---\nA page.\n",
    }
    result = init_and_build(al_folio_site(tmp_path, ABOUT, extra))
    assert result.error is None
    assert not result.folio_warnings()
    copied = result.out / "_pages" / "notes.md"
    assert copied.read_text(encoding="utf-8") == snippet  # byte for byte, as Jekyll copies
    assert not result.exists("notes/") and not result.exists("_pages/notes/")
    sitemap = (result.out / "sitemap.xml").read_text()
    assert "notes" not in sitemap and "/kept/" in sitemap
    index = json.loads((result.out / "search" / "search_index.json").read_text())
    assert not any("notes" in doc["location"] for doc in index["docs"])
    assert any(doc["location"] == "kept/" for doc in index["docs"])


CV_YML = """
- title: Education
  type: time_table
  contents:
    - title: Private tutoring in Analytical Geometry
      institution: London
      year: 1830
"""


def test_cv_is_in_the_search_index_and_the_404_page_is_not(tmp_path):
    extra = {
        "_pages/cv.md": "---\nlayout: cv\ntitle: cv\npermalink: /cv/\ndescription: My CV.\n---\n",
        "_data/cv.yml": CV_YML,
        "_pages/404.md": "---\nlayout: page\npermalink: /404.html\ntitle: Page not found\n"
        "redirect: true\n---\nYou will be redirected to the main page within 3 seconds.\n",
    }
    site = al_folio_site(tmp_path, ABOUT, extra)
    for result in (init_and_build(site), build_site(site)):  # cold, then from the cache
        assert result.error is None
        assert "Analytical Geometry" in text(result.soup("cv/").select_one("div.cv"))
        index = json.loads((result.out / "search" / "search_index.json").read_text())
        cv = [doc for doc in index["docs"] if doc["location"].startswith("cv/")]
        assert cv and any("Analytical Geometry" in doc["text"] for doc in cv)
        assert all(doc["title"] for doc in cv)
        assert not any("404" in doc["location"] for doc in index["docs"])
        assert not any("redirected" in doc["text"] for doc in index["docs"])


def _missing_site(root):
    page = "---\nlayout: page\ntitle: {0}\npermalink: /{0}/\n---\nText.\n\n![pic](/assets/img/gone.jpg)\n"
    extra = {
        "_pages/a.md": page.format("a"),
        "_pages/b.md": page.format("b"),
        "_pages/c.md": page.format("c") + "\n![other](/assets/img/other.png)\n",
        "_posts/2024-01-02-post.md": "---\nlayout: post\ntitle: post\n---\n"
        '{% include figure.liquid path="assets/img/gone.jpg" %}\n',
    }
    return al_folio_site(root, ABOUT, extra)


def _missing_warnings(messages):
    return [m for m in messages if m.startswith("folio:") and "not found" in m]


def test_a_missing_file_is_reported_once_with_its_other_uses(tmp_path):
    site = _missing_site(tmp_path)
    cold = init_and_build(site)
    assert cold.error is None
    warnings = _missing_warnings(cold.warnings)
    gone = [w for w in warnings if "gone.jpg" in w]
    assert len(gone) == 1 and "3 other places use it too" in gone[0]
    (other,) = [w for w in warnings if "other.png" in w]
    assert "other place" not in other and "_pages/c.md:" in other
    # A warm build (every page from the cache) says exactly the same, once.
    warm = build_site(site)
    assert _missing_warnings(warm.warnings) == warnings
    # So do `mkdocs serve` rebuilds, each once, with the pages reused in memory.
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        for _ in range(2):
            handler.messages.clear()
            serve_rebuild(site, tmp_path / "served")
            assert _missing_warnings(handler.messages) == warnings
    finally:
        logger.removeHandler(handler)
    # --strict still fails on it.
    assert build_site(site, strict=True).error is not None


def test_search_enabled_false_also_on_the_static_404_page(tmp_path):
    site = al_folio_site(tmp_path, ABOUT)
    config = site / "_config.yml"
    config.write_text(config.read_text() + "search_enabled: false\n")
    result = init_and_build(site)
    soup = BeautifulSoup((result.out / "404.html").read_text(), "lxml")
    assert soup.select_one("#search-toggle") is None and soup.select_one(".md-search") is None
