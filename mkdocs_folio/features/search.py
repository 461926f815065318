"""Search index: the sections Material's search shows, built by us, much faster.

Material's search UI and worker are kept; only the indexing moves here (see
`site/searchtext.py` for why). Each page is indexed when its HTML is final, then marked
`search: {exclude: true}` so Material's plugin skips it; after the build, the `docs` of
Material's `search/search_index.json` are replaced by ours. A page's own front matter
`search: {exclude: true}` or `search: {boost: 2}` (Material's keys) is honoured.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from mkdocs.structure.pages import Page

from mkdocs_folio.adapter.views import search_on
from mkdocs_folio.features.base import BuildContext, Feature
from mkdocs_folio.site.pages import SourcePage
from mkdocs_folio.site.searchtext import split_sections

_MATERIAL_STRIP = r"\s?data-search-\w+=\"[^\"]+\""
"""The pattern Material's search plugin removes from every page's HTML after indexing it."""
_MATERIAL_FINDS = re.compile(r'data-search-\w+="[^"]+"')
"""The same without its leading optional space: a literal start, so it is searched fast."""


def search_enabled(ctx: BuildContext) -> bool:
    return search_on(ctx.config)


class SearchFeature(Feature):
    name = "search"

    def __init__(self) -> None:
        self.entries: dict[str, list[dict[str, Any]] | str] = {}
        """A page's sections: a list, or the JSON text of it for a page whose rendering was
        reused (it goes into the index as it is, never decoded)."""

    def configure(self, ctx: BuildContext) -> None:
        self.entries = {}
        skip_needless_strip(ctx.config.plugins)

    def page_content(self, ctx: BuildContext, page: Page, source: SourcePage, html: str) -> str:
        if not search_enabled(ctx):
            return html
        own = source.meta.get("search")
        own = own if isinstance(own, dict) else {}
        decided = page.meta.get("search") if isinstance(page.meta.get("search"), dict) else {}
        # The 404 page is not something to find (al-folio's search lists no 404 either).
        excluded = bool(own.get("exclude") or decided.get("exclude"))
        excluded = excluded or page.file.dest_uri == "404.html"
        # Material's plugin must skip the page either way: we index it ourselves.
        page.meta["search"] = {"exclude": True}
        if excluded:
            self.entries.pop(page.file.src_uri, None)
            return html
        self.entries[page.file.src_uri] = self._entries(page, source, html, own)
        return html

    def page_output(self, ctx: BuildContext, page: Page, source: SourcePage, output: str) -> None:
        # The CV's sections are drawn by its layout from `_data/cv.yml` or JSON Resume, not
        # by the page's body: index what the page's <article> shows.
        if source.layout != "cv" or page.file.src_uri not in self.entries:
            return
        start = output.find("<article")
        end = output.rfind("</article>")
        if start < 0 or end < start:
            return
        own = source.meta.get("search")
        own = own if isinstance(own, dict) else {}
        self.entries[page.file.src_uri] = self._entries(page, source, output[start:end], own)

    def _entries(
        self, page: Page, source: SourcePage, html: str, own: dict[str, Any]
    ) -> list[dict[str, Any]]:
        url = page.url
        title = source.title or str(page.title or "")
        tags = page.meta.get("tags")
        entries = []
        for section in split_sections(html):
            text = section.body_text()
            heading = section.title_text()
            if section.anchor is None and not text:
                continue
            entry: dict[str, Any] = {
                "location": f"{url}#{section.anchor}" if section.anchor else url,
                "title": heading or title,
                "text": text,
            }
            if isinstance(tags, list) and tags:
                entry["tags"] = [str(tag) for tag in tags if tag]
            if "boost" in own:
                entry["boost"] = own["boost"]
            entries.append(entry)
        return entries

    after_render = True  # the index is written after every page: reused pages need theirs

    def export_page(self, ctx: BuildContext, src_uri: str) -> Any:
        entries = self.entries.get(src_uri)
        return entries if entries is None or isinstance(entries, str) else _dump(entries)

    def import_page(self, ctx: BuildContext, src_uri: str, kept: Any) -> None:
        if kept is None:
            self.entries.pop(src_uri, None)
        else:
            self.entries[src_uri] = kept

    def post_build(self, ctx: BuildContext) -> None:
        if not search_enabled(ctx):
            return
        path = Path(ctx.config.site_dir) / "search" / "search_index.json"
        try:
            index = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # Material wrote no index (search switched off); nothing to add to
        # The docs array is spliced from each page's JSON text: the same text `json.dumps`
        # gives for the whole index, without decoding what reused pages kept.
        marker = "\x00folio-docs\x00"
        index["docs"] = marker
        text = _dump(index)
        # Pages in the site's order, whichever process rendered them first.
        order = {file.src_uri: n for n, file in enumerate(ctx.files or ())}
        pieces = []
        for src in sorted(self.entries, key=lambda src: order.get(src, len(order))):
            entries = self.entries[src]
            pieces.append((entries if isinstance(entries, str) else _dump(entries))[1:-1])
        docs = "[" + ",".join(piece for piece in pieces if piece) + "]"
        path.write_text(text.replace(_dump(marker), docs, 1), "utf-8")


def skip_needless_strip(plugins: Any) -> None:
    """Material's search plugin runs a regular expression over every page's whole HTML to
    remove `data-search-*` attributes, also from pages that have none: on a publications
    page of a few megabytes that costs a tenth of a second per build. Its handler is
    replaced by one that does the same (index the page; remove the attributes when there
    are any), only when the handler is the one this was written for."""
    plugin = plugins.get("material/search")
    handler = getattr(type(plugin), "on_page_context", None)
    code = getattr(handler, "__code__", None)
    if plugin is None or code is None or _MATERIAL_STRIP not in code.co_consts:
        return
    events = plugins.events["page_context"]
    for index, method in enumerate(events):
        if getattr(method, "__self__", None) is plugin and method.__func__ is handler:
            events[index] = replacement = _strip_only_when_needed(plugin, method)
            origin = plugins._event_origins.get(method)
            if origin is not None:
                plugins._event_origins[replacement] = origin
            return


def _strip_only_when_needed(plugin: Any, original: Any) -> Any:
    def on_page_context(context: Any, *, page: Page, **kwargs: Any) -> Any:
        if _MATERIAL_FINDS.search(page.content or ""):
            return original(context, page=page, **kwargs)
        if plugin.config.enabled:
            plugin.search_index.add_entry_from_context(page)
        return None

    return on_page_context


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
