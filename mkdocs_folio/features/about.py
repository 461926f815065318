"""The about page: profile, news and latest-posts tables (selected papers come from the
publications feature, socials from the site model)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mkdocs_folio.adapter.views import PageView
from mkdocs_folio.cache import trace
from mkdocs_folio.features.base import BuildContext, Feature
from mkdocs_folio.features.collections import inline_news_html
from mkdocs_folio.site.about import read_about
from mkdocs_folio.site.pages import SourcePage
from mkdocs_folio.site.views import build_listing


class AboutFeature(Feature):
    name = "about"

    def files(self, ctx: BuildContext, files: Files) -> None:
        """A site without a home page builds, but its address shows a 404: say which page
        should be it. (MkDocs' own `index.md` or `README.md` counts as one.)"""
        if any(source.is_home for source in ctx.pages.values()):
            return
        if any(file.url in ("", "./") for file in files.documentation_pages()):
            return
        docs = Path(ctx.config.docs_dir)
        ctx.problems.add(
            "the site has no home page: no page has `permalink: /`",
            docs,
            None,
            "add `permalink: /` to the front matter of your about page (al-folio's "
            "_pages/about.md has it); until then the site's address shows nothing",
        )

    def page_context(
        self, ctx: BuildContext, page: Page, source: SourcePage, view: PageView
    ) -> None:
        if source.layout != "about":
            return
        trace.uncacheable(
            "the about layout: reads the whole site"
        )  # a page of its own, never reused
        site = ctx.site
        about = read_about(source.meta, site.config, source.abs_path, ctx.problems)
        view.about = about
        profile = about.profile
        if profile is not None and profile.image:
            owner = site.config.owner.full_name
            view.profile_alt = f"Portrait of {owner}" if owner else Path(profile.image).name
            if not ctx.target_exists(profile.image):
                ctx.problems.add(
                    f"profile image '{profile.image}' not found",
                    source.abs_path,
                    source.meta.lines.get("profile"),
                    f"add the file at {site.paths.root / profile.image} (the page links to it)",
                )

        view.section_hrefs = {
            name: ctx.page_href(f"/{name}/") for name in ("news", "blog", "publications")
        }
        if about.news.enabled:
            view.news = build_listing(
                site.news, about.news, render_inline=lambda doc: inline_news_html(ctx, doc)
            )
        if about.latest_posts.enabled:
            view.latest_posts = build_listing(site.posts, about.latest_posts)
