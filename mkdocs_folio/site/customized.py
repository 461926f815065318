"""Stock or customized: a site's own `_layouts/` and `_includes/` files against al-folio's.

Every al-folio site carries al-folio's layouts and includes in its repository, and owners
edit them. A file is *stock* when its normalised text (whitespace, Liquid whitespace control,
`{% comment %}` blocks and HTML comments removed) has the digest of a released al-folio
version of the same file name; the digests live in `stock_hashes.json` beside this module,
made by `scripts/stock_hashes.py` from al-folio's history (digests only, never al-folio's
templates). A file with a known name and an unknown digest is *customized*; a name al-folio
never shipped is the site's *own* file; a name whose released versions the table does not
hold is *unchecked* (treated as stock, so that a missing table never changes a site).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "CHROME_INCLUDES",
    "Customization",
    "classify_file",
    "classify_site",
    "load_stock_hashes",
    "normalise",
    "stock_digest",
]

STOCK, CUSTOMIZED, OWN, UNCHECKED = "stock", "customized", "own", "unchecked"

# Includes that only draw al-folio's page chrome: folio's theme draws these parts itself.
CHROME_INCLUDES = frozenset(
    {
        "head",
        "header",
        "footer",
        "scripts",
        "metadata",
        "distill_scripts",
        "scripts/analytics",
        "scripts/jquery",
        "scripts/bootstrap",
        "scripts/mathjax",
        "scripts/misc",
        "scripts/search",
        "navbar",
    }
)

_COMMENT_BLOCK = re.compile(
    r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}", re.DOTALL | re.IGNORECASE
)
_INLINE_COMMENT = re.compile(r"\{%-?\s*#.*?-?%\}", re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_WHITESPACE = re.compile(r"\s+")
_HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.DOTALL | re.IGNORECASE)
_INCLUDE = re.compile(r"\{%-?\s*include\s+([\w./-]+)")
_SITE_NAME = re.compile(r"\bsite\.([A-Za-z_]\w*)")
_PAGE_NAME = re.compile(r"\bpage\.([A-Za-z_]\w*)")
_TAG = re.compile(r"\{%-?\s*([A-Za-z_]\w*)")


def normalise(text: str) -> str:
    """The text with comments, whitespace and Liquid's whitespace control removed."""
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    text = _COMMENT_BLOCK.sub("", text)
    text = _INLINE_COMMENT.sub("", text)
    text = _HTML_COMMENT.sub("", text)
    text = text.replace("{%-", "{%").replace("-%}", "%}")
    text = text.replace("{{-", "{{").replace("-}}", "}}")
    return _WHITESPACE.sub("", text)


def stock_digest(text: str) -> str:
    """The digest a file is known by: the first 12 hex digits of the normalised text's SHA-1."""
    data = normalise(text).encode("utf-8", "surrogatepass")
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()[:12]


def file_key(kind: str, relative: str) -> str:
    """`layouts/about` or `includes/scripts/misc`: the name without `.html`/`.liquid`, which
    al-folio changed in 2024 without changing the files."""
    stem = relative.replace("\\", "/")
    for suffix in (".liquid", ".html"):
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    return f"{kind}/{stem}"


@lru_cache(maxsize=1)
def _table_files() -> Mapping[str, Any]:
    """The `files` of the table shipped with the package (empty when it is missing)."""
    path = Path(__file__).with_name("stock_hashes.json")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = raw.get("files", {}) if isinstance(raw, dict) else {}
    return files if isinstance(files, dict) else {}


@lru_cache(maxsize=1)
def load_stock_hashes() -> Mapping[str, frozenset[str]]:
    """The table shipped with the package: file key -> digests of its released versions."""
    return {key: frozenset(value.get("digests", [])) for key, value in _table_files().items()}


@lru_cache(maxsize=1)
def _stock_names() -> Mapping[str, Mapping[str, frozenset[str]]]:
    """Per file key, the names its released versions use (includes, site./page. keys, tags)."""
    return {
        key: {name: frozenset(value.get(name, [])) for name in ("includes", "site", "page")}
        for key, value in _table_files().items()
    }


def used_names(text: str) -> dict[str, set[str]]:
    """What a template uses: included files, `site.` and `page.` keys, tag names."""
    return {
        "includes": {
            file_key("includes", name).split("/", 1)[1] for name in _INCLUDE.findall(text)
        },
        "site": set(_SITE_NAME.findall(text)),
        "page": set(_PAGE_NAME.findall(text)),
        "tags": set(_TAG.findall(text)),
    }


@dataclass(frozen=True)
class Customization:
    """One file of `_layouts/` or `_includes/` and what it is."""

    path: Path
    kind: str  # "layouts" or "includes"
    name: str  # "about", "news", "scripts/misc"
    status: str  # stock, customized, own, unchecked
    summary: str  # what differs, in a sentence
    headings: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.kind}/{self.name}"

    @property
    def changed(self) -> bool:
        return self.status in (CUSTOMIZED, OWN)


def classify_file(
    path: Path,
    kind: str,
    relative: str,
    table: Mapping[str, frozenset[str]] | None = None,
    names: Mapping[str, Mapping[str, frozenset[str]]] | None = None,
) -> Customization:
    """Classify one file; `table` and `names` default to the package's stock table."""
    table = load_stock_hashes() if table is None else table
    names = _stock_names() if names is None else names
    key = file_key(kind, relative)
    name = key.split("/", 1)[1]
    try:
        text = path.read_bytes().decode("utf-8", "replace")
    except OSError:
        return Customization(path, kind, name, UNCHECKED, "could not be read")
    headings = tuple(
        _WHITESPACE.sub(" ", re.sub(r"<[^>]+>|\{\{.*?\}\}", "", h)).strip()
        for h in _HEADING.findall(text)
    )
    headings = tuple(h for h in headings if h)
    known = table.get(key)
    if known is None:
        if table:
            return Customization(
                path,
                kind,
                name,
                OWN,
                "the site's own file (al-folio has none of that name)",
                headings,
            )
        return Customization(path, kind, name, UNCHECKED, "no stock table to compare with")
    if stock_digest(text) in known:
        return Customization(path, kind, name, STOCK, "al-folio's own", headings)
    return Customization(path, kind, name, CUSTOMIZED, _summary(text, names.get(key)), headings)


def _summary(text: str, stock: Mapping[str, frozenset[str]] | None) -> str:
    """What differs from every released version, in a sentence."""
    used = used_names(text)
    extras: list[str] = []
    if stock:
        extras += [f"includes {n}" for n in sorted(used["includes"] - stock["includes"])]
        extras += [f"reads site.{n}" for n in sorted(used["site"] - stock["site"])]
        extras += [f"reads page.{n}" for n in sorted(used["page"] - stock["page"])]
    if extras:
        return "differs from every released version: " + ", ".join(extras[:6])
    return "differs from every released version (text or markup changed)"


def classify_site(
    layouts_dir: Path,
    includes_dir: Path,
    table: Mapping[str, frozenset[str]] | None = None,
    names: Mapping[str, Mapping[str, frozenset[str]]] | None = None,
) -> list[Customization]:
    """Every `.html`/`.liquid` file of the two folders, in path order."""
    found: list[Customization] = []
    for kind, folder in (("layouts", layouts_dir), ("includes", includes_dir)):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".html", ".liquid") or not path.is_file():
                continue
            relative = path.relative_to(folder).as_posix()
            found.append(classify_file(path, kind, relative, table, names))
    return found


# al-folio includes whose content folio's about layout draws itself (profile, news, papers).
ABOUT_SECTIONS = frozenset({"news", "selected_papers", "latest_posts", "social"})


def treatment(item: Customization) -> tuple[bool, str]:
    """Whether folio shows the owner's change, and what it shows, in a sentence."""
    if item.kind == "includes":
        if item.name == "footer":
            return True, "rendered through Liquid in place of folio's footer"
        if item.name in CHROME_INCLUDES:
            return (
                False,
                f"folio's theme draws the {item.name.replace('_', ' ')}; this file's changes are not shown",
            )
        if item.name in ABOUT_SECTIONS:
            return False, (
                "pages that include it show your version; the about page's section is "
                "still drawn by folio"
            )
        return True, "rendered through Liquid wherever a page includes it"
    if item.name in NOT_PAGE_LAYOUTS:
        return False, (
            f"folio draws what the {item.name} layout draws itself; this file's changes are "
            "not shown"
        )
    return True, "rendered through its Liquid inside folio's page chrome"


# Layouts folio does not render through Liquid: the chrome, jekyll-scholar's entry layout,
# distill's page (folio's distill feature draws it).
NOT_PAGE_LAYOUTS = frozenset({"default", "compress", "none", "bib", "distill"})


def honoured_layouts(items: list[Customization]) -> dict[str, Path]:
    """Layout name -> file, for the layouts pages render through (changed or the site's own)."""
    return {
        item.name: item.path
        for item in items
        if item.kind == "layouts" and item.changed and item.name not in NOT_PAGE_LAYOUTS
    }


def honoured_includes(items: list[Customization]) -> frozenset[str]:
    """Include names whose site file renders in place of a built-in handler."""
    return frozenset(
        item.name
        for item in items
        if item.kind == "includes"
        and item.status == CUSTOMIZED
        and item.name not in CHROME_INCLUDES
    )


def report_line(item: Customization) -> str:
    """One line for `mkdocs-folio init`: file, what differs, honoured or not."""
    honoured, shown = treatment(item)
    mark = "honoured" if honoured else "not honoured"
    return f"{item.kind[:-1]} _{item.kind}/{item.path.name if item.kind == 'layouts' else item.name}: {item.summary}; {mark}: {shown}"
