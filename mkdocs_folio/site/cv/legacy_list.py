"""The older list of sections in `_data/cv.yml` (`[{title, type, contents}]`, `type` one of
`map, list, nested_list, time_table, list_groups`), still found in many real sites. An
unknown type is reported and its section left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs_folio.problems import Problems
from mkdocs_folio.site.cv.model import Cv, CvEntry, CvGroup, CvItem, CvLink, CvSection, Inline
from mkdocs_folio.site.cv.values import list_of, skip_reporter, text_of

__all__ = ["LEGACY_TYPES", "read_list_cv"]


LEGACY_TYPES = ("map", "list", "nested_list", "time_table", "list_groups")


def _time_table(content: Mapping[str, Any], inline: Inline) -> CvEntry:
    items: list[CvItem] = []
    for source in (content.get("description"), content.get("items")):
        for item in list_of(source):
            if isinstance(item, Mapping):
                items.append(
                    CvItem(
                        inline(text_of(item.get("title"))),
                        [inline(text_of(c)) for c in list_of(item.get("contents"))],
                    )
                )
            else:
                items.append(CvItem(inline(text_of(item))))
    links = [
        CvLink(text_of(link.get("linkname")) or "doc", text_of(link.get("link")))
        for link in list_of(content.get("linkitems"))
        if isinstance(link, Mapping) and text_of(link.get("link"))
    ]
    return CvEntry(
        date=text_of(content.get("year")),
        location=text_of(content.get("location")),
        title=inline(text_of(content.get("title"))),
        subtitle=inline(text_of(content.get("institution"))),
        detail=inline(text_of(content.get("department"))),
        summary=inline(text_of(content.get("maindescription"))),
        items=items,
        links=links,
    )


def read_list_cv(
    data: list[Any], inline: Inline, problems: Problems, path: Path | str | None
) -> Cv:
    """The list of `{title, type, contents}` sections; an unknown type is reported."""
    result = Cv(source="list")
    for index, raw in enumerate(data):
        if not isinstance(raw, Mapping):
            problems.add(
                f"CV section {index + 1} must be a mapping with title, type and contents, "
                f"found {raw!r:.40}",
                path,
                None,
                "write it like `- title: Education` with `type:` and `contents:` under it; "
                "it is left out",
            )
            continue
        title = text_of(raw.get("title")) or f"Section {index + 1}"
        kind = text_of(raw.get("type"))
        contents = list_of(raw.get("contents"))
        line = getattr(raw, "lines", {}).get("type") if hasattr(raw, "lines") else None
        skip = skip_reporter(problems, path, getattr(raw, "lines", {}).get("contents", line))
        if kind in ("map", "nested_list", "time_table", "list_groups"):
            for content in contents:
                if not isinstance(content, Mapping):
                    skip(title, content)
        if kind == "map":
            entries = []
            for content in contents:
                if not isinstance(content, Mapping):
                    continue
                links = [
                    CvLink(text_of(link.get("name")) or "doc", text_of(link.get("link")))
                    for link in list_of(content.get("links"))
                    if isinstance(link, Mapping) and text_of(link.get("link"))
                ]
                entries.append(
                    CvEntry(
                        name=inline(text_of(content.get("name"))),
                        value=inline(text_of(content.get("value"))),
                        links=links,
                    )
                )
            result.sections.append(CvSection(title, "map", entries))
        elif kind == "list":
            entries = [CvEntry(html=inline(text_of(c))) for c in contents]
            result.sections.append(CvSection(title, "list", entries))
        elif kind == "nested_list":
            entries = [
                CvEntry(
                    title=inline(text_of(c.get("title"))),
                    items=[CvItem(inline(text_of(i))) for i in list_of(c.get("items"))],
                )
                for c in contents
                if isinstance(c, Mapping)
            ]
            result.sections.append(CvSection(title, "nested_list", entries))
        elif kind == "time_table":
            entries = [_time_table(c, inline) for c in contents if isinstance(c, Mapping)]
            result.sections.append(CvSection(title, "timeline", entries))
        elif kind == "list_groups":
            groups = []
            for content in contents:
                if not isinstance(content, Mapping):
                    continue
                items = []
                for item in list_of(content.get("items")):
                    if not isinstance(item, Mapping):
                        continue
                    link = text_of(item.get("link"))
                    items.append(
                        CvEntry(
                            name=inline(text_of(item.get("name"))),
                            value=inline(text_of(item.get("level"))),
                            subtitle=inline(text_of(item.get("school"))),
                            date=text_of(item.get("time")),
                            links=[CvLink(text_of(item.get("linkname")) or "DOC", link)]
                            if link
                            else [],
                        )
                    )
                groups.append(
                    CvGroup(
                        category=inline(text_of(content.get("category"))),
                        icon=text_of(content.get("icon")),
                        entries=items,
                    )
                )
            result.sections.append(CvSection(title, "list_groups", groups=groups))
        else:
            problems.add(
                f"CV section '{title}' has an unknown type '{kind}'",
                path,
                line,
                f"use one of {', '.join(LEGACY_TYPES)}; the section is left out",
            )
    return result
