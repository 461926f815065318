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


def line_of(mapping: Any, key: Any, default: int | None = None) -> int | None:
    """Where `key` was written in a mapping read from YAML, else where the mapping starts,
    else `default`. Any value may be passed: only `LineDict`s know lines."""
    if isinstance(mapping, LineDict):
        line = mapping.lines.get(key, mapping.line)
        if line is not None:
            return line
    return default


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that builds `LineDict`s and keeps dates in the forms PyYAML gives.

    It also notes keys written twice in one mapping (`duplicates`: key, first line, second
    line): YAML keeps the last silently, and the user should know the first one is lost.
    """

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[Any, int, int]] = []

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # A value that matches a YAML type but cannot be built (`!!int abc`, `!!timestamp x`)
        # raises a plain Python error inside PyYAML: make it a YAML error with its line.
        try:
            return super().construct_object(node, deep=deep)
        except yaml.YAMLError:
            raise
        except (ValueError, TypeError, AttributeError, OverflowError) as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read this value ({exc})", node.start_mark
            ) from None


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    # Keys merged in with `<<: *anchor` may be overridden on purpose: only the mapping's own
    # keys count as written twice.
    own = {id(key_node) for key_node, _ in node.value if key_node.tag != _MERGE_TAG}
    loader.flatten_mapping(node)
    mapping = LineDict()
    seen: set[Any] = set()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            key = str(key)
        line = key_node.start_mark.line + 1
        if id(key_node) in own:
            if key in seen:
                loader.duplicates.append((key, mapping.lines[key], line))
            seen.add(key)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = line
    return mapping


_MERGE_TAG = "tag:yaml.org,2002:merge"


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    """A date-shaped value that is not a real date (`2024-02-30`, `2024-13-45`) stays text,
    as Jekyll's YAML keeps it; whoever reads the date reports it with its line."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, TypeError, AttributeError, OverflowError):
        return loader.construct_scalar(node)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


class YamlError(Exception):
    """A YAML syntax error with the 1-based line where the parser gave up."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def parse_yaml(
    text: str, first_line: int = 1, duplicates: list[tuple[Any, int, int]] | None = None
) -> Any:
    """Parse YAML text; line numbers in the result and in errors start at `first_line`.

    Raises `YamlError` with a short, human message on a syntax error. Keys written twice in
    one mapping are appended to `duplicates` as (key, first line, second line).
    """
    loader = _LineLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark is not None else None
        problem = exc.problem or "invalid YAML"
        context = f" {exc.context}" if exc.context else ""
        raise YamlError(f"{problem}{context}".strip(), line) from None
    except yaml.reader.ReaderError as exc:
        # A control character (a NUL byte, binary junk): the reader knows the offset only.
        line = text.count("\n", 0, max(exc.position, 0)) + first_line
        char = exc.character
        code = char if isinstance(char, int) else ord(char[:1] or "\0")
        raise YamlError(f"{exc.reason} (character #x{code:04x})", line) from None
    except yaml.YAMLError as exc:
        raise YamlError(str(exc).splitlines()[0], None) from None
    finally:
        loader.dispose()
    if _is_cyclic(data):
        # `a: &x [*x]` builds a list that holds itself: every walk over it would never end.
        raise YamlError("an alias (*name) refers to the value that contains it", None)
    if first_line != 1:
        _shift_lines(data, first_line - 1)
    if duplicates is not None:
        offset = first_line - 1
        duplicates.extend((key, a + offset, b + offset) for key, a, b in loader.duplicates)
    return data


def _is_cyclic(data: Any) -> bool:
    """Whether a loaded YAML value contains itself (only aliases can do that)."""
    active: set[int] = set()
    done: set[int] = set()

    def visit(value: Any) -> bool:
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            return False
        ident = id(value)
        if ident in active:
            return True
        if ident in done:
            return False
        active.add(ident)
        found = any(visit(child) for child in children)
        active.discard(ident)
        done.add(ident)
        return found

    try:
        return visit(data)
    except RecursionError:
        return True


def report_duplicates(
    duplicates: list[tuple[Any, int, int]], path: Path | str, problems: Problems
) -> None:
    for key, first, second in duplicates:
        problems.add(
            f"'{key}' is written twice (also on line {first}); the value on line {second} is used",
            path,
            second,
            "remove or rename one of them",
        )


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
    duplicates: list[tuple[Any, int, int]] = []
    try:
        data = parse_yaml(text, duplicates=duplicates)
    except YamlError as exc:
        problems.add(
            f"broken YAML: {exc.message}",
            path,
            exc.line,
            "fix the syntax there; the file is ignored until then",
        )
        return default
    report_duplicates(duplicates, path, problems)
    return default if data is None else data
