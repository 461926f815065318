"""Parse each bib file once per content, across `mkdocs serve` rebuilds and across builds.

MkDocs rebuilds everything on any change and tells nobody what changed, so we key on content:
(resolved path, sha256 of the bytes). A hit returns the *same* `Bibliography` object, which
lets later stages (entry views, rendered HTML) memoise on it too. Given the build cache
(`cache/store.py`), the parsed file is also kept there as plain data (`bib/stored.py`), so the
next build in a new process reads it back instead of parsing. The problems found when the
file was parsed are stored with it and reported again on every hit, so a warning never goes
silent just because the file did not change.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs_folio.bib.loader import decode_bib_bytes, parse_bibliography
from mkdocs_folio.bib.model import Bibliography
from mkdocs_folio.bib.stored import FORMAT, from_plain, outline, outline_from_plain, to_plain
from mkdocs_folio.problems import Problem, Problems

__all__ = [
    "DEFAULT_CACHE",
    "OUTLINE",
    "BibCache",
    "CacheStats",
    "content_slot",
    "load_bibliography",
    "loaded_slot",
    "stored_outline",
]

OUTLINE = "bib-outline"
"""The stage of a bib file's outline in the build cache, under the file's own key."""


@dataclass
class CacheStats:
    hits: int = 0
    stored_hits: int = 0  # read back from the build cache
    misses: int = 0


class BibCache:
    """In-memory cache of parsed bibliographies (and, given a store, the build cache's)."""

    def __init__(self, max_entries: int = 64) -> None:
        self._items: dict[tuple[str, str], tuple[Bibliography, tuple[Problem, ...]]] = {}
        self._max = max_entries
        self._lock = threading.Lock()
        self.stats = CacheStats()

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def load(
        self,
        path: Path,
        problems: Problems,
        *,
        store: Any = None,
        salt: str = "",
    ) -> Bibliography:
        """The parsed bibliography at `path`; never raises (a missing file gives a Problem and
        an empty bibliography). `store`: a build cache (`cache/store.py`) that keeps the
        parsed file across builds, under its content and `salt` (what else the parse
        depends on: the version of this code)."""
        path = Path(path)
        try:
            resolved = str(path.resolve())
            data = path.read_bytes()
        except FileNotFoundError:
            problems.add(
                "bibliography file not found", path, None, "check the file name and folder"
            )
            return Bibliography(source=path)
        except OSError as exc:
            problems.add(f"cannot read bibliography file: {exc}", path, None)
            return Bibliography(source=path)
        digest = hashlib.sha256(data).hexdigest()
        key = (resolved, digest)
        slot = _slot(resolved, digest, salt)
        if store is not None:
            store.keep("bib", slot)  # this build uses it, however it is found
            store.keep(OUTLINE, slot)
        with self._lock:
            item = self._items.get(key)
        if item is not None:
            self.stats.hits += 1
            problems.extend(list(item[1]))
            return item[0]
        item = _from_store(store, slot, path)
        if item is not None:
            self.stats.stored_hits += 1
        else:
            self.stats.misses += 1
            local = Problems()
            text = decode_bib_bytes(data, path, local)
            bib = parse_bibliography(text, path, local, digest=digest)
            item = (bib, tuple(local))
            if store is not None:
                store.put("bib", slot, to_plain(*item), plain=True, later=True)
        if store is not None:  # also beside a parse an earlier version kept without one
            store.put(OUTLINE, slot, outline(*item), plain=True, later=True)
        with self._lock:
            # one version per path: an edited file replaces its old parse
            for old in [k for k in self._items if k[0] == resolved]:
                del self._items[old]
            if len(self._items) >= self._max:
                self._items.pop(next(iter(self._items)))
            self._items[key] = item
        problems.extend(list(item[1]))
        return item[0]


def content_slot(path: Path, salt: str = "") -> str | None:
    """The build cache's name for the bib file as it is now (its path and content); None when
    it cannot be read (loading it reports why)."""
    try:
        resolved = str(Path(path).resolve())
        data = Path(path).read_bytes()
    except OSError:
        return None
    return _slot(resolved, hashlib.sha256(data).hexdigest(), salt)


def loaded_slot(bib: Bibliography, salt: str = "") -> str | None:
    """`content_slot` of a file already loaded (its digest is that of the bytes it was
    parsed from), without reading it again."""
    if not bib.digest or not bib.source:
        return None
    return _slot(str(Path(bib.source).resolve()), bib.digest, salt)


def stored_outline(
    store: Any, slot: str, path: Path
) -> tuple[list[tuple[str, str, str, int]], tuple[Problem, ...]] | None:
    """The outline (`bib/stored.py`) kept when the file with this content was last parsed:
    its problems and the fields that name files, without reading the whole file back."""
    kept = store.get(OUTLINE, slot, shared=True) if store is not None else None
    if kept is None:
        return None
    try:
        found = outline_from_plain(kept, path)
    except ValueError:
        return None
    store.keep("bib", slot)  # the next build that needs the file reads it back
    return found


def _slot(resolved: str, digest: str, salt: str) -> str:
    return hashlib.sha256(f"{FORMAT}\0{salt}\0{resolved}\0{digest}".encode()).hexdigest()


def _from_store(
    store: Any, slot: str, path: Path
) -> tuple[Bibliography, tuple[Problem, ...]] | None:
    kept = store.get("bib", slot) if store is not None else None
    if kept is None:
        return None
    try:
        return from_plain(kept, path)
    except ValueError:
        return None


DEFAULT_CACHE = BibCache()


def load_bibliography(
    path: Path, problems: Problems, *, store: Any = None, salt: str = ""
) -> Bibliography:
    """Load a bib file, parsed once per content: a memory cache keyed by (path, sha256) serves
    `mkdocs serve` rebuilds, and the build cache `store` (when given) serves the next build.
    Problems found when the file was parsed are reported again on every call."""
    return DEFAULT_CACHE.load(path, problems, store=store, salt=salt)
