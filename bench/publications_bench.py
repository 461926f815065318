"""Whole-site benchmark of the publications feature: an al-folio site with a generated bib.

    python bench/publications_bench.py [--entries 2000] [--repeat 3]

Generates an al-folio site in a temporary folder (`_config.yml` with `group_by: year`, the
starter's `_pages/publications.md` with `bib_search`, an about page with selected papers, and
`_bibliography/papers.bib` of N entries from `bib_bench.make_bib`), then prints, for the site
as is and with `publication_pages: true`:

- cold `mkdocs build`: wall time of a fresh `python -m mkdocs build` process;
- cold plugin time on the publications page: what `PublicationsFeature.timings` records for
  `publications.md` in a fresh process (bib parse + entry views + list HTML);
- CPU: the CPU time of the same work (plus the about page's short selected list), the figure
  to compare with the targets when other processes share the machine;
- warm rebuild: a second `build()` in the same process with the bib unchanged, with the SAME
  plugin instance, exactly as `mkdocs serve` does it: `load_config()` is called again (serve
  calls it on every change), and MkDocs hands back the cached `FolioPlugin` because it defines
  `on_startup`; the script checks that it is the same object. Reported: the feature's time on
  the publications page and the whole in-process build.

Each in-process figure is the best of `--repeat` fresh processes. Timings vary with the
machine; compare rows, not absolute numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

CONFIG = """\
title: blank
first_name: Marie
last_name: Curie
url: https://curie.example.org
baseurl: ""
bib_search: true
max_author_limit: 3
enable_publication_thumbnails: true
scholar:
  last_name: [Curie]
  first_name: [Marie]
  query: "@*"
  group_by: year
  group_order: descending
"""

ABOUT = """\
---
layout: about
title: about
permalink: /
selected_papers: true
---
Hello.
"""

PUBLICATIONS = """\
---
layout: page
permalink: /publications/
title: publications
nav: true
nav_order: 2
---

{% include bib_search.liquid %}

<div class="publications">

{% bibliography %}

</div>
"""

MKDOCS = """\
site_name: Bench
docs_dir: _pages
theme:
  name: folio
plugins:
  - folio
"""


def make_site(root: Path, entries: int, pages: bool) -> Path:
    from bib_bench import make_bib, write_linked_files

    (root / "_pages").mkdir(parents=True, exist_ok=True)
    (root / "_bibliography").mkdir(exist_ok=True)
    (root / "_config.yml").write_text(
        CONFIG + ("publication_pages: true\n" if pages else ""), encoding="utf-8"
    )
    (root / "_pages/about.md").write_text(ABOUT, encoding="utf-8")
    (root / "_pages/publications.md").write_text(PUBLICATIONS, encoding="utf-8")
    bib = make_bib(entries)
    (root / "_bibliography/papers.bib").write_text(bib, encoding="utf-8")
    write_linked_files(root, bib)
    (root / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    return root


# -- worker: one fresh process, two builds with one plugin instance ---------------------------


def _feature(config):
    plugin = config.plugins["folio"]
    feature = next(f for f in plugin.features if f.name == "publications")
    return plugin, feature


def worker(root: Path) -> None:
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    out = root / "_bench_out"
    results = []
    plugin0 = None
    for _ in range(2):
        # what `mkdocs serve` does on every change: a fresh config, the cached plugin
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(out))
        plugin, feature = _feature(config)
        if plugin0 is None:
            plugin0 = plugin
        assert plugin is plugin0, "MkDocs did not reuse the plugin instance"
        start = time.perf_counter()
        build(config)
        elapsed = time.perf_counter() - start
        timing = feature.timings.get("publications.md")
        pages = feature.timings.get("(publication pages)")
        results.append(
            {
                "build": elapsed,
                # bib files are parsed once per build, wherever they are first needed
                "parse": sum(t.parse for t in feature.timings.values()),
                "views": timing.views if timing else 0.0,
                "render": timing.render if timing else 0.0,
                "cpu": sum(t.cpu for t in feature.timings.values() if t is not pages),
                "entries": timing.entries if timing else 0,
                "pages": len(feature.pages.entries),
                "pages_time": pages.views if pages else 0.0,
            }
        )
    print(json.dumps(results))


# -- driver ------------------------------------------------------------------------------------


def run_worker(root: Path) -> list[dict]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    output = subprocess.run(
        [sys.executable, __file__, "--worker", str(root)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def wall_build(root: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml"),
         "-d", str(root / "_wall_out")],
        check=True,
        env=env,
        capture_output=True,
    )  # fmt: skip
    return time.perf_counter() - start


def measure(root: Path, repeat: int) -> dict[str, float]:
    walls = [wall_build(root) for _ in range(repeat)]
    runs = [run_worker(root) for _ in range(repeat)]
    cold = min(runs, key=lambda r: r[0]["parse"] + r[0]["views"] + r[0]["render"])[0]
    warm = min(runs, key=lambda r: r[1]["parse"] + r[1]["views"] + r[1]["render"])[1]
    return {
        "wall": min(walls),
        "cold_parse": cold["parse"],
        "cold_views": cold["views"],
        "cold_render": cold["render"],
        "cold_plugin": cold["parse"] + cold["views"] + cold["render"],
        "cold_cpu": min(r[0]["cpu"] for r in runs),
        "warm_cpu": min(r[1]["cpu"] for r in runs),
        "cold_build": min(r[0]["build"] for r in runs),
        "warm_plugin": warm["parse"] + warm["views"] + warm["render"],
        "warm_build": min(r[1]["build"] for r in runs),
        "entries": cold["entries"],
        "pages": cold["pages"],
        "cold_pages_time": cold["pages_time"],
        "warm_pages_time": warm["pages_time"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker)
        return
    with tempfile.TemporaryDirectory(prefix="folio-pubs-bench-") as tmp:
        base = Path(tmp)
        variants = [
            ("al-folio site", make_site(base / "plain", args.entries, pages=False)),
            ("+ publication_pages", make_site(base / "pages", args.entries, pages=True)),
        ]
        rows = [(label, measure(root, args.repeat)) for label, root in variants]
    ms = 1000.0
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"\n{args.entries} entries, best of {args.repeat}, Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs, load average {load:.1f} at the end\n"
    )
    header = (
        "| variant | cold `mkdocs build` wall | cold in-process build | cold plugin time for "
        "the publications page: bib parse + views + list HTML (CPU) | warm rebuild: plugin "
        "time for the publications page (CPU) | warm rebuild: whole build | per-publication "
        "pages (count; views + meta, cold / warm) |"
    )
    print(header)
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, r in rows:
        pages = (
            f"{r['pages']}; {r['cold_pages_time'] * ms:.0f} / {r['warm_pages_time'] * ms:.0f} ms"
            if r["pages"]
            else "off"
        )
        print(
            f"| {label} | {r['wall']:.2f} s | {r['cold_build']:.2f} s | "
            f"**{r['cold_plugin'] * ms:.0f} ms** ({r['cold_parse'] * ms:.0f} + "
            f"{r['cold_views'] * ms:.0f} + {r['cold_render'] * ms:.0f}; CPU "
            f"{r['cold_cpu'] * ms:.0f} ms) | **{r['warm_plugin'] * ms:.1f} ms** (CPU "
            f"{r['warm_cpu'] * ms:.1f} ms) | {r['warm_build']:.2f} s | {pages} |"
        )


if __name__ == "__main__":
    main()
