"""Find TeX math in a Markdown source, the way al-folio's MathJax setup finds it.

al-folio renders math in the browser with MathJax: `$...$` and `\\(...\\)` inline, `$$...$$`
and `\\[...\\]` displayed, and AMS environments (`\\begin{equation}`...) with numbers. To render
it at build time instead, the math has to be found in the Markdown source, before Markdown
turns `a_1 * b_2` into emphasis. `find_math` returns every piece, with its delimiters, line
and whether it is displayed; the text of code (fences, `` `spans` ``, `<pre>`, `<script>`...)
is never searched (see `segments.py`).

Rules (kramdown's and MathJax's, made predictable):

- `$$...$$` is displayed when its delimiters start and end their lines (the math is a block
  of its own), inline otherwise (kramdown's rule for `$$` inside a paragraph).
- `$...$` is inline. It never crosses a blank line, never crosses a line break inside a table
  row, and a closing `$` directly followed by a digit is not a closer: "costs $5 and $10"
  stays text.
- `\\(...\\)` is inline, `\\[...\\]` is displayed, `\\begin{env}...\\end{env}` for the AMS
  display environments is displayed; none crosses a blank line.
- `\\$` is a literal dollar (`ESCAPED_DOLLAR` spans); `\\\\` is a literal backslash, so `\\\\(`
  opens nothing.
- `\\eqref{label}` and `\\ref{label}` outside math are references (`REF` spans).
- A `$` in a link address or an HTML attribute is not math.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from mkdocs_folio.markdown.segments import CodeMap, code_map

__all__ = [
    "DISPLAY_ENVIRONMENTS",
    "ESCAPED_DOLLAR",
    "MATH",
    "REF",
    "MathSpan",
    "find_math",
]

MATH = "math"
REF = "ref"
ESCAPED_DOLLAR = "dollar"

DISPLAY_ENVIRONMENTS = frozenset(
    {
        "equation",
        "equation*",
        "align",
        "align*",
        "gather",
        "gather*",
        "multline",
        "multline*",
        "flalign",
        "flalign*",
        "alignat",
        "alignat*",
        "eqnarray",
        "eqnarray*",
        "displaymath",
        "math",
    }
)

_BLANK = re.compile(r"\n[ \t>]*\n")
_BEGIN = re.compile(r"\\begin\{([A-Za-z]+\*?)\}")
_REF = re.compile(r"\\(eqref|ref)\{([^{}\n]+)\}")
_PREFIX = re.compile(r"[ \t>]*")
_TABLE_ROW = re.compile(r"^[ \t]*\|")


@dataclass(frozen=True)
class MathSpan:
    """One finding: `text[start:end]` is the whole source, delimiters included."""

    kind: str
    start: int
    end: int
    tex: str = ""
    display: bool = False
    delimiter: str = ""
    """`$`, `$$`, `\\(`, `\\[` or `env`."""
    env: str | None = None
    line: int = 1
    """1-based line of `start` in the text."""
    label: str = ""
    """For `REF` spans: the label; `ref_kind` is `eqref` or `ref`."""
    ref_kind: str = ""


def _escaped(text: str, index: int) -> bool:
    """True when the character at `index` is preceded by an odd number of backslashes."""
    count = 0
    while index - 1 - count >= 0 and text[index - 1 - count] == "\\":
        count += 1
    return count % 2 == 1


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_end(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end < 0 else end


def _starts_line(text: str, index: int) -> bool:
    """Only blockquote markers and indentation before `index` on its line."""
    start = _line_start(text, index)
    return _PREFIX.fullmatch(text, start, index) is not None


def _ends_line(text: str, index: int) -> bool:
    """Only spaces after `index` on its line."""
    end = _line_end(text, index)
    return text[index:end].strip() == ""


def _strip_prefixes(tex: str, prefix: str) -> str:
    """Inside a blockquote or list item, continuation lines carry the container's prefix."""
    if not prefix or "\n" not in tex:
        return tex
    marker = prefix.rstrip()
    lines = tex.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        if prefix and line.startswith(prefix):
            line = line[len(prefix) :]
        elif marker and line.startswith(marker):
            line = line[len(marker) :]
        out.append(line)
    return "\n".join(out)


def _find_closer(text: str, token: str, start: int, stop: int) -> int:
    """Index of the next unescaped `token` in `text[start:stop]`, or -1."""
    position = start
    while True:
        found = text.find(token, position, stop)
        if found < 0:
            return -1
        if not _escaped(text, found):
            return found
        position = found + 1


def _paragraph_stop(text: str, start: int, stop: int) -> int:
    blank = _BLANK.search(text, start, stop)
    return blank.start() if blank else stop


# Places where a `$` is part of an address, not math: link destinations `](url)`, reference
# definitions `[x]: url`, autolinks `<https://...>`, and the attributes of HTML tags.
_ADDRESS = re.compile(
    r"""\]\(\s*<?[^()\s]*(?:\([^()\s]*\)[^()\s]*)*>?(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)"""
    r"""|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$"""
    r"""|<[A-Za-z][A-Za-z0-9+.-]*:[^<>\s]+>"""
    r"""|<[A-Za-z][\w:-]*\s(?:[^<>\n]|\n(?![ \t>]*\n))*>""",
    re.M,
)


def _without_addresses(text: str, cmap: CodeMap) -> CodeMap:
    extra = [m.span() for m in _ADDRESS.finditer(text) if "$" in m.group(0) or "\\" in m.group(0)]
    if not extra:
        return cmap
    ranges = sorted([*cmap.ranges, *extra])
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return CodeMap(text, tuple(merged))


def find_math(text: str, cmap: CodeMap | None = None, *, dollars: bool = True) -> list[MathSpan]:
    """Every math span, escaped dollar and reference in `text`, in order.

    `dollars=False` leaves `$` alone (only `\\(`, `\\[` and environments are math), for sites
    that write dollars as currency.
    """
    if cmap is None:
        cmap = code_map(text)
    cmap = _without_addresses(text, cmap)
    spans: list[MathSpan] = []
    line_starts = [0]
    for match in re.finditer("\n", text):
        line_starts.append(match.end())

    def line_of(index: int) -> int:
        return bisect.bisect_right(line_starts, index)

    for chunk_start, chunk_end in cmap.prose():
        position = chunk_start
        while position < chunk_end:
            char = text[position]
            if char == "\\":
                nxt = text[position + 1] if position + 1 < chunk_end else ""
                if nxt == "\\":
                    position += 2
                    continue
                if nxt == "$":
                    spans.append(
                        MathSpan(ESCAPED_DOLLAR, position, position + 2, line=line_of(position))
                    )
                    position += 2
                    continue
                if nxt in "([":
                    closer = "\\)" if nxt == "(" else "\\]"
                    stop = _paragraph_stop(text, position + 2, chunk_end)
                    end = _find_closer(text, closer, position + 2, stop)
                    if end >= 0 and text[position + 2 : end].strip():
                        tex = text[position + 2 : end]
                        prefix = text[_line_start(text, position) : position]
                        spans.append(
                            MathSpan(
                                MATH,
                                position,
                                end + 2,
                                tex=_strip_prefixes(tex, _PREFIX.match(prefix).group(0)),
                                display=nxt == "[",
                                delimiter="\\" + nxt,
                                line=line_of(position),
                            )
                        )
                        position = end + 2
                        continue
                    position += 2
                    continue
                begin = _BEGIN.match(text, position)
                if begin and begin.group(1) in DISPLAY_ENVIRONMENTS:
                    env = begin.group(1)
                    end_tag = f"\\end{{{env}}}"
                    stop = _paragraph_stop(text, begin.end(), chunk_end)
                    end = text.find(end_tag, begin.end(), stop)
                    if end >= 0:
                        prefix = _PREFIX.match(text[_line_start(text, position) : position])
                        tex = text[begin.end() : end]
                        spans.append(
                            MathSpan(
                                MATH,
                                position,
                                end + len(end_tag),
                                tex=_strip_prefixes(tex, prefix.group(0) if prefix else ""),
                                display=True,
                                delimiter="env",
                                env=env,
                                line=line_of(position),
                            )
                        )
                        position = end + len(end_tag)
                        continue
                ref = _REF.match(text, position)
                if ref:
                    spans.append(
                        MathSpan(
                            REF,
                            position,
                            ref.end(),
                            label=ref.group(2).strip(),
                            ref_kind=ref.group(1),
                            line=line_of(position),
                        )
                    )
                    position = ref.end()
                    continue
                position += 1
                continue
            if char == "$" and dollars:
                if text.startswith("$$", position):
                    stop = _paragraph_stop(text, position + 2, chunk_end)
                    end = _find_closer(text, "$$", position + 2, stop)
                    if end >= 0 and text[position + 2 : end].strip():
                        display = _starts_line(text, position) and _ends_line(text, end + 2)
                        prefix = _PREFIX.match(text, _line_start(text, position)).group(0)
                        spans.append(
                            MathSpan(
                                MATH,
                                position,
                                end + 2,
                                tex=_strip_prefixes(text[position + 2 : end], prefix),
                                display=display,
                                delimiter="$$",
                                line=line_of(position),
                            )
                        )
                        position = end + 2
                        continue
                    position += 2
                    continue
                end = _single_dollar_end(text, position, chunk_end)
                if end >= 0:
                    spans.append(
                        MathSpan(
                            MATH,
                            position,
                            end + 1,
                            tex=text[position + 1 : end],
                            display=False,
                            delimiter="$",
                            line=line_of(position),
                        )
                    )
                    position = end + 1
                    continue
                position += 1
                continue
            position += 1
    return spans


def _single_dollar_end(text: str, position: int, chunk_end: int) -> int:
    """The closing `$` of an inline `$...$` opened at `position`, or -1."""
    stop = _paragraph_stop(text, position + 1, chunk_end)
    line_end = _line_end(text, position)
    if _TABLE_ROW.match(text, _line_start(text, position)):
        stop = min(stop, line_end)
    search = position + 1
    while search < stop:
        end = text.find("$", search, stop)
        if end < 0:
            return -1
        if _escaped(text, end):
            search = end + 1
            continue
        if text.startswith("$$", end):
            # `$a$$b$` is not valid TeX either: no inline math here.
            return -1
        content = text[position + 1 : end]
        if not content.strip():
            return -1
        after = text[end + 1] if end + 1 < len(text) else ""
        if after.isdigit():
            return -1
        if "\n" in content:
            # A line break inside a table row ends the row: no math across rows.
            next_line = text[_line_start(text, end) : _line_end(text, end)]
            if _TABLE_ROW.match(next_line):
                return -1
        return end
    return -1
