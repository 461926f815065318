"""Splicing a page's chrome: fragments rendered once, their reads kept apart from the page's,
and a page's last HTML with new fragment texts in place of the old."""

from __future__ import annotations

from mkdocs_folio.adapter.templates import Fragments
from mkdocs_folio.cache import trace
from mkdocs_folio.cache.trace import Trace
from mkdocs_folio.render import splice


def _fragment(fragments: Fragments, name: str, text: str, read: str = "") -> str:
    def caller() -> str:
        if read:
            trace.record("config", read, text)
        return text

    return fragments(name, caller=caller)


def _page(fragments: Fragments, navbar: str, footer: str) -> tuple[str, Trace, Trace, list]:
    """A page: a body read outside any fragment, a navbar and a footer."""
    work, outer = Trace(), Trace()
    with trace.recording(work), trace.recording(outer):
        trace.record("doc", "post.md", "body")
        fragments.begin_page(outer)
        html = (
            "<html>"
            + _fragment(fragments, "navbar", navbar, "title")
            + "<main>body</main>"
            + _fragment(fragments, "footer", footer, "footer_text")
            + "</html>"
        )
        used = fragments.end_page()
    return html, work, outer, used


def test_reads_inside_a_fragment_are_the_pages_but_not_its_outer_reads():
    html, work, outer, used = _page(Fragments(), "<nav>Me</nav>", "<footer>2026</footer>")
    assert html == "<html><nav>Me</nav><main>body</main><footer>2026</footer></html>"
    assert {name.split(trace.SEP)[-1] for name in work.deps} == {"post.md", "title", "footer_text"}
    assert {name.split(trace.SEP)[-1] for name in outer.deps} == {"post.md"}
    assert [fragment.text for fragment in used] == ["<nav>Me</nav>", "<footer>2026</footer>"]


def test_a_kept_fragment_still_counts_for_the_page_but_not_for_its_outer_reads():
    fragments = Fragments()
    _page(fragments, "<nav>Me</nav>", "<footer>2026</footer>")
    _, work, outer, used = _page(fragments, "ignored: kept", "ignored: kept")
    assert len(work.deps) == 3 and len(outer.deps) == 1
    assert [fragment.text for fragment in used] == ["<nav>Me</nav>", "<footer>2026</footer>"]


def test_excluding_leaves_other_traces_recording_and_restores_the_trace():
    kept_out, other = Trace(), Trace()
    with trace.recording(other), trace.recording(kept_out):
        with trace.excluding(kept_out):
            trace.record("data", "a", 1)
        trace.record("data", "b", 2)
    assert len(other.deps) == 2
    assert [name.split(trace.SEP)[-1] for name in kept_out.deps] == ["b"]
    with trace.excluding(Trace()):  # not recording: nothing to leave out
        trace.record("data", "c", 3)


def test_a_page_spliced_with_new_fragments_is_what_rendering_it_again_makes():
    old_html, _, _, used = _page(Fragments(), "<nav>Me</nav>", "<footer>old</footer>")
    spans = splice.locate(old_html, used)
    assert spans is not None and [span[1:3] for span in spans] == [[6, 19], [36, 56]]
    fresh = Fragments()
    new_html, _, _, _ = _page(fresh, "<nav>Me, PhD</nav>", "<footer>a longer new footer</footer>")
    made = splice.replace(old_html, spans, fresh)
    assert made is not None
    html, new_spans, new_used = made
    assert html == new_html
    assert [html[start:end] for _, start, end, _ in new_spans] == [f.text for f in new_used]
    assert splice.replace(html, new_spans, fresh)[0] == new_html  # and again


def test_a_splice_that_cannot_be_safe_is_refused():
    old_html, _, _, used = _page(Fragments(), "<nav>Me</nav>", "<footer>old</footer>")
    spans = splice.locate(old_html, used)
    assert spans is not None
    assert splice.replace(old_html, spans, Fragments()) is None  # fragments not rendered
    fresh = Fragments()
    _page(fresh, "<nav>Me</nav>", "<footer>new</footer>")
    changed = old_html.replace("<nav>Me</nav>", "<nav>Xx</nav>")  # the file is not as noted
    assert splice.replace(changed, spans, fresh) is None
    assert splice.replace(old_html[:20], spans, fresh) is None  # truncated
    assert splice.locate("<html>elsewhere</html>", used) is None


def test_a_fragment_that_reports_or_cannot_be_named_is_never_spliced():
    fragments = Fragments()
    work, outer = Trace(), Trace()

    def noisy() -> str:
        trace.uncacheable("reads the clock")
        return "<footer>now</footer>"

    with trace.recording(work), trace.recording(outer):
        fragments.begin_page(outer)
        text = fragments("footer", caller=noisy)
        unnamed = fragments("navbar", object(), caller=lambda: "<nav></nav>")
        used = fragments.end_page()
    assert not work.reusable and outer.reusable
    assert [fragment.clean for fragment in used] == [False, False]
    assert splice.locate("<html>" + text + unnamed + "</html>", used) is None


def test_nested_fragments_are_not_listed_as_the_pages_own():
    fragments = Fragments()
    outer = Trace()
    with trace.recording(outer):
        fragments.begin_page(outer)
        fragments(
            "head", caller=lambda: "<head>" + fragments("meta", caller=lambda: "<m>") + "</head>"
        )
        used = fragments.end_page()
    assert [fragment.text for fragment in used] == ["<head><m></head>"]
