"""How the CV readers read a value: as text (dates as ISO dates), as al-folio's date badge
(`1933 - 1955`, `2014.04 - Present`), as a list, as keywords; and how a reader reports an
entry it has to leave out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from mkdocs_folio.problems import Problems
from mkdocs_folio.site.config import as_text

__all__ = [
    "Skip",
    "date_range",
    "first_of",
    "ignore_skipped",
    "keywords_of",
    "list_of",
    "skip_reporter",
    "text_of",
    "year_of",
]


def text_of(value: Any) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    return as_text(value)


def date_range(start: Any, end: Any, *, months: bool) -> str:
    """al-folio's date badge: `1933 - 1955`, or `2014.04 - 2015.07` for work entries."""

    def short(value: Any) -> str:
        text = text_of(value)
        if not text:
            return ""
        parts = text.split("-")
        if months and len(parts) >= 2 and parts[0].isdigit():
            return ".".join(parts[:2])
        return parts[0]

    begin = short(start)
    if not begin:
        return ""
    finish = short(end) or "Present"
    return f"{begin} - {finish}"


def year_of(value: Any) -> str:
    text = text_of(value)
    match = re.match(r"\d{4}", text)
    return match.group(0) if match else text


def list_of(value: Any) -> list[Any]:
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return [v for v in value if v is not None and v != ""]
    return [value]


def keywords_of(value: Any) -> list[str]:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return [text_of(v) for v in list_of(value)]


def first_of(entry: Mapping[str, Any], *keys: str) -> Any:
    for key in keys:
        value = entry.get(key)
        if value not in (None, ""):
            return value
    return None


Skip = Callable[[str, Any], None]


def ignore_skipped(section: str, entry: Any) -> None:
    return None


def skip_reporter(problems: Problems, path: Path | str | None, line: int | None) -> Skip:
    """How a reader reports an entry it has to leave out: one problem naming the section."""

    def skip(section: str, entry: Any) -> None:
        problems.add(
            f"CV section '{section}': an entry must be a mapping of `key: value` lines, "
            f"found {entry!r:.60}",
            path,
            getattr(entry, "line", None) or line,
            "write the entry's fields indented under `- `; the entry is left out",
        )

    return skip
