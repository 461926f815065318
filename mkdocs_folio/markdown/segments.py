"""Where a Markdown source holds code, so that text rewrites leave it alone.

Several rewrites work on the Markdown source before Python-Markdown parses it: math
(`$...$` must not be touched inside `` `code` ``), kramdown attribute lists and extensions
(`{: .x }` shown in a fenced example is an example, not an instruction), Distill's `<d-code>`.
They all need the same answer to "is this position inside code?", and getting it slightly
different in each place is how pages end up half-rendered. This module gives that answer once.

Protected ranges (the text inside them is literal):

- fenced code blocks (```` ``` ```` or `~~~`, any indentation, inside blockquotes too); an
  unclosed fence runs to the end of the text, as in CommonMark;
- inline code spans (a run of N backticks up to the next run of exactly N, within one
  paragraph); a backtick preceded by a backslash opens nothing;
- the content of HTML elements whose text is literal: `pre`, `code`, `script`, `style`,
  `textarea`, Distill's `d-code`, and HTML comments.

Indented code blocks are not detected: in al-folio content indentation mostly means "inside a
list item", and guessing wrong would hide real content from the rewrites.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["LITERAL_TAGS", "CodeMap", "code_map", "split_code"]

_FENCE_OPEN = re.compile(
    r"^(?P<prefix>[ \t]*(?:>[ \t]?)*[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$"
)
LITERAL_TAGS = ("pre", "code", "script", "style", "textarea", "d-code")


def _html_start(tags: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(tag) for tag in tags)
    return re.compile(r"<(?:(!--)|(" + names + r")(?=[\s>/]))", re.I)


_HTML_START = _html_start(LITERAL_TAGS)
_BLANK_LINE = re.compile(r"\n[ \t>]*\n")


@dataclass(frozen=True)
class CodeMap:
    """Sorted, non-overlapping `[start, end)` ranges of literal text in one source."""

    text: str
    ranges: tuple[tuple[int, int], ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [start for start, _ in self.ranges])

    def is_code(self, index: int) -> bool:
        """True when the character at `index` is inside a protected range."""
        starts: list[int] = self._starts  # type: ignore[attr-defined]
        pos = bisect.bisect_right(starts, index) - 1
        return pos >= 0 and index < self.ranges[pos][1]

    def overlaps(self, start: int, end: int) -> bool:
        """True when `[start, end)` touches any protected range."""
        starts: list[int] = self._starts  # type: ignore[attr-defined]
        pos = bisect.bisect_right(starts, end - 1) - 1
        while pos >= 0:
            r_start, r_end = self.ranges[pos]
            if r_end <= start:
                return False
            if r_start < end:
                return True
            pos -= 1
        return False

    def prose(self) -> Iterator[tuple[int, int]]:
        """The `[start, end)` ranges between protected ranges."""
        position = 0
        for start, end in self.ranges:
            if start > position:
                yield position, start
            position = max(position, end)
        if position < len(self.text):
            yield position, len(self.text)


def _fences(text: str) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    offset = 0
    lines = text.splitlines(keepends=True)
    index = 0
    while index < len(lines):
        line = lines[index]
        match = _FENCE_OPEN.match(line.rstrip("\r\n"))
        if match and not (match.group("fence")[0] == "`" and "`" in match.group("info")):
            fence = match.group("fence")
            start = offset
            closing = re.compile(
                r"^[ \t]*(?:>[ \t]?)*[ \t]*"
                + re.escape(fence[0])
                + "{"
                + str(len(fence))
                + r",}[ \t]*$"
            )
            offset += len(line)
            index += 1
            while index < len(lines):
                inner = lines[index]
                offset += len(inner)
                index += 1
                if closing.match(inner.rstrip("\r\n")):
                    break
            ranges.append((start, offset))
            continue
        offset += len(line)
        index += 1
    return ranges


def _backslashed(text: str, index: int) -> bool:
    count = 0
    while index - 1 - count >= 0 and text[index - 1 - count] == "\\":
        count += 1
    return count % 2 == 1


def _inline(
    text: str, start: int, end: int, found: list[tuple[int, int]], html_start: re.Pattern[str]
) -> None:
    """Code spans and literal HTML elements in `text[start:end]` (no fences inside)."""
    position = start
    while position < end:
        tick = text.find("`", position, end)
        angle = text.find("<", position, end)
        if tick < 0 and angle < 0:
            return
        if angle >= 0 and (tick < 0 or angle < tick):
            match = html_start.match(text, angle)
            if match is None:
                position = angle + 1
                continue
            if match.group(1):  # comment
                close = text.find("-->", match.end(), end)
                stop = end if close < 0 else close + 3
            else:
                tag = match.group(2).lower()
                close_re = re.compile(r"</" + tag + r"\s*>", re.I)
                closing = close_re.search(text, match.end(), end)
                if closing is None:
                    # `<code>` left open: only the tag itself is literal.
                    gt = text.find(">", match.end(), end)
                    stop = end if gt < 0 else gt + 1
                else:
                    stop = closing.end()
            found.append((angle, stop))
            position = stop
            continue
        # A backtick run.
        run_end = tick
        while run_end < end and text[run_end] == "`":
            run_end += 1
        if _backslashed(text, tick):
            position = tick + 1
            continue
        length = run_end - tick
        limit = _BLANK_LINE.search(text, run_end, end)
        stop_at = limit.start() if limit else end
        search = run_end
        closed = None
        while search < stop_at:
            nxt = text.find("`" * length, search, stop_at)
            if nxt < 0:
                break
            after = nxt + length
            if (nxt > 0 and text[nxt - 1] == "`") or (after < len(text) and text[after] == "`"):
                # part of a longer run: skip the whole run
                skip = nxt
                while skip < stop_at and text[skip] == "`":
                    skip += 1
                search = skip
                continue
            closed = after
            break
        if closed is None:
            position = run_end
            continue
        found.append((tick, closed))
        position = closed


def code_map(text: str, literal_tags: tuple[str, ...] = LITERAL_TAGS) -> CodeMap:
    """The protected ranges of a Markdown source (see the module docstring).

    `literal_tags`: the HTML elements whose content is literal (a rewrite that looks for
    one of them, such as `<d-code>`, leaves it out).
    """
    html_start = _HTML_START if literal_tags == LITERAL_TAGS else _html_start(literal_tags)
    fences = _fences(text)
    found: list[tuple[int, int]] = []
    position = 0
    for start, end in fences:
        if start > position:
            _inline(text, position, start, found, html_start)
        found.append((start, end))
        position = end
    if position < len(text):
        _inline(text, position, len(text), found, html_start)
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return CodeMap(text, tuple(merged))


def split_code(text: str) -> list[tuple[bool, str]]:
    """`text` cut into `(is_code, chunk)` pieces that join back to `text`."""
    cmap = code_map(text)
    pieces: list[tuple[bool, str]] = []
    position = 0
    for start, end in cmap.ranges:
        if start > position:
            pieces.append((False, text[position:start]))
        pieces.append((True, text[start:end]))
        position = end
    if position < len(text):
        pieces.append((False, text[position:]))
    return pieces
