"""Stashed HTML survives Python-Markdown and comes back where the tag was."""

from __future__ import annotations

import markdown
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_folio.liquid import LiquidRenderer, Registry, Stash, find_tokens
from mkdocs_folio.problems import Problems

FIGURE = '<figure>\n    <img src="a_b_c.jpg" alt="*not emphasis*">\n\n    <figcaption>x</figcaption>\n</figure>'


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables"])


def test_tokens_are_letters_and_digits_and_unique():
    stash = Stash()
    first, second = stash.put("<b>1</b>"), stash.put("<b>2</b>", block=False)
    assert first != second
    assert first.isalnum() and second.isalnum()
    assert first.startswith("FOLIOSTASH")
    assert stash.get(first) == "<b>1</b>"
    assert stash.get("FOLIOSTASHzzzzzzX0X") is None
    assert len(stash) == 2


def test_block_token_alone_in_a_paragraph_replaces_the_paragraph():
    stash = Stash()
    token = stash.put(FIGURE)
    html = to_html(f"Before.\n\n{token}\n\nAfter with a_b_c.")
    assert f"<p>{token}</p>" in html
    restored = stash.restore(html)
    assert restored == f"<p>Before.</p>\n{FIGURE}\n<p>After with a_b_c.</p>"
    assert not stash.unrestored(restored)


def test_block_token_inside_a_list_item():
    stash = Stash()
    token = stash.put("<div class='fig'>x</div>")
    tight = stash.restore(to_html(f"- one\n- {token}\n- three"))
    assert "<li><div class='fig'>x</div></li>" in tight
    loose = stash.restore(to_html(f"- one\n\n- {token}\n\n- three"))
    assert "<li>\n<div class='fig'>x</div>\n</li>" in loose
    assert not find_tokens(tight + loose)


def test_inline_token_mid_sentence_and_inside_raw_html():
    stash = Stash()
    inline = stash.put('<a href="/x_y_z/">link</a>', block=False)
    block = stash.put("<table><tr><td>1</td></tr></table>")
    html = to_html(f'See {inline} now.\n\n<div class="box">\n{block}\n</div>')
    restored = stash.restore(html)
    assert '<p>See <a href="/x_y_z/">link</a> now.</p>' in restored
    assert '<div class="box">\n<table><tr><td>1</td></tr></table>\n</div>' in restored


def test_inline_token_alone_in_a_paragraph_keeps_the_paragraph():
    stash = Stash()
    token = stash.put("<em>x</em>", block=False)
    assert stash.restore(to_html(token)) == "<p><em>x</em></p>"


def test_nested_tokens_are_restored():
    stash = Stash()
    inner = stash.put("<img src='a.jpg'>")
    outer = stash.put(f"<details><summary>s</summary>{inner}</details>")
    assert (
        stash.restore(to_html(outer)) == "<details><summary>s</summary><img src='a.jpg'></details>"
    )


def test_unrestored_tokens_are_detectable():
    stash = Stash()
    token = stash.put("<b>x</b>")
    other = Stash().put("<i>y</i>")
    text = stash.restore(f"<p>{token}</p>{other}FOLIOSTASH{stash.key}X9X")
    assert text.startswith("<b>x</b>")
    assert find_tokens(text) == [other, f"FOLIOSTASH{stash.key}X9X"]
    assert stash.unrestored(text) == [f"FOLIOSTASH{stash.key}X9X"]


def test_restore_without_tokens_returns_the_same_text():
    stash = Stash()
    assert stash.restore("<p>plain</p>") == "<p>plain</p>"
    stash.put("x")
    assert stash.restore("<p>plain</p>") == "<p>plain</p>"


@given(st.lists(st.sampled_from(["para", "list", "quote", "inline", "table"]), max_size=6))
def test_stashed_html_round_trips_through_markdown_in_any_position(positions):
    stash = Stash()
    fragments = [f"<div data-n='{n}'>*{n}*_{n}_</div>" for n in range(len(positions))]
    parts = []
    for fragment, where in zip(fragments, positions, strict=True):
        token = stash.put(fragment, block=where != "inline")
        parts.append(
            {
                "para": f"{token}",
                "list": f"- item\n- {token}",
                "quote": f"> {token}",
                "inline": f"Text {token} text.",
                "table": f"| a |\n|---|\n| {token} |",
            }[where]
        )
    restored = stash.restore(to_html("\n\n".join(parts)))
    assert not find_tokens(restored)
    for fragment in fragments:
        assert fragment in restored


def test_renderer_stash_through_markdown_end_to_end():
    registry = Registry()

    @registry.register_include("figure")
    def figure(params, ctx):
        return ctx.stash.put(f'<figure>\n  <img src="{params["path"]}">\n</figure>')

    renderer = LiquidRenderer({}, problems=Problems(), registry=registry)
    body = (
        "Intro.\n\n"
        '{% include figure.liquid path="assets/img/my_pic_1.jpg" %}\n\n'
        "1. first\n"
        '2. {% include figure.liquid path="two.jpg" %}\n'
    )
    result = renderer.render(body, page={}, source="p.md")
    html = result.stash.restore(to_html(result.text))
    assert '<figure>\n  <img src="assets/img/my_pic_1.jpg">\n</figure>' in html
    assert '<li><figure>\n  <img src="two.jpg">\n</figure></li>' in html
    assert "<p><figure>" not in html
    assert not find_tokens(html)
