"""Lists as kramdown (GFM input) reads them, where Python-Markdown reads them otherwise.

- **A list may interrupt a paragraph.** kramdown's GFM parser ends a paragraph at a line that
  starts a list (`paragraph_end` quirk), so

      **Top Reviewer**:
      - NeurIPS 2025

  is a paragraph and a list. Python-Markdown needs a blank line and made one paragraph of it
  ("Top Reviewer: - NeurIPS 2025"). `ListInterruptProcessor` splits such a block before the
  list's first line.
- **Nested lists indent to the item's text.** kramdown nests a line under a list item when
  it is indented at least to the item's text (two spaces under `- `, three under `1. `);
  Python-Markdown wants four spaces a level. `ListIndentPreprocessor` rewrites the
  indentation of list content to Python-Markdown's, keeping relative indentation (so code
  inside an item stays code), and leaves everything outside lists as it is. Fenced code is
  never read as list items.
- **A list of the other kind is a new list.** A bulleted list followed (after a blank line)
  by a numbered one is two lists in kramdown; Python-Markdown continued the first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor

from mkdocs_folio.markdown.segments import code_map

__all__ = ["LIST_START", "ListIndentPreprocessor", "ListInterruptProcessor"]

# kramdown's LIST_START: up to three spaces, a bullet or a number and a dot, then a blank.
LIST_START = re.compile(r"^(?P<indent>[ ]{0,3})(?P<marker>[*+-]|\d+\.)(?P<gap>[ \t]+)(?=\S)")
_ITEM = re.compile(r"^(?P<indent>[ ]*)(?P<marker>[*+-]|\d+\.)(?P<gap>[ \t]+|$)")
_HR = re.compile(r"^[ ]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$")


def _is_list_start(line: str) -> bool:
    return bool(LIST_START.match(line)) and not _HR.match(line)


class ListInterruptProcessor(BlockProcessor):
    """Splits a paragraph block at the first line that starts a list (see the module)."""

    def _split_at(self, block: str) -> int | None:
        lines = block.split("\n")
        if len(lines) < 2 or _is_list_start(lines[0]) or lines[0].startswith((" " * 4, "\t")):
            return None
        for index, line in enumerate(lines[1:], start=1):
            if _is_list_start(line):
                return index
        return None

    def test(self, parent: etree.Element, block: str) -> bool:
        return self._split_at(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        block = blocks.pop(0)
        index = self._split_at(block)
        if index is None:  # pragma: no cover - test() said yes
            blocks.insert(0, block)
            return False
        lines = block.split("\n")
        blocks.insert(0, "\n".join(lines[index:]))
        blocks.insert(0, "\n".join(lines[:index]))
        # The paragraph part goes on through the other processors (a header, a table...).
        return False


def _expand(line: str) -> str:
    """Leading tabs as spaces to the next multiple of four, as kramdown counts columns."""
    match = re.match(r"[ \t]*", line)
    lead = match.group(0) if match else ""
    if "\t" not in lead:
        return line
    column = 0
    for char in lead:
        column = column + 4 - column % 4 if char == "\t" else column + 1
    return " " * column + line[len(lead) :]


class ListIndentPreprocessor(Preprocessor):
    """Rewrites the indentation of list content from kramdown's rule to Python-Markdown's."""

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if not any(_ITEM.match(line) for line in lines):
            return lines
        cmap = code_map(text)
        offsets = []
        position = 0
        for line in lines:
            offsets.append(position)
            position += len(line) + 1
        # (kramdown content column, Python-Markdown content column) of each open item.
        stack: list[tuple[int, int]] = []
        out: list[str] = []
        previous_blank = True
        changed = False
        for number, raw in enumerate(lines):
            line = _expand(raw)
            stripped = line.lstrip(" ")
            indent = len(line) - len(stripped)
            if not stripped:
                out.append(raw)
                previous_blank = True
                continue
            in_code = cmap.is_code(offsets[number] + len(raw) - len(raw.lstrip()))
            item = None if in_code else _ITEM.match(line)
            if item is not None and _HR.match(line):
                item = None
            if item is not None and item.group("gap") == "" and not stack:
                item = None  # a lone "-" or "1." outside a list is text
            if item is not None:
                while stack and indent < stack[-1][0]:
                    stack.pop()
                if not stack and indent > 3:
                    item = None  # indented code, not a list
            if item is not None:
                gap = item.group("gap").replace("\t", " ")
                if len(gap) > 4 or not gap:
                    gap = " "
                marker = item.group("marker")
                own = 4 * len(stack)
                content = indent + len(marker) + len(gap)
                stack.append((content, own + 4))
                rest = line[item.end() :]
                new = " " * own + marker + " " + rest
                out.append(new)
                changed = changed or new != raw
                previous_blank = False
                continue
            if stack and indent < stack[-1][0] and previous_blank:
                while stack and indent < stack[-1][0]:
                    stack.pop()
            if not stack or (indent < stack[-1][0] and not previous_blank):
                # Outside lists, or a lazy continuation line: as written.
                out.append(raw)
                previous_blank = False
                continue
            kramdown_col, pymd_col = stack[-1]
            new = " " * (pymd_col + indent - kramdown_col) + stripped
            out.append(new)
            changed = changed or new != raw
            previous_blank = False
        return out if changed else lines


def register(md: Markdown) -> None:
    # A list continues only a list of its own kind.
    for name in ("olist", "ulist"):
        if name in md.parser.blockprocessors:
            processor = md.parser.blockprocessors[name]
            processor.SIBLING_TAGS = [processor.TAG]
    # Above the paragraph processor (10), below everything that reads a block's first line.
    md.parser.blockprocessors.register(ListInterruptProcessor(md.parser), "folio_list_break", 12)
    # After kramdown's attribute lists (27) and math (28), before fenced code (25).
    md.preprocessors.register(ListIndentPreprocessor(md), "folio_list_indent", 26)
