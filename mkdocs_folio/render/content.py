"""MkDocs' own pages (`_pages/`: the about page, publications, the CV) kept whole.

MkDocs renders these pages itself, through every plugin's page events. Their HTML hooks are
reused already (`page_html` in `render/pages.py`), but their Liquid ran on every build: the
publications page's `{% bibliography %}` reads and lists the whole bib file, and the page's
Markdown is converted again. When folio's handlers are the only ones of `on_page_markdown`
and `on_page_content` (other plugins get these events as before otherwise), a page whose
inputs and traced reads are unchanged is taken back whole: `on_page_markdown` hands MkDocs
an empty text and `on_page_content` gives back the kept HTML, with the table of contents,
the title, the anchors and the links to other pages' anchors MkDocs' own rendering would
have given (so `validation.anchors` still checks them). MkDocs' conversion of the empty text
in between is skipped (the page's `render` does nothing): other plugins see every event.

The trace runs from `on_page_markdown` to the end of `on_page_content` (MkDocs' Markdown
conversion in between reads other pages' addresses: the trace notes every file's address).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from mkdocs_folio.adapter.logs import LogCapture
from mkdocs_folio.cache import trace
from mkdocs_folio.cache.trace import Trace
from mkdocs_folio.render.pages import _key, _replay, toc_data, toc_from

if TYPE_CHECKING:
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from mkdocs_folio.render.host import PageHost
    from mkdocs_folio.site.pages import SourcePage

__all__ = ["WholePages"]

STAGE = "content"


def _skip_render(page: Page, config: Any, files: Any) -> None:
    """`Page.render` of a page taken back whole: its HTML comes at `on_page_content`."""
    page.content = ""


class WholePages:
    """The MkDocs pages of one build: taken back whole, or recorded while they render."""

    def __init__(self) -> None:
        self.kept: dict[str, dict[str, Any]] = {}
        self._open: dict[str, tuple[str, Trace, LogCapture]] = {}
        self.enabled = False

    def start_build(self, plugin: PageHost, events: Any, enabled: bool) -> None:
        """Whole pages only when folio alone handles the page events it would skip."""
        self.kept = {}
        self._close_all()
        self.enabled = enabled and all(
            getattr(handler, "__self__", None) is plugin
            for name in ("page_markdown", "page_content")
            for handler in events.get(name, [])
        )

    def take_back(
        self, plugin: PageHost, page: Page, source: SourcePage, variables: dict[str, Any]
    ) -> bool:
        """At `on_page_markdown` (with `page.meta` set): True when the page is taken back
        whole (its Markdown is then empty); else its recording starts."""
        if not self.enabled:
            return False
        ctx = plugin.ctx
        assert ctx is not None and ctx.resolver is not None
        src_uri = page.file.src_uri
        key = _key(STAGE, plugin.build_digest, src_uri, page.file.url, source, page.meta, variables)
        if key is None:
            return False
        # Shared: decoded once per `mkdocs serve` session (a long page's HTML is megabytes of
        # JSON); only `page.meta` is handed out to be changed, so it is copied.
        kept = plugin.store.get(STAGE, key, shared=True)
        if kept is not None and ctx.resolver.still_valid(kept["deps"]):
            page.meta = copy.deepcopy(kept["meta"])
            for feature in plugin.features:
                feature.import_page(ctx, src_uri, kept["features"].get(feature.name))
            _replay(plugin, kept)
            self.kept[src_uri] = kept
            # MkDocs would build a Markdown converter with every extension only to convert
            # the empty text (about 7 ms a page): this page's `render` skips that, and
            # `content` fills what it would have filled.
            page.render = _skip_render.__get__(page)  # type: ignore[method-assign]
            return True
        work = Trace()
        logs = LogCapture()
        trace.begin(work)
        logs.start()
        self._open[src_uri] = (key, work, logs)
        return False

    @contextmanager
    def reporting(self) -> Iterator[None]:
        """Folio printing the build's warnings while a page records: those messages are the
        warnings themselves (kept as problems), not messages of the page's work."""
        captures = [logs for _, _, logs in self._open.values()]
        for logs in captures:
            logs.stop()
        try:
            yield
        finally:
            for logs in captures:
                logs.start()

    def content(self, page: Page, files: Files) -> str | None:
        """At `on_page_content`: the kept HTML of a page taken back (and the fields MkDocs'
        rendering fills), or None."""
        kept = self.kept.pop(page.file.src_uri, None)
        if kept is None:
            return None
        page.__dict__.pop("render", None)
        page.toc = toc_from(kept["toc"])
        page._title_from_render = kept["title"]
        page.present_anchor_ids = set(kept["anchors"])
        page.links_to_anchors = _links_from(kept["links"], files)
        return kept["html"]

    def finish(self, plugin: PageHost, page: Page, html: str, files: Files) -> None:
        """At the end of `on_page_content`: keep what the page's recording saw."""
        opened = self._open.pop(page.file.src_uri, None)
        if opened is None:
            return
        key, work, logs = opened
        trace.depend("files", "all")  # MkDocs' links and anchors read other files' places
        trace.end(work)
        records = logs.stop()
        ctx = plugin.ctx
        if ctx is None or not work.reusable:
            return
        features = {
            feature.name: feature.export_page(ctx, page.file.src_uri) for feature in plugin.features
        }
        plugin.store.put(
            STAGE,
            key,
            {
                "deps": dict(work.deps),
                "problems": list(work.problems),
                "effects": list(work.effects),
                "logs": records,
                "meta": copy.deepcopy(page.meta),
                "html": html,
                "toc": toc_data(page.toc),
                "title": page._title_from_render,
                "anchors": sorted(page.present_anchor_ids or ()),
                "links": _links_data(page.links_to_anchors),
                "features": copy.deepcopy(features),
            },
            later=True,
        )

    def abandon(self) -> None:
        """A build that failed: no recording may stay open."""
        self.kept = {}
        self._close_all()

    def _close_all(self) -> None:
        for _, work, logs in self._open.values():
            trace.end(work)
            logs.stop()
        self._open = {}


def _links_data(links: dict[Any, dict[str, str]] | None) -> list[Any] | None:
    if links is None:
        return None
    return [[file.src_uri, dict(anchors)] for file, anchors in links.items()]


def _links_from(data: list[Any] | None, files: Files) -> dict[Any, dict[str, str]] | None:
    if data is None:
        return None
    found = {}
    for src_uri, anchors in data:
        # The trace holds every file's place: a file linked to when the page was kept is
        # there now.
        file = files.get_file_from_path(src_uri)
        if file is not None:
            found[file] = dict(anchors)
    return found
