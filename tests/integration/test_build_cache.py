"""`mkdocs build` with the build cache: a build reuses what an earlier one made, and its
output is always what a clean build makes.

Builds run as users run them: `mkdocs build` in a new process each time, in the same folder.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.integration.test_incremental import differences

sys.path.insert(0, str(REPO / "bench"))
from sitegen import EDITS, generate


def mkdocs(
    site: Path, *args: str, config: str = "mkdocs.yml", user_cache: Path | None = None
) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if user_cache is not None:
        env["XDG_CACHE_HOME"] = str(user_cache)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", config, *args],
        cwd=site,
        capture_output=True,
        text=True,
        env=env,
    )


def with_options(site: Path, name: str, options: str) -> str:
    """A copy of the site's mkdocs.yml with options for the folio plugin; returns its name."""
    text = (site / "mkdocs.yml").read_text()
    (site / name).write_text(text.replace("  - folio\n", "  - folio:\n" + options))
    return name


def cold(site: Path, out: Path) -> None:
    """The reference: a clean build that reuses nothing."""
    name = with_options(site, "mkdocs-cold.yml", "      cache: false\n      workers: 1\n")
    done = mkdocs(site, "-d", str(out), config=name)
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.fixture()
def site(tmp_path) -> Path:
    return generate(tmp_path / "gen", posts=30, news=12, projects=6, entries=25)["folio"]


def files_and_times(folder: Path) -> dict[str, int]:
    return {
        p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_compiled_templates_are_kept_in_the_users_cache_folder(site, tmp_path):
    user = tmp_path / "user"
    done = mkdocs(site, user_cache=user)
    assert done.returncode == 0, done.stderr[-3000:]
    kept = sorted(user.glob("mkdocs-folio/templates-*/*.code"))
    assert len(kept) > 10  # Material's base, its partials, folio's layouts
    assert not list((site / ".cache").rglob("*.code"))  # the site's cache holds data only
    first = (site / "_site/index.html").read_text()
    shutil.rmtree(site / ".cache")
    done = mkdocs(site, user_cache=user)  # the site built again from the compiled templates
    assert done.returncode == 0, done.stderr[-3000:]
    assert (site / "_site/index.html").read_text() == first


def test_a_second_build_writes_the_same_site_and_touches_nothing_it_need_not(site, tmp_path):
    first = mkdocs(site)
    assert first.returncode == 0, first.stderr[-3000:]
    assert (site / ".cache/mkdocs-folio/build.sqlite").is_file()
    before = files_and_times(site / "_site")
    second = mkdocs(site)
    assert second.returncode == 0, second.stderr[-3000:]
    after = files_and_times(site / "_site")
    reference = tmp_path / "cold"
    cold(site, reference)
    assert differences(site / "_site", reference) == []
    posts = [name for name in before if name.startswith("blog/20") and name.endswith(".html")]
    assert posts, "the site has posts"
    untouched = [name for name in posts if before[name] == after[name]]
    assert len(untouched) == len(posts), "unchanged posts are left as they were"


def test_builds_after_each_kind_of_edit_match_a_clean_build(site, tmp_path):
    assert mkdocs(site).returncode == 0
    failures = []
    for number, edit in enumerate(EDITS, start=1):
        edit.apply(site, number)
        done = mkdocs(site)
        assert done.returncode == 0, done.stderr[-3000:]
        reference = tmp_path / f"cold-{number}"
        cold(site, reference)
        diff = differences(site / "_site", reference)
        if diff:
            failures.append(f"{edit.name}: {'; '.join(diff[:6])}")
    assert not failures, "\n".join(failures)


def test_warnings_are_printed_again_by_builds_that_reuse_the_page(site):
    post = sorted((site / "_posts").glob("*-post-*.md"))[3]
    post.write_text(post.read_text() + "\n![a missing picture](/assets/img/nowhere.png)\n")
    (site / "_posts" / "2024-01-05-broken-link.md").write_text(
        "---\nlayout: post\ntitle: links\n---\n\nSee [the draft](missing-draft.md).\n"
    )
    first = mkdocs(site)
    second = mkdocs(site)
    for done in (first, second):
        assert done.returncode == 0
        assert "image '/assets/img/nowhere.png' not found" in done.stderr
        assert "missing-draft.md" in done.stderr  # MkDocs' own message about the link
    strict = mkdocs(site, "--strict")
    assert strict.returncode != 0, "--strict still fails on a warning of a reused page"


@pytest.mark.parametrize("selected", [False, True])
def test_a_bib_files_warnings_are_printed_by_builds_that_reuse_every_page_using_it(
    tmp_path, selected
):
    from tests.sitebuilder import write_files

    entry = "@article{{{key},\n  title = {{T}},\n  author = {{Doe, Jane}},\n  year = {{2024}},\n  pdf = {{{pdf}}},\n  selected = {{true}}\n}}\n"
    write_files(
        tmp_path,
        {
            "mkdocs.yml": "site_name: T\ndocs_dir: _pages\ntheme: {name: folio}\nplugins: [folio]\n",
            "_config.yml": "title: T\n",
            # Without selected papers no page loads the bib in a build that reuses every
            # page; with them, the about page shows a list kept from the last build.
            "_pages/about.md": "---\nlayout: about\npermalink: /\n"
            f"selected_papers: {str(selected).lower()}\n---\nHello.\n",
            "_pages/publications.md": "---\nlayout: page\npermalink: /publications/\n"
            "title: publications\n---\n{% bibliography %}\n",
            "_bibliography/papers.bib": entry.format(key="p1", pdf="gone.pdf"),
            # Only a post (rendered by folio, maybe in a worker) reads this one.
            "_bibliography/talks.bib": entry.format(key="t1", pdf="talk-gone.pdf"),
            "_posts/2024-02-01-talk.md": "---\nlayout: post\ntitle: A talk\n---\n"
            "{% cite t1 --file talks %}\n",
        },
    )
    for build in ("cold", "warm", "warm again"):
        done = mkdocs(tmp_path)
        assert done.returncode == 0, done.stderr[-2000:]
        for pdf in ("gone.pdf", "talk-gone.pdf"):
            assert done.stderr.count(f"file 'assets/pdf/{pdf}' not found") == 1, (build, pdf)
        home = (tmp_path / "site" / "index.html").read_text()
        assert ("gone.pdf" in home) == selected, build  # the selected paper's pdf button
    assert mkdocs(tmp_path, "--strict").returncode != 0


def test_a_damaged_cache_is_one_warning_and_the_output_is_still_right(site, tmp_path):
    assert mkdocs(site).returncode == 0
    database = site / ".cache/mkdocs-folio/build.sqlite"
    connection = sqlite3.connect(database)
    connection.execute("UPDATE entries SET value = 'P{}' WHERE rowid % 3 = 0")
    connection.commit()
    connection.close()
    post = sorted((site / "_posts").glob("*-post-*.md"))[5]
    post.write_text(post.read_text() + "\nAn edit while the cache is damaged.\n")
    done = mkdocs(site)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stderr.count("the build cache could not be used") == 1
    assert "Traceback" not in done.stderr
    reference = tmp_path / "cold"
    cold(site, reference)
    assert differences(site / "_site", reference) == []
    assert mkdocs(site).stderr.count("the build cache could not be used") == 0


def test_a_cold_build_that_fails_after_its_pages_leaves_no_cache_and_no_warning(site, tmp_path):
    """A cold build starts writing its cache once its pages are rendered (`write_ahead`);
    failing after that (here another plugin's `on_post_build`) rolls the write back: the
    next build finds no cache, warns of nothing, and keeps the cache it writes."""
    (site / "hooks.py").write_text(
        "def on_post_build(config):\n    raise RuntimeError('a plugin failed after the pages')\n"
    )
    text = (site / "mkdocs.yml").read_text()
    (site / "mkdocs-failing.yml").write_text(text + "hooks:\n  - hooks.py\n")
    done = mkdocs(site, config="mkdocs-failing.yml")
    assert done.returncode != 0 and "a plugin failed after the pages" in done.stderr
    database = site / ".cache/mkdocs-folio/build.sqlite"
    if database.exists():
        connection = sqlite3.connect(database)
        assert connection.execute("PRAGMA page_count").fetchone()[0] == 0
        connection.close()
    done = mkdocs(site)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "WARNING" not in done.stderr and "Traceback" not in done.stderr
    assert not list(database.parent.glob("*.unreadable"))
    connection = sqlite3.connect(database)
    assert connection.execute("SELECT count(*) FROM entries").fetchone()[0] > 50
    connection.close()
    reference = tmp_path / "cold"
    cold(site, reference)
    assert differences(site / "_site", reference) == []


def test_publication_lists_and_the_bib_come_back_from_the_cache_until_a_template_changes(
    site, tmp_path
):
    """A warm build reads the parsed bib file and the rendered lists back from the cache;
    an override of the list's entry template (or an edited entry) makes them again."""
    assert mkdocs(site).returncode == 0
    stages = {
        stage
        for (stage,) in sqlite3.connect(site / ".cache/mkdocs-folio/build.sqlite").execute(
            "SELECT stage FROM entries"
        )
    }
    assert {"bib", "bib-list"} <= stages
    assert mkdocs(site).returncode == 0  # the lists from the cache
    override = site / "overrides/partials/folio/bib/entry.html"
    override.parent.mkdir(parents=True)
    stock = (REPO / "theme/partials/folio/bib/entry.html").read_text()
    override.write_text(stock.replace('<div class="title">', '<div class="title owner-title">'))
    for number in (1, 2):
        done = mkdocs(site)
        assert done.returncode == 0, done.stderr[-3000:]
        page = (site / "_site/publications/index.html").read_text()
        assert 'class="title owner-title"' in page
        reference = tmp_path / f"cold-{number}"
        cold(site, reference)
        assert differences(site / "_site", reference) == []
        bib = site / "_bibliography/papers.bib"
        bib.write_text(bib.read_text().replace("title = {", "title = {Edited ", 1))


def test_an_ordinary_page_taken_back_whole_warns_once_and_links_as_before(site, tmp_path):
    """A page MkDocs renders (in `_pages/`) comes back whole from the cache: its warnings
    (folio's and MkDocs' own) are printed once on every build, and a new page it links to
    is picked up."""
    (site / "_pages/extra.md").write_text(
        "---\nlayout: page\ntitle: extra\npermalink: /extra/\n---\n\n"
        "![gone](/assets/img/nowhere-extra.png) and [a page](later.md)\n"
    )
    for number in (1, 2):
        done = mkdocs(site)
        assert done.returncode == 0, done.stderr[-3000:]
        assert done.stderr.count("image '/assets/img/nowhere-extra.png' not found") == 1, (
            number,
            done.stderr,
        )
        assert done.stderr.count("later.md") == 1, (number, done.stderr)
    kept = sqlite3.connect(site / ".cache/mkdocs-folio/build.sqlite").execute(
        "SELECT count(*) FROM entries WHERE stage = 'content'"
    )
    assert kept.fetchone()[0] >= 3  # about, publications, extra... came back whole
    (site / "_pages/later.md").write_text("---\nlayout: page\ntitle: later\n---\n\nLater.\n")
    done = mkdocs(site)
    assert "later.md" not in done.stderr, done.stderr
    reference = tmp_path / "cold"
    cold(site, reference)
    assert differences(site / "_site", reference) == []


def test_a_page_taken_back_whole_is_not_converted_by_mkdocs_again(site, tmp_path):
    """MkDocs converts no Markdown for a page that comes back whole (it would convert an
    empty text with every extension), and the page is what a clean build makes."""
    (site / "hooks.py").write_text(
        "import mkdocs.structure.pages as pages\n"
        "calls = []\n"
        "real = pages.Page.render\n"
        "def counting(self, config, files):\n"
        "    calls.append(self.file.src_uri)\n"
        "    return real(self, config, files)\n"
        "pages.Page.render = counting\n"
        "def on_post_build(config):\n"
        "    open('renders.txt', 'w').write('\\n'.join(calls))\n"
    )
    text = (site / "mkdocs.yml").read_text()
    (site / "mkdocs-counted.yml").write_text(text + "hooks:\n  - hooks.py\n")
    renders = []
    for _ in (1, 2):
        done = mkdocs(site, config="mkdocs-counted.yml")
        assert done.returncode == 0, done.stderr[-3000:]
        renders.append((site / "renders.txt").read_text().split())
    assert len(renders[0]) >= 3 and "publications.md" in " ".join(renders[0])
    assert renders[1] == []
    reference = tmp_path / "cold"
    cold(site, reference)
    assert differences(site / "_site", reference) == []


def test_a_warm_build_runs_no_liquid_and_an_inline_news_item_follows_what_it_reads(site, tmp_path):
    """The about page's inline news items come back from the cache with what their Liquid
    read: a build where nothing changed imports no Liquid at all, and one where a data file
    an item reads changed renders that item again."""
    (site / "_data/venue.yml").write_text("name: NeurIPS\n")
    (site / "_news/2026-06-01-venue.md").write_text(
        "---\nlayout: post\ndate: 2026-06-01 10:00:00\ninline: true\n---\n\n"
        "Our paper was accepted at {{ site.data.venue.name }}.\n"
    )
    config = (site / "_config.yml").read_text()
    (site / "_config.yml").write_text(config + "timezone: Mars/Olympus\n")
    (site / "hooks.py").write_text(
        "import sys\n"
        "def on_post_build(config):\n"
        "    open('liquid.txt', 'w').write(str('liquid' in sys.modules))\n"
    )
    text = (site / "mkdocs.yml").read_text()
    (site / "mkdocs-hooked.yml").write_text(text + "hooks:\n  - hooks.py\n")

    def build() -> tuple[str, str]:
        done = mkdocs(site, config="mkdocs-hooked.yml")
        assert done.returncode == 0, done.stderr[-3000:]
        assert "'timezone' must be a time zone name" in done.stderr  # every build says it
        return (site / "liquid.txt").read_text(), (site / "_site/index.html").read_text()

    assert build()[0] == "True"
    used, about = build()
    assert used == "False" and "accepted at NeurIPS" in about
    (site / "_data/venue.yml").write_text("name: ICML\n")
    used, about = build()
    assert used == "True" and "accepted at ICML" in about and "NeurIPS" not in about
    reference = tmp_path / "cold"
    cold(site, reference)
    assert differences(site / "_site", reference) == []


def test_another_plugin_on_page_markdown_still_sees_every_ordinary_page(site):
    """With another page hook in mkdocs.yml, ordinary pages go through MkDocs' pipeline on
    every build, so the hook sees their Markdown each time."""
    (site / "hooks.py").write_text(
        "def on_page_markdown(markdown, page, config, files):\n"
        "    return markdown + '\\n\\nSeen by the hook.\\n'\n"
    )
    text = (site / "mkdocs.yml").read_text()
    (site / "mkdocs-hooked.yml").write_text(text + "hooks:\n  - hooks.py\n")
    for _ in (1, 2):
        done = mkdocs(site, config="mkdocs-hooked.yml")
        assert done.returncode == 0, done.stderr[-3000:]
        assert "Seen by the hook." in (site / "_site/publications/index.html").read_text()


def test_cache_false_keeps_no_cache_and_builds_the_same_site(site, tmp_path):
    name = with_options(site, "mkdocs-off.yml", "      cache: false\n")
    done = mkdocs(site, config=name, user_cache=tmp_path / "user")
    assert done.returncode == 0, done.stderr[-3000:]
    assert not (site / ".cache/mkdocs-folio/build.sqlite").exists()
    assert not list((tmp_path / "user").rglob("*.code"))  # no compiled templates either
    reference = tmp_path / "cold"
    cold(site, reference)
    assert differences(site / "_site", reference) == []


def test_the_number_of_workers_does_not_change_the_site(tmp_path):
    # Enough pages for the parent to share them out (render/workers.py).
    site = generate(tmp_path / "gen", posts=240, news=40, projects=8, entries=40)["folio"]
    outputs = []
    for workers in (1, 2, 3):
        name = with_options(
            site, f"mkdocs-w{workers}.yml", f"      cache: false\n      workers: {workers}\n"
        )
        out = tmp_path / f"w{workers}"
        done = mkdocs(site, "-d", str(out), config=name)
        assert done.returncode == 0, done.stderr[-3000:]
        outputs.append((out, done.stderr))
    for out, stderr in outputs[1:]:
        assert differences(outputs[0][0], out) == []
        assert stderr.count("WARNING") == outputs[0][1].count("WARNING")


COPY_COUNTER = """
import os
import mkdocs.utils
import mkdocs.structure.files as structure_files

MAIN = os.getpid()
_copy = mkdocs.utils.copy_file


def counted(source, output):
    with open(os.environ["FOLIO_COPY_LOG"], "a") as log:
        log.write(f"{'main' if os.getpid() == MAIN else 'worker'} {output}\\n")
    return _copy(source, output)


mkdocs.utils.copy_file = counted
"""


def test_a_worker_copies_the_static_files_while_pages_render_and_nothing_twice(tmp_path):
    """`mkdocs build` with workers: the first worker copies the static files (MkDocs would
    copy them in the main process after every page), each once, and the site is the same as
    a clean single-process build's; a warm build copies none."""
    site = generate(tmp_path / "gen", posts=240, news=40, projects=8, entries=40)["folio"]
    (site / "hooks.py").write_text(COPY_COUNTER)
    name = with_options(site, "mkdocs-copy.yml", "      workers: 2\n")
    (site / name).write_text((site / name).read_text() + "hooks:\n  - hooks.py\n")
    log = tmp_path / "copies.log"
    os.environ["FOLIO_COPY_LOG"] = str(log)
    try:
        done = mkdocs(site, config=name)
        assert done.returncode == 0, done.stderr[-3000:]
        copies = [line.split(" ", 1) for line in log.read_text().splitlines()]
        assert len(copies) > 40  # the theme's assets and the site's images and PDFs
        assert {who for who, _ in copies} == {"worker"}
        outputs = [output for _, output in copies]
        assert len(outputs) == len(set(outputs))
        reference = tmp_path / "cold"
        cold(site, reference)
        assert differences(site / "_site", reference) == []
        log.unlink()
        done = mkdocs(site, config=name)  # nothing changed: every copy is intact
        assert done.returncode == 0, done.stderr[-3000:]
        assert not log.exists()
    finally:
        del os.environ["FOLIO_COPY_LOG"]


def test_the_output_folder_keeps_only_what_this_build_made(site):
    assert mkdocs(site).returncode == 0
    out = site / "_site"
    (out / "hand-made.html").write_text("<p>put here by hand</p>")
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    doomed = sorted((site / "_posts").glob("*-post-*.md"))[0]
    url = f"blog/{doomed.name[:4]}/{doomed.stem[11:]}/index.html"
    assert (out / url).is_file()
    doomed.unlink()
    shutil.rmtree(site / "_projects")
    assert mkdocs(site).returncode == 0
    assert not (out / url).exists(), "a deleted post's page goes"
    assert not (out / "projects" / "000_project").exists()
    assert not (out / "hand-made.html").exists(), "as a clean build would, stray files go"
    assert (out / ".git" / "HEAD").is_file(), "hidden entries at the top stay, as in MkDocs"


HOOKS = """
calls = []

def on_page_markdown(markdown, page, config, files):
    calls.append(page.file.src_uri)
    return markdown

def on_post_page(output, page, config):
    return output.replace("</body>", f"<!-- seen by a hook: {page.file.src_uri} --></body>")

def on_post_build(config):
    (__import__("pathlib").Path(config.site_dir) / "markdown-calls.txt").write_text(
        "\\n".join(sorted(calls))
    )
"""


def test_other_plugins_see_every_page_after_it_is_rendered(site):
    (site / "hooks.py").write_text(HOOKS)
    text = (site / "mkdocs.yml").read_text()
    (site / "mkdocs.yml").write_text(text + "hooks:\n  - hooks.py\n")
    for _ in range(2):  # the second build reuses every page folio renders itself
        done = mkdocs(site)
        assert done.returncode == 0, done.stderr[-3000:]
        out = site / "_site"
        post = next((out / "blog").glob("20*/post-*/index.html"))
        assert "<!-- seen by a hook: _posts/" in post.read_text()
        assert "<!-- seen by a hook: about.md -->" in (out / "index.html").read_text()
        # Page events before the template run for the pages MkDocs renders, not for folio's.
        calls = (out / "markdown-calls.txt").read_text().split()
        assert "about.md" in calls
        assert not [call for call in calls if call.startswith("_posts/")]
