"""Which data a CV page shows, chosen as al-folio chooses (`cv_format` on the page, else
RenderCV, else JSON Resume, else the older list), the reader for it, and where `cv_pdf`
points.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs_folio.problems import Problems
from mkdocs_folio.site.config import as_text
from mkdocs_folio.site.cv.jsonresume import read_jsonresume
from mkdocs_folio.site.cv.legacy_list import read_list_cv
from mkdocs_folio.site.cv.model import Cv, Inline
from mkdocs_folio.site.cv.rendercv import read_rendercv

__all__ = ["choose_source", "pdf_target", "read_cv"]


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
