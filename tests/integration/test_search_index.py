"""The search index is built by folio's own indexer and read by Material's search UI."""

from __future__ import annotations

import json

from tests.sitebuilder import al_folio_site, init_and_build

ABOUT = """
---
layout: about
title: about
permalink: /
selected_papers: true
---
Hello **world**.

## Interests {#interests}

Engines and looms.
"""


def test_index_sections_papers_and_exclusions(tmp_path):
    extra = {
        "_bibliography/papers.bib": "@article{first2024, title = {The First Paper},\n"
        "  author = {Lovelace, Ada}, journal = {J}, year = {2024}, bibtex_show = {true}}\n"
        "@article{second2023, title = {An Unselected Paper}, author = {Babbage, C.},\n"
        "  journal = {Notes}, year = {2023}}\n",
        "_pages/pubs.md": "---\nlayout: page\ntitle: publications\npermalink: /publications/\n---\n"
        "{% bibliography %}\n",
        "_pages/secret.md": "---\nlayout: page\ntitle: secret\npermalink: /secret/\n"
        "search:\n  exclude: true\n---\nNever findable.\n",
        "_pages/boosted.md": "---\nlayout: page\ntitle: boosted\npermalink: /boosted/\n"
        "search:\n  boost: 3\ntags: [x, y]\n---\nImportant.\n",
    }
    result = init_and_build(al_folio_site(tmp_path, ABOUT, extra))
    assert result.error is None
    index = json.loads((result.out / "search" / "search_index.json").read_text())
    assert set(index["config"]) >= {"lang", "separator", "pipeline"}
    docs = {doc["location"]: doc for doc in index["docs"]}
    assert "Hello" in docs[""]["text"] and docs[""]["title"] == "about"
    assert docs["#interests"]["title"] == "Interests"
    assert "Engines and looms." in docs["#interests"]["text"]
    pubs = docs["publications/"]["text"]
    assert "The First Paper" in pubs and "An Unselected Paper" in pubs
    assert "@article" not in pubs  # the hidden BibTeX block is not indexed
    bibtex = result.soup("publications/").select_one("div.bibtex").get_text()
    assert "@article{first2024" in bibtex  # though it is on the page
    assert not any(loc.startswith("secret/") for loc in docs)
    assert docs["boosted/"]["boost"] == 3 and docs["boosted/"]["tags"] == ["x", "y"]
