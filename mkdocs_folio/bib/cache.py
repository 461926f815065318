"""Parse each bib file once per content, across `mkdocs serve` rebuilds and (optionally) runs.

MkDocs rebuilds everything on any change and tells nobody what changed, so we key on content:
(resolved path, sha256 of the bytes). A hit returns the *same* `Bibliography` object, which
lets later stages (entry views, rendered HTML) memoise on it too. The problems found when the
file was parsed are stored with it and reported again on every hit, so a warning never goes
silent just because the file did not change.
"""

from __future__ import annotations

import hashlib
import pickle
import threading
from dataclasses import dataclass
from pathlib import Path

import pybtex

from mkdocs_folio.bib.loader import decode_bib_bytes, parse_bibliography
from mkdocs_folio.bib.model import Bibliography
from mkdocs_folio.problems import Problem, Problems

__all__ = ["CACHE_VERSION", "DEFAULT_CACHE", "BibCache", "CacheStats", "load_bibliography"]

# Bump when the parsed model changes shape, so old pickles are ignored.
CACHE_VERSION = "1"


@dataclass
class CacheStats:
    hits: int = 0
    disk_hits: int = 0
    misses: int = 0


class BibCache:
    """In-memory (and optional on-disk) cache of parsed bibliographies."""

    def __init__(self, max_entries: int = 64) -> None:
        self._items: dict[tuple[str, str], tuple[Bibliography, tuple[Problem, ...]]] = {}
        self._max = max_entries
        self._lock = threading.Lock()
        self.stats = CacheStats()

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def load(
        self, path: Path, problems: Problems, *, cache_dir: Path | None = None
    ) -> Bibliography:
        """The parsed bibliography at `path`; never raises (a missing file gives a Problem and
        an empty bibliography)."""
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
        with self._lock:
            item = self._items.get(key)
        if item is not None:
            self.stats.hits += 1
            problems.extend(list(item[1]))
            return item[0]
        item = self._from_disk(cache_dir, resolved, digest, path)
        if item is not None:
            self.stats.disk_hits += 1
        else:
            self.stats.misses += 1
            local = Problems()
            text = decode_bib_bytes(data, path, local)
            bib = parse_bibliography(text, path, local, digest=digest)
            item = (bib, tuple(local))
            self._to_disk(cache_dir, resolved, digest, item)
        with self._lock:
            # one version per path: an edited file replaces its old parse
            for old in [k for k in self._items if k[0] == resolved]:
                del self._items[old]
            if len(self._items) >= self._max:
                self._items.pop(next(iter(self._items)))
            self._items[key] = item
        problems.extend(list(item[1]))
        return item[0]

    @staticmethod
    def _disk_path(cache_dir: Path, resolved: str, digest: str) -> Path:
        tag = hashlib.sha256(
            f"{CACHE_VERSION}\0{pybtex.__version__}\0{resolved}\0{digest}".encode()
        ).hexdigest()[:32]
        return cache_dir / f"bib-{tag}.pickle"

    def _from_disk(
        self, cache_dir: Path | None, resolved: str, digest: str, path: Path
    ) -> tuple[Bibliography, tuple[Problem, ...]] | None:
        if cache_dir is None:
            return None
        file = self._disk_path(Path(cache_dir), resolved, digest)
        try:
            with file.open("rb") as handle:
                item = pickle.load(handle)  # our own cache file
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        except Exception:  # a stale or foreign pickle must never break a build
            return None
        if (
            not isinstance(item, tuple)
            or len(item) != 2
            or not isinstance(item[0], Bibliography)
            or item[0].digest != digest
        ):
            return None
        return item

    def _to_disk(
        self,
        cache_dir: Path | None,
        resolved: str,
        digest: str,
        item: tuple[Bibliography, tuple[Problem, ...]],
    ) -> None:
        if cache_dir is None:
            return
        directory = Path(cache_dir)
        file = self._disk_path(directory, resolved, digest)
        try:
            directory.mkdir(parents=True, exist_ok=True)
            tmp = file.with_suffix(".tmp")
            with tmp.open("wb") as handle:
                pickle.dump(item, handle, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(file)
        except OSError:
            pass  # a read-only cache dir only costs speed


DEFAULT_CACHE = BibCache()


def load_bibliography(
    path: Path, problems: Problems, *, cache_dir: Path | None = None
) -> Bibliography:
    """Load a bib file, parsed once per content: a memory cache keyed by (path, sha256) serves
    `mkdocs serve` rebuilds, and an optional pickle cache in `cache_dir` serves cold builds.
    Problems found when the file was parsed are reported again on every call."""
    return DEFAULT_CACHE.load(path, problems, cache_dir=cache_dir)
