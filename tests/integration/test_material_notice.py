"""Material's end-of-life notice, as docs/engines.md describes it: `mkdocs build` prints it,
it changes nothing of the build (`--strict` still passes), NO_MKDOCS_2_WARNING switches it
off, and the page quotes the notice as Material prints it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.browser.support import mkdocs_env
from tests.conftest import REPO, copy_demo

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _build(site: Path, out: Path, *, notice: bool) -> subprocess.CompletedProcess[str]:
    env = mkdocs_env()
    if notice:
        env.pop("NO_MKDOCS_2_WARNING", None)
        env.pop("DISABLE_MKDOCS_2_WARNING", None)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _notice_lines(stderr: str) -> list[str]:
    text = ANSI.sub("", stderr)
    return [line.strip(" │") for line in text.splitlines() if line.lstrip().startswith("│")]


def test_the_notice_changes_nothing_and_the_switch_silences_it(tmp_path: Path) -> None:
    site = copy_demo(tmp_path / "site")
    loud = _build(site, tmp_path / "loud", notice=True)
    assert loud.returncode == 0, loud.stderr  # --strict is not tripped by the notice
    lines = _notice_lines(loud.stderr)
    assert any("reaches end of life" in line for line in lines), loud.stderr
    quiet = _build(site, tmp_path / "quiet", notice=False)
    assert quiet.returncode == 0, quiet.stderr
    assert "end of life" not in quiet.stderr
    # the same pages either way
    files = sorted(p.relative_to(tmp_path / "loud") for p in (tmp_path / "loud").rglob("*.html"))
    assert files
    for rel in files:
        assert (tmp_path / "loud" / rel).read_bytes() == (tmp_path / "quiet" / rel).read_bytes()
    # docs/engines.md quotes the notice as Material prints it
    docs = (REPO / "docs" / "engines.md").read_text(encoding="utf-8")
    quoted = [line for line in lines if line.strip()]
    assert quoted and all(line.strip() in docs for line in quoted), quoted
