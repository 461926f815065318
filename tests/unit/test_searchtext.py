"""The search-index sections we build in place of Material's parser."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_folio.site.searchtext import split_sections


def test_sections_split_at_headings_with_ids():
    html = (
        "<p>Intro <strong>text</strong>.</p>"
        '<h2 id="one">First <a class="headerlink" href="#one">¶</a></h2><p>Alpha &amp; beta</p>'
        "<h3>No id</h3><p>still first</p>"
        '<h2 id="two">Second</h2><ul><li>x</li></ul>'
    )
    first, one, two = split_sections(html)
    assert first.anchor is None and first.body_text() == "<p>Intro text.</p>"
    assert one.anchor == "one" and one.title_text() == "First"
    assert one.body_text() == "<p>Alpha &amp; beta</p>No id<p>still first</p>"
    assert two.anchor == "two" and two.body_text() == "<ul><li>x</li></ul>"


def test_excluded_blocks_scripts_and_icons_are_skipped():
    html = (
        "<p>keep</p><div data-search-exclude><p>hidden <b>bold</b></p><div>nested</div></div>"
        "<script>var x = '<p>';</script><style>p{}</style>"
        '<svg viewBox="0 0 1 1"><title>icon</title></svg><button>Abs</button><p>after</p>'
    )
    (section,) = split_sections(html)
    assert section.body_text() == "<p>keep</p><p>after</p>"


def test_pre_keeps_its_line_breaks_and_void_tags_do_not_nest():
    html = '<pre><code>a  = 1\nb = 2</code></pre><p>x<br>y<img src="i.png">z</p>'
    (section,) = split_sections(html)
    assert section.body_text() == "<pre><code>a  = 1\nb = 2</code></pre><p>x yz</p>"


_BROKEN = [
    *"<>/=\"' abch1234pid-",
    "<p>",
    "</p>",
    '<h2 id="a">',
    "</h2>",
    "<pre>",
    "</pre>",
    "<div data-search-exclude>",
    "</div>",
    "<!--",
    "-->",
    "<br>",
    "&amp;",
    "&",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_BROKEN), max_size=80).map("".join))
def test_never_raises_on_broken_html(html):
    sections = split_sections(html)
    assert sections and sections[0].anchor is None
    for section in sections:
        section.body_text()
        section.title_text()


def _read(html: str) -> list[tuple]:
    return [(s.anchor, "".join(s.title), "".join(s.text)) for s in split_sections(html)]


_PIECES = st.sampled_from(
    [
        *_BROKEN,
        "<li>",
        "</li>",
        "<li",
        '<li title="<li>">',
        "<ul>",
        "</ul>",
        '<h3 id="b">x',
        "</h3>",
        "<span>",
        "</span>",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=120).map("".join), st.lists(_PIECES, max_size=8).map("".join))
def test_a_long_page_read_in_pieces_reads_as_in_one_go(html, edit):
    """Pieces cut at list items and headings, remembered across calls, give exactly what
    one reading of the whole page gives, also after an edit in the middle of the page."""
    import mkdocs_folio.site.searchtext as searchtext

    searchtext._memo.clear()
    edited = html[: len(html) // 2] + edit + html[len(html) // 2 :]
    whole = searchtext.CHUNKED_FROM
    try:
        searchtext.CHUNKED_FROM = 10**9
        expected = [_read(html), _read(edited)]
        searchtext.CHUNKED_FROM = 0
        assert [_read(html), _read(edited)] == expected
        assert [_read(html), _read(edited)] == expected  # now from what was remembered
    finally:
        searchtext.CHUNKED_FROM = whole
        searchtext._memo.clear()
