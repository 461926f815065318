"""al-folio's display rules for one entry (mkdocs_folio.bib.view, .bibtex)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_folio.bib import (
    DEFAULT_FILTERED_KEYWORDS,
    bib_settings,
    bibliography_view,
    cite_text,
    entry_bibtex,
    entry_view,
    entry_views,
    parse_bibliography,
    remove_accents,
)
from mkdocs_folio.problems import Problems
from mkdocs_folio.site.yamlfile import parse_yaml

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "bib"

CONFIG = {
    "scholar": {"last_name": ["Curie"], "first_name": ["Marie", "M."]},
    "max_author_limit": 3,
    "more_authors_animation_delay": 20,
}
DATA = {
    "coauthors": {
        "muller": [{"firstname": ["Jörg", "J."], "url": "https://example.org/muller"}],
        "Skłodowska": [{"firstname": ["Bronisława"], "url": "https://example.org/bronislawa"}],
        "joliot-curie": [{"firstname": ["Irène"], "url": "https://example.org/irene"}],
    },
    "venues": {
        "NeurIPS": {"url": "https://neurips.cc", "color": "#00369f"},
        "Bad": {"color": "red; background: url(x)"},
    },
    "citations": {"papers": {"USER:abc": {"citations": 42, "title": "x"}}},
}


def entries_of(text: str):
    problems = Problems()
    bib = parse_bibliography(text, "v.bib", problems)
    assert list(problems) == []
    return {e.key: e for e in bib.entries}


@pytest.fixture(scope="module")
def alfolio():
    path = FIXTURES / "alfolio.bib"
    return entries_of(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def settings():
    return bib_settings(CONFIG, DATA, "/base", "USER")


# -- settings ------------------------------------------------------------------------------------


def test_settings_defaults() -> None:
    s = bib_settings({}, {}, "")
    assert s.max_author_limit is None and s.more_authors_animation_delay == 10
    assert s.filtered_bibtex_keywords == frozenset(DEFAULT_FILTERED_KEYWORDS)
    assert s.enable_publication_thumbnails is True
    assert not (s.badge_altmetric or s.badge_dimensions or s.badge_google_scholar)
    assert s.enable_video_embedding is False and s.scholar_first_names is None


def test_settings_legacy_and_bad_values() -> None:
    config = parse_yaml(
        "scholar:\n  last_name: Curie\n  first_name: Marie\n"
        "max_author_limit: lots\n"
        "badges:\n  altmetric_badge: true\n  dimensions_badge: false\n"
        "filtered_bibtex_keywords: [abbr, Month]\n"
        "enable_publication_thumbnails: false\n"
        "enable_video_embedding: true\n"
    )
    problems = Problems()
    s = bib_settings(config, DATA, "", None, problems=problems, config_path="_config.yml")
    assert s.badge_altmetric and not s.badge_dimensions
    assert s.filtered_bibtex_keywords == frozenset({"abbr", "month"})
    assert s.enable_publication_thumbnails is False and s.enable_video_embedding is True
    assert s.max_author_limit is None
    messages = {(p.path, p.line): p.message for p in problems}
    assert "whole number" in messages[("_config.yml", 4)]
    assert any("not a CSS colour" in m for m in messages.values())
    assert "Bad" in s.venues and s.venues["Bad"].color is None


def test_blank_max_author_limit_means_all() -> None:
    s = bib_settings(parse_yaml("max_author_limit:\n"), {}, "")
    assert s.max_author_limit is None


def test_fingerprint_changes_with_settings() -> None:
    a = bib_settings(CONFIG, DATA, "/base", "USER")
    b = bib_settings(CONFIG, DATA, "/base", "USER")
    c = bib_settings({**CONFIG, "max_author_limit": 5}, DATA, "/base", "USER")
    assert a.fingerprint == b.fingerprint != c.fingerprint


def test_remove_accents() -> None:
    assert remove_accents("Schrödinger Łukasz Skłodowska Ørsted") == (
        "Schrodinger Lukasz Sklodowska Orsted"
    )


# -- authors -------------------------------------------------------------------------------------


def authors_text(view) -> str:
    return "".join(a.sep + a.name + a.marks for a in view.authors)


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        ("Curie, Marie", "Marie Curie"),
        ("Curie, Marie and Abel, Niels", "Marie Curie and Niels Abel"),
        ("Curie, Marie and Abel, Niels and Bohr, Niels", "Marie Curie, Niels Abel, and Niels Bohr"),
        ("Marie Curie and Piet van der Berg", "Marie Curie and Piet van der Berg"),
    ],
)  # fmt: skip
def test_author_separators(settings, authors: str, expected: str) -> None:
    (entry,) = entries_of(f"@misc{{k, author = {{{authors}}}}}").values()
    view = entry_view(entry, settings)
    assert authors_text(view) == expected
    assert view.more_authors_count == 0 and view.more_authors_sep == ""


def test_truncation_beyond_max_author_limit(alfolio, settings) -> None:
    view = entry_view(alfolio["curie2021radiance"], settings)
    assert [a.name for a in view.authors] == [
        "Marie Curie",
        "Bronisława Skłodowska",
        "Jörg Müller",
    ]
    assert [a.sep for a in view.authors] == ["", ", ", ", "]
    assert view.more_authors_sep == ", and "
    assert view.more_authors_count == 1
    assert view.more_authors_label == "1 more author"
    assert view.more_authors_title == "click to view 1 more author"
    assert view.more_authors_text == "Niels Henrik Abel"
    assert view.animation_delay == 20
    many = entries_of(
        "@misc{k, author = {A, One and B, Two and C, Three and D, Four and E, Five}}"
    )["k"]
    view = entry_view(many, settings)
    assert view.more_authors_label == "2 more authors"
    assert view.more_authors_text == "Four D, Five E"
    marked = entries_of("@misc{k, author = {A, B and C, D and E, F and G*, H}}")["k"]
    assert entry_view(marked, settings).more_authors_text == "H G*"


def test_owner_highlight_and_marks(alfolio, settings) -> None:
    view = entry_view(alfolio["curie2021radiance"], settings)
    curie = view.authors[0]
    assert curie.owner and curie.marks == "*" and curie.url is None
    assert not view.authors[1].owner


@pytest.mark.parametrize(
    ("first_names", "author", "owner"),
    [
        (["Yuki M."], "Asano, Yuki M.", True),
        (["Yuki M."], "Yuki M Asano", True),  # dots do not matter
        (["Yuki M"], "Asano, Yuki M.", True),
        (["Yuki"], "Asano, Yuki M.", False),  # first name = first + middle, as written
        (["A."], "Asano, Yuki M.", False),
        (None, "Asano, Someone", True),  # no first_name configured: last name decides
    ],
)
def test_owner_first_name_variants(first_names, author: str, owner: bool) -> None:
    scholar = {"last_name": "Asano"}
    if first_names is not None:
        scholar["first_name"] = first_names
    s = bib_settings({"scholar": scholar}, {}, "")
    (entry,) = entries_of(f"@misc{{k, author = {{{author}}}}}").values()
    assert entry_view(entry, s).authors[0].owner is owner


def test_owner_matches_with_marks_stripped() -> None:
    s = bib_settings({"scholar": {"last_name": ["Einstein"], "first_name": ["A."]}}, {}, "")
    (entry,) = entries_of("@misc{k, author = {Einstein*†, A. and Rosen*, N.}}").values()
    view = entry_view(entry, s)
    assert view.authors[0].owner and view.authors[0].marks == "*†"
    assert view.authors[0].name == "A. Einstein"
    assert view.authors[0].author.display() == "Einstein, A."


def test_coauthor_links_with_accents(alfolio, settings) -> None:
    view = entry_view(alfolio["curie2021radiance"], settings)
    assert view.authors[1].url == "https://example.org/bronislawa"  # key written with accents
    assert view.authors[2].url == "https://example.org/muller"  # Müller -> muller
    book = entry_view(alfolio["curie2021book"], settings)
    assert book.authors[1].url == "https://example.org/irene"
    # a first name not in the list gets no link
    (entry,) = entries_of('@misc{k, author = {M{\\"u}ller, Hans}}').values()
    assert entry_view(entry, settings).authors[0].url is None


# -- venue line ----------------------------------------------------------------------------------


def test_venue_line_per_type(alfolio, settings) -> None:
    radiance = entry_view(alfolio["curie2021radiance"], settings)
    assert radiance.periodical == (
        ("em", "In Advances in Neural Information Processing Systems"),
        ("text", ", Vancouver, Canada"),
        ("html", ". <strong>Oral presentation</strong>"),
        ("text", ", Dec 2021"),
    )
    article = entry_view(alfolio["curie2019thesis"], settings)
    assert article.periodical == (("em", "Annales de Chimie"), ("text", ", Jan 2019"))
    assert article.note == "In press"
    thesis = entry_view(alfolio["curie1903recherches"], settings)
    assert thesis.periodical == (("em", "Université de Paris"), ("text", ", 1903"))
    book = entry_view(alfolio["curie2021book"], settings)
    assert book.periodical == (("text", "2021"),)  # no venue: no leading comma
    undated = entry_view(alfolio["undated2020draft"], settings)
    assert undated.periodical == () and undated.date == ""


def test_markdownify_is_pluggable(alfolio) -> None:
    s = bib_settings(CONFIG, DATA, "", markdownify=lambda text: f"<p>[{text}]</p>")
    view = entry_view(alfolio["curie2021radiance"], s)
    assert ("html", "[. **Oral presentation**]") in view.periodical
    assert view.award_html == "[Best paper **award**]"


# -- buttons -------------------------------------------------------------------------------------


def test_buttons_order_and_urls(alfolio, settings) -> None:
    view = entry_view(alfolio["curie2021radiance"], settings)
    assert [(b.label, b.url, b.toggle) for b in view.buttons] == [
        ("Best Paper", None, "award"),
        ("Abs", None, "abstract"),
        ("DOI", "https://doi.org/10.1000/neurips.2021.1", None),
        ("arXiv", "https://arxiv.org/abs/2101.00001", None),
        ("Bib", None, "bibtex"),
        ("PDF", "/base/assets/pdf/curie2021.pdf", None),
        ("Supp", "https://example.org/supp.zip", None),
        ("Code", "https://github.com/example/radiance", None),
    ]
    other = entry_view(alfolio["curie2019thesis"], settings)
    assert [(b.label, b.url) for b in other.buttons] == [
        ("HAL", "https://hal.science/hal-01234567"),
        ("HTML", "/base/assets/html/polonium.html"),
        ("Supp", "/base/assets/pdf/extra.pdf"),  # legacy `supplementary`
        ("Video", "https://www.youtube-nocookie.com/embed/xyz"),
        ("Blog", "https://blog.example.org/polonium"),
        ("Poster", "/base/assets/pdf/poster.pdf"),
        ("Slides", "/base/talks/slides.pdf"),  # site-relative path
        ("Website", "https://example.org/polonium"),
    ]
    assert other.video_embed is None


def test_video_embedding_turns_video_into_a_toggle(alfolio) -> None:
    s = bib_settings({"enable_video_embedding": True}, {}, "")
    view = entry_view(alfolio["curie2019thesis"], s)
    video = next(b for b in view.buttons if b.kind == "video")
    assert video.toggle == "video" and video.url is None
    assert view.video_embed == "https://www.youtube-nocookie.com/embed/xyz"


def test_award_without_name_and_unsafe_urls(settings) -> None:
    entries = entries_of(
        "@misc{k, award = {Won}, code = {javascript:alert(1)}, doi = {https://doi.org/10.1/x},"
        " arxiv = {arXiv:2101.1}, pdf = {https://x.org/p.pdf}}"
    )
    view = entry_view(entries["k"], settings)
    assert [(b.label, b.url) for b in view.buttons] == [
        ("Awarded", None),
        ("DOI", "https://doi.org/10.1/x"),
        ("arXiv", "https://arxiv.org/abs/2101.1"),
        ("PDF", "https://x.org/p.pdf"),
        ("Code", "#"),
    ]


# -- badge, preview, bibtex ----------------------------------------------------------------------


def test_abbr_badge_and_preview(alfolio, settings) -> None:
    view = entry_view(alfolio["curie2021radiance"], settings)
    assert (view.abbr, view.abbr_color, view.abbr_url) == (
        "NeurIPS",
        "#00369f",
        "https://neurips.cc",
    )
    assert view.preview is not None and view.preview.video
    assert view.preview.src == "/base/assets/img/publication_preview/radiance.mp4"
    assert view.show_abbr_column and view.main_class == "col-sm-8"
    off = bib_settings({"enable_publication_thumbnails": False}, {}, "")
    view = entry_view(alfolio["curie2021radiance"], off)
    assert view.preview is None and not view.show_abbr_column and view.main_class == "col-sm-10"


def test_bibtex_filters_whole_fields_and_keeps_line_breaks(alfolio, settings) -> None:
    view = entry_view(alfolio["curie2021radiance"], settings)
    text = view.bibtex
    assert text is not None and text.startswith("@inproceedings{curie2021radiance,\n")
    for hidden in ("abstract", "abbr", "pdf", "selected", "bibtex_show", "annotation", "award"):
        assert f"  {hidden} =" not in text
    assert "second line of the abstract" not in text  # multi-line field removed whole
    assert "  author = {Curie, Marie and Sk{\\l}odowska" in text  # marks stripped, LaTeX kept
    assert "  month = dec" in text  # month macro stays a macro
    assert "  publisher = {IEEE Press}" in text  # other macros expanded
    names = [line.split(" = ")[0].strip() for line in text.splitlines()[1:-1]]
    assert names == [
        "title", "author", "booktitle", "location", "year", "month", "publisher", "doi"
    ]  # fmt: skip
    assert text.endswith("\n}")
    # no bibtex_show: no Bib button, no block
    assert entry_view(alfolio["curie2019thesis"], settings).bibtex_html is None


def test_bibtex_keeps_line_breaks_of_kept_fields() -> None:
    entries = entries_of("@misc{k,\n  title = {A long\n    title},\n  abstract = {x\n y}\n}")
    text = entry_bibtex(entries["k"], ["abstract"])
    assert text == "@misc{k,\n  title = {A long\n    title}\n}"
    assert entry_bibtex(entries["k"], []) == (
        "@misc{k,\n  title = {A long\n    title},\n  abstract = {x\n y}\n}"
    )


def test_badges_only_when_enabled(alfolio) -> None:
    text = (
        "@article{k, doi = {10.1/x}, altmetric = {true}, dimensions = {true},"
        " google_scholar_id = {abc}, inspirehep_id = {3255}}"
    )
    entry = entries_of(text)["k"]
    assert entry_view(entry, bib_settings({}, DATA, "", "USER")).badges == ()
    config = {
        "enable_publication_badges": {
            "altmetric": True,
            "dimensions": True,
            "google_scholar": True,
            "inspirehep": True,
        }
    }
    view = entry_view(entry, bib_settings(config, DATA, "", "USER"))
    kinds = {b.kind: b for b in view.badges}
    assert ("data-doi", "10.1/x") in kinds["altmetric"].attrs
    assert ("data-doi", "10.1/x") in kinds["dimensions"].attrs
    assert kinds["google_scholar"].count == 42
    assert "citation_for_view=USER:abc" in (kinds["google_scholar"].url or "")
    assert kinds["inspirehep"].url == "https://inspirehep.net/literature/3255"
    assert len(view.scripts) == 2


def test_cite_text(alfolio) -> None:
    assert cite_text(alfolio["curie2019thesis"]) == "Curie, 2019"
    assert cite_text(alfolio["curie2021book"]) == "Curie & Joliot-Curie, 2021"
    assert cite_text(alfolio["curie2021radiance"]) == "Curie et al., 2021"
    assert cite_text(alfolio["undated2020draft"]) == "Curie & Curie, n.d."


def test_entry_views_are_memoised_per_settings(alfolio, settings) -> None:
    entries = list(alfolio.values())
    first = entry_views(entries, settings)
    again = entry_views(entries, bib_settings(CONFIG, DATA, "/base", "USER"))
    assert all(a is b for a, b in zip(first, again, strict=True))
    other = entry_views(entries, bib_settings({}, {}, "/base"))
    assert first[0] is not other[0]


def test_bibliography_view_groups(alfolio, settings) -> None:
    listing = bibliography_view(list(alfolio.values()), settings)
    assert listing.grouped
    assert [g.label for g in listing.groups] == ["2021", "2019", "1903", "Undated"]
    flat = bibliography_view(list(alfolio.values()), settings, group_by="none")
    assert not flat.grouped and len(flat.entries) == 5


def test_scholar_count_lookup_fallbacks() -> None:
    entry = entries_of("@article{k, google_scholar_id = {abc}}")["k"]
    config = {"enable_publication_badges": {"google_scholar": True}}
    for papers, expected in (
        ({"USER:abc": {"citations": 5}}, 5),
        ({"abc": {"citations": 6}}, 6),  # bare id
        ({"OLDUSER:abc": {"citations": 7}}, 7),  # another user id prefix
        ({"USER:xyz": {"citations": 8}}, None),
    ):
        s = bib_settings(config, {"citations": {"papers": papers}}, "", "USER")
        (badge,) = entry_view(entry, s).badges
        assert badge.count == expected


def test_list_cache_key_follows_content_and_settings(settings) -> None:
    text = "@misc{a, title = {A}, year = 2020}\n@misc{b, title = {B}, year = 2021}\n"
    one = parse_bibliography(text, "x.bib", Problems()).entries
    two = parse_bibliography(text, "x.bib", Problems()).entries
    edited = parse_bibliography(text.replace("{B}", "{C}"), "x.bib", Problems()).entries
    key = bibliography_view(one, settings).cache_key
    assert key == bibliography_view(two, settings).cache_key  # same content, new objects
    assert key != bibliography_view(edited, settings).cache_key
    assert key != bibliography_view(one, settings, group_by="none").cache_key
    assert key != bibliography_view(one, bib_settings({}, {}, "")).cache_key
