"""Rebuilds after an edit give the same site as a cold build of the edited files.

`mkdocs serve` rebuilds with the same plugin instance, and folio reuses what it rendered
before. This edits every kind of input a user touches (`bench/sitegen.py`'s `EDITS`: a
post's body and title, a paper, a news item, socials, `_config.yml`, an include, a layout
override, adding and deleting posts, news and papers), rebuilds the way `mkdocs serve`
does, and compares every output file with a build of the same files in a fresh process.
"""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
from sitegen import EDITS, generate

SERVE_URL = "http://127.0.0.1:8000/"

COLD_BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(sys.argv[1], site_dir=sys.argv[2])
config.plugins["folio"].config["cache"] = False  # nothing reused: a true cold build
config.plugins.on_startup(command="serve", dirty=False)
build(config, serve_url=sys.argv[3])
"""


def serve_rebuild(site: Path, out: Path) -> Any:
    """One build as `mkdocs serve` runs it: the config read again, the plugin kept."""
    config = load_config(str(site / "mkdocs.yml"), site_dir=str(out))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url=SERVE_URL)
    return config.plugins["folio"]


def cold_build(site: Path, out: Path) -> None:
    """The same build in a new process: nothing kept from before."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-c", COLD_BUILD, str(site / "mkdocs.yml"), str(out), SERVE_URL],
        capture_output=True,
        text=True,
        env=env,
        cwd=site,
    )
    assert done.returncode == 0, done.stderr[-3000:]


def differences(left: Path, right: Path) -> list[str]:
    """Every file that is in one tree only or differs between the two, by relative path."""
    found: list[str] = []

    def walk(compare: filecmp.dircmp, prefix: str) -> None:
        found.extend(f"only in rebuild: {prefix}{name}" for name in compare.left_only)
        found.extend(f"only in cold build: {prefix}{name}" for name in compare.right_only)
        _, mismatch, errors = filecmp.cmpfiles(
            compare.left, compare.right, compare.common_files, shallow=False
        )
        found.extend(f"differs: {prefix}{name}" for name in mismatch + errors)
        for name, sub in compare.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return found


def cold_differences(site: Path, out: Path, reference: Path) -> str:
    """How the rebuilt `out` differs from a cold build of `site` into `reference` ('' if not)."""
    cold_build(site, reference)
    return "; ".join(differences(out, reference)[:8])


@pytest.fixture(scope="module")
def bench_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("incremental")
    return generate(root, posts=30, news=12, projects=6, entries=25, publication_pages=True)[
        "folio"
    ]


def test_every_edit_rebuilds_to_what_a_cold_build_makes(bench_site: Path, tmp_path: Path):
    out = tmp_path / "serve"
    serve_rebuild(bench_site, out)
    failures = []
    for number, edit in enumerate(EDITS, start=1):
        url, marker = edit.apply(bench_site, number)
        plugin = serve_rebuild(bench_site, out)
        print(edit.name, plugin.store.hits, plugin.store.misses)
        page = (out / url / "index.html").read_text(encoding="utf-8")
        shown = marker in page
        if shown == edit.gone:
            failures.append(f"{edit.name}: '{marker}' {'still' if edit.gone else 'not'} on /{url}")
        diff = cold_differences(bench_site, out, tmp_path / f"cold-{number}")
        if diff:
            failures.append(f"{edit.name}: {diff}")
    assert not failures, "\n".join(failures)


def test_a_chrome_only_edit_splices_pages_instead_of_rendering_them(tmp_path, monkeypatch):
    """A footer text changes the footer of every page and nothing else: the pages folio
    owns get their new footer put into their last HTML (render/splice.py), and the site is
    still what a cold build makes."""
    from mkdocs_folio.render import owned

    site = generate(tmp_path / "gen", posts=20, news=6, projects=3, entries=10)["folio"]
    (site / "mkdocs.yml").write_text(
        (site / "mkdocs.yml").read_text().replace("  - folio\n", "  - folio:\n      workers: 1\n")
    )
    out = tmp_path / "serve"
    serve_rebuild(site, out)
    counts = {"spliced": 0, "rendered": 0}
    real_splice, real_render = owned.splice_page, owned.render_page

    def counting_splice(*args: Any) -> Any:
        made = real_splice(*args)
        counts["spliced"] += made is not None
        return made

    def counting_render(*args: Any) -> Any:
        counts["rendered"] += 1
        return real_render(*args)

    monkeypatch.setattr(owned, "splice_page", counting_splice)
    monkeypatch.setattr(owned, "render_page", counting_render)
    for number in (1, 2):
        counts.update(spliced=0, rendered=0)
        config = site / "_config.yml"
        lines = [line for line in config.read_text().split("\n") if "footer_text" not in line]
        config.write_text("\n".join(lines) + f"\nfooter_text: Spliced footer {number}\n")
        serve_rebuild(site, out)
        post = next((out / "blog").rglob("index.html")).read_text(encoding="utf-8")
        assert f"Spliced footer {number}" in post
        assert counts["spliced"] >= 20, counts  # every post at least
        assert counts["rendered"] <= 8, counts  # one per kind of navbar, to make the fragments
        assert cold_differences(site, out, tmp_path / f"cold-{number}") == ""


def test_publication_settings_in_config_render_the_lists_again(tmp_path, monkeypatch):
    """Publication lists are kept across a `_config.yml` edit that does not touch how
    entries are drawn (a footer text), and drawn again for one that does."""
    from mkdocs_folio.features import publications

    drawn: list[int] = []
    real_view = publications.bibliography_view

    def counting_view(entries: Any, *args: Any, **kwargs: Any) -> Any:
        drawn.append(len(entries))
        return real_view(entries, *args, **kwargs)

    monkeypatch.setattr(publications, "bibliography_view", counting_view)
    site = generate(tmp_path / "gen", posts=6, news=3, projects=2, entries=12)["folio"]
    config = site / "_config.yml"
    base = config.read_text()
    out = tmp_path / "serve"
    serve_rebuild(site, out)
    serve_rebuild(site, out)  # nothing changed: every page, with its lists, reused whole
    edits = {
        "footer": "footer_text: A new footer\n",
        "authors": "max_author_limit: 1\n",
        "search": "bib_search: false\n",
        "owner": base.split("scholar:")[1].replace("[Asano]", "[Someone]"),
    }
    failures = []
    for number, (name, added) in enumerate(edits.items(), start=1):
        text = base.split("scholar:")[0] + "scholar:" + added if name == "owner" else base + added
        config.write_text(text)
        drawn.clear()
        serve_rebuild(site, out)
        if (name == "footer") != (not drawn):
            failures.append(f"{name}: lists drawn again: {drawn}")
        diff = cold_differences(site, out, tmp_path / f"cold-{number}")
        if diff:
            failures.append(f"{name}: {diff}")
    assert not failures, "\n".join(failures)


def test_a_page_taken_back_whole_keeps_the_html_hooks_it_was_made_with(tmp_path, monkeypatch):
    """A publications page taken back whole in one build still uses the result of its HTML
    hooks (the search sections of a long list): after a new post (every MkDocs page depends
    on the set of files) the page is converted again, and its hooks' result is found."""
    from mkdocs_folio import plugin as plugin_module

    site = generate(tmp_path / "gen", posts=6, news=3, projects=2, entries=12)["folio"]
    out = tmp_path / "serve"
    serve_rebuild(site, out)
    serve_rebuild(site, out)  # nothing changed: the publications page is taken back whole
    hooked: list[str] = []
    real = plugin_module.FolioPlugin.page_html_of

    def counting(self: Any, page: Any, source: Any, html: str) -> str:
        hooked.append(page.file.src_uri)
        return real(self, page, source, html)

    monkeypatch.setattr(plugin_module.FolioPlugin, "page_html_of", counting)
    post = site / "_posts" / "2025-12-31-a-new-post.md"
    post.write_text("---\nlayout: post\ntitle: New\ndate: 2025-12-31\n---\n\nNew.\n")
    serve_rebuild(site, out)
    post.unlink()
    serve_rebuild(site, out)
    assert "publications.md" not in hooked, hooked
    assert cold_differences(site, out, tmp_path / "cold") == ""


def test_an_inline_news_items_front_matter_edit_reaches_every_page_that_shows_it(tmp_path):
    """An inline news item's Liquid may print its own front matter (`{{ page.venue }}`): a
    rebuild after editing only the front matter shows the new text on the about page and on
    the news page alike (a memo keyed by the item's body kept the old text on the news page)."""
    site = generate(tmp_path / "gen", posts=10, news=4, projects=2, entries=5)["folio"]
    item = site / "_news/2026-06-01-venue.md"
    item.write_text(
        "---\nlayout: post\ndate: 2026-06-01 10:00:00\ninline: true\nvenue: NeurIPS\n---\n\n"
        "Accepted at {{ page.venue }}.\n"
    )
    out = tmp_path / "serve"
    serve_rebuild(site, out)
    item.write_text(item.read_text().replace("venue: NeurIPS", "venue: ICML"))
    serve_rebuild(site, out)
    for page in ("index.html", "news/index.html"):
        html = (out / page).read_text(encoding="utf-8")
        assert "Accepted at ICML" in html and "NeurIPS" not in html, page
    assert cold_differences(site, out, tmp_path / "cold") == ""
