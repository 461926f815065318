"""The raw-HTML id search folio's page Markdown uses finds what MkDocs' own finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.structure.pages import _RawHTMLPreprocessor

from mkdocs_folio.adapter.markdown import _RawHTMLIds

_PIECES = st.sampled_from(
    [
        "<a ", "<A ", "<div ", "<p>", "</a>", ">", "/>", " ", "\n", "=", '"', "'", "x",
        "id", "ID", "Id", "name", "NAME", "idx", "did", "named", "data-id", "/id",
        'id="one"', "id=two", "name='three'", "<!--", "-->", "<script>", "</script>",
        "`", "```\n", "    ", "text", "&amp;",
    ]
)  # fmt: skip


def _ids(preprocessor, text: str) -> set:
    lines = text.split("\n")
    assert preprocessor.run(lines) == lines
    return preprocessor.present_anchor_ids


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_the_ids_found_are_mkdocs_own(text: str) -> None:
    assert _ids(_RawHTMLIds(), text) == _ids(_RawHTMLPreprocessor(), text)


def test_a_page_with_ids_is_still_searched() -> None:
    text = 'Intro\n\n<div id="here" markdown="1">x</div>\n<a name="there"></a>\n<a\nid=third>'
    assert _ids(_RawHTMLIds(), text) == {"here", "there", "third"}
