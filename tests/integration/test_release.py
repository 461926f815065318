"""Releases and the first deploy: one version, a release workflow whose build job runs here as
it runs on GitHub, and new sites that pin the version that wrote them and cache their builds.

GitHub Actions cannot run here, so the workflows are read as YAML and their shape asserted,
and the release workflow's build steps (version check, release notes, sdist and wheel,
`twine check`, the wheel in a fresh environment building the demo) are run with bash in a
copy of the repository.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import mkdocs_folio
from mkdocs_folio import scaffold
from mkdocs_folio.scaffold import site_files
from tests.browser.support import mkdocs_env
from tests.conftest import REPO, require_module

RELEASE = REPO / ".github" / "workflows" / "release.yml"
VERSION = mkdocs_folio.__version__


def workflow(text: str) -> dict[str, Any]:
    data = yaml.safe_load(text)
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


def step_using(steps: list[dict[str, Any]], action: str) -> dict[str, Any]:
    return next(step for step in steps if step.get("uses", "").startswith(action + "@"))


def step_named(steps: list[dict[str, Any]], words: str) -> dict[str, Any]:
    return next(step for step in steps if words in step.get("name", ""))


def bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """A `run:` step as GitHub runs it on Linux (`bash --noprofile --norc -eo pipefail`)."""
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


# ---- one version -------------------------------------------------------------------------


def test_the_version_is_written_once() -> None:
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    dynamic = project["tool"]["setuptools"]["dynamic"]["version"]
    assert dynamic == {"attr": "mkdocs_folio.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", VERSION)
    literal = re.compile(rf"""["']{re.escape(VERSION)}["']""")
    elsewhere = [
        path.relative_to(REPO).as_posix()
        for path in [REPO / "pyproject.toml", *(REPO / "mkdocs_folio").rglob("*.py")]
        if path.name != "__init__.py" or path.parent.name != "mkdocs_folio"
        if literal.search(path.read_text(encoding="utf-8"))
    ]
    assert elsewhere == [], "the version is written again outside mkdocs_folio/__init__.py"


def test_the_changelog_keeps_a_changelog() -> None:
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^\]]+)\]", text, flags=re.M)
    assert headings and headings[0] == "Unreleased"
    for version in headings[1:]:
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), version
        assert re.search(rf"^## \[{re.escape(version)}\] - \d{{4}}-\d\d-\d\d$", text, re.M)
    assert re.search(r"^### (Added|Changed|Fixed|Removed)", text, flags=re.M)


# ---- the release workflow ------------------------------------------------------------------


def test_release_workflow_builds_checks_publishes_and_attaches() -> None:
    flow = workflow(RELEASE.read_text(encoding="utf-8"))
    assert flow["on"] == {"push": {"tags": ["v*.*.*"]}}
    assert flow["permissions"] == {"contents": "read"}
    jobs = flow["jobs"]

    build = jobs["build"]["steps"]
    runs = "\n".join(step.get("run", "") for step in build)
    assert step_using(build, "actions/checkout")
    assert "python -m build" in runs
    assert "twine check --strict dist/*" in runs
    fresh = step_named(build, "fresh environment")["run"]
    assert "python -m venv" in fresh and "pip install dist/*.whl" in fresh
    assert "cd demo-site" in fresh and 'mkdocs" build --strict' in fresh
    assert step_using(build, "actions/upload-artifact")["with"]["path"] == "dist/"
    # every check comes before the files leave the job
    upload = build.index(step_using(build, "actions/upload-artifact"))
    assert build.index(step_named(build, "fresh environment")) < upload

    publish = jobs["publish"]
    assert publish["needs"] == "build"
    assert publish["permissions"] == {"id-token": "write"}  # trusted publishing, no token
    assert publish["environment"]["name"] == "pypi"
    action = step_using(publish["steps"], "pypa/gh-action-pypi-publish")
    assert "with" not in action or "password" not in action["with"]
    assert "secrets." not in RELEASE.read_text(encoding="utf-8")

    release = jobs["github-release"]
    assert release["needs"] == "publish"
    assert release["permissions"] == {"contents": "write"}
    create = release["steps"][-1]["run"]
    assert create.startswith('gh release create "$GITHUB_REF_NAME" dist/*')
    assert "--notes-file notes/release-notes.md" in create


def _release_copy(root: Path) -> Path:
    """The repository as a release commit has it: tracked (and new, unignored) files, with
    the changelog's Unreleased section named after the current version."""
    if (REPO / ".git").exists() and shutil.which("git"):
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=REPO,
            capture_output=True,
            check=True,
        ).stdout.decode()
        for name in filter(None, listed.split("\0")):
            source = REPO / name
            if source.is_file():
                target = root / name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
    else:  # an unpacked sdist: no git
        shutil.copytree(
            REPO, root, ignore=shutil.ignore_patterns("*.egg-info", "dist", "build", "site")
        )
    changelog = root / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8")
    released = text.replace("## [Unreleased]", f"## [Unreleased]\n\n## [{VERSION}] - 2026-12-03", 1)
    changelog.write_text(released, encoding="utf-8")
    return root


def _step_env(runner_temp: Path, tag: str) -> dict[str, str]:
    env = mkdocs_env()
    env.pop("PYTHONPATH", None)
    env.pop("PYTHONHOME", None)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.update(GITHUB_REF_NAME=tag, RUNNER_TEMP=str(runner_temp))
    return env


def test_release_build_job_runs_here_and_its_wheel_builds_two_sites(tmp_path: Path) -> None:
    """The build job's own `run:` steps, in order, in a copy of the repository; then the
    environment they made (the wheel and its dependencies from the package index, without
    system site-packages) builds a second, different site with its installed CLI."""
    require_module("build", "pip install build")
    require_module("twine", "pip install twine")
    repo = _release_copy(tmp_path / "repo")
    runner_temp = tmp_path / "runner"
    runner_temp.mkdir()
    env = _step_env(runner_temp, f"v{VERSION}")
    steps = workflow(RELEASE.read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    for step in steps:
        if "run" in step:
            result = bash(step["run"], repo, env)
            assert result.returncode == 0, (
                f"{step.get('name', step['run'])}:\n{result.stdout}\n{result.stderr}"
            )

    dist = sorted(path.name for path in (repo / "dist").iterdir())
    assert dist == [f"mkdocs_folio-{VERSION}-py3-none-any.whl", f"mkdocs_folio-{VERSION}.tar.gz"]
    notes = (runner_temp / "release-notes.md").read_text(encoding="utf-8")
    assert "### Added" in notes and "## [" not in notes
    assert (runner_temp / "demo-site" / "index.html").is_file()

    env_dir = runner_temp / "wheel-env"
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    cfg = (env_dir / "pyvenv.cfg").read_text(encoding="utf-8")
    assert "include-system-site-packages = false" in cfg
    where = bash(
        f'"{bin_dir / "python"}" -c "import mkdocs_folio, mkdocs_folio.theme as t, mkdocs;'
        ' print(mkdocs_folio.__version__); print(t.__file__); print(mkdocs.__file__)"',
        tmp_path,
        env,
    ).stdout.split()
    assert where[0] == VERSION
    for path in where[1:]:
        assert Path(path).resolve().is_relative_to(env_dir.resolve()), path
    theme_dir = Path(where[1]).parent
    assert list((theme_dir / ".icons/folio").glob("*.svg"))
    css = {path.name for path in (theme_dir / "assets/css").glob("*.css")}
    assert {"00-base.css", "bib-entries.css"} <= css
    assert (theme_dir / "mkdocs_theme.yml").is_file()

    # a second site, made by the installed CLI (al-folio layout with _config.yml)
    second = tmp_path / "second"
    made = bash(f'"{bin_dir / "mkdocs-folio"}" new "{second}" --name "Ada Lovelace"', tmp_path, env)
    assert made.returncode == 0, made.stderr
    built = bash(f'"{bin_dir / "mkdocs"}" build --strict', second, env)
    assert built.returncode == 0, built.stderr
    for out in (runner_temp / "demo-site", second / "_site"):
        html = (out / "index.html").read_text(encoding="utf-8")
        assert re.search(r'href="assets/folio/folio\.[0-9a-f]+\.css"', html), out
    # both sites use the installed theme: neither has a copy of the theme's files
    for site in (repo / "demo-site", second):
        assert not list(site.rglob("mkdocs_theme.yml"))
        assert not list(site.rglob("00-base.css"))


@pytest.mark.parametrize(
    ("tag", "section", "ok"),
    [
        (f"v{VERSION}", True, True),
        ("v99.0.0", True, False),  # a tag that names another version
        (f"v{VERSION}", False, False),  # a changelog without the version's section
    ],
)
def test_release_refuses_a_tag_the_version_or_changelog_does_not_match(
    tmp_path: Path, tag: str, section: bool, ok: bool
) -> None:
    steps = workflow(RELEASE.read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    check = step_named(steps, "The tag names the version")["run"]
    repo = tmp_path / "repo"
    shutil.copytree(
        REPO / "mkdocs_folio", repo / "mkdocs_folio", ignore=shutil.ignore_patterns("__pycache__")
    )
    heading = f"## [{VERSION}] - 2026-12-03" if section else "## [0.0.1] - 2026-01-01"
    (repo / "CHANGELOG.md").write_text(
        f"# Changelog\n\n## [Unreleased]\n\n{heading}\n", encoding="utf-8"
    )
    result = bash(check, repo, _step_env(tmp_path, tag))
    assert (result.returncode == 0) is ok, result.stdout + result.stderr


def test_release_notes_are_the_version_section_only(tmp_path: Path) -> None:
    steps = workflow(RELEASE.read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    notes_step = step_named(steps, "Release notes")["run"]
    (tmp_path / "CHANGELOG.md").write_text(
        "# Changelog\n\n## [Unreleased]\n\n- next\n\n"
        "## [1.2.0] - 2027-01-02\n\n### Fixed\n\n- this [1.2.0] fix\n\n"
        "## [1.1.0] - 2026-12-01\n\n- older\n",
        encoding="utf-8",
    )
    result = bash(notes_step, tmp_path, _step_env(tmp_path, "v1.2.0"))
    assert result.returncode == 0, result.stderr
    notes = (tmp_path / "release-notes.md").read_text(encoding="utf-8")
    assert notes.strip() == "### Fixed\n\n- this [1.2.0] fix"
    # a version without a section gives no notes, and the step fails
    assert bash(notes_step, tmp_path, _step_env(tmp_path, "v3.0.0")).returncode != 0


# ---- what `mkdocs-folio new` writes ----------------------------------------------------------


def _requirement_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def test_new_site_pins_the_version_that_wrote_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scaffold, "__version__", "9.8.7")
    files = site_files("Ada Lovelace")
    assert _requirement_lines(files["requirements.txt"]) == ["mkdocs-folio==9.8.7"]
    readme = files["README.md"]
    install = f"mkdocs-folio @ git+{scaffold.SOURCE_REPOSITORY}@v9.8.7"
    assert install in readme and install in files["requirements.txt"]
    assert "<owner>" in scaffold.SOURCE_REPOSITORY  # a placeholder, said to be one
    assert "`<owner>` is the GitHub account" in readme


def test_new_site_pins_the_running_version() -> None:
    files = site_files("Ada Lovelace")
    assert _requirement_lines(files["requirements.txt"]) == [f"mkdocs-folio=={VERSION}"]


def _covered(path: str, pattern: str) -> bool:
    if pattern.endswith("/**"):
        return path.startswith(pattern[:-2])
    return path == pattern


def test_new_site_keeps_the_build_cache_out_of_git_and_in_the_actions_cache() -> None:
    files = site_files("Ada Lovelace")
    assert ".cache/" in files[".gitignore"].splitlines()

    steps = workflow(files[".github/workflows/deploy.yml"])["jobs"]["build"]["steps"]
    cache = step_using(steps, "actions/cache")
    assert cache["with"]["path"] == ".cache/mkdocs-folio"
    key = cache["with"]["key"]
    prefix = "mkdocs-folio-${{ runner.os }}-"
    assert key.startswith(prefix) and "hashFiles(" in key
    assert cache["with"]["restore-keys"].splitlines() == [prefix]  # a near match is used
    # restored before the build, saved after it (actions/cache saves at the end of the job)
    build = next(step for step in steps if step.get("run") == "mkdocs build --strict")
    assert steps.index(cache) < steps.index(build)
    # editing any file of the site's content changes the key
    patterns = re.findall(r"'([^']+)'", key)
    content = [
        path
        for path in files
        if not path.startswith(".github/") and path not in ("README.md", ".gitignore")
    ]
    assert [path for path in content if not any(_covered(path, p) for p in patterns)] == []
