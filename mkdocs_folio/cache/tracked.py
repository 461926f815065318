"""Mappings and lists that note which of their parts the running work reads (see trace.py).

Liquid's `site` object, `site.data` and every document in `site.posts` are `TrackedDict`s: a
page whose Liquid reads `post.title` for five posts and `post.featured` for all of them
depends on exactly those values, so editing the body of a sixth post leaves it alone. A
collection is a `TrackedList`: reading `site.posts` itself depends only on which documents
it holds, in which order (its documents' fields are tracked one by one).

Every way of reading a mapping is covered: a key (`[]`, `get`, `in`), its keys (iteration,
`len`), its items or values (`items()`, `values()`, `dict(x)`, `json.dumps`, copying), so a
reader that takes the whole mapping depends on the whole of it.
"""

from __future__ import annotations

from typing import Any

from mkdocs_folio.cache import trace
from mkdocs_folio.cache.fingerprint import Unfingerprintable, fingerprint

__all__ = ["MISSING", "TrackedDict", "TrackedList", "column_values"]

MISSING = "\x00missing"
"""The value recorded for a key the mapping does not have (so adding it is a change)."""

ALL = "\x00all"
KEYS = "\x00keys"


class TrackedDict(dict):
    """A dict whose reads are recorded as inputs `kind` / `key` + field."""

    __slots__ = ("_digests", "_key", "_kind")

    def __init__(self, data: Any, kind: str, key: str) -> None:
        super().__init__(data)
        self._kind = kind
        self._key = key
        self._digests: dict[Any, str] = {}  # values do not change while a build reads them

    # -- what is recorded -------------------------------------------------------------------

    def _note(self, name: Any, value: Any) -> None:
        digest = self._digests.get(name)
        if digest is None:
            with trace.paused():
                digest = fingerprint(value)
            self._digests[name] = digest
        trace.record_fingerprint(self._kind, f"{self._key}{trace.SEP}{name}", digest)

    def _field(self, name: Any) -> None:
        if trace.is_recording():
            try:
                self._note(name, dict.get(self, name, MISSING))
            except (Unfingerprintable, TypeError) as exc:
                trace.uncacheable(f"{self._kind} {self._key}.{name}: {exc}")

    def _keys(self) -> None:
        if trace.is_recording():
            self._note(KEYS, list(dict.keys(self)))

    def _all(self) -> None:
        if trace.is_recording():
            try:
                self._note(ALL, self.plain())
            except Unfingerprintable as exc:
                trace.uncacheable(f"{self._kind} {self._key}: {exc}")

    def plain(self) -> dict[Any, Any]:
        """The content as a plain dict (nothing recorded)."""
        return {key: dict.__getitem__(self, key) for key in dict.keys(self)}

    def __fingerprint__(self) -> Any:
        return self.plain()

    # -- reads ------------------------------------------------------------------------------

    def __getitem__(self, name: Any) -> Any:
        self._field(name)
        return dict.__getitem__(self, name)

    def get(self, name: Any, default: Any = None) -> Any:
        self._field(name)
        return dict.get(self, name, default)

    def __contains__(self, name: Any) -> bool:
        self._field(name)
        return dict.__contains__(self, name)

    def __iter__(self) -> Any:
        self._keys()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._keys()
        return dict.__len__(self)

    def keys(self) -> Any:
        self._keys()
        return dict.keys(self)

    def values(self) -> Any:
        self._all()
        return dict.values(self)

    def items(self) -> Any:
        self._all()
        return dict.items(self)

    def copy(self) -> dict[Any, Any]:
        self._all()
        return self.plain()

    def __reduce_ex__(self, protocol: Any) -> Any:
        self._all()
        return (dict, (self.plain(),))

    def __eq__(self, other: object) -> bool:
        self._all()
        return self.plain() == other

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        self._all()
        return repr(self.plain())


class TrackedList(list):
    """A collection's documents: reading the list depends on which documents, in order."""

    __slots__ = ("_columns", "identity", "source")

    def __init__(self, items: Any, identity: list[str], source: str | None = None) -> None:
        super().__init__(items)
        self.identity = identity
        self.source = source  # the collection's name, for `column`
        self._columns: dict[str, str] = {}

    def column(self, name: str) -> list[Any] | None:
        """Every document's `name` (MISSING where it has none), noted as one input.

        A page that filters or sorts the posts on a field (`where: "featured"`) depends on
        that field of all of them; noted field by field, each of the 200 pages of a blog
        index would carry a thousand reads, which its cache entry writes, reads and checks
        on every build. None when the list is not a collection the build can find again.
        """
        if self.source is None:
            return None
        values = column_values(self, name)
        if values is None:
            return None
        if trace.is_recording():
            digest = self._columns.get(name)
            if digest is None:
                try:
                    with trace.paused():
                        digest = self._columns[name] = fingerprint([self.identity, values])
                except Unfingerprintable as exc:
                    trace.uncacheable(f"{self.source}.{name} of every document: {exc}")
                    return values
            trace.record_fingerprint("column", f"{self.source}{trace.SEP}{name}", digest)
        return values

    def __fingerprint__(self) -> Any:
        return self.identity


def column_values(items: list[Any], name: str) -> list[Any] | None:
    """`name` of every mapping in `items`, nothing recorded; None when one is no mapping."""
    values = []
    for item in items:
        if not isinstance(item, dict):
            return None
        values.append(dict.get(item, name, MISSING))
    return values
