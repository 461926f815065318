"""Collections: every `_news`, `_posts`, `_projects`, `_teachings`, `_books` (and declared)
document becomes a page at its Jekyll URL, and the news list (`{% include news.liquid %}`).

The files are parsed once per build through the file cache (an unchanged post costs one
`stat` on a `mkdocs serve` rebuild) and never enter MkDocs' navigation.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mkdocs_folio.cache import trace
from mkdocs_folio.features.base import BuildContext, Feature
from mkdocs_folio.liquid import Registry, TagContext, reads
from mkdocs_folio.liquid.filters.ruby import is_undefined, ruby_str
from mkdocs_folio.problems import Problems
from mkdocs_folio.site.about import Listing
from mkdocs_folio.site.collections import (
    CollectionSpec,
    Document,
    ReadOptions,
    collection_specs,
    read_collection,
)
from mkdocs_folio.site.config import as_bool
from mkdocs_folio.site.frontmatter import FrontMatter
from mkdocs_folio.site.pages import SourcePage
from mkdocs_folio.site.views import ListingView, build_listing, strip_paragraphs

LISTING_TEMPLATE = "partials/folio/listing-table.html"
MARKDOWN_SUFFIXES = (".md", ".markdown")


def inline_news_html(ctx: BuildContext, document: Document) -> str:
    """An inline news item's text as the news tables show it: Liquid (with the document as
    `page`), Markdown, then al-folio's unwrapped paragraphs; kept across builds by the
    document and what its Liquid read."""

    def render() -> str:
        html = ctx.render_fragment(
            document.body,
            page=document.liquid(),
            source=document.abs_path,
            first_line=document.front.body_line,
        )
        return strip_paragraphs(html)

    return ctx.kept_text("inline-news", document.fingerprint(), render)


class CollectionsFeature(Feature):
    name = "collections"

    def __init__(self) -> None:
        self.specs: list[CollectionSpec] = []
        self._documents: dict[str, Any] = {}  # documents read before, by path
        self._where_cache = trace.Memo()
        self._site_lists: tuple[Any, set[int]] | None = None

    # -- inputs ----------------------------------------------------------------------------

    def configure(self, ctx: BuildContext) -> None:
        site = ctx.site
        self.specs = collection_specs(site.config, site.paths.collections_dir)
        for spec in self.specs:
            if spec.folder.is_dir() and str(spec.folder) not in ctx.config.watch:
                ctx.config.watch.append(str(spec.folder))

    def read_options(self, ctx: BuildContext) -> ReadOptions:
        drafts = bool(ctx.options.drafts)
        cache = ctx.cache

        def read(path: Path, problems: Problems) -> FrontMatter:
            return cache.front_matter(path, problems)

        return ReadOptions(
            now=datetime.now(timezone.utc),
            future=as_bool(ctx.site.config.raw.get("future")),
            drafts=drafts,
            read=read,
            root=ctx.site.paths.root,
            memo=self._documents,
        )

    def files(self, ctx: BuildContext, files: Files) -> None:
        site = ctx.site
        options = self.read_options(ctx)
        ctx.documents = {}
        self._where_cache = trace.Memo()
        self._site_lists = None
        outputs: dict[str, bool] = {}
        for spec in self.specs:
            site.collections[spec.name] = read_collection(
                spec, site=site.config, problems=ctx.problems, options=options
            )
            outputs[spec.name] = spec.output
        for spec in self.specs:
            if not outputs[spec.name]:
                continue
            for document in site.collections[spec.name]:
                self.add_document_page(ctx, files, document)
        for post in site.posts:
            self.check_thumbnail(ctx, post)

    def check_thumbnail(self, ctx: BuildContext, post: Document) -> None:
        """A post's `thumbnail` is shown by the blog index (its Liquid body), where a missing
        file could only be reported without a line: say it here, at the post's own key."""
        thumbnail = post.meta.get("thumbnail")
        if not isinstance(thumbnail, str) or not thumbnail.strip():
            return
        if ctx.target_exists(thumbnail):
            return
        relative = thumbnail.strip().lstrip("/")
        ctx.missing_targets.add(relative)
        ctx.problems.add(
            f"thumbnail '{thumbnail}' not found",
            post.abs_path,
            post.meta.lines.get("thumbnail"),
            f"add the file at {ctx.site.paths.root / relative} or change `thumbnail:`; "
            "the blog index links to it",
        )

    def add_document_page(self, ctx: BuildContext, files: Files, document: Document) -> None:
        root = ctx.site.paths.collections_dir
        folder = "_drafts" if document.draft else f"_{document.collection}"
        src_uri = f"{folder}/{document.rel_path}"
        if document.abs_path.suffix.lower() in MARKDOWN_SUFFIXES:
            text, abs_src_path = "", document.abs_path
        else:
            # An HTML document: MkDocs would copy it as a static file, Jekyll renders it.
            # Its front matter and body are already read (in any encoding): no second read.
            text, abs_src_path = document.body, None
            src_uri = src_uri.rsplit(".", 1)[0] + ".md"
        _, source = ctx.add_page(
            files,
            src_uri,
            text,
            source_path=document.abs_path,
            default_layout=document.layout,
            abs_src_path=abs_src_path,
            src_dir=root,
            front=document.front,
            permalink=document.url,
        )
        source.collection = document.collection
        source.layout = document.layout if source.layout == "page" else source.layout
        ctx.documents[src_uri] = document

    # -- Liquid ----------------------------------------------------------------------------

    def liquid_variables(
        self, ctx: BuildContext, page: Page, source: SourcePage, variables: dict[str, Any]
    ) -> None:
        document = ctx.documents.get(page.file.src_uri)
        if document is not None:
            values = document.liquid()
            values["url"] = variables["page"].get("url", document.url)
            values["path"] = source.src_uri
            variables["page"] = values

    def register(self, ctx: BuildContext, registry: Registry) -> None:
        feature = self

        def news_include(params: dict[str, Any], tag: TagContext) -> str:
            limit = params.get("limit")
            if (
                _as_limit(limit) is None
                and limit not in (None, True, "")
                and not is_undefined(limit)
            ):
                tag.problem(
                    f"news.liquid: limit={limit!r} is not a number",
                    "write limit=3, or leave it out to list every item; every item is listed",
                )
            listing = Listing(enabled=True, limit=_as_limit(limit))
            view = feature.news_listing(ctx, listing)
            html = ctx.render_in_page(
                LISTING_TEMPLATE, ctx.page, listing=view, empty="No news so far..."
            )
            return tag.stash.put(html)

        registry.register_include("news", reads(("collection", "news"))(news_include))
        registry.register_filter("where", self.where_filter(ctx))

    def where_filter(self, ctx: BuildContext) -> Any:
        """Jekyll's `where`, remembered per build for the site's own collections.

        `site.posts | where: "featured", "true"` runs on every page of a paginated blog, over
        every post; the lists in `site` do not change during a build (Liquid filters return
        new lists), so each (collection, property, value) is computed once.
        """
        feature = self

        def where(value: Any, prop: Any = None, target: Any = None) -> Any:
            # Imported here: Jekyll's filters need python-liquid, which a build whose pages
            # all come from the cache never imports (liquid/lazy.py).
            from mkdocs_folio.liquid.filters.arrays import where as jekyll_where

            site = ctx.liquid.site if ctx.liquid is not None else None
            plain_target = None if is_undefined(target) else target
            if (
                site is None
                or not isinstance(value, list)
                or isinstance(plain_target, (list, tuple, dict))
            ):
                return jekyll_where(value, prop, target)
            if feature._site_lists is None or feature._site_lists[0] is not site:
                # `dict.values`: which lists the site holds is not something a page reads.
                lists = {id(v) for v in dict.values(site) if isinstance(v, list)}
                feature._site_lists = (site, lists)
                feature._where_cache = trace.Memo()
            if id(value) not in feature._site_lists[1]:
                return jekyll_where(value, prop, target)
            key = (
                id(value),
                ruby_str(prop),
                None if plain_target is None else ruby_str(plain_target),
            )
            # A memo that gives every page using it the reads of the first computation
            # (each post's `featured`), so a reused page still depends on them.
            cached = feature._where_cache.get(key, lambda: jekyll_where(value, prop, target))
            return list(cached) if isinstance(cached, list) else cached

        return where

    def news_listing(self, ctx: BuildContext, listing: Listing) -> ListingView:
        return build_listing(
            ctx.site.news, listing, render_inline=lambda doc: inline_news_html(ctx, doc)
        )

    def post_build(self, ctx: BuildContext) -> None:
        read = {str(d.abs_path) for docs in ctx.site.collections.values() for d in docs}
        for path in [p for p in self._documents if p not in read]:
            del self._documents[path]  # a document this build did not read


def _as_limit(value: Any) -> int | None:
    if value is None or value is True or value == "":
        return None
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        return None
