"""Projects: `{% include projects.liquid %}` and `projects_horizontal.liquid` as cards.

The stock `_pages/projects.md` keeps its Liquid (categories, `sort: "importance"`, the grid
rows); each include inside its loops becomes one card for the `project` in scope. Nothing is
fetched: a `github_stars` project links to its stargazers instead of showing a count.
"""

from __future__ import annotations

from typing import Any

from mkdocs_folio.features.base import BuildContext, Feature
from mkdocs_folio.liquid import Registry, TagContext, reads
from mkdocs_folio.liquid.registry import IncludeHandler
from mkdocs_folio.problems import Problem
from mkdocs_folio.site.projects import ProjectCard, project_card

CARD_TEMPLATE = "partials/folio/project-card.html"


class ProjectsFeature(Feature):
    name = "projects"

    def __init__(self) -> None:
        self._missing: dict[str, Problem] = {}

    def files(self, ctx: BuildContext, files: Any) -> None:
        self._missing = {}

    def register(self, ctx: BuildContext, registry: Registry) -> None:
        feature = self

        def handler(horizontal: bool) -> IncludeHandler:
            def include(params: dict[str, Any], tag: TagContext) -> str:
                values = params.get("project")
                if values is None:
                    values = tag.evaluate("project")
                if not isinstance(values, dict):
                    tag.problem(
                        f"'{tag.name}' needs a `project` (it is used inside "
                        "`{% for project in ... %}`)",
                        "the card is left out",
                    )
                    return ""
                card = project_card(values)
                shown = feature.image_exists(ctx, card, values, tag)
                html = ctx.render_in_page(
                    CARD_TEMPLATE,
                    ctx.page,
                    card=card,
                    href=ctx.site_href(card.url),
                    image=ctx.site_href(card.image) if shown else "",
                    horizontal=horizontal,
                )
                return tag.stash.put(html)

            return include

        # A card shows its `project` (read field by field) and the image, if the site has it.
        registry.register_include("projects", reads()(handler(False)))
        registry.register_include("projects_horizontal", reads()(handler(True)))

    def image_exists(
        self, ctx: BuildContext, card: ProjectCard, values: dict[str, Any], tag: TagContext
    ) -> bool:
        """Whether the card can show its image. One that is not in the site is one warning
        naming the project file and its `img:` line; the card is drawn without it."""
        image = card.image
        if not image:
            return False
        if image in self._missing:  # reported again: this page may be reused without the first
            ctx.problems.append(self._missing[image])
            return False
        if ctx.target_exists(image):
            return True
        relative = image.lstrip("/")
        path = values.get("path")
        document = next(
            (d for d in ctx.documents.values() if path and str(d.abs_path) == path), None
        )
        self._missing[image] = ctx.problems.add(
            f"project image '{relative}' not found",
            path or tag.source,
            document.meta.lines.get("img") if document is not None else None,
            f"add the file at {ctx.site.paths.root / relative} or change `img:`; "
            "the card is shown without an image",
        )
        return False
