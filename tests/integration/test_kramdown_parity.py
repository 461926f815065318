"""folio's Markdown against real kramdown (issue 14): the corpus of `tests/kramdown/parity.py`
rendered by kramdown with Jekyll's options and by a real folio build, compared after
normalising what a reader cannot see. `python bench/kramdown_parity.py` prints the table of
docs/markdown.md from the same run."""

from __future__ import annotations

import pytest

from tests.conftest import skip_unless_required
from tests.kramdown import parity

# Parity the corpus must keep (issue 14 asks for 95%).
REQUIRED_RATE = 0.95

# Hand-written cases whose difference is known and explained in docs/markdown.md.
KNOWN = {
    "case-footnotes-named",
    "case-footnotes-simple",
}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    if not parity.kramdown_available():
        skip_unless_required(parity.INSTALL_HINT)
    return parity.run(root=tmp_path_factory.mktemp("parity"))


def test_the_corpus_is_rendered_as_kramdown_renders_it(outcomes):
    same = sum(outcome.same for outcome in outcomes)
    rate = same / len(outcomes)
    differing = "\n\n".join(f"{o.case.source}\n{parity.diff(o)}" for o in outcomes if not o.same)
    assert rate >= REQUIRED_RATE, f"{same}/{len(outcomes)} identical\n{differing}"


def test_every_hand_written_case_matches_unless_known(outcomes):
    hand = [o for o in outcomes if o.case.name.startswith("case-")]
    assert len(hand) >= 60
    unexpected = [o for o in hand if not o.same and o.case.name not in KNOWN]
    assert not unexpected, "\n\n".join(f"{o.case.source}\n{parity.diff(o)}" for o in unexpected)
    fixed = [o.case.name for o in hand if o.same and o.case.name in KNOWN]
    assert not fixed, f"now identical, take them out of KNOWN and docs/markdown.md: {fixed}"


def test_every_rule_an_author_meets_has_cases(outcomes):
    rules = {o.case.rule for o in outcomes}
    for rule in (
        "lists-interrupt", "lazy-continuation", "nested-lists", "ordered-start", "headers",
        "tables", "definition-lists", "footnotes", "abbreviations", "html-blocks", "ial-ald",
        "typography", "line-breaks", "code", "math", "autolinks", "escapes", "emphasis",
    ):  # fmt: skip
        assert rule in rules, rule


def test_canonical_form_ignores_what_a_reader_cannot_see():
    a = '<p class="b a" id="x">One &amp; <em>two</em></p>\n\n<ul>\n  <li>x</li>\n</ul>'
    b = '<p id="x" class="a b">One &#38; <em>two</em></p><ul><li>x</li></ul>'
    assert parity.canonical(a) == parity.canonical(b)
    assert parity.canonical("<p>a b</p>") != parity.canonical("<p>ab</p>")
    highlighted = (
        '<div class="language-python highlight"><pre><span></span><code>'
        '<span class="n">x</span> <span class="o">=</span> 1\n</code></pre></div>'
    )
    assert parity.canonical(highlighted) == parity.canonical(
        '<pre><code class="language-python">x = 1\n</code></pre>'
    )


def test_liquid_is_taken_out_of_corpus_bodies():
    text = "A {{ site.title }} and {% include x.liquid %}.\n{% raw %}{{ shown }}{% endraw %}"
    assert parity.strip_liquid(text) == "A value and .\n"
