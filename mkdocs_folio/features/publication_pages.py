"""Beyond al-folio: one page per publication, and the home page's `Person` metadata.

Opt-in with `publication_pages: true` in `_config.yml` (or the plugin's `site:` option):
every entry of the default bib file (or of the files listed under `publication_pages.files`)
gets a page at `/publications/<key>/` with the entry, its abstract and its BibTeX, plus what
Google Scholar reads to index a paper (Highwire Press `citation_*` meta tags, with absolute
URLs) and a schema.org `ScholarlyArticle` JSON-LD object. The pages stay out of the nav; the
publication lists link each title to its page.

The home page always carries a schema.org `Person` (name, URL, picture and the social profiles
as `sameAs`): it is a few hundred bytes, computed from data already read, and loads nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from mkdocs.structure.files import Files, InclusionLevel

from mkdocs_folio.adapter.files import OwnedFile
from mkdocs_folio.bib import (
    BibSettings,
    Entry,
    EntryView,
    entry_bibtex_html,
    entry_views,
    highwire_meta,
    json_for_script,
    person_jsonld,
    scholarly_jsonld,
)
from mkdocs_folio.bib.view import details_key
from mkdocs_folio.cache import trace
from mkdocs_folio.problems import Problems
from mkdocs_folio.site.config import as_bool
from mkdocs_folio.site.frontmatter import FrontMatter
from mkdocs_folio.site.pages import SourcePage
from mkdocs_folio.site.yamlfile import LineDict

if TYPE_CHECKING:
    from mkdocs_folio.adapter.views import PageView
    from mkdocs_folio.features.base import BuildContext

LAYOUT = "publication"
SRC_PREFIX = "folio-publications/"
_SLUG_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class PublicationPagesConfig:
    """`publication_pages:` in `_config.yml`: `true`, or `{enabled, files}`."""

    enabled: bool = False
    files: tuple[str, ...] = ()  # bib names (`papers`, `talks`); empty = the default file


def read_pages_config(
    raw: Mapping[str, Any], problems: Problems, path: Path | str | None
) -> PublicationPagesConfig:
    value = raw.get("publication_pages")
    lines = getattr(raw, "lines", {}) or {}
    line = lines.get("publication_pages")
    if value is None or value is False:
        return PublicationPagesConfig()
    if value is True:
        return PublicationPagesConfig(True)
    if isinstance(value, Mapping):
        enabled = value.get("enabled", True)
        files = value.get("files") or []
        if isinstance(files, str):
            files = [files]
        if not isinstance(files, list):
            problems.add(
                "publication_pages.files must be a list of bib file names",
                path,
                line,
                "e.g. `files: [papers, preprints]`; using the default file",
            )
            files = []
        names = tuple(str(f).strip().removesuffix(".bib") for f in files if str(f).strip())
        return PublicationPagesConfig(as_bool(enabled), names)
    problems.add(
        f"publication_pages must be true/false or a mapping, found {type(value).__name__}",
        path,
        line,
        "write `publication_pages: true`; per-publication pages stay off",
    )
    return PublicationPagesConfig()


def publication_slug(key: str) -> str:
    """The URL segment of a key: safe characters kept (`PhysRev.47.777`), runs of others
    (`DBLP:journals/corr/x`) become one `-`."""
    slug = _SLUG_UNSAFE.sub("-", key).strip("-.")
    return slug or "entry"


def site_origin(site_url: str, fallback: str = "") -> str:
    """`https://host` of the site: Highwire and JSON-LD need absolute URLs, and local links
    already carry the baseurl."""
    for candidate in (site_url, fallback):
        parts = urlsplit(candidate or "")
        if parts.scheme and parts.netloc:
            return f"{parts.scheme}://{parts.netloc}"
    return ""


@dataclass
class PublicationPageView:
    """`folio_page.extra["publication"]`: what `layouts/publication.html` prints."""

    entry: EntryView
    bibtex_html: str
    back_href: str
    back_label: str = "all publications"


@dataclass
class PublicationPages:
    """The generated pages of one build: src_uri -> entry, and entry -> URL for the lists."""

    config: PublicationPagesConfig = field(default_factory=PublicationPagesConfig)
    entries: dict[str, Entry] = field(default_factory=dict)
    urls: dict[str, str] = field(default_factory=dict)

    def add(
        self, ctx: BuildContext, files: Files, entries: Iterable[Entry], baseurl: str
    ) -> dict[str, str]:
        """Add one page per entry; returns `details_key(entry)` -> URL (with the baseurl)."""
        self.entries = {}
        self.urls = {}
        taken: dict[str, Entry] = {}
        for entry in entries:
            slug = publication_slug(entry.key)
            other = taken.get(slug.lower())
            if other is not None:
                if other.key.casefold() != entry.key.casefold():
                    ctx.problems.add(
                        f"per-publication page: keys `{other.key}` and `{entry.key}` give the "
                        f"same address /publications/{slug}/; `{entry.key}` gets no page",
                        entry.source,
                        entry.line,
                        "rename one of the keys",
                    )
                continue
            taken[slug.lower()] = entry
            src_uri = f"{SRC_PREFIX}{slug}.md"
            permalink = f"/publications/{slug}/"
            existing = files.get_file_from_path(src_uri)
            if existing is not None:
                files.remove(existing)
            file = OwnedFile.generated(
                ctx.config, src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV
            )
            ctx.place(file, permalink)
            files.append(file)
            meta = LineDict(layout=LAYOUT, title=entry.title or entry.key, permalink=permalink)
            description = _description(entry)
            if description:
                meta["description"] = description
            ctx.pages[src_uri] = SourcePage(
                src_uri=src_uri,
                abs_path=Path(str(entry.source)),
                front=FrontMatter(meta=meta, body="", body_line=entry.line or 1),
                layout=LAYOUT,
                title=entry.title or entry.key,
                permalink=permalink,
                description=description,
                nav=False,
                nav_order=None,
                dropdown=False,
            )
            self.entries[src_uri] = entry
            self.urls[details_key(entry)] = f"{baseurl}/{file.url}"
        return dict(self.urls)

    def page_context(
        self,
        ctx: BuildContext,
        source: SourcePage,
        view: PageView,
        settings: BibSettings,
        back_href: str,
        page_url: str | None,
    ) -> bool:
        """Fill the view of a per-publication page; False when `source` is not one."""
        entry = self.entries.get(source.src_uri)
        if entry is None:
            return False
        trace.depend("bib", "all")  # the entry, and how entries are drawn
        shown = entry_views([entry], settings)[0]  # memoised across serve rebuilds
        view.extra["publication"] = PublicationPageView(
            entry=shown,
            bibtex_html=entry_bibtex_html(entry, settings.filtered_bibtex_keywords),
            back_href=f"{back_href}#{entry.key}",
        )
        origin = site_origin(ctx.config.site_url or "", ctx.site.config.url)
        tags = [
            f'<meta name="{escape(name)}" content="{escape(value)}">'
            for name, value in highwire_meta(entry, settings, origin)
        ]
        data = scholarly_jsonld(entry, settings, origin, page_url)
        tags.append(f'<script type="application/ld+json">{json_for_script(data)}</script>')
        view.head_html += "\n".join(tags)
        return True


def _description(entry: Entry) -> str:
    """A meta description: the abstract's first ~300 characters, cut at a word."""
    text = " ".join((entry.fields.get("abstract") or "").split())
    if len(text) <= 300:
        return text
    return text[:300].rsplit(" ", 1)[0] + "…"


def person_head_html(ctx: BuildContext, view: PageView) -> str:
    """The home page's schema.org `Person` script."""
    site = ctx.site
    site_url = ctx.config.site_url or site.config.site_url
    image = ""
    about = view.about
    if about is not None and about.profile is not None and about.profile.image:
        picture = about.profile.image
        if "://" in picture:
            image = picture
        elif site_url:
            image = site_url.rstrip("/") + "/" + picture.lstrip("/")
    name = site.config.owner.full_name or site.config.title
    data = person_jsonld(
        name,
        site_url or "",
        (link.url for link in site.socials),
        image=image,
        description=ctx.config.site_description or "",
    )
    return f'<script type="application/ld+json">{json_for_script(data)}</script>'
