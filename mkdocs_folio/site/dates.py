"""Dates as al-folio sites write them, and Ruby's `strftime` to print them.

Jekyll sites carry dates in several shapes: YAML timestamps (which PyYAML turns into `date`
or `datetime`), al-folio's news form `2015-10-22 15:59:00-0400` (not a YAML timestamp, so it
stays a string), ISO strings, and the odd `Oct 22, 2015`. Everything that needs a date goes
through `parse_date`, so a post, a news item and a Liquid filter agree on what a value means.

Returned datetimes are always timezone-aware: a value without an offset is read in
`default_tz` (UTC unless the caller knows the site's `timezone`). Formatting keeps the
value's own offset, as Ruby's `Time#strftime` does, so `15:59:00-0400` prints as 15:59 and a
late-evening news item never moves to the next day.

`strftime` reimplements Ruby's directives and flags (`%-d`, `%e`, `%^b`, `%:z`...) with
English names: Python's own `strftime` depends on the platform and the locale, and does not
know several of Ruby's directives.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mkdocs_folio.problems import Problems

__all__ = ["MONTHS", "WEEKDAYS", "long_date", "parse_date", "short_date", "strftime"]

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MONTH_NUMBERS: dict[str, int] = {}
for _number, _name in enumerate(MONTHS, start=1):
    _MONTH_NUMBERS[_name.lower()] = _number
    _MONTH_NUMBERS[_name[:3].lower()] = _number
_MONTH_NUMBERS["sept"] = 9

_TIME = (
    r"(?:(?:[Tt]|\s+)(?P<H>\d{1,2}):(?P<M>\d{2})"
    r"(?::(?P<S>\d{2})(?:[.,](?P<frac>\d+))?)?"
    r"(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?))?)?"
)
_ZONE = r"(?:\s*(?P<tz>[Zz]|UTC|GMT|utc|gmt|[+-]\d{2}(?::?\d{2})?))?"

_NUMERIC_DATE = re.compile(
    r"(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?:(?P=sep)(?P<d>\d{1,2}))?" + _TIME + _ZONE
)
_MONTH_FIRST = re.compile(
    r"(?:[A-Za-z]{3,9},?\s+)?(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+"
    r"(?P<y>\d{4})" + _TIME + _ZONE
)
_DAY_FIRST = re.compile(
    r"(?:[A-Za-z]{3,9},?\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?P<mon>[A-Za-z]{3,9})\.?,?\s+"
    r"(?P<y>\d{4})" + _TIME + _ZONE
)
_MONTH_YEAR = re.compile(r"(?P<mon>[A-Za-z]{3,9})\.?,?\s+(?P<y>\d{4})")


def parse_date(value: object, *, default_tz: tzinfo = timezone.utc) -> datetime | None:
    """Read a date the way al-folio sites write them; `None` when it is not one.

    Accepts `datetime` (a naive one is read in `default_tz`), `date` (midnight), and strings:
    `2015-10-22`, `2015-10-22 15:59:00-0400`, `2015-10-22T15:59:00Z`, `2015/10/22`,
    `2015-10` (the first of the month), `Oct 22, 2015`, `22 October 2015 10:00`.
    Numbers are not dates here: a bare `2020` in front matter is a year, not a timestamp.
    Never raises.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=default_tz)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=default_tz)
    if isinstance(value, str):
        try:
            return _parse_string(value.strip().strip("\"'").strip(), default_tz)
        except (ValueError, OverflowError):
            return None
    return None


def _parse_string(text: str, default_tz: tzinfo) -> datetime | None:
    if not text or len(text) > 80:
        return None
    match = _NUMERIC_DATE.fullmatch(text)
    if match:
        year, month = int(match["y"]), int(match["m"])
        day = int(match["d"]) if match["d"] else 1
        return _build(year, month, day, match, default_tz)
    for pattern in (_MONTH_FIRST, _DAY_FIRST):
        match = pattern.fullmatch(text)
        if match:
            month = _MONTH_NUMBERS.get(match["mon"].lower())
            if month is None:
                return None
            return _build(int(match["y"]), month, int(match["d"]), match, default_tz)
    match = _MONTH_YEAR.fullmatch(text)
    if match:
        month = _MONTH_NUMBERS.get(match["mon"].lower())
        if month is None:
            return None
        return datetime(int(match["y"]), month, 1, tzinfo=default_tz)
    return None


def _build(
    year: int, month: int, day: int, match: re.Match[str], default_tz: tzinfo
) -> datetime | None:
    hour = minute = second = micro = 0
    if match["H"] is not None:
        hour, minute = int(match["H"]), int(match["M"])
        second = int(match["S"]) if match["S"] else 0
        if match["frac"]:
            micro = int((match["frac"] + "000000")[:6])
        if match["ampm"]:
            if not 1 <= hour <= 12:
                return None
            pm = match["ampm"][0] in "Pp"
            hour = hour % 12 + (12 if pm else 0)
    tz = _zone(match["tz"]) if match["tz"] else default_tz
    if tz is None:
        return None
    try:
        return datetime(year, month, day, hour, minute, second, micro, tzinfo=tz)
    except ValueError:
        return None


def _zone(text: str) -> tzinfo | None:
    if text.upper() in ("Z", "UTC", "GMT"):
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours = int(digits[:2])
    minutes = int(digits[2:4]) if len(digits) > 2 else 0
    if hours > 23 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


# --- Ruby's strftime -------------------------------------------------------------------------

_DIRECTIVE = re.compile(r"%([-_0^#]*)(\d*)(:{0,2})([a-zA-Z%+])")

# directive -> composite format, as Ruby expands them
_COMPOSITES = {
    "c": "%a %b %e %H:%M:%S %Y",
    "D": "%m/%d/%y",
    "x": "%m/%d/%y",
    "F": "%Y-%m-%d",
    "T": "%H:%M:%S",
    "X": "%H:%M:%S",
    "R": "%H:%M",
    "r": "%I:%M:%S %p",
    "v": "%e-%^b-%Y",
    "+": "%a %b %e %H:%M:%S %Z %Y",
}


def site_timezone(site: Any, problems: Problems) -> tzinfo | None:
    """`_config.yml`'s `timezone:` (dates are shown in it), or None when unset or unknown
    (an unknown name is a problem)."""
    name = site.get("timezone") if isinstance(site, Mapping) else None
    if not name:
        return None
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(str(name))
    except Exception:
        problems.add(
            f"unknown timezone '{name}'; dates are shown in the offset they were written in",
            "_config.yml",
            None,
            "use a name from the tz database, such as America/New_York",
        )
        return None


def strftime(value: datetime | date, fmt: str) -> str:
    """Format like Ruby's `Time#strftime`, in the value's own offset, with English names.

    Supports the flags `-` (no padding), `_` (spaces), `0` (zeros), `^` (upper case) and `#`
    (change case), a field width, and every directive of Ruby's `Time` except locale ones.
    An unknown directive is printed as written, as Ruby does.
    """
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    return _DIRECTIVE.sub(lambda m: _directive(value, m), fmt)


def long_date(value: datetime | date | None) -> str:
    """`March 15, 2015`: how al-folio prints the date of a post or a page."""
    return strftime(value, "%B %d, %Y") if value is not None else ""


def short_date(value: datetime | date | None) -> str:
    """`Oct 22, 2015`: how al-folio prints dates in lists (news, latest posts, archives)."""
    return strftime(value, "%b %d, %Y") if value is not None else ""


def _directive(value: datetime, match: re.Match[str]) -> str:
    flags, width_text, colons, code = match.groups()
    width = int(width_text) if width_text else None
    if code in _COMPOSITES and not colons:
        text = strftime(value, _COMPOSITES[code])
        return _pad_text(text, flags, width)
    if code == "%":
        return "%"
    if code == "n":
        return "\n"
    if code == "t":
        return "\t"
    if code == "z":
        return _offset(value, len(colons))
    if colons:
        return match.group(0)
    if code in ("L", "N"):
        # Fractions of a second: the width is the number of digits, truncated, not padded.
        digits = f"{value.microsecond:06d}000"
        size = width if width is not None else (3 if code == "L" else 9)
        return digits[:size].ljust(size, "0")
    number = _numeric(value, code)
    if number is not None:
        amount, default_width, default_pad = number
        return _pad_number(amount, flags, width, default_width, default_pad)
    text = _textual(value, code)
    if text is None:
        return match.group(0)
    if "^" in flags:
        text = text.upper()
    elif "#" in flags:
        text = text.lower() if code == "p" else text.upper()
    return _pad_text(text, flags, width)


def _numeric(value: datetime, code: str) -> tuple[int, int, str] | None:
    if code == "Y":
        return value.year, 4 if value.year >= 0 else 5, "0"
    if code == "C":
        return value.year // 100, 2, "0"
    if code == "y":
        return value.year % 100, 2, "0"
    if code == "m":
        return value.month, 2, "0"
    if code == "d":
        return value.day, 2, "0"
    if code == "e":
        return value.day, 2, " "
    if code == "j":
        return value.timetuple().tm_yday, 3, "0"
    if code == "H":
        return value.hour, 2, "0"
    if code == "k":
        return value.hour, 2, " "
    if code == "I":
        return (value.hour % 12) or 12, 2, "0"
    if code == "l":
        return (value.hour % 12) or 12, 2, " "
    if code == "M":
        return value.minute, 2, "0"
    if code == "S":
        return value.second, 2, "0"
    if code == "u":
        return value.isoweekday(), 1, "0"
    if code == "w":
        return value.isoweekday() % 7, 1, "0"
    if code == "U":
        return int(value.strftime("%U")), 2, "0"
    if code == "W":
        return int(value.strftime("%W")), 2, "0"
    if code == "V":
        return value.isocalendar()[1], 2, "0"
    if code == "G":
        return value.isocalendar()[0], 4, "0"
    if code == "g":
        return value.isocalendar()[0] % 100, 2, "0"
    if code == "s":
        aware = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
        return int(aware.timestamp()), 1, "0"
    return None


def _textual(value: datetime, code: str) -> str | None:
    if code == "A":
        return WEEKDAYS[value.weekday()]
    if code == "a":
        return WEEKDAYS[value.weekday()][:3]
    if code == "B":
        return MONTHS[value.month - 1]
    if code in ("b", "h"):
        return MONTHS[value.month - 1][:3]
    if code == "p":
        return "PM" if value.hour >= 12 else "AM"
    if code == "P":
        return "pm" if value.hour >= 12 else "am"
    if code == "Z":
        return _zone_name(value)
    return None


def _zone_name(value: datetime) -> str:
    tz = value.tzinfo
    if tz is None or tz is timezone.utc:
        return "UTC"
    if isinstance(tz, timezone):
        # A bare offset such as -0400 has no name in Ruby either.
        return "UTC" if tz.utcoffset(None) == timedelta(0) else ""
    return tz.tzname(value) or ""


def _offset(value: datetime, colons: int) -> str:
    delta = value.utcoffset() or timedelta(0)
    seconds = int(delta.total_seconds())
    sign = "-" if seconds < 0 else "+"
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if colons == 0:
        return f"{sign}{hours:02d}{minutes:02d}"
    if colons == 1:
        return f"{sign}{hours:02d}:{minutes:02d}"
    return f"{sign}{hours:02d}:{minutes:02d}:{secs:02d}"


def _pad_number(amount: int, flags: str, width: int | None, default: int, pad: str) -> str:
    if "-" in flags:
        return str(amount)
    if "_" in flags:
        pad = " "
    elif "0" in flags:
        pad = "0"
    size = width if width is not None else default
    digits = str(abs(amount))
    sign = "-" if amount < 0 else ""
    if pad == "0":
        return sign + digits.rjust(size - len(sign), "0")
    return (sign + digits).rjust(size, " ")


def _pad_text(text: str, flags: str, width: int | None) -> str:
    if width is None or "-" in flags:
        return text
    return text.rjust(width, "0" if "0" in flags else " ")
