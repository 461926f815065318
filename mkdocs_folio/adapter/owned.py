"""Pages folio renders itself: collection documents and the pages the build makes.

MkDocs renders every page through one serial pipeline: a new Markdown instance for each
page, every plugin's page events, then the template. For the pages folio owns (posts, news,
projects and other collection documents, blog pagination, archives, per-publication pages)
that pipeline is most of a large site's build, and none of its steps can be reused or shared
between cores from inside it.

Owned pages therefore stay in `files` (links to them resolve, navigation and the sitemap list
them) but leave MkDocs' page loops once navigation is built: `OwnedFile` stops calling itself
a documentation page. Folio then renders them with its own hooks (the same ones MkDocs calls
for ordinary pages), one Markdown instance, the theme's environment, and writes them. Other
plugins' page events (`on_page_markdown`, `on_page_content`, `on_page_context`) do not run
for them; `on_post_page` does, so post-processors (minifiers) still see every page.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from mkdocs import utils
from mkdocs.commands.build import get_context
from mkdocs.structure.files import File, Files

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

    from mkdocs_folio.plugin import FolioPlugin


class OwnedFile(File):
    """A page file folio made; once `taken`, MkDocs' page loops pass it by."""

    taken: bool = False

    def is_documentation_page(self) -> bool:
        return not self.taken and super().is_documentation_page()

    def copy_file(self, dirty: bool = False) -> None:
        # Once taken, the file is a page folio writes, not a static file to copy.
        if not self.taken:
            super().copy_file(dirty)


class OwnedPages:
    """The owned pages of one build and their rendering."""

    def __init__(self) -> None:
        self.files: list[OwnedFile] = []

    def take(self, files: Files) -> None:
        """After navigation: every owned page leaves MkDocs' page loops."""
        self.files = [
            file
            for file in files
            if isinstance(file, OwnedFile) and File.is_documentation_page(file)
        ]
        self._set_taken(True)

    def _set_taken(self, taken: bool) -> None:
        for file in self.files:
            file.taken = taken

    def listed(self, listed: bool) -> None:
        """Owned pages count as pages again while the sitemap is rendered (`listed=True`),
        so that it lists every page in the order MkDocs would."""
        self._set_taken(not listed)

    def render(
        self,
        plugin: FolioPlugin,
        env: jinja2.Environment,
        config: MkDocsConfig,
        files: Files,
        nav: Navigation,
    ) -> None:
        """Render and write every owned page, in file order."""
        pages = all_pages(files, self.files)
        post_page = _other_post_page_handlers(config, plugin)
        for file in self.files:
            page = file.page
            if page is None:
                continue
            output = render_page(plugin, page, env, config, files, nav, pages)
            for handler in post_page:
                output = handler(output, page=page, config=config)
            write_page(page, output)


def all_pages(files: Files, owned: Iterable[OwnedFile]) -> list[File]:
    """Every page of the site (ordinary and owned) in file order: the `pages` of a context."""
    taken = {id(file) for file in owned}
    return [file for file in files if file.is_documentation_page() or id(file) in taken]


def render_page(
    plugin: FolioPlugin,
    page: Page,
    env: jinja2.Environment,
    config: MkDocsConfig,
    files: Files,
    nav: Navigation,
    pages: list[File],
) -> str:
    """One owned page from its source to its HTML, through folio's page hooks."""
    ctx = plugin.ctx
    assert ctx is not None
    source = ctx.pages[page.file.src_uri]
    config._current_page = page
    try:
        page.markdown = source.front.body
        page.markdown = plugin.on_page_markdown(
            page.markdown, page=page, config=config, files=files
        )
        plugin.page_markdown.render(page, files)
        page.content = plugin.on_page_content(
            page.content or "", page=page, config=config, files=files
        )
        page.active = True
        context = get_context(nav, pages, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = plugin.on_page_context(context, page=page, config=config, nav=nav) or context
        return template.render(context)
    finally:
        page.active = False
        config._current_page = None


def write_page(page: Page, output: str) -> None:
    """Write a page's HTML as MkDocs does (an empty result writes nothing)."""
    if output.strip():
        utils.write_file(
            output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path
        )


def _other_post_page_handlers(config: MkDocsConfig, plugin: FolioPlugin) -> list[Any]:
    """Other plugins' `on_post_page` handlers, in MkDocs' order (folio defines none)."""
    handlers = config.plugins.events.get("post_page", [])
    return [h for h in handlers if getattr(h, "__self__", None) is not plugin]
