"""Shared test helpers: temporary al-folio sites, builds, and parsed HTML."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEMO = REPO / "demo-site"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# Builds never fetch `external_sources` feeds from the internet in tests (the starter names
# medium.com); the feed tests serve theirs on 127.0.0.1 and set `offline: false`.
os.environ.setdefault("MKDOCS_FOLIO_OFFLINE", "1")
# Compiled templates go to the user's cache folder (adapter/templates.py): the suite keeps
# its own, so that it never writes to the home folder of whoever runs it.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="folio-test-user-cache-")


def shared_path(*parts: str) -> Path:
    """A path in ../shared, or skip the test when the shared material is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared is optional)")
    return path


def copy_demo(target: Path) -> Path:
    """A private copy of the demo site (tests may edit it; the repository stays clean)."""
    shutil.copytree(DEMO, target, ignore=shutil.ignore_patterns("site", ".cache", "__pycache__"))
    return target


@pytest.fixture(scope="session")
def demo_copy(tmp_path_factory) -> Path:
    """One copy of the demo for the session's read-only users (builds, `mkdocs serve`)."""
    return copy_demo(tmp_path_factory.mktemp("demo") / "site")


@pytest.fixture(scope="session")
def demo_build(demo_copy: Path, tmp_path_factory) -> Path:
    """The demo site built with `mkdocs build --strict`, once for the whole session (the
    HTML checks and the browser tests read the same build)."""
    from tests.browser.support import build_site

    out = tmp_path_factory.mktemp("demo-out")
    build_site(demo_copy, out)
    return out


# Browser tests drive Debian's Chromium through Playwright (never `playwright install`).
CHROMIUM = os.environ.get("FOLIO_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# The parity test's skip (tests/kramdown/parity.py says the same).
KRAMDOWN_MISSING = "ruby with kramdown and kramdown-parser-gfm is needed"

CHROMIUM_MISSING = (
    f"browser tests skipped: Chromium not found at {CHROMIUM}; "
    "install it with `apt-get install chromium` (Debian/Ubuntu)"
)


def skip_unless_required(reason: str) -> None:
    """Skip, or fail when FOLIO_REQUIRE_ALL=1 (set by .ci/run, which installs everything:
    in CI a missing tool is a broken setup, not a reason to run fewer tests)."""
    if os.environ.get("FOLIO_REQUIRE_ALL") == "1":
        pytest.fail(f"FOLIO_REQUIRE_ALL=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def require_chromium() -> str:
    """The Chromium executable, or skip. Every browser test skips from this one line, so
    `pytest -ra` folds them all into one line that says how to install Chromium."""
    if not Path(CHROMIUM).exists():
        skip_unless_required(CHROMIUM_MISSING)
    return CHROMIUM


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Fold every 'no Chromium' skip, and every 'no kramdown' skip, into one line of
    `pytest -ra` (pytest reports a fixture's skip at each test's own line, which would print
    one line per browser test)."""
    report = yield
    longrepr = report.longrepr
    folded = (CHROMIUM_MISSING, KRAMDOWN_MISSING)
    if (
        report.skipped
        and isinstance(longrepr, tuple)
        and any(reason in str(longrepr[2]) for reason in folded)
    ):
        report.longrepr = (__file__, None, longrepr[2])
    return report


def require_module(name: str, hint: str):
    """Import a test tool, or skip (fail under FOLIO_REQUIRE_ALL=1) saying how to get it."""
    try:
        return __import__(name, fromlist=["_"])
    except ImportError:
        skip_unless_required(f"{name} is not installed: {hint}")
