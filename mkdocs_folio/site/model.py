"""The whole al-folio site as plain objects: what every later stage reads from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs_folio.problems import Problems
from mkdocs_folio.site.collections import Document
from mkdocs_folio.site.config import SiteConfig


@dataclass
class SitePaths:
    """Where the parts of a site live. al-folio's layout is the default; a site written
    fresh for MkDocs points each one elsewhere through plugin options."""

    root: Path
    config_file: Path | None
    data_dir: Path
    bib_dir: Path
    bib_files: list[Path]
    assets_dir: Path
    collections_dir: Path
    includes_dir: Path

    def find_file(self, relative: str, docs_dir: Path) -> Path | None:
        """The file a site-relative path (`assets/img/x.jpg`) names: in the site folder, in
        `docs_dir`, or (for `assets/...`) in an assets folder configured elsewhere."""
        candidates = [self.root / relative, docs_dir / relative]
        if relative.startswith("assets/"):
            candidates.append(self.assets_dir / relative[len("assets/") :])
        return next((candidate for candidate in candidates if candidate.is_file()), None)

    def watched(self) -> list[Path]:
        """Inputs outside `docs_dir` that `mkdocs serve` must watch."""
        paths: list[Path] = []
        if self.config_file is not None:
            paths.append(self.config_file)
        paths += [self.data_dir, self.bib_dir, self.includes_dir, self.assets_dir]
        paths += self.bib_files
        for name in ("_news", "_posts", "_projects", "_teachings", "_books", "_drafts"):
            paths.append(self.collections_dir / name)
        return [p for p in dict.fromkeys(paths) if p.exists()]


@dataclass
class Site:
    paths: SitePaths
    config: SiteConfig
    data: dict[str, Any]
    socials: list[Any]
    collections: dict[str, list[Document]] = field(default_factory=dict)
    problems: Problems = field(default_factory=Problems)

    @property
    def news(self) -> list[Document]:
        return self.collections.get("news", [])

    @property
    def posts(self) -> list[Document]:
        return self.collections.get("posts", [])
