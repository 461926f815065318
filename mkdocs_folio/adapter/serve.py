"""`mkdocs serve` that notices a saved file at once, and collects its garbage while idle.

MkDocs' live-reload server finds changes by polling: every half second it walks every
watched folder and compares what it finds. A saved edit waits up to half a second before the
rebuild even starts, and on a site with thousands of files each walk costs time of its own.
The operating system can say when a file changes (inotify on Linux, FSEvents on macOS,
ReadDirectoryChangesW on Windows): `notice_changes_at_once` moves the server's watches to
watchdog's native observer. Where native events do not arrive (some network or shared
folders, WSL editing Windows files), `live_reload: polling` in the plugin's options keeps
MkDocs' polling.

A serve process holds everything it built (the site, the parsed inputs, the cache in memory):
Python's cycle collector walks all of it again every few rebuilds, a tenth of a second in the
middle of one on a large site. `IdleCollector` collects once after each rebuild, while the
person reads the page, and freezes what is left (`gc.freeze`), so the collections during the
next rebuild walk only what that rebuild made. Frozen objects are unfrozen before each idle
collection, so garbage never stays.
"""

from __future__ import annotations

import gc
import logging
import threading
from typing import Any

log = logging.getLogger("mkdocs.plugins.folio")

__all__ = ["QUIET", "IdleCollector", "notice_changes_at_once"]

QUIET = 0.05
"""Seconds without a change before a rebuild starts, with native file events."""


def notice_changes_at_once(server: Any) -> bool:
    """Move the server's watches to the native observer; False (nothing changed) when the
    server is not the one this was written for, or the native observer cannot watch."""
    watched = getattr(server, "_watched_paths", None)
    refs = getattr(server, "_watch_refs", None)
    old = getattr(server, "observer", None)
    if not isinstance(watched, dict) or not isinstance(refs, dict) or old is None:
        return False
    try:
        from watchdog.observers import Observer
        from watchdog.observers.polling import PollingObserver
    except ImportError:  # pragma: no cover - watchdog is a dependency of MkDocs
        return False
    if Observer is PollingObserver or type(old) is not PollingObserver:
        return False  # no native observer on this system, or someone else replaced it
    counts = dict(watched)
    new = _changes_only(Observer)()
    try:
        for path in counts:
            # Fail early (an inotify limit, a folder native events cannot watch) before
            # anything is moved.
            new.unschedule(new.schedule(_Ignore(), path, recursive=True))
    except OSError as exc:
        log.debug("native file watching unavailable (%s); polling instead", exc)
        return False
    for path in counts:
        old.unschedule(refs.pop(path))
    watched.clear()
    server.observer = new
    for path, count in counts.items():
        for _ in range(count):
            server.watch(path)
    # MkDocs waits until no change arrived for `build_delay` (0.1 s) before it rebuilds, so
    # that a save in several steps builds once. Native events of one save arrive within a
    # millisecond of each other: half the wait is enough, and the page shows sooner.
    delay = getattr(server, "build_delay", None)
    if isinstance(delay, (int, float)):
        server.build_delay = min(delay, QUIET)
    return True


def _changes_only(observer: type) -> type:
    """The native observer, reporting only changes. The system also reports files being
    opened and closed after reading; MkDocs rebuilds on any event, so without this every
    read (an editor opening a file, the build itself reading what changed) would start
    another rebuild."""
    from watchdog import events

    changes = [
        events.FileCreatedEvent,
        events.FileModifiedEvent,
        events.FileDeletedEvent,
        events.FileMovedEvent,
        events.FileClosedEvent,
        events.DirCreatedEvent,
        events.DirDeletedEvent,
        events.DirMovedEvent,
    ]

    class ChangesOnly(observer):  # type: ignore[misc, valid-type]
        def schedule(self, event_handler: Any, path: Any, **options: Any) -> Any:
            options.setdefault("event_filter", changes)
            return super().schedule(event_handler, path, **options)

    return ChangesOnly


class _Ignore:
    """A watchdog handler that does nothing (used to test that a path can be watched)."""

    def dispatch(self, event: Any) -> None:
        return None


IDLE_DELAY = 0.7
"""Seconds after a rebuild before collecting: after the browser's reload and once the
cache's background save (at 0.5 s) is under way, before a person saves again."""


class IdleCollector:
    """`schedule()` at the end of a serve build; `settle()` at the start of the next."""

    def __init__(self) -> None:
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def schedule(self) -> None:
        self.settle()
        timer = threading.Timer(IDLE_DELAY, self._collect)
        timer.name = "folio-idle-gc"
        timer.daemon = True
        self._timer = timer
        timer.start()

    def settle(self) -> None:
        """Cancel a collection that has not begun; wait for one that has."""
        timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()
            with self._lock:
                pass

    def _collect(self) -> None:
        with self._lock:
            if threading.current_thread() is not self._timer:
                return  # settled while starting: a build is running
            gc.unfreeze()
            gc.collect()
            gc.freeze()
