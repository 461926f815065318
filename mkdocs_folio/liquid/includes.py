"""Where an `{% include %}` or `{% include_relative %}` file is, without python-liquid: a
reused page checks that its includes are still the files it read (render/deps.py) before
any Liquid runs, and a warm build runs none (liquid/lazy.py)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

__all__ = ["find_include", "find_relative"]


def find_include(includes_dirs: Sequence[Path], name: str) -> Path | None:
    """`_includes/<name>`; also the other extension (`.html` <-> `.liquid`), for sites
    that renamed their includes in 2024 but not every page that uses them."""
    candidates = [name]
    stem, dot, extension = name.rpartition(".")
    if dot and extension in ("html", "liquid"):
        candidates.append(f"{stem}.{'liquid' if extension == 'html' else 'html'}")
    for directory in includes_dirs:
        for candidate in candidates:
            path = directory / candidate
            if path.is_file() and _inside(path, directory):
                return path
    return None


def find_relative(source_root: Path | None, source: Path | str, name: str) -> Path | None:
    """`name` beside the file `source` (relative to `source_root` when not absolute)."""
    base = Path(source)
    if not base.is_absolute() and source_root is not None:
        base = source_root / base
    directory = base.parent
    path = directory / name
    if path.is_file() and _inside(path, directory):
        return path
    return None


def _inside(path: Path, directory: Path) -> bool:
    """Refuse includes that escape their folder through a symbolic link."""
    try:
        return path.resolve().is_relative_to(directory.resolve())
    except (OSError, RuntimeError):
        return False
