"""Search-index sections from a page's HTML, fast.

Material's search plugin splits each page into sections at headings with an `id` and keeps
the text (plus a few tags: paragraphs, lists, code, sub/superscripts), skipping scripts,
styles and anything marked `data-search-exclude`. It does that with Python's `html.parser`
and compares every open element with every skipped one for each piece of text, which made
the index the largest single cost of building a site with a thousand posts and a long
publication list. This module produces the same kind of sections with one regular-expression
scan over the tags and a flat stack, so the index costs a fraction of the page rendering.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from mkdocs_folio.markup import VOID_ELEMENTS

_TAG = re.compile(
    r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.S,
)
_ATTR_ID = re.compile(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_SPACE = re.compile(r"\s+")
_EMPTY_KEPT = re.compile(r"<(p|li|ul|ol|code|sub|sup)>\s*</\1>")

SKIP = {"script", "style", "object", "template", "svg", "button", "nav"}
KEEP = {"p", "code", "pre", "li", "ol", "ul", "sub", "sup"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_PLAIN_SPAN = ("span", False)


@dataclass
class Section:
    """One entry of the index: a heading's anchor, its title and the text below it."""

    anchor: str | None
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def title_text(self) -> str:
        return _SPACE.sub(" ", "".join(self.title)).strip()

    def body_text(self) -> str:
        # Whitespace was already collapsed outside <pre> as the text was read.
        text = "".join(self.text)
        return _EMPTY_KEPT.sub("", text).strip()


def _skipped(attrs: str) -> bool:
    return (
        "data-search-exclude" in attrs
        or 'class="linenodiv"' in attrs
        or ("headerlink" in attrs and "class=" in attrs)
    )


def _index_text(text: str, in_pre: int) -> str:
    """A run of text between tags as the index keeps it: entities decoded, whitespace
    collapsed outside `<pre>`, and escaped again only where it has markup characters
    (the common case, plain words, is returned as it is)."""
    if "&" in text:
        text = html.unescape(text)
    if not in_pre:
        text = _SPACE.sub(" ", text)
    if "&" in text or "<" in text or ">" in text:
        text = html.escape(text, quote=False)
    return text


def split_sections(content: str) -> list[Section]:
    """Sections of `content` (the page's HTML body), in document order.

    The first section (before any heading with an id) has no anchor; its title is left
    empty for the caller to fill with the page title.
    """
    sections = [Section(anchor=None)]
    stack: list[tuple[str, bool]] = []  # (tag, skipped)
    skipping = 0  # open skipped elements
    in_pre = 0  # open <pre> elements (whitespace is kept inside them)
    heading: tuple[str, int] | None = None  # (tag, stack depth) of the open heading
    target = sections[-1].text  # where text goes: the open heading's title or the body
    position = 0

    for match in _TAG.finditer(content):
        start = match.start()
        if start > position and not skipping:
            target.append(_index_text(content[position:start], in_pre))
        position = match.end()
        closing, tag, attrs = match.groups()
        if tag == "span":
            # Half of all tags (highlighted code): the plain case without the general checks.
            if closing:
                if stack and stack[-1] == _PLAIN_SPAN:
                    # The open heading, if any, is below this span: it stays open.
                    del stack[-1]
                    continue
            elif not attrs or not (attrs.rstrip().endswith("/") or _skipped(attrs)):
                stack.append(_PLAIN_SPAN)
                continue
        elif tag is None:  # a comment
            continue
        tag = tag.lower()
        if closing:
            # Close back to the matching element; stray end tags are ignored.
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == tag:
                    for name, was_skipped in stack[depth:]:
                        if was_skipped:
                            skipping -= 1
                        if name == "pre":
                            in_pre -= 1
                    del stack[depth:]
                    break
            else:
                continue
            if heading is not None and len(stack) <= heading[1]:
                heading = None
                target = sections[-1].text
            if not skipping and tag in KEEP:
                target.append(f"</{tag}>")
            continue
        if tag in VOID_ELEMENTS or attrs.rstrip().endswith("/"):
            if tag == "br" and not skipping:
                target.append(" ")
            continue
        skipped = tag in SKIP or (attrs != "" and _skipped(attrs))
        if tag in HEADINGS and not skipping and not skipped:
            found = _ATTR_ID.search(attrs)
            if found:
                anchor = next(g for g in found.groups() if g is not None)
                sections.append(Section(anchor=anchor))
                heading = (tag, len(stack))
                target = sections[-1].title
        stack.append((tag, skipped))
        if tag == "pre":
            in_pre += 1
        if skipped:
            skipping += 1
        elif not skipping and tag in KEEP:
            target.append(f"<{tag}>")
    if position < len(content) and not skipping:
        target.append(_index_text(content[position:], in_pre))
    return sections
