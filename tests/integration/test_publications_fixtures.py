"""The publications pages of al-folio's starter and of a real 2023 site (../shared, skipped
when absent): every entry of the bib file is on the page with its fields, in al-folio's
grouping, checked against the bib file read independently (pybtex)."""

from __future__ import annotations

import re

import pybtex.database
import pytest

from tests.conftest import shared_path
from tests.sitebuilder import copy_tree, init_and_build

MONTHS = {"may": "May", "mar": "Mar", "jul": "Jul"}


def pybtex_entries(path):
    """The bib file as pybtex reads it: a second opinion on keys, years and fields."""
    data = pybtex.database.parse_file(str(path))
    return data.entries


def norm(text: str) -> str:
    return " ".join(text.split())


def check_entry(soup, key, fields, *, max_authors):
    main = soup.find(id=key)
    assert main is not None, f"entry {key} missing"
    assert len(soup.select(f"[id='{key}']")) == 1
    li = main.find_parent("li")
    title = norm(main.select_one("div.title").get_text())
    assert title, key
    raw_title = re.sub(r"[{}\\\"'`^~]", "", fields.get("title", ""))
    # same words as the bib title, LaTeX accents aside
    assert len(title.split()) == len(raw_title.split()), (key, title, raw_title)
    periodical = norm(main.select_one("div.periodical").get_text())
    assert fields.get("year", "").strip() in periodical, (key, periodical)
    if fields.get("journal") and "\\" not in fields["journal"]:
        assert main.select_one("div.periodical em").get_text() == norm(fields["journal"])
    if fields.get("booktitle"):
        assert periodical.startswith("In "), (key, periodical)
    authors = main.select_one("div.author")
    count = len(fields.persons.get("author", [])) if hasattr(fields, "persons") else None
    more = authors.select_one("span.more-authors")
    if count is not None and max_authors and count > max_authors:
        assert more.get_text() == f"{count - max_authors} more author" + (
            "s" if count - max_authors > 1 else ""
        )
    else:
        assert more is None, key
    labels = [b.get_text() for b in li.select("div.links > *")]
    expected = []
    if fields.get("award"):
        expected.append(fields.get("award_name") or "Awarded")
    if fields.get("abstract"):
        expected.append("Abs")
    if fields.get("doi"):
        expected.append("DOI")
    if fields.get("arxiv"):
        expected.append("arXiv")
    if str(fields.get("bibtex_show", "")).strip("{}").lower() == "true":
        expected.append("Bib")
        code = li.select_one("div.bibtex pre code").get_text()
        assert code.startswith("@") and key in code.splitlines()[0]
        assert "abstract" not in code and "selected" not in code
    if fields.get("html"):
        expected.append("HTML")
    if fields.get("pdf"):
        expected.append("PDF")
    if fields.get("supp") or fields.get("supplementary"):
        expected.append("Supp")
    if fields.get("video"):
        expected.append("Video")
    for name, label in (("blog", "Blog"), ("code", "Code"), ("poster", "Poster")):
        if fields.get(name):
            expected.append(label)
    for name, label in (("slides", "Slides"), ("website", "Website")):
        if fields.get(name):
            expected.append(label)
    assert labels == expected, (key, labels, expected)
    if fields.get("abstract"):
        assert li.select_one("div.abstract.hidden").get_text(strip=True)
    return li


def parse_warnings(result):
    """The fixtures ship without their PDFs and preview images: a bib entry naming one is a
    (correct) 'not found' warning; every other warning would be a reading problem."""
    return [w for w in result.folio_warnings() if "' not found" not in w]


def test_starter_publications_page(tmp_path):
    root = copy_tree(shared_path("fixtures", "al-folio-starter"), tmp_path / "site")
    result = init_and_build(root)
    assert result.error is None
    assert not [w for w in parse_warnings(result) if "publications.md" in w or ".bib" in w]
    soup = result.soup("publications/")
    assert soup.select_one("input#bibsearch") is not None
    entries = pybtex_entries(root / "_bibliography" / "papers.bib")
    pubs = soup.select_one("div.publications")
    years = [h.get_text() for h in pubs.select("h2.bibliography")]
    expected_years = sorted({int(e.fields["year"]) for e in entries.values()}, reverse=True)
    assert years == [str(y) for y in expected_years]
    keys_on_page = [li.select_one("[id]")["id"] for li in pubs.select("ol.bibliography > li")]
    assert sorted(keys_on_page) == sorted(entries.keys())
    for key, entry in entries.items():
        fields = entry.fields
        fields.persons = entry.persons  # type: ignore[attr-defined]
        check_entry(soup, key, fields, max_authors=3)
    epr = soup.find(id="PhysRev.47.777")
    assert [s.get_text() for s in epr.select("div.author sup")] == ["*†", "*", "*"]
    assert epr.select_one("div.author em").get_text() == "A. Einstein*†"  # the owner
    assert epr.find_parent("li").select_one("abbr.badge").get_text() == "PhysRev"
    assert "Nobel Prize" in [b.get_text() for b in soup.find(id="einstein1905photoelectriceffect")
                             .find_parent("li").select("div.links > *")]  # fmt: skip
    przibram = soup.find(id="przibram1967letters")
    assert przibram.select_one("span.more-authors").get_text() == "2 more authors"
    # the about page lists the selected papers
    about = result.soup()
    selected = [li.select_one("[id]")["id"] for li in about.select("div.publications li")]
    expected_selected = [
        k for k, e in entries.items() if e.fields.get("selected", "").lower() == "true"
    ]
    assert selected == expected_selected


def test_legacy_2023_publications_page(tmp_path):
    root = copy_tree(shared_path("fixtures", "legacy-2023-site"), tmp_path / "site")
    result = init_and_build(root)
    assert result.error is None
    assert not [w for w in parse_warnings(result) if "publications.md" in w or ".bib" in w]
    soup = result.soup("publications/")
    pubs = soup.select_one("div.publications")
    children = [c for c in pubs.find_all(recursive=False) if c.name in ("h2", "ol")]
    years = [2026, 2025, 2024, 2023, 2022, 2021, 2020]
    assert [(c.name, c.get("class")) for c in children] == [
        ("h2", ["year"]),
        ("ol", ["bibliography"]),
    ] * len(years)
    assert [c.get_text() for c in children if c.name == "h2"] == [str(y) for y in years]
    entries = pybtex_entries(root / "_bibliography" / "papers.bib")
    lists = [c for c in children if c.name == "ol"]
    for year, listing in zip(years, lists, strict=True):
        expected = [k for k, e in entries.items() if e.fields.get("year", "").strip() == str(year)]
        shown = [li.select_one("[id]")["id"] for li in listing.select(":scope > li")]
        assert shown == expected, year  # bib-file order within a year
    for key, entry in entries.items():
        year = entry.fields.get("year", "").strip()
        if not year.isdigit() or int(year) not in years:
            assert soup.find(id=key) is None  # outside the page's `years:` (or no year)
            continue
        fields = entry.fields
        fields.persons = entry.persons  # type: ignore[attr-defined]
        check_entry(soup, key, fields, max_authors=None)
    # the owner (scholar.first_name "Yuki M.") is highlighted in every entry shown
    for li in pubs.select("ol.bibliography > li"):
        assert li.select_one("div.author em") is not None, li.select_one("[id]")["id"]
    # the legacy `badges:` switch is on, but no entry asks for a badge: nothing third-party
    assert soup.select("div.badges") == []
    assert not any("altmetric" in (s.get("src") or "") for s in soup.select("script"))


@pytest.mark.parametrize("fixture", ["al-folio-starter", "legacy-2023-site"])
def test_fixture_sites_build_without_bib_warnings(tmp_path, fixture):
    root = copy_tree(shared_path("fixtures", fixture), tmp_path / "site")
    result = init_and_build(root)
    assert result.error is None
    assert not [w for w in parse_warnings(result) if "papers.bib" in w]
