"""The CV page (`layout: cv`) from the three data shapes al-folio sites use.

- RenderCV: `_data/cv.yml` with a `cv:` root (`name, label, email, ..., sections: {Title:
  [entries]}`), al-folio's current format;
- JSON Resume: `assets/json/resume.json` (`basics, work, education, ...`), loaded by
  jekyll-get-json as `site.data.resume`;
- the older list of sections in `_data/cv.yml` (`[{title, type, contents}]` with `type` one of
  `map, list, nested_list, time_table, list_groups`), still found in many real sites.

`choose_source` picks one as al-folio does (`cv_format` on the page, else RenderCV, else JSON
Resume, else the list). Every shape becomes one `Cv` of sections and entries that a single
template draws; text fields hold Markdown/HTML as the user wrote them, converted by the
`inline` function the caller passes (the adapter's Markdown).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from mkdocs_folio.problems import Problems
from mkdocs_folio.site.config import as_text
from mkdocs_folio.site.permalinks import slugify

Inline = Callable[[str], str]

LEGACY_TYPES = ("map", "list", "nested_list", "time_table", "list_groups")


@dataclass
class CvLink:
    name: str
    url: str


@dataclass
class CvItem:
    html: str
    children: list[str] = field(default_factory=list)


@dataclass
class CvEntry:
    """One line of a section. Timeline entries use date/location/title/...; rows of a map or
    a skills list use name/value; list entries use `html`."""

    date: str = ""
    location: str = ""
    title: str = ""
    title_url: str = ""
    subtitle: str = ""
    detail: str = ""
    summary: str = ""
    items: list[CvItem] = field(default_factory=list)
    links: list[CvLink] = field(default_factory=list)
    name: str = ""
    value: str = ""
    icon: str = ""
    keywords: list[str] = field(default_factory=list)
    html: str = ""


@dataclass
class CvGroup:
    """A `list_groups` category: an icon, a name and its items (name, level, school...)."""

    category: str
    icon: str
    entries: list[CvEntry]


@dataclass
class CvSection:
    title: str
    kind: str  # timeline | map | list | nested_list | list_groups | skills | references
    entries: list[CvEntry] = field(default_factory=list)
    groups: list[CvGroup] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return slugify(self.title) or "section"


@dataclass
class Cv:
    source: str  # rendercv | jsonresume | list
    contact: list[tuple[str, str, str]] = field(default_factory=list)
    """(label, text, url) rows of the "Contact Information" card."""
    summary: str = ""
    sections: list[CvSection] = field(default_factory=list)


# --- Choosing the source -------------------------------------------------------------------------


def choose_source(cv_format: str, cv_data: Any, resume: Any) -> tuple[str | None, list[str]]:
    """Which data the page shows, and notes for the user when the choice may surprise.

    `cv_format` (page front matter): `rendercv` or `jsonresume`. Without it: RenderCV when
    `_data/cv.yml` has a `cv:` root, else JSON Resume when present, else the older list
    format of `_data/cv.yml`.
    """
    has_rendercv = isinstance(cv_data, Mapping) and isinstance(cv_data.get("cv"), Mapping)
    has_list = isinstance(cv_data, list)
    has_resume = isinstance(resume, Mapping) and bool(resume)
    notes: list[str] = []
    fmt = cv_format.strip().lower()
    if fmt == "rendercv":
        if has_rendercv:
            return "rendercv", notes
        if has_list:
            return "list", notes
        return None, ["cv_format is rendercv but _data/cv.yml has no `cv:` section"]
    if fmt in ("jsonresume", "json", "resume"):
        if has_resume:
            return "jsonresume", notes
        return None, [
            "cv_format is jsonresume but no JSON Resume (assets/json/resume.json) was found"
        ]
    if fmt:
        notes.append(
            f"unknown cv_format '{cv_format.strip()}' (write rendercv or jsonresume, or leave "
            "it out to let the data decide; the data decides until then)"
        )
    if has_rendercv:
        return "rendercv", notes
    if has_resume:
        if has_list:
            notes.append(
                "both a JSON Resume and a list-style _data/cv.yml exist; like al-folio, the "
                "page shows the JSON Resume (remove assets/json/resume.json to show cv.yml)"
            )
        return "jsonresume", notes
    if has_list:
        return "list", notes
    if cv_data is not None:
        shape = (
            "a mapping without `cv:`"
            if isinstance(cv_data, Mapping)
            else (f"{type(cv_data).__name__} {cv_data!r:.40}")
        )
        notes.append(
            f"_data/cv.yml is {shape}: write a RenderCV `cv:` mapping or a list of sections "
            "(see the CV section of the docs); the CV is empty until then"
        )
    elif resume is None:
        notes.append(
            "a cv page without CV data: add _data/cv.yml (RenderCV `cv:` or a list of "
            "sections) or assets/json/resume.json; the CV is empty until then"
        )
    return None, notes


# --- Shared helpers ------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    return as_text(value)


def _date_range(start: Any, end: Any, *, months: bool) -> str:
    """al-folio's date badge: `1933 - 1955`, or `2014.04 - 2015.07` for work entries."""

    def short(value: Any) -> str:
        text = _text(value)
        if not text:
            return ""
        parts = text.split("-")
        if months and len(parts) >= 2 and parts[0].isdigit():
            return ".".join(parts[:2])
        return parts[0]

    begin = short(start)
    if not begin:
        return ""
    finish = short(end) or "Present"
    return f"{begin} - {finish}"


def _year_of(value: Any) -> str:
    text = _text(value)
    match = re.match(r"\d{4}", text)
    return match.group(0) if match else text


def _list(value: Any) -> list[Any]:
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return [v for v in value if v is not None and v != ""]
    return [value]


def _keywords(value: Any) -> list[str]:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return [_text(v) for v in _list(value)]


def _get(entry: Mapping[str, Any], *keys: str) -> Any:
    for key in keys:
        value = entry.get(key)
        if value not in (None, ""):
            return value
    return None


# --- RenderCV and JSON Resume ---------------------------------------------------------------------

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
        date=_date_range(
            _get(entry, "start_date", "startDate"), _get(entry, "end_date", "endDate"), months=True
        ),
        location=_text(entry.get("location")),
        title=inline(_text(entry.get("position"))),
        title_url=_text(entry.get("url")),
        subtitle=inline(_text(_get(entry, "name", "company", "organization", "institution"))),
        summary=inline(_text(entry.get("summary"))),
        items=[CvItem(inline(_text(h))) for h in _list(entry.get("highlights"))],
    )


def _education(entry: Mapping[str, Any], inline: Inline) -> CvEntry:
    items = [CvItem(inline(_text(c))) for c in _list(entry.get("courses"))]
    items += [CvItem(inline(_text(h))) for h in _list(entry.get("highlights"))]
    score = _text(entry.get("score") or entry.get("gpa"))
    if score:
        items.append(CvItem(inline(f"Score: {score}")))
    return CvEntry(
        date=_date_range(
            _get(entry, "start_date", "startDate"), _get(entry, "end_date", "endDate"), months=False
        ),
        location=_text(entry.get("location")),
        title=inline(_text(_get(entry, "studyType", "degree"))),
        title_url=_text(entry.get("url")),
        subtitle=inline(_text(entry.get("institution"))),
        detail=inline(_text(entry.get("area"))),
        items=items,
    )


def _award(entry: Mapping[str, Any], inline: Inline) -> CvEntry:
    return CvEntry(
        date=_year_of(_get(entry, "date", "year")),
        title=inline(_text(_get(entry, "title", "name"))),
        title_url=_text(entry.get("url")),
        subtitle=inline(_text(entry.get("awarder"))),
        summary=inline(_text(entry.get("summary"))),
        items=[CvItem(inline(_text(h))) for h in _list(entry.get("highlights"))],
    )


def _publication(entry: Mapping[str, Any], inline: Inline) -> CvEntry:
    authors = ", ".join(_text(a) for a in _list(entry.get("authors")))
    return CvEntry(
        date=_year_of(_get(entry, "releaseDate", "date", "year")),
        title=inline(_text(_get(entry, "title", "name"))),
        title_url=_text(_get(entry, "url", "doi")),
        subtitle=inline(_text(_get(entry, "publisher", "journal"))),
        detail=inline(authors),
        summary=inline(_text(entry.get("summary"))),
    )


def _certificate(entry: Mapping[str, Any], inline: Inline) -> CvEntry:
    return CvEntry(
        date=_year_of(entry.get("date")),
        title=inline(_text(_get(entry, "name", "title"))),
        title_url=_text(entry.get("url")),
        subtitle=inline(_text(entry.get("issuer"))),
        icon=_text(entry.get("icon")),
    )


def _project(entry: Mapping[str, Any], inline: Inline) -> CvEntry:
    return CvEntry(
        date=_date_range(
            _get(entry, "start_date", "startDate"), _get(entry, "end_date", "endDate"), months=True
        ),
        title=inline(_text(_get(entry, "name", "title"))),
        title_url=_text(entry.get("url")),
        summary=inline(_text(_get(entry, "summary", "description"))),
        items=[CvItem(inline(_text(h))) for h in _list(entry.get("highlights"))],
    )


def _skill(entry: Mapping[str, Any], inline: Inline) -> CvEntry:
    return CvEntry(
        name=inline(_text(_get(entry, "name", "language"))),
        value=inline(_text(_get(entry, "level", "fluency", "summary"))),
        icon=_text(entry.get("icon")),
        keywords=[inline(k) for k in _keywords(entry.get("keywords"))],
    )


def _reference(entry: Mapping[str, Any], inline: Inline) -> CvEntry:
    return CvEntry(
        name=inline(_text(entry.get("name"))),
        value=inline(_text(_get(entry, "reference", "summary"))),
        icon=_text(entry.get("icon")),
    )


def _generic(entry: Any, inline: Inline) -> CvEntry:
    """RenderCV's other entry types: bullets, one-line `label: details`, text, or anything
    shaped like an experience."""
    if not isinstance(entry, Mapping):
        return CvEntry(html=inline(_text(entry)))
    if entry.get("bullet") is not None:
        return CvEntry(html=inline(_text(entry.get("bullet"))))
    if entry.get("label") is not None and entry.get("details") is not None:
        return CvEntry(
            name=inline(_text(entry.get("label"))), value=inline(_text(entry["details"]))
        )
    if any(k in entry for k in ("position", "company", "institution", "start_date", "date")):
        if "position" in entry or "company" in entry:
            return _experience(entry, inline)
        if "institution" in entry:
            return _education(entry, inline)
        return _award(entry, inline)
    return CvEntry(
        title=inline(_text(_get(entry, "title", "name"))),
        title_url=_text(entry.get("url")),
        summary=inline(_text(_get(entry, "summary", "description"))),
        items=[CvItem(inline(_text(h))) for h in _list(entry.get("highlights"))],
    )


Skip = Callable[[str, Any], None]


def _ignore(section: str, entry: Any) -> None:
    return None


def _skip_reporter(problems: Problems, path: Path | str | None, line: int | None) -> Skip:
    """How a reader reports an entry it has to leave out: one problem naming the section."""

    def skip(section: str, entry: Any) -> None:
        problems.add(
            f"CV section '{section}': an entry must be a mapping of `key: value` lines, "
            f"found {entry!r:.60}",
            path,
            getattr(entry, "line", None) or line,
            "write the entry's fields indented under `- `; the entry is left out",
        )

    return skip


def _section(title: str, entries: list[Any], inline: Inline, skip: Skip = _ignore) -> CvSection:
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


def _address(value: Any, *keys: str) -> str:
    if isinstance(value, str):
        return value
    if not isinstance(value, Mapping):
        return ""
    parts = [_text(value.get(k)) for k in keys]
    return ", ".join(p for p in parts if p)


def _contact(
    values: Mapping[str, Any], *, website_key: str, address: str
) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    for label, key in (("Name", "name"), ("Professional Title", "label")):
        if _text(values.get(key)):
            rows.append((label, _text(values.get(key)), ""))
    email = _text(values.get("email"))
    if email:
        rows.append(("Email", email, f"mailto:{email}"))
    if _text(values.get("phone")):
        rows.append(("Phone", _text(values.get("phone")), ""))
    if address:
        rows.append(("Location", address, ""))
    website = _text(values.get(website_key))
    if website:
        rows.append(("Website", website, website))
    return rows


def read_rendercv(
    data: Mapping[str, Any],
    inline: Inline,
    problems: Problems | None = None,
    path: Path | str | None = None,
) -> Cv:
    cv = data.get("cv") if isinstance(data.get("cv"), Mapping) else data
    line = getattr(cv, "lines", {}).get("sections")
    skip = _skip_reporter(problems, path, line) if problems is not None else _ignore
    address = _address(cv.get("address"), "street", "city", "region", "postalCode") or _text(
        cv.get("location")
    )
    result = Cv(
        source="rendercv",
        contact=_contact(cv, website_key="website", address=address),
        summary=inline(_text(cv.get("summary"))),
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
        experience += _list(sections.get(title))
    if experience:
        result.sections.append(_section("Experience", experience, inline, skip))
    for title, entries in sections.items():
        if str(title) in ("Experience", "Volunteer"):
            continue
        result.sections.append(_section(str(title), _list(entries), inline, skip))
    return result


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
    address = _address(basics.get("location"), "address", "city", "region", "postalCode")
    result = Cv(
        source="jsonresume",
        contact=_contact(basics, website_key="url", address=address),
        summary=inline(_text(basics.get("summary"))),
    )
    skip = _skip_reporter(problems, path, None) if problems is not None else _ignore
    keys = [k for k in (order or JSONRESUME_ORDER) if k != "basics"]
    seen: set[str] = set()
    for key in keys:
        if key in ("work", "volunteer"):
            if "work" in seen:
                continue
            seen.update(("work", "volunteer"))
            entries = _list(data.get("work")) + _list(data.get("volunteer"))
            if entries:
                result.sections.append(_section("Experience", entries, inline, skip))
            continue
        if key in seen:
            continue
        seen.add(key)
        entries = _list(data.get(key))
        if entries:
            title = _JSON_TITLES.get(key, key.title())
            result.sections.append(_section(title, entries, inline, skip))
    return result


# --- The older list of sections -------------------------------------------------------------------


def _time_table(content: Mapping[str, Any], inline: Inline) -> CvEntry:
    items: list[CvItem] = []
    for source in (content.get("description"), content.get("items")):
        for item in _list(source):
            if isinstance(item, Mapping):
                items.append(
                    CvItem(
                        inline(_text(item.get("title"))),
                        [inline(_text(c)) for c in _list(item.get("contents"))],
                    )
                )
            else:
                items.append(CvItem(inline(_text(item))))
    links = [
        CvLink(_text(link.get("linkname")) or "doc", _text(link.get("link")))
        for link in _list(content.get("linkitems"))
        if isinstance(link, Mapping) and _text(link.get("link"))
    ]
    return CvEntry(
        date=_text(content.get("year")),
        location=_text(content.get("location")),
        title=inline(_text(content.get("title"))),
        subtitle=inline(_text(content.get("institution"))),
        detail=inline(_text(content.get("department"))),
        summary=inline(_text(content.get("maindescription"))),
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
        title = _text(raw.get("title")) or f"Section {index + 1}"
        kind = _text(raw.get("type"))
        contents = _list(raw.get("contents"))
        line = getattr(raw, "lines", {}).get("type") if hasattr(raw, "lines") else None
        skip = _skip_reporter(problems, path, getattr(raw, "lines", {}).get("contents", line))
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
                    CvLink(_text(link.get("name")) or "doc", _text(link.get("link")))
                    for link in _list(content.get("links"))
                    if isinstance(link, Mapping) and _text(link.get("link"))
                ]
                entries.append(
                    CvEntry(
                        name=inline(_text(content.get("name"))),
                        value=inline(_text(content.get("value"))),
                        links=links,
                    )
                )
            result.sections.append(CvSection(title, "map", entries))
        elif kind == "list":
            entries = [CvEntry(html=inline(_text(c))) for c in contents]
            result.sections.append(CvSection(title, "list", entries))
        elif kind == "nested_list":
            entries = [
                CvEntry(
                    title=inline(_text(c.get("title"))),
                    items=[CvItem(inline(_text(i))) for i in _list(c.get("items"))],
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
                for item in _list(content.get("items")):
                    if not isinstance(item, Mapping):
                        continue
                    link = _text(item.get("link"))
                    items.append(
                        CvEntry(
                            name=inline(_text(item.get("name"))),
                            value=inline(_text(item.get("level"))),
                            subtitle=inline(_text(item.get("school"))),
                            date=_text(item.get("time")),
                            links=[CvLink(_text(item.get("linkname")) or "DOC", link)]
                            if link
                            else [],
                        )
                    )
                groups.append(
                    CvGroup(
                        category=inline(_text(content.get("category"))),
                        icon=_text(content.get("icon")),
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


def read_cv(
    source: str,
    *,
    cv_data: Any,
    resume: Any,
    inline: Inline,
    problems: Problems,
    cv_path: Path | str | None = None,
    jsonresume_order: list[str] | None = None,
    resume_path: Path | str | None = None,
) -> Cv:
    if source == "rendercv":
        return read_rendercv(cv_data, inline, problems, cv_path)
    if source == "jsonresume":
        return read_jsonresume(resume, inline, jsonresume_order, problems, resume_path)
    return read_list_cv(cv_data, inline, problems, cv_path)


def pdf_target(value: Any) -> str:
    """`cv_pdf` as a link target: a URL, a site path, or (before 2026) a file name in
    `assets/pdf/`."""
    text = as_text(value)
    if not text or "://" in text or text.startswith("/"):
        return text
    if "/" not in text:
        return f"/assets/pdf/{text}"
    return "/" + text
