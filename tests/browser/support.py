"""Servers and page helpers for the browser tests.

`MkdocsServe` runs the real `mkdocs serve` in a subprocess, as a user does; `GzipServer`
serves a built site the way a static host does (gzip for text), and counts every byte it
sends, so the page-weight budget is measured rather than guessed.
"""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

STARTUP_LIMIT = 120.0  # seconds; a limit on waiting, never an assertion about speed


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def mkdocs_env() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["DISABLE_MKDOCS_2_WARNING"] = "true"
    env["PYTHONUNBUFFERED"] = "1"
    return env


def build_site(root: Path, out: Path, *, strict: bool = True, tool: str = "mkdocs") -> None:
    """`mkdocs build` in a subprocess (the command users run); fails with its output."""
    command = [sys.executable, "-m", tool, "build", "-f", str(root / "mkdocs.yml"), "-d", str(out)]
    if strict:
        command.append("--strict")
    result = subprocess.run(
        command, cwd=root, env=mkdocs_env(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise AssertionError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")


def html_pages(out: Path) -> list[str]:
    """Site-relative URLs of every HTML page of a built site, as a browser asks for them."""
    urls = []
    for path in sorted(out.rglob("*.html")):
        rel = path.relative_to(out).as_posix()
        if rel == "index.html":
            urls.append("")
        elif rel.endswith("/index.html"):
            urls.append(rel[: -len("index.html")])
        else:
            urls.append(rel)
    return urls


def _sigint_stops_the_child() -> None:
    """Runs in the `mkdocs serve` child before it starts: Ctrl+C (SIGINT) stops it, however
    the test run itself was started.

    A non-interactive shell starts background jobs (`cmd &`, `nohup`, some CI runners) with
    SIGINT ignored; a child inherits that, Python then installs no KeyboardInterrupt handler,
    and `mkdocs serve` would ignore `MkdocsServe.stop()`'s Ctrl+C until it is killed.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class MkdocsServe:
    """`mkdocs serve --dev-addr 127.0.0.1:<free port>` on a site folder."""

    def __init__(self, root: Path, log: Path) -> None:
        self.root = root
        self.log_path = log
        self.base = ""
        self.proc: subprocess.Popen[bytes] | None = None
        self.returncode: int | None = None

    def start(self) -> MkdocsServe:
        port = free_port()
        self._log = self.log_path.open("wb")
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "-f",
            str(self.root / "mkdocs.yml"),
            "--dev-addr",
            f"127.0.0.1:{port}",
        ]
        self.proc = subprocess.Popen(
            command,
            cwd=self.root,
            env=mkdocs_env(),
            stdout=self._log,
            stderr=subprocess.STDOUT,
            preexec_fn=_sigint_stops_the_child if os.name == "posix" else None,
        )
        deadline = time.monotonic() + STARTUP_LIMIT
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"mkdocs serve exited early:\n{self.log()}")
            try:
                # mkdocs serve redirects / to the mount path of site_url: follow it.
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    self.base = response.geturl()
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(
                        f"mkdocs serve did not answer in {STARTUP_LIMIT:.0f} s:\n{self.log()}"
                    ) from None
                time.sleep(0.2)
        if not self.base.endswith("/"):
            self.base += "/"
        return self

    def url(self, path: str = "") -> str:
        return urllib.parse.urljoin(self.base, path)

    @property
    def origin(self) -> str:
        parts = urllib.parse.urlsplit(self.base)
        return f"{parts.scheme}://{parts.netloc}"

    def log(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def builds(self) -> int:
        """How many builds the server has finished (its log says so after each one)."""
        return self.log().count("Documentation built in")

    def stop(self) -> None:
        """Ctrl+C, as a user stops it; escalate only if it does not exit."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.terminate()
                try:
                    self.proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait()
        self._log.close()
        self.returncode = self.proc.returncode
        self.proc = None

    def __enter__(self) -> MkdocsServe:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


# What static hosts (GitHub Pages, Netlify, nginx's gzip_types) compress.
COMPRESSED_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
    "application/manifest+json",
)


@dataclass
class Sent:
    path: str
    status: int
    content_type: str
    body_bytes: int
    gzip: bool


@dataclass
class GzipServer:
    """A static host for a built site: gzip (level 6, nginx's and most hosts' default is 1-6)
    for text types when the client accepts it, raw bytes otherwise; records every response."""

    root: Path
    sent: list[Sent] = field(default_factory=list)

    def start(self) -> GzipServer:
        server_self = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
                target = (server_self.root / path.lstrip("/")).resolve()
                if target.is_dir():
                    target = target / "index.html"
                inside = server_self.root.resolve() in target.parents
                status = 200 if inside and target.is_file() else 404
                if status == 404:
                    target = server_self.root / "404.html"
                body = target.read_bytes() if target.is_file() else b"not found"
                ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
                if ctype.startswith("text/") or ctype == "application/javascript":
                    ctype += "; charset=utf-8"
                zipped = "gzip" in self.headers.get("Accept-Encoding", "") and ctype.startswith(
                    COMPRESSED_TYPES
                )
                if zipped:
                    body = gzip.compress(body, compresslevel=6, mtime=0)
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                if zipped:
                    self.send_header("Content-Encoding", "gzip")
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)
                server_self.sent.append(Sent(path, status, ctype, len(body), zipped))

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()

    def __enter__(self) -> GzipServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
