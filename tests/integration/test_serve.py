"""The `mkdocs serve` harness of the browser tests, checked without a browser: the real
command starts on a free loopback port, serves the demo with live reload, and stops cleanly
on Ctrl+C, however the test run itself was started."""

from __future__ import annotations

import signal
import socket
import urllib.request
from pathlib import Path

from tests.browser.support import MkdocsServe
from tests.conftest import copy_demo


def test_mkdocs_serve_starts_serves_and_stops_cleanly(tmp_path: Path) -> None:
    root = copy_demo(tmp_path / "site")
    server = MkdocsServe(root, tmp_path / "serve.log").start()
    try:
        assert server.base.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(server.url("publications/")) as response:
            html = response.read().decode("utf-8")
        assert 'ol class="bibliography"' in html
        assert "livereload" in html  # mkdocs serve injects its live-reload script
        port = int(server.base.rsplit(":", 1)[1].strip("/"))
    finally:
        server.stop()
    assert server.returncode == 0, server.log()
    assert "Shutting down" in server.log()
    with socket.socket() as sock:  # the port is free again
        assert sock.connect_ex(("127.0.0.1", port)) != 0


def test_ctrl_c_stops_it_when_the_test_run_ignores_ctrl_c(tmp_path: Path) -> None:
    """A suite started in the background (`cmd &` in a script, `nohup`) runs with SIGINT
    ignored, and children inherit that: the harness must still stop `mkdocs serve` with
    Ctrl+C, not by killing it. Ignoring SIGINT here puts this process in that state."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        server = MkdocsServe(copy_demo(tmp_path / "site"), tmp_path / "serve.log").start()
        server.stop()
    finally:
        signal.signal(signal.SIGINT, previous)
    assert server.returncode == 0, server.log()
    assert "Shutting down" in server.log()
