"""Per-publication pages (`publication_pages: true`) with Google Scholar's Highwire meta tags
and schema.org JSON-LD, and the home page's `Person` JSON-LD."""

from __future__ import annotations

import json

import pytest

from tests.integration.pubsite import CONFIG, pub_site
from tests.sitebuilder import init_and_build

EXTRA = {
    "_bibliography/papers.bib": None,  # replaced below: one more entry with markup in fields
    "_pages/research.md": """
        ---
        layout: page
        permalink: /research/
        title: research
        ---
        As argued in {% cite conf2023 %}.
        """,
}

# (BibTeX turns `--` into an en dash, so `<!--` in the title reads `<!–` on the page.)
ESCAPES = r"""
@article{escape2020,
  title    = {Closing </script><!-- Tags & "Quotes"},
  author   = {Lovelace, Ada},
  journal  = {Journal of Tests},
  year     = {2020},
  abstract = {An abstract with </script> inside.}
}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from tests.integration.pubsite import PAPERS

    extra = dict(EXTRA)
    extra["_bibliography/papers.bib"] = PAPERS + ESCAPES
    root = pub_site(
        tmp_path_factory.mktemp("pages"), extra, config=CONFIG + "publication_pages: true\n"
    )
    result = init_and_build(root)
    assert result.error is None, result.error
    return result


@pytest.fixture(scope="module")
def off_site(tmp_path_factory):
    result = init_and_build(pub_site(tmp_path_factory.mktemp("off")))
    assert result.error is None, result.error
    return result


def meta(soup, name):
    return [m["content"] for m in soup.select(f"head meta[name='{name}']")]


def jsonld(soup, kind):
    found = []
    for script in soup.select("script[type='application/ld+json']"):
        data = json.loads(script.string)
        if data.get("@type") == kind:
            found.append(data)
    return found


def test_one_page_per_entry_out_of_the_nav(site):
    for key in ("full2024", "conf2023", "thesis2022", "script2021", "second2024", "escape2020"):
        assert site.exists(f"publications/{key}/index.html"), key
    assert not site.exists("publications/talk2025/index.html")  # talks.bib is not listed
    nav_links = [a.get("href") for a in site.soup("publications/").select("#navbar a")]
    assert not any("full2024" in (href or "") for href in nav_links)
    assert site.folio_warnings() == []


def test_highwire_meta_tags(site):
    soup = site.soup("publications/full2024/")
    assert meta(soup, "citation_title") == ["Everything at Once: A Full Entry"]
    assert meta(soup, "citation_author") == [
        "Lovelace, Ada",
        "Babbage, Charles",
        "Somerville, Mary",
        "Herschel, Caroline",
        "Fairfax, Mary",
    ]
    assert meta(soup, "citation_publication_date") == ["2024/03"]
    assert meta(soup, "citation_journal_title") == ["American Journal of Physics"]
    assert meta(soup, "citation_volume") == ["92"]
    assert meta(soup, "citation_issue") == ["3"]
    assert meta(soup, "citation_firstpage") == ["101"]
    assert meta(soup, "citation_lastpage") == ["119"]
    assert meta(soup, "citation_doi") == ["10.1000/full.2024"]
    # a local PDF: absolute, with the baseurl once
    assert meta(soup, "citation_pdf_url") == ["https://ada.example.org/lab/assets/pdf/full2024.pdf"]
    conf = site.soup("publications/conf2023/")
    assert meta(conf, "citation_conference_title") == ["Proceedings of Engines"]
    assert meta(conf, "citation_journal_title") == []
    assert meta(conf, "citation_pdf_url") == ["https://papers.example.org/conf2023.pdf"]
    thesis = site.soup("publications/thesis2022/")
    assert meta(thesis, "citation_dissertation_institution") == ["University of London"]
    assert meta(thesis, "citation_pdf_url") == []


def test_scholarly_article_jsonld(site):
    soup = site.soup("publications/full2024/")
    (article,) = jsonld(soup, "ScholarlyArticle")
    assert article["headline"] == "Everything at Once: A Full Entry"
    assert [a["name"] for a in article["author"]][:2] == ["Ada Lovelace", "Charles Babbage"]
    assert article["datePublished"] == "2024-03"
    assert article["isPartOf"] == {"@type": "Periodical", "name": "American Journal of Physics"}
    assert "https://doi.org/10.1000/full.2024" in article["sameAs"]
    assert article["url"].endswith("/lab/publications/full2024/")
    assert article["encoding"]["contentUrl"] == (
        "https://ada.example.org/lab/assets/pdf/full2024.pdf"
    )


def test_page_body_entry_abstract_bibtex(site):
    soup = site.soup("publications/full2024/")
    assert soup.title.get_text() == "Ada Lovelace | Everything at Once: A Full Entry"
    assert soup.select_one("h1.post-title").get_text() == "Everything at Once: A Full Entry"
    page = soup.select_one("div.publication-page")
    assert page.select_one("div.title") is None  # the h1 is the title
    assert page.select_one("div.author em").get_text() == "Ada Lovelace*"
    labels = [b.get_text() for b in page.select("div.links > *")]
    assert "Abs" not in labels and "Bib" not in labels and labels[0] == "Best Paper"
    assert "END OF ABSTRACT" in page.select_one("section.publication-abstract p").get_text()
    bibtex = page.select_one("section.publication-bibtex .bibtex")
    assert "hidden" not in bibtex["class"]
    assert bibtex.select_one("code").get_text().startswith("@article{full2024,")
    assert bibtex.select_one("button.bibtex-copy") is not None
    back = soup.select_one("p.publication-back a")
    assert back["href"] == "/lab/publications/#full2024"
    assert soup.select_one("meta[name='description']")["content"].startswith("First line")
    # BibTeX shown even when the entry does not set bibtex_show
    conf = site.soup("publications/conf2023/")
    assert "@inproceedings{conf2023," in conf.select_one("section.publication-bibtex").get_text()


def test_lists_and_citations_link_to_the_pages(site, off_site):
    soup = site.soup("publications/")
    title = soup.find(id="full2024").select_one("div.title a")
    assert title["href"] == "/lab/publications/full2024/"
    about = site.soup()
    assert about.select_one("div.publications div.title a")["href"].startswith("/lab/publications/")
    cite = site.soup("research/").select_one("a.citation")
    assert cite["href"] == "/lab/publications/conf2023/"
    # off: titles are plain text, citations go to the publications page
    plain = off_site.soup("publications/")
    assert plain.find(id="full2024").select_one("div.title a") is None
    assert not off_site.exists("publications/full2024/index.html")


def test_json_and_meta_escaping(site):
    html = site.html("publications/escape2020/")
    head = html[: html.index("</head>")]
    # nothing in the data can close the script element or open a comment
    scripts = head.split('<script type="application/ld+json">')[1:]
    for script in scripts:
        body = script.split("</script>", 1)[0]
        assert "<" not in body and "&" not in body
    soup = site.soup("publications/escape2020/")
    (article,) = jsonld(soup, "ScholarlyArticle")
    assert article["headline"] == 'Closing </script><!– Tags & "Quotes"'
    assert meta(soup, "citation_title") == ['Closing </script><!– Tags & "Quotes"']
    assert soup.select_one("h1.post-title").get_text() == 'Closing </script><!– Tags & "Quotes"'


def test_person_jsonld_on_the_home_page_only(site, off_site):
    for result in (site, off_site):
        soup = result.soup()
        (person,) = jsonld(soup, "Person")
        assert person["name"] == "Ada Lovelace"
        assert person["url"] == "https://ada.example.org/lab/"
        assert person["image"] == "https://ada.example.org/lab/assets/img/prof_pic.jpg"
        assert person["sameAs"] == [
            "https://github.com/ada",
            "https://scholar.google.com/citations?user=abcdEFGHijkl",
            "https://orcid.org/0000-0002-1825-0097",
        ]
        assert jsonld(result.soup("publications/"), "Person") == []
