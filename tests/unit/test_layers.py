"""The layers of the package, kept true by reading every module's imports.

mkdocs-folio is built in layers that depend only downwards (docs/architecture.md):

1. the core: `site/`, `bib/`, `liquid/`, `markdown/`, `cache/` and the shared `problems.py`,
   `markup.py`.
   It knows al-folio's formats and nothing of the engine, so it never imports MkDocs (or
   Material, or ProperDocs) nor anything above it;
2. the MkDocs adapter: `adapter/` and `options.py`;
3. `features/`, one module per area of the site;
4. `render/`, which renders pages through the features' hooks and reuses them (the build
   cache, the workers, the output folder);
5. `plugin.py`, which wires the features and the rendering to MkDocs' events.

Imports are read with `ast` from the source, including the ones inside functions and under
`if TYPE_CHECKING:`, so a late import cannot hide a dependency. The same graph must have no
cycle: each module can then be read, imported and tested on its own.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "mkdocs_folio"
ENGINES = ("mkdocs", "material", "properdocs")
CORE = (
    "mkdocs_folio.site",
    "mkdocs_folio.bib",
    "mkdocs_folio.liquid",
    "mkdocs_folio.markdown",
    "mkdocs_folio.cache",
    "mkdocs_folio.problems",
    "mkdocs_folio.markup",
)
ADAPTER = ("mkdocs_folio.adapter", "mkdocs_folio.options")
FEATURES = ("mkdocs_folio.features",)
RENDER = ("mkdocs_folio.render",)
PLUGIN = ("mkdocs_folio.plugin",)


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    target: str  # the imported module, absolute
    line: int

    def where(self) -> str:
        path = module_path(self.module).relative_to(REPO).as_posix()
        return f"{path}:{self.line}"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def module_path(name: str) -> Path:
    base = REPO.joinpath(*name.split("."))
    return base / "__init__.py" if base.is_dir() else base.with_suffix(".py")


def imports_of(source: str, module: str, *, is_package: bool = False) -> list[Import]:
    """Every module that `source` imports, wherever the statement is (functions too).

    `from package import name` counts as importing `package.name` as well, since `name` may
    be a submodule; the caller keeps only the targets that exist.
    """
    package = module if is_package else module.rpartition(".")[0]
    found: list[Import] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [Import(module, alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.append(Import(module, base, node.lineno))
            found += [Import(module, f"{base}.{a.name}", node.lineno) for a in node.names]
    return found


def package_imports() -> list[Import]:
    found: list[Import] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        source = path.read_text(encoding="utf-8")
        found += imports_of(source, name, is_package=path.name == "__init__.py")
    return found


def in_layer(name: str, layer: tuple[str, ...]) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in layer)


def is_engine(name: str) -> bool:
    return name.split(".")[0] in ENGINES


def is_our_module(name: str) -> bool:
    """A module of the package (not a name imported from one, such as `__version__`)."""
    return name.startswith("mkdocs_folio.") and module_path(name).is_file()


def layer_violations(found: list[Import]) -> list[str]:
    """One line per import that points up the layers (or at the engine, from the core)."""
    problems = []
    for item in found:
        source, target = item.module, item.target
        if in_layer(source, CORE):
            if is_engine(target) or (is_our_module(target) and not in_layer(target, CORE)):
                problems.append(f"{item.where()}: core module {source} imports {target}")
        elif in_layer(source, ADAPTER):
            if in_layer(target, FEATURES + RENDER + PLUGIN):
                problems.append(f"{item.where()}: adapter module {source} imports {target}")
        elif in_layer(source, FEATURES) and in_layer(target, RENDER + PLUGIN):
            problems.append(f"{item.where()}: feature {source} imports {target}")
        elif in_layer(source, RENDER) and in_layer(target, PLUGIN):
            problems.append(f"{item.where()}: render module {source} imports {target}")
    return problems


def import_cycles(found: list[Import], modules: set[str]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for item in found:
        if item.target in modules and item.target != item.module:
            graph[item.module].add(item.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


# ---- the package as it is ------------------------------------------------------------------


def test_every_module_belongs_to_a_known_place() -> None:
    """A new top-level module must be placed in a layer here (or be an entry point)."""
    entry_points = {"mkdocs_folio", "mkdocs_folio.cli", "mkdocs_folio.scaffold"}
    layers = CORE + ADAPTER + FEATURES + RENDER + PLUGIN + ("mkdocs_folio.theme",)
    unplaced = [
        name
        for name in map(module_name, PACKAGE.rglob("*.py"))
        if name not in entry_points and not in_layer(name, layers)
    ]
    assert unplaced == [], "add these modules to a layer in tests/unit/test_layers.py"


def test_layers_depend_only_downwards() -> None:
    assert layer_violations(package_imports()) == []


def test_no_import_cycles() -> None:
    modules = {module_name(path) for path in PACKAGE.rglob("*.py")}
    assert import_cycles(package_imports(), modules) == []


# ---- the checks themselves -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("mkdocs_folio.site.x", "import mkdocs.config\n"),
        ("mkdocs_folio.bib.x", "def f():\n    from material.plugins import search\n"),
        (
            "mkdocs_folio.liquid.x",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
            "    from mkdocs_folio.features.base import Feature\n",
        ),
        ("mkdocs_folio.markdown.x", "from ..adapter import views\n"),
        ("mkdocs_folio.site.x", "from mkdocs_folio import plugin\n"),
        ("mkdocs_folio.bib.x", "from mkdocs_folio.options import FolioConfig\n"),
        ("mkdocs_folio.features.x", "def f():\n    import mkdocs_folio.plugin\n"),
        ("mkdocs_folio.adapter.x", "from mkdocs_folio.features.base import Feature\n"),
    ],
)
def test_an_import_up_the_layers_is_reported(module: str, source: str) -> None:
    violations = layer_violations(imports_of(source, module))
    assert violations, source
    assert all(module in line for line in violations)


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("mkdocs_folio.site.x", "import markdown\nfrom mkdocs_folio.problems import Problems\n"),
        ("mkdocs_folio.bib.x", "from mkdocs_folio.site.config import as_bool\n"),
        ("mkdocs_folio.site.x", "from mkdocs_folio import __version__\n"),
        ("mkdocs_folio.features.x", "import mkdocs\nfrom mkdocs_folio.adapter import views\n"),
        ("mkdocs_folio.plugin", "from mkdocs_folio.features import default_features\n"),
    ],
)
def test_imports_down_the_layers_are_fine(module: str, source: str) -> None:
    assert layer_violations(imports_of(source, module)) == []


def test_a_cycle_through_a_late_import_is_found() -> None:
    found = imports_of("from mkdocs_folio.bib.b import x\n", "mkdocs_folio.bib.a")
    found += imports_of("def f():\n    from mkdocs_folio.bib import a\n", "mkdocs_folio.bib.b")
    modules = {"mkdocs_folio.bib", "mkdocs_folio.bib.a", "mkdocs_folio.bib.b"}
    assert import_cycles(found, modules) == [["mkdocs_folio.bib.a", "mkdocs_folio.bib.b"]]
