"""A site's own or changed `_layouts/` files, rendered through Liquid inside folio's chrome.

For a page whose layout the owner changed (or wrote), the page's HTML becomes `content`
and the layout file renders with al-folio's variables (`page`, `site`, `content`), then the
layout it names in its front matter, up to `default`, which is folio's page chrome. Stock
layouts keep folio's own templates. Every layout file read is noted in the page's trace, so
editing one under `mkdocs serve` renders again exactly the pages that use it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.pages import Page

from mkdocs_folio.cache import trace
from mkdocs_folio.features.base import BuildContext, Feature
from mkdocs_folio.site.frontmatter import read_front_matter
from mkdocs_folio.site.pages import SourcePage

# The template that prints a page rendered by the site's own layout in folio's chrome.
TEMPLATE = "layouts/site-layout.html"

# Layouts that are chrome (folio's theme draws it) or not page layouts at all.
CHROME_LAYOUTS = frozenset({"default", "compress", "none"})


class LayoutsFeature(Feature):
    def page_content(self, ctx: BuildContext, page: Page, source: SourcePage, html: str) -> str:
        path = ctx.site_layouts.get(source.layout)
        if path is None or ctx.liquid is None:
            return html
        ctx.page = page
        values = dict(source.meta)
        values.setdefault("title", source.title)
        values.update(url=ctx.site_path(page.file.url), path=source.src_uri, layout=source.layout)
        seen: set[Path] = set()
        while path is not None and path not in seen:
            seen.add(path)
            trace.depend("file", str(path))
            front = read_front_matter(path, ctx.problems)
            values["content"] = html
            result = ctx.liquid.render(
                front.body,
                page=values,
                source=path,
                first_line=front.body_line,
                variables={"content": html, "layout": dict(front.meta)},
            )
            html = result.stash.restore(result.text)
            parent = str(front.meta.get("layout") or "")
            path = ctx.layout_file(parent) if parent and parent not in CHROME_LAYOUTS else None
        return html
