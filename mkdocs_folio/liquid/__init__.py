"""Liquid for page bodies: Jekyll's semantics on python-liquid, with al-folio's tags.

`LiquidRenderer` renders a body (before Markdown); tags, includes and filters of other
features are declared through `registry`; `Stash` keeps finished HTML away from Markdown.
Nothing here imports MkDocs.
"""

from mkdocs_folio.liquid.environment import LiquidRenderer, RenderResult, TemplateCache
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
