"""Jekyll's rules for which source files become pages (`lib/jekyll/entry_filter.rb`).

Users "switch off" pages by renaming them `_draft.md`, keep editor backups (`foo.md~`,
`#foo.md#`) next to their content and list paths under `exclude:`; MkDocs only skips dot
files, so without these rules all of that would be published.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from pathlib import Path

_SPECIAL_PREFIXES = ("_", ".", "#", "~")


def is_special_name(name: str) -> bool:
    """A name Jekyll never builds on its own: `_x`, `.x`, `#x`, `~x` or an editor backup `x~`."""
    return name.startswith(_SPECIAL_PREFIXES) or name.endswith("~")


def site_relative(path: Path, root: Path | None) -> str | None:
    """`path` as Jekyll names files, from the site folder (`_pages/about.md`); None when it
    lies outside `root`. Neither path is resolved here: callers pass comparable paths."""
    if root is None or not path.is_relative_to(root):
        return None
    return path.relative_to(root).as_posix()


def _matches(path: str, patterns: Iterable[str]) -> bool:
    """Jekyll's exclude/include matching: a glob, an exact path or a folder prefix."""
    for raw in patterns:
        pattern = raw.strip().lstrip("/")
        if not pattern:
            continue
        folder = pattern.rstrip("/")
        if path == folder or path.startswith(folder + "/"):
            return True
        if fnmatch.fnmatchcase(path, pattern) or fnmatch.fnmatchcase(path, folder):
            return True
        base = path.rsplit("/", 1)[-1]
        if "/" not in folder and fnmatch.fnmatchcase(base, folder):
            return True
    return False


def _names_entry(name: str, path: str, include: Iterable[str]) -> bool:
    """Jekyll keeps a special entry only when `include:` names that very entry."""
    for raw in include:
        pattern = raw.strip().strip("/")
        if pattern and (fnmatch.fnmatchcase(path, pattern) or fnmatch.fnmatchcase(name, pattern)):
            return True
    return False


def is_skipped(
    rel_path: str,
    *,
    root_prefix: str = "",
    exclude: Iterable[str] = (),
    include: Iterable[str] = (),
) -> bool:
    """Whether Jekyll would leave `rel_path` out of the site.

    `rel_path` is relative to the content folder (MkDocs' `docs_dir`); `root_prefix` is that
    folder's path relative to the site root (`_pages`), because `exclude:` globs are written
    relative to the site root while the special-name rule applies inside the content folder
    (Jekyll's `include: ["_pages"]` is what lets the `_pages` folder itself in).
    """
    rel_path = rel_path.replace("\\", "/").strip("/")
    root_path = f"{root_prefix.strip('/')}/{rel_path}" if root_prefix.strip("/") else rel_path
    include = list(include)
    # Jekyll subtracts the include patterns from the exclude patterns (`exclude - include`).
    if _matches(root_path, [p for p in exclude if p not in include]):
        return True
    parts = rel_path.split("/")
    for index in range(len(parts)):
        if is_special_name(parts[index]):
            if _names_entry(parts[index], "/".join(parts[: index + 1]), include):
                continue
            return True
    return False
