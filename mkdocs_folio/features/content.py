"""Everything a page body may contain: kramdown syntax, math, code, diagrams, tables,
tables of contents, figures and media, and the Liquid tags that make them.

- Markdown: the extensions al-folio content needs are added to the site's own list (a user's
  settings for them are kept): kramdown attribute lists and extensions
  (`markdown/kramdown.py`), math (`markdown/math.py`), Pygments highlighting with
  superfences (diagram fences become containers, `markdown/fences.py`), footnotes, tables,
  definition lists, task lists, `~~strike~~`, typographic quotes and jemoji shortcodes.
- Liquid: `content_tags.py` registers `link`, `post_url`, `highlight`, `details`, `tabs`,
  `twitter`, `file_exists`, `jupyter_notebook` and the `figure`/`video`/`audio` includes.
- Per page: lazy images, `pretty_table`, `toc.beginning` / `toc.sidebar`, and the scripts
  of the diagram libraries the page really uses (`libraries.py`), nothing on other pages.

Math: `math_engine: mathml` (default; rendered at build time, no script) or `mathjax`
(MathJax from jsDelivr on pages with math); `enable_math: false` leaves `$` alone.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from mkdocs_folio.adapter.markdown import extension_names
from mkdocs_folio.adapter.views import PageView
from mkdocs_folio.cache import codec, trace
from mkdocs_folio.features.base import BuildContext, Feature
from mkdocs_folio.features.content_tags import ContentTags
from mkdocs_folio.features.images import ResponsiveImages
from mkdocs_folio.features.libraries import asset_tags
from mkdocs_folio.liquid import Registry
from mkdocs_folio.markdown.fences import DIAGRAM_FENCES, custom_fences
from mkdocs_folio.markdown.kramdown import KramdownExtension
from mkdocs_folio.markdown.math import MathExtension
from mkdocs_folio.markdown.report import MarkdownReporter
from mkdocs_folio.markdown.segments import code_map
from mkdocs_folio.markdown.smarty import KramdownQuotesExtension, SmartySkipExtension
from mkdocs_folio.site.config import as_bool
from mkdocs_folio.site.pages import SourcePage

__all__ = ["LIBRARY_ORDER", "ContentFeature", "page_flags"]

# `![alt](/path "title")` and `<img ... src="/path">` in a page's Markdown.
_LOCAL_IMAGE = re.compile(
    r"!\[[^\]\n]*\]\(\s*<?([^)\s>]+)|<img\b[^>]*?\bsrc\s*=\s*[\"']([^\"']+)[\"']", re.I
)

MATH_ENGINES = ("mathml", "mathjax")
LIBRARY_ORDER = (
    "mermaid",
    "chartjs",
    "echarts",
    "plotly",
    "vega_lite",
    "diff2html",
    "leaflet",
    "pseudocode",
    "tikzjax",
    "mathjax",
)

# Rouge (Jekyll's highlighter) names that Pygments knows under another name.
ROUGE_ALIASES = {
    "plaintext": "text",
    "plain": "text",
    "txt": "text",
    "terminal": "console",
    "jsonc": "javascript",
    "conf": "ini",
    "cmd": "batch",
    "gradle": "groovy",
}

_DIAGRAM = re.compile(r'data-folio-diagram="([a-z0-9_]+)"')
_TIKZ = re.compile(r'<script[^>]*type=["\']text/tikz["\']', re.I)
_RAW_MERMAID = re.compile(r'<pre class="mermaid">(.*?)</pre>', re.S | re.I)
_IMG = re.compile(r"<img\b(?![^>]*\bloading=)", re.I)
_TABLE = re.compile(r"<table\b(?![^>]*\b(?:data-toggle=|class=\"highlighttable))", re.I)
_HEADING_ATTRS = re.compile(r"<h[1-6]\b([^>]*)>", re.I)
_ATTR = re.compile(r'([\w:-]+)="([^"]*)"')


def page_flags(meta: Any) -> set[str]:
    """Libraries that al-folio's per-page front-matter flags switch on."""
    wanted: set[str] = set()

    def on(value: Any) -> bool:
        return as_bool(value, False)

    mermaid = meta.get("mermaid")
    if (isinstance(mermaid, dict) and on(mermaid.get("enabled"))) or (
        not isinstance(mermaid, dict) and on(mermaid)
    ):
        wanted.add("mermaid")
    chart = meta.get("chart")
    if isinstance(chart, dict):
        for key in ("chartjs", "echarts", "plotly", "vega_lite"):
            if on(chart.get(key)):
                wanted.add(key)
    if on(meta.get("code_diff")):
        wanted.add("diff2html")
    if on(meta.get("map")):
        wanted.add("leaflet")
    if on(meta.get("pseudocode")):
        wanted.add("pseudocode")
    if on(meta.get("tikzjax")):
        wanted.add("tikzjax")
    return wanted


def _toc_items(items: Any, labels: dict[str, str], hidden: set[str]) -> list[dict[str, Any]]:
    out = []
    for item in items or []:
        children = _toc_items(item.children, labels, hidden)
        if item.id in hidden:
            out.extend(children)  # jekyll-toc's `.no_toc`: the heading is left out
            continue
        out.append(
            {
                "title": html.escape(labels[item.id]) if item.id in labels else item.title,
                "id": item.id,
                "level": item.level,
                "children": children,
            }
        )
    return out


def _toc_labels(content: str) -> tuple[dict[str, str], set[str]]:
    """Heading id -> `data-toc-text` (al-folio's way to shorten a heading in the TOC), and
    the ids of headings marked `{: .no_toc }` (left out, as jekyll-toc does)."""
    labels: dict[str, str] = {}
    hidden: set[str] = set()
    if "data-toc-text" not in content and "no_toc" not in content:
        return labels, hidden
    for match in _HEADING_ATTRS.finditer(content):
        attrs = dict(_ATTR.findall(match.group(1)))
        if "id" not in attrs:
            continue
        if "data-toc-text" in attrs:
            labels[attrs["id"]] = html.unescape(attrs["data-toc-text"])
        if "no_toc" in attrs.get("class", "").split():
            hidden.add(attrs["id"])
    return labels, hidden


@codec.register
@dataclass
class _PageContent:
    libraries: list[str] = field(default_factory=list)
    toc_sidebar: dict[str, str] | None = None


class ContentFeature(Feature):
    name = "content"

    def __init__(self) -> None:
        self.reporter: MarkdownReporter | None = None
        self.images = ResponsiveImages()
        self.tags = ContentTags(lambda: self.reporter, self.images)
        self.math_engine = "mathml"
        self._pages: dict[str, _PageContent] = {}

    # -- build setup -----------------------------------------------------------------------

    def configure(self, ctx: BuildContext) -> None:
        self.reporter = MarkdownReporter(ctx.problems)
        self._pages = {}
        cfg = ctx.site.config
        engine = str(cfg.get("math_engine") or "mathml").strip().lower()
        if engine not in MATH_ENGINES:
            ctx.problems.add(
                f"math_engine: '{engine}' is not one of {', '.join(MATH_ENGINES)}",
                cfg.path,
                cfg.line_of("math_engine"),
                "using mathml (math rendered at build time)",
            )
            engine = "mathml"
        self.math_engine = engine if cfg.flag("enable_math", True) else "off"
        self._add_extensions(ctx)
        cache_dir = Path(ctx.config.config_file_path or ".").resolve().parent / ".cache"
        self.images.configure(cfg.get("imagemagick"), cache_dir / "mkdocs-folio" / "images")
        self.tags.notebooks = {}

    def _add_extensions(self, ctx: BuildContext) -> None:
        config = ctx.config
        names = extension_names(config)

        def add(name: str, options: dict[str, Any] | None = None) -> None:
            if name in names:
                return
            config.markdown_extensions.append(name)
            names.add(name)
            if options:
                config.mdx_configs.setdefault(name, options)

        add(
            "pymdownx.highlight",
            {
                "use_pygments": True,
                "pygments_lang_class": True,
                # A blank first line of a code block shows, as with kramdown and Rouge.
                "stripnl": False,
                "extend_pygments_lang": [
                    *({"name": alias, "lang": lang} for alias, lang in ROUGE_ALIASES.items()),
                    # Rouge highlights PHP without the `<?php` opener; Pygments needs told.
                    {"name": "php", "lang": "php", "options": {"startinline": True}},
                ],
            },
        )
        add("pymdownx.superfences", {"custom_fences": custom_fences()})
        # A site that configures superfences itself keeps its fences and gains ours.
        fences = config.mdx_configs.setdefault("pymdownx.superfences", {}).setdefault(
            "custom_fences", []
        )
        present = {fence.get("name") for fence in fences if isinstance(fence, dict)}
        fences.extend(f for f in custom_fences() if f["name"] not in present)

        add("pymdownx.tasklist")
        add("pymdownx.tilde", {"subscript": False})
        add("pymdownx.emoji", _emoji_options())
        add("abbr")
        add("smarty", {"smart_angled_quotes": False})
        if self.math_engine != "off":
            config.markdown_extensions.append(
                MathExtension(engine=self.math_engine, reporter=self.reporter)
            )
        config.markdown_extensions.append(KramdownExtension(reporter=self.reporter))
        # After smarty (ours or the site's): kramdown's quote rules it lacks.
        config.markdown_extensions.append(KramdownQuotesExtension())
        # Last, after smarty (ours or the site's): skips its pass on pages it cannot change.
        config.markdown_extensions.append(SmartySkipExtension())

    def register(self, ctx: BuildContext, registry: Registry) -> None:
        self.tags.register(ctx, registry)

    # -- pages -------------------------------------------------------------------------------

    def page_markdown(self, ctx: BuildContext, page: Page, source: SourcePage, text: str) -> str:
        if self.reporter is not None:
            self.reporter.begin(source.abs_path, source.front.body_line)
        self.check_images(ctx, source, text)
        return text

    def check_images(self, ctx: BuildContext, source: SourcePage, text: str) -> None:
        """An image the page's own Markdown or HTML shows by site path (`![](/assets/x.png)`,
        `<img src="{{ 'assets/x.png' | relative_url }}">`) that the site does not have is a
        broken picture: one warning per image, with the line where the source names it.

        This runs on the page after Liquid: the HTML of tags and includes (figures, papers,
        cards) is stashed away by then and reported by its own tag. Relative addresses are
        MkDocs' to check (it reports the ones that point nowhere); code shows examples."""
        if "<img" not in text and "![" not in text:
            return
        code = code_map(text)
        seen: set[str] = set()
        for match in _LOCAL_IMAGE.finditer(text):
            src = match.group(1) or match.group(2)
            if not src or code.is_code(match.start()) or src in seen:
                continue
            seen.add(src)
            if not src.startswith("/") or src.startswith("//") or self.tags.site_file(src):
                continue
            body = source.front.body
            found = body.find(src)
            if found < 0:
                relative = self.tags.site_relative(src)
                missing_here = relative in ctx.missing_targets
                trace.record("missing-target", relative, missing_here)
                if missing_here:
                    continue  # a value from Liquid, already reported where it is written
                found = body.find(src.rsplit("/", 1)[-1])
            line = source.front.body_line + body.count("\n", 0, found) if found >= 0 else None
            ctx.problems.add(
                f"image '{src}' not found",
                source.abs_path,
                line,
                f"add the file at {ctx.site.paths.root / self.tags.site_relative(src)}, "
                "or fix the address",
            )

    def page_content(self, ctx: BuildContext, page: Page, source: SourcePage, html: str) -> str:
        if self.reporter is not None:
            self.reporter.end()
        meta = source.meta
        cfg = ctx.site.config
        data = _PageContent()
        if cfg.flag("lazy_loading_images", False):
            html = _IMG.sub('<img loading="lazy"', html)
        if not cfg.flag("enable_medium_zoom", True):
            html = html.replace(" data-zoomable", "")  # al-folio's switch for image zoom
        if as_bool(meta.get("pretty_table"), False):
            html = _TABLE.sub('<table data-toggle="table"', html)

        toc = meta.get("toc")
        if isinstance(toc, dict) and page.toc is not None and source.layout != "distill":
            items = _toc_items(list(page.toc), *_toc_labels(html))
            if items and as_bool(toc.get("beginning"), False):
                listing = ctx.render_partial("partials/folio/content/toc.html", items=items)
                html = f'<div id="table-of-contents">{listing}</div>\n<hr>\n{html}'
            side = str(toc.get("sidebar") or "").strip().lower()
            if items and side in ("left", "right"):
                listing = ctx.render_partial(
                    "partials/folio/content/toc.html", items=items, list_id="toc-sidebar-list"
                )
                data.toc_sidebar = {"side": side, "html": listing}
            elif side and side not in ("left", "right", "false", "none"):
                ctx.problems.add(
                    f"toc.sidebar: '{side}' is not left or right",
                    source.abs_path,
                    meta.lines.get("toc"),
                    "write toc: {sidebar: left} or {sidebar: right}",
                )

        # A hand-written <pre class="mermaid"> becomes our container (Material's own loader
        # would otherwise fetch Mermaid from unpkg without an integrity check).
        html = _RAW_MERMAID.sub(
            lambda m: (
                '<div class="folio-diagram folio-diagram-mermaid" data-folio-diagram="mermaid">'
                f'<pre class="folio-diagram-source"><code>{m.group(1)}</code></pre></div>'
            ),
            html,
        )
        mermaid = meta.get("mermaid")
        if isinstance(mermaid, dict) and as_bool(mermaid.get("zoomable"), False):
            html = html.replace(
                'class="folio-diagram folio-diagram-mermaid"',
                'class="folio-diagram folio-diagram-mermaid folio-zoomable"',
            )
        wanted = page_flags(meta)
        wanted.update(DIAGRAM_FENCES.get(kind) or kind for kind in _DIAGRAM.findall(html))
        if _TIKZ.search(html):
            wanted.add("tikzjax")
        if self.math_engine == "mathjax" and "math-tex" in html:
            wanted.add("mathjax")
        data.libraries = [name for name in LIBRARY_ORDER if name in wanted]
        self._pages[page.file.src_uri] = data
        return html

    def page_context(
        self, ctx: BuildContext, page: Page, source: SourcePage, view: PageView
    ) -> None:
        data = self._pages.pop(page.file.src_uri, None)
        if data is None:
            return
        if data.libraries:
            head, body = asset_tags(data.libraries)
            if "mathjax" in data.libraries:
                body = _MATHJAX_CONFIG + "\n" + body
            view.head_html += head
            view.body_end_html += body
            view.extra["libraries"] = list(data.libraries)
            glue = ctx.assets.get("page:diagrams")
            trace.record("assets", "page:diagrams", glue)
            if glue and set(data.libraries) - {"mathjax", "tikzjax"}:
                # The drawing glue ships only with the pages that have a diagram or chart.
                src = get_relative_url(glue, page.url or ".")
                view.body_end_html += f'\n<script src="{src}" defer></script>'

        if data.toc_sidebar is not None:
            view.extra["toc_sidebar"] = data.toc_sidebar

    def export_page(self, ctx: BuildContext, src_uri: str) -> Any:
        return self._pages.get(src_uri)

    def import_page(self, ctx: BuildContext, src_uri: str, kept: Any) -> None:
        if kept is not None:
            self._pages[src_uri] = kept

    def replay_effect(self, ctx: BuildContext, kind: str, payload: Any) -> None:
        if kind == "image-variant":
            out, source, width = payload
            self.images.jobs[out] = (Path(source), width)
        elif kind == "notebook":
            output, notebook = payload
            self.tags.notebooks[output] = Path(notebook)

    def post_build(self, ctx: BuildContext) -> None:
        site_dir = Path(ctx.config.site_dir)
        self.images.write(site_dir, ctx.problems)
        self._convert_notebooks(ctx, site_dir)

    def _convert_notebooks(self, ctx: BuildContext, site_dir: Path) -> None:
        if not self.tags.notebooks:
            return
        try:
            from nbconvert import HTMLExporter
        except ImportError:
            return
        exporter = HTMLExporter()
        for output, notebook in self.tags.notebooks.items():
            try:
                body, _ = exporter.from_filename(str(notebook))
            except Exception as exc:
                ctx.problems.add(
                    f"notebook could not be converted: {exc}", notebook, hint="check the notebook"
                )
                continue
            target = site_dir / output
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body, encoding="utf-8")


def _gemoji_index(options: Any, md: Any) -> dict[str, Any]:
    """pymdownx's gemoji index without its per-page deep copy (86 ms a page): the index is
    only read, so every page can share one."""
    from pymdownx import gemoji_db

    return {"name": gemoji_db.name, "emoji": gemoji_db.emoji, "aliases": gemoji_db.aliases}


def _emoji_options() -> dict[str, Any]:
    """jemoji's GitHub shortcodes (`:smile:`) as Unicode characters: no images, no CDN."""
    from pymdownx import emoji

    return {"emoji_index": _gemoji_index, "emoji_generator": emoji.to_alt}


_MATHJAX_SETTINGS = {
    "tex": {
        "inlineMath": [["\\(", "\\)"]],
        "displayMath": [["\\[", "\\]"]],
        "tags": "ams",
        "processEscapes": False,
    },
    "options": {"skipHtmlTags": ["script", "noscript", "style", "textarea", "pre", "code"]},
    "svg": {"fontCache": "global"},
}
_MATHJAX_CONFIG = "<script>window.MathJax = " + json.dumps(_MATHJAX_SETTINGS) + ";</script>"
