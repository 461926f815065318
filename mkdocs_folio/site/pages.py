"""al-folio pages: layout, permalink and the navbar keys, read from front matter.

A `SourcePage` is what the core knows about one content file before any engine touches it.
The adapter turns it into an MkDocs page: it places the output at the permalink, picks the
template from the layout and renders the body.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs_folio.problems import Problems
from mkdocs_folio.site.config import as_bool, as_text
from mkdocs_folio.site.frontmatter import FrontMatter
from mkdocs_folio.site.yamlfile import LineDict

KNOWN_LAYOUTS = (
    "about",
    "archive",
    "bib",
    "book-review",
    "book-shelf",
    "course",
    "cv",
    "default",
    "distill",
    "none",
    "page",
    "post",
    "profiles",
)


@dataclass
class NavChild:
    """One entry of a navbar dropdown; `divider` entries draw a rule."""

    title: str
    href: str = ""
    external: bool = False
    divider: bool = False


@dataclass
class SourcePage:
    """One content file, as the core reads it."""

    src_uri: str
    abs_path: Path
    front: FrontMatter
    layout: str
    title: str
    permalink: str | None
    description: str
    nav: bool
    nav_order: float | None
    dropdown: bool
    children: list[NavChild] = field(default_factory=list)
    published: bool = True
    redirect: str | None = None
    collection: str | None = None
    """The collection of a document page (`posts`, `news`...); None for a page of `_pages/`."""
    generated: bool = False
    """A page made by the build (blog pagination, archives), not written by the user."""

    @property
    def meta(self) -> LineDict:
        return self.front.meta

    @property
    def is_home(self) -> bool:
        return self.permalink == "/"


def permalink_to_dest(permalink: str, use_directory_urls: bool = True) -> str:
    """Where a Jekyll permalink lands in the output folder.

    `/` -> `index.html`, `/publications/` -> `publications/index.html`, `/404.html` stays,
    `/cv` (no slash, no extension) -> `cv/index.html` or `cv.html`, as Jekyll would serve it.
    """
    path = permalink.strip().lstrip("/")
    if not path:
        return "index.html"
    if path.endswith("/"):
        return path + "index.html"
    last = path.rsplit("/", 1)[-1]
    if "." in last:
        return path
    return f"{path}/index.html" if use_directory_urls else f"{path}.html"


def dest_to_url(dest_uri: str, use_directory_urls: bool = True) -> str:
    """MkDocs' page URL for a destination path (root-relative, no leading slash)."""
    if use_directory_urls and dest_uri.endswith("index.html"):
        return dest_uri[: -len("index.html")]
    return dest_uri


def read_redirect(value: Any) -> str | None:
    """`redirect:` of a page or document: `true` means the home page, text is the target."""
    if value is True:
        return "/"
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def read_source_page(
    src_uri: str, abs_path: Path, front: FrontMatter, problems: Problems, *, default_layout: str
) -> SourcePage:
    """Translate front matter into a `SourcePage`, reporting wrong types with their line."""
    meta = front.meta
    where = str(abs_path)

    layout = as_text(meta.get("layout")) or default_layout
    if layout not in KNOWN_LAYOUTS:
        problems.add(
            f"unknown layout '{layout}'",
            where,
            meta.lines.get("layout"),
            f"use one of {', '.join(KNOWN_LAYOUTS)}; the page is built with layout 'page'",
        )
        layout = "page"

    permalink = meta.get("permalink")
    if permalink is not None and not isinstance(permalink, str):
        problems.add(
            "'permalink' must be a path such as /publications/",
            where,
            meta.lines.get("permalink"),
            "the page keeps its default address",
        )
        permalink = None
    if isinstance(permalink, str):
        permalink = permalink.strip() or None
        if permalink and not permalink.startswith("/"):
            permalink = "/" + permalink

    nav_order = meta.get("nav_order")
    if nav_order is not None and not isinstance(nav_order, (int, float)):
        try:
            nav_order = float(str(nav_order))
        except ValueError:
            problems.add(
                f"'nav_order' must be a number, found {nav_order!r}",
                where,
                meta.lines.get("nav_order"),
                "the page is placed last in the navbar",
            )
            nav_order = None

    dropdown = as_bool(meta.get("dropdown"))
    children = _read_children(meta, where, problems) if dropdown else []

    title = as_text(meta.get("title"))
    return SourcePage(
        src_uri=src_uri,
        abs_path=abs_path,
        front=front,
        layout=layout,
        title=title,
        permalink=permalink,
        description=as_text(meta.get("description")),
        nav=as_bool(meta.get("nav")),
        nav_order=nav_order,
        dropdown=dropdown,
        children=children,
        published=as_bool(meta.get("published"), default=True),
        redirect=read_redirect(meta.get("redirect")),
    )


def _read_children(meta: LineDict, where: str, problems: Problems) -> list[NavChild]:
    raw: Any = meta.get("children")
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.add(
            "'children' must be a list of {title, permalink} entries",
            where,
            meta.lines.get("children"),
            "the dropdown is shown empty",
        )
        return []
    children: list[NavChild] = []
    for item in raw:
        if not isinstance(item, dict):
            problems.add(
                f"a dropdown child must be a mapping with title and permalink, found {item!r}",
                where,
                meta.lines.get("children"),
            )
            continue
        line = item.line if isinstance(item, LineDict) else meta.lines.get("children")
        raw_title, raw_link = item.get("title"), item.get("permalink")
        if isinstance(raw_title, (dict, list)) or isinstance(raw_link, (dict, list)):
            problems.add(
                "a dropdown child's title and permalink must be text",
                where,
                line,
                "write it like `- {title: blog, permalink: /blog/}`; the entry is left out",
            )
            continue
        title = as_text(raw_title)
        if title.lower() == "divider":
            children.append(NavChild(title="", divider=True))
            continue
        link = as_text(raw_link)
        if not link:
            problems.add(
                f"dropdown child '{title}' has no permalink",
                where,
                line,
                "add `permalink: /its/address/`; the entry is left out",
            )
            continue
        if not title:
            problems.add(
                f"dropdown child '{link}' has no title",
                where,
                line,
                "add `title:`; the entry is shown with its address as the label",
            )
            title = link
        children.append(NavChild(title=title, href=link, external="://" in link))
    return children
