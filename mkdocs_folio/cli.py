"""`mkdocs-folio`: set up MkDocs for an existing al-folio site, or start a new one.

`init` writes only a small `mkdocs.yml` beside `_config.yml`. It never edits or moves content
and never overwrites an existing `mkdocs.yml` unless `--force` is given.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mkdocs_folio import __version__
from mkdocs_folio.problems import Problems
from mkdocs_folio.scaffold import MKDOCS_SETTINGS, create_site
from mkdocs_folio.site.config import read_site_config
from mkdocs_folio.site.customized import classify_site, report_line

MKDOCS_YML = (
    """\
# Written by `mkdocs-folio init`. al-folio's _config.yml stays the source of truth: the folio
# plugin reads title, url, baseurl and every other setting from it at each build, so the two
# values below are only a starting point and never go stale.
site_name: {site_name}
{site_url_line}
"""
    + MKDOCS_SETTINGS
)


def _yaml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def render_mkdocs_yml(root: Path) -> tuple[str, list[str]]:
    """The mkdocs.yml for an al-folio site, and notes about what was found."""
    problems = Problems()
    config_path = root / "_config.yml"
    site = read_site_config(config_path, {}, problems)
    notes = [str(problem) for problem in problems]
    site_url = site.site_url
    text = MKDOCS_YML.format(
        site_name=_yaml_string(site.title),
        site_url_line=f"site_url: {_yaml_string(site_url)}"
        if site_url
        else "# site_url: (set url in _config.yml)",
    )
    return text, notes


def cmd_init(args: argparse.Namespace) -> int:
    root = Path(args.path).resolve()
    if not (root / "_config.yml").is_file():
        print(
            f"error: {root} has no _config.yml; run this in an al-folio site's folder "
            "(or give its path: mkdocs-folio init PATH).",
            file=sys.stderr,
        )
        return 2
    if not (root / "_pages").is_dir():
        print(
            f"error: {root} has no _pages/ folder, where al-folio keeps its pages.", file=sys.stderr
        )
        return 2
    target = root / "mkdocs.yml"
    if target.exists() and not args.force:
        print(f"{target} already exists; left unchanged (use --force to replace it).")
        report_customizations(root)
        return 1
    text, notes = render_mkdocs_yml(root)
    existed = target.exists()
    target.write_text(text, encoding="utf-8")
    print(f"{'Replaced' if existed else 'Wrote'} {target}:")
    print("  theme: folio, plugins: material/search + folio, docs_dir: _pages, site_dir: _site")
    for note in notes:
        print(f"  warning: {note}")
    report_customizations(root)
    print("No content file was changed. Next:")
    print(f"  cd {root} && mkdocs serve     # preview at http://127.0.0.1:8000")
    print(f"  cd {root} && mkdocs build     # the site in {root / '_site'}")
    return 0


def report_customizations(root: Path) -> None:
    """One line per `_layouts/` or `_includes/` file that is not al-folio's own."""
    items = classify_site(root / "_layouts", root / "_includes")
    changed = [item for item in items if item.changed]
    if changed:
        print(f"Customized layouts and includes ({len(changed)}):")
        for item in changed:
            print(f"  {report_line(item)}")
    elif items and all(item.status == "unchecked" for item in items):
        print("Layouts and includes: not checked (this mkdocs-folio has no stock table).")
    elif items:
        print(f"Layouts and includes: all {len(items)} are al-folio's own.")


def cmd_new(args: argparse.Namespace) -> int:
    return create_site(Path(args.path), name=args.name)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mkdocs-folio",
        description="Build al-folio academic websites with MkDocs.",
    )
    parser.add_argument("--version", action="version", version=f"mkdocs-folio {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    init = sub.add_parser("init", help="write mkdocs.yml for an existing al-folio site")
    init.add_argument("path", nargs="?", default=".", help="the al-folio site folder (default: .)")
    init.add_argument("--force", action="store_true", help="replace an existing mkdocs.yml")
    init.set_defaults(func=cmd_init)

    new = sub.add_parser("new", help="create a new, ready-to-edit site in an empty folder")
    new.add_argument("path", help="the folder to create (must be empty or absent)")
    new.add_argument("--name", default="Ada Lovelace", help="the owner's name")
    new.set_defaults(func=cmd_new)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
