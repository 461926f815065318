"""The pure parsers behind page content: code map, kramdown attribute lists, math finder,
TeX to MathML. Examples from al-folio posts, then hypothesis for the properties."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_folio.markdown.attributes import Attributes, format_attributes, parse_attributes
from mkdocs_folio.markdown.mathml import MathDocument, tex_to_mathml
from mkdocs_folio.markdown.mathscan import ESCAPED_DOLLAR, MATH, REF, find_math
from mkdocs_folio.markdown.segments import code_map, split_code

# --- code map --------------------------------------------------------------------------------


def test_code_map_fences_spans_and_html():
    text = (
        "a `$x$` b\n\n```python\n$y$\n```\n\n<pre>$z$</pre> <!-- $c$ --> "
        "<script type='text/tikz'>$t$</script> ``two `ticks` here`` $ok$\n"
    )
    cmap = code_map(text)
    literal = "".join(chunk for is_code, chunk in split_code(text) if is_code)
    for piece in ("`$x$`", "$y$", "<pre>$z$</pre>", "<!-- $c$ -->", "$t$", "``two `ticks` here``"):
        assert piece in literal
    assert not cmap.is_code(text.index("$ok$"))


def test_code_map_nested_and_unclosed_fences():
    text = "````markdown\n```c++\ncode\n```\n````\nafter $a$\n\n```\nnever closed $b$"
    cmap = code_map(text)
    assert not cmap.is_code(text.index("after"))
    assert cmap.is_code(text.index("$b$"))
    assert cmap.is_code(text.index("```c++"))


def test_code_map_fence_in_list_and_blockquote():
    text = "1. item\n\n      ```c\n      $x$\n      ```\n\n> ```\n> $q$\n> ```\n\n$r$"
    cmap = code_map(text)
    assert cmap.is_code(text.index("$x$"))
    assert cmap.is_code(text.index("$q$"))
    assert not cmap.is_code(text.index("$r$"))


def test_escaped_backtick_opens_no_span():
    text = r"a \`b $x$ c` d"
    assert not code_map(text).is_code(text.index("$x$"))


@given(st.text(alphabet="ab `~\n<>$*_{}:!-pre/", max_size=200))
@settings(max_examples=300, deadline=None)
def test_split_code_joins_back(text):
    assert "".join(chunk for _, chunk in split_code(text)) == text
    ranges = code_map(text).ranges
    assert all(a < b for a, b in ranges)
    assert all(ranges[i][1] <= ranges[i + 1][0] for i in range(len(ranges) - 1))


# --- attribute lists --------------------------------------------------------------------------


def test_parse_attributes_kramdown_forms():
    attrs = parse_attributes(r'.block-tip #tip data-toc-text="Customizing" target="\_blank" ref')
    assert attrs.classes == ["block-tip"]
    assert attrs.id == "tip"
    assert attrs.pairs == {"data-toc-text": "Customizing", "target": "_blank"}
    assert attrs.refs == ["ref"]
    assert parse_attributes("class='a b' .c").classes == ["a", "b", "c"]
    assert parse_attributes("title='it''s'").invalid  # broken quoting is reported, not fatal


def test_attribute_definitions_resolve():
    definitions = {"note": parse_attributes(".callout title='n'")}
    resolved = parse_attributes("note .extra #x").resolve(definitions)
    assert resolved.classes == ["callout", "extra"]
    assert resolved.pairs == {"title": "n"} and resolved.id == "x" and resolved.refs == []


_NAME = st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,8}", fullmatch=True)
_VALUE = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)


@given(
    st.one_of(st.none(), _NAME),
    st.lists(_NAME, max_size=4, unique=True),
    st.dictionaries(_NAME.filter(lambda k: k not in ("id", "class")), _VALUE, max_size=3),
)
@settings(max_examples=300, deadline=None)
def test_attributes_round_trip(identifier, classes, pairs):
    original = Attributes(id=identifier, classes=classes, pairs=pairs)
    parsed = parse_attributes(format_attributes(original))
    assert parsed.id == identifier
    assert parsed.classes == classes
    assert parsed.pairs == pairs
    assert parsed.invalid == []


# --- math finder ------------------------------------------------------------------------------


def _math(text, **kwargs):
    return [(s.delimiter, s.tex, s.display) for s in find_math(text, **kwargs) if s.kind == MATH]


def test_find_math_delimiters():
    text = (
        "Inline $$ E = mc^2 $$ and $a_1$ and \\(b\\).\n\n$$\nx^2\n$$\n\n\\[ y \\]\n\n"
        "\\begin{equation}\n\\label{e}\nz\n\\end{equation}\n"
    )
    found = _math(text)
    assert found[0] == ("$$", " E = mc^2 ", False)
    assert found[1] == ("$", "a_1", False)
    assert found[2] == ("\\(", "b", False)
    assert found[3] == ("$$", "\nx^2\n", True)
    assert found[4] == ("\\[", " y ", True)
    assert found[5][0] == "env" and found[5][2] is True


def test_find_math_leaves_currency_code_and_escapes():
    text = "costs $5 and $10 today. `$x$` \\$y\\$ and\n\n```\n$$z$$\n```\n"
    spans = find_math(text)
    assert [s.kind for s in spans] == [ESCAPED_DOLLAR, ESCAPED_DOLLAR]


def test_find_math_stays_in_table_cells():
    text = "| a | $1600 |\n| b | $12 |\n| c | $x$ |\n"
    assert _math(text) == [("$", "x", False)]


def test_find_math_no_blank_line_crossing_and_refs():
    text = "$a\n\nb$ and \\eqref{eq:x} and \\\\(not math\\\\)"
    spans = find_math(text)
    assert [s.kind for s in spans] == [REF]
    assert spans[0].label == "eq:x" and spans[0].ref_kind == "eqref"


def test_find_math_lines_and_blockquote_prefixes():
    text = "one\n\n> $$\n> a \\\\\n> b\n> $$\n"
    span = find_math(text)[0]
    assert span.line == 3 and span.display
    assert ">" not in span.tex


def test_find_math_skips_addresses_and_attributes():
    text = (
        "[a](https://x.org/$a$b) and\n[b]: https://y.org/$c$\n"
        '<span title="$t$">$ok$</span> <https://z.org/$q$>\n\n'
        "if a <b then $x$\n\nand c > d"
    )
    assert _math(text) == [("$", "ok", False), ("$", "x", False)]


def test_find_math_without_dollars():
    assert _math("$a$ and \\(b\\)", dollars=False) == [("\\(", "b", False)]


_TEX = st.from_regex(r"[a-z0-9+=^_ ]{0,10}[a-z0-9+=^_]", fullmatch=True)
_PROSE = st.text(alphabet="abc ,.\n", max_size=30).map(lambda t: t.replace("\n\n", "\n"))


@given(_PROSE, _TEX, _PROSE)
@settings(max_examples=300, deadline=None)
def test_inline_dollar_math_is_found_exactly(before, tex, after):
    text = f"{before} ${tex}$ {after}"
    spans = [s for s in find_math(text) if s.kind == MATH]
    assert len(spans) == 1
    assert spans[0].tex == tex
    assert text[spans[0].start : spans[0].end] == f"${tex}$"


@given(st.text(alphabet="ab$\\()[]{}`\n |>", max_size=120))
@settings(max_examples=400, deadline=None)
def test_find_math_never_touches_code_and_never_overlaps(text):
    cmap = code_map(text)
    spans = find_math(text, cmap)
    for first, second in itertools.pairwise(spans):
        assert first.end <= second.start
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert not cmap.overlaps(span.start, span.end)


# --- TeX to MathML ----------------------------------------------------------------------------


def test_equation_numbers_labels_and_references():
    doc = MathDocument()
    doc.number(0, "\\label{eq:a} x", "equation")
    doc.number(1, "a &= b \\label{eq:b} \\\\ c &= d \\nonumber \\\\ e &= f", "align")
    doc.number(2, "y \\tag{*}", None)
    assert doc.labels == {"eq:a": "1", "eq:b": "2"}
    first = doc.render(0, "\\label{eq:a} x", display=True, env="equation")
    assert 'id="eq-eq:a"' in first.html and '<span class="math-eqno">(1)</span>' in first.html
    aligned = doc.render(
        1, "a &= b \\label{eq:b} \\\\ c &= d \\nonumber \\\\ e &= f", display=True, env="align"
    )
    assert aligned.html.count('class="math-eqno"') == 3  # every row has the column
    assert "(2)" in aligned.html and "(3)" in aligned.html and "(4)" not in aligned.html
    assert "(*)" in doc.render(2, "y \\tag{*}", display=True).html
    ref = doc.render(3, "\\eqref{eq:b} + \\ref{missing}", display=False)
    assert "(2)" in ref.html and ref.error.startswith("unknown label")


def test_unconvertible_tex_is_an_error():
    for tex in ("\\frac{1}{", "x^{", "\\unknowncommand{x}", "a & b"):
        rendered = MathDocument().render(0, tex, display=False)
        assert not rendered.ok and rendered.error


def test_large_operators_take_limits_above_and_below():
    mathml = tex_to_mathml("\\left( \\sum_{k=1}^n a_k \\right) \\prod_i x_i", display=True)
    assert "<munderover><mo>&#x02211;" in mathml and "<munder><mo>&#x0220F;" in mathml
    assert "<msubsup><mo>&#x02211;" not in mathml


@pytest.mark.parametrize(
    "tex",
    [
        "\\sum_{k=1}^\\infty |\\langle x, e_k \\rangle|^2 \\leq \\|x\\|^2",
        "\\mathbb{E}[X] = \\int_0^1 x \\, dx",
        "\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}",
        "\\operatorname{arg\\,max}_\\theta \\mathcal{L}(\\theta)",
        "\\arg\\max_x f(x)",
    ],
)
def test_common_tex_converts(tex):
    mathml = tex_to_mathml(tex, display=True)
    assert mathml.startswith("<math") and re.search(r"<m(i|o)>\\", mathml) is None
