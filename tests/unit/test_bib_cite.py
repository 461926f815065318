"""In-text citations, APA references, `{% cite %}` arguments, the front-matter bibliography
spec, Person JSON-LD and script-safe JSON (the engine-agnostic parts of issue 3)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_folio.bib import json_for_script, parse_bibliography, person_jsonld
from mkdocs_folio.bib.cite import (
    Citation,
    apa_author,
    citation_html,
    parse_cite_args,
    reference_html,
)
from mkdocs_folio.bib.pagespec import read_page_bibliography
from mkdocs_folio.problems import Problems
from mkdocs_folio.site.yamlfile import parse_yaml

BIB = r"""
@article{one, author = {Einstein, Albert}, title = {Alone}, journal = {Annalen der Physik},
  volume = {17}, number = {10}, pages = {891--921}, year = {1905}, doi = {10.1002/andp.19053221004}}
@article{two, author = {Einstein, Albert and Taub, AH}, title = {The meaning of relativity?},
  journal = {Am. J. Phys.}, year = {1950}}
@article{three, author = {Einstein*†, A. and Podolsky, B. and Rosen, N.}, title = {EPR},
  journal = {Phys. Rev.}, year = {1935}}
@inproceedings{conf, author = {van den Dool, Winfried and King, Jr., Martin Luther},
  title = {A <b>bold</b> claim}, booktitle = {Proc. of Things & Stuff}, pages = {1--9}, year = {2020},
  publisher = {ACM}}
@book{book, author = {Curie, Marie}, title = {Radioactivity}, publisher = {Gauthier-Villars}}
@phdthesis{thesis, author = {Noether, Emmy}, title = {Invariants}, school = {Erlangen}, year = {1907}}
@misc{many, author = {A, Aa and B, Bb and C, Cc and others}, title = {Many}, year = {2001}}
"""


def entries():
    bib = parse_bibliography(BIB, "t.bib", Problems())
    return {e.key: e for e in bib.entries}


# -- in-text citations ---------------------------------------------------------------------


def test_single_citation_is_one_link():
    e = entries()
    html = citation_html([Citation("two", e["two"], "#two")])
    assert html == '<a class="citation" href="#two">(Einstein &amp; Taub, 1950)</a>'


def test_several_keys_and_unknown_key():
    e = entries()
    html = citation_html(
        [
            Citation("one", e["one"], "/p/#one"),
            Citation("three", e["three"], "/p/#three"),
            Citation("nope", None),
        ]
    )
    assert html == (
        '<span class="citation">(<a href="/p/#one">Einstein, 1905</a>; '
        '<a href="/p/#three">Einstein et al., 1935</a>; '
        '<span class="citation-unknown">nope</span>)</span>'
    )


def test_locator_and_suppress_author():
    e = entries()
    assert "(Einstein, 1905, p. 12)" in citation_html(
        [Citation("one", e["one"], "#")], locator="12"
    )
    assert "pp. 3-5" in citation_html([Citation("one", e["one"], "#")], locator="3-5")
    html = citation_html([Citation("one", e["one"], "#one")], suppress_author=True)
    assert ">(1905)<" in html


def test_unknown_key_is_escaped():
    html = citation_html([Citation("<x>", None)])
    assert "&lt;x&gt;" in html and "<x>" not in html


# -- cite arguments --------------------------------------------------------------------------


def test_parse_cite_args():
    request = parse_cite_args("k1 k2 -f talks.bib --locator 23 -A")
    assert request.keys == ["k1", "k2"]
    assert request.files == ["talks"]
    assert request.locator == "23" and request.suppress_author
    assert parse_cite_args("--file=papers key").files == ["papers"]


def test_parse_cite_args_problems():
    problems = Problems()
    request = parse_cite_args("--bogus k", problems, "p.md", 3)
    assert request.keys == ["k"]
    problems2 = Problems()
    parse_cite_args("", problems2, "p.md", 4)
    messages = [(p.message, p.line) for p in [*problems, *problems2]]
    assert messages == [("cite: unknown option `--bogus`", 3), ("cite: no citation key given", 4)]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_parse_cite_args_never_raises(text):
    problems = Problems()
    request = parse_cite_args(text, problems, "p.md", 1)
    assert all(key and " " not in key for key in request.keys)


# -- references ------------------------------------------------------------------------------


def test_apa_author_names():
    e = entries()
    assert apa_author(e["two"].authors[1]) == "Taub, A. H."
    assert apa_author(e["conf"].authors[0]) == "van den Dool, W."
    assert apa_author(e["conf"].authors[1]) == "King, M. L., Jr."


def test_reference_article():
    html = reference_html(entries()["one"])
    assert html == (
        '<span class="reference">Einstein, A. (1905). Alone. <em>Annalen der Physik</em>, '
        "<em>17</em>(10), 891–921. "
        '<a href="https://doi.org/10.1002/andp.19053221004">'
        "https://doi.org/10.1002/andp.19053221004</a></span>"
    )


def test_reference_two_and_three_authors_and_punctuation():
    e = entries()
    assert (
        "Einstein, A., &amp; Taub, A. H. (1950). The meaning of relativity? <em>Am. J. Phys.</em>"
        in (reference_html(e["two"]))
    )
    three = reference_html(e["three"])
    assert "Einstein, A., Podolsky, B., &amp; Rosen, N. (1935)." in three
    assert "<em>Phys. Rev.</em></span>" in three  # no doubled period


def test_reference_other_types_and_escaping():
    e = entries()
    conf = reference_html(e["conf"])
    assert "A &lt;b&gt;bold&lt;/b&gt; claim." in conf
    assert "In <em>Proc. of Things &amp; Stuff</em> (pp. 1–9). ACM." in conf
    assert reference_html(e["book"]) == (
        '<span class="reference">Curie, M. (n.d.). <em>Radioactivity</em>. Gauthier-Villars.</span>'
    )
    assert "<em>Invariants</em> [Doctoral dissertation, Erlangen]." in reference_html(e["thesis"])
    assert "A, A., B, B., C, C., et al. (2001)." in reference_html(e["many"])


# -- front-matter bibliography ---------------------------------------------------------------


def spec(text):
    problems = Problems()
    data = parse_yaml(text)
    return read_page_bibliography(data.get("bibliography"), problems, "page.md", 1), problems


def test_page_bibliography_mapping():
    lists, problems = spec(
        "bibliography:\n  file: [papers, talks.bib]\n  query: '@*[year>=2020]*'\n"
        "  group_by: year\n  group_order: ascending\n  max: 5\n  search: true\n"
    )
    assert not list(problems)
    (one,) = lists
    assert one.request.files == ["papers", "talks"]
    assert one.request.query == "@*[year>=2020]*"
    assert (one.request.group_by, one.request.group_order, one.request.max) == (
        "year",
        "ascending",
        5,
    )
    assert one.search


def test_page_bibliography_forms_and_problems():
    assert spec("bibliography: refs.bib\n")[0] == []  # a distill post's bib file
    (default,), _ = spec("bibliography: true\n")
    assert default.request.files == [] and default.request.query is None
    lists, problems = spec(
        "bibliography:\n  - heading: Talks\n    file: talks\n  - group_by: month\n"
        "    max: many\n    query: 'year=2020'\n    frob: 1\n  - 7\n"
    )
    assert [item.heading for item in lists] == ["Talks", ""]
    lines = sorted((p.line, p.message.split(":")[1].strip()[:20]) for p in problems)
    # a list item that is not a mapping is reported at the `bibliography:` line
    assert [line for line, _ in lines] == [1, 4, 5, 6, 7]


@settings(max_examples=150, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(
                st.sampled_from(["file", "query", "group_by", "max", "search", "heading", "x"]),
                children,
                max_size=4,
            )
        ),
        max_leaves=8,
    )
)
def test_page_bibliography_never_raises(value):
    problems = Problems()
    for item in read_page_bibliography(value, problems, "page.md", 1):
        assert isinstance(item.request.files, list)


# -- JSON-LD ---------------------------------------------------------------------------------


def test_person_jsonld_keeps_web_profiles_only():
    data = person_jsonld(
        "Ada",
        "https://ada.example.org/",
        ["mailto:a@b", "https://github.com/ada", "https://github.com/ada", "weixin://x"],
        image="https://ada.example.org/me.jpg",
    )
    assert data == {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": "Ada",
        "url": "https://ada.example.org/",
        "image": "https://ada.example.org/me.jpg",
        "sameAs": ["https://github.com/ada"],
    }


@settings(max_examples=300, deadline=None)
@given(st.recursive(st.text(), lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(), c)))
def test_json_for_script_is_inert_and_round_trips(value):
    text = json_for_script({"v": value})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"v": value}
