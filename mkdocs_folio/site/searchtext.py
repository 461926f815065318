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


_CUT = re.compile(r"<(?:li|h[1-6])\b")
"""Where a long page is cut into pieces that are read on their own (list items, headings)."""

CHUNKED_FROM = 64 * 1024
"""Pages shorter than this are read in one piece: remembering pieces would not pay."""

_MEMO_CHARS = 64 * 1024 * 1024
_memo: dict[tuple[str, tuple], tuple[list, tuple]] = {}
_memo_chars = 0

_NEW_SECTION = "s"
_BACK_TO_BODY = "b"

_START: tuple = ((), 0, 0, None)
"""The reader's state before the first tag: open elements, skipped depth, <pre> depth and
the open heading (its tag and depth)."""


def split_sections(content: str) -> list[Section]:
    """Sections of `content` (the page's HTML body), in document order.

    The first section (before any heading with an id) has no anchor; its title is left
    empty for the caller to fill with the page title.

    A long page (a publication list) is read in pieces cut at list items and headings, and
    what each piece gave is remembered by its text and the reader's state where it starts:
    a `mkdocs serve` rebuild after one paper changed reads that paper's piece only. A piece
    is only remembered when it is known to read the same alone as in the whole page (every
    `<` in it starts a tag that ends inside it); one that is not is read together with the
    next, so the result is always the one of reading the page in one go.
    """
    ops: list = []
    if len(content) < CHUNKED_FROM:
        _scan(content, 0, len(content), _START, ops)
    else:
        _scan_in_pieces(content, ops)
    return _sections(ops)


def _scan_in_pieces(content: str, ops: list) -> None:
    global _memo_chars
    cuts = [match.start() for match in _CUT.finditer(content)]
    cuts.append(len(content))
    state = _START
    begin = 0
    for end in cuts:
        if end <= begin:
            continue
        piece = content[begin:end]
        key = (piece, state)
        known = _memo.get(key)
        if known is not None:
            ops += known[0]
            state = known[1]
            begin = end
            continue
        mark = len(ops)
        after, tags = _scan(content, begin, end, state, ops)
        if end != len(content) and content.count("<", begin, end) != tags:
            # A `<` that started no tag here (an attribute or comment running past the
            # cut, or a bare `<`): read on to the next cut, from the same state.
            del ops[mark:]
            continue
        if _memo_chars > _MEMO_CHARS:
            _memo.clear()
            _memo_chars = 0
        _memo[key] = (ops[mark:], after)
        _memo_chars += len(piece)
        state = after
        begin = end


def _sections(ops: list) -> list[Section]:
    sections = [Section(anchor=None)]
    target = sections[0].text
    for op in ops:
        if op.__class__ is str:
            target.append(op)
        elif op[0] == _NEW_SECTION:
            sections.append(Section(anchor=op[1]))
            target = sections[-1].title
        else:
            target = sections[-1].text
    return sections


def _scan(content: str, begin: int, end: int, state: tuple, ops: list) -> tuple[tuple, int]:
    """Read `content[begin:end]` from `state`, appending to `ops` the text kept (strings)
    and where sections start and headings end (tuples); returns the state at `end` and
    the number of tags and comments read."""
    stack_items, skipping, in_pre, heading = state
    stack: list[tuple[str, bool]] = list(stack_items)  # (tag, skipped)
    out = ops.append
    position = begin
    tags = 0

    for match in _TAG.finditer(content, begin, end):
        tags += 1
        start = match.start()
        if start > position and not skipping:
            out(_index_text(content[position:start], in_pre))
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
                out((_BACK_TO_BODY,))
            if not skipping and tag in KEEP:
                out(f"</{tag}>")
            continue
        if tag in VOID_ELEMENTS or attrs.rstrip().endswith("/"):
            if tag == "br" and not skipping:
                out(" ")
            continue
        skipped = tag in SKIP or (attrs != "" and _skipped(attrs))
        if tag in HEADINGS and not skipping and not skipped:
            found = _ATTR_ID.search(attrs)
            if found:
                anchor = next(g for g in found.groups() if g is not None)
                out((_NEW_SECTION, anchor))
                heading = (tag, len(stack))
        stack.append((tag, skipped))
        if tag == "pre":
            in_pre += 1
        if skipped:
            skipping += 1
        elif not skipping and tag in KEEP:
            out(f"<{tag}>")
    if position < end and not skipping:
        out(_index_text(content[position:end], in_pre))
    return (tuple(stack), skipping, in_pre, heading), tags
