"""The MkDocs adapter: maps MkDocs events onto the core and the features.

It stays thin on purpose. Reading al-folio's formats lives in `mkdocs_folio.site` (and `bib`,
`liquid`); each area of the site is a feature in `mkdocs_folio.features`. This module owns
the event order and the work every page needs: Jekyll's file rules, permalinks, front matter,
Liquid, the template. The plugin defines `on_startup`, so MkDocs keeps one instance for a
whole `mkdocs serve` session and the parse caches survive rebuilds.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from mkdocs_folio.adapter import memory
from mkdocs_folio.adapter.assets import add_site_files, bundle_theme_assets
from mkdocs_folio.adapter.buildkey import BuildKey
from mkdocs_folio.adapter.files import copied_as_is
from mkdocs_folio.adapter.markdown import (
    MarkdownRenderer,
    PageMarkdown,
    ensure_extensions,
    quiet_link_validation,
)
from mkdocs_folio.adapter.paths import resolve_paths, resolve_root
from mkdocs_folio.adapter.reporting import Reporter
from mkdocs_folio.adapter.serve import IdleCollector, notice_changes_at_once
from mkdocs_folio.adapter.templates import (
    Fragments,
    TemplateCode,
    TemplateSources,
    ThemeListing,
    share_compiled_templates,
    track_templates,
    user_template_folder,
)
from mkdocs_folio.adapter.views import build_page_view, build_site_view
from mkdocs_folio.cache import trace
from mkdocs_folio.cache.fingerprint import fingerprint
from mkdocs_folio.cache.frontmatters import KeptFrontMatters, parser_key
from mkdocs_folio.cache.store import CacheStore
from mkdocs_folio.cache.trace import Resolver
from mkdocs_folio.cache.tracked import TrackedList
from mkdocs_folio.features import BuildContext, Feature, default_features
from mkdocs_folio.liquid.lazy import LazyLiquid
from mkdocs_folio.liquid.registry import default_registry
from mkdocs_folio.options import FolioConfig
from mkdocs_folio.problems import Problems
from mkdocs_folio.render.content import WholePages
from mkdocs_folio.render.deps import TrackedSite, register_resolvers
from mkdocs_folio.render.outputs import OutputKeeper
from mkdocs_folio.render.owned import OwnedPages
from mkdocs_folio.render.pages import page_html
from mkdocs_folio.render.workers import default_workers
from mkdocs_folio.site.collections import split_list
from mkdocs_folio.site.config import read_site_config
from mkdocs_folio.site.customized import (
    Customization,
    classify_site,
    honoured_includes,
    honoured_layouts,
    treatment,
)
from mkdocs_folio.site.data import DATA_SUFFIXES, load_data_dir
from mkdocs_folio.site.filecache import FileCache
from mkdocs_folio.site.jekyll_rules import is_skipped, site_relative
from mkdocs_folio.site.model import Site
from mkdocs_folio.site.pages import SourcePage, dest_to_url, read_source_page
from mkdocs_folio.site.socials import resolve_socials
from mkdocs_folio.site.views import build_navbar

log = logging.getLogger("mkdocs.plugins.folio")

# al-folio keys that collide with Material's or MkDocs' own page metadata: renamed, not lost.
COLLIDING_KEYS = {"subtitle", "social", "hide", "search", "icon", "status", "template"}


def package_dir() -> Path:
    """This package's folder (its source is part of what a reused page depends on)."""
    return Path(__file__).resolve().parent


def theme_dir() -> Path:
    """The installed theme folder (`mkdocs_folio.theme`), wherever the package lives."""
    import mkdocs_folio.theme as theme_package

    return Path(theme_package.__file__).resolve().parent


class FolioPlugin(BasePlugin[FolioConfig]):
    """Builds an al-folio site: front matter, Liquid bodies, navbar, layouts, features."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.cache = FileCache()
        self.front_matters = KeptFrontMatters()
        self.cache.split = self.front_matters.split
        self.features: list[Feature] = default_features()
        self.reporter = Reporter(log)
        self.ctx: BuildContext | None = None
        self.liquid: LazyLiquid | None = None
        self.stashes: dict[str, Any] = {}
        self.bundles: dict[str, str] = {}
        self._templates: dict[str, str] = {}  # layout name -> template found for it
        self.owned = OwnedPages()
        self.whole = WholePages()
        self.page_markdown: PageMarkdown | None = None
        self.store = CacheStore()
        self.build_key = BuildKey()
        self.build_digest = ""
        self.code_digest = ""  # this build's `BuildKey.code()`, found once in `on_config`
        self.tracked_site = TrackedSite()
        self._template_digest: str | None = None
        self.outputs = OutputKeeper()
        self.template_code = TemplateCode()
        self.template_sources = TemplateSources()
        self.theme_listing = ThemeListing()
        self.idle = IdleCollector()
        self.fragments = Fragments()
        self.dirty = False
        self.command = "build"
        self._static_copied = True
        self.customizations: list[Customization] = []

    # -- lifecycle -------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining this hook makes MkDocs keep one plugin instance (and its caches) for a
        # whole `mkdocs serve` session instead of creating a new one for every rebuild.
        self.command = command
        self.dirty = dirty
        memory.at_startup()  # releases what an earlier build here left frozen

    def on_shutdown(self) -> None:
        # MkDocs is done (`build`, `gh-deploy`, or `serve` stopped): the process exits next.
        memory.before_exit()

    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.idle.settle()
        memory.building()
        self.reporter.start_build(Path(config.config_file_path or ".").resolve().parent)
        problems = Problems(recorded=True)
        self._check_theme(config)

        root, config_file = resolve_root(self.config, config, problems)
        site_config = read_site_config(
            config_file, self.config.site, problems, config.config_file_path
        )
        paths = resolve_paths(self.config, root, config_file, site_config, problems)
        data = load_data_dir(paths.data_dir, problems, self.cache)
        socials = resolve_socials(
            data.get("socials"),
            site_config.raw,
            baseurl=site_config.baseurl,
            problems=problems,
            data_path=_existing(paths.data_dir, "socials"),
            config_path=paths.config_file,
        )
        site = Site(paths=paths, config=site_config, data=data, socials=socials, problems=problems)
        self.customizations = [
            item
            for item in classify_site(paths.root / "_layouts", paths.includes_dir)
            if item.changed
        ]
        for item in self.customizations:
            honoured, shown = treatment(item)
            if not honoured:
                problems.add(
                    f"{item.path.name}: {item.summary}",
                    item.path,
                    1,
                    f"{shown}; see docs/customized.md to move it into a theme override",
                )

        # _config.yml is the source of truth: mkdocs.yml never goes stale.
        if site_config.path is not None or self.config.site:
            config.site_name = site_config.title
            if site_config.site_url:
                config.site_url = site_config.site_url
            if site_config.description and not config.site_description:
                config.site_description = _plain(site_config.description)
            if site_config.owner.full_name and not config.site_author:
                config.site_author = site_config.owner.full_name

        _honour_search_enabled(config, site_config)
        ensure_extensions(config)
        code = self.code_digest = self.build_key.code(package_dir())  # versions, folio's source
        self.theme_listing.install(config.theme, self.store, code)
        share_compiled_templates(config.theme, self.template_code)
        quiet_link_validation(config)
        watched = [str(path) for path in paths.watched()]
        custom_dir = config.theme.custom_dir
        if custom_dir and Path(custom_dir).is_dir():
            # The site's own layout overrides: MkDocs watches theme folders only with
            # --watch-theme, but these are the site's files, edited like its pages.
            watched.append(str(custom_dir))
        for path in watched:
            if path not in config.watch:
                config.watch.append(path)

        self._templates.clear()  # a user may add a layout between two `mkdocs serve` builds
        self.ctx = BuildContext(
            config=config,
            options=self.config,
            site=site,
            problems=problems,
            cache=self.cache,
            markdown=MarkdownRenderer(config),
            registry=default_registry.copy(),
            theme_dir=theme_dir(),
        )
        self.ctx.site_layouts = honoured_layouts(self.customizations)
        self.page_markdown = PageMarkdown(config)
        self._template_digest = None
        self.template_sources.new_build()
        self.fragments.clear()
        self.ctx.cache_folder = self._cache_folder(config)
        self.ctx.resolver = Resolver()
        trace.use_resolver(self.ctx.resolver)
        self.store.open(self._cache_folder(config), problems, enabled=self.config.cache)
        self.front_matters.start(self.store, parser_key(code))
        self.template_code.use_folder(user_template_folder() if self.config.cache else None)
        self.ctx.store = self.store
        self.whole.start_build(self, config.plugins.events, enabled=bool(self.config.cache))
        for feature in self.features:
            feature.configure(self.ctx)
        self.reporter.flush(problems)
        return config

    def _cache_folder(self, config: MkDocsConfig) -> Path:
        """`cache_dir` (relative to mkdocs.yml), by default `.cache/mkdocs-folio/`."""
        base = Path(config.config_file_path or ".").resolve().parent
        return base / (self.config.cache_dir or ".cache/mkdocs-folio")

    def _check_theme(self, config: MkDocsConfig) -> None:
        name = config.theme.name
        if name == "material":
            # Plugin-only mode: keep the user's Material theme, add folio's templates to it.
            folder = str(theme_dir())
            if folder not in config.theme.dirs:
                index = 1 if config.theme.custom_dir else 0
                config.theme.dirs.insert(index, folder)
        elif name != "folio":
            raise PluginError(
                f"mkdocs-folio needs `theme: folio` (or `theme: material`), not `theme: {name}`. "
                "Set `theme: {name: folio}` in mkdocs.yml."
            )
        if "search" in config.plugins and "material/search" not in config.plugins:
            raise PluginError(
                "mkdocs-folio's theme shows Material's search box: in mkdocs.yml write "
                "`plugins: [material/search, folio]` instead of `search`."
            )

    # -- files -----------------------------------------------------------------------------

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled and self.config.live_reload == "native":
            notice_changes_at_once(server)
        return server

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.config.enabled and self.ctx is not None:
            # Last build's output is kept out of MkDocs' cleaning (render/outputs.py).
            self.outputs.before_clean(
                Path(config.site_dir),
                enabled=bool(self.config.cache) and not self.dirty,
                store=self.store,
            )

    @event_priority(100)  # before anything of this build is written
    def _put_back_output(self, files: Files, config: MkDocsConfig) -> Files | None:
        self.outputs.put_back()
        return None

    def on_build_error(self, *, error: Exception) -> None:
        self.reporter.finish()
        self.outputs.put_back()
        self.outputs.active = False
        self.whole.abandon()
        self.store.abandon()
        if self.command != "serve":
            memory.after_build()
        else:
            memory.after_serve_build()

    def _on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        ctx = self.ctx
        if not self.config.enabled or ctx is None:
            return None
        site = ctx.site
        problems = ctx.problems
        docs_dir = Path(config.docs_dir).resolve()
        root_prefix = site_relative(docs_dir, site.paths.root.resolve())

        ctx.pages = {}
        ctx.files = files
        for file in list(files):
            if file.abs_src_path is None:
                continue
            if not Path(file.abs_src_path).resolve().is_relative_to(docs_dir):
                continue
            if is_skipped(
                file.src_uri,
                root_prefix=root_prefix or "",
                exclude=site.config.exclude,
                include=site.config.include,
            ):
                files.remove(file)
                continue
            if not file.is_documentation_page():
                continue
            front = self.cache.front_matter(Path(file.abs_src_path), problems)
            if site.config.path is not None and not front.has_front_matter and not front.broken:
                # Jekyll makes a page only of a file with front matter; it copies any other
                # file as it is, at its path from the site's root (`_pages/notes.md`).
                files.remove(file)
                files.append(
                    copied_as_is(file, f"{root_prefix}/{file.src_uri}".lstrip("/"), config)
                )
                continue
            source = read_source_page(
                file.src_uri, Path(file.abs_src_path), front, problems, default_layout="page"
            )
            if not source.published:
                files.remove(file)
                continue
            ctx.pages[file.src_uri] = source
            if source.permalink:
                ctx.place(file, source.permalink)
                if source.is_home:
                    file.name = "index"  # how MkDocs and Material recognise the home page
            if not source.nav and not source.is_home:
                file.inclusion = InclusionLevel.NOT_IN_NAV

        for feature in self.features:
            feature.files(ctx, files)

        self._check_collisions(files, config)
        add_site_files(files, config, site, docs_dir, problems)
        self.bundles = bundle_theme_assets(files, config, ctx.theme_dir, self.cache)
        ctx.assets = self.bundles
        self.reporter.flush(problems)
        memory.after_reading()
        return files

    def _check_collisions(self, files: Files, config: MkDocsConfig) -> None:
        """Two pages claiming one address would silently overwrite each other."""
        assert self.ctx is not None
        claimed: dict[str, str] = {}
        for file in files.documentation_pages():
            if file.dest_uri == "404.html" and "404.html" in config.theme.static_templates:
                config.theme.static_templates.remove("404.html")
            other = claimed.get(file.dest_uri)
            if other is not None:
                source = self.ctx.pages.get(file.src_uri)
                self.ctx.problems.add(
                    f"'{file.src_uri}' and '{other}' are both published at "
                    f"/{dest_to_url(file.dest_uri, config.use_directory_urls)}",
                    source.abs_path if source else file.src_uri,
                    source.meta.lines.get("permalink") if source else None,
                    "give one of them another permalink; the last one read wins",
                )
            claimed[file.dest_uri] = file.src_uri

    # -- navigation ------------------------------------------------------------------------

    def _on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
        ctx = self.ctx
        if not self.config.enabled or ctx is None:
            return None

        def href_of(source: SourcePage) -> str:
            file = files.get_file_from_path(source.src_uri)
            return file.url if file is not None else ctx.permalink_href(source.permalink or "/")

        ctx.nav = nav
        ctx.navbar = build_navbar(
            (p for p in ctx.pages.values() if p.collection is None and not p.generated), href_of
        )
        ctx.site_view = build_site_view(ctx.site, ctx.navbar, config, self.bundles)
        self.tracked_site = TrackedSite()
        assert ctx.resolver is not None
        register_resolvers(ctx, self.tracked_site, ctx.resolver)
        ctx.resolver.register(
            "template", lambda name: self.template_sources.digest(ctx.jinja(), name)
        )
        ctx.template_hook = self._prepare_env
        for feature in self.features:
            feature.register(ctx, ctx.registry)
        self.build_digest = ctx.build_digest = self.build_key.compute(config, self.code_digest)
        self.liquid = LazyLiquid(
            self._liquid_site(),
            includes_dirs=[ctx.site.paths.includes_dir],
            markdownify=ctx.markdown.convert,
            problems=ctx.problems,
            registry=ctx.registry,
            source_root=ctx.site.paths.root,
            site_includes=honoured_includes(self.customizations),
        )
        ctx.liquid = self.liquid
        self._site_footer(ctx)
        return None

    def _site_footer(self, ctx: BuildContext) -> None:
        """The site's changed `_includes/footer.liquid`, rendered once a build through
        Liquid; it replaces folio's footer (a site-view field: part of every page's chrome)."""
        assert self.liquid is not None and ctx.site_view is not None
        for item in self.customizations:
            if item.kind == "includes" and item.name == "footer" and item.status == "customized":
                front = self.cache.front_matter(item.path, ctx.problems)
                result = self.liquid.render(
                    front.body, page={}, source=item.path, first_line=front.body_line
                )
                ctx.site_view.footer_html = result.stash.restore(result.text)

    on_files = CombinedEvent(_put_back_output, _on_files)

    @event_priority(-100)  # after every plugin's on_nav: they see the whole site
    def _take_owned_pages(
        self, nav: Navigation, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        if self.config.enabled and self.ctx is not None:
            self.owned.take(files)
            # Folio's pages render with an environment of their own, ready now, so that the
            # other cores start on them while MkDocs renders its pages (render/owned.py).
            env = config.theme.get_env()
            self._on_env(env, config=config, files=files)
            self.owned.start(self, env, config, files, nav, copy_static=self.command != "serve")
        return None

    on_nav = CombinedEvent(_on_nav, _take_owned_pages)

    def _liquid_site(self) -> dict[str, Any]:
        """Jekyll's `site` object: every config key, `site.data`, collections, pages.

        URLs are Jekyll's: site paths without the baseurl (`relative_url` adds it).
        """
        assert self.ctx is not None
        site = self.ctx.site
        values: dict[str, Any] = dict(site.config.raw)
        values.update(
            url=site.config.url,
            baseurl=site.config.baseurl,
            title=site.config.title,
            data=site.data,
            time=datetime.now(timezone.utc),
        )
        # Tracked parts (cache/tracked.py): a page that reads some of them is reused exactly
        # while those values stay the same.
        tracked = self.tracked_site
        values["data"] = tracked.mapping(dict(site.data), "data", "")
        for name, documents in site.collections.items():
            values[name] = tracked.documents(name, documents)
        pages = []
        ids = []
        for src_uri, source in self.ctx.pages.items():
            if source.collection is not None or source.generated:
                continue  # Jekyll's site.pages holds neither documents nor generated pages
            url = self.ctx.page_url(source)
            values_of_page = {**source.meta, "url": url, "path": src_uri, "title": source.title}
            pages.append(tracked.mapping(values_of_page, "page", src_uri))
            ids.append(src_uri)
        values["pages"] = TrackedList(pages, ids)
        return tracked.mapping(values, "site", "")

    # -- pages -----------------------------------------------------------------------------

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        ctx = self.ctx
        if not self.config.enabled or ctx is None:
            return None
        source = ctx.pages.get(page.file.src_uri)
        if source is None:
            return None
        page.meta = page_meta(source, self._template(source.layout))
        variables = self.liquid_variables(page, source)
        if self.whole.take_back(self, page, source, variables):
            self.reporter.flush(ctx.problems)
            return ""  # its HTML comes back at on_page_content (render/content.py)
        body = self.page_markdown_of(page, source, variables)
        with self.whole.reporting():
            self.reporter.flush(ctx.problems)
        return body

    def liquid_variables(self, page: Page, source: SourcePage) -> dict[str, Any]:
        """The top-level Liquid variables of one page body: `page`, and the features' own
        (`paginator`)."""
        assert self.ctx is not None
        variables: dict[str, Any] = {"page": self._liquid_page(source, page)}
        for feature in self.features:
            feature.liquid_variables(self.ctx, page, source, variables)
        return variables

    def liquid_extras(self, page: Page, source: SourcePage) -> dict[str, Any]:
        """The Liquid variables of a page besides `page` (`paginator`): what a page lists of
        other pages, and so part of what it is made from."""
        assert self.ctx is not None
        extras: dict[str, Any] = {}
        for feature in self.features:
            extras.update(feature.liquid_extras(self.ctx, page, source))
        return extras

    def page_markdown_of(self, page: Page, source: SourcePage, variables: dict[str, Any]) -> str:
        """Liquid, then the features' hooks: the Markdown of a page (`page.meta` is set)."""
        ctx = self.ctx
        assert ctx is not None
        # Our own parse of the file, not MkDocs': a broken front matter block never leaks.
        body = source.front.body
        ctx.page = page  # the page whose body Liquid renders (tags render partials for it)
        if self.liquid is not None:
            result = self.liquid.render(
                body,
                page=variables["page"],
                source=source.abs_path,
                first_line=source.front.body_line,
                variables=variables,
            )
            body = result.text
            self.stashes[page.file.src_uri] = result.stash
        for feature in self.features:
            body = feature.page_markdown(ctx, page, source, body)
        return body

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """MkDocs reads every page as UTF-8 and dies on any other encoding. We have read the
        file already (as Latin-1, with a warning naming the line): hand MkDocs that text."""
        ctx = self.ctx
        if not self.config.enabled or ctx is None:
            return None
        source = ctx.pages.get(page.file.src_uri)
        if source is not None and source.front.not_utf8:
            return source.front.body
        return None

    @property
    def workers(self) -> int:
        """How many processes render the pages folio owns (`workers:`, else one a core)."""
        chosen = self.config.workers
        return max(1, chosen) if isinstance(chosen, int) else default_workers()

    def meta_for(self, source: SourcePage) -> dict[str, Any]:
        """`page.meta` of a page: its front matter for MkDocs and Material, its template."""
        return page_meta(source, self._template(source.layout))

    def _prepare_env(self, env: Any) -> None:
        """Every Jinja environment folio renders with: compiled once, traced, memoized."""
        track_templates(env, self.template_sources, self.template_code)
        env.globals["folio_memo"] = self.fragments

    def template_digest(self, env: Any, nav: Navigation) -> str:
        """What every page's layout reads besides the page (computed once per build): the
        build fingerprint, the navigation and the names the environment offers. The
        site-wide values of the chrome are not in it: each page notes those it reads, inside
        its fragments or outside (`SiteView` records every read), so a changed footer text
        changes only the footer of every page (render/splice.py)."""
        if self._template_digest is None:
            with trace.paused():
                self._template_digest = fingerprint(
                    [
                        self.build_digest,
                        nav_outline(nav.items),
                        sorted(env.globals),
                        sorted(env.filters),
                        sorted(env.tests),
                    ]
                )
        return self._template_digest

    def _template(self, layout: str) -> str:
        """`layouts/<layout>.html` from the theme folders (a user's `custom_dir` first); a
        layout the theme does not draw yet falls back to the plain page layout."""
        assert self.ctx is not None
        if layout in self.ctx.site_layouts:
            return "layouts/site-layout.html"  # the site's own Liquid (features/layouts.py)
        found = self._templates.get(layout)
        if found is None:
            name = f"layouts/{layout}.html"
            dirs = self.ctx.config.theme.dirs
            found = name if any((Path(d) / name).is_file() for d in dirs) else "layouts/page.html"
            self._templates[layout] = found
        return found

    def _liquid_page(self, source: SourcePage, page: Page) -> dict[str, Any]:
        assert self.ctx is not None
        values = dict(source.meta)
        values.setdefault("title", source.title)
        values["url"] = self.ctx.site_path(page.file.url)
        values["path"] = source.src_uri
        values["layout"] = source.layout
        return values

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        ctx = self.ctx
        if ctx is None:
            return None
        source = ctx.pages.get(page.file.src_uri)
        if source is None:
            stash = self.stashes.pop(page.file.src_uri, None)
            return stash.restore(html) if stash is not None else html
        kept = self.whole.content(page, files)
        if kept is not None:
            return kept
        html = page_html(self, page, source, html)
        self.whole.finish(self, page, html, files)
        return html

    def page_html_of(self, page: Page, source: SourcePage, html: str) -> str:
        """Stashed HTML back in, then the features' hooks: the content of a page."""
        ctx = self.ctx
        assert ctx is not None
        stash = self.stashes.pop(page.file.src_uri, None)
        if stash is not None:
            html = stash.restore(html)
        for feature in self.features:
            html = feature.page_content(ctx, page, source, html)
        return html

    def _on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        ctx = self.ctx
        track_templates(env, self.template_sources, self.template_code)
        env.globals["folio_memo"] = self.fragments
        if ctx is not None and ctx.site_view is not None:
            env.globals["folio"] = ctx.site_view
            # Page-independent fragments a template renders once per build (the navbar's end).
            env.globals["folio_shared"] = {}
            for feature in self.features:
                feature.env(ctx, env)
        return env

    @event_priority(-100)  # last
    def _render_owned_pages(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Posts, news, projects, archives and the other pages folio owns are finished and
        written here, outside MkDocs' page loops (see render/owned.py)."""
        if self.ctx is not None and self.ctx.nav is not None:
            self.owned.finish(self)
            self.reporter.flush(self.ctx.problems)
            # MkDocs copies static files next (those a worker did not copy already).
            self.outputs.keep_static_files(files, self.owned.copied)
            self._static_copied = False
            if self.command != "serve":  # serve saves after the browser's reload instead
                self.store.write_ahead()
        return env

    on_env = CombinedEvent(_on_env, _render_owned_pages)

    def on_pre_template(self, template: Any, *, template_name: str, config: MkDocsConfig) -> Any:
        if not self._static_copied and self.ctx is not None and self.ctx.files is not None:
            self._static_copied = True  # the first static template comes right after the copy
            self.outputs.static_files_copied(self.ctx.files)
        if template_name == "sitemap.xml":
            self.owned.listed(True)  # the sitemap lists every page, owned ones included
        return template

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        if template_name == "sitemap.xml":
            self.owned.listed(False)
        return output_content

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        ctx = self.ctx
        source = ctx.pages.get(page.file.src_uri) if ctx is not None else None
        if ctx is None or source is None:
            return None
        for feature in self.features:
            feature.page_output(ctx, page, source, output)
        return None

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any] | None:
        ctx = self.ctx
        if ctx is None:
            return None
        source = ctx.pages.get(page.file.src_uri)
        if source is None:
            return None
        view = build_page_view(source, page, ctx.site_view)
        for feature in self.features:
            feature.page_context(ctx, page, source, view)
        context["folio_page"] = view
        self.reporter.flush(ctx.problems)
        return context

    @event_priority(-50)  # after Material's search plugin has written its index
    def _on_post_build(self, *, config: MkDocsConfig) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        if not self._static_copied and ctx.files is not None:  # a theme without templates
            self._static_copied = True
            self.outputs.static_files_copied(ctx.files)
        for feature in self.features:
            feature.post_build(ctx)
        self.reporter.flush(ctx.problems)
        self.cache.forget_missing()

    @event_priority(-1000)  # last: every plugin has written what it writes
    def _finish_build(self, *, config: MkDocsConfig) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        self.outputs.finish(self.store)
        self.front_matters.finish()
        self.store.save(ctx.problems, background=self.command == "serve")
        if self.command == "serve":
            memory.after_serve_build()
            self.idle.schedule()  # releases, frees and freezes while the page is read
        else:
            memory.after_build()
        self.reporter.flush(ctx.problems)
        self.reporter.finish()
        trace.use_resolver(None)
        if self.liquid is not None:
            self.liquid.close()

    on_post_build = CombinedEvent(_on_post_build, _finish_build)


def page_meta(source: SourcePage, template: str) -> dict[str, Any]:
    """Page metadata for MkDocs and Material, without al-folio keys that collide with theirs.

    Material prints `subtitle` inside nav links (al-folio subtitles hold `<a>`), expects lists
    for `tags`, and reads `social` as its own plugin's settings: those are renamed, not lost.
    """
    meta: dict[str, Any] = {}
    for key, value in source.meta.items():
        if key in COLLIDING_KEYS:
            meta[f"folio_{key}"] = value
        elif key in {"tags", "categories"}:
            meta[key] = split_list(value)
        else:
            meta[key] = value
    if source.title:
        meta["title"] = source.title
    meta["template"] = template
    return meta


def nav_outline(items: Any) -> list[Any]:
    """MkDocs' navigation as titles and addresses (what a layout could show of it)."""
    outline = []
    for item in items or []:
        outline.append(
            [
                type(item).__name__,
                str(getattr(item, "title", "")),
                str(getattr(item, "url", "") or ""),
                nav_outline(getattr(item, "children", None)),
            ]
        )
    return outline


def _plain(text: str) -> str:
    """A one-line plain-text version of a config description (it may hold Markdown)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*_`]", "", " ".join(text.split()))


def _existing(folder: Path, stem: str) -> Path | None:
    """The data file `load_data_dir` read as `site.data.<stem>`, for problems to name."""
    for suffix in DATA_SUFFIXES:
        candidate = folder / f"{stem}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def _honour_search_enabled(config: MkDocsConfig, site_config: Any) -> None:
    """al-folio's `search_enabled: false`: Material's search plugin is switched off for the
    build (its hooks return early, so no index is written), and the theme, which asks
    `folio.search`, shows no search button, dialog or Ctrl+K."""
    plugin = config.plugins.get("material/search")
    if plugin is None or site_config.flag("search_enabled", True):
        return
    plugin_config = getattr(plugin, "config", None)
    if plugin_config is not None:
        plugin_config["enabled"] = False
