"""Page content in a real browser (Debian's Chromium through Playwright): tabs, details,
image zoom, pretty tables, copy buttons, dark-mode code colours, MathML, the TOC on phones,
and that a plain page asks no other host for anything.

One site is built for the module and served from 127.0.0.1; every request to another host
is recorded and refused. Skips when Playwright or Chromium is missing.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import tarfile
import threading
from pathlib import Path

import pytest

from tests.sitebuilder import CONFIG, init_and_build, write_files

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no chromium")

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


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(tmp_path_factory):
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
            "_pages/charts.md": CHARTS,
            "assets/img/photo.png": png,
            "assets/json/rows.json": f"[{rows}]",
        },
    )
    result = init_and_build(root)
    assert result.error is None
    handler = functools.partial(_Quiet, directory=str(result.out))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser, server):
    contexts = []

    def opener(path: str, *, width: int = 1280, routes: dict[str, Path] | None = None):
        context = browser.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.foreign = []  # type: ignore[attr-defined]
        page.errors = []  # type: ignore[attr-defined]
        page.on("pageerror", lambda error: page.errors.append(str(error)))

        def route(request_route):
            url = request_route.request.url
            if url.startswith(server):
                return request_route.continue_()
            page.foreign.append(url)
            for prefix, file in (routes or {}).items():
                if url.startswith(prefix):
                    return request_route.fulfill(
                        path=str(file),
                        headers={
                            "Access-Control-Allow-Origin": "*",
                            "Content-Type": "application/javascript",
                        },
                    )
            return request_route.abort()

        page.route("**/*", route)
        page.goto(server + path)
        page.wait_for_load_state("load")
        return page

    yield opener
    for context in contexts:
        context.close()


def test_tabs_click_and_keyboard(open_page):
    page = open_page("/widgets/")
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


def test_details_opens_with_mouse_and_keyboard(open_page):
    page = open_page("/widgets/")
    details = page.locator("details.details-block")
    assert not page.locator("text=Inside the box.").is_visible()
    details.locator("summary").click()
    assert page.locator("text=Inside the box.").is_visible()
    details.locator("summary").focus()
    page.keyboard.press("Enter")
    assert details.get_attribute("open") is None


def test_zoom_opens_and_closes_with_escape(open_page):
    page = open_page("/widgets/")
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


def test_pretty_tables_sort_search_and_remote_rows(open_page):
    page = open_page("/tables/")
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


def test_copy_buttons_on_code_blocks(open_page):
    page = open_page("/widgets/")
    page.locator(".md-code__button, .md-clipboard").first.wait_for(state="attached")
    assert (
        page.locator(".md-code__button, .md-clipboard").count()
        == page.locator(".highlight pre > code").count()
    )
    assert page.errors == []


def test_code_colours_follow_dark_mode(open_page):
    page = open_page("/widgets/")
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


def test_mathml_renders_natively(open_page):
    page = open_page("/widgets/")
    box = page.locator(".math-display math").bounding_box()
    assert box and box["height"] > 20 and box["width"] > 50
    assert page.evaluate("getComputedStyle(document.querySelector('math')).display") in (
        "block math",
        "math",
    )
    assert page.locator("a.math-ref").inner_text() == "(1)"


def test_toc_sidebar_collapses_on_phones(open_page):
    wide = open_page("/widgets/")
    assert wide.locator("#toc-sidebar-list").is_visible()
    assert not wide.locator(".folio-toc-toggle").is_visible()
    phone = open_page("/widgets/", width=390)
    toggle = phone.locator(".folio-toc-toggle")
    assert toggle.is_visible() and not phone.locator("#toc-sidebar-list").is_visible()
    toggle.click()
    assert phone.locator("#toc-sidebar-list").is_visible()


def test_plain_page_makes_no_third_party_request(open_page):
    page = open_page("/plain/")
    page.wait_for_timeout(300)
    assert page.foreign == []
    assert page.errors == []


def test_diagram_page_asks_only_for_its_pinned_library(open_page):
    page = open_page("/chart/")
    page.wait_for_timeout(300)
    assert page.foreign == ["https://cdn.jsdelivr.net/npm/mermaid@11.12.3/dist/mermaid.min.js"]
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


LIBRARY_FILES = {
    "chart.js@4.6.1": ["dist/chart.umd.min.js"],
    "diff2html@3.4.56": ["bundles/js/diff2html-ui.min.js", "bundles/css/diff2html.min.css"],
    "katex@0.16.47": ["dist/katex.min.js", "dist/katex.min.css"],
    "pseudocode@2.4.1": ["build/pseudocode.min.js", "build/pseudocode.min.css"],
}


def test_charts_diffs_and_pseudocode_render(open_page):
    routes = {
        f"https://cdn.jsdelivr.net/npm/{spec}/{inner}": _npm_file(spec, inner)
        for spec, inners in LIBRARY_FILES.items()
        for inner in inners
    }
    page = open_page("/charts/", routes=routes)
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
    assert page.errors == []


def test_mermaid_renders_and_follows_dark_mode(open_page):
    library = _npm_file("mermaid@11.12.3", "dist/mermaid.min.js")
    page = open_page(
        "/chart/",
        routes={"https://cdn.jsdelivr.net/npm/mermaid@11.12.3/dist/mermaid.min.js": library},
    )
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
    assert page.errors == []


def test_mathjax_engine_typesets_in_the_browser(browser, tmp_path):
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
    handler = functools.partial(_Quiet, directory=str(result.out))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    context = browser.new_context()
    try:
        page = context.new_page()
        url = "https://cdn.jsdelivr.net/npm/mathjax@3.2.2/es5/tex-svg-full.js"

        def route(request_route):
            if request_route.request.url == url:
                return request_route.fulfill(
                    path=str(library),
                    headers={
                        "Access-Control-Allow-Origin": "*",
                        "Content-Type": "application/javascript",
                    },
                )
            if request_route.request.url.startswith("http://127.0.0.1"):
                return request_route.continue_()
            return request_route.abort()

        page.route("**/*", route)
        page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/math/")
        page.locator("mjx-container[display=true]").wait_for(timeout=20000)
        # inline math, the numbered equation, and the \eqref in the text
        assert page.locator("mjx-container").count() == 3
        assert page.locator("code").first.inner_text() == "$code$"
    finally:
        context.close()
        httpd.shutdown()
