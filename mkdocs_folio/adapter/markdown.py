"""Markdown settings the theme relies on, and a renderer for `markdownify` and inline news."""

from __future__ import annotations

import logging
import re

import markdown as md_lib
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from mkdocs_folio.markdown.highlight import kept_highlight_setup
from mkdocs_folio.markdown.ids import kramdown_slugify

# MkDocs' "ignore" level for validation settings.
NOTSET_IGNORE = logging.DEBUG

# Extensions that al-folio content needs (kramdown/GFM features) and that the theme's CSS
# expects. Added when missing; a user's own settings for them are kept.
REQUIRED_EXTENSIONS: dict[str, dict] = {
    "toc": {},
    "tables": {},
    "attr_list": {},
    "md_in_html": {},
    "footnotes": {},
    "def_list": {},
    "admonition": {},
}


def extension_names(config: MkDocsConfig) -> set[str]:
    """The Markdown extensions already configured, by name (an instance by its module), so
    that ours are added only when missing."""
    names = set()
    for ext in config.markdown_extensions:
        names.add(ext if isinstance(ext, str) else type(ext).__module__)
    return names


def ensure_extensions(config: MkDocsConfig) -> None:
    present = extension_names(config)
    for name, options in REQUIRED_EXTENSIONS.items():
        if name not in present and f"markdown.extensions.{name}" not in present:
            config.markdown_extensions.append(name)
            if options:
                config.mdx_configs.setdefault(name, options)
    # Heading ids as kramdown makes them, unless the site chose its own slugify.
    toc = config.mdx_configs.setdefault("toc", {}) if "toc" in config.markdown_extensions else None
    if isinstance(toc, dict):
        toc.setdefault("slugify", kramdown_slugify)


def quiet_link_validation(config: MkDocsConfig) -> None:
    """al-folio content links by site path (`/publications/`, `{{ '/x' | relative_url }}`),
    which MkDocs' link validation reports on every page. Those checks are switched off while
    they are at MkDocs' defaults; a user's explicit `validation:` settings are kept."""
    links = config.validation.links
    if links.absolute_links == logging.INFO:
        links.absolute_links = NOTSET_IGNORE
    if links.unrecognized_links == logging.INFO:
        links.unrecognized_links = NOTSET_IGNORE


class MarkdownRenderer:
    """Markdown with the site's own extensions, for text that is not a page (news, fields).

    One `Markdown` instance per build, reset between calls: creating one costs far more than
    converting a sentence.
    """

    def __init__(self, config: MkDocsConfig) -> None:
        # Read at first use: features add their extensions after this renderer is made.
        self._config = config
        self._md: md_lib.Markdown | None = None
        self._cache: dict[str, str] = {}

    def convert(self, text: str) -> str:
        text = "" if text is None else str(text)
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        if self._md is None:
            self._md = md_lib.Markdown(
                extensions=list(self._config.markdown_extensions),
                extension_configs=dict(self._config.mdx_configs),
            )
        html = self._md.reset().convert(text)
        self._cache[text] = html
        return html


_MAY_NAME_AN_ANCHOR = re.compile(r"""(?i)(?<=['"\s/])(?:id|name)(?=[\s/=>]|$)""")
"""An attribute that could be `id` or `name`, where Python's HTML parser reads attribute
names (after a quote, a space or a slash; names are compared in lower case)."""


class _RawHTMLIds(mkdocs_pages._RawHTMLPreprocessor):
    """MkDocs' search of a page's raw HTML for anchor ids (`id`, `<a name>`), which runs
    Python's HTML parser over the whole Markdown text of every page: skipped when no text
    could be such an attribute, where the parser would find none (most posts, every blog
    index page)."""

    def run(self, lines: list[str]) -> list[str]:
        if _MAY_NAME_AN_ANCHOR.search("\n".join(lines)) is None:
            self.present_anchor_ids = set()
            return lines
        return super().run(lines)


class PageMarkdown:
    """Markdown for the pages folio renders itself, the way MkDocs' `Page.render` does it.

    MkDocs builds a new `markdown.Markdown` with every extension for each page: about a fifth
    of a large site's build. Here one instance serves a whole build: it is reset between
    pages (the contract Python-Markdown gives extensions that keep state), and MkDocs' own
    per-page processors (relative links, anchors, the title from the first heading, raw HTML
    ids) are registered anew for each page, so the page gets what `Page.render` would give.
    Code blocks are highlighted without making their setup anew (markdown/highlight.py).
    """

    def __init__(self, config: MkDocsConfig) -> None:
        self._config = config
        self._md: md_lib.Markdown | None = None

    def render(self, page: Page, files: Files) -> None:
        """Fill `page.content`, `page.toc` and the anchor and title fields from `page.markdown`."""
        if self._md is None:
            self._md = md_lib.Markdown(
                extensions=self._config["markdown_extensions"],
                extension_configs=self._config["mdx_configs"] or {},
            )
        md = self._md
        md.reset()
        raw_html = _RawHTMLIds()
        raw_html._register(md)
        anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(page.file, files, self._config)
        anchors._register(md)
        links = mkdocs_pages._RelativePathTreeprocessor(page.file, files, self._config)
        links._register(md)
        title = mkdocs_pages._ExtractTitleTreeprocessor()
        title._register(md)
        with kept_highlight_setup():
            page.content = md.convert(page.markdown or "")
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if logging.getLogger(mkdocs_pages.__name__).getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = links.links_to_anchors
