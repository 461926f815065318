"""Parse each input once: results cached by file identity across `mkdocs serve` rebuilds.

MkDocs rebuilds the whole site on every change and tells nobody what changed. Keying parsed
results by (path, size, mtime) makes an unchanged file cost one `stat`. The problems a parse
produced are cached with it and reported again on every build, so a warning never goes
silent just because its file did not change.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from mkdocs_folio.problems import Problem, Problems
from mkdocs_folio.site.frontmatter import (
    FrontMatter,
    Splitter,
    read_front_matter,
    split_front_matter,
)

T = TypeVar("T")

_Key = tuple[str, str, int, int]


class FileCache:
    """A per-process cache of parsed files; one instance lives as long as the plugin."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], tuple[_Key, Any, list[Problem]]] = {}
        self.hits = 0
        self.misses = 0
        self.split: Splitter = split_front_matter
        """How a changed file's front matter is split: the plugin hands in one that takes
        back an earlier build's parse of the same text (cache/frontmatters.py)."""

    def front_matter(self, path: Path, problems: Problems) -> FrontMatter:
        """A page's front matter and body, parsed once for as long as the file is unchanged."""
        return self.get("page", path, problems, self._read_front_matter)

    def _read_front_matter(self, path: Path, problems: Problems) -> FrontMatter:
        return read_front_matter(path, problems, split=self.split)

    def get(
        self,
        kind: str,
        path: Path,
        problems: Problems,
        parse: Callable[[Path, Problems], T],
    ) -> T:
        try:
            stat = os.stat(path)
            key: _Key = (kind, str(path), stat.st_size, stat.st_mtime_ns)
        except OSError:
            key = (kind, str(path), -1, -1)
        slot = (kind, str(path))
        cached = self._entries.get(slot)
        if cached is not None and cached[0] == key:
            self.hits += 1
            problems.extend(cached[2])
            return cached[1]
        self.misses += 1
        local = Problems()
        value = parse(path, local)
        self._entries[slot] = (key, value, list(local))
        problems.extend(local)
        return value

    def forget_missing(self) -> None:
        """Drop entries of files that no longer exist, so memory follows the site."""
        for slot in [s for s in self._entries if not os.path.exists(s[1])]:
            del self._entries[slot]
