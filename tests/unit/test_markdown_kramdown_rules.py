"""kramdown's rules where Python-Markdown reads otherwise (issue 14): lists, quotes, heading
ids, line breaks, HTML start tags over several lines."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from mkdocs_folio.markdown.ids import kramdown_slugify, reset_ids
from mkdocs_folio.markdown.kramdown import KramdownExtension
from mkdocs_folio.markdown.lists import ListIndentPreprocessor
from mkdocs_folio.markdown.smarty import KramdownQuotesExtension, SmartySkipExtension


def md() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=[
            "toc",
            "md_in_html",
            "pymdownx.superfences",
            "smarty",
            KramdownExtension(),
            KramdownQuotesExtension(),
            SmartySkipExtension(),
        ],
        extension_configs={
            "toc": {"slugify": kramdown_slugify},
            "smarty": {"smart_angled_quotes": False},
        },
    )


def soup(text: str) -> BeautifulSoup:
    return BeautifulSoup(md().convert(text), "lxml")


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("**Award**:\n- one\n- two\n", ["one", "two"]),
        ("Steps:\n1. one\n2. two\n", ["one", "two"]),
        ("Awards\n* one\n", ["one"]),
    ],
)
def test_a_list_interrupts_a_paragraph(text, items):
    page = soup(text)
    assert page.p is not None and page.p.find(["ul", "ol"]) is None
    assert [li.get_text() for li in page.select("li")] == items


def test_what_is_not_a_list_start_stays_in_the_paragraph():
    page = soup("A line\n- - -\n")  # a rule, not a list
    assert page.find("li") is None
    page = soup("one\n-two\n")
    assert page.find("li") is None and page.p.get_text() == "one\n-two"


def test_a_tight_list_stays_tight():
    page = soup("- a\n  continued\n- b\n")
    assert page.find("p") is None
    assert [" ".join(li.get_text().split()) for li in page.select("li")] == ["a continued", "b"]


def test_nested_lists_at_the_items_text():
    page = soup("- fruit\n  - apple\n  - pear\n- leek\n\nText.\n\n1. one\n   - sub\n")
    assert [li.get_text() for li in page.select("ul > li > ul > li")] == ["apple", "pear"]
    assert [li.get_text() for li in page.select("ol > li > ul > li")] == ["sub"]


def test_code_in_a_nested_item_keeps_its_indentation():
    text = "- item\n\n  ```python\n  def f():\n      return 1\n  ```\n"
    page = soup(text)
    assert "    return 1" in page.li.pre.get_text()


def test_list_lookalikes_in_fenced_code_are_left_alone():
    lines = ["```", "  - not a list", "    - at all", "```"]
    assert ListIndentPreprocessor(md()).run(lines) == lines


def test_apostrophe_before_digits_and_angled_quotes():
    html = md().convert("CVPR'24, the '80s, ICML '23, <<oui>> and `a << b`")
    assert "CVPR&rsquo;24" in html and "&rsquo;80s" in html and "ICML &lsquo;23" in html
    assert "\u00aboui\u00bb" in html and "<code>a &lt;&lt; b</code>" in html


def test_angled_quotes_leave_math_alone():
    from mkdocs_folio.markdown.math import MathExtension

    page = markdown.Markdown(
        extensions=["smarty", MathExtension(engine="mathjax"), KramdownQuotesExtension()],
        extension_configs={"smarty": {"smart_angled_quotes": False}},
    ).convert("Shift $a >> b$ and <<this>>.")
    assert "a &gt;&gt; b" in page and "\u00abthis\u00bb" in page


def test_a_nested_blockquote_marker_is_not_a_quote():
    page = soup(">> inner\n")
    assert page.select_one("blockquote blockquote") is not None


def test_heading_ids_as_kramdown_makes_them():
    page = soup("## Results & Discussion\n\n## Ünïcödé\n\n## Notes\n\n## Notes\n")
    assert [h["id"] for h in page.find_all("h2")] == [
        "results--discussion",
        "ünïcödé",
        "notes",
        "notes-1",
    ]
    # Each page counts from nothing.
    assert soup("## Notes\n").h2["id"] == "notes"
    reset_ids()


def test_backslash_line_break():
    assert soup("one\\\ntwo\n").p.find("br") is not None


def test_a_start_tag_over_several_lines_is_an_html_block():
    page = soup('Text.\n\n<table\n  class="t"\n  id="x">\n<tr><td>1</td></tr>\n</table>\n')
    table = page.select_one("table#x")
    assert table is not None and table.parent.name == "body"
    assert [p.get_text() for p in page.find_all("p")] == ["Text."]


def test_custom_elements_are_blocks():
    page = soup("<swiper-container>\n<swiper-slide>a</swiper-slide>\n</swiper-container>\n")
    assert page.find("swiper-container").parent.name == "body"


def test_task_list_checkboxes_as_kramdown_writes_them():
    html = markdown.Markdown(extensions=["pymdownx.tasklist", KramdownExtension()]).convert(
        "- [x] done\n- [ ] to do\n"
    )
    page = BeautifulSoup(html, "lxml")
    boxes = page.select("li.task-list-item > input.task-list-item-checkbox")
    assert [box.has_attr("checked") for box in boxes] == [True, False]
    assert [li.get_text() for li in page.select("li")] == ["done", "to do"]
