"""YAML loading that remembers where each key was written, so warnings can name the line.

Jekyll sites are YAML all the way down (`_config.yml`, `_data/*.yml`, front matter). When a
value is wrong, the user needs the file and the line, not a Python traceback: mappings loaded
here are `LineDict`s that know the 1-based line of each of their keys.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from mkdocs_folio.problems import Problems
from mkdocs_folio.site.textfile import read_text

try:  # the C loader is several times faster on large data files
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


class LineDict(dict):
    """A dict that also records the source line of each key (`lines[key]`, 1-based)."""

    __slots__ = ("line", "lines")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lines: dict[Any, int] = {}
        self.line: int | None = None

    def line_of(self, key: Any, default: int | None = None) -> int | None:
        return self.lines.get(key, default if default is not None else self.line)


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that builds `LineDict`s and keeps dates in the forms PyYAML gives."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            key = str(key)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class YamlError(Exception):
    """A YAML syntax error with the 1-based line where the parser gave up."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def parse_yaml(text: str, first_line: int = 1) -> Any:
    """Parse YAML text; line numbers in the result and in errors start at `first_line`.

    Raises `YamlError` with a short, human message on a syntax error.
    """
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark is not None else None
        problem = exc.problem or "invalid YAML"
        context = f" {exc.context}" if exc.context else ""
        raise YamlError(f"{problem}{context}".strip(), line) from None
    except yaml.YAMLError as exc:
        raise YamlError(str(exc).splitlines()[0], None) from None
    if first_line != 1:
        _shift_lines(data, first_line - 1)
    return data


def _shift_lines(data: Any, offset: int) -> None:
    if isinstance(data, LineDict):
        if data.line is not None:
            data.line += offset
        for key in data.lines:
            data.lines[key] += offset
        for value in data.values():
            _shift_lines(value, offset)
    elif isinstance(data, list):
        for item in data:
            _shift_lines(item, offset)


def load_yaml_file(path: Path, problems: Problems, *, default: Any = None) -> Any:
    """Read a YAML file, recording a problem (never raising) when it is unreadable or broken."""
    text = read_text(path, problems)
    if text is None:
        return default
    try:
        data = parse_yaml(text)
    except YamlError as exc:
        problems.add(
            f"broken YAML: {exc.message}",
            path,
            exc.line,
            "fix the syntax there; the file is ignored until then",
        )
        return default
    return default if data is None else data
