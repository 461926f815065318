"""Shared test helpers: temporary al-folio sites, builds, and parsed HTML."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def shared_path(*parts: str) -> Path:
    """A path in ../shared, or skip the test when the shared material is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared is optional)")
    return path
