"""Whole-site benchmark: a generated al-folio site built by mkdocs-folio (and, when installed,
the same posts by Jekyll and Hugo with a minimal layout).

    python bench/site_bench.py [--posts 1000] [--news 300] [--projects 100] [--entries 2000]
                               [--repeat 3] [--keep DIR]

The site has an about page (news, latest posts, selected papers), the blog index with
pagination and archives, a news page, a projects grid, a publications page over a generated
bibliography, and the given numbers of posts, news items and projects. Printed figures:

- cold `mkdocs build` wall time (a fresh process each run, median of --repeat);
- the same build in process, with the time spent inside the plugin (all its hooks, Liquid and
  the features included), per hook and per feature;
- the rebuild `mkdocs serve` does after one post is edited (same plugin instance, caches
  warm), median of --repeat edits;
- Jekyll and Hugo (Debian packages; skipped when absent) building the same posts with a
  one-line layout: a floor for what an engine needs on this machine, with ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from sitegen import generate

# --- Measurements -------------------------------------------------------------------------------


def run(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return elapsed


def cold_builds(folio: Path, repeat: int) -> list[float]:
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", "_site"]
    return [run(cmd, folio) for _ in range(repeat)]


HOOKS = (
    "on_config",
    "on_files",
    "on_nav",
    "on_page_markdown",
    "on_page_content",
    "on_env",
    "on_page_context",
    "on_post_build",
)
FEATURE_HOOKS = (
    "configure",
    "files",
    "register",
    "liquid_variables",
    "page_markdown",
    "page_content",
    "page_context",
    "env",
    "post_build",
)


class Timers:
    """Wall time inside the plugin's hooks and each feature's hooks.

    MkDocs binds a plugin's event methods when it loads the config, so the methods are
    wrapped on the classes, once, before any build. Nested calls are counted once.
    """

    def __init__(self) -> None:
        self.hooks: dict[str, float] = defaultdict(float)
        self.features: dict[str, float] = defaultdict(float)
        self._depth = 0

    def reset(self) -> None:
        self.hooks.clear()
        self.features.clear()

    def _wrap(self, cls: type, name: str, table_name: str, key_of) -> None:
        original = cls.__dict__.get(name)
        if original is None:
            return
        timers = self

        def timed(instance, *args, **kwargs):
            start = time.perf_counter()
            try:
                return original(instance, *args, **kwargs)
            finally:
                getattr(timers, table_name)[key_of(instance, name)] += time.perf_counter() - start

        setattr(cls, name, timed)

    def instrument(self) -> None:
        from mkdocs_folio.features import default_features
        from mkdocs_folio.plugin import FolioPlugin

        for hook in HOOKS:
            self._wrap(FolioPlugin, hook, "hooks", lambda _i, n: n)
        for feature_class in {type(f) for f in default_features()}:
            for hook in FEATURE_HOOKS:
                self._wrap(feature_class, hook, "features", lambda i, _n: i.name)


def in_process(folio: Path, timers: Timers, edits: int) -> dict[str, object]:
    """One build as `mkdocs serve` starts it, then `edits` rebuilds after editing a post."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    out = folio / "_site_serve"

    def one_build() -> tuple[float, object]:
        config = load_config(str(folio / "mkdocs.yml"), site_dir=str(out))
        config.plugins.on_startup(command="serve", dirty=False)
        plugin = config.plugins["folio"]
        timers.reset()
        start = time.perf_counter()
        build(config, serve_url="http://127.0.0.1:8000/")
        return time.perf_counter() - start, plugin

    first_total, plugin = one_build()
    first = {
        "total": first_total,
        "plugin": sum(timers.hooks.values()),
        "hooks": dict(timers.hooks),
        "features": dict(timers.features),
    }
    post = sorted((folio / "_posts").glob("*.md"))[len(list((folio / "_posts").glob("*.md"))) // 2]
    rebuilds = []
    rebuild_plugin = []
    for n in range(edits):
        text = post.read_text()
        post.write_text(text.replace("\n\n", f"\n\nEdited {n}.\n\n", 1))
        total, again = one_build()
        assert again is plugin, "the plugin instance must survive rebuilds"
        rebuilds.append(total)
        rebuild_plugin.append(sum(timers.hooks.values()))
    edited_url = out / "blog"
    assert any(edited_url.rglob("index.html"))
    return {
        "first": first,
        "rebuild": statistics.median(rebuilds),
        "rebuild_plugin": statistics.median(rebuild_plugin),
        "pages": sum(1 for _ in out.rglob("index.html")),
    }


def engine_builds(paths: dict[str, Path], repeat: int) -> dict[str, float | None]:
    """Median build time of each engine that is installed (None when absent or failing)."""
    commands = {
        "jekyll": ["build", "-q", "-s", str(paths["jekyll"]), "-d", str(paths["jekyll"] / "_site")],
        "hugo": ["--quiet", "-s", str(paths["hugo"]), "-d", str(paths["hugo"] / "public")],
    }
    results: dict[str, float | None] = {}
    for engine, args in commands.items():
        results[engine] = None
        program = shutil.which(engine)
        if program is None:
            continue
        try:
            times = [run([program, *args], paths[engine]) for _ in range(repeat)]
        except RuntimeError as exc:
            print(f"{engine} failed: {exc}", file=sys.stderr)
            continue
        results[engine] = statistics.median(times)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--news", type=int, default=300)
    parser.add_argument("--projects", type=int, default=100)
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate the sites here and keep them")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args()

    base = args.keep or Path(tempfile.mkdtemp(prefix="folio-site-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    paths = generate(base, args.posts, args.news, args.projects, args.entries)
    print(
        f"site: {args.posts} posts, {args.news} news, {args.projects} projects, "
        f"{args.entries}-entry bib  ({base})"
    )

    cold = cold_builds(paths["folio"], args.repeat)
    timers = Timers()
    timers.instrument()
    serve = in_process(paths["folio"], timers, args.repeat)
    engines = engine_builds(paths, args.repeat)

    cold_median = statistics.median(cold)
    first = serve["first"]
    rows = [
        ("mkdocs build, cold (fresh process, wall)", cold_median),
        ("  same build in process (MkDocs + plugin)", first["total"]),
        ("  of which inside the folio plugin", first["plugin"]),
        ("serve rebuild after editing one post", serve["rebuild"]),
        ("  of which inside the folio plugin", serve["rebuild_plugin"]),
    ]
    for name in ("jekyll", "hugo"):
        value = engines[name]
        label = f"{name} build of the same {args.posts} posts, minimal layout"
        rows.append((label, value))
    print()
    print(f"{'measure':<58} {'seconds':>8} {'vs jekyll':>10} {'vs hugo':>8}")
    print("-" * 88)
    for label, value in rows:
        if value is None:
            print(f"{label:<58} {'n/a':>8}   (not installed)")
            continue
        ratios = []
        for name in ("jekyll", "hugo"):
            ref = engines[name]
            ratios.append(f"{value / ref:.2f}x" if ref else "-")
        print(f"{label:<58} {value:8.2f} {ratios[0]:>10} {ratios[1]:>8}")
    print()
    print(f"pages written: {serve['pages']} (index.html files)")
    print("plugin time by hook (first build):")
    for hook, seconds in sorted(first["hooks"].items(), key=lambda kv: -kv[1]):
        print(f"  {hook:<20} {seconds:7.3f} s")
    print("feature time (first build, inside the hooks above):")
    for name, seconds in sorted(first["features"].items(), key=lambda kv: -kv[1]):
        print(f"  {name:<20} {seconds:7.3f} s")
    if args.json:
        print(json.dumps({"cold": cold, "serve": serve, "engines": engines}, default=str))
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
