"""Rendering pages on every core: forked workers, results applied in page order.

Rendering a page folio owns depends on nothing that another page's rendering changes (see
`render/pages.py`: what a page reads is the site, which is fixed by then, and what it
notes is its own), so the pages still to render are shared out among processes. On Linux
the workers are forked as soon as the site is read, before MkDocs renders its own pages:
each starts with everything the parent knows (the site, the templates, the build cache in
memory) at no cost, and works while the parent renders the pages MkDocs renders. Pages are
handed out in small chunks from a counter in shared memory, so a process that finishes early
takes more; the parent joins in when MkDocs is done. Each worker writes its pages' files and
sends back what each rendering noted and the cache entries it made; the parent then reports
everything in page order. A build therefore prints and writes the same whatever the number
of workers; `workers: 1` in the plugin's options renders everything in the main process.

A worker that fails or dies leaves its pages to the parent, which renders them itself.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mkdocs_folio.adapter import memory

__all__ = ["Batch", "RenderPool", "default_workers"]

log = logging.getLogger("mkdocs.plugins.folio")

MIN_PAGES = 64
"""Fewer pages than this per process cost more to share out than to render."""
CHUNK = 8


def default_workers() -> int:
    """One process per core where processes can be forked (Linux); else one."""
    if sys.platform != "linux" or not hasattr(os, "fork"):
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8))


@dataclass
class Batch:
    """What one process sends back: per job index its result, and the cache entries made."""

    results: dict[int, Any] = field(default_factory=dict)
    entries: dict[tuple[str, str], str] = field(default_factory=dict)
    failed: list[int] = field(default_factory=list)
    error: str = ""
    first: Any = None


class RenderPool:
    """`jobs` rendered with `render(job)` by the parent and forked workers, in any order.

    `start()` forks the workers (they begin at once); `finish()` lets the parent take what
    is left, then gathers everything: the results by job index, the cache entries the
    workers made (the parent's own are already in its store) and the indexes no process
    rendered. `in_child` runs first in each worker (drop what must not cross a fork).
    `first`, when there are workers, is done by the first of them before it takes pages
    (copying static files, which would otherwise wait until every page is done); what it
    returns is `first_result` after `finish()` (None when it failed or was not done).
    """

    def __init__(
        self,
        jobs: list[Any],
        render: Callable[[Any], Any],
        *,
        workers: int,
        entries_made: Callable[[], dict[tuple[str, str], str]],
        in_child: Callable[[], None],
        first: Callable[[], Any] | None = None,
    ) -> None:
        self.jobs = jobs
        self.first = first
        self.first_result: Any = None
        self.render = render
        self.entries_made = entries_made
        self.in_child = in_child
        self.workers = workers
        if workers > 1 and len(jobs) >= 2 * MIN_PAGES and hasattr(os, "fork"):
            self.workers = min(workers, len(jobs) // MIN_PAGES)
        else:
            self.workers = 1
        self._children: list[tuple[int, int]] = []
        self._context = multiprocessing.get_context("fork") if self.workers > 1 else None
        self._next = self._context.RawValue("i", 0) if self._context else None
        self._lock = self._context.Lock() if self._context else None

    def start(self) -> None:
        if self.workers > 1:
            memory.before_fork()
        for number in range(1, self.workers):
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker
                os.close(read)
                self._work(write, self.first if number == 1 else None)
            os.close(write)
            self._children.append((pid, read))

    def _take(self) -> range:
        if self._next is None or self._lock is None:
            return range(0)
        # A worker killed while holding the lock must not hang the build: after a while the
        # parent stops taking, and renders whatever nobody did.
        if not self._lock.acquire(timeout=60):
            return range(0)
        try:
            start = self._next.value
            self._next.value = start + CHUNK
        finally:
            self._lock.release()
        return range(start, min(start + CHUNK, len(self.jobs)))

    def _work(self, write: int, first: Callable[[], Any] | None) -> None:
        status = 0
        try:
            self.in_child()
            batch = Batch()
            if first is not None:
                try:
                    batch.first = first()
                except Exception:
                    batch.first = None  # the parent does it the usual way
            taken: list[int] = []
            try:
                while chunk := self._take():
                    taken += chunk
                    for index in chunk:
                        batch.results[index] = self.render(self.jobs[index])
            except Exception:
                batch.error = traceback.format_exc()
                batch.failed = [i for i in taken if i not in batch.results]
                while chunk := self._take():  # what nobody took yet is the parent's too
                    batch.failed += chunk
            batch.entries = self.entries_made()
            data = pickle.dumps(batch, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write, "wb") as pipe:
                pipe.write(data)
        except BaseException:
            status = 1
        finally:
            os._exit(status)

    def finish(self) -> tuple[dict[int, Any], dict[tuple[str, str], str], list[int]]:
        if self.workers == 1:
            return {i: self.render(job) for i, job in enumerate(self.jobs)}, {}, []
        results: dict[int, Any] = {}
        while chunk := self._take():
            for index in chunk:
                results[index] = self.render(self.jobs[index])
        entries: dict[tuple[str, str], str] = {}
        for pid, read in self._children:
            batch = _receive(pid, read)
            if batch is None:
                continue
            if batch.error:
                log.debug("a render worker failed: %s", batch.error)
            results.update(batch.results)
            entries.update(batch.entries)
            if batch.first is not None:
                self.first_result = batch.first
        self._children = []
        missing = [i for i in range(len(self.jobs)) if i not in results]
        return results, entries, missing


def _receive(pid: int, read: int) -> Batch | None:
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    if not data:
        return None
    try:
        batch = pickle.loads(data)
    except Exception:
        return None
    return batch if isinstance(batch, Batch) else None
