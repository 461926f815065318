"""JSON Resume (`assets/json/resume.json`, loaded by jekyll-get-json as `site.data.resume`):
`basics` is the contact card, the other keys are sections in al-folio's order (or the order
of `_config.yml`'s `jsonresume` list); work and volunteer become one Experience section.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs_folio.problems import Problems
from mkdocs_folio.site.cv.entries import address_text, build_section, contact_rows
from mkdocs_folio.site.cv.model import Cv, Inline
from mkdocs_folio.site.cv.values import ignore_skipped, list_of, skip_reporter, text_of

__all__ = ["JSONRESUME_ORDER", "read_jsonresume"]


JSONRESUME_ORDER = (
    "work",
    "education",
    "awards",
    "publications",
    "skills",
    "languages",
    "interests",
    "certificates",
    "projects",
    "references",
)
_JSON_TITLES = {
    "work": "Experience",
    "volunteer": "Experience",
    "education": "Education",
    "awards": "Awards",
    "publications": "Publications",
    "skills": "Skills",
    "languages": "Languages",
    "interests": "Interests",
    "certificates": "Certificates",
    "projects": "Projects",
    "references": "References",
}


def read_jsonresume(
    data: Mapping[str, Any],
    inline: Inline,
    order: list[str] | None = None,
    problems: Problems | None = None,
    path: Path | str | None = None,
) -> Cv:
    basics = data.get("basics") if isinstance(data.get("basics"), Mapping) else {}
    address = address_text(basics.get("location"), "address", "city", "region", "postalCode")
    result = Cv(
        source="jsonresume",
        contact=contact_rows(basics, website_key="url", address=address),
        summary=inline(text_of(basics.get("summary"))),
    )
    skip = skip_reporter(problems, path, None) if problems is not None else ignore_skipped
    keys = [k for k in (order or JSONRESUME_ORDER) if k != "basics"]
    seen: set[str] = set()
    for key in keys:
        if key in ("work", "volunteer"):
            if "work" in seen:
                continue
            seen.update(("work", "volunteer"))
            entries = list_of(data.get("work")) + list_of(data.get("volunteer"))
            if entries:
                result.sections.append(build_section("Experience", entries, inline, skip))
            continue
        if key in seen:
            continue
        seen.add(key)
        entries = list_of(data.get(key))
        if entries:
            title = _JSON_TITLES.get(key, key.title())
            result.sections.append(build_section(title, entries, inline, skip))
    return result
