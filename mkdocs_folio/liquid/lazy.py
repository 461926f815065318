"""The build's Liquid renderer, made when a page first renders Liquid.

Importing python-liquid and building folio's tags and filters on it costs about 45 ms, an
eighth of a warm build's start; a build whose pages all come from the cache renders no
Liquid at all. `LazyLiquid` holds what the renderer is made from and makes it at the first
call; what the plugin and the features ask of it before (`site`, where an include is)
needs no renderer. What
making the renderer reports (an unknown `timezone:`) is reported when this is made, so that
the warning is printed by every build.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs_folio.liquid.includes import find_include, find_relative
from mkdocs_folio.site.dates import site_timezone

if TYPE_CHECKING:
    from mkdocs_folio.liquid.environment import LiquidRenderer, RenderResult

__all__ = ["LazyLiquid"]


class LazyLiquid:
    """`LiquidRenderer(site, **options)`, made at its first use."""

    def __init__(self, site: Any, **options: Any) -> None:
        self.site = site
        self._options = options
        self._timezone = site_timezone(site, options["problems"])
        self._renderer: LiquidRenderer | None = None
        # Where includes are looked for, as the renderer will have them.
        self._includes_dirs = [Path(folder) for folder in options.get("includes_dirs", ())]
        root = options.get("source_root")
        self._source_root = Path(root) if root is not None else None

    @property
    def renderer(self) -> LiquidRenderer:
        if self._renderer is None:
            self.make()
        assert self._renderer is not None
        return self._renderer

    @property
    def made(self) -> bool:
        return self._renderer is not None

    def make(self) -> None:
        """Make the renderer now, if it is not made yet (before worker processes are forked,
        so that they share it)."""
        if self._renderer is None:
            from mkdocs_folio.liquid.environment import LiquidRenderer

            self._renderer = LiquidRenderer(self.site, timezone=self._timezone, **self._options)

    def render(self, *args: Any, **kwargs: Any) -> RenderResult:
        return self.renderer.render(*args, **kwargs)

    def find_include(self, name: str) -> Path | None:
        """Where `{% include name %}` is (a reused page checks its includes with it)."""
        return find_include(self._includes_dirs, name)

    def find_relative(self, source: Path | str, name: str) -> Path | None:
        return find_relative(self._source_root, source, name)

    def close(self) -> None:
        if self._renderer is not None:
            self._renderer.close()

    def __getattr__(self, name: str) -> Any:
        # Anything else the renderer has (only asked while pages render).
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.renderer, name)
