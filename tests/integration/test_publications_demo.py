"""The demo site builds with --strict and shows the publication features it documents."""

from __future__ import annotations

from tests.conftest import copy_demo
from tests.sitebuilder import build_site


def test_demo_site_publications(tmp_path):
    root = copy_demo(tmp_path / "demo")
    result = build_site(root, strict=True)
    assert result.error is None, (result.error, result.warnings)
    research = result.soup("research/")
    assert research.select("a.citation, span.citation")
    assert research.select_one("span.reference") is not None
    assert research.select_one("blockquote.citation-quote cite") is not None
    assert research.find("h2", string="References") is not None
    talks = result.soup("talks/")
    assert [h.get_text() for h in talks.select("h2.bibliography")] == ["2026", "2025", "2024"]
    publications = result.soup("publications/")
    assert publications.select_one("input#bibsearch") is not None
    link = publications.select_one("#valdes2026politeness div.title a")
    assert link["href"] == "/publications/valdes2026politeness/"
    paper = result.soup("publications/valdes2026politeness/")
    assert paper.select_one("meta[name='citation_pdf_url']")["content"] == (
        "https://example.org/assets/pdf/valdes2026politeness.pdf"
    )
