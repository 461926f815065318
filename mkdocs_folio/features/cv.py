"""The CV page (`layout: cv`): RenderCV `_data/cv.yml`, JSON Resume, or the older list of
sections, chosen as al-folio chooses (see `mkdocs_folio.site.cv`), with the `cv_pdf` link.

JSON Resume comes from jekyll-get-json's `site.data.resume`: `_data/resume.json`, the file a
`jekyll_get_json: [{data: resume, json: ...}]` entry names, or `assets/json/resume.json`.
A `json:` that is a URL is not fetched (no network while building).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mkdocs_folio.adapter.views import PageView
from mkdocs_folio.cache import trace
from mkdocs_folio.features.base import BuildContext, Feature
from mkdocs_folio.site.config import as_text
from mkdocs_folio.site.cv import choose_source, pdf_target, read_cv
from mkdocs_folio.site.data import load_json_file
from mkdocs_folio.site.pages import SourcePage
from mkdocs_folio.site.views import strip_paragraphs


class CvFeature(Feature):
    name = "cv"

    def __init__(self) -> None:
        self.resume_path: Path | None = None
        self.rejected_resume: object = None

    def files(self, ctx: BuildContext, files: Files) -> None:
        """Load JSON Resume into `site.data.resume`, as jekyll-get-json does."""
        site = ctx.site
        self.resume_path = None
        self.rejected_resume = None
        if isinstance(site.data.get("resume"), dict):
            return
        path = self.find_resume(ctx)
        if path is None:
            return
        value = ctx.cache.get("data", path, ctx.problems, load_json_file)
        if isinstance(value, dict):
            site.data["resume"] = value
            self.resume_path = path
        elif value is not None:
            self.rejected_resume = value  # reported here; the page says nothing more
            ctx.problems.add(
                f'a JSON Resume must be one JSON object ({{"basics": ..., "work": ...}}), '
                f"found a {type(value).__name__}",
                path,
                1,
                "see jsonresume.org/schema; the file is ignored",
            )

    def find_resume(self, ctx: BuildContext) -> Path | None:
        site = ctx.site
        entries = site.config.raw.get("jekyll_get_json")
        for entry in entries if isinstance(entries, list) else []:
            if not isinstance(entry, dict) or as_text(entry.get("data")) != "resume":
                continue
            target = as_text(entry.get("json"))
            if "://" in target:
                ctx.problems.add(
                    f"jekyll_get_json: {target} is a URL, which mkdocs-folio does not fetch",
                    site.config.path,
                    site.config.line_of("jekyll_get_json"),
                    "save the file as assets/json/resume.json and point `json:` at it",
                )
                return None
            path = site.paths.root / target.lstrip("/")
            return path if path.is_file() else None
        default = site.paths.assets_dir / "json" / "resume.json"
        return default if default.is_file() else None

    def page_context(
        self, ctx: BuildContext, page: Page, source: SourcePage, view: PageView
    ) -> None:
        if source.layout != "cv":
            return
        trace.uncacheable("the cv layout: reads the whole site")  # a page of its own, never reused
        site = ctx.site
        meta = source.meta
        cv_data = site.data.get("cv")
        resume = site.data.get("resume")
        if resume is None:
            resume = self.rejected_resume
        chosen, notes = choose_source(as_text(meta.get("cv_format")), cv_data, resume)
        for note in notes:
            ctx.problems.add(note, source.abs_path, meta.lines.get("cv_format"))

        def inline(text: str) -> str:
            return strip_paragraphs(ctx.markdown.convert(text)) if text else ""

        cv = None
        if chosen is not None:
            order = site.config.raw.get("jsonresume")
            cv = read_cv(
                chosen,
                cv_data=cv_data,
                resume=resume,
                inline=inline,
                problems=ctx.problems,
                cv_path=site.paths.data_dir / "cv.yml",
                resume_path=self.resume_path or site.paths.data_dir / "resume.json",
                jsonresume_order=[str(k) for k in order] if isinstance(order, list) else None,
            )
        if cv is not None:
            for section in cv.sections:
                entries = list(section.entries)
                for group in section.groups:
                    entries += group.entries
                for entry in entries:
                    if entry.title_url:
                        entry.title_url = ctx.site_href(entry.title_url)
                    for link in entry.links:
                        link.url = ctx.site_href(link.url)
        pdf = pdf_target(meta.get("cv_pdf"))
        pdf_href = ""
        if pdf:
            if not ctx.target_exists(pdf):
                ctx.problems.add(
                    f"cv_pdf '{pdf}' not found",
                    source.abs_path,
                    meta.lines.get("cv_pdf"),
                    f"add the file at {site.paths.root / pdf.lstrip('/')}; the link is kept",
                )
            pdf_href = ctx.site_href(pdf)
        view.extra["cv"] = {
            "cv": cv,
            "pdf_href": pdf_href,
        }
