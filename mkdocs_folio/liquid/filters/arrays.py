"""Jekyll's array filters: `where`, `find`, `sort`, `group_by`, `sample`, `push`, `pop`,
`shift`, `unshift`, `join`, `to_integer`, `array_to_sentence_string`.

They follow Jekyll's small rules: `where` compares values as Ruby strings (`where:
"featured", "true"` matches `featured: true`) and a list value matches any of its items,
`sort` reads numeric strings as numbers and puts missing values first, `sample` picks the
same items on every build.
"""

from __future__ import annotations

import functools
import hashlib
import random
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from mkdocs_folio.cache.tracked import MISSING
from mkdocs_folio.liquid.filters.errors import FilterError
from mkdocs_folio.liquid.filters.ruby import liquid_str, plain, ruby_inspect, ruby_str
from mkdocs_folio.site.dates import parse_date

__all__ = [
    "array_to_sentence_string",
    "as_list",
    "find",
    "group_by",
    "item_property",
    "join",
    "pop",
    "push",
    "sample",
    "shift",
    "sort",
    "to_integer",
    "unshift",
    "where",
]


_INTEGER_LIKE = re.compile(r"\s*-?\d+\s*")
_FLOAT_LIKE = re.compile(r"\s*-?(?:\d+\.?\d*|\.\d+)\s*")


def as_list(value: Any) -> list[Any]:
    value = plain(value)
    if value is None:
        return []
    if isinstance(value, Mapping):
        return list(value.values())
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, (str, bytes)):
        return [value]
    if isinstance(value, Iterable):
        return list(value)
    return [value]


def _sort_input(value: Any) -> Any:
    """Jekyll reads numeric strings as numbers when comparing (`"10"` sorts after `"9"`)."""
    text = ruby_str(value)
    if _INTEGER_LIKE.fullmatch(text):
        return int(text)
    if _FLOAT_LIKE.fullmatch(text):
        return float(text)
    return value


def item_property(item: Any, name: Any) -> Any:
    """`item[name]`, following dots (`author.name`); numeric strings read as numbers."""
    item = plain(item)
    value: Any = item
    for key in ruby_str(name).split("."):
        if isinstance(value, Mapping):
            value = value.get(key)
        elif isinstance(value, (list, tuple)) and key.lstrip("-").isdigit():
            index = int(key)
            value = value[index] if -len(value) <= index < len(value) else None
        else:
            value = None
        value = plain(value)
        if value is None:
            break
    return _sort_input(value) if value is not None else None


def _properties(value: Any, items: list[Any], name: Any) -> list[Any]:
    """`item_property` of every item. A tracked collection (`site.posts`) gives the field of
    all its documents at once, noted as one read: what a page depends on is the same."""
    column = getattr(value, "column", None)
    key = ruby_str(name)
    if column is not None and "." not in key:
        values = column(key)
        if values is not None and len(values) == len(items):
            return [_column_property(found) for found in values]
    return [item_property(item, name) for item in items]


def _column_property(value: Any) -> Any:
    if value is MISSING:
        return None
    value = plain(value)
    return _sort_input(value) if value is not None else None


def _ruby_array(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, Mapping):
        return [[key, item] for key, item in value.items()]
    return [value]


def _matches(prop: Any, target: Any) -> bool:
    if target is None:
        return prop is None
    wanted = ruby_str(target)
    if isinstance(prop, str):
        return prop == wanted
    return any(ruby_str(item) == wanted for item in _ruby_array(prop))


def where(value: Any, prop: Any = None, target: Any = None) -> Any:
    """Items whose `prop` equals `target`, compared as Ruby strings; list values match any."""
    value, prop, target = plain(value), plain(prop), plain(target)
    if _not_filtered(value, prop, target):
        return value
    return list(_matching(value, prop, target))


def find(value: Any, prop: Any = None, target: Any = None) -> Any:
    """The first item `where` would return, or nil."""
    value, prop, target = plain(value), plain(prop), plain(target)
    if _not_filtered(value, prop, target):
        return value
    return next(_matching(value, prop, target), None)


def _not_filtered(value: Any, prop: Any, target: Any) -> bool:
    """Jekyll hands these back as they are: no property, a list or hash target, a scalar."""
    return (
        not prop
        or isinstance(target, (list, tuple, Mapping))
        or value is None
        or isinstance(value, (str, int, float, bool))
    )


def _matching(value: Any, prop: Any, target: Any) -> Iterator[Any]:
    items = as_list(value)
    for item, found in zip(items, _properties(value, items, prop), strict=True):
        if _matches(found, target):
            yield item


def _compare(a: Any, b: Any) -> int:
    """Ruby's `a <=> b || a.to_s <=> b.to_s`, with dates compared as instants."""
    if isinstance(a, date) and isinstance(b, date):
        first, second = parse_date(a), parse_date(b)
        if first is not None and second is not None:
            return (first > second) - (first < second)
    if isinstance(a, bool) or isinstance(b, bool):
        a, b = ruby_str(a), ruby_str(b)
    try:
        return (a > b) - (a < b)
    except TypeError:
        a, b = ruby_str(a), ruby_str(b)
        return (a > b) - (a < b)


def sort(value: Any, prop: Any = None, nils: Any = "first") -> list[Any]:
    """Jekyll's `sort`: by value, or by a property with missing values first (or `"last"`)."""
    value, prop = plain(value), plain(prop)
    if value is None:
        raise FilterError("cannot sort a null object")
    if isinstance(value, Mapping):
        items: list[Any] = [[key, item] for key, item in value.items()]
    else:
        items = as_list(value)
    if prop is None:
        return sorted(items, key=functools.cmp_to_key(_compare))
    nils = ruby_str(nils)
    if nils not in ("first", "last"):
        raise FilterError(f"invalid nils order '{nils}': it must be 'first' or 'last'")
    order = -1 if nils == "first" else 1
    keyed = list(zip(_properties(value, items, prop), items, strict=True))

    def compare(a: tuple[Any, Any], b: tuple[Any, Any]) -> int:
        if a[0] is not None and b[0] is None:
            return -order
        if a[0] is None and b[0] is not None:
            return order
        if a[0] is None:
            return 0
        return _compare(a[0], b[0])

    return [item for _, item in sorted(keyed, key=functools.cmp_to_key(compare))]


def group_by(value: Any, prop: Any) -> Any:
    """`[{"name": "2020", "items": [...], "size": 3}, ...]`, names as Ruby strings."""
    value = plain(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    groups: dict[str, list[Any]] = {}
    items = as_list(value)
    for item, found in zip(items, _properties(value, items, prop), strict=True):
        groups.setdefault(ruby_str(found), []).append(item)
    return [{"name": name, "items": items, "size": len(items)} for name, items in groups.items()]


def sample(value: Any, count: Any = 1) -> Any:
    """Random items, but the same ones on every build (the seed is the list's content)."""
    value = plain(value)
    if not isinstance(value, (list, tuple)):
        return value
    try:
        number = int(ruby_str(count) or 1)
    except ValueError:
        number = 1
    seed = hashlib.sha256(ruby_inspect(list(value)).encode("utf-8", "replace")).hexdigest()
    chooser = random.Random(seed)
    if number == 1:
        return chooser.choice(value) if value else None
    return chooser.sample(list(value), max(0, min(number, len(value))))


def _to_integer(value: Any) -> int:
    value = plain(value)
    if value is True:
        return 1
    if value is False or value is None:
        return 0
    if isinstance(value, (int, float)):
        return int(value)
    match = re.match(r"\s*[-+]?\d+", ruby_str(value))
    return int(match.group(0)) if match else 0


def push(value: Any, item: Any) -> Any:
    return [*value, plain(item)] if isinstance(value, list) else value


def pop(value: Any, count: Any = 1) -> Any:
    if not isinstance(value, list):
        return value
    number = _to_integer(count)
    return value[: max(0, len(value) - number)] if number > 0 else list(value)


def shift(value: Any, count: Any = 1) -> Any:
    if not isinstance(value, list):
        return value
    number = _to_integer(count)
    return value[number:] if number > 0 else list(value)


def unshift(value: Any, item: Any) -> Any:
    return [plain(item), *value] if isinstance(value, list) else value


def to_integer(value: Any) -> int:
    return _to_integer(value)


def _flatten(items: Iterable[Any]) -> Iterable[Any]:
    for item in items:
        if isinstance(item, (list, tuple)):
            yield from _flatten(item)
        else:
            yield item


def join(value: Any, separator: Any = " ") -> str:
    """Liquid's `join`, items printed as Ruby prints them (dates, nil, true)."""
    value = plain(value)
    if isinstance(value, (list, tuple)):
        return ruby_str(separator).join(ruby_str(item) for item in _flatten(value))
    return liquid_str(value)


def array_to_sentence_string(value: Any, connector: Any = "and") -> str:
    """`["a", "b", "c"]` -> `a, b, and c`."""
    items = as_list(value)
    words = [ruby_str(item) for item in items]
    connector = ruby_str(connector)
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    if len(words) == 2:
        return f"{words[0]} {connector} {words[1]}"
    return f"{', '.join(words[:-1])}, {connector} {words[-1]}"
