"""The kramdown and math Python-Markdown extensions, converting real snippets."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from mkdocs_folio.features.libraries import LIBRARIES, asset_tags
from mkdocs_folio.markdown.fences import custom_fences
from mkdocs_folio.markdown.kramdown import KramdownExtension
from mkdocs_folio.markdown.math import MathExtension
from mkdocs_folio.markdown.report import MarkdownReporter


def convert(text: str, *, engine: str = "mathml") -> tuple[BeautifulSoup, MarkdownReporter]:
    reporter = MarkdownReporter()
    reporter.begin("page.md", 10)
    md = markdown.Markdown(
        extensions=[
            "toc",
            "tables",
            "attr_list",
            "md_in_html",
            "footnotes",
            "def_list",
            "pymdownx.highlight",
            "pymdownx.superfences",
            MathExtension(engine=engine, reporter=reporter),
            KramdownExtension(reporter=reporter),
        ],
        extension_configs={"pymdownx.superfences": {"custom_fences": custom_fences()}},
    )
    return BeautifulSoup(md.convert(text), "lxml"), reporter


def test_block_ial_after_blockquote_table_fence_and_list():
    soup, reporter = convert(
        "> ##### TIP\n>\n> A tip\n> more.\n{: .block-tip }\n\n"
        "| a |\n|---|\n| 1 |\n{: .table #t }\n\n"
        "```python\nx = 1\n```\n{: .mycode }\n\n"
        "- one\n- two\n{: .list }\n"
    )
    assert soup.select_one("blockquote")["class"] == ["block-tip"]
    assert soup.select_one("blockquote p").get("class") is None
    table = soup.select_one("table")
    assert table["id"] == "t" and "table" in table["class"]
    assert len(table.select("tr")) == 2  # the IAL did not become a row
    assert "mycode" in soup.select_one("div.highlight")["class"]
    assert soup.select_one("ul")["class"] == ["list"]
    assert "{:" not in soup.get_text()
    assert list(reporter.problems) == []


def test_ial_indented_under_a_list_item_keeps_the_list_whole():
    soup, _ = convert("- one\n  {: .first }\n- two\n")
    assert len(soup.select("ul")) == 1
    assert soup.select_one("li")["class"] == ["first"]


def test_ial_before_a_block_ald_toc_and_span_ial():
    soup, _ = convert(
        '{:note: .callout title="n"}\n\n{: note #first }\nParagraph.\n\n'
        "* TOC\n{:toc}\n\n## A\n\n"
        'A [link](https://example.org){:target="\\_blank"}.\n'
    )
    first = soup.select_one("p#first")
    assert first["class"] == ["callout"] and first["title"] == "n"
    assert soup.select_one("div.toc a[href='#a']") is not None
    assert soup.select_one("a[target='_blank']") is not None
    assert "{:" not in soup.get_text()


def test_nomarkdown_comment_and_examples_in_code():
    soup, _ = convert(
        "a {::nomarkdown}<b>*x*</b>{:/nomarkdown} b\n\n"
        "{::nomarkdown}\n<div class='raw'>\n*raw*\n</div>\n{:/nomarkdown}\n\n"
        "{::comment}\nhidden\n{:/comment}\n\n"
        "`{: .x }` and\n\n```markdown\n> quote\n{: .block-tip }\n```\n"
    )
    assert soup.select_one("b").get_text() == "*x*"
    assert soup.select_one("div.raw").get_text().strip() == "*raw*"
    assert "hidden" not in soup.get_text()
    assert "{: .x }" in soup.select_one("p code").get_text()
    assert "{: .block-tip }" in soup.select_one("pre").get_text()


def test_unclosed_extension_and_bad_ial_are_reported_with_lines():
    _, reporter = convert("one\n\n{::nomarkdown}\nx\n\npara\n{: 'broken }\n")
    messages = [(p.message, p.line) for p in reporter.problems]
    assert any("never closed" in m and line == 12 for m, line in messages)
    assert any("cannot read" in m for m, _ in messages)


def test_math_is_protected_from_markdown():
    soup, reporter = convert(
        "Inline $a_1 * b_2 * c_3$ and `$code$` and \\$5.\n\n$$\nx_1^2\n$$\n"
        "\n| a | b |\n|---|---|\n| $x$ | $1600 |\n"
    )
    assert soup.select("em") == []
    assert soup.select_one("p code").get_text() == "$code$"
    assert "$5" in soup.get_text()
    assert soup.select_one("span.math-display math[display=block]") is not None
    assert len(soup.select("td math")) == 1 and "$1600" in soup.get_text()
    assert list(reporter.problems) == []


def test_math_error_shows_source_and_names_page_and_line():
    soup, reporter = convert("Line one.\n\nBroken $\\frac{1}{$ here.\n")
    source = soup.select_one("code.math-source")
    assert source.get_text() == "$\\frac{1}{$"
    (problem,) = list(reporter.problems)
    assert problem.path == "page.md" and problem.line == 12
    assert "\\frac{1}{" in problem.message


def test_equation_reference_links_to_the_equation():
    soup, _ = convert(
        "\\begin{equation}\n\\label{eq:one}\nx = 1\n\\end{equation}\n\nSee \\eqref{eq:one}.\n"
    )
    link = soup.select_one("a.math-ref")
    assert link["href"] == "#eq-eq:one" and link.get_text() == "(1)"
    assert soup.select_one("#eq-eq\\:one .math-eqno").get_text() == "(1)"


def test_mathjax_engine_keeps_tex_for_the_browser():
    soup, _ = convert(
        "Inline $a_1*b$ and\n\n\\begin{align}\na &= b\n\\end{align}\n", engine="mathjax"
    )
    inline = soup.select_one("span.math-tex")
    assert inline.get_text() == "\\(a_1*b\\)"
    assert "\\begin{align}" in soup.select_one("span.math-display").get_text()
    assert soup.select("math") == []


def test_diagram_fences_become_containers():
    soup, _ = convert("```mermaid\ngraph TD; A-->B\n```\n\n```typograms\n+--+\n```\n")
    box = soup.select_one("div.folio-diagram[data-folio-diagram=mermaid]")
    assert box.select_one("pre.folio-diagram-source").get_text() == "graph TD; A-->B"
    assert soup.select_one("pre.typograms") is not None


def test_library_table_is_pinned_with_sri():
    for name, assets in LIBRARIES.items():
        assert assets, name
        for asset in assets:
            assert asset.url.startswith("https://cdn.jsdelivr.net/npm/")
            assert "@" in asset.url.split("/npm/")[1]
            assert asset.version[0].isdigit() and "latest" not in asset.version
            assert asset.integrity.startswith("sha384-") and len(asset.integrity) == 71
    head, body = asset_tags(["pseudocode", "diff2html"])
    assert head.count("<link") == 3 and body.count("<script") == 3
    assert body.count('crossorigin="anonymous"') == 3 and "defer" in body
    assert asset_tags([]) == ("", "")


@pytest.mark.parametrize("engine", ["mathml", "mathjax"])
def test_no_math_no_change(engine):
    soup, reporter = convert("Plain text with no math, costs $5.", engine=engine)
    assert soup.select("math, .math-tex") == []
    assert list(reporter.problems) == []
