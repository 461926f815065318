"""Highwire Press tags and JSON-LD for per-publication pages (mkdocs_folio.bib.meta)."""

from __future__ import annotations

import json

from mkdocs_folio.bib import bib_settings, highwire_meta, parse_bibliography, scholarly_jsonld
from mkdocs_folio.problems import Problems

BIB = r"""
@article{k,
  title = {Neural {F}ields for {\"O}rsted},
  author = {Curie*, Marie and van der Berg, Piet and others},
  journal = {Annales de Chimie}, volume = {12}, number = {3}, pages = {101--110},
  year = {2021}, month = sep, doi = {10.1000/x}, arxiv = {2101.00001},
  pdf = {paper.pdf}, publisher = {Wiley}, abstract = {An abstract.}
}
@inproceedings{c, title = {Conf}, booktitle = {Proc. X}, year = {2020}, pages = {7},
  pdf = {https://x.org/c.pdf}}
@phdthesis{t, title = {Thesis}, school = {Paris}, author = {Curie, Marie}}
"""


def entries():
    return {e.key: e for e in parse_bibliography(BIB, "m.bib", Problems()).entries}


def test_highwire_meta_for_an_article() -> None:
    meta = highwire_meta(entries()["k"], bib_settings({}, {}, "/base"), "https://me.example")
    assert meta == [
        ("citation_title", "Neural Fields for Örsted"),
        ("citation_author", "Curie, Marie"),
        ("citation_author", "van der Berg, Piet"),
        ("citation_publication_date", "2021/09"),
        ("citation_journal_title", "Annales de Chimie"),
        ("citation_volume", "12"),
        ("citation_issue", "3"),
        ("citation_firstpage", "101"),
        ("citation_lastpage", "110"),
        ("citation_publisher", "Wiley"),
        ("citation_doi", "10.1000/x"),
        ("citation_arxiv_id", "2101.00001"),
        ("citation_pdf_url", "https://me.example/base/assets/pdf/paper.pdf"),
        ("citation_abstract", "An abstract."),
    ]


def test_highwire_meta_for_conference_and_thesis() -> None:
    e = entries()
    settings = bib_settings({}, {}, "")
    conf = dict(highwire_meta(e["c"], settings))
    assert conf["citation_conference_title"] == "Proc. X"
    assert conf["citation_firstpage"] == "7" and "citation_lastpage" not in conf
    assert conf["citation_pdf_url"] == "https://x.org/c.pdf"
    thesis = dict(highwire_meta(e["t"], settings))
    assert thesis["citation_dissertation_institution"] == "Paris"
    assert "citation_publication_date" not in thesis


def test_jsonld() -> None:
    data = scholarly_jsonld(
        entries()["k"], bib_settings({}, {}, ""), "https://me.example", "https://me.example/p/k/"
    )
    assert data["@type"] == "ScholarlyArticle" and data["headline"] == "Neural Fields for Örsted"
    assert [a["name"] for a in data["author"]] == ["Marie Curie", "Piet van der Berg"]
    assert data["datePublished"] == "2021-09"
    assert data["sameAs"] == ["https://doi.org/10.1000/x", "https://arxiv.org/abs/2101.00001"]
    assert data["encoding"]["contentUrl"] == "https://me.example/assets/pdf/paper.pdf"
    assert data["url"] == "https://me.example/p/k/"
    json.dumps(data)
    assert scholarly_jsonld(entries()["t"], bib_settings({}, {}, ""))["@type"] == "Thesis"
