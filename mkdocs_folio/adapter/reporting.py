"""Problems become MkDocs warnings: one line each, never twice, never dropped.

Warnings go through the `mkdocs.plugins.folio` logger, so `mkdocs build --strict` counts them
and fails the build, as MkDocs users expect. Paths are shown relative to the site folder,
the way users see their files.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from mkdocs_folio.problems import Problem, Problems


class Reporter:
    def __init__(self, logger: logging.Logger) -> None:
        self.logger = logger
        self.root: Path | None = None
        self._seen: set[Problem] = set()

    def start_build(self, root: Path | None = None) -> None:
        """Every build reports its problems afresh (serve rebuilds included)."""
        self._seen = set()
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
            self.logger.warning("folio: %s", self.display(problem))
