"""Issue 14, items 1 and 2, each on a site of its own: a list right after a paragraph line,
and an apostrophe before digits, read as kramdown reads them. Also the other kramdown rules
the parity test found: nested lists at two spaces, backslash line breaks, kramdown's heading
ids, `<<angled quotes>>`, a start tag over several lines."""

from __future__ import annotations

from tests.sitebuilder import al_folio_site, init_and_build, text

ABOUT = """
---
layout: about
permalink: /
---
Hello.
"""


def _page(tmp_path, body: str):
    page = "---\nlayout: page\ntitle: Notes\npermalink: /notes/\n---\n" + body
    result = init_and_build(al_folio_site(tmp_path, ABOUT, {"_pages/notes.md": page}))
    assert result.error is None
    return result, result.soup("notes/").select_one("div.post > article")


def test_a_list_right_after_a_paragraph_line_is_a_paragraph_and_a_list(tmp_path):
    result, article = _page(
        tmp_path,
        "**Top Reviewer**:\n- NeurIPS 2025\n- ICML 2024\n\nSteps:\n1. clone\n2. build\n",
    )
    paragraphs = article.find_all("p", recursive=False)
    assert [p.get_text() for p in paragraphs] == ["Top Reviewer:", "Steps:"]
    assert [text(li) for li in article.select("ul > li")] == ["NeurIPS 2025", "ICML 2024"]
    assert [text(li) for li in article.select("ol > li")] == ["clone", "build"]
    assert not result.folio_warnings()


def test_an_apostrophe_before_digits_is_a_closing_quote(tmp_path):
    _, article = _page(tmp_path, "At CVPR'24 and ICLR'23, music of the '80s, ICML '23.\n")
    assert (
        text(article.p)
        == "At CVPR\u201924 and ICLR\u201923, music of the \u201980s, ICML \u201823."
    )


def test_kramdown_rules_found_by_the_parity_test(tmp_path):
    body = (
        "- fruit\n  - apple\n  - pear\n- leek\n\n"
        "First\\\nsecond\n\n"
        "## Results & Discussion\n\n"
        "He said <<bonjour>>.\n\n"
        '<table\n  class="t"\n  id="tbl">\n<tr><td>1</td></tr>\n</table>\n\nAfter.\n'
    )
    _, article = _page(tmp_path, body)
    assert [text(li) for li in article.select("ul > li > ul > li")] == ["apple", "pear"]
    assert article.find("br") is not None
    assert article.find("h2")["id"] == "results--discussion"
    assert "He said «bonjour»." in text(article)
    table = article.select_one("table#tbl")
    assert table is not None and table.parent is article
    assert all(text(p) for p in article.find_all("p"))  # no empty paragraph
