"""Citations in page bodies (`{% cite %}`, `{% reference %}`, `{% quote %}`),
`related_publications: true`, `--cited` lists and the MkDocs-native `bibliography:` front
matter, on a site of our own."""

from __future__ import annotations

import pytest

from tests.integration.pubsite import pub_site
from tests.sitebuilder import init_and_build

PAGES = {
    "_pages/research.md": """
        ---
        layout: page
        permalink: /research/
        title: research
        related_publications: true
        ---
        One paper {% cite conf2023 %}, then two {% cite full2024 thesis2022 %}.

        With a locator {% cite full2024 -l 12 %} and a talk {% cite talk2025 %}.

        A missing key {% cite nosuchkey %} is shown as such.

        In full: {% reference thesis2022 %}

        {% quote conf2023 %}
        The engine *weaves* algebraic patterns.
        {% endquote %}
        """,
    "_pages/notes.md": """
        ---
        layout: page
        permalink: /notes/
        title: notes
        ---
        Without references here, {% cite full2024 %} links to the publications page.

        <div id="cited">

        {% bibliography --cited %}

        </div>
        <div id="in-order">

        {% bibliography --cited_in_order %}

        </div>

        Cited after the lists, still listed: {% cite script2021 %}.
        """,
    "_pages/native.md": """
        ---
        layout: page
        permalink: /native/
        title: native
        bibliography:
          - file: papers
            query: "@*[year>=2022]*"
            group_by: year
            search: true
          - heading: Talks
            file: talks
            group_by: none
            max: 1
        ---
        The body comes first.
        """,
    "_pages/badspec.md": """
        ---
        layout: page
        permalink: /badspec/
        title: badspec
        bibliography:
          file: papers
          group_by: month
          colour: red
        ---
        Body.
        """,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = init_and_build(pub_site(tmp_path_factory.mktemp("cite"), PAGES))
    assert result.error is None, result.error
    return result


def test_cite_links_to_the_pages_own_references(site):
    soup = site.soup("research/")
    cites = soup.select("article a.citation, article span.citation")
    one = cites[0]
    assert one.name == "a" and one.get_text() == "(Babbage et al., 2023)"
    assert one["href"] == "#conf2023"
    two = cites[1]
    assert two.name == "span"
    assert two.get_text() == "(Lovelace et al., 2024; Lovelace, 2022)"
    assert [a["href"] for a in two.select("a")] == ["#full2024", "#thesis2022"]
    assert cites[2].get_text() == "(Lovelace et al., 2024, p. 12)"
    assert cites[3].get_text() == "(Lovelace, 2025)"  # from talks.bib, found by key
    unknown = cites[4]
    assert unknown.get_text() == "(nosuchkey)" and unknown.select("a") == []


def test_unknown_key_is_one_warning_with_page_line_and_key(site):
    warnings = [w for w in site.folio_warnings() if "nosuchkey" in w]
    assert len(warnings) == 1
    assert warnings[0].startswith("folio: _pages/research.md:11: cite: unknown key `nosuchkey`")


def test_reference_and_quote(site):
    soup = site.soup("research/")
    reference = soup.select_one("span.reference")
    assert reference.get_text() == (
        "Lovelace, A. (2022). A Thesis on Engines [Doctoral dissertation, University of London]."
    )
    assert reference.select_one("em").get_text() == "A Thesis on Engines"
    quote = soup.select_one("blockquote.citation-quote")
    assert quote.select_one("p em").get_text() == "weaves"
    cite = quote.select_one("cite a.citation")
    assert cite.get_text() == "(Babbage et al., 2023)" and cite["href"] == "#conf2023"


def test_related_publications_in_citation_order(site):
    soup = site.soup("research/")
    heading = soup.find("h2", string="References")
    assert heading is not None
    listing = heading.find_next_sibling("div", class_="publications")
    assert listing.select("h2.bibliography") == []  # no year grouping
    ids = [li.select_one("[id]")["id"] for li in listing.select("ol.bibliography > li")]
    assert ids == ["conf2023", "full2024", "thesis2022", "talk2025"]
    # the anchors the citations point to exist once each
    for key in ids:
        assert len(soup.select(f"[id='{key}']")) == 1


def test_cite_without_references_links_to_publications_page(site):
    soup = site.soup("notes/")
    cite = soup.select_one("a.citation")
    assert cite["href"] == "/lab/publications/#full2024"
    assert soup.find("h2", string="References") is None


def test_cited_lists_see_every_citation_of_the_page(site):
    soup = site.soup("notes/")
    cited = [li.select_one("[id]")["id"] for li in soup.select("#cited ol.bibliography > li")]
    assert cited == ["full2024", "script2021"]  # bib order, grouped by year (site default)
    assert [h.get_text() for h in soup.select("#cited h2.bibliography")] == ["2024", "2021"]
    ordered = [li.select_one("[id]")["id"] for li in soup.select("#in-order ol.bibliography > li")]
    assert ordered == ["full2024", "script2021"]


def test_front_matter_bibliography_after_the_body(site):
    soup = site.soup("native/")
    article = soup.select_one("div.post > article")
    children = [c for c in article.find_all(recursive=False)]
    assert children[0].name == "p" and children[0].get_text() == "The body comes first."
    assert soup.select_one("input#bibsearch") is not None
    lists = article.select(":scope > div.publications")
    assert len(lists) == 2
    years = [h.get_text() for h in lists[0].select("h2.bibliography")]
    assert years == ["2024", "2023", "2022"]
    assert article.find("h2", string="Talks") is not None
    talks = [li.select_one("[id]")["id"] for li in lists[1].select("ol > li")]
    assert talks == ["talk2025"]  # max: 1


def test_front_matter_bibliography_problems_name_the_line(site):
    warnings = [w for w in site.folio_warnings() if "badspec" in w]
    assert any("badspec.md:7" in w and "group_by" in w for w in warnings), warnings
    assert any("badspec.md:8" in w and "unknown key `colour`" in w for w in warnings), warnings
    soup = site.soup("badspec/")
    assert len(soup.select("div.publications ol.bibliography > li")) == 5


def test_about_page_cites_link_to_publications(site):
    soup = site.soup()
    cite = soup.select_one("div.clearfix a.citation")
    assert cite["href"] == "/lab/publications/#conf2023"
