"""Front matter read by us, with line numbers, because MkDocs drops broken YAML silently.

MkDocs swallows a YAML error in front matter and leaks the whole block into the page as text.
We split and parse every page ourselves, report the exact file line, and hand MkDocs a body
without the block, so a broken header costs the user one clear warning and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs_folio.cache.fingerprint import digest, fingerprint
from mkdocs_folio.problems import Problems
from mkdocs_folio.site.schema import check_front_matter
from mkdocs_folio.site.textfile import read_text
from mkdocs_folio.site.yamlfile import LineDict, YamlError, parse_yaml, report_duplicates

_FENCES = ("---", "...")


@dataclass
class FrontMatter:
    """A page split into its metadata and its body.

    `body_line` is the 1-based file line where the body starts, so that problems found later in
    the body (Liquid, math) can name the real line of the file.
    """

    meta: LineDict = field(default_factory=LineDict)
    body: str = ""
    body_line: int = 1
    has_front_matter: bool = False
    broken: bool = False
    not_utf8: bool = False
    """The file is not UTF-8 (read as Latin-1): MkDocs cannot read it itself."""

    def fingerprint(self) -> str:
        """Everything this front matter and body hold, as one fingerprint (kept: a parse is
        read-only once made, and reused across `mkdocs serve` rebuilds)."""
        known = self.__dict__.get("_fingerprint")
        if known is None:
            known = fingerprint(
                [
                    digest(self.body),
                    self.meta,
                    self.meta.lines,
                    self.meta.line,
                    self.body_line,
                    self.has_front_matter,
                    self.broken,
                    self.not_utf8,
                ]
            )
            self.__dict__["_fingerprint"] = known
        return known


def split_front_matter(text: str, path: Path | str, problems: Problems) -> FrontMatter:
    """Split `text` into front matter and body; record a problem if the YAML is broken."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return FrontMatter(body=text)

    for index in range(1, len(lines)):
        if lines[index].rstrip() in _FENCES:
            yaml_text = "".join(lines[1:index])
            body = "".join(lines[index + 1 :])
            body_line = index + 2
            break
    else:
        problems.add(
            "front matter is not closed",
            path,
            1,
            "add a line with only `---` after the front matter",
        )
        return FrontMatter(body=text, broken=True)

    result = FrontMatter(body=body, body_line=body_line, has_front_matter=True)
    if not yaml_text.strip():
        return result
    duplicates: list[tuple[object, int, int]] = []
    try:
        meta = parse_yaml(yaml_text, first_line=2, duplicates=duplicates)
    except YamlError as exc:
        salvaged, lost = salvage_yaml(yaml_text, first_line=2)
        if lost:
            hint = (
                f"fix the YAML there; until then the page is built without "
                f"{', '.join(repr(k) for k in lost)}"
            )
        else:
            hint = (
                "fix the YAML between the `---` lines; the page is built without its front matter"
            )
        problems.add(f"broken YAML front matter: {exc.message}", path, exc.line, hint)
        result.broken = True
        check_front_matter(salvaged, path, problems)
        result.meta = salvaged
        return result
    report_duplicates(duplicates, path, problems)
    if meta is None:
        return result
    if not isinstance(meta, LineDict):
        problems.add(
            f"front matter must be a mapping of `key: value` lines, found {type(meta).__name__}",
            path,
            2,
            "the page is built without its front matter",
        )
        result.broken = True
        return result
    check_front_matter(meta, path, problems)
    result.meta = meta
    return result


def salvage_yaml(text: str, first_line: int) -> tuple[LineDict, list[str]]:
    """Keep every top-level key that parses on its own when the whole block does not.

    One typo in `selected_papers:` should not also cost the page its layout, permalink and
    profile: the block is cut at unindented `key:` lines and each piece is parsed alone.
    Returns the keys that survived and the names of the pieces that did not.
    """
    lines = text.splitlines(keepends=True)
    starts = [
        i
        for i, line in enumerate(lines)
        if line[:1] not in (" ", "\t", "#", "-", "\n", "\r", "") and ":" in line
    ]
    salvaged = LineDict()
    salvaged.line = first_line
    lost: list[str] = []
    if not starts:
        return salvaged, lost
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(lines)
        chunk = "".join(lines[start:end])
        try:
            value = parse_yaml(chunk, first_line=first_line + start)
        except YamlError:
            lost.append(lines[start].split(":", 1)[0].strip())
            continue
        if isinstance(value, LineDict):
            for key, item in value.items():
                salvaged[key] = item
                salvaged.lines[key] = value.lines[key]
    return salvaged, lost


Splitter = Callable[[str, "Path | str", Problems], FrontMatter]


def read_front_matter(
    path: Path,
    problems: Problems,
    display: str | None = None,
    split: Splitter = split_front_matter,
) -> FrontMatter:
    """Read a file and split it; an unreadable file is a problem and an empty page.

    A file that is not UTF-8 is read as Latin-1 (with a problem naming the line), so its
    page is still built with everything the user wrote. `split` is `split_front_matter`
    or one that takes back an earlier build's parse of the same text
    (cache/frontmatters.py)."""
    local = Problems()
    text = read_text(path, local, display=display)
    problems.extend(local)
    if text is None:
        return FrontMatter(broken=True)
    if not text.strip():
        problems.add(
            "the file is empty",
            display or path,
            None,
            "add front matter and text, or delete the file; it is built as an empty page",
        )
    front = split(text, display or path, problems)
    front.not_utf8 = bool(local)
    return front
