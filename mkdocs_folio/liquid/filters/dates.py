"""Jekyll's date filters: `date` (Ruby's `strftime` directives), `date_to_string`,
`date_to_long_string` (with Jekyll's `ordinal` and `US` options), `date_to_xmlschema`,
`date_to_rfc822`.

Dates are read with the site's tolerant date parser, in the site's `timezone`; a value that
is no date raises `FilterError`, except in `date`, which returns it unchanged as Liquid does.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone, tzinfo
from typing import Any

from mkdocs_folio.liquid.filters.errors import FilterError
from mkdocs_folio.liquid.filters.ruby import plain, ruby_inspect, ruby_str
from mkdocs_folio.site.dates import parse_date, strftime

__all__ = ["DateFilters"]


def _ordinal(day: int) -> str:
    if 11 <= day <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


class DateFilters:
    """Jekyll's date filters in the site's time zone, and Liquid's reading of a value as a
    date (`to_date`): `now`/`today`, unix timestamps, dates and date strings."""

    def __init__(self, tz: tzinfo | None = None, now: Callable[[], datetime] | None = None) -> None:
        self.tz = tz
        self._now = now or (lambda: datetime.now(tz or timezone.utc))

    def to_date(self, value: Any) -> datetime | None:
        """Liquid's `to_date`: dates, `now`/`today`, unix timestamps, date strings."""
        value = plain(value)
        default_tz = self.tz or timezone.utc
        if isinstance(value, bool) or value is None:
            return None
        if isinstance(value, int):
            return datetime.fromtimestamp(value, tz=default_tz)
        if isinstance(value, str):
            text = value.strip().lower()
            if not text:
                return None
            if text in ("now", "today"):
                return self._now()
            if text.isdigit():
                try:
                    return datetime.fromtimestamp(int(text), tz=default_tz)
                except (OverflowError, OSError, ValueError):
                    return None
        return parse_date(value, default_tz=default_tz)

    def _time(self, value: Any) -> datetime:
        moment = self.to_date(value)
        if moment is None:
            raise FilterError(f"invalid date: {ruby_inspect(value)} is not a valid datetime")
        return moment.astimezone(self.tz) if self.tz is not None else moment

    def date(self, value: Any, fmt: Any = None) -> Any:
        """Liquid's `date`: Ruby `strftime`; a value that is not a date comes back unchanged."""
        fmt_text = ruby_str(fmt)
        if not fmt_text:
            return value
        moment = self.to_date(value)
        if moment is None:
            return value
        return strftime(moment, fmt_text)

    def _stringify_date(self, value: Any, month: str, kind: Any, style: Any) -> Any:
        if ruby_str(value) == "":
            return value
        moment = self._time(value)
        if ruby_str(kind) == "ordinal":
            day = f"{moment.day}{_ordinal(moment.day)}"
            if ruby_str(style) == "US":
                return strftime(moment, f"{month} {day}, %Y")
            return strftime(moment, f"{day} {month} %Y")
        return strftime(moment, f"%d {month} %Y")

    def date_to_string(self, value: Any, kind: Any = None, style: Any = None) -> Any:
        return self._stringify_date(value, "%b", kind, style)

    def date_to_long_string(self, value: Any, kind: Any = None, style: Any = None) -> Any:
        return self._stringify_date(value, "%B", kind, style)

    def date_to_xmlschema(self, value: Any) -> Any:
        if ruby_str(value) == "":
            return value
        return strftime(self._time(value), "%Y-%m-%dT%H:%M:%S%:z")

    def date_to_rfc822(self, value: Any) -> Any:
        if ruby_str(value) == "":
            return value
        return strftime(self._time(value), "%a, %d %b %Y %H:%M:%S %z")
