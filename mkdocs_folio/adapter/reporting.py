"""Problems become MkDocs warnings: one line each, never twice, never dropped.

Warnings go through the `mkdocs.plugins.folio` logger, so `mkdocs build --strict` counts them
and fails the build, as MkDocs users expect.
"""

from __future__ import annotations

import logging

from mkdocs_folio.problems import Problem, Problems


class Reporter:
    def __init__(self, logger: logging.Logger) -> None:
        self.logger = logger
        self._seen: set[Problem] = set()

    def start_build(self) -> None:
        """Every build reports its problems afresh (serve rebuilds included)."""
        self._seen = set()

    def flush(self, problems: Problems) -> None:
        for problem in problems:
            if problem in self._seen:
                continue
            self._seen.add(problem)
            self.logger.warning("folio: %s", problem)
