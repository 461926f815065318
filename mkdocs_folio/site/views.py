"""Precomputed values for the templates: the navbar, the about page's listings.

Templates only present. Everything that needs a decision (which pages are in the navbar, in
what order, which news rows, how a date is written) is decided here, once, in Python.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from mkdocs_folio.site.about import Listing
from mkdocs_folio.site.collections import Document, newest_first
from mkdocs_folio.site.dates import short_date
from mkdocs_folio.site.pages import NavChild, SourcePage


@dataclass
class NavItem:
    title: str
    href: str
    children: list[NavChild] = field(default_factory=list)

    @property
    def child_hrefs(self) -> list[str]:
        return [child.href for child in self.children if not child.divider and not child.external]


@dataclass
class Navbar:
    home_href: str
    items: list[NavItem]

    def marked(self, href: str) -> str:
        """`href` when the navbar marks it as the current page (an item or a dropdown
        entry), else "": pages the navbar does not list all draw the same navbar."""
        for item in self.items:
            if item.href == href or href in item.child_hrefs:
                return href
        return ""


def permalink_href(permalink: str) -> str:
    """A site permalink as a root-relative href for MkDocs' `url` filter: `/a/b/` -> `a/b/`."""
    return permalink.strip().lstrip("/")


def build_navbar(pages: Iterable[SourcePage], href_of: Callable[[SourcePage], str]) -> Navbar:
    """al-folio's navbar: the home page first, then `nav: true` pages by `nav_order`.

    Pages without `nav_order` come after the numbered ones, in file order; the home page is
    never listed twice even when it also says `nav: true`.
    """
    pages = list(pages)
    by_permalink = {p.permalink: p for p in pages if p.permalink}
    home = next((p for p in pages if p.is_home), None)
    items: list[NavItem] = []
    if home is not None:
        items.append(NavItem(title=home.title or "about", href=href_of(home)))
    listed = [p for p in pages if p.nav and p is not home]
    listed.sort(key=lambda p: (p.nav_order is None, p.nav_order or 0))
    for page in listed:
        if page.dropdown:
            children = []
            for child in page.children:
                if child.divider or child.external:
                    children.append(child)
                    continue
                target = by_permalink.get(child.href) or by_permalink.get(
                    child.href.rstrip("/") + "/"
                )
                href = href_of(target) if target is not None else permalink_href(child.href)
                children.append(NavChild(title=child.title, href=href))
            items.append(NavItem(title=page.title, href=href_of(page), children=children))
        else:
            items.append(NavItem(title=page.title or page.src_uri, href=href_of(page)))
    return Navbar(home_href=href_of(home) if home is not None else "", items=items)


@dataclass
class ListingRow:
    date_label: str
    title: str = ""
    href: str = ""
    external: bool = False
    inline_html: str = ""


@dataclass
class ListingView:
    rows: list[ListingRow]
    scroll: bool


def strip_paragraphs(html: str) -> str:
    """Inline news is shown without its `<p>` wrappers, as al-folio does."""
    return html.replace("<p>", "").replace("</p>", "").strip()


def build_listing(
    documents: list[Document],
    listing: Listing,
    *,
    render_inline: Callable[[Document], str] | None = None,
) -> ListingView:
    """Rows for the about page's news or latest-posts table, newest first, `limit` applied."""
    ordered = newest_first(documents)
    if listing.limit is not None:
        ordered = ordered[: listing.limit]
    rows: list[ListingRow] = []
    for document in ordered:
        if document.inline and render_inline is not None:
            rows.append(
                ListingRow(
                    date_label=short_date(document.date), inline_html=render_inline(document)
                )
            )
            continue
        href = document.redirect or permalink_href(document.url)
        rows.append(
            ListingRow(
                date_label=short_date(document.date),
                title=document.title or document.slug,
                href=href,
                external="://" in href,
            )
        )
    return ListingView(rows=rows, scroll=listing.scrollable and len(rows) > 3)
