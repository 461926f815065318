"""Sites whose owners changed al-folio's `_layouts/` and `_includes/`: the change shows, or is
named in one warning; a stock file keeps folio's built-in rendering."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_folio.cli import main as cli_main
from mkdocs_folio.site import customized
from mkdocs_folio.site.customized import stock_digest
from tests.sitebuilder import al_folio_site, build_site

STOCK_NEWS = """\
<div class="news">
  {% if site.news != blank %}
    <table class="table table-sm table-borderless">
      {% for item in site.news %}<tr><td>{{ item.title }}</td></tr>{% endfor %}
    </table>
  {% endif %}
</div>
"""
OWNER_NEWS = """\
<section class="owner-news">
  <h3>Latest updates</h3>
  {% for item in site.news %}<p class="owner-item">{{ item.title }} ({{ include.note }})</p>{% endfor %}
</section>
"""
STOCK_ABOUT = '---\nlayout: default\n---\n<div class="post">{{ content }}</div>\n'
STOCK_FOOTER = "<footer>{{ site.footer_text }}</footer>\n"


@pytest.fixture
def stock_table(monkeypatch):
    """A stock table of our own (the package's is made from al-folio's history)."""
    files = {
        "includes/news": STOCK_NEWS,
        "layouts/about": STOCK_ABOUT,
        "includes/footer": STOCK_FOOTER,
    }
    table = {key: frozenset({stock_digest(text)}) for key, text in files.items()}
    names = {
        key: {
            "includes": frozenset(),
            "site": frozenset({"news", "footer_text"}),
            "page": frozenset(),
        }
        for key in files
    }
    monkeypatch.setattr(customized, "load_stock_hashes", lambda: table)
    monkeypatch.setattr(customized, "_stock_names", lambda: names)
    return table


def site_with(root: Path, news: str, extra: dict[str, str] | None = None) -> Path:
    al_folio_site(
        root,
        "---\nlayout: about\ntitle: about\npermalink: /\n---\nHello.\n",
        {
            "_pages/updates.md": (
                "---\nlayout: page\ntitle: updates\npermalink: /updates/\nnav: true\n---\n"
                '{% include news.liquid note="from the page" %}\n'
            ),
            "_news/first.md": "---\ndate: 2024-01-02\ninline: true\n---\nThe first item.\n",
            "_includes/news.liquid": news,
            **(extra or {}),
        },
    )
    assert cli_main(["init", str(root)]) == 0
    return root


def test_a_changed_news_include_shows(tmp_path: Path, stock_table):
    result = build_site(site_with(tmp_path, OWNER_NEWS))
    assert result.error is None
    soup = result.soup("updates/")
    section = soup.select_one("section.owner-news")
    assert section is not None, "the owner's include is not in the page"
    assert section.h3.get_text() == "Latest updates"
    assert "(from the page)" in section.get_text()


def test_a_stock_news_include_keeps_the_built_in(tmp_path: Path, stock_table):
    edited = "<!-- my copy -->\n" + STOCK_NEWS.replace("  ", "    ")
    result = build_site(site_with(tmp_path, edited))
    assert result.error is None
    html = result.html("updates/")
    assert "owner-news" not in html
    assert 'class="news' in html
    assert not [w for w in result.warnings if "news.liquid" in w]


OWNER_ABOUT = """\
---
layout: default
---
<div class="post">
  <article>{{ content }}</article>
  <h2 class="owner-heading">News</h2>
  {% include news.liquid %}
  <div id="visitor-map">{{ page.map_note }}</div>
  <h2 class="owner-heading">Talks</h2>
  {% for talk in site.talks %}<p class="talk">{{ talk.title }}</p>{% endfor %}
  {% rubytag something %}
</div>
"""


def test_a_changed_about_layout_shows(tmp_path: Path, stock_table):
    from tests.sitebuilder import CONFIG

    root = site_with(
        tmp_path,
        STOCK_NEWS,
        {
            "_config.yml": CONFIG + "collections:\n  talks:\n    output: false\n",
            "_pages/about.md": (
                "---\nlayout: about\ntitle: about\npermalink: /\nmap_note: Visitors\n---\n"
                "Hello from the body.\n"
            ),
            "_talks/one.md": "---\ntitle: A talk on engines\n---\nSlides.\n",
            "_layouts/about.liquid": OWNER_ABOUT,
        },
    )
    result = build_site(root)
    assert result.error is None
    soup = result.soup("")
    assert [h.get_text() for h in soup.select("h2.owner-heading")] == ["News", "Talks"]
    assert soup.select_one("#visitor-map").get_text() == "Visitors"
    assert [p.get_text() for p in soup.select("p.talk")] == ["A talk on engines"]
    assert "Hello from the body." in soup.select_one("article").get_text()
    assert soup.select_one("nav") is not None  # folio's chrome around it
    assert 'class="news' in str(soup)  # the stock news include: folio's built-in
    ruby = [w for w in result.warnings if "rubytag" in w]
    assert len(ruby) == 1 and "about.liquid:" in ruby[0], result.warnings


def test_a_changed_page_layout_shows(tmp_path: Path, stock_table):
    root = site_with(
        tmp_path,
        STOCK_NEWS,
        {
            "_layouts/page.liquid": '---\nlayout: default\n---\n<h1 class="mine">{{ page.title | upcase }}</h1>{{ content }}\n'
        },
    )
    result = build_site(root)
    assert result.soup("updates/").select_one("h1.mine").get_text() == "UPDATES"


def test_what_cannot_be_honoured_is_one_warning_each(tmp_path: Path, stock_table, capsys):
    root = site_with(
        tmp_path,
        STOCK_NEWS,
        {
            "_layouts/about.liquid": STOCK_ABOUT.replace(
                "{{ content }}", "<h2>News</h2>{{ content }}"
            ),
            "_layouts/bib.liquid": "<div class='my-entry'>{{ entry.title }}</div>\n",
            "_includes/footer.liquid": "<footer>My own footer</footer>\n",
        },
    )
    result = build_site(root)
    about = [w for w in result.warnings if "about.liquid" in w]
    bib = [w for w in result.warnings if "bib.liquid" in w]
    assert about == [], result.warnings  # honoured: shown, not warned
    assert len(bib) == 1 and "_layouts/bib.liquid" in bib[0], result.warnings

    capsys.readouterr()
    assert cli_main(["init", str(root)]) == 1  # mkdocs.yml exists; the report still shows
    out = capsys.readouterr().out
    assert "layout _layouts/about.liquid: differs from every released version" in out
    assert "; honoured: rendered through its Liquid" in out
    assert "layout _layouts/bib.liquid:" in out and "not honoured" in out
    assert "news" not in out.split("Customized", 1)[1]  # the stock include is not listed


def test_without_a_table_nothing_changes(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(customized, "load_stock_hashes", lambda: {})
    result = build_site(site_with(tmp_path, OWNER_NEWS))
    assert result.error is None
    assert "owner-news" not in result.html("updates/")
    assert not [w for w in result.warnings if "news.liquid" in w]


def test_editing_an_include_under_serve_rerenders_its_pages(tmp_path: Path, stock_table):
    """Stock -> changed -> stock under one plugin instance, each time the same files as a
    build with nothing reused."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from tests.integration.test_incremental import SERVE_URL, differences

    root = site_with(tmp_path / "site", STOCK_NEWS)
    out = tmp_path / "serve"

    def serve_build() -> str:
        # Each build reuses what the last one stored (the build cache in .cache/).
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(out))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url=SERVE_URL)
        return (out / "updates/index.html").read_text(encoding="utf-8")

    def fresh_build(target: Path) -> None:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(target))
        config.plugins["folio"].config["cache"] = False
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url=SERVE_URL)

    assert "owner-news" not in serve_build()
    for step, text in enumerate((OWNER_NEWS, OWNER_NEWS.replace("Latest", "Recent"), STOCK_NEWS)):
        (root / "_includes/news.liquid").write_text(text, encoding="utf-8")
        html = serve_build()
        assert ("owner-news" in html) == (text is not STOCK_NEWS), step
        fresh = tmp_path / f"fresh{step}"
        fresh_build(fresh)
        assert differences(out, fresh) == [], step


def test_a_changed_footer_shows(tmp_path: Path, stock_table):
    footer = '<footer class="owner-footer">&copy; {{ site.first_name }} and the lab</footer>\n'
    result = build_site(site_with(tmp_path, STOCK_NEWS, {"_includes/footer.liquid": footer}))
    assert result.error is None
    for url in ("", "updates/"):
        soup = result.soup(url)
        assert soup.select_one("footer.owner-footer").get_text() == "© Ada and the lab"
        assert soup.select_one("footer.folio-footer") is None
    assert not [w for w in result.warnings if "footer" in w], result.warnings


def test_editing_a_layout_or_the_footer_under_serve(tmp_path: Path, stock_table):
    """Edits of a changed layout and footer render again the pages that use them, and give
    the same files as a build with nothing reused."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from tests.integration.test_incremental import SERVE_URL, differences

    page_layout = '---\nlayout: default\n---\n<h1 class="mine">{{ page.title }}</h1>{{ content }}\n'
    root = site_with(tmp_path / "site", STOCK_NEWS, {"_layouts/page.liquid": page_layout})
    out = tmp_path / "serve"

    def serve_build() -> None:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(out))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url=SERVE_URL)

    serve_build()
    edits = [
        ("_layouts/page.liquid", page_layout.replace('"mine"', '"edited"')),
        ("_includes/footer.liquid", '<footer class="owner-footer">v1</footer>\n'),
        ("_includes/footer.liquid", '<footer class="owner-footer">v2</footer>\n'),
        ("_includes/footer.liquid", STOCK_FOOTER),
    ]
    for step, (name, text) in enumerate(edits):
        (root / name).write_text(text, encoding="utf-8")
        serve_build()
        fresh = tmp_path / f"fresh{step}"
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(fresh))
        config.plugins["folio"].config["cache"] = False
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url=SERVE_URL)
        assert differences(out, fresh) == [], (step, name)
    html = (out / "updates/index.html").read_text(encoding="utf-8")
    assert 'class="edited"' in html and "owner-footer" not in html
