"""Front matters parsed by earlier builds, kept on disk by the text they were parsed from.

On a build where nothing changed, reading the site is mostly parsing YAML: PyYAML builds
each front matter in Python (about 65 µs for a post's five keys, 0.09 s for the bench
site's 1,402 documents), while the same mapping comes back from JSON in about 8 µs. So the
build cache keeps, for each file, the parse of the text it had: its mapping with every
key's line, where its body starts, and the problems the parse reported (replayed, so a
warning never goes silent because its file did not change).

A record is used only for the very text it came from (its digest is compared), so it can
never be stale; the entry holding all records is keyed by the parser's code (folio's own
source and PyYAML's version), so a new parser never reads an old one's records. Records
are kept one per file, the latest text's, and dropped with their file.

The file itself is still read every build (the body is taken from it): only the parse is
skipped.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs_folio.cache import codec
from mkdocs_folio.cache.fingerprint import digest
from mkdocs_folio.cache.store import CacheStore
from mkdocs_folio.problems import Problem, Problems
from mkdocs_folio.site.frontmatter import FrontMatter, split_front_matter
from mkdocs_folio.site.yamlfile import LineDict

__all__ = ["STAGE", "KeptFrontMatters"]

STAGE = "front-matter"


class KeptFrontMatters:
    """One per plugin: `start` each build, `split` in place of `split_front_matter`, then
    `finish` before the store saves."""

    def __init__(self) -> None:
        self._store: CacheStore | None = None
        self._key = ""
        self._kept: dict[str, Any] = {}  # path -> [text digest, record text], as stored
        self._made: dict[str, list[str]] = {}
        self._touched: set[str] = set()

    def start(self, store: CacheStore, key: str) -> None:
        """A build begins; `key` names the parser (see `parser_key`)."""
        self._store, self._key = store, key
        self._made = {}
        self._touched = set()
        kept = store.get(STAGE, key, shared=True) if store.enabled else None
        self._kept = kept if isinstance(kept, dict) else {}

    def split(self, text: str, where: Path | str, problems: Problems) -> FrontMatter:
        """`split_front_matter(text, where, problems)`, from the kept record when there is
        one for this very text."""
        store = self._store
        if store is None or not store.enabled:
            return split_front_matter(text, where, problems)
        name = str(where)
        text_digest = digest(text)
        self._touched.add(name)
        known = self._made.get(name) or self._kept.get(name)
        if type(known) is list and len(known) == 2 and known[0] == text_digest:
            front = _from_record(known[1], text, problems)
            if front is not None:
                return front
        local = Problems()
        front = split_front_matter(text, where, local)
        problems.extend(local)
        record = _record(front, list(local))
        if record is not None:
            self._made[name] = [text_digest, record]
        return front

    def finish(self) -> None:
        """Keep this build's records: the entry is written again only when a file was
        parsed anew or one that had a record is gone."""
        store = self._store
        if store is None or not store.enabled:
            return
        gone = [
            name
            for name in self._kept
            if name not in self._touched and name not in self._made and not os.path.exists(name)
        ]
        if not self._made and not gone:
            if self._kept:
                store.keep(STAGE, self._key)
            return
        records = {name: known for name, known in self._kept.items() if name not in gone}
        records.update(self._made)
        self._kept, self._made = records, {}
        store.put(STAGE, self._key, records, plain=True, later=True)


def parser_key(code_digest: str) -> str:
    """What a kept parse depends on besides its text: folio's code and PyYAML's."""
    import yaml

    return digest(f"{code_digest}\0{yaml.__version__}\0{getattr(yaml, '__with_libyaml__', False)}")


def _record(front: FrontMatter, problems: list[Problem]) -> str | None:
    """A parse as text; None for a value the codec cannot hold (`!!binary`)."""
    try:
        return codec.dumps(
            [
                len(front.body),
                front.body_line,
                front.has_front_matter,
                front.broken,
                front.meta,
                problems,
            ]
        )
    except (TypeError, ValueError):
        return None


def _from_record(record: Any, text: str, problems: Problems) -> FrontMatter | None:
    """The parse a record holds, its body taken from `text` (the body is always the end
    of the text the parse split); None for a record that does not read back."""
    try:
        body_length, body_line, has_front, broken, meta, noted = codec.loads(record)
    except (ValueError, TypeError):
        return None
    if (
        type(body_length) is not int
        or not 0 <= body_length <= len(text)
        or type(body_line) is not int
        or not isinstance(meta, LineDict)
        or not isinstance(noted, list)
        or not all(isinstance(problem, Problem) for problem in noted)
    ):
        return None
    problems.extend(noted)
    return FrontMatter(
        meta=meta,
        body=text[len(text) - body_length :],
        body_line=body_line,
        has_front_matter=bool(has_front),
        broken=bool(broken),
    )
