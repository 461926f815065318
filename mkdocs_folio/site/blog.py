"""The blog: post headers, archives, pagination, related posts, citations, external posts.

Everything here is decided in Python once per build, from `Document`s; templates only print
the results. URLs are Jekyll site paths (`/blog/2024/`, no baseurl): the adapter turns them
into links.

al-folio's rules, kept as users know them:

- a post header reads "Created on March 15, 2015 by ..."; year, tag and category chips link to
  the archives only when the post lives under `/blog/`;
- reading time is words / 180 + 1 minutes;
- archives (jekyll-archives, v1 and v2 config shapes) live at `/blog/:year/`,
  `/blog/tag/:name/` and `/blog/category/:name/` with slugified names;
- pagination (jekyll-paginate-v2) puts page 1 at the page's own URL and page N at
  `<url>page/N/`, with `per_page`, `sort_reverse` and an optional `trail`;
- `external_sources` become posts that link out: `posts:` lists as written, `rss_url` feeds
  as fetched (`site/feeds.py`: a short timeout, the last good copy when the feed is down).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs_folio.cache import trace
from mkdocs_folio.problems import Problems
from mkdocs_folio.site.collections import Document, newest_first, split_list
from mkdocs_folio.site.config import SiteConfig, as_bool, as_text
from mkdocs_folio.site.dates import long_date, parse_date, strftime
from mkdocs_folio.site.feeds import FeedRead, escape_text, plain_text, safe_url
from mkdocs_folio.site.frontmatter import FrontMatter
from mkdocs_folio.site.permalinks import slugify
from mkdocs_folio.site.yamlfile import LineDict

WORDS_PER_MINUTE = 180


def reading_time(text: str) -> int:
    """al-folio's estimate: `number_of_words / 180 + 1` (integer division)."""
    return len(text.split()) // WORDS_PER_MINUTE + 1


# --- Archives -----------------------------------------------------------------------------------

ARCHIVE_KINDS = ("year", "tags", "categories")
_KIND_ALIASES = {
    "tag": "tags",
    "tags": "tags",
    "category": "categories",
    "categories": "categories",
    "year": "year",
    "years": "year",
}
TYPE_WORD = {"year": "year", "tags": "tag", "categories": "category"}


@dataclass(frozen=True)
class ArchiveSettings:
    """Which archives one collection gets, and at which permalink templates."""

    collection: str
    enabled: tuple[str, ...]
    permalinks: dict[str, str]

    def permalink(self, kind: str, name: str) -> str:
        template = self.permalinks[kind]
        value = name if kind == "year" else slugify(name)
        url = (
            template.replace(":collection", self.collection)
            .replace(":type", TYPE_WORD[kind])
            .replace(":year", name if kind == "year" else "")
            .replace(":name", value)
        )
        url = re.sub(r"/{2,}", "/", url)
        return url if url.startswith("/") else "/" + url

    def href(self, kind: str, name: str) -> str | None:
        """The archive's site path, or None when that archive is not generated."""
        if kind not in self.enabled:
            return None
        return self.permalink(kind, name)


def _base(collection: str) -> str:
    return "blog" if collection == "posts" else collection


def default_archive_permalinks(collection: str) -> dict[str, str]:
    base = _base(collection)
    return {
        "year": f"/{base}/:year/",
        "tags": f"/{base}/:type/:name/",
        "categories": f"/{base}/:type/:name/",
    }


def archive_settings(
    site: SiteConfig, collection: str, problems: Problems | None = None
) -> ArchiveSettings:
    """jekyll-archives settings in either shape.

    v2 (al-folio since 2025): `jekyll-archives: {posts: {enabled: [...], permalinks: {...}}}`;
    v1: `jekyll-archives: {enabled: [...], permalinks: {year, tag, category}}` (posts only).
    A site without the key gets al-folio's archives for posts and books, because the blog
    page and the post headers link to them.
    """
    raw = site.raw.get("jekyll-archives")
    defaults = default_archive_permalinks(collection)
    if not isinstance(raw, dict):
        enabled = ARCHIVE_KINDS if collection in ("posts", "books") else ()
        return ArchiveSettings(collection, tuple(enabled), defaults)
    section: Any = raw.get(collection)
    if section is None and collection == "posts" and "enabled" in raw:
        section = raw  # the v1 shape describes posts
    if not isinstance(section, dict):
        return ArchiveSettings(collection, (), defaults)
    enabled_raw = section.get("enabled")
    if enabled_raw == "all" or enabled_raw is True:
        enabled: tuple[str, ...] = ARCHIVE_KINDS
    else:
        names = split_list(enabled_raw) if not isinstance(enabled_raw, list) else enabled_raw
        enabled = tuple(
            dict.fromkeys(_KIND_ALIASES[str(n)] for n in names if str(n) in _KIND_ALIASES)
        )
    permalinks = dict(defaults)
    given = section.get("permalinks")
    if isinstance(given, dict):
        for key, value in given.items():
            kind = _KIND_ALIASES.get(str(key))
            if kind and as_text(value):
                permalinks[kind] = as_text(value)
    return ArchiveSettings(collection, enabled, permalinks)


@dataclass
class Archive:
    """One generated archive page (jekyll-archives' `archive` layout)."""

    kind: str  # year | tags | categories
    name: str  # 2024, the tag or the category as written
    collection: str
    permalink: str
    documents: list[Document]

    @property
    def title(self) -> str:
        return self.name

    @property
    def description(self) -> str:
        noun = "posts" if self.collection == "posts" else self.collection
        return {
            "year": f"an archive of {noun} from this year",
            "tags": f"an archive of {noun} with this tag",
            "categories": f"an archive of {noun} in this category",
        }[self.kind]


def build_archives(documents: Iterable[Document], settings: ArchiveSettings) -> list[Archive]:
    """Every archive page of one collection; documents newest first in each."""
    groups: dict[tuple[str, str], list[Document]] = defaultdict(list)
    display: dict[tuple[str, str], str] = {}
    for document in documents:
        if "year" in settings.enabled and document.date is not None:
            groups[("year", str(document.date.year))].append(document)
        for kind, names in (("tags", document.tags), ("categories", document.categories)):
            if kind not in settings.enabled:
                continue
            for name in dict.fromkeys(names):
                key = (kind, slugify(name))
                if not key[1]:
                    continue
                groups[key].append(document)
                display.setdefault(key, name)
    archives = []
    for (kind, key), docs in groups.items():
        name = display.get((kind, key), key)
        archives.append(
            Archive(
                kind=kind,
                name=name,
                collection=settings.collection,
                permalink=settings.permalink(kind, name),
                documents=newest_first(docs),
            )
        )
    archives.sort(key=lambda a: (ARCHIVE_KINDS.index(a.kind), a.permalink))
    return archives


# --- Post header ---------------------------------------------------------------------------------


@dataclass
class Chip:
    """A year, tag or category in a post's header or a listing; `href` is None when the
    archive does not exist (al-folio then prints the chip without a link)."""

    kind: str  # year | tag | category
    label: str
    href: str | None = None


@dataclass
class Citation:
    """al-folio's "please cite this as" block."""

    text: str
    bibtex: str


@dataclass
class RelatedPost:
    title: str
    url: str
    external: bool = False


@dataclass
class PostHeader:
    """What the `post` layout shows around the body."""

    date_label: str = ""
    author: str = ""
    meta: str = ""
    last_updated_label: str = ""
    reading_time: int = 1
    chips: list[Chip] = field(default_factory=list)


def post_chips(
    *,
    url: str,
    date: datetime | None,
    tags: list[str],
    categories: list[str],
    settings: ArchiveSettings,
) -> list[Chip]:
    """Year, tag and category chips; linked only for posts under `/blog/` (al-folio's rule)."""
    linked = url.startswith("/blog/")
    chips: list[Chip] = []
    if date is not None:
        year = str(date.year)
        chips.append(Chip("year", year, settings.href("year", year) if linked else None))
    for tag in tags:
        chips.append(Chip("tag", tag, settings.href("tags", tag) if linked else None))
    for category in categories:
        chips.append(
            Chip("category", category, settings.href("categories", category) if linked else None)
        )
    return chips


def post_header(
    meta: dict[str, Any],
    *,
    url: str,
    date: datetime | None,
    tags: list[str],
    categories: list[str],
    body: str,
    settings: ArchiveSettings,
) -> PostHeader:
    updated = meta.get("last_updated") or meta.get("last_modified_at")
    if isinstance(updated, bool):
        updated = None  # `last_updated: true` names no date
    updated_date = parse_date(updated) if updated else None
    return PostHeader(
        date_label=long_date(date),
        author=as_text(meta.get("author")) if not isinstance(meta.get("author"), dict) else "",
        meta=as_text(meta.get("meta")),
        last_updated_label=long_date(updated_date)
        if updated_date
        else (as_text(updated) if updated else ""),
        reading_time=reading_time(body),
        chips=post_chips(url=url, date=date, tags=tags, categories=categories, settings=settings),
    )


# --- Citation -----------------------------------------------------------------------------------


def citation(*, title: str, date: datetime | None, url: str, site: SiteConfig) -> Citation:
    """al-folio's citation block: `Last, First Middle (Mon YYYY). Title. Site. URL.` and a
    BibTeX `@article` keyed lastname + year + slugified title."""
    owner = site.owner
    first = " ".join(part for part in (owner.first, owner.middle) if part)
    name = f"{owner.last}, {first}".strip(", ") if owner.last else first
    month_year = strftime(date, "%b %Y") if date else ""
    year = strftime(date, "%Y") if date else ""
    month = strftime(date, "%b") if date else ""
    site_title = "" if site.title_is_name else site.title
    parts = [f"{name} ({month_year})." if month_year else f"{name}.", f"{title}."]
    if site_title:
        parts.append(f"{site_title}.")
    parts.append(f"{url}.")
    key = f"{owner.last.lower()}{year}{slugify(title)}"
    lines = [
        f"@article{{{key},",
        f"  title   = {{{title}}},",
        f"  author  = {{{name}}},",
    ]
    if site_title:
        lines.append(f"  journal = {{{site_title}}},")
    lines += [
        f"  year    = {{{year}}},",
        f"  month   = {{{month}}},",
        f"  url     = {{{url}}}",
        "}",
    ]
    return Citation(text=" ".join(parts), bibtex="\n".join(lines))


# --- Related posts -------------------------------------------------------------------------------


class RelatedIndex:
    """Posts by tag and category, so related posts cost a lookup, not a scan of every post.

    Posts are numbered in the order given (newest first), so "newest first among equals" is
    "smallest number first".
    """

    def __init__(self, posts: list[Document]) -> None:
        self.posts = posts
        self.by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.position: dict[str, int] = {}
        self._rankings: dict[tuple[frozenset[tuple[str, str]], int], list[int]] = {}
        for index, post in enumerate(posts):
            self.position.setdefault(post.url, index)
            for tag in set(post.tags):
                self.by_key[("t", tag)].append(index)
            for category in set(post.categories):
                self.by_key[("c", category)].append(index)

    def related(
        self, tags: list[str], categories: list[str], *, exclude_url: str, limit: int
    ) -> list[Document]:
        """Posts sharing the most tags and categories first, newest first among equals."""
        if limit <= 0:
            return []
        keys = frozenset([("t", t) for t in tags] + [("c", c) for c in categories])
        own = self.position.get(exclude_url)
        # The ranking depends only on the tags and categories, which many posts share: it is
        # computed once per combination, with one spare place for the post itself.
        ranking = self.ranking(keys, limit)
        if trace.is_recording():
            # A reused post depends on the ranking of its tags, not on every post.
            trace.record("related", ranking_key(keys, limit), self.described(ranking))
        chosen = [index for index in ranking if index != own][:limit]
        return [self.posts[index] for index in chosen if self.posts[index].url != exclude_url]

    def ranking(self, keys: frozenset[tuple[str, str]], limit: int) -> list[int]:
        """The posts most related to these tags and categories: `limit` and a spare one."""
        ranking = self._rankings.get((keys, limit))
        if ranking is None:
            ranking = self._rankings[(keys, limit)] = self._ranking(keys, limit + 1)
        return ranking

    def described(self, ranking: list[int]) -> list[tuple[str, str, str, str | None]]:
        """A ranking as what a post shows of it: title, slug, URL and redirect of each."""
        return [
            (self.posts[i].title, self.posts[i].slug, self.posts[i].url, self.posts[i].redirect)
            for i in ranking
        ]

    def noted(self, key: str) -> list[tuple[str, str, str, str | None]]:
        """The present value of a ranking a reused post noted (`ranking_key`)."""
        items, limit = json.loads(key)
        keys = frozenset((kind, name) for kind, name in items)
        return self.described(self.ranking(keys, limit))

    def _ranking(self, keys: frozenset[tuple[str, str]], limit: int) -> list[int]:
        """The first `limit` posts by shared keys (most first), then by position."""
        scores: Counter[int] = Counter()
        for key in keys:
            scores.update(self.by_key.get(key, ()))
        by_score: dict[int, list[int]] = defaultdict(list)
        for index, score in scores.items():
            by_score[score].append(index)
        chosen: list[int] = []
        for score in sorted(by_score, reverse=True):
            chosen += sorted(by_score[score])[: limit - len(chosen)]
            if len(chosen) >= limit:
                break
        return chosen


def ranking_key(keys: frozenset[tuple[str, str]], limit: int) -> str:
    return json.dumps([sorted(keys), limit])


def related_settings(site: SiteConfig) -> tuple[bool, int]:
    raw = site.raw.get("related_blog_posts")
    if not isinstance(raw, dict):
        return False, 0
    limit = raw.get("max_related")
    try:
        count = int(limit) if limit is not None else 5
    except (TypeError, ValueError):
        count = 5
    return as_bool(raw.get("enabled")), max(count, 0)


# --- Pagination ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PaginationSettings:
    """jekyll-paginate-v2 settings of one page (site-level values as defaults)."""

    collection: str = "posts"
    per_page: int = 10
    permalink: str = "/page/:num/"
    sort_field: str = "date"
    sort_reverse: bool = False
    trail_before: int | None = None
    trail_after: int | None = None
    title: str = ":title - page :num"
    category: str = ""
    tag: str = ""


def pagination_settings(
    page_meta: dict[str, Any], site: SiteConfig, where: str | Path, problems: Problems
) -> PaginationSettings | None:
    """The page's pagination, or None when it does not paginate.

    A page paginates when its front matter says `pagination: {enabled: true}` and the site
    does not switch pagination off (`pagination: {enabled: false}` in `_config.yml`).
    """
    page_raw = page_meta.get("pagination")
    if not isinstance(page_raw, dict) or not as_bool(page_raw.get("enabled")):
        return None
    site_raw = site.raw.get("pagination")
    site_raw = site_raw if isinstance(site_raw, dict) else {}
    if "enabled" in site_raw and not as_bool(site_raw.get("enabled")):
        return None
    merged: dict[str, Any] = {**site_raw, **page_raw}

    def number(key: str, default: int | None) -> int | None:
        value = merged.get(key)
        if value is None or value == "":
            return default
        try:
            return int(value)
        except (TypeError, ValueError):
            lines = page_raw.lines if isinstance(page_raw, LineDict) else {}
            problems.add(
                f"pagination '{key}' must be a number, found {value!r}",
                where,
                lines.get(key),
                f"{default} is used",
            )
            return default

    trail = merged.get("trail")
    trail = trail if isinstance(trail, dict) else {}
    before = trail.get("before")
    after = trail.get("after")
    per_page = number("per_page", 10) or 10
    return PaginationSettings(
        collection=as_text(merged.get("collection")) or "posts",
        per_page=max(per_page, 1),
        permalink=as_text(merged.get("permalink")) or "/page/:num/",
        sort_field=as_text(merged.get("sort_field")) or "date",
        sort_reverse=as_bool(merged.get("sort_reverse")),
        trail_before=int(before) if isinstance(before, int) else None,
        trail_after=int(after) if isinstance(after, int) else None,
        title=as_text(merged.get("title")) or ":title - page :num",
        category=as_text(merged.get("category")),
        tag=as_text(merged.get("tag")),
    )


@dataclass
class PaginatorPage:
    """One page of a paginated listing: its number, its URL and its documents."""

    number: int
    url: str
    documents: list[Document]


@dataclass
class Pagination:
    pages: list[PaginatorPage]
    total_documents: int
    settings: PaginationSettings
    title: str

    @property
    def total_pages(self) -> int:
        return len(self.pages)

    def page_url(self, number: int) -> str:
        return self.pages[number - 1].url

    def paginator(self, number: int) -> dict[str, Any]:
        """jekyll-paginate-v2's `paginator` object for page `number` (1-based).

        Paths are site paths (no baseurl), as `relative_url` expects them.
        """
        total = self.total_pages
        current = self.pages[number - 1]
        previous = number - 1 if number > 1 else None
        following = number + 1 if number < total else None
        values: dict[str, Any] = {
            "page": number,
            "per_page": self.settings.per_page,
            "posts": current.documents,
            "total_posts": self.total_documents,
            "total_pages": total,
            "previous_page": previous,
            "previous_page_path": self.page_url(previous) if previous else None,
            "next_page": following,
            "next_page_path": self.page_url(following) if following else None,
            "page_path": current.url,
            "first_page": 1,
            "first_page_path": self.page_url(1),
            "last_page": total,
            "last_page_path": self.page_url(total),
            "page_trail": None,
        }
        before, after = self.settings.trail_before, self.settings.trail_after
        if before is not None or after is not None:
            start = max(1, number - (before or 0))
            end = min(total, number + (after or 0))
            values["page_trail"] = [
                {
                    "num": n,
                    "path": self.page_url(n),
                    "title": self._title(n),
                }
                for n in range(start, end + 1)
            ]
        return values

    def _title(self, number: int) -> str:
        if number == 1:
            return self.title
        return self.settings.title.replace(":title", self.title).replace(":num", str(number))


def paginate(
    documents: list[Document], settings: PaginationSettings, base_url: str, title: str
) -> Pagination:
    """Split `documents` into pages: page 1 at `base_url`, page N at `base_url` + the
    permalink template (`/page/:num/` -> `/blog/page/2/`)."""
    selected = [
        d
        for d in documents
        if (not settings.category or settings.category in d.categories)
        and (not settings.tag or settings.tag in d.tags)
    ]
    selected = sort_for_pagination(selected, settings)
    per_page = settings.per_page
    count = max(1, math.ceil(len(selected) / per_page))
    base = base_url if base_url.endswith("/") else base_url.rsplit("/", 1)[0] + "/"
    pages = []
    for number in range(1, count + 1):
        if number == 1:
            url = base_url
        else:
            suffix = settings.permalink.replace(":num", str(number)).lstrip("/")
            url = base + suffix
            if "." not in url.rsplit("/", 1)[-1] and not url.endswith("/"):
                url += "/"
        chunk = selected[(number - 1) * per_page : number * per_page]
        pages.append(PaginatorPage(number=number, url=url, documents=chunk))
    return Pagination(pages=pages, total_documents=len(selected), settings=settings, title=title)


def sort_for_pagination(documents: list[Document], settings: PaginationSettings) -> list[Document]:
    field_name = settings.sort_field
    if field_name == "date":
        ordered = sorted(
            documents,
            key=lambda d: (d.date is None, d.date.timestamp() if d.date else 0.0, d.rel_path),
        )
    else:

        def key(document: Document) -> tuple[bool, str]:
            value = document.meta.get(field_name)
            return (value is None, str(value) if value is not None else "")

        ordered = sorted(documents, key=key)
    if settings.sort_reverse:
        ordered.reverse()
    return ordered


# --- External posts -----------------------------------------------------------------------------


def title_from_url(url: str) -> str:
    """A readable title for an external post that has none: the last part of its path."""
    path = urlsplit(url).path.rstrip("/")
    if not path:
        return urlsplit(url).netloc or url
    last = re.sub(r"\.[a-z0-9]{1,5}$", "", path.rsplit("/", 1)[-1], flags=re.I)
    words = re.split(r"[-_+]+", last)
    text = " ".join(w for w in words if w)
    return text[:1].upper() + text[1:] if text else url


def external_posts(
    site: SiteConfig,
    problems: Problems,
    *,
    config_path: Path | None = None,
    feeds: Callable[[str], FeedRead] | None = None,
) -> list[Document]:
    """Posts listed under `external_sources` that link out to the original.

    `posts: [{url, published_date, title?}]` entries become posts as they are written; an
    `rss_url` source becomes one post per entry of the feed that `feeds` reads (al-folio's
    `external-posts` plugin: title, link, date, summary as `description`, content as
    `feed_content`), with the feed's text escaped. Without `feeds`, an `rss_url` source is
    skipped with one warning.
    """
    raw = site.raw.get("external_sources")
    if not isinstance(raw, list):
        return []
    where = config_path or site.path or "_config.yml"
    line_of = site.raw.lines.get("external_sources") if isinstance(site.raw, LineDict) else None
    documents: list[Document] = []
    skipped: list[str] = []
    taken: set[str] = set()

    def place(name: str, title: str, index: int) -> tuple[str, Path]:
        # al-folio's document path, `_posts/<slug>.md`: each external post has its own, which
        # is also how a reused page's reads of it are told apart (render/deps.py).
        slug = slugify(title) or f"{slugify(name) or 'external'}-{index}"
        unique, n = slug, 1
        while unique in taken:
            n += 1
            unique = f"{slug}-{n}"
        taken.add(unique)
        return unique, Path(where).parent / "_posts" / f"{unique}.md"

    for source in raw:
        if not isinstance(source, dict):
            continue
        name = as_text(source.get("name")) or "external"
        categories = split_list(source.get("categories"))
        tags = split_list(source.get("tags"))
        source_line = source.line if isinstance(source, LineDict) else line_of
        rss_url = as_text(source.get("rss_url"))
        if rss_url and not isinstance(source.get("posts"), list):
            if feeds is None:
                skipped.append(name)
                continue
            documents += _feed_posts(
                name, rss_url, feeds(rss_url), categories, tags, place, problems, where, source_line
            )
            continue
        posts = source.get("posts")
        if not isinstance(posts, list):
            continue
        for index, item in enumerate(posts):
            if not isinstance(item, dict) or not as_text(item.get("url")):
                continue
            url = as_text(item.get("url"))
            date = parse_date(item.get("published_date") or item.get("date"))
            line = item.line if isinstance(item, LineDict) else line_of
            if date is None:
                problems.add(
                    f"external post {url} has no readable published_date",
                    where,
                    line,
                    "add `published_date: YYYY-MM-DD`; the post is listed without a date",
                )
            title = as_text(item.get("title")) or title_from_url(url)
            documents.append(
                _external_post(
                    name,
                    place(name, title, index),
                    title=title,
                    url=url,
                    date=date,
                    description=as_text(item.get("description")),
                    body=as_text(item.get("content")),
                    categories=categories,
                    tags=tags,
                )
            )
    if skipped:
        problems.add(
            "external_sources: "
            + ", ".join(repr(s) for s in skipped)
            + " "
            + ("is an RSS feed" if len(skipped) == 1 else "are RSS feeds")
            + ", which this build does not fetch",
            where,
            line_of,
            "list the posts you want under `posts:` with `url` and `published_date` instead",
        )
    return documents


def _external_post(
    name: str,
    placed: tuple[str, Path],
    *,
    title: str,
    url: str,
    date: Any,
    description: str,
    body: str,
    categories: list[str],
    tags: list[str],
    liquid_title: str = "",
    feed_content: str | None = None,
) -> Document:
    """One post of an external source: its front matter as al-folio's plugin writes it, and
    a document that redirects to `url`. `liquid_title`: the title as Liquid prints it, when
    that differs (a fetched title is escaped text)."""
    slug, path = placed
    meta = LineDict(
        {
            "title": liquid_title or title,
            "redirect": url,
            "external_source": name,
            "description": description,
            **({"feed_content": feed_content} if feed_content is not None else {}),
            "categories": categories,
            "tags": tags,
            "layout": "post",
        }
    )
    return Document(
        collection="posts",
        abs_path=path,
        rel_path=f"external/{slugify(name)}/{slug}",
        front=FrontMatter(meta=meta, body=body),
        slug=slug,
        date=date,
        title=title,
        liquid_title=liquid_title,
        url=url,
        layout="post",
        description=description,
        redirect=url,
        tags=tags,
        categories=categories,
        external_source=name,
    )


def _feed_posts(
    name: str,
    url: str,
    read: FeedRead,
    categories: list[str],
    tags: list[str],
    place: Callable[[str, str, int], tuple[str, Path]],
    problems: Problems,
    where: Path | str,
    line: int | None,
) -> list[Document]:
    """The posts of one fetched feed; one warning when the feed could not be fetched."""
    documents: list[Document] = []
    for index, item in enumerate(read.items):
        link = safe_url(item.url)
        if not link:
            continue  # an entry without an http(s) link has nowhere to point
        plain_title = plain_text(item.title) or title_from_url(link)
        summary = escape_text(plain_text(item.summary))
        content = escape_text(plain_text(item.content or item.summary))
        documents.append(
            _external_post(
                name,
                place(name, plain_title, index),
                title=plain_title,
                liquid_title=escape_text(plain_title),
                url=link,
                date=item.published,
                description=summary,
                body=content,
                categories=categories,
                tags=tags,
                feed_content=content,
            )
        )
    if read.error:
        if read.saved_at:
            outcome = (
                f"the blog lists the {len(documents)} posts of the copy fetched {read.saved_at}"
            )
        else:
            outcome = "no posts from it in this build"
        problems.add(
            f"external_sources: the feed of {name!r} ({url}) could not be read: {read.error}; "
            + outcome,
            where,
            line,
            "the build goes on; the next build tries again"
            if "offline" not in read.error
            else "build once with the network (no `offline: true`, no MKDOCS_FOLIO_OFFLINE) "
            "to save a copy",
        )
    return documents


# --- Atom feed ----------------------------------------------------------------------------------


def _xml(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _iso(value: datetime | None) -> str:
    return value.isoformat() if value is not None else ""


@dataclass
class FeedEntry:
    title: str
    url: str
    date: datetime | None
    updated: datetime | None
    html: str
    summary: str
    author: str
    categories: list[str]


def atom_feed(
    *,
    title: str,
    subtitle: str,
    site_url: str,
    feed_url: str,
    author: str,
    entries: list[FeedEntry],
    updated: datetime,
) -> str:
    """jekyll-feed's `/feed.xml`: an Atom feed of the newest posts, content included."""
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        '<generator uri="https://github.com/">mkdocs-folio</generator>',
        f'<link href="{_xml(feed_url)}" rel="self" type="application/atom+xml"/>',
        f'<link href="{_xml(site_url)}" rel="alternate" type="text/html"/>',
        f"<updated>{_iso(updated)}</updated>",
        f"<id>{_xml(feed_url)}</id>",
        f'<title type="html">{_xml(title)}</title>',
    ]
    if subtitle:
        out.append(f"<subtitle>{_xml(subtitle)}</subtitle>")
    if author:
        out.append(f"<author><name>{_xml(author)}</name></author>")
    for entry in entries:
        out.append("<entry>")
        out.append(f'<title type="html">{_xml(entry.title)}</title>')
        out.append(
            f'<link href="{_xml(entry.url)}" rel="alternate" type="text/html" '
            f'title="{_xml(entry.title)}"/>'
        )
        if entry.date is not None:
            out.append(f"<published>{_iso(entry.date)}</published>")
        out.append(f"<updated>{_iso(entry.updated or entry.date or updated)}</updated>")
        out.append(f"<id>{_xml(entry.url)}</id>")
        if entry.html:
            out.append(
                f'<content type="html" xml:base="{_xml(entry.url)}">{_xml(entry.html)}</content>'
            )
        if entry.author:
            out.append(f"<author><name>{_xml(entry.author)}</name></author>")
        for category in entry.categories:
            out.append(f'<category term="{_xml(category)}"/>')
        if entry.summary:
            out.append(f'<summary type="html">{_xml(entry.summary)}</summary>')
        out.append("</entry>")
    out.append("</feed>")
    return "\n".join(out) + "\n"


def feed_limit(site: SiteConfig) -> int:
    raw = site.raw.get("feed")
    if isinstance(raw, dict) and raw.get("posts_limit") is not None:
        try:
            return max(int(raw.get("posts_limit")), 0)
        except (TypeError, ValueError):
            return 10
    return 10
