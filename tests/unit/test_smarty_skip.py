"""smarty's pass is skipped on pages it cannot change, with the same output."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_folio.markdown.smarty import SmartySkipExtension, has_smarty_text

EXTENSIONS = ["toc", "attr_list", "footnotes", "abbr", "pymdownx.tilde", "smarty"]
CONFIGS = {"smarty": {"smart_angled_quotes": False}}


def pair() -> tuple[markdown.Markdown, markdown.Markdown]:
    plain = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)
    skipping = markdown.Markdown(
        extensions=[*EXTENSIONS, SmartySkipExtension()], extension_configs=CONFIGS
    )
    return plain, skipping


SAMPLES = [
    "plain words only",
    "It's a 'quoted' \"text\" -- and --- more... <<x>>",
    "# Title\n\nA [link](https://example.org/a--b) and `it's code`.\n\n- one\n- two\n",
    "'70s and the '80s",
    "```\n'not' -- code\n```\n\ntext",
    "Term[^1]\n\n[^1]: A note's text.\n",
    "*[HTML]: Hyper Text\n\nHTML -- everywhere",
    "<div markdown>x</div>\n\na - b . c",
]


def test_same_html_with_and_without_the_skip():
    plain, skipping = pair()
    for text in SAMPLES:
        assert skipping.reset().convert(text) == plain.reset().convert(text), text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab '\"-.<>*_`#\n[]()^:~", max_size=60))
def test_same_html_on_random_text(text):
    plain, skipping = pair()
    assert skipping.convert(text) == plain.convert(text)


def test_the_pass_runs_only_when_the_text_needs_it(monkeypatch):
    calls = []
    run = markdown.treeprocessors.InlineProcessor.run

    def counted(self, tree, ancestors=None):
        calls.append(self)
        return run(self, tree, ancestors)

    monkeypatch.setattr(markdown.treeprocessors.InlineProcessor, "run", counted)
    plain, skipping = pair()
    skipping.convert("plain words only")
    assert len(calls) == 1  # Python-Markdown's own inline pass, not smarty's
    calls.clear()
    skipping.reset().convert("it's -- quoted")
    assert len(calls) == 2
    calls.clear()
    plain.convert("plain words only")
    assert len(calls) == 2
    assert not has_smarty_text(etree.fromstring("<div><p>plain</p>a - b. c</div>"))
    assert has_smarty_text(etree.fromstring("<div><p>it's</p></div>"))
    assert has_smarty_text(etree.fromstring("<div><p>a</p>b -- c</div>"))
