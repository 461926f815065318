"""Jekyll collections (`_news`, `_posts`, `_projects`, ...) read into `Document`s.

Collections are read once per build, before navigation, straight from the files: MkDocs only
fills `page.meta` after `on_nav`, while the about page's news table and the navbar need dates
and titles of every document before any page is rendered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from mkdocs_folio.problems import Problems
from mkdocs_folio.site.config import SiteConfig, as_bool, as_text
from mkdocs_folio.site.dates import parse_date
from mkdocs_folio.site.frontmatter import FrontMatter, read_front_matter
from mkdocs_folio.site.jekyll_rules import is_skipped
from mkdocs_folio.site.permalinks import document_values, expand_permalink

POST_NAME = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$")
CONTENT_SUFFIXES = (".md", ".markdown", ".html")
DEFAULT_POST_PERMALINK = "/:categories/:year/:month/:day/:title:output_ext"


@dataclass
class Document:
    """One file of a collection, with the values listings need."""

    collection: str
    abs_path: Path
    rel_path: str
    front: FrontMatter
    slug: str
    date: datetime | None
    title: str
    url: str
    layout: str
    description: str = ""
    inline: bool = False
    redirect: str | None = None

    @property
    def meta(self) -> dict[str, Any]:
        return self.front.meta


def split_list(value: Any) -> list[str]:
    """Tags and categories: a space-separated string or a list, as al-folio allows both."""
    if value is None:
        return []
    if isinstance(value, str):
        return value.split()
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value if item is not None and str(item).strip()]
    return [str(value)]


def collection_permalink(site: SiteConfig, name: str) -> str:
    """The permalink template of a collection, as Jekyll derives it."""
    site_permalink = as_text(site.raw.get("permalink"))
    if name == "posts":
        return site_permalink or DEFAULT_POST_PERMALINK
    collections = site.raw.get("collections")
    if isinstance(collections, dict):
        settings = collections.get(name)
        if isinstance(settings, dict) and as_text(settings.get("permalink")):
            return as_text(settings.get("permalink"))
    return "/:collection/:path:output_ext"


def _output_ext(site: SiteConfig) -> str:
    site_permalink = as_text(site.raw.get("permalink"))
    return "/" if site_permalink.endswith("/") or site_permalink == "pretty" else ".html"


def read_collection(
    name: str,
    folder: Path,
    site: SiteConfig,
    problems: Problems,
    *,
    default_layout: str = "page",
    include_future: bool = True,
    now: datetime | None = None,
) -> list[Document]:
    """Read every document of one collection folder, in a stable (path) order."""
    if not folder.is_dir():
        return []
    template = collection_permalink(site, name)
    output_ext = _output_ext(site)
    documents: list[Document] = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in CONTENT_SUFFIXES:
            continue
        rel = path.relative_to(folder).as_posix()
        if is_skipped(rel, exclude=site.exclude):
            continue
        document = _read_document(
            name, folder, path, rel, site, problems, template, output_ext, default_layout
        )
        if document is None:
            continue
        if not include_future and now is not None and document.date and document.date > now:
            continue
        documents.append(document)
    return documents


def _read_document(
    name: str,
    folder: Path,
    path: Path,
    rel: str,
    site: SiteConfig,
    problems: Problems,
    template: str,
    output_ext: str,
    default_layout: str,
) -> Document | None:
    front = read_front_matter(path, problems)
    meta = front.meta
    if not as_bool(meta.get("published"), default=True):
        return None
    stem = rel.rsplit(".", 1)[0]
    slug = stem.rsplit("/", 1)[-1]
    date = None
    if name == "posts":
        match = POST_NAME.match(slug)
        if match is None:
            problems.add(
                "a post's file name must start with its date: YYYY-MM-DD-title.md",
                path,
                hint="the post is skipped",
            )
            return None
        slug = match.group(4)
        date = parse_date(f"{match.group(1)}-{int(match.group(2)):02d}-{int(match.group(3)):02d}")
    if meta.get("date") is not None:
        parsed = parse_date(meta.get("date"))
        if parsed is None:
            problems.add(
                f"cannot read the date {meta.get('date')!r}",
                path,
                meta.lines.get("date"),
                "write it as YYYY-MM-DD or YYYY-MM-DD HH:MM:SS-0400",
            )
        else:
            date = parsed
    permalink = as_text(meta.get("permalink"))
    if not permalink:
        values = document_values(
            collection=name,
            path=stem,
            slug=as_text(meta.get("slug")) or slug,
            date=date,
            categories=split_list(meta.get("categories")),
            output_ext=output_ext,
        )
        permalink = expand_permalink(template, values)
    redirect = meta.get("redirect")
    return Document(
        collection=name,
        abs_path=path,
        rel_path=rel,
        front=front,
        slug=slug,
        date=date,
        title=as_text(meta.get("title")),
        url=permalink if permalink.startswith("/") else "/" + permalink,
        layout=as_text(meta.get("layout")) or default_layout,
        description=as_text(meta.get("description")),
        inline=as_bool(meta.get("inline")),
        redirect=redirect.strip() if isinstance(redirect, str) and redirect.strip() else None,
    )


def newest_first(documents: list[Document]) -> list[Document]:
    """Newest first; undated documents last, ties in path order (stable)."""
    dated = [d for d in documents if d.date is not None]
    undated = [d for d in documents if d.date is None]
    dated.sort(key=lambda d: d.date, reverse=True)  # type: ignore[arg-type, return-value]
    return dated + undated
