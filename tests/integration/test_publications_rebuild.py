"""`mkdocs serve` rebuilds: the same plugin instance keeps the parsed bib and the rendered lists;
an edited bib file or data file shows up at once."""

from __future__ import annotations

import logging

from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.integration.pubsite import pub_site
from tests.sitebuilder import build_site, init_and_build


def rebuild(root, out):
    """What serve does on a change: a fresh config (MkDocs hands back the cached plugin)."""
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(out))
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    try:
        build(config)
    finally:
        logging.getLogger("mkdocs").setLevel(logging.NOTSET)
    plugin = config.plugins["folio"]
    return plugin, next(f for f in plugin.features if f.name == "publications")


def test_rebuild_reuses_the_list_and_sees_edits(tmp_path):
    root = pub_site(tmp_path / "site")
    assert init_and_build(root).error is None
    out = tmp_path / "out"
    plugin, feature = rebuild(root, out)
    first_keys = set(feature.html_cache)
    calls = []
    original = feature.render_list.__func__

    try:
        # count list renders that miss the HTML cache
        def counting(self, ctx, entries, **kw):
            before = len(self.html_cache)
            html = original(self, ctx, entries, **kw)
            calls.append(len(self.html_cache) > before)
            return html

        type(feature).render_list = counting
        plugin2, feature2 = rebuild(root, out)
        assert plugin2 is plugin and feature2 is feature  # the serve instance
        # Every list came from the cache; the about page's selected papers even without
        # asking for the list (its memo names the kept list).
        assert not any(calls)
        assert set(feature.html_cache) == first_keys

        bib = root / "_bibliography" / "papers.bib"
        bib.write_text(
            bib.read_text(encoding="utf-8").replace("Notes on the Analytical Engine", "Edited"),
            encoding="utf-8",
        )
        calls.clear()
        rebuild(root, out)
        assert any(calls)
        html = (out / "publications" / "index.html").read_text(encoding="utf-8")
        assert "Edited" in html and "Notes on the Analytical Engine" not in html

        venues = root / "_data" / "venues.yml"
        venues.write_text(
            venues.read_text(encoding="utf-8").replace("#009f36", "#123456"), encoding="utf-8"
        )
        rebuild(root, out)
        html = (out / "publications" / "index.html").read_text(encoding="utf-8")
        assert "#123456" in html and "#009f36" not in html
    finally:
        type(feature).render_list = original


def test_rebuild_reports_problems_again(tmp_path):
    """Warnings of a rebuild are the rebuild's own (a tag's problems once went to the first
    build's list, because compiled pages kept the first build's handlers)."""
    page = {
        "_pages/notes.md": """
            ---
            layout: page
            title: notes
            ---
            See {% cite missingkey %} and {% bibliography -q @*[year=oops %}.
            """
    }
    root = pub_site(tmp_path / "site", page)
    first = init_and_build(root)
    second = build_site(root)
    for result in (first, second):
        warnings = result.folio_warnings()
        assert any("notes.md:5" in w and "missingkey" in w for w in warnings), warnings
        assert any("notes.md:5" in w and "missing `]`" in w for w in warnings), warnings
