"""Micro benchmark of the publications pipeline on a generated al-folio-like bibliography.

    python bench/bib_bench.py [--entries 2000] [--repeat 3]

Generates N entries (accented authors, 150-word abstracts, al-folio custom fields) into a
temporary directory and prints the best of `--repeat` runs for:
- cold parse (fresh process state: caches cleared),
- parse + entry views,
- render of every entry through `partials/folio/bib/list.html`,
- warm: a rebuild with the file unchanged (cache hit + memoised views),
- warm render (what a rebuild costs if the adapter re-renders instead of caching the HTML),
- warm with the rendered HTML reused by `BibListView.cache_key` (what the adapter should do).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FIRST = ["Marie", "Jörg", "Zoë", "José", "Łukasz", "François", "Ana", "Yuki M.", "Sören", "Chloé"]
LAST = [
    "Curie",
    'M{\\"u}ller',
    'Schr{\\"o}dinger',
    "Garc{\\'\\i}a",
    "Sk{\\l}odowska",
    "Nu{\\~n}ez",
    "van den Berg",
    "O'Neil",
    "Dvo{\\v{r}}{\\'a}k",
    "Asano",
]
WORDS = [
    *[
        "learning",
        "representation",
        "neural",
        "network",
        "model",
        "data",
        "training",
        "robust",
        "visual",
        "language",
    ],
    *[
        "transformer",
        "attention",
        "graph",
        "quantum",
        "field",
        "theory",
        "energy",
        "dynamics",
        "stochastic",
        "optimal",
    ],
]
VENUES = ["NeurIPS", "ICML", "CVPR", "ICLR", "Nature", "Science", "AJP", "PhysRev"]


def make_bib(n: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    out = ["---", "---", "", "@string{aps = {American Physical Society}}", ""]
    for i in range(n):
        authors = " and ".join(
            f"{rng.choice(LAST)}{'*' if rng.random() < 0.1 else ''}, {rng.choice(FIRST)}"
            for _ in range(rng.randint(2, 8))
        )
        abstract = " ".join(rng.choice(WORDS) for _ in range(150))
        title = " ".join(rng.choice(WORDS) for _ in range(8)).capitalize()
        fields = [
            f"  abbr = {{{rng.choice(VENUES)}}}",
            "  bibtex_show = {true}",
            f'  title = {{{{{title}}} with $O(n^2)$ -- a {{\\"U}}berblick}}',
            f"  author = {{{authors}}}",
            f"  journal = {{Journal of {rng.choice(WORDS).capitalize()}}}",
            f"  year = {{{rng.randint(1990, 2026)}}}",
            f"  month = {rng.choice(['jan', 'may', 'sep'])}",
            f"  abstract = {{{abstract}}}",
            f"  pdf = {{paper{i}.pdf}}",
            f"  doi = {{10.1000/x.{i}}}",
            f"  code = {{https://github.com/example/repo{i}}}",
            "  publisher = aps",
        ]
        if rng.random() < 0.2:
            fields.append("  selected = {true}")
        if rng.random() < 0.3:
            fields.append(f"  preview = {{p{i}.png}}")
        out.append(f"@article{{key{i},\n" + ",\n".join(fields) + "\n}\n")
    return "\n".join(out)


def write_linked_files(root: Path, bib: str) -> None:
    """The PDFs and previews a generated bib names, so that the bench site is complete (a
    real site has its files; a missing one would be a warning per entry)."""
    for name in re.findall(r"pdf = \{(paper\d+\.pdf)\}", bib):
        (root / "assets/pdf" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "assets/pdf" / name).write_bytes(b"%PDF-1.4\n")
    for name in re.findall(r"preview = \{(p\d+\.png)\}", bib):
        folder = root / "assets/img/publication_preview"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(b"\x89PNG\r\n\x1a\n")


def best(fn, repeat: int) -> tuple[float, object]:
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import jinja2
    import material

    from mkdocs_folio.bib import (
        DEFAULT_CACHE,
        bib_settings,
        bibliography_view,
        latex,
        load_bibliography,
        loader,
        view,
    )
    from mkdocs_folio.problems import Problems

    settings = bib_settings(
        {
            "scholar": {"last_name": ["Asano"], "first_name": ["Yuki M."]},
            "max_author_limit": 3,
        },
        {"coauthors": {"curie": [{"firstname": ["Marie"], "url": "https://example.org"}]}},
        "",
    )
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(
            [str(ROOT / "theme"), os.path.join(os.path.dirname(material.__file__), "templates")]
        )
    )
    template = env.get_template("partials/folio/bib/list.html")

    def clear() -> None:
        DEFAULT_CACHE.clear()
        view._VIEW_CACHE.clear()
        for fn in (latex.latex_to_text, latex.latex_to_html, loader._parse_name):
            fn.cache_clear()

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "papers.bib"
        path.write_text(make_bib(args.entries), encoding="utf-8")
        size = path.stat().st_size

        def cold_parse():
            clear()
            return load_bibliography(path, Problems())

        def cold_views():
            clear()
            bib = load_bibliography(path, Problems())
            return bibliography_view(bib.entries, settings)

        def render(listing):
            return template.render(bib=listing)

        t_parse, bib = best(cold_parse, args.repeat)
        t_views, listing = best(cold_views, args.repeat)
        t_render, html = best(lambda: render(listing), args.repeat)

        def warm():
            problems = Problems()
            b = load_bibliography(path, problems)
            return bibliography_view(b.entries, settings)

        warm()
        t_warm, _ = best(warm, args.repeat)
        t_warm_render, _ = best(lambda: render(warm()), args.repeat)

        html_cache: dict[str, str] = {}

        def warm_reuse():
            listing = warm()
            html = html_cache.get(listing.cache_key)
            if html is None:
                html = html_cache[listing.cache_key] = render(listing)
            return html

        warm_reuse()
        t_warm_reuse, _ = best(warm_reuse, args.repeat)

    rows = [
        ("entries", f"{len(bib)}"),
        ("bib size", f"{size / 1e6:.2f} MB"),
        ("cold parse", f"{t_parse * 1000:.0f} ms"),
        ("cold parse + views", f"{t_views * 1000:.0f} ms"),
        ("render list.html", f"{t_render * 1000:.0f} ms ({len(html) / 1e6:.1f} MB HTML)"),
        ("cold total (parse+views+render)", f"{(t_views + t_render) * 1000:.0f} ms"),
        ("warm parse+views (cache hit)", f"{t_warm * 1000:.1f} ms"),
        ("warm parse+views+render", f"{t_warm_render * 1000:.0f} ms"),
        ("warm, HTML reused by cache_key", f"{t_warm_reuse * 1000:.1f} ms"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"| {'stage':<{width}} | time |")
    print(f"| {'-' * width} | ---- |")
    for name, value in rows:
        print(f"| {name:<{width}} | {value} |")


if __name__ == "__main__":
    main()
