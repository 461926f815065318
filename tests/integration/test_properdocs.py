"""ProperDocs, the maintained fork of MkDocs 1.6, builds every integration site as MkDocs does.

The integration suite checks the pages MkDocs builds, in process. ProperDocs cannot run in the
same process (importing its command line redirects every `mkdocs.*` import to `properdocs.*`
for the whole interpreter), so each site here is built twice in subprocesses, with
`python -m mkdocs build` and `python -m properdocs build`, each from its own copy of the site,
and the two outputs are compared file by file (HTML apart from the generator line) along
with the warnings each build printed. What the suite proves of the MkDocs pages then holds
for ProperDocs too. docs/engines.md says which engines are tested.
"""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from mkdocs_folio.cli import main as cli_main
from mkdocs_folio.scaffold import create_site
from tests.browser.support import mkdocs_env
from tests.conftest import copy_demo, require_module, shared_path
from tests.integration.collections_site import FILES as COLLECTIONS_FILES
from tests.integration.pubsite import pub_site
from tests.sitebuilder import al_folio_site, copy_tree, write_files

ENGINES = ("mkdocs", "properdocs")
GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')
WARNING = re.compile(r"^(WARNING|ERROR)\s+-\s+(.*)$")

ABOUT = """
---
layout: about
title: about
permalink: /
subtitle: Analyst at <a href="https://example.org">the Engine</a>.
profile:
  align: right
  image: prof_pic.jpg
  more_info: <p>Somewhere</p>
selected_papers: true
social: true
announcements:
  enabled: true
---

Ada's about page, with **Markdown** and {{ site.title }} in Liquid.
"""


def _demo(root: Path) -> Path:
    return copy_demo(root)


def _about(root: Path) -> Path:
    al_folio_site(root, ABOUT)
    assert cli_main(["init", str(root)]) == 0
    return root


def _collections(root: Path) -> Path:
    write_files(root, COLLECTIONS_FILES)
    assert cli_main(["init", str(root)]) == 0
    return root


def _publications(root: Path) -> Path:
    pub_site(root)
    assert cli_main(["init", str(root)]) == 0
    return root


def _new(root: Path) -> Path:
    assert create_site(root, "Grace Hopper") == 0
    return root


def _fixture(name: str) -> Callable[[Path], Path]:
    def make(root: Path) -> Path:
        copy_tree(shared_path("fixtures", name), root)
        assert cli_main(["init", str(root)]) == 0
        return root

    return make


SITES: dict[str, Callable[[Path], Path]] = {
    "demo": _demo,
    "about": _about,
    "collections": _collections,
    "publications": _publications,
    "new-site": _new,
    "al-folio-starter": _fixture("al-folio-starter"),
    "legacy-2023-site": _fixture("legacy-2023-site"),
}


def _build(tool: str, root: Path, out: Path) -> list[str]:
    """Build `root` with `tool` into `out`; the warnings it printed, with the site's folder
    written as <site> (each engine builds its own copy)."""
    command = [sys.executable, "-m", tool, "build", "-f", str(root / "mkdocs.yml"), "-d", str(out)]
    result = subprocess.run(
        command, cwd=root, env=mkdocs_env(), capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{' '.join(command)}:\n{result.stdout}\n{result.stderr}"
    lines = (result.stdout + result.stderr).splitlines()
    return [
        match.group(0).replace(str(root), "<site>")
        for match in map(WARNING.match, lines)
        if match is not None
    ]


def _content(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".html":
        return GENERATOR.sub("", data.decode("utf-8")).encode("utf-8")
    if path.suffix == ".gz":  # the gzip header holds a time stamp
        return gzip.decompress(data)
    return data


def _files(out: Path) -> list[str]:
    return sorted(path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file())


@pytest.mark.parametrize("name", list(SITES))
def test_properdocs_builds_the_integration_site_like_mkdocs(tmp_path: Path, name: str) -> None:
    require_module("properdocs", "pip install properdocs")
    warnings = {}
    outputs = {}
    for tool in ENGINES:
        root = SITES[name](tmp_path / f"site-{tool}")
        outputs[tool] = tmp_path / f"out-{tool}"
        warnings[tool] = _build(tool, root, outputs[tool])
        shutil.rmtree(root / ".cache", ignore_errors=True)
    assert warnings["properdocs"] == warnings["mkdocs"]
    files = _files(outputs["mkdocs"])
    assert files, "MkDocs built nothing"
    assert _files(outputs["properdocs"]) == files
    different = [
        rel
        for rel in files
        if _content(outputs["mkdocs"] / rel) != _content(outputs["properdocs"] / rel)
    ]
    assert different == [], f"these files differ between MkDocs and ProperDocs: {different}"
    # and it really was ProperDocs that built the second one
    html = (outputs["properdocs"] / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<meta name="generator" content="[^"]*ProperDocs', html)
