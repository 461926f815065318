"""Fingerprints: a short digest of any value folio renders from, equal exactly when it is.

Every piece of reused work is keyed by the content it came from. A fingerprint walks the
value itself (never `repr`, never an object's address): strings, numbers, dates, paths,
lists, mappings in their order (a template iterates them in that order), sets in sorted
order, dataclasses field by field. A type it does not know raises `Unfingerprintable`: the
caller then does the work again rather than risk reusing it for a value that only looks the
same.

It runs on the C JSON encoder, which writes mapping keys as text: a key `1` and a key `"1"`
give one fingerprint. Folio's inputs are YAML, where such a pair means the same to Liquid
and to the templates; every other difference of type is told apart.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from pathlib import PurePath
from typing import Any

__all__ = ["Unfingerprintable", "digest", "fingerprint"]


class Unfingerprintable(TypeError):
    """A value of a type that has no faithful fingerprint."""


def fingerprint(value: Any) -> str:
    """A 32-character hex digest of `value`'s content."""
    own = getattr(type(value), "__fingerprint__", None)
    if own is not None:
        value = ["\x00x", type(value).__qualname__, own(value)]
    try:
        # The C JSON encoder walks plain data several times faster than Python code can;
        # `_default` spells out the other types. A mapping with keys JSON cannot write
        # (tuples) takes the slower, exhaustive walk.
        text = _ENCODER.encode(value)
    except (TypeError, ValueError):
        hasher = hashlib.blake2b(digest_size=16)
        try:
            _feed(hasher.update, value, 0)
        except RecursionError as exc:  # a self-referencing structure
            raise Unfingerprintable("value nests too deep to fingerprint") from exc
        return hasher.hexdigest()
    except RecursionError as exc:
        raise Unfingerprintable("value nests too deep to fingerprint") from exc
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _default(value: Any) -> Any:
    own = getattr(type(value), "__fingerprint__", None)
    if own is not None:
        return ["\x00x", type(value).__qualname__, own(value)]
    if isinstance(value, datetime):
        return ["\x00D", value.isoformat(), str(value.tzinfo)]
    if isinstance(value, (date, time, timedelta)):
        return ["\x00d", type(value).__name__, str(value)]
    if isinstance(value, PurePath):
        return ["\x00p", str(value)]
    if isinstance(value, (set, frozenset)):
        return ["\x00S", sorted(fingerprint(item) for item in value)]
    if isinstance(value, (bytes, bytearray)):
        return ["\x00b", digest(bytes(value))]
    if isinstance(value, enum.Enum):
        return ["\x00e", type(value).__qualname__, str(value.name)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [
            "\x00c",
            type(value).__qualname__,
            {field.name: getattr(value, field.name) for field in dataclasses.fields(value)},
        ]
    raise Unfingerprintable(f"no fingerprint for {type(value).__qualname__}")


_ENCODER = json.JSONEncoder(
    default=_default, ensure_ascii=False, separators=(",", ":"), check_circular=True
)


def digest(data: bytes | str) -> str:
    """The fingerprint of raw text or bytes (a file's content)."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


_MAX_DEPTH = 200


def _feed(update: Any, value: Any, depth: int) -> None:
    if depth > _MAX_DEPTH:
        raise Unfingerprintable("value nests too deep to fingerprint")
    own = getattr(type(value), "__fingerprint__", None)
    if own is not None:  # a type that knows what it stands for (a tracked mapping, a list)
        update(b"x" + type(value).__qualname__.encode() + b":")
        _feed(update, own(value), depth + 1)
    elif value is None:
        update(b"N")
    elif value is True:
        update(b"T")
    elif value is False:
        update(b"F")
    elif isinstance(value, str):
        data = value.encode("utf-8", "surrogatepass")
        update(b"s%d:" % len(data))
        update(data)
    elif isinstance(value, int) and not isinstance(value, enum.Enum):
        update(b"i%d;" % value)
    elif isinstance(value, float):
        update(b"f" + repr(value).encode() + b";")
    elif isinstance(value, (bytes, bytearray)):
        update(b"b%d:" % len(value))
        update(bytes(value))
    elif isinstance(value, Mapping):
        update(b"d%d:" % len(value))
        for key, item in value.items():
            _feed(update, key, depth + 1)
            _feed(update, item, depth + 1)
        lines = getattr(value, "lines", None)  # a LineDict: warnings name these lines
        if isinstance(lines, dict) and lines:
            update(b"L")
            _feed(update, lines, depth + 1)
            _feed(update, getattr(value, "line", None), depth + 1)
    elif isinstance(value, (list, tuple)):
        update(b"l%d:" % len(value) if isinstance(value, list) else b"t%d:" % len(value))
        for item in value:
            _feed(update, item, depth + 1)
    elif isinstance(value, (set, frozenset)):
        items = sorted(fingerprint(item) for item in value)
        update(b"S%d:" % len(items))
        for item in items:
            update(item.encode())
    elif isinstance(value, datetime):
        update(b"D" + value.isoformat().encode() + b"|" + str(value.tzinfo).encode() + b";")
    elif isinstance(value, (date, time, timedelta)):
        update(b"d" + type(value).__name__.encode() + str(value).encode() + b";")
    elif isinstance(value, PurePath):
        update(b"p" + str(value).encode("utf-8", "surrogatepass") + b";")
    elif isinstance(value, enum.Enum):
        update(b"e" + type(value).__qualname__.encode() + b"." + str(value.name).encode() + b";")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        update(b"c" + type(value).__qualname__.encode() + b":")
        for field in dataclasses.fields(value):
            update(field.name.encode() + b"=")
            _feed(update, getattr(value, field.name), depth + 1)
    else:
        raise Unfingerprintable(f"no fingerprint for {type(value).__qualname__}")
