"""Teaching: course pages (layout `course`), `{% include courses.liquid %}` (the index by
year) and `{% include calendar.liquid %}`.

The calendar is a third-party embed (Google Calendar): by default it is a link to the
calendar, so the teaching page makes no request to Google. `embed=true` on the include, or
`calendar: {embed: true}` in `_config.yml`, adds the iframe inside a "Show calendar"
disclosure, loaded only when opened.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mkdocs.structure.pages import Page

from mkdocs_folio.adapter.views import PageView
from mkdocs_folio.features.base import BuildContext, Feature
from mkdocs_folio.liquid import Registry, TagContext
from mkdocs_folio.site.config import as_bool, as_text
from mkdocs_folio.site.pages import SourcePage
from mkdocs_folio.site.teaching import (
    CalendarLink,
    Course,
    course_from_document,
    courses_by_year,
    read_course,
)
from mkdocs_folio.site.views import strip_paragraphs

COURSES_TEMPLATE = "partials/folio/courses.html"
CALENDAR_TEMPLATE = "partials/folio/calendar.html"


@dataclass
class MaterialView:
    name: str
    href: str = ""
    external: bool = False


@dataclass
class ScheduleRowView:
    week: str
    date: str
    topic: str
    description_html: str
    materials: list[MaterialView] = field(default_factory=list)


@dataclass
class CourseView:
    info: list[tuple[str, str]]
    schedule: list[ScheduleRowView]


@dataclass
class CourseItemView:
    title: str
    href: str
    term: str
    instructor: str
    description_html: str


class TeachingFeature(Feature):
    name = "teaching"

    def courses(self, ctx: BuildContext) -> list[Course]:
        documents = ctx.site.collections.get("teachings") or ctx.site.collections.get("courses")
        return [course_from_document(d, ctx.problems) for d in documents or []]

    def register(self, ctx: BuildContext, registry: Registry) -> None:
        def courses_include(params: dict[str, Any], tag: TagContext) -> str:
            groups = []
            for year, courses in courses_by_year(self.courses(ctx)):
                items = [
                    CourseItemView(
                        title=course.title,
                        href=ctx.site_href(course.url),
                        term=course.term,
                        instructor=course.instructor,
                        description_html=ctx.markdown.convert(course.description)
                        if course.description
                        else "",
                    )
                    for course in courses
                ]
                groups.append((year, items))
            html = ctx.render_in_page(COURSES_TEMPLATE, ctx.page, groups=groups)
            return tag.stash.put(html)

        def calendar_include(params: dict[str, Any], tag: TagContext) -> str:
            settings = ctx.site.config.raw.get("calendar")
            settings = settings if isinstance(settings, dict) else {}
            calendar_id = as_text(params.get("calendar_id")) or as_text(settings.get("calendar_id"))
            if not calendar_id:
                tag.problem(
                    "calendar.liquid needs a calendar_id",
                    "write {% include calendar.liquid calendar_id='you@gmail.com' %} or set "
                    "calendar: {calendar_id: ...} in _config.yml; the calendar is left out",
                )
                return ""
            link = CalendarLink(
                calendar_id=calendar_id,
                timezone=as_text(params.get("timezone"))
                or as_text(settings.get("timezone"))
                or "UTC",
                style=as_text(params.get("style"))
                or as_text(settings.get("style"))
                or CalendarLink.style,
                embed=as_bool(params.get("embed"), default=as_bool(settings.get("embed"))),
            )
            return tag.stash.put(ctx.render_in_page(CALENDAR_TEMPLATE, ctx.page, calendar=link))

        registry.register_include("courses", courses_include)
        registry.register_include("calendar", calendar_include)

    def page_context(
        self, ctx: BuildContext, page: Page, source: SourcePage, view: PageView
    ) -> None:
        if source.layout != "course":
            return
        course = read_course(
            source.meta,
            title=source.title,
            url=ctx.site_path(page.url),
            where=source.abs_path,
            problems=ctx.problems,
        )
        rows = []
        for row in course.schedule:
            rows.append(
                ScheduleRowView(
                    week=row.week,
                    date=row.date,
                    topic=row.topic,
                    description_html=strip_paragraphs(ctx.markdown.convert(row.description))
                    if row.description
                    else "",
                    materials=[
                        MaterialView(
                            name=m.name,
                            href=ctx.site_href(m.url) if m.url else "",
                            external=m.external,
                        )
                        for m in row.materials
                    ],
                )
            )
        view.extra["course"] = CourseView(info=course.info, schedule=rows)
