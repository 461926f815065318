"""A page whose chrome changed, made from its last HTML without rendering its layout again.

A footer text in `_config.yml`, a navbar title, an edited navbar or footer partial: each
changes the same few parts of every page (the navbar, the footer), and rendering the
layout of all 1,600 pages again for them costs more than a second. Those parts are
fragments (`Fragments` in adapter/templates.py): rendered once per build for each key, the
rest of the page reading nothing of what they read. A page's entry notes where each of
its fragments sits in its HTML (`spans`) and which of the page's reads were made outside
them (`outer`). When every outer read is unchanged, the page's new HTML is its old HTML
with each fragment's old text replaced by its text in this build: the same text a full
rendering would write, since everything outside the fragments came from the same inputs.

A span whose text is not what the entry says (the file changed under us), a fragment this
build has not rendered, or one that reported or did something: the page is rendered anew.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs_folio.cache.fingerprint import digest

if TYPE_CHECKING:
    from mkdocs_folio.adapter.templates import Fragment, Fragments

__all__ = ["locate", "replace"]

Span = list[Any]
"""[fragment key fingerprint, start, end, fingerprint of the text]: offsets in characters."""


def locate(html: str, used: list[Fragment]) -> list[Span] | None:
    """Where each fragment a page used sits in its HTML, in order; None when one cannot be
    found or taken by another page (its key has no fingerprint, it reported something)."""
    spans: list[Span] = []
    position = 0
    for fragment in used:
        if not fragment.clean or fragment.key is None:
            return None
        start = html.find(fragment.text, position)
        if start < 0:
            return None
        end = start + len(fragment.text)
        spans.append([fragment.key, start, end, fragment.text_digest])
        position = end
    return spans


def replace(
    old: str, spans: list[Span], fragments: Fragments
) -> tuple[str, list[Span], list[Fragment]] | None:
    """The page's HTML with each fragment's text of this build in place of its old text,
    the new spans and the fragments used; None when that cannot be done safely."""
    parts: list[str] = []
    made: list[Span] = []
    used: list[Fragment] = []
    position = 0
    length = 0
    for key, start, end, text_digest in spans:
        fragment = fragments.get(key)
        if fragment is None or not fragment.clean:
            return None
        if not position <= start <= end <= len(old) or digest(old[start:end]) != text_digest:
            return None
        parts.append(old[position:start])
        length += start - position
        parts.append(fragment.text)
        made.append([key, length, length + len(fragment.text), fragment.text_digest])
        length += len(fragment.text)
        used.append(fragment)
        position = end
    parts.append(old[position:])
    return "".join(parts), made, used
