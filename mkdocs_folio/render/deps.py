"""The inputs a page's rendered body may read, and how to find their present values.

While a body renders (see `render/owned.py`), each read of another input is noted in its
trace (`cache/trace.py`); this module tells the build's `Resolver` how to get each kind of
input now, so that a trace can be checked before its work is reused. The value computed
here must be exactly what the reading code noted: both sides call the same functions.

| kind | key | value |
| --- | --- | --- |
| site, data, doc, page | object and field | a field of Liquid's `site`, `site.data`, a document, a page |
| config, config-line, config-field | key or field | `_config.yml` settings (`SiteConfig`) |
| site-view | field | a site-wide value the templates show (`SiteView`) |
| include, include-relative | name | the `_includes/` file Liquid would use, by content |
| file | path | a file read by its own path (a distill post's bib file), by content |
| site-file | site path | the file a site path names: where, size and time |
| target | address | whether an image or link target exists |
| file-url | source path | where MkDocs would link a relative Markdown link |
| missing-target | site path | whether a post's key already reported it missing |
| urls | all | every page's and document's address (`{% link %}`, `{% post_url %}`) |
| collection | name | every document of a collection, as read |
| column | collection and field | one field of every document of a collection (`where`, `sort`) |
| build | all | everything of the site (a tag that does not say what it reads) |
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import Files

from mkdocs_folio.cache import trace
from mkdocs_folio.cache.fingerprint import digest
from mkdocs_folio.cache.trace import SEP, Resolver
from mkdocs_folio.cache.tracked import (
    ALL,
    KEYS,
    MISSING,
    TrackedDict,
    TrackedList,
    column_values,
)

if TYPE_CHECKING:
    from mkdocs_folio.features.base import BuildContext
    from mkdocs_folio.site.collections import Document

__all__ = ["RecordingFiles", "TrackedSite", "register_resolvers"]

GONE = "\x00gone"
"""The value of a field of an object this build does not have (a deleted document)."""


class TrackedSite:
    """Liquid's `site` for one build, made of tracked parts, and an index of those parts."""

    def __init__(self) -> None:
        self.objects: dict[tuple[str, str], TrackedDict] = {}
        self.lists: dict[str, TrackedList] = {}

    def mapping(self, data: dict[str, Any], kind: str, key: str) -> TrackedDict:
        tracked = TrackedDict(data, kind, key)
        self.objects[(kind, key)] = tracked
        return tracked

    def documents(self, name: str, documents: list[Document]) -> TrackedList:
        ids = [str(document.abs_path) for document in documents]
        items = [
            self.mapping(doc.liquid(), "doc", id_) for doc, id_ in zip(documents, ids, strict=False)
        ]
        tracked = TrackedList(items, [f"{name}:{id_}" for id_ in ids], source=name)
        self.lists[name] = tracked
        return tracked

    def column(self, key: str) -> Any:
        """The present value of a collection's field across its documents, as
        `TrackedList.column` notes it."""
        name, _, field = key.rpartition(SEP)
        tracked = self.lists.get(name)
        if tracked is None:
            return GONE
        return [tracked.identity, column_values(tracked, field)]

    def field(self, kind: str, key: str) -> Any:
        """The present value of a tracked field, as `TrackedDict` notes it."""
        obj_key, _, name = key.rpartition(SEP)
        tracked = self.objects.get((kind, obj_key))
        if tracked is None:
            return GONE
        if name == KEYS:
            return list(dict.keys(tracked))
        if name == ALL:
            return tracked.plain()
        if dict.__contains__(tracked, name):
            return dict.__getitem__(tracked, name)
        for other in dict.keys(tracked):  # a key that is not text (`1:` in YAML)
            if str(other) == name:
                return dict.__getitem__(tracked, other)
        return MISSING


class RecordingFiles:
    """MkDocs' `Files` as the relative-link processor sees it, noting every lookup."""

    def __init__(self, files: Files) -> None:
        self._files = files

    def get_file_from_path(self, path: str) -> Any:
        trace.depend("file-url", path)
        return self._files.get_file_from_path(path)

    def __getattr__(self, name: str) -> Any:
        trace.uncacheable(f"the Markdown read Files.{name}")
        return getattr(self._files, name)


def file_url(files: Files, path: str) -> Any:
    found = files.get_file_from_path(path)
    if found is None:
        return None
    return [found.url, found.src_uri, found.inclusion.name, found.is_documentation_page()]


def site_file(ctx: BuildContext, relative: str) -> Any:
    found = ctx.site.paths.find_file(relative, Path(ctx.config.docs_dir))
    if found is None:
        return None
    try:
        stat = os.stat(found)
    except OSError:
        return [str(found), None]
    return [str(found), stat.st_size, stat.st_mtime_ns]


def include_file(path: Path | None) -> Any:
    if path is None:
        return None
    try:
        return [str(path), digest(path.read_bytes())]
    except OSError:
        return [str(path), None]


def collection_state(documents: list[Document]) -> Any:
    return [[str(d.abs_path), d.url, d.front, d.date, d.title] for d in documents]


def register_resolvers(ctx: BuildContext, site: TrackedSite, resolver: Resolver) -> None:
    """Tell the build's resolver where each kind of input lives in this build."""
    config = ctx.site.config
    for kind in ("site", "data", "doc", "page"):
        resolver.register(kind, lambda key, kind=kind: site.field(kind, key))
    resolver.register("column", site.column)
    raw = object.__getattribute__(config, "raw")
    resolver.register("config", lambda key: raw.get(key))
    resolver.register("config-line", lambda key: raw.lines.get(key))
    resolver.register("config-field", lambda name: getattr(config, name))
    resolver.register(
        "site-view", lambda name: getattr(ctx.site_view, name) if ctx.site_view else None
    )

    def include(name: str) -> Any:
        return include_file(ctx.liquid.find_include(name) if ctx.liquid else None)

    def include_relative(key: str) -> Any:
        source, _, name = key.rpartition(SEP)
        return include_file(ctx.liquid.find_relative(source, name) if ctx.liquid else None)

    resolver.register(
        "file", lambda path: include_file(Path(path) if Path(path).is_file() else None)
    )
    resolver.register("include", include)
    resolver.register("include-relative", include_relative)
    resolver.register("site-file", lambda relative: site_file(ctx, relative))
    resolver.register("target", lambda target: ctx.target_exists(target))
    resolver.register(
        "file-url", lambda path: file_url(ctx.files, path) if ctx.files is not None else None
    )
    resolver.register("missing-target", lambda relative: relative in ctx.missing_targets)

    def urls(_key: str) -> Any:
        pages = sorted((src, ctx.page_url(source)) for src, source in ctx.pages.items())
        documents = [
            (str(d.abs_path), d.url) for docs in ctx.site.collections.values() for d in docs
        ]
        return [pages, documents]

    resolver.register("urls", urls)
    resolver.register(
        "collection", lambda name: collection_state(ctx.site.collections.get(name, []))
    )

    def everything(_key: str) -> Any:
        files = [(f.src_uri, f.dest_uri) for f in ctx.files] if ctx.files is not None else []
        collections = {
            name: collection_state(documents) for name, documents in ctx.site.collections.items()
        }
        return [raw, ctx.site.data, collections, files, resolver.fingerprint_of(f"bib{SEP}all")]

    resolver.register("build", everything)
    resolver.register("assets", lambda name: ctx.assets.get(name))
