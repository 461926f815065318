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
