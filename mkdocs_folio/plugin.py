"""The MkDocs adapter: maps MkDocs events onto the core and hands results to the templates.

It stays thin on purpose. Reading al-folio's formats lives in `mkdocs_folio.site` (and `bib`,
`liquid`); this module only knows MkDocs: files, pages, the navbar and template context. The
plugin defines `on_startup`, so MkDocs keeps one instance for a whole `mkdocs serve` session
and the parse caches survive rebuilds.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from mkdocs_folio.adapter.assets import add_site_files, bundle_theme_assets
from mkdocs_folio.adapter.markdown import (
    MarkdownRenderer,
    ensure_extensions,
    quiet_link_validation,
)
from mkdocs_folio.adapter.paths import resolve_paths, resolve_root
from mkdocs_folio.adapter.reporting import Reporter
from mkdocs_folio.adapter.views import SiteView, build_page_view, build_site_view
from mkdocs_folio.liquid import LiquidRenderer
from mkdocs_folio.options import FolioConfig
from mkdocs_folio.problems import Problems
from mkdocs_folio.site.collections import read_collection
from mkdocs_folio.site.config import read_site_config
from mkdocs_folio.site.data import load_data_dir
from mkdocs_folio.site.filecache import FileCache
from mkdocs_folio.site.frontmatter import read_front_matter
from mkdocs_folio.site.jekyll_rules import is_skipped
from mkdocs_folio.site.model import Site
from mkdocs_folio.site.pages import SourcePage, dest_to_url, permalink_to_dest, read_source_page
from mkdocs_folio.site.socials import resolve_socials
from mkdocs_folio.site.views import Navbar, build_navbar

log = logging.getLogger("mkdocs.plugins.folio")

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"


def theme_dir() -> Path:
    """The installed theme folder (`mkdocs_folio.theme`), wherever the package lives."""
    import mkdocs_folio.theme as theme_package

    return Path(theme_package.__file__).resolve().parent


class FolioPlugin(BasePlugin[FolioConfig]):
    """Builds an al-folio site: front matter, Liquid bodies, navbar, about page, socials."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.cache = FileCache()
        self.site: Site | None = None
        self.pages: dict[str, SourcePage] = {}
        self.navbar: Navbar | None = None
        self.site_view: SiteView | None = None
        self.reporter = Reporter(log)
        self.markdown: MarkdownRenderer | None = None
        self.liquid: LiquidRenderer | None = None
        self.stashes: dict[str, Any] = {}
        self.bundles: dict[str, str] = {}

    # -- lifecycle -------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining this hook makes MkDocs keep one plugin instance (and its caches) for a
        # whole `mkdocs serve` session instead of creating a new one for every rebuild.
        self.command = command

    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.reporter.start_build(Path(config.config_file_path or ".").resolve().parent)
        problems = Problems()
        self._check_theme(config)

        root, config_file = resolve_root(self.config, config, problems)
        site_config = read_site_config(config_file, self.config.site, problems)
        paths = resolve_paths(self.config, root, config_file, site_config)
        data = load_data_dir(paths.data_dir, problems, self.cache)
        socials = resolve_socials(
            data.get("socials"),
            site_config.raw,
            baseurl=site_config.baseurl,
            problems=problems,
            data_path=_existing(paths.data_dir, "socials"),
            config_path=paths.config_file,
        )
        self.site = Site(
            paths=paths, config=site_config, data=data, socials=socials, problems=problems
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

        ensure_extensions(config)
        quiet_link_validation(config)
        for path in paths.watched():
            if str(path) not in config.watch:
                config.watch.append(str(path))
        self.markdown = MarkdownRenderer(config)
        self.reporter.flush(problems)
        return config

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

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.site is None:
            return None
        site = self.site
        problems = site.problems
        docs_dir = Path(config.docs_dir).resolve()
        root = site.paths.root
        root_prefix = _relative(docs_dir, root)

        self.pages = {}
        for file in list(files):
            if file.abs_src_path is None or not _inside(Path(file.abs_src_path), docs_dir):
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
            front = self.cache.get(
                "page", Path(file.abs_src_path), problems, lambda p, pr: read_front_matter(p, pr)
            )
            source = read_source_page(
                file.src_uri, Path(file.abs_src_path), front, problems, default_layout="page"
            )
            if not source.published:
                files.remove(file)
                continue
            self.pages[file.src_uri] = source

        self._place_pages(files, config, problems)

        collections_dir = site.paths.collections_dir
        for name in ("news", "posts"):
            site.collections[name] = read_collection(
                name,
                collections_dir / f"_{name}",
                site.config,
                problems,
                default_layout="post",
            )

        add_site_files(files, config, site, docs_dir, problems)
        self.bundles = bundle_theme_assets(files, config, theme_dir())
        self.reporter.flush(problems)
        return files

    def _place_pages(self, files: Files, config: MkDocsConfig, problems: Problems) -> None:
        """Put each page at its permalink, and catch two pages claiming one address."""
        claimed: dict[str, str] = {}
        use_dirs = config.use_directory_urls
        for file in files.documentation_pages():
            source = self.pages.get(file.src_uri)
            if source is not None and source.permalink:
                dest = permalink_to_dest(source.permalink, use_dirs)
                file.dest_uri = dest
                file.url = file._get_url(use_dirs)
                file.abs_dest_path = str(Path(config.site_dir) / dest)
                if source.is_home:
                    # MkDocs (and Material) recognise the home page by its name.
                    file.name = "index"
                if dest == "404.html" and "404.html" in config.theme.static_templates:
                    config.theme.static_templates.remove("404.html")
            other = claimed.get(file.dest_uri)
            if other is not None:
                problems.add(
                    f"'{file.src_uri}' and '{other}' are both published at "
                    f"/{dest_to_url(file.dest_uri, use_dirs)}",
                    source.abs_path if source else file.src_uri,
                    source.meta.lines.get("permalink") if source else None,
                    "give one of them another permalink; the last one read wins",
                )
            claimed[file.dest_uri] = file.src_uri
            if source is not None and not source.nav and not source.is_home:
                file.inclusion = InclusionLevel.NOT_IN_NAV

    # -- navigation ------------------------------------------------------------------------

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled or self.site is None:
            return None
        urls = {src: files.get_file_from_path(src) for src in self.pages}

        def href_of(source: SourcePage) -> str:
            file = urls.get(source.src_uri)
            return file.url if file is not None else source.permalink or ""

        self.navbar = build_navbar(self.pages.values(), href_of)
        self.site_view = build_site_view(self.site, self.navbar, config, self.bundles)
        self.liquid = LiquidRenderer(
            self._liquid_site(config),
            includes_dirs=[self.site.paths.includes_dir],
            markdownify=self.markdown.convert if self.markdown else str,
            problems=self.site.problems,
        )
        return None

    def _liquid_site(self, config: MkDocsConfig) -> dict[str, Any]:
        """Jekyll's `site` object: every config key, `site.data`, collections, pages."""
        assert self.site is not None
        site: dict[str, Any] = dict(self.site.config.raw)
        site["url"] = self.site.config.url
        site["baseurl"] = self.site.config.baseurl
        site["title"] = self.site.config.title
        site["data"] = self.site.data
        site["time"] = datetime.now(timezone.utc)
        for name, documents in self.site.collections.items():
            site[name] = [
                {
                    **doc.meta,
                    "url": doc.url,
                    "date": doc.date,
                    "title": doc.title,
                    "slug": doc.slug,
                    "path": str(doc.abs_path),
                }
                for doc in documents
            ]
        site["pages"] = [
            {
                **source.meta,
                "url": source.permalink or "/" + source.src_uri,
            }
            for source in self.pages.values()
        ]
        return site

    # -- pages -----------------------------------------------------------------------------

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or self.site is None:
            return None
        source = self.pages.get(page.file.src_uri)
        if source is None:
            return None
        page.meta = _page_meta(source)
        body = source.front.body
        if self.liquid is not None:
            result = self.liquid.render(
                body,
                page=self._liquid_page(source, page),
                source=source.abs_path,
                first_line=source.front.body_line,
            )
            body = result.text
            self.stashes[page.file.src_uri] = result.stash
        self.reporter.flush(self.site.problems)
        return body

    def _liquid_page(self, source: SourcePage, page: Page) -> dict[str, Any]:
        assert self.site is not None
        values = dict(source.meta)
        values.setdefault("title", source.title)
        # Jekyll's page.url excludes the baseurl; `relative_url` adds it.
        values["url"] = "/" + page.file.url.lstrip("./")
        values["path"] = source.src_uri
        values["layout"] = source.layout
        return values

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        stash = self.stashes.pop(page.file.src_uri, None)
        if stash is not None:
            html = stash.restore(html)
        return html

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        if self.site_view is not None:
            env.globals["folio"] = self.site_view
        return env

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any] | None:
        if self.site is None:
            return None
        source = self.pages.get(page.file.src_uri)
        if source is None:
            return None
        context["folio_page"] = build_page_view(
            source, page, self.site, self.markdown, self.site.problems
        )
        self.reporter.flush(self.site.problems)
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.site is not None:
            self.reporter.flush(self.site.problems)
            self.cache.forget_missing()


def _page_meta(source: SourcePage) -> dict[str, Any]:
    """Page metadata for MkDocs and Material, without al-folio keys that collide with theirs.

    Material prints `subtitle` inside nav links (al-folio subtitles hold `<a>`), expects lists
    for `tags`, and reads `social` as its own plugin's settings: those are renamed, not lost.
    """
    meta: dict[str, Any] = {}
    for key, value in source.meta.items():
        if key in {"subtitle", "social", "hide", "search", "icon", "status", "template"}:
            meta[f"folio_{key}"] = value
        elif key in {"tags", "categories"}:
            from mkdocs_folio.site.collections import split_list

            meta[key] = split_list(value)
        else:
            meta[key] = value
    if source.title:
        meta["title"] = source.title
    meta["template"] = f"layouts/{source.layout}.html"
    return meta


def _plain(text: str) -> str:
    """A one-line plain-text version of a config description (it may hold Markdown)."""
    import re

    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*_`]", "", " ".join(text.split()))


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder)
    except ValueError:
        return False
    return True


def _relative(path: Path, root: Path) -> str | None:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None


def _existing(folder: Path, stem: str) -> Path | None:
    for suffix in (".yml", ".yaml", ".json"):
        candidate = folder / f"{stem}{suffix}"
        if candidate.is_file():
            return candidate
    return None
