"""Ruby's ways of turning values into text, which every Jekyll filter shares.

Jekyll compares, groups and prints values as Ruby strings: `nil` is "", `true` is "true", a
float prints as Ruby prints it, a date as `2024-05-01 00:00:00 +0000`, a hash as its
`inspect`. A missing variable (python-liquid's `Undefined`) is Ruby's `nil` everywhere.
"""

from __future__ import annotations

import math
import sys
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime, timezone
from typing import Any

from mkdocs_folio.site.dates import strftime

__all__ = ["is_undefined", "liquid_str", "plain", "ruby_inspect", "ruby_str"]


def is_undefined(value: Any) -> bool:
    """Whether `value` is python-liquid's `Undefined` (a missing variable). Asked without
    importing python-liquid, which a build whose pages all come from the cache never needs:
    no value can be one before it is imported."""
    module = sys.modules.get("liquid.undefined")
    return module is not None and isinstance(value, module.Undefined)


def plain(value: Any) -> Any:
    """`Undefined` (a missing variable) behaves as Ruby's nil in every filter."""
    return None if is_undefined(value) else value


def _ruby_float(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    text = repr(value)
    if "e" in text:
        mantissa, exponent = text.split("e")
        if "." not in mantissa:
            mantissa += ".0"
        sign = exponent[0] if exponent[0] in "+-" else "+"
        digits = exponent.lstrip("+-").rjust(2, "0")
        return f"{mantissa}e{sign}{digits}"
    return text


def _ruby_time(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return strftime(value, "%Y-%m-%d %H:%M:%S %z")


def ruby_str(value: Any) -> str:
    """Ruby's `to_s`: how Jekyll compares and groups values (`nil` is "", `true` is "true")."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _ruby_float(value)
    if isinstance(value, datetime):
        return _ruby_time(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple, Mapping)):
        return ruby_inspect(value)
    return str(value)


def liquid_str(value: Any) -> str:
    """What `{{ value }}` prints: arrays joined, hashes inspected, nil empty."""
    value = plain(value)
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return "".join(liquid_str(item) for item in value)
    if isinstance(value, range):
        return f"{value.start}..{value.stop - 1}"
    return ruby_str(value)


_RUBY_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\f": "\\f",
    "\v": "\\v",
    "\a": "\\a",
    "\b": "\\b",
    "\x1b": "\\e",
}


def _ruby_string_inspect(text: str) -> str:
    out = []
    for index, char in enumerate(text):
        if char in _RUBY_ESCAPES:
            out.append(_RUBY_ESCAPES[char])
        elif char == "#" and text[index + 1 : index + 2] in ("{", "$", "@"):
            out.append("\\#")
        elif unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn"):
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def ruby_inspect(value: Any) -> str:
    """Ruby's `inspect` (the `inspect` filter, and how Liquid prints a hash)."""
    value = plain(value)
    if value is None:
        return "nil"
    if isinstance(value, str):
        return _ruby_string_inspect(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _ruby_float(value)
    if isinstance(value, Mapping):
        pairs = (f"{ruby_inspect(k)}=>{ruby_inspect(v)}" for k, v in value.items())
        return "{" + ", ".join(pairs) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(ruby_inspect(item) for item in value) + "]"
    return ruby_str(value)
