"""Rendering pages on every core: forked workers, results applied in page order.

Rendering a page folio owns depends on nothing that another page's rendering changes (see
`adapter/render.py`: what a page reads is the site, which is fixed by then, and what it
notes is its own), so the pages still to render are shared out among processes. On Linux
the workers are forked once the site is read: each starts with everything the parent knows
(the site, the templates, the build cache in memory) at no cost. A worker renders its share
in order, writes the pages' files and sends back what each rendering noted and the cache
entries it made; the parent then reports everything in page order. A build therefore
prints and writes the same whatever the number of workers; `workers: 1` in the plugin's
options renders everything in the main process.

A worker that fails or dies leaves its pages to the parent, which renders them itself.
"""

from __future__ import annotations

import logging
import os
import pickle
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Batch", "default_workers", "run_batch"]

log = logging.getLogger("mkdocs.plugins.folio")

MIN_PAGES = 64
"""A share smaller than this costs more to send back than to render."""


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


def run_batch(
    jobs: list[Any],
    render: Callable[[Any], Any],
    *,
    workers: int,
    entries_made: Callable[[], dict[tuple[str, str], str]],
    in_child: Callable[[], None],
) -> tuple[dict[int, Any], dict[tuple[str, str], str], list[int]]:
    """Render `jobs` (each with `render`) over `workers` processes.

    Returns the results by job index, the cache entries the workers made (the parent's are
    already in its store) and the indexes no process rendered (to be rendered again by the
    caller). `in_child` runs first in each worker (drop what must not cross a fork).
    """
    if workers <= 1 or len(jobs) < 2 * MIN_PAGES or not hasattr(os, "fork"):
        return {i: render(job) for i, job in enumerate(jobs)}, {}, []
    workers = min(workers, len(jobs) // MIN_PAGES)
    children: list[tuple[int, int, list[int]]] = []
    for number in range(1, workers):
        share = list(range(number, len(jobs), workers))
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker
            os.close(read)
            _work(jobs, share, render, write, entries_made, in_child)
        os.close(write)
        children.append((pid, read, share))
    results = {i: render(jobs[i]) for i in range(0, len(jobs), workers)}
    entries: dict[tuple[str, str], str] = {}
    missing: list[int] = []
    for pid, read, share in children:
        batch = _receive(pid, read)
        if batch is None:
            missing += share
            continue
        if batch.error:
            log.debug("a render worker failed: %s", batch.error)
        results.update(batch.results)
        entries.update(batch.entries)
        missing += batch.failed
    return results, entries, sorted(missing)


def _work(
    jobs: list[Any],
    share: list[int],
    render: Callable[[Any], Any],
    write: int,
    entries_made: Callable[[], dict[tuple[str, str], str]],
    in_child: Callable[[], None],
) -> None:
    status = 0
    try:
        in_child()
        batch = Batch()
        for position, index in enumerate(share):
            try:
                batch.results[index] = render(jobs[index])
            except Exception:
                batch.error = traceback.format_exc()
                batch.failed = share[position:]
                break
        batch.entries = entries_made()
        data = pickle.dumps(batch, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write, "wb") as pipe:
            pipe.write(data)
    except BaseException:
        status = 1
    finally:
        os._exit(status)


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
