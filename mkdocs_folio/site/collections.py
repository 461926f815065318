"""Jekyll collections (`_news`, `_posts`, `_projects`, `_teachings`, `_books`...) as `Document`s.

Collections are read once per build, before navigation, straight from the files: MkDocs only
fills `page.meta` after `on_nav`, while the about page's news table, the blog index, the
navbar and the Liquid `site.posts` need dates and titles of every document before any page
is rendered.

Jekyll's rules are kept because users rely on them to switch things off:

- names starting with `_ . # ~` (and editor backups `x~`) are skipped, so `_news/_archive/`
  and `_news/_long_announcement_example.md` stay out;
- `published: false` drops a document;
- documents dated in the future are hidden unless `future: true` in `_config.yml`;
- `_drafts/` are posts only when the caller asks for them (Jekyll's `--drafts`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from mkdocs_folio.problems import Problems
from mkdocs_folio.site.config import SiteConfig, as_bool, as_text
from mkdocs_folio.site.dates import parse_date
from mkdocs_folio.site.frontmatter import FrontMatter, read_front_matter
from mkdocs_folio.site.jekyll_rules import is_skipped, is_special_name, site_relative
from mkdocs_folio.site.pages import read_redirect
from mkdocs_folio.site.permalinks import document_values, expand_permalink
from mkdocs_folio.site.yamlfile import LineDict

POST_NAME = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$")
CONTENT_SUFFIXES = (".md", ".markdown", ".html")
DEFAULT_POST_PERMALINK = "/:categories/:year/:month/:day/:title:output_ext"

# al-folio's collections and the layout each one uses when a document names none.
STOCK_COLLECTIONS: dict[str, str] = {
    "posts": "post",
    "news": "post",
    "projects": "page",
    "teachings": "course",
    "books": "book-review",
}

FrontMatterReader = Callable[[Path, Problems], FrontMatter]


@dataclass
class Document:
    """One file of a collection, with the values listings and pages need."""

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
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    draft: bool = False
    external_source: str = ""
    """The `name` of an `external_sources` entry: the post lives elsewhere (no page here)."""
    liquid_title: str = ""
    """The title as Liquid's `post.title` gives it, when that differs from `title` (a fetched
    feed's title, escaped: al-folio's Liquid prints it as it is; templates escape `title`)."""

    @property
    def meta(self) -> LineDict:
        return self.front.meta

    @property
    def body(self) -> str:
        return self.front.body

    @property
    def is_external(self) -> bool:
        return bool(self.external_source)

    def fingerprint(self) -> list[Any]:
        """What `liquid()` is made from, cheaply: the parsed file (its own fingerprint is
        kept with the parse) and the values read from it and its path."""
        return [
            self.collection,
            str(self.abs_path),
            self.rel_path,
            self.front.fingerprint(),
            self.slug,
            self.date,
            self.title,
            self.url,
            self.layout,
            self.description,
            self.inline,
            self.redirect,
            self.tags,
            self.categories,
            self.draft,
            self.external_source,
            self.liquid_title,
        ]

    def liquid(self) -> dict[str, Any]:
        """The document as Jekyll's Liquid sees it (`site.posts`, `site.projects`...).

        Tags and categories are always lists, as Jekyll normalises them; `content` is the
        body as written (enough for `number_of_words`); `url` is a site path without the
        baseurl, which `relative_url` adds.
        """
        values: dict[str, Any] = dict(self.meta)
        values.update(
            url=self.url,
            id=self.url,
            date=self.date,
            title=self.liquid_title or self.title,
            slug=self.slug,
            path=str(self.abs_path),
            relative_path=self.rel_path,
            collection=self.collection,
            tags=list(self.tags),
            categories=list(self.categories),
            content=self.body,
            draft=self.draft,
            layout=self.layout,
        )
        if self.redirect:
            values["redirect"] = self.redirect
        if self.external_source:
            values["external_source"] = self.external_source
        return values


@dataclass(frozen=True)
class CollectionSpec:
    """One collection: its folder, whether its documents become pages, and its defaults."""

    name: str
    folder: Path
    output: bool
    permalink: str
    default_layout: str
    defaults: dict[str, Any] = field(default_factory=dict)
    sort_by: str = ""


def split_list(value: Any) -> list[str]:
    """Tags and categories: a space-separated string or a list, as al-folio allows both."""
    if value is None or value is False:
        return []
    if isinstance(value, str):
        return value.split()
    if isinstance(value, (list, tuple)):
        return [str(item).strip() for item in value if item is not None and str(item).strip()]
    return [str(value)]


def _declared(site: SiteConfig) -> dict[str, dict[str, Any]]:
    """`collections:` of `_config.yml`: a map of settings, or a bare list of names."""
    raw = site.raw.get("collections")
    if isinstance(raw, dict):
        return {str(k): (v if isinstance(v, dict) else {}) for k, v in raw.items()}
    if isinstance(raw, list):
        return {str(name): {} for name in raw if name}
    return {}


def _output_ext(site: SiteConfig) -> str:
    site_permalink = as_text(site.raw.get("permalink"))
    return "/" if site_permalink.endswith("/") or site_permalink == "pretty" else ".html"


def collection_permalink(site: SiteConfig, name: str) -> str:
    """The permalink template of a collection, as Jekyll derives it."""
    site_permalink = as_text(site.raw.get("permalink"))
    if name == "posts":
        if site_permalink == "pretty":
            return "/:categories/:year/:month/:day/:title/"
        return site_permalink or DEFAULT_POST_PERMALINK
    settings = _declared(site).get(name, {})
    if as_text(settings.get("permalink")):
        return as_text(settings.get("permalink"))
    return "/:collection/:path:output_ext"


def collection_specs(site: SiteConfig, collections_dir: Path) -> list[CollectionSpec]:
    """Every collection to read: posts, al-folio's stock ones, and any declared in `_config.yml`.

    A declared collection follows its own `output:` (Jekyll's default is false); al-folio's
    stock folders that the config does not declare are built anyway (a site written fresh for
    MkDocs has no `_config.yml`). `collections.<name>.defaults` (al-folio writes
    `defaults: {layout: post}` for news) is honoured as a low-priority default.
    """
    declared = _declared(site)
    names = list(STOCK_COLLECTIONS) + [n for n in declared if n not in STOCK_COLLECTIONS]
    specs: list[CollectionSpec] = []
    for name in names:
        settings = declared.get(name)
        if name == "posts" or settings is None:
            output = True
        else:
            output = as_bool(settings.get("output"), default=False)
        defaults = settings.get("defaults") if settings else None
        defaults = dict(defaults) if isinstance(defaults, dict) else {}
        specs.append(
            CollectionSpec(
                name=name,
                folder=collections_dir / f"_{name}",
                output=output,
                permalink=collection_permalink(site, name),
                default_layout=as_text(defaults.get("layout"))
                or STOCK_COLLECTIONS.get(name, "page"),
                defaults=defaults,
                sort_by=as_text((settings or {}).get("sort_by")),
            )
        )
    return specs


# --- Jekyll's front-matter defaults ------------------------------------------------------------


def _scope_matches(scope: Any, rel_path: str, collection: str) -> int | None:
    """How specific a `defaults:` scope is for this document (None when it does not apply)."""
    if not isinstance(scope, dict):
        return None
    kind = as_text(scope.get("type"))
    if (
        kind
        and kind not in (collection, "documents")
        and not (collection == "posts" and kind == "post")
    ):
        return None
    path = as_text(scope.get("path")).strip("/")
    if path:
        if "*" in path:
            import fnmatch

            if not fnmatch.fnmatchcase(rel_path, path) and not fnmatch.fnmatchcase(
                rel_path, path + "/*"
            ):
                return None
        elif rel_path != path and not rel_path.startswith(path + "/"):
            return None
    return len(path.split("/")) if path else 0


def front_matter_defaults(
    site: SiteConfig, rel_path: str, collection: str, spec_defaults: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The `defaults:` values of `_config.yml` that apply to one document.

    `rel_path` is the file's path from the site root (`_posts/2024-01-01-x.md`). A more
    specific path wins; at equal specificity the later entry wins, as in Jekyll.
    """
    values: dict[str, Any] = dict(spec_defaults or {})
    raw = site.raw.get("defaults")
    if not isinstance(raw, list):
        return values
    ranked: list[tuple[int, int, dict[str, Any]]] = []
    for index, entry in enumerate(raw):
        if not isinstance(entry, dict) or not isinstance(entry.get("values"), dict):
            continue
        rank = _scope_matches(entry.get("scope", {}), rel_path, collection)
        if rank is not None:
            ranked.append((rank, index, entry["values"]))
    for _, _, entry_values in sorted(ranked, key=lambda item: (item[0], item[1])):
        values.update(entry_values)
    return values


def _with_defaults(front: FrontMatter, defaults: dict[str, Any]) -> FrontMatter:
    """A copy of `front` whose meta falls back on `defaults` (the cached parse is untouched)."""
    if not defaults:
        return front
    meta = LineDict(defaults)
    meta.update(front.meta)
    meta.lines = dict(front.meta.lines)
    meta.line = front.meta.line
    return FrontMatter(
        meta=meta,
        body=front.body,
        body_line=front.body_line,
        has_front_matter=front.has_front_matter,
        broken=front.broken,
    )


# --- Reading ------------------------------------------------------------------------------------


@dataclass
class ReadOptions:
    """How one build reads collections: the clock, drafts, future documents, the parser."""

    now: datetime | None = None
    future: bool = False
    drafts: bool = False
    read: FrontMatterReader = read_front_matter
    root: Path | None = None
    """The site root, for `defaults:` scopes (paths are written from there)."""
    memo: dict[str, Any] | None = None
    """Documents read in earlier builds, by path: one whose parsed file (the same object
    from the file cache) and settings are unchanged is not read again."""

    def clock(self) -> datetime:
        return self.now or datetime.now(timezone.utc)


def read_collection(
    spec: CollectionSpec | str,
    folder: Path | None = None,
    site: SiteConfig | None = None,
    problems: Problems | None = None,
    *,
    options: ReadOptions | None = None,
    default_layout: str | None = None,
) -> list[Document]:
    """Read every document of one collection folder, in Jekyll's order.

    Posts come newest first (Jekyll's `site.posts`); other collections by `sort_by` when the
    config sets one, else by path. `read_collection("news", folder, site, problems)` is the
    short form for a stock collection.
    """
    assert site is not None and problems is not None
    if isinstance(spec, str):
        name = spec
        spec = CollectionSpec(
            name=name,
            folder=folder or Path("_" + name),
            output=True,
            permalink=collection_permalink(site, name),
            default_layout=default_layout or STOCK_COLLECTIONS.get(name, "page"),
        )
    options = options or ReadOptions()
    documents = _read_folder(spec, spec.folder, site, problems, options, draft=False)
    if spec.name == "posts" and options.drafts:
        drafts_folder = spec.folder.parent / "_drafts"
        documents += _read_folder(spec, drafts_folder, site, problems, options, draft=True)
    if not options.future:
        now = options.clock()
        documents = [d for d in documents if d.date is None or d.date <= now]
    return sort_documents(documents, spec.name, spec.sort_by)


def sort_documents(documents: list[Document], collection: str, sort_by: str = "") -> list[Document]:
    if collection == "posts":
        return newest_first(documents)
    if sort_by:

        def key(document: Document) -> tuple[int, str]:
            value = document.meta.get(sort_by)
            return (value is None, str(value) if value is not None else "")

        return sorted(documents, key=key)
    return sorted(documents, key=lambda d: d.rel_path)


def _read_folder(
    spec: CollectionSpec,
    folder: Path,
    site: SiteConfig,
    problems: Problems,
    options: ReadOptions,
    *,
    draft: bool,
) -> list[Document]:
    if not folder.is_dir():
        return []
    template = spec.permalink
    output_ext = _output_ext(site)
    documents: list[Document] = []
    prefix = site_relative(folder, options.root) or folder.name
    for path in sorted(_walk(folder)):
        if path.suffix.lower() not in CONTENT_SUFFIXES:
            continue
        rel = path.relative_to(folder).as_posix()
        if is_skipped(rel, root_prefix=prefix, exclude=site.exclude):
            continue
        root_rel = f"{prefix}/{rel}"
        document = _read_remembered(
            spec, path, rel, root_rel, site, problems, template, output_ext, options, draft
        )
        if document is not None:
            documents.append(document)
    return documents


def _walk(folder: Path) -> Iterable[Path]:
    """Files under `folder`, not descending into folders Jekyll skips (`_archive/`)."""
    for entry in folder.iterdir():
        if is_special_name(entry.name):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif entry.is_file():
            yield entry


def _read_remembered(
    spec: CollectionSpec,
    path: Path,
    rel: str,
    root_rel: str,
    site: SiteConfig,
    problems: Problems,
    template: str,
    output_ext: str,
    options: ReadOptions,
    draft: bool,
) -> Document | None:
    """`_read_document`, or the document an earlier build read from the same parse with the
    same settings (its problems reported again)."""
    memo = options.memo
    if memo is None or draft:  # a draft's date is its file's time: read it every time
        return _read_document(
            spec, path, rel, root_rel, site, problems, template, output_ext, options, draft
        )
    front = options.read(path, problems)
    settings = (
        spec.name,
        spec.default_layout,
        repr(spec.defaults),
        repr(site.raw.get("defaults")),
        template,
        output_ext,
        rel,
        root_rel,
    )
    known = memo.get(str(path))
    if known is not None and known[0] is front and known[1] == settings:
        problems.extend(known[3])
        return known[2]
    local = Problems()
    cached = ReadOptions(
        now=options.now,
        future=options.future,
        drafts=options.drafts,
        root=options.root,
        read=lambda _path, _problems: front,
    )
    document = _read_document(
        spec, path, rel, root_rel, site, local, template, output_ext, cached, draft
    )
    memo[str(path)] = (front, settings, document, list(local))
    problems.extend(local)
    return document


def _read_document(
    spec: CollectionSpec,
    path: Path,
    rel: str,
    root_rel: str,
    site: SiteConfig,
    problems: Problems,
    template: str,
    output_ext: str,
    options: ReadOptions,
    draft: bool,
) -> Document | None:
    name = spec.name
    front = options.read(path, problems)
    defaults = front_matter_defaults(site, root_rel, name, spec.defaults)
    front = _with_defaults(front, defaults)
    meta = front.meta
    if not as_bool(meta.get("published"), default=True):
        return None
    stem = rel.rsplit(".", 1)[0]
    slug = stem.rsplit("/", 1)[-1]
    date = None
    if name == "posts" and not draft:
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
        if date is None:
            problems.add(
                f"the date in the file name '{path.name}' is not a real date",
                path,
                hint="the post is skipped",
            )
            return None
    elif name == "posts" and draft:
        match = POST_NAME.match(slug)
        if match is not None:
            slug = match.group(4)
        date = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
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
    categories = split_list(meta.get("categories") or meta.get("category"))
    tags = split_list(meta.get("tags"))
    url_slug = as_text(meta.get("slug")) or slug
    values = document_values(
        collection=name,
        path=stem,
        slug=url_slug,
        date=date,
        categories=categories if name == "posts" else [],
        output_ext=output_ext,
    )
    permalink = as_text(meta.get("permalink"))
    url = expand_permalink(permalink if permalink else template, values)
    return Document(
        collection=name,
        abs_path=path,
        rel_path=rel,
        front=front,
        slug=slug,
        date=date,
        title=as_text(meta.get("title")) or (_title_from_slug(slug) if name == "posts" else ""),
        url=url if url.startswith("/") else "/" + url,
        layout=as_text(meta.get("layout")) or spec.default_layout,
        description=as_text(meta.get("description")),
        inline=as_bool(meta.get("inline")),
        redirect=read_redirect(meta.get("redirect")),
        tags=tags,
        categories=categories,
        draft=draft,
    )


def _title_from_slug(slug: str) -> str:
    """Jekyll's title for a post without one: the slug's words, capitalised."""
    return " ".join(word.capitalize() for word in re.split(r"[-_\s]+", slug) if word)


def newest_first(documents: list[Document]) -> list[Document]:
    """Newest first; undated documents last; same date: Jekyll's path order, reversed."""
    dated = [d for d in documents if d.date is not None]
    undated = [d for d in documents if d.date is None]
    dated.sort(key=lambda d: (d.date, d.rel_path), reverse=True)  # type: ignore[arg-type, return-value]
    return dated + undated
