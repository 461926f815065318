"""`mkdocs serve` notices a saved file through the system's file events, and only changes.

Reading a file (an editor opening it, a script grepping the site) must not start a rebuild:
the system reports opens too, and MkDocs rebuilds on any event it is given.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
from sitegen import generate


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Serve:
    def __init__(self, site: Path, log: Path) -> None:
        self.port = free_port()
        self.log = log
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=site,
            stdout=log.open("wb"),
            stderr=subprocess.STDOUT,
            env=env,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=5).read()
                return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise RuntimeError(self.text()) from None
                time.sleep(0.2)

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def rebuilds(self) -> int:
        return self.text().count("Detected file changes")

    def wait_for_rebuilds(self, count: int, limit: float = 30) -> bool:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if self.rebuilds() >= count and "Reloading browsers" in self.text():
                return True
            time.sleep(0.1)
        return False

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture()
def small_site(tmp_path) -> Path:
    return generate(tmp_path / "gen", posts=12, news=4, projects=2, entries=6)["folio"]


@pytest.mark.parametrize("mode", ["native", "polling"])
def test_serve_rebuilds_on_a_change_and_not_on_a_read(small_site, tmp_path, mode):
    if mode == "polling":
        text = (small_site / "mkdocs.yml").read_text()
        (small_site / "mkdocs.yml").write_text(
            text.replace("  - folio\n", "  - folio:\n      live_reload: polling\n")
        )
    server = Serve(small_site, tmp_path / "serve.log")
    try:
        posts = sorted((small_site / "_posts").glob("*.md"))
        for post in posts:
            post.read_text()  # what an editor or a search tool does
        time.sleep(2)
        assert server.rebuilds() == 0, server.text()
        posts[0].write_text(posts[0].read_text() + "\nA change.\n")
        assert server.wait_for_rebuilds(1), server.text()
        time.sleep(2)  # the rebuild reads the changed file: that must not start another
        assert server.rebuilds() == 1, server.text()
        # The site's own layout overrides (`theme: custom_dir`) are watched too.
        layout = small_site / "overrides/layouts/page.html"
        layout.write_text(layout.read_text().replace("from overrides/", "edited"))
        assert server.wait_for_rebuilds(2), server.text()
    finally:
        server.stop()
