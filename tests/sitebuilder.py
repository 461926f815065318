"""Build real sites into a temporary folder and look at the HTML, as a user would."""

from __future__ import annotations

import logging
import shutil
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import material
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError, PluginError

from mkdocs_folio.cli import main as cli_main
from tests.conftest import REPO


@dataclass
class BuildResult:
    root: Path
    out: Path
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    def html(self, url: str = "") -> str:
        path = self.out / url
        if url == "" or url.endswith("/"):
            path = path / "index.html"
        return path.read_text(encoding="utf-8")

    def soup(self, url: str = "") -> BeautifulSoup:
        return BeautifulSoup(self.html(url), "lxml")

    def exists(self, url: str) -> bool:
        path = self.out / url
        if url.endswith("/"):
            path = path / "index.html"
        return path.is_file()

    def folio_warnings(self) -> list[str]:
        return [w for w in self.warnings if w.startswith("folio:")]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def write_files(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")


def write_forking_site(root: Path, body: Callable[[int], str] = lambda n: f"Body {n}.") -> None:
    """A small site with enough posts that `workers: 2` forks a render worker (no cache)."""
    from mkdocs_folio.render.workers import MIN_PAGES

    write_files(
        root,
        {
            "mkdocs.yml": "site_name: T\ndocs_dir: _pages\ntheme: {name: folio}\n"
            "plugins: [{folio: {workers: 2, cache: false}}]\n",
            "_config.yml": "title: T\n",
            "_pages/about.md": "---\nlayout: about\npermalink: /\n---\nHello.\n",
            **{
                f"_posts/2024-01-{n % 28 + 1:02d}-p{n}.md": f"---\ntitle: Post {n}\n---\n{body(n)}\n"
                for n in range(2 * MIN_PAGES + 2)
            },
        },
    )


def build_site(root: Path, *, strict: bool = False, config_file: str = "mkdocs.yml") -> BuildResult:
    """Build the site whose mkdocs.yml is in `root`; collect warnings instead of printing."""
    out = root / "_test_out"
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    result = BuildResult(root=root, out=out)
    try:
        config = load_config(str(root / config_file), site_dir=str(out), strict=strict)
        build(config)
    except (Abort, BuildError, PluginError) as exc:
        result.error = str(exc)
    finally:
        logger.removeHandler(handler)
    result.warnings = handler.messages
    return result


def init_and_build(root: Path, **kwargs) -> BuildResult:
    """What a user does: `mkdocs-folio init` in an al-folio site, then `mkdocs build`."""
    assert cli_main(["init", str(root)]) == 0
    return build_site(root, **kwargs)


def theme_env() -> jinja2.Environment:
    """The theme's templates over Material's, as MkDocs loads them, to render a partial
    without a build. Autoescape is off, as in MkDocs: the partials escape by themselves."""
    material_templates = Path(material.__file__).parent / "templates"
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(REPO / "theme"), str(material_templates)]),
        autoescape=False,
    )


def text(node) -> str:
    """A node's text with white space folded, as a reader sees it."""
    return " ".join(node.get_text(" ").split())


def copy_tree(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, dirs_exist_ok=True)
    for path in target.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return target


# A small al-folio site of our own: the parts every about-page test needs.
CONFIG = """
title: blank
first_name: Ada
middle_name: Q.
last_name: Lovelace
url: https://ada.example.org
baseurl: ""
description: Ada's site.
footer_text: Made with <a href="https://example.org">care</a>.
contact_note: Write to me by <em>post</em>.
scholar:
  last_name: [Lovelace]
  first_name: [Ada, A.]
"""

BIB = """
---
---
@article{first2024,
  title = {The First Paper},
  author = {Lovelace, Ada and Babbage, Charles},
  journal = {Journal of Engines},
  year = {2024},
  selected = {true}
}
@article{second2023,
  title = {An Unselected Paper},
  author = {Babbage, Charles},
  journal = {Notes},
  year = {2023}
}
@inproceedings{third2022,
  title = {The Third, {Selected} One},
  author = {Somerville, Mary and Lovelace, A. and Herschel, Caroline},
  booktitle = {Proceedings of Analytical Things},
  year = {2022},
  selected = {True}
}
"""

SOCIALS = """
email: ada@example.org
github_username: ada
scholar_userid: abcdEFGHijkl
"""


def al_folio_site(root: Path, about: str, extra: dict[str, str | bytes] | None = None) -> Path:
    files: dict[str, str | bytes] = {
        "_config.yml": CONFIG,
        "_pages/about.md": about,
        "_bibliography/papers.bib": BIB,
        "_data/socials.yml": SOCIALS,
        "assets/img/prof_pic.jpg": b"\xff\xd8\xff\xe0fakejpeg",
    }
    files.update(extra or {})
    write_files(root, files)
    return root
