"""Page bodies built for real: every construct of issue 5 on pages of our own, and al-folio's
31 starter posts rendered as pages (posts become pages through the collections feature; the
bodies are what matters here)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import shared_path
from tests.sitebuilder import CONFIG, build_site, copy_tree, init_and_build, write_files

# --- al-folio's starter posts as pages -----------------------------------------------------

# Warnings the starter is expected to give: its images and media are not in the fixture,
# jekyll-scholar's citation tags belong to the publications feature, its giscus map is empty.
EXPECTED = [
    r"figure: image 'assets/img/[^']+' not found",
    r"(video|audio): file '[^']+' not found",
    r"external_sources: the feed of 'medium.com' .* could not be read: the build is offline",
    r"giscus comments are switched on .* lacks repo, repo_id, category_id",
]


@pytest.fixture(scope="module")
def starter(tmp_path_factory):
    source = shared_path("fixtures", "al-folio-starter")
    root = copy_tree(source, tmp_path_factory.mktemp("starter"))
    for post in sorted((root / "_posts").glob("*.md")):
        text = post.read_text(encoding="utf-8")
        slug = post.stem[11:]
        text = text.replace("---\n", f"---\npermalink: /posttest/{slug}/\n", 1)
        (root / "_pages" / f"posttest-{slug}.md").write_text(text, encoding="utf-8")
    result = init_and_build(root)
    assert result.error is None
    return result


def _posts(starter):
    return sorted((starter.root / "_posts").glob("*.md"))


def _raw_literals(source: str) -> set[str]:
    """Liquid tags the author wrote inside {% raw %}: they are meant to show as text."""
    allowed: set[str] = set()
    for block in re.findall(r"\{% raw %\}(.*?)\{% endraw %\}", source, re.S):
        allowed.update(re.findall(r"\{%.*?%\}", block))
    return allowed


def test_every_starter_post_builds_without_raw_syntax(starter):
    posts = _posts(starter)
    assert len(posts) == 31
    checked = 0
    for post in posts:
        slug = post.stem[11:]
        urls = [f"posttest/{slug}/"]
        # Once the collections feature publishes posts, their own pages are checked too.
        own_url = f"blog/{post.stem[:4]}/{slug}/"
        if starter.exists(own_url):
            urls.append(own_url)
        for url in urls:
            _check_body(starter, url, post)
            checked += 1
    assert checked >= 31


def _check_body(starter, url, post):
    """No Liquid, kramdown or math syntax left in the body, and no placeholder token."""
    article = starter.soup(url).select_one("article.folio-typeset")
    assert article is not None, url
    html = str(article)
    for token in ("FOLIOSTASH", "FOLIOIAL", "wzxhzdk", "\x02"):
        assert token not in html, (url, token)
    for element in article.select("pre, code, script, style"):
        element.decompose()
    text = article.get_text(" ")
    allowed = {" ".join(a.split()) for a in _raw_literals(post.read_text(encoding="utf-8"))}
    for tag in re.findall(r"\{%.*?%\}", text, re.S):
        assert " ".join(tag.split()) in allowed, (url, tag)
    assert "{{" not in text, url
    assert "{:" not in text, url
    assert "$$" not in text, url


def test_starter_warnings_are_only_the_expected_ones(starter):
    for warning in starter.folio_warnings():
        if "posttest-" not in warning and "_config.yml" not in warning:
            continue
        assert any(re.search(pattern, warning) for pattern in EXPECTED), warning


def test_starter_giscus_misconfiguration_is_one_warning(starter):
    giscus = [w for w in starter.folio_warnings() if "giscus" in w]
    assert len(giscus) == 1
    assert starter.soup("posttest/giscus-comments/").select("script[src*='giscus']") == []


def test_starter_math_post(starter):
    soup = starter.soup("posttest/math/")
    article = soup.select_one("article.folio-typeset")
    assert len(article.select("math")) == 3
    assert article.select_one("#eq-eq\\:cauchy-schwarz .math-eqno").get_text() == "(1)"
    assert soup.select("script[src*='mathjax']") == []


def test_starter_code_post(starter):
    soup = starter.soup("posttest/code/")
    assert soup.select_one(".language-c\\+\\+.highlight .kt") is not None
    numbered = soup.select_one("table.highlighttable")
    assert numbered.select_one(".linenos") is not None
    # A fence inside a list item stays a code block.
    assert soup.select_one("li .highlight code").get_text().strip() == 'printf("Hello, World!");'


def test_starter_blockquotes_tabs_twitter_tables(starter):
    quotes = starter.soup("posttest/custom-blockquotes/").select("article blockquote")
    assert [q.get("class") for q in quotes][1:] == [
        ["block-tip"],
        ["block-warning"],
        ["block-danger"],
    ]
    tabs = starter.soup("posttest/tabs/").select(".folio-tabs")
    assert len(tabs) == 3
    assert [t.get_text(strip=True) for t in tabs[0].select("[role=tab]")] == ["php", "js", "ruby"]
    tweet = starter.soup("posttest/twitter/").select("blockquote.folio-tweet a")
    assert tweet[0]["href"] == "https://twitter.com/rubygems/status/518821243320287232"
    tables = starter.soup("posttest/tables/").select("article table")
    assert all(t.get("data-toggle") == "table" for t in tables)
    assert tables[1]["data-url"] == "/al-folio/assets/json/table_data.json"  # baseurl


def test_starter_distill_post(starter):
    soup = starter.soup("posttest/distill/")
    authors = [p.get_text(strip=True) for p in soup.select(".distill-authors .author")]
    assert authors == ["Albert Einstein", "Boris Podolsky", "Nathan Rosen"]
    assert soup.select_one(".distill-affiliations").get_text().count("IAS, Princeton") == 3
    citation = soup.select_one(".citation a")
    assert citation["href"] == "#bib-gregor2015draw" and citation.get_text() == "1"
    assert "DRAW" in soup.select_one("#bib-gregor2015draw").get_text()
    assert soup.select_one("#dfn-1").get_text().startswith("This will become a hoverable")
    assert (
        soup.select_one(
            ".distill-article .highlight .language-javascript, "
            ".distill-article .language-javascript"
        )
        is not None
    )
    assert soup.select("d-cite, d-footnote, d-code") == []
    libraries = " ".join(s["src"] for s in soup.select("script[src*='jsdelivr']"))
    for name in ("mermaid", "chart.js", "echarts", "vega-embed", "diff2html", "leaflet", "tikzjax"):
        assert name in libraries
    contents = [a["href"] for a in soup.select(".distill-contents a")]
    assert "#equations" in contents and all(
        soup.select_one(f"[id='{href[1:]}']") for href in contents
    )


def test_starter_toc_posts(starter):
    inline = starter.soup("posttest/table-of-contents/")
    assert inline.select_one("#table-of-contents + hr") is not None
    assert len(inline.select("#table-of-contents li")) == 6
    sidebar = starter.soup("posttest/sidebar-table-of-contents/")
    nav = sidebar.select_one(".folio-toc-left #toc-sidebar")
    assert nav is not None and len(nav.select("li")) == 6
    assert starter.soup("posttest/math/").select("#toc-sidebar") == []


def test_starter_jupyter_without_notebook(starter):
    soup = starter.soup("posttest/jupyter-notebook/")
    assert "Sorry, the notebook you are looking for does not exist." in soup.get_text()


# --- pages of our own -------------------------------------------------------------------------

PAGES = {
    "_pages/about.md": "---\nlayout: about\ntitle: about\npermalink: /\n---\nHello.\n",
    "_pages/plain.md": "---\nlayout: page\ntitle: plain\npermalink: /plain/\n---\n"
    "Just text, a [link](https://example.org), `code` and a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "_posts/2024-02-03-hello-world.md": "---\nlayout: post\ntitle: hello\n---\nHi.\n",
    "_pages/widgets.md": """---
layout: page
title: widgets
permalink: /widgets/
---
{% include figure.liquid path="assets/img/photo.jpg" class="img-fluid rounded" zoomable=true caption="A <em>photo</em>" alt="A photo" %}

{% include figure.html path="assets/img/missing.png" %}

{% include video.liquid path="assets/video/clip.mp4" class="img-fluid" controls=true autoplay=true %}

{% include video.liquid path="https://www.youtube.com/embed/jNQXAC9IVRw" class="img-fluid" %}

{% include audio.liquid path="assets/audio/sound.mp3" controls=true caption="Listen" %}

{% details Click **here** %}
Hidden *text* with $x^2$.
{% enddetails %}

{% tabs demo %}
{% tab demo first %}
One
{% endtab %}
{% tab demo second %}
```python
two = 2
```
{% endtab %}
{% endtabs %}

{% twitter https://x.com/jekyllrb %}

[post]({% post_url 2024-02-03-hello-world %}), [about]({% link _pages/about.md %}),
exists={% file_exists assets/img/photo.jpg %}, missing={% file_exists nope.txt %}.

{% highlight python linenos %}
def f():
    return {{ page.title | size }}
{% endhighlight %}

{% jupyter_notebook "assets/jupyter/demo.ipynb" %}

:tada: ~~old~~

Bad math: $\\frac{1}{$ here.
""",
    "_pages/diagrams.md": """---
layout: page
title: diagrams
permalink: /diagrams/
---
```mermaid
graph TD; A-->B
```

```chartjs
{"type": "bar", "data": {"labels": ["a"], "datasets": [{"data": [1]}]}}
```
""",
    "_pages/flags.md": """---
layout: page
title: flags
permalink: /flags/
pretty_table: true
giscus_comments: true
toc:
  beginning: true
  sidebar: right
chart:
  echarts: true
---
## First

| a | b |
|---|---|
| 2 | x |
| 1 | y |

## Second {: data-toc-text="Two" }

## Hidden
{: .no_toc }
""",
}


def _site(root: Path, extra_config: str = "", pages: dict[str, str] | None = None) -> Path:
    files: dict[str, str | bytes] = {
        "_config.yml": CONFIG + extra_config,
        "assets/video/clip.mp4": b"\x00\x00\x00\x18ftypmp42",
        "assets/audio/sound.mp3": b"ID3",
        "assets/jupyter/demo.ipynb": '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}',
    }
    files.update(pages or PAGES)
    write_files(root, files)
    (root / "assets/img").mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (1000, 500), (120, 80, 200)).save(root / "assets/img/photo.jpg")
    return root


@pytest.fixture(scope="module")
def own(tmp_path_factory):
    root = _site(
        tmp_path_factory.mktemp("own"),
        "lazy_loading_images: true\n"
        "imagemagick:\n  enabled: true\n  widths: [480, 800, 1400]\n"
        "giscus:\n  repo: ada/site\n  repo_id: R_1\n  category: Comments\n  category_id: C_1\n"
        "  light_theme: light\n  dark_theme: dark_dimmed\n"
        "analytics:\n  google: G-ABC123\n",
    )
    result = init_and_build(root)
    assert result.error is None
    return result


def test_figure_with_responsive_variants_and_lazy_loading(own):
    soup = own.soup("widgets/")
    figure = soup.select_one("figure")
    img = figure.select_one("img")
    assert img["src"] == "/assets/img/photo.jpg"
    assert img["class"] == ["img-fluid", "rounded"] and img.has_attr("data-zoomable")
    assert img["loading"] == "lazy" and img["alt"] == "A photo"
    assert figure.select_one("figcaption em").get_text() == "photo"
    srcset = figure.select_one("source")["srcset"]
    assert srcset == (
        "/assets/img/photo-480.webp 480w, /assets/img/photo-800.webp 800w, "
        "/assets/img/photo-1000.webp 1000w"
    )
    for width in (480, 800, 1000):
        with Image.open(own.out / f"assets/img/photo-{width}.webp") as variant:
            assert variant.format == "WEBP" and variant.width == width


def test_responsive_variants_are_cached(own):
    cache = own.root / ".cache" / "mkdocs-folio" / "images"
    before = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.webp")}
    assert len(before) == 3
    again = build_site(own.root)
    assert again.error is None
    after = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.webp")}
    assert after == before
    assert (again.out / "assets/img/photo-480.webp").is_file()


def test_media_details_tabs_links_and_tags(own):
    soup = own.soup("widgets/")
    video = soup.select_one("video")
    assert video["src"] == "/assets/video/clip.mp4"
    for flag in ("controls", "autoplay", "muted", "playsinline"):
        assert video.has_attr(flag)
    assert soup.select_one("iframe[src^='https://www.youtube.com/embed/']") is not None
    audio = soup.select_one("audio")
    assert audio["src"] == "/assets/audio/sound.mp3" and audio.has_attr("controls")
    details = soup.select_one("details.details-block")
    assert details.select_one("summary strong").get_text() == "here"
    assert details.select_one("em").get_text() == "text" and details.select_one("math")
    tabs = soup.select_one(".folio-tabs")
    assert [b.get_text() for b in tabs.select("[role=tab]")] == ["first", "second"]
    assert tabs.select_one("[role=tabpanel] + [role=tabpanel] .highlight") is not None
    assert soup.select_one("blockquote.folio-tweet strong").get_text() == "@jekyllrb"
    text = soup.get_text()
    assert "exists=true" in text and "missing=false" in text
    links = {a.get_text(): a["href"] for a in soup.select("article a")}
    assert links["post"] == "/2024/02/03/hello-world.html" and links["about"] == "/"
    code = soup.select_one("table.highlighttable")
    assert "return 7" in code.get_text()  # Liquid ran inside {% highlight %}
    assert "🎉" in text and soup.select_one("del").get_text() == "old"


def test_problems_name_page_and_line(own):
    warnings = own.folio_warnings()
    assert any(
        "widgets.md:8: figure: image 'assets/img/missing.png' not found" in w for w in warnings
    )
    math = [w for w in warnings if "math cannot be rendered" in w]
    assert len(math) == 1 and "_pages/widgets.md:45" in math[0]
    notebook = [w for w in warnings if "jupyter_notebook" in w]
    try:
        import nbconvert  # noqa: F401
    except ImportError:
        assert len(notebook) == 1 and "nbconvert is not installed" in notebook[0]
        link = own.soup("widgets/").select_one(".jupyter-notebook a")
        assert link["href"] == "/assets/jupyter/demo.ipynb"
    else:
        assert notebook == []


def _third_party(soup) -> list[str]:
    loaded = soup.select("script[src], link[rel~=stylesheet], link[rel~=preload], link[rel~=icon]")
    urls = [tag.get("src") or tag.get("href") or "" for tag in loaded]
    return [u for u in urls if u.startswith(("http://", "https://", "//"))]


def test_plain_page_loads_no_library_and_nothing_third_party(tmp_path):
    root = _site(tmp_path)
    result = init_and_build(root)
    soup = result.soup("plain/")
    assert _third_party(soup) == []
    inline = " ".join(s.get_text() for s in soup.select("script:not([src])"))
    for name in ("mermaid", "MathJax", "Chart", "echarts", "vega", "giscus", "gtag"):
        assert name not in inline
    assert soup.select("math, .folio-diagram") == []


def test_libraries_only_where_used(own):
    diagrams = own.soup("diagrams/")
    scripts = diagrams.select("script[src^='https://cdn.jsdelivr.net/']")
    assert [s["src"].split("/npm/")[1].split("/")[0] for s in scripts] == [
        "mermaid@11.12.3",
        "chart.js@4.6.1",
    ]
    for script in scripts:
        assert script["integrity"].startswith("sha384-") and script["crossorigin"] == "anonymous"
    # A front-matter flag loads its library even before a block uses it (al-folio's switches).
    flags = own.soup("flags/")
    assert [s["src"] for s in flags.select("script[src*='jsdelivr']")] == [
        "https://cdn.jsdelivr.net/npm/echarts@6.1.0/dist/echarts.min.js"
    ]
    assert own.soup("widgets/").select("script[src*='jsdelivr']") == []


def test_toc_pretty_table_and_comments(own):
    soup = own.soup("flags/")
    inline = soup.select_one("#table-of-contents")
    assert [a.get_text() for a in inline.select("a")] == ["First", "Two"]
    assert soup.select_one(".folio-toc-right #toc-sidebar a[href='#second']") is not None
    assert soup.select_one("article table")["data-toggle"] == "table"
    giscus = soup.select_one("script[src='https://giscus.app/client.js']")
    assert giscus["data-repo"] == "ada/site" and giscus["data-category-id"] == "C_1"
    assert "dark_dimmed" in soup.select_one(".giscus-comments script:not([src])").get_text()
    assert own.soup("plain/").select(".folio-comments") == []


def test_analytics_on_every_page(own):
    for url in ("", "plain/", "widgets/"):
        soup = own.soup(url)
        assert soup.select_one("script[src='https://www.googletagmanager.com/gtag/js?id=G-ABC123']")


def test_legacy_analytics_keys_and_disqus(tmp_path):
    pages = {
        "_pages/about.md": PAGES["_pages/about.md"],
        "_pages/talk.md": "---\nlayout: page\ntitle: talk\npermalink: /talk/\n"
        "disqus_comments: true\n---\nHi.\n",
    }
    root = _site(
        tmp_path,
        "enable_google_analytics: true\ngoogle_analytics: G-OLD1\n"
        "enable_pirsch_analytics: false\npirsch_analytics: abc\ndisqus_shortname: ada-site\n",
        pages,
    )
    result = init_and_build(root)
    soup = result.soup("talk/")
    assert "G-OLD1" in soup.select_one("head").decode()
    assert "pirsch" not in soup.decode()
    assert "https://ada-site.disqus.com/embed.js" in soup.select_one(".disqus-comments").decode()


def test_mathjax_engine_only_on_math_pages(tmp_path):
    pages = {
        "_pages/about.md": PAGES["_pages/about.md"],
        "_pages/plain.md": PAGES["_pages/plain.md"],
        "_pages/math.md": "---\nlayout: page\ntitle: math\npermalink: /math/\n---\n"
        "Euler: $e^{i\\pi} + 1 = 0$\n",
    }
    root = _site(tmp_path, "math_engine: mathjax\n", pages)
    result = init_and_build(root)
    assert result.error is None
    math = result.soup("math/")
    script = math.select_one("script[src*='mathjax@3.2.2']")
    assert script["integrity"].startswith("sha384-")
    assert "window.MathJax" in math.decode() and math.select("math") == []
    assert result.soup("plain/").select("script[src*='mathjax']") == []


def test_enable_math_false_leaves_dollars(tmp_path):
    pages = {
        "_pages/about.md": PAGES["_pages/about.md"],
        "_pages/math.md": "---\nlayout: page\ntitle: math\npermalink: /math/\n---\nPrice $5 or $x$.\n",
    }
    result = init_and_build(_site(tmp_path, "enable_math: false\n", pages))
    assert "$x$" in result.soup("math/").get_text()


def test_jupyter_notebook_with_nbconvert(tmp_path, monkeypatch):
    import sys
    import types

    fake = types.ModuleType("nbconvert")

    class HTMLExporter:
        def from_filename(self, filename):
            return f"<html><body>converted {Path(filename).name}</body></html>", {}

    fake.HTMLExporter = HTMLExporter
    monkeypatch.setitem(sys.modules, "nbconvert", fake)
    pages = {
        "_pages/about.md": PAGES["_pages/about.md"],
        "_pages/nb.md": "---\nlayout: page\ntitle: nb\npermalink: /nb/\n---\n"
        "{% assign p = 'assets/jupyter/demo.ipynb' | relative_url %}{% jupyter_notebook p %}\n",
    }
    result = init_and_build(_site(tmp_path, "", pages))
    frame = result.soup("nb/").select_one("iframe.jupyter-notebook-iframe")
    assert frame["src"] == "/assets/jupyter/demo.ipynb.html"
    converted = result.out / "assets/jupyter/demo.ipynb.html"
    assert "converted demo.ipynb" in converted.read_text(encoding="utf-8")
    assert not [w for w in result.folio_warnings() if "jupyter" in w]


def test_tab_outside_tabs_is_reported(tmp_path):
    pages = {
        "_pages/about.md": PAGES["_pages/about.md"],
        "_pages/t.md": "---\nlayout: page\ntitle: t\npermalink: /t/\n---\n"
        "{% tab lonely one %}\nText\n{% endtab %}\n\n{% tabs empty %}\n{% endtabs %}\n",
    }
    result = init_and_build(_site(tmp_path, "", pages))
    warnings = " ".join(result.folio_warnings())
    assert "t.md:6: {% tab lonely one %} is not inside {% tabs lonely %}" in warnings
    assert "t.md:10: {% tabs empty %} holds no" in warnings
