"""The `mkdocs serve` harness of the browser tests, checked without a browser: the real
command starts on a free loopback port, serves the demo with live reload, and stops cleanly
on Ctrl+C."""

from __future__ import annotations

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
