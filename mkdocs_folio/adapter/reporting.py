"""Problems become MkDocs warnings: one line each, never twice, never dropped.

Warnings go through the `mkdocs.plugins.folio` logger, so `mkdocs build --strict` counts them
and fails the build, as MkDocs users expect. Paths are shown relative to the site folder,
the way users see their files.

A missing file (`... 'assets/img/x.jpg' not found`) is often named by many pages: it is
reported once per build, at the end, at its first use (in file order), with how many other
places use it.
The problems themselves stay one per place (each page's work keeps and replays its own, see
cache/trace.py), so the grouped message is the same on cold, warm and serve builds.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from pathlib import Path

from mkdocs_folio.problems import Problem, Problems

_MISSING = re.compile(r"'([^'\n]+)' not found$")


def missing_file(problem: Problem) -> str | None:
    """The site path of the file a "not found" problem names (`/assets/x.jpg` and
    `assets/x.jpg` are one file), or None for any other problem."""
    match = _MISSING.search(problem.message)
    if match is None:
        return None
    return match.group(1).strip().lstrip("/").split("?", 1)[0].split("#", 1)[0]


class Reporter:
    def __init__(self, logger: logging.Logger) -> None:
        self.logger = logger
        self.root: Path | None = None
        self._seen: set[Problem] = set()
        self._missing: dict[str, list[Problem]] = {}

    def start_build(self, root: Path | None = None) -> None:
        """Every build reports its problems afresh (serve rebuilds included)."""
        self._seen = set()
        self._missing = {}
        self.root = root

    def display(self, problem: Problem) -> Problem:
        if self.root is None or problem.path is None:
            return problem
        try:
            relative = Path(problem.path).resolve().relative_to(self.root)
        except (ValueError, OSError):
            return problem
        return replace(problem, path=relative.as_posix())

    def flush(self, problems: Problems) -> None:
        for problem in problems:
            if problem in self._seen:
                continue
            self._seen.add(problem)
            missing = missing_file(problem)
            if missing is not None:
                self._missing.setdefault(missing, []).append(problem)
                continue
            self.logger.warning("folio: %s", self.display(problem))

    def finish(self) -> None:
        """Report each missing file once: its first use, and how many other places use it."""

        # The first use in file order, not in the order pages happened to render (pages
        # reused from the cache report theirs earlier than pages rendered afresh).
        def order(problem: Problem) -> tuple[str, int, str]:
            return (str(problem.path or ""), problem.line or 0, problem.message)

        firsts = sorted(
            ((min(uses, key=order), uses) for uses in self._missing.values()),
            key=lambda pair: order(pair[0]),
        )
        for first, uses in firsts:
            others = len({(u.path, u.line) for u in uses} - {(first.path, first.line)})
            if others:
                where = "place uses" if others == 1 else "places use"
                first = replace(first, message=f"{first.message}; {others} other {where} it too")
            self.logger.warning("folio: %s", self.display(first))
        self._missing = {}
