"""RenderCV (`_data/cv.yml` with a `cv:` root), al-folio's current CV format: `name, label,
email, ..., sections: {Title: [entries]}`. Experience and Volunteer become one section.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs_folio.problems import Problems
from mkdocs_folio.site.cv.entries import address_text, build_section, contact_rows
from mkdocs_folio.site.cv.model import Cv, Inline
from mkdocs_folio.site.cv.values import ignore_skipped, list_of, skip_reporter, text_of

__all__ = ["read_rendercv"]


def read_rendercv(
    data: Mapping[str, Any],
    inline: Inline,
    problems: Problems | None = None,
    path: Path | str | None = None,
) -> Cv:
    cv = data.get("cv") if isinstance(data.get("cv"), Mapping) else data
    line = getattr(cv, "lines", {}).get("sections")
    skip = skip_reporter(problems, path, line) if problems is not None else ignore_skipped
    address = address_text(cv.get("address"), "street", "city", "region", "postalCode") or text_of(
        cv.get("location")
    )
    result = Cv(
        source="rendercv",
        contact=contact_rows(cv, website_key="website", address=address),
        summary=inline(text_of(cv.get("summary"))),
    )
    sections = cv.get("sections")
    if not isinstance(sections, Mapping):
        if sections is not None and problems is not None:
            problems.add(
                f"cv.sections must be a mapping of section titles to lists of entries, "
                f"found {sections!r:.40}",
                path,
                line,
                "write it like `sections: {Education: [...]}`; the CV shows no sections",
            )
        return result
    experience: list[Any] = []
    for title in ("Experience", "Volunteer"):
        experience += list_of(sections.get(title))
    if experience:
        result.sections.append(build_section("Experience", experience, inline, skip))
    for title, entries in sections.items():
        if str(title) in ("Experience", "Volunteer"):
            continue
        result.sections.append(build_section(str(title), list_of(entries), inline, skip))
    return result
