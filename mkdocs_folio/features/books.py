"""Books: reviews (`layout: book-review`) and the shelf (`layout: book-shelf`).

Covers are shown from local files (or URLs the user wrote); a book known only by `olid` or
`isbn` links to Open Library instead of loading its cover from there (third-party).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mkdocs_folio.adapter.views import PageView
from mkdocs_folio.cache import trace
from mkdocs_folio.features.base import BuildContext, Feature
from mkdocs_folio.site.blog import archive_settings, build_archives
from mkdocs_folio.site.books import Book, book_from, book_from_document, shelf
from mkdocs_folio.site.collections import split_list
from mkdocs_folio.site.config import as_text
from mkdocs_folio.site.dates import long_date
from mkdocs_folio.site.pages import SourcePage


@dataclass
class BookChip:
    kind: str
    label: str
    href: str = ""


@dataclass
class ShelfItem:
    book: Book
    href: str
    cover_href: str


@dataclass
class ShelfYear:
    year: str
    href: str
    items: list[ShelfItem] = field(default_factory=list)


class BooksFeature(Feature):
    name = "books"

    def __init__(self) -> None:
        self.archive_urls: set[str] = set()

    def files(self, ctx: BuildContext, files: Files) -> None:
        books = ctx.site.collections.get("books", [])
        settings = archive_settings(ctx.site.config, "books")
        self.settings = settings
        self.archive_urls = (
            {a.permalink for a in build_archives(books, settings)} if settings.enabled else set()
        )
        if ctx.resolver is not None:
            ctx.resolver.register("books", lambda _key: self.noted_value())

    def archive_href(self, ctx: BuildContext, kind: str, name: str) -> str:
        url = self.settings.href(kind, name) if name else None
        return ctx.site_href(url) if url and url in self.archive_urls else ""

    def cover_href(self, ctx: BuildContext, book: Book, source: SourcePage) -> str:
        if not book.cover:
            return ""
        if not ctx.target_exists(book.cover):
            ctx.problems.add(
                f"book cover '{book.cover.lstrip('/')}' not found",
                source.abs_path,
                source.meta.lines.get("cover"),
                f"add the file at {ctx.site.paths.root / book.cover.lstrip('/')}; "
                "the book is shown without its cover",
            )
            return ""
        return ctx.site_href(book.cover)

    def page_context(
        self, ctx: BuildContext, page: Page, source: SourcePage, view: PageView
    ) -> None:
        if source.layout == "book-review":
            # A review links its year, tag and category archives (cache/trace.py).
            trace.record("books", "archives", self.noted_value())
            self.review(ctx, page, source, view)
        elif source.layout == "book-shelf":
            trace.uncacheable("the book-shelf layout: reads every book")
            self.bookshelf(ctx, page, source, view)

    def noted_value(self) -> Any:
        return [self.settings, sorted(self.archive_urls)]

    def review(self, ctx: BuildContext, page: Page, source: SourcePage, view: PageView) -> None:
        document = ctx.documents.get(page.file.src_uri)
        meta = source.meta
        book = book_from(
            meta,
            title=source.title,
            url=ctx.site_path(page.url),
            date=document.date if document is not None else None,
        )
        chips = []
        year = book.shelf_year
        if year:
            chips.append(BookChip("year", year, self.archive_href(ctx, "year", year)))
        for tag in split_list(meta.get("tags")):
            chips.append(BookChip("tag", tag, self.archive_href(ctx, "tags", tag)))
        for category in split_list(meta.get("categories")):
            chips.append(
                BookChip("category", category, self.archive_href(ctx, "categories", category))
            )
        view.extra["book"] = {
            "book": book,
            "cover_href": self.cover_href(ctx, book, source),
            "chips": chips,
            "started": long_date(book.started),
            "finished": long_date(book.finished),
            "empty": not source.front.body.strip(),
        }

    def bookshelf(self, ctx: BuildContext, page: Page, source: SourcePage, view: PageView) -> None:
        name = as_text(source.meta.get("collection")) or "books"
        covers = as_text(source.meta.get("covers"))
        documents = ctx.site.collections.get(name, [])
        pages = {id(d): d for d in ctx.documents.values()}
        books = [book_from_document(d, covers) for d in documents]
        by_url = {d.url: d for d in documents}
        years = []
        for year, group in shelf(books):
            entry = ShelfYear(year=year, href=self.archive_href(ctx, "year", year) if year else "")
            for book in group:
                document = by_url.get(book.url)
                cover = ""
                if book.cover:
                    cover = ctx.site_href(book.cover) if ctx.target_exists(book.cover) else ""
                href = (
                    ctx.site_href(book.url)
                    if document is not None and id(document) in pages
                    else ""
                )
                entry.items.append(ShelfItem(book=book, href=href, cover_href=cover))
            years.append(entry)
        view.extra["shelf"] = years
