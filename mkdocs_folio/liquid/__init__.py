"""Liquid for page bodies: Jekyll's semantics on python-liquid, with al-folio's tags.

`LiquidRenderer` renders a body (before Markdown); tags, includes and filters of other
features are declared through `registry`; `Stash` keeps finished HTML away from Markdown.
Nothing here imports MkDocs. python-liquid itself is imported with `environment` (asking
for `LiquidRenderer` does), not with this package: see `lazy.py`.
"""

from typing import TYPE_CHECKING, Any

from mkdocs_folio.liquid.registry import (
    Registry,
    TagContext,
    default_registry,
    reads,
    register_filter,
    register_include,
    register_tag,
)
from mkdocs_folio.liquid.stash import Stash, find_tokens

if TYPE_CHECKING:
    from mkdocs_folio.liquid.environment import LiquidRenderer, RenderResult, TemplateCache

_FROM_ENVIRONMENT = ("LiquidRenderer", "RenderResult", "TemplateCache")


def __getattr__(name: str) -> Any:
    if name in _FROM_ENVIRONMENT:
        from mkdocs_folio.liquid import environment

        return getattr(environment, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "LiquidRenderer",
    "Registry",
    "RenderResult",
    "Stash",
    "TagContext",
    "TemplateCache",
    "default_registry",
    "find_tokens",
    "reads",
    "register_filter",
    "register_include",
    "register_tag",
]
