"""What the rendering needs of the MkDocs plugin that drives it.

`render/` renders pages through the features' hooks; the plugin (`plugin.py`) owns the
build's state and the order of MkDocs' events. The rendering sees the plugin only through
this protocol, so the two do not import each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

    from mkdocs_folio.adapter.markdown import PageMarkdown
    from mkdocs_folio.adapter.templates import Fragments
    from mkdocs_folio.cache.store import CacheStore
    from mkdocs_folio.features.base import BuildContext, Feature
    from mkdocs_folio.render.outputs import OutputKeeper
    from mkdocs_folio.site.pages import SourcePage

__all__ = ["PageHost"]


class PageHost(Protocol):
    """The plugin, as the rendering uses it."""

    ctx: BuildContext | None
    store: CacheStore
    features: list[Feature]
    outputs: OutputKeeper
    build_digest: str
    page_markdown: PageMarkdown | None
    stashes: dict[str, Any]
    fragments: Fragments

    @property
    def workers(self) -> int: ...

    def meta_for(self, source: SourcePage) -> dict[str, Any]: ...

    def liquid_variables(self, page: Page, source: SourcePage) -> dict[str, Any]: ...

    def liquid_extras(self, page: Page, source: SourcePage) -> dict[str, Any]: ...

    def page_markdown_of(
        self, page: Page, source: SourcePage, variables: dict[str, Any]
    ) -> str: ...

    def page_html_of(self, page: Page, source: SourcePage, html: str) -> str: ...

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any] | None: ...

    def template_digest(self, env: Any, nav: Navigation) -> str: ...
