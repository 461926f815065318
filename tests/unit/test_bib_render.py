"""The Jinja partials render EntryViews as al-folio's HTML (theme/partials/folio/bib/)."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_folio.bib import (
    apply_request,
    bib_settings,
    bibliography_view,
    entry_view,
    load_bibliography,
    parse_bibliography,
    parse_bibliography_args,
)
from mkdocs_folio.problems import Problems
from mkdocs_folio.site.yamlfile import load_yaml_file
from tests.conftest import REPO, SHARED
from tests.sitebuilder import theme_env

FIXTURES = REPO / "tests" / "fixtures" / "bib"


@pytest.fixture(scope="module")
def env() -> jinja2.Environment:
    return theme_env()


def render_list(env, entries, settings, **kwargs) -> BeautifulSoup:
    group_by = kwargs.pop("group_by", "year")
    listing = bibliography_view(entries, settings, group_by=group_by)
    html = env.get_template("partials/folio/bib/list.html").render(bib=listing, **kwargs)
    return BeautifulSoup(html, "lxml")


SETTINGS = {
    "scholar": {"last_name": ["Curie"], "first_name": ["Marie"]},
    "max_author_limit": 3,
}
DATA = {
    "coauthors": {"muller": [{"firstname": ["Jörg"], "url": "https://example.org/muller"}]},
    "venues": {"NeurIPS": {"url": "https://neurips.cc", "color": "#00369f"}},
}


@pytest.fixture(scope="module")
def alfolio():
    text = (FIXTURES / "alfolio.bib").read_text(encoding="utf-8")
    return parse_bibliography(text, "alfolio.bib", Problems()).entries


def test_year_groups_and_entry_structure(env, alfolio) -> None:
    soup = render_list(env, alfolio, bib_settings(SETTINGS, DATA, "/base"))
    headings = soup.select("h2.bibliography")
    assert [h.get_text() for h in headings] == ["2021", "2019", "1903", "Undated"]
    lists = soup.select("ol.bibliography")
    assert len(lists) == 4
    assert [len(ol.find_all("li", recursive=False)) for ol in lists] == [2, 1, 1, 1]
    for heading, ol in zip(headings, lists, strict=True):
        assert heading.find_next_sibling() is ol

    main = soup.select_one("div#curie2021radiance")
    assert main is not None and "col-sm-8" in main["class"]
    row = main.parent
    assert "row" in row["class"] and row.parent.name == "li"
    abbr = row.select_one("div.col-sm-2.abbr abbr.badge")
    assert abbr.get_text() == "NeurIPS" and "#00369f" in abbr["style"]
    assert abbr.a["href"] == "https://neurips.cc"
    assert row.select_one("div.abbr video.preview")["src"].endswith(
        "publication_preview/radiance.mp4"
    )
    assert main.select_one("div.title").get_text() == "Neural Radiance Fields for Örsted's Magnets"


def test_authors_markup(env, alfolio) -> None:
    soup = render_list(env, alfolio, bib_settings(SETTINGS, DATA, "/base"))
    author = soup.select_one("div#curie2021radiance div.author")
    assert author.em.get_text() == "Marie Curie*"  # the owner, marks inside as al-folio
    assert author.em.sup.get_text() == "*"
    link = author.find("a", href="https://example.org/muller")
    assert link is not None and link.get_text() == "Jörg Müller"
    more = author.select_one("span.more-authors")
    assert more["role"] == "button" and more["tabindex"] == "0"
    assert more["aria-expanded"] == "false"
    assert more.get_text() == "1 more author"
    assert more["data-more-authors"] == "Niels Henrik Abel"
    text = " ".join(author.get_text().split())
    assert text.startswith("Marie Curie*, Bronisława Skłodowska, Jörg Müller, and 1 more author")
    # annotation: an accessible toggle with an HTML popover
    toggle = author.select_one("button.annotation-toggle")
    popover = soup.find(id=toggle["aria-controls"])
    assert popover is not None and popover.has_attr("hidden")
    assert toggle.svg is not None  # Material's icon, inlined


def test_links_toggles_and_hidden_blocks(env, alfolio) -> None:
    soup = render_list(env, alfolio, bib_settings(SETTINGS, DATA, "/base"))
    main = soup.select_one("div#curie2021radiance")
    links = main.select_one("div.links")
    labels = [el.get_text() for el in links.find_all(["a", "button"])]
    assert labels == ["Best Paper", "Abs", "DOI", "arXiv", "Bib", "PDF", "Supp", "Code"]
    for a in links.find_all("a"):
        assert {"btn", "btn-sm", "z-depth-0"} <= set(a["class"])
    for button in links.find_all("button"):
        assert button["type"] == "button" and button["aria-expanded"] == "false"
        block = soup.find(id=button["aria-controls"])
        assert block is not None and "hidden" in block["class"]
        assert block["data-bib-block"] == button["data-bib-toggle"]
    assert main.select_one("div.award.hidden strong").get_text() == "award"  # Markdown field
    abstract = main.select_one("div.abstract.hidden").get_text()
    assert "$E = mc^2$" in abstract
    bibtex = main.select_one("div.bibtex.hidden")
    code = bibtex.select_one("pre code").get_text()
    assert code.startswith("@inproceedings{curie2021radiance,") and "abstract" not in code
    assert bibtex.select_one("button.bibtex-copy") is not None
    periodical = main.select("div.periodical")[0]
    assert periodical.em.get_text() == "In Advances in Neural Information Processing Systems"
    assert periodical.strong.get_text() == "Oral presentation"  # additional_info Markdown


def test_text_fields_are_escaped(env) -> None:
    text = (
        "@article{x, title = {<script>alert(1)</script> \\emph{ok}},"
        " author = {<img src=x onerror=alert(1)>, Eve},"
        " journal = {<b>J</b>}, note = {<i>n</i>}, abstract = {<script>a</script>},"
        " abbr = {<s>}, bibtex_show = {true}, year = {2020}}"
    )
    entries = parse_bibliography(text, "x.bib", Problems()).entries
    soup = render_list(env, entries, bib_settings({}, {}, ""))
    assert soup.find("script") is None
    assert soup.find("img") is None and soup.find("b") is None and soup.find("i") is None
    assert soup.find("s") is None
    title = soup.select_one("div.title")
    assert title.get_text() == "<script>alert(1)</script> ok"
    assert title.em.get_text() == "ok"
    assert "<b>J</b>" in soup.select_one("div.periodical").get_text()


def test_html_fields_stay_html(env) -> None:
    text = (
        "@article{x, annotation = {* equal<br>† lead}, award = {<u>Big</u> prize},"
        ' additional_info = {, <span class="x">extra</span>}, year = {2020}}'
    )
    entries = parse_bibliography(text, "x.bib", Problems()).entries
    soup = render_list(env, entries, bib_settings({}, {}, ""))
    assert soup.select_one(".annotation-popover br") is not None
    assert soup.select_one("div.award u").get_text() == "Big"
    assert soup.select_one("div.periodical span.x").get_text() == "extra"


def test_third_party_scripts_only_when_enabled(env) -> None:
    text = "@article{x, doi = {10.1/x}, altmetric = {true}, dimensions = {true}, year = {2020}}"
    entries = parse_bibliography(text, "x.bib", Problems()).entries
    off = render_list(env, entries, bib_settings({}, {}, ""))
    assert off.find("script") is None and off.select_one(".altmetric-embed") is None
    config = {"enable_publication_badges": {"altmetric": True, "dimensions": True}}
    on = render_list(env, entries, bib_settings(config, {}, ""))
    assert [s["src"] for s in on.find_all("script")] == [
        "https://embed.altmetric.com/assets/embed.js",
        "https://badge.dimensions.ai/badge.js",
    ]
    assert on.select_one("div.badges span.altmetric-embed")["data-doi"] == "10.1/x"
    assert (
        render_list(env, entries, bib_settings(config, {}, ""), bib_include_scripts=False).find(
            "script"
        )
        is None
    )


def test_video_embed_loads_nothing_until_opened(env, alfolio) -> None:
    soup = render_list(env, alfolio, bib_settings({"enable_video_embedding": True}, {}, ""))
    frame = soup.select_one("div.video.hidden iframe")
    assert (
        frame is not None and frame.get("src") is None and frame["data-src"].startswith("https://")
    )


def test_flat_list_without_thumbnails(env, alfolio) -> None:
    settings = bib_settings({"enable_publication_thumbnails": False}, {}, "")
    soup = render_list(env, alfolio, settings, group_by="none")
    assert soup.find("h2") is None
    (ol,) = soup.select("ol.bibliography")
    assert len(ol.find_all("li", recursive=False)) == 5
    assert soup.select_one("div.abbr") is None
    assert "col-sm-10" in soup.select_one("div#curie2021radiance")["class"]


def test_single_entry_include_and_id_prefix(env, alfolio) -> None:
    view = entry_view(alfolio[0], bib_settings({}, {}, ""))
    html = env.from_string(
        '{% with entry = view, bib_id_prefix = "sel-" %}'
        '{% include "partials/folio/bib/entry.html" %}{% endwith %}'
    ).render(view=view)
    soup = BeautifulSoup(html, "lxml")
    assert soup.select_one("div#sel-curie2021radiance") is not None
    assert soup.find(id="sel-curie2021radiance-abstract") is not None


def test_search_box_partial(env) -> None:
    soup = BeautifulSoup(env.get_template("partials/folio/bib/search.html").render(), "lxml")
    box = soup.select_one("input#bibsearch")
    assert box is not None and soup.find("label", attrs={"for": "bibsearch"}) is not None


# -- the team's real al-folio fixtures ------------------------------------------------------------

STARTER = SHARED / "fixtures" / "al-folio-starter"
LEGACY = SHARED / "fixtures" / "legacy-2023-site"


def site_settings(site: Path, problems: Problems):
    config = load_yaml_file(site / "_config.yml", problems, default={})
    data = {
        name: load_yaml_file(site / "_data" / f"{name}.yml", problems, default={})
        for name in ("coauthors", "venues", "citations")
        if (site / "_data" / f"{name}.yml").exists()
    }
    return config, bib_settings(config, data, config.get("baseurl") or "", "qc6CJjYAAAAJ")


@pytest.mark.skipif(not STARTER.exists(), reason="shared fixtures not available")
def test_starter_publications_and_selected_papers(env) -> None:
    problems = Problems()
    _, settings = site_settings(STARTER, problems)
    bib = load_bibliography(STARTER / "_bibliography" / "papers.bib", problems)
    assert list(problems) == []
    assert len(bib) == 9
    soup = render_list(env, bib.entries, settings)
    assert [h.get_text() for h in soup.select("h2.bibliography")] == [
        "1967", "1956", "1950", "1935", "1920", "1905"
    ]  # fmt: skip
    epr = soup.select_one("div#PhysRev\\.47\\.777")
    author_div = epr.select_one("div.author")
    assert "Albert Einstein" in author_div.select_one(".annotation-popover").get_text()
    author_div.select_one(".annotation-popover").decompose()
    authors = " ".join(author_div.get_text().split())
    assert authors == "A. Einstein*†, B. Podolsky*, and N. Rosen*"
    assert epr.select_one("div.author em").get_text() == "A. Einstein*†"
    assert epr.select_one("div.author a")["href"] == "https://en.wikipedia.org/wiki/Boris_Podolsky"
    assert "Phys. Rev., New Jersey" in epr.select_one("div.periodical").get_text()
    scholar = epr.select_one("a.badge-scholar .folio-badge-count")
    assert scholar is not None and int(scholar.get_text()) > 0
    # the about page's selected papers: one flat list in bib order
    request = parse_bibliography_args("--group_by none --query @*[selected=true]*")
    selected = apply_request(bib.entries, request)
    assert [e.key for e in selected] == ["PhysRev.47.777"]
    # the Vision entry shows 3 authors and "2 more authors"
    letters = soup.select_one("div#przibram1967letters span.more-authors")
    assert letters.get_text() == "2 more authors"


@pytest.mark.skipif(not LEGACY.exists(), reason="shared fixtures not available")
def test_legacy_site_year_loop(env) -> None:
    problems = Problems()
    _, settings = site_settings(LEGACY, problems)
    bib = load_bibliography(LEGACY / "_bibliography" / "papers.bib", problems)
    assert [p for p in problems if "papers.bib" in str(p.path)] == []
    assert len(bib) == 88
    total = 0
    for year in (2026, 2025, 2024, 2023, 2022, 2021, 2020):
        request = parse_bibliography_args(f"-f papers -q @*[year={year}]*")
        chosen = apply_request(bib.entries, request)
        assert all(e.year == year for e in chosen)
        total += len(chosen)
    assert total > 0
    soup = render_list(env, bib.entries, settings)
    owners = {em.get_text().rstrip("*") for em in soup.select("div.author > em")}
    assert owners == {"Yuki M. Asano", "Yuki M Asano"}  # both spellings, as written
    # `bibtex_show={True}` with a capital T still shows the Bib button
    assert soup.select("button.bibtex")


# -- the whole pipeline on random input: only Problems, never an exception ------------------------

FIELD = st.sampled_from(
    ["title", "author", "journal", "booktitle", "school", "year", "month", "abbr", "preview",
     "pdf", "html", "doi", "arxiv", "award", "annotation", "additional_info", "abstract",
     "bibtex_show", "selected", "video", "altmetric", "dimensions", "google_scholar_id"]
)  # fmt: skip
VALUE = st.text(
    alphabet=st.sampled_from(list("ab <>&\"'*†{}\\$~-_/:.,1 9")), min_size=0, max_size=25
).map(lambda s: "{" + s.replace("{", "").replace("}", "") + "}")
RANDOM_ENTRY = st.tuples(
    st.sampled_from(["article", "inproceedings", "phdthesis", "misc", "book"]),
    st.lists(st.tuples(FIELD, VALUE), max_size=8, unique_by=lambda f: f[0]),
)
GARBAGE = st.one_of(st.none(), st.integers(), st.text(max_size=5), st.lists(st.integers()))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(RANDOM_ENTRY, max_size=4), GARBAGE, GARBAGE, GARBAGE)
def test_random_entries_and_settings_render(env, entries, limit, coauthors, badges) -> None:
    text = "\n".join(
        f"@{kind}{{k{i}," + ",".join(f"{n} = {v}" for n, v in fields) + "}"
        for i, (kind, fields) in enumerate(entries)
    )
    problems = Problems()
    parsed = parse_bibliography(text, "r.bib", problems).entries
    config = {
        "max_author_limit": limit,
        "enable_publication_badges": badges,
        "scholar": {"last_name": coauthors, "first_name": limit},
        "enable_video_embedding": True,
    }
    data = {"coauthors": coauthors, "venues": badges, "citations": coauthors}
    settings_ = bib_settings(config, data, "/b", "U", problems=problems)
    soup = render_list(env, parsed, settings_)
    assert soup.find("script") is None
    assert len(soup.select("ol.bibliography > li")) == len(parsed)


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("{<a}", "{&lt;a}"),
        ("<em>open", "<em>open</em>"),
        ("a </b> c", "a  c"),
        ("<script>alert(1)</script>kept", "kept"),
        ('<a onclick="x" href="javascript:y">z</a>', "<a>z</a>"),
        ("* Example<br>† Albert", "* Example<br>† Albert"),
        ('<a href="https://x.org">ok</a> &amp; more', '<a href="https://x.org">ok</a> &amp; more'),
    ],
)
def test_html_fields_are_balanced(fragment, expected):
    from mkdocs_folio.bib.safehtml import balance_html

    assert balance_html(fragment) == expected
