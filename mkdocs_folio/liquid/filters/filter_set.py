"""The filter set of one renderer: every Jekyll filter under its Liquid name, bound to the site.

`JekyllFilters` binds the filters that need the site (`relative_url` and `absolute_url` use
its `url`/`baseurl`, dates its `timezone`, `markdownify` the adapter's Markdown) and adds the
`*_exp` filters, which evaluate a Liquid expression per item. `safe_filter` wraps every
filter so that any exception becomes a Liquid filter error, reported at the filter's line.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from liquid.builtin.expressions import BooleanExpression, FilteredExpression, tokenize
from liquid.exceptions import LiquidError
from liquid.stream import TokenStream
from liquid.token import TOKEN_EXPRESSION, Token

from mkdocs_folio.liquid.compare import blank_aware
from mkdocs_folio.liquid.filters.arrays import (
    array_to_sentence_string,
    as_list,
    find,
    group_by,
    join,
    pop,
    push,
    sample,
    shift,
    sort,
    to_integer,
    unshift,
    where,
)
from mkdocs_folio.liquid.filters.dates import DateFilters
from mkdocs_folio.liquid.filters.errors import FilterError
from mkdocs_folio.liquid.filters.ruby import plain, ruby_inspect, ruby_str
from mkdocs_folio.liquid.filters.text import (
    jsonify,
    normalize_whitespace,
    number_of_words,
    slugify,
    smartify,
    transliterate,
)
from mkdocs_folio.liquid.filters.urls import (
    absolute_url,
    cgi_escape,
    relative_url,
    strip_index,
    uri_escape,
    xml_escape,
)

if TYPE_CHECKING:
    from liquid import Environment
    from liquid.context import RenderContext

__all__ = ["JekyllFilters", "safe_filter"]


def _expression_token(text: str) -> Token:
    return Token(TOKEN_EXPRESSION, text, 0, text)


class JekyllFilters(DateFilters):
    """The Jekyll filters of one site: URLs from its `url`/`baseurl`, dates in its timezone.

    `register(env)` adds them to a python-liquid environment, each wrapped so that any
    exception becomes a Liquid filter error (reported with the filter's line).
    """

    def __init__(
        self,
        site: Mapping[str, Any],
        *,
        markdownify: Callable[[str], str],
        tz: tzinfo | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(tz, now)
        self.site = site
        self._markdownify = markdownify
        self._expressions: dict[tuple[str, str], Any] = {}

    # URLs
    def relative_url(self, value: Any) -> str | None:
        return relative_url(value, self.site.get("baseurl"))

    def absolute_url(self, value: Any) -> str | None:
        return absolute_url(value, self.site.get("url"), self.site.get("baseurl"))

    # Markdown
    def markdownify(self, value: Any) -> str:
        return self._markdownify(ruby_str(value))

    # Expressions evaluated per item
    def _parsed(self, env: Environment, kind: str, text: str) -> Any:
        key = (kind, text)
        parsed = self._expressions.get(key)
        if parsed is None:
            stream = TokenStream(tokenize(text, _expression_token(text)))
            if kind == "condition":
                parsed = BooleanExpression.parse(env, stream)
                blank_aware(parsed)
            else:
                parsed = FilteredExpression.parse(env, stream)
            self._expressions[key] = parsed
        return parsed

    def _each_in_scope(
        self, context: RenderContext, value: Any, variable: Any, kind: str, expression: Any
    ) -> Iterable[tuple[Any, Any]]:
        parsed = self._parsed(context.env, kind, ruby_str(expression))
        name = ruby_str(variable)
        for item in as_list(value):
            with context.extend({name: item}):
                yield item, parsed.evaluate(context)

    def where_exp(self, value: Any, variable: Any, expression: Any, *, context: Any) -> Any:
        value = plain(value)
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        return [
            item
            for item, ok in self._each_in_scope(context, value, variable, "condition", expression)
            if ok
        ]

    def find_exp(self, value: Any, variable: Any, expression: Any, *, context: Any) -> Any:
        value = plain(value)
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        for item, ok in self._each_in_scope(context, value, variable, "condition", expression):
            if ok:
                return item
        return None

    def group_by_exp(self, value: Any, variable: Any, expression: Any, *, context: Any) -> Any:
        value = plain(value)
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        groups: list[tuple[Any, list[Any]]] = []
        index: dict[str, int] = {}
        for item, result in self._each_in_scope(context, value, variable, "value", expression):
            result = plain(result)
            key = ruby_inspect(result)
            if key not in index:
                index[key] = len(groups)
                groups.append((result, []))
            groups[index[key]][1].append(item)
        return [{"name": name, "items": items, "size": len(items)} for name, items in groups]

    def functions(self) -> dict[str, Callable[..., Any]]:
        """Every filter by its Liquid name."""
        plain: dict[str, Callable[..., Any]] = {
            "relative_url": self.relative_url,
            "absolute_url": self.absolute_url,
            "strip_index": strip_index,
            "markdownify": self.markdownify,
            "smartify": smartify,
            "date": self.date,
            "date_to_string": self.date_to_string,
            "date_to_long_string": self.date_to_long_string,
            "date_to_xmlschema": self.date_to_xmlschema,
            "date_to_rfc822": self.date_to_rfc822,
            "where": where,
            "find": find,
            "group_by": group_by,
            "sort": sort,
            "sample": sample,
            "slugify": slugify,
            "jsonify": jsonify,
            "xml_escape": xml_escape,
            "cgi_escape": cgi_escape,
            "uri_escape": uri_escape,
            "number_of_words": number_of_words,
            "array_to_sentence_string": array_to_sentence_string,
            "normalize_whitespace": normalize_whitespace,
            "inspect": lambda value: xml_escape(ruby_inspect(value)),
            "push": push,
            "pop": pop,
            "shift": shift,
            "unshift": unshift,
            "to_integer": to_integer,
            "join": join,
            "remove_accents": transliterate,
        }
        wrapped = {name: safe_filter(name, func) for name, func in plain.items()}
        for name, func in (
            ("where_exp", self.where_exp),
            ("find_exp", self.find_exp),
            ("group_by_exp", self.group_by_exp),
        ):
            wrapped[name] = safe_filter(name, func, with_context=True)
        return wrapped

    def register(self, env: Environment) -> None:
        for name, func in self.functions().items():
            env.add_filter(name, func)


def safe_filter(
    name: str, func: Callable[..., Any], *, with_context: bool = False
) -> Callable[..., Any]:
    """`func` as a Liquid filter whose failures are Liquid errors, never Python tracebacks."""

    @functools.wraps(func)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except LiquidError:
            raise
        except TypeError as exc:
            raise FilterError(f"{name}: wrong arguments ({exc})") from exc
        except RecursionError as exc:
            raise FilterError(f"{name}: value nested too deeply") from exc
        except Exception as exc:
            raise FilterError(f"{name}: {type(exc).__name__}: {exc}") from exc

    if with_context:
        run.with_context = True  # type: ignore[attr-defined]
    return run
