"""One place where al-folio's Liquid tags, includes and filters are declared.

Jekyll sites use tags and includes that come from plugins and themes (`{% bibliography %}`,
`{% cite %}`, `{% include figure.liquid %}`, `{% details %}`...). Each feature of mkdocs-folio
implements its own as a small Python handler and registers it here; the Liquid renderer turns
every registration into a real Liquid tag when it is created.

    from mkdocs_folio.liquid.registry import register_include, register_tag

    @register_tag("twitter")
    def twitter(args: str, ctx: TagContext) -> str: ...

    @register_tag("details", block=True)           # {% details x %}...{% enddetails %}
    def details(args: str, ctx: TagContext) -> str:
        return f"<details><summary>{args}</summary>{ctx.content}</details>"

    @register_include("figure")                    # figure.liquid and figure.html
    def figure(params: dict[str, Any], ctx: TagContext) -> str: ...

Handlers return the text that replaces the tag in the page body, before Markdown. Block HTML
that Markdown must not touch goes through `ctx.stash.put(html)`, which returns a placeholder.
A handler that raises does not break the page: the renderer records a problem naming the file
and line of the tag, and the tag outputs nothing.

Register before creating a `LiquidRenderer`: each renderer takes a snapshot of its registry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from mkdocs_folio.cache import trace

if TYPE_CHECKING:
    from mkdocs_folio.liquid.stash import Stash
    from mkdocs_folio.problems import Problems

__all__ = [
    "FilterFunction",
    "IncludeHandler",
    "IncludeSpec",
    "Registry",
    "TagContext",
    "TagHandler",
    "TagSpec",
    "default_registry",
    "include_key",
    "reads",
    "register_filter",
    "register_include",
    "register_tag",
]


class TagContext(Protocol):
    """What a handler sees while one tag of one page renders.

    `args` is the tag's raw argument string, exactly as written (`-f papers -q @*[year={{y}}]*`).
    `evaluate` and `render` work in the scope of the tag: inside a `{% for y in ... %}` loop,
    `ctx.render("-q @*[year={{y}}]*")` gives `-q @*[year=2024]*`.
    """

    name: str
    """The tag name (`bibliography`) or, for includes, the include name (`figure.liquid`)."""
    args: str
    """The raw argument string of the tag."""
    params: dict[str, Any]
    """Include parameters (`key=value`), evaluated; empty for tags."""
    source: Path | str
    """The file that contains the tag: the page, or an `_includes/` file."""
    line: int
    """1-based line of the tag in `source`."""
    page: Mapping[str, Any]
    site: Mapping[str, Any]
    problems: Problems
    stash: Stash

    @property
    def content(self) -> str | None:
        """Block tags: the inner content, rendered as Liquid (on first use). None otherwise."""

    @property
    def raw_content(self) -> str | None:
        """Block tags: the inner content as written in the file. None otherwise."""

    def evaluate(self, expression: str, default: Any = None) -> Any:
        """Value of a Liquid expression (`page.years | first`) in the tag's scope.

        Returns `default` and records a problem when the expression is not valid Liquid.
        """

    def render(self, snippet: str) -> str:
        """Render a Liquid snippet (`-q @*[year={{y}}]*`) in the tag's scope; text without
        Liquid markup comes back unchanged at no cost, so handlers call it on any argument."""

    def markdownify(self, text: str) -> str:
        """Markdown to HTML with the site's Markdown setup (the `markdownify` filter)."""

    def problem(self, message: str, hint: str = "") -> None:
        """Record a problem at the file and line of this tag."""


TagHandler = Callable[[str, TagContext], str]
"""`handler(args, ctx) -> html`: `args` is the raw argument string of the tag."""

IncludeHandler = Callable[[dict[str, Any], TagContext], str]
"""`handler(params, ctx) -> html`: `params` are the include's `key=value` pairs, evaluated."""

FilterFunction = Callable[..., Any]


@dataclass(frozen=True)
class TagSpec:
    """A registered tag. Block tags end with `end` (by default `end<name>`)."""

    name: str
    handler: TagHandler
    block: bool = False
    end: str | None = None

    @property
    def end_name(self) -> str:
        return self.end or f"end{self.name}"


@dataclass(frozen=True)
class IncludeSpec:
    """A registered include, matched whatever extension the page writes."""

    name: str
    handler: IncludeHandler


def reads(*inputs: tuple[str, str]) -> Callable[[Any], Any]:
    """Declare what a tag or include handler reads besides its arguments and the page.

    A page's rendered body is reused while its inputs stay the same (see `cache/trace.py`).
    A handler without this declaration is taken to read the whole site, so its pages are
    rendered again after any edit. `@reads()` says the handler reads nothing else, or notes
    its own inputs as it reads them; `@reads(("bib", "all"))` names inputs for it.
    """

    def declare(handler: Any) -> Any:
        if not inputs:
            try:
                handler.folio_traced = True
                return handler
            except AttributeError:  # a bound method: wrap it
                pass

        def traced(first: Any, ctx: Any) -> Any:
            for kind, key in inputs:
                trace.depend(kind, key)
            return handler(first, ctx)

        traced.folio_traced = True  # type: ignore[attr-defined]
        traced.__wrapped__ = handler  # type: ignore[attr-defined]
        return traced

    return declare


def include_key(name: str) -> str:
    """`figure.liquid`, `figure.html` and `figure` all name the include `figure`."""
    name = name.strip().lstrip("/")
    for suffix in (".liquid", ".html", ".htm"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


@dataclass
class Registry:
    """Tags, includes and filters that renderers built from this registry will know."""

    tags: dict[str, TagSpec] = field(default_factory=dict)
    includes: dict[str, IncludeSpec] = field(default_factory=dict)
    filters: dict[str, FilterFunction] = field(default_factory=dict)

    def register_tag(
        self,
        name: str,
        handler: TagHandler | None = None,
        *,
        block: bool = False,
        end: str | None = None,
    ) -> Any:
        """Register a tag; usable directly or as a decorator (`@registry.register_tag("x")`).

        A later registration of the same name replaces the earlier one, so a site or a test
        can override a stock tag.
        """
        if not name or not name.replace("_", "a").isalnum():
            raise ValueError(f"invalid Liquid tag name {name!r}")

        def add(function: TagHandler) -> TagHandler:
            self.tags[name] = TagSpec(name, function, block, end)
            return function

        return add(handler) if handler is not None else add

    def register_include(self, name: str, handler: IncludeHandler | None = None) -> Any:
        """Register an include by name (`figure`, `repository/repo_user`); decorator or call.

        `{% include figure.liquid %}`, `{% include figure.html %}` and `{% include figure %}`
        all reach the handler; a Python include wins over the site's `_includes/` file.
        """
        key = include_key(name)
        if not key:
            raise ValueError(f"invalid include name {name!r}")

        def add(function: IncludeHandler) -> IncludeHandler:
            self.includes[key] = IncludeSpec(key, function)
            return function

        return add(handler) if handler is not None else add

    def register_filter(self, name: str, function: FilterFunction | None = None) -> Any:
        """Register a Liquid filter (`value | name: args`); decorator or call.

        Registered filters are added after the Jekyll ones, so they may replace them.
        """

        def add(func: FilterFunction) -> FilterFunction:
            self.filters[name] = func
            return func

        return add(function) if function is not None else add

    def include(self, name: str) -> IncludeSpec | None:
        return self.includes.get(include_key(name))

    def copy(self) -> Registry:
        return Registry(dict(self.tags), dict(self.includes), dict(self.filters))


default_registry = Registry()
"""The registry every renderer uses unless it is given another one."""

register_tag = default_registry.register_tag
register_include = default_registry.register_include
register_filter = default_registry.register_filter
