"""The type of every `_config.yml` and front-matter key that mkdocs-folio reads, checked once.

al-folio's readers are forgiving on purpose: `as_bool("maybe")` is false, a `scholar: yes` is
"no settings", a `collections: []` is "the default collections". That keeps the build alive,
but it also made a typo silent: the user wrote something, and nothing said it was ignored.

This module is the one place that knows what shape each key must have. A value of the wrong
type is reported once (file, line, what the key takes, what happens now) and removed, so the
readers further down see "not set" and use their default instead of guessing, and no second
warning about the same value follows. Keys that a reader checks itself, with a more precise
message (`permalink`, `nav_order`, `profile`, `exclude`, `max_author_limit`...), are not listed
here. An unknown key is reported only when it looks like a typo of a known one (or sits in a
map whose keys are all known): Jekyll sites carry many settings for other plugins.

The tables of keys and their specs are in `schema_keys.py`; this module checks values against
them.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mkdocs_folio.problems import Problems
from mkdocs_folio.site.dates import parse_date
from mkdocs_folio.site.schema_keys import (
    BOOL,
    CONFIG,
    DATA,
    FRONT_MATTER,
    KNOWN_CONFIG,
    KNOWN_FRONT_MATTER,
    Spec,
)
from mkdocs_folio.site.yamlfile import LineDict

__all__ = [
    "BOOL",
    "CONFIG",
    "DATA",
    "FRONT_MATTER",
    "Spec",
    "check_config",
    "check_data",
    "check_front_matter",
    "check_value",
    "unknown_keys",
]


BOOL_WORDS = {"true", "false", "yes", "no", "on", "off", "1", "0"}
CSS_LENGTH = re.compile(r"^\s*\d+(\.\d+)?\s*(px|em|rem|%|vw|ch|pt|cm|mm|in)?\s*$", re.I)


_WHAT = {
    "bool": "true or false",
    "text": "text",
    "number": "a number",
    "date": "a date such as 2024-05-01",
    "length": "a width such as 930px",
    "map": "a mapping of `key: value` lines",
    "list": "a list",
    "words": "a word or a list of words",
    "timezone": "a time zone name from the tz database",
}


def _near_misses(
    mapping: dict[Any, Any],
    specs: Mapping[str, Spec],
    known: set[str],
    path: Path | str | None,
    problems: Problems,
) -> None:
    """A key that is not read but is one letter away from one that is (`max_widht`,
    `pretty_tabel`) is a typo whose value is silently unused: say which key was meant.
    Other unknown keys stay quiet: Jekyll sites carry settings for many other plugins."""
    names = [*specs, *known]
    lines = mapping.lines if isinstance(mapping, LineDict) else {}
    for key in mapping:
        if not isinstance(key, str) or key in specs or key in known:
            continue
        guess = difflib.get_close_matches(key, names, n=1, cutoff=0.85)
        if guess:
            problems.add(
                f"unknown key '{key}'; did you mean '{guess[0]}'?",
                path,
                lines.get(key),
                f"rename it to {guess[0]}; until then it is ignored",
            )


def check_config(raw: dict[str, Any], path: Path | str | None, problems: Problems) -> None:
    """Check the keys of `_config.yml` (or of the plugin's `site:` option); remove bad values."""
    _near_misses(raw, CONFIG, KNOWN_CONFIG, path, problems)
    _check_map(raw, CONFIG, path, problems, prefix="", fallback_line=None)


def check_data(name: str, value: Any, path: Path | str, problems: Problems) -> bool:
    """Check one data file of al-folio's (`coauthors`, `venues`...); False: ignore the file.
    Bad entries inside it are removed, each with its warning."""
    spec = DATA.get(name)
    if spec is None:
        return True
    if not isinstance(value, dict):
        problems.add(
            f"{name} data must be a mapping of `key: value` lines, found {_describe(value)}",
            path,
            1,
            f"write lines like `{spec.example.strip('{}')}`; the file is ignored until then",
        )
        return False
    return check_value(value, spec, name, path, getattr(value, "line", None) or 1, problems)


def check_front_matter(meta: LineDict, path: Path | str, problems: Problems) -> None:
    """Check the front-matter keys of one file; remove bad values."""
    _near_misses(meta, FRONT_MATTER, KNOWN_FRONT_MATTER, path, problems)
    _check_map(meta, FRONT_MATTER, path, problems, prefix="", fallback_line=meta.line)


def _check_map(
    mapping: dict[Any, Any],
    specs: Mapping[str, Spec],
    path: Path | str | None,
    problems: Problems,
    *,
    prefix: str,
    fallback_line: int | None,
    values: Spec | None = None,
) -> None:
    lines = mapping.lines if isinstance(mapping, LineDict) else {}
    for key in list(mapping):
        spec = specs.get(key) if isinstance(key, str) else None
        if spec is None:
            spec = values
        if spec is None:
            continue
        value = mapping[key]
        line = lines.get(key, fallback_line)
        name = f"{prefix}{key}"
        if not check_value(value, spec, name, path, line, problems):
            del mapping[key]


def check_value(
    value: Any, spec: Spec, name: str, path: Path | str | None, line: int | None, problems: Problems
) -> bool:
    """Whether `value` may stay; reports it when it may not. Nested values of maps and lists
    are checked too, and bad ones removed from them in place (scalars are never changed)."""
    if value is None:
        return True  # an empty key: "not set", as in every al-folio config
    kind = _kind_of(value, spec.kinds)
    if kind is None:
        what = " or ".join(_WHAT[k] for k in spec.kinds)
        key = name.rsplit(".", 1)[-1]
        if "[" in key:
            fix = f"write each entry like `- {spec.example}`; " if spec.example else ""
        else:
            fix = f"write it like `{key}: {spec.example}`; " if spec.example else ""
        problems.add(
            f"'{name}' must be {what}, found {_describe(value)}",
            path,
            line,
            f"{fix}until then it is ignored",
        )
        return False
    if kind == "map" and spec.closed is not None:
        unknown_keys(value, [*spec.fields, *spec.closed], name, path, line, problems)
    if kind == "map" and (spec.fields or spec.values):
        _check_map(
            value,
            spec.fields,
            path,
            problems,
            prefix=f"{name}.",
            fallback_line=line,
            values=spec.values,
        )
    elif kind == "list" and spec.items is not None:
        kept = []
        for index, item in enumerate(value):
            item_line = getattr(item, "line", None) or line
            if check_value(item, spec.items, f"{name}[{index + 1}]", path, item_line, problems):
                kept.append(item)
        value[:] = kept
    elif kind == "words" and isinstance(value, list):
        bad = [item for item in value if isinstance(item, (dict, list))]
        if bad:
            problems.add(
                f"'{name}' must be a list of words, found {_describe(bad[0])} in it",
                path,
                line,
                "write each entry as a plain word; the others are kept",
            )
            value[:] = [item for item in value if not isinstance(item, (dict, list))]
    return True


def unknown_keys(
    mapping: Mapping[Any, Any],
    known: list[str],
    name: str,
    path: Path | str | None,
    line: int | None,
    problems: Problems,
) -> None:
    """Report the keys of a map whose keys are all known (`profile`, `toc`...) that are not
    among them: a typo such as `aling: left` is otherwise silently unused."""
    lines = getattr(mapping, "lines", {})
    for key in [k for k in mapping if k not in known]:
        guess = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
        problems.add(
            f"unknown key '{key}' in '{name}'" + (f"; did you mean '{guess[0]}'?" if guess else ""),
            path,
            lines.get(key, line),
            f"the keys of {name} are {', '.join(known)}; it is ignored",
        )


def _kind_of(value: Any, kinds: tuple[str, ...]) -> str | None:
    """The first of `kinds` that `value` is, or None."""
    for kind in kinds:
        if kind == "bool" and (
            isinstance(value, bool)
            or (isinstance(value, int) and value in (0, 1))
            or (isinstance(value, str) and value.strip().lower() in BOOL_WORDS)
        ):
            return kind
        if kind == "text" and not isinstance(value, (dict, list)):
            return kind
        if kind == "number" and _is_number(value):
            return kind
        if kind == "date" and (isinstance(value, date) or parse_date(value) is not None):
            return kind
        if kind == "length" and (
            _is_number(value) or (isinstance(value, str) and CSS_LENGTH.match(value))
        ):
            return kind
        if kind == "timezone" and isinstance(value, str) and _is_timezone(value):
            return kind
        if kind == "map" and isinstance(value, dict):
            return kind
        if kind == "list" and isinstance(value, list):
            return kind
        if kind == "words" and not isinstance(value, dict):
            return kind
    return None


def _is_timezone(name: str) -> bool:
    try:
        ZoneInfo(name.strip())
    except (ValueError, ZoneInfoNotFoundError, OSError):
        return False
    return True


def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    if isinstance(value, str):
        try:
            float(value)
        except ValueError:
            return False
        return True
    return False


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")
