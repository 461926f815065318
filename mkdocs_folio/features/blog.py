"""The blog: post pages, the paginated index, archives, related posts, the Atom feed.

The stock `_pages/blog.md` is a Liquid program (header, tag strip, featured cards, the post
list, `{% include pagination.liquid %}`). It runs through our Liquid as it is, so a user's
edits to it are kept: this feature gives it Jekyll's `paginator` object, makes one page per
`per_page` posts (`/blog/page/N/`) and answers `pagination.liquid` natively.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mkdocs_folio.adapter.views import PageView
from mkdocs_folio.cache import trace
from mkdocs_folio.features.base import BuildContext, Feature
from mkdocs_folio.liquid import Registry, TagContext, reads
from mkdocs_folio.site.blog import (
    TYPE_WORD,
    Archive,
    ArchiveSettings,
    Chip,
    FeedEntry,
    Pagination,
    RelatedIndex,
    RelatedPost,
    archive_settings,
    atom_feed,
    build_archives,
    citation,
    external_posts,
    feed_limit,
    paginate,
    pagination_settings,
    post_header,
    related_settings,
)
from mkdocs_folio.site.collections import Document, newest_first, split_list
from mkdocs_folio.site.config import as_bool, as_text
from mkdocs_folio.site.dates import parse_date, short_date
from mkdocs_folio.site.feeds import FeedStore
from mkdocs_folio.site.frontmatter import FrontMatter
from mkdocs_folio.site.pages import SourcePage
from mkdocs_folio.site.yamlfile import LineDict

PAGINATION_TEMPLATE = "partials/folio/pagination.html"
GENERATED = "_folio_generated"


@dataclass
class ChipView:
    kind: str
    label: str
    href: str = ""


@dataclass
class ArchiveRow:
    date_label: str
    title: str
    href: str
    external: bool = False


@dataclass
class ArchiveView:
    kind: str
    title: str
    description: str
    rows: list[ArchiveRow] = field(default_factory=list)


@dataclass
class PostView:
    """`folio_page.extra["post"]`: the header, citation and related posts of one post."""

    date_label: str
    author: str
    meta: str
    last_updated_label: str
    reading_time: int
    chips: list[ChipView]
    citation: Any = None
    related: list[RelatedPost] = field(default_factory=list)


@dataclass
class PageLink:
    number: int
    href: str
    title: str = ""
    active: bool = False


@dataclass
class PaginationView:
    total_pages: int
    previous_href: str
    next_href: str
    trail: list[PageLink]


class BlogFeature(Feature):
    name = "blog"

    def __init__(self) -> None:
        self.paginated: dict[str, tuple[Pagination, int]] = {}
        self.archives: dict[str, Archive] = {}
        self.settings: dict[str, ArchiveSettings] = {}
        self.related: RelatedIndex | None = None
        self.post_html: dict[str, str] = {}
        self.feed_sources: dict[str, Document] = {}
        self.current: tuple[Pagination, int] | None = None

    # -- pages -----------------------------------------------------------------------------

    def files(self, ctx: BuildContext, files: Files) -> None:
        site = ctx.site
        self.paginated = {}
        self.archives = {}
        self.post_html = {}
        posts = site.collections.setdefault("posts", [])
        extra = external_posts(
            site.config, ctx.problems, config_path=site.config.path, feeds=feed_store(ctx).read
        )
        if extra:
            posts = newest_first(posts + extra)
            site.collections["posts"] = posts
        self.settings = {
            name: archive_settings(site.config, name, ctx.problems) for name in ("posts", "books")
        }
        enabled, limit = related_settings(site.config)
        self.related = RelatedIndex(posts) if enabled else None
        self.related_limit = limit

        for src_uri, source in list(ctx.pages.items()):
            if source.collection is not None or source.generated:
                continue
            self.add_pagination(ctx, files, src_uri, source)
        for name in ("posts", "books"):
            documents = site.collections.get(name, [])
            settings = self.settings[name]
            if not settings.enabled or not documents:
                continue
            local = [d for d in documents if not d.is_external]
            for archive in build_archives(local if name == "books" else documents, settings):
                self.add_archive(ctx, files, archive)

        limit = feed_limit(site.config)
        own = [d for d in posts if not d.draft]
        source_of = {id(doc): src_uri for src_uri, doc in ctx.documents.items()}
        self.feed_sources = {}
        for document in own[:limit]:
            key = source_of.get(id(document)) or f"external:{document.url}"
            self.feed_sources[key] = document

    def add_pagination(
        self, ctx: BuildContext, files: Files, src_uri: str, source: SourcePage
    ) -> None:
        settings = pagination_settings(source.meta, ctx.site.config, source.abs_path, ctx.problems)
        if settings is None:
            return
        base_url = ctx.page_url(source)
        documents = ctx.site.collections.get(settings.collection)
        if documents is None:
            ctx.problems.add(
                f"pagination: there is no collection '{settings.collection}'",
                source.abs_path,
                source.meta.lines.get("pagination"),
                "use `collection: posts`",
            )
            documents = []
        pagination = paginate(documents, settings, base_url, source.title)
        self.paginated[src_uri] = (pagination, 1)
        for page in pagination.pages[1:]:
            stem = src_uri.rsplit(".", 1)[0]
            generated_uri = f"{GENERATED}/pagination/{stem}/page-{page.number}.md"
            ctx.add_page(
                files,
                generated_uri,
                "",
                source_path=source.abs_path,
                default_layout=source.layout,
                front=source.front,
                permalink=page.url,
                generated=True,
            )
            self.paginated[generated_uri] = (pagination, page.number)

    def add_archive(self, ctx: BuildContext, files: Files, archive: Archive) -> None:
        kind_word = TYPE_WORD[archive.kind]
        src_uri = f"{GENERATED}/archives/{archive.collection}/{kind_word}/{archive.permalink.strip('/').replace('/', '-') or 'index'}.md"
        meta = LineDict({"layout": "archive", "title": archive.title})
        ctx.add_page(
            files,
            src_uri,
            "",
            source_path=src_uri,
            default_layout="archive",
            front=FrontMatter(meta=meta, body=""),
            permalink=archive.permalink,
            generated=True,
        )
        self.archives[src_uri] = archive

    # -- Liquid ----------------------------------------------------------------------------

    def liquid_variables(
        self, ctx: BuildContext, page: Page, source: SourcePage, variables: dict[str, Any]
    ) -> None:
        self.current = self.paginated.get(page.file.src_uri)
        variables.update(self.liquid_extras(ctx, page, source))

    def liquid_extras(self, ctx: BuildContext, page: Page, source: SourcePage) -> dict[str, Any]:
        paginated = self.paginated.get(page.file.src_uri)
        if paginated is None:
            return {}
        pagination, number = paginated
        values = pagination.paginator(number)
        paginator = Paginator(values)
        paginator.documents = values["posts"]
        paginator["posts"] = [d.liquid() for d in values["posts"]]
        return {"paginator": paginator}

    def register(self, ctx: BuildContext, registry: Registry) -> None:
        feature = self

        def pagination_include(params: dict[str, Any], tag: TagContext) -> str:
            if feature.current is None:
                tag.problem(
                    "`{% include pagination.liquid %}` on a page without pagination",
                    "add `pagination: {enabled: true}` to the page's front matter",
                )
                return ""
            view = feature.pagination_view(ctx, *feature.current)
            if view.total_pages <= 1:
                return ""
            html = ctx.render_in_page(PAGINATION_TEMPLATE, ctx.page, pager=view)
            return tag.stash.put(html)

        # The pager shows the page's `paginator`, which is part of the page's own inputs.
        registry.register_include("pagination", reads()(pagination_include))
        if ctx.resolver is not None:
            ctx.resolver.register("blog", lambda key: self.noted_value(ctx, key))
            ctx.resolver.register(
                "related", lambda key: self.related.noted(key) if self.related else None
            )
        if ctx.site_view is not None and ctx.site.collections.get("posts"):
            href = ctx.site.config.baseurl + "/feed.xml"
            link = (
                f'<link rel="alternate" type="application/atom+xml" '
                f'title="{_attr(ctx.site.config.title)}" href="{href}">'
            )
            if link not in ctx.site_view.head_html:
                ctx.site_view.head_html += link

    def pagination_view(
        self, ctx: BuildContext, pagination: Pagination, number: int
    ) -> PaginationView:
        paginator = pagination.paginator(number)
        trail = []
        for item in paginator["page_trail"] or []:
            trail.append(
                PageLink(
                    number=item["num"],
                    href=ctx.site_href(item["path"]),
                    title=item["title"],
                    active=item["num"] == number,
                )
            )
        return PaginationView(
            total_pages=pagination.total_pages,
            previous_href=ctx.site_href(paginator["previous_page_path"] or ""),
            next_href=ctx.site_href(paginator["next_page_path"] or ""),
            trail=trail,
        )

    def page_markdown(self, ctx: BuildContext, page: Page, source: SourcePage, text: str) -> str:
        if source.generated or (
            source.collection == "posts" and not ctx.site.config.flag("posts_in_search", True)
        ):
            # Page 2..N of the blog and the archives repeat what the posts say: they stay out
            # of the search index (Material's `search: {exclude: true}`), and so do posts when
            # `posts_in_search: false` (al-folio's switch; indexing posts is the largest part
            # of a big blog's build).
            page.meta["search"] = {"exclude": True}
        return text

    # -- layouts ---------------------------------------------------------------------------

    def page_context(
        self, ctx: BuildContext, page: Page, source: SourcePage, view: PageView
    ) -> None:
        archive = self.archives.get(page.file.src_uri)
        if archive is not None:
            view.extra["archive"] = self.archive_view(ctx, archive)
            # What a reused archive page depends on (cache/trace.py): its documents.
            trace.record("blog", f"archive{trace.SEP}{page.file.src_uri}", _listed(archive))
            return
        if source.layout in ("post", "distill"):
            view.extra["post"] = self.post_view(ctx, page, source)

    def noted_value(self, ctx: BuildContext, key: str) -> Any:
        """The present value of what a reused page noted of the blog (`trace.record("blog")`)."""
        kind, _, rest = key.partition(trace.SEP)
        if kind == "archive":
            archive = self.archives.get(rest)
            return _listed(archive) if archive is not None else None
        if kind == "settings":
            return self.settings.get(rest) or archive_settings(ctx.site.config, rest)
        if kind == "related-settings":
            return [self.related is not None, self.related_limit]
        return None

    def related_links(
        self, ctx: BuildContext, tags: list[str], categories: list[str], url: str, setting: Any
    ) -> list[RelatedPost]:
        """A post's related posts (al-folio's `related_blog_posts`), as the layout links them."""
        trace.record("blog", "related-settings", [self.related is not None, self.related_limit])
        if self.related is None or setting is False or not as_bool(setting, default=True):
            return []
        return [
            RelatedPost(*_document_link(ctx, post))
            for post in self.related.related(
                tags, categories, exclude_url=url, limit=self.related_limit
            )
        ]

    def archive_view(self, ctx: BuildContext, archive: Archive) -> ArchiveView:
        rows = [
            ArchiveRow(short_date(document.date), *_document_link(ctx, document))
            for document in archive.documents
        ]
        return ArchiveView(
            kind=archive.kind,
            title=archive.title,
            description=archive.description,
            rows=rows,
        )

    def post_view(self, ctx: BuildContext, page: Page, source: SourcePage) -> PostView:
        site = ctx.site
        document = ctx.documents.get(page.file.src_uri)
        meta = source.meta
        if document is not None:
            date, tags, categories = document.date, document.tags, document.categories
            url, title, body = document.url, document.title, document.body
        else:
            date = parse_date(meta.get("date"))
            tags = split_list(meta.get("tags"))
            categories = split_list(meta.get("categories"))
            url, title, body = ctx.site_path(page.url), source.title, source.front.body
        collection = document.collection if document is not None else "posts"
        name = "books" if collection == "books" else "posts"
        settings = self.settings.get(name) or archive_settings(site.config, "posts")
        trace.record("blog", f"settings{trace.SEP}{name}", settings)
        header = post_header(
            meta,
            url=url,
            date=date,
            tags=tags,
            categories=categories,
            body=body,
            settings=settings,
        )
        chips = [
            ChipView(kind=c.kind, label=c.label, href=ctx.site_href(c.href) if c.href else "")
            for c in header.chips
        ]
        cite = None
        if as_bool(meta.get("citation")):
            absolute = site.config.url + site.config.baseurl + url
            cite = citation(title=title, date=date, url=absolute, site=site.config)
        related = self.related_links(ctx, tags, categories, url, meta.get("related_posts"))
        return PostView(
            date_label=header.date_label,
            author=header.author,
            meta=header.meta,
            last_updated_label=header.last_updated_label,
            reading_time=header.reading_time,
            chips=chips,
            citation=cite,
            related=related,
        )

    # -- feed ------------------------------------------------------------------------------

    def page_content(self, ctx: BuildContext, page: Page, source: SourcePage, html: str) -> str:
        if page.file.src_uri in self.feed_sources:
            self.post_html[page.file.src_uri] = html
        return html

    after_render = True  # the feed is written after every page: reused posts need their HTML

    def export_page(self, ctx: BuildContext, src_uri: str) -> Any:
        return self.post_html.get(src_uri)

    def import_page(self, ctx: BuildContext, src_uri: str, kept: Any) -> None:
        if kept is not None:
            self.post_html[src_uri] = kept

    def post_build(self, ctx: BuildContext) -> None:
        self.current = None
        site = ctx.site
        if not site.collections.get("posts"):
            return
        base = site.config.url + site.config.baseurl
        entries = []
        for key, document in self.feed_sources.items():
            url = document.redirect if document.is_external else base + document.url
            updated = parse_date(
                document.meta.get("last_updated") or document.meta.get("last_modified_at")
            )
            entries.append(
                FeedEntry(
                    title=document.title or document.slug,
                    url=url or "",
                    date=document.date,
                    updated=updated,
                    html=self.post_html.get(key, ""),
                    summary=document.description,
                    author=as_text(document.meta.get("author"))
                    if not isinstance(document.meta.get("author"), dict)
                    else "",
                    categories=document.categories + document.tags,
                )
            )
        newest = max((d.date for d in self.feed_sources.values() if d.date), default=None)
        xml = atom_feed(
            title=site.config.title,
            subtitle=site.config.description,
            site_url=(base or "") + "/",
            feed_url=(base or "") + "/feed.xml",
            author=site.config.owner.full_name,
            entries=entries,
            updated=newest or datetime.now(timezone.utc),
        )
        target = Path(ctx.config.site_dir) / "feed.xml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(xml, encoding="utf-8")


def feed_store(ctx: BuildContext) -> FeedStore:
    """How this build reads `external_sources` feeds: the plugin's `offline` (else the
    environment's MKDOCS_FOLIO_OFFLINE) and `feed_timeout`, copies in `<cache_dir>/feeds/`."""
    offline = ctx.options.offline
    if offline is None:
        offline = os.environ.get("MKDOCS_FOLIO_OFFLINE", "").strip().lower() in ("1", "true", "yes")
    folder = ctx.cache_folder / "feeds" if ctx.cache_folder is not None else None
    return FeedStore(folder, offline=offline, timeout=float(ctx.options.feed_timeout))


class Paginator(dict):
    """jekyll-paginate-v2's `paginator`, fingerprinted by the documents it lists (`Document.
    fingerprint`), not by their Liquid values, which are made anew for every build."""

    documents: list[Document]

    def __fingerprint__(self) -> Any:
        numbers = {key: value for key, value in self.items() if key != "posts"}
        return [numbers, [document.fingerprint() for document in self.documents]]


def _listed(archive: Archive) -> list[Any]:
    """What an archive page shows of its documents (its rows are made from these)."""
    head = [archive.kind, archive.title, archive.description]
    return [head, [(d.title, d.slug, d.url, d.redirect, d.date) for d in archive.documents]]


def _document_link(ctx: BuildContext, document: Document) -> tuple[str, str, bool]:
    """Title, href and external flag of a link to a post: its `redirect` when it has one."""
    target = document.redirect or document.url
    return document.title or document.slug, ctx.site_href(target), "://" in target


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


__all__ = ["BlogFeature", "Chip"]
