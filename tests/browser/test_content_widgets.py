"""Page content in a real browser (Debian's Chromium through Playwright): tabs, details,
image zoom, pretty tables, copy buttons, dark-mode code colours, MathML, the TOC on phones,
and that a plain page asks no other host for anything.

One site is built for the module and served from 127.0.0.1; every request to another host
is recorded and refused (`open_page(..., offline=True)`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from tests.browser.support import GzipServer
from tests.sitebuilder import CONFIG, init_and_build, write_files

WIDGETS = """---
layout: page
title: widgets
permalink: /widgets/
toc:
  sidebar: left
---
## Tabs

{% tabs lang %}
{% tab lang python %}
```python
def f(x):
    return x
```
{% endtab %}
{% tab lang shell %}
Second pane.
{% endtab %}
{% tab lang text %}
Third pane.
{% endtab %}
{% endtabs %}

## Details

{% details More %}
Inside the box.
{% enddetails %}

## Zoom

{% include figure.liquid path="assets/img/photo.png" zoomable=true alt="A square" %}

## Math

\\begin{equation}
\\label{eq:s}
\\sum_{k=1}^n k = \\frac{n(n+1)}{2}
\\end{equation}

See \\eqref{eq:s}.
"""

TABLES = """---
layout: page
title: tables
permalink: /tables/
pretty_table: true
---
| Name | Score |
|------|------:|
| beta | 10 |
| alpha | 9 |
| gamma | 100 |

<table data-toggle="table" data-url="{{ '/assets/json/rows.json' | relative_url }}" data-pagination="true" data-page-size="2" data-search="true">
  <thead><tr><th data-field="id" data-sortable="true">ID</th><th data-field="name">Name</th></tr></thead>
</table>
"""

PLAIN = "---\nlayout: page\ntitle: plain\npermalink: /plain/\n---\nText with `code`.\n"
MERMAID = (
    "---\nlayout: page\ntitle: chart\npermalink: /chart/\n---\n```mermaid\ngraph TD; A-->B\n```\n"
)
MERMAID_JS = "https://cdn.jsdelivr.net/npm/mermaid@11.12.3/dist/mermaid.min.js"  # pinned
ZOOMABLE_MERMAID = MERMAID.replace(
    "permalink: /chart/\n", "permalink: /zoom-chart/\nmermaid:\n  enabled: true\n  zoomable: true\n"
)
CHARTS = r"""---
layout: page
title: charts
permalink: /charts/
---
```chartjs
{"type": "bar", "data": {"labels": ["a", "b"], "datasets": [{"label": "n", "data": [1, 2]}]}}
```

```diff2html
diff --git a/x.js b/x.js
index 0000001..0ddf2ba
--- a/x.js
+++ b/x.js
@@ -1 +1 @@
-console.log("Hello")
+console.log("Hello, diff")
```

```pseudocode
\begin{algorithm}
\caption{Id}
\begin{algorithmic}
\STATE $$x = 1$$
\end{algorithmic}
\end{algorithm}
```
"""


@pytest.fixture(scope="module")
def server(chromium, tmp_path_factory):
    root = tmp_path_factory.mktemp("content-site")
    png = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00"
        b"\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe"
        b"\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    rows = ",".join(f'{{"id": {i}, "name": "item {i}"}}' for i in (3, 1, 2, 5, 4))
    write_files(
        root,
        {
            "_config.yml": CONFIG,
            "_pages/about.md": "---\nlayout: about\ntitle: about\npermalink: /\n---\nHi.\n",
            "_pages/widgets.md": WIDGETS,
            "_pages/tables.md": TABLES,
            "_pages/plain.md": PLAIN,
            "_pages/chart.md": MERMAID,
            "_pages/zoom-chart.md": ZOOMABLE_MERMAID,
            "_pages/charts.md": CHARTS,
            "assets/img/photo.png": png,
            "assets/json/rows.json": f"[{rows}]",
        },
    )
    result = init_and_build(root)
    assert result.error is None
    with GzipServer(result.out) as host:
        yield host.base.rstrip("/")


@pytest.fixture
def site_page(open_page, server):
    """site_page(path, width="desktop"|"phone", routes=None) -> Visit, offline."""

    def opener(path: str, *, width: str = "desktop", routes: dict[str, Path] | None = None):
        return open_page(server + path, width=width, offline=True, routes=routes)

    return opener


def test_tabs_click_and_keyboard(site_page):
    visit = site_page("/widgets/")
    page = visit.page
    tabs = page.locator(".folio-tabs [role=tab]")
    panels = page.locator(".folio-tabs [role=tabpanel]")
    assert panels.nth(0).is_visible() and not panels.nth(1).is_visible()
    tabs.nth(1).click()
    assert panels.nth(1).is_visible() and not panels.nth(0).is_visible()
    assert tabs.nth(1).get_attribute("aria-selected") == "true"
    page.keyboard.press("ArrowRight")
    assert panels.nth(2).is_visible()
    assert page.evaluate("document.activeElement.textContent") == "text"
    page.keyboard.press("Home")
    assert panels.nth(0).is_visible()
    assert tabs.nth(2).get_attribute("tabindex") == "-1"


def test_details_opens_with_mouse_and_keyboard(site_page):
    visit = site_page("/widgets/")
    page = visit.page
    details = page.locator("details.details-block")
    assert not page.locator("text=Inside the box.").is_visible()
    details.locator("summary").click()
    assert page.locator("text=Inside the box.").is_visible()
    details.locator("summary").focus()
    page.keyboard.press("Enter")
    assert details.get_attribute("open") is None


def test_zoom_opens_and_closes_with_escape(site_page):
    visit = site_page("/widgets/")
    page = visit.page
    image = page.locator("img[data-zoomable]")
    image.click()
    overlay = page.locator(".folio-zoom-overlay")
    assert overlay.is_visible()
    page.keyboard.press("Escape")
    assert overlay.count() == 0
    assert page.evaluate("document.activeElement.hasAttribute('data-zoomable')")
    page.keyboard.press("Enter")
    assert page.locator(".folio-zoom-overlay").is_visible()
    page.keyboard.press("Enter")
    assert page.locator(".folio-zoom-overlay").count() == 0


def test_pretty_tables_sort_search_and_remote_rows(site_page):
    visit = site_page("/tables/")
    page = visit.page
    first = page.locator("table.folio-pretty-table").nth(0)

    def names():
        return first.locator("tbody tr td:first-child").all_inner_texts()

    assert names() == ["beta", "alpha", "gamma"]
    first.locator("th button.folio-sort").nth(1).click()
    assert names() == ["alpha", "beta", "gamma"]  # numeric sort: 9 < 10 < 100
    first.locator("th button.folio-sort").nth(1).click()
    assert names() == ["gamma", "beta", "alpha"]
    assert first.locator("th").nth(1).get_attribute("aria-sort") == "descending"
    page.locator(".folio-table-search").nth(0).fill("alp")
    assert names() == ["alpha"]

    remote = page.locator("table.folio-pretty-table").nth(1)
    remote.locator("tbody tr").first.wait_for()
    assert remote.locator("tbody tr").count() == 2  # page size 2 of 5 rows
    remote.locator("th button.folio-sort").first.click()
    assert remote.locator("tbody tr td:first-child").all_inner_texts() == ["1", "2"]
    page.locator(".folio-table-pages button", has_text="3").click()
    assert remote.locator("tbody tr td:first-child").all_inner_texts() == ["5"]


def test_copy_buttons_on_code_blocks(site_page):
    visit = site_page("/widgets/")
    page = visit.page
    page.locator(".md-code__button, .md-clipboard").first.wait_for(state="attached")
    assert (
        page.locator(".md-code__button, .md-clipboard").count()
        == page.locator(".highlight pre > code").count()
    )
    assert visit.page_errors == []


def test_code_colours_follow_dark_mode(site_page):
    visit = site_page("/widgets/")
    page = visit.page
    keyword = page.locator(".highlight .k").first
    light = keyword.evaluate("e => getComputedStyle(e).color")
    background = page.locator(".highlight pre > code").first.evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    page.evaluate("localStorage.setItem('theme', 'dark')")
    page.reload()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    dark = keyword.evaluate("e => getComputedStyle(e).color")
    dark_background = page.locator(".highlight pre > code").first.evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    assert light != dark and background != dark_background
    page.locator("#light-toggle").click()  # dark -> system (light in headless Chromium)
    assert keyword.evaluate("e => getComputedStyle(e).color") == light


def test_mathml_renders_natively(site_page):
    visit = site_page("/widgets/")
    page = visit.page
    box = page.locator(".math-display math").bounding_box()
    assert box and box["height"] > 20 and box["width"] > 50
    assert page.evaluate("getComputedStyle(document.querySelector('math')).display") in (
        "block math",
        "math",
    )
    assert page.locator("a.math-ref").inner_text() == "(1)"


def test_toc_sidebar_collapses_on_phones(site_page):
    wide = site_page("/widgets/").page
    assert wide.locator("#toc-sidebar-list").is_visible()
    assert not wide.locator(".folio-toc-toggle").is_visible()
    phone = site_page("/widgets/", width="phone").page
    toggle = phone.locator(".folio-toc-toggle")
    assert toggle.is_visible() and not phone.locator("#toc-sidebar-list").is_visible()
    toggle.click()
    assert phone.locator("#toc-sidebar-list").is_visible()


def test_plain_page_makes_no_third_party_request(site_page):
    visit = site_page("/plain/")
    page = visit.page
    page.wait_for_load_state("networkidle")
    assert visit.foreign == []
    assert visit.page_errors == []


def test_diagram_page_asks_only_for_its_pinned_library(site_page):
    visit = site_page("/chart/")
    page = visit.page
    page.wait_for_load_state("networkidle")
    assert visit.foreign == [MERMAID_JS]
    # Without the library the source stays readable.
    assert page.locator(".folio-diagram-source").is_visible()


# --- with the real library (from npm's tarball; skipped without npm) -----------------------


def _npm_file(spec: str, inner: str) -> Path:
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "mkdocs-folio-tests"
    target = cache / spec.replace("/", "_") / inner
    if target.is_file():
        return target
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not available to fetch the library")
    cache.mkdir(parents=True, exist_ok=True)
    try:
        out = (
            subprocess.run(
                [npm, "pack", spec, "--silent", "--pack-destination", str(cache)],
                check=True,
                capture_output=True,
                text=True,
                timeout=300,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
    except (subprocess.SubprocessError, OSError, IndexError) as exc:
        pytest.skip(f"npm pack {spec} failed: {exc}")
    with tarfile.open(cache / out) as archive:
        member = archive.extractfile(f"package/{inner}")
        assert member is not None
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(member.read())
    (cache / out).unlink()
    return target


def mermaid_route() -> dict[str, Path]:
    return {MERMAID_JS: _npm_file("mermaid@11.12.3", "dist/mermaid.min.js")}


LIBRARY_FILES = {
    "chart.js@4.6.1": ["dist/chart.umd.min.js"],
    "diff2html@3.4.56": ["bundles/js/diff2html-ui.min.js", "bundles/css/diff2html.min.css"],
    "katex@0.16.47": ["dist/katex.min.js", "dist/katex.min.css"],
    "pseudocode@2.4.1": ["build/pseudocode.min.js", "build/pseudocode.min.css"],
}


def test_charts_diffs_and_pseudocode_render(site_page):
    routes = {
        f"https://cdn.jsdelivr.net/npm/{spec}/{inner}": _npm_file(spec, inner)
        for spec, inners in LIBRARY_FILES.items()
        for inner in inners
    }
    visit = site_page("/charts/", routes=routes)
    page = visit.page
    for kind in ("chartjs", "diff2html", "pseudocode"):
        box = page.locator(f".folio-diagram[data-folio-diagram={kind}].folio-rendered")
        box.wait_for(timeout=20000)
    assert page.locator(".folio-diagram-chartjs canvas").count() == 1
    assert page.locator(".folio-diagram-diff2html .d2h-file-wrapper").count() == 1
    assert "x=1" in page.locator(".folio-diagram-pseudocode").inner_text().replace(" ", "")
    page.locator("#light-toggle").click()
    page.locator("#light-toggle").click()  # dark: drawn again, still there
    page.locator(".folio-diagram-diff2html .d2h-wrapper.d2h-dark-color-scheme").wait_for(
        timeout=20000
    )
    assert visit.page_errors == []


def test_mermaid_renders_and_follows_dark_mode(site_page):
    visit = site_page("/chart/", routes=mermaid_route())
    page = visit.page
    svg = page.locator(".folio-diagram-mermaid svg")
    svg.wait_for(timeout=20000)  # the integrity check passed: the browser ran the script
    assert not page.locator(".folio-diagram-source").is_visible()
    light = page.locator(".folio-diagram-mermaid svg").first.inner_html()
    page.locator("#light-toggle").click()  # system -> light
    page.locator("#light-toggle").click()  # light -> dark
    page.wait_for_function(
        "light => { const s = document.querySelector('.folio-diagram-mermaid svg');"
        " return s && s.innerHTML !== light; }",
        arg=light,
        timeout=20000,
    )
    assert visit.page_errors == []


def test_zoomable_mermaid_opens_with_a_click_and_the_keyboard(site_page):
    visit = site_page("/zoom-chart/", routes=mermaid_route())
    page = visit.page
    svg = page.locator(".folio-diagram-mermaid svg[role=button]")
    svg.wait_for(timeout=20000)
    assert svg.get_attribute("aria-label") == "Diagram: zoom"
    assert svg.get_attribute("tabindex") == "0"
    svg.click()
    assert page.locator(".folio-zoom-overlay svg").is_visible()
    page.keyboard.press("Escape")
    assert page.locator(".folio-zoom-overlay").count() == 0
    svg.focus()
    page.keyboard.press("Enter")
    assert page.locator(".folio-zoom-overlay svg").is_visible()
    page.keyboard.press("Enter")
    assert page.locator(".folio-zoom-overlay").count() == 0
    assert visit.page_errors == []


def test_mathjax_engine_typesets_in_the_browser(open_page, tmp_path):
    library = _npm_file("mathjax@3.2.2", "es5/tex-svg-full.js")
    write_files(
        tmp_path,
        {
            "_config.yml": CONFIG + "math_engine: mathjax\n",
            "_pages/about.md": "---\nlayout: about\ntitle: about\npermalink: /\n---\nHi.\n",
            "_pages/math.md": "---\nlayout: page\ntitle: math\npermalink: /math/\n---\n"
            "Inline $a_1 * b_2$ and\n\n\\begin{equation}\n\\label{eq:x}\nx^2\n\\end{equation}\n\n"
            "See \\eqref{eq:x}; `$code$` stays code.\n",
        },
    )
    result = init_and_build(tmp_path)
    assert result.error is None
    url = "https://cdn.jsdelivr.net/npm/mathjax@3.2.2/es5/tex-svg-full.js"
    with GzipServer(result.out) as host:
        page = open_page(host.base + "math/", offline=True, routes={url: library}).page
        page.locator("mjx-container[display=true]").wait_for(timeout=20000)
        # inline math, the numbered equation, and the \eqref in the text
        assert page.locator("mjx-container").count() == 3
        assert page.locator("code").first.inner_text() == "$code$"
