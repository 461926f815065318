"""Write mkdocs_folio/site/stock_hashes.json from al-folio's history.

    python scripts/stock_hashes.py /path/to/al-folio.git [--rev main] [--out FILE]

Every version of every file under `_layouts/` and `_includes/` reachable from `--rev`
(default: every branch and tag) is read with git, normalised as the classifier does
(`mkdocs_folio.site.customized.normalise`) and kept as a 12-digit digest, with the names
the versions use (included files, `site.` and `page.` keys) so that `mkdocs-folio init`
can say what a customized file adds. Only digests and names are written, never a template.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mkdocs_folio.site.customized import file_key, stock_digest, used_names

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "mkdocs_folio/site/stock_hashes.json"


def blobs(repo: Path, rev: str) -> list[tuple[str, str]]:
    """(blob id, path) of every version of the two folders reachable from `rev`."""
    revs = ["--all"] if rev == "--all" else [rev]
    out = subprocess.run(
        [
            "git",
            "--git-dir",
            str(repo),
            "rev-list",
            "--objects",
            *revs,
            "--",
            "_layouts",
            "_includes",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    found = []
    for line in out.splitlines():
        blob, _, path = line.partition(" ")
        if path.startswith(("_layouts/", "_includes/")) and path.endswith((".html", ".liquid")):
            found.append((blob, path))
    return found


def read_blob(repo: Path, blob: str) -> str | None:
    result = subprocess.run(
        ["git", "--git-dir", str(repo), "cat-file", "blob", blob], capture_output=True
    )
    return result.stdout.decode("utf-8", "replace") if result.returncode == 0 else None


def build_table(repo: Path, rev: str) -> dict:
    files: dict[str, dict[str, set[str]]] = {}
    for blob, path in blobs(repo, rev):
        text = read_blob(repo, blob)
        if text is None:
            continue  # a tree entry, not a file
        folder, _, relative = path.partition("/")
        key = file_key(folder.lstrip("_"), relative)
        entry = files.setdefault(
            key, {"digests": set(), "includes": set(), "site": set(), "page": set()}
        )
        entry["digests"].add(stock_digest(text))
        for name, values in used_names(text).items():
            if name in entry:
                entry[name] |= values
    return {
        "source": "alshedivat/al-folio",
        "files": {
            key: {name: sorted(values) for name, values in sorted(entry.items())}
            for key, entry in sorted(files.items())
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", type=Path, help="al-folio's git directory (bare or .git)")
    parser.add_argument("--rev", default="--all", help="a branch or tag (default: all)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    table = build_table(args.repo, args.rev)
    args.out.write_text(json.dumps(table, separators=(",", ":"), sort_keys=True) + "\n")
    count = sum(len(v["digests"]) for v in table["files"].values())
    print(f"{args.out}: {len(table['files'])} files, {count} versions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
