"""Features: one module per area of al-folio (about page, publications, blog, content...).

The plugin owns MkDocs' event order and the work every page needs (front matter, Liquid,
template). Each feature adds its own part through the hooks below, so areas grow in their own
files and the plugin stays a short list of events. Hooks are called in feature order; all are
optional.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from mkdocs_folio.adapter.files import OwnedFile, file_at
from mkdocs_folio.adapter.logs import captured_logs
from mkdocs_folio.adapter.markdown import MarkdownRenderer
from mkdocs_folio.cache import trace
from mkdocs_folio.cache.fingerprint import Unfingerprintable, fingerprint
from mkdocs_folio.cache.store import CacheStore
from mkdocs_folio.cache.trace import Resolver
from mkdocs_folio.liquid.registry import Registry
from mkdocs_folio.problems import Problems
from mkdocs_folio.site.collections import Document
from mkdocs_folio.site.filecache import FileCache
from mkdocs_folio.site.frontmatter import FrontMatter, split_front_matter
from mkdocs_folio.site.model import Site
from mkdocs_folio.site.pages import SourcePage, dest_to_url, permalink_to_dest, read_source_page
from mkdocs_folio.site.views import Navbar

if TYPE_CHECKING:
    from mkdocs_folio.adapter.views import PageView, SiteView
    from mkdocs_folio.liquid.lazy import LazyLiquid
    from mkdocs_folio.options import FolioConfig


@dataclass
class BuildContext:
    """Everything one build knows, handed to every feature hook."""

    config: MkDocsConfig
    options: FolioConfig
    site: Site
    problems: Problems
    cache: FileCache
    markdown: MarkdownRenderer
    registry: Registry
    theme_dir: Path
    pages: dict[str, SourcePage] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    """Collection documents that became pages, by `src_uri` (filled by the collections
    feature): a post's layout, the blog and the feed read their values from here."""
    files: Files | None = None
    page: Page | None = None
    """The page being read (set before its body's Liquid runs): tags that render theme
    partials make their links relative to it."""
    navbar: Navbar | None = None
    nav: Navigation | None = None
    """MkDocs' navigation of this build (folio renders its own pages with it)."""
    site_view: SiteView | None = None
    liquid: LazyLiquid | None = None
    assets: dict[str, str] = field(default_factory=dict)  # bundles: css, js, page:<name>
    missing_targets: set[str] = field(default_factory=set)
    """Site paths already reported missing at the key that names them (a post's
    `thumbnail`): a page that shows them through Liquid does not report them again."""
    resolver: Resolver | None = None
    """Where each kind of input a rendered page may read is found now (render/deps.py)."""
    cache_folder: Path | None = None
    """The build cache's folder (`cache_dir`): the saved copies of fetched feeds live here."""
    site_layouts: dict[str, Path] = field(default_factory=dict)
    """Layouts the site changed or wrote, by name: pages with them render through their
    Liquid inside folio's chrome (features/layouts.py)."""
    template_hook: Any = None
    """Called with each Jinja environment folio makes (adapter/templates.py)."""
    store: CacheStore | None = None
    """The build cache (cache/store.py), for work a feature keeps across builds itself."""
    build_digest: str = ""
    """What every piece of kept work depends on: versions, options, theme (adapter/buildkey)."""
    _jinja: jinja2.Environment | None = None

    def layout_file(self, name: str) -> Path | None:
        """The site's `_layouts/<name>.liquid` (or `.html`), if it has one."""
        folder = self.site.paths.root / "_layouts"
        for suffix in (".liquid", ".html"):
            path = folder / f"{name}{suffix}"
            if path.is_file():
                return path
        return None

    # -- URLs ------------------------------------------------------------------------------

    def permalink_href(self, permalink: str) -> str:
        """A site path (`/blog/2024/x/`) as MkDocs' root-relative URL for the `url` filter."""
        dest = permalink_to_dest(permalink, self.config.use_directory_urls)
        url = dest_to_url(dest, self.config.use_directory_urls)
        return url or "./"

    def site_path(self, href: str) -> str:
        """A root-relative URL as Jekyll's `page.url` (leading slash, no baseurl)."""
        return "/" + href.lstrip("./") if href not in ("", "./", ".") else "/"

    def site_href(self, target: str) -> str:
        """A link target as the templates' `url` filter wants it: external URLs unchanged, site
        paths (`/blog/2024/x/`, `/assets/pdf/a.pdf`) as root-relative MkDocs URLs."""
        target = (target or "").strip()
        if not target:
            return ""
        if "://" in target or target.startswith(("mailto:", "#", "//")):
            return target
        path, hash_mark, fragment = target.partition("#")
        path, question, query = path.partition("?")
        href = self.permalink_href(path if path.startswith("/") else "/" + path)
        if question:
            href += "?" + query
        if hash_mark:
            href += "#" + fragment
        return href

    def page_href(self, permalink: str) -> str | None:
        """The URL of the page at a site path (`/news/`), or None when the site has no such
        page: a heading that links to a missing list would be a broken link."""
        href = self.permalink_href(permalink)
        if self.files is None:
            return None
        for file in self.files:
            # File's own test: pages folio renders itself count too (see adapter/files.py).
            if File.is_documentation_page(file) and (file.url or "./") == href:
                return href
        return None

    def target_exists(self, target: str) -> bool:
        """Whether an image or file a page links to is there: a URL always counts (nothing is
        fetched), a site path (`/assets/img/1.jpg`) when the build publishes that file."""
        if "://" in target or target.startswith("//"):
            return True
        found = self._target_exists(target)
        trace.record("target", target, found)  # a page that shows it depends on the answer
        return found

    def _target_exists(self, target: str) -> bool:
        relative = target.split("#", 1)[0].split("?", 1)[0].lstrip("/")
        if not relative:
            return False
        if self.files is not None and file_at(self.files, relative) is not None:
            return True
        return self.site.paths.find_file(relative, Path(self.config.docs_dir)) is not None

    def page_url(self, source: SourcePage) -> str:
        """Jekyll's `page.url` of a page: where its file was placed, else its permalink."""
        file = self.files.get_file_from_path(source.src_uri) if self.files is not None else None
        return self.site_path(file.url) if file is not None else source.permalink or "/"

    # -- pages -----------------------------------------------------------------------------

    def add_page(
        self,
        files: Files,
        src_uri: str,
        text: str,
        *,
        source_path: Path | str,
        default_layout: str = "page",
        in_nav: bool = False,
        abs_src_path: Path | None = None,
        src_dir: Path | None = None,
        front: FrontMatter | None = None,
        permalink: str | None = None,
        generated: bool = False,
    ) -> tuple[File, SourcePage]:
        """Add a page that is not in `docs_dir`: a collection document or a generated page.

        `text` is the page source (front matter + body); `source_path` is what problems name.
        With `abs_src_path` + `src_dir` the page is a real file MkDocs reads; otherwise it
        is generated in memory. `front` is the already parsed front matter (collections
        parse each file once, through the cache); `permalink` places the page when its
        address does not come from its own front matter (a post's `/blog/:year/:title/`);
        `generated` marks a page the build made (pagination, archives).
        """
        inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
        existing = file_at(files, src_uri)
        if existing is not None:
            files.remove(existing)
        if abs_src_path is not None and src_dir is not None:
            file = OwnedFile(
                src_uri,
                str(src_dir),
                self.config.site_dir,
                self.config.use_directory_urls,
                inclusion=inclusion,
            )
        else:
            file = OwnedFile.generated(self.config, src_uri, content=text, inclusion=inclusion)
        if front is None:
            front = split_front_matter(text, source_path, self.problems)
        source = read_source_page(
            src_uri, Path(source_path), front, self.problems, default_layout=default_layout
        )
        source.permalink = permalink or source.permalink
        source.generated = generated
        if source.permalink:
            self.place(file, source.permalink)
        files.append(file)
        self.pages[src_uri] = source
        return file, source

    def place(self, file: File, permalink: str) -> None:
        """Put a file's output at a Jekyll permalink."""
        use_dirs = self.config.use_directory_urls
        dest = permalink_to_dest(permalink, use_dirs)
        file.dest_uri = dest
        file.url = file._get_url(use_dirs)
        file.abs_dest_path = str(Path(self.config.site_dir) / dest)

    def kept_text(self, stage: str, key: list[Any], compute: Callable[[], str]) -> str:
        """`compute()`, or the text it made in an earlier build whose reads (traced while it
        ran) are all unchanged: its warnings are reported again and what records around
        it learns its reads. A piece shown by a page folio does not keep whole (an inline
        news item on the about page) would otherwise run its Liquid on every build. Work
        that logged, did something besides its text or read what has no fingerprint is
        not kept."""
        store, resolver = self.store, self.resolver
        slot = None
        if store is not None and resolver is not None:
            try:
                slot = fingerprint([self.build_digest, key])
            except Unfingerprintable:
                slot = None
        if slot is not None:
            kept = store.get(stage, slot, shared=True)  # only read: shared across builds
            if (
                isinstance(kept, dict)
                and isinstance(kept.get("text"), str)
                and isinstance(kept.get("deps"), dict)
                and resolver.still_valid(kept["deps"])
            ):
                trace.merge_into_active(kept["deps"], [])
                for problem in kept.get("problems", ()):
                    self.problems.append(problem)
                return kept["text"]
        work = trace.Trace()
        with captured_logs() as logs, trace.recording(work):
            text = compute()
        if slot is not None and work.reusable and not work.effects and not logs:
            entry = {"text": text, "deps": work.deps, "problems": work.problems}
            store.put(stage, slot, entry)  # type: ignore[union-attr]
        return text

    def render_fragment(
        self, body: str, *, page: dict[str, Any], source: Path | str, first_line: int = 1
    ) -> str:
        """Liquid, then Markdown, then stashed HTML: a document body shown inside another
        page (an inline news item, a project card's text)."""
        text = body
        stash = None
        if self.liquid is not None:
            result = self.liquid.render(body, page=page, source=source, first_line=first_line)
            text, stash = result.text, result.stash
        html = self.markdown.convert(text)
        return stash.restore(html) if stash is not None else html

    # -- templates -------------------------------------------------------------------------

    def jinja(self) -> jinja2.Environment:
        """The theme's Jinja environment, for partials rendered before MkDocs' own render
        (a `{% bibliography %}` tag is turned into HTML while the page's Markdown is read)."""
        if self._jinja is None:
            self._jinja = self.config.theme.get_env()
            if self.template_hook is not None:
                self.template_hook(self._jinja)
            if self.site_view is not None:
                self._jinja.globals["folio"] = self.site_view
        return self._jinja

    def render_partial(self, template: str, **context: Any) -> str:
        return self.jinja().get_template(template).render(**context)

    def render_in_page(self, template: str, page: Page | None, **values: Any) -> str:
        """A theme partial rendered for one page, so that its `url` filter makes links
        relative to that page (the partial lands inside the page's body)."""
        base_url = get_relative_url(".", page.url) if page is not None else "."
        return self.render_partial(template, page=page, base_url=base_url, **values)


class Feature:
    """Base class of a feature; override the hooks the area needs."""

    name = "feature"

    def configure(self, ctx: BuildContext) -> None:
        """on_config, after the site is read: Markdown extensions, watched paths."""

    def files(self, ctx: BuildContext, files: Files) -> None:
        """on_files, after the docs pages are read and placed: add the area's pages."""

    def register(self, ctx: BuildContext, registry: Registry) -> None:
        """Before the Liquid renderer is made (once per build): tags, includes, filters."""

    def page_markdown(self, ctx: BuildContext, page: Page, source: SourcePage, text: str) -> str:
        """After Liquid, before Markdown."""
        return text

    def page_content(self, ctx: BuildContext, page: Page, source: SourcePage, html: str) -> str:
        """After Markdown (and after stashed HTML is restored)."""
        return html

    def page_context(
        self, ctx: BuildContext, page: Page, source: SourcePage, view: PageView
    ) -> None:
        """Fill this area's part of `folio_page` for the template."""

    def page_output(self, ctx: BuildContext, page: Page, source: SourcePage, output: str) -> None:
        """The finished HTML of a page MkDocs rendered (its layout included): for what a
        layout draws beyond the page's body (the CV's sections, for the search index)."""

    def liquid_variables(
        self, ctx: BuildContext, page: Page, source: SourcePage, variables: dict[str, Any]
    ) -> None:
        """Top-level Liquid variables of one page body (`page`, `paginator`...): change or add
        entries of `variables` in place."""

    def liquid_extras(self, ctx: BuildContext, page: Page, source: SourcePage) -> dict[str, Any]:
        """The top-level Liquid variables this feature adds to a page besides `page` (the
        blog's `paginator`), without rendering anything: they key the page's rendering."""
        return {}

    def env(self, ctx: BuildContext, env: jinja2.Environment) -> None:
        """Jinja globals and filters for the final render."""

    after_render = False
    """Whether what `export_page` gives is used after every page is rendered (the search
    index, the feed): a page reused whole gives it back then too. Otherwise it is only
    given back when the page's body is reused and its layout rendered again."""

    def export_page(self, ctx: BuildContext, src_uri: str) -> Any:
        """What this feature kept of one page while its body rendered (for its layout, the
        search index, the feed), as values the cache can hold (`cache/codec.py`); None
        for nothing. A page whose body is reused gets it back through `import_page`."""
        return None

    def import_page(self, ctx: BuildContext, src_uri: str, kept: Any) -> None:
        """Take back what `export_page` gave for a page whose rendered body is reused."""

    def replay_effect(self, ctx: BuildContext, kind: str, payload: Any) -> None:
        """Do again what rendering a reused body did beyond its HTML (`trace.effect`: an
        image variant to write, a notebook to convert)."""

    def post_build(self, ctx: BuildContext) -> None:
        """After every page is written: feeds, indexes, reports."""
