"""Packaging and deploy, as a user meets them: `mkdocs-folio new` and `mkdocs gh-deploy` to a
git remote. ProperDocs building every integration site as MkDocs does is tested in
test_properdocs.py; the wheel, built and installed into a fresh environment as the release
workflow does it, in test_release.py.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from mkdocs_folio.cli import main as cli_main
from mkdocs_folio.scaffold import site_files
from tests.browser.support import mkdocs_env
from tests.conftest import REPO, copy_demo, skip_unless_required
from tests.sitebuilder import build_site


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        command, cwd=cwd, env=env or mkdocs_env(), capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, (
        f"{' '.join(map(str, command))}:\n{result.stdout}\n{result.stderr}"
    )
    return result.stdout + result.stderr


# ---- the package lists every subpackage ---------------------------------------------------


def test_every_subpackage_ships_in_the_wheel() -> None:
    """pyproject.toml lists packages by hand (the theme lives outside the package folder):
    a new subpackage that is not listed would be missing from the wheel."""
    tomllib = pytest.importorskip("tomllib")
    listed = set(
        tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(REPO).parts)
        for init in (REPO / "mkdocs_folio").rglob("__init__.py")
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


# ---- mkdocs-folio new --------------------------------------------------------------------


def test_new_site_builds_strict(tmp_path: Path, capsys) -> None:
    root = tmp_path / "my-site"
    assert cli_main(["new", str(root), "--name", "Grace Brewster Hopper"]) == 0
    assert "mkdocs serve" in capsys.readouterr().out
    for name in (
        "mkdocs.yml",
        "_config.yml",
        "_pages/about.md",
        "_pages/publications.md",
        "_bibliography/papers.bib",
        "_data/socials.yml",
        "assets/img/prof_pic.svg",
        ".github/workflows/deploy.yml",
    ):
        assert (root / name).is_file(), name
    assert list((root / "_news").glob("*.md")) and list((root / "_posts").glob("*.md"))

    result = build_site(root, strict=True)
    assert result.error is None, result.error
    assert result.folio_warnings() == []
    home = result.soup("")
    assert "Grace" in home.select_one(".post-title").get_text()
    assert home.select_one(".profile img")["src"] == "assets/img/prof_pic.svg"
    assert home.select(".news table tr"), "news and latest posts on the about page"
    assert "An Example Paper You Can Replace" in home.get_text()
    assert home.select_one(".author em").get_text(strip=True) == "Grace Brewster Hopper"
    assert home.select(".contact-icons a")
    publications = result.soup("publications/")
    assert len(publications.select("ol.bibliography > li")) == 2
    assert publications.select_one("#bibsearch") is not None


def test_new_site_workflow_builds_strict_and_deploys_to_pages(tmp_path: Path) -> None:
    files = site_files("Ada Lovelace")
    workflow = yaml.safe_load(files[".github/workflows/deploy.yml"])
    site_dir = yaml.safe_load(files["mkdocs.yml"])["site_dir"]
    build_steps = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in build_steps]
    uses = [step.get("uses", "") for step in build_steps]
    assert "mkdocs build --strict" in runs
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    upload = next(s for s in build_steps if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"]["path"] == site_dir
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert "mkdocs-folio" in files["requirements.txt"]


def test_new_refuses_a_non_empty_folder(tmp_path: Path, capsys) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert cli_main(["new", str(tmp_path)]) == 1
    assert "not empty" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_new_into_an_empty_folder_and_a_file(tmp_path: Path) -> None:
    assert cli_main(["new", str(tmp_path)]) == 0  # empty is fine
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    assert cli_main(["new", str(target)]) == 2


def test_new_site_with_an_awkward_name(tmp_path: Path) -> None:
    root = tmp_path / "s"
    assert cli_main(["new", str(root), "--name", 'Zoë "Z" {de} la Cruz']) == 0
    result = build_site(root, strict=True)
    assert result.error is None, result.error
    assert "Zoë" in result.soup("").select_one(".post-title").get_text()


# ---- mkdocs gh-deploy --------------------------------------------------------------------


def test_gh_deploy_to_a_local_bare_repository(tmp_path: Path) -> None:
    git = shutil.which("git")
    if git is None:
        skip_unless_required("git is not installed (apt-get install git)")
    env = mkdocs_env()
    env.update(
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.org",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.org",
        GIT_CONFIG_NOSYSTEM="1",
        HOME=str(tmp_path),
    )
    remote = tmp_path / "remote.git"
    run([git, "init", "--bare", "-q", str(remote)], tmp_path, env)
    site = copy_demo(tmp_path / "site")
    run([git, "init", "-q", "-b", "main"], site, env)
    run([git, "add", "."], site, env)
    run([git, "commit", "-q", "-m", "site"], site, env)
    run([git, "remote", "add", "pages-remote", str(remote)], site, env)
    run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "gh-deploy",
            "--remote-name",
            "pages-remote",
            "--remote-branch",
            "published",
            "--message",
            "Deploy {sha} with mkdocs {version}",
            "--force",
        ],
        site,
        env,
    )
    files = run(
        [git, "--git-dir", str(remote), "ls-tree", "-r", "--name-only", "published"], site, env
    )
    names = set(files.split())
    assert {"index.html", "publications/index.html", ".nojekyll", "sitemap.xml"} <= names
    assert any(re.match(r"assets/folio/folio\.[0-9a-f]+\.css$", name) for name in names)
    log = run([git, "--git-dir", str(remote), "log", "-1", "--format=%s", "published"], site, env)
    assert log.startswith("Deploy ")
