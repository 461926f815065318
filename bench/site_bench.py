"""Whole-site benchmark: mkdocs-folio against bare Jekyll and Hugo on the same generated site.

    python bench/site_bench.py [--scales 1,4] [--repeat 3] [--keep DIR] [--json]

The site (`bench/sitegen.py`) has an about page (news, latest posts, selected papers), the
blog with pagination and archives, news, projects, publications over a generated
bibliography, an include and a layout override of its own; at scale 1: 1,000 posts, 300
news items, 100 projects and 2,000 papers. Jekyll and Hugo (Debian's packages; skipped when
absent) build the same posts, news and projects with one-line layouts and nothing else: a
floor for what an engine needs on this machine.

For each scale it prints one table:

- bare Jekyll, Hugo, folio cold (a new folder: no cache, no output, no compiled templates
  in the user's cache folder) and folio warm (the same folder built again, nothing
  changed): each the fastest of `--repeat` runs, interleaved, so that a noisy machine slows
  all of them alike;
- `mkdocs serve`: for each kind of edit a user makes (`sitegen.EDITS`), the time from saving
  the file to the served page showing the change, measured as a browser sees it: the live
  reload signal, then the page fetched again; edits a second apart, as a person makes them;
  the fastest of `--repeat` edits;
- pages per second and peak memory of the cold build.

It runs from a checkout after either of the README's install commands (it imports only the
installed `mkdocs_folio`, and `bench/` itself). Python's compiled modules are written first,
as `pip install` writes them for an installed package (an editable install writes them on
first import, unless PYTHONDONTWRITEBYTECODE says not to).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from sitegen import EDITS, generate

SCALE_1 = {"posts": 1000, "news": 300, "projects": 100, "entries": 2000}

# A build in a child process that reports its own peak memory (kilobytes, Linux): what
# `mkdocs build` runs (mkdocs/__main__.py), startup and shutdown events included.
BUILD = """
import resource, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="build", dirty=False)
try:
    build(config)
finally:
    config.plugins.on_shutdown()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print("PEAK", peak)
"""


def user_cache(site: Path) -> Path:
    """The bench's own user cache folder (`XDG_CACHE_HOME`: folio's compiled templates)."""
    return site.parent / "user-cache"


def child_env(site: Path) -> dict[str, str]:
    return {**os.environ, "XDG_CACHE_HOME": str(user_cache(site))}


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return elapsed, done.stdout


def folio_build(site: Path, *, cold: bool) -> tuple[float, int]:
    """`mkdocs build` in a new process; cold: no cache folder and no output folder first."""
    out = site / "_site"
    if cold:
        shutil.rmtree(site / ".cache", ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(user_cache(site), ignore_errors=True)
    cmd = [sys.executable, "-c", BUILD, str(site / "mkdocs.yml"), str(out)]
    elapsed, stdout = run(cmd, site, child_env(site))
    peak = int(re.search(r"PEAK (\d+)", stdout).group(1))
    return elapsed, peak


def engine_command(engine: str, paths: dict[str, Path]) -> list[str] | None:
    program = shutil.which(engine)
    if program is None:
        return None
    if engine == "jekyll":
        folder = paths["jekyll"]
        return [program, "build", "-q", "-s", str(folder), "-d", str(folder / "_site")]
    folder = paths["hugo"]
    return [program, "--quiet", "-s", str(folder), "-d", str(folder / "public")]


def builds(paths: dict[str, Path], repeat: int) -> dict[str, float | None]:
    """Fastest of `repeat` rounds; each round runs every engine once, in turn."""
    commands = {e: engine_command(e, paths) for e in ("jekyll", "hugo")}
    best: dict[str, float | None] = {"jekyll": None, "hugo": None, "cold": None, "warm": None}
    peak = 0
    site = paths["folio"]
    for _ in range(repeat):
        for engine, cmd in commands.items():
            if cmd is None:
                continue
            try:
                elapsed, _ = run(cmd, paths[engine])
            except RuntimeError as exc:
                print(f"{engine} failed: {exc}", file=sys.stderr)
                commands[engine] = None
                continue
            best[engine] = min(best[engine] or elapsed, elapsed)
        elapsed, memory = folio_build(site, cold=True)
        best["cold"] = min(best["cold"] or elapsed, elapsed)
        peak = max(peak, memory)
        elapsed, _ = folio_build(site, cold=False)
        best["warm"] = min(best["warm"] or elapsed, elapsed)
    best["peak_kb"] = peak
    return best


# --- mkdocs serve -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 60) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8", "replace")


class Server:
    """`mkdocs serve` on the site, driven as a browser with live reload would drive it."""

    def __init__(self, site: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=site,
            env=child_env(site),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            try:
                fetch(self.base, timeout=5)
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("mkdocs serve did not start")

    def epoch(self, url: str) -> tuple[str, str]:
        """The live-reload epoch a page was served with, and its request id."""
        match = re.search(r"livereload\((\d+), (\d+)\)", fetch(self.base + url))
        assert match, "no live-reload script in the served page"
        return match.group(1), match.group(2)

    def wait_for_reload(self, epoch: str, request: str, limit: float = 300) -> None:
        """What the live-reload script in a browser does: wait for the next build."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            answer = fetch(f"{self.base}livereload/{epoch}/{request}", timeout=120)
            if answer.strip() and int(answer) > int(epoch):
                return
        raise RuntimeError("mkdocs serve did not rebuild after the edit")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def serve_latencies(site: Path, repeat: int) -> dict[str, float]:
    """For each edit kind, the fastest time from saving to the page showing the change."""
    server = Server(site)
    best: dict[str, float] = {}
    try:
        number = 0
        for _ in range(repeat):
            for edit in EDITS:
                number += 1
                # A person reads the page before saving again; `mkdocs serve` writes its cache
                # in that pause (half a second after a rebuild), as it does for them.
                time.sleep(1.0)
                epoch, request = server.epoch("")  # the live-reload epoch is the site's
                start = time.perf_counter()
                url, marker = edit.apply(site, number)
                server.wait_for_reload(epoch, request)
                while True:
                    page = fetch(server.base + url)
                    if (marker in page) != edit.gone:
                        break
                    if time.perf_counter() - start > 120:
                        raise RuntimeError(f"{edit.name}: the change never showed on /{url}")
                    epoch, request = server.epoch(url)
                    server.wait_for_reload(epoch, request)
                elapsed = time.perf_counter() - start
                best[edit.name] = min(best.get(edit.name, elapsed), elapsed)
    finally:
        server.stop()
    return best


# --- The table ----------------------------------------------------------------------------------


def table(scale: int, counts: dict[str, int], pages: int, figures: dict, latency: dict) -> str:
    jekyll = figures["jekyll"]
    rows = [
        ("bare Jekyll (one-line layouts)", figures["jekyll"]),
        ("Hugo (one-line layouts)", figures["hugo"]),
        ("folio cold build (new folder)", figures["cold"]),
        ("folio warm build (nothing changed)", figures["warm"]),
    ]
    rows += [(f"serve: {name}", seconds) for name, seconds in latency.items()]
    lines = [
        f"scale {scale}: {counts['posts']:,} posts, {counts['news']:,} news, "
        f"{counts['projects']:,} projects, {counts['entries']:,} papers; {pages:,} pages",
        "",
        "| measure | seconds | vs Jekyll |",
        "| --- | ---: | ---: |",
    ]
    for name, value in rows:
        if value is None:
            lines.append(f"| {name} | n/a | |")
            continue
        ratio = f"{value / jekyll:.2f}x" if jekyll else ""
        lines.append(f"| {name} | {value:.2f} | {ratio} |")
    cold = figures["cold"]
    lines.append(f"| folio cold build: pages per second | {pages / cold:,.0f} | |")
    lines.append(f"| folio cold build: peak memory | {figures['peak_kb'] / 1024:,.0f} MB | |")
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,4", help="comma-separated multiples of scale 1")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate the sites here and keep them")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve latencies")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args()

    print(f"mkdocs-folio site benchmark, {date.today().isoformat()}, {machine()}")
    import mkdocs_folio

    compileall.compile_dir(Path(mkdocs_folio.__file__).parent, quiet=1)
    results = {}
    for scale in (int(s) for s in args.scales.split(",")):
        counts = {name: value * scale for name, value in SCALE_1.items()}
        base = (args.keep / f"scale-{scale}") if args.keep else Path(tempfile.mkdtemp())
        shutil.rmtree(base, ignore_errors=True)
        paths = generate(base, **counts)
        figures = builds(paths, args.repeat)
        pages = sum(1 for _ in (paths["folio"] / "_site").rglob("index.html"))
        latency = {} if args.no_serve else serve_latencies(paths["folio"], args.repeat)
        print()
        print(table(scale, counts, pages, figures, latency))
        results[scale] = {"figures": figures, "latency": latency, "pages": pages}
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    if args.json:
        print(json.dumps(results))


if __name__ == "__main__":
    main()
