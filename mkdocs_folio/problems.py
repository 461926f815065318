"""Problems found in a user's files, kept as values until the adapter reports them.

The core never logs or raises on bad input: it records a `Problem` naming the file, the line
and what to do, and carries on with a sensible default. The MkDocs adapter turns each one
into a single warning, so `mkdocs build --strict` fails on them as MkDocs users expect.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs_folio.cache import trace


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file."""

    message: str
    path: Path | str | None = None
    line: int | None = None
    hint: str = ""

    def location(self) -> str:
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line else str(self.path)

    def __str__(self) -> str:
        where = self.location()
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


@dataclass
class Problems:
    """An ordered, de-duplicated collection of problems: a warning must never repeat or vanish."""

    items: list[Problem] = field(default_factory=list)
    _seen: set[Problem] = field(default_factory=set, repr=False, compare=False)
    recorded: bool = field(default=False, repr=False, compare=False)
    """The build's own collection: each problem is also noted by the work that found it (see
    cache/trace.py), so reused work reports it again. Working collections are not."""
    held: bool = field(default=False, repr=False, compare=False)
    """While pages render in order-independent batches (render/workers.py), their problems
    are only noted by the work that found them, then added in page order."""

    def __post_init__(self) -> None:
        self._seen.update(self.items)

    def add(
        self,
        message: str,
        path: Path | str | None = None,
        line: int | None = None,
        hint: str = "",
    ) -> Problem:
        problem = Problem(message, path, line, hint)
        self.append(problem)
        return problem

    def append(self, problem: Problem) -> None:
        if self.recorded:
            trace.problem(problem)
            if self.held and trace.is_recording():
                return
        if problem not in self._seen:
            self._seen.add(problem)
            self.items.append(problem)

    def extend(self, problems: Problems | list[Problem]) -> None:
        for problem in problems:
            self.append(problem)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)
