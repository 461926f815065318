"""Books (`_books/*.md`, layout `book-review`) and the book shelf (`layout: book-shelf`).

Covers come from a local `cover` file (or a URL the user wrote). al-folio falls back to Open
Library images by `olid` or `isbn`; those are third-party requests, so here the review links
to the book's Open Library page instead of loading its cover.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mkdocs_folio.site.collections import Document
from mkdocs_folio.site.config import as_text
from mkdocs_folio.site.dates import parse_date

STATUSES = ("abandoned", "finished", "interested", "paused", "queued", "reading", "reread")


@dataclass
class Book:
    title: str
    url: str
    author: str
    cover: str
    """A site path or URL of the cover image; empty when there is none to show."""
    open_library: str
    """The book's Open Library page (from `olid` or `isbn`), linked, never loaded."""
    status: str
    """One of STATUSES, or `uncategorized`."""
    started: datetime | None
    finished: datetime | None
    released: str
    stars: float | None
    goodreads_review: str
    buy_link: str
    date: datetime | None

    @property
    def status_caption(self) -> str:
        return self.status.upper()

    @property
    def shelf_year(self) -> str:
        when = self.started or self.date
        return str(when.year) if when else ""

    @property
    def star_icons(self) -> list[str]:
        """Five icons: `star`, `star-half-stroke` or `star-regular` (empty)."""
        if self.stars is None:
            return []
        full = int(self.stars)
        half = self.stars - full >= 0.5
        icons = ["star"] * min(full, 5)
        if half and len(icons) < 5:
            icons.append("star-half-stroke")
        return icons + ["star-regular"] * (5 - len(icons))

    @property
    def amazon(self) -> bool:
        return self.buy_link.startswith("https://www.amazon.")


def _cover_path(value: str, prefix: str = "") -> str:
    if not value:
        return ""
    if "://" in value or value.startswith("//"):
        return value
    path = (prefix.rstrip("/") + "/" + value.lstrip("/")) if prefix else value
    return path if path.startswith("/") else "/" + path


def book_from(
    meta: dict[str, Any], *, title: str, url: str, date: Any = None, covers: str = ""
) -> Book:
    status = as_text(meta.get("status")).strip().lower()
    olid = as_text(meta.get("olid"))
    isbn = as_text(meta.get("isbn")).replace("-", "")
    if olid:
        open_library = f"https://openlibrary.org/books/{olid}"
    elif isbn:
        open_library = f"https://openlibrary.org/isbn/{isbn}"
    else:
        open_library = ""
    stars = meta.get("stars")
    try:
        star_value = float(stars) if stars is not None and not isinstance(stars, bool) else None
    except (TypeError, ValueError):
        star_value = None
    return Book(
        title=title,
        url=url,
        author=as_text(meta.get("author")),
        cover=_cover_path(as_text(meta.get("cover")), covers),
        open_library=open_library,
        status=status if status in STATUSES else "uncategorized",
        started=parse_date(meta.get("started")),
        finished=parse_date(meta.get("finished")),
        released=as_text(meta.get("released")),
        stars=star_value,
        goodreads_review=as_text(meta.get("goodreads_review")),
        buy_link=as_text(meta.get("buy_link")),
        date=parse_date(date if date is not None else meta.get("date")),
    )


def book_from_document(document: Document, covers: str = "") -> Book:
    return book_from(
        document.meta, title=document.title, url=document.url, date=document.date, covers=covers
    )


def shelf(books: list[Book]) -> list[tuple[str, list[Book]]]:
    """Books grouped by the year they were started (newest year first, newest book first)."""
    groups: dict[str, list[Book]] = defaultdict(list)
    for book in books:
        groups[book.shelf_year].append(book)

    def when(book: Book) -> float:
        moment = book.started or book.date
        return moment.timestamp() if moment else 0.0

    years = sorted((y for y in groups if y), reverse=True)
    result = [(y, sorted(groups[y], key=when, reverse=True)) for y in years]
    if "" in groups:
        result.append(("", groups[""]))
    return result
