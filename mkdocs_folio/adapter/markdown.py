"""Markdown settings the theme relies on, and a renderer for `markdownify` and inline news."""

from __future__ import annotations

import logging

import markdown as md_lib
from mkdocs.config.defaults import MkDocsConfig

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
