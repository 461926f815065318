"""`mkdocs serve` with native file events (mkdocs_folio.adapter.serve)."""

from __future__ import annotations

import sys

from mkdocs.livereload import LiveReloadServer

from mkdocs_folio.adapter.serve import QUIET, notice_changes_at_once


def test_native_events_move_the_watches_and_shorten_the_quiet_wait(tmp_path):
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(tmp_path))
    before = server.build_delay
    try:
        moved = notice_changes_at_once(server)
        assert moved or sys.platform != "linux"  # inotify is always there on Linux
        if moved:
            assert server.build_delay == min(before, QUIET)
            assert str(tmp_path) in server._watched_paths
        else:  # no native observer here: MkDocs' polling and its wait stay as they were
            assert server.build_delay == before
    finally:
        server.observer.stop()
        server.server_close()


def test_idle_collection_frees_cycles_and_freezes_what_is_left(monkeypatch):
    import gc
    import time
    import weakref

    from mkdocs_folio.adapter import serve

    monkeypatch.setattr(serve, "IDLE_DELAY", 0.01)

    class Node:
        pass

    collector = serve.IdleCollector()
    gc.unfreeze()  # what earlier serve builds of this process froze
    try:
        node = Node()
        node.self = node  # a cycle: only the collector frees it
        gone = weakref.ref(node)
        del node
        collector.schedule()
        deadline = time.monotonic() + 10
        while gone() is not None and time.monotonic() < deadline:
            time.sleep(0.01)
        collector.settle()  # waits for the collection under way to freeze
        assert gone() is None
        assert gc.get_freeze_count() > 0  # the next rebuild's collections skip all of it

        later = Node()
        later.self = later  # garbage made after the freeze is freed by the next idle time
        gone = weakref.ref(later)
        del later
        collector.schedule()
        while gone() is not None and time.monotonic() < deadline:
            time.sleep(0.01)
        collector.settle()  # waits for the collection under way to freeze
        assert gone() is None
        assert gc.get_freeze_count() > 0
    finally:
        collector.settle()
        gc.unfreeze()


def test_a_build_that_starts_cancels_the_idle_collection(monkeypatch):
    import gc

    from mkdocs_folio.adapter import serve

    monkeypatch.setattr(serve, "IDLE_DELAY", 30)
    collector = serve.IdleCollector()
    before = gc.get_freeze_count()
    collector.schedule()
    collector.settle()
    assert gc.get_freeze_count() == before
