"""Project cards (`_projects/*.md`): what al-folio's `projects.liquid` and
`projects_horizontal.liquid` show for one project.

The stock `_pages/projects.md` sorts and groups projects itself in Liquid (`sort:
"importance"`, `where: "category", ...`); each `{% include projects.liquid %}` inside its loop
becomes one card made from the `project` variable in scope.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mkdocs_folio.site.config import as_text
from mkdocs_folio.site.pages import read_redirect

GITHUB = "https://github.com/"


@dataclass(frozen=True)
class ProjectCard:
    title: str
    description: str
    url: str
    """Where the card leads: the project's page, or its `redirect` (a site path or a URL)."""
    image: str
    """A site path (`/assets/img/1.jpg`) or a URL; empty when the project has none."""
    github: str = ""
    """The repository URL behind the GitHub icon."""
    github_stars: str = ""
    """`user/repo` whose stars al-folio fetches in the browser; shown as a link here."""
    importance: Any = None
    category: str = ""

    @property
    def external(self) -> bool:
        return "://" in self.url

    @property
    def stars_url(self) -> str:
        return f"{GITHUB}{self.github_stars.strip('/')}/stargazers" if self.github_stars else ""


def _site_path(value: str) -> str:
    value = value.strip()
    if not value or "://" in value or value.startswith("//"):
        return value
    return value if value.startswith("/") else "/" + value


def project_card(values: Mapping[str, Any]) -> ProjectCard:
    """A card from a project's values (its Liquid `project` object or its front matter)."""
    redirect = read_redirect(values.get("redirect"))
    target = _site_path(redirect) if redirect else as_text(values.get("url")) or "/"
    github = as_text(values.get("github"))
    if github and "://" not in github:
        github = GITHUB + github.strip("/")
    return ProjectCard(
        title=as_text(values.get("title")),
        description=as_text(values.get("description")),
        url=target,
        image=_site_path(as_text(values.get("img"))),
        github=github,
        github_stars=as_text(values.get("github_stars")),
        importance=values.get("importance"),
        category=as_text(values.get("category")),
    )
