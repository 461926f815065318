"""The repositories page: `{% include repository/repo_user.liquid username=... %}`,
`repository/repo_trophies.liquid` and `repository/repo.liquid repository=...`.

Cards are links to GitHub with the name as text; the statistics images come from the
services al-folio uses (third-party, on this page only), lazy-loaded, light and dark variants,
and hidden by the theme's script when they fail, so the page works offline.
"""

from __future__ import annotations

from typing import Any

from mkdocs_folio.features.base import BuildContext, Feature
from mkdocs_folio.liquid import Registry, TagContext
from mkdocs_folio.liquid.registry import IncludeHandler
from mkdocs_folio.site.config import as_text
from mkdocs_folio.site.repositories import repo_card, trophies_card, user_card

CARD_TEMPLATE = "partials/folio/repo-card.html"


class RepositoriesFeature(Feature):
    name = "repositories"

    def register(self, ctx: BuildContext, registry: Registry) -> None:
        site = ctx.site.config

        def data() -> dict[str, Any]:
            value = ctx.site.data.get("repositories")
            return value if isinstance(value, dict) else {}

        def card_include(kind: str) -> IncludeHandler:
            def include(params: dict[str, Any], tag: TagContext) -> str:
                key = "repository" if kind == "repo" else "username"
                value = as_text(params.get(key))
                if not value:
                    tag.problem(
                        f"'{tag.name}' needs {key}=...",
                        f"write {{% include {tag.name} {key}=... %}}; the card is left out",
                    )
                    return ""
                if kind == "user":
                    card = user_card(site, value)
                elif kind == "trophies":
                    card = trophies_card(site, value)
                else:
                    card = repo_card(site, value, data().get("repo_description_lines_max"))
                return tag.stash.put(ctx.render_in_page(CARD_TEMPLATE, ctx.page, card=card))

            return include

        registry.register_include("repository/repo_user", card_include("user"))
        registry.register_include("repository/repo_trophies", card_include("trophies"))
        registry.register_include("repository/repo", card_include("repo"))
