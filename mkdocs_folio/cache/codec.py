"""Values to text and back, for the build cache and the worker processes.

JSON, with tags for the types front matter and rendered pages hold that JSON lacks: dates,
paths, tuples, sets, mappings with non-text keys, YAML mappings with their lines, and the
dataclasses a module registers (`register`). Never pickle: a cache file comes back from
disk (or from a CI cache), and decoding it must not be able to run anything. A value this
module cannot write raises `TypeError`; a text it did not write raises `ValueError`.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, time
from pathlib import Path, PurePath
from typing import Any

from mkdocs_folio.problems import Problem
from mkdocs_folio.site.yamlfile import LineDict

__all__ = ["dumps", "loads", "register"]

TAG = "\x00"
_CLASSES: dict[str, type] = {}


def register(cls: type) -> type:
    """Allow a dataclass to travel through the cache (decorator)."""
    _CLASSES[f"{cls.__module__}:{cls.__qualname__}"] = cls
    return cls


register(Problem)  # every kind of kept work replays the warnings it met


LONG = 1 << 16
"""Texts this long (a long page's HTML, its search text) are kept beside the JSON, as they
are: escaping megabytes of HTML for JSON and reading them back cost more than the rest of a
warm build's cache reads together."""


class _LongTexts(list):
    """The long texts of a value being written, and their length so far."""

    size = 0

    def append(self, text: str) -> None:
        super().append(text)
        self.size += len(text)


def dumps(value: Any) -> str:
    longs = _LongTexts()
    text = json.dumps(_encode(value, longs), ensure_ascii=False, separators=(",", ":"))
    if longs:
        # `R<length of the JSON>:<JSON><the long texts, one after another>`
        return f"R{len(text)}:{text}{''.join(longs)}"
    # Most values hold no tagged type: marked plain, they are read back by the JSON parser
    # alone, without walking them again in Python.
    return ("T" if "\\u0000" in text else "P") + text


def dumps_plain(value: Any) -> str:
    """`dumps` for a value of JSON's own types only (lists, text-keyed mappings, text,
    numbers, booleans, None). Long texts at the top of a mapping are kept beside the JSON
    (`Q<length of the header>:<header><JSON><texts>`, the header listing their keys and
    lengths), so that reading it back walks nothing in Python either."""
    if type(value) is dict:
        longs = [k for k, v in value.items() if type(v) is str and len(v) >= LONG]
        if longs:
            rest = {k: (None if k in longs else v) for k, v in value.items()}
            head = json.dumps([[k, len(value[k])] for k in longs], ensure_ascii=False)
            body = json.dumps(rest, ensure_ascii=False, separators=(",", ":"))
            return f"Q{len(head)}:{head}{len(body)}:{body}" + "".join(value[k] for k in longs)
    return "P" + json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def is_plain(text: str) -> bool:
    """Whether a text `dumps` or `dumps_plain` wrote holds only JSON's own types."""
    return text[:1] in ("P", "Q")


def loads(text: str) -> Any:
    try:
        kind = text[:1]
        if kind == "P":
            return json.loads(text[1:])
        if kind == "T":
            return _decode(json.loads(text[1:]))
        if kind == "R":
            length, at = _length(text, 1)
            return _decode(json.loads(text[at : at + length]), _Longs(text, at + length))
        if kind == "Q":
            length, at = _length(text, 1)
            head = json.loads(text[at : at + length])
            length, at = _length(text, at + length)
            value = json.loads(text[at : at + length])
            at += length
            for key, size in head:
                if key not in value or size < 0 or at + size > len(text):
                    raise ValueError("a long text runs past the value")
                value[key] = text[at : at + size]
                at += size
            if at != len(text):
                raise ValueError("text after the long texts")
            return value
    except (KeyError, TypeError, AttributeError, IndexError, json.JSONDecodeError) as exc:
        raise ValueError(f"not a folio cache value: {exc}") from exc
    raise ValueError("not a folio cache value")


def _length(text: str, at: int) -> tuple[int, int]:
    """The decimal length written at `at`, up to its colon; and where what it measures starts."""
    colon = text.index(":", at, at + 20)
    digits = text[at:colon]
    if not digits.isdigit():
        raise ValueError("not a folio cache value")
    return int(digits), colon + 1


class _Longs:
    """The long texts after an `R` value's JSON, taken by offset and length."""

    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.start = start

    def take(self, offset: Any, size: Any) -> str:
        if type(offset) is not int or type(size) is not int or offset < 0 or size < 0:
            raise ValueError("not a folio cache value")
        begin = self.start + offset
        if begin + size > len(self.text):
            raise ValueError("a long text runs past the value")
        return self.text[begin : begin + size]


def _encode(value: Any, longs: _LongTexts | None = None) -> Any:
    # The exact JSON types first: they are nearly every value, and a str subclass (a
    # Markup) or a dict subclass (a LineDict) must still take the general way below.
    kind = type(value)
    if kind is str:
        if longs is not None and len(value) >= LONG:
            offset = longs.size
            longs.append(value)
            return {TAG: "long", "o": offset, "n": len(value)}
        return value
    if kind is int or kind is bool or value is None:
        return value
    if kind is dict:
        if all(type(k) is str for k in value) and TAG not in value:
            return {k: _encode(v, longs) for k, v in value.items()}
    elif kind is list:
        return [_encode(item, longs) for item in value]
    if value is None or isinstance(value, (bool, int, float)):
        if isinstance(value, float) and value != value:  # NaN
            return {TAG: "float", "v": "nan"}
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, LineDict):
        return {
            TAG: "linedict",
            "items": [[_encode(k, longs), _encode(v, longs)] for k, v in dict.items(value)],
            "lines": [[_encode(k, longs), line] for k, line in value.lines.items()],
            "line": value.line,
        }
    if isinstance(value, dict):
        if all(isinstance(k, str) and k != TAG for k in value):
            return {k: _encode(v, longs) for k, v in dict.items(value)}
        return {
            TAG: "dict",
            "items": [[_encode(k, longs), _encode(v, longs)] for k, v in dict.items(value)],
        }
    if isinstance(value, list):
        return [_encode(item, longs) for item in value]
    if isinstance(value, tuple):
        return {TAG: "tuple", "items": [_encode(item, longs) for item in value]}
    if isinstance(value, (set, frozenset)):
        items = sorted((_encode(item, longs) for item in value), key=json.dumps)
        return {TAG: "set", "items": items}
    if isinstance(value, datetime):
        return {TAG: "datetime", "v": value.isoformat()}
    if isinstance(value, date):
        return {TAG: "date", "v": value.isoformat()}
    if isinstance(value, time):
        return {TAG: "time", "v": value.isoformat()}
    if isinstance(value, PurePath):
        return {TAG: "path", "v": str(value)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = f"{type(value).__module__}:{type(value).__qualname__}"
        if name not in _CLASSES:
            raise TypeError(f"{name} is not registered with the cache codec")
        fields = {f.name: _encode(getattr(value, f.name), longs) for f in dataclasses.fields(value)}
        return {TAG: "dc", "t": name, "f": fields}
    raise TypeError(f"the cache cannot hold a {type(value).__qualname__}")


def _decode(value: Any, longs: _Longs | None = None) -> Any:
    if isinstance(value, list):
        return [_decode(item, longs) for item in value]
    if not isinstance(value, dict):
        return value
    tag = value.get(TAG)
    if tag is None:
        return {k: _decode(v, longs) for k, v in value.items()}
    if tag == "long" and longs is not None:
        return longs.take(value["o"], value["n"])
    if tag == "dict":
        return {_decode(k, longs): _decode(v, longs) for k, v in value["items"]}
    if tag == "linedict":
        result = LineDict((_decode(k, longs), _decode(v, longs)) for k, v in value["items"])
        result.lines = {_decode(k, longs): line for k, line in value["lines"]}
        result.line = value["line"]
        return result
    if tag == "tuple":
        return tuple(_decode(item, longs) for item in value["items"])
    if tag == "set":
        return {_decode(item, longs) for item in value["items"]}
    if tag == "datetime":
        return datetime.fromisoformat(value["v"])
    if tag == "date":
        return date.fromisoformat(value["v"])
    if tag == "time":
        return time.fromisoformat(value["v"])
    if tag == "path":
        return Path(value["v"])
    if tag == "float":
        return float(value["v"])
    if tag == "dc":
        cls = _CLASSES.get(value["t"])
        if cls is None:
            raise ValueError(f"unknown cached class {value['t']}")
        fields = {k: _decode(v, longs) for k, v in value["f"].items()}
        names = {f.name for f in dataclasses.fields(cls) if f.init}
        made = cls(**{k: v for k, v in fields.items() if k in names})
        for key, item in fields.items():
            if key not in names:
                object.__setattr__(made, key, item)
        return made
    raise ValueError(f"unknown cache tag {tag!r}")
