"""Page files folio makes, and writing pages as MkDocs writes them.

A page folio renders itself (a collection document, a page the build makes) is an
`OwnedFile`: it stays in MkDocs' `files` (links to it resolve, navigation and the sitemap
list it) but, once `taken` after navigation, MkDocs' page loops pass it by and folio renders
it (`render/owned.py`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import File, Files

from mkdocs_folio.site.textfile import overwrite

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

__all__ = ["OwnedFile", "all_pages", "copied_as_is", "other_post_page_handlers", "write_page"]


def file_at(files: Files, path: str) -> File | None:
    """`files.get_file_from_path(path)`. A path written exactly as a file's address (nearly
    every one a build asks for, thousands of them) is found without being parsed as a path
    first; any other path is normalized as MkDocs does."""
    if isinstance(files, Files):
        found = files.src_uris.get(path)
        if found is not None:
            return found
    return files.get_file_from_path(path)


class OwnedFile(File):
    """A page file folio made; once `taken`, MkDocs' page loops pass it by."""

    taken: bool = False

    def is_documentation_page(self) -> bool:
        return not self.taken and super().is_documentation_page()

    def copy_file(self, dirty: bool = False) -> None:
        # Once taken, the file is a page folio writes, not a static file to copy.
        if not self.taken:
            super().copy_file(dirty)


class CopiedFile(File):
    """A Markdown file Jekyll copies as it is (it has no front matter): no page, no sitemap
    entry, no search entry, the file itself at its site path."""

    def is_documentation_page(self) -> bool:
        return False


def copied_as_is(file: File, dest_uri: str, config: MkDocsConfig) -> File:
    """`file`, to be copied byte for byte to `dest_uri` instead of becoming a page."""
    copied = CopiedFile(
        file.src_uri,
        file.src_dir,
        file.dest_dir,
        config.use_directory_urls,
        dest_uri=dest_uri,
        inclusion=file.inclusion,
    )
    copied.abs_src_path = file.abs_src_path
    return copied


def all_pages(files: Files, owned: Iterable[OwnedFile]) -> list[File]:
    """Every page of the site (ordinary and owned) in file order: the `pages` of a context."""
    taken = {id(file) for file in owned}
    return [file for file in files if file.is_documentation_page() or id(file) in taken]


def write_page(page: Page, output: str) -> bool:
    """Write a page's HTML as MkDocs does (an empty result writes nothing), over the old
    file in place (site/textfile.py `overwrite`)."""
    if not output.strip():
        return False
    overwrite(page.file.abs_dest_path, output.encode("utf-8", errors="xmlcharrefreplace"))
    return True


def other_post_page_handlers(config: MkDocsConfig, own: Any) -> list[Any]:
    """Other plugins' `on_post_page` handlers, in MkDocs' order (folio defines none)."""
    handlers = config.plugins.events.get("post_page", [])
    return [h for h in handlers if getattr(h, "__self__", None) is not own]
