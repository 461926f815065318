"""Publications: BibTeX files turned into al-folio's bibliography lists.

The parsing, queries and entry views live in `mkdocs_folio.bib`; this feature finds the files,
answers `{% bibliography %}` and the about page's selected papers, and keeps rendered HTML
by content key so an unchanged bibliography costs nothing on a `mkdocs serve` rebuild.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.pages import Page

from mkdocs_folio.adapter.views import PageView
from mkdocs_folio.bib import (
    Bibliography,
    BibliographyRequest,
    BibSettings,
    apply_request,
    bib_settings,
    bibliography_view,
    inline_markdown,
    load_bibliography,
    merge_bibliographies,
    parse_bibliography_args,
)
from mkdocs_folio.features.base import BuildContext, Feature
from mkdocs_folio.liquid import Registry, TagContext
from mkdocs_folio.site.config import as_text
from mkdocs_folio.site.pages import SourcePage

LIST_TEMPLATE = "partials/folio/bib/list.html"
SEARCH_TEMPLATE = "partials/folio/bib/search.html"


class PublicationsFeature(Feature):
    name = "publications"

    def __init__(self) -> None:
        # Rendered lists by BibListView.cache_key: reused across serve rebuilds.
        self.html_cache: dict[str, str] = {}
        self.settings: BibSettings | None = None
        self.default_name = "papers"

    # -- inputs ----------------------------------------------------------------------------

    def configure(self, ctx: BuildContext) -> None:
        site = ctx.site
        scholar_userid = next(
            (
                link.url.rsplit("user=", 1)[-1]
                for link in site.socials
                if link.key == "scholar_userid"
            ),
            None,
        )
        self.settings = bib_settings(
            site.config.raw,
            site.data,
            site.config.baseurl,
            scholar_userid,
            markdownify=inline_markdown,
            problems=ctx.problems,
            config_path=site.config.path,
            data_dir=site.paths.data_dir,
        )
        self.default_name = site.paths.bib_files[0].stem if site.paths.bib_files else "papers"
        self._loaded: dict[str, Bibliography] = {}

    def bibliography(self, ctx: BuildContext, name: str | None = None) -> Bibliography:
        """A bib file by jekyll-scholar name (`papers`, `talks.bib`), parsed once per build
        and cached by content across builds. A missing file is one warning naming the path."""
        key = (name or self.default_name).strip()
        if key in self._loaded:
            return self._loaded[key]
        if name is None or key == self.default_name:
            path = ctx.site.paths.bib_files[0]
        else:
            path = ctx.site.paths.bib_dir / (key if key.endswith(".bib") else key + ".bib")
        # A missing file is one problem naming the path (from the loader) and an empty list.
        bib = load_bibliography(path, ctx.problems)
        self._loaded[key] = bib
        return bib

    def default_request(self, ctx: BuildContext) -> dict[str, Any]:
        scholar = ctx.site.config.raw.get("scholar")
        scholar = scholar if isinstance(scholar, dict) else {}
        return {
            "query": as_text(scholar.get("query")) or "@*",
            "group_by": as_text(scholar.get("group_by")) or "none",
            "group_order": as_text(scholar.get("group_order")) or "ascending",
        }

    # -- rendering -------------------------------------------------------------------------

    def render_list(
        self, ctx: BuildContext, entries: list, *, group_by: str, group_order: str
    ) -> str:
        assert self.settings is not None
        view = bibliography_view(entries, self.settings, group_by=group_by, group_order=group_order)
        cached = self.html_cache.get(view.cache_key)
        if cached is None:
            cached = ctx.render_partial(LIST_TEMPLATE, bib=view)
            self.html_cache[view.cache_key] = cached
        return cached

    def render_request(
        self,
        ctx: BuildContext,
        request: BibliographyRequest,
        *,
        source: Any = None,
        line: int | None = None,
    ) -> str:
        defaults = self.default_request(ctx)
        names = request.files or [None]
        if len(names) == 1:
            bib = self.bibliography(ctx, names[0])
        else:
            bib = merge_bibliographies([self.bibliography(ctx, n) for n in names], ctx.problems)
        entries = apply_request(
            bib.entries,
            request,
            default_query=defaults["query"],
            problems=ctx.problems,
            path=source,
            line=line,
        )
        return self.render_list(
            ctx,
            entries,
            group_by=request.group_by or defaults["group_by"],
            group_order=request.group_order or defaults["group_order"],
        )

    def selected_papers(self, ctx: BuildContext) -> str:
        request = parse_bibliography_args("--group_by none --query @*[selected=true]*")
        return self.render_request(ctx, request)

    # -- Liquid ----------------------------------------------------------------------------

    def register(self, ctx: BuildContext, registry: Registry) -> None:
        feature = self

        def bibliography_tag(args: str, tag: TagContext) -> str:
            expanded = tag.render(args) if ("{{" in args or "{%" in args) else args
            request = parse_bibliography_args(expanded, tag.problems, tag.source, tag.line)
            html = feature.render_request(ctx, request, source=tag.source, line=tag.line)
            return tag.stash.put(html)

        def bib_search_include(params: dict[str, Any], tag: TagContext) -> str:
            if not ctx.site.config.flag("bib_search", True):
                return ""
            return tag.stash.put(ctx.render_partial(SEARCH_TEMPLATE))

        registry.register_tag("bibliography", bibliography_tag)
        registry.register_include("bib_search", bib_search_include)

    # -- pages -----------------------------------------------------------------------------

    def page_context(
        self, ctx: BuildContext, page: Page, source: SourcePage, view: PageView
    ) -> None:
        if view.about is not None and view.about.selected_papers:
            view.selected_papers = self.selected_papers(ctx)
