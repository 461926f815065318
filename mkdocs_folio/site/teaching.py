"""Teaching (`_teachings/*.md`, layout `course`): course pages and the index by year.

A course's front matter carries `instructor`, `term`, `location`, `time`, `year` (for the
grouping), `course_id` and a `schedule` of weeks with `materials`. Values of the wrong shape
are reported with their line and left out; the rest of the course still shows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs_folio.problems import Problems
from mkdocs_folio.site.collections import Document
from mkdocs_folio.site.config import as_text
from mkdocs_folio.site.yamlfile import LineDict


@dataclass(frozen=True)
class Material:
    name: str
    url: str = ""
    """A site path or a URL; empty for a material without a link."""

    @property
    def external(self) -> bool:
        return "://" in self.url


@dataclass
class ScheduleRow:
    week: str
    date: str
    topic: str
    description: str
    """Markdown, converted by the adapter."""
    materials: list[Material] = field(default_factory=list)


@dataclass
class Course:
    title: str
    url: str
    description: str
    instructor: str = ""
    term: str = ""
    location: str = ""
    time: str = ""
    year: int | None = None
    course_id: str = ""
    schedule: list[ScheduleRow] = field(default_factory=list)

    @property
    def info(self) -> list[tuple[str, str]]:
        """The "Instructor: ... Term: ..." lines al-folio prints above the body."""
        pairs = (
            ("Instructor", self.instructor),
            ("Term", self.term),
            ("Location", self.location),
            ("Time", self.time),
        )
        return [(label, value) for label, value in pairs if value]


def _year(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return int(str(value).strip()[:4])
    except ValueError:
        return None


def read_course(
    meta: LineDict, *, title: str, url: str, where: Path | str, problems: Problems
) -> Course:
    """A course from its front matter; a malformed schedule entry is reported and skipped."""
    year = _year(meta.get("year"))
    if meta.get("year") is not None and year is None:
        problems.add(
            f"'year' must be a year such as 2024, found {meta.get('year')!r}",
            where,
            meta.lines.get("year"),
            "the course is listed under 'Other'",
        )
    schedule: list[ScheduleRow] = []
    raw = meta.get("schedule")
    if raw is not None and not isinstance(raw, list):
        problems.add(
            "'schedule' must be a list of weeks (week, date, topic, description, materials)",
            where,
            meta.lines.get("schedule"),
            "the schedule is left out",
        )
        raw = []
    for entry in raw or []:
        if not isinstance(entry, dict):
            problems.add(
                f"a schedule entry must be a mapping, found {entry!r}",
                where,
                meta.lines.get("schedule"),
                "write it like `- {week: 1, date: Sept 5, topic: ...}`; the entry is left out",
            )
            continue
        line = getattr(entry, "line", None) or meta.lines.get("schedule")

        def text(mapping: dict, key: str, line: int | None = line) -> str:
            value = mapping.get(key)
            if isinstance(value, (dict, list)):
                problems.add(
                    f"schedule: '{key}' must be text, found a "
                    f"{'mapping' if isinstance(value, dict) else 'list'}",
                    where,
                    getattr(mapping, "lines", {}).get(key, line),
                    f"write it like `{key}: ...` on one line; it is left empty",
                )
                return ""
            return as_text(value)

        materials: list[Material] = []
        raw_materials = entry.get("materials") or []
        if isinstance(raw_materials, dict):
            raw_materials = [raw_materials]
        if not isinstance(raw_materials, list):
            problems.add(
                f"schedule: 'materials' must be a list of {{name, url}}, found {raw_materials!r}",
                where,
                getattr(entry, "lines", {}).get("materials", line),
                "write it like `materials: [{name: Slides, url: /assets/pdf/w1.pdf}]`; "
                "the materials are left out",
            )
            raw_materials = []
        for item in raw_materials:
            if isinstance(item, dict):
                materials.append(
                    Material(name=text(item, "name") or text(item, "url"), url=text(item, "url"))
                )
            elif isinstance(item, list):
                problems.add(
                    "schedule: a material must be a {name, url} mapping, found a list",
                    where,
                    line,
                    "write it like `- {name: Slides, url: ...}`; it is left out",
                )
            elif item is not None:
                materials.append(Material(name=as_text(item)))
        schedule.append(
            ScheduleRow(
                week=text(entry, "week"),
                date=text(entry, "date"),
                topic=text(entry, "topic"),
                description=text(entry, "description"),
                materials=materials,
            )
        )
    return Course(
        title=title,
        url=url,
        description=as_text(meta.get("description")),
        instructor=as_text(meta.get("instructor")),
        term=as_text(meta.get("term")),
        location=as_text(meta.get("location")),
        time=as_text(meta.get("time")),
        year=year,
        course_id=as_text(meta.get("course_id")),
        schedule=schedule,
    )


def course_from_document(document: Document, problems: Problems) -> Course:
    return read_course(
        document.meta,
        title=document.title,
        url=document.url,
        where=document.abs_path,
        problems=problems,
    )


def courses_by_year(courses: list[Course]) -> list[tuple[str, list[Course]]]:
    """al-folio's teaching index: years newest first, courses by term (as text) in a year."""
    groups: dict[int | None, list[Course]] = defaultdict(list)
    for course in courses:
        groups[course.year].append(course)
    years = sorted((y for y in groups if y is not None), reverse=True)
    result = [(str(y), sorted(groups[y], key=lambda c: (c.term, c.title))) for y in years]
    if None in groups:
        result.append(("Other", sorted(groups[None], key=lambda c: (c.term, c.title))))
    return result


@dataclass(frozen=True)
class CalendarLink:
    """`{% include calendar.liquid %}`: a Google Calendar, linked (embedded only on request)."""

    calendar_id: str
    timezone: str = "UTC"
    style: str = "border:0; width:100%; height:600px;"
    embed: bool = False

    @property
    def url(self) -> str:
        from urllib.parse import quote

        return (
            "https://calendar.google.com/calendar/embed?src="
            f"{quote(self.calendar_id, safe='')}&ctz={quote(self.timezone, safe='/')}"
        )

    @property
    def embed_url(self) -> str:
        return self.url + "&mode=WEEK&showTitle=0&showPrint=0&showCalendars=0&showTabs=0"
