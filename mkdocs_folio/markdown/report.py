"""Where Markdown extensions send the problems they find, and which page they are on.

Python-Markdown extensions do not know which file they convert. MkDocs converts one page at
a time, so the feature that owns the extensions tells this reporter which page comes next
(`begin`), and the extensions report against it: a math expression that cannot be rendered
is named by file and line, like every other problem of the build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs_folio.problems import Problems

__all__ = ["MarkdownReporter"]


class MarkdownReporter:
    """The page being converted and the problems found in it."""

    def __init__(self, problems: Problems | None = None) -> None:
        self.problems = problems if problems is not None else Problems()
        self.path: Path | str | None = None
        self.first_line = 1

    def begin(self, path: Path | str | None, first_line: int = 1) -> None:
        """The next conversions belong to `path`, whose Markdown starts at `first_line`."""
        self.path = path
        self.first_line = first_line

    def end(self) -> None:
        self.path = None
        self.first_line = 1

    def report(self, message: str, line: int | None = None, hint: str = "") -> None:
        """A problem at `line` of the Markdown being converted (1-based), or of the page."""
        absolute = None if line is None or self.path is None else self.first_line + line - 1
        self.problems.add(message, self.path, absolute, hint)
