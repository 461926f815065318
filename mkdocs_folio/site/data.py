"""`_data/`: every YAML/JSON file becomes `site.data.<name>`, nested folders nested maps."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs_folio.problems import Problems
from mkdocs_folio.site.filecache import FileCache
from mkdocs_folio.site.jekyll_rules import is_special_name
from mkdocs_folio.site.schema import check_data
from mkdocs_folio.site.textfile import read_text
from mkdocs_folio.site.yamlfile import load_yaml_file

DATA_SUFFIXES = (".yml", ".yaml", ".json")


def load_json_file(path: Path, problems: Problems) -> Any:
    text = read_text(path, problems)
    if text is None:
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        problems.add(
            f"broken JSON: {exc.msg}", path, exc.lineno, "fix the syntax; the file is ignored"
        )
    except RecursionError:
        problems.add("JSON nested too deeply", path, None, "the file is ignored")
    return None


def load_data_file(path: Path, problems: Problems) -> Any:
    """One data file; al-folio's own (coauthors, venues...) are checked for their shape here,
    inside the cached parse, so their warnings are replayed on every rebuild."""
    if path.suffix.lower() == ".json":
        value = load_json_file(path, problems)
    else:
        value = load_yaml_file(path, problems)
    if value is not None and path.parent.name and not check_data(path.stem, value, path, problems):
        return None
    return value


def load_data_dir(folder: Path, problems: Problems, cache: FileCache) -> dict[str, Any]:
    """Read a Jekyll data folder. Jekyll skips `_`/`.` names here too."""
    data: dict[str, Any] = {}
    if not folder.is_dir():
        return data
    for path in sorted(folder.iterdir()):
        if is_special_name(path.name):
            continue
        if path.is_dir():
            data[path.name] = load_data_dir(path, problems, cache)
        elif path.suffix.lower() in DATA_SUFFIXES:
            value = cache.get("data", path, problems, load_data_file)
            if value is not None:
                data[path.stem] = value
    return data
