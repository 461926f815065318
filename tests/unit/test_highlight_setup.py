"""Code blocks highlighted with the kept setup come out exactly as pymdownx makes them."""

from __future__ import annotations

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pymdownx import highlight

from mkdocs_folio.markdown import highlight as kept

MATERIAL_LIKE = {
    "extensions": ["pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.superfences"],
    "extension_configs": {
        "pymdownx.highlight": {
            "anchor_linenums": True,
            "line_spans": "__span",
            "pygments_lang_class": True,
        }
    },
}
INLINE_STYLES = {
    "extensions": ["pymdownx.highlight", "pymdownx.superfences"],
    "extension_configs": {"pymdownx.highlight": {"noclasses": True, "pygments_style": "monokai"}},
}

DOCUMENT = """\
Some `#!python print("x")` inline code.

```python
def f(x):
    return x * 2  # "quoted" & <escaped>
```

```js title="app.js" linenums="3" hl_lines="2"
const a = 1;
console.log(a);
```

```no-such-language
plain & <text>
```

```
no language at all
```

```PYTHON
print("upper case alias")
```

```python
print("the same language again, second block of the page")
```
"""


def converted(options: dict, text: str, *, kept_setup: bool) -> str:
    md = markdown.Markdown(**options)
    if not kept_setup:
        return md.convert(text)
    with kept.kept_highlight_setup():
        return md.convert(text)


@pytest.mark.parametrize("options", [MATERIAL_LIKE, INLINE_STYLES], ids=["classes", "noclasses"])
def test_the_kept_setup_highlights_byte_for_byte_as_pymdownx(options):
    plain = converted(options, DOCUMENT, kept_setup=False)
    assert plain.count("<span") > 20  # highlighted
    assert converted(options, DOCUMENT, kept_setup=True) == plain
    # And again, now from what was kept by the first conversion.
    assert converted(options, DOCUMENT, kept_setup=True) == plain


def test_a_second_page_looks_nothing_up_and_makes_no_style_tables(monkeypatch):
    converted(MATERIAL_LIKE, DOCUMENT, kept_setup=True)  # the setup is kept from here on
    import pygments.lexers
    from pygments.formatters.html import HtmlFormatter

    lookups: list[str] = []
    tables: list[object] = []
    find = pygments.lexers.find_lexer_class_by_name
    make_tables = HtmlFormatter._create_stylesheet

    def counted_find(alias):
        lookups.append(alias)
        return find(alias)

    def counted_tables(self):
        tables.append(self)
        return make_tables(self)

    monkeypatch.setattr(pygments.lexers, "find_lexer_class_by_name", counted_find)
    monkeypatch.setattr(HtmlFormatter, "_create_stylesheet", counted_tables)
    html = converted(MATERIAL_LIKE, DOCUMENT, kept_setup=True)
    assert 'class="language-python highlight"' in html and "language-js" in html
    assert lookups == []  # unknown names are remembered as unknown too
    assert tables == []
    converted(MATERIAL_LIKE, DOCUMENT, kept_setup=False)  # pymdownx's own setup, outside
    assert tables  # (the counter does count)


def test_pymdownx_is_left_as_it_was_after_the_block_also_after_an_error():
    names = ("BlockHtmlFormatter", "InlineHtmlFormatter", "get_lexer_by_name")
    before = {name: getattr(highlight, name) for name in names}
    with kept.kept_highlight_setup():
        assert all(getattr(highlight, name) is not before[name] for name in names)
    assert {name: getattr(highlight, name) for name in names} == before
    with pytest.raises(RuntimeError), kept.kept_highlight_setup():
        raise RuntimeError("a conversion failed")
    assert {name: getattr(highlight, name) for name in names} == before


def test_nothing_is_replaced_when_pymdownx_does_not_look_as_expected(monkeypatch):
    monkeypatch.setattr(kept, "_replacements", None)
    monkeypatch.delattr(highlight, "get_lexer_by_name")
    monkeypatch.setattr(highlight, "BlockHtmlFormatter", object)
    monkeypatch.setattr(highlight, "InlineHtmlFormatter", object)
    assert kept._made_replacements() == {}
    monkeypatch.setattr(kept, "_replacements", None)
    with kept.kept_highlight_setup():
        assert highlight.BlockHtmlFormatter is object


LANGUAGES = ["python", "js", "bash", "c", "yaml", "text", "nosuch", "", "Python", "html"]


@settings(max_examples=60, deadline=None)
@given(
    code=st.text(st.characters(blacklist_categories=["Cs"]), max_size=80),
    language=st.sampled_from(LANGUAGES),
)
def test_any_code_in_any_language_comes_out_the_same(code, language):
    fence = "````"
    if fence in code:
        code = code.replace(fence, "")
    text = f"{fence}{language}\n{code}\n{fence}\n\nand `#!{language or 'text'} {code[:10]}`\n"
    for options in (MATERIAL_LIKE, INLINE_STYLES):
        assert converted(options, text, kept_setup=True) == converted(
            options, text, kept_setup=False
        )
