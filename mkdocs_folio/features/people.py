"""The people page (`layout: profiles`): several profile blocks, each floated like the about
page's profile, with the Markdown of `_pages/<content>` beside it.

The content file is read even when `_config.yml` excludes it from the output (al-folio's
starter excludes `_pages/about_einstein.md`, which only exists to be shown here).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.structure.pages import Page

from mkdocs_folio.adapter.views import PageView
from mkdocs_folio.cache import trace
from mkdocs_folio.features.base import BuildContext, Feature
from mkdocs_folio.site.about import Profile, read_profile
from mkdocs_folio.site.config import as_text
from mkdocs_folio.site.pages import SourcePage


@dataclass
class ProfileBlock:
    profile: Profile
    image_href: str
    alt: str
    content_html: str | None
    """The content file's HTML; None means "show the page's own body"."""


class PeopleFeature(Feature):
    name = "people"

    def page_context(
        self, ctx: BuildContext, page: Page, source: SourcePage, view: PageView
    ) -> None:
        if source.layout != "profiles":
            return
        trace.uncacheable(
            "the profiles layout: reads the whole site"
        )  # a page of its own, never reused
        meta = source.meta
        raw = meta.get("profiles")
        line = meta.lines.get("profiles")
        if raw is None:
            raw = []
        if not isinstance(raw, list):
            ctx.problems.add(
                "'profiles' must be a list of profile blocks (align, image, content...)",
                source.abs_path,
                line,
                "the page is shown without profiles",
            )
            raw = []
        blocks = []
        for item in raw:
            profile = read_profile(item, source.abs_path, line, ctx.problems, key="profiles")
            if profile is None:
                continue
            image_href = ""
            if profile.image:
                target = profile.image if "://" in profile.image else "/" + profile.image
                if not ctx.target_exists(target):
                    ctx.problems.add(
                        f"profile image '{profile.image}' not found",
                        source.abs_path,
                        line,
                        f"add the file at {ctx.site.paths.root / profile.image}",
                    )
                image_href = ctx.site_href(target)
            content = as_text(item.get("content")) if isinstance(item, dict) else ""
            html = self.content(ctx, source, content, line) if content else None
            name = Path(profile.image).name if profile.image else ""
            blocks.append(
                ProfileBlock(profile=profile, image_href=image_href, alt=name, content_html=html)
            )
        view.extra["profiles"] = blocks

    def content(self, ctx: BuildContext, source: SourcePage, name: str, line: int | None) -> str:
        """`content: about_einstein.md`: the file beside the page, Liquid and Markdown applied
        (a front-matter block in it is left out)."""
        path = (source.abs_path.parent / name).resolve()
        if not path.is_file():
            ctx.problems.add(
                f"profile content file '{name}' not found",
                source.abs_path,
                line,
                f"create {path} or fix `content:`; the block shows no text",
            )
            return ""
        front = ctx.cache.front_matter(path, ctx.problems)
        return ctx.render_fragment(
            front.body,
            page={**front.meta, "url": ctx.site_path(ctx.page.url) if ctx.page else "/"},
            source=path,
            first_line=front.body_line,
        )
