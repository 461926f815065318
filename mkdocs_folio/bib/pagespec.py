"""The MkDocs-native way to put a bibliography on a page: front matter instead of Liquid.

    ---
    layout: page
    title: publications
    bibliography:
      file: papers                 # or a list: [papers, preprints]
      query: "@*[year>=2020]*"
      group_by: year               # year | none (default: scholar.group_by)
      group_order: descending
      max: 50
      search: true                 # the filter box above the list
    ---

The list is rendered after the page body. `bibliography:` may also be a list of such
mappings, each with an optional `heading` (an `h2` above its list), for a page with talks and
papers. A plain string is left alone: al-folio's distill posts use `bibliography: file.bib`
for `<d-cite>`, which is not this feature.

Why front matter rather than a Markdown block: it needs no Liquid and no new Markdown syntax
(nothing to escape, nothing that shows as raw text in an editor's preview or on GitHub), every
value is checked with its line number, and it reads like the rest of an MkDocs page's metadata.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs_folio.bib.query import BibliographyRequest, QueryError, compile_query
from mkdocs_folio.problems import Problems
from mkdocs_folio.site.config import as_bool
from mkdocs_folio.site.yamlfile import line_of

__all__ = ["PAGE_BIBLIOGRAPHY_KEYS", "PageBibliography", "read_page_bibliography"]

PAGE_BIBLIOGRAPHY_KEYS = (
    "file",
    "query",
    "group_by",
    "group_order",
    "max",
    "search",
    "heading",
)


@dataclass
class PageBibliography:
    """One list asked for by front matter: the request plus presentation switches."""

    request: BibliographyRequest
    search: bool = False
    heading: str = ""
    line: int | None = None


def _one(
    spec: Mapping[str, Any], problems: Problems, path: Path | str, line: int | None
) -> PageBibliography | None:
    request = BibliographyRequest()
    result = PageBibliography(request, line=line_of(spec, "file", line))

    def problem(key: str, message: str, hint: str = "") -> None:
        problems.add(f"bibliography: {message}", path, line_of(spec, key, line), hint)

    for key, value in spec.items():
        name = str(key)
        if name not in PAGE_BIBLIOGRAPHY_KEYS:
            problem(
                name,
                f"unknown key `{name}`",
                f"use {', '.join(PAGE_BIBLIOGRAPHY_KEYS)}",
            )
            continue
        if value is None:
            continue
        if name == "file":
            files = value if isinstance(value, list) else [value]
            for item in files:
                text = str(item).strip()
                if text:
                    request.files.append(text[:-4] if text.endswith(".bib") else text)
        elif name == "query":
            text = str(value).strip()
            try:
                compile_query(text)
            except QueryError as exc:
                problem(name, f"query: {exc}", "see `@*[field=value]*` syntax; nothing is listed")
            request.query = text
        elif name == "group_by":
            low = "none" if value is False else str(value).strip().lower()
            if low not in ("year", "none"):
                problem(name, f"group_by must be `year` or `none`, got `{value}`")
                continue
            request.group_by = low
        elif name == "group_order":
            low = str(value).strip().lower()
            if low not in ("ascending", "descending"):
                problem(name, f"group_order must be `ascending` or `descending`, got `{value}`")
                continue
            request.group_order = low
        elif name == "max":
            if isinstance(value, bool) or not str(value).strip().isdigit():
                problem(name, f"max must be a whole number, got `{value}`")
                continue
            request.max = int(str(value).strip())
        elif name == "search":
            result.search = as_bool(value)
        elif name == "heading":
            result.heading = str(value).strip()
    return result


def read_page_bibliography(
    value: Any, problems: Problems, path: Path | str, line: int | None = None
) -> list[PageBibliography]:
    """The lists a page's `bibliography:` front matter asks for (empty for a string, which is
    a distill post's bib file). Bad values are Problems naming the file and line."""
    if value is None or isinstance(value, str):
        return []
    if value is True:
        return [PageBibliography(BibliographyRequest(), line=line)]
    specs = value if isinstance(value, list) else [value]
    result = []
    for spec in specs:
        if not isinstance(spec, Mapping):
            problems.add(
                "bibliography: each list is a mapping such as "
                "`{file: papers, query: '@*[year>=2020]*'}`",
                path,
                line_of(spec, "", line),
                f"found {type(spec).__name__}; it is ignored",
            )
            continue
        one = _one(spec, problems, path, line)
        if one is not None:
            result.append(one)
    return result
