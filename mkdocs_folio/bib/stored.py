"""A parsed bib file as plain data, for the build cache.

A warm build reads the bibliography back from the cache (`cache/store.py`) instead of parsing
it again: on a 2,000-entry file that is most of what the publications page costs when nothing
changed. The form is JSON's own types only, never pickle: a cache folder comes back from disk
or from a CI cache, and reading it must not be able to run anything. `FORMAT` is part of the
key, so a change of this form never reads an old one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs_folio.bib.links import file_fields
from mkdocs_folio.bib.model import Author, Bibliography, Entry
from mkdocs_folio.problems import Problem

__all__ = ["FORMAT", "from_plain", "outline", "outline_from_plain", "to_plain"]

FORMAT = "1"


def to_plain(bib: Bibliography, problems: tuple[Problem, ...]) -> dict[str, Any]:
    """`bib` (read from one file) and the problems found reading it, as plain data."""
    return {
        "entries": [
            [
                e.key,
                e.type,
                dict(e.fields),
                dict(e.raw_fields),
                [_author(a) for a in e.authors],
                [_author(a) for a in e.editors],
                e.title,
                e.title_html,
                e.year,
                e.month,
                e.line,
                dict(e.field_lines),
                dict(e.macro_fields),
                e.digest,
            ]
            for e in bib.entries
        ],
        "digest": bib.digest,
        "strings": dict(bib.strings),
        "problems": _plain_problems(bib, problems),
    }


def outline(bib: Bibliography, problems: tuple[Problem, ...]) -> dict[str, Any]:
    """What a build needs of a bib file that none of its pages read (they all came from the
    cache): the problems found reading it, and each field that may name a file of the site
    (`pdf`, `slides`, ...) with its value and line, so that a missing file is still reported
    without reading the whole file back."""
    return {
        "problems": _plain_problems(bib, problems),
        "files": [list(item) for item in file_fields(bib)],
    }


def outline_from_plain(
    data: dict[str, Any], source: Path | str
) -> tuple[list[tuple[str, str, str, int]], tuple[Problem, ...]]:
    """What `outline` wrote: (entry key, field, value, line) per field, and the problems."""
    try:
        files = [(str(k), str(n), str(v), int(line)) for k, n, v, line in data["files"]]
        return files, _problems_from_plain(data["problems"], source)
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"not a stored outline: {exc}") from exc


def _plain_problems(bib: Bibliography, problems: tuple[Problem, ...]) -> list[list[Any]]:
    return [
        [p.message, None if p.path == bib.source else str(p.path), p.line, p.hint] for p in problems
    ]


def _problems_from_plain(data: list[Any], source: Path | str) -> tuple[Problem, ...]:
    return tuple(
        Problem(message, source if path is None else path, line, hint)
        for message, path, line, hint in data
    )


def from_plain(
    data: dict[str, Any], source: Path | str
) -> tuple[Bibliography, tuple[Problem, ...]]:
    """What `to_plain` wrote, for the file at `source`; raises ValueError on anything else."""
    try:
        entries = [
            Entry(
                key=key,
                type=kind,
                fields=fields,
                raw_fields=raw,
                authors=tuple(Author(*a) for a in authors),
                editors=tuple(Author(*a) for a in editors),
                title=title,
                title_html=title_html,
                year=year,
                month=month,
                source=source,
                line=line,
                field_lines=lines,
                macro_fields=macros,
                digest=digest,
            )
            for (
                key, kind, fields, raw, authors, editors, title, title_html, year, month,
                line, lines, macros, digest,
            ) in data["entries"]
        ]  # fmt: skip
        problems = _problems_from_plain(data["problems"], source)
        bib = Bibliography(
            entries=entries,
            by_key={e.key: e for e in entries},
            source=source,
            digest=data["digest"],
            strings=dict(data["strings"]),
            by_folded_key={e.key.casefold(): e for e in entries},
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"not a stored bibliography: {exc}") from exc
    return bib, problems


def _author(author: Author) -> list[str]:
    return [author.first, author.middle, author.von, author.last, author.jr, author.marks]
