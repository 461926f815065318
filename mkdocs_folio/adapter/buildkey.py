"""What every page of a build depends on: versions, `mkdocs.yml`, the theme's files.

Reused pages are keyed by this build fingerprint plus their own inputs. It covers:

- the versions of mkdocs-folio, MkDocs, Material, Python-Markdown, pymdown-extensions,
  Pygments, Jinja, python-liquid, pybtex, latex2mathml and PyYAML, and of folio's own source and
  theme files (by size and time, so an edited checkout counts as a new version);
- the whole MkDocs configuration after every plugin's `on_config` (Markdown extensions and
  their settings included), described value by value;
The theme's templates are not in it: each page depends on the templates its layout loads,
by content (`adapter/templates.py`), so editing one layout renders only its pages again.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import inspect
import os
import types
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path, PurePath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from mkdocs_folio.cache.fingerprint import fingerprint

PACKAGES = (
    "mkdocs-folio",
    "mkdocs",
    "mkdocs-material",
    "markdown",
    "pymdown-extensions",
    "pygments",
    "jinja2",
    "python-liquid",
    "pybtex",
    "latex2mathml",
    "pyyaml",
)

# Config keys that change between two builds of the same site and no page shows.
_VOLATILE = {"watch", "plugins", "site_dir", "config_file_path", "dev_addr", "strict"}


def versions() -> dict[str, str]:
    found = {}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = ""
    return found


def describe(value: Any, depth: int = 0) -> Any:
    """A value of the MkDocs configuration as plain data that says what it does."""
    if depth > 30:
        return "..."
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, enum.Enum):
        return f"{type(value).__qualname__}.{value.name}"
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, Mapping):
        return [[describe(k, depth + 1), describe(v, depth + 1)] for k, v in value.items()]
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [describe(item, depth + 1) for item in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, types.ModuleType):  # a `hooks:` file: what it does is its source
        return ["module", value.__name__, _file_digest(getattr(value, "__file__", None))]
    if inspect.isroutine(value) or inspect.isclass(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', value)}"
    name = f"{type(value).__module__}.{type(value).__qualname__}"
    get_configs = getattr(value, "getConfigs", None)
    if callable(get_configs):  # a Markdown extension instance
        return [name, describe(get_configs(), depth + 1)]
    if dataclasses.is_dataclass(value):
        return [name, describe(dataclasses.asdict(value), depth + 1)]
    if hasattr(value, "items") and callable(value.items):  # MkDocs' Theme, Config
        try:
            return [name, describe(dict(value.items()), depth + 1)]
        except Exception:
            return name
    if hasattr(value, "__dict__"):
        public = {k: v for k, v in vars(value).items() if not k.startswith("_")}
        return [name, describe(public, depth + 1)]
    return [name, str(value)]


def _file_digest(path: str | None) -> str:
    if not path:
        return ""
    try:
        with open(path, "rb") as handle:
            return hashlib.blake2b(handle.read(), digest_size=16).hexdigest()
    except OSError:
        return ""


def config_description(config: MkDocsConfig) -> Any:
    described = {}
    for key, value in config.items():
        if key in _VOLATILE:
            continue
        described[key] = describe(value)
    described["plugins"] = [
        [name, describe(dict(getattr(plugin, "config", {}) or {}))]
        for name, plugin in config.plugins.items()
    ]
    described["theme_dirs"] = list(config.theme.dirs)
    return described


def folder_digest(folder: Path, *, by_content: bool, memo: dict[str, tuple[Any, str]]) -> str:
    """The fingerprint of every file under `folder` (path and content, or size and time)."""
    hasher = hashlib.blake2b(digest_size=16)
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = os.path.join(root, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            hasher.update(os.path.relpath(path, folder).encode("utf-8", "surrogatepass"))
            identity = (stat.st_size, stat.st_mtime_ns)
            if not by_content:
                hasher.update(repr(identity).encode())
                continue
            known = memo.get(path)
            if known is None or known[0] != identity:
                with open(path, "rb") as handle:
                    known = (identity, hashlib.blake2b(handle.read(), digest_size=16).hexdigest())
                memo[path] = known
            hasher.update(known[1].encode())
    return hasher.hexdigest()


class BuildKey:
    """Computes the build fingerprint once per build (file digests kept across builds)."""

    def __init__(self) -> None:
        self._memo: dict[str, tuple[Any, str]] = {}
        self._versions = versions()

    def compute(self, config: MkDocsConfig, code: str) -> str:
        """The build fingerprint: `code` (this build's `code()`) and the configuration."""
        return fingerprint([code, config_description(config)])

    def code(self, package_dir: Path) -> str:
        """The part that does not depend on `mkdocs.yml`: the versions and folio's source
        (what a kept parse of a site file depends on besides the file)."""
        return fingerprint(
            [self._versions, folder_digest(package_dir, by_content=False, memo=self._memo)]
        )
