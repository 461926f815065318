"""The publications page of a site of our own, read back as HTML: every field and author rule
of al-folio's entry template, year grouping, several bib files, the legacy `years:` loop and
the `{% bibliography %}` options."""

from __future__ import annotations

import pytest

from tests.integration.pubsite import pub_site, site_config
from tests.sitebuilder import init_and_build

MORE_PAGES = {
    "_pages/several.md": """
        ---
        layout: page
        permalink: /several/
        title: several
        ---
        <div class="publications" id="papers-and-talks">

        {% bibliography -f papers -f talks --group_by none %}

        </div>

        ## Talks

        <div class="publications" id="talks-only">

        {% bibliography -f talks %}

        </div>
        """,
    "_pages/legacy.md": """
        ---
        layout: page
        permalink: /legacy/
        title: legacy
        years: [2024, 2023, 2020]
        ---
        <div class="publications">

        {%- for y in page.years %}
          <h2 class="year">{{y}}</h2>
          {% bibliography -f papers -q @*[year={{y}}]* --group_by none %}
        {% endfor %}

        </div>
        """,
    "_pages/options.md": """
        ---
        layout: page
        permalink: /options/
        title: options
        ---
        <div id="max">

        {% bibliography --max 2 --group_by none %}

        </div>
        <div id="template">

        {% bibliography -T apa --query @*[year=2022]* %}

        </div>
        <div id="bib-template">

        {% bibliography --template bib --query @*[year=2021]* --group_by none %}

        </div>
        <div id="unknown">

        {% bibliography --frobnicate 3 --query @phdthesis %}

        </div>
        <div id="count">{% bibliography_count --query @*[year=2024]* %}</div>
        """,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = pub_site(tmp_path_factory.mktemp("pubs"), MORE_PAGES)
    result = init_and_build(root)
    assert result.error is None, result.error
    return result


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory):
    """Thumbnails and badges off, no venues/coauthors data, bib_search off."""
    config = site_config(thumbnails=False, badges=False, search=False)
    root = pub_site(tmp_path_factory.mktemp("plain"), config=config)
    result = init_and_build(root)
    assert result.error is None, result.error
    return result


def entry(soup, key):
    main = soup.find(id=key)
    assert main is not None, f"no entry {key}"
    return main.find_parent("li")


# -- grouping -------------------------------------------------------------------------------


def test_year_groups_newest_first_in_bib_order(site):
    soup = site.soup("publications/")
    pubs = soup.select_one("div.publications")
    children = [c for c in pubs.find_all(recursive=False) if c.name in ("h2", "ol")]
    # al-folio: h2.bibliography + ol.bibliography per year, newest first
    assert [c.name for c in children] == ["h2", "ol"] * 4
    assert [h.get_text() for h in pubs.select("h2.bibliography")] == [
        "2024",
        "2023",
        "2022",
        "2021",
    ]
    assert all("bibliography" in c["class"] for c in children)
    first_year = children[1]
    # within a year: bib-file order (jekyll-scholar's sort_by: none)
    assert [li.select_one("[id]")["id"] for li in first_year.select(":scope > li")] == [
        "full2024",
        "second2024",
    ]
    # the only warnings of this site are the ones options.md asks for
    assert all("options.md" in w for w in site.folio_warnings()), site.folio_warnings()


def test_search_box_and_no_third_party_without_badges(site, plain_site):
    soup = site.soup("publications/")
    assert soup.select_one("input#bibsearch") is not None
    scripts = [s.get("src", "") for s in soup.select("script[src]")]
    assert "https://embed.altmetric.com/assets/embed.js" in scripts
    plain = plain_site.soup("publications/")
    assert plain.select_one("input#bibsearch") is None  # bib_search: false
    assert plain.select("div.badges") == []
    assert not any("altmetric" in (s.get("src") or "") for s in plain.select("script"))
    assert not any("dimensions" in (s.get("src") or "") for s in plain.select("script"))


# -- one entry, field by field --------------------------------------------------------------


def test_abbr_badge_colour_and_link_from_venues(site):
    soup = site.soup("publications/")
    abbr = entry(soup, "full2024").select_one("div.abbr abbr.badge")
    assert abbr["style"] == "background-color: #00369f"
    assert abbr.select_one("a")["href"] == "https://aapt.scitation.org/journal/ajp"
    assert abbr.get_text() == "AJP"
    engines = entry(soup, "conf2023").select_one("div.abbr abbr.badge")
    assert engines["style"] == "background-color: #009f36" and engines.select_one("a") is None


def test_preview_thumbnails_on_and_off(site, plain_site):
    soup = site.soup("publications/")
    img = entry(soup, "full2024").select_one("div.abbr img.preview")
    assert img["src"] == "/lab/assets/img/publication_preview/full.png"
    video = entry(soup, "conf2023").select_one("div.abbr video.preview")
    assert video["src"] == "/lab/assets/img/publication_preview/clip.mp4"
    assert "col-sm-8" in soup.find(id="full2024")["class"]
    plain = plain_site.soup("publications/")
    assert plain.select("div.abbr") == [] and plain.select("img.preview") == []
    assert "col-sm-10" in plain.find(id="full2024")["class"]


def test_authors_owner_coauthors_marks_and_more(site):
    soup = site.soup("publications/")
    author = entry(soup, "full2024").select_one("div.author")
    owner = author.select_one("em")
    assert owner.get_text() == "Ada Lovelace*" and owner.select_one("sup").get_text() == "*"
    babbage = author.select_one("a")
    assert babbage["href"] == "https://en.wikipedia.org/wiki/Charles_Babbage"
    assert babbage.select_one("sup").get_text() == "†"
    more = author.select_one("span.more-authors")
    assert more.get_text() == "2 more authors"
    assert more["title"] == "click to view 2 more authors"
    assert more["data-more-authors"] == "Caroline Herschel, Mary Fairfax"
    assert more["role"] == "button" and more["tabindex"] == "0"
    text = author.get_text(" ", strip=True)
    assert text.startswith(
        "Ada Lovelace * , Charles Babbage † , Mary Somerville, and 2 more authors"
    )
    # initials match scholar.first_name [Ada, A.]; accents removed for the coauthors key
    conf = entry(soup, "conf2023").select_one("div.author")
    assert conf.select_one("em").get_text() == "A. Lovelace"
    links = {a.get_text(): a["href"] for a in conf.select("a")}
    assert links["Erwin Schrödinger"] == "https://en.wikipedia.org/wiki/Erwin_Schrodinger"
    assert conf.get_text(" ", strip=True).endswith(", and Erwin Schrödinger")
    two = entry(soup, "second2024").select_one("div.author").get_text(" ", strip=True)
    assert two == "C. Babbage and Ada Lovelace"


def test_annotation_popover(site):
    soup = site.soup("publications/")
    author = entry(soup, "full2024").select_one("div.author")
    button = author.select_one("button.annotation-toggle")
    assert button["aria-controls"] == "full2024-annotation"
    popover = author.select_one("#full2024-annotation")
    assert popover.has_attr("hidden") and popover.select_one("br") is not None  # HTML field
    assert "Corresponding author" in popover.get_text()


def test_venue_line_per_type_and_note(site):
    soup = site.soup("publications/")
    periodicals = entry(soup, "full2024").select("div.periodical")
    assert periodicals[0].select_one("em").get_text() == "American Journal of Physics"
    assert periodicals[0].get_text() == (
        "American Journal of Physics, London. Invited paper, Mar 2024"
    )
    assert periodicals[0].select("em")[1].get_text() == "Invited"  # additional_info: Markdown
    assert periodicals[1].get_text() == "Extended version"  # note
    conf = entry(soup, "conf2023").select_one("div.periodical")
    assert conf.get_text() == "In Proceedings of Engines, Turin, 2023"
    thesis = entry(soup, "thesis2022").select_one("div.periodical")
    assert thesis.get_text() == "University of London, 2022"


def test_buttons_in_al_folio_order_with_urls(site):
    soup = site.soup("publications/")
    links = entry(soup, "full2024").select("div.links > *")
    labels = [b.get_text() for b in links]
    assert labels == [
        "Best Paper",
        "Abs",
        "DOI",
        "arXiv",
        "HAL",
        "Bib",
        "HTML",
        "PDF",
        "Supp",
        "Video",
        "Blog",
        "Code",
        "Poster",
        "Slides",
        "Website",
    ]
    hrefs = {b.get_text(): b.get("href") for b in links}
    assert hrefs == {
        "Best Paper": None,
        "Abs": None,
        "DOI": "https://doi.org/10.1000/full.2024",
        "arXiv": "https://arxiv.org/abs/2401.00001",
        "HAL": "https://hal.science/hal-01234567",
        "Bib": None,
        "HTML": "/lab/assets/html/full.html",
        "PDF": "/lab/assets/pdf/full2024.pdf",
        "Supp": "/lab/assets/pdf/full-supp.pdf",
        "Video": "https://video.example.org/full",
        "Blog": "https://blog.example.org/full",
        "Code": "https://github.com/ada/full",
        "Poster": "/lab/assets/pdf/poster.pdf",
        "Slides": "https://slides.example.org/full.pdf",
        "Website": "https://full.example.org",
    }
    toggles = [b for b in links if b.name == "button"]
    assert [b["data-bib-toggle"] for b in toggles] == ["award", "abstract", "bibtex"]
    for button in toggles:
        assert button["aria-expanded"] == "false"
        block = soup.find(id=button["aria-controls"])
        assert block is not None and "hidden" in block["class"]
    remote = entry(soup, "conf2023").select_one("div.links a")
    assert remote["href"] == "https://papers.example.org/conf2023.pdf"


def test_award_and_abstract_blocks(site):
    soup = site.soup("publications/")
    award = soup.find(id="full2024-award")
    assert award.select_one("strong").get_text() == "award"  # Markdown field
    abstract = soup.find(id="full2024-abstract")
    assert "Second line with the END OF ABSTRACT." in abstract.get_text()


def test_bib_block_filtered_with_multiline_abstract_removed(site):
    soup = site.soup("publications/")
    block = soup.find(id="full2024-bibtex")
    text = block.select_one("pre code").get_text()
    lines = text.splitlines()
    assert lines[0] == "@article{full2024,"
    assert lines[-1] == "}"
    fields = [line.split("=")[0].strip() for line in lines[1:-1]]
    assert fields == [
        "title",
        "author",
        "journal",
        "location",
        "month",
        "year",
        "note",
        "volume",
        "number",
        "pages",
        "doi",
    ]
    assert "END OF ABSTRACT" not in text and "abstract" not in text
    assert "selected" not in text and "preview" not in text
    # author marks stripped, LaTeX braces kept as written
    assert "{Lovelace, Ada and Babbage, Charles and" in text
    assert "A {Full} Entry" in text
    assert block.select_one("button.bibtex-copy") is not None
    # no Bib button and no block without bibtex_show
    assert soup.find(id="conf2023-bibtex") is None


def test_badges_when_enabled(site):
    soup = site.soup("publications/")
    badges = entry(soup, "full2024").select_one("div.badges")
    assert badges.select_one(".altmetric-embed")["data-altmetric-id"] == "248277"
    assert badges.select_one(".__dimensions_badge_embed__")["data-doi"] == "10.1000/full.2024"
    scholar = badges.select_one("a.badge-scholar")
    assert "citation_for_view=abcdEFGHijkl:qyhmnyLat1gC" in scholar["href"]
    assert scholar.select_one(".folio-badge-count").get_text() == "42"
    assert badges.select_one("a.badge-inspire")["href"] == "https://inspirehep.net/literature/3255"
    assert entry(soup, "conf2023").select_one("div.badges") is None


def test_script_in_title_is_text(site):
    html = site.html("publications/")
    assert "<script>alert(1)</script>" not in html
    soup = site.soup("publications/")
    title = entry(soup, "script2021").select_one("div.title")
    assert title.get_text() == "Danger <script>alert(1)</script> Title"
    assert title.select("script") == []


# -- pages and options -----------------------------------------------------------------------


def test_about_page_selected_papers(site):
    soup = site.soup()
    ids = [li.select_one("[id]")["id"] for li in soup.select("div.publications > ol > li")]
    assert ids == ["full2024", "conf2023"]  # bib order, no year headings
    assert soup.select("div.publications h2") == []


def test_several_bib_files_on_one_page(site):
    soup = site.soup("several/")
    both = soup.select_one("#papers-and-talks")
    ids = [li.select_one("[id]")["id"] for li in both.select("ol.bibliography > li")]
    assert ids == [
        "full2024",
        "conf2023",
        "thesis2022",
        "script2021",
        "second2024",
        "talk2025",
        "talk2019",
    ]
    talks = soup.select_one("#talks-only")
    assert [h.get_text() for h in talks.select("h2.bibliography")] == ["2025", "2019"]
    assert talks.select_one("#talk2025").find_parent("li").select(".periodical")[-1].get_text() == (
        "Keynote"
    )


def test_legacy_years_loop(site):
    soup = site.soup("legacy/")
    pubs = soup.select_one("div.publications")
    children = [c for c in pubs.find_all(recursive=False) if c.name in ("h2", "ol")]
    assert [(c.name, c.get("class")) for c in children] == [
        ("h2", ["year"]),
        ("ol", ["bibliography"]),
    ] * 3
    years = [c.get_text() for c in children if c.name == "h2"]
    assert years == ["2024", "2023", "2020"]
    lists = [c for c in children if c.name == "ol"]
    assert [len(ol.select(":scope > li")) for ol in lists] == [2, 1, 0]
    assert pubs.select("h2.bibliography") == []  # --group_by none: no second heading


def test_bibliography_options(site):
    soup = site.soup("options/")
    assert len(soup.select("#max ol.bibliography > li")) == 2
    # -T with another template: reported, rendered with the bib template
    assert soup.select_one("#template #thesis2022") is not None
    assert soup.select_one("#bib-template #script2021") is not None
    assert soup.select_one("#unknown #thesis2022") is not None
    assert soup.select_one("#count").get_text() == "2"
    warnings = site.folio_warnings()
    assert any("options.md:13" in w and "template `apa`" in w for w in warnings), warnings
    assert any("options.md:23" in w and "--frobnicate" in w for w in warnings), warnings
    assert not any("--template bib" in w or "`bib`" in w.split("template")[-1] for w in warnings)
