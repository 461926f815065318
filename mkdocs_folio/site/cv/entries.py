"""The entries of RenderCV and JSON Resume (experience, education, awards, publications,
certificates, projects, skills, references, and RenderCV's generic kinds), the section each
title maps to, and the contact card both formats share.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from mkdocs_folio.site.cv.model import CvEntry, CvItem, CvSection, Inline
from mkdocs_folio.site.cv.values import (
    Skip,
    date_range,
    first_of,
    ignore_skipped,
    keywords_of,
    list_of,
    text_of,
    year_of,
)

__all__ = ["address_text", "build_section", "contact_rows"]


_EXPERIENCE = {"experience", "work", "volunteer", "volunteering"}
_EDUCATION = {"education"}
_AWARDS = {"awards", "honors and awards", "honors", "awards and honors"}
_PUBLICATIONS = {"publications"}
_SKILLS = {"skills", "languages", "interests", "academic interests"}
_CERTIFICATES = {"certificates", "certifications"}
_PROJECTS = {"projects", "open source projects"}
_REFERENCES = {"references"}


def _experience(entry: Mapping[str, Any], inline: Inline) -> CvEntry:
    return CvEntry(
        date=date_range(
            first_of(entry, "start_date", "startDate"),
            first_of(entry, "end_date", "endDate"),
            months=True,
        ),
        location=text_of(entry.get("location")),
        title=inline(text_of(entry.get("position"))),
        title_url=text_of(entry.get("url")),
        subtitle=inline(text_of(first_of(entry, "name", "company", "organization", "institution"))),
        summary=inline(text_of(entry.get("summary"))),
        items=[CvItem(inline(text_of(h))) for h in list_of(entry.get("highlights"))],
    )


def _education(entry: Mapping[str, Any], inline: Inline) -> CvEntry:
    items = [CvItem(inline(text_of(c))) for c in list_of(entry.get("courses"))]
    items += [CvItem(inline(text_of(h))) for h in list_of(entry.get("highlights"))]
    score = text_of(entry.get("score") or entry.get("gpa"))
    if score:
        items.append(CvItem(inline(f"Score: {score}")))
    return CvEntry(
        date=date_range(
            first_of(entry, "start_date", "startDate"),
            first_of(entry, "end_date", "endDate"),
            months=False,
        ),
        location=text_of(entry.get("location")),
        title=inline(text_of(first_of(entry, "studyType", "degree"))),
        title_url=text_of(entry.get("url")),
        subtitle=inline(text_of(entry.get("institution"))),
        detail=inline(text_of(entry.get("area"))),
        items=items,
    )


def _award(entry: Mapping[str, Any], inline: Inline) -> CvEntry:
    return CvEntry(
        date=year_of(first_of(entry, "date", "year")),
        title=inline(text_of(first_of(entry, "title", "name"))),
        title_url=text_of(entry.get("url")),
        subtitle=inline(text_of(entry.get("awarder"))),
        summary=inline(text_of(entry.get("summary"))),
        items=[CvItem(inline(text_of(h))) for h in list_of(entry.get("highlights"))],
    )


def _publication(entry: Mapping[str, Any], inline: Inline) -> CvEntry:
    authors = ", ".join(text_of(a) for a in list_of(entry.get("authors")))
    return CvEntry(
        date=year_of(first_of(entry, "releaseDate", "date", "year")),
        title=inline(text_of(first_of(entry, "title", "name"))),
        title_url=text_of(first_of(entry, "url", "doi")),
        subtitle=inline(text_of(first_of(entry, "publisher", "journal"))),
        detail=inline(authors),
        summary=inline(text_of(entry.get("summary"))),
    )


def _certificate(entry: Mapping[str, Any], inline: Inline) -> CvEntry:
    return CvEntry(
        date=year_of(entry.get("date")),
        title=inline(text_of(first_of(entry, "name", "title"))),
        title_url=text_of(entry.get("url")),
        subtitle=inline(text_of(entry.get("issuer"))),
        icon=text_of(entry.get("icon")),
    )


def _project(entry: Mapping[str, Any], inline: Inline) -> CvEntry:
    return CvEntry(
        date=date_range(
            first_of(entry, "start_date", "startDate"),
            first_of(entry, "end_date", "endDate"),
            months=True,
        ),
        title=inline(text_of(first_of(entry, "name", "title"))),
        title_url=text_of(entry.get("url")),
        summary=inline(text_of(first_of(entry, "summary", "description"))),
        items=[CvItem(inline(text_of(h))) for h in list_of(entry.get("highlights"))],
    )


def _skill(entry: Mapping[str, Any], inline: Inline) -> CvEntry:
    return CvEntry(
        name=inline(text_of(first_of(entry, "name", "language"))),
        value=inline(text_of(first_of(entry, "level", "fluency", "summary"))),
        icon=text_of(entry.get("icon")),
        keywords=[inline(k) for k in keywords_of(entry.get("keywords"))],
    )


def _reference(entry: Mapping[str, Any], inline: Inline) -> CvEntry:
    return CvEntry(
        name=inline(text_of(entry.get("name"))),
        value=inline(text_of(first_of(entry, "reference", "summary"))),
        icon=text_of(entry.get("icon")),
    )


def _generic(entry: Any, inline: Inline) -> CvEntry:
    """RenderCV's other entry types: bullets, one-line `label: details`, text, or anything
    shaped like an experience."""
    if not isinstance(entry, Mapping):
        return CvEntry(html=inline(text_of(entry)))
    if entry.get("bullet") is not None:
        return CvEntry(html=inline(text_of(entry.get("bullet"))))
    if entry.get("label") is not None and entry.get("details") is not None:
        return CvEntry(
            name=inline(text_of(entry.get("label"))), value=inline(text_of(entry["details"]))
        )
    if any(k in entry for k in ("position", "company", "institution", "start_date", "date")):
        if "position" in entry or "company" in entry:
            return _experience(entry, inline)
        if "institution" in entry:
            return _education(entry, inline)
        return _award(entry, inline)
    return CvEntry(
        title=inline(text_of(first_of(entry, "title", "name"))),
        title_url=text_of(entry.get("url")),
        summary=inline(text_of(first_of(entry, "summary", "description"))),
        items=[CvItem(inline(text_of(h))) for h in list_of(entry.get("highlights"))],
    )


def build_section(
    title: str, entries: list[Any], inline: Inline, skip: Skip = ignore_skipped
) -> CvSection:
    key = title.strip().lower()
    mapping: list[tuple[set[str], str, Callable[[Mapping[str, Any], Inline], CvEntry]]] = [
        (_EXPERIENCE, "timeline", _experience),
        (_EDUCATION, "timeline", _education),
        (_AWARDS, "timeline", _award),
        (_PUBLICATIONS, "timeline", _publication),
        (_CERTIFICATES, "timeline", _certificate),
        (_PROJECTS, "timeline", _project),
        (_SKILLS, "skills", _skill),
        (_REFERENCES, "references", _reference),
    ]
    for names, kind, build in mapping:
        if key in names:
            for entry in entries:
                if not isinstance(entry, Mapping):
                    skip(title, entry)
            return CvSection(
                title=title,
                kind=kind,
                entries=[build(e, inline) for e in entries if isinstance(e, Mapping)],
            )
    built = [_generic(e, inline) for e in entries]
    kind = "list" if all(e.html for e in built) else "timeline"
    return CvSection(title=title, kind=kind, entries=built)


def address_text(value: Any, *keys: str) -> str:
    if isinstance(value, str):
        return value
    if not isinstance(value, Mapping):
        return ""
    parts = [text_of(value.get(k)) for k in keys]
    return ", ".join(p for p in parts if p)


def contact_rows(
    values: Mapping[str, Any], *, website_key: str, address: str
) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    for label, key in (("Name", "name"), ("Professional Title", "label")):
        if text_of(values.get(key)):
            rows.append((label, text_of(values.get(key)), ""))
    email = text_of(values.get("email"))
    if email:
        rows.append(("Email", email, f"mailto:{email}"))
    if text_of(values.get("phone")):
        rows.append(("Phone", text_of(values.get("phone")), ""))
    if address:
        rows.append(("Location", address, ""))
    website = text_of(values.get(website_key))
    if website:
        rows.append(("Website", website, website))
    return rows
