"""Plugin options resolved into the folders of one site, relative to mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from mkdocs_folio.options import FolioConfig
from mkdocs_folio.problems import Problems
from mkdocs_folio.site.config import SiteConfig, as_text
from mkdocs_folio.site.model import SitePaths


def _resolve(base: Path, value: str) -> Path:
    path = Path(value).expanduser()
    return (path if path.is_absolute() else base / path).resolve()


def resolve_root(
    options: FolioConfig, config: MkDocsConfig, problems: Problems
) -> tuple[Path, Path | None]:
    """The site folder and its `_config.yml` (None when the site has none)."""
    config_dir = Path(config.config_file_path or ".").resolve().parent
    root = _resolve(config_dir, options.root) if options.root else config_dir
    if not root.is_dir():
        problems.add(
            f"the site folder '{root}' does not exist",
            config.config_file_path,
            hint="check the folio plugin's `root` option",
        )
        root = config_dir
    config_file = _resolve(root, options.config_file)
    return root, config_file if config_file.is_file() else None


def resolve_paths(
    options: FolioConfig,
    root: Path,
    config_file: Path | None,
    site: SiteConfig,
    problems: Problems | None = None,
) -> SitePaths:
    """Every input folder. The bibliography follows `scholar:` as jekyll-scholar does,
    unless the plugin options name it. A folder named in the plugin options that does not
    exist is reported (al-folio's default folders may simply be absent)."""
    scholar = site.raw.get("scholar")
    scholar = scholar if isinstance(scholar, dict) else {}
    source = options.bibliography_dir or as_text(scholar.get("source")) or "_bibliography"
    bib_dir = _resolve(root, source.lstrip("/"))
    if options.bibliography:
        bib_file = _resolve(root, options.bibliography)
        if not options.bibliography_dir:
            bib_dir = bib_file.parent
    else:
        name = as_text(scholar.get("bibliography")) or "papers.bib"
        bib_file = _resolve(bib_dir, name if name.endswith(".bib") else name + ".bib")

    if problems is not None:
        for option, default in (
            ("data_dir", "_data"),
            ("assets_dir", "assets"),
            ("collections_dir", "."),
            ("includes_dir", "_includes"),
            ("bibliography_dir", None),
        ):
            value = options[option]
            if value and value != default and not _resolve(root, value).is_dir():
                problems.add(
                    f"the folio plugin's `{option}: {value}` is not a folder",
                    _resolve(root, value),
                    hint="fix the path in mkdocs.yml (it is relative to the site folder)",
                )
    return SitePaths(
        root=root,
        config_file=config_file,
        data_dir=_resolve(root, options.data_dir),
        bib_dir=bib_dir,
        bib_files=[bib_file],
        assets_dir=_resolve(root, options.assets_dir),
        collections_dir=_resolve(root, options.collections_dir),
        includes_dir=_resolve(root, options.includes_dir),
    )
