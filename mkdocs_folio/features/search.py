"""Search index: the sections Material's search shows, built by us, much faster.

Material's search UI and worker are kept; only the indexing moves here (see
`site/searchtext.py` for why). Each page is indexed when its HTML is final, then marked
`search: {exclude: true}` so Material's plugin skips it; after the build, the `docs` of
Material's `search/search_index.json` are replaced by ours. A page's own front matter
`search: {exclude: true}` or `search: {boost: 2}` (Material's keys) is honoured.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.structure.pages import Page

from mkdocs_folio.features.base import BuildContext, Feature
from mkdocs_folio.site.pages import SourcePage
from mkdocs_folio.site.searchtext import split_sections


def search_enabled(ctx: BuildContext) -> bool:
    plugin = ctx.config.plugins.get("material/search")
    return plugin is not None and bool(getattr(plugin, "config", {}).get("enabled", True))


class SearchFeature(Feature):
    name = "search"

    def __init__(self) -> None:
        self.entries: dict[str, list[dict[str, Any]]] = {}

    def configure(self, ctx: BuildContext) -> None:
        self.entries = {}

    def page_content(self, ctx: BuildContext, page: Page, source: SourcePage, html: str) -> str:
        if not search_enabled(ctx):
            return html
        own = source.meta.get("search")
        own = own if isinstance(own, dict) else {}
        decided = page.meta.get("search") if isinstance(page.meta.get("search"), dict) else {}
        excluded = bool(own.get("exclude") or decided.get("exclude"))
        # Material's plugin must skip the page either way: we index it ourselves.
        page.meta["search"] = {"exclude": True}
        if excluded:
            self.entries.pop(page.file.src_uri, None)
            return html
        self.entries[page.file.src_uri] = self._entries(page, source, html, own)
        return html

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

    def post_build(self, ctx: BuildContext) -> None:
        if not search_enabled(ctx):
            return
        path = Path(ctx.config.site_dir) / "search" / "search_index.json"
        try:
            index = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # Material wrote no index (search switched off); nothing to add to
        index["docs"] = [entry for entries in self.entries.values() for entry in entries]
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
