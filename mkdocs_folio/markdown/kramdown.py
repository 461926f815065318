"""kramdown syntax that Python-Markdown lacks, for pages written for Jekyll.

Python-Markdown's `attr_list` reads `{: .class }` at the end of a paragraph, heading or list
item and after spans. kramdown also accepts a block attribute list on a line of its own:

    > ##### TIP
    > A tip can be used when you want to give advice.
    {: .block-tip }

Python-Markdown reads that line as part of the blockquote's last paragraph (lazy
continuation) and puts the class on the `<p>`; al-folio's callouts style the blockquote.
Tables, fenced code and lists lose their attribute list entirely (it becomes a table row or a
paragraph of text). This extension gives those lines kramdown's meaning:

- a block IAL right after a block (no blank line between) applies to that block; otherwise
  to the next block (kramdown's rule); `{: ref }` names an ALD (`{:ref: .a #b}`);
- `* TOC` + `{:toc}` becomes Python-Markdown's `[TOC]`;
- `{::nomarkdown}...{:/nomarkdown}` (or `{:/}`) outputs its content as-is;
- `{::comment}...{:/comment}` disappears, and so does `{::options ... /}`.

And kramdown's GFM rules that Python-Markdown reads otherwise: a list may interrupt a
paragraph and nests at the item's text (`lists.py`); a backslash at the end of a line is a
line break; the custom elements al-folio writes as blocks (`<swiper-container>`,
`<img-comparison-slider>`, Distill's `<d-code>`) start an HTML block, as any element that is
not a span element does in kramdown; and so does a block element whose start tag is written
over several lines (`<table` then one attribute a line), which Python-Markdown wrapped in a
paragraph (an empty `<p>` before the table).

Attribute lists, ALDs and extensions shown inside code are left alone (see `segments.py`).
"""

from __future__ import annotations

import re
import secrets
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import SubstituteTagInlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from mkdocs_folio.markdown import lists
from mkdocs_folio.markdown.attributes import Attributes, parse_attributes
from mkdocs_folio.markdown.ids import reset_ids
from mkdocs_folio.markdown.report import MarkdownReporter
from mkdocs_folio.markdown.segments import code_map

__all__ = ["KramdownExtension", "apply_to_html_tag"]

_PREFIX = r"(?P<prefix>[ \t]*(?:>[ \t]?)*[ \t]*)"
_IAL_LINE = re.compile(r"^" + _PREFIX + r"\{:(?![:/])(?P<body>(?:\\\}|[^}])*)\}[ \t]*$", re.M)
_ALD_LINE = re.compile(
    r"^" + _PREFIX + r"\{:(?P<name>[A-Za-z0-9_][A-Za-z0-9_-]*):(?P<body>(?:\\\}|[^}])*)\}[ \t]*$",
    re.M,
)
_EXT_OPEN = re.compile(r"\{::(?P<name>[a-z]+)(?P<opts>[^}]*?)(?P<selfclose>/)?\}")
_TOC_ITEM = re.compile(r"^[ \t]*(?:[*+-]|1\.)[ \t]+TOC[ \t]*$")
# Custom elements al-folio's pages write as blocks (kramdown takes any element that is not
# one of its span elements as a block); Python-Markdown knows only HTML's own block elements.
CUSTOM_BLOCK_ELEMENTS = (
    "swiper-container",
    "swiper-slide",
    "img-comparison-slider",
    "d-code",
    "d-figure",
    "d-article",
    "d-appendix",
    "d-title",
    "d-byline",
    "d-front-matter",
    "d-bibliography",
)
_START_TAG = re.compile(r"^(\s*<[A-Za-z][\w:-]*)([^>]*?)(/?>)", re.S)


def _marker_pattern(key: str) -> re.Pattern[str]:
    return re.compile(rf"^FOLIOIAL{key}X(\d+)X$")


class KramdownPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: KramdownExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "{:" not in text:
            return lines
        reporter = self.extension.reporter
        state: dict[str, Any] = {"key": secrets.token_hex(3), "items": []}
        self.md.folio_ial = state  # type: ignore[attr-defined]
        cmap = code_map(text)

        def line_of(index: int) -> int:
            return text.count("\n", 0, index) + 1

        edits: list[tuple[int, int, str]] = []

        # 1. Extensions: {::nomarkdown}...{:/nomarkdown}, {::comment}, {::options /}.
        covered: list[tuple[int, int]] = []
        for match in _EXT_OPEN.finditer(text):
            if cmap.is_code(match.start()) or any(a <= match.start() < b for a, b in covered):
                continue
            name = match.group("name")
            if match.group("selfclose"):
                if name in ("options", "comment", "nomarkdown"):
                    edits.append((match.start(), match.end(), ""))
                    covered.append((match.start(), match.end()))
                continue
            closer = re.compile(r"\{:/(?:" + re.escape(name) + r")?\}")
            close = closer.search(text, match.end())
            if close is None:
                if reporter is not None:
                    reporter.report(
                        f"{{::{name}}} is never closed",
                        line_of(match.start()),
                        f"end it with {{:/{name}}}",
                    )
                edits.append((match.start(), match.end(), ""))
                continue
            covered.append((match.start(), close.end()))
            body = text[match.end() : close.start()]
            keep_lines = "\n" * body.count("\n")
            if name == "nomarkdown":
                placeholder = self.md.htmlStash.store(body.strip("\n"))
                block = _alone(text, match.start(), close.end())
                edits.append(
                    (match.start(), close.end(), placeholder + (keep_lines if block else ""))
                )
            elif name == "comment":
                edits.append((match.start(), close.end(), keep_lines))
            else:
                if reporter is not None:
                    reporter.report(
                        f"kramdown extension {{::{name}}} is not supported",
                        line_of(match.start()),
                        "its content is shown as text",
                    )
                edits.append((match.start(), match.end(), ""))
                edits.append((close.start(), close.end(), ""))

        def inside_edit(index: int) -> bool:
            return any(a <= index < b for a, b in covered) or cmap.is_code(index)

        # 2. Attribute list definitions.
        definitions: dict[str, Attributes] = {}
        for match in _ALD_LINE.finditer(text):
            if inside_edit(match.start("body")):
                continue
            definitions[match.group("name")] = parse_attributes(match.group("body"))
            edits.append((match.start(), match.end(), match.group("prefix").rstrip()))

        # 3. Block attribute lists on lines of their own.
        for match in _IAL_LINE.finditer(text):
            start = match.start()
            if inside_edit(match.start("body")) or _ALD_LINE.match(text, start):
                continue
            prefix = match.group("prefix")
            attributes = parse_attributes(match.group("body").replace("\\}", "}"))
            if "toc" in attributes.refs:
                item = _previous_line(text, start)
                if item is not None and _TOC_ITEM.match(text[item[0] : item[1]]):
                    edits.append((item[0], match.end(), prefix + "[TOC]\n"))
                    continue
            attributes = attributes.resolve(definitions)
            if attributes.invalid and reporter is not None:
                reporter.report(
                    "attribute list: cannot read " + ", ".join(repr(t) for t in attributes.invalid),
                    line_of(start),
                    'write {: .class #id key="value" }',
                )
            if attributes.refs and reporter is not None:
                reporter.report(
                    "attribute list: no definition for " + ", ".join(attributes.refs),
                    line_of(start),
                    "define it with {:name: .class} on a line of its own",
                )
            previous = _previous_line(text, start)
            attach_prev = previous is not None and text[previous[0] : previous[1]].strip(" \t>")
            if attach_prev and prefix and not prefix.strip(" \t"):
                # Indented under a list item: Python-Markdown's attr_list gives it to that
                # item, as kramdown does; blank lines here would split the list.
                continue
            index = len(state["items"])
            state["items"].append((attributes, "prev" if attach_prev else "next"))
            marker = f"FOLIOIAL{state['key']}X{index}X"
            blank = prefix.rstrip()
            if attach_prev:
                edits.append((start, match.end(), f"{blank}\n{prefix}{marker}\n{blank}"))
            else:
                edits.append((start, match.end(), f"{prefix}{marker}\n{blank}"))

        if not edits and not state["items"]:
            return lines
        edits.sort(key=lambda edit: edit[0])
        out: list[str] = []
        position = 0
        for start, end, replacement in edits:
            if start < position:
                continue  # overlapping edit (e.g. an IAL inside a removed comment)
            out.append(text[position:start])
            out.append(replacement)
            position = end
        out.append(text[position:])
        return "".join(out).split("\n")


def _previous_line(text: str, index: int) -> tuple[int, int] | None:
    """`[start, end)` of the line before the one holding `index`, or None on the first line."""
    line_start = text.rfind("\n", 0, index) + 1
    if line_start == 0:
        return None
    prev_start = text.rfind("\n", 0, line_start - 1) + 1
    return prev_start, line_start - 1


def _alone(text: str, start: int, end: int) -> bool:
    before = text[text.rfind("\n", 0, start) + 1 : start]
    after_end = text.find("\n", end)
    after = text[end : len(text) if after_end < 0 else after_end]
    return before.strip(" \t>") == "" and after.strip() == ""


def apply_to_html_tag(fragment: str, attributes: Attributes) -> str:
    """`attributes` added to the first start tag of an HTML fragment (a stashed code block)."""
    match = _START_TAG.match(fragment)
    if match is None:
        return fragment
    head, attrs, close = match.groups()
    existing_class = re.search(r'\sclass="([^"]*)"', attrs)
    extra = ""
    for key, value in attributes.items():
        escaped = value.replace("&", "&amp;").replace('"', "&quot;")
        if key == "class" and existing_class:
            merged = " ".join(dict.fromkeys(existing_class.group(1).split() + value.split()))
            attrs = attrs.replace(existing_class.group(0), f' class="{merged}"', 1)
            continue
        pattern = re.compile(rf'\s{re.escape(key)}="[^"]*"')
        if pattern.search(attrs):
            attrs = pattern.sub(f' {key}="{escaped}"', attrs, count=1)
        else:
            extra += f' {key}="{escaped}"'
    return f"{head}{attrs}{extra}{close}" + fragment[match.end() :]


_OPEN_TAG_START = re.compile(r"^[ ]{0,3}<([A-Za-z][\w-]*)(?=\s|$)[^<>\n]*$")


class SplitTagPreprocessor(Preprocessor):
    """A block element's start tag written over several lines, joined onto its first line
    (the lines it took are kept after it, so later lines keep their numbers)."""

    def run(self, lines: list[str]) -> list[str]:
        if not any(line.startswith("<") for line in lines):
            return lines
        out: list[str] = []
        index = 0
        changed = False
        while index < len(lines):
            line = lines[index]
            match = _OPEN_TAG_START.match(line)
            if match is None or not self.md.is_block_level(match.group(1).lower()):
                out.append(line)
                index += 1
                continue
            end = index + 1
            while end < len(lines) and end - index < 40 and ">" not in lines[end]:
                if not lines[end].strip() or "<" in lines[end]:
                    break
                end += 1
            if end >= len(lines) or ">" not in lines[end] or "<" in lines[end].split(">")[0]:
                out.append(line)
                index += 1
                continue
            close = lines[end].index(">") + 1
            parts = [line] + [part.strip() for part in lines[index + 1 : end]]
            parts.append(lines[end][:close].strip())
            out.append(" ".join(p for p in parts if p) + lines[end][close:])
            out.extend([""] * (end - index))
            index = end + 1
            changed = True
        return out if changed else lines


class ResetIdsPreprocessor(Preprocessor):
    """A new page: kramdown's heading ids count again from nothing (`ids.py`)."""

    def run(self, lines: list[str]) -> list[str]:
        reset_ids()
        return lines


_TASK_BOX = re.compile(r'^<input type="checkbox"( disabled)?( checked)?\s*/> $')


class TaskBoxTreeprocessor(Treeprocessor):
    """A task list's checkbox as kramdown's GFM parser writes it: with the class
    `task-list-item-checkbox` and no space before the text (pymdownx.tasklist's plain
    checkbox has neither)."""

    def run(self, root: etree.Element) -> None:
        stash = self.md.htmlStash
        for li in root.iter("li"):
            if "task-list-item" not in (li.get("class") or "").split():
                continue
            holder = li if li.text else (li[0] if len(li) and li[0].tag == "p" else li)
            found = HTML_PLACEHOLDER_RE.match(holder.text or "")
            if found is None or int(found.group(1)) >= len(stash.rawHtmlBlocks):
                continue
            index = int(found.group(1))
            box = _TASK_BOX.match(str(stash.rawHtmlBlocks[index]))
            if box is None:
                continue
            disabled = ' disabled="disabled"' if box.group(1) else ""
            checked = ' checked="checked"' if box.group(2) else ""
            stash.rawHtmlBlocks[index] = (
                f'<input type="checkbox" class="task-list-item-checkbox"{disabled}{checked} />'
            )


class KramdownTreeprocessor(Treeprocessor):
    """Moves the attributes of each marker paragraph onto its block, then drops the marker."""

    def run(self, root: etree.Element) -> None:
        state = getattr(self.md, "folio_ial", None)
        if not state or not state["items"]:
            return
        pattern = _marker_pattern(state["key"])
        for parent in list(root.iter()):
            children = list(parent)
            for position, child in enumerate(children):
                if child.tag != "p" or len(child) or not child.text:
                    continue
                found = pattern.match(child.text.strip())
                if not found:
                    continue
                attributes, mode = state["items"][int(found.group(1))]
                target = self._target(children, position, mode)
                if target is not None and attributes:
                    self._apply(target, attributes)
                parent.remove(child)
        self.md.folio_ial = None  # type: ignore[attr-defined]

    @staticmethod
    def _target(children: list[etree.Element], position: int, mode: str) -> etree.Element | None:
        step = -1 if mode == "prev" else 1
        index = position + step
        while 0 <= index < len(children):
            candidate = children[index]
            # Skip other markers (two IAL lines in a row both apply to the same block).
            if not (candidate.tag == "p" and (candidate.text or "").startswith("FOLIOIAL")):
                return candidate
            index += step
        return None

    def _apply(self, element: etree.Element, attributes: Attributes) -> None:
        text = (element.text or "").strip()
        placeholder = HTML_PLACEHOLDER_RE.fullmatch(text) if element.tag == "p" else None
        if placeholder and not len(element):
            # A stashed block (a highlighted code block, a math display): edit its HTML.
            stash = self.md.htmlStash
            index = int(placeholder.group(1))
            if index < len(stash.rawHtmlBlocks):
                stash.rawHtmlBlocks[index] = apply_to_html_tag(
                    str(stash.rawHtmlBlocks[index]), attributes
                )
                return
        for key, value in attributes.items():
            if key == "class" and element.get("class"):
                merged = " ".join(dict.fromkeys(element.get("class", "").split() + value.split()))
                element.set("class", merged)
            else:
                element.set(key, value)


class KramdownExtension(Extension):
    """kramdown's block attribute lists, ALDs and extensions (see the module docstring)."""

    def __init__(self, reporter: MarkdownReporter | None = None, **kwargs: Any) -> None:
        self.config: dict[str, Any] = {}
        self.reporter = reporter
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.folio_ial = None  # type: ignore[attr-defined]
        # After math (28), before fenced code (25) and raw HTML (20).
        md.preprocessors.register(KramdownPreprocessor(md, self), "folio_kramdown", 27)
        # Before attr_list (8) and toc (5), so an `{: #id }` is the id the TOC links to.
        md.treeprocessors.register(KramdownTreeprocessor(md), "folio_kramdown_ial", 9)
        lists.register(md)
        # After pymdownx.tasklist (25) has made its checkboxes.
        md.treeprocessors.register(TaskBoxTreeprocessor(md), "folio_task_boxes", 24)
        md.preprocessors.register(ResetIdsPreprocessor(md), "folio_reset_ids", 1000)
        # Before raw HTML is read (20); after fenced code (25), so code is left alone.
        md.preprocessors.register(SplitTagPreprocessor(md), "folio_split_tags", 21)
        # GFM's hard line break: a backslash ending a line (before escapes, 180).
        md.inlinePatterns.register(
            SubstituteTagInlineProcessor(r"\\\n", "br"), "folio_backslash_break", 185
        )
        # md_in_html reads this list when each page's HTML is read.
        for name in CUSTOM_BLOCK_ELEMENTS:
            if name not in md.block_level_elements:
                md.block_level_elements.append(name)
